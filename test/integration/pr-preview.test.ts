// The PR preview workflow end to end, in-process: the Friendli simulator on virtual time and a
// loopback fake of GitHub's REST API for the sticky comment. Push, push again, close.
import { afterEach, beforeEach, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.ts";
import { deployInputs, runInProcess, simulatorWithVirtualClock } from "../support/in-process.ts";

const fixture = (name: string) => new URL(`../fixtures/events/${name}`, import.meta.url).pathname;
const GITHUB_TOKEN = "ghs_fake_installation_token_123";

let env: Awaited<ReturnType<typeof simulatorWithVirtualClock>>;
let github: FakeGitHub;
beforeEach(async () => {
  env = await simulatorWithVirtualClock();
  github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
});
afterEach(async () => {
  await env.sim.close();
  await github.close();
});

function prRun(eventFile: string, overrides: Record<string, string> = {}) {
  const inputs = deployInputs(env.sim, {
    name: "",
    "pr-comment": "true",
    "github-token": GITHUB_TOKEN,
    ...overrides,
  });
  return runInProcess({
    inputs,
    clock: env.clock,
    eventName: "pull_request",
    eventPath: fixture(eventFile),
    env: { GITHUB_REPOSITORY: "acme/models", GITHUB_API_URL: github.url },
  });
}

it("deploys on push, updates on the next push, deletes on close, with one comment kept current", async () => {
  const first = await prRun("pull_request.same-repo.json");
  expect(first.failed).toBeUndefined();
  expect(first.outputs).toMatchObject({
    result: "created",
    status: "RUNNING",
    "endpoint-name": "acme--models-pr-17",
  });
  let comments = github.commentsOn(17);
  expect(comments).toHaveLength(1);
  expect(comments[0]?.body).toContain(first.outputs["endpoint-id"]);
  expect(comments[0]?.body).toContain("/chat/completions");

  // The same push again: the deployment ledger shows these settings serving, so nothing is sent.
  const same = await prRun("pull_request.same-repo.json");
  expect(same.outputs).toMatchObject({ result: "unchanged", "endpoint-id": first.outputs["endpoint-id"] });
  expect(env.sim.requests.filter((r) => r.route === "update")).toHaveLength(0);

  const second = await prRun("pull_request.same-repo.json", { "if-unchanged": "update" });
  expect(second.outputs).toMatchObject({ result: "updated", "endpoint-id": first.outputs["endpoint-id"] });
  expect(env.sim.requests.filter((r) => r.route === "update")).toHaveLength(1);
  expect(env.sim.requests.filter((r) => r.route === "create")).toHaveLength(1);
  comments = github.commentsOn(17);
  expect(comments).toHaveLength(1);

  const closed = await prRun("pull_request.closed.json", { operation: "delete" });
  expect(closed.outputs).toMatchObject({ result: "deleted", "endpoint-id": first.outputs["endpoint-id"] });
  expect(env.sim.endpoints().filter((e) => e.name === "acme--models-pr-17" && !e.deleted)).toHaveLength(0);
  comments = github.commentsOn(17);
  expect(comments).toHaveLength(1);
  expect(comments[0]?.body.toLowerCase()).toContain("deleted");
  for (const r of [first, same, second, closed]) {
    expect(JSON.stringify(github.requests)).not.toContain("flp_");
    expect(r.logs.join("\n")).not.toContain(GITHUB_TOKEN);
  }
});

it("a token without pull-requests: write warns and the deploy still succeeds", async () => {
  github.mode = "forbid-writes";
  const run = await prRun("pull_request.same-repo.json");
  expect(run.failed).toBeUndefined();
  expect(run.outputs.result).toBe("created");
  expect(run.logs.some((l) => l.startsWith("warning:") && l.includes("pull-requests: write"))).toBe(true);
  expect(github.commentsOn(17)).toHaveLength(0);
});

it("pr-comment: false writes no comment", async () => {
  const run = await prRun("pull_request.same-repo.json", { "pr-comment": "false" });
  expect(run.outputs.result).toBe("created");
  expect(github.requests.filter((r) => r.path.includes("/issues/"))).toHaveLength(0);
});
