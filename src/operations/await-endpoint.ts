// The bridge between an operation and the waiter: polls through the client, mirrors every status
// it sees into the report, and turns a bad outcome into the run's result.
import { errorHint } from "../friendli/error-codes.ts";
import { waitForEndpoint } from "../wait.ts";
import { type OperationContext, OperationFailure, observe } from "./context.ts";

/** How long a RUNNING right after a PUT may still be the old version (see WaitOptions.updateSettleMs). */
const UPDATE_SETTLE_MS = 60_000;

export async function awaitEndpoint(
  op: OperationContext,
  endpointId: string,
  target: "running" | "gone",
  options: { updateSentAtMs?: number; minReplicas?: number } = {},
): Promise<void> {
  const { client, report } = op;
  const outcome = await waitForEndpoint({
    endpointId,
    getStatus: (id) => client.status(id, { maxAttempts: 1 }),
    clock: op.clock,
    signal: op.signal,
    deadlineMs: op.deadlineMs,
    minReplicas: options.minReplicas ?? op.inputs.minReplicas,
    target,
    log: op.log,
    onObserve: (s) => observe(report, s),
    ...(options.updateSentAtMs === undefined
      ? {}
      : { updateSettleMs: UPDATE_SETTLE_MS, updateSentAtMs: options.updateSentAtMs }),
  });
  report.timeline = outcome.timeline;
  if (outcome.last) observe(report, outcome.last);
  if (outcome.kind === "success" || (target === "gone" && outcome.kind === "gone")) return;
  switch (outcome.kind) {
    case "failed":
      report.hint = errorHint(outcome.last?.errorCode);
      throw new OperationFailure(outcome.message, "failed");
    case "timed-out":
      throw new OperationFailure(outcome.message, "timed-out");
    case "cancelled":
      throw new OperationFailure(outcome.message, "cancelled");
    default:
      throw new OperationFailure(
        `endpoint ${endpointId} disappeared while waiting: ${outcome.message}`,
        "failed",
      );
  }
}
