// What a status means while waiting: pure, and used by the reports too, so they never call "ready"
// or "failed" what the wait did not.
import type { EndpointStatus } from "../friendli/schemas.ts";

export type StatusClass = "success" | "failure" | "pending" | "unknown";

interface ClassifyOptions {
  minReplicas: number;
  /** "gone" (waiting for a delete): every status is pending; only a 404 ends the wait. */
  target: "running" | "gone";
}

/**
 * What a status means while waiting for RUNNING (InferenceDeploymentStatus in the spec):
 *
 * | status                                        | meaning                                        |
 * | --------------------------------------------- | ---------------------------------------------- |
 * | RUNNING                                       | success: at least one replica serves           |
 * | READY                                         | success: undocumented; the spec lists it beside RUNNING and the only public client treats both as ready. Failing or waiting forever on it would be worse than a wrong "ready" (the smoke test catches that) |
 * | SLEEPING, min-replicas 0                      | success: deployed and idle; the first request wakes it (scale-to-zero is what min 0 asks for, and an idle endpoint may well be asleep before we look) |
 * | SLEEPING, min-replicas > 0                    | pending: should not sleep; keep waiting for it to come back (the deadline bounds it) |
 * | FAILED                                        | failure (with errorCode)                       |
 * | STOPPING, TERMINATING, TERMINATED             | failure: stopped or deleted under us; none of them leads back to RUNNING without a restart |
 * | INITIALIZING, UPDATING, AWAKING, UNKNOWN      | pending: on the way (UNKNOWN is the API's own "not sure yet") |
 * | anything else                                 | unknown: the waiter warns once and keeps waiting: a status added to the API must not fail deploys |
 *
 * Case and surrounding spaces are ignored.
 */
export function classifyStatus(status: string, opts: ClassifyOptions): StatusClass {
  if (opts.target === "gone") return "pending";
  switch (status.trim().toUpperCase()) {
    case "RUNNING":
    case "READY":
      return "success";
    case "SLEEPING":
      return opts.minReplicas === 0 ? "success" : "pending";
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

/** What a status that ends the wait says, after "endpoint <id> ": its row of the table in words. */
export function endedText(s: EndpointStatus, verdict: "success" | "failure", after: string): string {
  const upper = s.status.trim().toUpperCase();
  if (verdict === "success") {
    const note =
      upper === "SLEEPING"
        ? " (min-replicas 0: deployed and idle; the first request wakes it)"
        : upper === "READY"
          ? " (treated as RUNNING)"
          : "";
    return `is ${s.status}${note} after ${after}`;
  }
  if (upper !== "FAILED") {
    return `is ${s.status} after ${after}: it was stopped or deleted while the action waited for RUNNING`;
  }
  const during = s.phase ? ` during ${s.phase}` : "";
  const code = s.errorCode ? ` with error code ${s.errorCode}` : " without an error code";
  return `FAILED${during}${code} after ${after}`;
}
