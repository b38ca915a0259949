// The plan: what a run will do, decided before it does anything. Pure: the inputs and what the
// lookup found go in, a Plan with the exact request it would send comes out.

import { truncate } from "../base/format.ts";
import type { HourlyCost } from "../cost/estimate.ts";
import type { FoundEndpoint } from "../endpoint/lookup.ts";
import { ENDPOINT_BASE } from "../friendli/client.ts";
import { pathFor } from "../friendli/request-policy.ts";
import type { SmokeRoute } from "../friendli/route.ts";
import type { CreateEndpointBody, UpdateEndpointBody } from "../friendli/schemas.ts";
import type { Inputs, Operation } from "../inputs/inputs.ts";
import { MAX_VERSION_COMMENT_LENGTH } from "../inputs/preview-names.ts";
import {
  type DeploymentSettings,
  decideIfUnchanged,
  type LedgerEntry,
  type LedgerView,
  rollbackTarget,
} from "../ledger/ledger.ts";
import type { Finding } from "../preflight/types.ts";
import { type PlannedSweepRow, type PreviewEndpoint, type PrState, planSweep } from "../sweep/decide.ts";
import { type FieldChange, gpuOf, specChanges } from "./changes.ts";
import { type Choice, noneLeft, weighChoices } from "./gpu-choices.ts";
import { type LifecycleAction, lifecycleAction, lifecycleWait } from "./lifecycle.ts";
import { createBody, requestedSettings, updateBody } from "./request-bodies.ts";

/** A request as dry run shows it: the path is relative to api-url; the token is never part of it. */
export interface PlannedRequest<B = unknown> {
  method: "POST" | "PUT" | "DELETE";
  url: string;
  body?: B;
}

type WithBody<B> = PlannedRequest<B> & { body: B };

/** What the run does to the endpoint; ./result.ts maps each kind to its `result`. */
export type PlannedAction =
  | { kind: "create"; request: WithBody<CreateEndpointBody> }
  | {
      kind: "update";
      endpoint: FoundEndpoint;
      request: WithBody<UpdateEndpointBody>;
      /** Settings that differ from the spec GET showed; `unseen` lists what the API does not show. */
      changes: FieldChange[];
      unseen: string[];
      rollback?: Rollback;
      /** Fields the ledger recorded as serving that the spec now shows otherwise: the PUT puts them back. */
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
  | { kind: "sweep"; rows: PlannedSweepRow[]; othersLeftAlone: number }
  | LifecycleAction;

export interface Plan {
  operation: Operation;
  action: PlannedAction;
  /** Absent: do not wait. SLEEPING counts as serving only when `minReplicas` is 0. */
  wait?: { target: "running" | "gone" | "sleeping"; minReplicas: number };
  smokeTest: boolean;
  /** The route the smoke test tries first, when the pre-flight read the model's chat template. */
  smokeRoute?: SmokeRoute;
  /** The pre-flight's (a `fail` makes the plan `fail`); empty without one. */
  findings: Finding[];
  /** A deploy's estimated cost per hour with the requested settings, when its GPU type has a price. */
  cost?: HourlyCost;
  /** `gpu` with several choices: each, in order, with its estimate and why it was dropped. */
  choices?: Choice[];
}

/** `rollback-on-failure`: the ledger entry whose settings go back if the update fails, and the PUT. */
export interface Rollback {
  entry: LedgerEntry;
  request: WithBody<UpdateEndpointBody>;
}

interface PlanFacts {
  found: FoundEndpoint | undefined;
  findings?: Finding[];
  /** The commit the pre-flight resolved the default branch to: pinned in the create or update body. */
  revision?: string;
  smokeRoute?: SmokeRoute;
  /** The pre-flight's size of the weights: each choice of `gpu` must hold them. */
  weightBytes?: number;
  ledger?: LedgerView;
  /** operation sweep: what the preview listing and GitHub said, in place of `found`. */
  sweep?: SweepFacts;
}

export interface SweepFacts {
  previews: PreviewEndpoint[];
  states: ReadonlyMap<number, PrState>;
  /** Endpoints of the project that are not previews of this repository. */
  othersLeftAlone: number;
  /** When the ages are measured. */
  nowMs: number;
}

// A sweep's deletes are not waited for: a nightly job need not watch each GPU wind down.
const WAITED = new Set<PlannedAction["kind"]>(["create", "update", "reuse", "delete", "lifecycle"]);

/** The decision table of every operation. */
export function plan(inputs: Inputs, facts: PlanFacts): Plan {
  // Only settings the deploy puts on the endpoint cost money and meet `max-hourly-cost`: a reused
  // endpoint keeps its own.
  const configures = inputs.operation === "deploy" && (!facts.found || inputs.ifExists === "update");
  // Each choice of `gpu` is held to the cap and to the model's size: the first one kept is asked for,
  // unless the endpoint already serves these settings on a later one (where a fallback left it).
  const weighed = configures ? weighChoices(inputs, facts.weightBytes) : undefined;
  const on = weighed?.find((c) => !c.drop && c.gpu.instanceOptionId === gpuOf(facts.found?.spec)?.id);
  const stays = on && actionFor({ ...inputs, gpu: on.gpu }, facts).kind === "unchanged";
  const choices = on && stays ? [on, ...(weighed ?? []).filter((c) => c !== on)] : weighed;
  const chosen = choices?.find((c) => !c.drop) ?? choices?.[0];
  const cost = chosen?.cost;
  const refusal = choices && noneLeft(choices);
  // The cap is a finding like the GPU-memory fit: shown with them, and it fails the plan the same way.
  const findings: Finding[] = [...(facts.findings ?? [])];
  // A single choice that does not fit is the pre-flight's own finding already.
  if (refusal && !findings.some((f) => f.message === refusal))
    findings.push({ check: "cost", severity: "fail", message: refusal });
  const blocking = findings.find((f) => f.severity === "fail");
  const action: PlannedAction = blocking
    ? { kind: "fail", message: blocking.message, ...(facts.found ? { endpoint: facts.found } : {}) }
    : actionFor(chosen ? { ...inputs, gpu: chosen.gpu } : inputs, facts);
  // A reused endpoint sleeps by its own autoscaling minimum, not by the inputs'.
  const minReplicas =
    action.kind === "reuse"
      ? (action.endpoint.spec?.autoscalingMin ?? inputs.minReplicas)
      : inputs.minReplicas;
  const smokeTest = inputs.smokeTest && inputs.operation === "deploy" && action.kind !== "fail";
  const wait =
    action.kind === "lifecycle"
      ? lifecycleWait(action.op)
      : { target: action.kind === "delete" ? ("gone" as const) : ("running" as const), minReplicas };
  return {
    operation: inputs.operation,
    action,
    ...(inputs.wait && WAITED.has(action.kind) ? { wait } : {}),
    smokeTest,
    ...(smokeTest && facts.smokeRoute ? { smokeRoute: facts.smokeRoute } : {}),
    findings,
    ...(cost ? { cost } : {}),
    ...(choices && choices.length > 1 ? { choices } : {}),
  };
}

function actionFor(inputs: Inputs, { found, ledger, revision, sweep }: PlanFacts): PlannedAction {
  const target = inputs.endpointId ?? `named "${inputs.name}"`;
  switch (inputs.operation) {
    case "deploy":
      return deployAction(inputs, found, ledger ?? {}, revision);
    case "delete":
      if (!found) return { kind: "nothing", reason: `No endpoint ${target} to delete` };
      return { kind: "delete", endpoint: found, request: { method: "DELETE", url: endpointUrl(found) } };
    case "status": {
      if (found) return { kind: "reuse", endpoint: found };
      const reason = `no endpoint ${target} in project ${inputs.projectId}`;
      // A pure read reports absence; a wait for RUNNING on something that does not exist cannot succeed.
      return inputs.wait ? { kind: "fail", message: reason } : { kind: "nothing", reason };
    }
    case "sleep":
    case "wake":
    case "restart":
      return lifecycleAction(inputs.operation, found, target);
    case "sweep":
      if (!sweep) return { kind: "fail", message: "the sweep has no listing of the project's previews" };
      return {
        kind: "sweep",
        rows: planSweep(sweep.previews, sweep.states, {
          nowMs: sweep.nowMs,
          maxAgeMs: inputs.maxAgeMs,
          sleep: inputs.sweepAction === "sleep",
        }),
        othersLeftAlone: sweep.othersLeftAlone,
      };
  }
}

function endpointUrl(found: FoundEndpoint): string {
  return pathFor(ENDPOINT_BASE, found.id);
}

function deployAction(
  inputs: Inputs,
  found: FoundEndpoint | undefined,
  ledger: LedgerView,
  resolved: string | undefined,
): PlannedAction {
  if (!found && inputs.endpointId) {
    return {
      kind: "fail",
      message: `endpoint-id ${inputs.endpointId} was not found: check the id, or leave endpoint-id empty to deploy by name`,
    };
  }
  if (!found)
    return {
      kind: "create",
      request: { method: "POST", url: ENDPOINT_BASE, body: createBody(inputs, resolved) },
    };
  if (inputs.ifExists === "fail") {
    return {
      kind: "fail",
      endpoint: found,
      message: `an endpoint named "${inputs.name}" already exists (${found.id}) and if-exists is fail`,
    };
  }
  if (inputs.ifExists === "reuse") return { kind: "reuse", endpoint: found };
  const settings = requestedSettings(inputs, resolved);
  const body = updateBody(settings, inputs.versionComment);
  const shown = specChanges(found.spec, body);
  // Without a status the endpoint cannot be shown to serve: the PUT goes out.
  const decision = found.status
    ? decideIfUnchanged({
        mode: inputs.ifUnchanged,
        requested: { name: inputs.name, projectId: inputs.projectId, settings },
        ledger,
        endpoint: {
          id: found.id,
          status: found.status.status,
          ...(typeof found.spec?.autoscalingMin === "number"
            ? { minReplicas: found.spec.autoscalingMin }
            : {}),
        },
        drift: shown.changes.map((c) => c.field),
      })
    : undefined;
  if (decision?.action === "skip") return { kind: "unchanged", endpoint: found, entry: decision.entry };
  const rollback = inputs.rollbackOnFailure ? rollbackFor(inputs, found, ledger, settings) : undefined;
  return {
    kind: "update",
    endpoint: found,
    request: { method: "PUT", url: endpointUrl(found), body },
    ...shown,
    ...(rollback ? { rollback } : {}),
    ...(decision?.drift ? { drift: decision.drift } : {}),
  };
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
  const body = updateBody(entry.payload.settings, comment);
  return { entry, request: { method: "PUT", url: endpointUrl(found), body } };
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
  return "request" in p.action ? p.action.request : undefined;
}
