// The Friendli HTTP options both steps build from the inputs: where requests go, who sends them,
// the advice that names the action's inputs, and the step's own deadline. One place, so the main
// step and the post step cannot drift apart on a header or the advice.
import type { Dispatcher } from "undici";
import type { Clock } from "../base/clock.ts";
import type { Logger } from "../base/log.ts";
import { statusAdvice } from "../friendli/advice.ts";
import type { HttpOptions } from "../friendli/http.ts";
import type { Inputs } from "../inputs/inputs.ts";

interface ClientDeps {
  clock: Clock;
  signal: AbortSignal;
  dispatcher?: Dispatcher;
}

export function friendliHttpOptions(
  inputs: Pick<Inputs, "apiUrl" | "friendliToken" | "teamId">,
  deps: ClientDeps,
  deadlineMs: number,
  log: Logger,
): HttpOptions {
  return {
    baseUrl: inputs.apiUrl,
    token: inputs.friendliToken,
    teamId: inputs.teamId,
    dispatcher: deps.dispatcher,
    clock: deps.clock,
    signal: deps.signal,
    deadlineMs,
    log,
    advise: statusAdvice,
  };
}
