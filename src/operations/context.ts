// What every step of carrying out a plan gets, and how what it learns reaches the report. The
// report is filled in as facts are learned, so a cancelled or failed run still reports everything
// it knew; its `result` is set in one place only (src/plan/result.ts, called by main.ts).

import type { Dispatcher } from "undici";
import type { Clock } from "../base/clock.ts";
import type { Logger } from "../base/log.ts";
import type { CreateFacts } from "../endpoint/created-claim.ts";
import type { FoundEndpoint, SpecCache } from "../endpoint/lookup.ts";
import type { FriendliClient } from "../friendli/client.ts";
import type { EndpointStatus } from "../friendli/schemas.ts";
import type { RunContext } from "../github/context.ts";
import type { Inputs } from "../inputs/inputs.ts";
import type { LedgerRun } from "../ledger/run.ts";
import type { RunReport } from "../report/run-report.ts";

/** What the lookup left for the steps after it: the listed ids and the specs already read. */
export interface LookupMemory {
  /** Every id of the project's listing: after a create, the new endpoint is the one not in it. */
  listed: Set<string>;
  /** One spec cache for every name lookup of the run: no endpoint is read twice. */
  specs: SpecCache;
  /** When the look-up's listing started: a create long after it lists the name again first. */
  lookedUpAtMs: number;
}

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
  secrets: readonly string[];
  /** The runner's environment (HF_ENDPOINT for the pre-flight). */
  env: NodeJS.ProcessEnv;
  /** Tests hand one in; the pre-flight otherwise makes its own. */
  dispatcher?: Dispatcher;
  /**
   * A create is about to be sent, or its answer came or was lost: from the first call on, an
   * endpoint may exist that the run has no id for. Saves what the post step needs for its proof.
   */
  noteCreate(facts: CreateFacts): void;
  /** The run owes a DELETE of its remembered endpoint (true), or it was confirmed (false). */
  noteDeleteOwed(owed: boolean): void;
  /**
   * Remember the endpoint for the post step (cleanup after cancellation). `createdByThisRun`
   * undefined: this run's create went unanswered, so it cannot tell (never deleted).
   */
  remember(endpointId: string, createdByThisRun: boolean | undefined): void;
  /** The deployment ledger (GitHub Deployments); absent: none. */
  ledger?: LedgerRun;
  /** A client whose deadline ends at the given clock time (a rollback's own budget). */
  clientUntil?: (deadlineMs: number) => FriendliClient;
}

/** A warning in the log and among the job summary's warnings. */
export function warn(op: Pick<OperationContext, "report" | "log">, message: string): void {
  op.report.warnings.push(message);
  op.log.warning(message);
}

/** Copies what a status answer says into the report. */
export function recordStatus(report: RunReport, s: EndpointStatus): void {
  report.status = s.status;
  report.phase = s.phase ?? null;
  report.errorCode = s.errorCode ?? null;
  if (s.createdAt) report.createdAt = s.createdAt;
  if (s.updatedAt) report.updatedAt = s.updatedAt;
}

/** What the report says about an endpoint that was there before the run. */
export function recordFound(report: RunReport, found: FoundEndpoint): void {
  report.endpointId = found.id;
  report.createdByThisRun = false;
  if (found.spec?.name) report.endpointName = found.spec.name;
  if (found.status) recordStatus(report, found.status);
}

/** What a deploy asks for, for the reports, before anything is known about the endpoint. */
export function recordRequested(report: RunReport, inputs: Inputs): void {
  if (inputs.hfModelRepo) report.model = { repo: inputs.hfModelRepo, revision: inputs.hfModelRevision };
  if (inputs.gpu) report.gpu = inputs.gpu.label;
  report.replicas = { min: inputs.minReplicas, max: inputs.maxReplicas };
}
