import { describe, expect, it } from "vitest";
import type { Logger } from "../../src/base/log.ts";
import type { RunContext } from "../../src/github/context.ts";
import {
  commentState,
  markerFor,
  type PrCommentState,
  renderPrComment,
} from "../../src/report/pr-comment.ts";
import { type IssueComment, isOwnComment, upsertPrComment } from "../../src/report/pr-comment-writer.ts";
import type { RunReport } from "../../src/report/run-report.ts";
import { startFakeGitHub } from "../support/fake-github.ts";
import { useFakeGitHub } from "../support/use-fake-github.ts";

const HEAD_SHA = "f1d2d2f924e986ac86fdf7b36c94bcdf32beec15";
const REVISION = "0e9e39f249a16976918f6564b8830bc894c89659";
const GITHUB_TOKEN = "ghs_fakeGithubToken0123456789";
const FRIENDLI_TOKEN = "flp_fakeFriendliToken0123456789";
const OTHER_SECRET = "hf_someOtherSecretValue42";
const NAME = "models-pr-17";
/** The copy-paste command of a ready comment for report(): it must reach the PR as it is. */
const CURL = [
  "curl -sS 'https://api.friendli.ai/dedicated/v1/chat/completions' \\",
  '  -H "Authorization: Bearer $FRIENDLI_TOKEN" \\',
  "  -H 'Content-Type: application/json' \\",
  `  -d '{"model":"ep8d3kx0q2","messages":[{"role":"user","content":"Hello!"}]}'`,
].join("\n");

function report(overrides: Partial<RunReport> = {}): RunReport {
  return {
    operation: "deploy",
    result: "created",
    endpointName: NAME,
    endpointId: "ep8d3kx0q2",
    status: "RUNNING",
    phase: null,
    inferenceUrl: "https://api.friendli.ai/dedicated/v1",
    startedAtMs: 1_000,
    finishedAtMs: 1_000 + 252_000,
    model: { repo: "meta-llama/Llama-3.1-8B-Instruct", revision: REVISION },
    gpu: "1x H100",
    replicas: { min: 0, max: 1 },
    timeline: [
      { label: "REQUESTING_VIRTUAL_MACHINE", startMs: 1_000, endMs: 41_000 },
      { label: "DOWNLOADING_MODEL", startMs: 41_000, endMs: 161_000 },
      { label: "RUNNING", startMs: 161_000 },
    ],
    warnings: [],
    ...overrides,
  };
}

function prContext(overrides: Partial<RunContext> = {}): RunContext {
  return {
    eventName: "pull_request",
    repository: "acme/models",
    sha: "0c5a0ec25e76bd3ab8cb8b1aa9ad60cd0e6aa1ea",
    serverUrl: "https://github.com",
    runId: "9001",
    runUrl: "https://github.com/acme/models/actions/runs/9001",
    workflow: "PR preview",
    actionRef: "v1",
    pullRequest: { number: 17, fromFork: false, headSha: HEAD_SHA, action: "synchronize" },
    ...overrides,
  };
}

function recorder() {
  const lines = { info: [] as string[], warning: [] as string[], debug: [] as string[] };
  const log: Logger = {
    info: (m) => lines.info.push(m),
    warning: (m) => lines.warning.push(m),
    debug: (m) => lines.debug.push(m),
  };
  return { log, lines };
}

/** Fenced code blocks as CommonMark reads them: a block ends only at a fence at least as long. */
function fencedRanges(markdown: string): Array<{ from: number; to: number; content: string }> {
  const ranges: Array<{ from: number; to: number; content: string }> = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})[^`]*$/.exec(lines[i] ?? "");
    if (!open?.[1]) continue;
    const closing = new RegExp(`^\`{${open[1].length},}\\s*$`);
    let j = i + 1;
    while (j < lines.length && !closing.test(lines[j] ?? "")) j++;
    ranges.push({ from: i, to: j, content: lines.slice(i + 1, j).join("\n") });
    i = j;
  }
  return ranges;
}

function codeBlocks(markdown: string): string[] {
  return fencedRanges(markdown).map((r) => r.content);
}

/** The Markdown outside code blocks (fences included): what GitHub renders as Markdown and HTML. */
function outsideCode(markdown: string): string {
  const ranges = fencedRanges(markdown);
  return markdown
    .split("\n")
    .filter((_, i) => !ranges.some((r) => i >= r.from && i <= r.to))
    .join("\n");
}

describe("markerFor", () => {
  it("is a hidden HTML comment naming the endpoint", () => {
    expect(markerFor(NAME)).toBe("<!-- friendli-deploy-action:models-pr-17 -->");
  });

  it("cannot be closed early by the name, and two names never share a marker", () => {
    const hostile = markerFor("x-->y<!--z");
    expect(hostile.indexOf("-->")).toBe(hostile.length - 3);
    expect(hostile.slice(4)).not.toContain("<!--");
    // A name that extends another must not match the other's marker.
    const body = renderPrComment(report({ endpointName: "a-b" }), { marker: markerFor("a-b") });
    expect(body).not.toContain(markerFor("a"));
  });
});

describe("renderPrComment", () => {
  const rows: Array<[string, Partial<RunReport>, PrCommentState, string[], string[]]> = [
    [
      "deploying",
      { status: "INITIALIZING", phase: "DOWNLOADING_MODEL", inferenceUrl: undefined },
      "deploying",
      ["is deploying", "INITIALIZING", "DOWNLOADING_MODEL", "4m 12s elapsed"],
      ["curl", "failed"],
    ],
    [
      "ready",
      {},
      "ready",
      [
        "is ready",
        "https://api.friendli.ai/dedicated/v1",
        "curl -sS 'https://api.friendli.ai/dedicated/v1/chat/completions'",
        '-H "Authorization: Bearer $FRIENDLI_TOKEN"',
        '"model":"ep8d3kx0q2"',
      ],
      ["deploying", "Error code"],
    ],
    ["ready while asleep (min-replicas 0)", { status: "SLEEPING" }, "ready", ["asleep", "curl"], []],
    [
      "updated and ready, with a smoke test",
      { result: "updated", smokeTest: { latencyMs: 312.4, reply: "Hello there!", route: "/chat" } },
      "ready",
      ["is ready", "312 ms", "Hello there!"],
      [],
    ],
    [
      "failed with an error code",
      {
        result: "failed",
        status: "FAILED",
        errorCode: "WORKLOAD_INIT_CANNOT_ACCESS_REPO_ERROR",
        message: "endpoint ep8d3kx0q2 failed",
      },
      "failed",
      ["Deploy of **models-pr-17** failed", "WORKLOAD_INIT_CANNOT", "gated", "> endpoint ep8d3kx0q2 failed"],
      ["curl"],
    ],
    [
      "reused but the endpoint is FAILED",
      { result: "reused", status: "FAILED", errorCode: "INFERENCE_ENGINE_MEMORY_ERROR" },
      "failed",
      ["failed", "out of memory"],
      ["curl"],
    ],
    [
      "timed out",
      {
        result: "timed-out",
        status: "INITIALIZING",
        phase: "ENGINE_INITIALIZING",
        message: "gave up waiting after 30m",
      },
      "timed-out",
      ["timed out", "Gave up after 4m 12s", "ENGINE_INITIALIZING", "still be provisioning"],
      ["curl"],
    ],
    [
      "cancelled",
      { result: "cancelled", status: "INITIALIZING", message: "the workflow was cancelled" },
      "cancelled",
      ["was cancelled", "the workflow was cancelled", "still be provisioning"],
      ["curl"],
    ],
    [
      "deleted",
      { operation: "delete", result: "deleted", status: "TERMINATING", inferenceUrl: undefined },
      "deleted",
      ["was deleted", "no longer serves"],
      ["curl"],
    ],
    [
      "delete of what is not there",
      { operation: "delete", result: "not-found", endpointId: undefined, status: undefined },
      "not-found",
      ["is gone", "no endpoint to delete"],
      ["curl"],
    ],
    [
      "skipped (fork PR without secrets)",
      {
        result: "skipped",
        endpointId: undefined,
        status: undefined,
        warnings: ["friendli-token is empty on a pull request from a fork: skipped"],
      },
      "skipped",
      ["was skipped", "Nothing was deployed", "from a fork"],
      ["curl"],
    ],
    ["dry run", { result: "planned" }, "planned", ["Dry run", "nothing changed"], ["curl"]],
    [
      "asleep with min-replicas 1 is not ready (the waiter's table)",
      { status: "SLEEPING", replicas: { min: 1, max: 1 } },
      "deploying",
      ["is deploying", "SLEEPING"],
      ["curl", "asleep"],
    ],
    [
      "reused but the endpoint was stopped",
      { result: "reused", status: "TERMINATED" },
      "failed",
      ["failed", "existed before this run"],
      ["curl", "operation: delete"],
    ],
    [
      "failed after this run created it",
      { result: "failed", status: "FAILED", createdByThisRun: true },
      "failed",
      ["may still exist and use a GPU: delete it with `operation: delete`"],
      ["curl", "existed before"],
    ],
    [
      "failed, and delete-on-failure deleted it",
      { result: "failed", status: "FAILED", createdByThisRun: true, deletedAfterFailure: true },
      "failed",
      ["was deleted because the run failed", "`delete-on-failure: true`"],
      ["curl", "may still", "operation: delete"],
    ],
    [
      "timed out, and delete-on-failure deleted it",
      { result: "timed-out", status: "INITIALIZING", createdByThisRun: true, deletedAfterFailure: true },
      "timed-out",
      ["timed out", "was deleted because the run failed"],
      ["curl", "may still"],
    ],
    [
      "if-exists: fail on an endpoint that was there before",
      {
        result: "failed",
        status: "RUNNING",
        createdByThisRun: false,
        message: 'an endpoint named "models-pr-17" already exists (ep8d3kx0q2) and if-exists is fail',
      },
      "failed",
      ["failed", "already exists", "existed before this run, so the run left it in place"],
      ["curl", "may still", "operation: delete"],
    ],
    [
      "a failed delete",
      { operation: "delete", result: "failed", status: "RUNNING", message: "500 from the server" },
      "failed",
      ["Delete of **models-pr-17** failed", "the endpoint may still exist"],
      ["curl", "operation: delete"],
    ],
    [
      "put to sleep",
      { operation: "sleep", result: "slept", status: "SLEEPING" },
      "slept",
      ["💤 Preview endpoint **models-pr-17** is asleep", "uses no GPU", "`operation: wake`"],
      ["curl", "ready"],
    ],
    [
      "a sleep of an endpoint already asleep",
      { operation: "sleep", result: "unchanged", status: "SLEEPING" },
      "slept",
      ["is asleep"],
      ["curl", "ready"],
    ],
    ["woken", { operation: "wake", result: "woken", status: "RUNNING" }, "ready", ["is ready", "curl"], []],
    [
      "restarted",
      { operation: "restart", result: "restarted", status: "RUNNING" },
      "ready",
      ["is ready", "curl"],
      [],
    ],
    [
      "a wake that timed out",
      { operation: "wake", result: "timed-out", status: "AWAKING" },
      "timed-out",
      ["Wake of **models-pr-17** timed out", "AWAKING"],
      ["curl"],
    ],
  ];

  it.each(rows)("%s", (_label, overrides, state, present, absent) => {
    const r = report(overrides);
    expect(commentState(r)).toBe(state);
    const body = renderPrComment(r, { marker: markerFor(NAME), context: prContext() });
    expect(body.startsWith(`${markerFor(NAME)}\n`)).toBe(true);
    for (const text of present) expect(body).toContain(text);
    for (const text of absent) expect(body).not.toContain(text);
  });

  it("names the model at its revision, the GPU, the commit and the workflow run", () => {
    const body = renderPrComment(report(), { marker: markerFor(NAME), context: prContext() });
    expect(body).toContain(
      `[meta-llama/Llama-3.1-8B-Instruct&#64;${REVISION}](https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/tree/${REVISION})`,
    );
    expect(body).toContain("**GPU:** 1x H100");
    // The PR head, not the merge commit GITHUB_SHA points at.
    expect(body).toContain(`[f1d2d2f](https://github.com/acme/models/commit/${HEAD_SHA})`);
    expect(body).toContain("[workflow run](https://github.com/acme/models/actions/runs/9001)");
    expect(body).toContain("REQUESTING_VIRTUAL_MACHINE 40s → DOWNLOADING_MODEL 2m 00s → RUNNING 1m 32s");
  });

  it("has exactly one code block, the curl, whose model is the endpoint id", () => {
    const blocks = codeBlocks(renderPrComment(report(), { marker: markerFor(NAME) }));
    expect(blocks).toEqual([CURL]);
  });

  it("escapes hostile values everywhere outside code", () => {
    const hostile = report({
      endpointName: "</details><script>alert(1)</script>|x",
      endpointId: "ep`x`'; rm -rf ~ #```",
      gpu: "1x H100 | <img src=x onerror=alert(1)>",
      model: { repo: "evil/[click](https://evil.example)", revision: "`main`" },
      smokeTest: {
        latencyMs: 10,
        reply: "```\n</details>\n@acme/owners **pwned** ![x](https://evil.example/p.png)",
        route: "/c",
      },
      warnings: ["<script>warn</script> @octocat"],
      timeline: [{ label: "<b>PHASE</b>|", startMs: 1_000 }],
    });
    const body = renderPrComment(hostile, { marker: markerFor(hostile.endpointName ?? "") });
    const rendered = outsideCode(body);
    expect(rendered).not.toMatch(/<script|<img|<\/details><script|<b>/i);
    expect(rendered).not.toMatch(/@acme|@octocat/);
    expect(rendered).not.toContain("**pwned**");
    expect(rendered).not.toContain("](https://evil.example");
    expect(rendered).not.toContain("|x");
    expect(rendered).toContain("&lt;/details&gt;&lt;script&gt;");
    // Our own <details> (the warnings) opens and closes exactly once.
    expect(rendered.match(/<details>/g)).toHaveLength(1);
    expect(rendered.match(/<\/details>/g)).toHaveLength(1);
    // Backticks and fences from outside cannot open code outside the curl block.
    expect(
      rendered.replace(/`(dry-run: true|min-replicas: 0|FRIENDLI_TOKEN|operation: delete)`/g, ""),
    ).not.toContain("`");
  });

  it("keeps an id full of quotes and fences inside the curl block, shell-quoted", () => {
    const id = "ep`x`'; rm -rf ~ #````";
    const body = renderPrComment(report({ endpointId: id }), { marker: markerFor(NAME) });
    const blocks = codeBlocks(body);
    expect(blocks).toHaveLength(1);
    const curl = blocks[0] ?? "";
    expect(curl).toContain("-d '{\"model\":\"ep`x`'\\''; rm -rf ~ #````\"");
    expect(curl.trimEnd().endsWith(`"content":"Hello!"}]}'`)).toBe(true);
  });

  it("never carries a token, whatever the report holds", () => {
    const leaky = report({
      result: "failed",
      status: "FAILED",
      errorCode: FRIENDLI_TOKEN,
      message: `401 from server: {"authorization":"Bearer ${FRIENDLI_TOKEN}"}`,
      hint: `use ${FRIENDLI_TOKEN}`,
      smokeTest: { latencyMs: 1, reply: `Bearer ${FRIENDLI_TOKEN}`, route: "/c" },
      endpointId: `ep-${FRIENDLI_TOKEN}`,
    });
    const failed = renderPrComment(leaky, { marker: markerFor(NAME), context: prContext() });
    const ready = renderPrComment(
      { ...leaky, result: "created", status: "RUNNING" },
      { marker: markerFor(NAME) },
    );
    for (const body of [failed, ready]) {
      expect(body).not.toContain(FRIENDLI_TOKEN);
      expect(body).not.toContain("fakeFriendliToken");
    }
  });
});

describe("upsertPrComment against a fake GitHub", () => {
  const github = useFakeGitHub({ token: GITHUB_TOKEN });

  function upsert(r: RunReport = report(), overrides: Partial<Parameters<typeof upsertPrComment>[0]> = {}) {
    const { log, lines } = recorder();
    const result = upsertPrComment({
      report: r,
      context: prContext(),
      token: GITHUB_TOKEN,
      apiUrl: github.url,
      log,
      secrets: [FRIENDLI_TOKEN, OTHER_SECRET],
      ...overrides,
    });
    return { result, lines };
  }

  it("creates the comment on the first run, with the workflow token", async () => {
    const { result, lines } = upsert(report({ status: "INITIALIZING", phase: "DOWNLOADING_MODEL" }));
    expect(await result).toBe("created");
    const comments = github.commentsOn(17);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body.startsWith(markerFor(NAME))).toBe(true);
    expect(comments[0]?.body).toContain("is deploying");
    // Who the token is (GITHUB_TOKEN may not ask: github-actions[bot]), the listing, the create.
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /user",
      "GET /repos/acme/models/issues/17/comments",
      "POST /repos/acme/models/issues/17/comments",
    ]);
    expect(github.requests[1]?.query.per_page).toBe("100");
    expect(github.requests.every((r) => r.authorization === `token ${GITHUB_TOKEN}`)).toBe(true);
    expect(lines.warning).toEqual([]);
  });

  it("edits the same comment on later runs: one comment after three runs", async () => {
    expect(await upsert(report({ status: "INITIALIZING" })).result).toBe("created");
    const id = github.commentsOn(17)[0]?.id;
    expect(await upsert(report({ status: "INITIALIZING", phase: "ENGINE_INITIALIZING" })).result).toBe(
      "updated",
    );
    expect(await upsert(report()).result).toBe("updated");
    const comments = github.commentsOn(17);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.id).toBe(id);
    expect(comments[0]?.body).toContain("is ready");
    const patches = github.requests.filter((r) => r.method === "PATCH");
    expect(patches.map((r) => r.path)).toEqual([
      `/repos/acme/models/issues/comments/${id}`,
      `/repos/acme/models/issues/comments/${id}`,
    ]);
    expect(github.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("finds its comment on the second page of a long PR", async () => {
    for (let i = 0; i < 130; i++) github.addComment(17, `review comment ${i}`);
    const ours = github.addComment(17, `${markerFor(NAME)}\nold state`, {
      login: "github-actions[bot]",
      type: "Bot",
    });
    expect(await upsert().result).toBe("updated");
    const gets = github.requests.filter((r) => r.method === "GET" && r.path !== "/user");
    expect(gets.map((r) => r.query.page ?? "1")).toEqual(["1", "2"]);
    expect(github.requests.at(-1)).toMatchObject({
      method: "PATCH",
      path: `/repos/acme/models/issues/comments/${ours.id}`,
    });
    expect(github.commentsOn(17)).toHaveLength(131);
  });

  it("stops listing at the page where its comment is", async () => {
    github.addComment(17, `${markerFor(NAME)}\nold`, { login: "github-actions[bot]", type: "Bot" });
    for (let i = 0; i < 250; i++) github.addComment(17, `review comment ${i}`);
    expect(await upsert().result).toBe("updated");
    expect(github.requests.filter((r) => r.method === "GET" && r.path !== "/user")).toHaveLength(1);
  });

  it("prefers its own (bot) comment over one a person wrote with the marker", async () => {
    github.addComment(17, `${markerFor(NAME)}\ncopied by hand`);
    const ours = github.addComment(17, `${markerFor(NAME)}\nold`, {
      login: "github-actions[bot]",
      type: "Bot",
    });
    expect(await upsert().result).toBe("updated");
    expect(github.requests.at(-1)?.path).toBe(`/repos/acme/models/issues/comments/${ours.id}`);
  });

  it("leaves a look-alike alone: a marked comment by anyone else is not edited, a new one is made", async () => {
    const forged = [
      github.addComment(17, `${markerFor(NAME)}\nby the PR's author`, { login: "mallory", type: "User" }),
      github.addComment(17, `${markerFor(NAME)}\nby another app`, { login: "evil-app[bot]", type: "Bot" }),
    ];
    expect(await upsert().result).toBe("created");
    expect(github.requests.filter((r) => r.method === "PATCH")).toEqual([]);
    for (const c of forged) expect(github.commentsOn(17).find((x) => x.id === c.id)?.body).toBe(c.body);
    expect(github.commentsOn(17).at(-1)?.user.login).toBe("github-actions[bot]");
  });

  it("with a personal token, edits the comment its own login wrote (any letter case), not the bot's", async () => {
    const personal = await startFakeGitHub({
      token: GITHUB_TOKEN,
      owner: "acme",
      repo: "models",
      user: { login: "Release-Bot-User", type: "User" },
    });
    try {
      personal.addComment(17, `${markerFor(NAME)}\nbot`, { login: "github-actions[bot]", type: "Bot" });
      const mine = personal.addComment(17, `${markerFor(NAME)}\nold`, {
        login: "release-bot-user",
        type: "User",
      });
      expect(await upsert(report(), { apiUrl: personal.url }).result).toBe("updated");
      expect(personal.requests.at(-1)?.path).toBe(`/repos/acme/models/issues/comments/${mine.id}`);
    } finally {
      await personal.close();
    }
  });

  it("never overwrites a person's comment that only quotes the marker", async () => {
    const quote = github.addComment(17, `Why does the bot write ${markerFor(NAME)} at the top?`);
    expect(await upsert().result).toBe("created");
    expect(github.commentsOn(17).find((c) => c.id === quote.id)?.body).toContain("Why does the bot");
    expect(github.commentsOn(17)).toHaveLength(2);
  });

  it("gives a second endpoint in the same PR its own comment", async () => {
    expect(await upsert(report()).result).toBe("created");
    expect(await upsert(report({ endpointName: "models-pr-17-embed", endpointId: "ep2" })).result).toBe(
      "created",
    );
    expect(await upsert(report()).result).toBe("updated");
    expect(await upsert(report({ endpointName: "models-pr-17-embed", endpointId: "ep2" })).result).toBe(
      "updated",
    );
    const bodies = github.commentsOn(17).map((c) => c.body.split("\n")[0]);
    expect(bodies).toEqual([markerFor(NAME), markerFor("models-pr-17-embed")]);
  });

  it("writes a new comment when its old one was deleted between the list and the edit", async () => {
    const ours = github.addComment(17, `${markerFor(NAME)}\nold`, {
      login: "github-actions[bot]",
      type: "Bot",
    });
    github.onRequest = (r) => {
      if (r.method === "PATCH") github.deleteComment(ours.id);
    };
    expect(await upsert().result).toBe("created");
    expect(github.commentsOn(17)).toHaveLength(1);
  });

  it.each([
    ["forbid-writes", 3],
    ["forbid-all", 2],
  ] as const)("%s (403): warns how to grant the permission and returns failed", async (mode, requests) => {
    github.mode = mode;
    const { result, lines } = upsert();
    await expect(result).resolves.toBe("failed");
    expect(lines.warning).toHaveLength(1);
    expect(lines.warning[0]).toContain("403");
    expect(lines.warning[0]).toContain("Resource not accessible by integration");
    expect(lines.warning[0]).toContain("permissions: pull-requests: write");
    expect(lines.warning[0]).toContain("The deployment itself is not affected");
    expect(github.requests).toHaveLength(requests);
    expect(github.commentsOn(17)).toHaveLength(0);
  });

  it("a rejected token (401): warns and returns failed", async () => {
    const { result, lines } = upsert(report(), { token: "ghs_wrong_token_value" });
    expect(await result).toBe("failed");
    expect(lines.warning[0]).toContain("401");
    expect(lines.warning[0]).toContain("github-token");
    expect(lines.warning[0]).not.toContain("ghs_wrong_token_value");
  });

  it("an unreachable API: warns and returns failed", async () => {
    const closed = await startFakeGitHub({ token: GITHUB_TOKEN });
    const url = closed.url;
    await closed.close();
    const { result, lines } = upsert(report(), { apiUrl: url });
    expect(await result).toBe("failed");
    expect(lines.warning[0]).toContain("Could not write the PR comment on #17");
    expect(lines.warning[0]).toContain("ECONNREFUSED");
  });

  it("a GitHub that does not answer: gives up at the timeout", async () => {
    github.mode = "hang";
    const started = Date.now();
    const { result, lines } = upsert(report(), { timeoutMs: 300 });
    expect(await result).toBe("failed");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lines.warning).toHaveLength(1);
    expect(lines.warning[0]).toContain("permissions: pull-requests: write");
  });

  it("a cancelled run: sends nothing and returns failed", async () => {
    const { result, lines } = upsert(report(), { signal: AbortSignal.abort() });
    expect(await result).toBe("failed");
    expect(github.requests).toEqual([]);
    expect(lines.warning).toHaveLength(1);
  });

  it("is skipped without a request on events that are not pull requests", async () => {
    const { result } = upsert(report(), {
      context: prContext({ eventName: "push", pullRequest: undefined }),
    });
    expect(await result).toBe("skipped");
    expect(github.requests).toEqual([]);
  });

  it("is skipped without a request when the token is empty", async () => {
    const { result, lines } = upsert(report(), { token: "" });
    expect(await result).toBe("skipped");
    expect(github.requests).toEqual([]);
    expect(lines.warning).toEqual([]);
  });

  it("sends the copy-paste curl exactly, its $FRIENDLI_TOKEN untouched by the redactor", async () => {
    expect(await upsert(report()).result).toBe("created");
    const body = github.commentsOn(17)[0]?.body ?? "";
    expect(body).toContain(`\`\`\`sh\n${CURL}\n\`\`\``);
    expect(body).toContain('  -H "Authorization: Bearer $FRIENDLI_TOKEN" \\\n');
    expect(body).not.toContain("Authorization: ***");
  });

  it("still redacts a real bearer credential anywhere in the body", async () => {
    const echoed = "abc123def456ghi789jkl";
    const leaky = report({
      result: "failed",
      status: "FAILED",
      message: `server echoed -H "Authorization: Bearer ${echoed}" and Bearer ${echoed} and CODE_flp_${echoed}`,
      warnings: [`retried with Bearer ${echoed}`],
    });
    expect(await upsert(leaky).result).toBe("created");
    const body = github.commentsOn(17)[0]?.body ?? "";
    expect(body).not.toContain(echoed);
    expect(body).toContain("server echoed");
  });

  it("sends no secret in any body, even when the report carries one", async () => {
    const leaky = report({
      result: "failed",
      status: "FAILED",
      message: `server said: token=${OTHER_SECRET} auth=${GITHUB_TOKEN} key=${FRIENDLI_TOKEN}`,
      warnings: [`the ${OTHER_SECRET} leaked`],
    });
    expect(await upsert(leaky).result).toBe("created");
    expect(await upsert(leaky).result).toBe("updated");
    const sent = JSON.stringify(github.requests.map((r) => r.body));
    for (const secret of [OTHER_SECRET, GITHUB_TOKEN, FRIENDLI_TOKEN]) expect(sent).not.toContain(secret);
    expect(sent).toContain("server said");
  });
});

describe("renderPrComment: untrusted text", () => {
  const base: RunReport = {
    operation: "deploy",
    result: "failed",
    endpointName: "preview\u202egnp.exe",
    endpointId: "dep\u200b123",
    startedAtMs: 0,
    finishedAtMs: 1000,
    timeline: [],
    warnings: [],
    message: "create failed: see https://evil.example/login?next=x and www.evil.example",
  };

  it("removes bidi and zero-width characters", () => {
    const body = renderPrComment(base, { marker: markerFor("x") });
    expect(body).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(body).toContain("previewgnp.exe");
    expect(body).toContain("dep123");
  });

  it("shows a URL from the API as code, not as a link", () => {
    const body = renderPrComment(base, { marker: markerFor("x") });
    expect(body).toContain("<code>https://evil.example/login?next=x</code>");
    expect(body).toContain("<code>www.evil.example</code>");
    expect(body).not.toContain("](https://evil");
  });
});

describe("renderPrComment: the deployment ledger", () => {
  const previous = {
    deploymentId: 5000,
    model: { repo: "meta-llama/Llama-3.1-8B-Instruct", revision: "a".repeat(40) },
    gpu: "1x H100",
    replicas: { min: 0, max: 1 },
  };
  const deployment = {
    environment: "friendli/models-pr-17",
    id: 5003,
    url: "https://github.com/acme/models/deployments/friendli%2Fmodels-pr-17",
  };

  it("an unchanged deploy shows ready, the deployment link and the previous version", () => {
    const body = renderPrComment(report({ result: "unchanged", previous, deployment }), {
      marker: markerFor(NAME),
    });
    expect(body).toContain("is ready");
    expect(body).toContain(`**GitHub deployment:** [5003 in friendli/models-pr-17](${deployment.url})`);
    expect(body).toContain(`**Previous version:** [meta-llama/Llama-3.1-8B-Instruct&#64;${"a".repeat(40)}]`);
  });

  it("a rollback says the update failed and which version serves again", () => {
    const rolledBack = report({ result: "rolled-back", rolledBack: true, previous, deployment });
    const body = renderPrComment({ ...rolledBack, failedCheck: "expect" }, { marker: markerFor(NAME) });
    expect(body).toContain("failed; the previous version serves again");
    expect(body).toContain(
      "`rollback-on-failure`: the smoke test's reply did not contain `smoke-test-expect`, so the settings of GitHub deployment 5000 (",
    );
    expect(body).toContain("were put back, and the endpoint serves them again.");
    expect(body).toContain(
      `**Requested model (failed):** [meta-llama/Llama-3.1-8B-Instruct&#64;${REVISION}]`,
    );
    expect(body).toContain(`**Serving again:** [meta-llama/Llama-3.1-8B-Instruct&#64;${"a".repeat(40)}]`);
  });

  it("a deployment link that is not a plain URL is shown as text", () => {
    const body = renderPrComment(report({ deployment: { ...deployment, url: "javascript:alert(1)" } }), {
      marker: markerFor(NAME),
    });
    expect(body).toContain("**GitHub deployment:** 5003 in friendli/models-pr-17");
    expect(body).not.toContain("javascript:");
  });
});

describe("isOwnComment", () => {
  const marker = markerFor("models-pr-17");
  it.each<[string, IssueComment, string, boolean]>([
    [
      "the bot's marked comment",
      { id: 1, body: `${marker}\nx`, user: { login: "github-actions[bot]" } },
      "github-actions[bot]",
      true,
    ],
    [
      "other letter case",
      { id: 1, body: `  ${marker}`, user: { login: "GitHub-Actions[bot]" } },
      "github-actions[bot]",
      true,
    ],
    [
      "a person's look-alike",
      { id: 1, body: `${marker}\nx`, user: { login: "mallory", type: "Bot" } },
      "github-actions[bot]",
      false,
    ],
    [
      "another app's bot",
      { id: 1, body: marker, user: { login: "evil[bot]", type: "Bot" } },
      "github-actions[bot]",
      false,
    ],
    ["no author", { id: 1, body: marker, user: null }, "github-actions[bot]", false],
    [
      "the marker quoted mid-text",
      { id: 1, body: `see ${marker}`, user: { login: "github-actions[bot]" } },
      "github-actions[bot]",
      false,
    ],
    ["a personal token's own comment", { id: 1, body: marker, user: { login: "alice" } }, "Alice", true],
    [
      "the bot's, with a personal token",
      { id: 1, body: marker, user: { login: "github-actions[bot]" } },
      "alice",
      false,
    ],
    ["no identity trusts no one", { id: 1, body: marker, user: { login: "" } }, "", false],
  ])("%s -> %s", (_what, comment, identity, expected) => {
    expect(isOwnComment(comment, marker, identity)).toBe(expected);
  });
});
