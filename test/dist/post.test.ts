// The post step: same bundle, run by the runner after the main step (also after a cancellation),
// with the main step's saved state as STATE_* env.
import { afterAll, beforeAll, expect, it } from "vitest";
import { PAYLOAD_SCHEMA } from "../../src/ledger.ts";
import { type Simulator, startSimulator } from "../simulator/index.ts";
import { startFakeGitHub } from "../support/fake-github.ts";
import { runAction } from "../support/run-action.ts";

const TOKEN = "flp_post_step_token_0123456789";
const GITHUB_TOKEN = "ghs_fakePostStepToken0123456789";
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim?.close();
});

const inputs = (overrides: Record<string, string> = {}) => ({
  "friendli-token": TOKEN,
  "project-id": "demo-project",
  name: "post-step",
  "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
  gpu: "1x H100",
  "pr-comment": "false",
  "api-url": sim.url,
  "delete-on-failure": "true",
  ...overrides,
});

it.each([
  {
    case: "cancelled run that created it, delete-on-failure on",
    result: "cancelled",
    created: "true",
    deleteOnFailure: "true",
    deleted: true,
  },
  {
    case: "cancelled run that found it (not created here)",
    result: "cancelled",
    created: "false",
    deleteOnFailure: "true",
    deleted: false,
  },
  {
    case: "cancelled run, delete-on-failure off",
    result: "cancelled",
    created: "true",
    deleteOnFailure: "false",
    deleted: false,
  },
  { case: "successful run", result: "created", created: "true", deleteOnFailure: "true", deleted: false },
])("post step: $case → deleted: $deleted", async ({ result, created, deleteOnFailure, deleted }) => {
  const id = sim.seed({
    name: "post-step",
    projectId: "demo-project",
    status: "INITIALIZING",
    phase: "DOWNLOADING_MODEL",
  });
  const run = await runAction({
    inputs: inputs({ "delete-on-failure": deleteOnFailure }),
    state: { "is-post": "true", "endpoint-id": id, "created-by-this-run": created, result },
  });
  try {
    expect(run.code).toBe(0);
    const stillThere = sim.endpoints().some((e) => e.id === id && !e.deleted);
    expect(stillThere).toBe(!deleted);
    expect(sim.requests.filter((r) => r.route === "delete" && r.path.endsWith(id))).toHaveLength(
      deleted ? 1 : 0,
    );
    expect(run.stdout.replace(`::add-mask::${TOKEN}`, "")).not.toContain(TOKEN);
  } finally {
    run.cleanup();
  }
});

it.each([
  { case: "the endpoint deleted by the post step", created: "true", last: "inactive" },
  { case: "an endpoint left in place", created: "false", last: "error" },
])(
  "post step after a cancellation closes this run's GitHub deployment: $case → $last",
  async ({ created, last }) => {
    const github = await startFakeGitHub({ token: GITHUB_TOKEN });
    try {
      const id = sim.seed({ name: "post-step", projectId: "demo-project", status: "INITIALIZING" });
      const deployment = github.deployments.seed({
        environment: "friendli/post-step",
        payload: {
          schema: PAYLOAD_SCHEMA,
          version: 1,
          endpoint: { id, name: "post-step", projectId: "demo-project" },
          settings: {
            model: { repo: "meta-llama/Llama-3.1-8B-Instruct" },
            gpu: { instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" },
            autoscaling: { minReplicas: 0, maxReplicas: 1, cooldownSeconds: 300 },
            engine: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
          },
        },
        states: ["in_progress"],
      });
      const run = await runAction({
        inputs: inputs({ "github-token": GITHUB_TOKEN }),
        env: { GITHUB_REPOSITORY: "acme/models", GITHUB_API_URL: github.url },
        state: {
          "is-post": "true",
          "endpoint-id": id,
          "created-by-this-run": created,
          result: "cancelled",
          "deployment-id": String(deployment.id),
        },
      });
      try {
        expect(run.code).toBe(0);
        const states = deployment.statuses.map((s) => s.state);
        expect(states).toEqual(["in_progress", last]);
        expect(run.stdout.replace(`::add-mask::${GITHUB_TOKEN}`, "")).not.toContain(GITHUB_TOKEN);
      } finally {
        run.cleanup();
      }
    } finally {
      await github.close();
    }
  },
);
