// One run of an operation, in one direction: look the endpoint up, make the plan, then either show
// it (dry run) or carry it out. Never throws: what ended the run goes back to main.ts with the plan
// it was carrying out, and src/plan/result.ts turns both into `result`.

import { type FoundEndpoint, lookupEndpoint } from "../endpoint/lookup.ts";
import { errorHint } from "../friendli/error-codes.ts";
import { type LedgerView, rememberedEndpointId } from "../ledger/ledger.ts";
import { describePlan, describeRequest } from "../plan/describe.ts";
import { plan as makePlan, needsPreflight, type Plan, plannedRequest } from "../plan/plan.ts";
import { requestedSettings } from "../plan/request-bodies.ts";
import { OperationFailure } from "../plan/result.ts";
import { type LookupMemory, type OperationContext, recordFound, recordRequested, warn } from "./context.ts";
import { recordHourlyCost } from "./cost.ts";
import { createEndpoint } from "./create.ts";
import { deleteEndpoint } from "./delete.ts";
import { asked, awaitOnChoices, current, keptGpus, noteChoices, sendOnChoices } from "./gpu-fallback.ts";
import { preflightStep } from "./preflight.ts";
import { runSmokeTest } from "./smoke.ts";
import { executeSweep, showSweep, sweepFacts, sweepOutcome } from "./sweep-run.ts";
import { updateEndpoint } from "./update.ts";

export async function runOperation(
  op: OperationContext,
): Promise<{ plan?: Plan; error?: unknown; rolledBack?: boolean }> {
  const { inputs, report } = op;
  let plan: Plan | undefined;
  try {
    if (inputs.operation === "deploy") recordRequested(report, inputs);
    const memory: LookupMemory = { listed: new Set(), specs: new Map(), lookedUpAtMs: op.clock.now() };
    // A sweep replaces the one-endpoint lookup by the preview listing and its PRs' states.
    plan =
      inputs.operation === "sweep"
        ? makePlan(inputs, { found: undefined, sweep: await sweepFacts(op) })
        : await lookupAndPlan(op, memory);
    if (inputs.dryRun && plan.action.kind === "sweep") {
      await showSweep(op, plan.action);
      return { plan, ...sweepOutcome(op) };
    }
    if (inputs.dryRun) {
      const request = plannedRequest(plan);
      if (request) report.plannedRequest = request;
      op.log.info(describePlan(plan));
      op.log.info(describeRequest(request, inputs.apiUrl));
      // A plan that refuses fails the dry run as it would fail the run (execute throws below).
      if (plan.action.kind !== "fail") return { plan };
    } else op.log.debug(describePlan(plan));
    await execute(op, plan, memory);
    return { plan };
  } catch (error) {
    // The update failed, and its rollback (`report.rolledBack`) serves the last good settings again.
    return plan ? { plan, error, rolledBack: report.rolledBack } : { error };
  }
}

async function lookupAndPlan(op: OperationContext, memory: LookupMemory): Promise<Plan> {
  const { inputs, report } = op;
  // Before this run records anything: the history as the previous runs left it.
  const ledger = op.ledger ? await op.ledger.read() : {};
  memory.lookedUpAtMs = op.clock.now();
  let found = await lookupEndpoint(op.client, inputs, {
    signal: op.signal,
    listed: memory.listed,
    cache: memory.specs,
    // An endpoint-id is checked against project-id before anything changes it.
    forWrite:
      inputs.operation !== "status" && (inputs.operation !== "deploy" || inputs.ifExists === "update"),
    remembered: remembered(op, ledger),
  });
  // A lookup by endpoint-id for a write reads the spec only; the status decides whether the ledger
  // makes the deploy a no-op, and what a sleep, wake or restart sends.
  const mayBeUnchanged = inputs.ifExists === "update" && inputs.ifUnchanged === "skip" && ledger.lastSuccess;
  const needsStatus = inputs.operation === "deploy" ? mayBeUnchanged : inputs.operation !== "delete";
  if (found && !found.status && needsStatus) {
    found = { ...found, status: await op.client.status(found.id) };
  }
  let plan = makePlan(inputs, { found, ledger });
  if (needsPreflight(inputs, plan)) {
    // Before anything is created or updated: a model Friendli cannot deploy fails here, unbilled.
    const { findings, revision, smokeRoute, weightBytes } = await preflightStep(op, keptGpus(plan, inputs));
    plan = makePlan(inputs, { found, ledger, findings, revision, smokeRoute, weightBytes });
  }
  noteChoices(op, plan);
  // Drift: settings changed outside the action since the ledger's last success; the PUT puts them back.
  if (plan.action.kind === "update" && plan.action.drift) {
    const { endpoint, drift } = plan.action;
    const message =
      `Drift on endpoint ${endpoint.id}: its ${drift.join(", ")} differ from the settings ` +
      `the last successful deployment recorded (changed outside this action); updating to the requested settings`;
    warn(op, message);
  }
  if (found) recordFound(report, found);
  if (inputs.operation === "deploy" || inputs.operation === "status") recordHourlyCost(op, plan, found);
  if (found && inputs.operation === "status") report.hint = errorHint(found.status?.errorCode);
  return plan;
}

/** The endpoint id the ledger remembers for this name, for the lookup to confirm with one GET. */
function remembered(op: OperationContext, ledger: LedgerView) {
  const { inputs, log } = op;
  const id = inputs.endpointId ? undefined : rememberedEndpointId(ledger, inputs.name, inputs.projectId);
  if (!id) return undefined;
  return {
    id,
    // A delete needs no status; a deploy decides on it (no-op or not), a status check reports it.
    readStatus: inputs.operation !== "delete",
    onMiss: (reason: string) =>
      log.info(
        `The ledger's endpoint ${id} is not "${inputs.name}" any more (${reason}): looking the name up`,
      ),
  };
}

/** Carries the plan out: the one write it names, then the wait and the smoke test. */
async function execute(given: OperationContext, plan: Plan, memory: LookupMemory): Promise<void> {
  const a = plan.action;
  // On the first choice of `gpu` kept: what is sent and recorded names its GPU.
  const op = current(given, plan);
  switch (a.kind) {
    case "fail":
      throw new OperationFailure(a.message, "failed");
    case "nothing":
      return op.log.info(a.reason);
    case "delete":
      await deleteEndpoint(op, plan, a.endpoint);
      await op.ledger?.retire(a.endpoint.id);
      return;
    case "create": {
      const create = (on: OperationContext) => createEndpoint(on, asked(a.request.body, on), memory);
      return afterwards(op, plan, await sendOnChoices(op, plan, create));
    }
    case "update":
      return updateEndpoint(op, plan, a);
    case "sweep":
      return executeSweep(op, a);
    case "lifecycle":
      if (a.request) {
        const status = await op.client.lifecycle(a.endpoint.id, a.op);
        recordFound(op.report, { ...a.endpoint, status });
      }
      op.log.info(
        `${a.op} endpoint ${a.endpoint.id}${statusOf(a.endpoint)}: ${a.request ? "sent" : "nothing to send"}`,
      );
      return afterwards(op, plan, a.endpoint.id);
    case "unchanged":
      op.log.info(
        `Endpoint ${a.endpoint.id}${statusOf(a.endpoint)} already serves these settings (GitHub deployment ` +
          `${a.entry.deploymentId}): no update sent (\`if-unchanged: skip\`)`,
      );
      await op.ledger?.record(a.endpoint.id, requestedSettings(op.inputs), "Unchanged");
      return afterwards(op, plan, a.endpoint.id);
    case "reuse":
      if (plan.operation === "deploy")
        op.log.info(`Reusing endpoint ${a.endpoint.id}${statusOf(a.endpoint)} as it is`);
      return afterwards(op, plan, a.endpoint.id);
  }
}

async function afterwards(op: OperationContext, plan: Plan, id: string): Promise<void> {
  if (plan.wait) await awaitOnChoices(op, plan, id, plan.wait);
  if (plan.smokeTest) await runSmokeTest(op, id, plan.smokeRoute);
}

function statusOf(found: FoundEndpoint): string {
  return found.status ? ` (${found.status.status})` : "";
}
