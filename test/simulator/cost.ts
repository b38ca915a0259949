// The simulator's bill: what `GET /v1/team/cost` reports. Friendli bills each replica per
// GPU-second while it runs (provisioning, download and engine start are free; billing stops when a
// replica shuts down: docs/cost.md), so the simulator bills RUNNING time only, at the action's list
// price table (src/cost/prices.ts: the prices Friendli publishes), per GPU of the instance option
// and per serving replica. A RUNNING stretch is closed into `Endpoint.billed` whenever the anchor
// changes (update, sleep, wake, terminate, restart, delete, a forced state); the open one is read
// from the clock when the report is asked for.
import { LIST_PRICES } from "../../src/cost/prices.ts";
import {
  currentConfig,
  type DerivedState,
  deriveState,
  type Endpoint,
  type EndpointConfig,
  iso,
  replicaCounts,
} from "./model.ts";
import { INSTANCE_OPTIONS, type Scenario } from "./scenario.ts";

export const DAY_MS = 86_400_000;

/** One closed stretch of RUNNING: its GPUs are what the version running then asked for. */
interface BilledSpan {
  from: number;
  to: number;
  gpuType: string;
  /** GPUs per replica times serving replicas. */
  gpus: number;
}

/** The RUNNING stretch the current anchor has led to by `now`, if any (ended by a cooldown sleep too). */
function runningSpan(e: Endpoint, scenario: Scenario, now: number): { from: number; to: number } | null {
  const s: DerivedState = deriveState(e, scenario, now);
  if (s.status === "RUNNING" && s.runningSince !== null) return { from: s.runningSince, to: now };
  // Asleep after its cooldown: it ran from RUNNING until the moment it fell asleep.
  if (s.status === "SLEEPING" && s.since > e.anchor.at && s.since <= now) {
    const before = deriveState(e, scenario, s.since - 1);
    if (before.status === "RUNNING" && before.runningSince !== null)
      return { from: before.runningSince, to: s.since };
  }
  return null;
}

function gpusOf(cfg: EndpointConfig): { gpuType: string; gpus: number } {
  const option = INSTANCE_OPTIONS[cfg.instanceOptionId] ?? { gpuType: "UNKNOWN", numGpu: 1 };
  return { gpuType: option.gpuType, gpus: option.numGpu * replicaCounts("RUNNING", cfg).curr };
}

/** Closes the current RUNNING stretch into the bill: call before the anchor changes or the endpoint goes. */
export function closeBilling(e: Endpoint, scenario: Scenario, now: number): void {
  if (e.deletedAt !== null) return;
  const span = runningSpan(e, scenario, now);
  if (!span || span.to <= span.from) return;
  e.billed = [...(e.billed ?? []), { ...span, ...gpusOf(currentConfig(e)) }];
}

/** Every stretch billed so far, the open one included (a deleted endpoint's bill is closed). */
function spansOf(e: Endpoint, scenario: Scenario, now: number): BilledSpan[] {
  const spans = [...(e.billed ?? [])];
  if (e.deletedAt === null) {
    const open = runningSpan(e, scenario, now);
    if (open && open.to > open.from) spans.push({ ...open, ...gpusOf(currentConfig(e)) });
  }
  return spans;
}

/** USD per GPU-hour for the API's gpuType ("NVIDIA H100"), from the price table. */
function priceOf(gpuType: string): number | undefined {
  const model = gpuType.replace(/^NVIDIA\s+/i, "");
  return Object.hasOwn(LIST_PRICES, model) ? LIST_PRICES[model] : undefined;
}

export interface CostResultBody {
  total: string;
  quantity?: string;
  unit_price?: string;
  line_item?: string;
}

/** One day's line items of the team (deleted endpoints included: what they cost stays on the bill). */
export function dayResults(
  endpoints: Iterable<Endpoint>,
  scenario: Scenario,
  dayStart: number,
  now: number,
  groupByLineItem: boolean,
): CostResultBody[] {
  const dayEnd = dayStart + DAY_MS;
  const items = new Map<string, { hours: number; price: number }>();
  for (const e of endpoints) {
    for (const span of spansOf(e, scenario, now)) {
      const overlap = Math.min(span.to, dayEnd) - Math.max(span.from, dayStart);
      const price = priceOf(span.gpuType);
      if (overlap <= 0 || price === undefined) continue;
      const key = `${e.id}, ${span.gpuType}, gpu time cost`;
      const item = items.get(key) ?? { hours: 0, price };
      item.hours += (overlap / 3_600_000) * span.gpus;
      items.set(key, item);
    }
  }
  const results = [...items].map(([lineItem, { hours, price }]) => ({
    total: (hours * price).toFixed(6),
    quantity: hours.toFixed(6),
    unit_price: String(Math.round(price * 100)),
    line_item: lineItem,
  }));
  if (groupByLineItem) return results;
  // Without group_by: the day's total only.
  const total = results.reduce((sum, r) => sum + Number(r.total), 0);
  return results.length > 0 ? [{ total: total.toFixed(6) }] : [];
}

/**
 * Answers that conform to the document's CostResponse but that no honest bill gives: each page
 * also carries the day before the window and the day after it, a $100.00 line item for every
 * endpoint of the team in each (`"outside-window"`); the last page says `has_more` and hands a
 * cursor back to the first (`"cycling-cursor"`, in server.ts); today's bucket holds 1,000 line items
 * of $999,999.99 for every endpoint of the team (`"absurd-amounts"`).
 */
export type CostQuirk = "outside-window" | "cycling-cursor" | "absurd-amounts";

export interface CostBucketBody {
  start_time: string;
  end_time: string;
  results: CostResultBody[];
}

/** A page's buckets as the quirk bends them; the window is the one asked for, `now` the clock's. */
export function bentBuckets(
  quirk: CostQuirk | null,
  data: CostBucketBody[],
  team: readonly Endpoint[],
  at: { start: number; end: number; now: number },
): CostBucketBody[] {
  const items = (total: string, times: number) =>
    team.flatMap((e) => {
      const gpuType = INSTANCE_OPTIONS[currentConfig(e).instanceOptionId]?.gpuType ?? "UNKNOWN";
      return Array.from({ length: times }, () => ({
        total,
        line_item: `${e.id}, ${gpuType}, gpu time cost`,
      }));
    });
  const bucket = (day: number, results: CostResultBody[]) => ({
    start_time: iso(day).replace(".000Z", "Z"),
    end_time: iso(day + DAY_MS).replace(".000Z", "Z"),
    results,
  });
  if (quirk === "outside-window")
    return [
      bucket(at.start - DAY_MS, items("100.000000", 1)),
      ...data,
      bucket(at.end, items("100.000000", 1)),
    ];
  if (quirk !== "absurd-amounts") return data;
  const today = iso(Math.floor(at.now / DAY_MS) * DAY_MS).replace(".000Z", "Z");
  return data.map((b) =>
    b.start_time === today ? { ...b, results: [...b.results, ...items("999999.990000", 1000)] } : b,
  );
}
