// Carrying out a planned create. It is sent once: after an answer that may have been lost, the
// name is looked up again and whatever is there is adopted before anything is created again, so a
// run never leaves two GPU endpoints where one was asked for.
import { formatDuration } from "../format.ts";
import { ApiError } from "../friendli/errors.ts";
import type { CreateEndpointBody } from "../friendli/schemas.ts";
import { findByName } from "../lookup.ts";
import { OperationFailure } from "../plan/result.ts";
import { resolveCreatedId } from "../resolve.ts";
import { LAG_DELAYS_MS, MIN_TIME_FOR_CREATE_MS } from "../timing.ts";
import type { LookupMemory } from "./context.ts";
import { type OperationContext, recordStatus } from "./context.ts";

/** Creates sent at most: the second only after the first's answer was lost and nothing appeared. */
const MAX_CREATES = 2;

/** Returns the new endpoint's id, remembered for the post step and in the report. */
export async function createEndpoint(
  op: OperationContext,
  body: CreateEndpointBody,
  memory: LookupMemory,
): Promise<string> {
  const id = await createOnce(op, body, memory);
  op.report.endpointId = id;
  op.remember(id, true);
  op.log.info(`Created endpoint ${id} ("${op.inputs.name}")`);
  return id;
}

async function createOnce(
  op: OperationContext,
  body: CreateEndpointBody,
  memory: LookupMemory,
): Promise<string> {
  const { inputs, client } = op;
  for (let attempt = 1; ; attempt++) {
    refuseWithoutTime(op);
    op.noteCreateSent();
    const created = await sendCreate(op, body);
    if (created) recordStatus(op.report, created.status);
    const id = await resolveCreatedId(client, {
      projectId: inputs.projectId,
      name: inputs.name,
      knownBefore: memory.listed,
      createdAt: created?.status.createdAt ?? undefined,
      fromResponse: created?.endpointId,
      // Creating again is the one step that can leave a duplicate: give a lagging list longer.
      lagDelaysMs: LAG_DELAYS_MS.afterCreate,
      clock: op.clock,
      deadlineMs: op.deadlineMs,
      signal: op.signal,
      cache: memory.specs,
    });
    if (id) return id;
    if (created) {
      throw new OperationFailure(
        `the endpoint was created but its id could not be found by listing project ${inputs.projectId}; ` +
          `look for "${inputs.name}" in Friendli Suite`,
        "failed",
      );
    }
    if (attempt >= MAX_CREATES) {
      const again = await findByName(client, inputs.projectId, inputs.name, {
        signal: op.signal,
        cache: memory.specs,
      });
      throw new OperationFailure(
        `creating "${inputs.name}" failed ${attempt} times without an answer` +
          (again.length ? `; endpoints of that name now: ${again.map((e) => e.id).join(", ")}` : ""),
        "failed",
      );
    }
    op.log.info(`No endpoint named "${inputs.name}" appeared: creating it again (attempt ${attempt + 1})`);
  }
}

/** With too little of the run left to find a new endpoint's id, nothing is created. */
function refuseWithoutTime(op: OperationContext): void {
  const left = op.deadlineMs - op.clock.now();
  if (left >= Math.min(MIN_TIME_FOR_CREATE_MS, op.inputs.waitTimeoutMs / 2)) return;
  throw new OperationFailure(
    `only ${formatDuration(Math.max(0, left))} of wait-timeout was left, too little to create "${op.inputs.name}" ` +
      "and find its id; nothing was created (raise wait-timeout)",
    "timed-out",
  );
}

/** The create's answer, or undefined when it was lost (the server may or may not have acted). */
async function sendCreate(op: OperationContext, body: CreateEndpointBody) {
  try {
    return await op.client.create(body);
  } catch (err) {
    if (!(err instanceof ApiError) || err.kind !== "ambiguous") throw err;
    op.log.warning(
      `The create request's answer was lost (${err.message}); looking "${op.inputs.name}" up before creating again`,
    );
    return undefined;
  }
}
