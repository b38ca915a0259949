// operation: delete. Deleting what is not there succeeds with result not-found, so the job that
// runs when a PR closes needs no guard.
import { ApiError } from "../friendli/errors.ts";
import { awaitEndpoint } from "./await-endpoint.ts";
import { type OperationContext, observe } from "./context.ts";
import { endpointPath, lookupEndpoint, reportFound } from "./lookup.ts";

export async function deleteEndpoint(op: OperationContext): Promise<void> {
  const { inputs, client, report } = op;
  report.endpointName = inputs.name;
  const found = await lookupEndpoint(op, { forWrite: true });
  if (!found) {
    op.log.info(`No endpoint ${inputs.endpointId ?? `named "${inputs.name}"`} to delete`);
    report.result = "not-found";
    return;
  }
  reportFound(op, found, (s) => observe(report, s));
  if (inputs.dryRun) {
    report.plannedRequest = { method: "DELETE", url: endpointPath(found.id) };
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
