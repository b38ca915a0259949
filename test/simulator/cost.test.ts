// The simulator's `GET /v1/team/cost`: RUNNING time only, priced from the list, in daily buckets
// as the vendored OpenAPI document defines them (every 2xx answer is checked against it by call()).
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { type ManualClock, manualClock } from "./clock.ts";
import { call, createAndFind, EP } from "./helpers.ts";
import { type Simulator, startSimulator } from "./server.ts";

let sim: Simulator | undefined;
let clock: ManualClock;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const HOUR = 3_600_000;
/** The default lifecycle: 2 + 3 + 2 s of INITIALIZING (unbilled) before RUNNING. */
const STARTUP = 7_000;

async function start(): Promise<Simulator> {
  clock = manualClock(); // 2026-01-01T00:00:00Z
  sim = await startSimulator({ clock });
  return sim;
}

interface Report {
  has_more: boolean;
  next_page: string | null;
  data: Array<{ start_time: string; end_time: string; results: Array<Record<string, string>> }>;
}

async function report(s: Simulator, query: string): Promise<{ status: number; body: Report }> {
  const res = await call(s, "GET", `/v1/team/cost?${query}`);
  return { status: res.status, body: res.json as Report };
}

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().replace(".000Z", "Z");
const window = (from: number, to: number, extra = "") =>
  `start_time=${day(from)}&end_time=${day(to)}&group_by=line_item${extra}`;

describe("GET /v1/team/cost", () => {
  it("bills RUNNING time only: GPUs x replicas x hours at the list price", async () => {
    const s = await start();
    const id = await createAndFind(s, {
      instanceOptionId: "zfTutSiLn0Hq", // 2x H100
      autoscalingPolicy: { minReplica: 1, maxReplica: 3, cooldownPeriod: 300 },
    });
    clock.advance(STARTUP + HOUR);
    const { status, body } = await report(s, window(0, 1));
    expect(status).toBe(200);
    expect(body).toEqual({
      has_more: false,
      next_page: null,
      data: [
        {
          start_time: day(0),
          end_time: day(1),
          results: [
            {
              total: "10.000000",
              quantity: "2.000000",
              unit_price: "500",
              line_item: `${id}, NVIDIA H100, gpu time cost`,
            },
          ],
        },
      ],
    });
  });

  it("stops billing when the endpoint sleeps after its cooldown, and after a delete", async () => {
    const s = await start();
    const sleeper = await createAndFind(s, {
      name: "sleeper",
      autoscalingPolicy: { minReplica: 0, maxReplica: 1, cooldownPeriod: 360 },
    });
    const gone = await createAndFind(s, { name: "gone", instanceOptionId: "ShbPuOs4tfGb" }); // 1x A100
    clock.advance(STARTUP + 30 * 60_000);
    expect((await call(s, "DELETE", `${EP}/${gone}`)).status).toBe(200);
    clock.advance(5 * HOUR);
    const { body } = await report(s, window(0, 1));
    const items = Object.fromEntries(body.data[0]?.results.map((r) => [r.line_item, r]) ?? []);
    // 360 s of one H100 at $5.00; half an hour of one A100 at $4.00, still on the bill after the delete.
    expect(items[`${sleeper}, NVIDIA H100, gpu time cost`]).toMatchObject({
      quantity: "0.100000",
      total: "0.500000",
    });
    expect(items[`${gone}, NVIDIA A100 80GB, gpu time cost`]).toMatchObject({
      quantity: "0.500000",
      total: "2.000000",
    });
  });

  it("splits a stretch at midnight and pages by `limit` with a next_page cursor", async () => {
    const s = await start();
    clock.set(Date.UTC(2026, 0, 1, 23, 0, 0) - STARTUP);
    const id = await createAndFind(s, { name: "night" });
    clock.set(Date.UTC(2026, 0, 2, 2, 0, 0));
    const first = await report(s, window(0, 2, "&limit=1"));
    expect(first.body.has_more).toBe(true);
    expect(first.body.data.map((b) => b.results[0]?.total)).toEqual(["5.000000"]);
    const second = await report(s, window(0, 2, `&limit=1&page=${first.body.next_page}`));
    expect(second.body).toMatchObject({ has_more: false, next_page: null });
    expect(second.body.data.map((b) => [b.start_time, b.results[0]?.line_item, b.results[0]?.total])).toEqual(
      [[day(1), `${id}, NVIDIA H100, gpu time cost`, "10.000000"]],
    );
  });

  it("without group_by answers each day's total only", async () => {
    const s = await start();
    await createAndFind(s, { autoscalingPolicy: { minReplica: 2, maxReplica: 2, cooldownPeriod: 300 } });
    clock.advance(STARTUP + HOUR);
    const { body } = await report(s, `start_time=${day(0)}&end_time=${day(1)}`);
    expect(body.data[0]?.results).toEqual([{ total: "10.000000" }]);
  });

  it.each([
    ["a time that is not midnight", `start_time=2026-01-01T01:00:00Z&end_time=${day(1)}`, "start_time"],
    ["a missing start", `end_time=${day(1)}`, "start_time"],
    ["an end after the next midnight", `start_time=${day(0)}&end_time=${day(2)}`, "end_time"],
    ["a start over a year ago", `start_time=2024-12-01T00:00:00Z&end_time=${day(1)}`, "start_time"],
    ["limit 36", window(0, 1, "&limit=36"), "limit"],
    ["bucket_width 1h", window(0, 1, "&bucket_width=1h"), "bucket_width"],
  ])("refuses %s with a 422", async (_what, query, field) => {
    const s = await start();
    const res = await call(s, "GET", `/v1/team/cost?${query}`);
    expect(res.status).toBe(422);
    expect((res.json as { detail: Array<{ loc: string[] }> }).detail.map((d) => d.loc[1])).toContain(field);
  });

  it("answers 403 to every call while the switch says forbidden, as a token without access gets", async () => {
    const s = await start();
    s.costReport("forbidden");
    expect((await call(s, "GET", `/v1/team/cost?${window(0, 1)}`)).status).toBe(403);
    expect((await call(s, "GET", `/v1/team/cost?${window(0, 1)}`)).status).toBe(403);
    s.costReport("ok");
    expect((await call(s, "GET", `/v1/team/cost?${window(0, 1)}`)).status).toBe(200);
  });

  it("bends its answers by the quirk, each still a CostResponse; null makes them honest again", async () => {
    const s = await start();
    const id = await createAndFind(s, { name: "billed" });
    clock.advance(STARTUP + HOUR);
    const line = `${id}, NVIDIA H100, gpu time cost`;
    s.costQuirk("outside-window");
    const outside = (await report(s, window(0, 1))).body;
    expect(outside.data.map((b) => [b.start_time, b.results.map((r) => r.total)])).toEqual([
      [day(-1), ["100.000000"]],
      [day(0), ["5.000000"]],
      [day(1), ["100.000000"]],
    ]);
    s.costQuirk("cycling-cursor");
    const first = (await report(s, window(0, 1))).body;
    expect(first.has_more).toBe(true);
    const again = (await report(s, window(0, 1, `&page=${first.next_page}`))).body;
    expect(again).toEqual(first);
    s.costQuirk("absurd-amounts");
    const absurd = (await report(s, window(0, 1))).body.data[0]?.results ?? [];
    expect(absurd).toHaveLength(1001);
    expect(absurd.filter((r) => r.line_item === line && r.total === "999999.990000")).toHaveLength(1000);
    s.costQuirk(null);
    expect((await report(s, window(0, 1))).body).toMatchObject({ has_more: false, next_page: null });
  });

  it("holds its answer back while the switch says slow; other routes answer at once", async () => {
    clock = manualClock();
    sim = await startSimulator({ clock, costReport: "slow" });
    const url = `${sim.url}/v1/team/cost?${window(0, 1)}`;
    const headers = { authorization: "Bearer flp_sim_test" };
    await expect(request(url, { headers, signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await call(sim, "GET", `${EP}?project_id=demo-project`)).status).toBe(200);
  });
});
