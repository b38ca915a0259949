// The Friendli HTTP options both steps build from the inputs, in one place so the main step and the
// post step cannot drift apart on a header or the advice that names the action's inputs.
import type { Logger } from "../base/log.ts";
import { statusAdvice } from "../friendli/advice.ts";
import type { HttpOptions } from "../friendli/http.ts";
import type { Inputs } from "../inputs/inputs.ts";

export function friendliHttpOptions(
  inputs: Pick<Inputs, "apiUrl" | "friendliToken" | "teamId">,
  { clock, signal, dispatcher }: Pick<HttpOptions, "clock" | "signal" | "dispatcher">,
  deadlineMs: number,
  log: Logger,
): HttpOptions {
  const { apiUrl: baseUrl, friendliToken: token, teamId } = inputs;
  return { baseUrl, token, teamId, dispatcher, clock, signal, deadlineMs, log, advise: statusAdvice };
}
