// What a failed status request means for the wait. Pure: the waiter passes the error and where it
// stands, and gets back whether to stop (and how) or to poll again (and which streak grows).
import { formatDuration } from "../base/format.ts";
import { ApiError } from "../friendli/errors.ts";

export interface PollFailureContext {
  endpointId: string;
  target: "running" | "gone" | "sleeping";
  /** The run was cancelled. */
  aborted: boolean;
  msWaited: number;
  /** How long into the wait a 404 is taken for a list that lags the create. */
  notFoundGraceMs: number;
  /** Ordinary failures in a row before this one, and how many the wait survives. */
  failuresBefore: number;
  maxFailures: number;
  /** "last status RUNNING", for messages. */
  where: string;
}

export type PollFailure =
  | { kind: "cancelled" | "timed-out" | "gone" }
  | { kind: "failed"; message: string }
  /** Throttling never ends a wait (the deadline bounds it). */
  | { kind: "retry"; streak: "failure" | "throttled" | "not-found"; retryAfterMs?: number; note: string };

export function classifyPollFailure(err: unknown, c: PollFailureContext): PollFailure {
  const apiErr = err instanceof ApiError ? err : undefined;
  if (c.aborted || apiErr?.kind === "aborted") return { kind: "cancelled" };
  if (apiErr?.kind === "deadline") return { kind: "timed-out" };
  const after = formatDuration(c.msWaited);
  const failed = (message: string): PollFailure => ({ kind: "failed", message });
  if (apiErr?.kind === "permanent" && apiErr.status === 404) {
    if (c.target === "gone") return { kind: "gone" };
    if (c.msWaited > c.notFoundGraceMs) {
      return failed(
        `endpoint ${c.endpointId} was not found (404) ${after} into the wait: ` +
          `it was deleted, or the id belongs to another project or team (${c.where})`,
      );
    }
    const note = "endpoint not found yet (404): the API can lag a create by a moment";
    return { kind: "retry", streak: "not-found", note };
  }
  if (apiErr?.kind === "permanent") {
    return failed(
      `status check for endpoint ${c.endpointId} failed: ${apiErr.message} (${c.where}, after ${after})`,
    );
  }
  if (apiErr?.kind === "throttled") {
    const note = `status check throttled (${errorText(err)})`;
    return { kind: "retry", streak: "throttled", retryAfterMs: apiErr.retryAfterMs, note };
  }
  const failures = c.failuresBefore + 1;
  if (failures > c.maxFailures) {
    return failed(
      `status check for endpoint ${c.endpointId} failed ${failures} times in a row, last: ${errorText(err)} ` +
        `(${c.where}, after ${after})`,
    );
  }
  return {
    kind: "retry",
    streak: "failure",
    note: `status check failed (${errorText(err)}), retry ${failures}/${c.maxFailures}`,
  };
}

function errorText(err: unknown): string {
  if (err instanceof ApiError) return `${err.status ?? err.kind}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
