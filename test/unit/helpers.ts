// Shared by the unit tests.
import { readFileSync } from "node:fs";
import { virtualClock } from "../../src/base/clock.ts";

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

/** Every module a file loads at import time (type-only imports and dynamic import() excluded). */
export function staticGraph(entry: URL, seen = new Set<string>()): Set<string> {
  if (seen.has(entry.href)) return seen;
  seen.add(entry.href);
  const source = readFileSync(entry, "utf8");
  for (const m of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)";/gms)) {
    const spec = m[1] ?? "";
    if (spec.startsWith(".")) staticGraph(new URL(spec, entry), seen);
    else seen.add(spec);
  }
  return seen;
}
