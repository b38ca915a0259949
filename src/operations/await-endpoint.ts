// The bridge between a plan's wait and the waiter: polls through the client, mirrors every status
// it sees into the report, and turns a bad outcome into the failure that ends the run.

import { UPDATE_SETTLE_MS } from "../base/timing.ts";
import { errorHint } from "../friendli/error-codes.ts";
import type { Plan } from "../plan/plan.ts";
import { OperationFailure } from "../plan/result.ts";
import { waitForEndpoint } from "../wait/waiter.ts";
import { type OperationContext, recordStatus } from "./context.ts";

export async function awaitEndpoint(
  op: OperationContext,
  endpointId: string,
  wait: NonNullable<Plan["wait"]>,
  /** When an update was sent: a RUNNING older than that may still be the old version. */
  updateSentAtMs?: number,
): Promise<void> {
  const { client, report } = op;
  const { target } = wait;
  const outcome = await waitForEndpoint({
    endpointId,
    getStatus: (id) => client.status(id, { maxAttempts: 1 }),
    clock: op.clock,
    signal: op.signal,
    deadlineMs: op.deadlineMs,
    minReplicas: wait.minReplicas,
    target,
    log: op.log,
    onStatus: (s) => recordStatus(report, s),
    ...(updateSentAtMs === undefined ? {} : { updateSettleMs: UPDATE_SETTLE_MS, updateSentAtMs }),
  });
  report.timeline = outcome.timeline;
  if (outcome.last) recordStatus(report, outcome.last);
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
