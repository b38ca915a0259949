// The built bundle against two gaps in what the action trusts: a `success` status that another
// account added to one of the action's own failed deployment records, and a secret echoed in
// base64 or hex and cut short, so that no whole-secret form is left to match. Each runs
// dist/index.js as the runner does, against the simulator (or the hostile API) and the loopback
// fake GitHub.
import { afterEach, describe, expect, it } from "vitest";
import type { FakeUser } from "../support/fake-github-deployments.ts";
import { type ActionRun, runAction } from "../support/run-action.ts";
import { useHostile } from "../support/use-hostile.ts";
import {
  BAD_REVISION,
  BAD_REVISION_FAILS,
  MODEL,
  OTHER_REVISION,
  PR_EVENT,
  PROJECT,
  REPOSITORY,
  REVISION,
  recordedSettings,
  useLedgerWorld,
} from "../support/use-ledger-world.ts";

const TOKEN = "flp_distGapsToken0123456789abcdefXY";
const GITHUB_TOKEN = "ghs_distGapsGithubToken0123456789";
const HF_TOKEN = "hf_distGapsHubToken0123456789abcdefQ";
const MALLORY: FakeUser = { login: "mallory", type: "User" };

const { sim, gh, ...world } = useLedgerWorld({
  token: TOKEN,
  githubToken: GITHUB_TOKEN,
  scenario: { teams: [{ id: "demo-team", projects: [PROJECT] }], failures: BAD_REVISION_FAILS },
});

describe("a success status another account adds to the action's own failed record gives it no trust", () => {
  const settings = (revision: string) => recordedSettings((s) => (s.model.revision = revision));

  /**
   * An endpoint serving REVISION as the action's own record says, then the action's own record of
   * OTHER_REVISION that failed, to which mallory adds `success` (GitHub's auto_inactive then marks
   * the older record inactive). GET shows no model or revision: no drift check can see the lie.
   */
  function forge(name: string) {
    const id = world.serving(name);
    const good = world.record(name, id, settings(REVISION));
    const failed = world.record(name, id, settings(OTHER_REVISION), { states: ["in_progress", "failure"] });
    gh.deployments.postStatus(failed, { state: "success", creator: MALLORY });
    return { id, good, failed };
  }

  const deploy = (name: string, inputs: Record<string, string>) =>
    world.run({ name, "hf-model-repo": MODEL, gpu: "1x H100", ...inputs });

  const putsTo = (id: string) => world.putsTo(id).map((b) => b.hfModelRepoRevision);

  it("a deploy of the failed record's settings is not unchanged: it sends them", async () => {
    const name = "gaps-forged-status-noop";
    const { id } = forge(name);
    const run = await deploy(name, { "hf-model-revision": OTHER_REVISION });
    try {
      expect(run.code).toBe(0);
      expect(run.outputs.result).toBe("updated");
      expect(putsTo(id)).toEqual([OTHER_REVISION]);
    } finally {
      run.cleanup();
    }
  });

  it("a rollback puts back the action's own last success, not the record mallory marked", async () => {
    const name = "gaps-forged-status-rollback";
    const { id, good } = forge(name);
    const run = await deploy(name, { "hf-model-revision": BAD_REVISION, "rollback-on-failure": "true" });
    try {
      expect(run.outputs.result).toBe("rolled-back");
      expect(putsTo(id)).toEqual([BAD_REVISION, REVISION]);
      expect(run.stdout).toContain(`If it fails: put back the settings of GitHub deployment ${good.id}`);
    } finally {
      run.cleanup();
    }
  });
});

const b64 = (s: string) => Buffer.from(s).toString("base64");
const b64url = (s: string) => Buffer.from(s).toString("base64url");
const hex = (s: string) => Buffer.from(s).toString("hex");
/** An encoded text cut right after the characters that carry its first `bytes` bytes. */
const cut = (encoded: string, bytes: number) => encoded.slice(0, Math.ceil((bytes * 4) / 3));

/**
 * A secret echoed encoded and cut short: no whole-secret form is left, only a run that decodes to
 * some characters of its private part (after the public prefix of `prefixLength` characters).
 */
const FORMS: Array<[string, (secret: string, prefixLength: number) => string]> = [
  [
    "base64 of `Bearer <token>` cut at 15 characters of the private part",
    (s, p) => cut(b64(`Bearer ${s}`), 7 + p + 15),
  ],
  [
    "base64url of a JSON body cut at 12 characters of the private part",
    (s, p) => cut(b64url(`{"t":"${s}"}`), 6 + p + 12),
  ],
  ["hex of 12 characters of the private part", (s, p) => hex(s.slice(p + 2, p + 14))],
];

/** Every run of 8 characters of `privatePart` that some base64 or hex window of `text` decodes to. */
function decodable(text: string, privatePart: string): string[] {
  const flat = text.replace(/[\s\u00ad\u200b-\u200d\u2060\ufeff]/g, "");
  const found = new Set<string>();
  for (let i = 0; i < flat.length; i++) {
    for (const encoding of ["base64", "hex"] as const) {
      // From a group's start, 16 characters of base64 hold any 8 bytes whatever their offset in
      // the group; 16 of hex hold exactly 8.
      const decoded = Buffer.from(flat.slice(i, i + 16), encoding).toString("latin1");
      for (let k = 0; k + 8 <= privatePart.length; k++) {
        const run = privatePart.slice(k, k + 8);
        if (decoded.includes(run)) found.add(run);
      }
    }
  }
  return [...found];
}

/** What the runner and GitHub keep of a run: log, summary, outputs, state, PR comments, deployments. */
function sinks(r: ActionRun): string {
  const log = r.stdout
    .split("\n")
    .filter((l) => !l.startsWith("::add-mask::"))
    .join("\n");
  const deployments = gh.deployments.deployments.flatMap((d) => [
    JSON.stringify(d.payload),
    d.description ?? "",
    ...d.statuses.map((s) => s.description),
  ]);
  const comments = gh.commentsOn(17).map((c) => c.body);
  return [
    log,
    r.stderr,
    r.summary,
    JSON.stringify(r.outputs),
    JSON.stringify(r.state),
    ...comments,
    ...deployments,
  ].join("\n");
}

describe("a secret echoed in base64 or hex and cut short reaches no sink", () => {
  const api = useHostile();
  afterEach(() => sim.clearFaults());
  let hubRuns = 0;

  const onPullRequest = (inputs: Record<string, string>) =>
    runAction({
      inputs: {
        "friendli-token": TOKEN,
        "project-id": PROJECT,
        "hf-model-repo": MODEL,
        gpu: "1x H100",
        "github-token": GITHUB_TOKEN,
        ...inputs,
      },
      eventName: "pull_request",
      event: PR_EVENT,
      env: { GITHUB_REPOSITORY: REPOSITORY, GITHUB_API_URL: gh.url },
    });

  it.each(FORMS)("the friendli-token in an API error's detail: %s", async (_what, form) => {
    const echoed = form(TOKEN, "flp_".length);
    api.override.create = () => ({ status: 400, body: { detail: `key ${echoed} rejected` } });
    const r = await onPullRequest({ name: "hostile-endpoint", preflight: "false", "api-url": api.url });
    try {
      expect(r.outputs.result).toBe("failed");
      // The detail reached the summary and the comment: the words around the echo are there.
      expect(r.summary).toContain("rejected");
      expect(gh.commentsOn(17).at(-1)?.body).toContain("rejected");
      expect(decodable(sinks(r), TOKEN.slice("flp_".length))).toEqual([]);
    } finally {
      r.cleanup();
    }
  });

  it.each(FORMS)("the hf-token in the Hub's X-Error-Code and X-Error-Message: %s", async (_what, form) => {
    const echoed = form(HF_TOKEN, "hf_".length);
    sim.inject({
      route: "hub-model",
      times: 100,
      fault: {
        kind: "status",
        status: 500,
        headers: { "x-error-code": `Denied-${echoed}`, "x-error-message": `token ${echoed} refused` },
      },
    });
    const r = await onPullRequest({
      name: `gaps-hub-echo-${++hubRuns}`,
      "hf-token": HF_TOKEN,
      "api-url": sim.url,
    });
    try {
      // The Hub could not be read: a warning that quotes its answer, and the deploy goes on.
      expect(r.outputs.result).toBe("created");
      expect(r.stdout).toContain("the Hub answered 500 Denied-");
      expect(decodable(sinks(r), HF_TOKEN.slice("hf_".length))).toEqual([]);
    } finally {
      r.cleanup();
    }
  });
});
