import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ageOf,
  decideSweep,
  type PlannedSweepRow,
  type PrState,
  planSweep,
  sweepResult,
} from "../../src/sweep/decide.ts";
import { prState } from "../../src/sweep/pulls.ts";
import { staticGraph } from "./helpers.ts";

const H = 3_600_000;
const open: PrState = { kind: "open" };
const closed: PrState = { kind: "closed", merged: false };
const merged: PrState = { kind: "closed", merged: true };
const unknown: PrState = { kind: "unknown" };
const error: PrState = { kind: "error", message: "could not read PR #1 from GitHub (500 boom)" };

describe("decideSweep", () => {
  it.each<[string, PrState, number | undefined, number | undefined, "delete" | "keep", boolean]>([
    // pr, age, max-age -> action, warn
    ["closed", closed, H, undefined, "delete", false],
    ["closed, however young", closed, 0, 72 * H, "delete", false],
    ["closed, age unknown", closed, undefined, 72 * H, "delete", false],
    ["merged", merged, H, undefined, "delete", false],
    ["open, no max-age", open, 1000 * H, undefined, "keep", false],
    ["open, younger than max-age", open, 71 * H, 72 * H, "keep", false],
    ["open, exactly max-age", open, 72 * H, 72 * H, "keep", false],
    ["open, older than max-age", open, 72 * H + 1, 72 * H, "delete", false],
    ["open, age unknown with max-age", open, undefined, 72 * H, "keep", true],
    ["unknown to GitHub (404)", unknown, 1000 * H, 72 * H, "keep", true],
    ["GitHub failed", error, 1000 * H, 72 * H, "keep", true],
    ["an unreadable answer", { kind: "unreadable", message: "x" }, 1000 * H, 72 * H, "keep", true],
  ])("%s -> %s", (_label, pr, ageMs, maxAgeMs, action, warn) => {
    const d = decideSweep(pr, { ageMs, maxAgeMs });
    expect(d.action).toBe(action);
    expect(d.warn === true).toBe(warn);
    expect(d.reason).not.toBe("");
  });

  it("says merged or closed", () => {
    expect(decideSweep(merged, { ageMs: 0, maxAgeMs: undefined }).reason).toBe("PR merged");
    expect(decideSweep(closed, { ageMs: 0, maxAgeMs: undefined }).reason).toBe("PR closed");
  });
});

describe("ageOf", () => {
  const now = Date.UTC(2026, 10, 29, 12);
  it.each<[string | null | undefined, number | undefined]>([
    ["2026-11-29T10:00:00Z", 2 * H],
    ["2026-11-29T10:00:00.000+00:00", 2 * H],
    // A clock skew into the future is no age, not a negative one.
    ["2026-11-29T13:00:00Z", 0],
    ["", undefined],
    [null, undefined],
    [undefined, undefined],
    ["yesterday", undefined],
  ])("%j -> %s", (updatedAt, expected) => {
    expect(ageOf(updatedAt, now)).toBe(expected);
  });
});

describe("sweepResult", () => {
  const row = (
    action: "delete" | "keep",
    pr: PrState = { kind: "closed", merged: true },
  ): PlannedSweepRow => ({
    id: "a",
    name: "x-pr-1",
    prNumber: 1,
    pr,
    decision: { action, reason: "r" },
  });
  const unread: PrState = { kind: "error", message: "403" };
  it.each<[string, PlannedSweepRow[], boolean, string]>([
    ["no previews", [], false, "clean"],
    ["all kept", [row("keep")], false, "clean"],
    ["two deleted", [row("delete"), row("delete")], false, "swept"],
    ["a dry run that would delete", [row("delete"), row("keep")], true, "planned"],
    ["a dry run that would delete nothing", [row("keep")], true, "clean"],
    ["deleted, but a PR unread", [row("delete"), row("keep", unread)], false, "failed"],
    ["nothing to delete, a PR unread", [row("keep", unread)], false, "failed"],
    ["a dry run with a PR unread", [row("delete"), row("keep", unread)], true, "failed"],
  ])("%s -> %s", (_why, rows, dryRun, expected) => {
    expect(sweepResult(rows, dryRun)).toBe(expected);
  });
});

describe("planSweep", () => {
  it("puts each preview through the table, and a PR without a state is an error, never a delete", () => {
    const nowMs = Date.parse("2026-11-25T12:00:00Z");
    const rows = planSweep(
      [
        { id: "a", name: "x-pr-1", prNumber: 1, updatedAt: "2026-11-25T11:00:00Z" },
        { id: "b", name: "x-pr-2", prNumber: 2, updatedAt: null },
      ],
      new Map([[1, { kind: "closed" as const, merged: false }]]),
      { nowMs, maxAgeMs: undefined },
    );
    expect(rows.map((r) => [r.id, r.decision.action, r.ageMs, r.pr.kind])).toEqual([
      ["a", "delete", 3_600_000, "closed"],
      ["b", "keep", undefined, "error"],
    ]);
  });
});

describe("prState: GitHub's PR answer, checked by shape", () => {
  const pr = (fields: Record<string, unknown>) => ({ number: 7, merged: false, ...fields });
  it.each<[string, unknown, PrState["kind"], boolean?]>([
    ["closed", pr({ state: "closed" }), "closed", false],
    ["merged", pr({ state: "closed", merged: true }), "closed", true],
    ["open", pr({ state: "open" }), "open"],
    ["an open draft", pr({ state: "open", draft: true }), "open"],
    ["200 {} (no state)", {}, "unreadable"],
    ["an HTML page with status 200", "<!DOCTYPE html><html><body>Sign in</body></html>", "unreadable"],
    ['state "OPEN"', pr({ state: "OPEN" }), "unreadable"],
    ['state "draft"', pr({ state: "draft" }), "unreadable"],
    ["state null", pr({ state: null }), "unreadable"],
    ["null", null, "unreadable"],
    ["closed without merged", { number: 7, state: "closed" }, "unreadable"],
    ["another PR's answer", pr({ number: 8, state: "closed" }), "unreadable"],
  ])("%s -> %s", (_what, data, kind, merged) => {
    const state = prState(data, 7);
    expect(state.kind).toBe(kind);
    if (state.kind === "closed") expect(state.merged).toBe(merged);
  });
});

describe("planSweep with unreadable PR answers", () => {
  const nowMs = Date.parse("2026-11-25T12:00:00Z");
  const previews = [1, 2, 3].map((n) => ({ id: `e${n}`, name: `x-pr-${n}`, prNumber: n, updatedAt: null }));
  const bad: PrState = { kind: "unreadable", message: "not a pull request" };
  it.each<[string, PrState[], string[], boolean]>([
    [
      "one of three: the closed one goes, the unreadable one stays",
      [closed, bad, open],
      ["delete", "keep", "keep"],
      false,
    ],
    [
      "two of three: nothing is deleted and the sweep fails",
      [closed, bad, bad],
      ["keep", "keep", "keep"],
      true,
    ],
    ["all three", [bad, bad, bad], ["keep", "keep", "keep"], true],
  ])("%s", (_what, states, actions, fails) => {
    const rows = planSweep(previews, new Map(states.map((s, i) => [i + 1, s])), {
      nowMs,
      maxAgeMs: undefined,
    });
    expect(rows.map((r) => r.decision.action)).toEqual(actions);
    expect(rows.some((r) => r.pr.kind === "error")).toBe(fails);
  });
});

describe("lazy loading", () => {
  // Compared by full module URL, and each module checked to exist: a moved file fails here instead of
  // making the absence trivially true.
  const src = (path: string) => {
    const url = new URL(`../../src/${path}`, import.meta.url);
    expect(existsSync(url), path).toBe(true);
    return url;
  };
  it("a run that is not a sweep loads neither the sweep's executor nor GitHub's client", () => {
    const graph = staticGraph(src("main.ts"));
    for (const lazy of ["sweep/execute.ts", "sweep/pulls.ts", "ledger/sweep.ts"])
      expect(graph.has(src(lazy).href), lazy).toBe(false);
    expect(graph.has("@actions/github")).toBe(false);
    // The walk sees through to them from the module that loads them.
    expect(staticGraph(src("operations/sweep-run.ts")).has(src("sweep/execute.ts").href)).toBe(false);
    expect(staticGraph(src("sweep/pulls.ts")).has(src("github/client.ts").href)).toBe(true);
  });
});
