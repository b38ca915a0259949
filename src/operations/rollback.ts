// Rolling a failed update back (`rollback-on-failure`): the settings of the ledger's last successful
// deployment are PUT again and waited for, on a budget of their own (a timed-out update has spent
// the run's). The run still fails (`rolled-back`): the version it was asked for did not deploy.

import { formatError } from "../base/redact.ts";
import { ROLLBACK_BUDGET_MS } from "../base/timing.ts";
import { estimateHourlyCost, estimateText, exceedsCap, type HourlyCost, usd } from "../cost/estimate.ts";
import type { FoundEndpoint } from "../endpoint/lookup.ts";
import { ApiError } from "../friendli/errors.ts";
import type { Inputs } from "../inputs/inputs.ts";
import type { DeploymentSettings } from "../ledger/ledger.ts";
import { versionOf } from "../ledger/run.ts";
import type { Rollback } from "../plan/plan.ts";
import { OperationFailure } from "../plan/result.ts";
import { closeOpenSpan } from "../wait/timeline.ts";
import { awaitEndpoint } from "./await-endpoint.ts";
import { type OperationContext, warn } from "./context.ts";

/** A failure a rollback answers: the new version FAILED, failed its smoke test or came up too late. */
export function rollsBack(err: unknown): boolean {
  if (err instanceof OperationFailure) return err.result === "failed" || err.result === "timed-out";
  return err instanceof ApiError && err.kind === "deadline";
}

/** What recorded settings cost per hour, priced as the run's own request is. */
export function settingsCost(
  settings: DeploymentSettings,
  inputs: Pick<Inputs, "gpu" | "gpuHourlyPrice">,
): HourlyCost | undefined {
  return estimateHourlyCost({
    instanceOptionId: settings.gpu.instanceOptionId,
    minReplicas: settings.autoscaling.minReplicas,
    maxReplicas: settings.autoscaling.maxReplicas,
    pricePerGpuHour: inputs.gpuHourlyPrice,
    pricedFor: inputs.gpu?.instanceOptionId,
  });
}

/** Why `max-hourly-cost`, which holds for every request that sets a GPU, stops the rollback's PUT. */
export function rollbackOverCap(
  cost: HourlyCost | undefined,
  capUsd: number | undefined,
): string | undefined {
  if (capUsd === undefined) return undefined;
  if (!cost) return "the recorded GPU or replicas have no estimate, so `max-hourly-cost` cannot be checked";
  return exceedsCap(cost, capUsd)
    ? `they cost ${estimateText(cost)}, above \`max-hourly-cost\` ${usd(capUsd)}`
    : undefined;
}

/**
 * Puts the rollback's settings back and waits for RUNNING; `report.rolledBack` once they serve
 * again. A rollback that fails too only warns: the update's failure stands.
 */
export async function rollBack(
  op: OperationContext,
  endpoint: FoundEndpoint,
  rollback: Rollback,
  failure: unknown,
): Promise<void> {
  const { report, log } = op;
  const deadlineMs = op.clock.now() + ROLLBACK_BUDGET_MS;
  const client = op.clientUntil?.(deadlineMs) ?? op.client;
  const before = report.timeline;
  const { deploymentId, payload } = rollback.entry;
  const cost = settingsCost(payload.settings, op.inputs);
  const overCap = rollbackOverCap(cost, op.inputs.maxHourlyCost);
  const failed = `The update of endpoint ${endpoint.id} ${report.failedCheck ? "failed its smoke test" : "did not deploy"}`;
  if (overCap) {
    const message =
      `${failed}, and the rollback to the settings of ` +
      `GitHub deployment ${deploymentId} was not sent: ${overCap}`;
    return warn(op, message);
  }
  log.warning(
    `${failed} (${formatError(failure, client.http.secrets)}); ` +
      `rolling back to the settings of GitHub deployment ${deploymentId} (\`rollback-on-failure: true\`)`,
  );
  const sentAtMs = op.clock.now();
  // The update's last span (a rollout cut short by the timeout, or FAILED) ends as the rollback
  // replaces it, or the summary would show it lasting to the end of the run beside the rollback's.
  closeOpenSpan(before, sentAtMs);
  try {
    await client.update(endpoint.id, rollback.request.body);
    const wait = { target: "running", minReplicas: payload.settings.autoscaling.minReplicas } as const;
    await awaitEndpoint({ ...op, client, deadlineMs }, endpoint.id, wait, sentAtMs);
  } catch (err) {
    report.timeline = [...before, ...report.timeline.filter((s) => !before.includes(s))];
    if (op.signal.aborted) throw err;
    const message = `The rollback of endpoint ${endpoint.id} failed too: ${formatError(err, client.http.secrets)}`;
    return warn(op, message);
  }
  report.timeline = [...before, ...report.timeline];
  report.rolledBack = true;
  report.previous = versionOf(rollback.entry);
  // What runs now is what it costs: the failed request's estimate no longer describes the endpoint.
  report.cost = { ...report.cost, hourly: cost };
  log.info(
    `Rolled back: endpoint ${endpoint.id} serves the settings of GitHub deployment ${deploymentId} again` +
      (cost ? `; estimated cost: ${estimateText(cost)}` : ""),
  );
  await op.ledger?.recordRollback(endpoint.id, rollback.entry);
}
