// The smoke test against the real simulator, on one virtual clock: the simulator derives warm-up
// and lifecycle from the same clock the retry loop sleeps on, so every wait is instant and exact.
import { afterEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/base/log.ts";
import { FriendliClient } from "../../src/friendli/client.ts";
import { ApiError } from "../../src/friendli/errors.ts";
import { excerpt } from "../../src/smoke/answer.ts";
import { saysNoChatTemplate } from "../../src/smoke/decide.ts";
import { type SmokeTestResult, smokeTest } from "../../src/smoke/smoke-test.ts";
import { type ScenarioInput, type Simulator, startSimulator } from "../simulator/index.ts";
import { virtualClock } from "../support/clock.ts";

const TOKEN = "flp_smokeTestSecretToken42";
const PROJECT = "demo-project";
const PROMPT = "Say hello in one short sentence.";
const CHAT = "/dedicated/v1/chat/completions";
const COMPLETIONS = "/dedicated/v1/completions";
const HOUR = 3_600_000;
/** What every smoke-test request adds to ask for a measured, streamed answer. */
const STREAMED = { stream: true, stream_options: { include_usage: true } };

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function recorder(onInfo?: (line: string) => void) {
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => {
      lines.push(m);
      onInfo?.(m);
    },
    warning: (m) => lines.push(`warning: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
  };
  return { log, lines, retries: () => lines.filter((l) => /attempt \d+ after/.test(l)) };
}

async function setup(
  scenario: ScenarioInput = {},
  opts: { token?: string; teamId?: string; deadlineInMs?: number; onInfo?: (line: string) => void } = {},
) {
  const clock = virtualClock();
  sim = await startSimulator({ clock, scenario });
  const controller = new AbortController();
  const t0 = clock.now();
  const deadlineMs = t0 + (opts.deadlineInMs ?? HOUR);
  const rec = recorder(opts.onInfo);
  const client = new FriendliClient({
    baseUrl: sim.url,
    token: opts.token ?? TOKEN,
    teamId: opts.teamId,
    clock,
    signal: controller.signal,
    deadlineMs,
    log: rec.log,
  });
  const s = sim;
  return {
    sim: s,
    clock,
    controller,
    t0,
    deadlineMs,
    ...rec,
    /** A RUNNING endpoint; minReplica 1 so it never cools down into SLEEPING mid-test. */
    seedRunning: (hfModelRepo?: string) =>
      s.seed({ name: "smoke", projectId: PROJECT, hfModelRepo, autoscalingPolicy: { minReplica: 1 } }),
    /**
     * An endpoint that reaches RUNNING from initialisation, so the scenario's warm-up applies
     * (seeded RUNNING endpoints count as long warmed up).
     */
    seedJustRunning: (hfModelRepo?: string) => {
      const id = s.seed({
        name: "smoke",
        projectId: PROJECT,
        hfModelRepo,
        status: "INITIALIZING",
        phase: "ENGINE_INITIALIZING",
        autoscalingPolicy: { minReplica: 1 },
      });
      clock.advance(s.scenario.lifecycleMs.engineInitializing);
      expect(s.endpoints()[0]?.status).toBe("RUNNING");
      return id;
    },
    run: (endpointId: string, extra: Partial<Parameters<typeof smokeTest>[0]> = {}) =>
      smokeTest({
        client,
        endpointId,
        prompt: PROMPT,
        clock,
        signal: controller.signal,
        deadlineMs,
        log: rec.log,
        ...extra,
      }),
  };
}

/** [route, status, ms after `from`] for each request the simulator saw. */
function seen(s: Simulator, from: number) {
  return s.requests.map((r) => [r.route, r.status, r.at - from]);
}

function failure(r: SmokeTestResult): Extract<SmokeTestResult, { ok: false }> {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r)}`);
  return r;
}

describe("smokeTest through the simulator", () => {
  it("passes on the first try: one chat request with model = endpoint id and a small max_tokens", async () => {
    const t = await setup();
    const id = t.seedRunning();
    const t1 = t.clock.now();
    const r = await t.run(id);
    expect(r).toEqual({
      ok: true,
      route: "chat",
      reply: `Hello from simulated endpoint ${id}.`,
      latencyMs: 0,
      ttftMs: 0,
      outputTokens: 5,
    });
    expect(seen(t.sim, t1)).toEqual([["chat", 200, 0]]);
    const req = t.sim.requests[0];
    expect(req?.method).toBe("POST");
    expect(req?.path).toBe(CHAT);
    expect(req?.body).toEqual({
      model: id,
      messages: [{ role: "user", content: PROMPT }],
      max_tokens: 16,
      ...STREAMED,
    });
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(t.clock.now()).toBe(t1);
    expect(t.retries()).toEqual([]);
  });

  it("sends the max_tokens it is given", async () => {
    const t = await setup();
    const id = t.seedRunning();
    expect((await t.run(id, { maxTokens: 4 })).ok).toBe(true);
    expect(t.sim.requests[0]?.body).toMatchObject({ model: id, max_tokens: 4 });
  });

  it("retries through the warm-up 503s with a short backoff, then passes; waits are not latency", async () => {
    const t = await setup({ warmupMs: 5000 });
    const id = t.seedJustRunning();
    const t1 = t.clock.now();
    const r = await t.run(id);
    expect(r).toMatchObject({ ok: true, route: "chat", latencyMs: 0 });
    // Full jitter with the virtual clock's random 0.5: half of 1 s, 2 s, 4 s, 8 s.
    expect(seen(t.sim, t1)).toEqual([
      ["chat", 503, 0],
      ["chat", 503, 500],
      ["chat", 503, 1500],
      ["chat", 503, 3500],
      ["chat", 200, 7500],
    ]);
    expect(t.clock.now() - t1).toBe(7500);
    for (const req of t.sim.requests) {
      expect(req.body).toEqual({
        model: id,
        messages: [{ role: "user", content: PROMPT }],
        max_tokens: 16,
        ...STREAMED,
      });
    }
    const retries = t.retries();
    expect(retries).toHaveLength(4);
    expect(retries[0]).toBe(
      "Smoke test (chat): attempt 2 after 503, waiting 0.5s; warm-up window ends in 2m 00s",
    );
    expect(retries[3]).toMatch(/^Smoke test \(chat\): attempt 5 after 503, waiting 4s;/);
    for (const line of t.lines) expect(line).not.toContain("\n");
  });

  it("honours Retry-After on a 429: exactly one wait of 3 s, then exactly one more request", async () => {
    const t = await setup();
    const id = t.seedRunning();
    t.sim.inject({ route: "chat", fault: { kind: "status", status: 429, retryAfter: "3" } });
    const t1 = t.clock.now();
    const r = await t.run(id);
    expect(r).toMatchObject({ ok: true, route: "chat", latencyMs: 0 });
    expect(seen(t.sim, t1)).toEqual([
      ["chat", 429, 0],
      ["chat", 200, 3000],
    ]);
    expect(t.retries()).toEqual([
      "Smoke test (chat): attempt 2 after 429, waiting 3s (Retry-After); warm-up window ends in 2m 00s",
    ]);
  });

  it("honours a Retry-After HTTP-date on a 503", async () => {
    const t = await setup();
    const id = t.seedRunning();
    const at = new Date(t.clock.now() + 7000).toUTCString();
    t.sim.inject({ route: "chat", times: 2, fault: { kind: "status", status: 503, retryAfter: at } });
    const t1 = t.clock.now();
    expect((await t.run(id)).ok).toBe(true);
    // The second 503 comes at the date itself: "now" (0 ms) is floored to a short pause.
    expect(seen(t.sim, t1)).toEqual([
      ["chat", 503, 0],
      ["chat", 503, 7000],
      ["chat", 200, 7100],
    ]);
  });

  it("clamps a Retry-After longer than the window: the last attempt lands on the window's end", async () => {
    const t = await setup();
    const id = t.seedRunning();
    t.sim.inject({ route: "chat", fault: { kind: "status", status: 429, retryAfter: "600" } });
    const t1 = t.clock.now();
    expect((await t.run(id, { warmupMs: 10_000 })).ok).toBe(true);
    expect(seen(t.sim, t1)).toEqual([
      ["chat", 429, 0],
      ["chat", 200, 10_000],
    ]);
  });

  it("falls back to completions when the model has no chat template", async () => {
    const repo = "example-org/base-model";
    const t = await setup({ noChatTemplate: [repo] });
    const id = t.seedRunning(repo);
    const t1 = t.clock.now();
    const r = await t.run(id);
    expect(r).toEqual({
      ok: true,
      route: "completions",
      reply: "is a simulated completion.",
      latencyMs: 0,
      ttftMs: 0,
      outputTokens: 4,
    });
    expect(seen(t.sim, t1)).toEqual([
      ["chat", 400, 0],
      ["completions", 200, 0],
    ]);
    expect(t.sim.requests[1]?.path).toBe(COMPLETIONS);
    expect(t.sim.requests[1]?.body).toEqual({ model: id, prompt: PROMPT, max_tokens: 16, ...STREAMED });
    expect(t.lines.some((l) => l.includes("no chat template") && l.includes(COMPLETIONS))).toBe(true);
  });

  it("falls back after warming up on chat, and keeps the same window for completions", async () => {
    const repo = "example-org/base-model";
    const t = await setup({ noChatTemplate: [repo], warmupMs: 1000 });
    const id = t.seedJustRunning(repo);
    const t1 = t.clock.now();
    const r = await t.run(id);
    expect(r).toMatchObject({ ok: true, route: "completions" });
    expect(seen(t.sim, t1)).toEqual([
      ["chat", 503, 0],
      ["chat", 503, 500],
      ["chat", 400, 1500],
      ["completions", 200, 1500],
    ]);
  });

  it("fails with what came back when 503 persists past the warm-up window", async () => {
    const t = await setup({ warmupMs: 10 * 60_000 });
    const id = t.seedJustRunning();
    const t1 = t.clock.now();
    const r = failure(await t.run(id, { warmupMs: 20_000 }));
    // Every failure but a missed gate is the first check's: no usable reply within the window.
    expect(r.check).toBe("answer");
    expect(r.status).toBe(503);
    expect(r.message).toBe(
      `smoke test failed: POST ${CHAT} still answered 503 (Endpoint is unavailable) after the 20s warm-up window (8 attempts)`,
    );
    // Backoff capped at half of 10 s, the last wait cut to the window's end.
    expect(seen(t.sim, t1).map((x) => x[2])).toEqual([0, 500, 1500, 3500, 7500, 12_500, 17_500, 20_000]);
    expect(t.clock.now() - t1).toBe(20_000);
  });

  it("fails at once on 401, with the server's detail and a hint", async () => {
    const t = await setup({}, { token: "not-a-friendli-token" });
    const id = t.seedRunning();
    const t1 = t.clock.now();
    const r = failure(await t.run(id));
    expect(r.status).toBe(401);
    expect(r.check).toBe("answer");
    expect(r.message).toBe(
      `smoke test failed: POST ${CHAT} answered 401 (Invalid API key): check the friendli-token secret`,
    );
    expect(t.sim.requests).toHaveLength(1);
    expect(t.clock.now()).toBe(t1);
  });

  it("fails at once on 403 (a team the token may not act in)", async () => {
    const t = await setup({}, { teamId: "someone-elses-team" });
    const id = t.seedRunning();
    const r = failure(await t.run(id));
    expect(r.status).toBe(403);
    expect(r.check).toBe("answer");
    expect(r.message).toContain(`POST ${CHAT} answered 403`);
    expect(r.message).toContain("check team-id");
    expect(t.sim.requests).toHaveLength(1);
  });

  it("fails at once on 404 for an endpoint id the inference API does not know", async () => {
    const t = await setup();
    t.seedRunning();
    const r = failure(await t.run("depdoesnotexist"));
    expect(r.status).toBe(404);
    expect(r.check).toBe("answer");
    expect(r.message).toMatch(/answered 404 \(.+\): the inference API does not know this endpoint id$/);
    expect(t.sim.requests).toHaveLength(1);
  });

  it("fails by the deadline when the endpoint never serves (not RUNNING: 503 forever)", async () => {
    const t = await setup({}, { deadlineInMs: 10_000 });
    const id = t.seedRunning();
    t.sim.setState(id, { status: "INITIALIZING", phase: "ENGINE_INITIALIZING" });
    const r = failure(await t.run(id));
    expect(r.check).toBe("answer");
    expect(r.status).toBe(503);
    expect(r.message).toBe(
      `smoke test failed: POST ${CHAT} answered 503 (Endpoint is unavailable), and the run's deadline leaves no time to try again (5 attempts)`,
    );
    // The next wait (5 s at 7.5 s) would cross the 10 s deadline: no sleep in vain.
    expect(seen(t.sim, t.t0).map((x) => x[2])).toEqual([0, 500, 1500, 3500, 7500]);
    expect(t.clock.now()).toBeLessThan(t.deadlineMs);
  });

  it("fails when the deadline has already passed, without sending anything", async () => {
    const t = await setup({}, { deadlineInMs: 1000 });
    const id = t.seedRunning();
    t.clock.advance(1000);
    const r = failure(await t.run(id));
    expect(r.check).toBe("answer");
    expect(r.message).toContain("deadline");
    expect(t.sim.requests).toHaveLength(0);
  });

  it("fails on a 200 whose body is not a completion, quoting it", async () => {
    const t = await setup();
    const id = t.seedRunning();
    t.sim.inject({ route: "chat", fault: { kind: "non-json" } });
    const r = failure(await t.run(id));
    expect(r.check).toBe("answer");
    expect(r.status).toBe(200);
    expect(r.message).toContain(
      `POST ${CHAT} answered 200 with a body that has no choices[0].message.content`,
    );
    expect(r.message).toContain("<title>Maintenance</title>");
    expect(t.sim.requests).toHaveLength(1);
  });

  it("never lets the token out, even when the server echoes it", async () => {
    const t = await setup();
    const id = t.seedRunning();
    t.sim.inject({
      route: "chat",
      fault: {
        kind: "status",
        status: 400,
        body: `bad request from Authorization: Bearer ${TOKEN} (${TOKEN})`,
      },
    });
    const r = failure(await t.run(id));
    expect(r.status).toBe(400);
    expect(r.message).toContain(`POST ${CHAT} answered 400 (bad request from Authorization: ***`);
    expect(r.message).not.toContain(TOKEN);
    expect(t.lines.join("\n")).not.toContain(TOKEN);
  });

  it("retries a connection reset within the window", async () => {
    const t = await setup();
    const id = t.seedRunning();
    t.sim.inject({ route: "chat", fault: { kind: "reset", when: "before" } });
    const t1 = t.clock.now();
    expect(await t.run(id)).toMatchObject({ ok: true, route: "chat" });
    expect(seen(t.sim, t1)).toEqual([
      ["chat", "reset", 0],
      ["chat", 200, 500],
    ]);
    expect(t.retries()[0]).toMatch(/^Smoke test \(chat\): attempt 2 after a network error, waiting 0\.5s;/);
  });

  it("retries a 500 like a 503: an engine coming up answers either", async () => {
    const t = await setup();
    const id = t.seedRunning();
    t.sim.inject({ route: "chat", fault: { kind: "status", status: 503, body: "x" } });
    t.sim.inject({ route: "chat", after: 1, fault: { kind: "status", status: 500 } });
    const t1 = t.clock.now();
    expect((await t.run(id)).ok).toBe(true);
    expect(seen(t.sim, t1).map((x) => x[1])).toEqual([503, 500, 200]);
  });

  it("cancellation is not a verdict: it throws the aborted error and sends nothing more", async () => {
    let controller: AbortController | undefined;
    const t = await setup(
      { warmupMs: 60_000 },
      { onInfo: (line) => (/attempt 2 after/.test(line) ? controller?.abort() : undefined) },
    );
    controller = t.controller;
    const id = t.seedJustRunning();
    const err = await t.run(id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe("aborted");
    expect(t.sim.requests).toHaveLength(1);
  });
});

describe("recognising a model without a chat template", () => {
  it.each([
    [
      400,
      "This model does not support chat completions: its tokenizer_config.json has no chat_template.",
      true,
    ],
    [422, "Chat template is missing", true],
    [404, "no chat template for this model", true],
    [400, "template error: cannot render", true],
    [422, "template rendering failed", true],
    [404, "template not found", false],
    [400, "max_tokens must be positive", false],
    [401, "chat_template", false],
    [503, "chat_template", false],
    [400, undefined, false],
  ])("%i %j → %s", (status, detail, expected) => {
    expect(saysNoChatTemplate(status, detail)).toBe(expected);
  });
});

describe("excerpt", () => {
  it("trims, and cuts long replies by code point", () => {
    expect(excerpt("  hi there \n")).toBe("hi there");
    expect(excerpt(`${"😀".repeat(5)}`, 3)).toBe("😀😀😀…");
  });
});

describe("the measured smoke test", () => {
  it("streams, and reports time to first token, output tokens and tokens per second", async () => {
    const t = await setup();
    const id = t.seedRunning();
    t.sim.setTtftMs(750);
    const r = await t.run(id);
    expect(r).toEqual({
      ok: true,
      route: "chat",
      reply: `Hello from simulated endpoint ${id}.`,
      latencyMs: 750,
      ttftMs: 750,
      outputTokens: 5,
      tokensPerSecond: 6.7,
    });
    expect(t.lines.at(-1)).toBe(
      "Smoke test passed: chat answered 200 in 750 ms after 1 attempt (first token after 750 ms, 5 output tokens, 6.7 tokens/s)",
    );
  });

  it("starts on the route it is given (no chat template known from the pre-flight)", async () => {
    const t = await setup();
    const id = t.seedRunning();
    const r = await t.run(id, { route: "completions" });
    expect(r).toMatchObject({ ok: true, route: "completions", outputTokens: 4 });
    expect(t.sim.requests.map((q) => q.route)).toEqual(["completions"]);
  });

  it("stream: false sends a plain request and measures latency only", async () => {
    const t = await setup();
    const id = t.seedRunning();
    const r = await t.run(id, { stream: false });
    expect(r).toEqual({
      ok: true,
      route: "chat",
      reply: `Hello from simulated endpoint ${id}.`,
      latencyMs: 0,
    });
    expect(t.sim.requests[0]?.body).not.toHaveProperty("stream");
  });

  it("smoke-test-expect: a reply without the text fails, quoting the reply", async () => {
    const t = await setup();
    const id = t.seedRunning();
    expect((await t.run(id, { expect: "simulated endpoint" })).ok).toBe(true);
    const r = failure(await t.run(id, { expect: "Bonjour" }));
    expect(r.check).toBe("expect");
    expect(r.message).toBe(
      `smoke test failed: the reply does not contain the smoke-test-expect text "Bonjour" (reply: "Hello from simulated endpoint ${id}.")`,
    );
    expect(r.status).toBe(200);
  });

  it("smoke-test-max-ttft-ms: a slow first token fails, one at the limit passes", async () => {
    const t = await setup();
    const id = t.seedRunning();
    t.sim.setTtftMs(900);
    expect((await t.run(id, { maxTtftMs: 900 })).ok).toBe(true);
    const r = failure(await t.run(id, { maxTtftMs: 899 }));
    expect(r.check).toBe("max-ttft");
    expect(r.message).toBe(
      "smoke test failed: the first token came after 900 ms, over smoke-test-max-ttft-ms (899 ms)",
    );
  });

  it("a max TTFT cannot be met without streaming", async () => {
    const t = await setup();
    const id = t.seedRunning();
    const r = failure(await t.run(id, { stream: false, maxTtftMs: 5000 }));
    expect(r.message).toMatch(/did not stream/);
    expect(r.check).toBe("max-ttft");
  });
});
