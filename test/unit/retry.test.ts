import { describe, expect, it } from "vitest";
import { backoffDelay, retryDelay } from "../../src/base/backoff.ts";
import { MAX_TIMER_MS } from "../../src/base/clock.ts";
import type { FailureKind } from "../../src/friendli/errors.ts";
import {
  classifyNetworkError,
  classifyResponse,
  type NetworkPhase,
  parseRetryAfter,
  RequestTimeoutError,
  type RetryPolicy,
  shouldRetry,
} from "../../src/friendli/retry.ts";

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

function coded(code: string, name = "Error"): Error {
  const e = new Error(`boom ${code}`) as Error & { code: string };
  e.code = code;
  e.name = name;
  return e;
}

function proxyRefused(status: number): Error {
  const e = coded("UND_ERR_ABORTED", "AbortError");
  e.message = `Proxy response (${status}) !== 200 when HTTP Tunneling`;
  return e;
}

describe("classifyResponse", () => {
  const rows: Array<[number, boolean, RetryPolicy, FailureKind | "ok"]> = [
    [200, false, "idempotent", "ok"],
    [201, false, "create", "ok"],
    [204, false, "idempotent", "ok"],
    [301, false, "idempotent", "permanent"],
    [307, false, "create", "permanent"],
    [400, false, "create", "permanent"],
    [401, false, "idempotent", "permanent"],
    [403, false, "idempotent", "permanent"],
    [404, false, "idempotent", "permanent"],
    [408, false, "create", "not-sent"],
    [409, false, "create", "permanent"],
    [410, false, "idempotent", "permanent"],
    [422, false, "create", "permanent"],
    [429, false, "create", "throttled"],
    [429, true, "idempotent", "throttled"],
    [500, false, "idempotent", "ambiguous"],
    [502, false, "idempotent", "ambiguous"],
    [503, false, "idempotent", "ambiguous"],
    [503, true, "idempotent", "throttled"],
    [503, true, "never", "throttled"],
    // A 503 may come from a gateway after the backend acted: a create looks the name up first.
    [503, true, "create", "ambiguous"],
    [504, false, "create", "ambiguous"],
    [599, false, "idempotent", "ambiguous"],
  ];
  it.each(rows)("%i (Retry-After %s, %s) -> %s", (status, hasRetryAfter, policy, kind) => {
    expect(classifyResponse(status, hasRetryAfter, policy)).toBe(kind);
  });

  it("defaults to the idempotent reading", () => {
    expect(classifyResponse(503, true)).toBe("throttled");
  });
});

describe("classifyNetworkError", () => {
  const domAbort = new DOMException("This operation was aborted", "AbortError");
  const aggregate = new AggregateError([coded("ECONNREFUSED"), coded("ECONNREFUSED")], "connect failed");
  const wrapped = new TypeError("fetch failed", { cause: coded("ENOTFOUND") });
  const rows: Array<[string, unknown, NetworkPhase, FailureKind]> = [
    ["connect timeout", coded("UND_ERR_CONNECT_TIMEOUT", "ConnectTimeoutError"), "request", "not-sent"],
    ["refused", coded("ECONNREFUSED"), "request", "not-sent"],
    ["DNS not found", coded("ENOTFOUND"), "request", "not-sent"],
    ["DNS try again", coded("EAI_AGAIN"), "request", "not-sent"],
    ["proxy refused", coded("UND_ERR_PRX_CONN"), "request", "not-sent"],
    ["happy-eyeballs AggregateError", aggregate, "request", "not-sent"],
    ["cause chain", wrapped, "request", "not-sent"],
    ["socket closed", coded("UND_ERR_SOCKET", "SocketError"), "request", "ambiguous"],
    ["reset", coded("ECONNRESET"), "request", "ambiguous"],
    ["headers timeout", coded("UND_ERR_HEADERS_TIMEOUT"), "request", "ambiguous"],
    ["body timeout", coded("UND_ERR_BODY_TIMEOUT"), "body", "ambiguous"],
    ["our request timeout", new RequestTimeoutError(30_000), "request", "ambiguous"],
    ["refused while reading body (cannot happen, still safe)", coded("ECONNREFUSED"), "body", "ambiguous"],
    ["unknown error", new Error("weird"), "request", "ambiguous"],
    ["a thrown string", "weird", "request", "ambiguous"],
    ["DOMException AbortError", domAbort, "request", "aborted"],
    ["undici RequestAbortedError", coded("UND_ERR_ABORTED", "AbortError"), "request", "aborted"],
    ["abort while reading body", domAbort, "body", "aborted"],
    ["proxy refused the tunnel", proxyRefused(403), "request", "not-sent"],
    ["proxy wants credentials", proxyRefused(407), "request", "permanent"],
    ["untrusted certificate", coded("SELF_SIGNED_CERT_IN_CHAIN"), "request", "permanent"],
    ["expired certificate", coded("CERT_HAS_EXPIRED"), "request", "permanent"],
  ];
  it.each(rows)("%s -> %s", (_label, err, phase, kind) => {
    expect(classifyNetworkError(err, phase)).toBe(kind);
  });
});

describe("parseRetryAfter", () => {
  const rows: Array<[string, string | undefined, number | undefined]> = [
    ["absent", undefined, undefined],
    ["empty", "", undefined],
    ["seconds", "3", 3000],
    ["zero", "0", 0],
    ["padded", " 7 ", 7000],
    ["fraction", "1.5", 1500],
    ["huge seconds (clamped later)", "86400", 86_400_000],
    ["HTTP-date 10 s ahead", new Date(NOW + 10_000).toUTCString(), 10_000],
    ["HTTP-date in the past", new Date(NOW - 10_000).toUTCString(), 0],
    ["RFC 850 date", "Thursday, 01-Jan-26 12:00:05 GMT", 5000],
    ["asctime date", "Thu Jan  1 12:00:20 2026", 20_000],
    ["negative", "-1", undefined],
    ["garbage", "soon", undefined],
    ["a bare year", "2026", 2_026_000],
    ["number with unit", "5s", undefined],
    ["hex", "0x10", undefined],
    ["date without time", "Thu, 01 Jan 2026", undefined],
  ];
  it.each(rows)("%s (%j) -> %j", (_label, value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });
});

describe("backoffDelay", () => {
  const rows: Array<[number, number, number]> = [
    // [attempt, random, expected]: full jitter: random * min(cap, 500 * 2^(attempt-1))
    [1, 0, 0],
    [1, 0.5, 250],
    [1, 0.999999, 499],
    [2, 0.999999, 999],
    [3, 0.5, 1000],
    [6, 0.999999, 15_999],
    [7, 0.999999, 19_999],
    [7, 0.5, 10_000],
    [50, 0.999999, 19_999],
    [1e9, 0.5, 10_000],
  ];
  it.each(rows)("attempt %i, random %d -> %i ms", (attempt, r, ms) => {
    expect(backoffDelay(attempt, () => r)).toBe(ms);
  });

  it("stays within [0, cap) for every attempt and random value", () => {
    for (let attempt = 1; attempt <= 60; attempt++) {
      for (const r of [0, 0.1, 0.5, 0.9, 0.999999999]) {
        const d = backoffDelay(attempt, () => r, { baseMs: 100, capMs: 5000 });
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(5000);
        expect(d).toBeLessThan(100 * 2 ** (attempt - 1));
      }
    }
  });

  it("ignores a random source that strays outside [0, 1]", () => {
    expect(backoffDelay(1, () => 2)).toBe(500);
    expect(backoffDelay(1, () => -1)).toBe(0);
  });
});

describe("retryDelay", () => {
  const far = NOW + 3_600_000;
  const rows: Array<[string, Parameters<typeof retryDelay>[0], number | undefined]> = [
    ["backoff when no Retry-After", { attempt: 2, random: () => 0.5, nowMs: NOW, deadlineMs: far }, 500],
    [
      "Retry-After wins over backoff",
      { attempt: 1, retryAfterMs: 3000, random: () => 0.9, nowMs: NOW, deadlineMs: far },
      3000,
    ],
    // Obeying 0 literally would be a request loop: the floor is 1 s.
    ["Retry-After 0", { attempt: 1, retryAfterMs: 0, random: () => 0.9, nowMs: NOW, deadlineMs: far }, 1000],
    [
      "huge Retry-After clamped to 60 s",
      { attempt: 1, retryAfterMs: 86_400_000, random: () => 0.5, nowMs: NOW, deadlineMs: far },
      60_000,
    ],
    [
      "custom clamp",
      {
        attempt: 1,
        retryAfterMs: 9000,
        maxRetryAfterMs: 5000,
        random: () => 0.5,
        nowMs: NOW,
        deadlineMs: far,
      },
      5000,
    ],
    [
      "clamp never exceeds the timer limit",
      {
        attempt: 1,
        retryAfterMs: 2 ** 40,
        maxRetryAfterMs: 2 ** 40,
        random: () => 0.5,
        nowMs: NOW,
        deadlineMs: NOW + 2 ** 41,
      },
      MAX_TIMER_MS,
    ],
    [
      "Retry-After past the deadline -> give up",
      { attempt: 1, retryAfterMs: 30_000, random: () => 0.5, nowMs: NOW, deadlineMs: NOW + 10_000 },
      undefined,
    ],
    [
      "Retry-After exactly at the deadline -> give up",
      { attempt: 1, retryAfterMs: 10_000, random: () => 0.5, nowMs: NOW, deadlineMs: NOW + 10_000 },
      undefined,
    ],
    [
      "Retry-After just before the deadline",
      { attempt: 1, retryAfterMs: 9999, random: () => 0.5, nowMs: NOW, deadlineMs: NOW + 10_000 },
      9999,
    ],
    [
      "backoff past the deadline -> give up",
      { attempt: 6, random: () => 0.9, nowMs: NOW, deadlineMs: NOW + 1000 },
      undefined,
    ],
    ["deadline already passed", { attempt: 1, random: () => 0, nowMs: NOW, deadlineMs: NOW - 1 }, undefined],
    [
      "negative Retry-After (a date in the past) gets the 1 s floor",
      { attempt: 1, retryAfterMs: -5, random: () => 0.5, nowMs: NOW, deadlineMs: far },
      1000,
    ],
  ];
  it.each(rows)("%s", (_label, input, ms) => {
    expect(retryDelay(input)).toBe(ms);
  });
});

describe("shouldRetry", () => {
  const kinds: FailureKind[] = ["not-sent", "throttled", "ambiguous", "permanent", "aborted", "deadline"];
  const allowed: Record<RetryPolicy, FailureKind[]> = {
    idempotent: ["not-sent", "throttled", "ambiguous"],
    create: ["not-sent", "throttled"],
    never: [],
  };
  const rows = (Object.keys(allowed) as RetryPolicy[]).flatMap((policy) =>
    kinds.map((kind) => [policy, kind, allowed[policy].includes(kind)] as const),
  );
  it.each(rows)("%s + %s -> %s", (policy, kind, expected) => {
    expect(shouldRetry(kind, policy, 1, 4)).toBe(expected);
  });

  it("stops when the attempts are used up", () => {
    expect(shouldRetry("throttled", "idempotent", 3, 4)).toBe(true);
    expect(shouldRetry("throttled", "idempotent", 4, 4)).toBe(false);
    expect(shouldRetry("not-sent", "create", 1, 1)).toBe(false);
  });
});
