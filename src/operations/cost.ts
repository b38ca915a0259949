// What the run's endpoint costs, into the report: the estimate per hour (from the plan, or for an
// endpoint left as it is, from its spec), and the cost so far from the team's cost report, read on
// a budget of its own (COST_REPORT_BUDGET_MS) that never fails or holds up the run.

import type { Logger } from "../base/log.ts";
import { COST_REPORT_BUDGET_MS } from "../base/timing.ts";
import { estimateFromSpec, estimateText } from "../cost/estimate.ts";
import { readCostToDate } from "../cost/report.ts";
import type { FoundEndpoint } from "../endpoint/lookup.ts";
import type { FriendliClient } from "../friendli/client.ts";
import type { Inputs } from "../inputs/inputs.ts";
import type { Plan } from "../plan/plan.ts";
import type { RunReport } from "../report/run-report.ts";
import type { OperationContext } from "./context.ts";

/** The estimate into the report and the log: the plan's, else the found endpoint's own settings. */
export function recordHourlyCost(
  { inputs, report, log }: OperationContext,
  plan: Plan,
  found?: FoundEndpoint,
) {
  const hourly =
    plan.cost ??
    (found?.spec && estimateFromSpec(found.spec, inputs.gpuHourlyPrice, inputs.gpu?.instanceOptionId));
  if (!hourly) return;
  report.cost = { ...report.cost, hourly };
  if (!inputs.dryRun) log.info(`Estimated cost: ${estimateText(hourly)}`);
}

/**
 * The endpoint's cost to date into the report, after a deploy or a status check that knows the
 * endpoint. Not after a dry run (nothing was meant to be sent but the lookup) nor a delete.
 */
export async function recordCostSoFar(
  report: RunReport,
  deps: {
    inputs: Inputs;
    clientUntil: (deadlineMs: number) => FriendliClient;
    now: () => number;
    log: Logger;
    secrets: readonly string[];
  },
): Promise<void> {
  const { inputs } = deps;
  if (inputs.dryRun || (inputs.operation !== "deploy" && inputs.operation !== "status")) return;
  const id = report.endpointId;
  if (!id || report.deletedAfterFailure) return;
  const createdAtMs = Date.parse(report.createdAt ?? "");
  const endpoints = [{ id, createdAtMs: Number.isFinite(createdAtMs) ? createdAtMs : undefined }];
  const client = deps.clientUntil(deps.now() + COST_REPORT_BUDGET_MS);
  try {
    const costs = await readCostToDate(client, { endpoints, nowMs: deps.now() }, deps.log, deps.secrets);
    const toDate = costs?.get(id);
    if (toDate) report.cost = { ...report.cost, toDate };
  } finally {
    await client.http.close();
  }
}
