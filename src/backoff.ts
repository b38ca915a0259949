// Capped exponential backoff with full jitter: the one wait between retries, for the Friendli client,
// the Hub fetch and the smoke test. Pure; each caller passes its own base and cap (src/timing.ts).
import { RETRY_BACKOFF_BASE_MS, RETRY_BACKOFF_CAP_MS } from "./timing.ts";

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
}

/**
 * Capped exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a uniform wait in [0, min(cap, base * 2^(attempt-1))). `attempt` is the 1-based number
 * of the retry about to happen. Full jitter spreads many clients best; a 0 ms wait is allowed.
 */
export function backoffDelay(attempt: number, random: () => number, opts: BackoffOptions = {}): number {
  const baseMs = opts.baseMs ?? RETRY_BACKOFF_BASE_MS;
  const capMs = opts.capMs ?? RETRY_BACKOFF_CAP_MS;
  const exp = Math.min(Math.max(0, attempt - 1), 40);
  const ceiling = Math.min(capMs, baseMs * 2 ** exp);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}
