// Whose word the deployment ledger takes. Anyone with `deployments: write` (a person, another
// workflow, any token with that permission) can create a deployment in any environment with any
// payload, and add any status to any deployment: only the identity this run's token acts as can
// make a record count, or make it count as served; anyone else can only take that away.
import { sameLogin } from "../github/client.ts";

/** GitHub's deployment status states. */
const DEPLOYMENT_STATES = [
  "error",
  "failure",
  "inactive",
  "in_progress",
  "queued",
  "pending",
  "success",
] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];

/**
 * Whether a deployment record may be taken as this action's own: created by the identity this run's
 * token acts as, in this endpoint's environment. (Its endpoint id is checked where it is used:
 * no-op, rollback, id memory.)
 */
export function isOwnRecord(
  record: { creator?: { login?: unknown } | null; environment?: string },
  identity: string,
  environment: string,
): boolean {
  return sameLogin(record.creator?.login, identity) && record.environment === environment;
}

/** States whose status may come from anyone: each takes trust away, none gives it. */
const TRUST_TAKERS = new Set<string>(["error", "failure", "inactive"]);

/**
 * A record's latest state, from its statuses newest first, and whether its settings served (latest
 * `success`, or `inactive` right after a `success`). A status by another identity counts only when
 * it takes trust away: its `success` (or a pending state) is skipped, and what lies below decides.
 */
export function trustedState(
  statuses: ReadonlyArray<{ state: string; creator?: { login?: unknown } | null }>,
  identity: string,
): { state?: DeploymentState; served: boolean } {
  const [latest, before] = statuses
    .filter((s) => TRUST_TAKERS.has(s.state) || sameLogin(s.creator?.login, identity))
    .map((s) => s.state)
    .filter((s): s is DeploymentState => (DEPLOYMENT_STATES as readonly string[]).includes(s));
  const served = latest === "success" || (latest === "inactive" && before === "success");
  return latest ? { state: latest, served } : { served };
}
