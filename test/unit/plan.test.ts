// The decision table of every operation, without HTTP: inputs and what the lookup found go in,
// the plan comes out with the request it would send.
import { describe, expect, it } from "vitest";
import type { FoundEndpoint } from "../../src/endpoint/lookup.ts";
import type { EndpointSpec, EndpointStatus } from "../../src/friendli/schemas.ts";
import {
  buildPayload,
  type DeploymentSettings,
  type LedgerEntry,
  type LedgerView,
} from "../../src/ledger/ledger.ts";
import { specChanges } from "../../src/plan/changes.ts";
import { describePlan, describeRequest } from "../../src/plan/describe.ts";
import { needsPreflight, type Plan, plan, plannedRequest } from "../../src/plan/plan.ts";
import { requestedSettings } from "../../src/plan/request-bodies.ts";
import { deployInputs } from "./helpers.ts";

const inputs = deployInputs;

const status: EndpointStatus = {
  status: "RUNNING",
  phase: null,
  errorCode: null,
  createdAt: null,
  updatedAt: null,
};
const spec: EndpointSpec = {
  name: "llama",
  projectId: "proj-1",
  gpuType: "NVIDIA H100",
  numGpu: 1,
  autoscalingMin: 0,
  autoscalingMax: 1,
  autoscalingCooldown: 300,
};
const found: FoundEndpoint = { id: "ep1", status, spec: { ...spec, autoscalingMin: 1, autoscalingMax: 2 } };

type Row = [
  what: string,
  given: Record<string, string>,
  found: FoundEndpoint | undefined,
  action: Plan["action"]["kind"],
  wait: Plan["wait"],
  request?: string,
];

describe("plan: the decision table", () => {
  const rows: Row[] = [
    [
      "deploy, nothing there: create",
      {},
      undefined,
      "create",
      { target: "running", minReplicas: 0 },
      "POST /dedicated/beta/endpoint",
    ],
    [
      "deploy, found, if-exists update: PUT",
      {},
      found,
      "update",
      { target: "running", minReplicas: 0 },
      "PUT /dedicated/beta/endpoint/ep1",
    ],
    [
      "deploy, found, if-exists reuse: sleeps by its own minimum",
      { "if-exists": "reuse" },
      found,
      "reuse",
      { target: "running", minReplicas: 1 },
    ],
    ["deploy, found, if-exists fail", { "if-exists": "fail" }, found, "fail", undefined],
    [
      "deploy by endpoint-id that is not there: fail, never create",
      { "endpoint-id": "gone1" },
      undefined,
      "fail",
      undefined,
    ],
    [
      "deploy without wait",
      { wait: "false" },
      undefined,
      "create",
      undefined,
      "POST /dedicated/beta/endpoint",
    ],
    [
      "delete, found",
      { operation: "delete" },
      found,
      "delete",
      { target: "gone", minReplicas: 0 },
      "DELETE /dedicated/beta/endpoint/ep1",
    ],
    ["delete, nothing there", { operation: "delete" }, undefined, "nothing", undefined],
    [
      "status, found: sleeps by its own minimum",
      { operation: "status" },
      found,
      "reuse",
      { target: "running", minReplicas: 1 },
    ],
    [
      "status, nothing there, no wait: nothing",
      { operation: "status", wait: "false" },
      undefined,
      "nothing",
      undefined,
    ],
    ["status, nothing there, wait: fail", { operation: "status" }, undefined, "fail", undefined],
  ];
  it.each(rows)("%s", (_what, given, f, action, wait, request) => {
    const p = plan(inputs(given), { found: f });
    expect(p.action.kind).toBe(action);
    expect(p.wait).toStrictEqual(wait);
    const r = plannedRequest(p);
    expect(r ? `${r.method} ${r.url}` : undefined).toBe(request);
  });

  it("the create carries exactly the body the API gets", () => {
    const p = plan(inputs(), { found: undefined });
    expect(plannedRequest(p)?.body).toStrictEqual({
      projectId: "proj-1",
      name: "llama",
      instanceOptionId: "TwD5AqnBSVN0",
      hfModelRepo: "acme/llama",
      autoscalingPolicy: { minReplica: 0, maxReplica: 1, cooldownPeriod: 300 },
      advanced: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
      initialVersionComment: "v",
    });
  });

  it("fail messages name the input to change", () => {
    const byId = plan(inputs({ "endpoint-id": "gone1" }), { found: undefined }).action;
    expect(byId).toMatchObject({
      message: "endpoint-id gone1 was not found: check the id, or leave endpoint-id empty to deploy by name",
    });
    const exists = plan(inputs({ "if-exists": "fail" }), { found }).action;
    expect(exists).toMatchObject({
      message: 'an endpoint named "llama" already exists (ep1) and if-exists is fail',
    });
  });

  it("the smoke test follows a deploy that does not fail, never a delete or status", () => {
    expect(plan(inputs({ "smoke-test": "true" }), { found: undefined }).smokeTest).toBe(true);
    expect(plan(inputs({ "smoke-test": "true", "if-exists": "fail" }), { found }).smokeTest).toBe(false);
    expect(plan(inputs({ "smoke-test": "true", operation: "status" }), { found }).smokeTest).toBe(false);
  });

  it("a blocking finding fails the plan before any write, and dry run shows every finding", () => {
    const findings = [
      { check: "gated" as const, severity: "warn" as const, message: "gated repo" },
      { check: "files" as const, severity: "fail" as const, message: "no config.json" },
    ];
    const p = plan(inputs(), { found: undefined, findings });
    expect(p.action).toStrictEqual({ kind: "fail", message: "no config.json" });
    expect(describePlan(p).split("\n").slice(0, 2)).toEqual([
      "pre-flight gated: warning: gated repo",
      "pre-flight files: fail: no config.json",
    ]);
  });
});

describe("plan: the pre-flight", () => {
  const SHA = "1111111111111111111111111111111111111111";
  const GIVEN = "2222222222222222222222222222222222222222";

  it.each<[string, Record<string, string>, FoundEndpoint | undefined, boolean]>([
    ["a create", {}, undefined, true],
    ["an update", {}, found, true],
    ["a create with preflight: false", { preflight: "false" }, undefined, false],
    ["if-exists: reuse", { "if-exists": "reuse" }, found, false],
    ["if-exists: fail on a found endpoint", { "if-exists": "fail" }, found, false],
    ["a delete", { operation: "delete" }, found, false],
    ["a status", { operation: "status" }, found, false],
    ["a deploy by an endpoint-id that is not there", { "endpoint-id": "ep404" }, undefined, false],
  ])("%s: asks the Hub first -> %s", (_what, given, f, expected) => {
    const i = inputs(given);
    expect(needsPreflight(i, plan(i, { found: f }))).toBe(expected);
  });

  it.each<[string, Record<string, string>, FoundEndpoint | undefined, string | undefined]>([
    ["a create without a revision pins the resolved commit", {}, undefined, SHA],
    ["an update without a revision pins it too", {}, found, SHA],
    ["a revision the workflow gave is kept", { "hf-model-revision": GIVEN }, undefined, GIVEN],
  ])("%s", (_what, given, f, expected) => {
    const p = plan(inputs(given), { found: f, revision: SHA });
    const body = plannedRequest(p)?.body as { hfModelRepoRevision?: string } | undefined;
    expect(body?.hfModelRepoRevision).toBe(expected);
  });

  it("without a resolved commit the body names no revision (Friendli resolves the default branch)", () => {
    expect(plannedRequest(plan(inputs(), { found: undefined }))?.body).not.toHaveProperty(
      "hfModelRepoRevision",
    );
  });

  it("the smoke route rides on the plan only when a smoke test follows", () => {
    expect(
      plan(inputs({ "smoke-test": "true" }), { found: undefined, smokeRoute: "completions" }),
    ).toMatchObject({ smokeTest: true, smokeRoute: "completions" });
    expect(plan(inputs(), { found: undefined, smokeRoute: "completions" })).not.toHaveProperty("smokeRoute");
    expect(
      describePlan(plan(inputs({ "smoke-test": "true" }), { found: undefined, smokeRoute: "completions" })),
    ).toContain("Then: a smoke test (completions route first)");
  });
});

describe("plan: what an update would change", () => {
  const body = {
    instanceOptionId: "zfTutSiLn0Hq",
    autoscalingPolicy: { minReplica: 0, maxReplica: 1, cooldownPeriod: 300 },
  };
  it.each([
    ["the same GPU and autoscaling: no change", spec, { ...body, instanceOptionId: "TwD5AqnBSVN0" }, []],
    ["two H100 instead of one", spec, body, [{ field: "gpu", from: "1x H100", to: "2x H100" }]],
    [
      "max replicas and cooldown",
      { ...spec, autoscalingMax: 4, autoscalingCooldown: 60 },
      { ...body, instanceOptionId: "TwD5AqnBSVN0" },
      [
        { field: "autoscalingPolicy.maxReplica", from: "4", to: "1" },
        { field: "autoscalingPolicy.cooldownPeriod", from: "60", to: "300" },
      ],
    ],
  ])("%s", (_what, s, b, changes) => {
    expect(specChanges(s, b).changes).toStrictEqual(changes);
  });

  it("names what the API does not show: model, revision, engine settings, empty spec fields", () => {
    const { unseen } = specChanges(
      { ...spec, autoscalingCooldown: null, gpuType: null },
      {
        ...body,
        hfModelRepo: "a/b",
        hfModelRepoRevision: "c".repeat(40),
        advanced: { tokenizer_add_special_tokens: false, tokenizer_skip_special_tokens: false },
      },
    );
    expect(unseen).toEqual([
      "hfModelRepo",
      "hfModelRepoRevision",
      "advanced",
      "gpu",
      "autoscalingPolicy.cooldownPeriod",
    ]);
  });

  it("dry run's words for an update list the changes and the unseen fields", () => {
    const p = plan(inputs({ gpu: "2x H100" }), { found: { id: "ep1", status, spec } });
    expect(describePlan(p)).toBe(
      [
        "Plan: update endpoint ep1 with a new version",
        "  gpu: 1x H100 -> 2x H100",
        "  sent as requested, not shown by the API: hfModelRepo, advanced",
        "Cost: 0 when idle to $10.00/h: 2x H100 per replica, 0 to 1 replicas, at the H100 list price of $5.00 per GPU-hour (2026-10-01)",
        "Then: wait until it is RUNNING",
      ].join("\n"),
    );
  });

  it("the request in words masks the token and shows the body", () => {
    const text = describeRequest(
      { method: "DELETE", url: "/dedicated/beta/endpoint/ep1" },
      "https://api.friendli.ai",
    );
    expect(text).toBe(
      "dry-run: nothing was changed. The request that would be sent:\nDELETE https://api.friendli.ai/dedicated/beta/endpoint/ep1\nAuthorization: Bearer ***",
    );
    expect(describeRequest(undefined, "x")).toBe(
      "dry-run: nothing was changed, and no request would be sent.",
    );
  });
});

describe("plan: with the deployment ledger", () => {
  const REV = "0e9e39f249a16976918f6564b8830bc894c89659";
  const pinned = { "hf-model-revision": REV };
  const entry = (id: number, settings: DeploymentSettings, endpointId = "ep1"): LedgerEntry => ({
    deploymentId: id,
    createdAt: "2026-11-01T00:00:00Z",
    state: "success",
    payload: buildPayload({ id: endpointId, name: "llama", projectId: "proj-1" }, settings),
  });
  const recorded = requestedSettings(inputs(pinned));
  const success = entry(7, recorded);
  const ledger: LedgerView = { latest: success, lastSuccess: success };
  const serving: FoundEndpoint = { id: "ep1", status, spec };

  it.each<[string, Record<string, string>, FoundEndpoint, LedgerView, Plan["action"]["kind"]]>([
    ["same settings, pinned, RUNNING: unchanged", pinned, serving, ledger, "unchanged"],
    [
      "same settings, SLEEPING with its own min 0: unchanged",
      pinned,
      { ...serving, status: { ...status, status: "SLEEPING" } },
      ledger,
      "unchanged",
    ],
    [
      "SLEEPING with min 1: update",
      pinned,
      { ...serving, status: { ...status, status: "SLEEPING" }, spec: { ...spec, autoscalingMin: 1 } },
      ledger,
      "update",
    ],
    ["FAILED: update", pinned, { ...serving, status: { ...status, status: "FAILED" } }, ledger, "update"],
    ["no status known: update", pinned, { id: "ep1", spec }, ledger, "update"],
    ["if-unchanged: update", { ...pinned, "if-unchanged": "update" }, serving, ledger, "update"],
    ["no revision pinned: update", {}, serving, ledger, "update"],
    ["other settings: update", { ...pinned, "max-replicas": "2" }, serving, ledger, "update"],
    ["another endpoint recorded: update", pinned, { ...serving, id: "ep2" }, ledger, "update"],
    ["an empty ledger: update", pinned, serving, {}, "update"],
    [
      "a later deployment failed: update",
      pinned,
      serving,
      { latest: { ...entry(8, recorded), state: "failure" }, lastSuccess: success },
      "update",
    ],
    ["if-exists: reuse is never unchanged", { ...pinned, "if-exists": "reuse" }, serving, ledger, "reuse"],
    [
      "max replicas changed outside the action (GET shows 3): update",
      pinned,
      { ...serving, spec: { ...spec, autoscalingMax: 3 } },
      ledger,
      "update",
    ],
    [
      "another GPU than recorded (GET shows 8x B200): update",
      pinned,
      { ...serving, spec: { ...spec, gpuType: "NVIDIA B200", numGpu: 8 } },
      ledger,
      "update",
    ],
  ])("%s", (_what, given, found, view, kind) => {
    const p = plan(inputs(given), { found, ledger: view });
    expect(p.action.kind).toBe(kind);
    if (kind === "unchanged") {
      expect(p.wait).toBeUndefined();
      expect(plannedRequest(p)).toBeUndefined();
      expect(describePlan(p)).toContain("GitHub deployment 7 recorded the same settings");
    }
  });

  it("drift: the update names the fields GET shows changed, and the plan says so", () => {
    const p = plan(inputs(pinned), { found: { ...serving, spec: { ...spec, autoscalingMax: 3 } }, ledger });
    expect(p.action.kind === "update" && p.action.drift).toEqual(["autoscalingPolicy.maxReplica"]);
    expect(describePlan(p)).toContain("drift: autoscalingPolicy.maxReplica changed outside this action");
    // Other settings than recorded are an ordinary update, not drift.
    const other = plan(inputs({ ...pinned, "max-replicas": "2" }), { found: serving, ledger });
    expect(other.action.kind === "update" && other.action.drift).toBeFalsy();
  });

  it("rollback-on-failure puts the last success's settings on the update, as the exact PUT", () => {
    const p = plan(inputs({ "hf-model-revision": "b".repeat(40), "rollback-on-failure": "true" }), {
      found: serving,
      ledger,
    });
    expect(p.action.kind).toBe("update");
    if (p.action.kind !== "update") return;
    expect(p.action.rollback?.entry.deploymentId).toBe(7);
    expect(p.action.rollback?.request).toStrictEqual({
      method: "PUT",
      url: "/dedicated/beta/endpoint/ep1",
      body: {
        instanceOptionId: "TwD5AqnBSVN0",
        hfModelRepo: "acme/llama",
        hfModelRepoRevision: REV,
        autoscalingPolicy: { minReplica: 0, maxReplica: 1, cooldownPeriod: 300 },
        advanced: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
        newVersionComment: "Rollback to GitHub deployment 7. v",
      },
    });
    expect(describePlan(p)).toContain(
      `If it fails: put back the settings of GitHub deployment 7 (acme/llama@${REV}, 1x H100, replicas 0-1, cooldown 300s;`,
    );
  });

  it.each<[string, Record<string, string>, LedgerView]>([
    ["without rollback-on-failure", { "hf-model-revision": "b".repeat(40) }, ledger],
    [
      "with nothing successful recorded",
      { "hf-model-revision": "b".repeat(40), "rollback-on-failure": "true" },
      {},
    ],
    [
      "when the last success recorded another endpoint id",
      { "hf-model-revision": "b".repeat(40), "rollback-on-failure": "true" },
      { latest: entry(7, recorded, "ep9"), lastSuccess: entry(7, recorded, "ep9") },
    ],
    [
      "when the last success recorded another model",
      { "hf-model-revision": "b".repeat(40), "rollback-on-failure": "true" },
      {
        lastSuccess: entry(7, { ...recorded, model: { repo: "evil-org/backdoor", revision: REV } }),
      },
    ],
    [
      "when the failed settings are the recorded ones",
      { ...pinned, "rollback-on-failure": "true", "if-unchanged": "update" },
      ledger,
    ],
  ])("no rollback %s", (_what, given, view) => {
    const p = plan(inputs(given), { found: serving, ledger: view });
    expect(p.action.kind).toBe("update");
    expect(p.action.kind === "update" && p.action.rollback).toBeFalsy();
  });
});

describe("plan: a sweep", () => {
  const HOUR = 3_600_000;
  const nowMs = Date.parse("2026-11-25T12:00:00Z");
  const hoursAgo = (h: number) => new Date(nowMs - h * HOUR).toISOString();
  const preview = (prNumber: number, h: number) => ({
    id: `ep${prNumber}`,
    name: `acme--models-pr-${prNumber}`,
    prNumber,
    updatedAt: hoursAgo(h),
  });
  const facts = {
    previews: [preview(1, 100), preview(2, 100), preview(3, 1)],
    states: new Map([
      [1, { kind: "closed" as const, merged: true }],
      [2, { kind: "open" as const }],
      [3, { kind: "open" as const }],
    ]),
    othersLeftAlone: 4,
    nowMs,
  };
  const sweepInputs = (given: Record<string, string> = {}) =>
    inputs({ operation: "sweep", name: "", "hf-model-repo": "", gpu: "", "github-token": "ghs_x", ...given });

  it("decides each preview by the table, with max-age for open PRs, and neither waits nor smoke-tests", () => {
    const p = plan(sweepInputs({ "max-age": "72h", "smoke-test": "true" }), {
      found: undefined,
      sweep: facts,
    });
    expect(p.wait).toBeUndefined();
    expect(p.smokeTest).toBe(false);
    if (p.action.kind !== "sweep") throw new Error(`not a sweep: ${p.action.kind}`);
    expect(p.action.othersLeftAlone).toBe(4);
    expect(p.action.rows.map((r) => [r.name, r.decision.action, r.ageMs])).toEqual([
      ["acme--models-pr-1", "delete", 100 * HOUR],
      ["acme--models-pr-2", "delete", 100 * HOUR],
      ["acme--models-pr-3", "keep", HOUR],
    ]);
    expect(describePlan(p)).toBe("Plan: sweep 3 preview endpoint(s): delete 2, keep 1");
    expect(plannedRequest(p)).toBeUndefined();
  });

  it("without max-age keeps every open PR's preview", () => {
    const p = plan(sweepInputs(), { found: undefined, sweep: facts });
    expect(p.action.kind === "sweep" && p.action.rows.map((r) => r.decision.action)).toEqual([
      "delete",
      "keep",
      "keep",
    ]);
  });

  it("without the listing it refuses rather than sweep nothing silently", () => {
    expect(plan(sweepInputs(), { found: undefined }).action.kind).toBe("fail");
  });
});
