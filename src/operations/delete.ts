// Carrying out a planned delete. Deleting what is not there succeeds with result not-found (the
// plan's "nothing"), so the job that runs when a PR closes needs no guard.

import type { FoundEndpoint } from "../endpoint/lookup.ts";
import { ApiError } from "../friendli/errors.ts";
import type { Plan } from "../plan/plan.ts";
import { awaitEndpoint } from "./await-endpoint.ts";
import type { OperationContext } from "./context.ts";

export async function deleteEndpoint(op: OperationContext, plan: Plan, found: FoundEndpoint): Promise<void> {
  try {
    await op.client.delete(found.id);
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
    // It was there a moment ago: a 404 now is most likely our own first attempt, whose answer was
    // lost before the retry. Either way it is gone, which is what the run asked for.
    op.log.info(`Endpoint ${found.id} is gone (404 on DELETE): deleted`);
    return;
  }
  op.log.info(`Deleted endpoint ${found.id}`);
  if (!plan.wait) return;
  await awaitEndpoint(op, found.id, plan.wait);
  // Confirmed gone: it has no status any more, and RUNNING from before the delete would mislead.
  op.report.status = undefined;
  op.report.phase = null;
}
