// What it costs, through the real action against the simulator on loopback: the estimate and the
// output, the cost so far from the team cost report (and what happens when it cannot be read), and
// `max-hourly-cost` refusing before any create or update.
import { afterEach, describe, expect, it } from "vitest";
import { derivePreviewName } from "../../src/inputs/preview-names.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.ts";
import { deployInputs, runInProcess, TOKEN } from "../support/in-process.ts";
import { costReads, hubRoutes, routes, startEnv, writes } from "./helpers.ts";

const HOUR = 3_600_000;
const debugs = (logs: string[]) => logs.filter((l) => l.startsWith("debug: "));

describe("the cost so far", () => {
  it("status of an endpoint that has run 3 hours: the report's sum, the estimate from its spec", async () => {
    const { sim, clock } = await startEnv();
    const id = sim.seed({
      name: "busy",
      projectId: "demo-project",
      instanceOptionId: "zfTutSiLn0Hq", // 2x H100
      autoscalingPolicy: { minReplica: 1, maxReplica: 2, cooldownPeriod: 300 },
      createdAt: clock.now() - 3 * HOUR,
    });
    const r = await runInProcess({
      inputs: {
        "friendli-token": TOKEN,
        "project-id": "demo-project",
        "api-url": sim.url,
        operation: "status",
        name: "busy",
        wait: "false",
      },
      clock,
    });
    expect(r.report.result).toBe("reused");
    // 3 h x 2 GPUs x 1 replica x $5.00.
    expect(r.report.cost?.toDate).toEqual({ usd: 30, since: "2026-11-25", days: 1, clipped: false });
    expect(r.outputs["hourly-cost-usd"]).toBe("20.00");
    expect(r.summary).toContain(
      "| Cost per hour (estimate) | $10.00 to $20.00/h at the H100 list price of $5.00 per GPU-hour (2026-10-01) |",
    );
    expect(r.summary).toContain("| Cost so far | $30.00 since 2026-11-25 (Friendli's cost report) |");
    const [read] = costReads(sim);
    expect(costReads(sim)).toHaveLength(1);
    expect(read?.query).toEqual({
      start_time: "2026-11-25T00:00:00Z",
      end_time: "2026-11-26T00:00:00Z",
      bucket_width: "1d",
      group_by: "line_item",
      limit: "1",
    });
    expect(read?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(r.report.endpointId).toBe(id);
  });

  it("a deploy reports its estimate and the cost so far (nothing billed before RUNNING)", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({
      inputs: deployInputs(sim, {
        gpu: "1x H200",
        "min-replicas": "0",
        "max-replicas": "2",
        preflight: "false",
      }),
      clock,
    });
    expect(r.report.result).toBe("created");
    expect(r.outputs["hourly-cost-usd"]).toBe("14.00");
    expect(r.logs).toContain(
      "info: Estimated cost: 0 when idle to $14.00/h: 1x H200 per replica, 0 to 2 replicas, at the H200 list price of $7.00 per GPU-hour (2026-10-01)",
    );
    // Billed from RUNNING (7 s of unbilled start-up after the create) to the report's read: the
    // seconds between RUNNING and the poll that saw it, on one H200 at $7.00 an hour.
    const [read] = costReads(sim);
    const runningAt = (sim.endpoints()[0]?.createdAt ?? 0) + 7_000;
    expect(read?.at).toBeGreaterThan(runningAt);
    expect(r.report.cost?.toDate?.usd).toBe(
      Math.round(((7 * ((read?.at ?? 0) - runningAt)) / HOUR) * 100) / 100,
    );
    expect(costReads(sim)).toHaveLength(1);
  });

  it.each([
    ["403 (a token that may not read the team's costs)", { kind: "status", status: 403 } as const],
    ["404 (an API without the report)", { kind: "status", status: 404 } as const],
    ["429 (the report's rate limit)", { kind: "status", status: 429, retryAfter: "300" } as const],
    ["an answer that is not JSON", { kind: "non-json" } as const],
  ])("%s is a debug line, not a failure and not a retry", async (_what, fault) => {
    const { sim, clock } = await startEnv();
    sim.inject({ route: "cost", times: 5, fault });
    const r = await runInProcess({ inputs: deployInputs(sim, { preflight: "false" }), clock });
    expect(r.report.result).toBe("created");
    expect(r.failed).toBeUndefined();
    expect(costReads(sim)).toHaveLength(1);
    expect(r.report.cost?.toDate).toBeUndefined();
    expect(r.report.cost?.hourly?.maxUsd).toBe(5);
    expect(r.logs.filter((l) => l.startsWith("warning: "))).toEqual([]);
    expect(
      debugs(r.logs).some((l) => l.startsWith("debug: cost report not read (the cost so far is left out): ")),
    ).toBe(true);
    expect(r.summary).not.toContain("Cost so far");
    expect(r.summary).toContain("Cost per hour (estimate)");
  });

  it("a report that does not answer costs the run its own small budget, not the request timeout", async () => {
    const { sim, clock } = await startEnv();
    sim.costReport("slow"); // answers after 30 s of real time
    const started = Date.now();
    const r = await runInProcess({ inputs: deployInputs(sim, { preflight: "false" }), clock });
    const tookMs = Date.now() - started;
    expect(r.report.result).toBe("created");
    expect(r.failed).toBeUndefined();
    expect(debugs(r.logs).some((l) => l.includes("cost report not read"))).toBe(true);
    // COST_REPORT_BUDGET_MS is 5 s of real time; the request timeout (30 s) would be far beyond this.
    expect(tookMs).toBeLessThan(20_000);
  }, 40_000);

  it("is not read after a dry run, a delete or a failure", async () => {
    const { sim, clock } = await startEnv();
    await runInProcess({ inputs: deployInputs(sim, { "dry-run": "true", preflight: "false" }), clock });
    await runInProcess({ inputs: deployInputs(sim, { preflight: "false" }), clock });
    expect(costReads(sim)).toHaveLength(1);
    await runInProcess({ inputs: deployInputs(sim, { operation: "delete" }), clock });
    sim.inject({ route: "create", times: 10, fault: { kind: "status", status: 400 } });
    const failed = await runInProcess({ inputs: deployInputs(sim, { preflight: "false" }), clock });
    expect(failed.report.result).toBe("failed");
    expect(costReads(sim)).toHaveLength(1);
  });
});

describe("max-hourly-cost", () => {
  it("refuses a create above the cap before any write or Hub request, naming what fits", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({
      inputs: deployInputs(sim, { gpu: "2x H100", "max-replicas": "3", "max-hourly-cost": "20" }),
      clock,
    });
    expect(r.report.result).toBe("failed");
    expect(r.failed).toBe(
      "3 replica(s) of 2x H100 cost $30.00/h at the H100 list price of $5.00 per GPU-hour (2026-10-01), above " +
        "`max-hourly-cost` $20.00 (options that fit at 3 replica(s): 1x A100 80GB ($12.00/h), 1x H100 ($15.00/h), " +
        "or `max-replicas: 2`)",
    );
    expect(writes(sim)).toEqual([]);
    expect(routes(sim)).toEqual(["GET list"]);
    expect(hubRoutes(sim)).toEqual([]);
    expect(costReads(sim)).toEqual([]);
    expect(r.outputs["hourly-cost-usd"]).toBe("30.00");
    expect(r.outputs.result).toBe("failed");
  });

  it("refuses an update above the cap: no PUT; a negotiated price that fits lets it through", async () => {
    const { sim, clock } = await startEnv();
    sim.seed({ name: "it-endpoint", projectId: "demo-project", instanceOptionId: "TwD5AqnBSVN0" });
    const over = await runInProcess({
      inputs: deployInputs(sim, { gpu: "4x H100", "max-hourly-cost": "19.99", preflight: "false" }),
      clock,
    });
    expect(over.report.result).toBe("failed");
    expect(writes(sim)).toEqual([]);
    const negotiated = await runInProcess({
      inputs: deployInputs(sim, {
        gpu: "4x H100",
        "max-hourly-cost": "19.99",
        "gpu-hourly-price": "4.25",
        preflight: "false",
      }),
      clock,
    });
    expect(negotiated.report.result).toBe("updated");
    expect(negotiated.outputs["hourly-cost-usd"]).toBe("17.00");
    expect(writes(sim).map((q) => `${q.method} ${q.route}`)).toEqual(["PUT update"]);
  });

  it("a dry run above the cap fails as the run would, and shows the estimate", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({
      inputs: deployInputs(sim, { "max-hourly-cost": "4.99", "dry-run": "true" }),
      clock,
    });
    expect(r.report.result).toBe("failed");
    expect(writes(sim)).toEqual([]);
    const info = r.logs.filter((l) => l.startsWith("info: ")).join("\n");
    expect(info).toContain("pre-flight cost: fail: 1 replica(s) of 1x H100 cost $5.00/h");
    expect(info).toContain("Cost: 0 when idle to $5.00/h: 1x H100 per replica, 0 to 1 replicas");
  });
});

describe("the sweep's costs", () => {
  const GITHUB_TOKEN = "ghs_cost_sweep_token_0123456789";
  const servers: FakeGitHub[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((g) => g.close()));
  });

  async function sweepProject() {
    const { sim, clock } = await startEnv();
    const gh = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
    servers.push(gh);
    const preview = (n: number, instanceOptionId: string, maxReplica: number) =>
      sim.seed({
        name: derivePreviewName("acme/models", n),
        projectId: "demo-project",
        instanceOptionId,
        autoscalingPolicy: { minReplica: 1, maxReplica, cooldownPeriod: 300 },
        createdAt: clock.now() - 5 * HOUR,
      });
    const ids = {
      closed: preview(1, "zfTutSiLn0Hq", 1), // 2x H100: $10.00/h, 5 h so far
      merged: preview(2, "ShbPuOs4tfGb", 3), // 1x A100 80GB: $4.00/h a replica, up to 3
      open: preview(3, "TwD5AqnBSVN0", 1),
    };
    gh.pulls.set(1, { state: "closed", merged: false });
    gh.pulls.set(2, { state: "closed", merged: true });
    gh.pulls.set(3, { state: "open", merged: false });
    const sweep = (inputs: Record<string, string> = {}) =>
      runInProcess({
        inputs: {
          operation: "sweep",
          "friendli-token": TOKEN,
          "project-id": "demo-project",
          "github-token": GITHUB_TOKEN,
          "api-url": sim.url,
          ...inputs,
        },
        clock,
        eventName: "schedule",
        env: { GITHUB_REPOSITORY: "acme/models", GITHUB_API_URL: gh.url },
      });
    return { sim, ids, sweep };
  }

  it("shows what each deleted preview cost, the hourly cost it frees, and the totals", async () => {
    const { sim, ids, sweep } = await sweepProject();
    const r = await sweep();
    expect(r.report.result).toBe("swept");
    expect(costReads(sim)).toHaveLength(1);
    expect(r.summary).toContain(
      [
        "### What they cost",
        "",
        "| Endpoint | Cost so far | Frees per hour (at max replicas) |",
        "| --- | --- | --- |",
        `| acme--models-pr-1 (${ids.closed}) | $50.00 | $10.00/h |`,
        `| acme--models-pr-2 (${ids.merged}) | $20.00 | $12.00/h |`,
        "| **Total** | $70.00 | $22.00/h |",
      ].join("\n"),
    );
    // The kept preview is in the sweep's table, not among what it cost.
    expect(r.summary.slice(r.summary.indexOf("### What they cost"))).not.toContain(ids.open);
  });

  it("a dry run shows what deleting would free and reads no cost report", async () => {
    const { sim, sweep } = await sweepProject();
    const r = await sweep({ "dry-run": "true", "gpu-hourly-price": "3" });
    expect(r.report.result).toBe("planned");
    expect(costReads(sim)).toEqual([]);
    expect(r.summary).toContain("| Endpoint | Would free per hour (at max replicas) |");
    // At the negotiated $3.00 per GPU-hour: 2 GPUs, and 1 GPU x 3 replicas.
    expect(r.summary).toContain("| **Total** | $15.00/h |");
  });

  it("a report that cannot be read leaves the costs so far unknown; the sweep still succeeds", async () => {
    const { sim, sweep } = await sweepProject();
    sim.inject({ route: "cost", fault: { kind: "status", status: 403 } });
    const r = await sweep();
    expect(r.report.result).toBe("swept");
    expect(r.failed).toBeUndefined();
    expect(r.summary).toContain("| **Total** | $0.00 (of those known) | $22.00/h |");
  });
});
