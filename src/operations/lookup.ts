// Finding an endpoint the run did not just create: by id when given, else by name in the project.
import { ApiError } from "../friendli/errors.ts";
import type { EndpointStatus } from "../friendli/schemas.ts";
import { findByName } from "../resolve.ts";
import { type OperationContext, OperationFailure } from "./context.ts";

export interface FoundEndpoint {
  id: string;
  status: EndpointStatus;
}

/** The endpoint this run should act on, or undefined when there is none. Two of one name: fail. */
export async function lookupEndpoint(
  op: OperationContext,
  listed?: Set<string>,
): Promise<FoundEndpoint | undefined> {
  const { inputs, client } = op;
  if (inputs.endpointId) {
    try {
      const status = await client.status(inputs.endpointId);
      return { id: inputs.endpointId, status };
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    }
  }
  const found = await findByName(client, inputs.projectId, inputs.name, {
    signal: op.signal,
    ...(listed ? { listed } : {}),
  });
  if (found.length > 1) {
    throw new OperationFailure(
      `${found.length} endpoints are named "${inputs.name}" in project ${inputs.projectId}: ` +
        `${found.map((f) => f.id).join(", ")}. Delete the extra ones or pass endpoint-id.`,
      "failed",
    );
  }
  const [one] = found;
  return one ? { id: one.id, status: one.status } : undefined;
}
