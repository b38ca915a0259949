import { describe, expect, it } from "vitest";
import { ENGINE_MS, MAX_RETRY_AFTER_MS, QUIET_MS } from "../../src/base/timing.ts";
import { nextPollDelayMs, type PollState } from "../../src/wait/policy.ts";
import { classifyStatus, type StatusClass, spanLabel } from "../../src/wait/status-table.ts";

describe("classifyStatus: the state table", () => {
  const rows: Array<[status: string, minReplicas: number, expected: StatusClass]> = [
    ["RUNNING", 0, "success"],
    ["RUNNING", 2, "success"],
    ["READY", 1, "success"],
    ["SLEEPING", 0, "success"],
    ["SLEEPING", 1, "pending"],
    ["FAILED", 0, "failure"],
    ["STOPPING", 0, "failure"],
    ["TERMINATING", 0, "failure"],
    ["TERMINATED", 0, "failure"],
    ["INITIALIZING", 0, "pending"],
    ["UPDATING", 0, "pending"],
    ["AWAKING", 0, "pending"],
    ["UNKNOWN", 0, "pending"],
    ["running", 0, "success"],
    [" FAILED ", 0, "failure"],
    ["WARMING_UP", 0, "unknown"],
    ["", 0, "unknown"],
  ];
  it.each(rows)("%j with min-replicas %i is %s", (status, minReplicas, expected) => {
    expect(classifyStatus(status, { minReplicas, target: "running" })).toBe(expected);
  });

  it.each(["RUNNING", "FAILED", "TERMINATED", "WHATEVER"])(
    "waiting for a delete, %s is pending",
    (status) => {
      expect(classifyStatus(status, { minReplicas: 0, target: "gone" })).toBe("pending");
    },
  );

  it.each<[string, StatusClass]>([
    ["SLEEPING", "success"],
    ["RUNNING", "pending"],
    ["READY", "pending"],
    ["UPDATING", "pending"],
    ["AWAKING", "pending"],
    ["FAILED", "failure"],
    ["TERMINATED", "failure"],
    ["WARMING_UP", "unknown"],
  ])("waiting for a sleep, %s is %s", (status, expected) => {
    expect(classifyStatus(status, { minReplicas: 1, target: "sleeping" })).toBe(expected);
  });
});

describe("spanLabel", () => {
  it.each([
    [{ status: "INITIALIZING", phase: "DOWNLOADING_MODEL" }, "DOWNLOADING_MODEL"],
    [{ status: "INITIALIZING", phase: null }, "INITIALIZING"],
    [{ status: "UPDATING", phase: "DOWNLOADING_MODEL" }, "UPDATING"],
    [{ status: "RUNNING", phase: null }, "RUNNING"],
  ])("%j → %s", (s, label) => {
    expect(spanLabel(s)).toBe(label);
  });
});

function state(over: Partial<PollState>): PollState {
  return {
    status: "INITIALIZING",
    phase: null,
    msInPhase: 0,
    msWaited: 0,
    polls: 1,
    consecutiveFailures: 0,
    random: 0.5,
    ...over,
  };
}

describe("nextPollDelayMs: the polling policy", () => {
  // random 0.5 is the middle of the jitter: the base delay itself.
  const rows: Array<[why: string, over: Partial<PollState>, expected: number]> = [
    [
      "VM requested: nothing ends in RUNNING, poll at the failure budget",
      { phase: "REQUESTING_VIRTUAL_MACHINE" },
      14_800,
    ],
    ["downloading, long into it", { phase: "DOWNLOADING_MODEL", msInPhase: 600_000 }, 14_800],
    ["updating, downloading", { status: "UPDATING", phase: "DOWNLOADING_MODEL" }, 14_800],
    [
      "engine just seen: the first gap drawn from 2.5-6.3 s (middle)",
      { phase: "ENGINE_INITIALIZING", msInPhase: 7_000 },
      4_413,
    ],
    ["engine just seen, lowest draw", { phase: "ENGINE_INITIALIZING", msInPhase: 2_000, random: 0 }, 2_500],
    ["engine just seen, highest draw", { phase: "ENGINE_INITIALIZING", msInPhase: 0, random: 1 }, 6_325],
    ["engine 7.5 s in: the steady 5.5 s", { phase: "ENGINE_INITIALIZING", msInPhase: 7_500 }, 5_500],
    ["engine 12 s in: as fast as later on", { phase: "ENGINE_INITIALIZING", msInPhase: 12_000 }, 5_500],
    ["engine 5 min in", { phase: "ENGINE_INITIALIZING", msInPhase: 300_000 }, 5_500],
    ["waking, no phase: the engine starts", { status: "AWAKING", msInPhase: 60_000 }, 5_500],
    ["initializing without a phase", { msInPhase: 0 }, 5_000],
    ["unknown territory at 15 s is not the engine", { msInPhase: 15_000, random: 0 }, 5_225],
    ["updating without a phase, 1 min in", { status: "UPDATING", msInPhase: 60_000 }, 7_000],
    ["unknown status, long", { status: "WARMING", msInPhase: 3_600_000 }, 14_800],
    ["nothing seen yet (404 grace is handled as a failure)", { status: "" }, 5_000],
    ["lower-case phase", { phase: "downloading_model" }, 14_800],
    ["1st failure: 1-2 s", { consecutiveFailures: 1 }, 1_500],
    ["2nd failure: 2-4 s", { consecutiveFailures: 2 }, 3_000],
    ["3rd failure: 4-8 s", { consecutiveFailures: 3 }, 6_000],
    ["4th failure: capped at 14 s", { consecutiveFailures: 4 }, 10_500],
    ["9th failure: still capped", { consecutiveFailures: 9 }, 10_500],
    ["throttled: Retry-After wins over the phase", { consecutiveFailures: 1, retryAfterMs: 3_000 }, 3_000],
    ["throttled for long: clamped to 60 s", { consecutiveFailures: 1, retryAfterMs: 600_000 }, 60_000],
    [
      "throttled beyond the failure budget is honoured",
      { consecutiveFailures: 2, retryAfterMs: 20_000 },
      20_000,
    ],
    ["Retry-After 0: the 1 s floor, not a request loop", { consecutiveFailures: 1, retryAfterMs: 0 }, 1000],
    [
      "a Retry-After is honoured whatever the failure count (throttling is not a failure)",
      { retryAfterMs: 30_000, phase: "DOWNLOADING_MODEL" },
      30_000,
    ],
  ];
  it.each(rows)("%s", (_why, over, expected) => {
    expect(nextPollDelayMs(state(over))).toBe(expected);
  });

  it("jitters the engine poll by 15 %, the quiet poll by 5 % and never past the ceiling", () => {
    const engine = (random: number) =>
      nextPollDelayMs(state({ phase: "ENGINE_INITIALIZING", msInPhase: 60_000, random }));
    expect(engine(0)).toBe(4_675);
    expect(engine(0.999)).toBe(6_323);
    expect(nextPollDelayMs(state({ phase: "DOWNLOADING_MODEL", random: 0 }))).toBe(14_060);
    expect(nextPollDelayMs(state({ phase: "DOWNLOADING_MODEL", random: 0.999 }))).toBe(QUIET_MS);
  });

  it("failure backoff keeps between half and all of its cap", () => {
    expect(nextPollDelayMs(state({ consecutiveFailures: 3, random: 0 }))).toBe(4_000);
    expect(nextPollDelayMs(state({ consecutiveFailures: 3, random: 1 }))).toBe(8_000);
  });

  it("never sleeps past the failure budget unless throttled, nor past 6.5 s while the engine starts", () => {
    const statuses = ["INITIALIZING", "UPDATING", "AWAKING", "UNKNOWN", "SLEEPING", "TERMINATING", "NEW", ""];
    const phases = [null, "REQUESTING_VIRTUAL_MACHINE", "DOWNLOADING_MODEL", "ENGINE_INITIALIZING", "X"];
    let worst = 0;
    let worstEngine = 0;
    let best = Number.POSITIVE_INFINITY;
    for (const status of statuses) {
      for (const phase of phases) {
        for (const msInPhase of [0, 1_000, 7_499, 7_500, 14_999, 20_000, 60_000, 600_000, 86_400_000]) {
          for (const consecutiveFailures of [0, 1, 2, 5, 50]) {
            for (const random of [0, 0.25, 0.5, 0.999999]) {
              const d = nextPollDelayMs(state({ status, phase, msInPhase, consecutiveFailures, random }));
              worst = Math.max(worst, d);
              best = Math.min(best, d);
              const building = ["INITIALIZING", "UPDATING", "AWAKING"].includes(status);
              const quiet = phase === "REQUESTING_VIRTUAL_MACHINE" || phase === "DOWNLOADING_MODEL";
              const engine = building && !quiet && (phase === "ENGINE_INITIALIZING" || status === "AWAKING");
              if (engine && consecutiveFailures === 0) {
                worstEngine = Math.max(worstEngine, d);
              }
            }
          }
        }
      }
    }
    expect(worst).toBeLessThanOrEqual(QUIET_MS);
    expect(QUIET_MS).toBeLessThan(15_000);
    expect(worstEngine).toBeLessThanOrEqual(6_500);
    expect(best).toBeGreaterThanOrEqual(1_000);
  });

  it("exports the constants the design comment names", () => {
    expect([QUIET_MS, ENGINE_MS, MAX_RETRY_AFTER_MS]).toEqual([14_800, 5_500, 60_000]);
  });
});
