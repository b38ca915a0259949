// The post step's own entry, dist/post.js, run by the runner after the main step (also after a
// cancellation) with the main step's saved state as STATE_* env.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../simulator/index.ts";
import { repoRoot, runAction } from "../support/run-action.ts";

const TOKEN = "flp_post_step_token_0123456789";
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
      "name-absent-before": ["", "true"],
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
    expect(main.state).toMatchObject({ result: "cancelled", "name-absent-before": "true" });
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
