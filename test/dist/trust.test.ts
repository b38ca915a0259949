// The built bundle against what others can write: deployment records made by another account or
// naming another endpoint or model, settings changed outside the action, PR answers that are not
// GitHub's, a look-alike of the sticky comment, mentions and references in outside text, secrets
// in forms the plain redactor misses, and timestamps that carry `::`. Each runs dist/index.js as
// the runner does, against the simulator and the loopback fake GitHub.
import { afterEach, describe, expect, it } from "vitest";
import { derivePreviewName } from "../../src/inputs/preview-names.ts";
import type { DeploymentSettings } from "../../src/ledger/ledger.ts";
import { markerFor } from "../../src/report/pr-comment.ts";
import type { FakePull } from "../support/fake-github.ts";
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
  recordedSettings as settings,
  useLedgerWorld,
} from "../support/use-ledger-world.ts";

const TOKEN = "flp_distTrustToken0123456789abcdef";
const GITHUB_TOKEN = "ghs_distTrustGithubToken0123456789";
const MALLORY: FakeUser = { login: "mallory", type: "User" };

const {
  sim,
  gh,
  serving: seedEndpoint,
  putsTo,
  ...world
} = useLedgerWorld({
  token: TOKEN,
  githubToken: GITHUB_TOKEN,
  scenario: {
    teams: [{ id: "demo-team", projects: [PROJECT, "sweep-a", "sweep-b"] }],
    failures: BAD_REVISION_FAILS,
  },
});

/** A successful deployment record in the endpoint's environment, created by `creator`. */
const record = (name: string, id: string, s: DeploymentSettings, creator?: FakeUser) =>
  world.record(name, id, s, creator ? { creator } : {});

const deploy = (name: string, inputs: Record<string, string> = {}): Promise<ActionRun> =>
  world.run({ name, "hf-model-repo": MODEL, "hf-model-revision": REVISION, gpu: "1x H100", ...inputs });

describe("the ledger trusts only its own records of this endpoint", () => {
  it("a newer success written by another account that claims the requested settings does not make the deploy unchanged", async () => {
    const name = "trust-forged-noop";
    const id = seedEndpoint(name);
    // The action's own record: the endpoint serves REVISION.
    record(name, id, settings());
    // Someone else claims OTHER_REVISION serves, so that a deploy of it would send nothing.
    record(
      name,
      id,
      settings((s) => (s.model.revision = OTHER_REVISION)),
      MALLORY,
    );
    const run = await deploy(name, { "hf-model-revision": OTHER_REVISION });
    try {
      expect(run.outputs.result).toBe("updated");
      expect(putsTo(id).map((b) => b.hfModelRepoRevision)).toEqual([OTHER_REVISION]);
    } finally {
      run.cleanup();
    }
  });

  it("settings changed outside the action (replicas GET shows) are drift: updated, and the summary says so", async () => {
    const name = "trust-drift";
    const id = seedEndpoint(name, { maxReplica: 4 });
    record(name, id, settings());
    const run = await deploy(name);
    try {
      expect(run.code).toBe(0);
      expect(run.outputs.result).toBe("updated");
      expect(putsTo(id)).toHaveLength(1);
      expect(run.summary).toMatch(/Drift on endpoint .*autoscalingPolicy\.maxReplica/);
    } finally {
      run.cleanup();
    }
  });

  it("a forged success naming another model, 8x B200 and 10 replicas is never the rollback target", async () => {
    const name = "trust-forged-rollback";
    const id = seedEndpoint(name);
    const good = record(name, id, settings());
    record(
      name,
      id,
      settings((s) => {
        s.model = { repo: "evil-org/backdoor", revision: OTHER_REVISION };
        s.gpu = { instanceOptionId: "B200x8", label: "8x B200" };
        s.autoscaling = { minReplicas: 10, maxReplicas: 10, cooldownSeconds: 300 };
      }),
      MALLORY,
    );
    const run = await deploy(name, { "hf-model-revision": BAD_REVISION, "rollback-on-failure": "true" });
    try {
      const bodies = putsTo(id);
      expect(bodies.map((b) => b.hfModelRepo)).not.toContain("evil-org/backdoor");
      // The action's own last success is the target, named in the log before the update is sent.
      expect(run.outputs.result).toBe("rolled-back");
      expect(bodies.map((b) => b.hfModelRepoRevision)).toEqual([BAD_REVISION, REVISION]);
      const shown = run.stdout.indexOf(`If it fails: put back the settings of GitHub deployment ${good.id}`);
      expect(shown).toBeGreaterThanOrEqual(0);
      expect(shown).toBeLessThan(run.stdout.indexOf("did not deploy"));
    } finally {
      run.cleanup();
    }
  });

  it("the action's own record of another endpoint id or another model is not a rollback target", async () => {
    for (const [name, recorded] of [
      [
        "trust-other-id",
        (id: string) => ({ id: `${id}x`, s: settings((s) => (s.model.revision = OTHER_REVISION)) }),
      ],
      [
        "trust-other-model",
        (id: string) => ({ id, s: settings((s) => (s.model.repo = "evil-org/backdoor")) }),
      ],
    ] as const) {
      const id = seedEndpoint(name);
      const r = recorded(id);
      record(name, r.id, r.s);
      const run = await deploy(name, { "hf-model-revision": BAD_REVISION, "rollback-on-failure": "true" });
      try {
        expect(run.outputs.result).toBe("failed");
        expect(putsTo(id).map((b) => b.hfModelRepoRevision)).toEqual([BAD_REVISION]);
      } finally {
        run.cleanup();
      }
    }
  });
});

describe("the sweep deletes only on a well-formed PR answer", () => {
  const closedPr: FakePull = { state: "closed", merged: false };
  /** What a proxy, a sign-in page or a broken GitHub may answer with status 200. */
  const unreadable: Array<FakePull["raw"]> = [
    { body: {} },
    {
      body: "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in to continue</body></html>",
    },
    { body: { number: 0, state: "OPEN", merged: false } },
    { body: { number: 0, state: "draft", merged: false } },
    { body: { number: 0, state: null, merged: false } },
  ];

  /** Seeds one preview per PR number in `project`, each as old as a stale preview. */
  function previews(project: string, prs: Map<number, FakePull>): Map<number, string> {
    const ids = new Map<number, string>();
    for (const [n, pull] of prs) {
      ids.set(
        n,
        sim.seed({
          name: derivePreviewName(REPOSITORY, n),
          projectId: project,
          status: "SLEEPING",
          createdAt: Date.now() - 97 * 3_600_000,
          autoscalingPolicy: { minReplica: 0 },
        }),
      );
      gh.pulls.set(n, pull);
    }
    return ids;
  }

  const withNumber = (n: number, raw: FakePull["raw"]): FakePull => {
    const body = raw?.body;
    return {
      state: "open",
      merged: false,
      raw: { body: typeof body === "object" && body && "number" in body ? { ...body, number: n } : body },
    };
  };

  function sweep(project: string): Promise<ActionRun> {
    return runAction({
      inputs: {
        operation: "sweep",
        "friendli-token": TOKEN,
        "project-id": project,
        "github-token": GITHUB_TOKEN,
        "api-url": sim.url,
        "github-deployment": "false",
      },
      eventName: "schedule",
      env: { GITHUB_REPOSITORY: REPOSITORY, GITHUB_API_URL: gh.url },
    });
  }

  const deleted = (id: string) => sim.requests.some((q) => q.route === "delete" && q.path.endsWith(`/${id}`));

  it("keeps each preview whose PR answer is not a pull request, with a warning; closed ones go", async () => {
    const prs = new Map<number, FakePull>();
    for (let n = 11; n <= 15; n++) prs.set(n, closedPr);
    for (const [i, raw] of unreadable.entries()) prs.set(21 + i, withNumber(21 + i, raw));
    const ids = previews("sweep-a", prs);
    const run = await sweep("sweep-a");
    try {
      for (const [n, id] of ids) expect([n, deleted(id)]).toEqual([n, n < 20]);
      expect(run.outputs.result).toBe("swept");
      for (let n = 21; n <= 25; n++) expect(run.stdout).toMatch(new RegExp(`::warning::.*PR #${n}\\)`));
    } finally {
      run.cleanup();
    }
  });

  it("more than half of the PR answers unreadable: the sweep deletes nothing and fails", async () => {
    const prs = new Map<number, FakePull>([
      [31, closedPr],
      [32, closedPr],
    ]);
    for (const [i, raw] of unreadable.slice(0, 3).entries()) prs.set(41 + i, withNumber(41 + i, raw));
    const ids = previews("sweep-b", prs);
    const run = await sweep("sweep-b");
    try {
      for (const id of ids.values()) expect(deleted(id)).toBe(false);
      expect(run.code).not.toBe(0);
      expect(run.outputs.result).toBe("failed");
      expect(run.stdout).toContain("3 of 5 PR answers from GitHub were not pull requests");
    } finally {
      run.cleanup();
    }
  });
});

describe("the sticky PR comment is found by marker and author", () => {
  it("a look-alike comment by the PR's author is left alone and a new comment is made", async () => {
    const name = "trust-comment";
    const forged = gh.addComment(
      17,
      `${markerFor(name)}\nI wrote this; the action must not edit it`,
      MALLORY,
    );
    const forgedBody = forged.body;
    const run = await runAction({
      inputs: {
        "friendli-token": TOKEN,
        "project-id": PROJECT,
        name,
        "hf-model-repo": MODEL,
        "hf-model-revision": REVISION,
        gpu: "1x H100",
        preflight: "false",
        "github-deployment": "false",
        "github-token": GITHUB_TOKEN,
        "api-url": sim.url,
      },
      eventName: "pull_request",
      event: PR_EVENT,
      env: { GITHUB_REPOSITORY: REPOSITORY, GITHUB_API_URL: gh.url },
    });
    try {
      expect(run.outputs.result).toBe("created");
      const comments = gh.commentsOn(17);
      expect(comments.find((c) => c.id === forged.id)?.body).toBe(forgedBody);
      expect(gh.requests.filter((r) => r.method === "PATCH")).toEqual([]);
      const ours = comments.filter((c) => c.user.login === "github-actions[bot]");
      expect(ours).toHaveLength(1);
      expect(ours[0]?.body.startsWith(markerFor(name))).toBe(true);
    } finally {
      run.cleanup();
    }
  });
});

describe("outside text in the summary and the PR comment mentions and links nobody", () => {
  const api = useHostile();

  const HOSTILE =
    "Hi @attacker-user, @evil-org/red-team and (@second-user): see #1337, evil-org/repo#42, GH-999 and other-user#7";
  const TARGETS = [
    "@attacker-user",
    "@evil-org/red-team",
    "@second-user",
    "#1337",
    "evil-org/repo#42",
    "GH-999",
    "other-user#7",
  ];

  /**
   * What GitHub would still notify or link: the Markdown with its code (spans, `<code>`, fences)
   * taken out, and its entities decoded as GitHub decodes them before it looks for mentions.
   */
  function notifying(markdown: string): string[] {
    const text = markdown
      .replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, "")
      .replace(/<code>[\s\S]*?<\/code>/g, "")
      .replace(/(`+)[^`]*?\1/g, "")
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
      .replace(/&(lt|gt|quot|amp);/g, (_, n: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&" })[n] ?? "");
    return TARGETS.filter((t) => new RegExp(`(?<!\\w)${t.replace(/[/#]/g, "\\$&")}(?!\\w)`, "i").test(text));
  }

  function run(inputs: Record<string, string>): Promise<ActionRun> {
    return runAction({
      inputs: {
        "friendli-token": TOKEN,
        "project-id": PROJECT,
        name: "hostile-endpoint",
        "hf-model-repo": "org/model",
        gpu: "1x H100",
        preflight: "false",
        "github-deployment": "false",
        "github-token": GITHUB_TOKEN,
        "api-url": api.url,
        ...inputs,
      },
      eventName: "pull_request",
      event: PR_EVENT,
      env: { GITHUB_REPOSITORY: REPOSITORY, GITHUB_API_URL: gh.url },
    });
  }

  // Where outside text enters, the inputs that bring it in, and how the run ends.
  const SOURCES: Array<[where: string, forge: () => void, inputs: Record<string, string>, result: string]> = [
    [
      "a model's reply",
      () => {
        api.override.chat = () => ({
          body: { choices: [{ message: { role: "assistant", content: HOSTILE } }] },
        });
      },
      { "smoke-test": "true" },
      "created",
    ],
    [
      "an API error's detail",
      () => {
        api.override.create = () => ({ status: 400, body: { detail: HOSTILE } });
      },
      {},
      "failed",
    ],
  ];

  it.each(SOURCES)("%s", async (_where, forge, inputs, result) => {
    forge();
    const r = await run(inputs);
    try {
      expect(r.outputs.result).toBe(result);
      const comment = gh.commentsOn(17).at(-1)?.body ?? "";
      expect(r.summary).toContain("attacker-user");
      expect(comment).toContain("attacker-user");
      expect(notifying(r.summary)).toEqual([]);
      expect(notifying(comment)).toEqual([]);
    } finally {
      r.cleanup();
    }
  });
});

describe("timestamp outputs", () => {
  const api = useHostile();

  it("created-at and updated-at are strict RFC 3339: a timestamp-shaped value with `::` inside is dropped", async () => {
    const forged = "2026-11-25T12:00:00Z::stop-commands::x";
    const status = { status: "RUNNING", phase: null, createdAt: forged, updatedAt: forged };
    // Only the status answers are forged: the listing keeps the create's own createdAt, so the run
    // can tell its endpoint (a listing without a readable createdAt leaves it unsure, not created).
    api.override.status = () => ({ body: status });
    const r = await runAction({
      inputs: {
        "friendli-token": TOKEN,
        "project-id": PROJECT,
        name: "hostile-endpoint",
        "hf-model-repo": "org/model",
        gpu: "1x H100",
        preflight: "false",
        "pr-comment": "false",
        "api-url": api.url,
      },
    });
    try {
      expect(r.outputs.result).toBe("created");
      expect(r.outputs["created-at"]).toBe("");
      expect(r.outputs["updated-at"]).toBe("");
      const json = JSON.parse(r.outputs.json ?? "{}") as Record<string, unknown>;
      expect([json["created-at"], json["updated-at"]]).toEqual([null, null]);
    } finally {
      r.cleanup();
    }
  });
});

/** The text as a reader could decode it: entities, escapes and percent encoding undone, and
 * white space, soft hyphens and zero-width characters taken out. */
function decoded(text: string): string {
  let out = text
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)));
  for (let i = 0; i < 3; i++)
    out = out.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return out.replace(/[\s\u00ad\u200b-\u200d\u2060\ufeff]/g, "");
}

/** Every 8-character run of `secret` that shows in `text` once decoded, and its base64 if it does. */
function leaked(text: string, secret: string, privatePart: string): string[] {
  const plain = decoded(text);
  const runs: string[] = [];
  for (let i = 0; i + 8 <= privatePart.length; i++) {
    const run = privatePart.slice(i, i + 8);
    if (plain.includes(run)) runs.push(run);
  }
  const b64 = Buffer.from(secret).toString("base64").slice(4, -4);
  if (text.replace(/\s/g, "").includes(b64)) runs.push(b64);
  return runs;
}

/** Every sink the runner or GitHub keeps: log, annotations, summary, outputs, state, comment, deployments. */
function sinks(r: ActionRun): string {
  const log = r.stdout
    .split("\n")
    .filter((l) => !l.startsWith("::add-mask::"))
    .join("\n");
  const deployments = JSON.stringify(
    gh.deployments.deployments.map((d) => [d.payload, d.description, d.statuses.map((x) => x.description)]),
  );
  const comments = gh.commentsOn(17).map((c) => c.body);
  return [
    log,
    r.stderr,
    r.summary,
    JSON.stringify(r.outputs),
    JSON.stringify(r.state),
    ...comments,
    deployments,
  ].join("\n");
}

describe("a secret echoed in pieces or encoded reaches no sink", () => {
  const api = useHostile();

  const PRIVATE = TOKEN.slice("flp_".length);
  const GH_PRIVATE = GITHUB_TOKEN.slice("ghs_".length);
  const hex2 = (c: string) => (c.codePointAt(0) ?? 0).toString(16).padStart(2, "0");
  const each = (s: string, f: (c: string) => string) => [...s].map(f).join("");
  const mime = (s: string) => {
    const b64 = Buffer.from(`Authorization: Bearer ${s}`).toString("base64");
    return `${b64.slice(0, 46)}\r\n${b64.slice(46)}`;
  };
  const FORMS: Array<[string, (s: string) => string]> = [
    ["split by a line break", (s) => `${s.slice(0, 14)}\n${s.slice(14)}`],
    ["split by a space", (s) => `${s.slice(0, 14)} ${s.slice(14)}`],
    ["split by a soft hyphen", (s) => `${s.slice(0, 14)}\u00ad${s.slice(14)}`],
    ["split right after the public prefix", (s) => `${s.slice(0, 4)}\n${s.slice(4)}`],
    ["zero-width characters between its characters", (s) => [...s].join("\u200b")],
    ["JSON \\u escapes", (s) => each(s, (c) => `\\u00${hex2(c)}`)],
    ["HTML decimal entities", (s) => each(s, (c) => `&#${c.codePointAt(0)};`)],
    ["HTML hex entities", (s) => each(s, (c) => `&#x${hex2(c)};`)],
    ["upper-case percent encoding", (s) => each(s, (c) => `%${hex2(c).toUpperCase()}`)],
    ["double percent encoding", (s) => each(s, (c) => `%25${hex2(c)}`)],
    ["MIME base64 broken inside the token", mime],
  ];

  function run(): Promise<ActionRun> {
    return runAction({
      inputs: {
        "friendli-token": TOKEN,
        "project-id": PROJECT,
        name: "hostile-endpoint",
        "hf-model-repo": "org/model",
        gpu: "1x H100",
        preflight: "false",
        "github-token": GITHUB_TOKEN,
        "api-url": api.url,
      },
      eventName: "pull_request",
      event: PR_EVENT,
      env: { GITHUB_REPOSITORY: REPOSITORY, GITHUB_API_URL: gh.url },
    });
  }

  // One run per form carries both: the friendli-token in the API's answer to the create, and the
  // github-token in GitHub's answer to the ledger's first read.
  it.each(FORMS)(
    "the friendli-token in an API error's detail and the github-token in GitHub's error, %s",
    async (_what, form) => {
      api.override.create = () => ({ status: 400, body: { detail: `invalid key ${form(TOKEN)} rejected` } });
      gh.deployments.faults.push({ status: 500, message: `token ${form(GITHUB_TOKEN)} is not allowed` });
      const r = await run();
      try {
        expect(r.outputs.result).toBe("failed");
        // Both reached the sinks: the words around each secret are there.
        expect(r.summary).toContain("rejected");
        expect(r.stdout).toContain("is not allowed");
        const all = sinks(r);
        expect(leaked(all, TOKEN, PRIVATE)).toEqual([]);
        expect(leaked(all, GITHUB_TOKEN, GH_PRIVATE)).toEqual([]);
      } finally {
        r.cleanup();
      }
    },
  );
});

describe("the hf-token echoed by the Hub reaches no sink", () => {
  const HF_TOKEN = "hf_distTrustHubToken0123456789abcdef";
  const HF_PRIVATE = HF_TOKEN.slice("hf_".length);
  afterEach(() => sim.clearFaults());

  function deploy(name: string, repo: string): Promise<ActionRun> {
    return runAction({
      inputs: {
        "friendli-token": TOKEN,
        "project-id": PROJECT,
        name,
        "hf-model-repo": repo,
        gpu: "1x H100",
        "hf-token": HF_TOKEN,
        "github-deployment": "false",
        "pr-comment": "false",
        "api-url": sim.url,
      },
    });
  }

  it("in the names of the repository's files, whole and split by a soft hyphen", async () => {
    sim.hub.seed({
      id: "org/echo-files",
      files: [
        { path: `notes-${HF_TOKEN}.md`, size: 10 },
        { path: `split-${HF_TOKEN.slice(0, 12)}\u00ad${HF_TOKEN.slice(12)}.txt`, size: 10 },
      ],
    });
    const r = await deploy("hub-echo-files", "org/echo-files");
    try {
      // The pre-flight refused the repository and named its files: the names reached the sinks.
      expect(r.outputs.result).toBe("failed");
      expect(r.stdout).toContain("root: notes-");
      expect(r.summary).toContain("notes-");
      expect(leaked(sinks(r), HF_TOKEN, HF_PRIVATE)).toEqual([]);
    } finally {
      r.cleanup();
    }
  });

  it("in the X-Error-Code and X-Error-Message headers of a failed Hub answer, split by a space and a soft hyphen", async () => {
    sim.inject({
      route: "hub-model",
      times: 100,
      fault: {
        kind: "status",
        status: 500,
        headers: {
          "x-error-code": `Denied-${HF_TOKEN.slice(0, 12)} ${HF_TOKEN.slice(12)}`,
          "x-error-message": `token ${HF_TOKEN.slice(0, 3)}\u00ad${HF_TOKEN.slice(3)} refused`,
        },
      },
    });
    const r = await deploy("hub-echo-headers", "meta-llama/Llama-3.1-8B-Instruct");
    try {
      // The Hub could not be read: a warning that quotes its answer, and the deploy goes on.
      expect(r.outputs.result).toBe("created");
      expect(r.stdout).toContain("the Hub answered 500 Denied-");
      expect(leaked(sinks(r), HF_TOKEN, HF_PRIVATE)).toEqual([]);
    } finally {
      r.cleanup();
    }
  });
});
