import { describe, expect, it } from "vitest";
import { formatDuration } from "../../src/base/format.ts";
import { codeBlock, escapeMarkdown, mermaidText } from "../../src/base/markdown.ts";
import { RESULTS } from "../../src/base/names.ts";
import { redact } from "../../src/base/redact.ts";
import type { RunReport } from "../../src/report/run-report.ts";
import { renderSummary, rolledBackText } from "../../src/report/summary.ts";

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

function report(over: Partial<RunReport> = {}): RunReport {
  return {
    operation: "deploy",
    result: "created",
    endpointName: "my-model-pr-7",
    endpointId: "dep86pjolcjjnv8",
    status: "RUNNING",
    phase: null,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:06:33Z",
    inferenceUrl: "https://api.friendli.ai/dedicated/v1",
    startedAtMs: T0,
    finishedAtMs: T0 + 400 * S,
    model: { repo: "org/model", revision: "0123456789abcdef0123456789abcdef01234567" },
    gpu: "1x H100",
    replicas: { min: 0, max: 2 },
    timeline: [
      { label: "REQUESTING_VIRTUAL_MACHINE", startMs: T0 + 2 * S, endMs: T0 + 70 * S },
      { label: "DOWNLOADING_MODEL", startMs: T0 + 70 * S, endMs: T0 + 308 * S },
      { label: "ENGINE_INITIALIZING", startMs: T0 + 308 * S, endMs: T0 + 393_100 },
      { label: "RUNNING", startMs: T0 + 393_100 },
    ],
    warnings: [],
    ...over,
  };
}

const failed = report({
  result: "failed",
  status: "FAILED",
  phase: "DOWNLOADING_MODEL",
  errorCode: "WORKLOAD_INIT_CANNOT_ACCESS_REPO_ERROR",
  finishedAtMs: T0 + 200 * S,
  timeline: [
    { label: "REQUESTING_VIRTUAL_MACHINE", startMs: T0, endMs: T0 + 70 * S },
    { label: "DOWNLOADING_MODEL", startMs: T0 + 70 * S, endMs: T0 + 196 * S },
    { label: "FAILED", startMs: T0 + 196 * S },
  ],
  message:
    "endpoint dep86pjolcjjnv8 FAILED during DOWNLOADING_MODEL with error code WORKLOAD_INIT_CANNOT_ACCESS_REPO_ERROR",
  hint: "Friendli cannot read the repository: it is gated or private. Integrate a Hugging Face token in `Personal Settings`.",
});

/** The Markdown text outside fenced code blocks (where HTML would be live). */
function outsideCode(md: string): string {
  return md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, "");
}

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [400, "0s"],
    [45_000, "45s"],
    [59_499, "59s"],
    [59_500, "1m 00s"],
    [62_000, "1m 02s"],
    [3_599_000, "59m 59s"],
    [3_600_000, "1h 00m"],
    [3_780_000, "1h 03m"],
    [-1, "0s"],
    [Number.NaN, "0s"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  // The retry lines' waits: a tenth of a second under a minute, the same format from a minute on.
  it.each([
    [0, "0s"],
    [250, "0.3s"],
    [3000, "3s"],
    [3200, "3.2s"],
    [59_000, "59s"],
    [59_960, "1m 00s"],
    [125_000, "2m 05s"],
  ])("%i ms with tenths → %s", (ms, text) => {
    expect(formatDuration(ms, { tenths: true })).toBe(text);
  });
});

describe("escapeMarkdown", () => {
  it.each([
    ["a|b<script>", "a&#124;b&lt;script&gt;"],
    ["`code` & *bold* [link](x)", "&#96;code&#96; &amp; &#42;bold&#42; &#91;link&#93;(x)"],
    ["line1\nline2\r\nline3", "line1<br>line2<br>line3"],
    // Mentions and references as code: GitHub decodes an entity before it looks for them.
    ["@octocat please", "<code>&#64;octocat</code> please"],
    ["ask @acme/security-team", "ask <code>&#64;acme/security-team</code>"],
    ["(@octocat)", "(<code>&#64;octocat</code>)"],
    ["mail me@example.org", "mail me&#64;example.org"],
    ["org/model@0e9e39f", "org/model&#64;0e9e39f"],
    ["fixes #1", "fixes <code>&#35;1</code>"],
    ["see octo-org/llm-service#2", "see <code>octo-org/llm-service&#35;2</code>"],
    ["see octocat#3", "see <code>octocat&#35;3</code>"],
    ["and GH-3 too", "and <code>GH-3</code> too"],
    ["gh-4", "<code>gh-4</code>"],
    ["# heading", "&#35; heading"],
    ["WORKLOAD_INIT_ERROR", "WORKLOAD_INIT_ERROR"],
    ["_emph_", "&#95;emph&#95;"],
    ["back\\slash", "back&#92;slash"],
    ["tab\there\u0000", "tab here"],
    ["token flp_abcdefghijkl123 leaked", "token &#42;&#42;&#42; leaked"],
    ["CODE_flp_abcdefghijkl123", "CODE&#95;&#42;&#42;&#42;"],
    ["Bearer abcdefghijkl123", "Bearer &#42;&#42;&#42;"],
    [undefined, ""],
    [null, ""],
    [42, "42"],
  ])("%j → %j", (value, expected) => {
    expect(escapeMarkdown(value)).toBe(expected);
  });

  it("newlines become spaces where a line break cannot go (headings)", () => {
    expect(escapeMarkdown("a\n\nb", { newlines: "space" })).toBe("a b");
  });

  it("cuts long values", () => {
    expect(escapeMarkdown("x".repeat(10), { maxLength: 4 })).toBe("xxxx…");
  });

  it("never cuts a character in half (a surrogate pair)", () => {
    // "ab😀cd": the emoji is two UTF-16 units, at indexes 2 and 3.
    expect(escapeMarkdown("ab😀cd", { maxLength: 3 })).toBe("ab…");
    expect(escapeMarkdown("ab😀cd", { maxLength: 4 })).toBe("ab😀…");
    expect(escapeMarkdown("😀😀", { maxLength: 1 })).toBe("…");
    const cut = escapeMarkdown("😀".repeat(300), { maxLength: 501 });
    expect(cut).toBe(`${"😀".repeat(250)}…`);
    expect(cut.isWellFormed()).toBe(true);
  });

  it("inlineCode renders `spans` as <code> with escaped content", () => {
    expect(escapeMarkdown("set `max-batch-size` or `<b>`", { inlineCode: true })).toBe(
      "set <code>max-batch-size</code> or <code>&lt;b&gt;</code>",
    );
  });
});

describe("codeBlock", () => {
  it("masks token shapes but keeps a shell variable standing for the token", () => {
    expect(codeBlock('Bearer flp_abcdefgh\n-H "Authorization: Bearer $FRIENDLI_TOKEN"')).toBe(
      '```\nBearer ***\n-H "Authorization: Bearer $FRIENDLI_TOKEN"\n```',
    );
  });

  it("uses a fence longer than any backtick run inside", () => {
    expect(codeBlock("a ``` b", "json")).toBe("````json\na ``` b\n````");
    expect(codeBlock("plain")).toBe("```\nplain\n```");
  });
});

describe("mermaidText", () => {
  it("strips what Mermaid reads as syntax", () => {
    expect(mermaidText("a:b#c;d\ne%%f{g}<h>")).toBe("a b c d e f g h");
    expect(mermaidText("DOWNLOADING_MODEL 1m 02s")).toBe("DOWNLOADING_MODEL 1m 02s");
  });
});

describe("renderSummary", () => {
  it("a successful deploy: heading, details, gantt, durations, how to call it", () => {
    const md = renderSummary(report());
    expect(md.startsWith("## ✅ Friendli deploy: Endpoint created · my-model-pr-7 (RUNNING)\n")).toBe(true);
    expect(md).toContain("| Endpoint | my-model-pr-7 (id dep86pjolcjjnv8) |");
    expect(md).toContain("| Model | org/model@0123456789abcdef0123456789abcdef01234567 |");
    expect(md).toContain("| GPU | 1x H100 |");
    expect(md).toContain("| Replicas | 0–2 |");
    expect(md).toContain("| Result | created |");
    expect(md).toContain("| Status | RUNNING |");
    expect(md).toContain("| Created | 2026-01-01T00:00:00Z |");
    expect(md).toContain("| Elapsed | 6m 40s |");
    expect(md).not.toContain("| Error code |");

    expect(md).toContain("```mermaid\ngantt\n  dateFormat x\n  axisFormat %H:%M:%S\n");
    expect(md).toContain(`  REQUESTING_VIRTUAL_MACHINE 1m 08s :done, s0, ${T0 + 2 * S}, ${T0 + 70 * S}\n`);
    expect(md).toContain(`  DOWNLOADING_MODEL 3m 58s :done, s1, ${T0 + 70 * S}, ${T0 + 308 * S}\n`);
    expect(md).toContain(`  ENGINE_INITIALIZING 1m 25s :done, s2, ${T0 + 308 * S}, ${T0 + 393_100}\n`);
    expect(md).toContain(`  RUNNING 7s :active, s3, ${T0 + 393_100}, ${T0 + 400 * S}\n`);
    expect(md).toContain("| DOWNLOADING_MODEL | +1m 10s | 3m 58s |");

    expect(md).toContain("### How to call it");
    expect(md).toContain("curl -sS https://api.friendli.ai/dedicated/v1/chat/completions");
    expect(md).toContain('-H "Authorization: Bearer $FRIENDLI_TOKEN"');
    expect(md).toContain('"model":"dep86pjolcjjnv8"');
    expect(md).not.toContain("What to do");
    expect(md).not.toContain("operation: delete");
  });

  it("the curl is the exact working command, and stays so through the redactor", () => {
    const curl = [
      "curl -sS https://api.friendli.ai/dedicated/v1/chat/completions \\",
      '  -H "Authorization: Bearer $FRIENDLI_TOKEN" \\',
      '  -H "Content-Type: application/json" \\',
      `  -d '{"model":"dep86pjolcjjnv8","messages":[{"role":"user","content":"Hello!"}]}'`,
    ].join("\n");
    const md = renderSummary(report());
    expect(md).toContain(`\`\`\`bash\n${curl}\n\`\`\``);
    // Secrets as random as real ones: any 8 characters of one count as the secret, so a made-up
    // token holding "0123456789abcdef" would rightly be found in a revision such as 0123...
    expect(redact(md, ["flp_SeCrEtq7Rk2xWv9LmZ4bNd", "ghs_someGithubTokenJ8sQ2w"])).toBe(md);
  });

  it("RUNNING reached at the very end is a milestone", () => {
    const md = renderSummary(report({ finishedAtMs: T0 + 393_300 }));
    expect(md).toContain(`  RUNNING :active, milestone, s3, ${T0 + 393_100}, ${T0 + 393_300}\n`);
  });

  it("a failure: crit bar, the message and the hint", () => {
    const md = renderSummary(failed);
    expect(md.startsWith("## ❌ Friendli deploy: Failed · my-model-pr-7 (FAILED)\n")).toBe(true);
    expect(md).toContain("| Error code | WORKLOAD_INIT_CANNOT_ACCESS_REPO_ERROR |");
    expect(md).toContain("| Phase | DOWNLOADING_MODEL |");
    expect(md).toContain("> endpoint dep86pjolcjjnv8 FAILED during DOWNLOADING_MODEL");
    expect(md).toContain(
      "**What to do:** Friendli cannot read the repository: it is gated or private. Integrate a Hugging Face token in <code>Personal Settings</code>.",
    );
    expect(md).toMatch(/ {2}FAILED 4s :crit, s2, \d+, \d+\n/);
    expect(md).toContain(":done, s1,");
    expect(md).not.toContain("### How to call it");
  });

  it("a failed deploy that created the endpoint says to delete it", () => {
    const md = renderSummary({ ...failed, createdByThisRun: true });
    expect(md).toContain(
      "The endpoint may still exist and use a GPU: delete it with `operation: delete` if it is not needed.",
    );
  });

  it("delete-on-failure: says the endpoint was deleted, not that it may still exist", () => {
    const md = renderSummary({ ...failed, createdByThisRun: true, deletedAfterFailure: true });
    expect(md).toContain("The endpoint was deleted because the run failed (`delete-on-failure: true`)");
    expect(md).not.toContain("may still");
    expect(md).not.toContain("operation: delete");
  });

  it("if-exists: fail on an endpoint that was there before: never says to delete it", () => {
    const md = renderSummary(
      report({
        result: "failed",
        status: "RUNNING",
        createdByThisRun: false,
        message: 'an endpoint named "my-model-pr-7" already exists (dep86pjolcjjnv8) and if-exists is fail',
        timeline: [],
      }),
    );
    expect(md).toContain("The endpoint existed before this run, so the run left it in place.");
    expect(md).not.toContain("operation: delete");
    expect(md).not.toContain("may still");
    expect(md).not.toContain("### How to call it");
  });

  it("a failure whose origin is unknown only says to delete the endpoint if this run created it", () => {
    const md = renderSummary(failed);
    expect(md).toContain("if this run created it and it is not needed, delete it");
  });

  it("the state table is the waiter's: stopped statuses are critical, TERMINATING while deleting is not", () => {
    const deploy = renderSummary(
      report({
        result: "reused",
        status: "TERMINATED",
        timeline: [
          { label: "RUNNING", startMs: T0, endMs: T0 + 10 * S },
          { label: "TERMINATED", startMs: T0 + 10 * S },
        ],
      }),
    );
    expect(deploy).toMatch(/ {2}TERMINATED .*:crit, s1,/);
    // A reused endpoint that is stopped cannot be called.
    expect(deploy).not.toContain("### How to call it");
    expect(deploy).toContain("The endpoint existed before this run");

    const deleting = renderSummary(
      report({
        operation: "delete",
        result: "deleted",
        status: "TERMINATING",
        timeline: [
          { label: "TERMINATING", startMs: T0, endMs: T0 + 10 * S },
          { label: "TERMINATED", startMs: T0 + 10 * S, endMs: T0 + 20 * S },
        ],
      }),
    );
    expect(deleting).not.toContain(":crit");
    expect(deleting).not.toContain("may still");
  });

  it("SLEEPING is callable with min-replicas 0, and not a failure with min-replicas 1", () => {
    expect(renderSummary(report({ status: "SLEEPING" }))).toContain("### How to call it");
    const md = renderSummary(report({ status: "SLEEPING", replicas: { min: 1, max: 1 } }));
    expect(md).toContain("### How to call it");
    expect(md).not.toContain(":crit");
  });

  it("a timeout marks the phase it cut short as critical", () => {
    const md = renderSummary(
      report({
        result: "timed-out",
        status: "INITIALIZING",
        phase: "DOWNLOADING_MODEL",
        timeline: [{ label: "DOWNLOADING_MODEL", startMs: T0 }],
        finishedAtMs: T0 + 1800 * S,
      }),
    );
    expect(md).toContain(`  DOWNLOADING_MODEL 30m 00s :crit, s0, ${T0}, ${T0 + 1800 * S}\n`);
    expect(md).toContain("| DOWNLOADING_MODEL | +0s | 30m 00s (until the end of the run) |");
  });

  it.each(RESULTS)("result %s has a heading with an icon and a word", (result) => {
    const md = renderSummary(report({ result }));
    expect(md).toMatch(/^## \S+ Friendli deploy: [A-Z]/u);
  });

  it("escapes every value that came from outside", () => {
    const hostile = "a|b<script>alert(1)</script>";
    const md = renderSummary(
      report({
        ...failed,
        endpointName: hostile,
        endpointId: "id|<img src=x onerror=alert(1)>",
        status: "FAILED<b>",
        errorCode: "CODE|`x`",
        model: { repo: "org/<model>", revision: "rev|1" },
        gpu: "1x H100 | <i>",
        message: "boom\n## not a heading\n| not | a row |",
        warnings: ["@everyone look <here>"],
        smokeTest: {
          latencyMs: 12,
          reply: "```\n</table><script>x</script>\n| a | b |\n`tick`",
          route: "/dedicated/v1/chat/completions",
        },
        timeline: [{ label: "PHASE:evil#1;\nclick x call alert", startMs: T0 }],
      }),
    );
    const live = outsideCode(md);
    expect(live).not.toMatch(/<(?!\/?(code|br)>)/); // no HTML tag but our own <code> and <br>
    expect(live).not.toContain("`tick`");
    expect(live).not.toContain("@everyone");
    expect(md).toContain("a&#124;b&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(md).toContain("| Error code | CODE&#124;&#96;x&#96; |");
    expect(md).toContain("> boom<br>&#35;&#35; not a heading<br>&#124; not &#124; a row &#124;");
    expect(md).toContain(
      "| Reply | &#96;&#96;&#96;<br>&lt;/table&gt;&lt;script&gt;x&lt;/script&gt;<br>&#124; a &#124; b &#124;<br>&#96;tick&#96; |",
    );
    // Every row of the details table still has exactly its two cells.
    const details = md.slice(md.indexOf("| | |"), md.indexOf("\n\n", md.indexOf("| | |"))).split("\n");
    expect(details.length).toBeGreaterThan(8);
    for (const line of details) expect(line.split("|").length, line).toBe(4);
    // The Mermaid task name lost its colon, hash, semicolon and line break.
    expect(md).toContain("  PHASE evil 1 click x call alert 3m 20s :crit, s0,");
    // An id that is not plain is not pasted into a shell command.
    expect(md).not.toContain("curl");
  });

  it("a long reply is cut", () => {
    const md = renderSummary(report({ smokeTest: { latencyMs: 1, reply: "y".repeat(2000), route: "/r" } }));
    expect(md).toContain(`| Reply | ${"y".repeat(500)}… |`);
  });

  it("never carries a token, even one a server echoed into a message", () => {
    const md = renderSummary(
      report({
        ...failed,
        message:
          "401: invalid token flp_SeCrEt0123456789abcdef (Authorization: Bearer flp_SeCrEt0123456789abcdef)",
        plannedRequest: {
          method: "POST",
          url: "/dedicated/beta/endpoint",
          body: { note: "flp_SeCrEt0123456789abcdef" },
        },
      }),
    );
    expect(md).not.toContain("SeCrEt");
    expect(md).not.toMatch(/flp_[A-Za-z0-9]{6,}/);
    expect(md).not.toMatch(/Bearer (?!\$FRIENDLI_TOKEN)[A-Za-z0-9]/);
  });

  it("dry run: the planned request as a json code block", () => {
    const md = renderSummary(
      report({
        result: "planned",
        endpointId: undefined,
        status: undefined,
        timeline: [],
        plannedRequest: {
          method: "POST",
          url: "https://api.friendli.ai/dedicated/beta/endpoint",
          body: { projectId: "p1", name: "my-model-pr-7", note: "```" },
        },
      }),
    );
    expect(md.startsWith("## 📝 Friendli deploy: Dry run: nothing changed · my-model-pr-7\n")).toBe(true);
    expect(md).toContain(
      "### Planned request\n\nPOST <code>https://api.friendli.ai/dedicated/beta/endpoint</code>\n\n````json\n{\n",
    );
    expect(md).toContain('  "projectId": "p1",');
    expect(md).not.toContain("### Timeline");
    expect(md).not.toContain("### How to call it");
  });

  it("smoke test: latency and reply", () => {
    const md = renderSummary(
      report({
        smokeTest: {
          latencyMs: 812.4,
          reply: "Hello!",
          route: "/dedicated/v1/chat/completions",
        },
      }),
    );
    expect(md).toContain("### Smoke test");
    expect(md).toContain("| Latency | 812 ms |");
    expect(md).toContain("| Reply | Hello! |");
    expect(md).not.toContain("Time to first token");
  });

  it("smoke test: the measures of a streamed answer", () => {
    const md = renderSummary(
      report({
        smokeTest: {
          latencyMs: 812.4,
          reply: "Hello!",
          route: "chat",
          ttftMs: 301.6,
          outputTokens: 16,
          tokensPerSecond: 19.7,
        },
      }),
    );
    expect(md).toContain(
      "| Latency | 812 ms |\n| Time to first token | 302 ms |\n| Output tokens | 16 |\n| Tokens per second | 19.7 |\n| Reply | Hello! |",
    );
  });

  it("warnings are listed", () => {
    const md = renderSummary(report({ warnings: ["pinned to @main", "second"] }));
    expect(md).toContain("### Warnings\n\n- ⚠️ pinned to <code>&#64;main</code>\n- ⚠️ second");
  });

  it("a report with almost nothing still renders", () => {
    const md = renderSummary({
      operation: "delete",
      result: "not-found",
      startedAtMs: T0,
      finishedAtMs: T0 + 1500,
      timeline: [],
      warnings: [],
    });
    expect(md).toBe(
      "## ➖ Friendli delete: Endpoint not found\n\n| | |\n| --- | --- |\n| Result | not-found |\n| Elapsed | 2s |\n",
    );
  });
});

describe("renderSummary: the deployment ledger", () => {
  const previous = {
    deploymentId: 5000,
    model: { repo: "org/model", revision: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
    gpu: "1x H100",
    replicas: { min: 0, max: 1 },
  };
  const deployment = {
    environment: "friendli/my-model-pr-7",
    id: 5003,
    url: "https://github.com/acme/models/deployments/friendli%2Fmy-model-pr-7",
  };

  it("links the deployment and shows the previous version beside the new one", () => {
    const md = renderSummary(report({ result: "updated", previous, deployment }));
    expect(md).toContain("| Model | org/model@0123456789abcdef0123456789abcdef01234567 |");
    expect(md).toContain(
      "| Previous version | org/model@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa · 1x H100 · replicas 0–1 |",
    );
    expect(md).toContain(`| GitHub deployment | [5003 in friendli/my-model-pr-7](${deployment.url}) |`);
  });

  it("after a rollback names the failed version and the one serving again", () => {
    const md = renderSummary(report({ result: "rolled-back", rolledBack: true, previous, deployment }));
    expect(md).toContain("Update failed, previous version restored");
    expect(md).toContain("| Requested model (failed) | org/model@0123456789abcdef0123456789abcdef01234567 |");
    expect(md).toContain(
      "| Serving again (rolled back) | org/model@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    );
    // The endpoint serves the old version: how to call it stays.
    expect(md).toContain("### How to call it");
  });

  it.each<[string, Partial<RunReport>, string | undefined]>([
    [
      "a failed smoke test not rolled back",
      { result: "failed", rolledBack: false, failedCheck: "expect" },
      undefined,
    ],
    ["a rollout that FAILED", { failedCheck: undefined }, "the new version did not deploy"],
    [
      "no reply within the window",
      { failedCheck: "answer" },
      "the smoke test got no usable reply within its window",
    ],
    [
      "smoke-test-expect",
      { failedCheck: "expect" },
      "the smoke test's reply did not contain `smoke-test-expect`",
    ],
    [
      "smoke-test-max-ttft-ms",
      { failedCheck: "max-ttft" },
      "the smoke test's time to first token missed `smoke-test-max-ttft-ms`",
    ],
  ])("after a rollback, what failed and what was put back: %s", (_, over, why) => {
    const r = report({ result: "rolled-back", rolledBack: true, previous, ...over });
    const text = rolledBackText(r);
    if (why === undefined) return expect(text).toBeUndefined();
    const said =
      `\`rollback-on-failure\`: ${why}, so the settings of GitHub deployment 5000 ` +
      "(org/model@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa · 1x H100 · replicas 0–1) were put back, " +
      "and the endpoint serves them again.";
    expect(text).toBe(said);
    expect(renderSummary(r)).toContain(said);
  });

  it("an unchanged deploy is headed as such and stays callable", () => {
    const md = renderSummary(report({ result: "unchanged", timeline: [] }));
    expect(md).toContain("Endpoint unchanged");
    expect(md).toContain("### How to call it");
  });

  it("a deployment without an id (GitHub refused it) is not shown", () => {
    const md = renderSummary(report({ deployment: { environment: "friendli/x" } }));
    expect(md).not.toContain("GitHub deployment");
  });
});
