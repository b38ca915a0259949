// Retrying, one way for every loop: the shape of the loop (retryLoop, for the Friendli client and the
// Hub fetch) and the wait between attempts (capped exponential backoff with full jitter, a server's
// Retry-After clamped, no attempt that could not start before the deadline), which the smoke test's
// own loop uses too. Each caller passes its own base and cap (src/base/timing.ts).
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

interface RetryDelayInput extends BackoffOptions {
  /** 1-based number of the retry about to happen (the first retry is 1). */
  attempt: number;
  /** Parsed Retry-After in ms, when the server sent a usable one. */
  retryAfterMs?: number;
  random: () => number;
  nowMs: number;
  /** Absolute clock time after which no attempt may start. */
  deadlineMs: number;
  /** A server asking for longer than this gets this much: one bad header must not park a run. */
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
 * The wait before the next attempt, or undefined when that attempt could not start before the
 * deadline (the caller then fails with kind "deadline" instead of sleeping in vain). The server's
 * Retry-After wins over backoff; it is clamped to [0, maxRetryAfterMs]. We never wait until or
 * past the deadline: an attempt starting at the deadline has no time left to finish.
 */
export function retryDelay(input: RetryDelayInput): number | undefined {
  const wanted =
    input.retryAfterMs !== undefined
      ? clampRetryAfter(input.retryAfterMs, input.maxRetryAfterMs)
      : backoffDelay(input.attempt, input.random, input);
  const delay = Math.min(wanted, MAX_TIMER_MS);
  if (!Number.isFinite(delay)) return undefined;
  if (input.nowMs + delay >= input.deadlineMs) return undefined;
  return delay;
}

export interface RetryLoop<T> {
  clock: Clock;
  signal: AbortSignal;
  /** Absolute clock time after which no attempt starts. */
  deadlineMs: number;
  backoff?: BackoffOptions;
  /** Attempt n (1-based). */
  attempt(n: number): Promise<T>;
  /** Attempt n failed: throw to stop, or say what the server asked to wait (Retry-After). */
  failed(err: unknown, n: number): { retryAfterMs?: number };
  /** No attempt can start: the deadline passed ("before"), or the next wait would end after it. */
  outOfTime(when: "before" | "wait"): never;
  /** The run was cancelled, before an attempt or during a wait. */
  aborted(reason: unknown): never;
  /** About to wait `delayMs` before attempt n + 1 (the place for a log line). */
  waiting?(n: number, delayMs: number): void;
}

/** Attempts until one succeeds, `failed` stops, the deadline comes or the run is cancelled. */
export async function retryLoop<T>(o: RetryLoop<T>): Promise<T> {
  for (let n = 1; ; n++) {
    if (o.signal.aborted) o.aborted(o.signal.reason);
    if (o.clock.now() >= o.deadlineMs) o.outOfTime("before");
    let retryAfterMs: number | undefined;
    try {
      return await o.attempt(n);
    } catch (err) {
      ({ retryAfterMs } = o.failed(err, n));
    }
    const delay = retryDelay({
      attempt: n,
      retryAfterMs,
      random: () => o.clock.random(),
      nowMs: o.clock.now(),
      deadlineMs: o.deadlineMs,
      ...o.backoff,
    });
    if (delay === undefined) o.outOfTime("wait");
    o.waiting?.(n, delay);
    try {
      await o.clock.sleep(delay, o.signal);
    } catch (err) {
      o.aborted(err);
    }
  }
}
