// The ledger's I/O against the loopback fake of GitHub's deployments API, with the real Octokit.
import { beforeEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/base/log.ts";
import type { RunContext } from "../../src/github/context.ts";
import { DeploymentLedger, type LedgerOptions } from "../../src/ledger/deployments.ts";
import { buildPayload, type DeploymentSettings, type LedgerPayload } from "../../src/ledger/ledger.ts";
import type { DeploymentState, FakeUser } from "../support/fake-github-deployments.ts";
import { useFakeGitHub } from "../support/use-fake-github.ts";

const GITHUB_TOKEN = "ghs_fakeGithubToken0123456789";
const HEAD_SHA = "f1d2d2f924e986ac86fdf7b36c94bcdf32beec15";
const ENV = "friendli/models-pr-17";
const RUN_URL = "https://github.com/acme/models/actions/runs/9001";
const INFERENCE_URL = "https://api.friendli.ai/dedicated/v1";

const ENDPOINT = { name: "models-pr-17", projectId: "proj-1" };
const SETTINGS: DeploymentSettings = {
  model: { repo: "meta-llama/Llama-3.1-8B-Instruct", revision: "0e9e39f249a16976918f6564b8830bc894c89659" },
  gpu: { instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" },
  autoscaling: { minReplicas: 0, maxReplicas: 1, cooldownSeconds: 300 },
  engine: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
};
const payload = (id = "ep8d3kx0q2"): LedgerPayload => buildPayload({ id, ...ENDPOINT }, SETTINGS);

function prContext(overrides: Partial<RunContext> = {}): RunContext {
  return {
    eventName: "pull_request",
    repository: "acme/models",
    sha: "0c5a0ec25e76bd3ab8cb8b1aa9ad60cd0e6aa1ea",
    serverUrl: "https://github.com",
    runId: "9001",
    runUrl: RUN_URL,
    workflow: "PR preview",
    actionRef: "v1",
    pullRequest: { number: 17, fromFork: false, headSha: HEAD_SHA, action: "synchronize" },
    ...overrides,
  };
}

describe("the deployment ledger against a fake GitHub", () => {
  const github = useFakeGitHub({ token: GITHUB_TOKEN });
  let warnings: string[];
  let log: Logger;

  beforeEach(() => {
    warnings = [];
    log = { info: () => {}, debug: () => {}, warning: (m) => warnings.push(m) };
  });

  const ledger = (overrides: Partial<LedgerOptions> = {}) =>
    new DeploymentLedger({
      enabled: true,
      context: prContext(),
      token: GITHUB_TOKEN,
      apiUrl: github.url,
      environment: ENV,
      log,
      secrets: ["flp_friendliSecret0123456789"],
      ...overrides,
    });
  const seed = (states: DeploymentState[], p: unknown = payload(), environment = ENV) =>
    github.deployments.seed({ environment, payload: p, states });
  const paths = () =>
    github.requests.map((r) => `${r.method} ${r.path}${r.query.page ? `?page=${r.query.page}` : ""}`);

  it("creates the run's deployment as GitHub needs it, then in_progress and success statuses", async () => {
    const l = ledger();
    const id = await l.begin(payload(), "Deploy meta-llama/Llama-3.1-8B-Instruct");
    await l.finish("success", {
      environmentUrl: INFERENCE_URL,
      description: "Endpoint models-pr-17 is serving",
    });

    expect(id).toBeTypeOf("number");
    expect(l.deploymentId).toBe(id);
    const [d] = github.deployments.deployments;
    expect(d).toMatchObject({
      id,
      ref: HEAD_SHA,
      environment: ENV,
      task: "deploy",
      transientEnvironment: true,
    });
    expect(d?.productionEnvironment).toBe(false);
    expect(d?.payload).toEqual(payload());
    expect(github.requests[0]?.body).toMatchObject({ auto_merge: false, required_contexts: [] });
    expect(d?.statuses.map((s) => [s.state, s.logUrl, s.environmentUrl])).toEqual([
      ["in_progress", RUN_URL, ""],
      ["success", RUN_URL, INFERENCE_URL],
    ]);
    expect(warnings).toEqual([]);
  });

  it("outside pull requests deploys the pushed commit to a lasting environment", async () => {
    const l = ledger({ context: prContext({ eventName: "push", pullRequest: undefined }) });
    await l.begin(payload());
    const [d] = github.deployments.deployments;
    expect(d).toMatchObject({ ref: "0c5a0ec25e76bd3ab8cb8b1aa9ad60cd0e6aa1ea", transientEnvironment: false });
  });

  it("cuts a status description to GitHub's 140 characters", async () => {
    const l = ledger();
    await l.begin(payload());
    await l.finish("failure", { description: `FAILED: ${"x".repeat(300)}` });
    const last = github.deployments.deployments[0]?.statuses.at(-1);
    expect(last?.state).toBe("failure");
    expect([...(last?.description ?? "")].length).toBe(140);
    expect(warnings).toEqual([]);
  });

  it("reads the newest entry and the newest success, across pages, newest first", async () => {
    const good = seed(["in_progress", "success"]);
    for (let i = 0; i < 25; i++) seed(["in_progress", "failure"], payload(`ep-later-${i}`));
    const view = await ledger({ perPage: 20 }).read();

    expect(view.lastSuccess?.deploymentId).toBe(good.id);
    expect(view.lastSuccess?.state).toBe("success");
    expect(view.latest?.payload.endpoint.id).toBe("ep-later-24");
    expect(view.latest?.state).toBe("failure");
    expect(paths().filter((p) => p.startsWith("GET /repos/acme/models/deployments?"))).toEqual([
      "GET /repos/acme/models/deployments?page=2",
    ]);
    expect(github.requests.filter((r) => r.path === "/repos/acme/models/deployments")).toHaveLength(2);
    expect(github.requests.find((r) => r.path.endsWith("/deployments"))?.query).toMatchObject({
      environment: ENV,
      per_page: "20",
    });
  });

  it("stops reading at the first success: older entries cost nothing", async () => {
    for (let i = 0; i < 10; i++) seed(["success"], payload(`ep-old-${i}`));
    const newest = seed(["in_progress", "success"]);
    const view = await ledger().read();
    expect(view.latest?.deploymentId).toBe(newest.id);
    expect(view.lastSuccess?.deploymentId).toBe(newest.id);
    // The listing, who the token is (GET /user), and the newest entry's statuses.
    expect(paths()).toEqual([
      "GET /repos/acme/models/deployments",
      "GET /user",
      `GET /repos/acme/models/deployments/${newest.id}/statuses`,
    ]);
  });

  it("ignores a garbage or foreign payload, without reading its statuses", async () => {
    const good = seed(["success"]);
    const foreign = seed(["success"], { deploy: "migrate" });
    const garbage = seed(["success"], "{not json");
    const hostile = seed(["success"], {
      ...payload(),
      endpoint: { id: "x\n::error::pwned", ...ENDPOINT },
    });
    const view = await ledger().read();
    expect(view.latest?.deploymentId).toBe(good.id);
    expect(view.lastSuccess?.deploymentId).toBe(good.id);
    for (const d of [foreign, garbage, hostile]) {
      expect(paths()).not.toContain(`GET /repos/acme/models/deployments/${d.id}/statuses`);
    }
  });

  it("counts an entry made inactive right after its success as having served", async () => {
    const old = seed(["success", "inactive"]);
    seed(["in_progress", "failure"], payload("ep-new"));
    const view = await ledger().read();
    expect(view.lastSuccess?.deploymentId).toBe(old.id);
  });

  it("reads only its own environment", async () => {
    seed(["success"], payload("ep-other"), "friendli/another");
    expect(await ledger().read()).toEqual({});
  });

  it("GitHub's auto_inactive retires the earlier success of a lasting environment", async () => {
    const context = prContext({ eventName: "push", pullRequest: undefined });
    const first = ledger({ context });
    await first.begin(payload());
    await first.finish("success");
    const second = ledger({ context });
    await second.begin(payload());
    await second.finish("success");
    const [a, b] = github.deployments.deployments;
    expect(a?.statuses.at(-1)?.state).toBe("inactive");
    expect(b?.statuses.at(-1)?.state).toBe("success");
  });

  it("retire marks the entries of the deleted endpoint inactive, and no others", async () => {
    const live = seed(["success"]);
    const failed = seed(["in_progress", "failure"]);
    const other = seed(["success"], payload("ep-other"));
    const done = seed(["success", "inactive"]);
    expect(await ledger().retire("ep8d3kx0q2")).toBe(1);
    expect(live.statuses.at(-1)?.state).toBe("inactive");
    expect(live.statuses.at(-1)?.logUrl).toBe(RUN_URL);
    expect(failed.statuses.at(-1)?.state).toBe("failure");
    expect(other.statuses.at(-1)?.state).toBe("success");
    expect(done.statuses).toHaveLength(2);
  });

  it("403 without deployments: write: one warning that says what is lost, then nothing more is sent", async () => {
    github.deployments.access = "none";
    const l = ledger();
    expect(await l.read()).toEqual({});
    expect(await l.begin(payload())).toBeUndefined();
    await l.finish("success");
    expect(await l.retire("ep8d3kx0q2")).toBe(0);

    expect(github.requests).toHaveLength(1);
    expect(l.active).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("403");
    expect(warnings[0]).toContain("permissions: deployments: write");
    expect(warnings[0]).toContain("rolling back");
    expect(warnings[0]).not.toContain(GITHUB_TOKEN);
  });

  it("a read-only token: reads, then warns once at the create and turns off", async () => {
    github.deployments.access = "read";
    seed(["success"]);
    const l = ledger();
    expect((await l.read()).lastSuccess).toBeDefined();
    const before = github.requests.length;
    expect(await l.begin(payload())).toBeUndefined();
    await l.finish("failure");
    expect(github.requests.length).toBe(before + 1);
    expect(warnings).toHaveLength(1);
    expect(l.deploymentId).toBeUndefined();
  });

  it("a GitHub error (502) is a warning, and the ledger stays on for the next call", async () => {
    github.deployments.faults.push(502);
    const l = ledger();
    expect(await l.begin(payload())).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("could not create a deployment in environment friendli/models-pr-17");
    expect(warnings[0]).toContain("not affected");
    expect(l.active).toBe(true);
    expect(await l.begin(payload())).toBeTypeOf("number");
    expect(warnings).toHaveLength(1);
  });

  it("GitHub's message reaches the warning on one line, redacted, never as a runner command", async () => {
    const message = `Forbidden\n::add-mask::x\n::error::pwned ${GITHUB_TOKEN} ${"y".repeat(1000)}`;
    github.deployments.faults.push({ status: 403, message });
    await ledger().read();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.split("\n")).toHaveLength(1);
    expect(warnings[0]).not.toContain(GITHUB_TOKEN);
    expect(warnings[0]?.length).toBeLessThan(1000);
  });

  it("a run cancelled while GitHub is slow: the call ends at once, without a warning", async () => {
    github.mode = "hang";
    const run = new AbortController();
    github.onRequest = () => run.abort();
    const l = ledger({ signal: run.signal });
    expect(await l.read()).toEqual({});
    expect(await l.begin(payload())).toBeUndefined();
    expect(github.requests).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it("a GitHub that does not answer: the call times out, warns once and the ledger turns off", async () => {
    github.mode = "hang";
    const timeouts: AbortController[] = [];
    github.onRequest = () => {
      for (const t of timeouts) t.abort(new DOMException("timed out", "TimeoutError"));
    };
    const l = ledger({
      timeoutSignal: () => {
        const t = new AbortController();
        timeouts.push(t);
        return t.signal;
      },
    });
    expect(await l.read()).toEqual({});
    expect(await l.begin(payload())).toBeUndefined();
    expect(github.requests).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("off for the rest of this run");
  });

  it("a cancelled run sends nothing", async () => {
    const l = ledger({ signal: AbortSignal.abort() });
    expect(await l.read()).toEqual({});
    expect(await l.begin(payload())).toBeUndefined();
    expect(github.requests).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it.each<[string, Partial<LedgerOptions>]>([
    ["github-deployment: false", { enabled: false }],
    ["an empty github-token", { token: "" }],
    ["no repository", { context: prContext({ repository: "" }) }],
  ])("%s: sends nothing and warns about nothing", async (_what, overrides) => {
    const l = ledger(overrides);
    await l.read();
    await l.begin(payload());
    await l.finish("success");
    expect(l.active).toBe(false);
    expect(github.requests).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe("whose records the ledger trusts", () => {
  const log: Logger = { info: () => {}, debug: () => {}, warning: () => {} };
  const env = (github: { url: string }, environment = ENV) =>
    new DeploymentLedger({
      enabled: true,
      context: prContext(),
      token: GITHUB_TOKEN,
      apiUrl: github.url,
      environment,
      log,
      secrets: [],
    });

  describe("GITHUB_TOKEN (an installation token: GET /user is refused)", () => {
    const github = useFakeGitHub({ token: GITHUB_TOKEN });
    it.each<[string, FakeUser | undefined, boolean]>([
      ["github-actions[bot], as GitHub spells it", undefined, true],
      ["GitHub-Actions[bot], in other letter case", { login: "GitHub-Actions[bot]", type: "Bot" }, true],
      ["a person with deployments: write", { login: "mallory", type: "User" }, false],
      ["another app's bot", { login: "evil-app[bot]", type: "Bot" }, false],
      ["a login that merely contains the bot's", { login: "github-actions[bot]x", type: "Bot" }, false],
    ])("a success created by %s: trusted %s", async (_what, creator, trusted) => {
      const d = github.deployments.seed({
        environment: ENV,
        payload: payload(),
        states: ["success"],
        ...(creator ? { creator } : {}),
      });
      const view = await env(github).read();
      expect(view.lastSuccess?.deploymentId).toBe(trusted ? d.id : undefined);
    });
  });

  describe("statuses another identity added to the action's own record", () => {
    const github = useFakeGitHub({ token: GITHUB_TOKEN });
    const MALLORY: FakeUser = { login: "mallory", type: "User" };
    it("a success added to a failed record does not make it the last success", async () => {
      const good = github.deployments.seed({
        environment: ENV,
        payload: payload("ep-good"),
        states: ["success"],
      });
      const failed = github.deployments.seed({ environment: ENV, payload: payload(), states: ["failure"] });
      github.deployments.postStatus(failed, { state: "success", creator: MALLORY });
      const view = await env(github).read();
      expect(view.latest).toMatchObject({ deploymentId: failed.id, state: "failure" });
      // GitHub's auto_inactive on the older success leaves it a version that served.
      expect(good.statuses.at(-1)?.state).toBe("inactive");
      expect(view.lastSuccess?.deploymentId).toBe(good.id);
    });
    it("a failure added to a successful record takes its trust away", async () => {
      const d = github.deployments.seed({ environment: ENV, payload: payload(), states: ["success"] });
      github.deployments.postStatus(d, { state: "failure", creator: MALLORY });
      const view = await env(github).read();
      expect(view.latest).toMatchObject({ deploymentId: d.id, state: "failure" });
      expect(view.lastSuccess).toBeUndefined();
    });
  });

  describe("a personal token (GET /user answers its login)", () => {
    const github = useFakeGitHub({ token: GITHUB_TOKEN, user: { login: "Alice", type: "User" } });
    it("trusts what alice created (any case), not what github-actions[bot] or another person did", async () => {
      const own = github.deployments.seed({
        environment: ENV,
        payload: payload(),
        states: ["success"],
        creator: { login: "alice", type: "User" },
      });
      github.deployments.seed({ environment: ENV, payload: payload("ep-bot"), states: ["success"] });
      github.deployments.seed({
        environment: ENV,
        payload: payload("ep-mallory"),
        states: ["success"],
        creator: { login: "mallory", type: "User" },
      });
      const view = await env(github).read();
      expect(view.latest?.deploymentId).toBe(own.id);
      expect(view.lastSuccess?.deploymentId).toBe(own.id);
      expect(github.requests.filter((r) => r.path === "/user")).toHaveLength(1);
    });
  });
});
