// `npm start`: the action end to end on this machine. Starts the Friendli simulator on loopback
// (its Hub side answers the pre-flight) and the fake GitHub beside it (the deployment ledger), runs
// the built dist/index.js exactly as the runner would (a deploy the pre-flight refuses, a deploy
// that waits for RUNNING and measures its smoke test, the same deploy again, which the ledger shows
// to be unchanged, then a delete), and prints the phases as they happen, the outputs, and where the
// job summary was written.
import { startSimulator } from "../test/simulator/index.ts";
import { startFakeGitHub } from "../test/support/fake-github.ts";
import { type ActionRun, runAction } from "../test/support/run-action.ts";

const GITHUB_TOKEN = "ghs_demo_token_for_the_fake_github";

const sim = await startSimulator({
  scenario: {
    // Long enough to see each phase through the action's real polling (every 14 s while nothing is
    // about to end in RUNNING, faster once the engine starts), short enough to watch: about a minute.
    lifecycleMs: {
      requestingVirtualMachine: 12_000,
      downloadingModel: 20_000,
      engineInitializing: 10_000,
      updating: 2000,
      terminating: 1000,
      awaking: 1000,
    },
  },
  // The streamed smoke test's first token comes this long after the request (real time here).
  ttftMs: 180,
});
const gh = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
console.log(`Friendli simulator on ${sim.url} (project demo-project, any flp_ token)`);
console.log(`fake GitHub on ${gh.url} (repository acme/models: the deployments ledger)`);
console.log(
  "Lifecycle: GPU 12 s, model download 20 s, engine start 10 s; the action polls as it would against Friendli.\n",
);

const common = {
  "friendli-token": "flp_demo_token_for_the_simulator",
  "project-id": "demo-project",
  name: "demo-llama",
  "pr-comment": "false",
  "api-url": sim.url,
  // The simulator serves the Hugging Face Hub's routes too: the pre-flight asks it.
  "hf-endpoint": sim.url,
  "github-token": GITHUB_TOKEN,
};
// The runner's variables the ledger reads: which repository, and where GitHub's API is.
const env = { GITHUB_REPOSITORY: "acme/models", GITHUB_API_URL: gh.url };
const deployInputs = {
  ...common,
  "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
  gpu: "1x H100",
  "wait-timeout": "2m",
  "smoke-test": "true",
  "smoke-test-max-ttft-ms": "2000",
};

try {
  console.log("── deploy a 70B model on 1x H100: the pre-flight refuses it ─");
  const refused = await runAction({
    inputs: { ...common, name: "demo-too-big", "hf-model-repo": "sim-org/llama-70b-like", gpu: "1x H100" },
    env,
    echo: true,
  });
  report(refused);

  console.log("\n── deploy (no revision: the pre-flight pins the commit) ──");
  const deployRun = await runAction({ inputs: deployInputs, env, echo: true });
  report(deployRun);

  console.log("\n── the same deploy again: the ledger shows nothing changed ─");
  const before = sim.requests.length;
  const againRun = await runAction({ inputs: deployInputs, env, echo: true });
  report(againRun);
  const again = sim.requests.slice(before);
  const puts = again.filter((r) => r.method === "PUT").length;
  console.log(
    `${again.length} requests to the simulator, Hub included (${puts} PUT); GitHub deployments recorded:`,
  );
  for (const d of gh.requests.filter((r) => r.method === "POST" && r.path.endsWith("/deployments"))) {
    console.log(`  POST ${d.path} (environment ${(d.body as { environment?: string }).environment})`);
  }

  console.log("\n── delete ──────────────────────────────────────────────");
  const deleteRun = await runAction({
    inputs: { ...common, operation: "delete", "endpoint-id": deployRun.outputs["endpoint-id"] ?? "" },
    env,
    echo: true,
  });
  report(deleteRun);
  console.log(`\n${sim.requests.length} requests reached the simulator.`);
  const refusedAsExpected = refused.code !== 0 && refused.outputs.result === "failed";
  const unchanged = againRun.code === 0 && againRun.outputs.result === "unchanged" && puts === 0;
  const recorded = Boolean(deployRun.outputs["deployment-id"]);
  process.exitCode =
    refusedAsExpected && deployRun.code === 0 && recorded && unchanged && deleteRun.code === 0 ? 0 : 1;
} finally {
  await Promise.all([sim.close(), gh.close()]);
}

function report(run: ActionRun): void {
  console.log(`\nexit code ${run.code}, ${(run.wallMs / 1000).toFixed(1)} s; outputs:`);
  for (const [name, value] of Object.entries(run.outputs)) {
    if (name !== "json") console.log(`  ${name.padEnd(28)} ${value}`);
  }
  console.log(`job summary written to ${run.summaryPath} (${run.summary.length} bytes)`);
}
