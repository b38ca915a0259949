// Id memory end to end: the ledger (fake GitHub) remembers an endpoint id, and one GET against the
// simulator confirms it, or sends the caller back to the lookup when the endpoint was deleted or the
// id now names something else.
import { beforeEach, describe, expect, it } from "vitest";
import { confirmRememberedEndpoint } from "../../src/endpoint/lookup.ts";
import { FriendliClient } from "../../src/friendli/client.ts";
import { ApiError } from "../../src/friendli/errors.ts";
import type { RunContext } from "../../src/github/context.ts";
import { DeploymentLedger } from "../../src/ledger/deployments.ts";
import { buildPayload, type DeploymentSettings, rememberedEndpointId } from "../../src/ledger/ledger.ts";
import { REVISION, TOKEN } from "../support/in-process.ts";
import { silentLogger } from "../support/log.ts";
import { useFakeGitHub } from "../support/use-fake-github.ts";
import { type Env, routes, startEnv } from "./helpers.ts";

const GITHUB_TOKEN = "ghs_fakeGithubToken0123456789";
const NAME = "models-pr-17";
const PROJECT = "demo-project";
const ENV = `friendli/${NAME}`;

const settings: DeploymentSettings = {
  model: { repo: "meta-llama/Llama-3.1-8B-Instruct", revision: REVISION },
  gpu: { instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" },
  autoscaling: { minReplicas: 0, maxReplicas: 1, cooldownSeconds: 300 },
  engine: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
};

const context: RunContext = {
  eventName: "pull_request",
  repository: "acme/models",
  sha: "0c5a0ec25e76bd3ab8cb8b1aa9ad60cd0e6aa1ea",
  serverUrl: "https://github.com",
  runId: "9001",
  runUrl: "https://github.com/acme/models/actions/runs/9001",
  workflow: "PR preview",
  actionRef: "v1",
  pullRequest: {
    number: 17,
    fromFork: false,
    headSha: "f1d2d2f924e986ac86fdf7b36c94bcdf32beec15",
    action: "opened",
  },
};

describe("id memory: the ledger's endpoint id, confirmed by one GET", () => {
  const github = useFakeGitHub({ token: GITHUB_TOKEN });
  let env: Env;
  let client: FriendliClient;

  beforeEach(async () => {
    env = await startEnv();
    client = new FriendliClient({
      baseUrl: env.sim.url,
      token: TOKEN,
      clock: env.clock,
      signal: new AbortController().signal,
      deadlineMs: env.clock.now() + 600_000,
      log: silentLogger,
    });
  });

  /** What a run would remember: the ledger's id for this name and project, read over HTTP. */
  async function remembered(): Promise<string | undefined> {
    const ledger = new DeploymentLedger({
      enabled: true,
      context,
      token: GITHUB_TOKEN,
      apiUrl: github.url,
      environment: ENV,
      log: silentLogger,
      secrets: [TOKEN],
    });
    return rememberedEndpointId(await ledger.read(), NAME, PROJECT);
  }

  function record(id: string) {
    github.deployments.seed({
      environment: ENV,
      payload: buildPayload({ id, name: NAME, projectId: PROJECT }, settings),
      states: ["in_progress", "success"],
    });
  }

  it("the endpoint is still there under its name: used after one GET, no listing", async () => {
    // Forty endpoints in the project: a lookup by name would list and read them.
    for (let i = 0; i < 39; i++) env.sim.seed({ name: `other-${i}`, projectId: PROJECT });
    const id = env.sim.seed({ name: NAME, projectId: PROJECT });
    record(id);

    const memory = await remembered();
    expect(memory).toBe(id);
    const confirmation = await confirmRememberedEndpoint(client, {
      id: memory ?? "",
      name: NAME,
      projectId: PROJECT,
    });
    expect(confirmation).toMatchObject({ confirmed: true, id, spec: { name: NAME, projectId: PROJECT } });
    expect(routes(env.sim)).toEqual(["GET get"]);
  });

  it("the endpoint was deleted since: the memory is returned, the GET says gone, the caller looks up", async () => {
    const id = env.sim.seed({ name: NAME, projectId: PROJECT });
    record(id);
    await client.delete(id);
    env.sim.requests.length = 0;

    const memory = await remembered();
    expect(memory).toBe(id);
    expect(await confirmRememberedEndpoint(client, { id, name: NAME, projectId: PROJECT })).toEqual({
      confirmed: false,
      reason: "gone",
    });
    expect(routes(env.sim)).toEqual(["GET get"]);
  });

  it("the id now names another endpoint: mismatch, never used", async () => {
    const id = env.sim.seed({ name: "someone-else", projectId: PROJECT });
    record(id);
    expect(await confirmRememberedEndpoint(client, { id, name: NAME, projectId: PROJECT })).toEqual({
      confirmed: false,
      reason: "mismatch",
    });
  });

  it("the name is there but in another project: mismatch", async () => {
    const id = env.sim.seed({ name: NAME, projectId: PROJECT });
    expect(
      await confirmRememberedEndpoint(client, { id, name: NAME, projectId: "other-project" }),
    ).toMatchObject({
      confirmed: false,
      reason: "mismatch",
    });
  });

  it("an id no path can carry is not sent at all", async () => {
    expect(await confirmRememberedEndpoint(client, { id: "..", name: NAME, projectId: PROJECT })).toEqual({
      confirmed: false,
      reason: "unusable",
    });
    expect(env.sim.requests).toEqual([]);
  });

  it("a rejected token is not a stale memory: it is thrown, as the lookup would meet it", async () => {
    const id = env.sim.seed({ name: NAME, projectId: PROJECT });
    const rejected = new FriendliClient({
      baseUrl: env.sim.url,
      token: "not-a-friendli-token",
      clock: env.clock,
      signal: new AbortController().signal,
      deadlineMs: env.clock.now() + 600_000,
      log: silentLogger,
    });
    const err = await confirmRememberedEndpoint(rejected, { id, name: NAME, projectId: PROJECT }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(401);
  });
});
