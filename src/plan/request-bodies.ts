// Pure mapping from the parsed inputs to the settings a deploy asks for (as the ledger records them),
// and from settings to the exact bodies Friendli's API wants (DedicatedEndpointCreateBody /
// DedicatedEndpointUpdateBody in the OpenAPI document).
import type { CreateEndpointBody, UpdateEndpointBody } from "../friendli/schemas.ts";
import type { Inputs } from "../inputs/inputs.ts";
import type { DeploymentSettings } from "../ledger/ledger.ts";

/**
 * What a deploy asks for, as the ledger records and compares it. `resolved`: the commit the
 * pre-flight resolved the default branch to, pinned when the workflow named no revision, so
 * Friendli deploys exactly what the pre-flight checked.
 */
export function requestedSettings(inputs: Inputs, resolved?: string): DeploymentSettings {
  const { hfModelRepo: repo, gpu } = inputs;
  const revision = inputs.hfModelRevision ?? resolved;
  if (!repo || !gpu) throw new Error("deploy needs hf-model-repo and gpu (the input parser guarantees both)");
  return {
    model: revision ? { repo, revision } : { repo },
    gpu: { instanceOptionId: gpu.instanceOptionId, label: gpu.label },
    autoscaling: {
      minReplicas: inputs.minReplicas,
      maxReplicas: inputs.maxReplicas,
      cooldownSeconds: inputs.cooldownSeconds,
    },
    ...(inputs.replicas === undefined ? {} : { simplescale: { replicas: inputs.replicas } }),
    engine: { ...inputs.advanced },
  };
}

export function createBody(inputs: Inputs, resolved?: string): CreateEndpointBody {
  const { newVersionComment, ...settings } = updateBody(
    requestedSettings(inputs, resolved),
    inputs.versionComment,
  );
  return {
    projectId: inputs.projectId,
    name: inputs.name,
    ...settings,
    initialVersionComment: newVersionComment,
  };
}

/**
 * A new version with every one of `settings`: an update converges on what the workflow says, a
 * rollback puts back what the ledger recorded.
 */
export function updateBody(settings: DeploymentSettings, versionComment: string) {
  const { model, autoscaling } = settings;
  return {
    instanceOptionId: settings.gpu.instanceOptionId,
    hfModelRepo: model.repo,
    ...(model.revision ? { hfModelRepoRevision: model.revision } : {}),
    // A fixed count goes without a policy: the API takes one or the other.
    ...(settings.simplescale
      ? { simplescale: settings.simplescale }
      : {
          autoscalingPolicy: {
            minReplica: autoscaling.minReplicas,
            maxReplica: autoscaling.maxReplicas,
            cooldownPeriod: autoscaling.cooldownSeconds,
          },
        }),
    advanced: { ...settings.engine },
    newVersionComment: versionComment,
  } satisfies UpdateEndpointBody;
}
