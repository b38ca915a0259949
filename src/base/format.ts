// Plain-text formatting shared by every layer: the log lines as well as the reports.

/**
 * "45s", "1m 02s", "1h 03m": what a person reads in logs and the summary, the one duration format.
 * `tenths` keeps a tenth of a second under a minute ("0.5s", "3.2s"): short waits and timings.
 */
export function formatDuration(ms: number, opts: { tenths?: boolean } = {}): string {
  const valid = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (opts.tenths && valid < 59_950) return `${Math.round(valid / 100) / 10}s`;
  const totalSeconds = Math.round(valid / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  const pad2 = (n: number) => String(n).padStart(2, "0");
  if (totalMinutes < 60) return `${totalMinutes}m ${pad2(totalSeconds % 60)}s`;
  return `${Math.floor(totalMinutes / 60)}h ${pad2(totalMinutes % 60)}m`;
}

interface TruncateOptions {
  /**
   * Keep `max` code points and put the '…' after them (max + 1 in all), as log and error excerpts
   * do. By default the '…' counts toward `max`: a hard length limit, such as the API's.
   */
  ellipsisAfter?: boolean;
  /** Drop the whitespace a cut leaves before the '…'. */
  trimCut?: boolean;
}

/**
 * `text` when it has at most `max` code points; else cut, ending in '…'. Counted and cut in code
 * points, not UTF-16 units: a cut through a surrogate pair would leave half an emoji, which
 * JSON.stringify prints as \udXXX.
 */
export function truncate(text: string, max: number, opts: TruncateOptions = {}): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const kept = chars.slice(0, opts.ellipsisAfter ? max : max - 1).join("");
  return `${opts.trimCut ? kept.trimEnd() : kept}…`;
}

/** A value as a message echoes it: enough to recognise, never a wall (past 61 code points, 60 and '…'). */
export function clip(value: string): string {
  return truncate(value, 61);
}

/** Runs of whitespace, line breaks included, as one space; trimmed. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
