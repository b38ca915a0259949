import { request } from "undici";
import { describe, expect, it } from "vitest";
import { manualClock } from "./clock.ts";
import { call, createBody, EP, simulatorPerTest, statusOf, TOKEN } from "./helpers.ts";
import type { Simulator } from "./server.ts";

const start = simulatorPerTest();

const create = (s: Simulator) => call(s, "POST", EP, { body: createBody() });

describe("status faults", () => {
  it("429 with Retry-After in seconds, then the next call goes through", async () => {
    const s = await start();
    s.inject({ route: "create", fault: { kind: "status", status: 429, retryAfter: "3" } });
    const first = await create(s);
    expect(first.status).toBe(429);
    expect(first.headers["retry-after"]).toBe("3");
    expect(first.json).toEqual({ detail: "Too Many Requests" });
    expect(s.endpoints()).toHaveLength(0);
    expect((await create(s)).status).toBe(200);
    expect(s.endpoints()).toHaveLength(1);
  });

  it("503 with Retry-After as an HTTP date, on a read route, for `times` calls", async () => {
    const s = await start();
    const id = s.seed({ name: "x", projectId: "demo-project" });
    const date = new Date(Date.UTC(2026, 0, 1, 0, 0, 5)).toUTCString();
    s.inject({ route: "status", times: 2, fault: { kind: "status", status: 503, retryAfter: date } });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(s, "GET", `${EP}/${id}/status`);
      codes.push(res.status);
      if (res.status === 503) expect(res.headers["retry-after"]).toBe(date);
    }
    expect(codes).toEqual([503, 503, 200]);
  });

  it("`after` skips matching calls first; other routes are untouched; a custom body is sent as is", async () => {
    const s = await start();
    s.inject({
      route: "list",
      after: 2,
      fault: { kind: "status", status: 502, body: "<html>Bad Gateway</html>" },
    });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await call(s, "GET", EP)).status);
      if (i === 0) expect((await create(s)).status).toBe(200);
    }
    expect(codes).toEqual([200, 200, 502, 200]);
    const bad = s.requests.find((r) => r.status === 502);
    expect(bad?.route).toBe("list");
  });

  it("each rule counts calls on its own: 500 then, one call later, 504", async () => {
    const s = await start();
    s.inject({ route: "list", fault: { kind: "status", status: 500 } });
    s.inject({ route: "list", after: 1, fault: { kind: "status", status: 504 } });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await call(s, "GET", EP)).status);
    expect(codes).toEqual([500, 504, 200]);
  });

  it("process:true really creates the endpoint and then answers 500", async () => {
    const s = await start();
    s.inject({ route: "create", fault: { kind: "status", status: 500, process: true } });
    const res = await create(s);
    expect(res.status).toBe(500);
    expect(s.endpoints()).toHaveLength(1);
    const list = (await call(s, "GET", EP)).json as { data: object };
    expect(Object.keys(list.data)).toEqual([s.endpoints()[0]?.id]);
  });

  it("clearFaults drops every rule", async () => {
    const s = await start();
    s.inject({ route: "list", times: 5, fault: { kind: "status", status: 500 } });
    s.clearFaults();
    expect((await call(s, "GET", EP)).status).toBe(200);
  });
});

describe("connection faults", () => {
  it("reset before: the socket dies and nothing was created", async () => {
    const s = await start();
    s.inject({ route: "create", fault: { kind: "reset", when: "before" } });
    await expect(create(s)).rejects.toThrow();
    expect(s.endpoints()).toHaveLength(0);
    expect(s.requests[0]?.status).toBe("reset");
    expect((await create(s)).status).toBe(200);
  });

  it("reset after: the socket dies but the endpoint was created", async () => {
    const s = await start();
    s.inject({ route: "create", fault: { kind: "reset", when: "after" } });
    await expect(create(s)).rejects.toThrow();
    expect(s.endpoints()).toHaveLength(1);
    expect(s.endpoints()[0]?.status).toBe("INITIALIZING");
  });

  it("slow headers: a client with a short headers timeout gives up; a patient one gets the answer", async () => {
    const s = await start();
    s.inject({ route: "list", times: 2, fault: { kind: "slow-headers", ms: 200 } });
    const headers = { authorization: `Bearer ${TOKEN}` };
    // undici's own headersTimeout ticks too coarsely for a fast test; a per-request signal is exact.
    await expect(
      request(`${s.url}${EP}`, { headers, signal: AbortSignal.timeout(50) }),
    ).rejects.toMatchObject({
      name: "TimeoutError",
    });
    const started = Date.now();
    const res = await call(s, "GET", EP);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("truncated body: Content-Length promises more than arrives; no state change", async () => {
    const s = await start();
    s.inject({ route: "create", fault: { kind: "truncated-body" } });
    const res = await request(`${s.url}${EP}`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(createBody()),
    });
    expect(res.statusCode).toBe(200);
    expect(Number(res.headers["content-length"])).toBeGreaterThan(0);
    await expect(res.body.text()).rejects.toThrow();
    expect(s.endpoints()).toHaveLength(0);
  });
});

describe("body faults", () => {
  it("non-json: 200 with an HTML page", async () => {
    const s = await start();
    s.inject({ route: "list", fault: { kind: "non-json" } });
    const res = await call(s, "GET", EP, { nonConforming: true });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(() => JSON.parse(res.text)).toThrow();
    s.inject({ route: "status", fault: { kind: "non-json", body: "oops" } });
    const id = s.seed({ name: "n", projectId: "demo-project" });
    expect((await call(s, "GET", `${EP}/${id}/status`, { nonConforming: true })).text).toBe("oops");
  });

  it("unknown-status: a normal answer carrying a status string the spec does not know", async () => {
    const s = await start();
    const id = s.seed({ name: "u", projectId: "demo-project" });
    s.inject({ route: "status", fault: { kind: "unknown-status", status: "HIBERNATING" } });
    s.inject({ route: "list", fault: { kind: "unknown-status", status: "HIBERNATING" } });
    const st = await call(s, "GET", `${EP}/${id}/status`, { nonConforming: true });
    expect(statusOf(st.json)).toMatchObject({ status: "HIBERNATING", createdAt: expect.any(String) });
    const list = await call(s, "GET", EP, { nonConforming: true });
    expect((list.json as { data: Record<string, { status: string }> }).data[id]?.status).toBe("HIBERNATING");
    expect(statusOf((await call(s, "GET", `${EP}/${id}/status`)).json).status).toBe("RUNNING");
  });

  it("unknown-status on a write route leaves no trace", async () => {
    const s = await start();
    s.inject({ route: "create", fault: { kind: "unknown-status", status: "QUEUED" } });
    const res = await call(s, "POST", EP, { body: createBody(), nonConforming: true });
    expect(statusOf(res.json).status).toBe("QUEUED");
    expect(s.endpoints()).toHaveLength(0);
  });

  it("redirect to another host, not followed and not processed", async () => {
    const s = await start();
    s.inject({ route: "create", fault: { kind: "redirect", location: "http://evil.example/steal" } });
    s.inject({ route: "list", fault: { kind: "redirect", location: "/dedicated/beta/endpoint", code: 301 } });
    const res = await create(s);
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe("http://evil.example/steal");
    expect(s.endpoints()).toHaveLength(0);
    expect((await call(s, "GET", EP)).status).toBe(301);
  });

  it("faults apply to inference routes too", async () => {
    const s = await start();
    const id = s.seed({ name: "i", projectId: "demo-project" });
    s.inject({ route: "chat", fault: { kind: "status", status: 429, retryAfter: "1" } });
    const body = { model: id, messages: [{ role: "user", content: "hi" }] };
    expect((await call(s, "POST", "/dedicated/v1/chat/completions", { body })).status).toBe(429);
    expect(s.endpoints()[0]?.lastInferenceAt).toBeNull();
    expect((await call(s, "POST", "/dedicated/v1/chat/completions", { body })).status).toBe(200);
  });
});

describe("hold", () => {
  it("keeps a create unprocessed until released, then creates it at that moment and answers", async () => {
    const clock = manualClock();
    const s = await start({ clock });
    let release = () => {};
    const until = new Promise<void>((resolve) => {
      release = resolve;
    });
    s.inject({ route: "create", fault: { kind: "hold", until } });
    const pending = create(s);
    while (s.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    expect(s.endpoints()).toHaveLength(0);
    const releasedAt = clock.advance(60_000);
    release();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(s.endpoints()).toHaveLength(1);
    expect(s.endpoints()[0]?.createdAt).toBe(releasedAt);
  });

  it("then applies `afterwards`: a reset before processing loses the answer and creates nothing", async () => {
    const s = await start();
    s.inject({
      route: "create",
      fault: { kind: "hold", until: Promise.resolve(), afterwards: { kind: "reset", when: "before" } },
    });
    const err = await create(s).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(s.requests[0]?.status).toBe("reset");
    expect(s.endpoints()).toHaveLength(0);
  });
});
