// What happens to the endpoint after a run that failed, timed out or was cancelled: a warning that
// says where it was left, and delete-on-failure. The advice is pure; the delete is the one
// request, with a deadline of its own (after a timeout the run's deadline has passed).
import type { Clock } from "../base/clock.ts";
import type { Logger } from "../base/log.ts";
import type { Result } from "../base/names.ts";
import { formatError } from "../base/redact.ts";
import { CLEANUP_DEADLINE_MS } from "../base/timing.ts";
import type { FriendliClient } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import type { Inputs } from "../inputs/inputs.ts";
import { deleteStep } from "../report/delete-step.ts";
import type { RunReport } from "../report/run-report.ts";

export interface FailureFacts
  extends Pick<Inputs, "operation" | "name" | "projectId" | "teamId" | "ifExists" | "deleteOnFailure"> {
  result: Result;
  /** The endpoint the run acted on, when it has an id. */
  endpointId?: string;
  endpointName?: string;
  /** The run created that endpoint itself (an answered create proves it). */
  createdHere: boolean;
  /** The run's create went unanswered, and this endpoint of the name appeared: its own or a rival's. */
  unproven: boolean;
  /** A create went out (its endpoint may exist even without an id). */
  createSent: boolean;
}

interface FailureAdvice {
  warning?: string;
  /** Delete the endpoint now (delete-on-failure, on an endpoint this run created, not cancelled). */
  deleteNow: boolean;
}

/** First match wins. A cancelled run sends no request: the post step deletes what it must. */
export function adviceAfterFailure(f: FailureFacts): FailureAdvice {
  const warn = (warning: string) => ({ deleteNow: false, warning });
  const cancelled = f.result === "cancelled";
  const named = `endpoint ${f.endpointId} ("${f.endpointName}")`;
  if (!f.endpointId) {
    // The create went out but its endpoint was never identified: it may exist and cost money.
    if (!f.createSent || f.operation !== "deploy") return { deleteNow: false };
    return warn(
      `An endpoint named "${f.name}" may have been created in project ${f.projectId} before the run ` +
        `${cancelled ? "was cancelled" : "failed"}; check Friendli Suite, or remove it with ` +
        `operation: delete, name: ${f.name}`,
    );
  }
  if (f.unproven) {
    // Deleting it might delete another run's endpoint: the reader decides.
    return warn(
      `Endpoint ${f.endpointId} ("${f.endpointName}") is left in place: this run's create went unanswered, so ` +
        "it cannot prove that it made it (another run may have). If it is not wanted, delete it with this " +
        `step:\n${deleteStep(f, f.endpointId)}`,
    );
  }
  if (!cancelled) return { deleteNow: f.deleteOnFailure && f.createdHere };
  if (f.operation === "delete") {
    return warn(`Cancelled: the DELETE of ${named} may not have finished; check it or run the delete again`);
  }
  // Never advise deleting an endpoint this run found: it may be someone's production endpoint.
  if (!f.createdHere) {
    const update = f.operation === "deploy" && f.ifExists === "update";
    return warn(
      `Cancelled: ${named} was not created by this run and is left as it is` +
        (update ? "; an update sent before the cancellation may still be rolling out" : ""),
    );
  }
  return warn(
    `Cancelled: ${named} may still be provisioning and costing GPU time` +
      (f.deleteOnFailure
        ? "; the post step will delete it"
        : `; delete it with operation: delete, endpoint-id: ${f.endpointId}`),
  );
}

interface CleanupDeps {
  /** A client whose deadline ends at the given clock time. */
  clientUntil: (deadlineMs: number) => FriendliClient;
  clock: Clock;
  log: Logger;
  warn: (message: string) => void;
  secrets: readonly string[];
  /**
   * Saves that the delete is owed (before the DELETE) or done (after it is confirmed): a DELETE cut
   * short (a cancellation, a reset) is then finished by the post step.
   */
  owe?: (owed: boolean) => void;
}

/** Warns as the advice says, and deletes when it says so; never throws. */
export async function afterFailure(report: RunReport, facts: FailureFacts, deps: CleanupDeps): Promise<void> {
  const advice = adviceAfterFailure(facts);
  if (advice.warning) deps.warn(advice.warning);
  // Already deleted by the run itself (its own duplicate, when another run kept the name).
  if (!advice.deleteNow || !facts.endpointId || report.deletedAfterFailure) return;
  const id = facts.endpointId;
  deps.owe?.(true);
  try {
    await deps.clientUntil(deps.clock.now() + CLEANUP_DEADLINE_MS).delete(id);
    deps.log.info(`delete-on-failure: deleted endpoint ${id}, which this run created`);
  } catch (err) {
    // A 404 is gone: most likely our own first attempt, whose answer was lost before the retry.
    if (!(err instanceof ApiError && err.status === 404)) {
      const why = formatError(err, deps.secrets);
      return deps.warn(
        `delete-on-failure: could not delete endpoint ${id}: ${why}; the post step tries again`,
      );
    }
  }
  report.deletedAfterFailure = true;
  deps.owe?.(false);
}
