// Carrying out a planned update: a new version with every requested setting, so an update
// converges on what the workflow says.
import { formatError } from "../base/redact.ts";
import type { FoundEndpoint } from "../endpoint/lookup.ts";
import type { UpdateEndpointBody } from "../friendli/schemas.ts";
import type { Plan } from "../plan/plan.ts";
import { type OperationContext, recordStatus } from "./context.ts";

/** Sends the PUT; returns when it was sent, from which on an updatedAt is the new version's. */
export async function updateEndpoint(
  op: OperationContext,
  plan: Plan,
  endpoint: FoundEndpoint,
  body: UpdateEndpointBody,
): Promise<number> {
  op.log.info(`Updating endpoint ${endpoint.id}: new version with the requested settings`);
  op.remember(endpoint.id, false);
  const sentAtMs = op.clock.now();
  await op.client.update(endpoint.id, body);
  // The PUT answers the spec, not the status: without a wait, the only status known would be the
  // one listed before the update (RUNNING while it is UPDATING). Read it once.
  if (!plan.wait) await readStatusOnce(op, endpoint.id);
  return sentAtMs;
}

/** One status read for the outputs; the write already succeeded, so a failed read only warns. */
async function readStatusOnce(op: OperationContext, endpointId: string): Promise<void> {
  try {
    recordStatus(op.report, await op.client.status(endpointId));
  } catch (err) {
    if (op.signal.aborted) throw err;
    op.log.warning(
      `Endpoint ${endpointId} was updated, but its status could not be read: ${formatError(err, op.client.http.secrets)}`,
    );
  }
}
