// Ordering what two runs (or a run and a signal) do at once, for the dist tests that race them
// against one simulator: wait for a moment the simulator logs, and hold a request until released
// (the simulator's `hold` fault takes the gate's promise).

/** Resolves once `ok()` holds, polling every 10 ms; throws after `timeoutMs`. */
export async function until(what: string, ok: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!ok()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A promise the test settles when it chooses. */
export function gate(): { until: Promise<void>; open: () => void } {
  let open = () => {};
  const until = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { until, open };
}
