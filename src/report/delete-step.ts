// The workflow step that deletes an endpoint: what a person pastes into a workflow when the action
// warns instead of deleting. By endpoint-id when one is named (a name two endpoints share cannot be
// deleted by name: the lookup refuses to guess), else by name.
import type { Inputs } from "../inputs/inputs.ts";

export function deleteStep(
  inputs: Pick<Inputs, "projectId" | "name" | "teamId">,
  endpointId?: string,
): string {
  return [
    "- uses: friendli-deploy-action/deploy@v1",
    "  with:",
    "    operation: delete",
    "    friendli-token: ${{ secrets.FRIENDLI_TOKEN }}",
    ...(inputs.teamId ? [`    team-id: ${inputs.teamId}`] : []),
    `    project-id: ${inputs.projectId}`,
    endpointId ? `    endpoint-id: ${endpointId}` : `    name: ${inputs.name}`,
  ].join("\n");
}

/** One step per endpoint, for a warning that names several. */
export function deleteSteps(
  inputs: Pick<Inputs, "projectId" | "name" | "teamId">,
  ids: readonly string[],
): string {
  return ids.map((id) => deleteStep(inputs, id)).join("\n");
}
