// operation: sweep. Finds this repository's preview endpoints in the project and asks GitHub for
// each PR's state (the facts the plan decides from, src/sweep/decide.ts), then deletes the
// previews the plan doomed. An endpoint whose name is not a preview name of this repository is
// never touched. Loaded only when a sweep runs.
import { mapLimit } from "../base/concurrency.ts";
import { truncate } from "../base/format.ts";
import type { Logger } from "../base/log.ts";
import { formatError, redactTokenShapes } from "../base/redact.ts";
import { stripInvisible } from "../base/safe-text.ts";
import { REQUESTS_IN_FLIGHT } from "../base/timing.ts";
import { estimateFromSpec } from "../cost/estimate.ts";
import { type SpecCache, specOf } from "../endpoint/lookup.ts";
import type { FriendliClient } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import { type PreviewMatcher, parsePreviewName } from "../inputs/preview-names.ts";
import {
  type PlannedSweepRow,
  type PreviewEndpoint,
  type PrState,
  type SweepResult,
  sweepResult,
} from "./decide.ts";
import type { PullRequestReader } from "./pulls.ts";

/** The GitHub deployments ledger, when it is on: a deleted preview's deployments are marked inactive. */
export interface SweepLedger {
  /** Called after each delete (never in a dry run). A failure is a warning, not a failed sweep. */
  markInactive?(preview: PreviewEndpoint): Promise<void>;
}

/** Where the previews and their PRs' states come from. */
interface SweepSource {
  client: FriendliClient;
  projectId: string;
  matcher: PreviewMatcher;
  pullRequest: PullRequestReader;
  log: Logger;
  signal?: AbortSignal;
  /** Requests in flight at once (spec reads, PR reads, deletes). */
  concurrency?: number;
  ledger?: SweepLedger;
  /** `gpu-hourly-price`, for what each preview costs per hour; the list price without it. */
  pricePerGpuHour?: number;
}

/** `pending`: doomed, and no delete has answered yet; a row still pending at the end was cut short. */
type SweepAction = "deleted" | "would-delete" | "kept" | "delete-failed" | "pending";

export interface SweepRow extends PreviewEndpoint {
  pr: PrState;
  ageMs?: number;
  action: SweepAction;
  reason: string;
  /** What the team cost report says it cost until it was deleted (only after a delete, when readable). */
  costToDateUsd?: number;
}

export interface SweepReport {
  result: SweepResult;
  rows: SweepRow[];
  /** Endpoints of the project that are not previews of this repository: left alone. */
  othersLeftAlone: number;
  /** Why the sweep failed: each delete or PR lookup that went wrong (already redacted). */
  failures: string[];
  warnings: string[];
  /** Previews found gone whose deployments still stood: this sweep marked them inactive. */
  closed?: string[];
}

/** What the plan decides from: the previews, each PR's state, and how many endpoints are not ours. */
interface SweepFindings {
  previews: PreviewEndpoint[];
  states: Map<number, PrState>;
  othersLeftAlone: number;
}

/** The previews of this repository in the project, and the state of each of their PRs. */
export async function findSweepFacts(opts: SweepSource): Promise<SweepFindings> {
  const concurrency = opts.concurrency ?? REQUESTS_IN_FLIGHT;
  const { previews, others } = await findPreviews(opts, concurrency);
  opts.log.info(
    `Found ${previews.length} preview endpoint(s) of this repository; ${others} other endpoint(s) left alone`,
  );
  const numbers = [...new Set(previews.map((p) => p.prNumber))];
  const read = await mapLimit(numbers, concurrency, (n) => opts.pullRequest(n), opts.signal);
  const states = new Map(numbers.map((n, i) => [n, read[i] as PrState]));
  return { previews, states, othersLeftAlone: others };
}

/**
 * The report of a planned sweep before any delete: doomed rows read `pending` (`would-delete` in
 * a dry run) until their delete answers. Logs what a dry run would do and every warning.
 */
export function startSweepReport(
  planned: readonly PlannedSweepRow[],
  othersLeftAlone: number,
  dryRun: boolean,
  log: Logger,
): SweepReport {
  const failures: string[] = [];
  const warnings: string[] = [];
  const rows = planned.map(({ decision, ...p }): SweepRow => {
    if (p.pr.kind === "error" && !failures.includes(p.pr.message)) failures.push(p.pr.message);
    else if (decision.warn) {
      const warning = `${show(p.name)} (PR #${p.prNumber}): ${decision.reason}`;
      warnings.push(warning);
      log.warning(warning);
    }
    const action: SweepAction = decision.action === "keep" ? "kept" : dryRun ? "would-delete" : "pending";
    if (action === "would-delete")
      log.info(`dry-run: would delete ${p.id} ${show(p.name)}: ${decision.reason}`);
    return { ...p, action, reason: decision.reason };
  });
  const report: SweepReport = { result: "clean", rows, othersLeftAlone, failures, warnings };
  report.result = resultOfReport(report);
  return report;
}

/**
 * Deletes the doomed rows in parallel. Each delete catches its own failure, so one failure never
 * leaves the other stale previews running; the row then reads `delete-failed`.
 */
export async function deletePlanned(
  opts: Pick<SweepSource, "client" | "log" | "signal" | "concurrency" | "ledger">,
  report: SweepReport,
  secrets: readonly string[],
): Promise<void> {
  const doomed = report.rows.filter((r) => r.action === "pending");
  const warn = (m: string) => {
    report.warnings.push(m);
    opts.log.warning(m);
  };
  await mapLimit(
    doomed,
    opts.concurrency ?? REQUESTS_IN_FLIGHT,
    (r) => deleteOne(opts, r, report.failures, warn, secrets),
    opts.signal,
  );
  report.result = resultOfReport(report);
}

function resultOfReport(r: SweepReport): SweepResult {
  const count = (a: SweepAction) => r.rows.filter((row) => row.action === a).length;
  return sweepResult({
    deleted: count("deleted"),
    planned: count("would-delete") + count("pending"),
    failures: r.failures.length,
  });
}

async function deleteOne(
  opts: Pick<SweepSource, "client" | "log" | "signal" | "ledger">,
  row: SweepRow,
  failures: string[],
  warn: (m: string) => void,
  secrets: readonly string[],
): Promise<void> {
  try {
    await opts.client.delete(row.id);
    row.action = "deleted";
    opts.log.info(`Deleted ${row.id} ${show(row.name)}: ${row.reason}`);
  } catch (err) {
    // Gone already (someone else's delete, or our own lost answer): what the sweep wanted.
    if (!(err instanceof ApiError && err.status === 404)) {
      opts.signal?.throwIfAborted();
      row.action = "delete-failed";
      failures.push(`could not delete ${row.id} ${show(row.name)}: ${formatError(err, secrets)}`);
      return;
    }
    row.action = "deleted";
    opts.log.info(`${row.id} ${show(row.name)} was already gone (404 on DELETE)`);
  }
  try {
    await opts.ledger?.markInactive?.(row);
  } catch (err) {
    warn(`could not mark the deployments of ${show(row.name)} inactive: ${formatError(err, secrets)}`);
  }
}

/** The project's previews of this repository, by listing and reading specs. */
async function findPreviews(
  opts: SweepSource,
  concurrency: number,
): Promise<{ previews: PreviewEndpoint[]; others: number }> {
  const cache: SpecCache = new Map();
  const listed = await opts.client.listAll(opts.projectId);
  const specs = await mapLimit(listed, concurrency, (e) => specOf(opts.client, cache, e.id), opts.signal);
  const previews: PreviewEndpoint[] = [];
  listed.forEach((e, i) => {
    const spec = specs[i];
    // The project filter too: a listing must not make another project's endpoint ours.
    if (!spec || spec.projectId !== opts.projectId) return;
    const prNumber = parsePreviewName(spec.name, opts.matcher);
    if (prNumber === undefined) return;
    const hourly = estimateFromSpec(spec, opts.pricePerGpuHour);
    previews.push({
      id: e.id,
      name: spec.name,
      prNumber,
      updatedAt: e.status.updatedAt,
      status: e.status.status,
      createdAt: e.status.createdAt,
      ...(hourly ? { hourlyUsd: hourly.maxUsd } : {}),
    });
  });
  return { previews, others: listed.length - previews.length };
}

/**
 * An endpoint name from the API, safe in a log line: quoted (JSON escapes line breaks and control
 * characters), nothing invisible, short, no token shapes. The guarded runner neutralises the line too.
 */
function show(name: string): string {
  return JSON.stringify(truncate(stripInvisible(redactTokenShapes(name)), 100));
}
