// The built bundle (dist/index.js) run as the runner runs it, against the simulator: the output
// `hourly-cost-usd`, the cost in the job summary, and `max-hourly-cost` refusing before any write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../simulator/index.ts";
import { runAction } from "../support/run-action.ts";

const TOKEN = "flp_dist_cost_token_0123456789";
const REVISION = "0e9e39f249a16976918f6564b8830bc894c89659";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({
    scenario: {
      lifecycleMs: { requestingVirtualMachine: 0, downloadingModel: 0, engineInitializing: 0 },
    },
  });
});
afterAll(async () => {
  await sim?.close();
});

const deployInputs = (name: string, more: Record<string, string> = {}) => ({
  "friendli-token": TOKEN,
  "project-id": "demo-project",
  name,
  "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
  "hf-model-revision": REVISION,
  gpu: "2x H100",
  "max-replicas": "2",
  preflight: "false",
  "pr-comment": "false",
  "api-url": sim.url,
  ...more,
});

describe("dist/index.js: what it costs", () => {
  it("sets hourly-cost-usd and shows the estimate and the cost so far in the summary", async () => {
    const run = await runAction({ inputs: deployInputs("dist-cost") });
    try {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.outputs["hourly-cost-usd"]).toBe("20.00");
      expect(JSON.parse(run.outputs.json ?? "{}")["hourly-cost-usd"]).toBe(20);
      expect(run.summary).toContain(
        "| Cost per hour (estimate) | 0 when idle to $20.00/h at the H100 list price of $5.00 per GPU-hour (2026-10-01) |",
      );
      expect(run.summary).toMatch(
        /\| Cost so far \| \$0\.\d\d since \d{4}-\d\d-\d\d \(Friendli's cost report\) \|/,
      );
      expect(sim.requests.filter((q) => q.route === "cost").map((q) => q.status)).toEqual([200]);
    } finally {
      run.cleanup();
    }
  });

  it("max-hourly-cost refuses the deploy before any create: exit 1, the options that fit, no POST", async () => {
    const before = sim.requests.length;
    const run = await runAction({
      inputs: deployInputs("dist-cost-capped", { "max-hourly-cost": "15", "gpu-hourly-price": "" }),
    });
    try {
      expect(run.code).toBe(1);
      const error = run.stdout.split("\n").find((l) => l.startsWith("::error::")) ?? "";
      expect(error).toContain("2 replica(s) of 2x H100 cost $20.00/h");
      expect(error).toContain("above `max-hourly-cost` $15.00");
      expect(error).toContain("options that fit at 2 replica(s): 1x A100 80GB ($8.00/h), 1x H100 ($10.00/h)");
      expect(run.outputs.result).toBe("failed");
      expect(run.outputs["hourly-cost-usd"]).toBe("20.00");
      const sent = sim.requests.slice(before);
      // The lookup by name (the listing, then each listed endpoint's spec), and nothing else: no
      // create or update, no Hub, no cost report.
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.filter((q) => !(q.method === "GET" && (q.route === "list" || q.route === "get")))).toEqual(
        [],
      );
      expect(sim.endpoints().filter((e) => e.name === "dist-cost-capped")).toEqual([]);
    } finally {
      run.cleanup();
    }
  });
});
