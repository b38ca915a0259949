// Time is injected everywhere (sleep, now, random) so tests and the benchmark drive it exactly.
import { setTimeout as delay } from "node:timers/promises";

export interface Clock {
  now(): number;
  /** Resolves after ms, or rejects with the signal's reason as soon as the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

/** setTimeout takes at most 2^31-1 ms; a larger value fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  // timers/promises rejects with an AbortError of its own: the callers look for the signal's reason.
  sleep: (ms, signal) =>
    delay(Math.min(Math.max(0, ms), MAX_TIMER_MS), undefined, { signal }).catch((err: unknown) => {
      throw signal?.aborted ? signal.reason : err;
    }),
};
