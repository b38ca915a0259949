import { createServer, type Server } from "node:net";
import { EnvHttpProxyAgent, MockAgent } from "undici";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Logger } from "../../src/base/log.ts";
import { statusAdvice } from "../../src/friendli/advice.ts";
import { FriendliClient } from "../../src/friendli/client.ts";
import { errorDetail } from "../../src/friendli/error-body.ts";
import { ApiError } from "../../src/friendli/errors.ts";
import { createHttp, type HttpOptions } from "../../src/friendli/http.ts";
import { createDefaultDispatcher, pathFor } from "../../src/friendli/request-policy.ts";
import { EndpointStatusSchema } from "../../src/friendli/schemas.ts";
import { virtualClock } from "../support/clock.ts";
import { silentLogger } from "../support/log.ts";
import { recordingClock } from "./helpers.ts";

const ORIGIN = "https://api.friendli.test";
const TOKEN = "flp_unitTestToken123";
const CREATE = "/dedicated/beta/endpoint";
const STATUS = "/dedicated/beta/endpoint/ep1/status";
const OK_STATUS = { status: "INITIALIZING", createdAt: "2026-01-01T00:00:00Z", phase: "DOWNLOADING_MODEL" };

interface Harness {
  agent: MockAgent;
  pool: ReturnType<MockAgent["get"]>;
  clock: ReturnType<typeof virtualClock>;
  sleeps: number[];
  lines: { info: string[]; warning: string[]; debug: string[] };
  controller: AbortController;
  http: ReturnType<typeof createHttp>;
  calls(): Array<{ method: string; path: string; headers: Record<string, unknown>; body: unknown }>;
}

const agents: MockAgent[] = [];
afterEach(async () => {
  for (const a of agents.splice(0)) await a.close();
});

/** Never fires: requests in these tests end by themselves (a mock reply or a mock error). */
const neverTimer = () => new Promise<void>(() => {});

function harness(over: Partial<HttpOptions> = {}): Harness {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent.enableCallHistory();
  agents.push(agent);
  const { clock, sleeps } = recordingClock();
  const lines = { info: [] as string[], warning: [] as string[], debug: [] as string[] };
  const log: Logger = {
    info: (m) => lines.info.push(m),
    warning: (m) => lines.warning.push(m),
    debug: (m) => lines.debug.push(m),
  };
  const controller = new AbortController();
  const http = createHttp({
    baseUrl: ORIGIN,
    token: TOKEN,
    dispatcher: agent,
    clock,
    signal: controller.signal,
    deadlineMs: clock.now() + 600_000,
    log,
    requestTimer: neverTimer,
    // The advice the action gives for 401/403/404, as main.ts wires it.
    advise: statusAdvice,
    ...over,
  });
  return {
    agent,
    pool: agent.get(ORIGIN),
    clock,
    sleeps,
    lines,
    controller,
    http,
    calls: () =>
      (agent.getCallHistory()?.calls() ?? []).map((c) => ({
        method: c.method,
        path: c.path,
        // Call history keeps the case we sent; HTTP header names are case-insensitive.
        headers: Object.fromEntries(Object.entries(c.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
        body: c.body,
      })),
  };
}

const createOp = {
  operation: "create",
  method: "POST",
  path: CREATE,
  body: { name: "x" },
  retry: "create",
} as const;
const statusOp = {
  operation: "status",
  method: "GET",
  path: STATUS,
  schema: EndpointStatusSchema,
  retry: "idempotent",
} as const;

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error("expected the request to fail");
}

function coded(code: string): Error {
  return Object.assign(new Error(`mock ${code}`), { code });
}

describe("create: sent once unless the server certainly did not process it", () => {
  it("429 with Retry-After: 3 -> exactly one 3000 ms wait, then exactly one more POST", async () => {
    const h = harness();
    h.pool
      .intercept({ path: CREATE, method: "POST" })
      .reply(429, "slow down", { headers: { "retry-after": "3" } });
    h.pool.intercept({ path: CREATE, method: "POST" }).reply(200, OK_STATUS);
    const t0 = h.clock.now();
    const res = await h.http.send({ ...createOp, schema: EndpointStatusSchema });
    expect(res.data.status).toBe("INITIALIZING");
    expect(h.sleeps).toEqual([3000]);
    expect(h.clock.now() - t0).toBe(3000);
    expect(h.calls().map((c) => c.method)).toEqual(["POST", "POST"]);
    expect(h.lines.info).toEqual(["create: attempt 2 after 429, waiting 3s"]);
  });

  it("429 with Retry-After: 0, three times -> waits of 1 s each (the floor), not a request loop", async () => {
    const h = harness();
    h.pool
      .intercept({ path: CREATE, method: "POST" })
      .reply(429, "slow down", { headers: { "retry-after": "0" } })
      .times(3);
    h.pool.intercept({ path: CREATE, method: "POST" }).reply(200, OK_STATUS);
    const res = await h.http.send({ ...createOp, schema: EndpointStatusSchema });
    expect(res.data.status).toBe("INITIALIZING");
    expect(h.sleeps).toEqual([1000, 1000, 1000]);
    expect(h.calls()).toHaveLength(4);
  });

  it("500 -> exactly one request and an ambiguous ApiError for the caller to resolve", async () => {
    const h = harness();
    h.pool.intercept({ path: CREATE, method: "POST" }).reply(500, { detail: "internal" });
    const err = await failure(h.http.send(createOp));
    expect(err.kind).toBe("ambiguous");
    expect(err.status).toBe(500);
    expect(err.message).toContain("server error (500)");
    expect(h.calls()).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it("503 with Retry-After -> still ambiguous for a create, not retried", async () => {
    const h = harness();
    h.pool
      .intercept({ path: CREATE, method: "POST" })
      .reply(503, "busy", { headers: { "retry-after": "2" } });
    const err = await failure(h.http.send(createOp));
    expect(err.kind).toBe("ambiguous");
    expect(err.retryAfterMs).toBe(2000);
    expect(h.calls()).toHaveLength(1);
  });

  it("a reset connection -> ambiguous, not retried", async () => {
    const h = harness();
    h.pool.intercept({ path: CREATE, method: "POST" }).replyWithError(coded("ECONNRESET"));
    const err = await failure(h.http.send(createOp));
    expect(err.kind).toBe("ambiguous");
    expect(h.calls()).toHaveLength(1);
  });

  it("connection refused -> retried (the request never left)", async () => {
    const h = harness();
    h.pool.intercept({ path: CREATE, method: "POST" }).replyWithError(coded("ECONNREFUSED"));
    h.pool.intercept({ path: CREATE, method: "POST" }).reply(200, OK_STATUS);
    const res = await h.http.send(createOp);
    expect(res.status).toBe(200);
    expect(h.calls()).toHaveLength(2);
    expect(h.sleeps).toEqual([250]); // full jitter: 0.5 * 500 ms
    expect(h.lines.info).toEqual(["create: attempt 2/4 after ECONNREFUSED, waiting 0.3s"]);
  });

  const permanent: Array<[number, unknown, string[]]> = [
    [
      400,
      { detail: "instanceOptionId is not available in this region" },
      ["(400)", "instanceOptionId is not available"],
    ],
    [401, { detail: "Invalid token" }, ["token was rejected (401)", "friendli-token secret", "flp_..."]],
    [403, { detail: "Forbidden" }, ["access denied (403)", "team-id"]],
    [404, { detail: "Project not found" }, ["not found (404)", "project-id"]],
    [409, { detail: "name already in use" }, ["conflict (409)", "name already in use"]],
    [
      422,
      {
        detail: [
          { loc: ["body", "name"], msg: "field required", type: "missing" },
          { loc: ["body", "instanceOptionId"], msg: "invalid option", type: "value_error" },
        ],
      },
      ["(422)", "body.name: field required; body.instanceOptionId: invalid option"],
    ],
  ];
  it.each(permanent)("%i -> one request, a message that says what to fix", async (status, body, parts) => {
    const h = harness();
    h.pool.intercept({ path: CREATE, method: "POST" }).reply(status, body as object);
    const err = await failure(h.http.send(createOp));
    expect(err.kind).toBe("permanent");
    expect(err.status).toBe(status);
    for (const p of parts) expect(err.message).toContain(p);
    expect(err.message).toContain("[POST /dedicated/beta/endpoint]");
    expect(h.calls()).toHaveLength(1);
  });

  it("a 2xx body that fails the schema is ambiguous and says what came back", async () => {
    const h = harness();
    h.pool.intercept({ path: CREATE, method: "POST" }).reply(200, { nope: true });
    const err = await failure(h.http.send({ ...createOp, schema: EndpointStatusSchema }));
    expect(err.kind).toBe("ambiguous");
    expect(err.message).toContain("status:");
    expect(err.message).toContain('{"nope":true}');
    expect(h.calls()).toHaveLength(1);
  });

  it("a 2xx body that is not JSON is ambiguous, excerpted to 200 chars and redacted", async () => {
    const h = harness();
    h.pool.intercept({ path: CREATE, method: "POST" }).reply(200, `oops ${TOKEN} ${"x".repeat(500)}`);
    const err = await failure(h.http.send({ ...createOp, schema: EndpointStatusSchema }));
    expect(err.kind).toBe("ambiguous");
    expect(err.message).toContain("not JSON: oops ***");
    expect(err.message).not.toContain(TOKEN);
    expect(err.message).not.toContain("x".repeat(201));
  });
});

describe("idempotent requests retry what may be transient", () => {
  it("GET 503, 503, 200 -> success after 2 retries with jittered backoff", async () => {
    const h = harness();
    h.pool.intercept({ path: STATUS }).reply(503, "Service Unavailable").times(2);
    h.pool.intercept({ path: STATUS }).reply(200, { ...OK_STATUS, status: "RUNNING" });
    const res = await h.http.send(statusOp);
    expect(res.data.status).toBe("RUNNING");
    expect(h.calls()).toHaveLength(3);
    expect(h.sleeps).toEqual([250, 500]);
    expect(h.lines.info).toEqual([
      "status: attempt 2/4 after 503, waiting 0.3s",
      "status: attempt 3/4 after 503, waiting 0.5s",
    ]);
    expect(h.lines.debug.join("\n")).toContain("Service Unavailable");
  });

  it("a reset, then 200 -> success", async () => {
    const h = harness();
    h.pool.intercept({ path: STATUS }).replyWithError(coded("ECONNRESET"));
    h.pool.intercept({ path: STATUS }).reply(200, OK_STATUS);
    await h.http.send(statusOp);
    expect(h.calls()).toHaveLength(2);
  });

  it("gives up after maxAttempts and says so", async () => {
    const h = harness({ maxAttempts: 3 });
    h.pool.intercept({ path: STATUS }).reply(502, "bad gateway").times(3);
    const err = await failure(h.http.send(statusOp));
    expect(err.kind).toBe("ambiguous");
    expect(err.message).toContain("gave up after 3 attempts");
    expect(h.calls()).toHaveLength(3);
  });

  it("throttled answers do not use up the attempts: retried as told until the deadline", async () => {
    const h = harness({ deadlineMs: virtualClock().now() + 100_000, maxAttempts: 2 });
    h.pool
      .intercept({ path: STATUS })
      .reply(429, "", { headers: { "retry-after": "30" } })
      .persist();
    const err = await failure(h.http.send(statusOp));
    expect(err.kind).toBe("deadline");
    expect(err.message).toContain("could not start before the run's deadline");
    // 0, 30, 60, 90 s; a fifth at 120 s would start past the deadline.
    expect(h.sleeps).toEqual([30_000, 30_000, 30_000]);
    expect(h.calls()).toHaveLength(4);
    expect(h.lines.info).toEqual([
      "status: attempt 2 after 429, waiting 30s",
      "status: attempt 3 after 429, waiting 30s",
      "status: attempt 4 after 429, waiting 30s",
    ]);
  });

  it("failures that are not throttling still use up the attempts between throttled ones", async () => {
    const h = harness({ maxAttempts: 2 });
    h.pool.intercept({ path: STATUS }).reply(503, "busy");
    h.pool.intercept({ path: STATUS }).reply(429, "", { headers: { "retry-after": "1" } });
    h.pool.intercept({ path: STATUS }).reply(502, "bad gateway");
    const err = await failure(h.http.send(statusOp));
    expect(err.status).toBe(502);
    expect(err.message).toContain("gave up after 3 attempts");
    expect(h.calls()).toHaveLength(3);
  });

  it("a per-operation maxAttempts of 1 means one request (the waiter polls itself)", async () => {
    const h = harness();
    h.pool.intercept({ path: STATUS }).reply(503, "busy");
    const err = await failure(h.http.send({ ...statusOp, maxAttempts: 1 }));
    expect(err.kind).toBe("ambiguous");
    expect(h.calls()).toHaveLength(1);
  });

  it("retry: never -> one attempt", async () => {
    const h = harness();
    h.pool.intercept({ path: STATUS }).reply(503, "busy");
    await failure(h.http.send({ ...statusOp, retry: "never" }));
    expect(h.calls()).toHaveLength(1);
  });

  it("a huge Retry-After is clamped to 60 s", async () => {
    const h = harness();
    h.pool.intercept({ path: STATUS }).reply(429, "", { headers: { "retry-after": "86400" } });
    h.pool.intercept({ path: STATUS }).reply(200, OK_STATUS);
    await h.http.send(statusOp);
    expect(h.sleeps).toEqual([60_000]);
  });

  it("an HTTP-date Retry-After is honoured", async () => {
    const h = harness();
    const at = new Date(h.clock.now() + 7000).toUTCString();
    h.pool.intercept({ path: STATUS }).reply(503, "", { headers: { "retry-after": at } });
    h.pool.intercept({ path: STATUS }).reply(200, OK_STATUS);
    await h.http.send(statusOp);
    expect(h.sleeps).toEqual([7000]);
  });

  it("a garbage Retry-After falls back to backoff", async () => {
    const h = harness();
    h.pool.intercept({ path: STATUS }).reply(429, "", { headers: { "retry-after": "later" } });
    h.pool.intercept({ path: STATUS }).reply(200, OK_STATUS);
    await h.http.send(statusOp);
    expect(h.sleeps).toEqual([250]);
  });

  it("our per-request timeout aborts a stalled request and counts as retryable", async () => {
    let fired = 0;
    const h = harness({
      requestTimeoutMs: 5000,
      // The first request's timer fires at once; later ones never do.
      requestTimer: (ms) => {
        expect(ms).toBe(5000);
        return fired++ === 0 ? Promise.resolve() : neverTimer();
      },
    });
    h.pool.intercept({ path: STATUS }).reply(200, OK_STATUS).delay(10_000);
    h.pool.intercept({ path: STATUS }).reply(200, { ...OK_STATUS, status: "RUNNING" });
    const res = await h.http.send(statusOp);
    expect(res.data.status).toBe("RUNNING");
    expect(h.lines.info).toEqual(["status: attempt 2/4 after a timeout, waiting 0.3s"]);
  });

  it("the per-request timeout never outlasts the run's deadline", async () => {
    const seen: number[] = [];
    const h = harness({
      requestTimer: (ms) => {
        seen.push(ms);
        return neverTimer();
      },
    });
    const h2 = harness({
      deadlineMs: h.clock.now() + 1234,
      requestTimer: (ms) => {
        seen.push(ms);
        return neverTimer();
      },
    });
    h.pool.intercept({ path: STATUS }).reply(200, OK_STATUS);
    h2.pool.intercept({ path: STATUS }).reply(200, OK_STATUS);
    await h.http.send(statusOp);
    await h2.http.send(statusOp);
    expect(seen).toEqual([30_000, 1234]);
  });
});

describe("cancellation and the deadline", () => {
  it("an aborted run sends nothing", async () => {
    const h = harness();
    h.controller.abort();
    const err = await failure(h.http.send(statusOp));
    expect(err.kind).toBe("aborted");
    expect(h.calls()).toHaveLength(0);
  });

  it("abort during a request -> aborted, no retry", async () => {
    const h = harness();
    h.pool.intercept({ path: STATUS }).reply(200, OK_STATUS).delay(5000);
    const p = h.http.send(statusOp);
    setTimeout(() => h.controller.abort(), 20);
    const err = await failure(p);
    expect(err.kind).toBe("aborted");
    expect(h.calls()).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it("abort during the wait between attempts -> aborted, no further request", async () => {
    const h = harness();
    h.pool.intercept({ path: STATUS }).reply(503, "busy");
    h.pool.intercept({ path: STATUS }).reply(200, OK_STATUS);
    h.clock.sleep = async (_ms, signal) => {
      h.controller.abort();
      signal?.throwIfAborted();
    };
    const err = await failure(h.http.send(statusOp));
    expect(err.kind).toBe("aborted");
    expect(h.calls()).toHaveLength(1);
  });

  describe("a request with a grace (the create) outlives the run's signal by that long", () => {
    /** Only the grace's timer is the test's: it fires when `graceOver` is called. */
    const graceHarness = () => {
      let graceOver = () => {};
      const graces: number[] = [];
      const h = harness({
        requestTimer: (ms) => {
          if (ms !== 5000) return neverTimer();
          graces.push(ms);
          return new Promise<void>((resolve) => {
            graceOver = resolve;
          });
        },
      });
      return { h, graces, over: () => graceOver() };
    };

    it("its answer arriving within the grace is kept", async () => {
      const { h, graces } = graceHarness();
      h.pool.intercept({ path: CREATE, method: "POST" }).reply(200, OK_STATUS).delay(60);
      const p = h.http.send({ ...createOp, schema: EndpointStatusSchema, graceMs: 5000 });
      setTimeout(() => h.controller.abort(new Error("SIGINT")), 10);
      const res = await p;
      expect(res.data.createdAt).toBe(OK_STATUS.createdAt);
      expect(graces).toEqual([5000]);
      expect(h.calls()).toHaveLength(1);
    });

    it("once the grace is over it is aborted, and never retried", async () => {
      const { h, over } = graceHarness();
      h.pool.intercept({ path: CREATE, method: "POST" }).reply(200, OK_STATUS).delay(5000);
      const p = h.http.send({ ...createOp, graceMs: 5000 });
      setTimeout(() => {
        h.controller.abort(new Error("SIGINT"));
        setTimeout(over, 10);
      }, 10);
      const err = await failure(p);
      expect(err.kind).toBe("aborted");
      expect(h.calls()).toHaveLength(1);
    });

    it("not started after the signal: a grace never sends a request", async () => {
      const { h, graces } = graceHarness();
      h.controller.abort();
      const err = await failure(h.http.send({ ...createOp, graceMs: 5000 }));
      expect(err.kind).toBe("aborted");
      expect(h.calls()).toHaveLength(0);
      expect(graces).toEqual([]);
    });
  });

  it("a Retry-After beyond the deadline -> deadline at once, no sleep", async () => {
    const h = harness();
    const h2 = harness({ deadlineMs: h.clock.now() + 10_000 });
    h2.pool.intercept({ path: STATUS }).reply(429, "", { headers: { "retry-after": "30" } });
    const err = await failure(h2.http.send(statusOp));
    expect(err.kind).toBe("deadline");
    expect(err.status).toBe(429);
    expect(err.message).toContain("could not start before the run's deadline");
    expect(h2.sleeps).toEqual([]);
    expect(h2.calls()).toHaveLength(1);
  });

  it("a deadline already past -> no request", async () => {
    const h = harness();
    h.clock.advance(600_000);
    const err = await failure(h.http.send(statusOp));
    expect(err.kind).toBe("deadline");
    expect(h.calls()).toHaveLength(0);
  });

  it("retries stop at the deadline even with attempts left", async () => {
    // Every harness clock starts at the same virtual instant.
    const h = harness({ deadlineMs: virtualClock().now() + 1000, maxAttempts: 10 });
    h.pool.intercept({ path: STATUS }).reply(503, "busy").persist();
    const err = await failure(h.http.send(statusOp));
    expect(err.kind).toBe("deadline");
    expect(h.sleeps).toEqual([250, 500]);
    // 250 + 500 ms of backoff fit before the deadline; the third wait (1000 ms) does not.
    expect(h.calls()).toHaveLength(3);
  });
});

describe("secrets and redirects", () => {
  it("a server error body that echoes the token does not reach the message", async () => {
    const h = harness();
    h.pool
      .intercept({ path: CREATE, method: "POST" })
      .reply(400, { detail: `bad header Authorization: Bearer ${TOKEN} for ${TOKEN}` });
    const err = await failure(h.http.send(createOp));
    expect(err.message).not.toContain(TOKEN);
    expect(err.detail).not.toContain(TOKEN);
    expect(err.message).toContain("Authorization: ***");
  });

  it("a retried failure that echoes the token does not reach the logs", async () => {
    const h = harness();
    h.pool.intercept({ path: STATUS }).reply(503, `token ${TOKEN} overloaded`);
    h.pool.intercept({ path: STATUS }).reply(200, OK_STATUS);
    await h.http.send(statusOp);
    const all = [...h.lines.info, ...h.lines.debug, ...h.lines.warning].join("\n");
    expect(all).toContain("token *** overloaded");
    expect(all).not.toContain(TOKEN);
  });

  it.each([301, 302, 307, 308])("%i -> refused, never followed", async (status) => {
    const h = harness();
    h.pool
      .intercept({ path: STATUS })
      .reply(status, "", { headers: { location: "https://evil.example/steal" } });
    const err = await failure(h.http.send(statusOp));
    expect(err.kind).toBe("permanent");
    expect(err.message).toContain("refusing to follow a redirect");
    expect(err.message).toContain("evil.example");
    expect(h.calls()).toHaveLength(1);
  });

  it("names the scheme of an https -> http redirect", async () => {
    const h = harness();
    h.pool
      .intercept({ path: STATUS })
      .reply(301, "", { headers: { location: "http://api.friendli.test/x" } });
    const err = await failure(h.http.send(statusOp));
    expect(err.message).toContain("to http://api.friendli.test");
  });
});

describe("request shape", () => {
  it("sends auth, accept, user agent and JSON body; no team header when unset", async () => {
    const h = harness();
    h.pool.intercept({ path: CREATE, method: "POST" }).reply(200, OK_STATUS);
    await h.http.send({ ...createOp, body: { name: "n", advanced: { max_batch_size: 4 } } });
    const [call] = h.calls();
    expect(call?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(call?.headers.accept).toBe("application/json");
    expect(call?.headers["content-type"]).toBe("application/json");
    // From source; the build writes package.json's version in place of "dev" (test/dist checks it).
    expect(call?.headers["user-agent"]).toBe("friendli-deploy-action/dev");
    expect(call?.headers).not.toHaveProperty("x-friendli-team");
    expect(JSON.parse(String(call?.body))).toEqual({ name: "n", advanced: { max_batch_size: 4 } });
  });

  it("sends X-Friendli-Team when set, and no Content-Type without a body", async () => {
    const h = harness({ teamId: "team-42" });
    h.pool.intercept({ path: STATUS }).reply(200, OK_STATUS);
    await h.http.send(statusOp);
    const [call] = h.calls();
    expect(call?.headers["x-friendli-team"]).toBe("team-42");
    expect(call?.headers).not.toHaveProperty("content-type");
  });

  it("encodes the query and skips undefined values", async () => {
    const h = harness();
    h.pool.intercept({ path: (p) => p.startsWith(CREATE) }).reply(200, { data: {} });
    await h.http.send({
      operation: "list",
      method: "GET",
      path: CREATE,
      query: { project_id: "p 1&x", cursor: undefined, limit: 100 },
      retry: "idempotent",
    });
    const [call] = h.agent.getCallHistory()?.calls() ?? [];
    expect(call?.searchParams).toEqual({ project_id: "p 1&x", limit: "100" });
  });

  it("pathFor encodes segments and refuses dot segments", () => {
    expect(pathFor(CREATE, "a/b?c", "status")).toBe("/dedicated/beta/endpoint/a%2Fb%3Fc/status");
    expect(() => pathFor(CREATE, "..")).toThrow(/invalid path segment/);
    expect(() => pathFor(CREATE, "")).toThrow(/invalid path segment/);
  });

  it("raw mode returns error statuses and text bodies instead of throwing", async () => {
    const h = harness();
    h.pool
      .intercept({ path: "/dedicated/v1/chat/completions", method: "POST" })
      .reply(503, "Endpoint is unavailable");
    const res = await h.http.send({
      operation: "chat",
      method: "POST",
      path: "/dedicated/v1/chat/completions",
      body: { model: "ep1" },
      retry: "never",
      raw: true,
    });
    expect(res).toMatchObject({ status: 503, data: "Endpoint is unavailable" });
  });

  it.each([
    ["a token with a space", { token: "flp_ab cd" }, /friendli-token must be visible ASCII/],
    ["a token with a newline", { token: "flp_abcd\n" }, /friendli-token must be visible ASCII/],
    ["an empty token", { token: "" }, /friendli-token/],
    ["plain http to a remote host", { baseUrl: "http://api.friendli.ai" }, /api-url must use https/],
    ["not a URL", { baseUrl: "api.friendli.ai" }, /api-url is not a valid URL/],
  ])("refuses %s before any request", (_label, over, message) => {
    expect(() => harness(over)).toThrow(message);
    // The message never includes the token's value.
    try {
      harness(over);
    } catch (err) {
      expect(String(err)).not.toContain("flp_ab");
    }
  });

  it.each(["http://127.0.0.1:8080", "http://localhost:3000", "http://[::1]:9000"])(
    "allows loopback %s",
    (url) => {
      expect(() => harness({ baseUrl: url })).not.toThrow();
    },
  );
});

describe("error bodies", () => {
  it.each([
    ["FastAPI string detail", '{"detail":"Not enough quota"}', "Not enough quota"],
    [
      "FastAPI field errors",
      '{"detail":[{"loc":["body","name"],"msg":"field required","type":"missing"},{"loc":["query","limit"],"msg":"must be <= 100","type":"x"}]}',
      "body.name: field required; query.limit: must be <= 100",
    ],
    ["error.message", '{"error":{"message":"quota exceeded","code":"Q"}}', "quota exceeded"],
    ["OAuth style", '{"error":"invalid_token","error_description":"expired"}', "invalid_token: expired"],
    ["message", '{"message":"nope"}', "nope"],
    ["error_description", '{"error_description":"bad key"}', "bad key"],
    ["plain text", "Endpoint is unavailable\n", "Endpoint is unavailable"],
    [
      "HTML page",
      "<html><head><title>502 Bad Gateway</title></head></html>",
      "an HTML page: 502 Bad Gateway",
    ],
    ["unknown JSON", '{"foo":1}', '{"foo":1}'],
    ["JSON string", '"oops"', "oops"],
  ])("%s", (_label, body, detail) => {
    expect(errorDetail(body)).toBe(detail);
  });

  it("empty body -> no detail", () => {
    expect(errorDetail("  ")).toBeUndefined();
  });
});

describe("default dispatcher", () => {
  it("is an EnvHttpProxyAgent (honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY)", async () => {
    const d = createDefaultDispatcher();
    expect(d).toBeInstanceOf(EnvHttpProxyAgent);
    await d.close();
  });

  it("routes through HTTPS_PROXY: the proxy sees a CONNECT to the API host", async () => {
    const seen: string[] = [];
    const server: Server = createServer((socket) => {
      socket.once("data", (chunk) => {
        seen.push(chunk.toString("latin1").split("\r\n")[0] ?? "");
        socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    vi.stubEnv("HTTPS_PROXY", `http://127.0.0.1:${port}`);
    vi.stubEnv("https_proxy", `http://127.0.0.1:${port}`);
    vi.stubEnv("NO_PROXY", "");
    vi.stubEnv("no_proxy", "");
    const clock = virtualClock();
    const http = createHttp({
      baseUrl: "https://api.friendli.test",
      token: TOKEN,
      clock,
      signal: new AbortController().signal,
      deadlineMs: clock.now() + 60_000,
      log: silentLogger,
      maxAttempts: 1,
    });
    try {
      const err = await failure(http.send(statusOp));
      expect(err.kind).toBe("not-sent");
      expect(err.message).toContain("the proxy refused to connect to api.friendli.test (403)");
      expect(err.message).not.toContain(TOKEN);
      expect(seen).toEqual(["CONNECT api.friendli.test:443 HTTP/1.1"]);
    } finally {
      await http.close();
      await new Promise((r) => server.close(r));
    }
  });
});

describe("FriendliClient over the HTTP layer", () => {
  function clientHarness() {
    const h = harness();
    return { ...h, client: new FriendliClient(h.http) };
  }
  const body = {
    projectId: "p",
    name: "n",
    instanceOptionId: "TwD5AqnBSVN0",
    hfModelRepo: "org/model",
    autoscalingPolicy: { minReplica: 0, maxReplica: 1, cooldownPeriod: 300 },
    advanced: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: true },
  };

  it.each([
    ["no id (the documented shape)", OK_STATUS, undefined],
    ["an endpointId field", { ...OK_STATUS, endpointId: "dep1" }, "dep1"],
    ["an id field", { ...OK_STATUS, id: "dep2" }, "dep2"],
    ["an empty id", { ...OK_STATUS, id: "" }, undefined],
  ])("create with %s", async (_label, reply, endpointId) => {
    const h = clientHarness();
    h.pool.intercept({ path: CREATE, method: "POST" }).reply(200, reply);
    const res = await h.client.create(body);
    expect(res.endpointId).toBe(endpointId);
    expect(res.status.status).toBe("INITIALIZING");
    expect(JSON.parse(String(h.calls()[0]?.body))).toEqual(body);
  });

  it("get 404 -> ApiError 404 that says what to check", async () => {
    const h = clientHarness();
    h.pool.intercept({ path: `${CREATE}/a%2Fb` }).reply(404, { detail: "Endpoint not found" });
    const err = await failure(h.client.get("a/b"));
    expect(err.status).toBe(404);
    expect(err.message).toContain("check project-id / endpoint-id");
    expect(err.message).toContain("Endpoint not found");
  });

  it("status with maxAttempts 1 sends one request", async () => {
    const h = clientHarness();
    h.pool.intercept({ path: STATUS }).reply(503, "", { headers: { "retry-after": "5" } });
    const err = await failure(h.client.status("ep1", { maxAttempts: 1 }));
    expect(err.kind).toBe("throttled");
    expect(err.retryAfterMs).toBe(5000);
    expect(h.calls()).toHaveLength(1);
  });

  it("listAll refuses a cursor handed out twice", async () => {
    const h = clientHarness();
    h.pool
      .intercept({ path: (p) => p.startsWith(CREATE) })
      .reply(200, { data: { a: OK_STATUS }, nextCursor: "same" })
      .persist();
    const err = await failure(h.client.listAll("p"));
    expect(err.message).toContain("cursor same twice");
    expect(h.calls()).toHaveLength(2);
  });

  it("delete accepts the empty-object answer", async () => {
    const h = clientHarness();
    h.pool.intercept({ path: `${CREATE}/ep1`, method: "DELETE" }).reply(200, {});
    await expect(h.client.delete("ep1")).resolves.toBeUndefined();
  });

  it("chat and completions return status and body raw, sent once", async () => {
    const h = clientHarness();
    h.pool
      .intercept({ path: "/dedicated/v1/chat/completions", method: "POST" })
      .reply(200, { choices: [{ message: { content: "hi" } }] });
    h.pool
      .intercept({ path: "/dedicated/v1/completions", method: "POST" })
      .reply(503, "Endpoint is unavailable");
    const chat = await h.client.chat({ model: "ep1", messages: [{ role: "user", content: "hi" }] });
    expect(chat).toEqual({ status: 200, body: { choices: [{ message: { content: "hi" } }] } });
    const comp = await h.client.completions({ model: "ep1", prompt: "hi" });
    expect(comp).toEqual({ status: 503, body: "Endpoint is unavailable" });
    expect(h.calls()).toHaveLength(2);
  });

  it("chat and completions pass Retry-After on, the first one when it came twice", async () => {
    const h = clientHarness();
    h.pool
      .intercept({ path: "/dedicated/v1/chat/completions", method: "POST" })
      .reply(429, { detail: "busy" }, { headers: { "retry-after": "7" } });
    h.pool
      .intercept({ path: "/dedicated/v1/completions", method: "POST" })
      .reply(503, "", { headers: { "retry-after": ["2", "9"] } });
    expect(await h.client.chat({ model: "ep1", messages: [] })).toEqual({
      status: 429,
      body: { detail: "busy" },
      retryAfter: "7",
    });
    expect((await h.client.completions({ model: "ep1", prompt: "hi" })).retryAfter).toBe("2");
    expect(h.calls()).toHaveLength(2);
  });

  it("builds its own HTTP layer from options", () => {
    const clock = virtualClock();
    const agent = new MockAgent();
    agents.push(agent);
    const client = new FriendliClient({
      baseUrl: ORIGIN,
      token: TOKEN,
      dispatcher: agent,
      clock,
      signal: new AbortController().signal,
      deadlineMs: clock.now() + 1000,
      log: silentLogger,
    });
    expect(client.http.baseUrl).toBe(ORIGIN);
  });
});

describe("redaction survives truncation", () => {
  // Not an flp_ token, so only the secret match (not the flp_ pattern) can hide it.
  const OTHER = "s3cretValue0987654321";
  it("a token straddling the excerpt limit is still hidden", async () => {
    const h = harness({ token: OTHER });
    // The token starts just before the 200-char excerpt limit.
    h.pool.intercept({ path: STATUS }).reply(200, `${"y".repeat(190)} ${OTHER} tail`);
    const err = await failure(h.http.send({ ...statusOp, retry: "never" }));
    expect(err.message).toContain(`${"y".repeat(190)} ***`);
    expect(err.message).not.toContain(OTHER.slice(0, 9));
  });

  it("a token straddling the detail limit is still hidden", async () => {
    const h = harness({ token: OTHER });
    h.pool.intercept({ path: CREATE, method: "POST" }).reply(400, { detail: `${"z".repeat(490)} ${OTHER}` });
    const err = await failure(h.http.send(createOp));
    expect(err.message).toContain(`${"z".repeat(100)}`);
    expect(err.message).toContain("***");
    expect(err.message).not.toContain(OTHER.slice(0, 9));
  });
});
