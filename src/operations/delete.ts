// operation: delete. Deleting what is not there succeeds with result not-found, so the job that
// runs when a PR closes needs no guard.

import { ENDPOINT_BASE } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import { pathFor } from "../friendli/http.ts";
import { awaitEndpoint } from "./await-endpoint.ts";
import type { OperationContext } from "./context.ts";
import { lookupEndpoint, reportFound } from "./lookup.ts";

export async function deleteEndpoint(op: OperationContext): Promise<void> {
  const { inputs, client, report } = op;
  report.endpointName = inputs.name;
  const found = await lookupEndpoint(op, { forWrite: true });
  if (!found) {
    op.log.info(`No endpoint ${inputs.endpointId ?? `named "${inputs.name}"`} to delete`);
    report.result = "not-found";
    return;
  }
  reportFound(op, found);
  if (inputs.dryRun) {
    report.plannedRequest = { method: "DELETE", url: pathFor(ENDPOINT_BASE, found.id) };
    report.result = "planned";
    return;
  }
  try {
    await client.delete(found.id);
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
    // It was there a moment ago: a 404 now is most likely our own first attempt, whose answer was
    // lost before the retry. Either way it is gone, which is what the run asked for.
    op.log.info(`Endpoint ${found.id} is gone (404 on DELETE): deleted`);
    report.result = "deleted";
    return;
  }
  op.log.info(`Deleted endpoint ${found.id}`);
  report.result = "deleted";
  if (inputs.wait) {
    await awaitEndpoint(op, found.id, "gone");
    // Confirmed gone: it has no status any more, and RUNNING from before the delete would mislead.
    report.status = undefined;
    report.phase = null;
  }
}
