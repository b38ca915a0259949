// What the pre-flight costs, against the simulator's Hub side on loopback, in real time:
//
//   npm run bench:preflight -- [--latency-ms 50] [--reps 5] [--hang]
//
// - the time from this process's start to a pre-flight failure (the first run, cold: the Hub client
//   and undici's fetch are imported then), as a deploy of a model the Hub does not know would see it;
// - a passing pre-flight's added time (median of --reps warm runs), and the same for a few failures;
// - the Hub down (503 with retries) and, with --hang, a Hub that never answers (the default budget).
// - the whole action (the built dist/index.js, run as the runner runs it): wall time from spawning
//   it to its exit on a pre-flight failure (nothing created), and a passing deploy's wall time with
//   the pre-flight on and off (median of --reps each, interleaved): the difference is what it adds.
// --latency-ms adds a delay to every simulated answer, to stand for a real network round trip.
// A script, not a test: the figures depend on the machine. Each pre-flight's verdict is checked
// against the one expected (PASS or FAIL on its line); the exit code is 1 when any is not.
import { parseArgs } from "node:util";
import { systemClock } from "../src/base/clock.ts";
import { createDefaultDispatcher } from "../src/friendli/request-policy.ts";
import { type PreflightOptions, runPreflight } from "../src/preflight/index.ts";
import type { PreflightResult } from "../src/preflight/types.ts";
import { startSimulator } from "../test/simulator/index.ts";
import { runAction } from "../test/support/run-action.ts";

const { values } = parseArgs({
  options: {
    "latency-ms": { type: "string", default: "0" },
    reps: { type: "string", default: "5" },
    hang: { type: "boolean", default: false },
  },
});
const latencyMs = Number(values["latency-ms"]);
const reps = Math.max(1, Number(values.reps));

const sim = await startSimulator({ latencyMs });
const dispatcher = createDefaultDispatcher();

const base = (over: Partial<PreflightOptions>): PreflightOptions => ({
  repo: "sim-org/small-chat",
  revision: undefined,
  hfToken: undefined,
  hubUrl: sim.url,
  instanceOptionId: "TwD5AqnBSVN0",
  gpuLabel: "1x H100",
  clock: systemClock,
  signal: new AbortController().signal,
  dispatcher,
  ...over,
});

async function timed(over: Partial<PreflightOptions>): Promise<{ ms: number; r: PreflightResult }> {
  const t = performance.now();
  const r = await runPreflight(base(over));
  return { ms: performance.now() - t, r };
}

const verdict = (r: PreflightResult) =>
  r.findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.check}:${f.severity}`)
    .join(" ") || "ok";

let unexpected = 0;
/** The verdict beside the one expected, PASS when they are the same. */
function judged(r: PreflightResult, expected: string): string {
  const got = verdict(r);
  if (got !== expected) unexpected++;
  return got === expected ? `PASS ${got}` : `FAIL ${got}, expected ${expected}`;
}

const first = await timed({ repo: "nobody/nothing" });
const sinceStart = performance.now();
console.log(`latency per Hub answer: ${latencyMs} ms`);
console.log(
  `cold pre-flight failure (repo not found): ${first.ms.toFixed(0)} ms; ${sinceStart.toFixed(0)} ms since this process started [${judged(first.r, "access:fail")}]`,
);

const cases: Array<[string, Partial<PreflightOptions>, expected: string]> = [
  ["pass (1.2 GB model, chat template)", {}, "ok"],
  ["pass, no chat template (reads tokenizer_config.json)", { repo: "sim-org/base-no-chat-template" }, "ok"],
  ["fail: repo not found", { repo: "nobody/nothing" }, "access:fail"],
  ["fail: revision not found", { revision: "v404" }, "revision:fail"],
  ["fail: 70B on 1x H100", { repo: "sim-org/llama-70b-like" }, "fit:fail"],
];
for (const [name, over, expected] of cases) {
  const times: number[] = [];
  let last: PreflightResult | undefined;
  for (let i = 0; i < reps; i++) {
    const { ms, r } = await timed(over);
    times.push(ms);
    last = r;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`${name}: median ${median.toFixed(1)} ms over ${reps} [${last ? judged(last, expected) : ""}]`);
}

sim.hub.down("fail");
const down = await timed({});
console.log(`Hub down (503, retried): ${down.ms.toFixed(0)} ms [${judged(down.r, "hub:warn")}]`);
if (values.hang) {
  sim.hub.down("hang");
  const hang = await timed({});
  console.log(`Hub hanging (default deadlines): ${hang.ms.toFixed(0)} ms [${judged(hang.r, "hub:warn")}]`);
}
await dispatcher.close();
await sim.close();

// The whole action, as the runner runs it, against a simulator whose endpoints come up at once.
const instant = { requestingVirtualMachine: 0, downloadingModel: 0, engineInitializing: 0 };
const action = await startSimulator({ latencyMs, scenario: { lifecycleMs: instant } });
let n = 0;
const deploy = (over: Record<string, string>) =>
  runAction({
    inputs: {
      "friendli-token": "flp_bench_token_0123456789",
      "project-id": "demo-project",
      name: `bench-${n++}`,
      "hf-model-repo": "sim-org/small-chat",
      gpu: "1x H100",
      "pr-comment": "false",
      "api-url": action.url,
      ...over,
    },
  });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const failing: number[] = [];
const on: number[] = [];
const off: number[] = [];
for (let i = 0; i < reps; i++) {
  const f = await deploy({ "hf-model-repo": "sim-org/llama-70b-like" });
  if (f.code === 0 || f.outputs.result !== "failed") throw new Error("the pre-flight did not fail the run");
  failing.push(f.wallMs);
  f.cleanup();
  for (const [times, preflight] of [
    [on, "true"],
    [off, "false"],
  ] as const) {
    const r = await deploy({ preflight });
    if (r.code !== 0) throw new Error(`deploy with preflight: ${preflight} failed: ${r.stdout}`);
    times.push(r.wallMs);
    r.cleanup();
  }
}
console.log(`\nThe action (dist/index.js as a child process), median of ${reps}:`);
console.log(
  `start to a pre-flight failure (70B on 1x H100, nothing created): ${median(failing).toFixed(0)} ms`,
);
console.log(
  `passing deploy: ${median(on).toFixed(0)} ms with the pre-flight, ${median(off).toFixed(0)} ms without: +${(median(on) - median(off)).toFixed(0)} ms`,
);
await action.close();
if (unexpected > 0) {
  console.log(`\n${unexpected} pre-flight verdict(s) not the expected one`);
  process.exitCode = 1;
}
