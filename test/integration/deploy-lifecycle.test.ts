import { afterEach, expect, it } from "vitest";
import type { Simulator } from "../simulator/index.ts";
import { deployInputs, runInProcess, simulatorWithVirtualClock } from "../support/in-process.ts";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
});

it("a deploy through the simulator on virtual time walks every phase to RUNNING", async () => {
  const env = await simulatorWithVirtualClock({
    scenario: {
      lifecycleMs: {
        requestingVirtualMachine: 60_000,
        downloadingModel: 240_000,
        engineInitializing: 90_000,
      },
    },
  });
  sim = env.sim;
  const start = env.clock.now();
  const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
  expect(r.failed).toBeUndefined();
  expect(r.outputs.result).toBe("created");
  expect(r.outputs.status).toBe("RUNNING");
  expect(r.report.timeline.map((s) => s.label)).toEqual([
    "REQUESTING_VIRTUAL_MACHINE",
    "DOWNLOADING_MODEL",
    "ENGINE_INITIALIZING",
    "RUNNING",
  ]);
  const waited = env.clock.now() - start;
  expect(waited).toBeGreaterThanOrEqual(390_000);
});
