// operation: deploy when the name is already taken in the project: update (a new version by PUT),
// reuse, fail; endpoint-id instead of the name; and two endpoints of one name.
import { describe, expect, it } from "vitest";
import { deployInputs, REVISION, runInProcess } from "../support/in-process.ts";
import { requestsTo, routes, startEnv, writes } from "./helpers.ts";

const PROVENANCE =
  "Deployed by octo-org/llm-service@4f1c2a7 from https://github.com/octo-org/llm-service/actions/runs/1234567890";

describe("if-exists: update", () => {
  it("sends one PUT with the requested settings and the version comment, then waits for RUNNING again", async () => {
    const { sim, clock } = await startEnv({ scenario: { lifecycleMs: { updating: 45_000 } } });
    const other = sim.seed({ name: "another-endpoint", projectId: "demo-project" });
    const id = sim.seed({ name: "it-endpoint", projectId: "demo-project", instanceOptionId: "ShbPuOs4tfGb" });
    const t0 = clock.now();
    const r = await runInProcess({
      inputs: deployInputs(sim, {
        "max-replicas": "2",
        "max-context-length": "8192",
        "version-comment": "retrained on July data",
      }),
      clock,
    });
    expect(r.failed).toBeUndefined();
    expect(requestsTo(sim, "create")).toEqual([]);
    const puts = requestsTo(sim, "update");
    expect(puts.map((p) => p.path)).toEqual([`/dedicated/beta/endpoint/${id}`]);
    expect(puts[0]?.body).toStrictEqual({
      instanceOptionId: "TwD5AqnBSVN0",
      hfModelRepo: "meta-llama/Llama-3.1-8B-Instruct",
      hfModelRepoRevision: REVISION,
      autoscalingPolicy: { minReplica: 0, maxReplica: 2, cooldownPeriod: 300 },
      advanced: {
        tokenizer_skip_special_tokens: false,
        tokenizer_add_special_tokens: false,
        max_context_length: 8192,
      },
      newVersionComment: "retrained on July data",
    });
    // The name lookup GETs every endpoint of the project to read its name.
    expect(routes(sim).slice(0, 4)).toEqual(["GET list", "GET get", "GET get", "PUT update"]);
    expect(new Set(requestsTo(sim, "get").map((q) => q.path))).toEqual(
      new Set([`/dedicated/beta/endpoint/${other}`, `/dedicated/beta/endpoint/${id}`]),
    );
    expect(writes(sim)).toHaveLength(1);

    const ep = sim.endpoints().find((e) => e.id === id);
    expect(ep).toMatchObject({ status: "RUNNING", versions: 2, instanceOptionId: "TwD5AqnBSVN0" });
    expect(r.outputs).toMatchObject({ result: "updated", status: "RUNNING", phase: "", "endpoint-id": id });
    expect(r.report.timeline.map((s) => s.label)).toEqual(["UPDATING", "RUNNING"]);
    expect(clock.now() - t0).toBeGreaterThanOrEqual(45_000);
    expect(clock.now() - t0).toBeLessThanOrEqual(45_000 + 14_000);
    // Found, not created: the post step must not delete it after a cancellation.
    expect(r.state).toMatchObject({ "endpoint-id": id, "created-by-this-run": "false" });
    expect(r.summary).toContain("## ✅ Friendli deploy: Endpoint updated · it-endpoint (RUNNING)");
  });

  it("the default version comment is the provenance", async () => {
    const { sim, clock } = await startEnv();
    sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    await runInProcess({ inputs: deployInputs(sim, { wait: "false" }), clock });
    expect(requestsTo(sim, "update")[0]?.body).toMatchObject({ newVersionComment: PROVENANCE });
  });

  it("without wait: reports the status after the PUT, not the one listed before it", async () => {
    const { sim, clock } = await startEnv({ scenario: { lifecycleMs: { updating: 45_000 } } });
    const id = sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    const r = await runInProcess({ inputs: deployInputs(sim, { wait: "false" }), clock });
    expect(r.failed).toBeUndefined();
    expect(routes(sim)).toEqual(["GET list", "GET get", "PUT update", "GET status"]);
    expect(r.outputs).toMatchObject({ result: "updated", status: "UPDATING", "endpoint-id": id });
  });

  it("without wait: a status read that fails after the PUT only warns, with the error as the HTTP layer put it", async () => {
    const { sim, clock } = await startEnv();
    const id = sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    sim.inject({ route: "status", fault: { kind: "status", status: 403 } });
    const r = await runInProcess({ inputs: deployInputs(sim, { wait: "false" }), clock });
    expect(r.failed).toBeUndefined();
    expect(r.outputs).toMatchObject({ result: "updated", "endpoint-id": id });
    expect(r.logs).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^warning: Endpoint ${id} was updated, but its status could not be read: status failed: access denied \\(403\\)`,
        ),
      ),
    );
  });

  it("with endpoint-id acts on that id without listing the project", async () => {
    const { sim, clock } = await startEnv();
    // Same name elsewhere: a lookup by name would have found two and failed.
    sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    const id = sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    const r = await runInProcess({ inputs: deployInputs(sim, { "endpoint-id": id }), clock });
    expect(r.failed).toBeUndefined();
    expect(r.outputs).toMatchObject({ result: "updated", status: "RUNNING", "endpoint-id": id });
    expect(requestsTo(sim, "list")).toEqual([]);
    expect(writes(sim).map((w) => `${w.method} ${w.path}`)).toEqual([`PUT /dedicated/beta/endpoint/${id}`]);
    // The id's spec is read first: it must belong to project-id before it is changed.
    expect(routes(sim)[0]).toBe("GET get");
  });

  it("with an endpoint-id of another project refuses to change it", async () => {
    const { sim, clock } = await startEnv({
      scenario: { teams: [{ id: "demo-team", projects: ["demo-project", "other-project"] }] },
    });
    const id = sim.seed({ name: "their-prod", projectId: "other-project" });
    const r = await runInProcess({ inputs: deployInputs(sim, { "endpoint-id": id }), clock });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toContain(
      `endpoint-id ${id} is "their-prod" in project other-project, not in project-id demo-project`,
    );
    expect(writes(sim)).toEqual([]);
  });

  it("with an endpoint-id that does not exist fails naming it, and writes nothing", async () => {
    const { sim, clock } = await startEnv();
    sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    const r = await runInProcess({ inputs: deployInputs(sim, { "endpoint-id": "depnothere0000" }), clock });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toBe(
      "endpoint-id depnothere0000 was not found: check the id, or leave endpoint-id empty to deploy by name",
    );
    expect(writes(sim)).toEqual([]);
  });

  it("dry run plans the PUT and sends nothing", async () => {
    const { sim, clock } = await startEnv();
    const id = sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    const r = await runInProcess({ inputs: deployInputs(sim, { "dry-run": "true" }), clock });
    expect(r.failed).toBeUndefined();
    expect(r.outputs).toMatchObject({ result: "planned", "endpoint-id": id, status: "RUNNING" });
    expect(writes(sim)).toEqual([]);
    expect(r.summary).toContain(`PUT /dedicated/beta/endpoint/${id}`);
    expect(r.summary).toContain(`"newVersionComment": "${PROVENANCE}"`);
  });

  it("a found endpoint that then fails is not deleted, even with delete-on-failure", async () => {
    const { sim, clock } = await startEnv();
    const id = sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    // Updates never fail in the simulator: the first poll after the PUT reports FAILED instead.
    sim.inject({ route: "status", fault: { kind: "unknown-status", status: "FAILED" } });
    const r = await runInProcess({ inputs: deployInputs(sim, { "delete-on-failure": "true" }), clock });
    expect(r.outputs).toMatchObject({ result: "failed", status: "FAILED", "endpoint-id": id });
    expect(writes(sim).map((w) => w.method)).toEqual(["PUT"]);
    expect(sim.endpoints().find((e) => e.id === id)?.deleted).toBe(false);
    expect(r.logs.join("\n")).not.toContain("delete-on-failure");
  });
});

describe("if-exists: reuse", () => {
  it("leaves a RUNNING endpoint as it is: no write, result reused", async () => {
    const { sim, clock } = await startEnv();
    const id = sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    const t0 = clock.now();
    const r = await runInProcess({ inputs: deployInputs(sim, { "if-exists": "reuse" }), clock });
    expect(r.failed).toBeUndefined();
    expect(writes(sim)).toEqual([]);
    expect(routes(sim)).toEqual(["GET list", "GET get", "GET status"]);
    expect(clock.now()).toBe(t0);
    expect(r.outputs).toMatchObject({ result: "reused", status: "RUNNING", "endpoint-id": id });
    expect(sim.endpoints()[0]?.versions).toBe(1);
  });

  it("waits for a reused endpoint that is still initialising", async () => {
    const { sim, clock } = await startEnv({
      scenario: { lifecycleMs: { downloadingModel: 120_000, engineInitializing: 60_000 } },
    });
    const id = sim.seed({
      name: "it-endpoint",
      projectId: "demo-project",
      status: "INITIALIZING",
      phase: "DOWNLOADING_MODEL",
    });
    const r = await runInProcess({ inputs: deployInputs(sim, { "if-exists": "reuse" }), clock });
    expect(r.failed).toBeUndefined();
    expect(writes(sim)).toEqual([]);
    expect(r.outputs).toMatchObject({ result: "reused", status: "RUNNING", "endpoint-id": id });
    expect(r.report.timeline.map((s) => s.label)).toEqual([
      "DOWNLOADING_MODEL",
      "ENGINE_INITIALIZING",
      "RUNNING",
    ]);
  });

  it("a reused endpoint that is FAILED fails the run and is not deleted", async () => {
    const { sim, clock } = await startEnv();
    const id = sim.seed({
      name: "it-endpoint",
      projectId: "demo-project",
      status: "FAILED",
      phase: "DOWNLOADING_MODEL",
      errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR",
    });
    const r = await runInProcess({
      inputs: deployInputs(sim, { "if-exists": "reuse", "delete-on-failure": "true" }),
      clock,
    });
    expect(r.outputs).toMatchObject({
      result: "failed",
      status: "FAILED",
      "error-code": "WORKLOAD_INIT_DOWNLOAD_ERROR",
      "endpoint-id": id,
    });
    expect(writes(sim)).toEqual([]);
  });
});

describe("if-exists: fail", () => {
  it("fails naming the id, and writes nothing", async () => {
    const { sim, clock } = await startEnv();
    const id = sim.seed({ name: "it-endpoint", projectId: "demo-project" });
    const r = await runInProcess({ inputs: deployInputs(sim, { "if-exists": "fail" }), clock });
    expect(r.outputs).toMatchObject({ result: "failed", "endpoint-id": id, status: "RUNNING" });
    expect(r.failed).toBe(`an endpoint named "it-endpoint" already exists (${id}) and if-exists is fail`);
    expect(writes(sim)).toEqual([]);
    expect(routes(sim)).toEqual(["GET list", "GET get"]);
  });
});

describe("two endpoints of one name", () => {
  it.each(["update", "reuse", "fail"])(
    "if-exists %s: fails naming both ids, writes nothing",
    async (mode) => {
      const { sim, clock } = await startEnv();
      const a = sim.seed({ name: "it-endpoint", projectId: "demo-project" });
      const b = sim.seed({ name: "it-endpoint", projectId: "demo-project" });
      const r = await runInProcess({ inputs: deployInputs(sim, { "if-exists": mode }), clock });
      expect(r.outputs.result).toBe("failed");
      expect(r.failed).toContain(`2 endpoints are named "it-endpoint" in project demo-project: ${a}, ${b}`);
      expect(r.failed).toMatch(/^2 endpoints are named/);
      expect(writes(sim)).toEqual([]);
      expect(r.outputs["endpoint-id"]).toBe("");
    },
  );
});
