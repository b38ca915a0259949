// `gpu` as a list of choices: which are kept (max-hourly-cost, the pre-flight's fit), what the plan
// asks for, when the endpoint moves on, and which API refusal is a refusal of the GPU.
import { describe, expect, it } from "vitest";
import type { FoundEndpoint } from "../../src/endpoint/lookup.ts";
import { ApiError, refusesGpu } from "../../src/friendli/errors.ts";
import { buildPayload, type LedgerEntry } from "../../src/ledger/ledger.ts";
import { movesOn, noneLeft, stillRequesting, weighChoices } from "../../src/plan/gpu-choices.ts";
import { plan } from "../../src/plan/plan.ts";
import { requestedSettings } from "../../src/plan/request-bodies.ts";
import { deployInputs } from "./helpers.ts";

const GB = 1e9;
const THREE = { gpu: "1x H100, 1x H200, 1x A100 80GB" };

describe("weighChoices: which choices are kept", () => {
  // List prices per GPU-hour: A100 80GB $4, H100 $5, H200 $7, B200 $9.
  it.each<[string, Record<string, string>, number | undefined, Array<[string, string | undefined]>]>([
    [
      "no cap, not weighed: every choice",
      THREE,
      undefined,
      [
        ["1x H100", undefined],
        ["1x H200", undefined],
        ["1x A100 80GB", undefined],
      ],
    ],
    [
      "a cap of $6/h drops the H200 ($7/h)",
      { ...THREE, "max-hourly-cost": "6" },
      undefined,
      [
        ["1x H100", undefined],
        ["1x H200", "above `max-hourly-cost` $6.00"],
        ["1x A100 80GB", undefined],
      ],
    ],
    [
      "at 2 replicas a cap of $9/h keeps only the A100",
      { ...THREE, "max-hourly-cost": "9", "max-replicas": "2" },
      undefined,
      [
        ["1x H100", "$10.00/h"],
        ["1x H200", "$14.00/h"],
        ["1x A100 80GB", undefined],
      ],
    ],
    [
      "120 GB of weights fit the H200 only",
      THREE,
      120 * GB,
      [
        ["1x H100", "do not fit"],
        ["1x H200", undefined],
        ["1x A100 80GB", "do not fit"],
      ],
    ],
    [
      "the cap is read before the fit",
      { ...THREE, "max-hourly-cost": "6" },
      120 * GB,
      [
        ["1x H100", "do not fit"],
        ["1x H200", "above `max-hourly-cost`"],
        ["1x A100 80GB", "do not fit"],
      ],
    ],
    [
      "a raw id cannot be priced against a cap",
      { gpu: "Zz9Zz9Zz9Zz9, 1x H100", "max-hourly-cost": "50" },
      undefined,
      [
        ["Zz9Zz9Zz9Zz9", "`max-hourly-cost` cannot be checked"],
        ["1x H100", undefined],
      ],
    ],
    [
      "a raw id without a cap is kept",
      { gpu: "Zz9Zz9Zz9Zz9, 1x H100" },
      120 * GB,
      [
        ["Zz9Zz9Zz9Zz9", undefined],
        ["1x H100", "do not fit"],
      ],
    ],
  ])("%s", (_, given, weightBytes, expected) => {
    const choices = weighChoices(deployInputs(given), weightBytes);
    expect(choices.map((c) => c.gpu.label)).toEqual(expected.map(([label]) => label));
    expected.forEach(([, drop], i) => {
      if (drop === undefined) expect(choices[i]?.drop).toBeUndefined();
      else expect(choices[i]?.drop).toContain(drop);
    });
  });

  it("prices each choice, gpu-hourly-price for the first choice's GPU model only", () => {
    const choices = weighChoices(deployInputs({ ...THREE, "gpu-hourly-price": "3", "max-replicas": "2" }));
    expect(choices.map((c) => [c.cost?.maxUsd, c.cost?.priceFrom])).toEqual([
      [6, "input"],
      [14, "list"],
      [8, "list"],
    ]);
  });

  it.each<[string, Array<string | undefined>, string | undefined]>([
    ["one kept", ["too dear", undefined], undefined],
    ["a single choice reads as it always did", ["too dear"], "too dear"],
    [
      "several: each named",
      ["too dear", "too small"],
      "no GPU of `gpu` is left: 1x H100: too dear; 1x H200: too small",
    ],
  ])("noneLeft: %s", (_, drops, expected) => {
    const labels = ["1x H100", "1x H200"];
    const choices = drops.map((drop, i) => ({
      gpu: { instanceOptionId: "x", label: labels[i] ?? "" },
      ...(drop ? { drop } : {}),
    }));
    expect(noneLeft(choices)).toBe(expected);
  });
});

describe("plan() with several choices", () => {
  it("asks for the first choice kept, and keeps every choice for the run", () => {
    const p = plan(deployInputs({ ...THREE, "max-hourly-cost": "4.5" }), { found: undefined });
    expect(p.action.kind).toBe("create");
    if (p.action.kind !== "create") return;
    expect(p.action.request.body.instanceOptionId).toBe("ShbPuOs4tfGb");
    expect(p.cost?.maxUsd).toBe(4);
    expect(p.choices?.map((c) => [c.gpu.label, c.drop !== undefined])).toEqual([
      ["1x H100", true],
      ["1x H200", true],
      ["1x A100 80GB", false],
    ]);
  });

  it("with the pre-flight's weights, the first choice that holds them", () => {
    const p = plan(deployInputs(THREE), { found: undefined, weightBytes: 120 * GB });
    expect(p.action.kind === "create" && p.action.request.body.instanceOptionId).toBe("LnK1wTaKc7WO");
  });

  it("none left fails before any request, naming each choice", () => {
    const p = plan(deployInputs({ ...THREE, "max-hourly-cost": "3" }), { found: undefined });
    expect(p.action).toMatchObject({
      kind: "fail",
      message: expect.stringMatching(/^no GPU of `gpu` is left: 1x H100: .*; 1x H200: .*; 1x A100 80GB: /),
    });
  });

  // A fallback left the endpoint on the H200 and the ledger recorded it serving there.
  describe("an endpoint a fallback left on a later choice", () => {
    const REV = "0e9e39f249a16976918f6564b8830bc894c89659";
    const given = { gpu: "1x H100, 1x H200", "hf-model-revision": REV };
    const onH200 = { ...deployInputs(given), gpu: { instanceOptionId: "LnK1wTaKc7WO", label: "1x H200" } };
    const success: LedgerEntry = {
      deploymentId: 7,
      createdAt: "2026-11-01T00:00:00Z",
      state: "success",
      payload: buildPayload({ id: "ep1", name: "llama", projectId: "proj-1" }, requestedSettings(onH200)),
    };
    const ledger = { latest: success, lastSuccess: success };
    const found: FoundEndpoint = {
      id: "ep1",
      status: { status: "RUNNING", phase: null, errorCode: null, createdAt: null, updatedAt: null },
      spec: {
        name: "llama",
        projectId: "proj-1",
        gpuType: "NVIDIA H200",
        numGpu: 1,
        autoscalingMin: 0,
        autoscalingMax: 1,
        autoscalingCooldown: 300,
      },
    };

    it.each<[string, Record<string, string>, string, string]>([
      ["the same settings: unchanged, on the H200", {}, "unchanged", "1x H200"],
      [
        "a new revision: updated, to the first choice",
        { "hf-model-revision": "1".repeat(40) },
        "update",
        "1x H100",
      ],
      ["the H200 now over the cap: updated, to the H100", { "max-hourly-cost": "6" }, "update", "1x H100"],
    ])("%s", (_, more, kind, label) => {
      const p = plan(deployInputs({ ...given, ...more }), { found, ledger });
      expect(p.action.kind).toBe(kind);
      expect(p.choices?.find((c) => !c.drop)?.gpu.label).toBe(label);
      expect(p.cost?.gpu).toBe(label.slice(3));
    });
  });

  it("one GPU: no choices, as before", () => {
    expect(plan(deployInputs(), { found: undefined }).choices).toBeUndefined();
  });
});

describe("movesOn: when the endpoint moves to the next choice", () => {
  const requesting = { status: "INITIALIZING", phase: "REQUESTING_VIRTUAL_MACHINE" };
  it.each<[string, Parameters<typeof movesOn>[0], boolean]>([
    [
      "no VM at gpu-fallback-after, a next choice: moves",
      { timedOut: true, early: true, next: true, ...requesting },
      true,
    ],
    ["the last choice: the run ends", { timedOut: true, early: true, next: false, ...requesting }, false],
    ["the run's own deadline came first", { timedOut: true, early: false, next: true, ...requesting }, false],
    [
      "it got its VM and downloads",
      { timedOut: true, early: true, next: true, status: "INITIALIZING", phase: "DOWNLOADING_MODEL" },
      false,
    ],
    [
      "FAILED is no shortage",
      { timedOut: false, early: true, next: true, status: "FAILED", phase: "REQUESTING_VIRTUAL_MACHINE" },
      false,
    ],
    ["no status seen", { timedOut: true, early: true, next: true }, false],
  ])("%s", (_, wait, expected) => {
    expect(movesOn(wait)).toBe(expected);
  });

  it.each<[string | undefined, string | null | undefined, boolean]>([
    ["INITIALIZING", "REQUESTING_VIRTUAL_MACHINE", true],
    [" initializing ", "requesting_virtual_machine", true],
    ["INITIALIZING", "ENGINE_INITIALIZING", false],
    ["INITIALIZING", null, false],
    ["UPDATING", "REQUESTING_VIRTUAL_MACHINE", false],
    [undefined, undefined, false],
  ])("stillRequesting(%j, %j) is %s", (status, phase, expected) => {
    expect(stillRequesting({ status, phase })).toBe(expected);
  });
});

describe("refusesGpu: the API refused the instance option", () => {
  const error = (operation: string, status: number | undefined, detail?: string, kind = "permanent") =>
    new ApiError({ kind: kind as "permanent", operation, message: "m", status, detail });
  it.each<[string, unknown, boolean]>([
    ["400 naming the instance option", error("create", 400, "Invalid instance option ID 'x'."), true],
    ["422 on instanceOptionId", error("update", 422, "body.instanceOptionId: no capacity"), true],
    ["409 out of capacity", error("create", 409, "Insufficient capacity in the region"), true],
    ["400 out of stock", error("update", 400, "1x H100 is out of stock"), true],
    [
      "400 about another field",
      error("create", 400, "autoscalingPolicy.minReplica must not be greater"),
      false,
    ],
    ["404 naming the option", error("create", 404, "instance option not found"), false],
    [
      "500 naming capacity (ambiguous: the create may have been made)",
      error("create", 500, "capacity", "ambiguous"),
      false,
    ],
    ["a status read", error("status", 400, "instance option"), false],
    ["no detail", error("create", 400), false],
    ["not an ApiError", new Error("instance option"), false],
  ])("%s: %s", (_, err, expected) => {
    expect(refusesGpu(err)).toBe(expected);
  });
});
