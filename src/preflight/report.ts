// The pre-flight's findings as the log, the job summary and the dry run show them. Messages hold a
// repo name and commit the user or the Hub supplied, so the summary escapes every one.

import { formatDuration } from "../base/format.ts";
import { escapeMarkdown } from "../base/markdown.ts";
import type { Finding, PreflightResult } from "./types.ts";

const MARK = { fail: "❌", warn: "⚠️", info: "✅" };
const WORD = { fail: "fail", warn: "warning", info: "ok" };

/** One plain line, for the log and the dry run: "pre-flight fit: warning: …". */
export function findingLine(f: Finding): string {
  return `pre-flight ${f.check}: ${WORD[f.severity]}: ${f.message}`;
}

export function findingLines(findings: readonly Finding[]): string[] {
  return findings.map(findingLine);
}

/** A summary section: the verdict, then a table of findings. */
export function renderPreflight(r: PreflightResult): string {
  const verdict = !r.ok
    ? "failed: nothing was created or updated"
    : r.checked
      ? "passed"
      : "skipped: the Hub could not be asked";
  return [
    `### Pre-flight ${verdict} (${formatDuration(r.elapsedMs, { tenths: true })})`,
    "",
    "| | check | finding |",
    "| --- | --- | --- |",
    ...r.findings.map((f) => `| ${MARK[f.severity]} | ${f.check} | ${escapeMarkdown(f.message)} |`),
    "",
  ].join("\n");
}
