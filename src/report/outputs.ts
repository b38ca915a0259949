// The step's outputs (action.yml), written on success and on failure alike: whatever the run
// learned, '' for what it did not.

import { z } from "zod/mini";
import { Output, type OutputName } from "../base/names.ts";
import { ENDPOINT_ID, UPPER_WORD } from "../friendli/schemas.ts";
import type { RunReport } from "./run-report.ts";

type Scalars = Record<Exclude<OutputName, "json">, string | number | null>;

/** The typed values behind the outputs: numbers stay numbers and unknowns are null, for `json`. */
function values(r: RunReport): Scalars {
  return {
    [Output.endpointId]: shaped(r.endpointId, ENDPOINT_ID),
    [Output.endpointName]: r.endpointName || null,
    [Output.modelRevision]: shaped(r.model?.revision, /^[0-9a-f]{40}$/),
    [Output.status]: shaped(r.status, UPPER_WORD),
    [Output.phase]: shaped(r.phase, UPPER_WORD),
    [Output.errorCode]: shaped(r.errorCode, UPPER_WORD),
    [Output.createdAt]: timestamp(r.createdAt),
    [Output.updatedAt]: timestamp(r.updatedAt),
    [Output.result]: r.result,
    [Output.inferenceUrl]: r.inferenceUrl || null,
    // Seconds to a tenth: precise enough to compare runs, short to read.
    [Output.elapsedSeconds]: Math.round(Math.max(0, r.finishedAtMs - r.startedAtMs) / 100) / 10,
    [Output.smokeTestLatencyMs]: r.smokeTest ? Math.round(r.smokeTest.latencyMs) : null,
    [Output.smokeTestTtftMs]: measured(r.smokeTest?.ttftMs, 0),
    [Output.smokeTestTokensPerSecond]: measured(r.smokeTest?.tokensPerSecond, 1),
    [Output.deploymentId]: r.deployment?.id ?? null,
    [Output.hourlyCostUsd]: r.cost?.hourly ? r.cost.hourly.maxUsd : null,
    // A label of the GPU table ("2x H100") or a raw instance option id.
    [Output.gpu]: shaped(r.gpu, /^[\w ]+$/),
  };
}

// The API's looser timestamp shape lets `::` and spaces through, which a later step that echoes
// the output would hand to the runner as a command.
const RFC3339 = z.iso.datetime({ offset: true });

/**
 * A strict RFC 3339 timestamp, printed from the value parsed (UTC, `Z`; milliseconds when it had a
 * fraction), or null: the output is then our own text, never the server's.
 */
export function timestamp(value: string | null | undefined): string | null {
  // RFC 3339 allows a lower-case `t` and `z`; zod's check knows only the upper-case ones.
  const upper = value?.toUpperCase();
  if (!upper || !RFC3339.safeParse(upper).success) return null;
  const iso = new Date(upper).toISOString();
  return upper.includes(".") ? iso : iso.replace(/\.\d{3}Z$/, "Z");
}

/** A measure rounded to `digits` decimals, or null when it was not measured. */
function measured(value: number | undefined, digits: number): number | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * The value when it has the shape the API schemas check, else null: the schemas already refuse a
 * misshapen API field; this keeps any other path to an output from handing a workflow a line break
 * or `::`.
 */
function shaped(value: string | null | undefined, shape: RegExp): string | null {
  return value && shape.test(value) ? value : null;
}

export function buildOutputs(r: RunReport): Record<OutputName, string> {
  const typed = values(r);
  const out = {} as Record<OutputName, string>;
  for (const [name, value] of Object.entries(typed) as Array<[keyof Scalars, string | number | null]>) {
    out[name] = value === null ? "" : String(value);
  }
  // Money keeps its two decimals in the output ("10.00"); `json` holds the number.
  out[Output.hourlyCostUsd] = r.cost?.hourly?.maxUsd.toFixed(2) ?? "";
  // Keys are the output names, so `fromJSON(steps.x.outputs.json)['endpoint-id']` reads the same.
  out[Output.json] = JSON.stringify(typed);
  return out;
}

/** Sets every output, the empty ones too, so the step's outputs always list the whole contract. */
export function writeOutputs(r: RunReport, setOutput: (name: string, value: string) => void): void {
  for (const [name, value] of Object.entries(buildOutputs(r))) setOutput(name, value);
}
