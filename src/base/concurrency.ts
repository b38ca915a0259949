// Bounded concurrency: the one way the action runs many requests at once (the name lookup, the
// sweep). A few lines here rather than p-limit: none of the chosen libraries has it.

/**
 * Runs fn over items with at most `limit` calls in flight, started in input order. Stops starting
 * new work after the first failure or an abort, and rethrows that failure.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  // One iterator shared by the workers: each item is taken once.
  const queue = items.entries();
  let failed = false;
  const worker = async () => {
    for (const [i, item] of queue) {
      if (failed) return;
      signal?.throwIfAborted();
      try {
        results[i] = await fn(item);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
