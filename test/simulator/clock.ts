/** Milliseconds since the epoch. The simulator never schedules timers for its lifecycle: it asks this lazily. */
export interface SimClock {
  now(): number;
}

export interface ManualClock extends SimClock {
  advance(ms: number): number;
  set(ms: number): void;
}

export const systemClock: SimClock = { now: () => Date.now() };

/** A clock that moves only when told, so a test can share it with the code under test. */
export function manualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
      return t;
    },
    set(ms: number) {
      t = ms;
    },
  };
}
