// operation: deploy. Look the name up first; then create, update, reuse or fail per if-exists.
// The create is sent once: after an answer that may have been lost, the name is looked up again
// and whatever is there is adopted before anything is created again (no duplicate GPU endpoints).

import { formatDuration } from "../format.ts";
import { ENDPOINT_BASE } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import { pathFor } from "../friendli/http.ts";
import { formatError } from "../friendli/redact.ts";
import type { CreateEndpointBody } from "../friendli/schemas.ts";
import { findByName, resolveCreatedId, type SpecCache } from "../resolve.ts";
import { smokeTest } from "../smoke-test.ts";
import { awaitEndpoint } from "./await-endpoint.ts";
import { type OperationContext, OperationFailure, observe } from "./context.ts";
import { lookupEndpoint, reportFound } from "./lookup.ts";
import { createBody, updateBody } from "./request-bodies.ts";

const MAX_CREATES = 2;
/** About a minute of looking for a created endpoint in the list (bounded by the deadline). */
const LAG_DELAYS_AFTER_CREATE_MS = [500, 1000, 2000, 4000, 8000, 15_000, 30_000];
/**
 * Time a create needs after it is sent: to find the new id in a lagging list and report it. With
 * less left, sending it could leave an endpoint the run can neither name nor clean up.
 */
const MIN_TIME_FOR_CREATE_MS = 60_000;

export async function deploy(op: OperationContext): Promise<void> {
  const { inputs, client, report } = op;
  report.endpointName = inputs.name;
  if (inputs.hfModelRepo) {
    report.model = {
      repo: inputs.hfModelRepo,
      ...(inputs.hfModelRevision ? { revision: inputs.hfModelRevision } : {}),
    };
  }
  if (inputs.gpu) report.gpu = inputs.gpu.label;
  report.replicas = { min: inputs.minReplicas, max: inputs.maxReplicas };

  // Ids already in the project: after a create, the new endpoint is the one that was not there.
  const listedBefore = new Set<string>();
  // One spec cache for every name lookup of this deploy: no endpoint is read twice.
  const specs: SpecCache = new Map();
  const existing = await lookupEndpoint(op, {
    listed: listedBefore,
    forWrite: inputs.ifExists === "update",
    cache: specs,
  });
  if (inputs.endpointId && !existing) {
    throw new OperationFailure(
      `endpoint-id ${inputs.endpointId} was not found: check the id, or leave endpoint-id empty to deploy by name`,
      "failed",
    );
  }

  let endpointId: string;
  let updateSentAtMs: number | undefined;
  if (existing) {
    endpointId = existing.id;
    reportFound(op, existing);
    if (inputs.ifExists === "fail") {
      throw new OperationFailure(
        `an endpoint named "${inputs.name}" already exists (${existing.id}) and if-exists is fail`,
        "failed",
      );
    }
    if (inputs.ifExists === "reuse") {
      op.log.info(
        `Reusing endpoint ${existing.id}${existing.status ? ` (${existing.status.status})` : ""} as it is`,
      );
      report.result = inputs.dryRun ? "planned" : "reused";
      if (inputs.dryRun) return;
    } else {
      const body = updateBody(inputs);
      if (inputs.dryRun) {
        report.plannedRequest = { method: "PUT", url: pathFor(ENDPOINT_BASE, existing.id), body };
        report.result = "planned";
        return;
      }
      op.log.info(`Updating endpoint ${existing.id}: new version with the requested settings`);
      op.remember(existing.id, false);
      updateSentAtMs = op.clock.now();
      await client.update(existing.id, body);
      report.result = "updated";
      // The PUT answers the spec, not the status: without a wait, the only status known would be
      // the one listed before the update (RUNNING while it is UPDATING). Read it once.
      if (!inputs.wait) await observeOnce(op, existing.id);
    }
  } else {
    const body = createBody(inputs);
    if (inputs.dryRun) {
      report.plannedRequest = { method: "POST", url: ENDPOINT_BASE, body };
      report.result = "planned";
      return;
    }
    endpointId = await createOnce(op, body, listedBefore, specs);
    report.endpointId = endpointId;
    report.result = "created";
    op.remember(endpointId, true);
    op.log.info(`Created endpoint ${endpointId} ("${inputs.name}")`);
  }

  if (inputs.wait) {
    await awaitEndpoint(op, endpointId, "running", {
      ...(updateSentAtMs === undefined ? {} : { updateSentAtMs }),
      // A reused endpoint sleeps by its own autoscaling setting, not by the inputs'.
      minReplicas:
        report.result === "reused"
          ? (existing?.spec?.autoscalingMin ?? inputs.minReplicas)
          : inputs.minReplicas,
    });
  }
  if (inputs.smokeTest) await runSmokeTest(op, endpointId);
}

/** RUNNING is Friendli's word; one small completion is the proof that the endpoint answers. */
async function runSmokeTest(op: OperationContext, endpointId: string): Promise<void> {
  if (!op.inputs.wait) {
    op.log.warning("smoke-test needs wait: true (an endpoint that is not RUNNING cannot answer); skipped");
    return;
  }
  // A SLEEPING endpoint (min replicas 0) counts as deployed, and the smoke test's request is what
  // wakes it: that can take minutes, so it may use the rest of the run rather than the usual window.
  const asleep = op.report.status?.trim().toUpperCase() === "SLEEPING";
  const r = await smokeTest({
    ...(asleep ? { warmupMs: Math.max(0, op.deadlineMs - op.clock.now()) } : {}),
    client: op.client,
    endpointId,
    prompt: op.inputs.smokeTestPrompt,
    clock: op.clock,
    signal: op.signal,
    deadlineMs: op.deadlineMs,
    log: op.log,
  });
  if (!r.ok) throw new OperationFailure(r.message, "failed");
  op.report.smokeTest = { latencyMs: r.latencyMs, reply: r.reply, route: r.route };
  op.log.info(`Smoke test (${r.route}) answered in ${r.latencyMs} ms: ${r.reply}`);
}

/** One status read for the outputs; the write already succeeded, so a failed read only warns. */
async function observeOnce(op: OperationContext, endpointId: string): Promise<void> {
  try {
    observe(op.report, await op.client.status(endpointId));
  } catch (err) {
    if (op.signal.aborted) throw err;
    op.log.warning(
      `Endpoint ${endpointId} was updated, but its status could not be read: ${formatError(err, op.client.http.secrets)}`,
    );
  }
}

async function createOnce(
  op: OperationContext,
  body: CreateEndpointBody,
  knownBefore: Set<string>,
  specs: SpecCache,
): Promise<string> {
  const { inputs, client } = op;
  for (let attempt = 1; ; attempt++) {
    let created: Awaited<ReturnType<typeof client.create>> | undefined;
    const left = op.deadlineMs - op.clock.now();
    if (left < Math.min(MIN_TIME_FOR_CREATE_MS, inputs.waitTimeoutMs / 2)) {
      throw new OperationFailure(
        `only ${formatDuration(Math.max(0, left))} of wait-timeout was left, too little to create "${inputs.name}" ` +
          "and find its id; nothing was created (raise wait-timeout)",
        "timed-out",
      );
    }
    op.noteCreateSent();
    try {
      created = await client.create(body);
    } catch (err) {
      if (!(err instanceof ApiError) || err.kind !== "ambiguous") throw err;
      op.log.warning(
        `The create request's answer was lost (${err.message}); looking "${inputs.name}" up before creating again`,
      );
    }
    if (created) observe(op.report, created.status);
    const id = await resolveCreatedId(client, {
      projectId: inputs.projectId,
      name: inputs.name,
      knownBefore,
      createdAt: created?.status.createdAt ?? undefined,
      fromResponse: created?.endpointId,
      // Creating again is the one step that can leave a duplicate: give a lagging list longer.
      // A list that lags longer than this would hide the new endpoint: from a second create after a
      // lost answer (a duplicate), or from the run's report after an answered one.
      lagDelaysMs: LAG_DELAYS_AFTER_CREATE_MS,
      clock: op.clock,
      deadlineMs: op.deadlineMs,
      signal: op.signal,
      cache: specs,
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
        cache: specs,
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
