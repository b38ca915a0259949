// Time is injected everywhere (sleep, now, random) so tests and the benchmark drive it exactly.

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
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        Math.min(Math.max(0, ms), MAX_TIMER_MS),
      );
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/** A clock whose sleeps advance virtual time instantly: for tests and the benchmark. */
export function virtualClock(start = Date.UTC(2026, 0, 1), random: () => number = () => 0.5) {
  let t = start;
  const clock: Clock & { advance(ms: number): void } = {
    now: () => t,
    random,
    advance: (ms) => {
      t += ms;
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      t += Math.max(0, ms);
      // Let pending I/O callbacks run so a virtual sleep still yields like a real one.
      await new Promise((r) => setImmediate(r));
      if (signal?.aborted) throw signal.reason;
    },
  };
  return clock;
}
