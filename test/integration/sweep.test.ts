// operation: sweep end to end in-process: run() with the inputs a workflow gives, the Friendli
// simulator on a virtual clock and the fake GitHub on loopback. The real client lists and reads
// the project, the real Octokit asks for each PR's state, plan() decides, and the executor deletes.
import { afterEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/base/log.ts";
import { FriendliClient } from "../../src/friendli/client.ts";
import { buildPayload } from "../../src/ledger/ledger.ts";
import { planSweep } from "../../src/sweep/decide.ts";
import {
  deletePlanned,
  findSweepFacts,
  type SweepLedger,
  startSweepReport,
} from "../../src/sweep/execute.ts";
import { createPullRequestReader } from "../../src/sweep/pulls.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.ts";
import { runInProcess, TOKEN } from "../support/in-process.ts";
import { liveNames, SWEEP_PROJECT, SWEEP_REPOSITORY, seedSweepProject } from "../support/sweep-project.ts";
import { type Env, requestsTo, startEnv } from "./helpers.ts";

const GITHUB_TOKEN = "ghs_sweep_test_token_0123456789";
const HOUR = 3_600_000;
const endpointPath = (id: string) => `/dedicated/beta/endpoint/${id}`;

const github: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(github.splice(0).map((g) => g.close()));
});

async function project(options: { fillers?: number } = {}) {
  const env = await startEnv();
  const gh = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
  github.push(gh);
  const ids = seedSweepProject(env.sim, gh, env.clock.now(), options);
  return { env, gh, ids };
}

/** A scheduled sweep as the example workflow runs it: no name, no model, no PR event. */
function runSweep(env: Env, gh: FakeGitHub, inputs: Record<string, string> = {}) {
  return runInProcess({
    inputs: {
      operation: "sweep",
      "friendli-token": TOKEN,
      "project-id": SWEEP_PROJECT,
      "github-token": GITHUB_TOKEN,
      "api-url": env.sim.url,
      ...inputs,
    },
    clock: env.clock,
    eventName: "schedule",
    env: { GITHUB_REPOSITORY: SWEEP_REPOSITORY, GITHUB_API_URL: gh.url },
  });
}

const deletedPaths = (env: Env) =>
  requestsTo(env.sim, "delete")
    .map((r) => r.path)
    .sort();

describe("operation: sweep", () => {
  it("deletes the previews of closed and merged PRs; keeps open ones, a 404 PR and everything not ours", async () => {
    const { env, gh, ids } = await project();
    const before = liveNames(env.sim);
    const run = await runSweep(env, gh);

    expect(run.failed).toBeUndefined();
    expect(run.outputs.result).toBe("swept");
    expect(JSON.parse(run.outputs.json ?? "{}")).toMatchObject({ result: "swept", "endpoint-id": null });
    expect(deletedPaths(env)).toEqual([ids.closed, ids.merged].map(endpointPath).sort());
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
    expect(liveNames(env.sim)).toEqual([
      "acme--models-pr-3",
      "acme--models-pr-4",
      "acme--models-pr-5",
      "bob--models-pr-1",
      "models-pr-2",
      "support-bot-production",
    ]);
    // GitHub was asked once per PR of this repository's previews, never about another's.
    expect(
      gh.requests
        .map((r) => r.path)
        .filter((p) => p.includes("/pulls/"))
        .sort(),
    ).toEqual([1, 2, 3, 4, 5].map((n) => `/repos/acme/models/pulls/${n}`));
    expect(run.logs.filter((l) => l.startsWith("warning:"))).toEqual([
      expect.stringContaining('"acme--models-pr-5" (PR #5): GitHub does not know this PR (404)'),
    ]);
    expect(run.summary).toContain("## 🧹 Friendli sweep: stale previews deleted");
    expect(run.summary).toContain(
      "5 preview endpoint(s) of this repository · 2 deleted · 3 kept · 3 other endpoint(s) of the project left alone.",
    );
    expect(run.summary).toContain(
      `| acme--models-pr-2 (${ids.merged}) | #2 | merged | 97h 00m | 🗑️ deleted | PR merged |`,
    );
    expect(run.summary).toContain(
      `| acme--models-pr-3 (${ids.fresh}) | #3 | open | 1h 00m | kept | PR open |`,
    );
    expect(run.summary).toContain("| #5 | unknown (404) |");
    // No PR comment from a sweep, and nothing that names an endpoint of the run.
    expect(gh.requests.some((r) => r.path.includes("/comments"))).toBe(false);
    expect(run.outputs["endpoint-name"]).toBe("");
  });

  it("marks a deleted preview's GitHub deployments inactive, and no other's", async () => {
    const { env, gh } = await project();
    const recorded = (n: number, id: string) =>
      gh.deployments.seed({
        environment: `friendli/acme--models-pr-${n}`,
        payload: buildPayload(
          { id, name: `acme--models-pr-${n}`, projectId: SWEEP_PROJECT },
          {
            model: { repo: "meta-llama/Llama-3.1-8B-Instruct" },
            gpu: { instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" },
            autoscaling: { minReplicas: 0, maxReplicas: 1, cooldownSeconds: 300 },
            engine: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
          },
        ),
        states: ["in_progress", "success"],
        transientEnvironment: true,
      });
    const ids = Object.fromEntries(
      env.sim
        .endpoints()
        .filter((e) => /^acme--models-pr-[13]$/.test(e.name))
        .map((e) => [e.name, e.id]),
    );
    const closed = recorded(1, ids["acme--models-pr-1"] ?? "");
    const open = recorded(3, ids["acme--models-pr-3"] ?? "");

    const run = await runSweep(env, gh);
    expect(run.outputs.result).toBe("swept");
    expect(closed.statuses.map((s) => s.state)).toEqual(["in_progress", "success", "inactive"]);
    expect(open.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    expect(run.logs.filter((l) => l.startsWith("warning:"))).toHaveLength(1); // the 404 PR only
  });

  it("github-deployment: false sends nothing to the deployments API", async () => {
    const { env, gh } = await project();
    const run = await runSweep(env, gh, { "github-deployment": "false" });
    expect(run.outputs.result).toBe("swept");
    expect(gh.requests.filter((r) => r.path.includes("/deployments"))).toEqual([]);
  });

  it("with max-age also deletes the preview of an open PR not updated for longer", async () => {
    const { env, gh, ids } = await project();
    const run = await runSweep(env, gh, { "max-age": "72h" });
    expect(run.outputs.result).toBe("swept");
    expect(deletedPaths(env)).toEqual([ids.closed, ids.merged, ids.stale].map(endpointPath).sort());
    expect(run.summary).toContain(
      "| #4 | open | 97h 00m | 🗑️ deleted | PR open, but the endpoint is older than max-age |",
    );
    expect(run.summary).toContain("max-age: 72h 00m.");
    // A PR GitHub does not know is kept however old its preview is.
    expect(liveNames(env.sim)).toContain("acme--models-pr-5");
  });

  it("dry-run lists what it would delete and why, deletes nothing, and says planned", async () => {
    const { env, gh } = await project();
    const run = await runSweep(env, gh, { "dry-run": "true", "max-age": "72h" });
    expect(run.failed).toBeUndefined();
    expect(run.outputs.result).toBe("planned");
    expect(requestsTo(env.sim, "delete")).toEqual([]);
    expect(run.logs.filter((l) => l.includes("dry-run: would delete"))).toEqual([
      expect.stringMatching(/"acme--models-pr-1": PR closed$/),
      expect.stringMatching(/"acme--models-pr-2": PR merged$/),
      expect.stringMatching(/"acme--models-pr-4": PR open, but the endpoint is older than max-age$/),
    ]);
    expect(run.summary).toContain("## 📝 Friendli sweep (dry run): previews that would be deleted");
    expect(run.summary).toContain("| #1 | closed | 97h 00m | 📝 would delete | PR closed |");
    expect(run.summary).toContain("`dry-run: true`: nothing was deleted.");
  });

  it("lists every page of a large project", async () => {
    const { env, gh } = await project({ fillers: 120 });
    const run = await runSweep(env, gh);
    expect(requestsTo(env.sim, "list")).toHaveLength(2);
    expect(run.outputs.result).toBe("swept");
    expect(run.summary).toContain("123 other endpoint(s) of the project left alone");
    expect(liveNames(env.sim)).not.toContain("acme--models-pr-1");
  });

  it("one failed delete stops none of the others and fails the step at the end", async () => {
    const { env, gh, ids } = await project();
    env.sim.inject({ route: "delete", times: 1, fault: { kind: "status", status: 403 } });
    const run = await runSweep(env, gh, { "max-age": "72h" });
    expect(run.outputs.result).toBe("failed");
    // Three deletes sent: one refused, two done.
    expect(deletedPaths(env)).toEqual([ids.closed, ids.merged, ids.stale].map(endpointPath).sort());
    expect(liveNames(env.sim).filter((n) => /^acme--models-pr-[124]$/.test(n))).toHaveLength(1);
    expect(run.failed).toMatch(/^The sweep failed:\n- could not delete dep\w+ "acme--models-pr-\d": .*403/);
    expect(run.summary).toContain("## ❌ Friendli sweep: failed");
    expect(run.summary.match(/❌ delete failed/g)).toHaveLength(1);
    expect(run.summary.match(/🗑️ deleted/g)).toHaveLength(2);
  });

  it("cancelled during the deletes: cancelled, and the summary claims no delete that did not answer", async () => {
    const { env, gh, ids } = await project();
    // The first delete answers 503; the run is cancelled while it waits to retry.
    env.sim.inject({ route: "delete", times: 1, fault: { kind: "status", status: 503 } });
    const ctl = new AbortController();
    const clock = {
      ...env.clock,
      sleep: (ms: number, signal?: AbortSignal) => {
        ctl.abort(new Error("SIGTERM"));
        return env.clock.sleep(ms, signal);
      },
    };
    const run = await runInProcess({
      inputs: {
        operation: "sweep",
        "friendli-token": TOKEN,
        "project-id": SWEEP_PROJECT,
        "github-token": GITHUB_TOKEN,
        "api-url": env.sim.url,
      },
      clock,
      signal: ctl.signal,
      eventName: "schedule",
      env: { GITHUB_REPOSITORY: SWEEP_REPOSITORY, GITHUB_API_URL: gh.url },
    });
    expect(run.outputs.result).toBe("cancelled");
    expect(run.summary).toContain("## 🚫 Friendli sweep: cancelled");
    // The refused delete's endpoint is still there, and its row does not say deleted.
    const refused = [ids.closed, ids.merged].find(
      (id) => requestsTo(env.sim, "delete")[0]?.path === endpointPath(id),
    );
    const alive = env.sim.endpoints().find((e) => e.id === refused);
    expect(alive?.deleted).toBe(false);
    expect(run.summary).toMatch(new RegExp(`\\(${refused}\\) \\|.*⏹️ not confirmed`));
    // No row says deleted unless the simulator deleted it.
    for (const e of env.sim.endpoints().filter((x) => !x.deleted))
      expect(run.summary).not.toMatch(new RegExp(`\\(${e.id}\\) \\|.*🗑️ deleted`));
    expect(run.summary).toMatch(/\d not confirmed deleted \(the run stopped\)/);
  });

  it("a GitHub token that may not read PRs keeps everything and fails, naming the permission", async () => {
    const { env, gh } = await project();
    gh.mode = "forbid-all";
    for (const dryRun of ["false", "true"]) {
      const run = await runSweep(env, gh, { "dry-run": dryRun });
      expect(run.outputs.result).toBe("failed");
      expect(run.failed).toContain("`permissions: pull-requests: read`");
      expect(run.summary).not.toContain("deleted |");
    }
    expect(requestsTo(env.sim, "delete")).toEqual([]);
  });

  it("a project without previews of this repository is clean: no PR is read, GitHub's deployments only looked over", async () => {
    const env = await startEnv();
    const gh = await startFakeGitHub({ token: GITHUB_TOKEN });
    github.push(gh);
    env.sim.seed({ name: "bob--models-pr-1", projectId: SWEEP_PROJECT });
    const run = await runSweep(env, gh);
    expect(run.failed).toBeUndefined();
    expect(run.outputs.result).toBe("clean");
    expect(run.summary).toContain("## ✅ Friendli sweep: nothing to delete");
    // Previews deleted earlier may have left deployments shown as active: those are looked for.
    expect(gh.requests.filter((r) => r.path.includes("/pulls"))).toEqual([]);
    expect(gh.requests.filter((r) => r.method !== "GET")).toEqual([]);
    expect(gh.requests.some((r) => r.path.endsWith("/deployments"))).toBe(true);
  });

  it("with name-prefix sweeps the previews named the old way, and only those", async () => {
    const { env, gh, ids } = await project();
    const run = await runSweep(env, gh, { "name-prefix": "models-pr-" });
    expect(run.outputs.result).toBe("swept");
    expect(deletedPaths(env)).toEqual([endpointPath(ids.legacy)]);
    expect(liveNames(env.sim)).toContain("acme--models-pr-1");
  });

  it("needs a GitHub token, and refuses its own inputs on another operation", async () => {
    const { env, gh } = await project();
    const noToken = await runSweep(env, gh, { "github-token": "" });
    expect(noToken.outputs.result).toBe("failed");
    expect(noToken.failed).toContain("`github-token` is required for `operation: sweep`");
    const deploy = await runSweep(env, gh, { operation: "delete", name: "x", "max-age": "72h" });
    expect(deploy.failed).toContain("`max-age` is only read by `operation: sweep`");
    expect(env.sim.requests).toEqual([]);
  });
});

describe("the sweep's executor with a ledger", () => {
  function recorder() {
    const lines: string[] = [];
    const log: Logger = {
      info: (m) => lines.push(`info: ${m}`),
      warning: (m) => lines.push(`warning: ${m}`),
      debug: () => {},
    };
    return { log, lines };
  }

  it("marks the deleted previews inactive through the ledger, and only those", async () => {
    const { env, gh } = await project();
    const { log } = recorder();
    const marked: string[] = [];
    const ledger: SweepLedger = {
      markInactive: async (p) => {
        marked.push(p.name);
      },
    };
    const signal = new AbortController().signal;
    const client = new FriendliClient({
      baseUrl: env.sim.url,
      token: TOKEN,
      clock: env.clock,
      signal,
      deadlineMs: env.clock.now() + HOUR,
      log,
    });
    // As a run carries a sweep out: the facts, the plan's rows, then the deletes.
    const found = await findSweepFacts({
      client,
      projectId: SWEEP_PROJECT,
      matcher: { repository: SWEEP_REPOSITORY },
      pullRequest: await createPullRequestReader({
        token: GITHUB_TOKEN,
        repository: SWEEP_REPOSITORY,
        apiUrl: gh.url,
        log,
      }),
      log,
      signal,
    });
    const rows = planSweep(found.previews, found.states, { nowMs: env.clock.now(), maxAgeMs: undefined });
    const report = startSweepReport(rows, found.othersLeftAlone, false, log);
    await deletePlanned({ client, log, signal, ledger }, report, []);
    expect(report.rows.map((r) => [r.name, r.action])).toEqual([
      ["acme--models-pr-1", "deleted"],
      ["acme--models-pr-2", "deleted"],
      ["acme--models-pr-3", "kept"],
      ["acme--models-pr-4", "kept"],
      ["acme--models-pr-5", "kept"],
    ]);
    expect(report.failures).toEqual([]);
    expect(marked.sort()).toEqual(["acme--models-pr-1", "acme--models-pr-2"]);
    expect(liveNames(env.sim)).toContain("support-bot-production");
  });

  it("the PR reader tells a rejected token, a 404 and a server error apart", async () => {
    const gh = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
    github.push(gh);
    gh.pulls.set(7, { state: "open", merged: false });
    const { log } = recorder();
    const read = (token: string) =>
      createPullRequestReader({ token, repository: SWEEP_REPOSITORY, apiUrl: gh.url, log });
    expect(await (await read(GITHUB_TOKEN))(7)).toEqual({ kind: "open" });
    expect(await (await read(GITHUB_TOKEN))(8)).toEqual({ kind: "unknown" });
    const rejected = await (await read("ghs_not_the_token_0000000000"))(7);
    expect(rejected).toEqual({ kind: "error", message: expect.stringContaining("(401 Bad credentials") });
    expect(JSON.stringify(rejected)).not.toContain("ghs_not_the_token");
    await expect(createPullRequestReader({ token: GITHUB_TOKEN, repository: "acme", log })).rejects.toThrow(
      'GITHUB_REPOSITORY is not "owner/repo"',
    );
  });
});
