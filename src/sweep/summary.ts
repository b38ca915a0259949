// The job summary of a sweep: one table row per preview endpoint (endpoint, PR, state, age,
// action taken), then the failures and warnings. Every value from outside (endpoint names and ids,
// GitHub's and Friendli's error texts) goes through escapeMarkdown.

import { formatDuration } from "../base/format.ts";
import { escapeMarkdown } from "../base/markdown.ts";
import type { Result } from "../base/names.ts";
import { usd } from "../cost/estimate.ts";
// Types only: the summary must not load the sweep's executor.
import type { SweepReport, SweepRow } from "./execute.ts";

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
  slept: "💤 put to sleep",
  "would-sleep": "📝 would put to sleep",
  "sleep-failed": "❌ sleep failed",
};

/** A GitHub summary renders thousands of rows slowly; the rest is counted, not listed. */
const MAX_ROWS = 200;

interface SweepSummaryOptions {
  dryRun: boolean;
  /** `max-age` as the user wrote it, shown beside the heading. */
  maxAge?: string;
  /** The run's result (a timeout or a cancellation may have ended it). */
  result: Result;
}

export function renderSweepSummary(r: SweepReport, opts: SweepSummaryOptions): string {
  const heading = HEADINGS[opts.result] ?? `Friendli sweep: ${opts.result}`;
  // The headings end in the verb: "stale previews deleted", "nothing to delete".
  const parts = [`## ${r.sleep ? heading.replace(/deleted?$/, "put to sleep") : heading}`, intro(r, opts)];
  if (r.rows.length > 0) parts.push(table(r.rows));
  const cost = costTable(r.rows, opts.dryRun);
  if (cost) parts.push(cost);
  if (r.closed?.length)
    parts.push(
      "### Deployments closed\n\nNo endpoint of these previews is left; their GitHub deployments still stood " +
        `and are now marked inactive:\n\n${r.closed.map((n) => `- ${esc(n)}`).join("\n")}`,
    );
  if (r.failures.length > 0)
    parts.push(`### Failures\n\n${r.failures.map((f) => `- ❌ ${escapeMarkdown(f)}`).join("\n")}`);
  if (r.warnings.length > 0)
    parts.push(`### Warnings\n\n${r.warnings.map((w) => `- ⚠️ ${escapeMarkdown(w)}`).join("\n")}`);
  return `${parts.join("\n\n")}\n`;
}

function intro(r: SweepReport, opts: SweepSummaryOptions): string {
  const count = (a: SweepRow["action"]) => r.rows.filter((row) => row.action === a).length;
  const [done, would, failed, verb] = r.sleep
    ? (["slept", "would-sleep", "sleep-failed", "put to sleep"] as const)
    : (["deleted", "would-delete", "delete-failed", "deleted"] as const);
  const facts = [
    `${r.rows.length} preview endpoint(s) of this repository`,
    opts.dryRun ? `${count(would)} would be ${verb}` : `${count(done)} ${verb}`,
    `${count("kept")} kept`,
  ];
  if (count(failed) > 0) facts.push(`${count(failed)} could not be ${verb}`);
  if (count("deleted") > 0 && r.sleep) facts.push(`${count("deleted")} already gone`);
  if (count("pending") > 0) facts.push(`${count("pending")} not confirmed deleted (the run stopped)`);
  if (r.othersLeftAlone > 0) facts.push(`${r.othersLeftAlone} other endpoint(s) of the project left alone`);
  const age = opts.maxAge ? ` max-age: ${escapeMarkdown(opts.maxAge)}.` : "";
  const dry = opts.dryRun ? ` \`dry-run: true\`: nothing was ${verb}.` : "";
  return `${facts.join(" · ")}.${age}${dry}`;
}

function table(rows: SweepRow[]): string {
  const lines = ["| Endpoint | PR | State | Age | Action | Why |", "| --- | --- | --- | --- | --- | --- |"];
  for (const row of rows.slice(0, MAX_ROWS)) {
    const state = row.pr.kind === "closed" && row.pr.merged ? "merged" : PR_STATES[row.pr.kind];
    const age = row.ageMs === undefined ? "unknown" : formatDuration(row.ageMs);
    lines.push(
      `| ${esc(row.name)} (${esc(row.id)}) | #${row.prNumber} | ${state} | ${age} | ` +
        `${ACTIONS[row.action]} | ${esc(row.reason)} |`,
    );
  }
  if (rows.length > MAX_ROWS) lines.push(`| and ${rows.length - MAX_ROWS} more | | | | | |`);
  return lines.join("\n");
}

/**
 * What each deleted (or, in a dry run, doomed) preview cost so far and what deleting it frees per
 * hour at its max replicas, with the totals. Figures the action computed or summed itself.
 */
function costTable(rows: SweepRow[], dryRun: boolean): string | undefined {
  const doomed = rows.filter((r) => ["deleted", "would-delete", "slept", "would-sleep"].includes(r.action));
  if (!doomed.some((r) => r.hourlyUsd !== undefined || r.costToDateUsd !== undefined)) return undefined;
  // A dry run reads no cost report: only what deleting would free.
  const line = (name: string, soFar: string, hourly: string) =>
    dryRun ? `| ${name} | ${hourly} |` : `| ${name} | ${soFar} | ${hourly} |`;
  const known = (unit: string, value: number | undefined) =>
    value === undefined ? "unknown" : `${usd(value)}${unit}`;
  const total = (unit: string, values: Array<number | undefined>) =>
    `${usd(Math.round(values.reduce<number>((n, v) => n + (v ?? 0), 0) * 100) / 100)}${unit}` +
    (values.includes(undefined) ? " (of those known)" : "");
  const lines = [
    "### What they cost",
    "",
    line("Endpoint", "Cost so far", `${dryRun ? "Would free" : "Frees"} per hour (at max replicas)`),
    dryRun ? "| --- | --- |" : "| --- | --- | --- |",
    ...doomed
      .slice(0, MAX_ROWS)
      .map((r) =>
        line(`${esc(r.name)} (${esc(r.id)})`, known("", r.costToDateUsd), known("/h", r.hourlyUsd)),
      ),
  ];
  if (doomed.length > MAX_ROWS) lines.push(line(`and ${doomed.length - MAX_ROWS} more`, "", ""));
  const soFar = doomed.map((r) => r.costToDateUsd);
  const hourly = doomed.map((r) => r.hourlyUsd);
  lines.push(line("**Total**", total("", soFar), total("/h", hourly)));
  return lines.join("\n");
}

const PR_STATES: Record<SweepRow["pr"]["kind"], string> = {
  open: "open",
  closed: "closed",
  unknown: "unknown (404)",
  unreadable: "unknown (unreadable answer)",
  error: "unknown (error)",
};

function esc(value: string): string {
  return escapeMarkdown(value, { maxLength: 100, newlines: "space" });
}
