// The plan in words, for the log of a dry run (the summary shows the request from the report).
import { estimateText } from "../cost/estimate.ts";
import type { FoundEndpoint } from "../endpoint/lookup.ts";
import { findingLines } from "../preflight/report.ts";
import type { Plan, PlannedRequest, Rollback } from "./plan.ts";

/** The plan in words, one line per step: what is done to which endpoint, then what follows. */
export function describePlan(p: Plan): string {
  const lines = findingLines(p.findings);
  lines.push(`Plan: ${actionText(p)}`);
  const a = p.action;
  if (a.kind === "update") {
    for (const c of a.changes) lines.push(`  ${c.field}: ${c.from} -> ${c.to}`);
    if (a.changes.length === 0) lines.push("  no change in the settings the API shows (GPU, autoscaling)");
    if (a.unseen.length > 0) lines.push(`  sent as requested, not shown by the API: ${a.unseen.join(", ")}`);
    if (a.drift)
      lines.push(`  drift: ${a.drift.join(", ")} changed outside this action since the last deploy`);
    if (a.rollback) lines.push(describeRollback(a.rollback));
  }
  if (p.cost) lines.push(`Cost: ${estimateText(p.cost)}`);
  if (p.wait) lines.push(`Then: wait until it is ${WAIT_GOAL[p.wait.target]}`);
  if (p.smokeTest) lines.push(`Then: a smoke test${p.smokeRoute ? ` (${p.smokeRoute} route first)` : ""}`);
  return lines.join("\n");
}

const WAIT_GOAL = { gone: "gone", running: "RUNNING", sleeping: "SLEEPING" } as const;

/** The rollback target in words: which record, and every setting it would put back. */
export function describeRollback(r: Rollback): string {
  const { model, gpu, autoscaling: a, simplescale } = r.entry.payload.settings;
  const replicas = simplescale
    ? `${simplescale.replicas} fixed`
    : `${a.minReplicas}-${a.maxReplicas}, cooldown ${a.cooldownSeconds}s`;
  return (
    `If it fails: put back the settings of GitHub deployment ${r.entry.deploymentId} ` +
    `(${model.repo}${model.revision ? `@${model.revision}` : ""}, ${gpu.label}, replicas ${replicas}; ` +
    `${r.request.method} ${r.request.url})`
  );
}

function actionText(p: Plan): string {
  const a = p.action;
  switch (a.kind) {
    case "create":
      return "create the endpoint";
    case "update":
      return `update endpoint ${a.endpoint.id} with a new version`;
    case "reuse":
      return `leave endpoint ${a.endpoint.id} as it is${statusText(a.endpoint)}`;
    case "unchanged":
      return (
        `leave endpoint ${a.endpoint.id} as it is${statusText(a.endpoint)}: GitHub deployment ` +
        `${a.entry.deploymentId} recorded the same settings (\`if-unchanged: skip\`)`
      );
    case "delete":
      return `delete endpoint ${a.endpoint.id}`;
    case "nothing":
      return `nothing to do (${a.reason})`;
    case "fail":
      return `fail (${a.message})`;
    case "sweep": {
      const doomed = a.rows.filter((r) => r.decision.action !== "keep").length;
      const verb = a.rows.some((r) => r.decision.action === "sleep") ? "put to sleep" : "delete";
      return `sweep ${a.rows.length} preview endpoint(s): ${verb} ${doomed}, keep ${a.rows.length - doomed}`;
    }
    case "lifecycle":
      return a.request
        ? `${a.op} endpoint ${a.endpoint.id}${statusText(a.endpoint)}`
        : `leave endpoint ${a.endpoint.id} as it is${statusText(a.endpoint)}: nothing to ${a.op}`;
  }
}

/** The request a dry run did not send, as it would go out (the token masked). */
export function describeRequest(r: PlannedRequest | undefined, apiUrl: string): string {
  if (!r) return "dry-run: nothing was changed, and no request would be sent.";
  return [
    "dry-run: nothing was changed. The request that would be sent:",
    `${r.method} ${apiUrl}${r.url}`,
    "Authorization: Bearer ***",
    ...(r.body === undefined ? [] : [JSON.stringify(r.body, null, 2)]),
  ].join("\n");
}

function statusText(found: FoundEndpoint): string {
  return found.status ? ` (${found.status.status})` : "";
}
