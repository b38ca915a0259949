// operation: sweep through the built dist/index.js as the runner runs it: the lazily loaded
// executor and GitHub client chunks load from dist/, the PRs are read from the fake GitHub named by
// GITHUB_API_URL, and result, outputs and the summary's table reach their files.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../simulator/index.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.ts";
import { runAction } from "../support/run-action.ts";
import { liveNames, SWEEP_PROJECT, SWEEP_REPOSITORY, seedSweepProject } from "../support/sweep-project.ts";

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
