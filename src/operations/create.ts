// Carrying out a planned create, sent once: after an answer that may have been lost, the name is
// looked up again before anything is created again, so a run never leaves two GPU endpoints where
// one was asked for. Only an answered create proves an endpoint this run's (src/endpoint/created-claim.ts).
//
// Two runs of one name at once (no `concurrency:` group): the run that sees an endpoint of the name
// appear after its look-up creates nothing; when both created anyway, the endpoint created first is
// kept, and the other run deletes its own duplicate and fails. It does not adopt the keeper: that
// run's settings may differ, and reporting someone else's deploy as ours would hide the race.

import { formatDuration } from "../base/format.ts";
import { formatError } from "../base/redact.ts";
import { FRESH_LOOKUP_MS, MIN_TIME_FOR_CREATE_MS } from "../base/timing.ts";
import type { CreateFacts } from "../endpoint/created-claim.ts";
import { type FoundCreated, findByName, findCreated, type NamedEndpoint } from "../endpoint/lookup.ts";
import { ApiError } from "../friendli/errors.ts";
import type { CreateEndpointBody } from "../friendli/schemas.ts";
import { specChanges } from "../plan/changes.ts";
import { requestedSettings } from "../plan/request-bodies.ts";
import { OperationFailure } from "../plan/result.ts";
import { type LookupMemory, type OperationContext, recordStatus, warn } from "./context.ts";

/** Creates sent at most: the second only after the first's answer was lost and nothing appeared. */
const MAX_CREATES = 2;

const ONE_AT_A_TIME =
  "Run deploys of one endpoint name one at a time: give the job a `concurrency:` group per endpoint name (see the README)";

/** Returns the new endpoint's id, remembered for the post step, in the report and in the ledger. */
export async function createEndpoint(
  op: OperationContext,
  body: CreateEndpointBody,
  memory: LookupMemory,
): Promise<string> {
  // What is sent, the commit the pre-flight pinned included, is what the ledger records.
  const settings = requestedSettings(op.inputs, body.hfModelRepoRevision);
  refuseWithoutTime(op);
  await refuseAfterRival(op, memory);
  refuseWithoutTime(op);
  const { id, proved } = await createOnce(op, body, memory).catch(async (err: unknown) => {
    // A create that may have made an endpoint is recorded without an id; one the API refused (or
    // that never left) made nothing, and leaves no record.
    const refused = err instanceof ApiError && ["permanent", "not-sent", "throttled"].includes(err.kind);
    if (!refused) await op.ledger?.record(undefined, settings, "Create");
    throw err;
  });
  if (proved) {
    op.report.endpointId = id;
    op.remember(id, true);
    op.log.info(`Created endpoint ${id} ("${op.inputs.name}")`);
  }
  await op.ledger?.record(id, settings, "Create");
  return id;
}

/**
 * Right before the create, when the look-up is no longer fresh (the pre-flight can take seconds):
 * an endpoint of the name that was not there at the look-up was made by another run meanwhile.
 * Creating a second one would only be deleted again, so nothing is created. A fresh look-up is not
 * repeated: a rival created since is caught when the new id is resolved (the keeper rule).
 */
async function refuseAfterRival(op: OperationContext, memory: LookupMemory): Promise<void> {
  const { inputs } = op;
  if (op.clock.now() - memory.lookedUpAtMs < FRESH_LOOKUP_MS) return;
  const named = await findByName(op.client, inputs.projectId, inputs.name, {
    signal: op.signal,
    cache: memory.specs,
  });
  if (named.length === 0) return;
  throw new OperationFailure(
    `endpoint ${named.map((e) => e.id).join(", ")} named "${inputs.name}" appeared in project ${inputs.projectId} ` +
      `after this run looked the name up: another run is deploying this name, and this run created nothing. ${ONE_AT_A_TIME}`,
    "failed",
  );
}

/** The new endpoint's id, and whether an answered create proves it this run's. */
async function createOnce(
  op: OperationContext,
  body: CreateEndpointBody,
  memory: LookupMemory,
): Promise<{ id: string; proved: boolean }> {
  const { inputs, client } = op;
  const names = { projectId: inputs.projectId, name: inputs.name };
  const facts: CreateFacts = { lookupIds: memory.listed };
  for (let attempt = 1; ; attempt++) {
    op.noteCreate(facts);
    const created = await sendCreate(op, body, facts);
    if (created) recordStatus(op.report, created.status);
    const found = await findCreated(client, { ...op, ...names, facts, cache: memory.specs });
    const taken = await takeFound(op, found, created !== undefined, body);
    if (taken) return taken;
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
    refuseWithoutTime(op);
  }
}

/**
 * The endpoint the run goes on with, from what the listing after its create showed; undefined when
 * nothing of the name appeared. Throws when the run cannot go on (a rival, or no proof).
 */
async function takeFound(
  op: OperationContext,
  { verdict, named }: FoundCreated,
  answered: boolean,
  body: CreateEndpointBody,
): Promise<{ id: string; proved: boolean } | undefined> {
  const { inputs } = op;
  switch (verdict.kind) {
    case "mine":
      if (verdict.keeper === verdict.id) return { id: verdict.id, proved: true };
      return yieldToKeeper(op, verdict.id, verdict.keeper);
    case "unsure": {
      const [only, ...more] = named.filter((e) => verdict.ids.includes(e.id));
      if (!answered && only && more.length === 0) return { id: unproven(op, only, body), proved: false };
      throw new OperationFailure(
        `endpoints ${verdict.ids.join(", ")} named "${inputs.name}" were created in project ${inputs.projectId} ` +
          `since this run looked the name up, and this run cannot prove which one its create made (${verdict.why}): ` +
          `it deletes none of them and waits on none. Another run is probably deploying this name. ${ONE_AT_A_TIME}; ` +
          "delete the extra one with operation: delete and its endpoint-id",
        "failed",
      );
    }
    case "others":
      throw new OperationFailure(
        `the endpoint was created but did not show in the listing of project ${inputs.projectId} within a ` +
          `minute; only another run's endpoint of the name did (${verdict.ids.join(", ")}). Look for ` +
          `"${inputs.name}" in Friendli Suite. ${ONE_AT_A_TIME}`,
        "failed",
      );
    case "none":
      return undefined;
  }
}

/**
 * The create's answer was lost and one endpoint of the name appeared since the look-up: this run's
 * or a rival's, nothing tells which. It is the run's endpoint from here on but not remembered as
 * created here, so nothing deletes it; the run waits on it only when GET shows the settings it asked for.
 */
function unproven(op: OperationContext, found: NamedEndpoint, body: CreateEndpointBody): string {
  const named = `endpoint ${found.id} ("${op.inputs.name}")`;
  op.report.endpointId = found.id;
  op.remember(found.id, undefined);
  const { changes } = specChanges(found.spec, body);
  if (changes.length > 0) {
    const shown = changes.map((c) => `${c.field} ${c.from}, not ${c.to}`).join("; ");
    throw new OperationFailure(
      `this run's create went unanswered, and ${named}, which appeared since, does not have the settings this ` +
        `run asked for (${shown}): another run's, most likely. ${ONE_AT_A_TIME}`,
      "failed",
    );
  }
  const message =
    `This run's create went unanswered, so it cannot prove that it made ${named}, which appeared since with ` +
    "the requested settings: another run may have. The run waits on it, and never deletes it.";
  warn(op, message);
  return found.id;
}

/**
 * Another run's endpoint of the name was created first: it is kept, and this run deletes its own
 * duplicate (proved its own by judgeCreation), whatever delete-on-failure says. The DELETE is owed
 * until it is confirmed, so a cancellation meanwhile leaves it to the post step.
 */
async function yieldToKeeper(op: OperationContext, own: string, keeper: string): Promise<never> {
  const { inputs } = op;
  op.report.endpointId = own;
  op.remember(own, true);
  op.noteDeleteOwed(true);
  const race =
    `another run is deploying "${inputs.name}" at the same time: both created it, and the other run's endpoint ` +
    `${keeper}, created first, is kept`;
  try {
    await op.client.delete(own);
  } catch (err) {
    if (err instanceof ApiError && err.kind === "aborted") throw err;
    if (!(err instanceof ApiError && err.status === 404)) {
      throw new OperationFailure(
        `${race}; this run could not delete its own duplicate ${own} (${formatError(err, op.secrets)}): the post ` +
          `step tries again. ${ONE_AT_A_TIME}`,
        "failed",
      );
    }
  }
  op.noteDeleteOwed(false);
  op.report.deletedAfterFailure = true;
  op.log.info(`Deleted endpoint ${own}, this run's duplicate of "${inputs.name}"`);
  throw new OperationFailure(
    `${race}; this run deleted its own duplicate ${own}. ${ONE_AT_A_TIME}`,
    "failed",
  );
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

/**
 * The create's answer, or undefined when it was lost (the server may or may not have acted). What
 * came back goes into `facts` and to the post step: it is the only proof of what the create made.
 */
async function sendCreate(op: OperationContext, body: CreateEndpointBody, facts: CreateFacts) {
  try {
    const created = await op.client.create(body);
    if (created.status.createdAt) facts.answeredCreatedAt = created.status.createdAt;
    if (created.endpointId) facts.answeredId = created.endpointId;
    op.noteCreate(facts);
    return created;
  } catch (err) {
    if (!(err instanceof ApiError) || err.kind !== "ambiguous") throw err;
    op.log.warning(
      `The create request's answer was lost (${err.message}); looking "${op.inputs.name}" up before creating again`,
    );
    return undefined;
  }
}
