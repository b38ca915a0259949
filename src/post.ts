// The post step (action.yml `post:`, always run, also after cancellation). It exists for one job
// the main step cannot do safely: deleting, after a cancellation, an endpoint this run created
// when delete-on-failure asks for it (the main step sends no request after the signal).
import { systemClock } from "./clock.ts";
import { readRunContext } from "./context.ts";
import { FriendliClient } from "./friendli/client.ts";
import { ApiError } from "./friendli/errors.ts";
import { formatError } from "./friendli/redact.ts";
import { parseInputs } from "./inputs.ts";
import { State } from "./names.ts";
import { safeLogger } from "./report/safe-text.ts";
import * as core from "./runner.ts";

const POST_DEADLINE_MS = 60_000;

export async function post({ signal }: { signal: AbortSignal }): Promise<void> {
  const endpointId = core.getState(State.endpointId);
  if (core.getState(State.result) !== "cancelled" || core.getState(State.createdByThisRun) !== "true") return;
  const parsed = parseInputs((name) => core.getInput(name), readRunContext());
  if (parsed.kind !== "ok" || !parsed.inputs.deleteOnFailure || !endpointId) return;
  const { inputs } = parsed;
  core.setSecret(inputs.friendliToken);
  const log = safeLogger(core, [inputs.friendliToken]);
  const client = new FriendliClient({
    baseUrl: inputs.apiUrl,
    token: inputs.friendliToken,
    teamId: inputs.teamId,
    clock: systemClock,
    signal,
    deadlineMs: systemClock.now() + POST_DEADLINE_MS,
    log,
  });
  try {
    await client.delete(endpointId);
    log.info(`delete-on-failure: deleted endpoint ${endpointId}, created by the cancelled run`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return;
    log.warning(
      `delete-on-failure: could not delete endpoint ${endpointId}: ${formatError(err, [inputs.friendliToken])}`,
    );
  }
}
