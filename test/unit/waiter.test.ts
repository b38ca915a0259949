import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/base/clock.ts";
import type { Logger } from "../../src/base/log.ts";
import { ApiError } from "../../src/friendli/errors.ts";
import type { EndpointStatus } from "../../src/friendli/schemas.ts";
import { stillRequesting } from "../../src/plan/gpu-choices.ts";
import { type WaitOptions, type WaitOutcome, waitForEndpoint } from "../../src/wait/waiter.ts";
import { virtualClock } from "../support/clock.ts";
import { silentLogger } from "../support/log.ts";

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

type Answer = EndpointStatus | Error;
/** A scripted endpoint: what GET /status answers `t` ms after the wait began. */
type Lifecycle = (t: number) => Answer;

function init(phase: string): EndpointStatus {
  return { status: "INITIALIZING", phase, createdAt: "2026-01-01T00:00:00Z" };
}
const st = (status: string, extra: Partial<EndpointStatus> = {}): EndpointStatus => ({
  status,
  phase: null,
  ...extra,
});

/** The reference lifecycle: VM 60 s, download 240 s, engine 90 s, then RUNNING. */
function reference(end: (t: number) => Answer = () => st("RUNNING")): Lifecycle {
  return (t) => {
    if (t < 60 * S) return init("REQUESTING_VIRTUAL_MACHINE");
    if (t < 300 * S) return init("DOWNLOADING_MODEL");
    if (t < 390 * S) return init("ENGINE_INITIALIZING");
    return end(t);
  };
}

function apiError(kind: ApiError["kind"], status?: number, retryAfterMs?: number): ApiError {
  return new ApiError({
    kind,
    operation: "status",
    message: status ? `HTTP ${status}` : "connection reset",
    ...(status === undefined ? {} : { status }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

interface Run {
  outcome: WaitOutcome;
  /** When each request was sent, in seconds since the start. */
  polls: number[];
  info: string[];
  warnings: string[];
  /** Seconds since the start when the wait returned. */
  endedAt: number;
}

async function run(lifecycle: Lifecycle, over: Partial<WaitOptions> = {}): Promise<Run> {
  const clock = virtualClock(T0, () => 0.5);
  const polls: number[] = [];
  const info: string[] = [];
  const warnings: string[] = [];
  const log: Logger = { info: (m) => info.push(m), warning: (m) => warnings.push(m), debug() {} };
  const outcome = await waitForEndpoint({
    endpointId: "ep1",
    getStatus: async () => {
      const t = clock.now() - T0;
      polls.push(t / S);
      const answer = lifecycle(t);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    clock,
    signal: new AbortController().signal,
    deadlineMs: T0 + 3600 * S,
    minReplicas: 0,
    target: "running",
    log,
    ...over,
  });
  return { outcome, polls, info, warnings, endedAt: (clock.now() - T0) / S };
}

describe("waitForEndpoint: the reference lifecycle", () => {
  it("notices RUNNING 2.2 s after it happens with 37 requests, and logs only changes and heartbeats", async () => {
    const observed: string[] = [];
    const r = await run(reference(), { onStatus: (s, at) => observed.push(`${(at - T0) / S} ${s.status}`) });

    expect(r.outcome.kind).toBe("success");
    expect(r.outcome.message).toBe("endpoint ep1 is RUNNING after 6m 32s");
    expect(r.endedAt).toBe(392.213);
    expect(r.endedAt - 390).toBeCloseTo(2.213);
    expect(r.outcome.polls).toBe(37);
    expect(r.outcome.waitedMs).toBe(392_213);
    expect(observed).toHaveLength(37);
    // 14.8 s while nothing is about to succeed; once the engine is seen, a first gap drawn from
    // 2.5-6.3 s (4.4 s at this clock's draw of 0.5), then 5.5 s.
    expect(r.polls.slice(0, 3)).toEqual([0, 14.8, 29.6]);
    expect(r.polls.slice(20, 27)).toEqual([296, 310.8, 315.213, 320.713, 326.213, 331.713, 337.213]);
    expect((37 / 392.213) * 60).toBeLessThanOrEqual(6);

    expect(r.info).toEqual([
      "status INITIALIZING, phase REQUESTING_VIRTUAL_MACHINE (after 0s)",
      "status INITIALIZING, phase DOWNLOADING_MODEL (after 1m 14s)",
      "still DOWNLOADING_MODEL after 1m 14s",
      "still DOWNLOADING_MODEL after 2m 28s",
      "still DOWNLOADING_MODEL after 3m 42s",
      "status INITIALIZING, phase ENGINE_INITIALIZING (after 5m 11s)",
      "still ENGINE_INITIALIZING after 1m 05s",
      "status RUNNING (after 6m 32s)",
    ]);
    expect(r.warnings).toEqual([]);

    expect(r.outcome.timeline).toEqual([
      { label: "REQUESTING_VIRTUAL_MACHINE", startMs: T0, endMs: T0 + 74 * S },
      { label: "DOWNLOADING_MODEL", startMs: T0 + 74 * S, endMs: T0 + 310_800 },
      { label: "ENGINE_INITIALIZING", startMs: T0 + 310_800, endMs: T0 + 392_213 },
      { label: "RUNNING", startMs: T0 + 392_213 },
    ]);
    expect(r.outcome.last?.status).toBe("RUNNING");
  });

  it.each([
    ["REQUESTING_VIRTUAL_MACHINE", 30, "WORKLOAD_INIT_UNKNOWN_ERROR", 44.4, 4],
    ["DOWNLOADING_MODEL", 200, "WORKLOAD_INIT_CANNOT_ACCESS_REPO_ERROR", 207.2, 15],
    ["ENGINE_INITIALIZING", 340, "INFERENCE_ENGINE_MEMORY_ERROR", 342.713, 28],
  ])("FAILED during %s at %i s (%s) is noticed at %f s, request %i", async (phase, at, code, seen, polls) => {
    const r = await run((t) => (t >= at * S ? st("FAILED", { phase, errorCode: code }) : reference()(t)));
    expect(r.outcome.kind).toBe("failed");
    expect(r.endedAt).toBe(seen);
    expect(r.endedAt - at).toBeLessThan(15);
    expect(r.outcome.polls).toBe(polls);
    expect(r.outcome.message).toContain(`FAILED during ${phase} with error code ${code}`);
    expect(r.outcome.last?.errorCode).toBe(code);
    expect(r.outcome.timeline.at(-1)).toEqual({ label: "FAILED", startMs: T0 + seen * S });
  });

  it("FAILED without an error code says so", async () => {
    const r = await run(() => st("FAILED"));
    expect(r.outcome.message).toBe("endpoint ep1 FAILED without an error code after 0s");
  });

  it.each(["STOPPING", "TERMINATING", "TERMINATED"])(
    "%s fails at once: stopped or deleted under us",
    async (s) => {
      const r = await run((t) => (t >= 20 * S ? st(s) : init("DOWNLOADING_MODEL")));
      expect(r.outcome.kind).toBe("failed");
      expect(r.outcome.polls).toBe(3);
      expect(r.endedAt).toBe(29.6);
      expect(r.outcome.message).toBe(
        `endpoint ep1 is ${s} after 30s: it was stopped or deleted while the action waited for RUNNING`,
      );
    },
  );
});

describe("waitForEndpoint: deadline", () => {
  it("times out with a last poll just before the deadline and says what it saw", async () => {
    const stuck: Lifecycle = (t) =>
      t < 60 * S ? init("REQUESTING_VIRTUAL_MACHINE") : init("DOWNLOADING_MODEL");
    const r = await run(stuck, { deadlineMs: T0 + 600 * S });
    expect(r.outcome.kind).toBe("timed-out");
    expect(r.endedAt).toBe(599.5);
    expect(r.polls.at(-1)).toBe(599.5);
    expect(r.polls.at(-2)).toBe(592);
    expect(r.outcome.waitedMs).toBe(599_500);
    expect(r.outcome.message).toBe(
      "timed out after 10m 00s waiting for endpoint ep1 to be RUNNING: " +
        "last status INITIALIZING, phase DOWNLOADING_MODEL; " +
        "seen: REQUESTING_VIRTUAL_MACHINE 1m 14s, DOWNLOADING_MODEL 8m 46s",
    );
    expect(r.outcome.timeline.at(-1)?.endMs).toBeUndefined();
  });

  it("a deadline already passed still gets one look", async () => {
    const r = await run(() => st("RUNNING"), { deadlineMs: T0 - 1 });
    expect(r.outcome.kind).toBe("success");
    const r2 = await run(() => init("DOWNLOADING_MODEL"), { deadlineMs: T0 - 1 });
    expect(r2.outcome.kind).toBe("timed-out");
    expect(r2.outcome.polls).toBe(1);
    expect(r2.endedAt).toBe(0);
  });

  // A GPU choice's `gpu-fallback-after`: a poll at 120 s, and the wait leaves there only while the
  // VM is still requested.
  const leaveAt = { ms: T0 + 120 * S, stays: stillRequesting };
  it.each<[string, Lifecycle, WaitOutcome["kind"], number]>([
    ["still requesting its VM: leaves at 120 s", () => init("REQUESTING_VIRTUAL_MACHINE"), "timed-out", 120],
    [
      "the VM came at 119 s: waits on to the deadline",
      (t) => init(t < 119 * S ? "REQUESTING_VIRTUAL_MACHINE" : "DOWNLOADING_MODEL"),
      "timed-out",
      599.5,
    ],
  ])("leaveAt: %s", async (_, lifecycle, kind, endedAt) => {
    const r = await run(lifecycle, { deadlineMs: T0 + 600 * S, leaveAt });
    expect(r.outcome.kind).toBe(kind);
    expect(r.endedAt).toBe(endedAt);
    expect(r.polls).toContain(120);
  });

  it("leaveAt: once the VM came, it polls as without it", async () => {
    const r = await run(reference(), { deadlineMs: T0 + 600 * S, leaveAt });
    expect(r.outcome.kind).toBe("success");
    expect(r.polls).toEqual((await run(reference(), { deadlineMs: T0 + 600 * S })).polls);
  });

  it("the HTTP layer's own deadline error is a timeout", async () => {
    const r = await run((t) => (t < 10 * S ? init("DOWNLOADING_MODEL") : apiError("deadline")));
    expect(r.outcome.kind).toBe("timed-out");
    expect(r.outcome.message).toContain("last status INITIALIZING, phase DOWNLOADING_MODEL");
  });
});

describe("waitForEndpoint: failed requests", () => {
  it("503, 503, reset, then RUNNING: tolerated, with growing backoff and one line per retry", async () => {
    const script: Answer[] = [
      apiError("ambiguous", 503),
      apiError("ambiguous", 503),
      apiError("ambiguous"),
      st("RUNNING"),
    ];
    let i = 0;
    const r = await run(() => script[i++] ?? st("RUNNING"));
    expect(r.outcome.kind).toBe("success");
    expect(r.outcome.polls).toBe(4);
    expect(r.polls).toEqual([0, 1.5, 4.5, 10.5]);
    expect(r.info.slice(0, 3)).toEqual([
      "status check failed (503: HTTP 503), retry 1/5; next check in 1.5s",
      "status check failed (503: HTTP 503), retry 2/5; next check in 3s",
      "status check failed (ambiguous: connection reset), retry 3/5; next check in 6s",
    ]);
  });

  it("a failure between good answers resets the count", async () => {
    let n = 0;
    const r = await run(() => {
      n++;
      if (n >= 20) return st("RUNNING");
      return n % 2 === 0 ? apiError("not-sent") : init("DOWNLOADING_MODEL");
    });
    expect(r.outcome.kind).toBe("success");
    expect(r.outcome.polls).toBe(20);
  });

  it("gives up after maxConsecutiveFailures + 1 failures in a row", async () => {
    const r = await run(() => apiError("ambiguous", 502), { maxConsecutiveFailures: 3 });
    expect(r.outcome.kind).toBe("failed");
    expect(r.outcome.polls).toBe(4);
    expect(r.outcome.message).toBe(
      "status check for endpoint ep1 failed 4 times in a row, last: 502: HTTP 502 (no status seen yet, after 11s)",
    );
    expect(r.outcome.error).toBeInstanceOf(ApiError);
  });

  it("a non-ApiError (a body that does not parse) is a transient failure too", async () => {
    let n = 0;
    const r = await run(() => (++n === 1 ? new TypeError("bad body") : st("RUNNING")));
    expect(r.outcome.kind).toBe("success");
    expect(r.info[0]).toBe("status check failed (bad body), retry 1/5; next check in 1.5s");
  });

  it.each([401, 403])("%i mid-wait fails at once", async (status) => {
    const r = await run((t) => (t < 20 * S ? init("DOWNLOADING_MODEL") : apiError("permanent", status)));
    expect(r.outcome.kind).toBe("failed");
    expect(r.outcome.polls).toBe(3);
    expect(r.endedAt).toBe(29.6);
    expect(r.outcome.message).toBe(
      `status check for endpoint ep1 failed: HTTP ${status} (last status INITIALIZING, phase DOWNLOADING_MODEL, after 30s)`,
    );
    expect((r.outcome.error as ApiError).status).toBe(status);
  });

  it("Retry-After is honoured, beyond the 14.8 s poll and clamped to 60 s", async () => {
    const script: Answer[] = [
      init("DOWNLOADING_MODEL"),
      apiError("throttled", 429, 20_000),
      apiError("throttled", 429, 600_000),
      apiError("throttled", 503),
      st("RUNNING"),
    ];
    let i = 0;
    const r = await run(() => script[i++] ?? st("RUNNING"));
    expect(r.outcome.kind).toBe("success");
    // 14.8 s poll; then as told (20 s); as told but clamped (60 s); no Retry-After: the 3rd
    // failure in a row backs off 6 s.
    expect(r.polls).toEqual([0, 14.8, 34.8, 94.8, 100.8]);
  });
});

describe("waitForEndpoint: 404", () => {
  it("right after create is tolerated until the endpoint shows up", async () => {
    const r = await run((t) =>
      t < 5 * S
        ? apiError("permanent", 404)
        : t < 20 * S
          ? init("REQUESTING_VIRTUAL_MACHINE")
          : st("RUNNING"),
    );
    expect(r.outcome.kind).toBe("success");
    expect(r.polls).toEqual([0, 1.5, 4.5, 10.5, 25.3]);
    expect(r.info[0]).toBe(
      "endpoint not found yet (404): the API can lag a create by a moment; next check in 1.5s",
    );
  });

  it("beyond the grace period fails", async () => {
    const r = await run(() => apiError("permanent", 404));
    expect(r.outcome.kind).toBe("failed");
    expect(r.polls).toEqual([0, 1.5, 4.5, 10.5, 21, 31.5]);
    expect(r.outcome.message).toContain("was not found (404) 32s into the wait");
  });

  it("after the endpoint was seen and the grace is over, fails: it was deleted", async () => {
    const r = await run((t) => (t < 40 * S ? init("DOWNLOADING_MODEL") : apiError("permanent", 404)), {
      notFoundGraceMs: 10_000,
    });
    expect(r.outcome.kind).toBe("failed");
    expect(r.endedAt).toBe(44.4);
    expect(r.outcome.message).toContain("it was deleted");
    expect(r.outcome.last?.phase).toBe("DOWNLOADING_MODEL");
  });
});

describe("waitForEndpoint: target gone (after a delete)", () => {
  it("any status is pending until the 404", async () => {
    const r = await run(
      (t) =>
        t < 8 * S
          ? st("RUNNING")
          : t < 20 * S
            ? st("TERMINATING")
            : t < 30 * S
              ? st("FAILED")
              : apiError("permanent", 404),
      { target: "gone" },
    );
    expect(r.outcome.kind).toBe("gone");
    expect(r.outcome.message).toBe("endpoint ep1 is gone (404 after 31s)");
    expect(r.outcome.timeline.map((s) => s.label)).toEqual(["RUNNING", "TERMINATING", "FAILED"]);
    expect(r.outcome.timeline.every((s) => s.endMs !== undefined)).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it("a 404 on the first look is gone at once", async () => {
    const r = await run(() => apiError("permanent", 404), { target: "gone" });
    expect(r.outcome.kind).toBe("gone");
    expect(r.outcome.polls).toBe(1);
  });

  it("times out with its own goal in the message", async () => {
    const r = await run(() => st("TERMINATING"), { target: "gone", deadlineMs: T0 + 60 * S });
    expect(r.outcome.kind).toBe("timed-out");
    expect(r.outcome.message).toContain("waiting for endpoint ep1 to be deleted: last status TERMINATING");
  });
});

describe("waitForEndpoint: statuses that need a decision", () => {
  it("an unknown status is warned about once, and the wait goes on", async () => {
    const r = await run((t) => (t < 30 * S ? st("WARMING_UP") : st("RUNNING")));
    expect(r.outcome.kind).toBe("success");
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('"WARMING_UP"');
    expect(r.outcome.polls).toBeGreaterThan(3);
  });

  it("SLEEPING with min-replicas 0 is success: deployed and idle", async () => {
    const r = await run(() => st("SLEEPING"), { minReplicas: 0 });
    expect(r.outcome.kind).toBe("success");
    expect(r.outcome.message).toBe(
      "endpoint ep1 is SLEEPING (min-replicas 0: deployed and idle; the first request wakes it) after 0s",
    );
  });

  it("SLEEPING with min-replicas 1 keeps waiting", async () => {
    const r = await run((t) => (t < 20 * S ? st("SLEEPING") : st("RUNNING")), { minReplicas: 1 });
    expect(r.outcome.kind).toBe("success");
    expect(r.outcome.last?.status).toBe("RUNNING");
    expect(r.outcome.polls).toBe(5);
  });

  it("READY is success", async () => {
    const r = await run(() => st("READY"));
    expect(r.outcome.kind).toBe("success");
    expect(r.outcome.message).toContain("READY (treated as RUNNING)");
  });

  it("UPDATING then RUNNING (an update) is followed to the end", async () => {
    const r = await run((t) => (t < 45 * S ? st("UPDATING") : st("RUNNING")));
    expect(r.outcome.kind).toBe("success");
    expect(r.outcome.timeline.map((s) => s.label)).toEqual(["UPDATING", "RUNNING"]);
  });
});

describe("waitForEndpoint: cancellation", () => {
  it("an abort during a sleep ends the wait at once, with no request after it", async () => {
    const controller = new AbortController();
    let requests = 0;
    const started = Date.now();
    setTimeout(() => controller.abort(new Error("SIGTERM")), 50);
    const outcome = await waitForEndpoint({
      endpointId: "ep1",
      getStatus: async () => {
        requests++;
        return init("DOWNLOADING_MODEL");
      },
      clock: systemClock,
      signal: controller.signal,
      deadlineMs: Date.now() + 3600 * S,
      minReplicas: 0,
      target: "running",
      log: silentLogger,
    });
    expect(outcome.kind).toBe("cancelled");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(requests).toBe(1);
    expect(outcome.message).toMatch(
      /^cancelled while waiting for endpoint ep1 \(last status INITIALIZING, phase DOWNLOADING_MODEL, after 0s\): it may still be provisioning$/,
    );
  });

  it("an abort during a request is cancelled, not a failure to retry", async () => {
    const controller = new AbortController();
    const clock = virtualClock(T0);
    const outcome = await waitForEndpoint({
      endpointId: "ep1",
      getStatus: async (_id, signal) => {
        controller.abort(new Error("SIGINT"));
        throw signal.reason;
      },
      clock,
      signal: controller.signal,
      deadlineMs: T0 + 3600 * S,
      minReplicas: 0,
      target: "running",
      log: silentLogger,
    });
    expect(outcome.kind).toBe("cancelled");
    expect(outcome.polls).toBe(1);
  });

  it("an answer that arrives after the abort does not count: cancelled, not success", async () => {
    const controller = new AbortController();
    const outcome = await waitForEndpoint({
      endpointId: "ep1",
      getStatus: async () => {
        controller.abort();
        return st("RUNNING");
      },
      clock: virtualClock(T0),
      signal: controller.signal,
      deadlineMs: T0 + 3600 * S,
      minReplicas: 0,
      target: "running",
      log: silentLogger,
    });
    expect(outcome.kind).toBe("cancelled");
  });

  it("already aborted: no request at all", async () => {
    const controller = new AbortController();
    controller.abort();
    let requests = 0;
    const outcome = await waitForEndpoint({
      endpointId: "ep1",
      getStatus: async () => {
        requests++;
        return st("RUNNING");
      },
      clock: virtualClock(T0),
      signal: controller.signal,
      deadlineMs: T0 + 3600 * S,
      minReplicas: 0,
      target: "running",
      log: silentLogger,
    });
    expect(outcome.kind).toBe("cancelled");
    expect(requests).toBe(0);
    expect(outcome.message).toContain("no status seen yet");
  });
});

describe("waitForEndpoint: the policy is pluggable", () => {
  it("a fixed 5 s policy polls every 5 s", async () => {
    const r = await run((t) => (t < 12 * S ? init("DOWNLOADING_MODEL") : st("RUNNING")), {
      policy: () => 5_000,
    });
    expect(r.polls).toEqual([0, 5, 10, 15]);
  });
});

describe("waitForEndpoint after an update (updateSettleMs)", () => {
  const before = new Date(T0 - 3600 * S).toISOString();
  const after = (t: number) => new Date(T0 + t).toISOString();
  it.each([
    {
      case: "RUNNING of the old version, then UPDATING, then RUNNING: success only after the change",
      lifecycle: (t: number) =>
        t < 20 * S
          ? st("RUNNING", { updatedAt: before })
          : t < 50 * S
            ? st("UPDATING", { updatedAt: after(20 * S) })
            : st("RUNNING", { updatedAt: after(50 * S) }),
      endsAfter: 50,
      endsBy: 60,
    },
    {
      case: "RUNNING whose updatedAt is not older than the wait: the update already shows",
      lifecycle: (t: number) => st("RUNNING", { updatedAt: after(t) }),
      endsAfter: 0,
      endsBy: 0,
    },
    {
      case: "RUNNING of the old version that never changes: accepted once the settle time passed",
      lifecycle: () => st("RUNNING", { updatedAt: before }),
      endsAfter: 60,
      endsBy: 75,
    },
  ])("$case", async ({ lifecycle, endsAfter, endsBy }) => {
    const r = await run(lifecycle, { updateSettleMs: 60 * S });
    expect(r.outcome.kind).toBe("success");
    expect(r.endedAt).toBeGreaterThanOrEqual(endsAfter);
    expect(r.endedAt).toBeLessThanOrEqual(endsBy);
  });

  it("without updateSettleMs a RUNNING is success at the first poll (create, reuse, status)", async () => {
    const r = await run(() => st("RUNNING", { updatedAt: before }));
    expect(r.outcome.kind).toBe("success");
    expect(r.polls).toEqual([0]);
  });
});

describe("waitForEndpoint: throttling is not failure", () => {
  it("twenty 429s in a row (Retry-After 30 s) do not end the wait; RUNNING after them is success", async () => {
    const r = await run((t) => (t < 600 * S ? apiError("throttled", 429, 30 * S) : st("RUNNING")));
    expect(r.outcome.kind).toBe("success");
    expect(r.polls.slice(0, 4)).toEqual([0, 30, 60, 90]);
  });

  it("a Retry-After of an hour is clamped to 60 s, not taken for the end of a 30-minute wait", async () => {
    const r = await run(
      (t) =>
        t === 0
          ? apiError("throttled", 503, 3600 * S)
          : t < 120 * S
            ? init("DOWNLOADING_MODEL")
            : st("RUNNING"),
      { deadlineMs: T0 + 1800 * S },
    );
    expect(r.outcome.kind).toBe("success");
    expect(r.polls[1]).toBe(60);
  });

  it("Retry-After 0 is not a request loop: at least 1 s between polls", async () => {
    const r = await run((t) => (t < 10 * S ? apiError("throttled", 429, 0) : st("RUNNING")));
    expect(r.outcome.kind).toBe("success");
    expect(r.polls.length).toBeLessThanOrEqual(11);
  });
});

describe("waitForEndpoint for a delete", () => {
  it.each([
    { case: "404", answer: apiError("permanent", 404) },
    { case: "TERMINATED (a deleted endpoint that lingers)", answer: st("TERMINATED") },
  ])("ends as gone on $case", async ({ answer }) => {
    const r = await run((t) => (t < 20 * S ? st("TERMINATING") : answer), { target: "gone" });
    expect(r.outcome.kind).toBe("gone");
    expect(r.endedAt).toBeLessThan(40);
  });
});

describe("waitForEndpoint after an update: updatedAt from the PUT's time on is the new version", () => {
  it("RUNNING stamped at the PUT (before the wait began) is accepted at once", async () => {
    const putAt = T0 - 2 * S;
    const r = await run(() => st("RUNNING", { updatedAt: new Date(putAt).toISOString() }), {
      updateSettleMs: 60 * S,
      updateSentAtMs: putAt,
    });
    expect(r.outcome.kind).toBe("success");
    expect(r.polls).toEqual([0]);
  });
});
