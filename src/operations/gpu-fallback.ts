// GPU fallback, for `gpu` with several choices: the same endpoint moves to the next choice when the
// API refuses its GPU, or when it has not left REQUESTING_VIRTUAL_MACHINE within
// `gpu-fallback-after`, all within wait-timeout. The decisions are pure (src/plan/gpu-choices.ts,
// refusesGpu); the choices tried are kept in the report, the current one is the last of them.

import { formatDuration } from "../base/format.ts";
import { formatError } from "../base/redact.ts";
import { refusesGpu } from "../friendli/errors.ts";
import type { GpuChoice } from "../friendli/gpus.ts";
import type { Inputs } from "../inputs/inputs.ts";
import { type Choice, movesOn, stillRequesting } from "../plan/gpu-choices.ts";
import type { Plan } from "../plan/plan.ts";
import { requestedSettings, updateBody } from "../plan/request-bodies.ts";
import { OperationFailure } from "../plan/result.ts";
import { closeOpenSpan } from "../wait/timeline.ts";
import { awaitEndpoint } from "./await-endpoint.ts";
import { type OperationContext, warn } from "./context.ts";

const kept = (plan: Plan): Choice[] => plan.choices?.filter((c) => !c.drop) ?? [];

/** The choices the pre-flight weighs the model against: the kept ones, or the one `gpu` names. */
export function keptGpus(plan: Plan, inputs: Inputs): GpuChoice[] {
  return plan.choices ? kept(plan).map((c) => c.gpu) : inputs.gpus;
}

/** The run on the choice it is on (the last one tried): bodies and the ledger name that GPU. */
export function current(op: OperationContext, plan: Plan): OperationContext {
  const choice = kept(plan)[Math.max(0, (op.report.gpuTried?.length ?? 0) - 1)];
  return choice ? { ...op, inputs: { ...op.inputs, gpu: choice.gpu } } : op;
}

/** A planned body with the instance option of the choice `op` is on. */
export function asked<B extends { instanceOptionId?: string | null }>(body: B, op: OperationContext): B {
  return op.inputs.gpu ? { ...body, instanceOptionId: op.inputs.gpu.instanceOptionId } : body;
}

/** The dropped choices as notes (log and summary), the kept ones' cost range, and the GPU asked for. */
export function noteChoices(op: OperationContext, plan: Plan): void {
  const { report } = op;
  const choices = kept(plan);
  // With none left, the run's failure names each.
  if (choices.length === 0) return;
  for (const { gpu, drop } of plan.choices ?? []) {
    if (drop) warn(op, `${gpu.label} is dropped from \`gpu\`: ${drop}`);
  }
  report.gpu = choices[0]?.gpu.label;
  const usd = choices.flatMap((c) => (c.cost ? [c.cost.maxUsd] : []));
  if (usd.length > 1)
    report.cost = { ...report.cost, choices: { minUsd: Math.min(...usd), maxUsd: Math.max(...usd) } };
}

/**
 * `send` on the current choice, and on each next one while the API refuses the GPU. `endpointId`:
 * the endpoint exists, and the ledger records each choice it moves to.
 */
export async function sendOnChoices<T>(
  op: OperationContext,
  plan: Plan,
  send: (op: OperationContext) => Promise<T>,
  endpointId?: string,
): Promise<T> {
  const first = kept(plan)[0];
  if (first && !op.report.gpuTried)
    op.report.gpuTried = [{ label: first.gpu.label, sentAtMs: op.clock.now() }];
  for (;;) {
    try {
      return await send(current(op, plan));
    } catch (err) {
      if (!plan.choices || !refusesGpu(err)) throw err;
      await moveOn(op, plan, `was refused by the API (${err.detail})`, err, endpointId);
    }
  }
}

/** The plan's wait, moving the endpoint on while its GPU gets no VM (movesOn). */
export async function awaitOnChoices(
  op: OperationContext,
  plan: Plan,
  endpointId: string,
  wait: NonNullable<Plan["wait"]>,
  updateSentAtMs?: number,
): Promise<void> {
  const { report } = op;
  let sentAtMs = updateSentAtMs;
  for (;;) {
    const asked = report.gpuTried?.at(-1);
    const next = asked !== undefined && (report.gpuTried?.length ?? 0) < kept(plan).length;
    const leaveAt = asked && next ? asked.sentAtMs + op.inputs.gpuFallbackAfterMs : Number.POSITIVE_INFINITY;
    const before = report.timeline;
    report.timeline = [];
    try {
      const leave = { ms: leaveAt, stays: stillRequesting };
      return await awaitEndpoint(current(op, plan), endpointId, wait, sentAtMs, leave);
    } catch (err) {
      const timedOut = err instanceof OperationFailure && err.result === "timed-out";
      const { status, phase } = report;
      if (!movesOn({ timedOut, early: leaveAt < op.deadlineMs, next, status, phase }))
        throw asked && stillRequesting(report) ? noVm(op, plan, err) : err;
      closeOpenSpan(report.timeline, op.clock.now());
      const why = `got no VM in ${formatDuration(op.clock.now() - (asked?.sentAtMs ?? 0))}`;
      await moveOn(op, plan, why, err, endpointId);
      sentAtMs = op.clock.now();
      const body = (on: OperationContext) =>
        updateBody(requestedSettings(on.inputs, report.model?.revision), on.inputs.versionComment);
      await sendOnChoices(op, plan, (on) => on.client.update(endpointId, body(on)), endpointId);
    } finally {
      report.timeline = [...before, ...report.timeline];
    }
  }
}

/** Leaves the current choice (`why`) for the next one; with none left, the run fails naming each. */
async function moveOn(op: OperationContext, plan: Plan, why: string, err: unknown, endpointId?: string) {
  const { report, log } = op;
  const tried = report.gpuTried ?? [];
  const left = tried.at(-1);
  if (left) left.why = why;
  const next = kept(plan)[tried.length];
  if (!next || !left) throw noVm(op, plan, err);
  tried.push({ label: next.gpu.label, sentAtMs: op.clock.now() });
  report.gpu = next.gpu.label;
  report.cost = { ...report.cost, hourly: next.cost };
  log.warning(`${left.label} ${why}: moving to ${next.gpu.label}, the next choice of \`gpu\``);
  const settings = requestedSettings(current(op, plan).inputs, report.model?.revision);
  if (endpointId) await op.ledger?.moveTo(endpointId, settings, `${left.label} ${why}`);
}

/** The failure once no choice got a VM: what ended the last one, then each GPU tried and how. */
function noVm(op: OperationContext, plan: Plan, err: unknown): OperationFailure {
  const tried = op.report.gpuTried ?? [];
  const last = tried.at(-1);
  if (last && !last.why) last.why = `got no VM in ${formatDuration(op.clock.now() - last.sentAtMs)}`;
  const untried = kept(plan).slice(tried.length);
  const each = tried.map((t) => `${t.label} ${t.why}`).join("; ");
  const rest = untried.length > 0 ? `; not tried: ${untried.map((c) => c.gpu.label).join(", ")}` : "";
  const message = `${formatError(err, op.secrets)}. No GPU of \`gpu\` got a VM: ${each}${rest}`;
  return new OperationFailure(message, err instanceof OperationFailure ? err.result : "failed");
}
