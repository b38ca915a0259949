// The waiter's pure pieces: what a failed poll means, the update-settle rule, the timeline.
import { describe, expect, it } from "vitest";
import { ApiError, type FailureKind } from "../../src/friendli/errors.ts";
import { classifyPollFailure, type PollFailureContext } from "../../src/wait/poll-failure.ts";
import { mayBeOldVersion } from "../../src/wait/status-table.ts";
import { closeOpenSpan, extendTimeline, timelineText } from "../../src/wait/timeline.ts";

const ctx: PollFailureContext = {
  endpointId: "ep1",
  target: "running",
  aborted: false,
  msWaited: 10_000,
  notFoundGraceMs: 30_000,
  failuresBefore: 0,
  maxFailures: 5,
  where: "last status INITIALIZING",
};
const apiError = (kind: FailureKind, status?: number, retryAfterMs?: number) =>
  new ApiError({ kind, operation: "status", message: "m", status, retryAfterMs });

describe("classifyPollFailure", () => {
  it.each<[string, unknown, Partial<PollFailureContext>, string, string?]>([
    ["the run was cancelled", new Error("x"), { aborted: true }, "cancelled"],
    ["an aborted request", apiError("aborted"), {}, "cancelled"],
    ["the run's deadline", apiError("deadline"), {}, "timed-out"],
    ["404 while waiting for a delete: gone", apiError("permanent", 404), { target: "gone" }, "gone"],
    ["404 early: a lagging create, tolerated", apiError("permanent", 404), {}, "retry", "not-found"],
    ["404 after the grace: failed", apiError("permanent", 404), { msWaited: 31_000 }, "failed"],
    ["403: failed at once", apiError("permanent", 403), {}, "failed"],
    [
      "429: throttled, never ends the wait",
      apiError("throttled", 429, 3000),
      { failuresBefore: 99 },
      "retry",
      "throttled",
    ],
    ["a reset: tolerated", apiError("ambiguous"), { failuresBefore: 4 }, "retry", "failure"],
    ["one failure too many", apiError("ambiguous"), { failuresBefore: 5 }, "failed"],
  ])("%s", (_what, err, over, kind, streak) => {
    const f = classifyPollFailure(err, { ...ctx, ...over });
    expect(f.kind).toBe(kind);
    if (streak) expect(f).toMatchObject({ streak });
  });

  it("keeps the server's Retry-After and says which retry this is", () => {
    expect(classifyPollFailure(apiError("throttled", 429, 3000), ctx)).toMatchObject({ retryAfterMs: 3000 });
    expect(classifyPollFailure(apiError("ambiguous", 502), { ...ctx, failuresBefore: 1 })).toMatchObject({
      note: "status check failed (502: m), retry 2/5",
    });
  });

  it("a 404 past the grace names both likely causes", () => {
    expect(classifyPollFailure(apiError("permanent", 404), { ...ctx, msWaited: 45_000 })).toStrictEqual({
      kind: "failed",
      message:
        "endpoint ep1 was not found (404) 45s into the wait: it was deleted, or the id belongs to another project or team (last status INITIALIZING)",
    });
  });
});

describe("mayBeOldVersion", () => {
  const sent = Date.UTC(2026, 0, 1, 12, 0, 0);
  const base = { sawOtherStatus: false, msSinceStart: 5_000, settleMs: 60_000, updateSentAtMs: sent };
  it.each<[string, Partial<Parameters<typeof mayBeOldVersion>[0]>, boolean]>([
    ["RUNNING with an updatedAt from before the PUT", { updatedAt: "2026-01-01T11:00:00Z" }, true],
    ["RUNNING without an updatedAt", { updatedAt: null }, true],
    ["updatedAt at the PUT", { updatedAt: "2026-01-01T12:00:00Z" }, false],
    ["updatedAt a little behind ours (clock skew)", { updatedAt: "2026-01-01T11:59:57Z" }, false],
    ["another status was seen since", { updatedAt: null, sawOtherStatus: true }, false],
    ["the settle time has passed", { updatedAt: null, msSinceStart: 60_000 }, false],
    ["not after an update", { updatedAt: null, settleMs: 0 }, false],
  ])("%s", (_what, over, expected) => {
    expect(mayBeOldVersion({ ...base, updatedAt: undefined, ...over })).toBe(expected);
  });
});

describe("timeline", () => {
  it("opens a span per label, extends the open one, closes it", () => {
    const t: Parameters<typeof extendTimeline>[0] = [];
    expect(extendTimeline(t, "A", 0)).toBe(true);
    expect(extendTimeline(t, "A", 5_000)).toBe(false);
    expect(extendTimeline(t, "B", 10_000)).toBe(true);
    expect(timelineText(t, 70_000)).toBe("A 10s, B 1m 00s");
    closeOpenSpan(t, 20_000);
    expect(t).toStrictEqual([
      { label: "A", startMs: 0, endMs: 10_000 },
      { label: "B", startMs: 10_000, endMs: 20_000 },
    ]);
    // After a close, the same label opens a new span.
    expect(extendTimeline(t, "B", 30_000)).toBe(true);
  });
});
