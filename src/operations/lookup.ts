// Finding an endpoint the run did not just create: by id when given, else by name in the project.
import { ApiError } from "../friendli/errors.ts";
import type { EndpointSpec, EndpointStatus } from "../friendli/schemas.ts";
import { expectAtMostOne, findByName, type SpecCache } from "../resolve.ts";
import { type OperationContext, OperationFailure, observe } from "./context.ts";

export interface FoundEndpoint {
  id: string;
  /** Known when it was looked up by name, or by id for reading. */
  status?: EndpointStatus;
  /** Known when it was looked up by name, or by id for changing it. */
  spec?: EndpointSpec;
}

export interface LookupOptions {
  /** Filled with every id of the project's listing (the ids that are not a new endpoint). */
  listed?: Set<string>;
  /**
   * The run will change or delete what it finds: an endpoint-id is checked against project-id
   * first, so a mistyped or copied id cannot touch another project's endpoint.
   */
  forWrite?: boolean;
  /** The run's spec cache, when it looks names up again later (see SpecCache). */
  cache?: SpecCache;
}

/** The endpoint this run should act on, or undefined when there is none. Two of one name: fail. */
export async function lookupEndpoint(
  op: OperationContext,
  options: LookupOptions = {},
): Promise<FoundEndpoint | undefined> {
  const { inputs, client } = op;
  const id = inputs.endpointId;
  if (id) {
    try {
      if (!options.forWrite) return { id, status: await client.status(id) };
      const spec = await client.get(id);
      if (spec.projectId !== inputs.projectId) {
        throw new OperationFailure(
          `endpoint-id ${id} is "${spec.name}" in project ${spec.projectId}, not in project-id ` +
            `${inputs.projectId}: refusing to change it (check endpoint-id and project-id)`,
          "failed",
        );
      }
      return { id, spec };
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    }
  }
  const found = await findByName(client, inputs.projectId, inputs.name, {
    signal: op.signal,
    ...(options.listed ? { listed: options.listed } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
  });
  const one = expectAtMostOne(found, inputs.name, inputs.projectId);
  return one ? { id: one.id, status: one.status, spec: one.spec } : undefined;
}

/** What the report says about an endpoint that was found. */
export function reportFound(op: OperationContext, found: FoundEndpoint): void {
  op.report.endpointId = found.id;
  op.report.createdByThisRun = false;
  if (found.spec?.name) op.report.endpointName = found.spec.name;
  if (found.status) observe(op.report, found.status);
}
