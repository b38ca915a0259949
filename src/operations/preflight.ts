// The pre-flight as a step of a deploy: ask the Hugging Face Hub before anything is created or
// updated, log what it found, and keep it in the report. What the findings mean for the run is the
// plan's business (a `fail` finding makes the plan `fail`).
import { formatDuration } from "../base/format.ts";
import type { GpuChoice } from "../friendli/gpus.ts";
import { createDefaultDispatcher } from "../friendli/request-policy.ts";
import { hubUrlFrom, runPreflight } from "../preflight/index.ts";
import { findingLine } from "../preflight/report.ts";
import type { PreflightResult } from "../preflight/types.ts";
import type { OperationContext } from "./context.ts";

/** `gpus`: the choices of `gpu` still kept, in order: the fit is the first's that holds the model. */
export async function preflightStep(
  op: OperationContext,
  [gpu, ...fallbacks]: readonly GpuChoice[],
): Promise<PreflightResult> {
  const { inputs, report, log } = op;
  if (!inputs.hfModelRepo || !gpu) {
    throw new Error("the pre-flight needs hf-model-repo and gpu (the input parser guarantees both)");
  }
  const hub = hubUrlFrom(inputs.hfEndpoint, op.env);
  if (hub.ignored) log.warning(hub.ignored);
  // The Hub gets its own proxy-aware dispatcher unless the run was handed one (tests).
  const dispatcher = op.dispatcher ?? createDefaultDispatcher();
  log.info(`Pre-flight: asking ${hub.url} about ${inputs.hfModelRepo}`);
  try {
    const r = await runPreflight({
      repo: inputs.hfModelRepo,
      revision: inputs.hfModelRevision,
      hfToken: inputs.hfToken,
      hubUrl: hub.url,
      instanceOptionId: gpu.instanceOptionId,
      gpuLabel: gpu.label,
      fallbacks: fallbacks.map((g) => ({ instanceOptionId: g.instanceOptionId, gpuLabel: g.label })),
      clock: op.clock,
      signal: op.signal,
      dispatcher,
    });
    report.preflight = r;
    // Warnings are annotations (the summary's pre-flight table shows every finding); a dry run
    // prints the rest with its plan (describePlan), so once.
    for (const f of r.findings) {
      if (f.severity === "warn") log.warning(`pre-flight ${f.check}: ${f.message}`);
      else if (!inputs.dryRun) log.info(findingLine(f));
    }
    const verdict = r.ok ? (r.checked ? "passed" : "skipped") : "failed";
    log.info(`Pre-flight ${verdict} in ${formatDuration(r.elapsedMs, { tenths: true })}`);
    // `model-revision` is the commit deployed: pinned only when the deploy goes ahead.
    if (r.ok && r.revision && report.model && !report.model.revision) {
      report.model = { ...report.model, revision: r.revision };
    }
    return r;
  } finally {
    if (dispatcher !== op.dispatcher) await dispatcher.close();
  }
}
