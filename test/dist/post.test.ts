// The post step's own entry, dist/post.js, run by the runner after the main step (also after a
// cancellation) with the main step's saved state as STATE_* env.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAYLOAD_SCHEMA } from "../../src/ledger/ledger.ts";
import { type Simulator, startSimulator } from "../simulator/index.ts";
import { startFakeGitHub } from "../support/fake-github.ts";
import { repoRoot, runAction } from "../support/run-action.ts";

const TOKEN = "flp_post_step_token_0123456789";
const GITHUB_TOKEN = "ghs_fakePostStepToken0123456789";
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim?.close();
});

const inputs = (simulator: Simulator, overrides: Record<string, string> = {}) => ({
  "friendli-token": TOKEN,
  "project-id": "demo-project",
  name: "post-step",
  "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
  gpu: "1x H100",
  "pr-comment": "false",
  "api-url": simulator.url,
  "delete-on-failure": "true",
  ...overrides,
});

it.each([
  {
    case: "cancelled run that created it, delete-on-failure on",
    result: "cancelled",
    created: "true",
    deleteOnFailure: "true",
    deleted: true,
  },
  {
    case: "cancelled run that found it (not created here)",
    result: "cancelled",
    created: "false",
    deleteOnFailure: "true",
    deleted: false,
  },
  {
    case: "cancelled run, delete-on-failure off",
    result: "cancelled",
    created: "true",
    deleteOnFailure: "false",
    deleted: false,
  },
  { case: "successful run", result: "created", created: "true", deleteOnFailure: "true", deleted: false },
])("post step: $case → deleted: $deleted", async ({ result, created, deleteOnFailure, deleted }) => {
  const id = sim.seed({
    name: "post-step",
    projectId: "demo-project",
    status: "INITIALIZING",
    phase: "DOWNLOADING_MODEL",
  });
  const run = await runAction({
    step: "post",
    inputs: inputs(sim, { "delete-on-failure": deleteOnFailure }),
    state: { "endpoint-id": id, "created-by-this-run": created, result },
  });
  try {
    expect(run.code).toBe(0);
    const stillThere = sim.endpoints().some((e) => e.id === id && !e.deleted);
    expect(stillThere).toBe(!deleted);
    expect(sim.requests.filter((r) => r.route === "delete" && r.path.endsWith(id))).toHaveLength(
      deleted ? 1 : 0,
    );
    expect(run.stdout.replace(`::add-mask::${TOKEN}`, "")).not.toContain(TOKEN);
  } finally {
    run.cleanup();
  }
});

it.each([
  { case: "the endpoint deleted by the post step", created: "true", last: "inactive" },
  { case: "an endpoint left in place", created: "false", last: "error" },
])(
  "post step after a cancellation closes this run's GitHub deployment: $case → $last",
  async ({ created, last }) => {
    const github = await startFakeGitHub({ token: GITHUB_TOKEN });
    try {
      const id = sim.seed({ name: "post-step", projectId: "demo-project", status: "INITIALIZING" });
      const deployment = github.deployments.seed({
        environment: "friendli/post-step",
        payload: {
          schema: PAYLOAD_SCHEMA,
          version: 1,
          endpoint: { id, name: "post-step", projectId: "demo-project" },
          settings: {
            model: { repo: "meta-llama/Llama-3.1-8B-Instruct" },
            gpu: { instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" },
            autoscaling: { minReplicas: 0, maxReplicas: 1, cooldownSeconds: 300 },
            engine: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
          },
        },
        states: ["in_progress"],
      });
      const run = await runAction({
        step: "post",
        inputs: inputs(sim, { "github-token": GITHUB_TOKEN }),
        env: { GITHUB_REPOSITORY: "acme/models", GITHUB_API_URL: github.url },
        state: {
          "endpoint-id": id,
          "created-by-this-run": created,
          result: "cancelled",
          "deployment-id": String(deployment.id),
        },
      });
      try {
        expect(run.code).toBe(0);
        const states = deployment.statuses.map((s) => s.state);
        expect(states).toEqual(["in_progress", last]);
        expect(run.stdout.replace(`::add-mask::${GITHUB_TOKEN}`, "")).not.toContain(GITHUB_TOKEN);
      } finally {
        run.cleanup();
      }
    } finally {
      await github.close();
    }
  },
);

describe("the post step cannot create or update", () => {
  it("a run cancelled while loading (no state at all) does nothing: no request, exit 0", async () => {
    const before = sim.requests.length;
    const run = await runAction({ step: "post", inputs: inputs(sim) });
    run.cleanup();
    expect(run.code).toBe(0);
    expect(sim.requests.length).toBe(before);
  });

  it("with any state it sends no POST or PUT", async () => {
    const id = sim.seed({ name: "post-step", projectId: "demo-project" });
    const values = {
      result: ["", "cancelled", "failed", "created", "updated", "reused"],
      "created-by-this-run": ["", "true", "false"],
      "endpoint-id": ["", id, "missing-id"],
      "create-sent-at": ["", "0", String(Date.now()), "junk"],
      "create-created-at": ["", new Date().toISOString(), "junk"],
      "delete-owed": ["", "true", "false"],
    };
    // Each value of each key at least once, the others varied alongside: 6 runs, not 648.
    for (let i = 0; i < 6; i++) {
      const state = Object.fromEntries(
        Object.entries(values).map(([k, vs]) => [k, vs[i % vs.length] ?? ""]),
      ) as Record<string, string>;
      const run = await runAction({ step: "post", inputs: inputs(sim, { name: `post-any-${i}` }), state });
      run.cleanup();
      expect(run.code, JSON.stringify(state)).toBe(0);
    }
    expect(sim.requests.filter((r) => r.method === "POST" || r.method === "PUT")).toEqual([]);
  });

  it("loads none of the deploy code: the chunk that holds the deploy operation is never loaded", async () => {
    const bundle = join(repoRoot, "dist/bundle");
    const chunks = readdirSync(bundle).filter((f) => f.endsWith(".js"));
    const deployChunks = chunks.filter((f) =>
      readFileSync(join(bundle, f), "utf8").includes("creating it again"),
    );
    expect(deployChunks).toHaveLength(1);
    const id = sim.seed({ name: "post-loads", projectId: "demo-project", status: "INITIALIZING" });
    const hook =
      'data:text/javascript,import{registerHooks}from"node:module";' +
      'registerHooks({load(u,c,n){process.stderr.write("LOADED "+u+"\\n");return n(u,c)}})';
    const run = await runAction({
      step: "post",
      nodeArgs: ["--import", hook],
      inputs: inputs(sim, { name: "post-loads" }),
      state: { "endpoint-id": id, "created-by-this-run": "true", result: "cancelled" },
    });
    run.cleanup();
    const loaded = run.stderr.match(/LOADED \S+/g) ?? [];
    // It did its job (deleted the endpoint) with the bundle's chunks, never the deploy's.
    expect(sim.endpoints().find((e) => e.id === id)?.deleted).toBe(true);
    expect(loaded.filter((l) => l.includes("/dist/bundle/")).length).toBeGreaterThan(1);
    expect(loaded.filter((l) => deployChunks.some((c) => l.endsWith(`/${c}`)))).toEqual([]);
  });
});

describe("cancelled after the create was sent, before the new endpoint's id was known", () => {
  let lagging: Simulator;
  beforeAll(async () => {
    // The new endpoint stays out of the listing for 2 s: the main step is still looking for its id
    // when the signal comes, and the post step's first listing may not see it either.
    lagging = await startSimulator({ scenario: { listLagMs: 2_000 } });
  });
  afterAll(async () => {
    await lagging?.close();
  });

  async function cancelAfterCreate(name: string, deleteOnFailure: string) {
    const main = await runAction({
      inputs: inputs(lagging, { name, "delete-on-failure": deleteOnFailure }),
      onSpawn: (child) => {
        const poll = setInterval(() => {
          if (
            lagging.requests.some(
              (r) => r.route === "create" && r.body && JSON.stringify(r.body).includes(name),
            )
          ) {
            clearInterval(poll);
            child.kill("SIGINT");
          }
        }, 10);
        child.on("exit", () => clearInterval(poll));
      },
    });
    main.cleanup();
    return main;
  }

  it("the main step saves that a create was sent; the post step finds the endpoint by name and deletes it", async () => {
    const main = await cancelAfterCreate("post-orphan", "true");
    expect(main.outputs.result).toBe("cancelled");
    expect(main.state).toMatchObject({ result: "cancelled" });
    expect(main.state["lookup-ids"]).toBeDefined();
    expect(main.state["endpoint-id"] ?? "").toBe("");
    expect(Number(main.state["create-sent-at"])).toBeGreaterThan(0);
    const created = lagging.endpoints().find((e) => e.name === "post-orphan");
    expect(created?.deleted).toBe(false);

    const writesBefore = lagging.requests.filter((r) => r.method === "POST" || r.method === "PUT").length;
    const post = await runAction({
      step: "post",
      inputs: inputs(lagging, { name: "post-orphan" }),
      state: main.state,
    });
    post.cleanup();
    expect(post.code).toBe(0);
    expect(lagging.endpoints().find((e) => e.id === created?.id)?.deleted).toBe(true);
    expect(post.stdout).toContain(`deleted endpoint ${created?.id} ("post-orphan")`);
    expect(lagging.requests.filter((r) => r.method === "POST" || r.method === "PUT")).toHaveLength(
      writesBefore,
    );
  });

  it("without delete-on-failure the post step deletes nothing and warns with the step that would", async () => {
    const main = await cancelAfterCreate("post-orphan-kept", "false");
    const post = await runAction({
      step: "post",
      inputs: inputs(lagging, { name: "post-orphan-kept", "delete-on-failure": "false" }),
      state: main.state,
    });
    post.cleanup();
    expect(post.code).toBe(0);
    expect(lagging.endpoints().find((e) => e.name === "post-orphan-kept")?.deleted).toBe(false);
    expect(post.stdout).toMatch(
      /::warning::.*operation: delete%0A.*project-id: demo-project%0A.*name: post-orphan-kept/,
    );
  });
});
