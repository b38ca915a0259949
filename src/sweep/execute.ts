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
import { findByName } from "../endpoint/lookup.ts";
import type { FriendliClient } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import { type PreviewMatcher, parsePreviewName } from "../inputs/preview-names.ts";
import type { PlannedSweepRow, PreviewEndpoint, PrState } from "./decide.ts";
import type { PullRequestReader } from "./pulls.ts";

/** The GitHub deployments ledger, when it is on: a deleted preview's deployments are marked inactive. */
export interface SweepLedger {
  /** Called after each delete (never in a dry run). A failure is a warning, not a failed sweep. */
  markInactive(preview: PreviewEndpoint): Promise<void>;
}

/** Where the previews and their PRs' states come from. */
interface SweepSource {
  client: FriendliClient;
  projectId: string;
  matcher: PreviewMatcher;
  pullRequest: PullRequestReader;
  log: Logger;
  signal?: AbortSignal;
  ledger?: SweepLedger;
  /** `gpu-hourly-price`, for what each preview costs per hour; the list price without it. */
  pricePerGpuHour?: number;
}

/** `pending`: doomed, and no delete or sleep has answered yet; still pending at the end: cut short. */
type SweepAction = "deleted" | "would-delete" | "kept" | "delete-failed" | "pending" | SleepAction;
type SleepAction = "slept" | "would-sleep" | "sleep-failed";

export interface SweepRow extends Omit<PlannedSweepRow, "decision"> {
  action: SweepAction;
  reason: string;
  /** What the team cost report says it cost until it was deleted (only after a delete, when readable). */
  costToDateUsd?: number;
}

export interface SweepReport {
  rows: SweepRow[];
  /** Endpoints of the project that are not previews of this repository: left alone. */
  othersLeftAlone: number;
  /** Why the sweep failed: each delete or PR lookup that went wrong (already redacted). */
  failures: string[];
  warnings: string[];
  /** Previews found gone whose deployments still stood: this sweep marked them inactive. */
  closed?: string[];
  /** `sweep-action: sleep`: the doomed previews are put to sleep, not deleted. */
  sleep?: boolean;
}

/**
 * The previews of this repository in the project (found by the name lookup, which also checks each
 * spec's project), the state of each of their PRs, and how many endpoints are not ours.
 */
export async function findSweepFacts(opts: SweepSource) {
  const { matcher, signal } = opts;
  const listed = new Set<string>();
  const isPreview = (name: string) => parsePreviewName(name, matcher) !== undefined;
  const found = await findByName(opts.client, opts.projectId, isPreview, { listed, signal });
  const previews = found.flatMap(({ id, status, spec }): PreviewEndpoint[] => {
    const prNumber = parsePreviewName(spec.name, matcher);
    if (prNumber === undefined) return [];
    const { updatedAt, createdAt } = status;
    const hourlyUsd = estimateFromSpec(spec, opts.pricePerGpuHour)?.maxUsd;
    return [{ id, name: spec.name, prNumber, updatedAt, status: status.status, createdAt, hourlyUsd }];
  });
  const othersLeftAlone = listed.size - previews.length;
  opts.log.info(
    `Found ${previews.length} preview endpoint(s) of this repository; ${othersLeftAlone} other endpoint(s) left alone`,
  );
  const numbers = [...new Set(previews.map((p) => p.prNumber))];
  const read = await mapLimit(numbers, REQUESTS_IN_FLIGHT, (n) => opts.pullRequest(n), signal);
  const states = new Map(numbers.map((n, i) => [n, read[i] as PrState]));
  return { previews, states, othersLeftAlone };
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
  sleep = false,
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
    const verb = decision.action === "sleep" ? "sleep" : "delete";
    const action: SweepAction = decision.action === "keep" ? "kept" : dryRun ? `would-${verb}` : "pending";
    if (action !== "kept" && dryRun)
      log.info(`dry-run: would ${verb} ${p.id} ${show(p.name)}: ${decision.reason}`);
    return { ...p, action, reason: decision.reason };
  });
  return { rows, othersLeftAlone, failures, warnings, sleep };
}

/**
 * Deletes (or puts to sleep) the doomed rows in parallel. Each catches its own failure, so one
 * failure never leaves the other stale previews running; the row then reads `delete-failed`.
 */
export async function deletePlanned(
  opts: Pick<SweepSource, "client" | "log" | "signal" | "ledger">,
  report: SweepReport,
  secrets: readonly string[],
): Promise<void> {
  const doomed = report.rows.filter((r) => r.action === "pending");
  await mapLimit(doomed, REQUESTS_IN_FLIGHT, (r) => deleteOne(opts, r, report, secrets), opts.signal);
}

async function deleteOne(
  opts: Pick<SweepSource, "client" | "log" | "signal" | "ledger">,
  row: SweepRow,
  report: SweepReport,
  secrets: readonly string[],
): Promise<void> {
  try {
    await (report.sleep ? opts.client.lifecycle(row.id, "sleep") : opts.client.delete(row.id));
    row.action = report.sleep ? "slept" : "deleted";
    opts.log.info(`${report.sleep ? "Put to sleep" : "Deleted"} ${row.id} ${show(row.name)}: ${row.reason}`);
    if (report.sleep) return;
  } catch (err) {
    // Gone already (someone else's delete, or our own lost answer): what the sweep wanted.
    if (!(err instanceof ApiError && err.status === 404)) {
      opts.signal?.throwIfAborted();
      row.action = report.sleep ? "sleep-failed" : "delete-failed";
      const verb = report.sleep ? "put to sleep" : "delete";
      report.failures.push(`could not ${verb} ${row.id} ${show(row.name)}: ${formatError(err, secrets)}`);
      return;
    }
    row.action = "deleted";
    opts.log.info(`${row.id} ${show(row.name)} was already gone (404)`);
  }
  try {
    await opts.ledger?.markInactive(row);
  } catch (err) {
    const warning = `could not mark the deployments of ${show(row.name)} inactive: ${formatError(err, secrets)}`;
    report.warnings.push(warning);
    opts.log.warning(warning);
  }
}

/**
 * An endpoint name from the API, safe in a log line: quoted (JSON escapes line breaks and control
 * characters), nothing invisible, short, no token shapes. The guarded runner neutralises the line too.
 */
function show(name: string): string {
  return JSON.stringify(truncate(stripInvisible(redactTokenShapes(name)), 100));
}
