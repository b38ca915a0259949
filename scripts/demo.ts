// `npm start`: the action end to end on this machine. Starts the Friendli simulator on loopback,
// runs the built dist/index.js exactly as the runner would (a deploy that waits for RUNNING, then a
// delete), and prints the phases as they happen, the outputs, and where the job summary was written.
import { startSimulator } from "../test/simulator/index.ts";
import { type ActionRun, runAction } from "../test/support/run-action.ts";

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
});
console.log(`Friendli simulator on ${sim.url} (project demo-project, any flp_ token)`);
console.log(
  "Lifecycle: GPU 12 s, model download 20 s, engine start 10 s; the action polls as it would against Friendli.\n",
);

const common = {
  "friendli-token": "flp_demo_token_for_the_simulator",
  "project-id": "demo-project",
  name: "demo-llama",
  "pr-comment": "false",
  "api-url": sim.url,
};

try {
  console.log("── deploy ──────────────────────────────────────────────");
  const deployRun = await runAction({
    inputs: {
      ...common,
      "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
      "hf-model-revision": "0e9e39f249a16976918f6564b8830bc894c89659",
      gpu: "1x H100",
      "wait-timeout": "2m",
      "smoke-test": "true",
    },
    echo: true,
  });
  report(deployRun);

  console.log("\n── delete ──────────────────────────────────────────────");
  const deleteRun = await runAction({
    inputs: { ...common, operation: "delete", "endpoint-id": deployRun.outputs["endpoint-id"] ?? "" },
    echo: true,
  });
  report(deleteRun);
  console.log(`\n${sim.requests.length} requests reached the simulator.`);
  process.exitCode = deployRun.code === 0 && deleteRun.code === 0 ? 0 : 1;
} finally {
  await sim.close();
}

function report(run: ActionRun): void {
  console.log(`\nexit code ${run.code}, ${(run.wallMs / 1000).toFixed(1)} s; outputs:`);
  for (const [name, value] of Object.entries(run.outputs)) {
    if (name !== "json") console.log(`  ${name.padEnd(22)} ${value}`);
  }
  console.log(`job summary written to ${run.summaryPath} (${run.summary.length} bytes)`);
}
