import { describe, expect, it } from "vitest";
import { ageOf, decideSweep, type PrState, sweepResult } from "../../src/sweep-decision.ts";

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
  it.each([
    [{ deleted: 0, planned: 0, failures: 0 }, "clean"],
    [{ deleted: 2, planned: 0, failures: 0 }, "swept"],
    [{ deleted: 0, planned: 3, failures: 0 }, "planned"],
    [{ deleted: 2, planned: 0, failures: 1 }, "failed"],
    [{ deleted: 0, planned: 0, failures: 1 }, "failed"],
  ])("%j -> %s", (counts, expected) => {
    expect(sweepResult(counts)).toBe(expected);
  });
});
