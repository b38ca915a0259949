// operation: deploy through the simulator on virtual time: the create body, headers, outputs,
// summary, each way a wait ends (RUNNING, FAILED in each phase, timeout, no wait), dry run, a
// listing that lags the create, and delete-on-failure.
import { describe, expect, it } from "vitest";
import { formatDuration } from "../../src/base/format.ts";
import { FINAL_POLL_MARGIN_MS } from "../../src/base/timing.ts";
import { errorHint } from "../../src/friendli/error-codes.ts";
import type { Phase } from "../simulator/index.ts";
import { deployInputs, REVISION, runInProcess, TOKEN } from "../support/in-process.ts";
import { friendliRequests, requestsTo, routes, startEnv, writes } from "./helpers.ts";

const RUN_URL = "https://github.com/octo-org/llm-service/actions/runs/1234567890";
const PROVENANCE = `Deployed by octo-org/llm-service@4f1c2a7 from ${RUN_URL}`;
const REFERENCE = { requestingVirtualMachine: 60_000, downloadingModel: 240_000, engineInitializing: 90_000 };
const iso = (ms: number) => new Date(ms).toISOString();

describe("deploy: success", () => {
  it("creates with exactly the body the API wants, waits through every phase and reports it", async () => {
    const { sim, clock } = await startEnv({ scenario: { lifecycleMs: REFERENCE } });
    const t0 = clock.now();
    const r = await runInProcess({
      inputs: deployInputs(sim, {
        "min-replicas": "1",
        "max-replicas": "3",
        "cooldown-seconds": "600",
        "max-batch-size": "64",
        "enable-content-logging": "true",
      }),
      clock,
    });
    const end = clock.now();
    expect(r.failed).toBeUndefined();

    const [created] = requestsTo(sim, "create");
    expect(created?.body).toStrictEqual({
      projectId: "demo-project",
      name: "it-endpoint",
      instanceOptionId: "TwD5AqnBSVN0",
      hfModelRepo: "meta-llama/Llama-3.1-8B-Instruct",
      hfModelRepoRevision: REVISION,
      autoscalingPolicy: { minReplica: 1, maxReplica: 3, cooldownPeriod: 600 },
      // The two tokenizer flags are required by the API; of the optional ones only those set.
      advanced: {
        tokenizer_skip_special_tokens: false,
        tokenizer_add_special_tokens: false,
        max_batch_size: 64,
        enable_content_logging: true,
      },
      initialVersionComment: PROVENANCE,
    });
    expect(created?.at).toBe(t0);

    // Lookup by name (whose listing also gives the ids known before), the create, then the id by
    // listing and one confirming GET.
    const statusPolls = requestsTo(sim, "status").length;
    expect(routes(sim)).toEqual([
      "GET list",
      "POST create",
      "GET list",
      "GET get",
      ...Array(statusPolls).fill("GET status"),
    ]);
    // The waiter's budget (src/wait/waiter.ts): at most ~6 polls a minute over the 6.5 minutes.
    expect(statusPolls).toBeGreaterThanOrEqual(20);
    expect(statusPolls).toBeLessThanOrEqual(45);
    for (const req of friendliRequests(sim)) {
      expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(req.headers).not.toHaveProperty("x-friendli-team");
    }

    // RUNNING at t0+390 s, noticed within one engine-phase poll (5.5 s).
    expect(end - t0).toBeGreaterThanOrEqual(390_000);
    expect(end - t0).toBeLessThanOrEqual(395_500);
    const [ep] = sim.endpoints();
    expect(sim.endpoints()).toHaveLength(1);
    expect(ep?.status).toBe("RUNNING");

    expect(r.outputs).toStrictEqual({
      "endpoint-id": ep?.id,
      "endpoint-name": "it-endpoint",
      status: "RUNNING",
      phase: "",
      "error-code": "",
      "created-at": iso(t0),
      "updated-at": iso(t0 + 390_000),
      result: "created",
      "inference-url": `${sim.url}/dedicated/v1`,
      "elapsed-seconds": String(Math.round((end - t0) / 100) / 10),
      "smoke-test-latency-ms": "",
      "model-revision": REVISION,
      "smoke-test-ttft-ms": "",
      "smoke-test-tokens-per-second": "",
      // No github-token in this run: the deployment ledger is off.
      "deployment-id": "",
      // 1x H100 at the $5.00 list price, 3 replicas at most.
      "hourly-cost-usd": "15.00",
      gpu: "1x H100",
      json: expect.any(String),
    });
    expect(JSON.parse(r.outputs.json ?? "")).toStrictEqual({
      "endpoint-id": ep?.id,
      "endpoint-name": "it-endpoint",
      status: "RUNNING",
      phase: null,
      "error-code": null,
      "created-at": iso(t0),
      "updated-at": iso(t0 + 390_000),
      result: "created",
      "inference-url": `${sim.url}/dedicated/v1`,
      "elapsed-seconds": Math.round((end - t0) / 100) / 10,
      "smoke-test-latency-ms": null,
      "model-revision": REVISION,
      "smoke-test-ttft-ms": null,
      "smoke-test-tokens-per-second": null,
      "deployment-id": null,
      "hourly-cost-usd": 15,
      gpu: "1x H100",
    });
    expect(r.state).toMatchObject({
      "endpoint-id": ep?.id,
      "created-by-this-run": "true",
      result: "created",
    });

    // Each phase change is seen by the first poll after it: at most 14 s late (the quiet interval).
    const spans = r.report.timeline;
    expect(spans.map((s) => s.label)).toEqual([
      "REQUESTING_VIRTUAL_MACHINE",
      "DOWNLOADING_MODEL",
      "ENGINE_INITIALIZING",
      "RUNNING",
    ]);
    const changes = [t0, t0 + 60_000, t0 + 300_000, t0 + 390_000];
    spans.forEach((span, i) => {
      const at = changes[i] ?? Number.NaN;
      expect(span.startMs).toBeGreaterThanOrEqual(at);
      expect(span.startMs).toBeLessThanOrEqual(at + 14_000);
    });

    expect(r.summary).toContain("## ✅ Friendli deploy: Endpoint created · it-endpoint (RUNNING)");
    expect(r.summary).toContain(`| Model | meta-llama/Llama-3.1-8B-Instruct@${REVISION} |`);
    expect(r.summary).toContain("| GPU | 1x H100 |");
    expect(r.summary).toContain("| Replicas | 1–3 |");
    expect(r.summary).toContain("```mermaid\ngantt\n  dateFormat x\n");
    for (const phase of ["REQUESTING_VIRTUAL_MACHINE", "DOWNLOADING_MODEL", "ENGINE_INITIALIZING"]) {
      expect(r.summary).toMatch(new RegExp(`\\n  ${phase} \\d+m? ?[\\d]*s? ?:done, s\\d, \\d+, \\d+\\n`));
    }
    expect(r.summary).toContain(`${sim.url}/dedicated/v1`);
    expect(r.logs).toContain(`info: status RUNNING (after ${formatDuration((spans[3]?.startMs ?? 0) - t0)})`);
  });

  it("sends X-Friendli-Team on every request when team-id is set", async () => {
    const { sim, clock } = await startEnv({
      scenario: { teams: [{ id: "team-a", projects: ["demo-project"] }], defaultTeam: "other" },
    });
    const r = await runInProcess({ inputs: deployInputs(sim, { "team-id": "team-a" }), clock });
    expect(r.outputs.result).toBe("created");
    expect(new Set(routes(sim))).toEqual(new Set(["GET list", "POST create", "GET get", "GET status"]));
    for (const req of friendliRequests(sim)) {
      expect(req.headers["x-friendli-team"]).toBe("team-a");
      expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
    expect(sim.endpoints()[0]?.teamId).toBe("team-a");
  });

  it("without wait, reports created right after the create, INITIALIZING, with no status poll", async () => {
    const { sim, clock } = await startEnv();
    const t0 = clock.now();
    const r = await runInProcess({ inputs: deployInputs(sim, { wait: "false" }), clock });
    expect(r.failed).toBeUndefined();
    expect(clock.now()).toBe(t0);
    expect(routes(sim)).toEqual(["GET list", "POST create", "GET list", "GET get"]);
    expect(r.outputs).toMatchObject({
      result: "created",
      status: "INITIALIZING",
      phase: "REQUESTING_VIRTUAL_MACHINE",
      "endpoint-id": sim.endpoints()[0]?.id,
      "elapsed-seconds": "0",
    });
    expect(r.report.timeline).toEqual([]);
  });
});

describe("deploy: the smoke test's gates without the smoke test", () => {
  it("warns once that they are ignored, and deploys without a chat request", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({
      inputs: deployInputs(sim, { "smoke-test-expect": "hello", "smoke-test-max-ttft-ms": "900" }),
      clock,
    });
    expect(r.outputs.result).toBe("created");
    const warning =
      "`smoke-test-expect` and `smoke-test-max-ttft-ms` are read only with `smoke-test: true`; ignored";
    expect(r.logs.filter((l) => l.startsWith("warning: "))).toContain(`warning: ${warning}`);
    expect(r.logs.filter((l) => l.includes("smoke-test-expect"))).toHaveLength(1);
    expect(r.report.warnings).toEqual([warning]);
    expect(routes(sim)).not.toContain("POST chat");
  });
});

describe("deploy: the wait ends badly", () => {
  const cases: Array<{ phase: Phase; errorCode: string; failsAtMs: number }> = [
    { phase: "REQUESTING_VIRTUAL_MACHINE", errorCode: "WORKLOAD_INIT_SETTINGS_ERROR", failsAtMs: 40_000 },
    { phase: "DOWNLOADING_MODEL", errorCode: "WORKLOAD_INIT_CANNOT_ACCESS_REPO_ERROR", failsAtMs: 100_000 },
    { phase: "ENGINE_INITIALIZING", errorCode: "INFERENCE_ENGINE_MEMORY_ERROR", failsAtMs: 340_000 },
  ];
  const phaseStart: Record<Phase, number> = {
    REQUESTING_VIRTUAL_MACHINE: 0,
    DOWNLOADING_MODEL: 60_000,
    ENGINE_INITIALIZING: 300_000,
  };

  it.each(cases)(
    "FAILED during $phase → failed, $errorCode, a hint",
    async ({ phase, errorCode, failsAtMs }) => {
      const { sim, clock } = await startEnv({
        scenario: {
          lifecycleMs: REFERENCE,
          failures: [
            { match: { name: "it-endpoint" }, phase, errorCode, afterMs: failsAtMs - phaseStart[phase] },
          ],
        },
      });
      const t0 = clock.now();
      const r = await runInProcess({ inputs: deployInputs(sim), clock });
      const id = sim.endpoints()[0]?.id;
      // Noticed by the next poll: never more than the 14 s quiet interval late.
      expect(clock.now() - t0).toBeGreaterThanOrEqual(failsAtMs);
      expect(clock.now() - t0).toBeLessThanOrEqual(failsAtMs + 14_000);
      expect(r.outputs).toMatchObject({
        result: "failed",
        status: "FAILED",
        phase,
        "error-code": errorCode,
        "endpoint-id": id,
        "inference-url": `${sim.url}/dedicated/v1`,
      });
      expect(r.failed).toMatch(
        new RegExp(`^endpoint ${id} FAILED during ${phase} with error code ${errorCode} after \\d`),
      );
      const hint = errorHint(errorCode) ?? "";
      // The summary escapes Markdown: compare a stretch of the hint without special characters.
      expect(r.summary).toContain("**What to do:**");
      expect(r.summary).toContain(hint.slice(0, 40));
      expect(r.summary).toContain("## ❌ Friendli deploy: Failed · it-endpoint (FAILED)");
      expect(r.summary).toContain(`| Error code | ${errorCode} |`);
      expect(r.summary).toMatch(/\n {2}FAILED :crit, milestone, s\d+, /);
      // Failing is not a reason to delete: delete-on-failure is off by default.
      expect(writes(sim).map((w) => w.route)).toEqual(["create"]);
      expect(sim.endpoints()[0]?.deleted).toBe(false);
    },
  );

  // The failure annotation is what a user reads first: it carries the hint, not only the summary.
  it("FAILED → the failure message itself carries the hint (main.ts: finish)", async () => {
    const { sim, clock } = await startEnv({
      scenario: {
        failures: [
          {
            match: { name: "it-endpoint" },
            phase: "DOWNLOADING_MODEL",
            errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR",
          },
        ],
      },
    });
    const r = await runInProcess({ inputs: deployInputs(sim), clock });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toContain(errorHint("WORKLOAD_INIT_DOWNLOAD_ERROR"));
  });

  it("wait-timeout 2m on a slow lifecycle → timed-out, naming the last status, phase and time waited", async () => {
    const { sim, clock } = await startEnv({
      scenario: { lifecycleMs: { ...REFERENCE, downloadingModel: 900_000 } },
    });
    const t0 = clock.now();
    const r = await runInProcess({ inputs: deployInputs(sim, { "wait-timeout": "2m" }), clock });
    expect(clock.now() - t0).toBe(120_000 - FINAL_POLL_MARGIN_MS);
    const id = sim.endpoints()[0]?.id;
    expect(r.outputs).toMatchObject({
      result: "timed-out",
      status: "INITIALIZING",
      phase: "DOWNLOADING_MODEL",
      "error-code": "",
      "endpoint-id": id,
      "elapsed-seconds": "119.5",
    });
    // Polls every 14.8 s in these phases: the change at 60 s is first seen at 74 s; the last poll
    // is half a second before the deadline.
    expect(r.failed).toBe(
      `timed out after 2m 00s waiting for endpoint ${id} to be RUNNING: last status INITIALIZING, ` +
        "phase DOWNLOADING_MODEL; seen: REQUESTING_VIRTUAL_MACHINE 1m 14s, DOWNLOADING_MODEL 46s",
    );
    expect(r.summary).toContain("## ⏱️ Friendli deploy: Timed out · it-endpoint (INITIALIZING)");
    expect(requestsTo(sim, "status").every((q) => q.at < t0 + 120_000)).toBe(true);
    expect(writes(sim).map((w) => w.route)).toEqual(["create"]);
  });

  // The HTTP layer starts no request at or past the deadline, so the waiter's last poll goes out
  // just before it: an endpoint that became RUNNING in the last seconds is not reported timed-out.
  it("the last poll is sent just before the deadline", async () => {
    const { sim, clock } = await startEnv({
      scenario: { lifecycleMs: { ...REFERENCE, downloadingModel: 900_000 } },
    });
    const t0 = clock.now();
    await runInProcess({ inputs: deployInputs(sim, { "wait-timeout": "2m" }), clock });
    expect(requestsTo(sim, "status").at(-1)?.at).toBe(t0 + 120_000 - FINAL_POLL_MARGIN_MS);
  });
});

describe("deploy: dry run", () => {
  it("plans the create: only GETs, the body in the summary, the token nowhere", async () => {
    const { sim, clock } = await startEnv();
    const r = await runInProcess({ inputs: deployInputs(sim, { "dry-run": "true" }), clock });
    expect(r.failed).toBeUndefined();
    expect(r.outputs.result).toBe("planned");
    expect(writes(sim)).toEqual([]);
    expect(routes(sim)).toEqual(["GET list"]);
    expect(sim.endpoints()).toEqual([]);
    expect(r.report.plannedRequest).toStrictEqual({
      method: "POST",
      url: "/dedicated/beta/endpoint",
      body: {
        projectId: "demo-project",
        name: "it-endpoint",
        instanceOptionId: "TwD5AqnBSVN0",
        hfModelRepo: "meta-llama/Llama-3.1-8B-Instruct",
        hfModelRepoRevision: REVISION,
        autoscalingPolicy: { minReplica: 0, maxReplica: 1, cooldownPeriod: 300 },
        advanced: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
        initialVersionComment: PROVENANCE,
      },
    });
    expect(r.summary).toContain("### Planned request");
    expect(r.summary).toContain('"instanceOptionId": "TwD5AqnBSVN0"');
    expect(r.summary).toContain(`"hfModelRepoRevision": "${REVISION}"`);
    expect(r.summary).not.toContain(TOKEN);
    expect(r.logs.join("\n")).not.toContain(TOKEN);
    expect(JSON.stringify(r.outputs)).not.toContain(TOKEN);
    // The log shows the request too, with the token masked.
    const planned = r.logs.find((l) => l.startsWith("info: dry-run:")) ?? "";
    expect(planned).toContain(`POST ${sim.url}/dedicated/beta/endpoint`);
    expect(planned).toContain("Authorization: Bearer ***");
    expect(planned).toContain('"instanceOptionId": "TwD5AqnBSVN0"');
  });
});

describe("deploy: finding the id the create did not return", () => {
  it("a listing that lags the create by 3 s: the id is still found, no second create", async () => {
    const { sim, clock } = await startEnv({ scenario: { listLagMs: 3000 } });
    const t0 = clock.now();
    const r = await runInProcess({ inputs: deployInputs(sim, { wait: "false" }), clock });
    expect(r.failed).toBeUndefined();
    expect(r.outputs.result).toBe("created");
    expect(r.outputs["endpoint-id"]).toBe(sim.endpoints()[0]?.id);
    expect(requestsTo(sim, "create")).toHaveLength(1);
    expect(sim.endpoints()).toHaveLength(1);
    // Listed again after 0.5, 1 and 2 s (findCreated's lag delays): found on the listing at 3.5 s.
    expect(requestsTo(sim, "list").map((q) => q.at - t0)).toEqual([0, 0, 500, 1500, 3500]);
  });

  it("a GET that 404s for 3 s after the create: still found, one create, then RUNNING", async () => {
    const { sim, clock } = await startEnv({ scenario: { getLagMs: 3000 } });
    const r = await runInProcess({ inputs: deployInputs(sim), clock });
    expect(r.failed).toBeUndefined();
    expect(r.outputs).toMatchObject({ result: "created", status: "RUNNING" });
    expect(requestsTo(sim, "create")).toHaveLength(1);
    expect(sim.endpoints()).toHaveLength(1);
  });

  it("a create answered 500 that did create: adopted, not created again", async () => {
    const { sim, clock } = await startEnv();
    sim.inject({ route: "create", fault: { kind: "status", status: 500, process: true } });
    const r = await runInProcess({ inputs: deployInputs(sim), clock });
    expect(r.failed).toBeUndefined();
    expect(r.outputs.result).toBe("created");
    expect(requestsTo(sim, "create")).toHaveLength(1);
    expect(sim.endpoints()).toHaveLength(1);
    expect(r.outputs["endpoint-id"]).toBe(sim.endpoints()[0]?.id);
  });
});

describe("deploy: delete-on-failure", () => {
  it("deletes the endpoint this run created once it FAILED", async () => {
    const { sim, clock } = await startEnv({
      scenario: {
        failures: [
          {
            match: { name: "it-endpoint" },
            phase: "ENGINE_INITIALIZING",
            errorCode: "INFERENCE_ENGINE_MEMORY_ERROR",
          },
        ],
      },
    });
    const r = await runInProcess({ inputs: deployInputs(sim, { "delete-on-failure": "true" }), clock });
    const [ep] = sim.endpoints();
    expect(r.outputs).toMatchObject({ result: "failed", "error-code": "INFERENCE_ENGINE_MEMORY_ERROR" });
    expect(writes(sim).map((w) => `${w.method} ${w.path}`)).toEqual([
      "POST /dedicated/beta/endpoint",
      `DELETE /dedicated/beta/endpoint/${ep?.id}`,
    ]);
    expect(ep?.deleted).toBe(true);
    expect(r.summary).toContain(
      "The endpoint was deleted because the run failed (`delete-on-failure: true`)",
    );
    expect(r.summary).not.toContain("### How to call it");
    expect(r.outputs["inference-url"]).toBe("");
    expect(r.logs).toContain(`info: delete-on-failure: deleted endpoint ${ep?.id}, which this run created`);
  });

  // The run's one deadline has passed when the wait timed out: the cleanup has a deadline of its own.
  it("deletes the endpoint this run created once the wait timed out (main.ts: afterFailure)", async () => {
    const { sim, clock } = await startEnv({ scenario: { lifecycleMs: { downloadingModel: 900_000 } } });
    const r = await runInProcess({
      inputs: deployInputs(sim, { "wait-timeout": "2m", "delete-on-failure": "true" }),
      clock,
    });
    expect(r.outputs.result).toBe("timed-out");
    expect(r.logs.join("\n")).not.toContain("could not delete");
    expect(sim.endpoints()[0]?.deleted).toBe(true);
  });
});

describe("deploy: a server that echoes the token", () => {
  // Not an flp_ token, so only redaction by value can hide it (the flp_ pattern would not match);
  // its URL- and JSON-escaped forms differ from it.
  const SECRET = "sk-live\\Secret/Plus+Eq=42";
  const forms = [SECRET, encodeURIComponent(SECRET), JSON.stringify(SECRET).slice(1, -1)];
  const echo = (status: number) =>
    JSON.stringify({
      detail: `token ${SECRET} rejected (${encodeURIComponent(SECRET)}), Authorization: Bearer ${SECRET}`,
      status,
    });

  function leaks(r: Awaited<ReturnType<typeof runInProcess>>): string[] {
    const places = {
      outputs: JSON.stringify(r.outputs),
      summary: r.summary,
      logs: r.logs.join("\n"),
      failed: r.failed ?? "",
      state: JSON.stringify(r.state),
    };
    return Object.entries(places).flatMap(([where, text]) =>
      forms.filter((f) => text.includes(f)).map((f) => `${where}: ${f}`),
    );
  }

  it.each([
    ["create answers 422", "create", 422],
    ["create answers 400", "create", 400],
    ["a status poll answers 400", "status", 400],
  ] as const)(
    "%s with the token in its body: no output, summary, log or message has it",
    async (_, route, status) => {
      const { sim, clock } = await startEnv({
        scenario: { tokens: [{ token: SECRET, teams: ["demo-team"] }] },
      });
      sim.inject({ route, fault: { kind: "status", status, body: echo(status) } });
      const r = await runInProcess({ inputs: deployInputs(sim, { "friendli-token": SECRET }), clock });
      expect(r.outputs.result).toBe("failed");
      expect(r.failed).toContain(`(${status})`);
      expect(r.failed).toContain("***");
      expect(leaks(r)).toEqual([]);
      expect(r.secrets).toContain(SECRET);
    },
  );

  it("a status poll answers 503 with the token in its body (retried and logged): nothing leaks", async () => {
    const { sim, clock } = await startEnv({
      scenario: { tokens: [{ token: SECRET, teams: ["demo-team"] }] },
    });
    sim.inject({ route: "status", times: 2, fault: { kind: "status", status: 503, body: echo(503) } });
    const r = await runInProcess({ inputs: deployInputs(sim, { "friendli-token": SECRET }), clock });
    expect(r.outputs.result).toBe("created");
    expect(r.logs.filter((l) => l.includes("status check failed"))).toHaveLength(2);
    expect(leaks(r)).toEqual([]);
  });
});
