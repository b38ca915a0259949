// The pre-flight's rules, as pure functions over what the Hub said. Friendli needs safetensors
// weights and config.json at the repository's root, and weights that leave room for the KV cache on
// the chosen GPUs; it finds out otherwise only after a GPU is allocated and billed.
import { GPU_OPTIONS, type GpuOption, optionMemoryBytes } from "../friendli/gpus.ts";
import type { Finding, HubAnswer, HubFacts, PreflightContext, PreflightResult, Severity } from "./types.ts";

/** Over this share of GPU memory the weights leave no room for the engine: the deploy fails. */
export const FIT_FAIL_RATIO = 0.95;
/** Over this share little is left for the KV cache: a warning. */
export const FIT_WARN_RATIO = 0.8;

const GB = 1e9;

function formatGb(bytes: number): string {
  return `${(bytes / GB).toFixed(bytes < 10 * GB ? 2 : 1)} GB`;
}

/** The smallest option of each GPU model that holds `bytes` under the fail ratio, smallest memory first. */
export function optionsThatFit(bytes: number): GpuOption[] {
  const best = new Map<string, { option: GpuOption; memory: number }>();
  for (const option of GPU_OPTIONS) {
    const memory = optionMemoryBytes(option.instanceOptionId);
    if (memory === undefined || bytes / memory > FIT_FAIL_RATIO) continue;
    const known = best.get(option.gpu);
    if (!known || memory < known.memory) best.set(option.gpu, { option, memory });
  }
  return [...best.values()].sort((a, b) => a.memory - b.memory).map((x) => x.option);
}

/** The GPU-fit finding for weights of `bytes` on the context's option. */
export function fitFinding(
  bytes: number,
  ctx: Pick<PreflightContext, "instanceOptionId" | "gpuLabel">,
): { finding: Finding; ratio?: number } {
  const memory = optionMemoryBytes(ctx.instanceOptionId);
  if (memory === undefined) {
    const message = `weights ${formatGb(bytes)}; instance option ${ctx.gpuLabel} is not in the GPU table, so the fit was not checked`;
    return { finding: { check: "fit", severity: "info", message } };
  }
  const ratio = bytes / memory;
  const share = `weights ${formatGb(bytes)} are ${Math.round(ratio * 100)}% of ${ctx.gpuLabel}'s ${formatGb(memory)} GPU memory`;
  const fits = optionsThatFit(bytes).map((o) => o.label);
  const advice = fits.length > 0 ? `options that fit: ${fits.join(", ")}` : "no instance option holds them";
  const [severity, message]: [Severity, string] =
    ratio > FIT_FAIL_RATIO
      ? ["fail", `${share}: they do not fit (${advice})`]
      : ratio > FIT_WARN_RATIO
        ? [
            "warn",
            `${share}: little room is left for the KV cache; the engine may fail to start or serve short contexts only`,
          ]
        : ["info", share];
  return { ratio, finding: { check: "fit", severity, message } };
}

/** The finding when the Hub did not give the facts. */
function failureFinding(answer: Exclude<HubAnswer, HubFacts>, ctx: PreflightContext): Finding {
  const at = ctx.revision === undefined ? ctx.repo : `${ctx.repo}@${ctx.revision}`;
  switch (answer.kind) {
    case "unauthorized":
      return {
        check: "access",
        severity: "fail",
        message: ctx.hasToken
          ? `the Hugging Face Hub refused hf-token (401) for ${at}: check the token`
          : `the Hugging Face Hub answered 401 for ${ctx.repo}: it does not exist, or it is private. Pass \`hf-token\` (a token that can read it), or set \`preflight: false\` to deploy without checking`,
      };
    case "not-found":
      return {
        check: "access",
        severity: "fail",
        message: `model ${ctx.repo} was not found on the Hugging Face Hub, or hf-token cannot read it`,
      };
    case "revision-not-found":
      return {
        check: "revision",
        severity: "fail",
        message: `revision ${ctx.revision ?? "(default branch)"} does not exist in ${ctx.repo}`,
      };
    case "unreachable":
      return {
        check: "hub",
        severity: "warn",
        message: `could not check ${at} on the Hugging Face Hub (${answer.reason}); deploying without the pre-flight`,
      };
  }
}

/** Every check over a readable repository; `fit` is the GPU fit's, when there are weights. */
function factFindings(facts: HubFacts, ctx: PreflightContext, hasWeights: boolean, fit?: Finding): Finding[] {
  const pinned =
    ctx.revision === undefined
      ? `${ctx.repo} pinned at ${facts.sha} (the default branch's commit)`
      : `${ctx.repo}@${ctx.revision} is commit ${facts.sha}`;
  const findings: Finding[] = [{ check: "revision", severity: "info", message: pinned }];
  const missing = [
    ...(hasWeights ? [] : ["safetensors weights"]),
    ...(facts.files.some((f) => f.path === "config.json") ? [] : ["config.json"]),
  ];
  if (missing.length > 0) {
    const root =
      facts.files
        .map((f) => f.path)
        .slice(0, 8)
        .join(", ") || "nothing";
    findings.push({
      check: "files",
      severity: "fail",
      message: `Friendli needs safetensors weights and config.json at the repository root; ${facts.sha.slice(0, 12)} has no ${missing.join(" and no ")} (root: ${root})`,
    });
  }
  if (fit) findings.push(fit);
  if (facts.gated) {
    findings.push({
      check: "gated",
      severity: "warn",
      message: `${ctx.repo} is gated: Friendli downloads it with the Hugging Face token saved in its integrations, and that token's account must have been granted access, or the deploy fails while downloading the model`,
    });
  }
  const template =
    facts.chatTemplate === null
      ? "the chat template could not be read; the smoke test tries chat first"
      : facts.chatTemplate
        ? "has a chat template: the smoke test uses chat completions"
        : "has no chat template: the smoke test uses completions";
  findings.push({ check: "chat-template", severity: "info", message: template });
  return findings;
}

/** The whole verdict: the findings, whether the deploy may go on, and what to pin and report. */
export function decide(answer: HubAnswer, ctx: PreflightContext, elapsedMs: number): PreflightResult {
  if (answer.kind !== "found") {
    const finding = failureFinding(answer, ctx);
    const checked = answer.kind !== "unreachable";
    return { ok: finding.severity !== "fail", checked, findings: [finding], elapsedMs };
  }
  // Safetensors weights at the root, single file or shards.
  const weights = answer.files.filter((f) => f.path.endsWith(".safetensors") && !f.path.includes("/"));
  const bytes = weights.reduce((n, f) => n + f.size, 0);
  // With several GPU choices, the fit of the first that holds the weights: the deploy goes there.
  const fits = weights.length > 0 ? [ctx, ...(ctx.fallbacks ?? [])].map((g) => fitFinding(bytes, g)) : [];
  const fit = fits.find((f) => f.finding.severity !== "fail") ?? fits[0];
  const findings = factFindings(answer, ctx, weights.length > 0, fit?.finding);
  return {
    ok: !findings.some((f) => f.severity === "fail"),
    checked: true,
    findings,
    revision: answer.sha,
    smokeRoute: answer.chatTemplate === false ? "completions" : "chat",
    weightBytes: bytes,
    memoryRatio: fit?.ratio,
    elapsedMs,
  };
}
