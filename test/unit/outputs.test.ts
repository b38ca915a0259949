import { describe, expect, it } from "vitest";
import { Output } from "../../src/base/names.ts";
import { estimateHourlyCost } from "../../src/cost/estimate.ts";
import { buildOutputs, timestamp, writeOutputs } from "../../src/report/outputs.ts";
import type { RunReport } from "../../src/report/run-report.ts";

const T0 = Date.UTC(2026, 0, 1);

function report(over: Partial<RunReport> = {}): RunReport {
  return {
    operation: "deploy",
    result: "failed",
    startedAtMs: T0,
    finishedAtMs: T0,
    timeline: [],
    warnings: [],
    ...over,
  };
}

const full: RunReport = report({
  result: "created",
  endpointId: "dep86pjolcjjnv8",
  endpointName: "my-model-pr-7",
  status: "RUNNING",
  phase: null,
  errorCode: null,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:06:33Z",
  inferenceUrl: "https://api.friendli.ai/dedicated/v1",
  finishedAtMs: T0 + 400_049,
  model: { repo: "acme/llama", revision: "0e9e39f249a16976918f6564b8830bc894c89659" },
  smokeTest: {
    latencyMs: 812.6,
    reply: "Hi!",
    route: "/dedicated/v1/chat/completions",
    ttftMs: 120.4,
    outputTokens: 16,
    tokensPerSecond: 19.7,
  },
  deployment: { environment: "friendli/my-model-pr-7", id: 5001 },
  gpu: "2x H100",
  cost: { hourly: estimateHourlyCost({ instanceOptionId: "zfTutSiLn0Hq", minReplicas: 0, maxReplicas: 1 }) },
});

describe("buildOutputs", () => {
  it("sets every output of the contract, and nothing else", () => {
    expect(Object.keys(buildOutputs(report())).sort()).toEqual(Object.values(Output).sort());
  });

  it("a run that learned everything", () => {
    const out = buildOutputs(full);
    expect(out).toMatchObject({
      "endpoint-id": "dep86pjolcjjnv8",
      "endpoint-name": "my-model-pr-7",
      status: "RUNNING",
      phase: "",
      "error-code": "",
      "created-at": "2026-01-01T00:00:00Z",
      "updated-at": "2026-01-01T00:06:33Z",
      result: "created",
      "inference-url": "https://api.friendli.ai/dedicated/v1",
      "elapsed-seconds": "400",
      "smoke-test-latency-ms": "813",
      "model-revision": "0e9e39f249a16976918f6564b8830bc894c89659",
      "smoke-test-ttft-ms": "120",
      "smoke-test-tokens-per-second": "19.7",
      gpu: "2x H100",
    });
  });

  it.each([
    ["1x A100 80GB", "1x A100 80GB"],
    ["Zz9Zz9Zz9Zz9", "Zz9Zz9Zz9Zz9"],
    ["1x H100\n::stop-commands::x", ""],
    [undefined, ""],
  ])("gpu %j is %j: a label of the table or a raw id, nothing else", (gpu, expected) => {
    expect(buildOutputs(report({ gpu }))[Output.gpu]).toBe(expected);
  });

  it("model-revision only when it is a full commit; smoke measures only when measured", () => {
    const out = buildOutputs(
      report({
        model: { repo: "a/b", revision: "main\n::set-output" },
        smokeTest: { latencyMs: 5, reply: "", route: "chat" },
      }),
    );
    expect(out["model-revision"]).toBe("");
    expect(out["smoke-test-ttft-ms"]).toBe("");
    expect(out["smoke-test-tokens-per-second"]).toBe("");
  });

  it("a run that learned nothing: empty strings, and result says what happened", () => {
    const out = buildOutputs(report({ result: "skipped" }));
    for (const [name, value] of Object.entries(out)) {
      if (name === "result") expect(value).toBe("skipped");
      else if (name === "elapsed-seconds") expect(value).toBe("0");
      else if (name !== "json") expect(value, name).toBe("");
    }
  });

  it.each([
    [0, "0"],
    [1_000, "1"],
    [12_340, "12.3"],
    [12_350, "12.4"],
    [59_999, "60"],
    [3_723_456, "3723.5"],
    [-5, "0"],
  ])("elapsed %i ms is %s seconds (an integer or one decimal)", (ms, expected) => {
    expect(buildOutputs(report({ finishedAtMs: T0 + ms }))["elapsed-seconds"]).toBe(expected);
  });

  it("json holds all the others with their types: numbers as numbers, unknowns as null", () => {
    const parsed = JSON.parse(buildOutputs(full).json);
    expect(parsed).toEqual({
      "endpoint-id": "dep86pjolcjjnv8",
      "endpoint-name": "my-model-pr-7",
      status: "RUNNING",
      phase: null,
      "error-code": null,
      "created-at": "2026-01-01T00:00:00Z",
      "updated-at": "2026-01-01T00:06:33Z",
      result: "created",
      "inference-url": "https://api.friendli.ai/dedicated/v1",
      "elapsed-seconds": 400,
      "smoke-test-latency-ms": 813,
      "model-revision": "0e9e39f249a16976918f6564b8830bc894c89659",
      "smoke-test-ttft-ms": 120,
      "smoke-test-tokens-per-second": 19.7,
      "deployment-id": 5001,
      "hourly-cost-usd": 10,
      gpu: "2x H100",
    });
    const failed = JSON.parse(
      buildOutputs(
        report({ status: "FAILED", phase: "DOWNLOADING_MODEL", errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR" }),
      ).json,
    );
    expect(failed).toMatchObject({
      status: "FAILED",
      phase: "DOWNLOADING_MODEL",
      "error-code": "WORKLOAD_INIT_DOWNLOAD_ERROR",
      "smoke-test-latency-ms": null,
      "elapsed-seconds": 0,
      "endpoint-id": null,
    });
    expect(Object.keys(failed)).not.toContain("json");
    expect(failed["hourly-cost-usd"]).toBeNull();
  });

  it("values with quotes and newlines survive the json round trip", () => {
    const name = 'a"b\nc|<d>';
    expect(JSON.parse(buildOutputs(report({ endpointName: name })).json)["endpoint-name"]).toBe(name);
  });
});

describe("hourly-cost-usd", () => {
  it.each([
    // [instance option, max replicas, gpu-hourly-price, output]
    ["zfTutSiLn0Hq", 1, undefined, "10.00"], // 2x H100 at $5.00
    ["TwD5AqnBSVN0", 3, undefined, "15.00"],
    ["ShbPuOs4tfGb", 1, undefined, "4.00"], // A100 80GB
    ["drbc6G9FxJWZ", 10, undefined, "720.00"], // 8x B200 at $9.00
    ["OhTzYtZuomzI", 2, 3.333, "26.66"], // 4x H200 at a negotiated price, rounded to cents
    ["TwD5AqnBSVZ9", 1, 4, ""], // a raw id outside the table: no guess, even with a price
  ])("%s x%i at %s: %j", (instanceOptionId, maxReplicas, price, expected) => {
    const hourly = estimateHourlyCost({
      instanceOptionId,
      minReplicas: 0,
      maxReplicas,
      ...(price === undefined ? {} : { pricePerGpuHour: price }),
    });
    const out = buildOutputs(report(hourly ? { cost: { hourly } } : {}));
    expect(out["hourly-cost-usd"]).toBe(expected);
  });
});

describe("writeOutputs", () => {
  it("sets each output once, through the given setter", () => {
    const set: Array<[string, string]> = [];
    writeOutputs(full, (name, value) => set.push([name, value]));
    expect(set.map(([n]) => n).sort()).toEqual(Object.values(Output).sort());
    expect(Object.fromEntries(set)).toEqual(buildOutputs(full));
  });
});

describe("buildOutputs: shapes", () => {
  it("never outputs an id, status, phase or error code that does not have its shape", () => {
    const out = buildOutputs({
      operation: "status",
      result: "failed",
      endpointId: "dep1\n::error::x",
      status: "RUNNING\n::add-mask::x",
      phase: "downloading",
      errorCode: "X Y",
      startedAtMs: 0,
      finishedAtMs: 0,
      timeline: [],
      warnings: [],
    });
    expect([out["endpoint-id"], out.status, out.phase, out["error-code"]]).toEqual(["", "", "", ""]);
    expect(out.json).not.toContain("::");
  });
});

describe("timestamp: strict RFC 3339, printed from the parsed value", () => {
  it.each<[string | null | undefined, string | null]>([
    ["2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"],
    ["2026-11-25T12:00:00.123Z", "2026-11-25T12:00:00.123Z"],
    ["2026-11-25T12:00:00.123456789Z", "2026-11-25T12:00:00.123Z"],
    ["2026-11-25t12:00:00z", "2026-11-25T12:00:00Z"],
    ["2026-11-25T14:30:00+02:30", "2026-11-25T12:00:00Z"],
    ["2026-11-25T12:00:00::stop-commands::x", null],
    ["2026-11-25T12:00:00Z ::error::x", null],
    ["2026-11-25 12:00:00Z", null],
    ["2026-11-25T12:00Z", null],
    ["2026-02-31T00:00:00Z", null],
    ["2026-13-01T00:00:00Z", null],
    ["2026-11-25T24:00:00Z", null],
    ["2026-11-25T12:00:60Z", null],
    ["2026-11-25T12:00:00+24:00", null],
    ["2026-11-25T12:00:00", null],
    ["1764072000", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("%j -> %j", (value, expected) => {
    expect(timestamp(value)).toBe(expected);
  });
});
