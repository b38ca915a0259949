// Asking again, one way for every loop: askAgain, the loop of the waiter, the smoke test, the
// search for a created endpoint and retryLoop (the Friendli client, the Hub fetch, the post step's
// sweep check); and the wait between attempts (capped exponential backoff with full jitter, a
// server's Retry-After clamped). Each caller passes its own base and cap (src/base/timing.ts).
import { type Clock, MAX_TIMER_MS } from "./clock.ts";
import {
  MAX_RETRY_AFTER_MS,
  MIN_RETRY_AFTER_MS,
  RETRY_BACKOFF_BASE_MS,
  RETRY_BACKOFF_CAP_MS,
} from "./timing.ts";

interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
}

/**
 * Capped exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a uniform wait in [0, min(cap, base * 2^(attempt-1))), `attempt` the 1-based retry
 * about to happen. Full jitter spreads many clients best; a 0 ms wait is allowed.
 */
export function backoffDelay(attempt: number, random: () => number, opts: BackoffOptions = {}): number {
  const baseMs = opts.baseMs ?? RETRY_BACKOFF_BASE_MS;
  const capMs = opts.capMs ?? RETRY_BACKOFF_CAP_MS;
  const exp = Math.min(Math.max(0, attempt - 1), 40);
  const ceiling = Math.min(capMs, baseMs * 2 ** exp);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

interface RetryDelayInput extends BackoffOptions {
  /** 1-based number of the retry about to happen. */
  attempt: number;
  /** Parsed Retry-After in ms, when the server sent a usable one. */
  retryAfterMs?: number;
  random: () => number;
  nowMs: number;
  /** Absolute clock time after which no attempt may start. */
  deadlineMs: number;
  maxRetryAfterMs?: number;
}

/**
 * The wait a server's Retry-After gets: at least MIN_RETRY_AFTER_MS (a literal 0 would be a request
 * loop), at most maxMs (one bad header must not park a run). The one clamp of every Retry-After.
 */
export function clampRetryAfter(ms: number, maxMs: number = MAX_RETRY_AFTER_MS): number {
  return Math.min(Math.max(MIN_RETRY_AFTER_MS, ms), maxMs);
}

/**
 * The wait before the next attempt (the server's clamped Retry-After wins over backoff), or
 * undefined when that attempt could not start before the deadline: an attempt starting at the
 * deadline has no time left to finish, so the caller fails at once instead of sleeping in vain.
 */
export function retryDelay(input: RetryDelayInput): number | undefined {
  const wanted =
    input.retryAfterMs !== undefined
      ? clampRetryAfter(input.retryAfterMs, input.maxRetryAfterMs)
      : backoffDelay(input.attempt, input.random, input);
  const delay = Math.min(wanted, MAX_TIMER_MS);
  if (!Number.isFinite(delay) || input.nowMs + delay >= input.deadlineMs) return undefined;
  return delay;
}

/** One round's word: the loop's answer, or ask again after `waitMs` (at once when absent). */
type Round<T> = { done: T } | { waitMs?: number };

interface AskAgain<T> {
  clock: Clock;
  signal?: AbortSignal;
  round(n: number): Promise<Round<T>>;
  /** The run was cancelled, before a round or during a wait: throw, or the loop's answer. */
  aborted(reason: unknown): T;
}

/**
 * Asks again until a round answers: the one loop of every poll and retry. Each caller's round
 * decides, by its own deadline, whether to answer or how long to wait.
 */
export async function askAgain<T>(o: AskAgain<T>): Promise<T> {
  for (let n = 1; ; n++) {
    if (o.signal?.aborted) return o.aborted(o.signal.reason);
    const r = await o.round(n);
    if ("done" in r) return r.done;
    if (r.waitMs === undefined) continue;
    try {
      await o.clock.sleep(r.waitMs, o.signal);
    } catch (err) {
      return o.aborted(err);
    }
  }
}

interface RetryLoop<T> extends Omit<AskAgain<T>, "round"> {
  /** Absolute clock time after which no attempt starts. */
  deadlineMs: number;
  backoff?: BackoffOptions;
  /** Attempt n (1-based). */
  attempt(n: number): Promise<T>;
  /** Attempt n failed: throw to stop, or say what the server asked to wait (Retry-After). */
  failed(err: unknown, n: number): { retryAfterMs?: number };
  /** No attempt can start: the deadline passed ("before"), or the next wait would end after it. */
  outOfTime(when: "before" | "wait"): never;
  /** About to wait `delayMs` before attempt n + 1 (the place for a log line). */
  waiting?(n: number, delayMs: number): void;
}

/** Attempts until one succeeds, `failed` stops, the deadline comes or the run is cancelled. */
export function retryLoop<T>(o: RetryLoop<T>): Promise<T> {
  return askAgain<T>({
    ...o,
    round: async (n) => {
      if (o.clock.now() >= o.deadlineMs) o.outOfTime("before");
      let retryAfterMs: number | undefined;
      try {
        return { done: await o.attempt(n) };
      } catch (err) {
        ({ retryAfterMs } = o.failed(err, n));
      }
      const waitMs = retryDelay({
        attempt: n,
        retryAfterMs,
        random: () => o.clock.random(),
        nowMs: o.clock.now(),
        deadlineMs: o.deadlineMs,
        ...o.backoff,
      });
      if (waitMs === undefined) o.outOfTime("wait");
      o.waiting?.(n, waitMs);
      return { waitMs };
    },
  });
}
