// The sweep's ledger hook against the loopback fake of GitHub's deployments API, with the real Octokit.
import { beforeEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/base/log.ts";
import type { RunContext } from "../../src/github/context.ts";
import { buildPayload, type DeploymentSettings } from "../../src/ledger/ledger.ts";
import { retireOrphans, sweepLedger } from "../../src/ledger/sweep.ts";
import type { DeploymentState } from "../../src/ledger/trust.ts";
import type { FakeUser } from "../support/fake-github-deployments.ts";
import { useFakeGitHub } from "../support/use-fake-github.ts";

const GITHUB_TOKEN = "ghs_fakeGithubToken0123456789";
const context: RunContext = {
  eventName: "schedule",
  repository: "acme/models",
  sha: "0c5a0ec25e76bd3ab8cb8b1aa9ad60cd0e6aa1ea",
  serverUrl: "https://github.com",
  runId: "9001",
  runUrl: "https://github.com/acme/models/actions/runs/9001",
  workflow: "Sweep",
  actionRef: "v1",
};
const settings: DeploymentSettings = {
  model: { repo: "meta-llama/Llama-3.1-8B-Instruct" },
  gpu: { instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" },
  autoscaling: { minReplicas: 0, maxReplicas: 1, cooldownSeconds: 300 },
  engine: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
};
const payload = (id: string, name: string) => buildPayload({ id, name, projectId: "proj-1" }, settings);

const github = useFakeGitHub({ token: GITHUB_TOKEN });
let warnings: string[];
let log: Logger;
beforeEach(() => {
  warnings = [];
  log = { info: () => {}, debug: () => {}, warning: (m) => warnings.push(m) };
});

const hook = () =>
  sweepLedger({ enabled: true, context, token: GITHUB_TOKEN, apiUrl: github.url, log, secrets: [] });

it("marks the deleted preview's live deployments inactive, in its own environment only", async () => {
  const mine = github.deployments.seed({
    environment: "friendli/acme--models-pr-1",
    payload: payload("ep1", "acme--models-pr-1"),
    states: ["in_progress", "success"],
  });
  // Another endpoint once had the same name: its record is not this preview's.
  const older = github.deployments.seed({
    environment: "friendli/acme--models-pr-1",
    payload: payload("ep0", "acme--models-pr-1"),
    states: ["success"],
  });
  const other = github.deployments.seed({
    environment: "friendli/acme--models-pr-3",
    payload: payload("ep3", "acme--models-pr-3"),
    states: ["success"],
  });
  await hook().markInactive?.({ id: "ep1", name: "acme--models-pr-1", prNumber: 1 });
  expect(mine.statuses.map((s) => s.state)).toEqual(["in_progress", "success", "inactive"]);
  expect(mine.statuses.at(-1)?.description).toBe("Preview deleted by the sweep");
  expect(older.statuses.map((s) => s.state)).toEqual(["success"]);
  expect(other.statuses.map((s) => s.state)).toEqual(["success"]);
  expect(warnings).toEqual([]);
});

it("a token without deployments: write warns once for the whole sweep", async () => {
  github.deployments.access = "none";
  const h = hook();
  for (const n of [1, 2, 4])
    await h.markInactive?.({ id: `ep${n}`, name: `acme--models-pr-${n}`, prNumber: n });
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain("`permissions: deployments: write`");
  expect(github.requests).toHaveLength(1);
});

describe("retireOrphans: previews whose endpoint is gone", () => {
  const gone = new Set(["ep7", "ep8", "ep9", "ep10", "ep11"]);
  const orphans = () =>
    retireOrphans({
      enabled: true,
      context,
      token: GITHUB_TOKEN,
      apiUrl: github.url,
      log,
      secrets: [],
      missing: (e) => e.projectId === "proj-1" && e.name !== "acme--models-pr-3",
      gone: async (id) => gone.has(id),
    });
  const seed = (
    n: number,
    states: DeploymentState[],
    over: { id?: string; environment?: string; creator?: FakeUser } = {},
  ) =>
    github.deployments.seed({
      environment: over.environment ?? `friendli/acme--models-pr-${n}`,
      payload: payload(over.id ?? `ep${n}`, `acme--models-pr-${n}`),
      states,
      ...(over.creator ? { creator: over.creator } : {}),
    });
  const states = (d: { statuses: Array<{ state: string }> }) => d.statuses.map((s) => s.state);

  it("closes an own preview whose newest record is a success and whose endpoint is gone, older live records of it too", async () => {
    const older = seed(7, ["in_progress"]);
    const newest = seed(7, ["success"]);
    expect(await orphans()).toEqual(["acme--models-pr-7"]);
    expect(states(newest)).toEqual(["success", "inactive"]);
    expect(states(older)).toEqual(["in_progress", "inactive"]);
    expect(newest.statuses.at(-1)?.description).toBe("No endpoint of this preview is left");
    expect(warnings).toEqual([]);
  });

  it.each<[string, () => { statuses: Array<{ state: string }> }]>([
    [
      "another creator's look-alike",
      () => seed(8, ["success"], { creator: { login: "mallory", type: "User" } }),
    ],
    [
      "a record in another environment than its name's",
      () => seed(9, ["success"], { environment: "production" }),
    ],
    ["an endpoint that still answers", () => seed(12, ["success"])],
    ["a preview the sweep found (missing says no)", () => seed(3, ["success"], { id: "ep10" })],
    ["a deploy still in progress", () => seed(10, ["in_progress"])],
    ["one already closed", () => seed(11, ["success", "inactive"])],
  ])("leaves %s alone", async (_, make) => {
    const d = make();
    const before = states(d);
    expect(await orphans()).toEqual([]);
    expect(states(d)).toEqual(before);
  });

  it("a token without deployments: write costs one warning and closes nothing", async () => {
    seed(7, ["success"]);
    github.deployments.access = "none";
    expect(await orphans()).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});
