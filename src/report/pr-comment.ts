// The sticky PR comment's text: one comment per pull request and endpoint, found again by a
// hidden marker (./pr-comment-writer.ts edits it in place). Pure: the same report and context give
// the same Markdown.

import { formatDuration } from "../base/format.ts";
import { codeBlock, escapeMarkdown } from "../base/markdown.ts";
import { costSentence } from "../cost/words.ts";
import { errorHint } from "../friendli/error-codes.ts";
import type { RunContext } from "../github/context.ts";
import { curlCommand } from "./curl.ts";
import type { RunReport } from "./run-report.ts";
import { endpointFate, statusClass } from "./summary.ts";

export type PrCommentState =
  | "deploying"
  | "ready"
  | "failed"
  | "rolled-back"
  | "timed-out"
  | "cancelled"
  | "deleted"
  | "not-found"
  | "skipped"
  | "planned";

const MARKER_PREFIX = "friendli-deploy-action:";

/**
 * The hidden line that identifies this endpoint's comment. The name is percent-encoded where it
 * could end the HTML comment early (`-->`) or make two names collide; ordinary names stay readable.
 */
export function markerFor(endpointName: string): string {
  return `<!-- ${MARKER_PREFIX}${encodeURIComponent(endpointName)} -->`;
}

/** Which picture the comment shows: the run's result, sharpened by the endpoint's last status. */
export function commentState(r: RunReport): PrCommentState {
  switch (r.result) {
    case "created":
    case "updated":
    case "reused":
    case "unchanged": {
      // `wait: false` or `if-exists: reuse` can end a successful run on an endpoint that failed.
      switch (statusClass(r)) {
        case "success":
          return "ready";
        case "failure":
          return "failed";
        default:
          return "deploying";
      }
    }
    // A sweep writes no PR comment (main.ts); were one asked for, nothing was deployed here.
    case "swept":
    case "clean":
      return "skipped";
    default:
      return r.result;
  }
}

const HEADLINES: Record<PrCommentState, { icon: string; text: (name: string, verb: string) => string }> = {
  deploying: { icon: "⏳", text: (n) => `Preview endpoint ${n} is deploying` },
  ready: { icon: "✅", text: (n) => `Preview endpoint ${n} is ready` },
  failed: { icon: "❌", text: (n, verb) => `${verb} of ${n} failed` },
  "rolled-back": {
    icon: "↩️",
    text: (n, verb) => `${verb} of ${n} failed; the previous version serves again`,
  },
  "timed-out": { icon: "⌛", text: (n, verb) => `${verb} of ${n} timed out` },
  cancelled: { icon: "⏹️", text: (n, verb) => `${verb} of ${n} was cancelled` },
  deleted: { icon: "🗑️", text: (n) => `Preview endpoint ${n} was deleted` },
  "not-found": { icon: "🗑️", text: (n) => `Preview endpoint ${n} is gone` },
  skipped: { icon: "⏭️", text: (n, verb) => `${verb} of ${n} was skipped` },
  planned: { icon: "📝", text: (n, verb) => `Dry run: ${verb.toLowerCase()} of ${n} (nothing changed)` },
};

/** The states in which an endpoint exists and bills. */
const COSTS_SHOWN: ReadonlySet<PrCommentState> = new Set([
  "deploying",
  "ready",
  "failed",
  "rolled-back",
  "timed-out",
  "cancelled",
]);

const VERBS: Record<RunReport["operation"], string> = {
  deploy: "Deploy",
  delete: "Delete",
  status: "Status check",
  sweep: "Sweep",
};

// Bounds keep the comment far below GitHub's 65,536-character limit whatever a server sends.
const MAX_MESSAGE = 1500;
const MAX_REPLY = 500;
const MAX_WARNINGS = 5;

interface RenderPrCommentOptions {
  /** From markerFor(endpoint name). */
  marker: string;
  /** The run, for the footer's commit and workflow-run links; without it there is no footer. */
  context?: Pick<RunContext, "sha" | "serverUrl" | "repository" | "runUrl" | "pullRequest">;
}

/** The comment's Markdown. Pure: the same report and context give the same text. */
export function renderPrComment(r: RunReport, opts: RenderPrCommentOptions): string {
  const state = commentState(r);
  const name = r.endpointName ? `**${esc(r.endpointName, 100)}**` : "the endpoint";
  const headline = HEADLINES[state];
  const lines: string[] = [
    opts.marker,
    `### ${headline.icon} ${headline.text(name, VERBS[r.operation])}`,
    "",
  ];

  lines.push(...stateBody(r, state), "");
  // What a preview costs, while one exists: not before a create (a deploy refused by
  // `max-hourly-cost` says why in its message), nor once it is deleted or gone.
  const cost =
    r.endpointId && !r.deletedAfterFailure && COSTS_SHOWN.has(state) ? costSentence(r.cost) : undefined;
  if (cost) lines.push(cost, "");

  const facts = [
    r.endpointId && `**Endpoint id:** ${esc(r.endpointId, 100)}`,
    r.model && `**${r.rolledBack ? "Requested model (failed)" : "Model"}:** ${modelText(r.model)}`,
    r.previous &&
      `**${r.rolledBack ? "Serving again" : "Previous version"}:** ${modelText(r.previous.model)} · ${esc(r.previous.gpu, 60)}`,
    deploymentText(r),
    r.gpu && `**GPU:** ${esc(r.gpu, 60)}`,
    r.replicas && `**Replicas:** ${r.replicas.min}–${r.replicas.max}`,
    r.status && `**Status:** ${esc(r.status, 40)}${r.phase ? ` · ${esc(r.phase, 60)}` : ""}`,
    `**Elapsed:** ${formatDuration(r.finishedAtMs - r.startedAtMs)}`,
  ].filter((f): f is string => typeof f === "string" && f !== "");
  lines.push(...facts.map((f) => `- ${f}`));

  const phases = timelineText(r);
  if (phases) lines.push(`- **Phases:** ${phases}`);

  const warnings = r.warnings.slice(0, MAX_WARNINGS);
  if (warnings.length > 0) {
    lines.push("", "<details><summary>Warnings</summary>", "");
    lines.push(...warnings.map((w) => `- ${esc(w, 300)}`));
    if (r.warnings.length > warnings.length) lines.push(`- and ${r.warnings.length - warnings.length} more`);
    lines.push("", "</details>");
  }
  if (opts.context) lines.push("", footer(opts.context));
  return `${lines.join("\n")}\n`;
}

function stateBody(r: RunReport, state: PrCommentState): string[] {
  const elapsed = formatDuration(r.finishedAtMs - r.startedAtMs);
  switch (state) {
    case "deploying":
      return [
        `Status ${esc(r.status ?? "unknown", 40)}${r.phase ? `, phase ${esc(r.phase, 60)}` : ""}, ` +
          `${elapsed} elapsed. The next run of the workflow updates this comment.`,
      ];
    case "ready":
      return readyBody(r);
    case "failed":
    case "rolled-back":
    case "timed-out":
    case "cancelled":
      return failureBody(r, state, elapsed);
    case "deleted":
      return ["The endpoint was deleted: it no longer serves requests or uses a GPU."];
    case "not-found":
      return r.operation === "delete"
        ? ["There was no endpoint to delete: it was already removed (or never deployed)."]
        : ["No endpoint with this name exists in the project: it was removed (or never deployed)."];
    case "skipped":
      return [`Nothing was deployed. ${esc(r.message ?? r.warnings[0] ?? "", MAX_MESSAGE)}`.trimEnd()];
    case "planned":
      return [
        "`dry-run: true`: the inputs were checked and the endpoint resolved; no request changed anything.",
      ];
  }
}

function readyBody(r: RunReport): string[] {
  const out: string[] = [];
  if ((r.status ?? "").trim().toUpperCase() === "SLEEPING") {
    out.push(
      "It is asleep (`min-replicas: 0`): the first request wakes it, which can take a few minutes.",
      "",
    );
  }
  if (r.inferenceUrl) out.push(`**Inference URL:** ${esc(r.inferenceUrl, 200)}`, "");
  if (r.smokeTest) {
    out.push(
      `**Smoke test:** answered in ${Math.round(r.smokeTest.latencyMs)} ms: ` +
        `“${esc(r.smokeTest.reply, MAX_REPLY)}”`,
      "",
    );
  }
  if (r.inferenceUrl && r.endpointId) {
    out.push(
      "Try it (OpenAI-compatible; the model is the endpoint id; set `FRIENDLI_TOKEN` to a Friendli token of this project's team):",
      "",
      codeBlock(curlCommand(r.inferenceUrl, r.endpointId, "quoted"), "sh"),
    );
  }
  return out;
}

function failureBody(r: RunReport, state: PrCommentState, elapsed: string): string[] {
  // Paragraphs, each followed by a blank line: consecutive lines would run into one.
  const out: string[] = [];
  if (state === "timed-out") {
    const phase = r.phase ? `, phase ${esc(r.phase, 60)}` : "";
    out.push(`Gave up after ${elapsed}; last seen: ${esc(r.status ?? "unknown", 40)}${phase}.`, "");
  }
  if (r.errorCode) out.push(`**Error code:** ${esc(r.errorCode, 100)}`, "");
  const hint = r.hint ?? errorHint(r.errorCode);
  // The hints are the action's own text with `input-name` code spans; an unknown code inside one
  // is still escaped.
  if (hint) {
    out.push(`**What to change:** ${escapeMarkdown(hint, { maxLength: MAX_MESSAGE, inlineCode: true })}`, "");
  }
  if (r.message) out.push(`> ${esc(r.message, MAX_MESSAGE)}`, "");
  if (state === "rolled-back" && r.previous) {
    out.push(
      `\`rollback-on-failure\`: the settings of GitHub deployment ${r.previous.deploymentId} were put back, and the endpoint serves them again.`,
      "",
    );
  }
  // An endpoint that was not deleted keeps its GPU (and its bill) until someone removes it.
  const fate = endpointFate(r);
  if (fate) out.push(fate);
  while (out.at(-1) === "") out.pop();
  return out;
}

/** The GitHub deployment this run recorded, linked to its environment's deployments page. */
function deploymentText(r: RunReport): string | undefined {
  const d = r.deployment;
  if (d?.id === undefined) return undefined;
  const text = `${d.id} in ${esc(d.environment, 120)}`;
  const url = d.url ? safeUrl(d.url) : undefined;
  return `**GitHub deployment:** ${url ? `[${text}](${url})` : text}`;
}

const HF_REPO = /^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/;
const HEX = /^[0-9a-f]{7,40}$/i;

function modelText(model: NonNullable<RunReport["model"]>): string {
  const text = esc(model.revision ? `${model.repo}@${model.revision}` : model.repo, 200);
  if (!HF_REPO.test(model.repo)) return text;
  const rev = model.revision && HEX.test(model.revision) ? `/tree/${model.revision}` : "";
  return `[${text}](https://huggingface.co/${model.repo}${rev})`;
}

function timelineText(r: RunReport): string {
  return r.timeline
    .slice(-12)
    .map((span) => `${esc(span.label, 60)} ${formatDuration((span.endMs ?? r.finishedAtMs) - span.startMs)}`)
    .join(" → ");
}

/** Which commit the comment speaks of (the PR head, not the merge commit) and where the run is. */
function footer(context: NonNullable<RenderPrCommentOptions["context"]>): string {
  // On pull_request events GITHUB_SHA is a merge commit nobody pushed: the head is what was tested.
  const sha = context.pullRequest?.headSha || context.sha;
  const parts = ["[friendli-deploy-action](https://github.com/friendli-deploy-action/deploy)"];
  if (HEX.test(sha)) {
    const short = sha.slice(0, 7).toLowerCase();
    const url = safeUrl(`${context.serverUrl}/${context.repository}/commit/${sha}`);
    parts.push(`commit ${url ? `[${short}](${url})` : short}`);
  } else if (sha) {
    parts.push(`commit ${esc(sha, 40)}`);
  }
  const run = safeUrl(context.runUrl);
  if (run) parts.push(`[workflow run](${run})`);
  return `<sub>${parts.join(" · ")}</sub>`;
}

/** A URL that cannot end the Markdown link or open HTML, or undefined. */
function safeUrl(url: string): string | undefined {
  return /^https?:\/\/[^\s<>()"'`\\[\]]+$/.test(url) ? url : undefined;
}

function esc(value: unknown, maxLength: number): string {
  return escapeMarkdown(value, { maxLength });
}
