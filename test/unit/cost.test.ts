// What it costs, without HTTP: the list prices, the estimate and its words, the cap's refusal and
// the options it names, and the cost report's pure pieces (window, amounts, line items).
import { describe, expect, it } from "vitest";
import {
  capRefusal,
  estimateFromSpec,
  estimateHourlyCost,
  optionsWithinCap,
  rangeText,
} from "../../src/cost/estimate.ts";
import { LIST_PRICES, listPrice } from "../../src/cost/prices.ts";
import {
  bucketsInWindow,
  CEILING_SLACK,
  costCeiling,
  costWindow,
  gpuTimeEndpoint,
  parseAmount,
  sumLineItems,
} from "../../src/cost/report.ts";
import { costRows, costSentence } from "../../src/cost/words.ts";
import { GPU_MODELS } from "../../src/friendli/gpus.ts";
import { CostResponseSchema } from "../../src/friendli/schemas.ts";
import type { DeploymentSettings } from "../../src/ledger/ledger.ts";
import { rollbackOverCap, settingsCost } from "../../src/operations/rollback.ts";
import { describePlan } from "../../src/plan/describe.ts";
import { plan } from "../../src/plan/plan.ts";
import { markerFor, renderPrComment } from "../../src/report/pr-comment.ts";
import type { RunReport } from "../../src/report/run-report.ts";
import { renderSummary } from "../../src/report/summary.ts";
import { deployInputs } from "./helpers.ts";

const H100 = { 1: "TwD5AqnBSVN0", 2: "zfTutSiLn0Hq", 8: "GUA4qYFmsYz8" } as const;

describe("the list prices", () => {
  it("price every GPU model the instance options offer, and only those", () => {
    expect(Object.keys(LIST_PRICES).sort()).toEqual([...GPU_MODELS].sort());
    expect(LIST_PRICES).toEqual({ "A100 80GB": 4, H100: 5, H200: 7, B200: 9 });
  });

  it("know no other GPU, not even by a prototype's name", () => {
    expect(listPrice("B300")).toBeUndefined();
    expect(listPrice("toString")).toBeUndefined();
  });
});

describe("estimateHourlyCost: price x GPUs per replica x replicas", () => {
  it.each([
    // [option id, min, max, price, min USD, max USD, range]
    [H100[1], 0, 1, undefined, 0, 5, "0 when idle to $5.00/h"],
    [H100[2], 1, 3, undefined, 10, 30, "$10.00 to $30.00/h"],
    [H100[8], 2, 2, undefined, 80, 80, "$80.00/h"],
    ["ShbPuOs4tfGb", 0, 10, undefined, 0, 40, "0 when idle to $40.00/h"], // 1x A100 80GB
    ["ahBzWtOuomsI", 1, 1, undefined, 56, 56, "$56.00/h"], // 8x H200
    ["8GiQTLKfJNOr", 0, 2, 6.125, 0, 12.25, "0 when idle to $12.25/h"], // 1x B200, negotiated
    [H100[1], 0, 3, 0.01, 0, 0.03, "0 when idle to $0.03/h"], // the least `gpu-hourly-price` takes
  ])("%s %i..%i at %s", (instanceOptionId, minReplicas, maxReplicas, price, min, max, range) => {
    const c = estimateHourlyCost({
      instanceOptionId,
      minReplicas,
      maxReplicas,
      ...(price === undefined ? {} : { pricePerGpuHour: price }),
    });
    expect(c).toMatchObject({ minUsd: min, maxUsd: max, priceFrom: price === undefined ? "list" : "input" });
    expect(c && rangeText(c)).toBe(range);
  });

  it("has no estimate for an instance option outside the table, whatever the price", () => {
    expect(
      estimateHourlyCost({ instanceOptionId: "AbCdEfGh1234", minReplicas: 0, maxReplicas: 1 }),
    ).toBeUndefined();
    expect(
      estimateHourlyCost({
        instanceOptionId: "AbCdEfGh1234",
        minReplicas: 0,
        maxReplicas: 1,
        pricePerGpuHour: 3,
      }),
    ).toBeUndefined();
  });

  it.each([
    // [min, max]: replicas as the API allows them (whole, 0 <= min <= max <= 10), else no estimate
    [0, 10, 50],
    [0, 1e308, undefined],
    [-3, -2, undefined],
    [0, -1, undefined],
    [0, 11, undefined],
    [0, 1.5, undefined],
    [2, 1, undefined],
    [Number.NaN, 1, undefined],
    [0, Number.POSITIVE_INFINITY, undefined],
  ])("replicas %d..%d: %s", (minReplicas, maxReplicas, max) => {
    expect(estimateHourlyCost({ instanceOptionId: H100[1], minReplicas, maxReplicas })?.maxUsd).toBe(max);
  });

  it.each([
    [{ gpuType: "NVIDIA H100", numGpu: 2, autoscalingMin: 0, autoscalingMax: 2 }, 20],
    [{ gpuType: "NVIDIA H100", numGpu: 1, autoscalingMin: 0, autoscalingMax: 1e308 }, undefined],
    [{ gpuType: "NVIDIA H100", numGpu: 1, autoscalingMin: -3, autoscalingMax: -2 }, undefined],
    [{ gpuType: "NVIDIA H100", numGpu: 1e308, autoscalingMin: 0, autoscalingMax: 1 }, undefined],
    [{ gpuType: "NVIDIA H100", numGpu: -1, autoscalingMin: 0, autoscalingMax: 1 }, undefined],
    [{ gpuType: "NVIDIA A100 80GB", numGpu: 4, autoscalingMin: 1, autoscalingMax: 1 }, 16],
    [{ gpuType: "NVIDIA B200", numGpu: 8, autoscalingMin: null, autoscalingMax: 3 }, 216],
    [{ gpuType: "NVIDIA T4", numGpu: 1, autoscalingMin: 0, autoscalingMax: 1 }, undefined],
    [{ gpuType: "NVIDIA H100", numGpu: 3, autoscalingMin: 0, autoscalingMax: 1 }, undefined],
    [{ gpuType: null, numGpu: 1, autoscalingMin: 0, autoscalingMax: 1 }, undefined],
    [{ gpuType: "NVIDIA H100", numGpu: 1, autoscalingMin: 0, autoscalingMax: null }, undefined],
  ])("from a spec %j: %s", (spec, max) => {
    expect(estimateFromSpec(spec)?.maxUsd).toBe(max);
  });

  it.each([
    // [spec's GPU, `gpu` (the model the price is for), price per GPU-hour used, from]
    ["NVIDIA H100", H100[2], 2, "input"], // the same model, another count: the given price
    ["NVIDIA B200", H100[1], 9, "list"], // another model: its list price
    ["NVIDIA B200", undefined, 2, "input"], // no `gpu` (status, sweep): the price is every model's
    ["NVIDIA B200", "AbCdEfGh1234", 9, "list"], // a raw id names no model: list
  ])("gpu-hourly-price 2 on a spec of %s with gpu %s: %d (%s)", (gpuType, pricedFor, price, from) => {
    const spec = { gpuType, numGpu: 1, autoscalingMin: 0, autoscalingMax: 1 };
    expect(estimateFromSpec(spec, 2, pricedFor)).toMatchObject({ pricePerGpuHour: price, priceFrom: from });
  });
});

describe("the cap", () => {
  const at = (option: string, min: number, max: number, price?: number) =>
    estimateHourlyCost({
      instanceOptionId: option,
      minReplicas: min,
      maxReplicas: max,
      ...(price === undefined ? {} : { pricePerGpuHour: price }),
    });

  it.each([
    // [estimate, cap, refused]
    [at(H100[2], 0, 2), 20, false], // exactly at the cap: fits
    [at(H100[2], 0, 2), 19.99, true],
    [at(H100[1], 0, 1), 5, false],
    [at(H100[1], 0, 1, 5.004), 5, false], // compared in cents, as shown
    [at(H100[1], 0, 1, 5.01), 5, true],
    [undefined, 1, false], // no estimate: capRefusal has nothing to hold against it (plan() refuses)
    [at(H100[8], 1, 1), undefined, false], // no cap
  ])("%#: refused %s", (c, cap, refused) => {
    expect(capRefusal(c, cap) !== undefined).toBe(refused);
  });

  it("names the options that fit at the same replicas, cheapest first, and fewer replicas", () => {
    const message = capRefusal(at(H100[2], 0, 3), 16);
    expect(message).toBe(
      "3 replica(s) of 2x H100 cost $30.00/h at the H100 list price of $5.00 per GPU-hour (2026-10-01), above " +
        "`max-hourly-cost` $16.00 (options that fit at 3 replica(s): 1x A100 80GB ($12.00/h), 1x H100 ($15.00/h), " +
        "or `max-replicas: 1`)",
    );
  });

  it("says when nothing fits", () => {
    expect(capRefusal(at(H100[1], 1, 2), 3)).toContain("no instance option fits at 2 replica(s)");
    expect(capRefusal(at(H100[2], 0, 4), 12)).toContain(
      "no instance option fits at 4 replica(s), or `max-replicas: 1`",
    );
    // Fewer replicas than min-replicas is no way out.
    expect(capRefusal(at(H100[2], 2, 4), 12)).not.toContain("max-replicas");
  });

  it("names the largest option of each GPU model within the cap: the closest to what was asked", () => {
    expect(capRefusal(at("drbc6G9FxJWZ", 0, 2), 50)).toContain(
      "(options that fit at 2 replica(s): 2x H200 ($28.00/h), 4x A100 80GB ($32.00/h), 2x B200 ($36.00/h), 4x H100 ($40.00/h))",
    );
  });

  it("prices the chosen model at gpu-hourly-price and the others at list", () => {
    const chosen = at(H100[1], 0, 1, 2);
    expect(optionsWithinCap(4, 1, chosen).map((o) => o.label)).toEqual(["1x A100 80GB", "2x H100"]);
  });
});

describe("the cap on a rollback's recorded settings", () => {
  const recorded = (instanceOptionId: string, min: number, max: number): DeploymentSettings => ({
    model: { repo: "org/m" },
    gpu: { instanceOptionId, label: "recorded" },
    autoscaling: { minReplicas: min, maxReplicas: max, cooldownSeconds: 300 },
    engine: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
  });
  const B200X8 = "drbc6G9FxJWZ";
  const H100X1 = { instanceOptionId: H100[1], label: "1x H100" };
  const none = { gpu: undefined, gpuHourlyPrice: undefined };

  it.each([
    // [recorded, inputs, cap, what the refusal says (undefined: sent)]
    [recorded(B200X8, 0, 10), none, 10, "they cost 0 when idle to $720.00/h: 8x B200 per replica, 0 to 10"],
    [recorded(B200X8, 0, 10), none, 720, undefined],
    [recorded(B200X8, 0, 10), none, undefined, undefined],
    // An H100 price does not make a B200 cheap: the other model is at its list price.
    [recorded(B200X8, 0, 10), { gpu: H100X1, gpuHourlyPrice: 0.01 }, 10, "at the B200 list price"],
    [recorded(H100[2], 0, 1), { gpu: H100X1, gpuHourlyPrice: 4 }, 8, undefined],
    [recorded(H100[2], 0, 1), { ...none, gpu: H100X1 }, 8, "$10.00/h"],
    [recorded("AbCdEfGh1234", 0, 1), none, 10, "cannot be checked"],
    [recorded(H100[1], 0, 1e308), none, 10, "cannot be checked"],
  ])("%#: refused with %j", (settings, inputs, cap, says) => {
    const refusal = rollbackOverCap(settingsCost(settings, inputs), cap);
    if (says === undefined) expect(refusal).toBeUndefined();
    else expect(refusal).toContain(says);
  });
});

describe("plan() with max-hourly-cost", () => {
  const inputs = (given: Record<string, string> = {}) =>
    deployInputs({ gpu: "2x H100", "max-replicas": "2", ...given });
  const existing = {
    id: "ep1",
    spec: { name: "llama", projectId: "proj-1", gpuType: "NVIDIA H100", numGpu: 8, autoscalingMax: 1 },
  };

  it.each([
    // [inputs, found, action kind]
    [{}, undefined, "create"],
    [{ "max-hourly-cost": "20" }, undefined, "create"],
    [{ "max-hourly-cost": "19.99" }, undefined, "fail"],
    [{ "max-hourly-cost": "19.99" }, existing, "fail"], // an update to these settings
    [{ "max-hourly-cost": "19.99", "if-exists": "reuse" }, existing, "reuse"], // keeps its own
    [{ "max-hourly-cost": "30", "gpu-hourly-price": "7.5" }, undefined, "create"],
    [{ "max-hourly-cost": "29.99", "gpu-hourly-price": "7.5" }, undefined, "fail"],
    [{ "max-hourly-cost": "1000", gpu: "AbCdEfGh1234" }, undefined, "fail"], // cannot be checked
    [{ gpu: "AbCdEfGh1234" }, undefined, "create"], // no cap, no estimate, no refusal
  ])("%j on %j: %s", (given, foundEndpoint, kind) => {
    const p = plan(inputs(given), { found: foundEndpoint });
    expect(p.action.kind).toBe(kind);
    if (kind === "fail") expect(p.findings.map((f) => [f.check, f.severity])).toEqual([["cost", "fail"]]);
  });

  it("refuses with the finding's message and shows the estimate in the dry run's words", () => {
    const p = plan(inputs({ "max-hourly-cost": "12", "min-replicas": "1" }), { found: undefined });
    expect(p.action).toMatchObject({
      kind: "fail",
      message: expect.stringContaining("above `max-hourly-cost` $12.00"),
    });
    expect(describePlan(p).split("\n")).toEqual([
      expect.stringMatching(/^pre-flight cost: fail: 2 replica\(s\) of 2x H100 cost \$20\.00\/h/),
      expect.stringMatching(/^Plan: fail \(/),
      "Cost: $10.00 to $20.00/h: 2x H100 per replica, 1 to 2 replicas, at the H100 list price of $5.00 per GPU-hour (2026-10-01)",
    ]);
  });

  it("a cap that cannot be checked says so", () => {
    const p = plan(inputs({ "max-hourly-cost": "5", gpu: "AbCdEfGh1234" }), { found: undefined });
    expect(p.action).toMatchObject({
      message: expect.stringContaining("`max-hourly-cost` cannot be checked"),
    });
  });

  it("a failing Hub finding still wins first; the cap is listed with it", () => {
    const p = plan(inputs({ "max-hourly-cost": "1" }), {
      found: undefined,
      findings: [{ check: "files", severity: "fail", message: "no weights" }],
    });
    expect(p.action).toMatchObject({ kind: "fail", message: "no weights" });
    expect(p.findings.map((f) => f.check)).toEqual(["files", "cost"]);
  });
});

describe("the cost report's pieces", () => {
  const now = Date.parse("2026-11-20T15:30:00Z");

  it.each([
    // [created, start, end, days, clipped]
    ["2026-11-20T09:00:00Z", "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z", 1, false],
    ["2026-11-18T23:59:59Z", "2026-11-18T00:00:00Z", "2026-11-21T00:00:00Z", 3, false],
    ["2026-10-17T12:00:00Z", "2026-10-17T00:00:00Z", "2026-11-21T00:00:00Z", 35, false],
    ["2026-10-16T12:00:00Z", "2026-10-17T00:00:00Z", "2026-11-21T00:00:00Z", 35, true],
    ["2030-01-01T00:00:00Z", "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z", 1, false], // a clock ahead
    [undefined, "2026-10-17T00:00:00Z", "2026-11-21T00:00:00Z", 35, false],
  ])("created %s: %s..%s", (created, startTime, endTime, days, clipped) => {
    expect(costWindow(now, created === undefined ? undefined : Date.parse(created))).toEqual({
      startTime,
      endTime,
      days,
      clipped,
    });
  });

  it.each([
    ["2.709083", { usd: 2.709083 }],
    ["0", { usd: 0 }],
    [" 12.5 ", { usd: 12.5 }],
    ["-3.00", { ignored: "negative" }],
    ["abc", { ignored: "not a number" }],
    ["1e3", { ignored: "not a number" }],
    ["NaN", { ignored: "not a number" }],
    ["Infinity", { ignored: "not a number" }],
    ["0x10", { ignored: "not a number" }],
    ["1000000.01", { ignored: "too large" }],
    ["9".repeat(400), { ignored: "too large" }],
    [12, { ignored: "not a string" }],
    [undefined, { ignored: "absent" }],
    [null, { ignored: "absent" }],
    ["", { ignored: "absent" }],
  ])("amount %j", (total, expected) => {
    expect(parseAmount(total)).toEqual(expected);
  });

  it.each([
    ["depabc123, NVIDIA H100, gpu time cost", "depabc123"],
    ["depabc123,NVIDIA H100,GPU time cost", "depabc123"],
    ["depabc123, gpu time cost", undefined],
    ["meta-llama/Llama-3.1-8B-Instruct, output tokens cost", undefined],
    ["", undefined],
    [null, undefined],
  ])("line item %j names %s", (item, id) => {
    expect(gpuTimeEndpoint(item)).toBe(id);
  });

  it.each([
    // [buckets' start..end, kept]: the window is 2026-11-19..21, each day once
    [
      ["11-19..11-20", "11-20..11-21"],
      ["11-19", "11-20"],
    ],
    [["11-18..11-19", "11-19..11-20", "11-21..11-22"], ["11-19"]], // outside the window
    [
      ["11-19..11-20", "11-20..11-21", "11-19..11-20", "11-20..11-21"],
      ["11-19", "11-20"],
    ], // a page read twice
    [["11-19..11-21"], ["11-19"]], // two days wide, inside the window
    [["11-20..11-22"], []], // past its end
    [["11-20..11-19", "x..11-20", "11-20..y"], []], // backwards, unreadable
  ])("buckets %j keep %j", (buckets, kept) => {
    const at = (d: string) => `2026-${d}T00:00:00Z`;
    const given = buckets.map((b) => {
      const [from = "", to = ""] = b.split("..");
      return { start_time: at(from), end_time: at(to), results: [] };
    });
    const window = { startTime: at("11-19"), endTime: at("11-21") };
    expect(bucketsInWindow(given, window).map((b) => b.start_time)).toEqual(kept.map(at));
  });

  it.each([
    // [age in hours, ceiling]: the dearest option (8x B200 x 10 replicas, $720.00/h), slack included
    [0, 720 * CEILING_SLACK.hours * CEILING_SLACK.factor],
    [1, 720 * (1 + CEILING_SLACK.hours) * CEILING_SLACK.factor],
    [24 * 35, 720 * (24 * 35 + CEILING_SLACK.hours) * CEILING_SLACK.factor],
    [-5, 720 * CEILING_SLACK.hours * CEILING_SLACK.factor], // a creation time ahead of the clock
  ])("an endpoint %d hours old could have cost at most $%d", (hours, ceiling) => {
    expect(costCeiling(now, now - hours * 3_600_000)).toBeCloseTo(ceiling, 6);
  });

  it("sums an endpoint's GPU time over the buckets; hostile amounts are skipped with a debug line", () => {
    const item = (id: string, total: unknown) => ({ total, line_item: `${id}, NVIDIA H100, gpu time cost` });
    const buckets = [
      {
        start_time: "2026-11-19T00:00:00Z",
        end_time: "2026-11-20T00:00:00Z",
        results: [
          item("ep1", "5.000000"),
          item("ep2", "100"),
          { total: "7", line_item: "ep1, output tokens cost" },
        ],
      },
      {
        start_time: "2026-11-20T00:00:00Z",
        end_time: "2026-11-21T00:00:00Z",
        results: [
          item("ep1", "2.5"),
          item("ep1", "-1"),
          item("ep1", "::error::x\u202e"),
          item("ep1", 3),
          { line_item: "ep1, NVIDIA H100, gpu time cost" },
          null,
          "text",
        ],
      },
    ];
    const debug: string[] = [];
    const sums = sumLineItems(buckets, new Set(["ep1", "ep3"]), (m) => debug.push(m));
    expect([...sums]).toEqual([["ep1", 7.5]]);
    expect(debug).toHaveLength(4);
    expect(debug[0]).toBe(
      'cost report: a line item of ep1 on "2026-11-20T00:00:00Z" ignored: amount negative ("-1")',
    );
    // Echoed quoted and without the invisible override.
    expect(debug[1]).toContain('amount not a number ("::error::x")');
    expect(debug.join("\n")).not.toContain("\u202e");
  });

  it("names at most ten skipped line items, then counts the rest", () => {
    const results = Array.from({ length: 25 }, () => ({
      total: "x",
      line_item: "ep1, NVIDIA H100, gpu time cost",
    }));
    const debug: string[] = [];
    sumLineItems([{ start_time: "d", end_time: "e", results }], new Set(["ep1"]), (m) => debug.push(m));
    expect(debug).toHaveLength(11);
    expect(debug.at(-1)).toBe("cost report: 15 more line items ignored for their amounts");
  });

  it("parses by the schema: the document's 200 example, which nests data in data, is not a report", () => {
    const example = {
      data: [
        {
          has_more: true,
          data: [
            {
              start_time: "2023-11-07T05:31:56Z",
              end_time: "2023-11-07T05:31:56Z",
              results: [{ total: "2.709083", quantity: "0.934167", unit_price: "290", line_item: "x" }],
            },
          ],
        },
      ],
    };
    expect(CostResponseSchema.safeParse(example).success).toBe(false);
    expect(CostResponseSchema.safeParse({ has_more: false, data: example.data[0]?.data }).success).toBe(true);
  });
});

describe("the cost in the reports' words", () => {
  const hourly = (min: number, max: number) =>
    estimateHourlyCost({ instanceOptionId: H100[1], minReplicas: min, maxReplicas: max });

  it.each([
    [
      { hourly: hourly(0, 1) },
      "💵 This preview costs up to $5.00/h while awake and nothing while it sleeps.",
    ],
    [{ hourly: hourly(1, 1) }, "💵 This preview costs $5.00/h, asleep or awake (`min-replicas: 1`)."],
    [
      { hourly: hourly(1, 3) },
      "💵 This preview costs $5.00 to $15.00/h, and $5.00/h even when idle (`min-replicas: 1`).",
    ],
    [
      { hourly: hourly(0, 2), toDate: { usd: 12.3, since: "2026-11-18", days: 3, clipped: false } },
      "💵 This preview costs up to $10.00/h while awake and nothing while it sleeps. So far it has cost $12.30 since 2026-11-18.",
    ],
    [
      { toDate: { usd: 400, since: "2026-10-17", days: 35, clipped: true } },
      "💵 So far it has cost $400.00 in the last 35 days (since 2026-10-17).",
    ],
    [
      { toDate: { since: "2026-11-20", days: 1, clipped: false } },
      "💵 Its cost so far is unreadable: Friendli's cost report gives more than the endpoint could have cost since 2026-11-20.",
    ],
    [{}, undefined],
    [undefined, undefined],
  ])("PR comment %#", (cost, sentence) => {
    expect(costSentence(cost)).toBe(sentence);
  });

  it("the job summary's rows", () => {
    expect(
      costRows({
        hourly: estimateHourlyCost({
          instanceOptionId: H100[2],
          minReplicas: 0,
          maxReplicas: 2,
          pricePerGpuHour: 4.5,
        }),
        toDate: { usd: 0.5, since: "2026-11-20", days: 1, clipped: false },
      }),
    ).toEqual([
      ["Cost per hour (estimate)", "0 when idle to $18.00/h at `gpu-hourly-price` $4.50 per GPU-hour"],
      ["Cost so far", "$0.50 since 2026-11-20 (Friendli's cost report)"],
    ]);
    expect(costRows({ toDate: { since: "2026-10-17", days: 35, clipped: true } })).toEqual([
      [
        "Cost so far",
        "unreadable: Friendli's cost report gives more than the endpoint could have cost in the last 35 days (since 2026-10-17)",
      ],
    ]);
  });

  it("the summary and the PR comment carry them; a deleted preview's comment does not", () => {
    const report: RunReport = {
      operation: "deploy",
      result: "created",
      endpointName: "acme--models-pr-7",
      endpointId: "dep1",
      status: "RUNNING",
      startedAtMs: 0,
      finishedAtMs: 1000,
      timeline: [],
      warnings: [],
      cost: { hourly: hourly(0, 1) },
    };
    expect(renderSummary(report)).toContain(
      "| Cost per hour (estimate) | 0 when idle to $5.00/h at the H100 list price of $5.00 per GPU-hour (2026-10-01) |",
    );
    const marker = markerFor("acme--models-pr-7");
    expect(renderPrComment(report, { marker })).toContain("💵 This preview costs up to $5.00/h while awake");
    expect(renderPrComment({ ...report, operation: "delete", result: "deleted" }, { marker })).not.toContain(
      "💵",
    );
    // Refused before a create: no endpoint, no bill; deleted after a failure: no bill any more.
    const { endpointId: _, ...refused } = report;
    expect(renderPrComment({ ...refused, result: "failed" }, { marker })).not.toContain("💵");
    expect(
      renderPrComment({ ...report, result: "failed", deletedAfterFailure: true }, { marker }),
    ).not.toContain("💵");
    expect(renderPrComment({ ...report, result: "failed" }, { marker })).toContain("💵");
  });
});
