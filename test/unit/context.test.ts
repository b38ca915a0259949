import path from "node:path";
import { describe, expect, it } from "vitest";
import { readRunContext } from "../../src/github/context.ts";

const EVENTS = path.join(import.meta.dirname, "../fixtures/events");
const HEAD_SHA = "f1d2d2f924e986ac86fdf7b36c94bcdf32beec15";

function env(eventName: string, fixture?: string): NodeJS.ProcessEnv {
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: "acme/models",
    GITHUB_SHA: "0c5a0ec25e76bd3ab8cb8b1aa9ad60cd0e6aa1ea",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "9001",
    GITHUB_WORKFLOW: "Deploy",
    GITHUB_ACTION_REF: "v1",
    ...(fixture && { GITHUB_EVENT_PATH: path.join(EVENTS, fixture) }),
  };
}

describe("readRunContext", () => {
  it("reads the run from the environment", () => {
    expect(readRunContext(env("push", "push.json"))).toEqual({
      eventName: "push",
      repository: "acme/models",
      sha: "0c5a0ec25e76bd3ab8cb8b1aa9ad60cd0e6aa1ea",
      serverUrl: "https://github.com",
      runId: "9001",
      runUrl: "https://github.com/acme/models/actions/runs/9001",
      workflow: "Deploy",
      actionRef: "v1",
    });
  });

  it.each([
    ["pull_request", "pull_request.same-repo.json", { number: 17, fromFork: false, action: "synchronize" }],
    ["pull_request", "pull_request.fork.json", { number: 23, fromFork: true, action: "opened" }],
    // The fork was deleted after the PR was opened: GitHub sends head.repo null.
    ["pull_request", "pull_request.fork-deleted.json", { number: 24, fromFork: true, action: "synchronize" }],
    ["pull_request", "pull_request.closed.json", { number: 17, fromFork: false, action: "closed" }],
    [
      "pull_request_target",
      "pull_request_target.fork.json",
      { number: 23, fromFork: true, action: "synchronize" },
    ],
  ])("%s %s: reads the pull request", (eventName, fixture, expected) => {
    expect(readRunContext(env(eventName, fixture)).pullRequest).toEqual({ ...expected, headSha: HEAD_SHA });
  });

  it.each([
    ["push", "push.json"],
    ["release", "release.published.json"],
    ["workflow_dispatch", "workflow_dispatch.json"],
    // Only the two pull request events carry a PR the action acts on.
    ["issue_comment", "pull_request.same-repo.json"],
  ])("%s: no pull request", (eventName, fixture) => {
    expect(readRunContext(env(eventName, fixture)).pullRequest).toBeUndefined();
  });

  const unreadable: Array<[string, string | undefined, (p: string) => string]> = [
    ["no GITHUB_EVENT_PATH", undefined, () => "{}"],
    [
      "an unreadable file",
      "/nonexistent/event.json",
      () => {
        throw new Error("ENOENT");
      },
    ],
    ["invalid JSON", "/event.json", () => "{not json"],
    ["JSON null", "/event.json", () => "null"],
    ["a payload without pull_request", "/event.json", () => JSON.stringify({ action: "opened" })],
    ["a malformed pull_request", "/event.json", () => JSON.stringify({ pull_request: { number: "7" } })],
  ];
  it.each(unreadable)("a pull_request event with %s: no PR info, no crash", (_label, eventPath, readFile) => {
    const e = { ...env("pull_request"), ...(eventPath && { GITHUB_EVENT_PATH: eventPath }) };
    const context = readRunContext(e, readFile);
    expect(context.pullRequest).toBeUndefined();
    expect(context.repository).toBe("acme/models");
  });

  it.each<[string, string, string, true | undefined]>([
    ["pull_request", "pull_request.dependabot.json", "dependabot[bot]", true],
    // A re-run keeps the original actor (GitHub documents the restrictions apply to re-runs too).
    ["push", "push.json", "dependabot[bot]", true],
    // Under pull_request_target the PR's author decides, whoever the actor is.
    ["pull_request_target", "pull_request.dependabot.json", "octocat", true],
    // A person who pushes to Dependabot's branch runs with Actions secrets.
    ["pull_request", "pull_request.dependabot.json", "octocat", undefined],
    ["pull_request", "pull_request.same-repo.json", "octocat", undefined],
    ["pull_request", "pull_request.same-repo.json", "dependabot", undefined],
  ])("%s %s by %s: dependabot %s", (eventName, fixture, actor, expected) => {
    const context = readRunContext({ ...env(eventName, fixture), GITHUB_ACTOR: actor });
    expect(context.dependabot).toBe(expected);
  });

  it("reads Dependabot's pull request like any other of the same repository", () => {
    const context = readRunContext({
      ...env("pull_request", "pull_request.dependabot.json"),
      GITHUB_ACTOR: "dependabot[bot]",
    });
    expect(context.pullRequest).toEqual({ number: 31, fromFork: false, headSha: HEAD_SHA, action: "opened" });
  });

  it("treats a head repository that differs only in case as the same repository", () => {
    const payload = {
      action: "opened",
      pull_request: {
        number: 5,
        head: { sha: HEAD_SHA, repo: { full_name: "Acme/Models" } },
        base: { repo: { full_name: "acme/models" } },
      },
    };
    const context = readRunContext(env("pull_request", "/e.json"), () => JSON.stringify(payload));
    expect(context.pullRequest?.fromFork).toBe(false);
  });

  it.each([
    [{}, "https://github.com", ""],
    [
      { GITHUB_SERVER_URL: "https://ghe.example.com/", GITHUB_REPOSITORY: "a/b", GITHUB_RUN_ID: "1" },
      "https://ghe.example.com",
      "https://ghe.example.com/a/b/actions/runs/1",
    ],
    [
      { GITHUB_SERVER_URL: "", GITHUB_REPOSITORY: "a/b", GITHUB_RUN_ID: "2" },
      "https://github.com",
      "https://github.com/a/b/actions/runs/2",
    ],
  ])("server URL and run URL from %j", (e, serverUrl, runUrl) => {
    const context = readRunContext(e, () => {
      throw new Error("not read");
    });
    expect(context).toMatchObject({ serverUrl, runUrl, eventName: "", sha: "", actionRef: "" });
  });

  it("defaults to process.env and the real file system", () => {
    expect(readRunContext().serverUrl).toMatch(/^https?:\/\//);
  });
});
