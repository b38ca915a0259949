// The rest of the endpoint API as plan() decides it, without HTTP: a fixed replica count, the
// request queue's settings, the operations sleep, wake and restart, and a sweep that puts to sleep.
import { describe, expect, it } from "vitest";
import type { FoundEndpoint } from "../../src/endpoint/lookup.ts";
import type { EndpointSpec } from "../../src/friendli/schemas.ts";
import { buildPayload, type LedgerView, parsePayload, sameSettings } from "../../src/ledger/ledger.ts";
import { describePlan } from "../../src/plan/describe.ts";
import { type Plan, plan, plannedRequest } from "../../src/plan/plan.ts";
import { requestedSettings } from "../../src/plan/request-bodies.ts";
import { deployInputs as inputs } from "./helpers.ts";

const spec: EndpointSpec = {
  name: "llama",
  projectId: "proj-1",
  gpuType: "NVIDIA H100",
  numGpu: 1,
  autoscalingMin: 0,
  autoscalingMax: 1,
  autoscalingCooldown: 300,
};
const at = (status: string, over: Partial<EndpointSpec> = {}): FoundEndpoint => ({
  id: "ep1",
  status: { status, phase: null, errorCode: null, createdAt: null, updatedAt: null },
  spec: { ...spec, ...over },
});
const REV = "0e9e39f249a16976918f6564b8830bc894c89659";

describe("replicas: a fixed count, sent as simplescale", () => {
  it("the create sends simplescale and no autoscaling policy", () => {
    expect(plannedRequest(plan(inputs({ replicas: "2" }), { found: undefined }))?.body).toStrictEqual({
      projectId: "proj-1",
      name: "llama",
      instanceOptionId: "TwD5AqnBSVN0",
      hfModelRepo: "acme/llama",
      simplescale: { replicas: 2 },
      advanced: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
      initialVersionComment: "v",
    });
  });

  it.each<[string, Record<string, string>, Plan["wait"], [number, number, number]]>([
    ["a fixed count", { replicas: "3" }, { target: "running", minReplicas: 3 }, [3, 3, 15]],
    ["the default range", {}, { target: "running", minReplicas: 0 }, [0, 1, 5]],
  ])("%s: the wait's minimum and the estimate", (_what, given, wait, [min, max, maxUsd]) => {
    const p = plan(inputs(given), { found: undefined });
    expect(p.wait).toStrictEqual(wait);
    expect(p.cost).toMatchObject({ minReplicas: min, maxReplicas: max, maxUsd });
  });

  it("max-hourly-cost meets the fixed count", () => {
    const p = plan(inputs({ replicas: "3", "max-hourly-cost": "10" }), { found: undefined });
    expect(p.action.kind === "fail" && p.action.message).toMatch(
      /^3 replica\(s\) of 1x H100 cost \$15\.00\/h/,
    );
  });

  it.each<[string, EndpointSpec, Record<string, string>, Array<{ field: string; from: string; to: string }>]>(
    [
      [
        "a range 0-1 made fixed",
        spec,
        { replicas: "2" },
        [{ field: "simplescale.replicas", from: "0-1", to: "2" }],
      ],
      ["the same fixed count", { ...spec, autoscalingMin: 2, autoscalingMax: 2 }, { replicas: "2" }, []],
      [
        "a fixed count changed outside",
        { ...spec, autoscalingMin: 4, autoscalingMax: 4 },
        { replicas: "2" },
        [{ field: "simplescale.replicas", from: "4", to: "2" }],
      ],
      [
        "a fixed count made a range again",
        { ...spec, autoscalingMin: 2, autoscalingMax: 2 },
        {},
        [
          { field: "autoscalingPolicy.minReplica", from: "2", to: "0" },
          { field: "autoscalingPolicy.maxReplica", from: "2", to: "1" },
        ],
      ],
    ],
  )("an update: %s", (_what, s, given, changes) => {
    const p = plan(inputs(given), { found: at("RUNNING", s) });
    if (p.action.kind !== "update") throw new Error(p.action.kind);
    expect(p.action.changes).toStrictEqual(changes);
    expect("autoscalingPolicy" in p.action.request.body).toBe(given.replicas === undefined);
  });

  it("the ledger records the fixed count, and compares it as sent", () => {
    const fixed = requestedSettings(inputs({ replicas: "2" }));
    expect(fixed.simplescale).toEqual({ replicas: 2 });
    // A fixed 2 is not the range 2-2 (another body), and sends no cooldown.
    expect(sameSettings(fixed, requestedSettings(inputs({ "min-replicas": "2", "max-replicas": "2" })))).toBe(
      false,
    );
    expect(sameSettings(fixed, requestedSettings(inputs({ replicas: "2", "cooldown-seconds": "60" })))).toBe(
      true,
    );
    expect(sameSettings(fixed, requestedSettings(inputs({ replicas: "3" })))).toBe(false);
    const payload = buildPayload({ id: "ep1", name: "llama", projectId: "proj-1" }, fixed);
    expect(parsePayload(JSON.parse(JSON.stringify(payload)))).toEqual(payload);
  });

  it("the same fixed count recorded and serving: unchanged; a rollback puts the fixed count back", () => {
    const settings = requestedSettings(inputs({ replicas: "2", "hf-model-revision": REV }));
    const entry = {
      deploymentId: 7,
      createdAt: "2026-11-01T00:00:00Z",
      state: "success" as const,
      payload: buildPayload({ id: "ep1", name: "llama", projectId: "proj-1" }, settings),
    };
    const ledger: LedgerView = { latest: entry, lastSuccess: entry };
    const found = at("RUNNING", { autoscalingMin: 2, autoscalingMax: 2 });
    expect(plan(inputs({ replicas: "2", "hf-model-revision": REV }), { found, ledger }).action.kind).toBe(
      "unchanged",
    );
    const p = plan(inputs({ "hf-model-revision": "b".repeat(40), "rollback-on-failure": "true" }), {
      found,
      ledger,
    });
    if (p.action.kind !== "update") throw new Error(p.action.kind);
    expect(p.action.rollback?.request.body).toMatchObject({ simplescale: { replicas: 2 } });
    expect(p.action.rollback?.request.body).not.toHaveProperty("autoscalingPolicy");
    expect(describePlan(p)).toContain(`(acme/llama@${REV}, 1x H100, replicas 2 fixed; PUT`);
  });
});

describe("the request queue's settings", () => {
  it("reach advanced in the body and the ledger's record, and survive the record's reading", () => {
    const given = {
      "queue-timeout-ms": "30000",
      "queue-backpressure-metric": "QUEUED_PREFILL_TOKENS",
      "queue-backpressure-threshold": "0.75",
    };
    const queue = {
      queue_timeout_ms: 30000,
      queue_backpressure_metric_kind: "QUEUED_PREFILL_TOKENS",
      queue_backpressure_metric_threshold: 0.75,
    };
    expect(plannedRequest(plan(inputs(given), { found: undefined }))?.body).toMatchObject({
      advanced: queue,
    });
    const settings = requestedSettings(inputs(given));
    const payload = buildPayload({ id: "ep1", name: "llama", projectId: "proj-1" }, settings);
    expect(parsePayload(JSON.stringify(payload))?.settings.engine).toMatchObject(queue);
    expect(sameSettings(settings, requestedSettings(inputs()))).toBe(false);
  });
});

describe("operations sleep, wake and restart", () => {
  const base = { operation: "", "hf-model-repo": "", gpu: "" };
  type Row = [
    op: "sleep" | "wake" | "restart",
    found: FoundEndpoint | undefined,
    given: Record<string, string>,
    kind: Plan["action"]["kind"],
    request: string | undefined,
    wait: Plan["wait"],
  ];
  const url = (op: string) => `PUT /dedicated/beta/endpoint/ep1/${op}`;
  const asleep = { target: "sleeping", minReplicas: 0 } as const;
  const running = { target: "running", minReplicas: 1 } as const;
  it.each<Row>([
    ["sleep", at("RUNNING"), {}, "lifecycle", url("sleep"), asleep],
    ["sleep", at("SLEEPING"), {}, "lifecycle", undefined, asleep],
    ["sleep", at("FAILED"), {}, "lifecycle", url("sleep"), asleep],
    ["sleep", at("RUNNING"), { wait: "false" }, "lifecycle", url("sleep"), undefined],
    ["sleep", undefined, {}, "nothing", undefined, undefined],
    ["wake", at("SLEEPING"), {}, "lifecycle", url("wake"), running],
    ["wake", at("RUNNING"), {}, "lifecycle", undefined, running],
    ["wake", at("AWAKING"), {}, "lifecycle", url("wake"), running],
    ["wake", undefined, {}, "fail", undefined, undefined],
    ["restart", at("FAILED"), {}, "lifecycle", url("restart"), running],
    ["restart", at("TERMINATED"), {}, "lifecycle", url("restart"), running],
    ["restart", at("RUNNING"), {}, "fail", undefined, undefined],
    ["restart", at("SLEEPING"), {}, "fail", undefined, undefined],
    ["restart", undefined, {}, "fail", undefined, undefined],
  ])("%s of %j (%j): %s, %s", (op, found, given, kind, request, wait) => {
    const p = plan(inputs({ ...base, ...given, operation: op }), { found });
    expect(p.action.kind).toBe(kind);
    const r = plannedRequest(p);
    expect(r ? `${r.method} ${r.url}` : undefined).toBe(request);
    expect(p.wait).toStrictEqual(wait);
    expect(p.smokeTest).toBe(false);
    expect(p.cost).toBeUndefined();
  });

  it.each<[string, "sleep" | "wake" | "restart", FoundEndpoint | undefined, string]>([
    [
      "a sleep",
      "sleep",
      at("RUNNING"),
      "Plan: sleep endpoint ep1 (RUNNING)\nThen: wait until it is SLEEPING",
    ],
    [
      "a sleep with nothing to send",
      "sleep",
      at("SLEEPING"),
      "Plan: leave endpoint ep1 as it is (SLEEPING): nothing to sleep\nThen: wait until it is SLEEPING",
    ],
    [
      "a restart of a running endpoint",
      "restart",
      at("RUNNING"),
      "Plan: fail (endpoint ep1 is RUNNING: only a FAILED or TERMINATED endpoint can be restarted)",
    ],
    ["a wake of nothing", "wake", undefined, 'Plan: fail (no endpoint named "llama" to wake)'],
    [
      "a sleep of nothing",
      "sleep",
      undefined,
      'Plan: nothing to do (No endpoint named "llama" to put to sleep)',
    ],
  ])("dry run's words for %s", (_what, op, found, text) => {
    expect(describePlan(plan(inputs({ ...base, operation: op }), { found }))).toBe(text);
  });
});

describe("a sweep with sweep-action: sleep", () => {
  const nowMs = Date.parse("2026-11-25T12:00:00Z");
  const preview = (n: number, status: string) => ({
    id: `ep${n}`,
    name: `acme--models-pr-${n}`,
    prNumber: n,
    status,
    updatedAt: new Date(nowMs - 100 * 3_600_000).toISOString(),
  });
  const sweep = {
    previews: [preview(1, "RUNNING"), preview(2, "SLEEPING"), preview(3, "RUNNING"), preview(4, "RUNNING")],
    states: new Map([
      [1, { kind: "closed" as const, merged: false }],
      [2, { kind: "closed" as const, merged: true }],
      [3, { kind: "open" as const }],
      [4, { kind: "open" as const }],
    ]),
    othersLeftAlone: 0,
    nowMs,
  };
  const sweepInputs = (given: Record<string, string>) =>
    inputs({ operation: "sweep", name: "", "hf-model-repo": "", gpu: "", "github-token": "ghs_x", ...given });

  it.each<[string, Record<string, string>, Array<[string, string]>, string]>([
    [
      "sleep: the closed PR's preview sleeps, one already asleep is kept",
      { "sweep-action": "sleep" },
      [
        ["sleep", "PR closed"],
        ["keep", "PR merged; already asleep"],
        ["keep", "PR open"],
        ["keep", "PR open"],
      ],
      "Plan: sweep 4 preview endpoint(s): put to sleep 1, keep 3",
    ],
    [
      "sleep with max-age: the stale open PR's preview sleeps too",
      { "sweep-action": "sleep", "max-age": "72h" },
      [
        ["sleep", "PR closed"],
        ["keep", "PR merged; already asleep"],
        ["sleep", "PR open, but the endpoint is older than max-age"],
        ["sleep", "PR open, but the endpoint is older than max-age"],
      ],
      "Plan: sweep 4 preview endpoint(s): put to sleep 3, keep 1",
    ],
    [
      "delete (the default) deletes the sleeping preview too",
      {},
      [
        ["delete", "PR closed"],
        ["delete", "PR merged"],
        ["keep", "PR open"],
        ["keep", "PR open"],
      ],
      "Plan: sweep 4 preview endpoint(s): delete 2, keep 2",
    ],
  ])("%s", (_what, given, decisions, text) => {
    const p = plan(sweepInputs(given), { found: undefined, sweep });
    if (p.action.kind !== "sweep") throw new Error(p.action.kind);
    expect(p.action.rows.map((r) => [r.decision.action, r.decision.reason])).toEqual(decisions);
    expect(describePlan(p)).toBe(text);
  });
});
