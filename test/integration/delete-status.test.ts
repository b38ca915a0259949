// operation: delete and operation: status through the simulator.
import { describe, expect, it } from "vitest";
import { errorHint } from "../../src/friendli/error-codes.ts";
import { runInProcess, TOKEN } from "../support/in-process.ts";
import { type Env, requestsTo, routes, startEnv, writes } from "./helpers.ts";

/** Inputs for delete and status: no model, no GPU. */
function opInputs(env: Env, operation: string, overrides: Record<string, string> = {}) {
  return {
    operation,
    "friendli-token": TOKEN,
    "project-id": "demo-project",
    "pr-comment": "false",
    "api-url": env.sim.url,
    ...overrides,
  };
}

describe("operation: delete", () => {
  it("by name: looks it up, deletes it, waits for the 404", async () => {
    const env = await startEnv();
    const { sim, clock } = env;
    const keep = sim.seed({ name: "keep-me", projectId: "demo-project" });
    const id = sim.seed({ name: "pr-preview", projectId: "demo-project" });
    const r = await runInProcess({ inputs: opInputs(env, "delete", { name: "pr-preview" }), clock });
    expect(r.failed).toBeUndefined();
    expect(routes(sim)).toEqual(["GET list", "GET get", "GET get", "DELETE delete", "GET status"]);
    expect(writes(sim).map((w) => w.path)).toEqual([`/dedicated/beta/endpoint/${id}`]);
    expect(requestsTo(sim, "status").map((q) => q.status)).toEqual([404]);
    expect(sim.endpoints().map((e) => [e.id, e.deleted])).toEqual([
      [keep, false],
      [id, true],
    ]);
    expect(r.outputs).toMatchObject({
      result: "deleted",
      "endpoint-id": id,
      "endpoint-name": "pr-preview",
      "inference-url": "",
      // Confirmed gone: no status from before the delete.
      status: "",
      phase: "",
    });
    expect(r.summary).toContain("## 🗑️ Friendli delete: Endpoint deleted · pr-preview");
    expect(r.summary).not.toContain("### How to call it");
  });

  it("by endpoint-id: no listing, no name needed", async () => {
    const env = await startEnv();
    const { sim, clock } = env;
    const id = sim.seed({ name: "pr-preview", projectId: "demo-project" });
    const r = await runInProcess({ inputs: opInputs(env, "delete", { "endpoint-id": id }), clock });
    expect(r.failed).toBeUndefined();
    // The id is checked against project-id by its spec before anything is deleted.
    expect(routes(sim)).toEqual(["GET get", "DELETE delete", "GET status"]);
    expect(writes(sim).map((w) => w.path)).toEqual([`/dedicated/beta/endpoint/${id}`]);
    expect(r.outputs).toMatchObject({ result: "deleted", "endpoint-id": id });
    expect(sim.endpoints()[0]?.deleted).toBe(true);
  });

  it("keeps polling until the endpoint is gone (404), through failed polls", async () => {
    const env = await startEnv();
    const { sim, clock } = env;
    const id = sim.seed({ name: "pr-preview", projectId: "demo-project" });
    // The lookup by id reads the spec; the first two status polls after the DELETE fail with 503.
    sim.inject({ route: "status", times: 2, fault: { kind: "status", status: 503 } });
    const t0 = clock.now();
    const r = await runInProcess({ inputs: opInputs(env, "delete", { "endpoint-id": id }), clock });
    expect(r.failed).toBeUndefined();
    expect(r.outputs.result).toBe("deleted");
    expect(requestsTo(sim, "status").map((q) => q.status)).toEqual([503, 503, 404]);
    // Backoff between failed polls (2 s, then 4 s, each with jitter between half and all of it).
    const [first, , last] = requestsTo(sim, "status");
    expect(first?.at).toBe(t0);
    expect((last?.at ?? 0) - t0).toBeGreaterThanOrEqual(3000);
    expect((last?.at ?? 0) - t0).toBeLessThanOrEqual(6000);
  });

  it("a DELETE whose answer is lost after it deleted: the retry's 404 still reports deleted", async () => {
    const env = await startEnv();
    const { sim, clock } = env;
    const id = sim.seed({ name: "pr-preview", projectId: "demo-project" });
    sim.inject({ route: "delete", fault: { kind: "reset", when: "after" } });
    const r = await runInProcess({ inputs: opInputs(env, "delete", { name: "pr-preview" }), clock });
    expect(r.failed).toBeUndefined();
    expect(requestsTo(sim, "delete").map((q) => q.status)).toEqual(["reset", 404]);
    expect(sim.endpoints()[0]?.deleted).toBe(true);
    expect(r.outputs).toMatchObject({ result: "deleted", "endpoint-id": id });
  });

  it("without wait: deletes and returns, no poll afterwards", async () => {
    const env = await startEnv();
    const { sim, clock } = env;
    sim.seed({ name: "pr-preview", projectId: "demo-project" });
    const r = await runInProcess({
      inputs: opInputs(env, "delete", { name: "pr-preview", wait: "false" }),
      clock,
    });
    expect(r.outputs.result).toBe("deleted");
    expect(routes(sim)).toEqual(["GET list", "GET get", "DELETE delete"]);
  });

  it.each([
    ["by name", { name: "pr-preview" }, ["GET list", "GET get"]],
    ["by endpoint-id", { "endpoint-id": "depnothere0000" }, ["GET get"]],
  ])(
    "of an endpoint that does not exist (%s): succeeds with not-found, writes nothing",
    async (_, by, expected) => {
      const env = await startEnv();
      const { sim, clock } = env;
      sim.seed({ name: "someone-else", projectId: "demo-project" });
      const r = await runInProcess({ inputs: opInputs(env, "delete", by), clock });
      expect(r.failed).toBeUndefined();
      expect(r.outputs).toMatchObject({ result: "not-found", "endpoint-id": "", status: "" });
      expect(writes(sim)).toEqual([]);
      expect(routes(sim)).toEqual(expected);
      expect(r.summary).toContain("Endpoint not found");
    },
  );

  it("dry run plans the DELETE and sends nothing", async () => {
    const env = await startEnv();
    const { sim, clock } = env;
    const id = sim.seed({ name: "pr-preview", projectId: "demo-project" });
    const r = await runInProcess({
      inputs: opInputs(env, "delete", { name: "pr-preview", "dry-run": "true" }),
      clock,
    });
    expect(r.outputs).toMatchObject({ result: "planned", "endpoint-id": id });
    expect(writes(sim)).toEqual([]);
    expect(r.summary).toContain(`DELETE /dedicated/beta/endpoint/${id}`);
  });
});

describe("operation: status", () => {
  it("reads only: outputs the status and phase, no write, no wait when wait is false", async () => {
    const env = await startEnv();
    const { sim, clock } = env;
    const id = sim.seed({
      name: "pr-preview",
      projectId: "demo-project",
      status: "INITIALIZING",
      phase: "DOWNLOADING_MODEL",
    });
    const r = await runInProcess({
      inputs: opInputs(env, "status", { name: "pr-preview", wait: "false" }),
      clock,
    });
    expect(r.failed).toBeUndefined();
    expect(routes(sim)).toEqual(["GET list", "GET get"]);
    expect(r.outputs).toMatchObject({
      // status.ts: the endpoint is left as it is.
      result: "reused",
      "endpoint-id": id,
      status: "INITIALIZING",
      phase: "DOWNLOADING_MODEL",
      "error-code": "",
    });
  });

  it("waits for RUNNING when wait is true, reading only", async () => {
    const env = await startEnv({
      scenario: { lifecycleMs: { downloadingModel: 60_000, engineInitializing: 30_000 } },
    });
    const { sim, clock } = env;
    const id = sim.seed({
      name: "pr-preview",
      projectId: "demo-project",
      status: "INITIALIZING",
      phase: "DOWNLOADING_MODEL",
    });
    const t0 = clock.now();
    const r = await runInProcess({ inputs: opInputs(env, "status", { "endpoint-id": id }), clock });
    expect(r.failed).toBeUndefined();
    expect(writes(sim)).toEqual([]);
    expect(new Set(routes(sim))).toEqual(new Set(["GET status"]));
    expect(r.outputs).toMatchObject({ result: "reused", status: "RUNNING", phase: "", "endpoint-id": id });
    expect(clock.now() - t0).toBeGreaterThanOrEqual(90_000);
    expect(clock.now() - t0).toBeLessThanOrEqual(90_000 + 10_000);
    expect(r.report.timeline.map((s) => s.label)).toEqual([
      "DOWNLOADING_MODEL",
      "ENGINE_INITIALIZING",
      "RUNNING",
    ]);
  });

  it("of a FAILED endpoint without wait: reports it with its error code and hint, and succeeds", async () => {
    const env = await startEnv();
    const { sim, clock } = env;
    sim.seed({
      name: "pr-preview",
      projectId: "demo-project",
      status: "FAILED",
      phase: "ENGINE_INITIALIZING",
      errorCode: "INFERENCE_ENGINE_MEMORY_ERROR",
    });
    const r = await runInProcess({
      inputs: opInputs(env, "status", { name: "pr-preview", wait: "false" }),
      clock,
    });
    expect(r.failed).toBeUndefined();
    expect(r.outputs).toMatchObject({
      result: "reused",
      status: "FAILED",
      phase: "ENGINE_INITIALIZING",
      "error-code": "INFERENCE_ENGINE_MEMORY_ERROR",
    });
    expect(r.summary).toContain((errorHint("INFERENCE_ENGINE_MEMORY_ERROR") ?? "").slice(0, 40));
  });

  it("of a FAILED endpoint with wait: fails", async () => {
    const env = await startEnv();
    const { sim, clock } = env;
    sim.seed({
      name: "pr-preview",
      projectId: "demo-project",
      status: "FAILED",
      phase: "ENGINE_INITIALIZING",
      errorCode: "INFERENCE_ENGINE_MEMORY_ERROR",
    });
    const r = await runInProcess({ inputs: opInputs(env, "status", { name: "pr-preview" }), clock });
    expect(r.outputs).toMatchObject({ result: "failed", "error-code": "INFERENCE_ENGINE_MEMORY_ERROR" });
    expect(writes(sim)).toEqual([]);
  });

  // status.ts: a pure read reports absence and succeeds; a wait for RUNNING on nothing fails.
  it("not found without wait: succeeds with not-found", async () => {
    const env = await startEnv();
    const { sim, clock } = env;
    const r = await runInProcess({
      inputs: opInputs(env, "status", { name: "pr-preview", wait: "false" }),
      clock,
    });
    expect(r.failed).toBeUndefined();
    expect(r.outputs).toMatchObject({ result: "not-found", "endpoint-id": "", status: "" });
    expect(routes(sim)).toEqual(["GET list"]);
  });

  it("not found with wait: fails saying what was looked for", async () => {
    const env = await startEnv();
    const { sim, clock } = env;
    const r = await runInProcess({ inputs: opInputs(env, "status", { name: "pr-preview" }), clock });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toBe('no endpoint named "pr-preview" in project demo-project');
    expect(routes(sim)).toEqual(["GET list"]);
  });
});
