// The one place that turns how a run went into `result`: every row of the table.
import { describe, expect, it } from "vitest";
import type { Result } from "../../src/base/names.ts";
import { ApiError } from "../../src/friendli/errors.ts";
import type { Plan, PlannedAction } from "../../src/plan/plan.ts";
import { OperationFailure, type RunOutcome, resultOf } from "../../src/plan/result.ts";
import type { PlannedSweepRow, PrState } from "../../src/sweep/decide.ts";

const endpoint = { id: "ep1" };
const request = { method: "POST" as const, url: "/x", body: {} as never };
const actions: Record<PlannedAction["kind"], PlannedAction> = {
  create: { kind: "create", request },
  update: { kind: "update", endpoint, request, changes: [], unseen: [] },
  reuse: { kind: "reuse", endpoint },
  unchanged: {
    kind: "unchanged",
    endpoint,
    entry: { deploymentId: 1, createdAt: "", payload: {} as never },
  },
  delete: { kind: "delete", endpoint, request: { method: "DELETE", url: "/x" } },
  nothing: { kind: "nothing", reason: "none" },
  fail: { kind: "fail", message: "no" },
  sweep: { kind: "sweep", rows: [], othersLeftAlone: 0 },
  lifecycle: { kind: "lifecycle", op: "sleep", endpoint, request: { method: "PUT", url: "/x/sleep" } },
};
/** operation sleep, wake or restart: with its PUT (`sent`), or with nothing to send. */
const lifecycle = (
  op: "sleep" | "wake" | "restart",
  sent: boolean,
  extra: Partial<Extract<RunOutcome, { stage: "plan" }>> = {},
): RunOutcome => ({
  stage: "plan",
  plan: {
    operation: op,
    action: {
      kind: "lifecycle",
      op,
      endpoint,
      ...(sent ? { request: { method: "PUT", url: `/x/${op}` } } : {}),
    },
    smokeTest: false,
    findings: [],
  },
  dryRun: false,
  aborted: false,
  ...extra,
});
const row = (
  action: "delete" | "sleep" | "keep",
  pr: PrState = { kind: "closed", merged: false },
): PlannedSweepRow => ({
  id: "ep",
  name: "acme--models-pr-1",
  prNumber: 1,
  pr,
  decision: { action, reason: "r" },
});
const swept = (rows: PlannedSweepRow[], extra: Partial<Extract<RunOutcome, { stage: "plan" }>> = {}) =>
  ({
    stage: "plan",
    plan: {
      operation: "sweep",
      action: { kind: "sweep", rows, othersLeftAlone: 0 },
      smokeTest: false,
      findings: [],
    },
    dryRun: false,
    aborted: false,
    ...extra,
  }) satisfies RunOutcome;
const planOf = (kind: PlannedAction["kind"]): Plan => ({
  operation: "deploy",
  action: actions[kind],
  smokeTest: false,
  findings: [],
});
const ran = (
  kind: PlannedAction["kind"],
  extra: Partial<Extract<RunOutcome, { stage: "plan" }>> = {},
): RunOutcome => ({
  stage: "plan",
  plan: planOf(kind),
  dryRun: false,
  aborted: false,
  ...extra,
});

describe("resultOf", () => {
  it.each<[string, RunOutcome, Result]>([
    ["invalid inputs", { stage: "inputs", skipped: false }, "failed"],
    ["a fork's PR without secrets", { stage: "inputs", skipped: true }, "skipped"],
    ["create done", ran("create"), "created"],
    ["update done", ran("update"), "updated"],
    ["reuse done", ran("reuse"), "reused"],
    ["no-op deploy", ran("unchanged"), "unchanged"],
    ["dry run of a no-op deploy", ran("unchanged", { dryRun: true }), "planned"],
    [
      "a failed update rolled back",
      ran("update", { error: new OperationFailure("f", "failed"), rolledBack: true }),
      "rolled-back",
    ],
    [
      "a timed-out update rolled back",
      ran("update", { error: new OperationFailure("t", "timed-out"), rolledBack: true }),
      "rolled-back",
    ],
    [
      "cancelled wins over a rollback",
      ran("update", { error: new OperationFailure("f", "failed"), rolledBack: true, aborted: true }),
      "cancelled",
    ],
    ["delete done", ran("delete"), "deleted"],
    ["nothing there", ran("nothing"), "not-found"],
    ["dry run of a create", ran("create", { dryRun: true }), "planned"],
    ["dry run of a delete", ran("delete", { dryRun: true }), "planned"],
    ["dry run of a reuse", ran("reuse", { dryRun: true }), "planned"],
    ["dry run with nothing there", ran("nothing", { dryRun: true }), "not-found"],
    [
      "a refused plan, dry run or not",
      ran("fail", { dryRun: true, error: new OperationFailure("no", "failed") }),
      "failed",
    ],
    ["a wait that timed out", ran("create", { error: new OperationFailure("t", "timed-out") }), "timed-out"],
    [
      "the run's deadline in a request",
      ran("update", { error: new ApiError({ kind: "deadline", operation: "x", message: "m" }) }),
      "timed-out",
    ],
    [
      "a request aborted",
      ran("update", { error: new ApiError({ kind: "aborted", operation: "x", message: "m" }) }),
      "cancelled",
    ],
    ["any other error", ran("create", { error: new Error("boom") }), "failed"],
    [
      "the lookup failed: no plan",
      { stage: "plan", dryRun: false, aborted: false, error: new Error("x") },
      "failed",
    ],
    ["cancelled after a successful create", ran("create", { aborted: true }), "cancelled"],
    ["cancelled wins over a failure", ran("create", { aborted: true, error: new Error("x") }), "cancelled"],
    ["a sweep that deleted something", swept([row("delete"), row("keep")]), "swept"],
    ["a sweep with nothing to delete", swept([row("keep")]), "clean"],
    ["a sweep of no previews", swept([]), "clean"],
    ["a dry-run sweep that found something", swept([row("delete")], { dryRun: true }), "planned"],
    ["a dry-run sweep that found nothing", swept([row("keep")], { dryRun: true }), "clean"],
    [
      "a sweep where a PR could not be read",
      swept([row("delete"), row("keep", { kind: "error", message: "403" })]),
      "failed",
    ],
    [
      "a sweep whose delete failed",
      swept([row("delete")], { error: new OperationFailure("could not delete", "failed") }),
      "failed",
    ],
    ["a sweep cancelled", swept([row("delete")], { aborted: true }), "cancelled"],
    ["a sweep that put something to sleep", swept([row("sleep"), row("keep")]), "swept"],
    ["a dry-run sweep that would put something to sleep", swept([row("sleep")], { dryRun: true }), "planned"],
    ["sleep sent", lifecycle("sleep", true), "slept"],
    ["wake sent", lifecycle("wake", true), "woken"],
    ["restart sent", lifecycle("restart", true), "restarted"],
    ["sleep of a SLEEPING endpoint: nothing sent", lifecycle("sleep", false), "unchanged"],
    ["wake of a RUNNING endpoint: nothing sent", lifecycle("wake", false), "unchanged"],
    ["dry run of a sleep", lifecycle("sleep", true, { dryRun: true }), "planned"],
    ["dry run of a wake with nothing to send", lifecycle("wake", false, { dryRun: true }), "planned"],
    [
      "a wake whose wait timed out",
      lifecycle("wake", true, { error: new OperationFailure("t", "timed-out") }),
      "timed-out",
    ],
    ["a restart refused by the API", lifecycle("restart", true, { error: new Error("400") }), "failed"],
  ])("%s -> %s", (_what, outcome, expected) => {
    expect(resultOf(outcome)).toBe(expected);
  });
});
