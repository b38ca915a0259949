// operation: status. Read only: report what the endpoint is doing, and wait for RUNNING on request.
// Its result is `reused` (the endpoint is left as it is), or `not-found`.
import { errorHint } from "../friendli/error-codes.ts";
import { awaitEndpoint } from "./await-endpoint.ts";
import { type OperationContext, OperationFailure } from "./context.ts";
import { lookupEndpoint, reportFound } from "./lookup.ts";

export async function endpointStatus(op: OperationContext): Promise<void> {
  const { inputs, report } = op;
  report.endpointName = inputs.name;
  const found = await lookupEndpoint(op);
  if (!found) {
    report.result = "not-found";
    // A pure read reports absence; a wait for RUNNING on something that does not exist cannot succeed.
    if (!inputs.wait) return;
    throw new OperationFailure(
      `no endpoint ${inputs.endpointId ?? `named "${inputs.name}"`} in project ${inputs.projectId}`,
      "failed",
    );
  }
  reportFound(op, found);
  report.hint = errorHint(found.status?.errorCode);
  if (inputs.wait && !inputs.dryRun) {
    // It sleeps by its own autoscaling setting when the lookup saw it, not by the inputs'.
    await awaitEndpoint(op, found.id, "running", {
      minReplicas: found.spec?.autoscalingMin ?? inputs.minReplicas,
    });
  }
  report.result = inputs.dryRun ? "planned" : "reused";
}
