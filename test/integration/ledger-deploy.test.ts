// The deployment ledger through whole runs: the Friendli simulator on virtual time and the loopback
// fake of GitHub's deployments API. What a first deploy records, the no-op second deploy and its
// request count in a crowded project, if-unchanged, a missing permission, the ledger switched off,
// a remembered endpoint deleted since, delete retiring the record, and rollbacks end to end (after a
// FAILED update, after one that times out, and after one whose smoke test fails).
import { describe, expect, it } from "vitest";
import { ROLLBACK_BUDGET_MS, SMOKE_WARMUP_MS } from "../../src/base/timing.ts";
import { PAYLOAD_SCHEMA } from "../../src/ledger/ledger.ts";
import type { FakeDeployment } from "../support/fake-github-deployments.ts";
import { deployInputs, REVISION, runInProcess } from "../support/in-process.ts";
import { useFakeGitHub } from "../support/use-fake-github.ts";
import { type Env, requestsTo, routes, startEnv } from "./helpers.ts";

const GITHUB_TOKEN = "ghs_fakeLedgerToken0123456789";
const NAME = "it-endpoint";
const ENVIRONMENT = `friendli/${NAME}`;
const BAD_REVISION = "bad0bad0bad0bad0bad0bad0bad0bad0bad0bad0";
const SLOW_REVISION = "5105105105105105105105105105105105105105";
// The simulated Hub does not know BAD_REVISION, so the pre-flight would refuse it before the PUT;
// these tests are about a revision that fails on the engine, after the PUT.
const NO_HUB_CHECK = { preflight: "false" };

const github = useFakeGitHub({ token: GITHUB_TOKEN });

function deploy(env: Env, overrides: Record<string, string> = {}) {
  return runInProcess({
    inputs: deployInputs(env.sim, { "github-token": GITHUB_TOKEN, ...overrides }),
    clock: env.clock,
    env: { GITHUB_REPOSITORY: "acme/models", GITHUB_API_URL: github.url },
  });
}

/** Endpoints of other names in the same project: what a name lookup has to read through. */
function crowd(env: Env, others: number): void {
  for (let i = 0; i < others; i++) env.sim.seed({ name: `other-${i}`, projectId: "demo-project" });
}

const states = (d: FakeDeployment | undefined) => d?.statuses.map((s) => s.state);
const ledgerRequests = () => github.requests.filter((r) => r.path.includes("/deployments"));

describe("the deployment ledger in a deploy", () => {
  it("a first deploy records what it sent, in_progress then success, and outputs deployment-id", async () => {
    const env = await startEnv();
    // How many creates the simulator had received when the deployment's POST arrived.
    let createsBeforeDeployment: number | undefined;
    github.onRequest = (req) => {
      if (req.method === "POST" && req.path.endsWith("/deployments"))
        createsBeforeDeployment ??= requestsTo(env.sim, "create").length;
    };
    const r = await deploy(env);
    expect(r.failed).toBeUndefined();
    expect(r.outputs.result).toBe("created");
    // The deployment is created once the id is known, after the create.
    expect(requestsTo(env.sim, "create")).toHaveLength(1);
    expect(createsBeforeDeployment).toBe(1);
    const [d] = github.deployments.deployments;
    expect(github.deployments.deployments).toHaveLength(1);
    expect(r.outputs["deployment-id"]).toBe(String(d?.id));
    expect(d?.environment).toBe(ENVIRONMENT);
    expect(d?.payload).toStrictEqual({
      schema: PAYLOAD_SCHEMA,
      version: 1,
      endpoint: { id: r.outputs["endpoint-id"], name: NAME, projectId: "demo-project" },
      settings: {
        model: { repo: "meta-llama/Llama-3.1-8B-Instruct", revision: REVISION },
        gpu: { instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" },
        autoscaling: { minReplicas: 0, maxReplicas: 1, cooldownSeconds: 300 },
        engine: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
      },
    });
    expect(states(d)).toEqual(["in_progress", "success"]);
    expect(d?.statuses.at(-1)?.environmentUrl).toBe(`${env.sim.url}/dedicated/v1`);
    expect(r.state["deployment-id"]).toBe(String(d?.id));
    expect(r.summary).toContain(`${d?.id} in friendli/it-endpoint`);
  });

  it("a second identical deploy in a 40-endpoint project is unchanged: no PUT, at most 4 Friendli requests", async () => {
    const env = await startEnv();
    crowd(env, 39);
    const first = await deploy(env);
    expect(first.outputs.result).toBe("created");
    const firstRequests = env.sim.requests.length;
    env.sim.requests.length = 0;

    const second = await deploy(env);
    expect(second.failed).toBeUndefined();
    expect(second.outputs.result).toBe("unchanged");
    expect(second.outputs["endpoint-id"]).toBe(first.outputs["endpoint-id"]);
    expect(second.outputs.status).toBe("RUNNING");
    // The remembered id confirmed by one GET, and its status: no listing, no PUT, no wait.
    expect(routes(env.sim)).toEqual(["GET get", "GET status"]);
    expect(env.sim.requests.length).toBeLessThanOrEqual(4);
    expect(firstRequests).toBeGreaterThan(40);
    // The record stays current: a new deployment of the same settings, success.
    const [, again] = github.deployments.deployments;
    expect(states(again)).toEqual(["in_progress", "success"]);
    expect(second.outputs["deployment-id"]).toBe(String(again?.id));
    expect(second.summary).toContain("Previous version");
  });

  it("if-unchanged: update sends the PUT all the same", async () => {
    const env = await startEnv();
    await deploy(env);
    env.sim.requests.length = 0;
    const r = await deploy(env, { "if-unchanged": "update" });
    expect(r.outputs.result).toBe("updated");
    expect(requestsTo(env.sim, "update")).toHaveLength(1);
    expect(requestsTo(env.sim, "list")).toHaveLength(0);
  });

  it("different settings update, and the summary shows the previous version beside the new one", async () => {
    const env = await startEnv();
    await deploy(env);
    const r = await deploy(env, { "max-replicas": "2" });
    expect(r.outputs.result).toBe("updated");
    expect(requestsTo(env.sim, "update")).toHaveLength(1);
    expect(r.summary).toMatch(/Previous version \| meta-llama\/Llama-3\.1-8B-Instruct@0e9e39f/);
    expect(r.summary).toContain("replicas 0–1");
  });

  it("without deployments: write (403) one warning, and the run is otherwise what it is without the ledger", async () => {
    const off = await startEnv();
    const without = await deploy(off, { "github-deployment": "false" });
    github.reset();
    github.deployments.access = "none";
    const env = await startEnv();
    const r = await deploy(env);
    expect(r.failed).toBeUndefined();
    // Two simulators, two ports: everything else is the same.
    const portless = (o: Record<string, string>) =>
      JSON.parse(JSON.stringify(o).replace(/127\.0\.0\.1:\d+/g, "sim"));
    expect(portless(r.outputs)).toEqual(portless(without.outputs));
    expect(routes(env.sim)).toEqual(routes(off.sim));
    const warnings = r.logs.filter((l) => l.startsWith("warning:") && l.includes("deployments: write"));
    expect(warnings).toHaveLength(1);
    // Off after the first 403: the read was the only call.
    expect(ledgerRequests()).toHaveLength(1);
  });

  it("github-deployment: false sends nothing to the deployments API", async () => {
    const env = await startEnv();
    const r = await deploy(env, { "github-deployment": "false" });
    expect(r.outputs.result).toBe("created");
    expect(ledgerRequests()).toHaveLength(0);
    expect(r.outputs["deployment-id"]).toBe("");
  });

  it("a remembered endpoint deleted since costs one GET, then the name is looked up and created again", async () => {
    const env = await startEnv();
    const first = await deploy(env);
    const oldId = first.outputs["endpoint-id"] ?? "";
    // Deleted out of band (someone in Friendli Suite): the ledger still names it.
    await fetch(`${env.sim.url}/dedicated/beta/endpoint/${oldId}`, {
      method: "DELETE",
      headers: { authorization: "Bearer flp_integration_test_token_42" },
    });
    env.sim.requests.length = 0;
    const r = await deploy(env);
    expect(r.outputs.result).toBe("created");
    expect(r.outputs["endpoint-id"]).not.toBe(oldId);
    expect(routes(env.sim).slice(0, 3)).toEqual(["GET get", "GET list", "POST create"]);
    expect(r.logs.some((l) => l.includes(`endpoint ${oldId} is not "${NAME}" any more (gone)`))).toBe(true);
  });

  it("a dry run reads the ledger and plans no change, writing nothing", async () => {
    const env = await startEnv();
    await deploy(env);
    const before = github.deployments.deployments.length;
    const writes = github.requests.filter((q) => q.method !== "GET").length;
    const r = await deploy(env, { "dry-run": "true" });
    expect(r.outputs.result).toBe("planned");
    expect(r.logs.some((l) => l.includes("no update sent") || l.includes("recorded the same settings"))).toBe(
      true,
    );
    expect(github.deployments.deployments).toHaveLength(before);
    expect(github.requests.filter((q) => q.method !== "GET")).toHaveLength(writes);
  });

  it("operation: status by name reads the remembered id and its status, records nothing", async () => {
    const env = await startEnv();
    crowd(env, 39);
    const first = await deploy(env);
    const before = github.deployments.deployments.length;
    env.sim.requests.length = 0;
    const r = await deploy(env, { operation: "status", wait: "false" });
    expect(r.outputs).toMatchObject({
      result: "reused",
      status: "RUNNING",
      "endpoint-id": first.outputs["endpoint-id"],
      "deployment-id": "",
    });
    expect(routes(env.sim)).toEqual(["GET get", "GET status"]);
    expect(github.deployments.deployments).toHaveLength(before);
  });

  it("operation: delete retires the environment's live entries (inactive)", async () => {
    const env = await startEnv();
    const first = await deploy(env);
    env.sim.requests.length = 0;
    const r = await deploy(env, { operation: "delete" });
    expect(r.outputs.result).toBe("deleted");
    // Found by the remembered id: no listing.
    expect(routes(env.sim)[0]).toBe("GET get");
    expect(requestsTo(env.sim, "list")).toHaveLength(0);
    const [d] = github.deployments.deployments;
    expect(String(d?.id)).toBe(first.outputs["deployment-id"]);
    expect(states(d)?.at(-1)).toBe("inactive");
  });
});

describe("the ledger when the create's id is not known", () => {
  it("a create whose id is never found is recorded without one; the run fails", async () => {
    const env = await startEnv({ scenario: { listLagMs: 3_600_000 } });
    const r = await deploy(env, { "wait-timeout": "5m" });
    expect(r.outputs.result).toBe("failed");
    const [d] = github.deployments.deployments;
    expect(github.deployments.deployments).toHaveLength(1);
    expect((d?.payload as { endpoint?: unknown } | undefined)?.endpoint).toStrictEqual({
      name: NAME,
      projectId: "demo-project",
    });
    expect(states(d)).toEqual(["in_progress", "error"]);
  });

  it("a create the API refused (400) made nothing and leaves no record", async () => {
    const env = await startEnv();
    const r = await deploy(env, { gpu: "ZzNotAnOpt12" });
    expect(r.outputs.result).toBe("failed");
    expect(requestsTo(env.sim, "create")).toHaveLength(1);
    expect(github.deployments.deployments).toHaveLength(0);
  });
});

describe("rollback-on-failure", () => {
  it("an update to a revision that fails in ENGINE_INITIALIZING is rolled back to the last good settings", async () => {
    const env = await startEnv({
      scenario: {
        failures: [
          {
            match: { hfModelRepoRevision: BAD_REVISION },
            phase: "ENGINE_INITIALIZING",
            errorCode: "INFERENCE_ENGINE_MEMORY_ERROR",
          },
        ],
      },
    });
    const good = await deploy(env);
    expect(good.outputs.result).toBe("created");
    env.sim.requests.length = 0;

    const r = await deploy(env, {
      "hf-model-revision": BAD_REVISION,
      ...NO_HUB_CHECK,
      "rollback-on-failure": "true",
    });
    expect(r.outputs.result).toBe("rolled-back");
    expect(r.failed).toBeDefined();
    expect(r.outputs.status).toBe("RUNNING");
    const puts = requestsTo(env.sim, "update");
    expect(puts).toHaveLength(2);
    const bodies = puts.map((p) => p.body as { hfModelRepoRevision?: string; newVersionComment?: string });
    expect(bodies[0]?.hfModelRepoRevision).toBe(BAD_REVISION);
    expect(bodies[1]?.hfModelRepoRevision).toBe(REVISION);
    expect(bodies[1]?.newVersionComment).toMatch(/^Rollback to GitHub deployment \d+\. /);
    const [ep] = env.sim.endpoints();
    expect(ep?.status).toBe("RUNNING");
    // Both versions in the summary: the one that failed and the one serving again.
    expect(r.summary).toContain(
      `Requested model (failed) | meta-llama/Llama-3.1-8B-Instruct@${BAD_REVISION}`,
    );
    expect(r.summary).toContain(`Serving again (rolled back) | meta-llama/Llama-3.1-8B-Instruct@${REVISION}`);
    // The ledger: the first success (made inactive by GitHub when a later one succeeds), this run's
    // failure, and the rollback as a success of its own.
    const all = github.deployments.deployments;
    expect(all.map(states)).toEqual([
      ["in_progress", "success", "inactive"],
      ["in_progress", "failure"],
      ["in_progress", "success"],
    ]);
    expect(r.outputs["deployment-id"]).toBe(String(all[1]?.id));
    // Since the rollback is recorded, the good settings are unchanged on the next run.
    env.sim.requests.length = 0;
    const again = await deploy(env);
    expect(again.outputs.result).toBe("unchanged");
  });

  it("without rollback-on-failure a failed update is left as it is and fails", async () => {
    const env = await startEnv({
      scenario: {
        failures: [
          {
            match: { hfModelRepoRevision: BAD_REVISION },
            phase: "ENGINE_INITIALIZING",
            errorCode: "INFERENCE_ENGINE_MEMORY_ERROR",
          },
        ],
      },
    });
    await deploy(env);
    const r = await deploy(env, { "hf-model-revision": BAD_REVISION, ...NO_HUB_CHECK });
    expect(r.outputs.result).toBe("failed");
    expect(requestsTo(env.sim, "update")).toHaveLength(1);
    expect(states(github.deployments.deployments[1])).toEqual(["in_progress", "failure"]);
  });

  it("the health gate: an update whose smoke test gets only 503s through its warm-up window is rolled back", async () => {
    const env = await startEnv();
    await deploy(env);
    const OTHER = "2222222222222222222222222222222222222222";
    env.sim.inject({ route: "chat", times: 1000, fault: { kind: "status", status: 503 } });
    const t0 = env.clock.now();
    const r = await deploy(env, {
      "hf-model-revision": OTHER,
      ...NO_HUB_CHECK,
      "rollback-on-failure": "true",
      "smoke-test": "true",
    });
    expect(r.outputs.result).toBe("rolled-back");
    const puts = requestsTo(env.sim, "update").map((p) => p.body as { hfModelRepoRevision?: string });
    expect(puts.map((b) => b.hfModelRepoRevision)).toEqual([OTHER, REVISION]);
    const [, rollbackPut] = requestsTo(env.sim, "update");
    // The smoke test's whole warm-up window (SMOKE_WARMUP_MS) passed before the rollback went out.
    expect((rollbackPut?.at ?? 0) - t0).toBeGreaterThanOrEqual(SMOKE_WARMUP_MS);
    expect(r.summary).toContain("smoke test failed: POST /dedicated/v1/chat/completions still answered 503");
    expect(r.summary).toContain(
      "the smoke test got no usable reply within its window, so the settings of GitHub deployment",
    );
    expect(states(github.deployments.deployments[1])).toEqual(["in_progress", "failure"]);
    expect(states(github.deployments.deployments[2])).toEqual(["in_progress", "success"]);
  });

  it("an update that times out is rolled back on a budget of its own; a rollback that fails too leaves timed-out", async () => {
    // Every rolling update takes an hour here: the update times out, and so does the rollback.
    const env = await startEnv({ scenario: { lifecycleMs: { updating: 3_600_000 } } });
    await deploy(env);
    const t0 = env.clock.now();
    const r = await deploy(env, {
      "hf-model-revision": BAD_REVISION,
      ...NO_HUB_CHECK,
      "rollback-on-failure": "true",
      "wait-timeout": "10m",
    });
    expect(r.outputs.result).toBe("timed-out");
    expect(requestsTo(env.sim, "update")).toHaveLength(2);
    const [, rollbackPut] = requestsTo(env.sim, "update");
    // The rollback went out after the run's own deadline, on its budget.
    expect((rollbackPut?.at ?? 0) - t0).toBeGreaterThanOrEqual(10 * 60_000 - 1_000);
    expect(env.clock.now() - t0).toBeLessThanOrEqual(10 * 60_000 + ROLLBACK_BUDGET_MS + 60_000);
    expect(r.logs.some((l) => l.startsWith("warning:") && l.includes("failed too"))).toBe(true);
    expect(r.summary).not.toContain("Serving again");
    expect(states(github.deployments.deployments[1])).toEqual(["in_progress", "failure"]);
    expect(github.deployments.deployments).toHaveLength(2);
  });

  it("an update that never rolls out times out, and the rollback to the last good settings serves again", async () => {
    // Only the slow revision stays UPDATING; the rollback to the recorded one rolls out as usual.
    const env = await startEnv({
      scenario: { slowUpdates: [{ match: { hfModelRepoRevision: SLOW_REVISION }, updatingMs: null }] },
    });
    const good = await deploy(env);
    expect(good.outputs.result).toBe("created");
    const [first] = github.deployments.deployments;
    expect(states(first)).toEqual(["in_progress", "success"]);
    const created = requestsTo(env.sim, "create")[0]?.body as Record<string, unknown>;
    env.sim.requests.length = 0;

    const r = await deploy(env, {
      "hf-model-revision": SLOW_REVISION,
      ...NO_HUB_CHECK,
      "rollback-on-failure": "true",
      "wait-timeout": "5m",
    });
    expect(r.outputs.result).toBe("rolled-back");
    expect(r.failed).toMatch(/^timed out after 5m 00s waiting for endpoint .* last status UPDATING/);
    expect(r.outputs.status).toBe("RUNNING");
    const [ep] = env.sim.endpoints();
    expect(ep?.status).toBe("RUNNING");
    expect(ep?.versions).toBe(3);

    // Friendli saw: the remembered id confirmed and its status, the PUT, polls until the run's
    // deadline, the rollback's PUT, and its polls until RUNNING. Nothing else (no list, no restart).
    const seen = routes(env.sim);
    expect(seen.slice(0, 3)).toEqual(["GET get", "GET status", "PUT update"]);
    expect(seen.slice(-3)).toEqual(["PUT update", "GET status", "GET status"]);
    const polls = seen.slice(3, -3);
    expect(polls.length).toBeGreaterThan(10);
    expect(new Set(polls)).toEqual(new Set(["GET status"]));
    const [put, rollbackPut] = requestsTo(env.sim, "update");
    const putAt = put?.at ?? 0;
    const rollbackAt = rollbackPut?.at ?? 0;
    // The rollback went out at the update's deadline, not before, and served within one rollout.
    expect(rollbackAt - putAt).toBeGreaterThanOrEqual(5 * 60_000 - 1_000);
    expect(rollbackAt - putAt).toBeLessThanOrEqual(5 * 60_000);
    expect(env.clock.now() - rollbackAt).toBeLessThan(60_000);

    // The PUTs: the slow revision, then exactly the settings the first deploy created.
    const bodies = [put, rollbackPut].map((p) => p?.body as Record<string, unknown>);
    expect(bodies[0]?.hfModelRepoRevision).toBe(SLOW_REVISION);
    const settings = [
      "instanceOptionId",
      "hfModelRepo",
      "hfModelRepoRevision",
      "autoscalingPolicy",
      "advanced",
    ];
    const pick = (b: Record<string, unknown> | undefined) =>
      Object.fromEntries(settings.map((k) => [k, b?.[k]]));
    expect(pick(bodies[1])).toStrictEqual(pick(created));
    expect(bodies[1]?.hfModelRepoRevision).toBe(REVISION);
    expect(bodies[1]?.newVersionComment).toMatch(
      new RegExp(`^Rollback to GitHub deployment ${first?.id}\\. `),
    );

    expect(r.logs.some((l) => l.startsWith("warning:") && l.includes("did not deploy (timed out"))).toBe(
      true,
    );
    expect(r.logs.some((l) => l.includes("failed too"))).toBe(false);
    expect(r.summary).toContain(
      `Requested model (failed) | meta-llama/Llama-3.1-8B-Instruct@${SLOW_REVISION}`,
    );
    expect(r.summary).toContain(`Serving again (rolled back) | meta-llama/Llama-3.1-8B-Instruct@${REVISION}`);
    // The timed-out rollout ends where the rollback began; only RUNNING lasts to the end of the run.
    expect(r.summary).toContain(
      [
        "| UPDATING | +0s | 5m 00s |",
        "| UPDATING | +5m 00s | 5s |",
        "| RUNNING | +5m 05s | 0s (until the end of the run) |",
      ].join("\n"),
    );

    // The ledger: the first success (inactive once the rollback succeeds), this run's failure with
    // the slow revision, and the rollback as a success with the first one's settings.
    const all = github.deployments.deployments;
    expect(all.map(states)).toEqual([
      ["in_progress", "success", "inactive"],
      ["in_progress", "failure"],
      ["in_progress", "success"],
    ]);
    expect(r.outputs["deployment-id"]).toBe(String(all[1]?.id));
    const settingsOf = (d: FakeDeployment | undefined) =>
      (d?.payload as { settings?: { model?: { revision?: string } } } | undefined)?.settings;
    expect(settingsOf(all[1])?.model?.revision).toBe(SLOW_REVISION);
    expect(settingsOf(all[2])).toBeDefined();
    expect(settingsOf(all[2])).toStrictEqual(settingsOf(first));
  });
});
