// The job summary ($GITHUB_STEP_SUMMARY), written once at the end of every run, failures included.
// Pure: returns Markdown; main.ts writes it. Every value that came from outside (names, ids,
// messages, replies, error codes) goes through escapeMarkdown or mermaidText.

import { formatDuration } from "../base/format.ts";
import { codeBlock, escapeMarkdown, mermaidText } from "../base/markdown.ts";
import type { Result } from "../base/names.ts";
import { costRows } from "../cost/words.ts";
import { renderPreflight } from "../preflight/report.ts";
import type { SmokeCheck } from "../smoke/answer.ts";
import { renderSweepSummary } from "../sweep/summary.ts";
import { classifyStatus, type StatusClass } from "../wait/status-table.ts";
import { curlCommand } from "./curl.ts";
import type { RunReport } from "./run-report.ts";

const HEADINGS: Record<Result, { icon: string; text: string }> = {
  created: { icon: "✅", text: "Endpoint created" },
  updated: { icon: "✅", text: "Endpoint updated" },
  reused: { icon: "✅", text: "Endpoint reused" },
  unchanged: { icon: "✅", text: "Endpoint unchanged (already as asked: nothing sent)" },
  deleted: { icon: "🗑️", text: "Endpoint deleted" },
  "not-found": { icon: "➖", text: "Endpoint not found" },
  planned: { icon: "📝", text: "Dry run: nothing changed" },
  skipped: { icon: "⏭️", text: "Skipped" },
  failed: { icon: "❌", text: "Failed" },
  "timed-out": { icon: "⏱️", text: "Timed out" },
  cancelled: { icon: "🚫", text: "Cancelled" },
  swept: { icon: "🧹", text: "Stale previews deleted" },
  clean: { icon: "✅", text: "No stale previews" },
  "rolled-back": { icon: "↩️", text: "Update failed, previous version restored" },
  slept: { icon: "💤", text: "Endpoint asleep (its GPUs freed)" },
  woken: { icon: "✅", text: "Endpoint awake" },
  restarted: { icon: "✅", text: "Endpoint restarted" },
};

/** Results after which the endpoint is there to be called. */
const CALLABLE = new Set<Result>([
  "created",
  "updated",
  "reused",
  "unchanged",
  "rolled-back",
  "woken",
  "restarted",
]);

/**
 * What a status means for this run, by the waiter's own state table, so the reports never call
 * "ready" or "failed" what the wait did not (SLEEPING is ready only with min-replicas 0).
 */
export function statusClass(r: RunReport, status = r.status ?? ""): StatusClass {
  return classifyStatus(status, {
    minReplicas: r.replicas?.min ?? 0,
    // While deleting, every status is on the way out: TERMINATING is progress, not a failure.
    target: r.operation === "delete" ? "gone" : r.operation === "sleep" ? "sleeping" : "running",
  });
}

/**
 * What became of the endpoint after a run that went wrong, and whether deleting it is the
 * reader's business: only an endpoint this run created is (never one that was there before, e.g.
 * refused by `if-exists: fail`). Plain Markdown with the action's own code spans.
 */
export function endpointFate(r: RunReport): string | undefined {
  if (r.deletedAfterFailure) {
    return "The endpoint was deleted because the run failed (`delete-on-failure: true`): it no longer serves requests or uses a GPU.";
  }
  if (!r.endpointId) return undefined;
  const unfinished = r.result === "timed-out" || r.result === "cancelled";
  // `wait: false` or `if-exists: reuse` can end a "successful" run on an endpoint that failed.
  const broken =
    r.result === "failed" ||
    (CALLABLE.has(r.result) && r.result !== "rolled-back" && statusClass(r) === "failure");
  if (!unfinished && !broken) return undefined;
  if (r.operation === "delete") return "The delete did not finish: the endpoint may still exist.";
  if (r.operation !== "deploy") return undefined;
  const created = createdByThisRun(r);
  if (created === false) return "The endpoint existed before this run, so the run left it in place.";
  if (unfinished) return "The endpoint may still be provisioning and using a GPU.";
  return created
    ? "The endpoint may still exist and use a GPU: delete it with `operation: delete` if it is not needed."
    : "The endpoint may still exist: if this run created it and it is not needed, delete it with `operation: delete`.";
}

const FAILED_CHECK: Record<SmokeCheck, string> = {
  answer: "the smoke test got no usable reply within its window",
  expect: "the smoke test's reply did not contain `smoke-test-expect`",
  "max-ttft": "the smoke test's time to first token missed `smoke-test-max-ttft-ms`",
};

/** After a rollback: what failed (the rollout, or which check of the smoke test) and what was put back. */
export function rolledBackText(r: RunReport): string | undefined {
  const p = r.previous;
  if (!r.rolledBack || !p) return undefined;
  const why = r.failedCheck ? FAILED_CHECK[r.failedCheck] : "the new version did not deploy";
  const what = `${modelCell(p.model)} · ${escapeMarkdown(p.gpu)} · replicas ${p.replicas.min}–${p.replicas.max}`;
  return `\`rollback-on-failure\`: ${why}, so the settings of GitHub deployment ${p.deploymentId} (${what}) were put back, and the endpoint serves them again.`;
}

function createdByThisRun(r: RunReport): boolean | undefined {
  if (r.createdByThisRun !== undefined) return r.createdByThisRun;
  if (r.result === "created") return true;
  return r.result === "updated" || r.result === "reused" ? false : undefined;
}

export function renderSummary(r: RunReport): string {
  if (r.sweep) return sweepSummary(r, r.sweep);
  const parts = [heading(r), detailsTable(r)];
  if (r.message) parts.push(`> ${escapeMarkdown(r.message)}`);
  const back = rolledBackText(r);
  if (back) parts.push(back);
  if (r.hint) parts.push(`**What to do:** ${escapeMarkdown(r.hint, { inlineCode: true })}`);
  const fate = endpointFate(r);
  if (fate) parts.push(fate);
  if (r.preflight) parts.push(renderPreflight(r.preflight).trimEnd());
  if (r.timeline.length > 0) parts.push(timeline(r));
  if (r.warnings.length > 0) {
    parts.push(`### Warnings\n\n${r.warnings.map((w) => `- ⚠️ ${escapeMarkdown(w)}`).join("\n")}`);
  }
  if (r.plannedRequest) parts.push(plannedRequest(r.plannedRequest));
  if (r.smokeTest) parts.push(smokeTest(r.smokeTest));
  if (r.endpointId && r.inferenceUrl && CALLABLE.has(r.result) && statusClass(r) !== "failure") {
    parts.push(howToCall(r.endpointId, r.inferenceUrl));
  }
  return `${parts.join("\n\n")}\n`;
}

function heading(r: RunReport): string {
  const { icon, text } = HEADINGS[r.result];
  const name = r.endpointName || r.endpointId;
  const status = r.status ? ` (${escapeMarkdown(r.status, { newlines: "space" })})` : "";
  return `## ${icon} Friendli ${r.operation}: ${text}${name ? ` · ${escapeMarkdown(name, { newlines: "space" })}` : ""}${status}`;
}

/** A two-column table of the rows that have a value. */
function table(rows: Array<[string, string | false | undefined]>): string {
  const filled = rows.filter(([, value]) => value).map(([key, value]) => `| ${key} | ${value} |`);
  return ["| | |", "| --- | --- |", ...filled].join("\n");
}

function detailsTable(r: RunReport): string {
  const id = r.endpointId && `id ${escapeMarkdown(r.endpointId)}`;
  // The version before this run, and after a rollback the one serving again.
  const p = r.previous;
  return table([
    ["Endpoint", r.endpointName ? `${escapeMarkdown(r.endpointName)}${id ? ` (${id})` : ""}` : id],
    [r.rolledBack ? "Requested model (failed)" : "Model", r.model && modelCell(r.model)],
    ["GPU", escapeMarkdown(r.gpu)],
    ["GPUs tried", r.gpuTried?.some((t) => t.why) && escapeMarkdown(triedText(r.gpuTried))],
    ["Replicas", r.replicas && `${r.replicas.min}–${r.replicas.max}`],
    [
      r.rolledBack ? "Serving again (rolled back)" : "Previous version",
      p && `${modelCell(p.model)} · ${escapeMarkdown(p.gpu)} · replicas ${p.replicas.min}–${p.replicas.max}`,
    ],
    ["GitHub deployment", deploymentLink(r.deployment)],
    ["Result", escapeMarkdown(r.result)],
    ["Status", escapeMarkdown(r.status)],
    ["Phase", escapeMarkdown(r.phase)],
    ["Error code", escapeMarkdown(r.errorCode)],
    ["Created", escapeMarkdown(r.createdAt)],
    ["Updated", escapeMarkdown(r.updatedAt)],
    ["Elapsed", elapsed(r)],
    // Figures the action computed or summed itself: nothing here is outside text.
    ...costRows(r.cost),
  ]);
}

/** "1x H100 got no VM in 10m; 1x H200": each GPU the endpoint was put on, and why it left it. */
function triedText(tried: NonNullable<RunReport["gpuTried"]>): string {
  return tried.map((t) => (t.why ? `${t.label} ${t.why}` : t.label)).join("; ");
}

export function elapsed(r: RunReport): string {
  return formatDuration(r.finishedAtMs - r.startedAtMs);
}

/** The GitHub deployment this run recorded, linked to its environment's deployments page. */
export function deploymentLink(d: RunReport["deployment"]): string | undefined {
  if (d?.id === undefined) return undefined;
  const text = `${d.id} in ${escapeMarkdown(d.environment, { maxLength: 120 })}`;
  const url = d.url ? safeUrl(d.url) : undefined;
  return url ? `[${text}](${url})` : text;
}

/** A URL that cannot end the Markdown link or open HTML, or undefined. */
export function safeUrl(url: string): string | undefined {
  return /^https?:\/\/[^\s<>()"'`\\[\]]+$/.test(url) ? url : undefined;
}

function modelCell(m: NonNullable<RunReport["model"]>): string {
  return escapeMarkdown(m.repo) + (m.revision ? `@${escapeMarkdown(m.revision)}` : "");
}

/**
 * A Mermaid gantt (job summaries render it) with a plain table below for where Mermaid does not
 * render (e-mail notifications, the raw file). Times are epoch ms (`dateFormat x`), so the axis
 * shows the reader's wall-clock time.
 */
function timeline(r: RunReport): string {
  const endedBadly = r.result === "failed" || r.result === "timed-out";
  const gantt = ["gantt", "  dateFormat x", "  axisFormat %H:%M:%S", "  section Endpoint"];
  const rows = ["| Phase | Started | Duration |", "| --- | --- | --- |"];
  for (const [i, span] of r.timeline.entries()) {
    const endMs = Math.max(span.startMs, span.endMs ?? r.finishedAtMs);
    const took = formatDuration(endMs - span.startMs);
    const open = span.endMs === undefined;
    // The span the run failed in: a FAILED/stopped status, or the phase a timeout cut short.
    const crit = statusClass(r, span.label) === "failure" || (endedBadly && i === r.timeline.length - 1);
    // An open span that has just begun (RUNNING seen on the last poll) is a moment, not a stretch.
    const milestone = open && endMs - span.startMs < 1000;
    const name = mermaidText(span.label) || "unnamed";
    const tags = (crit ? "crit" : open ? "active" : "done") + (milestone ? ", milestone" : "");
    gantt.push(`  ${milestone ? name : `${name} ${took}`} :${tags}, s${i}, ${span.startMs}, ${endMs}`);
    const started = `+${formatDuration(span.startMs - r.startedAtMs)}`;
    rows.push(
      `| ${escapeMarkdown(span.label)} | ${started} | ${took}${open ? " (until the end of the run)" : ""} |`,
    );
  }
  return `### Timeline\n\n${codeBlock(gantt.join("\n"), "mermaid")}\n\n${rows.join("\n")}`;
}

function plannedRequest(p: NonNullable<RunReport["plannedRequest"]>): string {
  const lines = ["### Planned request", "", `${escapeMarkdown(p.method)} ${escapeMarkdown(p.url)}`];
  if (p.body !== undefined) lines.push("", codeBlock(JSON.stringify(p.body, null, 2), "json"));
  return lines.join("\n");
}

function smokeTest(s: NonNullable<RunReport["smokeTest"]>): string {
  const ms = (value: number | undefined) => value !== undefined && `${Math.round(value)} ms`;
  return `### Smoke test\n\n${table([
    ["Route", escapeMarkdown(s.route)],
    ["Latency", ms(s.latencyMs)],
    ["Time to first token", ms(s.ttftMs)],
    ["Output tokens", s.outputTokens !== undefined && String(s.outputTokens)],
    ["Tokens per second", s.tokensPerSecond !== undefined && String(s.tokensPerSecond)],
    ["Reply", escapeMarkdown(s.reply, { maxLength: 500 }) || "(empty)"],
  ])}`;
}

// Ids and URLs go into a shell command a reader may paste: only plain ones are put there.
const SHELL_SAFE_ID = /^[A-Za-z0-9._:-]+$/;
const SHELL_SAFE_URL = /^https?:\/\/[A-Za-z0-9.:/_-]+$/;

function howToCall(endpointId: string, inferenceUrl: string): string {
  const base = inferenceUrl.replace(/\/+$/, "");
  const lines = [
    "### How to call it",
    "",
    `OpenAI-compatible: base URL ${escapeMarkdown(base)}, model ${escapeMarkdown(endpointId)} (the endpoint id), ` +
      "and a Friendli token as the bearer token.",
  ];
  if (SHELL_SAFE_ID.test(endpointId) && SHELL_SAFE_URL.test(base)) {
    lines.push(
      "",
      codeBlock(curlCommand(base, endpointId, "plain"), "bash"),
      "",
      'For a team endpoint, add `-H "X-Friendli-Team: <team id>"`.',
    );
  }
  return lines.join("\n");
}

/** A sweep's table, with what ended the run when that was not the sweep itself. */
function sweepSummary(r: RunReport, sweep: NonNullable<RunReport["sweep"]>): string {
  const body = renderSweepSummary(sweep, {
    dryRun: sweep.dryRun,
    result: r.result,
    ...(sweep.maxAgeMs === undefined ? {} : { maxAge: formatDuration(sweep.maxAgeMs) }),
  });
  // The sweep's own failures are listed in its table; a message beside them is what stopped the run.
  const stopped = r.message && !sweep.failures.some((f) => r.message?.includes(f));
  return stopped ? `${body}\n> ${escapeMarkdown(r.message ?? "")}\n` : body;
}
