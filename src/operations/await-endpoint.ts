// The bridge between a plan's wait and the waiter: polls through the client, mirrors every status
// it sees into the report, and turns a bad outcome into the failure that ends the run.

import { UPDATE_SETTLE_MS } from "../base/timing.ts";
import { errorHint } from "../friendli/error-codes.ts";
import type { Plan } from "../plan/plan.ts";
import { OperationFailure } from "../plan/result.ts";
import { type WaitOptions, waitForEndpoint } from "../wait/waiter.ts";
import { type OperationContext, recordStatus } from "./context.ts";

export async function awaitEndpoint(
  op: OperationContext,
  endpointId: string,
  { target, minReplicas }: NonNullable<Plan["wait"]>,
  /** When an update was sent: a RUNNING older than that may still be the old version. */
  updateSentAtMs?: number,
  leaveAt?: WaitOptions["leaveAt"],
): Promise<void> {
  const { client, report } = op;
  const outcome = await waitForEndpoint({
    ...op,
    endpointId,
    getStatus: (id) => client.status(id, { maxAttempts: 1 }),
    minReplicas,
    target,
    onStatus: (s) => recordStatus(report, s),
    updateSettleMs: updateSentAtMs === undefined ? undefined : UPDATE_SETTLE_MS,
    updateSentAtMs,
    leaveAt,
  });
  report.timeline = outcome.timeline;
  if (outcome.last) recordStatus(report, outcome.last);
  const { kind, message } = outcome;
  if (kind === "success" || (target === "gone" && kind === "gone")) return;
  if (kind === "gone")
    throw new OperationFailure(`endpoint ${endpointId} disappeared while waiting: ${message}`, "failed");
  if (kind === "failed") report.hint = errorHint(outcome.last?.errorCode);
  throw new OperationFailure(message, kind);
}
