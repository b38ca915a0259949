// The pre-flight: before anything is created or updated on Friendli, ask the Hugging Face Hub
// whether the model can be deployed at all. Light on purpose: the Hub client and undici's fetch are
// imported only when it runs, so a run with the pre-flight turned off never loads them.

import type { Dispatcher } from "undici";
import type { Clock } from "../clock.ts";
import { decide } from "./decide.ts";
import type { PreflightContext, PreflightResult } from "./types.ts";

export type { Finding, PreflightResult, Severity } from "./types.ts";

export const DEFAULT_HUB_URL = "https://huggingface.co";
/** The whole pre-flight, retries included: a slow Hub costs seconds, never the deploy. */
export const PREFLIGHT_BUDGET_MS = 20_000;
export const HUB_ATTEMPT_TIMEOUT_MS = 8000;
export const HUB_ATTEMPTS = 3;

export interface PreflightOptions {
  repo: string;
  /** The `hf-model-revision` input; undefined resolves the default branch. */
  revision: string | undefined;
  /** The `hf-token` input: sent to the Hub only, never printed. */
  hfToken: string | undefined;
  /** The `hf-endpoint` input (see hubUrlFrom). */
  hubUrl: string;
  instanceOptionId: string;
  gpuLabel: string;
  clock: Clock;
  signal: AbortSignal;
  /** The action's proxy-aware dispatcher (createDefaultDispatcher). */
  dispatcher: Dispatcher;
  budgetMs?: number;
  attemptTimeoutMs?: number;
  attempts?: number;
  /** Tests: fires an attempt's timeout on demand. */
  attemptTimer?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The Hub's address: the input, else HF_ENDPOINT (as the Hub's own tools honour it), else huggingface.co. */
export function hubUrlFrom(input: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = input?.trim() || env.HF_ENDPOINT?.trim() || DEFAULT_HUB_URL;
  return chosen.replace(/\/+$/, "");
}

/**
 * Asks the Hub and decides. Never throws for anything the Hub does (an unreachable Hub is a warning
 * in the result); rejects only when the run's signal aborts.
 */
export async function runPreflight(o: PreflightOptions): Promise<PreflightResult> {
  const started = o.clock.now();
  const ctx: PreflightContext = {
    repo: o.repo,
    revision: o.revision,
    hasToken: o.hfToken !== undefined && o.hfToken !== "",
    instanceOptionId: o.instanceOptionId,
    gpuLabel: o.gpuLabel,
  };
  const { askHub } = await import("./hub.ts");
  const answer = await askHub({
    hubUrl: o.hubUrl,
    repo: o.repo,
    revision: o.revision,
    hfToken: ctx.hasToken ? o.hfToken : undefined,
    dispatcher: o.dispatcher,
    clock: o.clock,
    signal: o.signal,
    deadlineMs: started + (o.budgetMs ?? PREFLIGHT_BUDGET_MS),
    attemptTimeoutMs: o.attemptTimeoutMs ?? HUB_ATTEMPT_TIMEOUT_MS,
    attempts: o.attempts ?? HUB_ATTEMPTS,
    ...(o.attemptTimer ? { attemptTimer: o.attemptTimer } : {}),
  });
  return decide(answer, ctx, o.clock.now() - started);
}
