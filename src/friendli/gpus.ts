// Friendli's instance options. The public API has no endpoint that lists them: the ids below are the
// fixed list in the `instanceOptionId` description of Friendli's OpenAPI document.
import { clip } from "../base/format.ts";

export interface GpuOption {
  /** GPU model as people write it: "H100", "A100 80GB". */
  gpu: string;
  count: 1 | 2 | 4 | 8;
  /** The API's id of the option. */
  instanceOptionId: string;
  /** What a person reads: "2x H100" (the raw id when given one that is not in the table). */
  label: string;
}

const TABLE: Array<[gpu: string, ids: [string, string, string, string]]> = [
  ["A100 80GB", ["ShbPuOs4tfGb", "mrAHuYt7T40o", "JkNob0NMdoF3", "sYH4kHmAcA5P"]],
  ["H100", ["TwD5AqnBSVN0", "zfTutSiLn0Hq", "lfkRz5G48REc", "GUA4qYFmsYz8"]],
  ["H200", ["LnK1wTaKc7WO", "Tu6GjBnfHPe4", "OhTzYtZuomzI", "ahBzWtOuomsI"]],
  ["B200", ["8GiQTLKfJNOr", "brTZGIuYgVrs", "AFoZMFXZnAdD", "drbc6G9FxJWZ"]],
];
const COUNTS = [1, 2, 4, 8] as const;

export const GPU_OPTIONS: readonly GpuOption[] = TABLE.flatMap(([gpu, ids]) =>
  COUNTS.map((count, i) => ({ gpu, count, instanceOptionId: ids[i] ?? "", label: `${count}x ${gpu}` })),
);

export const GPU_MODELS: readonly string[] = TABLE.map(([gpu]) => gpu);

/**
 * Memory of one GPU of each model, in GB (10^9 bytes) as NVIDIA states it: what the pre-flight
 * weighs a model's weights against. The B200 is the 180 GB part Friendli offers.
 */
const GPU_MEMORY_GB: Readonly<Record<string, number>> = { "A100 80GB": 80, H100: 80, H200: 141, B200: 180 };

/** Total GPU memory of an option in bytes, or undefined for an id that is not in the table. */
export function optionMemoryBytes(instanceOptionId: string): number | undefined {
  const option = GPU_OPTIONS.find((o) => o.instanceOptionId === instanceOptionId);
  const perGpu = option ? GPU_MEMORY_GB[option.gpu] : undefined;
  return option && perGpu !== undefined ? perGpu * 1e9 * option.count : undefined;
}

/** "A100 80GB" -> "a10080gb": the form friendly input is compared in. */
const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");

/** Every way a person may name a GPU model, squashed, to its table name. */
const MODEL_ALIASES = new Map<string, string>([
  ...GPU_MODELS.map((gpu) => [squash(gpu), gpu] as const),
  // The only A100 on offer is the 80GB one, so "A100" is not ambiguous.
  ["a100", "A100 80GB"],
]);

// Count before ("2x H100") or after ("H100x2"), never both; an optional "NVIDIA " as in the API's
// `gpuType` ("NVIDIA H100"). Whitespace, '-' and '_' are squashed out first, so "1 x h100" works.
const FRIENDLY = /^(?:(\d+)x)?(?:nvidia)?([a-z0-9]+?)(?:x(\d+))?$/;

// Option ids are 12 mixed-case alphanumerics. One that is not in the table is passed through: the
// table is copied from the spec's field description and can lag behind Friendli, and an id that
// does not exist is rejected by the API with a clear 4xx before anything is provisioned.
const RAW_ID = /^(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{12}$/;

/** One choice of `gpu`: the option's id and how a person reads it. */
export type GpuChoice = Pick<GpuOption, "instanceOptionId" | "label">;

type GpuResolution = { ok: true; gpu: GpuChoice } | { ok: false; message: string };

export function resolveGpu(input: string): GpuResolution {
  const text = input.trim();
  const exact = GPU_OPTIONS.find((o) => o.instanceOptionId === text);
  if (exact) return { ok: true, gpu: { instanceOptionId: exact.instanceOptionId, label: exact.label } };

  const match = FRIENDLY.exec(squash(text));
  const model = match ? MODEL_ALIASES.get(match[2] ?? "") : undefined;
  if (match && model) {
    const [, before, , after] = match;
    if (before !== undefined && after !== undefined)
      return fail(text, `Give the count once, e.g. "${after}x ${model}".`);
    const count = Number(before ?? after ?? "1");
    const option = GPU_OPTIONS.find((o) => o.gpu === model && o.count === count);
    if (option) return { ok: true, gpu: { instanceOptionId: option.instanceOptionId, label: option.label } };
    return fail(text, `${model} comes in ${COUNTS.map((c) => `${c}x`).join(", ")}.`);
  }

  if (RAW_ID.test(text)) return { ok: true, gpu: { instanceOptionId: text, label: text } };

  const closest = suggest(match?.[2] ?? squash(text));
  const count = match?.[1] ?? match?.[3] ?? "1";
  return fail(text, closest ? `Did you mean "${count}x ${closest}"?` : undefined);
}

function fail(input: string, hint: string | undefined): GpuResolution {
  const valid = GPU_MODELS.map((gpu) => `${COUNTS.map((c) => `${c}x`).join("/")} ${gpu}`).join(", ");
  // Always quoted, unlike inputs.ts's show(): a GPU name often holds spaces ("2x H100").
  const got = JSON.stringify(clip(input));
  return {
    ok: false,
    message:
      `\`gpu\` is not a known instance option (got ${got}).${hint ? ` ${hint}` : ""} ` +
      `Valid: ${valid} (e.g. "1x H100", "H100", "2x A100", "4xH200"), or a raw instance option id such as TwD5AqnBSVN0.`,
  };
}

/** The GPU model closest to what was typed, when it is close enough to be a typo. */
function suggest(typed: string): string | undefined {
  let best: { gpu: string; distance: number } | undefined;
  for (const [alias, gpu] of MODEL_ALIASES) {
    const distance = editDistance(typed, alias);
    if (!best || distance < best.distance) best = { gpu, distance };
  }
  // "h1000" or "b20" are typos; "t4" or "rtx4090" are other GPUs, where a guess would mislead.
  return best && best.distance <= Math.max(1, Math.floor(typed.length / 2)) ? best.gpu : undefined;
}

/** Levenshtein distance: 11 lines here rather than a dependency (none of the chosen libraries has one). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
