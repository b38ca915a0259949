// Pure mapping from the parsed inputs to the exact bodies Friendli's API wants
// (DedicatedEndpointCreateBody / DedicatedEndpointUpdateBody in the OpenAPI document).
import type { CreateEndpointBody, UpdateEndpointBody } from "../friendli/schemas.ts";
import type { Inputs } from "../inputs/inputs.ts";

/**
 * `resolved`: the commit the pre-flight resolved the default branch to, pinned when the workflow
 * named no revision, so Friendli deploys exactly what the pre-flight checked.
 */
export function createBody(inputs: Inputs, resolved?: string): CreateEndpointBody {
  const revision = inputs.hfModelRevision ?? resolved;
  if (!inputs.hfModelRepo || !inputs.gpu) {
    throw new Error("deploy needs hf-model-repo and gpu (the input parser guarantees both)");
  }
  return {
    projectId: inputs.projectId,
    name: inputs.name,
    instanceOptionId: inputs.gpu.instanceOptionId,
    hfModelRepo: inputs.hfModelRepo,
    ...(revision ? { hfModelRepoRevision: revision } : {}),
    autoscalingPolicy: autoscaling(inputs),
    advanced: { ...inputs.advanced },
    initialVersionComment: inputs.versionComment,
  };
}

/** A new version with every requested setting, so an update converges on what the workflow says. */
export function updateBody(inputs: Inputs, resolved?: string): UpdateEndpointBody {
  const {
    projectId: _projectId,
    name: _name,
    initialVersionComment,
    ...settings
  } = createBody(inputs, resolved);
  return { ...settings, newVersionComment: initialVersionComment };
}

function autoscaling(inputs: Inputs) {
  return {
    minReplica: inputs.minReplicas,
    maxReplica: inputs.maxReplicas,
    cooldownPeriod: inputs.cooldownSeconds,
  };
}
