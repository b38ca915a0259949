// A sweep's DELETEs that the server carries out after the sweep was cancelled, through the built
// dist/index.js and dist/post.js as the runner runs them: the post step waits for them, and any
// later sweep closes the GitHub deployments of previews whose endpoint is gone.
import { afterEach, beforeEach, expect, it } from "vitest";
import { derivePreviewName } from "../../src/inputs/preview-names.ts";
import { type Simulator, startSimulator } from "../simulator/index.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.ts";
import type { FakeUser } from "../support/fake-github-deployments.ts";
import { runAction } from "../support/run-action.ts";
import {
  deployedPreview,
  SWEEP_PROJECT,
  SWEEP_REPOSITORY,
  seedSweepProject,
} from "../support/sweep-project.ts";

const TOKEN = "flp_dist_sweep_late_token_0123456789";
const GITHUB_TOKEN = "ghs_dist_sweep_late_token_0123456789";

let sim: Simulator;
let gh: FakeGitHub;
beforeEach(async () => {
  sim = await startSimulator();
  gh = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
});
afterEach(async () => {
  await Promise.all([sim?.close(), gh?.close()]);
});

const inputs = () => ({
  operation: "sweep",
  "friendli-token": TOKEN,
  "project-id": SWEEP_PROJECT,
  "github-token": GITHUB_TOKEN,
  "api-url": sim.url,
  "max-age": "72h",
});
const env = () => ({ GITHUB_REPOSITORY: SWEEP_REPOSITORY, GITHUB_API_URL: gh.url });

/** A deploy of preview `n` that succeeded, with its deployment's states so far. */
function deployed(n: number, id: string, creator?: FakeUser) {
  const d = deployedPreview(gh, n, id, creator);
  return { ...d, states: () => d.deployment.statuses.map((s) => s.state) };
}

/** Calls `then` once `count` requests matching `match` were answered, polling the log. */
function once(match: (r: Simulator["requests"][number]) => boolean, count: number, then: () => void) {
  const poll = setInterval(() => {
    if (sim.requests.filter((r) => r.status !== 0 && match(r)).length < count) return;
    clearInterval(poll);
    then();
  }, 10);
  return () => clearInterval(poll);
}

it("a sweep cancelled while its DELETEs are in flight, carried out seconds later: the post step waits, confirms them and closes their deployments", async () => {
  const ids = seedSweepProject(sim, gh, Date.now());
  const doomed = [deployed(1, ids.closed), deployed(2, ids.merged), deployed(4, ids.stale)];
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  // The DELETEs reach Friendli, which carries them out only after the post step has started.
  sim.inject({ route: "delete", times: 3, fault: { kind: "hold", until: held } });
  try {
    const main = await runAction({
      inputs: inputs(),
      eventName: "schedule",
      env: env(),
      onSpawn: (child) => {
        const sent = setInterval(() => {
          if (sim.requests.filter((r) => r.route === "delete").length < 3) return;
          clearInterval(sent);
          child.kill("SIGINT");
        }, 10);
        child.on("exit", () => clearInterval(sent));
      },
    });
    main.cleanup();
    expect(main.outputs.result).toBe("cancelled");
    expect(main.summary).toMatch(/3 not confirmed deleted/);

    // The post step's first reads find all three still there; only then does the server act.
    const before = sim.requests.length;
    const post = await runAction({
      step: "post",
      inputs: inputs(),
      eventName: "schedule",
      env: env(),
      state: main.state,
      onSpawn: (child) => {
        const stop = once((r) => r.route === "status" && sim.requests.indexOf(r) >= before, 3, release);
        child.on("exit", stop);
      },
    });
    post.cleanup();
    expect(post.code).toBe(0);
    expect(post.stdout).not.toContain("did not go through");
    for (const d of doomed) {
      expect(post.stdout).toContain(`Confirmed: ${d.id} ("${d.name}") was deleted by the cancelled sweep`);
      expect(post.summary).toMatch(new RegExp(`\\| ${d.name} \\| ${d.id} \\| #\\d \\| deleted \\|`));
      expect(d.states()).toEqual(["success", "inactive"]);
    }
    // It read more than once and deleted nothing itself.
    expect(sim.requests.filter((r) => r.route === "status").length).toBeGreaterThan(3);
    expect(sim.requests.filter((r) => r.route === "delete")).toHaveLength(3);
  } finally {
    release();
  }
});

it("a sweep that finds previews deployed whose endpoints are gone closes their deployments (its own records only) and lists them", async () => {
  const ids = seedSweepProject(sim, gh, Date.now());
  // Preview 7's endpoint was deleted without the sweep that deleted it closing its deployment.
  const goneId = sim.seed({ name: derivePreviewName(SWEEP_REPOSITORY, 7), projectId: SWEEP_PROJECT });
  const deleted = await fetch(`${sim.url}/dedicated/beta/endpoint/${goneId}`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(deleted.status).toBe(200);
  const orphan = deployed(7, goneId);
  // The same look, written by someone else: not the action's to close.
  const lookAlike = deployed(8, "depforged00001", { login: "mallory", type: "User" });
  // Preview 3 (an open PR, fresh) still has its endpoint.
  const live = deployed(3, ids.fresh);

  const run = await runAction({ inputs: inputs(), eventName: "schedule", env: env() });
  run.cleanup();
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.outputs.result).toBe("swept");
  expect(orphan.states()).toEqual(["success", "inactive"]);
  expect(lookAlike.states()).toEqual(["success"]);
  expect(live.states()).toEqual(["success"]);
  expect(run.summary).toContain("### Deployments closed");
  expect(run.summary).toContain(`- ${orphan.name}`);
  expect(run.summary).not.toContain(lookAlike.name);
  expect(run.stdout).toContain(`No endpoint of the preview "${orphan.name}" is left`);
});
