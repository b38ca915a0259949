// The sticky PR comment's text: one comment per pull request and endpoint, found again by a
// hidden marker (./pr-comment-writer.ts edits it in place).

import { formatDuration } from "../base/format.ts";
import { codeBlock, escapeMarkdown } from "../base/markdown.ts";
import { costSentence } from "../cost/words.ts";
import { errorHint } from "../friendli/error-codes.ts";
import type { RunContext } from "../github/context.ts";
import type { StatusClass } from "../wait/status-table.ts";
import { curlCommand } from "./curl.ts";
import type { RunReport } from "./run-report.ts";
import { deploymentLink, elapsed, endpointFate, rolledBackText, safeUrl, statusClass } from "./summary.ts";

/**
 * The hidden line that identifies this endpoint's comment. The name is percent-encoded where it
 * could end the HTML comment early (`-->`) or make two names collide; ordinary names stay readable.
 */
export function markerFor(endpointName: string): string {
  return `<!-- friendli-deploy-action:${encodeURIComponent(endpointName)} -->`;
}

type Headline = { icon: string; text: (name: string, verb: string) => string };

const HEADLINES = {
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
  slept: { icon: "💤", text: (n) => `Preview endpoint ${n} is asleep` },
} satisfies Record<string, Headline>;

/** Which picture the comment shows. */
export type PrCommentState = keyof typeof HEADLINES;

// `wait: false` or `if-exists: reuse` can end a successful run on an endpoint that failed.
const BY_STATUS: Record<StatusClass, PrCommentState> = {
  success: "ready",
  failure: "failed",
  pending: "deploying",
  unknown: "deploying",
};

/** The run's result, sharpened by the endpoint's last status. */
export function commentState(r: RunReport): PrCommentState {
  switch (r.result) {
    case "created":
    case "updated":
    case "reused":
    case "unchanged":
    case "woken":
    case "restarted":
      return r.operation === "sleep" ? "slept" : BY_STATUS[statusClass(r)];
    // A sweep writes no PR comment (main.ts); were one asked for, nothing was deployed here.
    case "swept":
    case "clean":
      return "skipped";
    default:
      return r.result;
  }
}

/** The states in which no endpoint exists or bills. */
const NO_ENDPOINT: ReadonlySet<PrCommentState> = new Set(["deleted", "not-found", "skipped", "planned"]);

const VERBS: Record<RunReport["operation"], string> = {
  deploy: "Deploy",
  delete: "Delete",
  status: "Status check",
  sweep: "Sweep",
  sleep: "Sleep",
  wake: "Wake",
  restart: "Restart",
};

// Bounds keep the comment far below GitHub's 65,536-character limit whatever a server sends.
const MAX_MESSAGE = 1500;
const MAX_REPLY = 500;
const MAX_WARNINGS = 5;

type Paragraph = string | false | null | undefined;

interface RenderPrCommentOptions {
  /** From markerFor(endpoint name). */
  marker: string;
  /** The run, for the footer's commit and workflow-run links; without it there is no footer. */
  context?: Pick<RunContext, "sha" | "serverUrl" | "repository" | "runUrl" | "pullRequest">;
}

/** The comment's Markdown: paragraphs, the same report and context giving the same text. */
export function renderPrComment(r: RunReport, opts: RenderPrCommentOptions): string {
  const state = commentState(r);
  const name = r.endpointName ? `**${esc(r.endpointName, 100)}**` : "the endpoint";
  const headline: Headline = HEADLINES[state];
  const warnings = r.warnings.slice(0, MAX_WARNINGS).map((w) => `- ${esc(w, 300)}`);
  if (r.warnings.length > MAX_WARNINGS) warnings.push(`- and ${r.warnings.length - MAX_WARNINGS} more`);
  const paragraphs = [
    `${opts.marker}\n### ${headline.icon} ${headline.text(name, VERBS[r.operation])}`,
    ...stateBody(r, state),
    // What a preview costs, while one exists: not before a create (a deploy refused by
    // `max-hourly-cost` says why in its message), nor once it is deleted or gone.
    r.endpointId && !r.deletedAfterFailure && !NO_ENDPOINT.has(state) ? costSentence(r.cost) : undefined,
    facts(r),
    warnings.length > 0 && `<details><summary>Warnings</summary>\n\n${warnings.join("\n")}\n\n</details>`,
    opts.context && footer(opts.context),
  ];
  return `${paragraphs.filter(Boolean).join("\n\n")}\n`;
}

function facts(r: RunReport): string {
  const phases = r.timeline
    .slice(-12)
    .map((span) => `${esc(span.label, 60)} ${formatDuration((span.endMs ?? r.finishedAtMs) - span.startMs)}`);
  const deployment = deploymentLink(r.deployment);
  return [
    r.endpointId && `**Endpoint id:** ${esc(r.endpointId, 100)}`,
    r.model && `**${r.rolledBack ? "Requested model (failed)" : "Model"}:** ${modelText(r.model)}`,
    r.previous &&
      `**${r.rolledBack ? "Serving again" : "Previous version"}:** ${modelText(r.previous.model)} · ${esc(r.previous.gpu, 60)}`,
    deployment && `**GitHub deployment:** ${deployment}`,
    r.gpu && `**GPU:** ${esc(r.gpu, 60)}`,
    r.replicas && `**Replicas:** ${r.replicas.min}–${r.replicas.max}`,
    r.status && `**Status:** ${esc(r.status, 40)}${r.phase ? ` · ${esc(r.phase, 60)}` : ""}`,
    `**Elapsed:** ${elapsed(r)}`,
    phases.length > 0 && `**Phases:** ${phases.join(" → ")}`,
  ]
    .filter(Boolean)
    .map((f) => `- ${f}`)
    .join("\n");
}

/** The state's paragraphs; empty ones are left out. */
function stateBody(r: RunReport, state: PrCommentState): Paragraph[] {
  const seen = `${esc(r.status ?? "unknown", 40)}${r.phase ? `, phase ${esc(r.phase, 60)}` : ""}`;
  switch (state) {
    case "deploying":
      return [`Status ${seen}, ${elapsed(r)} elapsed. The next run of the workflow updates this comment.`];
    case "ready":
      return readyBody(r);
    case "timed-out":
      return [`Gave up after ${elapsed(r)}; last seen: ${seen}.`, ...failureBody(r, state)];
    case "failed":
    case "rolled-back":
    case "cancelled":
      return failureBody(r, state);
    case "deleted":
      return ["The endpoint was deleted: it no longer serves requests or uses a GPU."];
    case "slept":
      return ["The endpoint sleeps: it uses no GPU; a request, or `operation: wake`, wakes it."];
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

function readyBody(r: RunReport): Paragraph[] {
  const { smokeTest: smoke, inferenceUrl: url, endpointId: id } = r;
  return [
    (r.status ?? "").trim().toUpperCase() === "SLEEPING"
      ? "It is asleep (`min-replicas: 0`): the first request wakes it, which can take a few minutes."
      : undefined,
    url && `**Inference URL:** ${esc(url, 200)}`,
    smoke &&
      `**Smoke test:** answered in ${Math.round(smoke.latencyMs)} ms: “${esc(smoke.reply, MAX_REPLY)}”`,
    ...(url && id
      ? [
          "Try it (OpenAI-compatible; the model is the endpoint id; set `FRIENDLI_TOKEN` to a Friendli token of this project's team):",
          codeBlock(curlCommand(url, id, "quoted"), "sh"),
        ]
      : []),
  ];
}

function failureBody(r: RunReport, state: PrCommentState): Paragraph[] {
  // The hints are the action's own text with `input-name` code spans; an unknown code inside one
  // is still escaped.
  const hint = r.hint ?? errorHint(r.errorCode);
  return [
    r.errorCode && `**Error code:** ${esc(r.errorCode, 100)}`,
    hint && `**What to change:** ${escapeMarkdown(hint, { maxLength: MAX_MESSAGE, inlineCode: true })}`,
    r.message && `> ${esc(r.message, MAX_MESSAGE)}`,
    state === "rolled-back" && rolledBackText(r),
    // An endpoint that was not deleted keeps its GPU (and its bill) until someone removes it.
    endpointFate(r),
  ];
}

const HF_REPO = /^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/;
const HEX = /^[0-9a-f]{7,40}$/i;

function modelText(model: NonNullable<RunReport["model"]>): string {
  const text = esc(model.revision ? `${model.repo}@${model.revision}` : model.repo, 200);
  if (!HF_REPO.test(model.repo)) return text;
  const rev = model.revision && HEX.test(model.revision) ? `/tree/${model.revision}` : "";
  return `[${text}](https://huggingface.co/${model.repo}${rev})`;
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

function esc(value: unknown, maxLength: number): string {
  return escapeMarkdown(value, { maxLength });
}
