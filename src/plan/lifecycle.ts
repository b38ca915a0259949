// operation sleep, wake, restart: what to send an endpoint found by name or id, decided from its
// status. Pure. Only restart's precondition is in the API's own words ("Restart a FAILED or
// TERMINATED endpoint"), so only it is refused here; any other state is the API's to answer.
import type { FoundEndpoint } from "../endpoint/lookup.ts";
import { ENDPOINT_BASE } from "../friendli/client.ts";
import { pathFor } from "../friendli/request-policy.ts";

export type LifecycleOp = "sleep" | "wake" | "restart";

/** No `request`: the endpoint already is what the operation asks for (`result: unchanged`). */
export interface LifecycleAction {
  kind: "lifecycle";
  op: LifecycleOp;
  endpoint: FoundEndpoint;
  request?: { method: "PUT"; url: string };
}

type NotDone =
  | { kind: "nothing"; reason: string }
  | { kind: "fail"; endpoint?: FoundEndpoint; message: string };

const ALREADY: Partial<Record<LifecycleOp, string>> = { sleep: "SLEEPING", wake: "RUNNING" };

export function lifecycleAction(
  op: LifecycleOp,
  found: FoundEndpoint | undefined,
  target: string,
): LifecycleAction | NotDone {
  // Nothing to put to sleep uses no GPU, as a delete of nothing deletes nothing.
  if (!found && op === "sleep") return { kind: "nothing", reason: `No endpoint ${target} to put to sleep` };
  if (!found) return { kind: "fail", message: `no endpoint ${target} to ${op}` };
  const status = found.status?.status.trim().toUpperCase();
  if (op === "restart" && status !== "FAILED" && status !== "TERMINATED") {
    const message = `endpoint ${found.id} is ${status ?? "of unknown status"}: only a FAILED or TERMINATED endpoint can be restarted`;
    return { kind: "fail", endpoint: found, message };
  }
  const request = { method: "PUT", url: pathFor(ENDPOINT_BASE, found.id, op) } as const;
  return { kind: "lifecycle", op, endpoint: found, ...(status === ALREADY[op] ? {} : { request }) };
}

/** A sleep waits for SLEEPING; a wake or restart for RUNNING, which SLEEPING is not. */
export function lifecycleWait(op: LifecycleOp) {
  return op === "sleep"
    ? ({ target: "sleeping", minReplicas: 0 } as const)
    : ({ target: "running", minReplicas: 1 } as const);
}
