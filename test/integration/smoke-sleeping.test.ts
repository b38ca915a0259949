// A reused endpoint that sleeps (min replicas 0) counts as deployed; the smoke test's request is
// what wakes it, and waking can take minutes.
import { expect, it } from "vitest";
import { deployInputs, runInProcess } from "../support/in-process.ts";
import { requestsTo, startEnv, writes } from "./helpers.ts";

it("smoke test on a SLEEPING endpoint that takes 3 minutes to wake: waits it out within wait-timeout", async () => {
  const { sim, clock } = await startEnv({ scenario: { lifecycleMs: { awaking: 180_000 } } });
  sim.seed({ name: "it-endpoint", projectId: "demo-project", status: "SLEEPING" });
  const t0 = clock.now();
  const r = await runInProcess({
    inputs: deployInputs(sim, { "if-exists": "reuse", "smoke-test": "true", "wait-timeout": "10m" }),
    clock,
  });
  expect(r.failed).toBeUndefined();
  expect(r.outputs.result).toBe("reused");
  expect(r.outputs["smoke-test-latency-ms"]).not.toBe("");
  expect(clock.now() - t0).toBeGreaterThanOrEqual(180_000);
  expect(requestsTo(sim, "chat").at(-1)?.status).toBe(200);
  expect(writes(sim).filter((w) => w.route !== "chat")).toEqual([]);
});
