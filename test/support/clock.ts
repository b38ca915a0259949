// The clock tests and the benchmarks inject in place of src/base/clock.ts's systemClock.
import type { Clock } from "../../src/base/clock.ts";

/** Sleeps advance virtual time at once: minutes of waiting take milliseconds, exactly. */
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
