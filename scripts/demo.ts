// `npm start`: the action end to end on this machine. Starts the Friendli simulator on loopback
// (its Hub side answers the pre-flight), runs the built dist/index.js exactly as the runner would (a
// deploy the pre-flight refuses, a deploy that waits for RUNNING and measures its smoke test, then a
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
  // The streamed smoke test's first token comes this long after the request (real time here).
  ttftMs: 180,
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
  // The simulator serves the Hugging Face Hub's routes too: the pre-flight asks it.
  "hf-endpoint": sim.url,
};

try {
  console.log("── deploy a 70B model on 1x H100: the pre-flight refuses it ─");
  const refused = await runAction({
    inputs: { ...common, name: "demo-too-big", "hf-model-repo": "sim-org/llama-70b-like", gpu: "1x H100" },
    echo: true,
  });
  report(refused);

  console.log("\n── deploy (no revision: the pre-flight pins the commit) ──");
  const deployRun = await runAction({
    inputs: {
      ...common,
      "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
      gpu: "1x H100",
      "wait-timeout": "2m",
      "smoke-test": "true",
      "smoke-test-max-ttft-ms": "2000",
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
  const refusedAsExpected = refused.code !== 0 && refused.outputs.result === "failed";
  process.exitCode = refusedAsExpected && deployRun.code === 0 && deleteRun.code === 0 ? 0 : 1;
} finally {
  await sim.close();
}

function report(run: ActionRun): void {
  console.log(`\nexit code ${run.code}, ${(run.wallMs / 1000).toFixed(1)} s; outputs:`);
  for (const [name, value] of Object.entries(run.outputs)) {
    if (name !== "json") console.log(`  ${name.padEnd(28)} ${value}`);
  }
  console.log(`job summary written to ${run.summaryPath} (${run.summary.length} bytes)`);
}
