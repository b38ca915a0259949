// A Friendli project as a nightly sweep finds it, for the sweep's tests and `npm run demo:sweep`:
// this repository's previews (closed, merged, open, stale, and one whose PR GitHub no longer
// knows) among endpoints that are not its to touch (production, another repository's preview of
// the same name and number, a preview named the old way), seeded into the simulator, with the PRs'
// states in the fake GitHub.
import { derivePreviewName } from "../../src/inputs/preview-names.ts";
import { environmentName, PAYLOAD_SCHEMA } from "../../src/ledger/ledger.ts";
import type { Simulator } from "../simulator/index.ts";
import type { FakeGitHub } from "./fake-github.ts";
import type { FakeUser } from "./fake-github-deployments.ts";

export const SWEEP_REPOSITORY = "acme/models";
export const SWEEP_PROJECT = "demo-project";
const HOUR = 3_600_000;

export interface SweepProjectOptions {
  /** Other endpoints of the project (`team-experiment-<i>`), to make the listing span pages. */
  fillers?: number;
}

/** Seeds the project; old endpoints were last updated 97 hours before `nowMs`, the fresh one 1 hour. */
export function seedSweepProject(
  sim: Simulator,
  gh: FakeGitHub,
  nowMs: number,
  options: SweepProjectOptions = {},
) {
  const old = nowMs - 97 * HOUR;
  const seed = (name: string, createdAt = old, status = "SLEEPING") =>
    sim.seed({ name, projectId: SWEEP_PROJECT, status, createdAt, autoscalingPolicy: { minReplica: 0 } });
  const preview = (n: number, createdAt = old) => seed(derivePreviewName(SWEEP_REPOSITORY, n), createdAt);
  const ids = {
    closed: preview(1),
    merged: preview(2),
    fresh: preview(3, nowMs - HOUR),
    stale: preview(4),
    unknown: preview(5),
    production: sim.seed({
      name: "support-bot-production",
      projectId: SWEEP_PROJECT,
      status: "RUNNING",
      createdAt: old,
      autoscalingPolicy: { minReplica: 1, maxReplica: 2 },
    }),
    // Another repository of the same name in the same project, with a closed PR of the same number.
    otherRepo: seed(derivePreviewName("bob/models", 1)),
    // The naming before owners were part of it: found only with a name-prefix.
    legacy: seed("models-pr-2"),
  };
  for (let i = 0; i < (options.fillers ?? 0); i++) seed(`team-experiment-${i}`);
  gh.pulls.set(1, { state: "closed", merged: false });
  gh.pulls.set(2, { state: "closed", merged: true });
  gh.pulls.set(3, { state: "open", merged: false });
  gh.pulls.set(4, { state: "open", merged: false });
  // PR 5: none, GitHub answers 404.
  return ids;
}

/** A deploy of preview `n` (endpoint `id`) that succeeded, as the action records it (or as `creator` forged it). */
export function deployedPreview(gh: FakeGitHub, n: number, id: string, creator?: FakeUser) {
  const name = derivePreviewName(SWEEP_REPOSITORY, n);
  const deployment = gh.deployments.seed({
    environment: environmentName(undefined, name),
    payload: {
      schema: PAYLOAD_SCHEMA,
      version: 1,
      endpoint: { id, name, projectId: SWEEP_PROJECT },
      settings: {
        model: { repo: "meta-llama/Llama-3.1-8B-Instruct" },
        gpu: { instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" },
        autoscaling: { minReplicas: 0, maxReplicas: 1, cooldownSeconds: 300 },
        engine: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
      },
    },
    ...(creator ? { creator } : {}),
    states: ["success"],
  });
  return { id, name, deployment };
}

/** The project's live endpoints as sorted names, fillers left out: the before/after picture. */
export function liveNames(sim: Simulator): string[] {
  return sim
    .endpoints()
    .filter((e) => !e.deleted && e.status !== "TERMINATED" && e.status !== "TERMINATING")
    .map((e) => e.name)
    .filter((n) => !n.startsWith("team-experiment-"))
    .sort();
}
