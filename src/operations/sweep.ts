// operation: sweep. Finds this repository's preview endpoints in the project, asks GitHub for
// each PR's state, and deletes the previews whose PR is over (or, with max-age, stale). An
// endpoint whose name is not a preview name of this repository is never touched.
import type { Clock } from "../clock.ts";
import { formatDuration, truncate } from "../format.ts";
import type { FriendliClient } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import { formatError, redactTokenShapes } from "../friendli/redact.ts";
import type { EndpointSpec } from "../friendli/schemas.ts";
import type { PullRequestReader } from "../github-pulls.ts";
import type { Logger } from "../log.ts";
import { mapLimit } from "../lookup.ts";
import { type PreviewMatcher, parsePreviewName } from "../preview-names.ts";
import { ageOf, decideSweep, type PrState, type SweepResult, sweepResult } from "../sweep-decision.ts";

/** A preview endpoint as a ledger or the listing knows it. */
export interface PreviewEndpoint {
  id: string;
  name: string;
  prNumber: number;
  updatedAt?: string | null;
  status?: string;
}

/**
 * The GitHub deployments ledger, when it is on: where it knows the previews, the project need not
 * be read endpoint by endpoint, and a deleted preview's deployments are marked inactive.
 */
export interface SweepLedger {
  /** The previews the ledger recorded for this matcher, or undefined to list the project. */
  findPreviews?(matcher: PreviewMatcher): Promise<PreviewEndpoint[] | undefined>;
  /** Called after each delete (never in a dry run). A failure is a warning, not a failed sweep. */
  markInactive?(preview: PreviewEndpoint): Promise<void>;
}

export interface SweepOptions {
  client: FriendliClient;
  projectId: string;
  matcher: PreviewMatcher;
  pullRequest: PullRequestReader;
  maxAgeMs?: number;
  dryRun: boolean;
  clock: Pick<Clock, "now">;
  log: Logger;
  signal?: AbortSignal;
  /** Requests in flight at once (spec reads, PR reads, deletes). */
  concurrency?: number;
  ledger?: SweepLedger;
  /** Redacted from every message. */
  secrets?: readonly string[];
}

export type SweepAction = "deleted" | "would-delete" | "kept" | "delete-failed";

export interface SweepRow extends PreviewEndpoint {
  pr: PrState;
  ageMs?: number;
  action: SweepAction;
  reason: string;
}

export interface SweepReport {
  result: SweepResult;
  rows: SweepRow[];
  /** Endpoints of the project that are not previews of this repository: left alone. */
  othersLeftAlone: number;
  /** Why the sweep failed: each delete or PR lookup that went wrong (already redacted). */
  failures: string[];
  warnings: string[];
}

const DEFAULT_CONCURRENCY = 8;

export async function sweep(opts: SweepOptions): Promise<SweepReport> {
  const { log } = opts;
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const failures: string[] = [];
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    log.warning(m);
  };

  const { previews, others } = await findPreviews(opts, concurrency);
  log.info(
    `Found ${previews.length} preview endpoint(s) of this repository; ${others} other endpoint(s) left alone`,
  );

  const numbers = [...new Set(previews.map((p) => p.prNumber))];
  const states = await mapLimit(numbers, concurrency, (n) => opts.pullRequest(n), opts.signal);
  const stateOf = new Map(numbers.map((n, i) => [n, states[i] as PrState]));
  for (const s of stateOf.values()) if (s.kind === "error") failures.push(s.message);

  const now = opts.clock.now();
  const rows: SweepRow[] = previews.map((p) => {
    const pr = stateOf.get(p.prNumber) as PrState;
    const ageMs = ageOf(p.updatedAt, now);
    const d = decideSweep(pr, { ageMs, maxAgeMs: opts.maxAgeMs });
    if (d.warn && pr.kind !== "error") warn(`${show(p.name)} (PR #${p.prNumber}): ${d.reason}`);
    const action: SweepAction = d.action === "keep" ? "kept" : opts.dryRun ? "would-delete" : "deleted";
    return { ...p, pr, ...(ageMs === undefined ? {} : { ageMs }), action, reason: d.reason };
  });

  const doomed = rows.filter((r) => r.action === "deleted");
  for (const r of rows.filter((r) => r.action === "would-delete"))
    log.info(`dry-run: would delete ${r.id} ${show(r.name)}: ${r.reason}`);
  // Each delete catches its own failure, so mapLimit never stops early: one failure must not
  // leave the other stale previews running.
  await mapLimit(doomed, concurrency, (r) => deleteOne(opts, r, failures, warn), opts.signal);

  const count = (a: SweepAction) => rows.filter((r) => r.action === a).length;
  return {
    result: sweepResult({
      deleted: count("deleted"),
      planned: count("would-delete"),
      failures: failures.length,
    }),
    rows,
    othersLeftAlone: others,
    failures,
    warnings,
  };
}

async function deleteOne(
  opts: SweepOptions,
  row: SweepRow,
  failures: string[],
  warn: (m: string) => void,
): Promise<void> {
  try {
    await opts.client.delete(row.id);
    opts.log.info(`Deleted ${row.id} ${show(row.name)}: ${row.reason}`);
  } catch (err) {
    // Gone already (someone else's delete, or our own lost answer): what the sweep wanted.
    if (!(err instanceof ApiError && err.status === 404)) {
      opts.signal?.throwIfAborted();
      row.action = "delete-failed";
      failures.push(`could not delete ${row.id} ${show(row.name)}: ${formatError(err, opts.secrets ?? [])}`);
      return;
    }
    opts.log.info(`${row.id} ${show(row.name)} was already gone (404 on DELETE)`);
  }
  try {
    await opts.ledger?.markInactive?.(row);
  } catch (err) {
    warn(
      `could not mark the deployments of ${show(row.name)} inactive: ${formatError(err, opts.secrets ?? [])}`,
    );
  }
}

/** The project's previews of this repository, from the ledger or by listing and reading specs. */
async function findPreviews(
  opts: SweepOptions,
  concurrency: number,
): Promise<{ previews: PreviewEndpoint[]; others: number }> {
  const fromLedger = await opts.ledger?.findPreviews?.(opts.matcher);
  if (fromLedger) return { previews: await confirmed(opts, fromLedger, concurrency), others: 0 };

  const listed = await opts.client.listAll(opts.projectId);
  const specs = await mapLimit(listed, concurrency, (e) => specOf(opts.client, e.id), opts.signal);
  const previews: PreviewEndpoint[] = [];
  listed.forEach((e, i) => {
    const spec = specs[i];
    // The project filter too: a listing must not make another project's endpoint ours.
    if (!spec || spec.projectId !== opts.projectId) return;
    const prNumber = parsePreviewName(spec.name, opts.matcher);
    if (prNumber === undefined) return;
    previews.push({
      id: e.id,
      name: spec.name,
      prNumber,
      updatedAt: e.status.updatedAt,
      status: e.status.status,
    });
  });
  return { previews, others: listed.length - previews.length };
}

/**
 * The ledger's previews that still exist under the same name in this project, with their current
 * status: a record is history, and only the endpoint itself says what it is now.
 */
async function confirmed(
  opts: SweepOptions,
  recorded: PreviewEndpoint[],
  concurrency: number,
): Promise<PreviewEndpoint[]> {
  const ours = recorded.filter((p) => parsePreviewName(p.name, opts.matcher) === p.prNumber);
  const seen = await mapLimit(
    ours,
    concurrency,
    async (p): Promise<PreviewEndpoint | undefined> => {
      const spec = await specOf(opts.client, p.id);
      if (!spec || spec.projectId !== opts.projectId || spec.name !== p.name) return undefined;
      const status = await opts.client.status(p.id);
      return { ...p, updatedAt: status.updatedAt, status: status.status };
    },
    opts.signal,
  );
  return seen.filter((p): p is PreviewEndpoint => p !== undefined);
}

async function specOf(client: FriendliClient, id: string): Promise<EndpointSpec | undefined> {
  try {
    return await client.get(id);
  } catch (err) {
    // Deleted between the listing and the read: nothing to sweep.
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

/** An endpoint name from the API, safe in a log line: quoted, one line, short, no token shapes. */
export function show(name: string): string {
  return JSON.stringify(truncate(redactTokenShapes(name), 100));
}

/** For the log and the summary: "3h 05m", or "unknown". */
export function formatAge(ageMs: number | undefined): string {
  return ageMs === undefined ? "unknown" : formatDuration(ageMs);
}
