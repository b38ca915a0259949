// What a status means while waiting: pure, and used by the reports too, so they never call "ready"
// or "failed" what the wait did not.
import { CLOCK_SKEW_MS } from "../base/timing.ts";
import type { EndpointStatus } from "../friendli/schemas.ts";

export type StatusClass = "success" | "failure" | "pending" | "unknown";
/** "gone" (a delete): every status is pending, only a 404 ends the wait; "sleeping": a sleep. */
type WaitTarget = "running" | "gone" | "sleeping";

interface ClassifyOptions {
  minReplicas: number;
  target: WaitTarget;
}

/**
 * What a status means while waiting for RUNNING (InferenceDeploymentStatus in the spec; case and
 * surrounding spaces ignored; waiting for SLEEPING, it is the success and RUNNING, READY pending):
 * - success: RUNNING; READY (undocumented, but the spec lists it beside RUNNING and the only public
 *   client treats both as ready: a wrong "ready" is caught by the smoke test, waiting forever on it
 *   would not be); SLEEPING with min-replicas 0 (deployed and idle: scale-to-zero is what min 0 asks
 *   for, and an idle endpoint may well be asleep before we look).
 * - failure: FAILED (with errorCode); STOPPING, TERMINATING, TERMINATED: stopped or deleted under
 *   us, none of them leads back to RUNNING without a restart.
 * - pending: INITIALIZING, UPDATING, AWAKING, UNKNOWN (the API's own "not sure yet"); SLEEPING with
 *   min-replicas > 0 (it should not sleep: wait for it to come back, the deadline bounds it).
 * - unknown: anything else. The waiter warns once and keeps waiting: a status added to the API must
 *   not fail deploys.
 */
export function classifyStatus(status: string, opts: ClassifyOptions): StatusClass {
  if (opts.target === "gone") return "pending";
  const asleep = opts.target === "sleeping";
  switch (status.trim().toUpperCase()) {
    case "RUNNING":
    case "READY":
      return asleep ? "pending" : "success";
    case "SLEEPING":
      return asleep || opts.minReplicas === 0 ? "success" : "pending";
    case "FAILED":
    case "STOPPING":
    case "TERMINATING":
    case "TERMINATED":
      return "failure";
    case "INITIALIZING":
    case "UPDATING":
    case "AWAKING":
    case "UNKNOWN":
      return "pending";
    default:
      return "unknown";
  }
}

/** The timeline's label: the phase while INITIALIZING, otherwise the status. */
export function spanLabel(s: Pick<EndpointStatus, "status" | "phase">): string {
  const status = s.status.trim();
  return status.toUpperCase() === "INITIALIZING" && s.phase ? s.phase.trim() : status;
}

/** What a success other than RUNNING means, said after it. */
const SUCCESS_NOTES = new Map([
  ["SLEEPING", " (min-replicas 0: deployed and idle; the first request wakes it)"],
  ["READY", " (treated as RUNNING)"],
]);

/** What a status that ends the wait says, after "endpoint <id> ": its row of the table in words. */
export function endedText(s: EndpointStatus, verdict: "success" | "failure", after: string): string {
  const upper = s.status.trim().toUpperCase();
  if (verdict === "success") return `is ${s.status}${SUCCESS_NOTES.get(upper) ?? ""} after ${after}`;
  if (upper !== "FAILED") {
    return `is ${s.status} after ${after}: it was stopped or deleted while the action waited for RUNNING`;
  }
  const during = s.phase ? ` during ${s.phase}` : "";
  const code = s.errorCode ? ` with error code ${s.errorCode}` : " without an error code";
  return `FAILED${during}${code} after ${after}`;
}

interface SettleFacts {
  /** The wait saw a status other than success since it started. */
  sawOtherStatus: boolean;
  msSinceStart: number;
  /** How long a stale RUNNING may be doubted (0: not after an update). */
  settleMs: number;
  updatedAt: string | null | undefined;
  updateSentAtMs: number;
}

/**
 * True when a successful status may still be the version from before the update. Friendli does
 * not say how soon an update shows as UPDATING, so right after a PUT a RUNNING counts as the new
 * version only once another status was seen, its updatedAt is not older than the PUT, or the
 * settle time has passed.
 */
export function mayBeOldVersion(f: SettleFacts): boolean {
  if (f.sawOtherStatus || f.msSinceStart >= f.settleMs) return false;
  const updatedAt = f.updatedAt ? Date.parse(f.updatedAt) : Number.NaN;
  // A few seconds' allowance for the server's clock running behind ours.
  return !(updatedAt >= f.updateSentAtMs - CLOCK_SKEW_MS);
}
