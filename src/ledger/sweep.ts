// The deployments ledger as a sweep uses it (the executor's SweepLedger hook): after a preview is
// deleted, the deployments of its environment that still stand for it are marked inactive, so
// GitHub shows the preview's transient environment as destroyed. A ledger reads one environment,
// so there is one per preview; they share one "off": a token without `deployments: write` is
// warned about once, not once per preview. Every sweep also closes the environments of previews
// whose endpoint is gone without the sweep that deleted it closing them (a sweep cancelled while
// its DELETEs were in flight, a delete by hand).

import { tokenIdentity } from "../github/client.ts";
import type { SweepLedger } from "../sweep/execute.ts";
import { DeploymentLedger, type LedgerOptions } from "./deployments.ts";
import { environmentName, type LedgerPayload, parsePayload } from "./ledger.ts";
import { isOwnRecord } from "./trust.ts";

type SweepLedgerOptions = Omit<LedgerOptions, "environment">;

/** A SweepLedger that retires deleted previews' deployments. */
export function sweepLedger(opts: SweepLedgerOptions): SweepLedger {
  let off = false;
  return {
    async markInactive(preview) {
      if (off) return;
      // A preview's environment is its name's: the `environment` input names one deploy's, not many.
      const ledger = new DeploymentLedger({ ...opts, environment: environmentName(undefined, preview.name) });
      await ledger.retire(preview.id, "Preview deleted by the sweep");
      if (!ledger.active) off = true;
    },
  };
}

/** The repository's newest deployments a sweep reads for such previews: one page. */
export const SCANNED = 100;

interface OrphanOptions extends SweepLedgerOptions {
  /** A recorded endpoint the sweep did not find: a preview of this repository, in its project. */
  missing(endpoint: LedgerPayload["endpoint"]): boolean;
  /** True only when Friendli answers that the endpoint does not exist. */
  gone(endpointId: string): Promise<boolean>;
}

/**
 * The previews whose environment's newest own record is a `success` though its endpoint is gone:
 * their live records are marked inactive. Returns their names. Failures are warnings.
 */
export async function retireOrphans(opts: OrphanOptions): Promise<string[]> {
  const closed: string[] = [];
  for (const environment of await orphanCandidates(opts)) {
    const ledger = new DeploymentLedger({ ...opts, environment });
    const { latest } = await ledger.read();
    const id = latest?.payload.endpoint.id;
    // Only a finished deploy's: one still in progress may be creating its endpoint right now.
    if (latest?.state !== "success" || !id || !(await opts.gone(id))) continue;
    if ((await ledger.retire(id, "No endpoint of this preview is left")) > 0)
      closed.push(latest.payload.endpoint.name);
    if (!ledger.active) break;
  }
  return closed;
}

/** The environments of the action's own records, among the newest, that `missing` picks. */
async function orphanCandidates(opts: OrphanOptions): Promise<string[]> {
  const repository = new DeploymentLedger({ ...opts, environment: "" });
  const what = "read the repository's deployments for previews whose endpoint is gone";
  const found = await repository.call(what, async (octokit, repo) => {
    const { data } = await octokit.rest.repos.listDeployments({ ...repo, task: "deploy", per_page: SCANNED });
    const identity = await tokenIdentity(octokit);
    const environments = new Set<string>();
    for (const d of data) {
      const endpoint = parsePayload(d.payload)?.endpoint;
      const environment = endpoint && environmentName(undefined, endpoint.name);
      if (environment && isOwnRecord(d, identity, environment) && opts.missing(endpoint))
        environments.add(environment);
    }
    return [...environments];
  });
  return found ?? [];
}
