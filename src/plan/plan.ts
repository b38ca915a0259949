// The plan: what a run will do, decided before it does anything. Pure: the inputs and what the
// lookup found go in, a Plan comes out, with the exact request it would send. Dry run prints it;
// execution (src/operations/) carries it out; ./result.ts turns how that went into `result`.

import { truncate } from "../base/format.ts";
import { capRefusal, estimateHourlyCost, type HourlyCost } from "../cost/estimate.ts";
import type { FoundEndpoint } from "../endpoint/lookup.ts";
import { ENDPOINT_BASE } from "../friendli/client.ts";
import { pathFor } from "../friendli/request-policy.ts";
import type { SmokeRoute } from "../friendli/route.ts";
import type { CreateEndpointBody, UpdateEndpointBody } from "../friendli/schemas.ts";
import type { Inputs, Operation } from "../inputs/inputs.ts";
import { MAX_VERSION_COMMENT_LENGTH } from "../inputs/inputs.ts";
import {
  type DeploymentSettings,
  decideIfUnchanged,
  type LedgerEntry,
  type LedgerView,
  rollbackTarget,
  type UnchangedDecision,
} from "../ledger/ledger.ts";
import type { Finding } from "../preflight/types.ts";
import { type PlannedSweepRow, type PreviewEndpoint, type PrState, planSweep } from "../sweep/decide.ts";
import { type FieldChange, specChanges } from "./changes.ts";
import { createBody, requestedSettings, updateBody } from "./request-bodies.ts";

/** A request as dry run shows it: the path is relative to api-url; the token is never part of it. */
export interface PlannedRequest<B = unknown> {
  method: "POST" | "PUT" | "DELETE";
  url: string;
  body?: B;
}

/** A create or update: always with its body. */
type WithBody<B> = PlannedRequest<B> & { body: B };

/**
 * What the run does to the endpoint. Each kind has one result when it goes well (./result.ts):
 * create → created, update → updated, reuse → reused, delete → deleted, nothing → not-found,
 * fail → failed; a sweep's result depends on its rows (swept, clean).
 */
export type PlannedAction =
  | { kind: "create"; request: WithBody<CreateEndpointBody> }
  | {
      kind: "update";
      endpoint: FoundEndpoint;
      request: WithBody<UpdateEndpointBody>;
      /** Settings that differ from the spec GET showed; `unseen` lists what the API does not show. */
      changes: FieldChange[];
      unseen: string[];
      /** `rollback-on-failure`: the PUT that puts the last good settings back if this one fails. */
      rollback?: Rollback;
      /**
       * The ledger recorded these very settings as serving, but the spec GET showed shows other
       * values for these fields: changed outside this action, so the PUT puts them back.
       */
      drift?: readonly string[];
    }
  /** The ledger's last success recorded exactly these settings and the endpoint serves: no PUT. */
  | { kind: "unchanged"; endpoint: FoundEndpoint; entry: LedgerEntry }
  /** Leave the endpoint as it is (if-exists: reuse, and every found endpoint of operation status). */
  | { kind: "reuse"; endpoint: FoundEndpoint }
  | { kind: "delete"; endpoint: FoundEndpoint; request: PlannedRequest<never> }
  /** No endpoint to act on, and that is fine (delete or status of what is not there). */
  | { kind: "nothing"; reason: string }
  /** Refused before any write, with the message the step fails with. */
  | { kind: "fail"; endpoint?: FoundEndpoint; message: string }
  /** operation sweep: each preview of this repository with what the table decided for it. */
  | { kind: "sweep"; rows: PlannedSweepRow[]; othersLeftAlone: number };

export interface Plan {
  operation: Operation;
  action: PlannedAction;
  /** Wait for the endpoint afterwards (RUNNING, or gone for a delete); absent: do not wait. */
  wait?: {
    target: "running" | "gone";
    /** SLEEPING counts as serving only when the endpoint's own minimum is 0. */
    minReplicas: number;
  };
  /** After RUNNING, send one small completion. */
  smokeTest: boolean;
  /** The route the smoke test tries first, when the pre-flight read the model's chat template. */
  smokeRoute?: SmokeRoute;
  /** What the pre-flight found (shown by dry run; a `fail` makes the plan `fail`); empty without one. */
  findings: Finding[];
  /** A deploy's estimated cost per hour with the requested settings, when its GPU type has a price. */
  cost?: HourlyCost;
}

/** A rollback: the ledger entry whose settings go back, and the exact PUT. */
export interface Rollback {
  entry: LedgerEntry;
  request: WithBody<UpdateEndpointBody>;
}

/** What is known before the plan is made. Later lookups (a ledger, a pre-flight) add fields here. */
interface PlanFacts {
  /** What the lookup found by endpoint-id or name; undefined when nothing is there. */
  found: FoundEndpoint | undefined;
  findings?: Finding[];
  /** The commit the pre-flight resolved the default branch to: pinned in the create or update body. */
  revision?: string;
  /** What the pre-flight learned about the chat template: the smoke test's first route. */
  smokeRoute?: SmokeRoute;
  /** The deployment ledger's view of the environment (GitHub Deployments); empty without one. */
  ledger?: LedgerView;
  /** operation sweep: what the preview listing and GitHub said, in place of `found`. */
  sweep?: SweepFacts;
}

export interface SweepFacts {
  previews: PreviewEndpoint[];
  /** Each PR's state, by number. */
  states: ReadonlyMap<number, PrState>;
  /** Endpoints of the project that are not previews of this repository. */
  othersLeftAlone: number;
  /** When the ages are measured. */
  nowMs: number;
}

/** The decision table of every operation. */
export function plan(inputs: Inputs, facts: PlanFacts): Plan {
  const cost = configures(inputs, facts.found) ? requestedCost(inputs) : undefined;
  const refusal = configures(inputs, facts.found) ? capCheck(inputs, cost) : undefined;
  // The cap is a finding like the GPU-memory fit: shown with them, and it fails the plan the same way.
  const findings: Finding[] = [
    ...(facts.findings ?? []),
    ...(refusal ? [{ check: "cost" as const, severity: "fail" as const, message: refusal }] : []),
  ];
  const make = (action: PlannedAction, minReplicas = inputs.minReplicas): Plan => {
    const smokeTest = inputs.smokeTest && inputs.operation === "deploy" && action.kind !== "fail";
    return {
      operation: inputs.operation,
      action,
      ...(inputs.wait && waits(action) ? { wait: { target: targetOf(action), minReplicas } } : {}),
      smokeTest,
      ...(smokeTest && facts.smokeRoute ? { smokeRoute: facts.smokeRoute } : {}),
      findings,
      ...(cost ? { cost } : {}),
    };
  };
  const blocking = findings.find((f) => f.severity === "fail");
  if (blocking) return make({ kind: "fail", message: blocking.message, ...endpointOf(facts.found) });
  switch (inputs.operation) {
    case "deploy":
      return make(
        deployAction(inputs, facts.found, facts.ledger ?? {}, facts.revision),
        sleepsBy(inputs, facts.found),
      );
    case "delete":
      return make(deleteAction(inputs, facts.found));
    case "status":
      return make(statusAction(inputs, facts.found), facts.found?.spec?.autoscalingMin ?? inputs.minReplicas);
    case "sweep":
      return make(sweepAction(inputs, facts.sweep));
  }
}

/**
 * Whether the deploy puts the inputs' settings on the endpoint (create, update, or a no-op on the
 * same settings): then they are what it costs, and what `max-hourly-cost` is held against. A reused
 * endpoint keeps its own settings.
 */
function configures(inputs: Inputs, found: FoundEndpoint | undefined): boolean {
  return inputs.operation === "deploy" && (!found || inputs.ifExists === "update");
}

/** Why `max-hourly-cost` refuses the deploy, or undefined. A cap that cannot be checked refuses too. */
function capCheck(inputs: Inputs, cost: HourlyCost | undefined): string | undefined {
  if (inputs.maxHourlyCost === undefined || !inputs.gpu) return undefined;
  if (!cost) {
    return (
      `\`max-hourly-cost\` cannot be checked: instance option ${inputs.gpu.label} is not in the GPU table, ` +
      "so its GPUs and price are unknown. Name the GPU (e.g. `2x H100`), or remove `max-hourly-cost`"
    );
  }
  return capRefusal(cost, inputs.maxHourlyCost);
}

/** The estimate for the requested GPU and replicas, at `gpu-hourly-price` or the list price. */
function requestedCost(inputs: Inputs): HourlyCost | undefined {
  if (!inputs.gpu) return undefined;
  return estimateHourlyCost({
    instanceOptionId: inputs.gpu.instanceOptionId,
    minReplicas: inputs.minReplicas,
    maxReplicas: inputs.maxReplicas,
    ...(inputs.gpuHourlyPrice === undefined ? {} : { pricePerGpuHour: inputs.gpuHourlyPrice }),
  });
}

function endpointOf(found: FoundEndpoint | undefined): { endpoint?: FoundEndpoint } {
  return found ? { endpoint: found } : {};
}

function waits(action: PlannedAction): boolean {
  // A sweep's deletes are not waited for: a nightly job need not watch each GPU wind down.
  return (
    action.kind !== "fail" &&
    action.kind !== "nothing" &&
    action.kind !== "unchanged" &&
    action.kind !== "sweep"
  );
}

function targetOf(action: PlannedAction): "running" | "gone" {
  return action.kind === "delete" ? "gone" : "running";
}

/** A reused endpoint sleeps by its own autoscaling setting, not by the inputs'. */
function sleepsBy(inputs: Inputs, found: FoundEndpoint | undefined): number {
  return found && inputs.ifExists === "reuse"
    ? (found.spec?.autoscalingMin ?? inputs.minReplicas)
    : inputs.minReplicas;
}

/** Who the messages name: the id given, or the name. */
function target(inputs: Inputs): string {
  return inputs.endpointId ?? `named "${inputs.name}"`;
}

function deployAction(
  inputs: Inputs,
  found: FoundEndpoint | undefined,
  ledger: LedgerView,
  resolved: string | undefined,
): PlannedAction {
  if (!found) {
    if (inputs.endpointId) {
      return {
        kind: "fail",
        message: `endpoint-id ${inputs.endpointId} was not found: check the id, or leave endpoint-id empty to deploy by name`,
      };
    }
    return {
      kind: "create",
      request: { method: "POST", url: ENDPOINT_BASE, body: createBody(inputs, resolved) },
    };
  }
  switch (inputs.ifExists) {
    case "fail":
      return {
        kind: "fail",
        endpoint: found,
        message: `an endpoint named "${inputs.name}" already exists (${found.id}) and if-exists is fail`,
      };
    case "reuse":
      return { kind: "reuse", endpoint: found };
    case "update": {
      const settings = requestedSettings(inputs, resolved);
      const body = updateBody(settings, inputs.versionComment);
      const shown = specChanges(found.spec, body);
      const decision = unchangedDecision(inputs, found, ledger, settings, shown.changes);
      if (decision?.action === "skip") return { kind: "unchanged", endpoint: found, entry: decision.entry };
      const rollback = inputs.rollbackOnFailure ? rollbackFor(inputs, found, ledger, settings) : undefined;
      return {
        kind: "update",
        endpoint: found,
        request: { method: "PUT", url: pathFor(ENDPOINT_BASE, found.id), body },
        ...shown,
        ...(rollback ? { rollback } : {}),
        ...(decision?.drift ? { drift: decision.drift } : {}),
      };
    }
  }
}

/** Whether the ledger makes this deploy a no-op; undefined (no status): send the PUT. */
function unchangedDecision(
  inputs: Inputs,
  found: FoundEndpoint,
  ledger: LedgerView,
  settings: DeploymentSettings,
  changes: readonly FieldChange[],
): UnchangedDecision | undefined {
  // Without a status the endpoint cannot be shown to serve: the PUT goes out.
  if (!found.status) return undefined;
  return decideIfUnchanged({
    mode: inputs.ifUnchanged,
    requested: { name: inputs.name, projectId: inputs.projectId, settings },
    ledger,
    endpoint: {
      id: found.id,
      status: found.status.status,
      ...(typeof found.spec?.autoscalingMin === "number" ? { minReplicas: found.spec.autoscalingMin } : {}),
    },
    drift: changes.map((c) => c.field),
  });
}

function rollbackFor(
  inputs: Inputs,
  found: FoundEndpoint,
  ledger: LedgerView,
  settings: DeploymentSettings,
): Rollback | undefined {
  const entry = rollbackTarget(ledger, {
    endpointId: found.id,
    name: inputs.name,
    projectId: inputs.projectId,
    settings,
  });
  if (!entry) return undefined;
  const comment = truncate(
    `Rollback to GitHub deployment ${entry.deploymentId}. ${inputs.versionComment}`,
    MAX_VERSION_COMMENT_LENGTH,
  );
  return {
    entry,
    request: {
      method: "PUT",
      url: pathFor(ENDPOINT_BASE, found.id),
      body: updateBody(entry.payload.settings, comment),
    },
  };
}

function deleteAction(inputs: Inputs, found: FoundEndpoint | undefined): PlannedAction {
  if (!found) return { kind: "nothing", reason: `No endpoint ${target(inputs)} to delete` };
  return {
    kind: "delete",
    endpoint: found,
    request: { method: "DELETE", url: pathFor(ENDPOINT_BASE, found.id) },
  };
}

function statusAction(inputs: Inputs, found: FoundEndpoint | undefined): PlannedAction {
  if (found) return { kind: "reuse", endpoint: found };
  const reason = `no endpoint ${target(inputs)} in project ${inputs.projectId}`;
  // A pure read reports absence; a wait for RUNNING on something that does not exist cannot succeed.
  return inputs.wait ? { kind: "fail", message: reason } : { kind: "nothing", reason };
}

function sweepAction(inputs: Inputs, facts: SweepFacts | undefined): PlannedAction {
  if (!facts) return { kind: "fail", message: "the sweep has no listing of the project's previews" };
  return {
    kind: "sweep",
    rows: planSweep(facts.previews, facts.states, { nowMs: facts.nowMs, maxAgeMs: inputs.maxAgeMs }),
    othersLeftAlone: facts.othersLeftAlone,
  };
}

/**
 * Whether a deploy asks the Hub first: only before a create or an update (the only actions that
 * make Friendli download the model), and only with `preflight: true`. Decided on the plan made
 * without findings; the plan is then made again with them.
 */
export function needsPreflight(inputs: Inputs, p: Plan): boolean {
  return (
    inputs.operation === "deploy" &&
    inputs.preflight &&
    (p.action.kind === "create" || p.action.kind === "update")
  );
}

/** The request the plan would send, if any. */
export function plannedRequest(p: Plan): PlannedRequest | undefined {
  const a = p.action;
  return a.kind === "create" || a.kind === "update" || a.kind === "delete" ? a.request : undefined;
}
