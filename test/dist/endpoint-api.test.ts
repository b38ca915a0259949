// The rest of the endpoint API through the built dist/index.js as the runner runs it, against the
// simulator: a fixed replica count sent as simplescale, the request queue's settings in `advanced`,
// the operations sleep, wake and restart, and a sweep that puts a closed PR's preview to sleep.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derivePreviewName } from "../../src/inputs/preview-names.ts";
import { INSTANT_LIFECYCLE, type Simulator, startSimulator } from "../simulator/index.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.ts";
import { type ActionRun, runAction } from "../support/run-action.ts";

const TOKEN = "flp_dist_endpoint_api_token_0123456789";
const GITHUB_TOKEN = "ghs_dist_endpoint_api_token_0123456789";
const PROJECT = "demo-project";

let sim: Simulator;
let gh: FakeGitHub;
beforeAll(async () => {
  // Waking takes a second: the wake is seen AWAKING before RUNNING. The rest is instant.
  sim = await startSimulator({ scenario: { lifecycleMs: { ...INSTANT_LIFECYCLE, awaking: 1000 } } });
  gh = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
});
afterAll(async () => {
  await Promise.all([sim?.close(), gh?.close()]);
});

const common = {
  "friendli-token": TOKEN,
  "project-id": PROJECT,
  "pr-comment": "false",
  "github-deployment": "false",
  preflight: "false",
};
const deploy = (name: string, more: Record<string, string>) => ({
  ...common,
  name,
  "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
  gpu: "1x H100",
  "api-url": sim.url,
  ...more,
});

/** Runs the action, hands the run to `check`, and cleans up; the token is never printed. */
async function withRun(inputs: Record<string, string>, check: (run: ActionRun) => void, env = {}) {
  const run = await runAction({ inputs, env });
  try {
    expect(run.stderr).toBe("");
    check(run);
    const printed = run.stdout.replace(`::add-mask::${TOKEN}`, "").replace(`::add-mask::${GITHUB_TOKEN}`, "");
    expect(printed + run.summary + JSON.stringify(run.outputs)).not.toMatch(/flp_dist|ghs_dist/);
  } finally {
    run.cleanup();
  }
}

const stateOf = (id: string) => sim.endpoints().find((e) => e.id === id);
const requestsTo = (id: string) => sim.requests.filter((r) => r.path.includes(id));

describe("replicas and the request queue", () => {
  it("replicas is sent as simplescale, without an autoscaling policy", async () => {
    await withRun(deploy("api-fixed", { replicas: "2" }), (run) => {
      expect(run.code).toBe(0);
      expect(run.outputs.result).toBe("created");
      const create = sim.requests.find(
        (r) => r.route === "create" && JSON.stringify(r.body).includes("api-fixed"),
      );
      expect(create?.body).toMatchObject({ name: "api-fixed", simplescale: { replicas: 2 } });
      expect(create?.body).not.toHaveProperty("autoscalingPolicy");
      expect(stateOf(run.outputs["endpoint-id"] ?? "")?.spec).toMatchObject({
        autoscalingMin: 2,
        autoscalingMax: 2,
      });
      // The estimate is at the fixed count: 2 x $5.00.
      expect(run.outputs["hourly-cost-usd"]).toBe("10.00");
    });
  });

  it("replicas with min-replicas is refused before any request, naming both", async () => {
    const before = sim.requests.length;
    await withRun(deploy("api-both", { replicas: "2", "min-replicas": "1" }), (run) => {
      expect(run.code).toBe(1);
      expect(run.outputs.result).toBe("failed");
      expect(run.stdout).toContain("`min-replicas` and `replicas` exclude each other");
    });
    expect(sim.requests.length).toBe(before);
  });

  it("the queue settings are sent in advanced", async () => {
    const queue = {
      "queue-timeout-ms": "30000",
      "queue-backpressure-metric": "TTFT_MS",
      "queue-backpressure-threshold": "1500",
    };
    await withRun(deploy("api-queue", queue), (run) => {
      expect(run.code).toBe(0);
      const create = sim.requests.find(
        (r) => r.route === "create" && JSON.stringify(r.body).includes("api-queue"),
      );
      expect(create?.body).toMatchObject({
        advanced: {
          queue_timeout_ms: 30000,
          queue_backpressure_metric_kind: "TTFT_MS",
          queue_backpressure_metric_threshold: 1500,
        },
      });
    });
  });

  it("a queue metric that is not one of the API's is refused before any request, naming the allowed ones", async () => {
    const before = sim.requests.length;
    await withRun(deploy("api-bad-metric", { "queue-backpressure-metric": "LATENCY" }), (run) => {
      expect(run.code).toBe(1);
      expect(run.outputs.result).toBe("failed");
      expect(run.stdout).toContain(
        "`queue-backpressure-metric` must be one of TPOT_MS, TTFT_MS, REQUEST_COUNT, WORKSPACE_UTILIZATION, QUEUED_PREFILL_TOKENS (got LATENCY)",
      );
    });
    expect(sim.requests.length).toBe(before);
  });
});

describe("operations sleep, wake and restart", () => {
  const seed = (name: string, status: string, more = {}) =>
    sim.seed({
      name,
      projectId: PROJECT,
      status,
      autoscalingPolicy: { minReplica: 1, maxReplica: 1 },
      ...more,
    });
  const operate = (operation: string, target: Record<string, string>) => ({
    ...common,
    operation,
    "api-url": sim.url,
    ...target,
  });

  it("sleep by name: PUT …/sleep, then SLEEPING", async () => {
    const id = seed("api-sleep", "RUNNING");
    await withRun(operate("sleep", { name: "api-sleep" }), (run) => {
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ result: "slept", status: "SLEEPING", "endpoint-id": id });
      expect(run.summary).toContain(
        "## 💤 Friendli sleep: Endpoint asleep (its GPUs freed) · api-sleep (SLEEPING)",
      );
    });
    expect(stateOf(id)?.status).toBe("SLEEPING");
    expect(
      requestsTo(id)
        .filter((r) => r.method === "PUT")
        .map((r) => r.route),
    ).toEqual(["sleep"]);
  });

  it("wake by endpoint-id: AWAKING, then RUNNING", async () => {
    const id = seed("api-wake", "SLEEPING");
    await withRun(operate("wake", { "endpoint-id": id }), (run) => {
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ result: "woken", status: "RUNNING", "endpoint-id": id });
      expect(run.stdout).toMatch(/status AWAKING, phase ENGINE_INITIALIZING[\s\S]*status RUNNING/);
      expect(run.summary).toContain("## ✅ Friendli wake: Endpoint awake · api-wake (RUNNING)");
    });
    expect(stateOf(id)?.status).toBe("RUNNING");
  });

  it("restart of a FAILED endpoint: PUT …/restart, then RUNNING", async () => {
    const id = seed("api-restart", "FAILED", {
      phase: "ENGINE_INITIALIZING",
      errorCode: "INFERENCE_ENGINE_MEMORY_ERROR",
    });
    await withRun(operate("restart", { name: "api-restart" }), (run) => {
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ result: "restarted", status: "RUNNING", "error-code": "" });
      expect(run.summary).toContain("## ✅ Friendli restart: Endpoint restarted · api-restart (RUNNING)");
    });
    expect(stateOf(id)?.status).toBe("RUNNING");
  });

  it("restart of a RUNNING endpoint is refused before any PUT", async () => {
    const id = seed("api-restart-running", "RUNNING");
    await withRun(operate("restart", { name: "api-restart-running" }), (run) => {
      expect(run.code).toBe(1);
      expect(run.outputs.result).toBe("failed");
      expect(run.stdout).toContain("only a FAILED or TERMINATED endpoint can be restarted");
    });
    expect(requestsTo(id).filter((r) => r.method === "PUT")).toEqual([]);
  });
});

it("sweep-action sleep puts a closed PR's preview to sleep: GET shows SLEEPING, no DELETE sent", async () => {
  const name = derivePreviewName("acme/models", 41);
  const open = derivePreviewName("acme/models", 42);
  const id = sim.seed({ name, projectId: PROJECT, status: "RUNNING", autoscalingPolicy: { minReplica: 1 } });
  const kept = sim.seed({
    name: open,
    projectId: PROJECT,
    status: "RUNNING",
    autoscalingPolicy: { minReplica: 1 },
  });
  gh.pulls.set(41, { state: "closed", merged: false });
  gh.pulls.set(42, { state: "open", merged: false });
  const inputs = {
    ...common,
    operation: "sweep",
    "sweep-action": "sleep",
    "github-token": GITHUB_TOKEN,
    "api-url": sim.url,
  };
  await withRun(
    inputs,
    (run) => {
      expect(run.code).toBe(0);
      expect(run.outputs.result).toBe("swept");
      expect(run.summary).toContain("## 🧹 Friendli sweep: stale previews put to sleep");
      expect(run.summary).toContain(`| ${name} (${id}) | #41 | closed |`);
      expect(run.summary).toContain("| 💤 put to sleep | PR closed |");
    },
    { GITHUB_REPOSITORY: "acme/models", GITHUB_API_URL: gh.url },
  );
  const get = await fetch(`${sim.url}/dedicated/beta/endpoint/${id}/status`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(((await get.json()) as { status: string }).status).toBe("SLEEPING");
  expect(stateOf(kept)?.status).toBe("RUNNING");
  expect(sim.requests.filter((r) => r.method === "DELETE")).toEqual([]);
  expect(
    requestsTo(id)
      .filter((r) => r.method === "PUT")
      .map((r) => r.route),
  ).toEqual(["sleep"]);
});
