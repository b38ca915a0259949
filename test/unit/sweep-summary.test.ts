import { describe, expect, it } from "vitest";
import type { SweepReport, SweepRow } from "../../src/sweep/execute.ts";
import { renderSweepSummary } from "../../src/sweep/summary.ts";

const H = 3_600_000;
const row = (over: Partial<SweepRow>): SweepRow => ({
  id: "dep0000000001",
  name: "acme--models-pr-1",
  prNumber: 1,
  pr: { kind: "closed", merged: false },
  ageMs: 5 * H,
  action: "deleted",
  reason: "PR closed",
  ...over,
});
const report = (over: Partial<SweepReport>): SweepReport => ({
  rows: [row({})],
  othersLeftAlone: 2,
  failures: [],
  warnings: [],
  ...over,
});

describe("renderSweepSummary", () => {
  it("renders one row per preview: endpoint, PR, state, age, action", () => {
    const md = renderSweepSummary(
      report({
        rows: [
          row({}),
          row({
            id: "dep2",
            name: "acme--models-pr-2",
            prNumber: 2,
            pr: { kind: "open" },
            ageMs: undefined,
            action: "kept",
            reason: "PR open",
          }),
        ],
      }),
      { dryRun: false, maxAge: "72h", result: "swept" },
    );
    expect(md).toBe(
      [
        "## 🧹 Friendli sweep: stale previews deleted",
        "",
        "2 preview endpoint(s) of this repository · 1 deleted · 1 kept · 2 other endpoint(s) of the project left alone. max-age: 72h.",
        "",
        "| Endpoint | PR | State | Age | Action | Why |",
        "| --- | --- | --- | --- | --- | --- |",
        "| acme--models-pr-1 (dep0000000001) | #1 | closed | 5h 00m | 🗑️ deleted | PR closed |",
        "| acme--models-pr-2 (dep2) | #2 | open | unknown | kept | PR open |",
        "",
      ].join("\n"),
    );
  });

  it("neutralises names, ids and error texts from outside", () => {
    const md = renderSweepSummary(
      report({
        rows: [row({ name: "x|y<script>@team\nnext", id: "id`|", action: "delete-failed" })],
        failures: ["could not delete: 500 <img src=x> Bearer abcdefghijkl"],
        warnings: ["[link](http://evil)"],
      }),
      { dryRun: false, result: "failed" },
    );
    expect(md).not.toMatch(/<script>|<img|@team|abcdefghijkl|\[link\]/);
    expect(md).toContain("x&#124;y&lt;script&gt;<code>&#64;team</code> next (id&#96;&#124;)");
    // The table keeps its six columns.
    const line = md.split("\n").find((l) => l.includes("&lt;script"));
    expect(line?.split("|").length).toBe(8);
  });

  it.each<["planned" | "clean", boolean, string]>([
    ["planned", true, "## 📝 Friendli sweep (dry run): previews that would be deleted"],
    ["clean", false, "## ✅ Friendli sweep: nothing to delete"],
  ])("%s", (result, dryRun, heading) => {
    const md = renderSweepSummary(
      report({ rows: result === "clean" ? [] : [row({ action: "would-delete" })] }),
      { dryRun, result },
    );
    expect(md.startsWith(`${heading}\n`)).toBe(true);
    if (dryRun) expect(md).toContain("1 would be deleted");
  });

  it.each<[string, Partial<SweepReport>, boolean, "swept" | "planned" | "clean" | "failed", string[]]>([
    [
      "previews put to sleep",
      { rows: [row({ action: "slept" }), row({ action: "kept", reason: "PR merged; already asleep" })] },
      false,
      "swept",
      [
        "## 🧹 Friendli sweep: stale previews put to sleep",
        "2 preview endpoint(s) of this repository · 1 put to sleep · 1 kept · 2 other endpoint(s) of the project left alone.",
        "| acme--models-pr-1 (dep0000000001) | #1 | closed | 5h 00m | 💤 put to sleep | PR closed |",
        "| acme--models-pr-1 (dep0000000001) | #1 | closed | 5h 00m | kept | PR merged; already asleep |",
      ],
    ],
    [
      "a dry run",
      { rows: [row({ action: "would-sleep" })] },
      true,
      "planned",
      [
        "## 📝 Friendli sweep (dry run): previews that would be put to sleep",
        "1 preview endpoint(s) of this repository · 1 would be put to sleep · 0 kept · 2 other endpoint(s) of the project left alone. `dry-run: true`: nothing was put to sleep.",
        "| 📝 would put to sleep |",
      ],
    ],
    ["nothing to do", { rows: [] }, false, "clean", ["## ✅ Friendli sweep: nothing to put to sleep"]],
    [
      "a sleep refused, and a preview already gone",
      {
        rows: [row({ action: "sleep-failed" }), row({ action: "deleted" })],
        failures: ["could not put to sleep"],
      },
      false,
      "failed",
      ["· 0 put to sleep · 0 kept · 1 could not be put to sleep · 1 already gone ·", "| ❌ sleep failed |"],
    ],
  ])("sweep-action sleep: %s", (_what, over, dryRun, result, lines) => {
    const md = renderSweepSummary(report({ ...over, sleep: true }), { dryRun, result });
    for (const line of lines) expect(md).toContain(line);
    // Only a preview found gone (404) reads deleted: someone else deleted it.
    if (!over.rows?.some((r) => r.action === "deleted")) expect(md).not.toMatch(/delete/i);
  });

  it("lists the previews whose deployments it closed though their endpoint was gone, escaped", () => {
    const md = renderSweepSummary(report({ closed: ["acme--models-pr-7", "x|y<b>@team"] }), {
      dryRun: false,
      result: "swept",
    });
    expect(md).toContain(
      "### Deployments closed\n\nNo endpoint of these previews is left; their GitHub deployments still stood " +
        "and are now marked inactive:\n\n- acme--models-pr-7\n- x&#124;y&lt;b&gt;<code>&#64;team</code>",
    );
    expect(renderSweepSummary(report({ closed: [] }), { dryRun: false, result: "swept" })).not.toContain(
      "Deployments closed",
    );
  });
});
