// What the dist tests of the ledger, the rollback and the cost cap share: one loopback simulator and
// one fake GitHub per file (the fake reset before each test), a model served at REVISION in
// PROJECT, a revision whose engine fails to start, the PR event, the settings the action records
// for such a deploy, and runs of the built bundle from REPOSITORY against both.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildPayload, type DeploymentSettings } from "../../src/ledger/ledger.ts";
import { INSTANT_LIFECYCLE, type ScenarioInput } from "../simulator/index.ts";
import type { FakeUser } from "./fake-github-deployments.ts";
import { type ActionRun, repoRoot, runAction } from "./run-action.ts";
import { useFakeGitHub } from "./use-fake-github.ts";
import { useSimulator } from "./use-simulator.ts";

export const REPOSITORY = "acme/models";
export const PROJECT = "demo-project";
export const MODEL = "meta-llama/Llama-3.1-8B-Instruct";
export const REVISION = "0e9e39f249a16976918f6564b8830bc894c89659";
export const OTHER_REVISION = "1111111111111111111111111111111111111111";
export const BAD_REVISION = "bad0bad0bad0bad0bad0bad0bad0bad0bad0bad0";
export const PR_EVENT: unknown = JSON.parse(
  readFileSync(join(repoRoot, "test/fixtures/events/pull_request.same-repo.json"), "utf8"),
);

/** The scenario's failures where a deploy of BAD_REVISION fails while its engine initialises. */
export const BAD_REVISION_FAILS: ScenarioInput["failures"] = [
  {
    match: { hfModelRepoRevision: BAD_REVISION },
    phase: "ENGINE_INITIALIZING",
    errorCode: "INFERENCE_ENGINE_MEMORY_ERROR",
  },
];

/** What the action records for a deploy of MODEL@REVISION on 1x H100 with 0–1 replicas, then `change`d. */
export function recordedSettings(change: (s: DeploymentSettings) => void = () => {}): DeploymentSettings {
  const s: DeploymentSettings = {
    model: { repo: MODEL, revision: REVISION },
    gpu: { instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" },
    autoscaling: { minReplicas: 0, maxReplicas: 1, cooldownSeconds: 300 },
    engine: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
  };
  change(s);
  return s;
}

interface LedgerWorldOptions {
  token: string;
  githubToken: string;
  /** Merged over INSTANT_LIFECYCLE. */
  scenario?: Omit<ScenarioInput, "lifecycleMs">;
}

interface RecordOptions {
  states?: Array<"in_progress" | "success" | "failure">;
  creator?: FakeUser;
}

export function useLedgerWorld({ token, githubToken, scenario = {} }: LedgerWorldOptions) {
  const gh = useFakeGitHub({ token: githubToken, owner: "acme", repo: "models" });
  const sim = useSimulator({ scenario: { lifecycleMs: INSTANT_LIFECYCLE, ...scenario } });

  /** A RUNNING endpoint serving MODEL@REVISION on this GPU and up to this many replicas; its id. */
  function serving(name: string, { instanceOptionId = "TwD5AqnBSVN0", maxReplica = 1 } = {}): string {
    return sim.seed({
      name,
      projectId: PROJECT,
      status: "RUNNING",
      hfModelRepo: MODEL,
      hfModelRepoRevision: REVISION,
      instanceOptionId,
      autoscalingPolicy: { minReplica: 0, maxReplica, cooldownPeriod: 300 },
    });
  }

  /** A deployment record of `s` for endpoint `id` in its environment (by the action unless `creator`). */
  function record(name: string, id: string, s: DeploymentSettings, options: RecordOptions = {}) {
    const { states = ["in_progress", "success"], creator } = options;
    return gh.deployments.seed({
      environment: `friendli/${name}`,
      payload: buildPayload({ id, name, projectId: PROJECT }, s),
      states,
      ...(creator ? { creator } : {}),
    });
  }

  /** An endpoint serving what the action's own last success recorded (`s`); its id. */
  function servingRecorded(name: string, s: DeploymentSettings): string {
    const id = serving(name, {
      instanceOptionId: s.gpu.instanceOptionId,
      maxReplica: s.autoscaling.maxReplicas,
    });
    record(name, id, s);
    return id;
  }

  /** A run of the bundle from REPOSITORY (on a pull_request event if `pr`), no PR comment or pre-flight unless `inputs` say so. */
  function run(inputs: Record<string, string>, pr = false): Promise<ActionRun> {
    return runAction({
      inputs: {
        "friendli-token": token,
        "project-id": PROJECT,
        "github-token": githubToken,
        "api-url": sim.url,
        "pr-comment": "false",
        preflight: "false",
        ...inputs,
      },
      ...(pr ? { eventName: "pull_request", event: PR_EVENT } : {}),
      env: { GITHUB_REPOSITORY: REPOSITORY, GITHUB_API_URL: gh.url },
    });
  }

  /** The bodies of the updates sent to endpoint `id`. */
  const putsTo = (id: string) =>
    sim.requests
      .filter((q) => q.route === "update" && q.path.endsWith(`/${id}`))
      .map((q) => q.body as Record<string, unknown> & { hfModelRepoRevision?: string });

  return { sim, gh, serving, record, servingRecorded, run, putsTo };
}
