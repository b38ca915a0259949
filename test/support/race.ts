// Ordering what two runs (or a run and a signal) do at once, for the dist tests that race them
// against one simulator: wait for a moment the simulator logs, and hold a request until released
// (the simulator's `hold` fault takes the gate's promise); and what both race files ask and read.
import type { Simulator } from "../simulator/index.ts";
import type { ActionRun } from "./run-action.ts";

/** Resolves once `ok()` holds, polling every 10 ms; throws after `timeoutMs`. */
export async function until(what: string, ok: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!ok()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A promise the test settles when it chooses. */
export function gate(): { until: Promise<void>; open: () => void } {
  let open = () => {};
  const until = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { until, open };
}

/** A deploy's inputs against `apiUrl` with nothing written to GitHub and no pre-flight, `overrides` over them. */
export function raceInputs(
  token: string,
  apiUrl: string,
  name: string,
  overrides: Record<string, string> = {},
) {
  return {
    "friendli-token": token,
    "project-id": "demo-project",
    name,
    "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
    gpu: "1x H100",
    "pr-comment": "false",
    preflight: "false",
    "github-deployment": "false",
    "api-url": apiUrl,
    ...overrides,
  };
}

/** The creates of `name` the simulator logged, in the order they arrived. */
export const createsOf = (sim: Simulator, name: string) =>
  sim.requests.filter((r) => r.route === "create" && (r.body as { name?: string } | null)?.name === name);

export const cleanUpAll = (runs: ActionRun[]) => {
  for (const r of runs) r.cleanup();
};
