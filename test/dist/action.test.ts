// The built bundle, run as a child process the way the runner runs it, against the simulator.
// These tests prove that dist/index.js loads, reads INPUT_* env, writes outputs/state/summary files
// and reacts to signals; the logic itself is covered in-process elsewhere.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitOf } from "../simulator/hub-models.ts";
import { INSTANT_LIFECYCLE, type Simulator, startSimulator } from "../simulator/index.ts";
import { repoRoot, runAction } from "../support/run-action.ts";

const TOKEN = "flp_dist_test_token_0123456789";
const REVISION = "0e9e39f249a16976918f6564b8830bc894c89659";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({
    scenario: {
      lifecycleMs: INSTANT_LIFECYCLE,
    },
  });
});
afterAll(async () => {
  await sim?.close();
});

const deployInputs = (name: string) => ({
  "friendli-token": TOKEN,
  "project-id": "demo-project",
  name,
  "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
  "hf-model-revision": REVISION,
  gpu: "1x H100",
  "pr-comment": "false",
  "api-url": sim.url,
});

describe("dist/index.js as the runner runs it", () => {
  it("deploys, finds the id, waits for RUNNING and writes every output and the summary", async () => {
    const run = await runAction({ inputs: deployInputs("dist-deploy") });
    try {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const created = sim.endpoints().filter((e) => e.name === "dist-deploy");
      expect(created).toHaveLength(1);
      expect(run.outputs).toMatchObject({
        "endpoint-id": created[0]?.id,
        "endpoint-name": "dist-deploy",
        status: "RUNNING",
        phase: "",
        result: "created",
        "inference-url": `${sim.url}/dedicated/v1`,
      });
      expect(JSON.parse(run.outputs.json ?? "{}")).toMatchObject({ result: "created", status: "RUNNING" });
      expect(run.summary).toContain("dist-deploy");
      expect(run.summary).toContain(created[0]?.id);
      expect(run.state["created-by-this-run"]).toBe("true");
      // The build wrote package.json's version into the user agent of every Friendli request.
      const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
        version: string;
      };
      const friendli = sim.requests.filter((r) => r.headers.authorization === `Bearer ${TOKEN}`);
      expect(new Set(friendli.map((r) => r.headers["user-agent"]))).toEqual(
        new Set([`friendli-deploy-action/${version}`]),
      );
      // The one place the token may appear is the ::add-mask:: command that asks the runner to hide it.
      expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
      const printed = run.stdout.replace(`::add-mask::${TOKEN}`, "");
      expect(printed + run.stderr + run.summary + JSON.stringify(run.outputs)).not.toContain(TOKEN);
    } finally {
      run.cleanup();
    }
  });

  it("pre-flight and smoke test: pins the commit, reports model-revision and the smoke test's measures", async () => {
    const HF_TOKEN = "hf_dist_secret_token_0123456789";
    const run = await runAction({
      inputs: {
        ...deployInputs("dist-preflight"),
        "hf-model-repo": "sim-org/small-chat",
        "hf-model-revision": "",
        "hf-token": HF_TOKEN,
        "smoke-test": "true",
        "smoke-test-max-ttft-ms": "60000",
      },
    });
    try {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const sha = commitOf("sim-org/small-chat");
      const create = sim.requests.find(
        (q) => q.route === "create" && (q.body as { name?: string }).name === "dist-preflight",
      );
      expect(create?.body).toMatchObject({ hfModelRepoRevision: sha });
      expect(run.outputs["model-revision"]).toBe(sha);
      expect(Number(run.outputs["smoke-test-ttft-ms"])).toBeGreaterThanOrEqual(0);
      expect(run.outputs["smoke-test-ttft-ms"]).toMatch(/^\d+$/);
      expect(Number(run.outputs["smoke-test-tokens-per-second"])).toBeGreaterThan(0);
      const json = JSON.parse(run.outputs.json ?? "{}");
      expect(json).toMatchObject({ "model-revision": sha, result: "created" });
      expect(typeof json["smoke-test-tokens-per-second"]).toBe("number");
      expect(run.summary).toContain("### Pre-flight passed");
      expect(run.stdout).toContain(`::add-mask::${HF_TOKEN}`);
      const printed = run.stdout.replace(`::add-mask::${HF_TOKEN}`, "");
      expect(printed + run.summary + JSON.stringify(run.outputs)).not.toContain(HF_TOKEN);
      for (const q of sim.requests.filter((r) => !r.route.startsWith("hub-"))) {
        expect(JSON.stringify(q)).not.toContain(HF_TOKEN);
      }
    } finally {
      run.cleanup();
    }
  });

  it("reports every bad input at once, sends nothing, and still sets result", async () => {
    const before = sim.requests.length;
    const run = await runAction({
      inputs: {
        ...deployInputs("dist-bad"),
        "hf-model-repo": "https://huggingface.co/meta-llama/Llama-3.1-8B",
        "hf-model-revision": "0e9e39f",
        gpu: "3x H101",
        "max-replicas": "11",
        "wait-timeout": "soon",
      },
    });
    try {
      expect(run.code).toBe(1);
      const error = run.stdout.split("\n").find((l) => l.startsWith("::error::")) ?? "";
      for (const input of ["hf-model-repo", "hf-model-revision", "gpu", "max-replicas", "wait-timeout"]) {
        expect(error).toContain(input);
      }
      expect(run.outputs.result).toBe("failed");
      expect(sim.requests.length).toBe(before);
    } finally {
      run.cleanup();
    }
  });

  it("skips a fork pull request that has no token, with a warning and exit 0", async () => {
    const before = sim.requests.length;
    const run = await runAction({
      inputs: { ...deployInputs(""), "friendli-token": "" },
      eventName: "pull_request",
      event: {
        action: "synchronize",
        number: 7,
        pull_request: {
          number: 7,
          head: { sha: "a".repeat(40), repo: { full_name: "someone/llm-service", fork: true } },
          base: { repo: { full_name: "octo-org/llm-service" } },
        },
      },
    });
    try {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("::warning::");
      expect(run.outputs.result).toBe("skipped");
      expect(sim.requests.length).toBe(before);
    } finally {
      run.cleanup();
    }
  });
});

describe("cancellation of dist/index.js", () => {
  let slow: Simulator;
  beforeAll(async () => {
    slow = await startSimulator({
      scenario: {
        lifecycleMs: {
          requestingVirtualMachine: 600_000,
          downloadingModel: 600_000,
          engineInitializing: 600_000,
          updating: 1000,
          terminating: 1000,
          awaking: 1000,
        },
      },
    });
  });
  afterAll(async () => {
    await slow?.close();
  });

  it("on SIGTERM mid-wait exits within 5 s, writes the outputs, names the endpoint, sends nothing more", async () => {
    let signalledAt = 0;
    let requestsAtSignal = 0;
    const run = await runAction({
      inputs: { ...deployInputs("dist-cancel"), "api-url": slow.url },
      onSpawn: (child) => {
        // Signal once the wait has started: after the first status poll reached the simulator.
        const poll = setInterval(() => {
          if (slow.requests.some((r) => r.route === "status")) {
            clearInterval(poll);
            requestsAtSignal = slow.requests.length;
            signalledAt = performance.now();
            child.kill("SIGTERM");
          }
        }, 20);
        child.on("exit", () => clearInterval(poll));
      },
    });
    try {
      const exitedAfterMs = performance.now() - signalledAt;
      expect(signalledAt).toBeGreaterThan(0);
      expect(exitedAfterMs).toBeLessThan(5000);
      expect(run.code).not.toBe(0);
      const id = slow.endpoints().find((e) => e.name === "dist-cancel")?.id ?? "missing";
      expect(run.outputs).toMatchObject({ result: "cancelled", "endpoint-id": id });
      expect(run.stdout).toMatch(new RegExp(`::warning::.*${id}.*provisioning`));
      expect(slow.requests.length).toBe(requestsAtSignal);
    } finally {
      run.cleanup();
    }
  });
});

describe("source maps", () => {
  it("map a position in the bundle back to the src/ line it came from", () => {
    // The message is found in its chunk, and the map must lead back to its line in the src/ file
    // that holds it: what a stack trace through that code shows once maps are on (dist/index.js
    // turns them on before the bundle loads when the runner's debug logging is on).
    const message = "status check throttled";
    const srcFile = readdirSync(join(repoRoot, "src"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .find((f) => readFileSync(join(repoRoot, "src", f), "utf8").includes(message));
    expect(srcFile).toBeDefined();
    const srcLine =
      readFileSync(join(repoRoot, "src", srcFile ?? ""), "utf8")
        .split("\n")
        .findIndex((l) => l.includes(message)) + 1;
    const bundle = join(repoRoot, "dist/bundle");
    const chunk = readdirSync(bundle).find(
      (f) => f.endsWith(".js") && readFileSync(join(bundle, f), "utf8").includes(message),
    );
    expect(chunk).toBeDefined();
    const script = `
      import { findSourceMap } from "node:module";
      process.setSourceMapsEnabled(true);
      const url = ${JSON.stringify(pathToFileURL(join(bundle, chunk ?? "")).href)};
      await import(url);
      const text = (await import("node:fs")).readFileSync(new URL(url), "utf8");
      const at = text.indexOf(${JSON.stringify(message)});
      const line = text.slice(0, at).split("\\n").length - 1;
      const column = at - (text.lastIndexOf("\\n", at - 1) + 1);
      console.log(JSON.stringify(findSourceMap(new URL(url).pathname)?.findOrigin(line + 1, column + 1)));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    const origin = JSON.parse(out) as { fileName: string; lineNumber: number };
    expect(origin.fileName.endsWith(`/src/${srcFile}`)).toBe(true);
    expect(origin.lineNumber).toBe(srcLine);
  });

  it.each([
    ["1", true],
    ["", false],
  ])("are read when the runner's debug logging is on (RUNNER_DEBUG=%j): %s", async (debug, read) => {
    const bundle = join(repoRoot, "dist/bundle/index.js");
    const probe = `import { findSourceMap } from "node:module";
      process.on("exit", () => process.stderr.write("MAP READ " + !!findSourceMap(${JSON.stringify(bundle)})));`;
    const run = await runAction({
      inputs: { "friendli-token": "", "project-id": "demo-project", name: "dist-maps" },
      env: { RUNNER_DEBUG: debug },
      nodeArgs: ["--import", `data:text/javascript,${encodeURIComponent(probe)}`],
    });
    run.cleanup();
    expect(run.stdout).toMatch(/::error::.*friendli-token/);
    expect(run.stderr).toBe(`MAP READ ${read}`);
  });
});
