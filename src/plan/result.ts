// The one place that turns how a run went into its `result` output.

import type { Result } from "../base/names.ts";
import { ApiError } from "../friendli/errors.ts";
import { sweepResult } from "../sweep/decide.ts";
import type { Plan, PlannedAction } from "./plan.ts";

/** Thrown to end a run with a result other than `failed` (timed-out, cancelled), or a plain failure. */
export class OperationFailure extends Error {
  // No `name` of its own: the message is what the user reads (setFailed, summary), and the error
  // formatter prefixes any non-"Error" name, which would print "OperationFailure: ...".
  readonly result: "failed" | "timed-out" | "cancelled";
  constructor(message: string, result: "failed" | "timed-out" | "cancelled") {
    super(message);
    this.result = result;
  }
}

export type RunOutcome =
  /** The inputs stopped the run: invalid (failed), or a fork's PR without secrets (skipped). */
  | { stage: "inputs"; skipped: boolean }
  | {
      stage: "plan";
      /** Absent when the run failed before a plan was made (the lookup failed). */
      plan?: Plan;
      dryRun: boolean;
      /** What ended the run early, if anything. */
      error?: unknown;
      /** The workflow was cancelled: that wins over whatever else happened. */
      aborted: boolean;
      /** The update failed and the last good settings serve again: `rolled-back` (still a failure). */
      rolledBack?: boolean;
    };

const DONE: Record<Exclude<PlannedAction["kind"], "sweep" | "lifecycle">, Result> = {
  create: "created",
  update: "updated",
  reuse: "reused",
  unchanged: "unchanged",
  delete: "deleted",
  nothing: "not-found",
  fail: "failed",
};
/** A lifecycle operation that sent its PUT; one that had nothing to send is `unchanged`. */
const SENT = { sleep: "slept", wake: "woken", restart: "restarted" } as const;

export function resultOf(o: RunOutcome): Result {
  if (o.stage === "inputs") return o.skipped ? "skipped" : "failed";
  if (o.aborted) return "cancelled";
  if (o.rolledBack && o.error !== undefined) return "rolled-back";
  if (o.error !== undefined) return errorResult(o.error);
  if (!o.plan) return "failed";
  const action = o.plan.action;
  if (action.kind === "sweep") return sweepResult(action.rows, o.dryRun);
  const kind = action.kind;
  if (o.dryRun && kind !== "nothing" && kind !== "fail") return "planned";
  if (action.kind === "lifecycle") return action.request ? SENT[action.op] : "unchanged";
  return DONE[action.kind];
}

function errorResult(err: unknown): Result {
  if (err instanceof OperationFailure) return err.result;
  if (err instanceof ApiError && err.kind === "aborted") return "cancelled";
  if (err instanceof ApiError && err.kind === "deadline") return "timed-out";
  return "failed";
}
