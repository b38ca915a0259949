// The sweep's part of a run (operation: sweep): the facts plan() decides from, the dry run's
// listing, and carrying out the plan's rows. The executor (../sweep/execute.ts) and GitHub's client are
// loaded here, on first use, so a deploy never loads them.

import { COST_REPORT_BUDGET_MS } from "../base/timing.ts";
import { ApiError } from "../friendli/errors.ts";
import { type PreviewMatcher, parsePreviewName } from "../inputs/preview-names.ts";
import type { PlannedAction, SweepFacts } from "../plan/plan.ts";
import { OperationFailure } from "../plan/result.ts";
import type { SweepLedger, SweepReport, SweepRow } from "../sweep/execute.ts";
import type { OperationContext } from "./context.ts";

type SweepPlan = Extract<PlannedAction, { kind: "sweep" }>;

/** The previews of this repository in the project and the state of each PR, as of now. */
export async function sweepFacts(op: OperationContext): Promise<SweepFacts> {
  const [{ findSweepFacts }, { createPullRequestReader }] = await Promise.all([
    import("../sweep/execute.ts"),
    import("../sweep/pulls.ts"),
  ]);
  const pullRequest = await createPullRequestReader({
    token: op.inputs.githubToken,
    repository: op.run.repository,
    apiUrl: op.env.GITHUB_API_URL,
    log: op.log,
    signal: op.signal,
  });
  const found = await findSweepFacts({
    client: op.client,
    projectId: op.inputs.projectId,
    matcher: matcherOf(op),
    pullRequest,
    log: op.log,
    signal: op.signal,
    pricePerGpuHour: op.inputs.gpuHourlyPrice,
  });
  return { ...found, nowMs: op.clock.now() };
}

/** `name-prefix` when given, else this repository's own preview naming. */
function matcherOf(op: OperationContext): PreviewMatcher {
  return op.inputs.namePrefix ? { prefix: op.inputs.namePrefix } : { repository: op.run.repository };
}

/** Dry run: the rows into the report and the log (what would be deleted and why); nothing sent. */
export async function showSweep(op: OperationContext, plan: SweepPlan): Promise<void> {
  await startReport(op, plan);
  op.log.info(`dry-run: nothing was ${op.inputs.sweepAction === "sleep" ? "put to sleep" : "deleted"}.`);
}

/** Deletes what the plan doomed; one failure stops none of the others but fails the run at the end. */
export async function executeSweep(op: OperationContext, plan: SweepPlan): Promise<void> {
  const report = await startReport(op, plan);
  const [{ deletePlanned }, ledger] = await Promise.all([import("../sweep/execute.ts"), openSweepLedger(op)]);
  await deletePlanned({ client: op.client, log: op.log, signal: op.signal, ledger }, report, op.secrets);
  if (!op.signal.aborted) await recordSweepCosts(op, report);
  if (!op.signal.aborted && op.inputs.githubDeployment) await closeOrphans(op, report);
  const failure = sweepOutcome(op).error;
  if (failure) throw failure;
}

/**
 * What each deleted preview cost until now, from the team cost report: one read for all of them,
 * on the report's own budget; a report that cannot be read leaves the column empty (a debug line).
 */
async function recordSweepCosts(op: OperationContext, report: { rows: SweepRow[] }): Promise<void> {
  const deleted = report.rows.filter((r) => r.action === "deleted" || r.action === "slept");
  if (deleted.length === 0 || !op.clientUntil) return;
  const { readCostToDate } = await import("../cost/report.ts");
  const client = op.clientUntil(op.clock.now() + COST_REPORT_BUDGET_MS);
  try {
    const endpoints = deleted.map((r) => {
      const createdAtMs = r.createdAt ? Date.parse(r.createdAt) : Number.NaN;
      return { id: r.id, ...(Number.isFinite(createdAtMs) ? { createdAtMs } : {}) };
    });
    const costs = await readCostToDate(client, { endpoints, nowMs: op.clock.now() }, op.log, op.secrets);
    for (const row of deleted) {
      const usd = costs?.get(row.id)?.usd;
      if (usd !== undefined) row.costToDateUsd = usd;
    }
  } finally {
    await client.http.close();
  }
}

/**
 * The previews of the ledger whose endpoint no longer exists (none of that name was found, and its
 * recorded id answers 404) get their deployments marked inactive, and are listed in the summary.
 */
async function closeOrphans(op: OperationContext, report: SweepReport): Promise<void> {
  const { retireOrphans } = await import("../ledger/sweep.ts");
  const found = new Set(report.rows.map((r) => r.name));
  report.closed = await retireOrphans({
    ...ledgerOptions(op),
    missing: (e) =>
      e.projectId === op.inputs.projectId &&
      !found.has(e.name) &&
      parsePreviewName(e.name, matcherOf(op)) !== undefined,
    gone: (id) =>
      op.client.status(id).then(
        () => false,
        (err) => err instanceof ApiError && err.status === 404,
      ),
  });
  for (const name of report.closed)
    op.log.info(
      `No endpoint of the preview ${JSON.stringify(name)} is left: its deployments were marked inactive`,
    );
}

type LedgerParts = Pick<OperationContext, "inputs" | "run" | "env" | "log" | "secrets" | "signal">;

/**
 * With `github-deployment: true`, each deleted preview's deployments are marked inactive: by the
 * sweep, and by the post step for a cancelled sweep's deletes it confirms.
 */
export async function openSweepLedger(op: LedgerParts): Promise<SweepLedger | undefined> {
  if (!op.inputs.githubDeployment) return undefined;
  const { sweepLedger } = await import("../ledger/sweep.ts");
  return sweepLedger(ledgerOptions(op));
}

function ledgerOptions(op: LedgerParts) {
  return {
    enabled: true,
    context: op.run,
    token: op.inputs.githubToken,
    apiUrl: op.env.GITHUB_API_URL,
    log: op.log,
    secrets: [...op.secrets],
    signal: op.signal,
  };
}

async function startReport(op: OperationContext, plan: SweepPlan) {
  const { startSweepReport } = await import("../sweep/execute.ts");
  const sleep = op.inputs.sweepAction === "sleep";
  const report = startSweepReport(plan.rows, plan.othersLeftAlone, op.inputs.dryRun, op.log, sleep);
  op.report.sweep = { ...report, dryRun: op.inputs.dryRun, maxAgeMs: op.inputs.maxAgeMs };
  return op.report.sweep;
}

/** The sweep's failures (PR reads, deletes) as the error that fails the run, once all is done. */
export function sweepOutcome(op: OperationContext): { error?: OperationFailure } {
  const failures = op.report.sweep?.failures ?? [];
  if (failures.length === 0) return {};
  const head =
    failures.length === 1
      ? "The sweep failed:"
      : `The sweep failed ${failures.length} times (the rest went through):`;
  return { error: new OperationFailure([head, ...failures.map((f) => `- ${f}`)].join("\n"), "failed") };
}
