// The pre-flight's findings as the job summary and the dry run show them. Messages hold a repo name
// and commit the user or the Hub supplied, so every one is escaped here.

import { formatDuration } from "../base/format.ts";
import { escapeMarkdown } from "../base/markdown.ts";
import type { Finding, PreflightResult, Severity } from "./types.ts";

const MARK: Record<Severity, string> = { fail: "❌", warn: "⚠️", info: "✅" };
const WORD: Record<Severity, string> = { fail: "fail", warn: "warning", info: "ok" };

/** One plain line per finding, for the log and the dry run: "pre-flight fit: warning: …". */
export function findingLines(findings: readonly Finding[]): string[] {
  return findings.map((f) => `pre-flight ${f.check}: ${WORD[f.severity]}: ${f.message}`);
}

/** A warning finding as an annotation: the runner already says "warning", so the line does not. */
export function findingAnnotation(f: Finding): string {
  return `pre-flight ${f.check}: ${f.message}`;
}

function row(f: Finding): string {
  return `| ${MARK[f.severity]} | ${f.check} | ${escapeMarkdown(f.message)} |`;
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
    ...r.findings.map(row),
    "",
  ].join("\n");
}
