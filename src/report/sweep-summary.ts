// The job summary of a sweep: one table row per preview endpoint (endpoint, PR, state, age,
// action taken), then the failures and warnings. Every value from outside (endpoint names and ids,
// GitHub's and Friendli's error texts) goes through escapeMarkdown.
import { formatDuration } from "../format.ts";
import type { Result } from "../names.ts";
// Types only: the summary must not load the sweep's executor.
import type { SweepReport, SweepRow } from "../operations/sweep.ts";
import { escapeMarkdown } from "./markdown.ts";

const HEADINGS: Partial<Record<Result, string>> = {
  swept: "🧹 Friendli sweep: stale previews deleted",
  planned: "📝 Friendli sweep (dry run): previews that would be deleted",
  clean: "✅ Friendli sweep: nothing to delete",
  failed: "❌ Friendli sweep: failed",
  "timed-out": "⏱️ Friendli sweep: timed out (wait-timeout)",
  cancelled: "🚫 Friendli sweep: cancelled",
};

const ACTIONS: Record<SweepRow["action"], string> = {
  deleted: "🗑️ deleted",
  "would-delete": "📝 would delete",
  pending: "⏹️ not confirmed: the run stopped before the delete answered",
  kept: "kept",
  "delete-failed": "❌ delete failed",
};

/** A GitHub summary renders thousands of rows slowly; the rest is counted, not listed. */
const MAX_ROWS = 200;

interface SweepSummaryOptions {
  dryRun: boolean;
  /** `max-age` as the user wrote it, shown beside the heading. */
  maxAge?: string;
  /** The run's result when it is not the sweep's own (a timeout or a cancellation ended it). */
  result?: Result;
}

export function renderSweepSummary(r: SweepReport, opts: SweepSummaryOptions): string {
  const result = opts.result ?? r.result;
  const parts = [`## ${HEADINGS[result] ?? `Friendli sweep: ${result}`}`, intro(r, opts)];
  if (r.rows.length > 0) parts.push(table(r.rows));
  if (r.failures.length > 0)
    parts.push(`### Failures\n\n${r.failures.map((f) => `- ❌ ${escapeMarkdown(f)}`).join("\n")}`);
  if (r.warnings.length > 0)
    parts.push(`### Warnings\n\n${r.warnings.map((w) => `- ⚠️ ${escapeMarkdown(w)}`).join("\n")}`);
  return `${parts.join("\n\n")}\n`;
}

function intro(r: SweepReport, opts: SweepSummaryOptions): string {
  const count = (a: SweepRow["action"]) => r.rows.filter((row) => row.action === a).length;
  const facts = [
    `${r.rows.length} preview endpoint(s) of this repository`,
    opts.dryRun ? `${count("would-delete")} would be deleted` : `${count("deleted")} deleted`,
    `${count("kept")} kept`,
  ];
  if (count("delete-failed") > 0) facts.push(`${count("delete-failed")} could not be deleted`);
  if (count("pending") > 0) facts.push(`${count("pending")} not confirmed deleted (the run stopped)`);
  if (r.othersLeftAlone > 0) facts.push(`${r.othersLeftAlone} other endpoint(s) of the project left alone`);
  const age = opts.maxAge ? ` max-age: ${escapeMarkdown(opts.maxAge)}.` : "";
  const dry = opts.dryRun ? " `dry-run: true`: nothing was deleted." : "";
  return `${facts.join(" · ")}.${age}${dry}`;
}

function table(rows: SweepRow[]): string {
  const lines = ["| Endpoint | PR | State | Age | Action | Why |", "| --- | --- | --- | --- | --- | --- |"];
  for (const row of rows.slice(0, MAX_ROWS)) {
    lines.push(
      `| ${esc(row.name)} (${esc(row.id)}) | #${row.prNumber} | ${prState(row)} | ${formatAge(row.ageMs)} | ` +
        `${ACTIONS[row.action]} | ${esc(row.reason)} |`,
    );
  }
  if (rows.length > MAX_ROWS) lines.push(`| and ${rows.length - MAX_ROWS} more | | | | | |`);
  return lines.join("\n");
}

function prState(row: SweepRow): string {
  switch (row.pr.kind) {
    case "open":
      return "open";
    case "closed":
      return row.pr.merged ? "merged" : "closed";
    case "unknown":
      return "unknown (404)";
    case "error":
      return "unknown (error)";
  }
}

/** For the log and the summary: "3h 05m", or "unknown". */
function formatAge(ageMs: number | undefined): string {
  return ageMs === undefined ? "unknown" : formatDuration(ageMs);
}

function esc(value: string): string {
  return escapeMarkdown(value, { maxLength: 100, newlines: "space" });
}
