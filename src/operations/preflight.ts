// The pre-flight as a step of a deploy: ask the Hugging Face Hub before anything is created or
// updated, log what it found, and keep it in the report. What the findings mean for the run is the
// plan's business (a `fail` finding makes the plan `fail`).
import { formatDuration } from "../base/format.ts";
import { createDefaultDispatcher } from "../friendli/request-policy.ts";
import { hubUrlFrom, runPreflight } from "../preflight/index.ts";
import { findingAnnotation, findingLines } from "../preflight/report.ts";
import type { Finding, PreflightResult } from "../preflight/types.ts";
import type { OperationContext } from "./context.ts";

export async function preflightStep(op: OperationContext): Promise<PreflightResult> {
  const { inputs, report } = op;
  if (!inputs.hfModelRepo || !inputs.gpu) {
    throw new Error("the pre-flight needs hf-model-repo and gpu (the input parser guarantees both)");
  }
  const hub = hubUrlFrom(inputs.hfEndpoint, op.env);
  if (hub.ignored) op.log.warning(hub.ignored);
  // The Hub gets its own proxy-aware dispatcher unless the run was handed one (tests).
  const own = op.dispatcher === undefined ? createDefaultDispatcher() : undefined;
  op.log.info(`Pre-flight: asking ${hub.url} about ${inputs.hfModelRepo}`);
  try {
    const r = await runPreflight({
      repo: inputs.hfModelRepo,
      revision: inputs.hfModelRevision,
      hfToken: inputs.hfToken,
      hubUrl: hub.url,
      instanceOptionId: inputs.gpu.instanceOptionId,
      gpuLabel: inputs.gpu.label,
      clock: op.clock,
      signal: op.signal,
      dispatcher: op.dispatcher ?? (own as NonNullable<typeof own>),
    });
    report.preflight = r;
    // Warnings are annotations (the summary's pre-flight table shows every finding); a dry run
    // prints the rest with its plan (describePlan), so once.
    for (const [i, line] of findingLines(r.findings).entries()) {
      const f = r.findings[i] as Finding;
      if (f.severity === "warn") op.log.warning(findingAnnotation(f));
      else if (!inputs.dryRun) op.log.info(line);
    }
    op.log.info(
      `Pre-flight ${r.ok ? (r.checked ? "passed" : "skipped") : "failed"} in ${formatDuration(r.elapsedMs, { tenths: true })}`,
    );
    // `model-revision` is the commit deployed: pinned only when the deploy goes ahead.
    if (r.ok && r.revision && report.model && !report.model.revision) {
      report.model = { ...report.model, revision: r.revision };
    }
    return r;
  } finally {
    await own?.close();
  }
}
