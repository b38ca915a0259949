// The cost so far, from the team's cost report (`GET /v1/team/cost`): daily buckets of line items
// named "{endpoint_id}, {gpu_type}, gpu time cost", amounts as decimal strings. What an endpoint
// cost is the sum of its GPU-time line items over the buckets since the day it was created (at
// most 35, the most one page holds), each day once and none outside that window; a sum above what
// the endpoint could have cost is unreadable. The report is a courtesy: a token that may not read it (403),
// an API without it (404), a throttled (429), slow or unreadable answer is a debug line, never a
// failure, and never costs the run more than COST_REPORT_BUDGET_MS. The pure parts are exported.
import { clip } from "../base/format.ts";
import type { Logger } from "../base/log.ts";
import { formatError } from "../base/redact.ts";
import { stripInvisible } from "../base/safe-text.ts";
import type { FriendliClient } from "../friendli/client.ts";
import { GPU_OPTIONS } from "../friendli/gpus.ts";
import { type CostBucket, MAX_REPLICAS } from "../friendli/schemas.ts";
import { estimateHourlyCost, usd } from "./estimate.ts";

const DAY_MS = 86_400_000;
/** The API's largest `limit`: 35 daily buckets. */
export const MAX_COST_DAYS = 35;
/** Pages followed at most: one should hold the window; a server handing out cursors forever is cut off. */
export const MAX_COST_PAGES = 4;
/** One line item of one day above this is not a GPU bill (8x B200 x 10 replicas is ~$17,000 a day). */
export const MAX_LINE_ITEM_USD = 1_000_000;

/**
 * How far a sum may exceed the most the endpoint could have cost (the dearest option at list price,
 * for its age) and still be read: x2 for list prices this hand-copied table has not caught up with
 * (the last change raised H100 by 28%), and one hour more for the runner's clock against
 * Friendli's and an endpoint minutes old. A bill beyond that is not one the API can owe.
 */
export const CEILING_SLACK = { factor: 2, hours: 1 } as const;
const HOUR_MS = 3_600_000;

const GPU_TIME = "gpu time cost";
/** Skipped line items named one by one; a report full of bad amounts is summed up in one more line. */
const MAX_IGNORED_LINES = 10;
const AMOUNT = /^[0-9]+(\.[0-9]+)?$/;

/** An endpoint's cost to date, as the report gave it. */
export interface CostToDate {
  /** Absent when the sum is above what the endpoint could have cost: unreadable, never shown. */
  usd?: number;
  /** The first day (UTC) the sum covers: the creation day, or 34 days back. */
  since: string;
  /** Daily buckets summed. */
  days: number;
  /** The endpoint is older than the window: the sum covers its last `days` days only. */
  clipped: boolean;
}

export interface CostWindow {
  /** RFC 3339, midnight UTC, as the API requires. */
  startTime: string;
  endTime: string;
  days: number;
  /** The creation day fell before the window. */
  clipped: boolean;
}

function midnight(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * From the day the oldest endpoint was created (or 34 days back, whichever is later) to the next
 * midnight: the API's latest allowed end. Without a creation time, the whole 35 days.
 */
export function costWindow(nowMs: number, createdAtMs?: number): CostWindow {
  const end = midnight(nowMs) + DAY_MS;
  const earliest = end - MAX_COST_DAYS * DAY_MS;
  const created =
    createdAtMs !== undefined && Number.isFinite(createdAtMs) ? midnight(createdAtMs) : earliest;
  const start = Math.min(Math.max(created, earliest), end - DAY_MS);
  return {
    startTime: rfc3339(start),
    endTime: rfc3339(end),
    days: Math.round((end - start) / DAY_MS),
    clipped: created < earliest,
  };
}

/** The most any endpoint can cost per hour at list prices: the dearest option at MAX_REPLICAS. */
const HIGHEST_HOURLY_USD = Math.max(
  ...GPU_OPTIONS.map(
    (o) =>
      estimateHourlyCost({ instanceOptionId: o.instanceOptionId, minReplicas: 0, maxReplicas: MAX_REPLICAS })
        ?.maxUsd ?? 0,
  ),
);

/** The most an endpoint alive since `sinceMs` can have cost by `nowMs`, with CEILING_SLACK. */
export function costCeiling(nowMs: number, sinceMs: number): number {
  const hours = Math.max(0, nowMs - sinceMs) / HOUR_MS + CEILING_SLACK.hours;
  return HIGHEST_HOURLY_USD * hours * CEILING_SLACK.factor;
}

/** The window's daily buckets, each day once (the first page that brought it); any other is dropped. */
export function bucketsInWindow(
  buckets: readonly CostBucket[],
  window: Pick<CostWindow, "startTime" | "endTime">,
): CostBucket[] {
  const [start, end] = [Date.parse(window.startTime), Date.parse(window.endTime)];
  const days = new Map<number, CostBucket>();
  for (const b of buckets) {
    const [from, to] = [Date.parse(b.start_time), Date.parse(b.end_time)];
    if (from >= start && to <= end && from < to && !days.has(midnight(from))) days.set(midnight(from), b);
  }
  return [...days.values()];
}

/** A line item's amount, or why it is ignored. */
export function parseAmount(total: unknown): { usd: number } | { ignored: string } {
  if (total === undefined || total === null || total === "") return { ignored: "absent" };
  if (typeof total !== "string") return { ignored: "not a string" };
  const text = total.trim();
  if (text.startsWith("-")) return { ignored: "negative" };
  if (!AMOUNT.test(text)) return { ignored: "not a number" };
  const usd = Number(text);
  if (!Number.isFinite(usd) || usd > MAX_LINE_ITEM_USD) return { ignored: "too large" };
  return { usd };
}

/** The endpoint id a GPU-time line item names, or undefined for any other line item. */
export function gpuTimeEndpoint(lineItem: string | null | undefined): string | undefined {
  if (!lineItem) return undefined;
  const parts = lineItem.split(",").map((p) => p.trim());
  return parts.length >= 3 && parts.at(-1)?.toLowerCase() === GPU_TIME && parts[0] ? parts[0] : undefined;
}

/** A value from the report, safe to echo in a debug line: quoted, invisible characters gone, short. */
function echo(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(clip(stripInvisible(text)));
}

/**
 * The sum of each wanted endpoint's GPU-time line items over the buckets. Anything else is
 * skipped; a line item of ours whose amount is unusable is skipped with a debug line.
 */
export function sumLineItems(
  buckets: readonly CostBucket[],
  endpointIds: ReadonlySet<string>,
  debug: (message: string) => void,
): Map<string, number> {
  const sums = new Map<string, number>();
  let ignored = 0;
  for (const bucket of buckets) {
    for (const raw of bucket.results) {
      if (raw === null || typeof raw !== "object") continue;
      const item = raw as { line_item?: unknown; total?: unknown };
      const id = gpuTimeEndpoint(typeof item.line_item === "string" ? item.line_item : undefined);
      if (id === undefined || !endpointIds.has(id)) continue;
      const amount = parseAmount(item.total);
      if ("usd" in amount) sums.set(id, (sums.get(id) ?? 0) + amount.usd);
      else if (++ignored <= MAX_IGNORED_LINES) {
        debug(
          `cost report: a line item of ${id} on ${echo(bucket.start_time)} ignored: amount ${amount.ignored} (${echo(item.total)})`,
        );
      }
    }
  }
  if (ignored > MAX_IGNORED_LINES)
    debug(`cost report: ${ignored - MAX_IGNORED_LINES} more line items ignored for their amounts`);
  return sums;
}

export interface CostQuery {
  /** The endpoints to sum, each with its creation time when known (ms). */
  endpoints: ReadonlyArray<{ id: string; createdAtMs?: number }>;
  nowMs: number;
}

/**
 * Each endpoint's cost to date, or undefined when the report could not be read (a debug line
 * says why). `client` must carry the report's own deadline (COST_REPORT_BUDGET_MS).
 */
export async function readCostToDate(
  client: FriendliClient,
  query: CostQuery,
  log: Logger,
  secrets: readonly string[],
): Promise<Map<string, CostToDate> | undefined> {
  if (query.endpoints.length === 0) return new Map();
  const created = query.endpoints.map((e) => e.createdAtMs ?? Number.NaN);
  // One window for all: from the oldest creation day (one unknown: the whole 35 days).
  const window = costWindow(query.nowMs, created.every(Number.isFinite) ? Math.min(...created) : undefined);
  const buckets: CostBucket[] = [];
  try {
    const seen = new Set<string>();
    let page: string | undefined;
    for (let n = 0; n < MAX_COST_PAGES; n++) {
      const res = await client.teamCost({ ...window, limit: window.days, page });
      buckets.push(...res.data);
      page = res.has_more ? (res.next_page ?? undefined) : undefined;
      // A cursor seen before leads back to pages already read: a server going in circles ends here.
      if (!page || seen.has(page)) break;
      seen.add(page);
    }
  } catch (err) {
    log.debug(`cost report not read (the cost so far is left out): ${formatError(err, secrets)}`);
    return undefined;
  }
  const out = new Map<string, CostToDate>();
  for (const e of query.endpoints) {
    // Each endpoint's own window: days before its creation day hold none of its line items.
    const own = costWindow(query.nowMs, e.createdAtMs);
    const days = bucketsInWindow(buckets, own);
    const sum = sumLineItems(days, new Set([e.id]), log.debug).get(e.id) ?? 0;
    const ceiling = costCeiling(query.nowMs, e.createdAtMs ?? Date.parse(own.startTime));
    const readable = sum <= ceiling;
    if (!readable)
      log.debug(
        `cost report: the sum for ${e.id} is above the ${usd(ceiling)} it could have cost: unreadable`,
      );
    out.set(e.id, {
      usd: readable ? Math.round(sum * 100) / 100 : undefined,
      since: own.startTime.slice(0, 10),
      days: Math.min(days.length, own.days),
      clipped: own.clipped,
    });
  }
  return out;
}
