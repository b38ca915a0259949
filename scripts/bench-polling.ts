// Time-to-notice and calls spent: replays reference endpoint lifecycles through
// the REAL waiter (src/wait/waiter.ts) on a virtual clock, for our polling policy and two alternatives,
// and checks our policy against the budgets.
//
//   node_modules/.bin/node scripts/bench-polling.ts [--runs 1000] [--json]
//
// Each run starts the waiter 0-15 s after the lifecycle began (the create and the id lookup take
// that long) with its own random seed, so polls fall at every offset to the status changes.
// Exit code 1 when a budget is missed.

import { FINAL_POLL_MARGIN_MS } from "../src/base/timing.ts";
import type { EndpointStatus } from "../src/friendli/schemas.ts";
import { nextPollDelayMs, type PollPolicy } from "../src/wait/policy.ts";
import { waitForEndpoint } from "../src/wait/waiter.ts";
import { virtualClock } from "../test/support/clock.ts";
import { silentLogger } from "../test/support/log.ts";
import { BUDGETS } from "./budgets.ts";

const PHASES = ["REQUESTING_VIRTUAL_MACHINE", "DOWNLOADING_MODEL", "ENGINE_INITIALIZING"] as const;

interface Lifecycle {
  name: string;
  /** Seconds in each phase, in PHASES order. */
  durations: [number, number, number];
  /** Fail in this phase (index into PHASES) at a random point instead of reaching RUNNING. */
  failIn?: number;
}

const REFERENCE: Lifecycle = { name: "reference 60/240/90", durations: [60, 240, 90] };
const FAST = "fast 20/40/30";
const LIFECYCLES: Lifecycle[] = [
  REFERENCE,
  { name: "fast 20/40/30", durations: [20, 40, 30] },
  { name: "short engine 20/40/15", durations: [20, 40, 15] },
  { name: "short engine 20/40/10", durations: [20, 40, 10] },
  { name: "slow 300/900/180", durations: [300, 900, 180] },
  ...PHASES.map((_, i) => ({ ...REFERENCE, name: `FAILED in ${PHASES[i]}`, failIn: i })),
];

/** Fixed 5 s poll, the Hugging Face SDK's way. */
const fixed5s: PollPolicy = () => 5_000;

/**
 * The AWS SDK v3 waiter (minDelay 15 s, maxDelay 120 s): a random delay between the minimum and
 * an exponentially growing ceiling, then the maximum once the ceiling passes it.
 */
const aws15to120: PollPolicy = (s) => {
  const min = 15_000;
  const max = 120_000;
  const attemptCeiling = Math.log2(max / min) + 1;
  if (s.polls > attemptCeiling) return max;
  const ceiling = min * 2 ** (s.polls - 1);
  return min + s.random * (ceiling - min);
};

const POLICIES: Array<{ name: string; policy: PollPolicy }> = [
  { name: "ours", policy: nextPollDelayMs },
  { name: "fixed 5 s", policy: fixed5s },
  { name: "AWS 15-120 s", policy: aws15to120 },
];

/** mulberry32: small, seedable, good enough to spread offsets and jitter. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RunResult {
  noticeMs: number;
  polls: number;
  waitedMs: number;
  kind: string;
}

async function runOnce(lc: Lifecycle, policy: PollPolicy, seed: number): Promise<RunResult> {
  const rng = seeded(seed);
  const offsetMs = rng() * 15_000;
  const clock = virtualClock(Date.UTC(2026, 0, 1), rng);
  const lifecycleStart = clock.now() - offsetMs;
  const bounds: number[] = [];
  let t = lifecycleStart;
  for (const d of lc.durations) {
    bounds.push(t);
    t += d * 1000;
  }
  bounds.push(t);
  // The change the waiter has to notice: RUNNING at the end, or FAILED somewhere in a phase.
  let eventAt = t;
  if (lc.failIn !== undefined) {
    const from = Math.max(bounds[lc.failIn] ?? 0, clock.now());
    const to = bounds[lc.failIn + 1] ?? from;
    eventAt = from + rng() * (to - from);
  }
  const createdAt = new Date(lifecycleStart).toISOString();
  const getStatus = async (): Promise<EndpointStatus> => {
    const now = clock.now();
    if (now >= eventAt) {
      if (lc.failIn !== undefined) {
        return {
          status: "FAILED",
          phase: PHASES[lc.failIn],
          errorCode: "WORKLOAD_INIT_UNKNOWN_ERROR",
          createdAt,
        };
      }
      return { status: "RUNNING", phase: null, createdAt };
    }
    let i = 0;
    while (i < PHASES.length - 1 && now >= (bounds[i + 1] ?? 0)) i++;
    return { status: "INITIALIZING", phase: PHASES[i], createdAt };
  };
  const outcome = await waitForEndpoint({
    endpointId: "bench",
    getStatus,
    clock,
    signal: new AbortController().signal,
    deadlineMs: clock.now() + 3 * 3600_000,
    minReplicas: 0,
    target: "running",
    log: silentLogger,
    policy,
  });
  return {
    noticeMs: clock.now() - eventAt,
    polls: outcome.polls,
    waitedMs: outcome.waitedMs,
    kind: outcome.kind,
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
}

/** One line of the replay's table; also the shape of `--json` rows that scripts/bench.ts reads. */
export interface Row {
  policy: string;
  lifecycle: string;
  failure: boolean;
  medianNoticeS: number;
  worstNoticeS: number;
  /** Total requests over total minutes of waiting. */
  requestsPerMin: number;
  worstRunRequestsPerMin: number;
}

/**
 * The whole wait budget is used: an endpoint that never becomes RUNNING is polled one last time
 * just before the deadline, and the wait ends at it, not a poll interval early.
 */
async function deadlineChecks() {
  const out = [];
  for (const timeoutMs of [8_000, 30 * 60_000]) {
    const clock = virtualClock(Date.UTC(2026, 0, 1), seeded(7));
    const start = clock.now();
    const polledAt: number[] = [];
    const outcome = await waitForEndpoint({
      endpointId: "bench",
      getStatus: async () => {
        polledAt.push(clock.now() - start);
        return { status: "INITIALIZING", phase: "DOWNLOADING_MODEL" };
      },
      clock,
      signal: new AbortController().signal,
      deadlineMs: start + timeoutMs,
      minReplicas: 0,
      target: "running",
      log: silentLogger,
    });
    const last = polledAt.at(-1) ?? 0;
    out.push({
      budget: `wait-timeout ${timeoutMs / 1000} s: the last poll goes out just before the deadline`,
      value: `last poll at ${(last / 1000).toFixed(1)} s, ended ${outcome.kind} at ${(outcome.waitedMs / 1000).toFixed(1)} s`,
      pass:
        outcome.kind === "timed-out" &&
        last >= timeoutMs - FINAL_POLL_MARGIN_MS &&
        outcome.waitedMs <= timeoutMs,
    });
  }
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const runsArg = args.indexOf("--runs");
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 1000;
  const asJson = args.includes("--json");

  const rows: Row[] = [];
  for (const { name, policy } of POLICIES) {
    for (const [li, lc] of LIFECYCLES.entries()) {
      const results: RunResult[] = [];
      for (let r = 0; r < runs; r++) results.push(await runOnce(lc, policy, 1_000_003 * li + r + 1));
      const expected = lc.failIn === undefined ? "success" : "failed";
      const wrong = results.find((x) => x.kind !== expected);
      if (wrong) throw new Error(`${name} on ${lc.name}: ended ${wrong.kind}, expected ${expected}`);
      const notice = results.map((x) => x.noticeMs).sort((a, b) => a - b);
      const polls = results.reduce((n, x) => n + x.polls, 0);
      const minutes = results.reduce((n, x) => n + x.waitedMs, 0) / 60_000;
      rows.push({
        policy: name,
        lifecycle: lc.name,
        failure: lc.failIn !== undefined,
        medianNoticeS: quantile(notice, 0.5) / 1000,
        worstNoticeS: (notice.at(-1) ?? Number.NaN) / 1000,
        requestsPerMin: polls / minutes,
        worstRunRequestsPerMin: Math.max(...results.map((x) => x.polls / (x.waitedMs / 60_000))),
      });
    }
  }

  const ours = rows.filter((r) => r.policy === "ours");
  const running = ours.filter((r) => !r.failure);
  const perMinute = (lifecycle: string, max: number) =>
    ours
      .filter((r) => r.lifecycle === lifecycle)
      .map((r) => ({
        budget: `status requests per minute of waiting <= ${max} (${lifecycle}, all runs together)`,
        value: `${r.requestsPerMin.toFixed(2)} (worst single run ${r.worstRunRequestsPerMin.toFixed(2)})`,
        pass: r.requestsPerMin <= max,
      }));
  const checks = [
    ...running.map((r) => ({
      budget: `time-to-notice of RUNNING: median <= ${BUDGETS.noticeMedianS} s, worst <= ${BUDGETS.noticeWorstS} s (${r.lifecycle})`,
      value: `${r.medianNoticeS.toFixed(2)} s / ${r.worstNoticeS.toFixed(2)} s`,
      pass: r.medianNoticeS <= BUDGETS.noticeMedianS && r.worstNoticeS <= BUDGETS.noticeWorstS,
    })),
    {
      budget: `any failure noticed within ${BUDGETS.failureNoticeS} s (worst of all FAILED runs)`,
      value: `${Math.max(...ours.filter((r) => r.failure).map((r) => r.worstNoticeS)).toFixed(2)} s`,
      pass: ours.filter((r) => r.failure).every((r) => r.worstNoticeS <= BUDGETS.failureNoticeS),
    },
    ...perMinute(REFERENCE.name, BUDGETS.requestsPerMinuteReference),
    ...perMinute(FAST, BUDGETS.requestsPerMinuteFast),
    ...(await deadlineChecks()),
  ];

  if (asJson) {
    console.log(JSON.stringify({ runs, rows, checks }, null, 2));
  } else {
    console.log(
      `Polling: ${runs} runs per lifecycle, virtual clock, waiter started 0-15 s into the lifecycle\n`,
    );
    const header = ["policy", "lifecycle", "notice median", "notice worst", "req/min", "req/min worst run"];
    const table = rows.map((r) => [
      r.policy,
      r.lifecycle,
      `${r.medianNoticeS.toFixed(1)} s`,
      `${r.worstNoticeS.toFixed(1)} s`,
      r.requestsPerMin.toFixed(2),
      r.worstRunRequestsPerMin.toFixed(2),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? "").length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
    console.log(line(header));
    console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
    for (const row of table) console.log(line(row));
    console.log("\nBudgets (our policy):");
    for (const c of checks) console.log(`  ${c.pass ? "PASS" : "FAIL"}  ${c.budget}: ${c.value}`);
  }
  if (!checks.every((c) => c.pass)) process.exitCode = 1;
}

await main();
