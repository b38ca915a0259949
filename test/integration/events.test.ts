// The run's event decides the default name and what an empty token means: pull_request from the
// same repository and from a fork, a closed PR, push, release and workflow_dispatch payloads.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deployInputs, runInProcess, TOKEN } from "../support/in-process.ts";
import { type Env, EVENTS_DIR, requestsTo, routes, startEnv, writes } from "./helpers.ts";

const REPO_ENV = { GITHUB_REPOSITORY: "acme/models" };

function event(env: Env, file: string, eventName: string, inputs: Record<string, string>) {
  return runInProcess({
    inputs,
    clock: env.clock,
    eventName,
    eventPath: join(EVENTS_DIR, file),
    env: REPO_ENV,
  });
}

/** deployInputs without `name`, as a PR preview workflow passes them. */
function unnamed(env: Env, overrides: Record<string, string> = {}): Record<string, string> {
  const { name: _name, ...rest } = deployInputs(env.sim, overrides);
  return rest;
}

describe("pull_request", () => {
  it("from the same repository with no name: deploys <repo>-pr-<n>, provenance names the PR head", async () => {
    const env = await startEnv();
    const r = await event(
      env,
      "pull_request.same-repo.json",
      "pull_request",
      unnamed(env, { wait: "false" }),
    );
    expect(r.failed).toBeUndefined();
    expect(r.outputs).toMatchObject({ result: "created", "endpoint-name": "acme--models-pr-17" });
    expect(requestsTo(env.sim, "create")[0]?.body).toMatchObject({
      name: "acme--models-pr-17",
      initialVersionComment:
        "Deployed by acme/models@f1d2d2f (PR #17) from https://github.com/acme/models/actions/runs/1234567890",
    });
    expect(env.sim.endpoints().map((e) => e.name)).toEqual(["acme--models-pr-17"]);
  });

  it("a second push to the PR updates the same endpoint", async () => {
    const env = await startEnv();
    const id = env.sim.seed({ name: "acme--models-pr-17", projectId: "demo-project" });
    const r = await event(
      env,
      "pull_request.same-repo.json",
      "pull_request",
      unnamed(env, { wait: "false" }),
    );
    expect(r.outputs).toMatchObject({ result: "updated", "endpoint-id": id });
    expect(writes(env.sim).map((w) => `${w.method} ${w.path}`)).toEqual([
      `PUT /dedicated/beta/endpoint/${id}`,
    ]);
  });

  it("closed, operation delete, no name: deletes that PR's endpoint", async () => {
    const env = await startEnv();
    const keep = env.sim.seed({ name: "acme--models-pr-18", projectId: "demo-project" });
    const id = env.sim.seed({ name: "acme--models-pr-17", projectId: "demo-project" });
    const r = await event(env, "pull_request.closed.json", "pull_request", {
      operation: "delete",
      "friendli-token": TOKEN,
      "project-id": "demo-project",
      "pr-comment": "false",
      "api-url": env.sim.url,
    });
    expect(r.failed).toBeUndefined();
    expect(r.outputs).toMatchObject({
      result: "deleted",
      "endpoint-id": id,
      "endpoint-name": "acme--models-pr-17",
    });
    expect(writes(env.sim).map((w) => `${w.method} ${w.path}`)).toEqual([
      `DELETE /dedicated/beta/endpoint/${id}`,
    ]);
    expect(env.sim.endpoints().find((e) => e.id === keep)?.deleted).toBe(false);
  });

  it.each([
    ["pull_request.fork.json", "opened"],
    ["pull_request.fork-deleted.json", "head repository deleted"],
  ])("from a fork (%s, %s) with an empty token: skipped with a warning, no request", async (file) => {
    const env = await startEnv();
    const r = await event(env, file, "pull_request", unnamed(env, { "friendli-token": "" }));
    expect(r.failed).toBeUndefined();
    expect(r.outputs.result).toBe("skipped");
    expect(env.sim.requests).toEqual([]);
    expect(r.logs.filter((l) => l.startsWith("warning:"))).toEqual([
      expect.stringContaining("`friendli-token` is empty because this pull request comes from a fork"),
    ]);
    expect(r.summary).toContain("Skipped");
  });

  it("opened by Dependabot with an empty token: skipped with a warning about Dependabot secrets, no request", async () => {
    const env = await startEnv();
    const r = await runInProcess({
      inputs: unnamed(env, { "friendli-token": "" }),
      clock: env.clock,
      eventName: "pull_request",
      eventPath: join(EVENTS_DIR, "pull_request.dependabot.json"),
      env: { ...REPO_ENV, GITHUB_ACTOR: "dependabot[bot]" },
    });
    expect(r.failed).toBeUndefined();
    expect(r.outputs.result).toBe("skipped");
    expect(env.sim.requests).toEqual([]);
    expect(r.logs.filter((l) => l.startsWith("warning:"))).toEqual([
      expect.stringContaining("add the same token as a Dependabot secret"),
    ]);
  });

  it("pull_request_target from a fork with an empty token: fails (secrets are available there)", async () => {
    const env = await startEnv();
    const r = await event(
      env,
      "pull_request_target.fork.json",
      "pull_request_target",
      unnamed(env, { "friendli-token": "" }),
    );
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toContain("`friendli-token` is empty: add a repository secret");
    expect(env.sim.requests).toEqual([]);
  });
});

describe("events without a pull request", () => {
  it("push with an empty token: fails saying how to set the secret, no request", async () => {
    const env = await startEnv();
    const r = await event(env, "push.json", "push", deployInputs(env.sim, { "friendli-token": "" }));
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toBe(
      "An input is not valid:\n- friendli-token: `friendli-token` is empty: add a repository secret " +
        "(Settings → Secrets and variables → Actions), e.g. FRIENDLI_TOKEN, and pass " +
        "`friendli-token: ${{ secrets.FRIENDLI_TOKEN }}`",
    );
    expect(env.sim.requests).toEqual([]);
  });

  it.each([
    ["release.published.json", "release"],
    ["workflow_dispatch.json", "workflow_dispatch"],
    ["push.json", "push"],
  ])("%s: name is required, no request", async (file, eventName) => {
    const env = await startEnv();
    const r = await event(env, file, eventName, unnamed(env));
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toBe(
      "An input is not valid:\n- name: `name` is required outside pull request events " +
        "(only there it defaults to `<owner>--<repo>-pr-<number>`)",
    );
    expect(env.sim.requests).toEqual([]);
  });

  it("release with a name: deploys under that name", async () => {
    const env = await startEnv();
    const r = await event(
      env,
      "release.published.json",
      "release",
      deployInputs(env.sim, { name: "models-prod", wait: "false" }),
    );
    expect(r.outputs).toMatchObject({ result: "created", "endpoint-name": "models-prod" });
    expect(routes(env.sim)).toContain("POST create");
  });

  it("delete on workflow_dispatch without name or endpoint-id: fails naming both inputs", async () => {
    const env = await startEnv();
    const r = await event(env, "workflow_dispatch.json", "workflow_dispatch", {
      operation: "delete",
      "friendli-token": TOKEN,
      "project-id": "demo-project",
      "api-url": env.sim.url,
    });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toContain("`name` or `endpoint-id` is required for `operation: delete`");
    expect(env.sim.requests).toEqual([]);
  });
});
