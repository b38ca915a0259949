// What an update would change, as far as the API shows it. The endpoint's spec (GET) carries the
// GPU and the autoscaling policy (a fixed count as its range); the model, its revision and the
// engine settings are in no response, so they can only be named as sent, not compared.
import { resolveGpu } from "../friendli/gpus.ts";
import type { EndpointSpec, UpdateEndpointBody } from "../friendli/schemas.ts";

/** One setting an update would change. */
export interface FieldChange {
  field: string;
  /** What the endpoint has now. */
  from: string;
  to: string;
}

/** The spec's GPU as the action names it ("NVIDIA H100" x 2 → "2x H100"), or its own words. */
export function gpuOf(spec: EndpointSpec | undefined): { id?: string; label: string } | undefined {
  if (!spec?.gpuType) return undefined;
  const text = `${spec.numGpu ?? 1}x ${spec.gpuType}`;
  const resolved = resolveGpu(text);
  return resolved.ok ? { id: resolved.gpu.instanceOptionId, label: resolved.gpu.label } : { label: text };
}

/** The settings a PUT sends that no response shows. */
const UNSEEN = ["hfModelRepo", "hfModelRepoRevision", "advanced"] as const;

/**
 * The settings that would change (GPU, autoscaling), and the ones sent that the API does not show
 * (`unseen`: the model, its revision, the engine settings, and any field the spec left empty).
 */
export function specChanges(
  spec: EndpointSpec | undefined,
  body: UpdateEndpointBody,
): { changes: FieldChange[]; unseen: string[] } {
  const changes: FieldChange[] = [];
  const unseen: string[] = UNSEEN.filter((k) => body[k] !== undefined);
  const compare = (field: string, from: string | undefined, to: string | undefined, same = from === to) => {
    if (to === undefined) return;
    if (from === undefined) unseen.push(field);
    else if (!same) changes.push({ field, from, to });
  };
  if (body.instanceOptionId !== undefined) {
    const now = gpuOf(spec);
    const wanted = resolveGpu(body.instanceOptionId);
    const to = wanted.ok ? wanted.gpu.label : body.instanceOptionId;
    compare("gpu", now?.label, to, now?.id === body.instanceOptionId);
  }
  const policy = body.autoscalingPolicy;
  const num = (n: number | null | undefined) => (n === null || n === undefined ? undefined : String(n));
  compare("autoscalingPolicy.minReplica", num(spec?.autoscalingMin), num(policy?.minReplica));
  compare("autoscalingPolicy.maxReplica", num(spec?.autoscalingMax), num(policy?.maxReplica));
  compare("autoscalingPolicy.cooldownPeriod", num(spec?.autoscalingCooldown), num(policy?.cooldownPeriod));
  // A fixed count: the spec shows it as the endpoint's replica range.
  const [min, max] = [num(spec?.autoscalingMin), num(spec?.autoscalingMax)];
  const range = min === undefined || min === max ? max : `${min}-${max}`;
  compare("simplescale.replicas", max && range, num(body.simplescale?.replicas));
  return { changes, unseen };
}
