// What an endpoint costs per hour, estimated before anything is billed: the price of one GPU-hour
// times the GPUs of one replica times the replicas. Pure. The range runs from min to max replicas;
// with 0 min replicas the endpoint sleeps when idle and its GPUs cost nothing then.
import { GPU_OPTIONS, resolveGpu } from "../friendli/gpus.ts";
import { type EndpointSpec, MAX_REPLICAS } from "../friendli/schemas.ts";
import { listPrice, PRICE_SOURCE } from "./prices.ts";

export interface HourlyCost {
  /** "H100": the GPU model priced. */
  gpu: string;
  gpusPerReplica: number;
  /** USD per GPU-hour. */
  pricePerGpuHour: number;
  /** Where the price came from: the list (dated) or `gpu-hourly-price`. */
  priceFrom: "list" | "input";
  minReplicas: number;
  maxReplicas: number;
  /** USD per hour at min replicas (0 when it sleeps when idle) and at max replicas. */
  minUsd: number;
  maxUsd: number;
}

export interface CostSettings {
  instanceOptionId: string;
  minReplicas: number;
  maxReplicas: number;
  /** `gpu-hourly-price`: USD per GPU-hour in place of the list price. */
  pricePerGpuHour?: number;
  /**
   * The instance option `gpu` names: the price is that GPU model's, and any other model is priced
   * at its list price. Absent (no `gpu`: a status or a sweep): the price is every model's.
   */
  pricedFor?: string;
}

function optionOf(instanceOptionId: string) {
  return GPU_OPTIONS.find((o) => o.instanceOptionId === instanceOptionId);
}

/** Cents are what a reader compares: sums are rounded once, at the end, to them. */
function cents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

/**
 * The estimate for an instance option and replica range, or undefined when the option is not in
 * the GPU table (a raw id): its GPU model and count are unknown, so even a given price says nothing.
 * Replicas outside the API's range (a spec read from the API, a record from GitHub) have none either.
 */
export function estimateHourlyCost(s: CostSettings): HourlyCost | undefined {
  const option = optionOf(s.instanceOptionId);
  const { minReplicas: min, maxReplicas: max } = s;
  // Replicas as the API allows them: whole numbers, 0 <= min <= max <= MAX_REPLICAS.
  const replicasFit =
    Number.isInteger(min) && Number.isInteger(max) && min >= 0 && min <= max && max <= MAX_REPLICAS;
  if (!option || !replicasFit) return undefined;
  const given =
    s.pricedFor === undefined || optionOf(s.pricedFor)?.gpu === option.gpu ? s.pricePerGpuHour : undefined;
  const price = given ?? listPrice(option.gpu);
  if (price === undefined) return undefined;
  const perReplica = price * option.count;
  return {
    gpu: option.gpu,
    gpusPerReplica: option.count,
    pricePerGpuHour: price,
    priceFrom: given === undefined ? "list" : "input",
    minReplicas: s.minReplicas,
    maxReplicas: s.maxReplicas,
    minUsd: cents(perReplica * s.minReplicas),
    maxUsd: cents(perReplica * s.maxReplicas),
  };
}

/**
 * The estimate for an endpoint as the API describes it (GET's `gpuType` "NVIDIA H100", `numGpu`,
 * `autoscalingMin`/`Max`), for an endpoint this run did not configure (reuse, status, a sweep).
 * `pricedFor`: as in CostSettings.
 */
export function estimateFromSpec(
  spec: Pick<EndpointSpec, "gpuType" | "numGpu" | "autoscalingMin" | "autoscalingMax">,
  pricePerGpuHour?: number,
  pricedFor?: string,
): HourlyCost | undefined {
  const { gpuType, numGpu, autoscalingMin, autoscalingMax } = spec;
  // A GPU count by shape too: the name parser would read "-1x" as "1x".
  const count = typeof numGpu === "number" && Number.isInteger(numGpu) && numGpu > 0 ? numGpu : undefined;
  if (!gpuType || count === undefined || typeof autoscalingMax !== "number") return undefined;
  const resolved = resolveGpu(`${count}x ${gpuType}`);
  if (!resolved.ok) return undefined;
  return estimateHourlyCost({
    instanceOptionId: resolved.gpu.instanceOptionId,
    minReplicas: typeof autoscalingMin === "number" ? autoscalingMin : autoscalingMax,
    maxReplicas: autoscalingMax,
    pricePerGpuHour,
    pricedFor,
  });
}

/** "$5.00": two decimals, as the output `hourly-cost-usd` carries it (without the sign). */
export function usd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

/** "0 when idle to $10.00/h", "$5.00/h", "$5.00 to $10.00/h": the range min..max replicas. */
export function rangeText(c: HourlyCost): string {
  if (c.minReplicas === c.maxReplicas) return `${usd(c.maxUsd)}/h`;
  const low = c.minReplicas === 0 ? "0 when idle" : usd(c.minUsd);
  return `${low} to ${usd(c.maxUsd)}/h`;
}

/** Where the price came from, in words: "H100 list price $5.00 per GPU-hour (2026-10-01)". */
export function priceText(c: HourlyCost): string {
  const per = `${usd(c.pricePerGpuHour)} per GPU-hour`;
  return c.priceFrom === "input"
    ? `\`gpu-hourly-price\` ${per}`
    : `the ${c.gpu} list price of ${per} (${PRICE_SOURCE.effective})`;
}

/** The whole estimate in one line, for the log and the dry run. */
export function estimateText(c: HourlyCost): string {
  const replicas =
    c.minReplicas === c.maxReplicas ? `${c.maxReplicas}` : `${c.minReplicas} to ${c.maxReplicas}`;
  return `${rangeText(c)}: ${c.gpusPerReplica}x ${c.gpu} per replica, ${replicas} replicas, at ${priceText(c)}`;
}

/** Whether the cost at max replicas is above the cap (compared in cents, as it is shown). */
export function exceedsCap(c: HourlyCost, capUsd: number): boolean {
  return cents(c.maxUsd) > cents(capUsd);
}

/**
 * For each GPU model, the largest option whose cost at `maxReplicas` fits the cap (the most GPU
 * memory the cap allows: the closest to what was asked), cheapest first. Priced at list prices; a
 * `gpu-hourly-price` is the chosen model's price and is used for that model only.
 */
export function optionsWithinCap(
  capUsd: number,
  maxReplicas: number,
  chosen?: HourlyCost,
): Array<{ label: string; maxUsd: number }> {
  const largest = new Map<string, { label: string; count: number; maxUsd: number }>();
  for (const option of GPU_OPTIONS) {
    const price =
      chosen && chosen.priceFrom === "input" && chosen.gpu === option.gpu
        ? chosen.pricePerGpuHour
        : listPrice(option.gpu);
    if (price === undefined) continue;
    const maxUsd = cents(price * option.count * maxReplicas);
    const known = largest.get(option.gpu);
    if (maxUsd <= cents(capUsd) && (!known || option.count > known.count))
      largest.set(option.gpu, { label: option.label, count: option.count, maxUsd });
  }
  return [...largest.values()]
    .map(({ label, maxUsd }) => ({ label, maxUsd }))
    .sort((a, b) => a.maxUsd - b.maxUsd || a.label.localeCompare(b.label));
}

/** The refusal of a deploy above `max-hourly-cost`, naming what would fit; undefined when it fits. */
export function capRefusal(c: HourlyCost | undefined, capUsd: number | undefined): string | undefined {
  if (c === undefined || capUsd === undefined || !exceedsCap(c, capUsd)) return undefined;
  const head =
    `${c.maxReplicas} replica(s) of ${c.gpusPerReplica}x ${c.gpu} cost ${usd(c.maxUsd)}/h at ` +
    `${priceText(c)}, above \`max-hourly-cost\` ${usd(capUsd)}`;
  const perReplica = c.pricePerGpuHour * c.gpusPerReplica;
  const replicasThatFit = Math.floor((cents(capUsd) + 1e-9) / perReplica);
  const fewer =
    replicasThatFit >= Math.max(1, c.minReplicas) && replicasThatFit < c.maxReplicas
      ? `, or \`max-replicas: ${replicasThatFit}\``
      : "";
  const fits = optionsWithinCap(capUsd, c.maxReplicas, c).map((o) => `${o.label} (${usd(o.maxUsd)}/h)`);
  const advice =
    fits.length > 0
      ? `options that fit at ${c.maxReplicas} replica(s): ${fits.join(", ")}`
      : `no instance option fits at ${c.maxReplicas} replica(s)`;
  return `${head} (${advice}${fewer})`;
}
