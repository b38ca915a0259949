// RUNNING is Friendli's word; one small completion is the proof that the endpoint answers.

import type { SmokeRoute } from "../friendli/route.ts";
import { OperationFailure } from "../plan/result.ts";
import { smokeTest } from "../smoke/smoke-test.ts";
import type { OperationContext } from "./context.ts";

/** `route`: the one the pre-flight chose from the model's chat template; chat when unknown. */
export async function runSmokeTest(
  op: OperationContext,
  endpointId: string,
  route?: SmokeRoute,
): Promise<void> {
  const { inputs, log } = op;
  if (!inputs.wait) {
    return log.warning(
      "smoke-test needs wait: true (an endpoint that is not RUNNING cannot answer); skipped",
    );
  }
  // A SLEEPING endpoint (min replicas 0) counts as deployed, and the smoke test's request is what
  // wakes it: that can take minutes, so it may use the rest of the run rather than the usual window.
  const asleep = op.report.status?.trim().toUpperCase() === "SLEEPING";
  const r = await smokeTest({
    ...op,
    warmupMs: asleep ? Math.max(0, op.deadlineMs - op.clock.now()) : undefined,
    endpointId,
    prompt: inputs.smokeTestPrompt,
    route,
    expect: inputs.smokeTestExpect,
    maxTtftMs: inputs.smokeTestMaxTtftMs,
  });
  if (!r.ok) {
    op.report.failedCheck = r.check;
    throw new OperationFailure(r.message, "failed");
  }
  const { ok: _, ...measured } = r;
  op.report.smokeTest = measured;
  log.info(`Smoke test (${r.route}) answered in ${r.latencyMs} ms: ${r.reply}`);
}
