import type { Clock } from "../clock.ts";
import type { RunContext } from "../context.ts";
import type { FriendliClient } from "../friendli/client.ts";
import type { EndpointStatus } from "../friendli/schemas.ts";
import type { Inputs } from "../inputs.ts";
import type { Logger } from "../log.ts";
import type { RunReport } from "../report/run-report.ts";

/** What every operation gets. The report is filled in as facts are learned, so a cancelled or
 * failed run still reports everything it knew. */
export interface OperationContext {
  inputs: Inputs;
  run: RunContext;
  client: FriendliClient;
  clock: Clock;
  signal: AbortSignal;
  /** Absolute clock time by which the whole run must be over. */
  deadlineMs: number;
  log: Logger;
  report: RunReport;
  /** A create is about to be sent: from now on an endpoint may exist that the run has no id for. */
  noteCreateSent(): void;
  /** Remember the endpoint for the post step (cleanup after cancellation). */
  remember(endpointId: string, createdByThisRun: boolean): void;
}

/** Copies what a status response says into the report. */
export function observe(report: RunReport, s: EndpointStatus): void {
  report.status = s.status;
  report.phase = s.phase ?? null;
  report.errorCode = s.errorCode ?? null;
  if (s.createdAt) report.createdAt = s.createdAt;
  if (s.updatedAt) report.updatedAt = s.updatedAt;
}

/** Thrown to end an operation with a result other than `failed` (timed-out, cancelled). */
export class OperationFailure extends Error {
  // No `name` of its own: the message is what the user reads (setFailed, summary), and the shared
  // error formatter prefixes any non-"Error" name, which would print "OperationFailure: ...".
  readonly result: "failed" | "timed-out" | "cancelled";
  constructor(message: string, result: "failed" | "timed-out" | "cancelled") {
    super(message);
    this.result = result;
  }
}
