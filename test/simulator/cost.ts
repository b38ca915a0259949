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
  replicaCounts,
} from "./model.ts";
import { INSTANCE_OPTIONS, type Scenario } from "./scenario.ts";

export const DAY_MS = 86_400_000;

/** One closed stretch of RUNNING: its GPUs are what the version running then asked for. */
export interface BilledSpan {
  from: number;
  to: number;
  gpuType: string;
  /** GPUs per replica times serving replicas. */
  gpus: number;
}

/** The RUNNING stretch the current anchor has led to by `now`, if any (ended by a cooldown sleep too). */
export function runningSpan(
  e: Endpoint,
  scenario: Scenario,
  now: number,
): { from: number; to: number } | null {
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
export function priceOf(gpuType: string): number | undefined {
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
