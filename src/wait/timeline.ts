// The timeline of a wait: one span per status/phase seen, for the summary's gantt chart and the
// timeout message. Pure functions over the span list the waiter owns.
import { formatDuration } from "../base/format.ts";

/** One stretch of time in one status/phase, e.g. { label: "DOWNLOADING_MODEL", startMs, endMs }. */
export interface PhaseSpan {
  /** spanLabel (./status-table.ts): the phase while INITIALIZING, otherwise the status. */
  label: string;
  startMs: number;
  /** Absent for the span still open when the run ended. */
  endMs?: number;
}

/** Ends the open span at `now`, when one is open. */
export function closeOpenSpan(timeline: PhaseSpan[], now: number): void {
  const open = timeline.at(-1);
  if (open && open.endMs === undefined) open.endMs = now;
}

/** Records that `label` was seen at `now`; true when that opened a new span. */
export function extendTimeline(timeline: PhaseSpan[], label: string, now: number): boolean {
  const open = timeline.at(-1);
  if (open && open.endMs === undefined && open.label === label) return false;
  closeOpenSpan(timeline, now);
  timeline.push({ label, startMs: now });
  return true;
}

/** "INITIALIZING 10s, DOWNLOADING_MODEL 4m 00s": what the wait saw, with the open span up to now. */
export function timelineText(timeline: readonly PhaseSpan[], now: number): string {
  return timeline
    .map((span) => `${span.label} ${formatDuration((span.endMs ?? now) - span.startMs)}`)
    .join(", ");
}
