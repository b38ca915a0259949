// The pre-flight: before anything is created or updated on Friendli, ask the Hugging Face Hub
// whether the model can be deployed at all. Light on purpose: the Hub client and undici's fetch are
// imported only when it runs, so a run with the pre-flight turned off never loads them.

import { PREFLIGHT_BUDGET_MS } from "../base/timing.ts";
import { isAllowedBaseUrl } from "../friendli/request-policy.ts";
import { DEFAULT_HUB_URL } from "../inputs/fields.ts";
import { decide } from "./decide.ts";
import type { AskHubOptions } from "./hub.ts";
import type { PreflightContext, PreflightResult } from "./types.ts";

export interface PreflightOptions
  extends Omit<AskHubOptions, "deadlineMs">,
    Pick<PreflightContext, "instanceOptionId" | "gpuLabel" | "fallbacks"> {
  budgetMs?: number;
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
  const url = URL.parse(fromEnv);
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
  // hf-token is sent to the Hub only, never printed; an empty one is none.
  const hfToken = o.hfToken || undefined;
  const { askHub } = await import("./hub.ts");
  const answer = await askHub({ ...o, hfToken, deadlineMs: started + (o.budgetMs ?? PREFLIGHT_BUDGET_MS) });
  return decide(answer, { ...o, hasToken: hfToken !== undefined }, o.clock.now() - started);
}
