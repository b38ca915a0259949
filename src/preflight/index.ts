// The pre-flight: before anything is created or updated on Friendli, ask the Hugging Face Hub
// whether the model can be deployed at all. Light on purpose: the Hub client and undici's fetch are
// imported only when it runs, so a run with the pre-flight turned off never loads them.

import type { Dispatcher } from "undici";
import type { Clock } from "../base/clock.ts";
import { HUB_ATTEMPT_TIMEOUT_MS, HUB_ATTEMPTS, PREFLIGHT_BUDGET_MS } from "../base/timing.ts";
import { isAllowedBaseUrl } from "../friendli/request-policy.ts";
import { DEFAULT_HUB_URL } from "../inputs/fields.ts";
import { decide } from "./decide.ts";
import type { PreflightContext, PreflightResult } from "./types.ts";

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

/**
 * The Hub's address. The `hf-endpoint` input wins when it was changed from its default; left at the
 * default, HF_ENDPOINT (which the Hub's own tools honour, e.g. a mirror set for the whole runner)
 * chooses, when it is a URL the action may send a token to. `ignored` says why HF_ENDPOINT was not.
 */
export function hubUrlFrom(
  input: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { url: string; ignored?: string } {
  const given = input?.trim().replace(/\/+$/, "");
  if (given && given !== DEFAULT_HUB_URL) return { url: given };
  const fromEnv = env.HF_ENDPOINT?.trim();
  if (!fromEnv) return { url: DEFAULT_HUB_URL };
  let url: URL | undefined;
  try {
    url = new URL(fromEnv);
  } catch {
    url = undefined;
  }
  if (!url || !isAllowedBaseUrl(url) || url.username || url.password || url.search || url.hash) {
    return {
      url: DEFAULT_HUB_URL,
      ignored: `HF_ENDPOINT is not an https base URL (http only for loopback hosts) without credentials or query: the pre-flight asks ${DEFAULT_HUB_URL}`,
    };
  }
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
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
