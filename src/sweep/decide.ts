// What the sweep does with one preview endpoint, decided from its PR's state on GitHub and the
// endpoint's age. Pure, so every case is a row of a table test.
import type { Result } from "../base/names.ts";

/** The PR as GitHub answered `GET /repos/{owner}/{repo}/pulls/{number}`. */
export type PrState =
  | { kind: "open" }
  | { kind: "closed"; merged: boolean }
  /** 404: deleted with its repository, transferred, or the number never was a PR. */
  | { kind: "unknown" }
  /** GitHub answered, but not with a pull request's shape (a proxy's page, a broken answer). */
  | { kind: "unreadable"; message: string }
  /** Any other failure: the state could not be learned. */
  | { kind: "error"; message: string };

interface SweepDecision {
  /** "sleep" in place of "delete" with `sweep-action: sleep` (planSweep). */
  action: "delete" | "sleep" | "keep";
  /** Why, for the log and the summary: the action's own words (no outside text). */
  reason: string;
  /** Kept for a reason a person should look at. */
  warn?: boolean;
}

interface DecideOptions {
  /** Time since the endpoint was last updated; undefined when the API gave no usable updatedAt. */
  ageMs: number | undefined;
  /** `max-age`: previews of open PRs older than this are deleted too. */
  maxAgeMs: number | undefined;
}

/** Delete a preview whose PR is over, or (with max-age) stale; keep everything uncertain. */
export function decideSweep(pr: PrState, { ageMs, maxAgeMs }: DecideOptions): SweepDecision {
  switch (pr.kind) {
    case "closed":
      return { action: "delete", reason: pr.merged ? "PR merged" : "PR closed" };
    case "unknown":
      return {
        action: "keep",
        reason: "GitHub does not know this PR (404): kept; delete it by hand if it is stale",
        warn: true,
      };
    case "error":
      return { action: "keep", reason: "PR state unknown (GitHub request failed): kept", warn: true };
    case "unreadable":
      return {
        action: "keep",
        reason: "GitHub's answer about this PR was not a pull request: kept",
        warn: true,
      };
    case "open":
      if (maxAgeMs === undefined) return { action: "keep", reason: "PR open" };
      if (ageMs === undefined)
        return {
          action: "keep",
          reason: "PR open; the endpoint's last update time is unknown: kept",
          warn: true,
        };
      return ageMs > maxAgeMs
        ? { action: "delete", reason: "PR open, but the endpoint is older than max-age" }
        : { action: "keep", reason: "PR open and the endpoint is younger than max-age" };
  }
}

/** A preview endpoint as a ledger or the listing knows it. */
export interface PreviewEndpoint {
  id: string;
  name: string;
  prNumber: number;
  updatedAt?: string | null;
  status?: string;
  /** When it was created (the listing's `createdAt`): where its cost so far starts. */
  createdAt?: string | null;
  /** Its estimated cost per hour at max replicas, from its spec: what deleting it frees. */
  hourlyUsd?: number;
}

/** One preview with its PR's state and what the table decided for it. */
export interface PlannedSweepRow extends PreviewEndpoint {
  pr: PrState;
  ageMs?: number;
  decision: SweepDecision;
}

/**
 * Every preview through the table, in the order found. A PR the states lack counts as an error.
 * When more than half of the PR answers were unreadable, what answers is not GitHub (a proxy, a
 * sign-in page) or not in its right mind: the sweep deletes nothing and fails.
 */
export function planSweep(
  previews: readonly PreviewEndpoint[],
  states: ReadonlyMap<number, PrState>,
  opts: { nowMs: number; maxAgeMs: number | undefined; sleep?: boolean },
): PlannedSweepRow[] {
  const answers = [...states.values()];
  const unreadable = answers.filter((s) => s.kind === "unreadable").length;
  const distrust = unreadable * 2 > answers.length;
  const halted: PrState = {
    kind: "error",
    message:
      `${unreadable} of ${answers.length} PR answers from GitHub were not pull requests: ` +
      "the sweep deleted nothing (is GITHUB_API_URL GitHub's API, or a proxy's page?)",
  };
  return previews.map((p): PlannedSweepRow => {
    const pr = states.get(p.prNumber) ?? { kind: "error", message: `PR #${p.prNumber} was not read` };
    const ageMs = ageOf(p.updatedAt, opts.nowMs);
    if (!distrust)
      return { ...p, pr, ageMs, decision: sleepOrDelete(decideSweep(pr, { ageMs, ...opts }), p, opts) };
    const reason = "kept: more than half of the PR answers were unreadable";
    return { ...p, pr: pr.kind === "unreadable" ? halted : pr, ageMs, decision: { action: "keep", reason } };
  });
}

/** With `sweep-action: sleep`, a doomed preview sleeps instead, unless it already does. */
function sleepOrDelete(d: SweepDecision, p: PreviewEndpoint, opts: { sleep?: boolean }): SweepDecision {
  if (!opts.sleep || d.action !== "delete") return d;
  if (p.status?.trim().toUpperCase() === "SLEEPING")
    return { action: "keep", reason: `${d.reason}; already asleep` };
  return { ...d, action: "sleep" };
}

/** Milliseconds since `updatedAt`, or undefined when it is absent or not a date. */
export function ageOf(updatedAt: string | null | undefined, nowMs: number): number | undefined {
  if (!updatedAt) return undefined;
  const at = Date.parse(updatedAt);
  return Number.isFinite(at) ? Math.max(0, nowMs - at) : undefined;
}

/**
 * A sweep's result from its planned rows: `failed` when a PR's state could not be read (a failed
 * delete fails the run as an error), else `swept` when it deleted (or put to sleep) something,
 * `planned` when a dry run would have, `clean` when nothing.
 */
export function sweepResult(rows: readonly PlannedSweepRow[], dryRun: boolean): Result {
  if (rows.some((r) => r.pr.kind === "error")) return "failed";
  if (rows.every((r) => r.decision.action === "keep")) return "clean";
  return dryRun ? "planned" : "swept";
}
