// Carrying out a planned update: a new version with every requested setting, so an update
// converges on what the workflow says; with `rollback-on-failure`, the last good settings are put
// back when it does not deploy or fails its smoke test.
import { formatError } from "../base/redact.ts";
import { describeRollback } from "../plan/describe.ts";
import type { Plan, PlannedAction } from "../plan/plan.ts";
import { requestedSettings } from "../plan/request-bodies.ts";
import { type OperationContext, recordStatus } from "./context.ts";
import { asked, awaitOnChoices, sendOnChoices } from "./gpu-fallback.ts";
import { rollBack, rollsBack } from "./rollback.ts";
import { runSmokeTest } from "./smoke.ts";

export async function updateEndpoint(
  op: OperationContext,
  plan: Plan,
  { endpoint, request, rollback }: Extract<PlannedAction, { kind: "update" }>,
): Promise<void> {
  const settings = requestedSettings(op.inputs, request.body.hfModelRepoRevision);
  await op.ledger?.record(endpoint.id, settings, "Update");
  if (rollback) op.log.info(describeRollback(rollback));
  op.log.info(`Updating endpoint ${endpoint.id}: new version with the requested settings`);
  op.remember(endpoint.id, false);
  // From now on an updatedAt is the new version's.
  const sentAtMs = op.clock.now();
  await sendOnChoices(op, plan, (on) => on.client.update(endpoint.id, asked(request.body, on)), endpoint.id);
  try {
    if (plan.wait) await awaitOnChoices(op, plan, endpoint.id, plan.wait, sentAtMs);
    else await readStatus(op, endpoint.id);
    // The health gate: a failed smoke test rolls back like a rollout that FAILED.
    if (plan.smokeTest) await runSmokeTest(op, endpoint.id, plan.smokeRoute);
  } catch (err) {
    // A rollback that serves leaves the failure standing, with `report.rolledBack` set.
    if (rollback && rollsBack(err)) await rollBack(op, endpoint, rollback, err);
    throw err;
  }
}

/**
 * The PUT answers the spec, not the status: without a wait, the only status known would be the
 * one listed before the update (RUNNING while it is UPDATING). One read; a failed one only warns.
 */
async function readStatus(op: OperationContext, id: string): Promise<void> {
  try {
    recordStatus(op.report, await op.client.status(id));
  } catch (err) {
    if (op.signal.aborted) throw err;
    op.log.warning(
      `Endpoint ${id} was updated, but its status could not be read: ${formatError(err, op.client.http.secrets)}`,
    );
  }
}
