// The post step's part in the deployment ledger: after a cancellation the main step sends nothing,
// so this run's GitHub deployment is still `in_progress`. It becomes `error` (cancelled), or
// `inactive` when the post step deleted the endpoint. Never fails the step (the ledger warns).

import type { Logger } from "../base/log.ts";
import type { RunContext } from "../github/context.ts";
import type { Inputs } from "../inputs/inputs.ts";
import { openLedger } from "./deployments.ts";
import { environmentName } from "./ledger.ts";

interface PostLedgerOptions {
  inputs: Inputs;
  context: RunContext;
  /** The main step's saved deployment id ('' when it recorded none). */
  deploymentId: string;
  /** The endpoint the post step deleted, if it did. */
  deletedEndpointId?: string;
  apiUrl: string | undefined;
  log: Logger;
  signal: AbortSignal;
}

export async function settleCancelledDeployment(opts: PostLedgerOptions): Promise<void> {
  const id = Number(opts.deploymentId);
  if (!Number.isSafeInteger(id) || id <= 0) return;
  const { inputs } = opts;
  const ledger = openLedger({
    enabled: inputs.githubDeployment && !inputs.dryRun,
    context: opts.context,
    token: inputs.githubToken,
    apiUrl: opts.apiUrl,
    environment: environmentName(inputs.environment, inputs.name),
    log: opts.log,
    secrets: [inputs.friendliToken, inputs.githubToken],
    signal: opts.signal,
  });
  if (!opts.deletedEndpointId) {
    await ledger.setStatus(id, "error", { description: "Cancelled" });
    return;
  }
  // The run's own entry, then any other entry that still stands for the deleted endpoint.
  const description = "Cancelled; the endpoint was deleted";
  await ledger.setStatus(id, "inactive", { description });
  await ledger.retire(opts.deletedEndpointId, description);
}
