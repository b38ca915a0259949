// Plain-text formatting shared by every layer: the waiter's log lines as well as the reports, so
// it belongs to neither.

/** "45s", "1m 02s", "1h 03m": what a person reads in logs and the summary. */
export function formatDuration(ms: number): string {
  const totalSeconds = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : 0;
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes}m ${pad2(totalSeconds % 60)}s`;
  return `${Math.floor(totalMinutes / 60)}h ${pad2(totalMinutes % 60)}m`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
