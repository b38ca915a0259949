// Dry run through the simulator: the plan it prints for each operation, with the fields an update
// would change as far as the spec from GET shows them, and no write.
import { describe, expect, it } from "vitest";
import { deployInputs, runInProcess } from "../support/in-process.ts";
import { startEnv, writes } from "./helpers.ts";

describe("dry run prints the plan", () => {
  it("an update: the GPU and autoscaling that would change, and what the API does not show", async () => {
    const { sim, clock } = await startEnv();
    const id = sim.seed({
      name: "it-endpoint",
      projectId: "demo-project",
      instanceOptionId: "TwD5AqnBSVN0",
      autoscalingPolicy: { minReplica: 0, maxReplica: 1, cooldownPeriod: 300 },
    });
    const r = await runInProcess({
      inputs: deployInputs(sim, { "dry-run": "true", gpu: "2x H100", "max-replicas": "3" }),
      clock,
    });
    expect(r.outputs.result).toBe("planned");
    expect(writes(sim)).toEqual([]);
    const logged = r.logs.find((l) => l.includes("Plan:")) ?? "";
    // The pre-flight's findings head the plan (the simulated Llama is gated: a warning).
    expect(logged.split("\n").slice(0, 4)).toEqual([
      expect.stringMatching(/^info: pre-flight revision: ok: /),
      expect.stringMatching(/^pre-flight fit: ok: /),
      expect.stringMatching(/^pre-flight gated: warning: /),
      expect.stringMatching(/^pre-flight chat-template: ok: /),
    ]);
    const plan = logged.slice(logged.indexOf("Plan:"));
    expect(plan).toBe(
      [
        `Plan: update endpoint ${id} with a new version`,
        "  gpu: 1x H100 -> 2x H100",
        "  autoscalingPolicy.maxReplica: 1 -> 3",
        "  sent as requested, not shown by the API: hfModelRepo, hfModelRepoRevision, advanced",
        "Cost: 0 when idle to $30.00/h: 2x H100 per replica, 0 to 3 replicas, at the H100 list price of $5.00 per GPU-hour (2026-10-01)",
        "Then: wait until it is RUNNING",
      ].join("\n"),
    );
    expect(
      r.logs.some((l) =>
        l.startsWith(
          `info: dry-run: nothing was changed. The request that would be sent:\nPUT ${sim.url}/dedicated/beta/endpoint/${id}`,
        ),
      ),
    ).toBe(true);
  });

  it("a delete of nothing: not-found, and says no request would be sent", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({
      inputs: { ...deployInputs(sim, { "dry-run": "true" }), operation: "delete", name: "nothing-here" },
      clock,
    });
    expect(r.outputs.result).toBe("not-found");
    expect(r.logs).toContain('info: Plan: nothing to do (No endpoint named "nothing-here" to delete)');
    expect(r.logs).toContain("info: dry-run: nothing was changed, and no request would be sent.");
    expect(writes(sim)).toEqual([]);
  });

  it("a plan that refuses still fails in a dry run, before any write", async () => {
    const { sim, clock } = await startEnv();
    sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    const r = await runInProcess({
      inputs: deployInputs(sim, { "dry-run": "true", "if-exists": "fail" }),
      clock,
    });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/already exists .* and if-exists is fail/);
    expect(writes(sim)).toEqual([]);
  });
});
