// The step's outputs (action.yml), written on success and on failure alike: whatever the run
// learned, '' for what it did not. Pure, so main.ts is the only place that touches @actions/core.

import { Output, type OutputName } from "../base/names.ts";
import { ENDPOINT_ID, UPPER_WORD } from "../friendli/schemas.ts";
import type { RunReport } from "./run-report.ts";

type Scalars = Record<Exclude<OutputName, "json">, string | number | null>;

/** The typed values behind the outputs: numbers stay numbers and unknowns are null, for `json`. */
function values(r: RunReport): Scalars {
  return {
    [Output.endpointId]: shaped(r.endpointId, ENDPOINT_ID),
    [Output.endpointName]: r.endpointName || null,
    [Output.modelRevision]: shaped(r.model?.revision, COMMIT),
    [Output.status]: shaped(r.status, UPPER_WORD),
    [Output.phase]: shaped(r.phase, UPPER_WORD),
    [Output.errorCode]: shaped(r.errorCode, UPPER_WORD),
    [Output.createdAt]: timestamp(r.createdAt),
    [Output.updatedAt]: timestamp(r.updatedAt),
    [Output.result]: r.result,
    [Output.inferenceUrl]: r.inferenceUrl || null,
    [Output.elapsedSeconds]: elapsedSeconds(r),
    [Output.smokeTestLatencyMs]: r.smokeTest ? Math.round(r.smokeTest.latencyMs) : null,
    [Output.smokeTestTtftMs]: measured(r.smokeTest?.ttftMs, 0),
    [Output.smokeTestTokensPerSecond]: measured(r.smokeTest?.tokensPerSecond, 1),
    [Output.deploymentId]: r.deployment?.id ?? null,
    [Output.hourlyCostUsd]: r.cost?.hourly ? r.cost.hourly.maxUsd : null,
  };
}

/** A model commit, as the inputs and the pre-flight give it: 40 hex digits. */
const COMMIT = /^[0-9a-f]{40}$/;

// RFC 3339's date-time: the API's looser timestamp shape lets `::` and spaces through, which a later
// step that echoes the output would hand to the runner as a command.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * A strict RFC 3339 timestamp, printed from the value parsed (UTC, `Z`; milliseconds when it had a
 * fraction), or null: the output is then our own text, never the server's.
 */
export function timestamp(value: string | null | undefined): string | null {
  const m = value ? RFC3339.exec(value) : null;
  if (!m || !value) return null;
  const [, y, mo, d, h, mi, s, , oh, om] = m.map(Number);
  const daysInMonth = new Date(Date.UTC(y ?? 0, mo ?? 0, 0)).getUTCDate();
  if ((mo ?? 0) < 1 || (mo ?? 0) > 12 || (d ?? 0) < 1 || (d ?? 0) > daysInMonth) return null;
  if ((h ?? 0) > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59 || (oh ?? 0) > 23 || (om ?? 0) > 59) return null;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  // Milliseconds when the value had a fraction, as the API wrote it; none when it had none.
  const iso = new Date(ms).toISOString();
  return m[7] ? iso : iso.replace(/\.\d{3}Z$/, "Z");
}

/** A measure rounded to `digits` decimals, or null when it was not measured. */
function measured(value: number | undefined, digits: number): number | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * The value when it has the shape the API schemas check (friendli/schemas.ts), else null. The
 * schemas already turn a misshapen API field into an API error; this keeps any other path to an
 * output (a report filled in elsewhere) from handing a workflow a line break or `::`.
 */
function shaped(value: string | null | undefined, shape: RegExp): string | null {
  return value && shape.test(value) ? value : null;
}

/** Wall time of the run in seconds, to a tenth: precise enough to compare runs, short to read. */
function elapsedSeconds(r: RunReport): number {
  const ms = Math.max(0, r.finishedAtMs - r.startedAtMs);
  return Math.round(ms / 100) / 10;
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
