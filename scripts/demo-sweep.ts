// `npm run demo:sweep`: a sweep of a simulated project, before and after. Starts the Friendli
// simulator and the fake GitHub on loopback, seeds a project (this repository's previews of closed,
// merged, open and stale PRs and of a PR GitHub no longer knows, beside production, another
// repository's preview and one named the old way), and runs the built dist/index.js as the runner
// would: first a dry run, then the sweep with `max-age: 72h`. Prints the project's listing before
// and after, and the job summary's table.
import { startSimulator } from "../test/simulator/index.ts";
import { startFakeGitHub } from "../test/support/fake-github.ts";
import { type ActionRun, runAction } from "../test/support/run-action.ts";
import {
  liveNames,
  SWEEP_PROJECT,
  SWEEP_REPOSITORY,
  seedSweepProject,
} from "../test/support/sweep-project.ts";

const GITHUB_TOKEN = "ghs_demo_token_for_the_fake_github";
const sim = await startSimulator();
const gh = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
seedSweepProject(sim, gh, Date.now());
console.log(`Friendli simulator on ${sim.url}, fake GitHub on ${gh.url}; repository ${SWEEP_REPOSITORY}`);
console.log(
  "PRs on GitHub: #1 closed, #2 merged, #3 open (pushed an hour ago), #4 open (idle 4 days), #5 unknown (404)\n",
);

const sweepInputs = (extra: Record<string, string>) => ({
  operation: "sweep",
  "friendli-token": "flp_demo_token_for_the_simulator",
  "project-id": SWEEP_PROJECT,
  "github-token": GITHUB_TOKEN,
  "api-url": sim.url,
  "max-age": "72h",
  ...extra,
});
const env = { GITHUB_REPOSITORY: SWEEP_REPOSITORY, GITHUB_API_URL: gh.url };

try {
  listing("before");
  console.log("\n── sweep, dry-run: true ────────────────────────────────");
  const dry = await runAction({
    inputs: sweepInputs({ "dry-run": "true" }),
    eventName: "schedule",
    env,
    echo: true,
  });
  report(dry);
  console.log("\n── sweep ───────────────────────────────────────────────");
  const real = await runAction({ inputs: sweepInputs({}), eventName: "schedule", env, echo: true });
  report(real);
  console.log("\njob summary:\n");
  console.log(real.summary);
  listing("after");
  dry.cleanup();
  real.cleanup();
  process.exitCode = dry.code === 0 && real.code === 0 ? 0 : 1;
} finally {
  await Promise.all([sim.close(), gh.close()]);
}

function listing(when: string): void {
  console.log(`project ${SWEEP_PROJECT} ${when}: ${liveNames(sim).length} live endpoints`);
  for (const e of sim.endpoints()) {
    const ageH = Math.round((Date.now() - e.updatedAt) / 3_600_000);
    const status = e.deleted ? "DELETED" : e.status;
    console.log(`  ${e.name.padEnd(26)} ${e.id}  ${status.padEnd(11)} updated ${ageH}h ago`);
  }
}

function report(run: ActionRun): void {
  console.log(`\nexit code ${run.code}; result: ${run.outputs.result}`);
}
