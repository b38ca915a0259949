// The post step (action.yml `post:`, always run, also after cancellation). It does what the main
// step cannot do safely once cancelled (it sends no request after the signal): delete an endpoint
// this run created when delete-on-failure asks for it, and close this run's GitHub deployment.
import { systemClock } from "./clock.ts";
import { readRunContext } from "./context.ts";
import { FriendliClient } from "./friendli/client.ts";
import { ApiError } from "./friendli/errors.ts";
import { formatError } from "./friendli/redact.ts";
import { type Inputs, parseInputs } from "./inputs.ts";
import type { Logger } from "./log.ts";
import { State } from "./names.ts";
import { statusAdvice } from "./operations/advice.ts";
import { safeLogger } from "./report/safe-text.ts";
import * as core from "./runner.ts";
import { CLEANUP_DEADLINE_MS } from "./timing.ts";

export async function post({ signal }: { signal: AbortSignal }): Promise<void> {
  if (core.getState(State.result) !== "cancelled") return;
  const endpointId = core.getState(State.endpointId);
  const deploymentId = core.getState(State.deploymentId);
  const context = readRunContext();
  const parsed = parseInputs((name) => core.getInput(name), context);
  if (parsed.kind !== "ok") return;
  const { inputs } = parsed;
  core.setSecret(inputs.friendliToken);
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  const log = safeLogger(core, [inputs.friendliToken, inputs.githubToken].filter(Boolean));
  const deleted =
    core.getState(State.createdByThisRun) === "true" && inputs.deleteOnFailure && endpointId
      ? await deleteCreated(inputs, endpointId, log, signal)
      : false;
  if (!deploymentId) return;
  const { settleCancelledDeployment } = await import("./post-ledger.ts");
  await settleCancelledDeployment({
    inputs,
    context,
    deploymentId,
    ...(deleted ? { deletedEndpointId: endpointId } : {}),
    apiUrl: process.env.GITHUB_API_URL,
    log,
    signal,
  });
}

/** delete-on-failure after a cancellation; true when the endpoint is gone. */
async function deleteCreated(
  inputs: Inputs,
  endpointId: string,
  log: Logger,
  signal: AbortSignal,
): Promise<boolean> {
  const client = new FriendliClient({
    baseUrl: inputs.apiUrl,
    token: inputs.friendliToken,
    teamId: inputs.teamId,
    clock: systemClock,
    signal,
    deadlineMs: systemClock.now() + CLEANUP_DEADLINE_MS,
    log,
    advise: statusAdvice,
  });
  try {
    await client.delete(endpointId);
    log.info(`delete-on-failure: deleted endpoint ${endpointId}, created by the cancelled run`);
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return true;
    log.warning(
      `delete-on-failure: could not delete endpoint ${endpointId}: ${formatError(err, [inputs.friendliToken])}`,
    );
    return false;
  }
}
