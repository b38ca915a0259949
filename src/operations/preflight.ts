// The pre-flight as a step of a deploy: ask the Hugging Face Hub before anything is created or
// updated, log what it found, and keep it in the report. What the findings mean for the run is the
// plan's business (a `fail` finding makes the plan `fail`).
import { createDefaultDispatcher } from "../friendli/request-policy.ts";
import { hubUrlFrom, type PreflightResult, runPreflight } from "../preflight/index.ts";
import { preflightLines } from "../report/preflight.ts";
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
    // A dry run prints the findings with its plan (describePlan), once.
    if (!inputs.dryRun) for (const line of preflightLines(r)) op.log.info(line);
    // Annotations for what needs a look; the summary's pre-flight table shows every finding.
    for (const f of r.findings)
      if (f.severity === "warn") op.log.warning(`pre-flight ${f.check}: ${f.message}`);
    op.log.info(
      `Pre-flight ${r.ok ? (r.checked ? "passed" : "skipped") : "failed"} in ${(r.elapsedMs / 1000).toFixed(1)} s`,
    );
    if (r.revision && report.model && !report.model.revision) {
      report.model = { ...report.model, revision: r.revision };
    }
    return r;
  } finally {
    await own?.close();
  }
}
