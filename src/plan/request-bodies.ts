// Pure mapping from the parsed inputs to the exact bodies Friendli's API wants
// (DedicatedEndpointCreateBody / DedicatedEndpointUpdateBody in the OpenAPI document).
import type { CreateEndpointBody, UpdateEndpointBody } from "../friendli/schemas.ts";
import type { Inputs } from "../inputs.ts";

export function createBody(inputs: Inputs): CreateEndpointBody {
  if (!inputs.hfModelRepo || !inputs.gpu) {
    throw new Error("deploy needs hf-model-repo and gpu (the input parser guarantees both)");
  }
  return {
    projectId: inputs.projectId,
    name: inputs.name,
    instanceOptionId: inputs.gpu.instanceOptionId,
    hfModelRepo: inputs.hfModelRepo,
    ...(inputs.hfModelRevision ? { hfModelRepoRevision: inputs.hfModelRevision } : {}),
    autoscalingPolicy: autoscaling(inputs),
    advanced: { ...inputs.advanced },
    initialVersionComment: inputs.versionComment,
  };
}

/** A new version with every requested setting, so an update converges on what the workflow says. */
export function updateBody(inputs: Inputs): UpdateEndpointBody {
  const { projectId: _projectId, name: _name, initialVersionComment, ...settings } = createBody(inputs);
  return { ...settings, newVersionComment: initialVersionComment };
}

function autoscaling(inputs: Inputs) {
  return {
    minReplica: inputs.minReplicas,
    maxReplica: inputs.maxReplicas,
    cooldownPeriod: inputs.cooldownSeconds,
  };
}
