// The built bundle (dist/index.js) run as the runner runs it, against the simulator: `gpu` as an
// ordered list. The first GPU gets no VM and the endpoint moves on after `gpu-fallback-after`; a
// choice over `max-hourly-cost` or too small for the model is dropped with a note; no choice gets a
// VM; the API refuses a GPU. Lifecycles are instant but for the options without capacity, so each
// run lasts about `gpu-fallback-after` (2 s) or its `wait-timeout`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTANT_LIFECYCLE, type Simulator, startSimulator } from "../simulator/index.ts";
import { type ActionRun, runAction } from "../support/run-action.ts";
import { useFakeGitHub } from "../support/use-fake-github.ts";

const TOKEN = "flp_dist_gpu_fallback_0123456789";
const GITHUB_TOKEN = "ghs_distGpuFallbackToken0123456789";
const REVISION = "0e9e39f249a16976918f6564b8830bc894c89659";
const ID = {
  "1x H100": "TwD5AqnBSVN0",
  "2x H100": "zfTutSiLn0Hq",
  "1x H200": "LnK1wTaKc7WO",
  "1x A100 80GB": "ShbPuOs4tfGb",
  "2x A100 80GB": "mrAHuYt7T40o",
  "1x B200": "8GiQTLKfJNOr",
} as const;

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({
    scenario: {
      lifecycleMs: INSTANT_LIFECYCLE,
      noCapacity: [ID["1x H100"], ID["1x A100 80GB"]],
      refusedOptions: [ID["2x A100 80GB"]],
    },
  });
});
afterAll(async () => {
  await sim?.close();
});
const github = useFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });

function deploy(name: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: {
      "friendli-token": TOKEN,
      "project-id": "demo-project",
      name,
      "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
      "hf-model-revision": REVISION,
      preflight: "false",
      "pr-comment": "false",
      "gpu-fallback-after": "2s",
      "wait-timeout": "30s",
      "api-url": sim.url,
      ...inputs,
    },
    env: { GITHUB_REPOSITORY: "acme/models", GITHUB_API_URL: github.url },
    timeoutMs: 40_000,
  });
}

/** The instance options of the creates and updates sent for `name`, in order, with their answers. */
function writes(name: string, since: number) {
  const ids = new Set(
    sim
      .endpoints()
      .filter((e) => e.name === name)
      .map((e) => e.id),
  );
  return sim.requests
    .slice(since)
    .filter(
      (q) =>
        (q.route === "create" && (q.body as { name?: string }).name === name) ||
        (q.route === "update" && [...ids].some((id) => q.path.endsWith(`/${id}`))),
    )
    .map((q) => [q.route, (q.body as { instanceOptionId?: string }).instanceOptionId, q.status]);
}

const warnings = (run: ActionRun) =>
  run.stdout
    .split("\n")
    .filter((l) => l.startsWith("::warning"))
    // As the runner decodes what @actions/core escaped.
    .map((l) => l.replace(/^::warning[^:]*::/, "").replace(/%25/g, "%"));

describe("dist/index.js: gpu as an ordered list of choices", () => {
  it("the first GPU gets no VM: after gpu-fallback-after the same endpoint moves to the second and ends RUNNING", async () => {
    const since = sim.requests.length;
    const run = await deploy("fallback-moves", { gpu: "1x H100, 1x H200", "github-token": GITHUB_TOKEN });
    try {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({
        result: "created",
        status: "RUNNING",
        gpu: "1x H200",
        "hourly-cost-usd": "7.00",
      });
      expect(JSON.parse(run.outputs.json ?? "{}").gpu).toBe("1x H200");
      // One endpoint, created on the H100, then moved to the H200 by a PUT.
      const [endpoint, ...more] = sim.endpoints().filter((e) => e.name === "fallback-moves");
      expect(more).toEqual([]);
      expect(endpoint).toMatchObject({ status: "RUNNING", instanceOptionId: ID["1x H200"], versions: 2 });
      expect(writes("fallback-moves", since)).toEqual([
        ["create", ID["1x H100"], 200],
        ["update", ID["1x H200"], 200],
      ]);
      const moved = /1x H100 got no VM in (\d)s: moving to 1x H200, the next choice of `gpu`/.exec(
        warnings(run).join("\n"),
      );
      expect(Number(moved?.[1])).toBe(2);
      expect(run.summary).toMatch(
        /\| GPU \| 1x H200 \|\n\| GPUs tried \| 1x H100 got no VM in 2s; 1x H200 \|/,
      );
      // The ledger records what serves: the H100's deployment failed, the H200's succeeded.
      const recorded = github.deployments.deployments.map((d) => [
        (d.payload as { settings: { gpu: { label: string } } }).settings.gpu.label,
        d.statuses.at(-1)?.state,
        d.statuses.at(-1)?.description,
      ]);
      expect(recorded).toEqual([
        ["1x H100", "failure", "1x H100 got no VM in 2s"],
        ["1x H200", "success", "Serving"],
      ]);
      // Run again with the same inputs: the endpoint serves them on the H200, so nothing is sent.
      const again = await deploy("fallback-moves", { gpu: "1x H100, 1x H200", "github-token": GITHUB_TOKEN });
      again.cleanup();
      expect(again.outputs).toMatchObject({ result: "unchanged", gpu: "1x H200", "hourly-cost-usd": "7.00" });
      expect(writes("fallback-moves", since)).toHaveLength(2);
    } finally {
      run.cleanup();
    }
  });

  it("drops a choice over max-hourly-cost and one the model does not fit, with a note; the estimate covers the range", async () => {
    const since = sim.requests.length;
    // 141.1 GB of weights: 1x H100 (80 GB) cannot hold them. List prices: B200 $9, H200 $7, H100 $5.
    const run = await deploy("fallback-drops", {
      gpu: "2x B200, 1x H100, 1x B200, 2x H200",
      "hf-model-repo": "sim-org/llama-70b-like",
      "hf-model-revision": "",
      preflight: "true",
      "max-hourly-cost": "15",
    });
    try {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ result: "created", gpu: "1x B200", "hourly-cost-usd": "9.00" });
      const notes = warnings(run).filter((w) => w.includes("is dropped from `gpu`"));
      expect(notes).toEqual([
        expect.stringMatching(
          /^2x B200 is dropped from `gpu`: 1 replica\(s\) of 2x B200 cost \$18\.00\/h .*above `max-hourly-cost` \$15\.00/,
        ),
        expect.stringMatching(
          /^1x H100 is dropped from `gpu`: weights 141\.1 GB are 176% of 1x H100's 80\.0 GB GPU memory: they do not fit/,
        ),
      ]);
      expect(run.summary).toContain(
        "- ⚠️ 2x B200 is dropped from &#96;gpu&#96;: 1 replica(s) of 2x B200 cost $18.00/h",
      );
      expect(run.summary).toContain("- ⚠️ 1x H100 is dropped from &#96;gpu&#96;: weights 141.1 GB");
      expect(run.summary).toContain(
        "| Over the GPU choices | $9.00 to $14.00/h at max replicas, before the run |",
      );
      expect(run.summary).toContain(
        "| Cost per hour (estimate) | 0 when idle to $9.00/h at the B200 list price",
      );
      // The pre-flight's fit is the choice asked for; nothing was ever sent with a dropped one.
      expect(run.stdout).toContain("of 1x B200's 180.0 GB GPU memory");
      expect(writes("fallback-drops", since)).toEqual([["create", ID["1x B200"], 200]]);
    } finally {
      run.cleanup();
    }
  });

  it("no choice gets a VM: the run fails within wait-timeout, naming each GPU and how long it waited", async () => {
    const since = sim.requests.length;
    const run = await deploy("fallback-none", { gpu: "1x H100, 1x A100 80GB", "wait-timeout": "6s" });
    try {
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({
        result: "timed-out",
        status: "INITIALIZING",
        phase: "REQUESTING_VIRTUAL_MACHINE",
        gpu: "1x A100 80GB",
      });
      const error = run.stdout.split("\n").find((l) => l.startsWith("::error::")) ?? "";
      expect(error).toMatch(
        /No GPU of `gpu` got a VM: 1x H100 got no VM in 2s; 1x A100 80GB got no VM in [34]s/,
      );
      expect(run.summary).toMatch(
        /\| GPUs tried \| 1x H100 got no VM in 2s; 1x A100 80GB got no VM in [34]s \|/,
      );
      expect(writes("fallback-none", since)).toEqual([
        ["create", ID["1x H100"], 200],
        ["update", ID["1x A100 80GB"], 200],
      ]);
      expect(run.wallMs).toBeLessThan(15_000);
    } finally {
      run.cleanup();
    }
  });

  it("the API refuses a GPU: the create is sent with the next one", async () => {
    const since = sim.requests.length;
    const run = await deploy("fallback-refused", { gpu: "2x A100, 1x H200" });
    try {
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ result: "created", status: "RUNNING", gpu: "1x H200" });
      expect(writes("fallback-refused", since)).toEqual([
        ["create", ID["2x A100 80GB"], 400],
        ["create", ID["1x H200"], 200],
      ]);
      expect(run.summary).toContain(
        "| GPUs tried | 2x A100 80GB was refused by the API (No capacity for instance option 'mrAHuYt7T40o' at the moment: choose another instance option.); 1x H200 |",
      );
    } finally {
      run.cleanup();
    }
  });

  it("the API refuses a GPU of an update: the PUT is sent with the next one", async () => {
    const id = sim.seed({
      name: "fallback-refused-put",
      projectId: "demo-project",
      instanceOptionId: ID["1x H200"],
    });
    const since = sim.requests.length;
    const run = await deploy("fallback-refused-put", { gpu: "2x A100, 2x H100" });
    try {
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({
        result: "updated",
        "endpoint-id": id,
        status: "RUNNING",
        gpu: "2x H100",
      });
      expect(writes("fallback-refused-put", since)).toEqual([
        ["update", ID["2x A100 80GB"], 400],
        ["update", ID["2x H100"], 200],
      ]);
    } finally {
      run.cleanup();
    }
  });
});
