// Everything a run learned, handed to the reporters (outputs, summary, PR comment).

import type { Result } from "../base/names.ts";
import type { RunCost } from "../cost/words.ts";
import type { Operation } from "../inputs/inputs.ts";
import type { PreflightResult } from "../preflight/types.ts";
import type { SmokeCheck } from "../smoke/answer.ts";
import type { SweepReport } from "../sweep/execute.ts";
import type { PhaseSpan } from "../wait/timeline.ts";

export interface RunReport {
  operation: Operation;
  result: Result;
  endpointName?: string;
  endpointId?: string;
  status?: string;
  phase?: string | null;
  errorCode?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  inferenceUrl?: string;
  startedAtMs: number;
  finishedAtMs: number;
  model?: { repo: string; revision?: string };
  /** The GPU asked for; after a fallback (`gpu` with several choices), the one the endpoint ended on. */
  gpu?: string;
  /** `gpu` with several choices: each GPU tried, in order, when it was asked for, and why it was left. */
  gpuTried?: Array<{ label: string; sentAtMs: number; why?: string }>;
  replicas?: { min: number; max: number };
  timeline: PhaseSpan[];
  /**
   * Whether this run created the endpoint (false: it existed before, e.g. updated, reused, or
   * refused by `if-exists: fail`). Unset when unknown: the reports then never say it is the
   * reader's to delete.
   */
  createdByThisRun?: boolean;
  deletedAfterFailure?: boolean;
  /** Why the run failed (already redacted). */
  message?: string;
  /** What the Friendli error code means and what to change. */
  hint?: string;
  smokeTest?: {
    latencyMs: number;
    reply: string;
    route: string;
    /** Measured when the endpoint streamed its answer. */
    ttftMs?: number;
    outputTokens?: number;
    tokensPerSecond?: number;
  };
  /** The smoke test's check that failed, when one did. */
  failedCheck?: SmokeCheck;
  preflight?: PreflightResult;
  /** This run's GitHub deployment (the ledger): its environment, its id once created, a link. */
  deployment?: { environment: string; id?: number; url?: string };
  /**
   * The version the ledger says served before this run, shown beside the requested one; after a
   * rollback it is what serves again (`rolledBack`).
   */
  previous?: {
    deploymentId: number;
    model: { repo: string; revision?: string };
    gpu: string;
    replicas: { min: number; max: number };
  };
  /** A failed update was rolled back to `previous`. */
  rolledBack?: boolean;
  /** dry-run: the request that would have been sent (token masked). */
  plannedRequest?: { method: string; url: string; body?: unknown };
  warnings: string[];
  cost?: RunCost;
  /** operation sweep: every preview of this repository and what became of it. */
  sweep?: SweepReport & { dryRun: boolean; maxAgeMs?: number };
}
