// `gpu` as an ordered list of choices: which of them a deploy may use, and when the endpoint moves
// on to the next. Pure; src/operations/gpu-fallback.ts carries the moves out.
import { capRefusal, estimateHourlyCost, type HourlyCost } from "../cost/estimate.ts";
import type { GpuChoice } from "../friendli/gpus.ts";
import type { Inputs } from "../inputs/inputs.ts";
import { fitFinding } from "../preflight/decide.ts";

/** One choice of `gpu`: its estimate, and why the deploy may not use it, when it may not. */
export interface Choice {
  gpu: GpuChoice;
  cost?: HourlyCost;
  drop?: string;
}

/**
 * Every choice of `gpu`, in order, each dropped when it is over `max-hourly-cost` (or cannot be
 * priced against it), or when the pre-flight weighed the model (`weightBytes`) and it does not fit.
 * `gpu-hourly-price` is the price of the first choice's GPU model, as it is of a single `gpu`.
 */
export function weighChoices(inputs: Inputs, weightBytes?: number): Choice[] {
  const { maxHourlyCost: cap, gpus } = inputs;
  return gpus.map((gpu) => {
    const cost = estimateHourlyCost({
      instanceOptionId: gpu.instanceOptionId,
      minReplicas: inputs.minReplicas,
      maxReplicas: inputs.maxReplicas,
      pricePerGpuHour: inputs.gpuHourlyPrice,
      pricedFor: gpus[0]?.instanceOptionId,
    });
    const unpriced =
      `\`max-hourly-cost\` cannot be checked: instance option ${gpu.label} is not in the GPU table, ` +
      "so its GPUs and price are unknown. Name the GPU (e.g. `2x H100`), or remove `max-hourly-cost`";
    const fit = weightBytes ? fitFinding(weightBytes, { ...gpu, gpuLabel: gpu.label }).finding : undefined;
    const drop =
      (cap !== undefined && !cost ? unpriced : capRefusal(cost, cap)) ??
      (fit?.severity === "fail" ? fit.message : undefined);
    return { gpu, ...(cost ? { cost } : {}), ...(drop ? { drop } : {}) };
  });
}

/** Why no choice is left, or undefined. A single choice's reason reads as it always did. */
export function noneLeft(choices: readonly Choice[]): string | undefined {
  if (choices.some((c) => !c.drop)) return undefined;
  if (choices.length === 1) return choices[0]?.drop;
  return `no GPU of \`gpu\` is left: ${choices.map((c) => `${c.gpu.label}: ${c.drop}`).join("; ")}`;
}

interface WaitEnd {
  /** The wait timed out (anything else, success included, ends the choice's story). */
  timedOut: boolean;
  /** Its `gpu-fallback-after` came before the run's deadline. */
  early: boolean;
  /** Another choice follows this one. */
  next: boolean;
  /** The last status seen. */
  status?: string;
  phase?: string | null;
}

/**
 * After a wait on one of several choices ended without success: the endpoint moves to the next
 * choice only when the wait timed out at `gpu-fallback-after`, with the endpoint still requesting
 * its VM. A download, a FAILED or the run's deadline ends the run as a single GPU's would.
 */
export function movesOn(w: WaitEnd): boolean {
  return w.timedOut && w.early && w.next && stillRequesting(w);
}

/** The endpoint has not left REQUESTING_VIRTUAL_MACHINE: no VM for its GPU yet. */
export function stillRequesting(s: { status?: string; phase?: string | null }): boolean {
  const upper = (text?: string | null) => text?.trim().toUpperCase();
  return upper(s.status) === "INITIALIZING" && upper(s.phase) === "REQUESTING_VIRTUAL_MACHINE";
}
