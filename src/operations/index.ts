// One run of an operation, in one direction: look the endpoint up, make the plan, then either show
// it (dry run) or carry it out. Never throws: what ended the run goes back to main.ts with the plan
// it was carrying out, and src/plan/result.ts turns both into `result`.

import { type FoundEndpoint, type LookupOptions, lookupEndpoint } from "../endpoint/lookup.ts";
import { errorHint } from "../friendli/error-codes.ts";
import type { Inputs } from "../inputs/inputs.ts";
import { type LedgerView, rememberedEndpointId } from "../ledger/ledger.ts";
import { describePlan, describeRequest, describeRollback } from "../plan/describe.ts";
import { plan as makePlan, needsPreflight, type Plan, plannedRequest } from "../plan/plan.ts";
import { requestedSettings } from "../plan/request-bodies.ts";
import { OperationFailure } from "../plan/result.ts";
import { awaitEndpoint } from "./await-endpoint.ts";
import { type LookupMemory, type OperationContext, recordFound, recordRequested } from "./context.ts";
import { recordHourlyCost } from "./cost.ts";
import { createEndpoint, createMayHaveActed } from "./create.ts";
import { deleteEndpoint } from "./delete.ts";
import { preflightStep } from "./preflight.ts";
import { RolledBack, rollBack, rollsBack } from "./rollback.ts";
import { runSmokeTest } from "./smoke.ts";
import { executeSweep, showSweep, sweepFacts, sweepOutcome } from "./sweep-run.ts";
import { updateEndpoint } from "./update.ts";

interface OperationRun {
  plan?: Plan;
  error?: unknown;
  /** The update failed (`error`) and the last good settings serve again. */
  rolledBack?: boolean;
}

export async function runOperation(op: OperationContext): Promise<OperationRun> {
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
      showPlan(op, plan);
      // A plan that refuses fails the dry run as it would fail the run (execute throws below).
      if (plan.action.kind !== "fail") return { plan };
    } else op.log.debug(describePlan(plan));
    await execute(op, plan, memory);
    return { plan };
  } catch (error) {
    if (error instanceof RolledBack && plan) return { plan, error: error.failure, rolledBack: true };
    return plan ? { plan, error } : { error };
  }
}

async function lookupAndPlan(op: OperationContext, memory: LookupMemory): Promise<Plan> {
  const { inputs, report } = op;
  // Before this run records anything: the history as the previous runs left it.
  const ledger = op.ledger ? await op.ledger.read() : {};
  memory.lookedUpAtMs = op.clock.now();
  const found = await withStatus(
    op,
    ledger,
    await lookupEndpoint(op.client, inputs, {
      signal: op.signal,
      listed: memory.listed,
      cache: memory.specs,
      // An endpoint-id is checked against project-id before anything changes it.
      forWrite:
        inputs.operation === "delete" || (inputs.operation === "deploy" && inputs.ifExists === "update"),
      ...remembered(op, ledger),
    }),
  );
  let plan = makePlan(inputs, { found, ledger });
  if (needsPreflight(inputs, plan)) {
    // Before anything is created or updated: a model Friendli cannot deploy fails here, unbilled.
    const pre = await preflightStep(op);
    plan = makePlan(inputs, {
      found,
      ledger,
      findings: pre.findings,
      ...(pre.revision ? { revision: pre.revision } : {}),
      ...(pre.smokeRoute ? { smokeRoute: pre.smokeRoute } : {}),
    });
  }
  if (plan.action.kind === "update") showLedgerDecisions(op, plan.action);
  if (found) recordFound(report, found);
  if (inputs.operation === "deploy" || inputs.operation === "status")
    recordHourlyCost(report, plan, found, inputs, op.log);
  if (found && inputs.operation === "status") report.hint = errorHint(found.status?.errorCode);
  return plan;
}

/**
 * What the ledger changed in an update, said before the PUT: drift (settings changed outside the
 * action, which the update puts back) as a warning in the log and the summary, and the settings a
 * rollback would send (a dry run shows both in its plan).
 */
function showLedgerDecisions(
  op: OperationContext,
  action: Extract<Plan["action"], { kind: "update" }>,
): void {
  if (action.drift) {
    const message =
      `Drift on endpoint ${action.endpoint.id}: its ${action.drift.join(", ")} differ from the settings ` +
      `the last successful deployment recorded (changed outside this action); updating to the requested settings`;
    op.report.warnings.push(message);
    op.log.warning(message);
  }
  if (action.rollback && !op.inputs.dryRun) op.log.info(describeRollback(action.rollback));
}

/** The endpoint id the ledger remembers for this name, for the lookup to confirm with one GET. */
function remembered(op: OperationContext, ledger: LedgerView): Pick<LookupOptions, "remembered"> {
  const { inputs, log } = op;
  if (inputs.endpointId) return {};
  const id = rememberedEndpointId(ledger, inputs.name, inputs.projectId);
  if (!id) return {};
  return {
    remembered: {
      id,
      // A delete needs no status; a deploy decides on it (no-op or not), a status check reports it.
      readStatus: inputs.operation !== "delete",
      onMiss: (reason) =>
        log.info(
          `The ledger's endpoint ${id} is not "${inputs.name}" any more (${reason}): looking the name up`,
        ),
    },
  };
}

/**
 * A lookup by endpoint-id for a write reads the spec only; whether a deploy is a no-op depends on
 * the status too, so it is read when the ledger could make it one.
 */
async function withStatus(
  op: OperationContext,
  ledger: LedgerView,
  found: FoundEndpoint | undefined,
): Promise<FoundEndpoint | undefined> {
  if (!found || found.status || !mayBeUnchanged(op.inputs, ledger)) return found;
  return { ...found, status: await op.client.status(found.id) };
}

function mayBeUnchanged(inputs: Inputs, ledger: LedgerView): boolean {
  return (
    inputs.operation === "deploy" &&
    inputs.ifExists === "update" &&
    inputs.ifUnchanged === "skip" &&
    ledger.lastSuccess !== undefined
  );
}

function showPlan(op: OperationContext, plan: Plan): void {
  const request = plannedRequest(plan);
  if (request) op.report.plannedRequest = request;
  op.log.info(describePlan(plan));
  op.log.info(describeRequest(request, op.inputs.apiUrl));
}

/** Carries the plan out: the one write it names, then the wait and the smoke test. */
async function execute(op: OperationContext, plan: Plan, memory: LookupMemory): Promise<void> {
  const a = plan.action;
  switch (a.kind) {
    case "fail":
      throw new OperationFailure(a.message, "failed");
    case "nothing":
      op.log.info(a.reason);
      return;
    case "delete":
      await deleteEndpoint(op, plan, a.endpoint);
      await op.ledger?.retire(a.endpoint.id);
      return;
    case "create": {
      // What is sent, the commit the pre-flight pinned included, is what the ledger records.
      const settings = requestedSettings(op.inputs, a.request.body.hfModelRepoRevision);
      let id: string;
      let sent = false;
      const sending: OperationContext = {
        ...op,
        noteCreate: (facts) => {
          sent = true;
          op.noteCreate(facts);
        },
      };
      try {
        id = await createEndpoint(sending, a.request.body, memory);
      } catch (err) {
        // A create that went out and may have made an endpoint is recorded without an id; one the
        // API refused (or that never left) made nothing, and leaves no record.
        if (sent && createMayHaveActed(err)) await op.ledger?.record(undefined, settings, "Create");
        throw err;
      }
      await op.ledger?.record(id, settings, "Create");
      return afterwards(op, plan, id);
    }
    case "update": {
      const settings = requestedSettings(op.inputs, a.request.body.hfModelRepoRevision);
      await op.ledger?.record(a.endpoint.id, settings, "Update");
      const sentAtMs = await updateEndpoint(op, plan, a.endpoint, a.request.body);
      try {
        if (plan.wait) await awaitEndpoint(op, a.endpoint.id, plan.wait, sentAtMs);
      } catch (err) {
        if (a.rollback && rollsBack(err) && (await rollBack(op, a.endpoint, a.rollback, err))) {
          throw new RolledBack(err);
        }
        throw err;
      }
      return afterwards(op, { ...plan, wait: undefined }, a.endpoint.id);
    }
    case "sweep":
      return executeSweep(op, a);
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
  if (plan.wait) await awaitEndpoint(op, id, plan.wait);
  if (plan.smokeTest) await runSmokeTest(op, id, plan.smokeRoute);
}

function statusOf(found: FoundEndpoint): string {
  return found.status ? ` (${found.status.status})` : "";
}
