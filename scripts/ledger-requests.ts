// What the deployment ledger saves, counted from the simulator's request log: the Friendli
// requests of a first and a second identical deploy in a project of N endpoints, with the ledger
// (the loopback fake of GitHub's deployments API) and without it, and the request sequence of a
// rollback. The run is in-process on the simulator's virtual clock, so minutes of waiting take
// milliseconds and the counts are exact.
//
//   npm run demo:ledger [-- --endpoints 40,500] [-- --json]
//
// A script, not a test: it prints figures for the record (the tests hold the bounds); `npm run docs`
// writes them into the docs from `--json`.
import { parseArgs } from "node:util";
import type { Simulator } from "../test/simulator/index.ts";
import { type FakeGitHub, startFakeGitHub } from "../test/support/fake-github.ts";
import { deployInputs, runInProcess, simulatorWithVirtualClock } from "../test/support/in-process.ts";

const { values } = parseArgs({
  options: { endpoints: { type: "string", default: "40,500" }, json: { type: "boolean", default: false } },
});
const sizes = (values.endpoints ?? "40,500").split(",").map(Number);
const GITHUB_TOKEN = "ghs_measureLedgerToken0123456789";
const BAD_REVISION = "bad0bad0bad0bad0bad0bad0bad0bad0bad0bad0";

type Env = Awaited<ReturnType<typeof simulatorWithVirtualClock>>;

function deploy(env: Env, github: FakeGitHub, overrides: Record<string, string> = {}) {
  return runInProcess({
    inputs: deployInputs(env.sim, { "github-token": GITHUB_TOKEN, ...overrides }),
    clock: env.clock,
    env: { GITHUB_REPOSITORY: "acme/models", GITHUB_API_URL: github.url },
  });
}

/** The log without the simulator's Hub side (the pre-flight's requests): Friendli's requests only. */
function friendli(sim: Simulator) {
  return sim.requests.filter((r) => !r.route.startsWith("hub"));
}

/** "GET list ×3, GET get ×500, POST create" from the log: runs of one route folded. */
function sequence(sim: Simulator): string {
  const out: Array<[string, number]> = [];
  for (const r of friendli(sim)) {
    const route = `${r.method} ${r.route}`;
    const last = out.at(-1);
    if (last && last[0] === route) last[1]++;
    else out.push([route, 1]);
  }
  return out.map(([route, n]) => (n > 1 ? `${route} ×${n}` : route)).join(", ");
}

/** Requests before the first status poll: what finding the endpoint (and writing to it) cost. */
function beforeWait(sim: Simulator): number {
  const requests = friendli(sim);
  const i = requests.findIndex((r) => r.route === "status");
  return i < 0 ? requests.length : i;
}

async function measure(size: number, ledger: boolean) {
  const env = await simulatorWithVirtualClock({ seed: 7 });
  const github = await startFakeGitHub({ token: GITHUB_TOKEN });
  try {
    for (let i = 0; i < size - 1; i++) env.sim.seed({ name: `other-${i}`, projectId: "demo-project" });
    const off: Record<string, string> = ledger ? {} : { "github-deployment": "false" };
    const first = await deploy(env, github, off);
    const firstCount = friendli(env.sim).length;
    const firstLookup = beforeWait(env.sim);
    env.sim.requests.length = 0;
    const second = await deploy(env, github, off);
    return {
      size,
      ledger,
      first: { result: first.outputs.result, requests: firstCount, beforeWait: firstLookup },
      second: { result: second.outputs.result, requests: friendli(env.sim).length, seq: sequence(env.sim) },
    };
  } finally {
    await env.sim.close();
    await github.close();
  }
}

async function rollback() {
  const env = await simulatorWithVirtualClock({
    seed: 7,
    scenario: {
      failures: [
        {
          match: { hfModelRepoRevision: BAD_REVISION },
          phase: "ENGINE_INITIALIZING",
          errorCode: "INFERENCE_ENGINE_MEMORY_ERROR",
        },
      ],
    },
  });
  const github = await startFakeGitHub({ token: GITHUB_TOKEN });
  try {
    await deploy(env, github);
    env.sim.requests.length = 0;
    const t0 = env.clock.now();
    // Without the pre-flight: the simulated Hub does not know this revision, and the pre-flight
    // would refuse it before any update went out.
    const r = await deploy(env, github, {
      "hf-model-revision": BAD_REVISION,
      "rollback-on-failure": "true",
      preflight: "false",
    });
    const seq = friendli(env.sim).map((q) => {
      const rev = (q.body as { hfModelRepoRevision?: string } | undefined)?.hfModelRepoRevision;
      return `+${Math.round((q.at - t0) / 1000)}s ${q.method} ${q.route}${rev ? ` (revision ${rev.slice(0, 7)})` : ""}`;
    });
    const ledgerStates = github.deployments.deployments.map(
      (d) => `${d.id}: ${d.statuses.map((s) => s.state).join(" -> ")}`,
    );
    return { result: r.outputs.result, failed: r.failed !== undefined, seq, ledgerStates, total: seq.length };
  } finally {
    await env.sim.close();
    await github.close();
  }
}

const measured: Array<Awaited<ReturnType<typeof measure>>> = [];
for (const size of sizes) for (const ledger of [false, true]) measured.push(await measure(size, ledger));
const rb = await rollback();
if (values.json) console.log(JSON.stringify({ measured, rollback: rb }, null, 2));
else print();

function print() {
  console.log("Friendli requests of a deploy by name (first: create; second: the same settings again)\n");
  console.log(
    "| endpoints | ledger | first deploy (before the wait) | second deploy | second's result | second's requests |",
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const m of measured) {
    console.log(
      `| ${m.size} | ${m.ledger ? "on" : "off"} | ${m.first.requests} (${m.first.beforeWait}) | ${m.second.requests} | ${m.second.result} | ${m.second.seq} |`,
    );
  }
  console.log(
    `\nRollback (update to a revision that FAILs in ENGINE_INITIALIZING, rollback-on-failure: true):`,
  );
  console.log(`result ${rb.result}, step failed: ${rb.failed}, ${rb.total} Friendli requests`);
  for (const line of rb.seq) console.log(`  ${line}`);
  console.log("GitHub deployments (oldest first):");
  for (const line of rb.ledgerStates) console.log(`  ${line}`);
}
// A figure for the record is only worth printing if the run did what it claims to measure.
if (rb.result !== "rolled-back" || !rb.failed) {
  console.error(`\nthe rollback run ended ${rb.result}, not rolled-back with the step failed`);
  process.exitCode = 1;
}
