// Shared by the unit tests.
import { virtualClock } from "../../src/clock.ts";

/** A virtual clock whose sleeps are recorded (their lengths, in order) before they run. */
export function recordingClock(): { clock: ReturnType<typeof virtualClock>; sleeps: number[] } {
  const clock = virtualClock();
  const sleeps: number[] = [];
  const sleep = clock.sleep;
  clock.sleep = (ms, signal) => {
    sleeps.push(ms);
    return sleep(ms, signal);
  };
  return { clock, sleeps };
}
