// RUNNING is Friendli's word; one small completion is the proof that the endpoint answers.
import { OperationFailure } from "../plan/result.ts";
import { smokeTest } from "../smoke-test.ts";
import type { OperationContext } from "./context.ts";

export async function runSmokeTest(op: OperationContext, endpointId: string): Promise<void> {
  if (!op.inputs.wait) {
    op.log.warning("smoke-test needs wait: true (an endpoint that is not RUNNING cannot answer); skipped");
    return;
  }
  // A SLEEPING endpoint (min replicas 0) counts as deployed, and the smoke test's request is what
  // wakes it: that can take minutes, so it may use the rest of the run rather than the usual window.
  const asleep = op.report.status?.trim().toUpperCase() === "SLEEPING";
  const r = await smokeTest({
    ...(asleep ? { warmupMs: Math.max(0, op.deadlineMs - op.clock.now()) } : {}),
    client: op.client,
    endpointId,
    prompt: op.inputs.smokeTestPrompt,
    clock: op.clock,
    signal: op.signal,
    deadlineMs: op.deadlineMs,
    log: op.log,
  });
  if (!r.ok) throw new OperationFailure(r.message, "failed");
  op.report.smokeTest = { latencyMs: r.latencyMs, reply: r.reply, route: r.route };
  op.log.info(`Smoke test (${r.route}) answered in ${r.latencyMs} ms: ${r.reply}`);
}
