// operation: sweep through the built dist/index.js as the runner runs it: the lazily loaded
// executor and GitHub client chunks load from dist/, the PRs are read from the fake GitHub named by
// GITHUB_API_URL, and result, outputs and the summary's table reach their files.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../simulator/index.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.ts";
import { runAction } from "../support/run-action.ts";
import {
  deployedPreview,
  liveNames,
  SWEEP_PROJECT,
  SWEEP_REPOSITORY,
  seedSweepProject,
} from "../support/sweep-project.ts";

const TOKEN = "flp_dist_sweep_token_0123456789";
const GITHUB_TOKEN = "ghs_dist_sweep_token_0123456789";

let sim: Simulator;
let gh: FakeGitHub;
beforeAll(async () => {
  sim = await startSimulator();
  gh = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
});
afterAll(async () => {
  await Promise.all([sim?.close(), gh?.close()]);
});

it("sweeps a project: the previews of closed, merged and stale PRs deleted, the rest left alone", async () => {
  const ids = seedSweepProject(sim, gh, Date.now());
  const run = await runAction({
    inputs: {
      operation: "sweep",
      "friendli-token": TOKEN,
      "project-id": SWEEP_PROJECT,
      "github-token": GITHUB_TOKEN,
      "api-url": sim.url,
      "max-age": "72h",
    },
    eventName: "schedule",
    env: { GITHUB_REPOSITORY: SWEEP_REPOSITORY, GITHUB_API_URL: gh.url },
  });
  try {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe("swept");
    expect(liveNames(sim)).toEqual([
      "acme--models-pr-3",
      "acme--models-pr-5",
      "bob--models-pr-1",
      "models-pr-2",
      "support-bot-production",
    ]);
    expect(run.summary).toContain("## 🧹 Friendli sweep: stale previews deleted");
    expect(run.summary).toContain(`| acme--models-pr-4 (${ids.stale}) | #4 | open |`);
    expect(run.stdout).toMatch(
      /::warning::.*"acme--models-pr-5" \(PR #5\): GitHub does not know this PR \(404\)/,
    );
    const printed = run.stdout.replace(`::add-mask::${TOKEN}`, "").replace(`::add-mask::${GITHUB_TOKEN}`, "");
    expect(printed + run.summary + JSON.stringify(run.outputs)).not.toMatch(/flp_dist|ghs_dist/);
  } finally {
    run.cleanup();
  }
});

it("a sweep cancelled while its DELETEs are in flight: the post step confirms them and closes their deployments", async () => {
  const sim2 = await startSimulator();
  const gh2 = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
  try {
    const ids = seedSweepProject(sim2, gh2, Date.now());
    const doomed = [
      { id: ids.closed, n: 1 },
      { id: ids.merged, n: 2 },
      { id: ids.stale, n: 4 },
    ].map(({ id, n }) => deployedPreview(gh2, n, id));
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The DELETEs reach Friendli and are carried out, but only after the sweep was cancelled.
    sim2.inject({ route: "delete", times: 3, fault: { kind: "hold", until: held } });
    const inputs = {
      operation: "sweep",
      "friendli-token": TOKEN,
      "project-id": SWEEP_PROJECT,
      "github-token": GITHUB_TOKEN,
      "api-url": sim2.url,
      "max-age": "72h",
    };
    const env = { GITHUB_REPOSITORY: SWEEP_REPOSITORY, GITHUB_API_URL: gh2.url };
    const main = await runAction({
      inputs,
      eventName: "schedule",
      env,
      onSpawn: (child) => {
        const poll = setInterval(() => {
          if (sim2.requests.filter((r) => r.route === "delete").length === 3) {
            clearInterval(poll);
            child.kill("SIGINT");
          }
        }, 10);
        child.on("exit", () => clearInterval(poll));
      },
    });
    main.cleanup();
    expect(main.outputs.result).toBe("cancelled");
    expect(main.summary).toMatch(/3 not confirmed deleted/);
    release();
    while (doomed.some((d) => !sim2.endpoints().find((e) => e.id === d.id)?.deleted))
      await new Promise((r) => setTimeout(r, 10));

    const post = await runAction({ step: "post", inputs, eventName: "schedule", env, state: main.state });
    expect(post.summary).toContain(
      "## 🧹 Friendli sweep: the cancelled sweep's deletes, checked by the post step",
    );
    post.cleanup();
    expect(post.code).toBe(0);
    for (const d of doomed) {
      expect(post.stdout).toContain(`Confirmed: ${d.id} ("${d.name}") was deleted by the cancelled sweep`);
      expect(post.summary).toContain(`| ${d.name} | ${d.id} | #`);
      expect(d.deployment.statuses.map((s) => s.state)).toEqual(["success", "inactive"]);
    }
    // It confirmed by reading; it deleted nothing itself.
    expect(sim2.requests.filter((r) => r.route === "delete")).toHaveLength(3);
    expect(post.stdout.replace(`::add-mask::${GITHUB_TOKEN}`, "")).not.toContain(GITHUB_TOKEN);
  } finally {
    await Promise.all([sim2.close(), gh2.close()]);
  }
});
