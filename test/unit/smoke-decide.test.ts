// The smoke test's decision after an attempt that did not pass: fail, fall back, or wait and retry.
import { describe, expect, it } from "vitest";
import {
  afterAttempt,
  deadlineFailure,
  isTransientStatus,
  type SmokeOutcome,
  type SmokeTimes,
  type Smoking,
} from "../../src/smoke/decide.ts";

const HOUR = 3_600_000;
const start: Smoking = { route: "chat", fellBack: "", attempt: 1, total: 1 };
const times: SmokeTimes = {
  now: 0,
  windowEnd: 120_000,
  warmupMs: 120_000,
  deadlineMs: HOUR,
  random: () => 0.5,
};
const answer = (
  status: number,
  over: Partial<Extract<SmokeOutcome, { kind: "answer" }>> = {},
): SmokeOutcome => ({
  kind: "answer",
  status,
  ...over,
});
const error = (
  errorKind: Extract<SmokeOutcome, { kind: "error" }>["errorKind"],
  status?: number,
): SmokeOutcome => ({
  kind: "error",
  errorKind,
  message: `request ${errorKind}`,
  status,
});

interface Expected {
  kind: "fail" | "fallback" | "retry";
  waitMs?: number;
  /** The failure's message, or the retry's log line. */
  text?: RegExp;
  status?: number;
  last?: Smoking["last"];
}

describe("afterAttempt", () => {
  it.each<[string, Partial<Smoking>, SmokeOutcome, Partial<SmokeTimes>, Expected]>([
    // Warming up: wait with full jitter (random 0.5 of the ceiling), the ceiling doubling per attempt.
    [
      "503 on the first attempt: half of the 1 s ceiling",
      {},
      answer(503),
      {},
      {
        kind: "retry",
        waitMs: 500,
        text: /^Smoke test \(chat\): attempt 2 after 503, waiting 0\.5s; warm-up/,
      },
    ],
    [
      "503 on the third attempt: half of 4 s",
      { attempt: 3, total: 3 },
      answer(503),
      {},
      { kind: "retry", waitMs: 2000 },
    ],
    [
      "503 on the ninth attempt: the backoff's 10 s cap",
      { attempt: 9 },
      answer(503),
      {},
      { kind: "retry", waitMs: 5000 },
    ],
    [
      "500 is retried like 503",
      {},
      answer(500),
      {},
      { kind: "retry", waitMs: 500, last: { text: "500", status: 500 } },
    ],
    [
      "429 with Retry-After: waits what it says",
      {},
      answer(429, { retryAfter: "3" }),
      {},
      { kind: "retry", waitMs: 3000, text: /after 429, waiting 3s \(Retry-After\)/ },
    ],
    [
      "503 with an HTTP-date Retry-After",
      {},
      answer(503, { retryAfter: "Thu, 01 Jan 1970 00:00:07 GMT" }),
      {},
      { kind: "retry", waitMs: 7000 },
    ],
    // The smoke test's own limits: a 100 ms floor and the warm-up window as the ceiling.
    [
      "Retry-After: 0 gets the 100 ms floor",
      {},
      answer(429, { retryAfter: "0" }),
      {},
      { kind: "retry", waitMs: 100 },
    ],
    [
      "a jitter of 0 gets the 100 ms floor",
      {},
      answer(503),
      { random: () => 0 },
      { kind: "retry", waitMs: 100 },
    ],
    [
      "a Retry-After past the window: the wait ends on the window's end",
      {},
      answer(503, { retryAfter: "600" }),
      { now: 100_000 },
      { kind: "retry", waitMs: 20_000, text: /warm-up window ends in 20s$/ },
    ],
    [
      "the window is over: fails with what came back",
      { total: 7 },
      answer(503, { detail: "engine warming up" }),
      { now: 120_000 },
      {
        kind: "fail",
        text: /^POST \/dedicated\/v1\/chat\/completions still answered 503 \(engine warming up\) after the 2m 00s warm-up window \(7 attempts\)$/,
        status: 503,
      },
    ],
    [
      "the deadline comes before the wait ends",
      {},
      answer(503),
      { deadlineMs: 500 },
      {
        kind: "fail",
        text: /answered 503, and the run's deadline leaves no time to try again \(1 attempt\)$/,
        status: 503,
      },
    ],
    // Answers that will not change.
    [
      "401: fails at once, with the detail and a hint",
      {},
      answer(401, { detail: "bad token" }),
      {},
      { kind: "fail", text: /answered 401 \(bad token\): check the friendli-token secret$/, status: 401 },
    ],
    ["501: never changes", {}, answer(501), {}, { kind: "fail", text: /answered 501$/, status: 501 }],
    [
      "400 naming the chat template, on chat: falls back",
      {},
      answer(400, { detail: "no chat_template" }),
      {},
      {
        kind: "fallback",
        text: /^Smoke test: chat answered 400 \(no chat_template\); the model has no chat template/,
      },
    ],
    [
      "the same on completions: fails",
      { route: "completions" },
      answer(400, { detail: "no chat_template" }),
      {},
      {
        kind: "fail",
        text: /^POST \/dedicated\/v1\/completions answered 400 \(no chat_template\)$/,
        status: 400,
      },
    ],
    // Request errors.
    [
      "connection refused: retried, the last status forgotten",
      { last: { text: "503", status: 503 } },
      error("not-sent"),
      {},
      { kind: "retry", waitMs: 500, text: /after a network error/, last: { text: "request not-sent" } },
    ],
    ["connection reset: retried", {}, error("ambiguous"), {}, { kind: "retry", waitMs: 500 }],
    [
      "a network error after the window: fails without a status",
      { last: { text: "503", status: 503 } },
      error("not-sent"),
      { now: 120_000 },
      { kind: "fail", text: /still answered request not-sent after/, status: undefined },
    ],
    [
      "a refused redirect: fails at once",
      {},
      error("permanent"),
      {},
      { kind: "fail", text: /^request permanent$/, status: undefined },
    ],
    [
      "a throttled error: fails at once with its status",
      {},
      error("throttled", 429),
      {},
      { kind: "fail", status: 429 },
    ],
    [
      "the run's deadline: fails with the last status seen",
      { total: 3, last: { text: "503", status: 503 } },
      error("deadline"),
      {},
      { kind: "fail", text: /^request deadline \(3 attempts\)$/, status: 503 },
    ],
  ])("%s", (_what, over, got, at, want) => {
    const s = { ...start, ...over };
    const step = afterAttempt(s, got, { ...times, ...at });
    expect(step.kind).toBe(want.kind);
    if (step.kind === "fail") {
      if (want.text) expect(step.message).toMatch(want.text);
      expect(step.status).toBe(want.status);
    }
    if (step.kind === "retry") {
      if (want.waitMs !== undefined) expect(step.waitMs).toBe(want.waitMs);
      if (want.text) expect(step.note).toMatch(want.text);
      // The retry keeps the route and counts, and remembers what this attempt got.
      expect(step.next).toMatchObject({ route: s.route, attempt: s.attempt, total: s.total });
      if (want.last) expect(step.next.last).toEqual(want.last);
      expect(step.debug).toBe(`Smoke test (${s.route}): attempt ${s.total}: ${step.next.last?.text}`);
    }
    if (step.kind === "fallback") {
      if (want.text) expect(step.note).toMatch(want.text);
      expect(step.next).toEqual({
        route: "completions",
        fellBack: "the model has no chat template (chat answered 400), and ",
        attempt: 0,
        total: s.total,
      });
    }
  });

  it("asks for jitter only when the server did not say how long to wait", () => {
    let draws = 0;
    const random = () => {
      draws++;
      return 0.5;
    };
    afterAttempt(start, answer(429, { retryAfter: "2" }), { ...times, random });
    expect(draws).toBe(0);
    afterAttempt(start, answer(429, { retryAfter: "soon" }), { ...times, random });
    expect(draws).toBe(1);
  });
});

describe("deadlineFailure", () => {
  it.each<[string, Partial<Smoking>, string, number | undefined]>([
    [
      "before any attempt",
      { attempt: 0, total: 0 },
      "the run's deadline passed before POST /dedicated/v1/chat/completions answered (0 attempts)",
      undefined,
    ],
    [
      "after a 503",
      { route: "completions", total: 4, last: { text: "503", status: 503 } },
      "the run's deadline passed before POST /dedicated/v1/completions answered; last: 503 (4 attempts)",
      503,
    ],
  ])("%s", (_what, over, message, status) => {
    expect(deadlineFailure({ ...start, ...over })).toEqual({ kind: "fail", message, status });
  });
});

describe("isTransientStatus", () => {
  it.each<[number, boolean]>([
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
    [400, false],
    [404, false],
    [408, false],
  ])("%i → %s", (status, transient) => {
    expect(isTransientStatus(status)).toBe(transient);
  });
});
