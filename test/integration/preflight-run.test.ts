// The pre-flight and the measured smoke test inside a whole run: run() in process, real HTTP to the
// simulator's Friendli and Hub sides on loopback, a virtual clock shared with it.
import { describe, expect, it } from "vitest";
import { commitOf } from "../simulator/hub-models.ts";
import { deployInputs, runInProcess, TOKEN } from "../support/in-process.ts";
import { friendliRequests, hubRoutes, requestsTo, routes, startEnv, writes } from "./helpers.ts";

const HF_TOKEN = "hf_integration_secret_0123456789";

/** A deploy of a model of the simulated Hub, pre-flight on (the default), no pinned revision. */
function inputsFor(sim: Parameters<typeof deployInputs>[0], over: Record<string, string> = {}) {
  return deployInputs(sim, { "hf-model-repo": "sim-org/small-chat", "hf-model-revision": "", ...over });
}

describe("pre-flight in a deploy", () => {
  it("a model that does not fit: nothing created, the step fails at once with the reason", async () => {
    const { sim, clock } = await startEnv();
    const t0 = clock.now();
    const r = await runInProcess({
      inputs: inputsFor(sim, { "hf-model-repo": "sim-org/llama-70b-like", gpu: "1x H100" }),
      clock,
    });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/do not fit .*options that fit: 2x A100 80GB, 2x H100, 1x B200, 2x H200/);
    expect(writes(sim)).toEqual([]);
    expect(routes(sim)).toEqual(["GET list"]);
    expect(hubRoutes(sim)).toEqual(["GET hub-model", "GET hub-tree"]);
    expect(sim.endpoints()).toEqual([]);
    // Fast: no sleep at all on the run's clock.
    expect(clock.now()).toBe(t0);
    expect(r.summary).toContain("### Pre-flight failed: nothing was created or updated");
    expect(r.logs.some((l) => /^info: pre-flight fit: fail: .*they do not fit/.test(l))).toBe(true);
  });

  it("a private repo without hf-token fails and says to pass one or set preflight: false", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({
      inputs: inputsFor(sim, { "hf-model-repo": "sim-org/private-model" }),
      clock,
    });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/Pass `hf-token`.*or set `preflight: false`/);
    expect(writes(sim)).toEqual([]);
  });

  it("an unpinned model: the default branch's commit is pinned in the POST and reported", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({ inputs: inputsFor(sim), clock });
    const sha = commitOf("sim-org/small-chat");
    expect(r.outputs.result).toBe("created");
    expect(requestsTo(sim, "create")[0]?.body).toMatchObject({
      hfModelRepo: "sim-org/small-chat",
      hfModelRepoRevision: sha,
    });
    expect(r.outputs["model-revision"]).toBe(sha);
    expect(JSON.parse(r.outputs.json ?? "{}")["model-revision"]).toBe(sha);
    expect(r.summary).toContain(`sim-org/small-chat@${sha}`);
    expect(r.summary).toContain("### Pre-flight passed");
    // The pre-flight came before the create.
    const order = sim.requests.map((q) => q.route);
    expect(order.indexOf("hub-tree")).toBeLessThan(order.indexOf("create"));
  });

  it("an update of an unpinned model pins the commit in the PUT", async () => {
    const { sim, clock } = await startEnv();
    sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    const r = await runInProcess({ inputs: inputsFor(sim), clock });
    expect(r.outputs.result).toBe("updated");
    expect(requestsTo(sim, "update")[0]?.body).toMatchObject({
      hfModelRepoRevision: commitOf("sim-org/small-chat"),
    });
  });

  it("a warning (gated repo, 88% of the GPU memory) goes on, with annotations", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({
      inputs: inputsFor(sim, { "hf-model-repo": "sim-org/llama-70b-like", gpu: "2x H100" }),
      clock,
    });
    expect(r.outputs.result).toBe("created");
    expect(r.logs.some((l) => /^warning: pre-flight fit: weights 141.1 GB are 88% /.test(l))).toBe(true);
    expect(r.summary).toMatch(/\| ⚠️ \| fit \|/);
  });

  it("the Hub down: retried, a warning, and the deploy goes on unpinned", async () => {
    const { sim, clock } = await startEnv({ hubDown: "fail" });
    const r = await runInProcess({ inputs: inputsFor(sim), clock });
    expect(r.outputs.result).toBe("created");
    expect(hubRoutes(sim)).toEqual(["GET hub-model", "GET hub-model", "GET hub-model"]);
    expect(r.logs.some((l) => l.startsWith("warning: pre-flight hub: could not check"))).toBe(true);
    expect(requestsTo(sim, "create")[0]?.body).not.toHaveProperty("hfModelRepoRevision");
    expect(r.outputs["model-revision"]).toBe("");
    expect(r.summary).toContain("### Pre-flight skipped: the Hub could not be asked");
  });

  it("preflight: false asks the Hub nothing", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({ inputs: inputsFor(sim, { preflight: "false" }), clock });
    expect(r.outputs.result).toBe("created");
    expect(hubRoutes(sim)).toEqual([]);
    expect(requestsTo(sim, "create")[0]?.body).not.toHaveProperty("hfModelRepoRevision");
    expect(r.summary).not.toContain("Pre-flight");
  });

  it("operation delete and if-exists: reuse ask the Hub nothing", async () => {
    const { sim, clock } = await startEnv();
    sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    const reuse = await runInProcess({ inputs: inputsFor(sim, { "if-exists": "reuse" }), clock });
    expect(reuse.outputs.result).toBe("reused");
    const del = await runInProcess({ inputs: { ...inputsFor(sim), operation: "delete" }, clock });
    expect(del.outputs.result).toBe("deleted");
    expect(hubRoutes(sim)).toEqual([]);
  });

  it("dry run shows the findings with the plan, the pinned commit in the request, and sends nothing", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({ inputs: inputsFor(sim, { "dry-run": "true" }), clock });
    expect(r.outputs.result).toBe("planned");
    expect(writes(sim)).toEqual([]);
    const plan = r.logs.find((l) => l.includes("Plan: create the endpoint")) ?? "";
    expect(plan).toMatch(/^info: pre-flight revision: ok: sim-org\/small-chat pinned at [0-9a-f]{40}/);
    expect(plan).toContain("pre-flight fit: ok: ");
    expect(r.report.plannedRequest?.body).toMatchObject({
      hfModelRepoRevision: commitOf("sim-org/small-chat"),
    });
  });

  it("a dry run that the pre-flight refuses shows the findings and fails", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({
      inputs: inputsFor(sim, { "dry-run": "true", "hf-model-repo": "sim-org/no-config" }),
      clock,
    });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/no config.json/);
    expect(r.logs.some((l) => l.includes("pre-flight files: fail: ") && l.includes("Plan: fail"))).toBe(true);
    expect(writes(sim)).toEqual([]);
  });

  it("cancelled while the Hub hangs: result cancelled at once, nothing created", async () => {
    const { sim, clock } = await startEnv({ hubDown: "hang" });
    const ac = new AbortController();
    const running = runInProcess({ inputs: inputsFor(sim), clock, signal: ac.signal });
    while (hubRoutes(sim).length === 0) await new Promise((r) => setImmediate(r));
    ac.abort(new Error("SIGTERM"));
    const r = await running;
    expect(r.outputs.result).toBe("cancelled");
    expect(writes(sim)).toEqual([]);
    expect(hubRoutes(sim)).toEqual(["GET hub-model"]);
  });

  it("hf-token reaches the Hub only: never Friendli, a log line, an output or the summary", async () => {
    const { sim, clock } = await startEnv({ hubTokens: [HF_TOKEN] });
    const r = await runInProcess({
      inputs: inputsFor(sim, { "hf-model-repo": "sim-org/private-model", "hf-token": HF_TOKEN }),
      clock,
    });
    expect(r.outputs.result).toBe("created");
    expect(r.secrets).toContain(HF_TOKEN);
    const hub = sim.requests.filter((q) => q.route.startsWith("hub-"));
    expect(hub.length).toBeGreaterThan(0);
    for (const q of hub) expect(q.headers.authorization).toBe(`Bearer ${HF_TOKEN}`);
    for (const q of friendliRequests(sim)) {
      expect(q.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(JSON.stringify(q)).not.toContain(HF_TOKEN);
    }
    for (const text of [JSON.stringify(r.outputs), r.summary, r.logs.join("\n"), JSON.stringify(r.report)]) {
      expect(text).not.toContain(HF_TOKEN);
    }
  });

  it("a refused hf-token fails without printing it", async () => {
    const { sim, clock } = await startEnv({ hubTokens: [HF_TOKEN] });
    const wrong = "hf_wrong_secret_abcdefghijkl";
    const r = await runInProcess({
      inputs: inputsFor(sim, { "hf-model-repo": "sim-org/private-model", "hf-token": wrong }),
      clock,
    });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/refused hf-token \(401\)/);
    for (const text of [r.failed ?? "", r.summary, r.logs.join("\n"), JSON.stringify(r.outputs)]) {
      expect(text).not.toContain(wrong);
    }
  });
});

describe("the measured smoke test in a deploy", () => {
  it("reports time to first token, tokens per second and output tokens", async () => {
    const { sim, clock } = await startEnv({ ttftMs: 240 });
    const r = await runInProcess({ inputs: inputsFor(sim, { "smoke-test": "true" }), clock });
    expect(r.failed).toBeUndefined();
    expect(r.outputs["smoke-test-ttft-ms"]).toBe("240");
    expect(Number(r.outputs["smoke-test-tokens-per-second"])).toBeGreaterThan(0);
    expect(r.report.smokeTest).toMatchObject({ ttftMs: 240, route: "chat" });
    expect(r.report.smokeTest?.outputTokens).toBeGreaterThan(0);
    expect(r.summary).toContain("| Time to first token | 240 ms |");
    const json = JSON.parse(r.outputs.json ?? "{}");
    expect(json["smoke-test-ttft-ms"]).toBe(240);
  });

  it("a model without a chat template: the pre-flight sends the smoke test to completions first", async () => {
    const { sim, clock } = await startEnv({
      scenario: { noChatTemplate: ["sim-org/base-no-chat-template"] },
    });
    const r = await runInProcess({
      inputs: inputsFor(sim, { "hf-model-repo": "sim-org/base-no-chat-template", "smoke-test": "true" }),
      clock,
    });
    expect(r.failed).toBeUndefined();
    expect(requestsTo(sim, "chat")).toEqual([]);
    expect(requestsTo(sim, "completions")).toHaveLength(1);
    expect(r.report.smokeTest?.route).toBe("completions");
  });

  it("smoke-test-expect met: passes", async () => {
    const { sim, clock } = await startEnv();
    const probe = await runInProcess({ inputs: inputsFor(sim, { "smoke-test": "true" }), clock });
    const word = (probe.report.smokeTest?.reply ?? "").split(/\s+/).find((w) => w.length > 2) ?? "";
    expect(word).not.toBe("");
    const r = await runInProcess({
      inputs: inputsFor(sim, { "smoke-test": "true", "smoke-test-expect": word }),
      clock,
    });
    expect(r.failed).toBeUndefined();
    expect(r.outputs.result).toBe("updated");
  });

  it("smoke-test-expect missed: the step fails and delete-on-failure deletes what it created", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({
      inputs: inputsFor(sim, {
        "smoke-test": "true",
        "smoke-test-expect": "no such words in a reply",
        "delete-on-failure": "true",
      }),
      clock,
    });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/does not contain the smoke-test-expect text "no such words in a reply"/);
    expect(requestsTo(sim, "delete")).toHaveLength(1);
    expect(r.report.deletedAfterFailure).toBe(true);
  });

  it("smoke-test-max-ttft-ms missed: the step fails, naming the measured time", async () => {
    const { sim, clock } = await startEnv({ ttftMs: 900 });
    const r = await runInProcess({
      inputs: inputsFor(sim, { "smoke-test": "true", "smoke-test-max-ttft-ms": "500" }),
      clock,
    });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/first token came after 900 ms, over smoke-test-max-ttft-ms \(500 ms\)/);
  });

  it("smoke-test-max-ttft-ms met: passes", async () => {
    const { sim, clock } = await startEnv({ ttftMs: 300 });
    const r = await runInProcess({
      inputs: inputsFor(sim, { "smoke-test": "true", "smoke-test-max-ttft-ms": "500" }),
      clock,
    });
    expect(r.failed).toBeUndefined();
    expect(r.outputs["smoke-test-ttft-ms"]).toBe("300");
  });
});
