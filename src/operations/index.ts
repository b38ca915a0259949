// One run of an operation, in one direction: look the endpoint up, make the plan, then either show
// it (dry run) or carry it out. Never throws: what ended the run goes back to main.ts with the plan
// it was carrying out, and src/plan/result.ts turns both into `result`.
import { errorHint } from "../friendli/error-codes.ts";
import { type FoundEndpoint, lookupEndpoint, type SpecCache } from "../lookup.ts";
import { describePlan, describeRequest } from "../plan/describe.ts";
import { plan as makePlan, needsPreflight, type Plan, plannedRequest } from "../plan/plan.ts";
import { OperationFailure } from "../plan/result.ts";
import { awaitEndpoint } from "./await-endpoint.ts";
import { type OperationContext, recordFound, recordRequested } from "./context.ts";
import { createEndpoint } from "./create.ts";
import { deleteEndpoint } from "./delete.ts";
import { preflightStep } from "./preflight.ts";
import { runSmokeTest } from "./smoke.ts";
import { updateEndpoint } from "./update.ts";

/** What the lookup left for the steps after it: the listed ids and the specs already read. */
export interface LookupMemory {
  /** Every id of the project's listing: after a create, the new endpoint is the one not in it. */
  listed: Set<string>;
  /** One spec cache for every name lookup of the run: no endpoint is read twice. */
  specs: SpecCache;
}

export interface OperationRun {
  plan?: Plan;
  error?: unknown;
}

export async function runOperation(op: OperationContext): Promise<OperationRun> {
  const { inputs, report } = op;
  let plan: Plan | undefined;
  try {
    if (inputs.operation === "deploy") recordRequested(report, inputs);
    const memory: LookupMemory = { listed: new Set(), specs: new Map() };
    const found = await lookupEndpoint(op.client, inputs, {
      signal: op.signal,
      listed: memory.listed,
      cache: memory.specs,
      // An endpoint-id is checked against project-id before anything changes it.
      forWrite:
        inputs.operation === "delete" || (inputs.operation === "deploy" && inputs.ifExists === "update"),
    });
    plan = makePlan(inputs, { found });
    if (needsPreflight(inputs, plan)) {
      // Before anything is created or updated: a model Friendli cannot deploy fails here, unbilled.
      const pre = await preflightStep(op);
      plan = makePlan(inputs, {
        found,
        findings: pre.findings,
        ...(pre.revision ? { revision: pre.revision } : {}),
        ...(pre.smokeRoute ? { smokeRoute: pre.smokeRoute } : {}),
      });
    }
    if (found) recordFound(report, found);
    if (found && inputs.operation === "status") report.hint = errorHint(found.status?.errorCode);
    if (inputs.dryRun) {
      showPlan(op, plan);
      // A plan that refuses fails the dry run as it would fail the run (execute throws below).
      if (plan.action.kind !== "fail") return { plan };
    } else op.log.debug(describePlan(plan));
    await execute(op, plan, memory);
    return { plan };
  } catch (error) {
    return plan ? { plan, error } : { error };
  }
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
      return deleteEndpoint(op, plan, a.endpoint);
    case "create": {
      const id = await createEndpoint(op, a.request.body, memory);
      return afterwards(op, plan, id);
    }
    case "update": {
      const sentAtMs = await updateEndpoint(op, plan, a.endpoint, a.request.body);
      return afterwards(op, plan, a.endpoint.id, sentAtMs);
    }
    case "reuse":
      if (plan.operation === "deploy")
        op.log.info(`Reusing endpoint ${a.endpoint.id}${statusOf(a.endpoint)} as it is`);
      return afterwards(op, plan, a.endpoint.id);
  }
}

async function afterwards(
  op: OperationContext,
  plan: Plan,
  id: string,
  updateSentAtMs?: number,
): Promise<void> {
  if (plan.wait) await awaitEndpoint(op, id, plan.wait, updateSentAtMs);
  if (plan.smokeTest) await runSmokeTest(op, id, plan.smokeRoute);
}

function statusOf(found: FoundEndpoint): string {
  return found.status ? ` (${found.status.status})` : "";
}
