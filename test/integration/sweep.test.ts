// operation: sweep, through the Friendli simulator and the fake GitHub on loopback: the real
// client lists and reads the project, the real Octokit asks for each PR's state, and the executor
// deletes what the decision table says. The virtual clock ages the endpoints.
import { afterEach, describe, expect, it } from "vitest";
import { FriendliClient } from "../../src/friendli/client.ts";
import { createPullRequestReader } from "../../src/github-pulls.ts";
import type { Logger } from "../../src/log.ts";
import { type SweepLedger, type SweepOptions, sweep } from "../../src/operations/sweep.ts";
import { derivePreviewName } from "../../src/preview-names.ts";
import { renderSweepSummary } from "../../src/report/sweep-summary.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.ts";
import { TOKEN } from "../support/in-process.ts";
import { type Env, requestsTo, startEnv } from "./helpers.ts";

const GITHUB_TOKEN = "ghs_sweep_test_token_0123456789";
const PROJECT = "demo-project";
const REPO = "acme/models";
const HOUR = 3_600_000;

const github: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(github.splice(0).map((g) => g.close()));
});

function recorder() {
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: () => {},
  };
  return { log, lines };
}

/** A project as a nightly sweep finds it: this repository's previews among other endpoints. */
async function project(options: { fillers?: number } = {}) {
  const env = await startEnv();
  const gh = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
  github.push(gh);
  const seed = (name: string, status = "SLEEPING") =>
    env.sim.seed({ name, projectId: PROJECT, status, autoscalingPolicy: { minReplica: 0 } });
  const preview = (n: number) => seed(derivePreviewName(REPO, n));

  // Four days ago: the old previews, and endpoints that are not ours.
  const ids = {
    closed: preview(1),
    merged: preview(2),
    stale: preview(4),
    unknown: preview(5),
    production: env.sim.seed({
      name: "support-bot-production",
      projectId: PROJECT,
      status: "RUNNING",
      autoscalingPolicy: { minReplica: 1, maxReplica: 2 },
    }),
    // Another repository of the same name in the same project, with a closed PR of the same number.
    otherRepo: seed(derivePreviewName("bob/models", 1)),
    // The naming before owners were part of it: not recognised without a name-prefix.
    legacy: seed("models-pr-2"),
    fresh: "",
  };
  for (let i = 0; i < (options.fillers ?? 0); i++) seed(`team-experiment-${i}`);
  env.clock.advance(96 * HOUR);
  ids.fresh = preview(3);
  env.clock.advance(HOUR);

  gh.pulls.set(1, { state: "closed", merged: false });
  gh.pulls.set(2, { state: "closed", merged: true });
  gh.pulls.set(3, { state: "open", merged: false });
  gh.pulls.set(4, { state: "open", merged: false });
  return { env, gh, ids };
}

async function runSweep(env: Env, gh: FakeGitHub, overrides: Partial<SweepOptions> = {}) {
  const { log, lines } = recorder();
  const signal = new AbortController().signal;
  const client = new FriendliClient({
    baseUrl: env.sim.url,
    token: TOKEN,
    clock: env.clock,
    signal,
    deadlineMs: env.clock.now() + HOUR,
    log,
  });
  const pullRequest = await createPullRequestReader({
    token: GITHUB_TOKEN,
    repository: REPO,
    apiUrl: gh.url,
    log,
  });
  const report = await sweep({
    client,
    projectId: PROJECT,
    matcher: { repository: REPO },
    pullRequest,
    dryRun: false,
    clock: env.clock,
    log,
    signal,
    ...overrides,
  });
  return { report, lines };
}

/** The project as `name status` lines, deleted endpoints left out: the before/after picture. */
function listing(env: Env): string[] {
  return env.sim
    .endpoints()
    .filter((e) => !e.deleted && e.status !== "TERMINATED" && e.status !== "TERMINATING")
    .map((e) => e.name)
    .filter((n) => !n.startsWith("team-experiment-"))
    .sort();
}

describe("sweep", () => {
  it("deletes the previews of closed and merged PRs and keeps open ones, a 404 PR and everything not ours", async () => {
    const { env, gh, ids } = await project();
    const before = listing(env);
    const { report, lines } = await runSweep(env, gh);

    expect(report.result).toBe("swept");
    const byName = Object.fromEntries(report.rows.map((r) => [r.name, r.action]));
    expect(byName).toEqual({
      "acme--models-pr-1": "deleted",
      "acme--models-pr-2": "deleted",
      "acme--models-pr-3": "kept",
      "acme--models-pr-4": "kept",
      "acme--models-pr-5": "kept",
    });
    expect(report.othersLeftAlone).toBe(3);
    expect(
      requestsTo(env.sim, "delete")
        .map((r) => r.path)
        .sort(),
    ).toEqual([ids.closed, ids.merged].map((id) => `/dedicated/beta/endpoint/${id}`).sort());
    expect(before).toEqual([
      "acme--models-pr-1",
      "acme--models-pr-2",
      "acme--models-pr-3",
      "acme--models-pr-4",
      "acme--models-pr-5",
      "bob--models-pr-1",
      "models-pr-2",
      "support-bot-production",
    ]);
    expect(listing(env)).toEqual([
      "acme--models-pr-3",
      "acme--models-pr-4",
      "acme--models-pr-5",
      "bob--models-pr-1",
      "models-pr-2",
      "support-bot-production",
    ]);
    // GitHub was asked once per PR of this repository, never about another repository's.
    expect(gh.requests.map((r) => r.path).sort()).toEqual(
      [1, 2, 3, 4, 5].map((n) => `/repos/acme/models/pulls/${n}`),
    );
    expect(lines.filter((l) => l.startsWith("warning:"))).toEqual([
      expect.stringContaining('"acme--models-pr-5" (PR #5): GitHub does not know this PR (404)'),
    ]);
    const md = renderSweepSummary(report, { dryRun: false });
    expect(md).toContain(
      `| acme--models-pr-2 (${ids.merged}) | #2 | merged | 97h 00m | 🗑️ deleted | PR merged |`,
    );
    expect(md).toContain("| #5 | unknown (404) |");
  });

  it("with max-age also deletes the preview of an open PR not updated for longer", async () => {
    const { env, gh, ids } = await project();
    const { report } = await runSweep(env, gh, { maxAgeMs: 72 * HOUR });
    const row = (n: number) => report.rows.find((r) => r.prNumber === n);
    expect(row(4)).toMatchObject({
      action: "deleted",
      ageMs: 97 * HOUR,
      reason: expect.stringContaining("max-age"),
    });
    expect(row(3)).toMatchObject({ action: "kept", ageMs: HOUR });
    // A PR GitHub does not know is kept however old its preview is.
    expect(row(5)).toMatchObject({ action: "kept" });
    expect(requestsTo(env.sim, "delete").map((r) => r.path)).toContain(
      `/dedicated/beta/endpoint/${ids.stale}`,
    );
    expect(listing(env)).not.toContain("acme--models-pr-4");
  });

  it("dry-run lists what it would delete and why, and deletes nothing", async () => {
    const { env, gh } = await project();
    const { report, lines } = await runSweep(env, gh, { dryRun: true, maxAgeMs: 72 * HOUR });
    expect(report.result).toBe("planned");
    expect(requestsTo(env.sim, "delete")).toEqual([]);
    expect(lines.filter((l) => l.includes("dry-run: would delete"))).toEqual([
      expect.stringMatching(/"acme--models-pr-1": PR closed$/),
      expect.stringMatching(/"acme--models-pr-2": PR merged$/),
      expect.stringMatching(/"acme--models-pr-4": PR open, but the endpoint is older than max-age$/),
    ]);
    const md = renderSweepSummary(report, { dryRun: true, maxAge: "72h" });
    expect(md).toContain("would delete");
    expect(md).toContain("`dry-run: true`: nothing was deleted.");
  });

  it("lists every page of a large project", async () => {
    const { env, gh } = await project({ fillers: 120 });
    const { report } = await runSweep(env, gh);
    expect(requestsTo(env.sim, "list").length).toBe(2);
    expect(report.othersLeftAlone).toBe(123);
    expect(
      report.rows
        .filter((r) => r.action === "deleted")
        .map((r) => r.prNumber)
        .sort(),
    ).toEqual([1, 2]);
  });

  it("one failed delete does not stop the others, and fails the sweep at the end", async () => {
    const { env, gh } = await project();
    env.sim.inject({ route: "delete", times: 1, fault: { kind: "status", status: 403 } });
    const { report } = await runSweep(env, gh, { maxAgeMs: 72 * HOUR });
    expect(report.result).toBe("failed");
    expect(report.rows.filter((r) => r.action === "delete-failed")).toHaveLength(1);
    expect(report.rows.filter((r) => r.action === "deleted")).toHaveLength(2);
    expect(report.failures).toEqual([
      expect.stringMatching(/^could not delete dep\w+ "acme--models-pr-\d": .*403/),
    ]);
    expect(renderSweepSummary(report, { dryRun: false })).toContain("❌ delete failed");
  });

  it("a GitHub token that may not read PRs keeps everything and fails, naming the permission", async () => {
    const { env, gh } = await project();
    gh.mode = "forbid-all";
    const { report } = await runSweep(env, gh);
    expect(report.result).toBe("failed");
    expect(requestsTo(env.sim, "delete")).toEqual([]);
    expect(report.failures[0]).toContain("`permissions: pull-requests: read`");
    expect(report.rows.every((r) => r.action === "kept")).toBe(true);
  });

  it("the PR reader tells a rejected token, a 404 and a server error apart", async () => {
    const gh = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
    github.push(gh);
    gh.pulls.set(7, { state: "open", merged: false });
    const { log } = recorder();
    const read = (token: string) => createPullRequestReader({ token, repository: REPO, apiUrl: gh.url, log });
    expect(await (await read(GITHUB_TOKEN))(7)).toEqual({ kind: "open" });
    expect(await (await read(GITHUB_TOKEN))(8)).toEqual({ kind: "unknown" });
    const rejected = await (await read("ghs_not_the_token_0000000000"))(7);
    expect(rejected).toEqual({ kind: "error", message: expect.stringContaining("(401 Bad credentials") });
    expect(JSON.stringify(rejected)).not.toContain("ghs_not_the_token");
    await expect(createPullRequestReader({ token: GITHUB_TOKEN, repository: "acme", log })).rejects.toThrow(
      'GITHUB_REPOSITORY is not "owner/repo"',
    );
  });

  it("a project without previews of this repository is clean", async () => {
    const env = await startEnv();
    const gh = await startFakeGitHub({ token: GITHUB_TOKEN });
    github.push(gh);
    env.sim.seed({ name: derivePreviewName("bob/models", 1), projectId: PROJECT });
    const { report } = await runSweep(env, gh);
    expect(report).toMatchObject({ result: "clean", rows: [], othersLeftAlone: 1 });
    expect(gh.requests).toEqual([]);
  });

  it("with name-prefix sweeps the names under that prefix only", async () => {
    const { env, gh } = await project();
    gh.pulls.set(2, { state: "closed", merged: true });
    const { report } = await runSweep(env, gh, { matcher: { prefix: "models-pr-" } });
    expect(report.rows.map((r) => [r.name, r.action])).toEqual([["models-pr-2", "deleted"]]);
    expect(listing(env)).not.toContain("models-pr-2");
    expect(listing(env)).toContain("acme--models-pr-1");
  });

  it("finds previews through the ledger, confirms each, and marks the deleted ones inactive", async () => {
    const { env, gh, ids } = await project();
    const marked: string[] = [];
    const ledger: SweepLedger = {
      findPreviews: async () => [
        { id: ids.closed, name: "acme--models-pr-1", prNumber: 1 },
        { id: ids.fresh, name: "acme--models-pr-3", prNumber: 3 },
        // Recorded under a name the endpoint no longer has: not trusted.
        { id: ids.production, name: "acme--models-pr-2", prNumber: 2 },
      ],
      markInactive: async (p) => {
        marked.push(p.name);
      },
    };
    const { report } = await runSweep(env, gh, { ledger });
    expect(requestsTo(env.sim, "list")).toEqual([]);
    expect(report.rows.map((r) => [r.name, r.action])).toEqual([
      ["acme--models-pr-1", "deleted"],
      ["acme--models-pr-3", "kept"],
    ]);
    expect(marked).toEqual(["acme--models-pr-1"]);
    expect(listing(env)).toContain("support-bot-production");
  });
});
