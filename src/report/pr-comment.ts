// The sticky PR comment: one per pull request and endpoint, found again by a hidden marker and
// edited in place, so a PR that is pushed to twenty times still has one comment that is current.
// Rendering is pure; only writing it loads @actions/github, through ./github.ts (a few hundred KB of
// Octokit and undici that a release or manual deploy never needs).
import type { RunContext } from "../context.ts";
import { formatDuration } from "../format.ts";
import { errorHint } from "../friendli/error-codes.ts";
import { redact } from "../friendli/redact.ts";
import type { Logger } from "../log.ts";
import { githubClient, githubErrorText, splitRepository, statusOf } from "./github.ts";
import { codeBlock, escapeMarkdown } from "./markdown.ts";
import type { RunReport } from "./run-report.ts";
import { endpointFate, statusClass } from "./summary.ts";

export type PrCommentState =
  | "deploying"
  | "ready"
  | "failed"
  | "timed-out"
  | "cancelled"
  | "deleted"
  | "not-found"
  | "skipped"
  | "planned";

export type PrCommentResult = "created" | "updated" | "skipped" | "failed";

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
    case "reused": {
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
    default:
      return r.result;
  }
}

const HEADLINES: Record<PrCommentState, { icon: string; text: (name: string, verb: string) => string }> = {
  deploying: { icon: "⏳", text: (n) => `Preview endpoint ${n} is deploying` },
  ready: { icon: "✅", text: (n) => `Preview endpoint ${n} is ready` },
  failed: { icon: "❌", text: (n, verb) => `${verb} of ${n} failed` },
  "timed-out": { icon: "⌛", text: (n, verb) => `${verb} of ${n} timed out` },
  cancelled: { icon: "⏹️", text: (n, verb) => `${verb} of ${n} was cancelled` },
  deleted: { icon: "🗑️", text: (n) => `Preview endpoint ${n} was deleted` },
  "not-found": { icon: "🗑️", text: (n) => `Preview endpoint ${n} is gone` },
  skipped: { icon: "⏭️", text: (n, verb) => `${verb} of ${n} was skipped` },
  planned: { icon: "📝", text: (n, verb) => `Dry run: ${verb.toLowerCase()} of ${n} (nothing changed)` },
};

const VERBS: Record<RunReport["operation"], string> = {
  deploy: "Deploy",
  delete: "Delete",
  status: "Status check",
};

// Bounds keep the comment far below GitHub's 65,536-character limit whatever a server sends.
const MAX_MESSAGE = 1500;
const MAX_REPLY = 500;
const MAX_WARNINGS = 5;

export interface RenderPrCommentOptions {
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

  const facts = [
    r.endpointId && `**Endpoint id:** ${esc(r.endpointId, 100)}`,
    r.model && `**Model:** ${modelText(r.model)}`,
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
      codeBlock(curlCommand(r.inferenceUrl, r.endpointId), "sh"),
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
  // An endpoint that was not deleted keeps its GPU (and its bill) until someone removes it.
  const fate = endpointFate(r);
  if (fate) out.push(fate);
  while (out.at(-1) === "") out.pop();
  return out;
}

/** A command that survives copy-paste: every value is single-quoted for the shell. */
function curlCommand(inferenceUrl: string, endpointId: string): string {
  const url = `${inferenceUrl.replace(/\/+$/, "")}/chat/completions`;
  const body = JSON.stringify({ model: endpointId, messages: [{ role: "user", content: "Hello!" }] });
  return [
    `curl -sS ${shellQuote(url)} \\`,
    // Double quotes so the shell expands the reader's own token: the comment never holds one.
    `  -H "Authorization: Bearer $FRIENDLI_TOKEN" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join("\n");
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
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

// ---------------------------------------------------------------------------------------------------
// Writing the comment.

export interface UpsertPrCommentOptions {
  report: RunReport;
  context: RunContext;
  /** `github-token`; empty means no comment. */
  token: string;
  /** GITHUB_API_URL (GitHub Enterprise Server), default https://api.github.com. */
  apiUrl?: string;
  log: Logger;
  /** Redacted from the body before it is sent, as a last line of defence. */
  secrets: string[];
  /** Bounds all requests of one upsert together: a slow GitHub must not hold the job. */
  timeoutMs?: number;
  /** The run's abort signal (cancellation). */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const PERMISSION = "`permissions: pull-requests: write`";

interface IssueComment {
  id: number;
  body?: string | null;
  user?: { type?: string } | null;
}

/**
 * Creates or updates this endpoint's comment on the pull request. Never throws: a comment is a
 * courtesy, so any failure is a warning that says what to fix, and the deploy goes on.
 */
export async function upsertPrComment(opts: UpsertPrCommentOptions): Promise<PrCommentResult> {
  const { report, context, token, log } = opts;
  const pr = context.pullRequest;
  if (!pr) {
    log.debug("PR comment: not a pull request event, nothing to comment on");
    return "skipped";
  }
  if (!token) {
    log.info("PR comment skipped: `github-token` is empty");
    return "skipped";
  }
  if (!report.endpointName) {
    log.debug("PR comment skipped: no endpoint name to mark the comment with");
    return "skipped";
  }
  const secrets = [...opts.secrets, token];
  try {
    const { owner, repo } = splitRepository(context.repository);
    const marker = markerFor(report.endpointName);
    const body = redact(renderPrComment(report, { marker, context }), secrets);

    const timeout = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const octokit = await githubClient({ token, apiUrl: opts.apiUrl, log, signal: () => signal });

    const existing = await findComment(marker, (mapFn) =>
      octokit.paginate(
        octokit.rest.issues.listComments,
        { owner, repo, issue_number: pr.number, per_page: 100 },
        mapFn,
      ),
    );
    if (existing !== undefined) {
      try {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body });
        log.info(`PR comment updated (#${pr.number}, comment ${existing})`);
        return "updated";
      } catch (err) {
        // Deleted by someone between the list and the edit: write a new one instead.
        if (statusOf(err) !== 404) throw err;
        log.debug(`PR comment ${existing} vanished before it could be updated; creating a new one`);
      }
    }
    const created = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: pr.number,
      body,
    });
    log.info(`PR comment created (#${pr.number}, comment ${created.data.id})`);
    return "created";
  } catch (err) {
    log.warning(failureMessage(err, pr.number, secrets));
    return "failed";
  }
}

type PageMap = (response: { data: IssueComment[] }, done: () => void) => IssueComment[];

/**
 * The comment this action wrote: it starts with the marker (a person quoting the marker mid-text is
 * never overwritten). One written by a bot (the workflow token's `github-actions[bot]`) wins over
 * one written with a personal token; the listing stops at the first bot match, so a long PR costs
 * only the pages up to it.
 */
async function findComment(
  marker: string,
  list: (mapFn: PageMap) => Promise<IssueComment[]>,
): Promise<number | undefined> {
  let first: number | undefined;
  let fromBot: number | undefined;
  await list((response, done) => {
    for (const c of response.data) {
      if (!c.body?.trimStart().startsWith(marker)) continue;
      first ??= c.id;
      if (c.user?.type === "Bot") {
        fromBot = c.id;
        done();
        break;
      }
    }
    return [];
  });
  return fromBot ?? first;
}

function failureMessage(err: unknown, prNumber: number, secrets: string[]): string {
  const status = statusOf(err);
  // Octokit's HttpError carries GitHub's own message, which says more than its class name.
  const what = githubErrorText(err, secrets);
  const base = `Could not write the PR comment on #${prNumber}`;
  const tail = "The deployment itself is not affected.";
  if (status === 401) {
    return `${base} (401 ${what}): the \`github-token\` was rejected; it needs ${PERMISSION}. ${tail}`;
  }
  if (status === 403 || status === 404) {
    // GitHub answers 404 as well as 403 when a token may not see or write the resource.
    return (
      `${base} (${status} ${what}): the token may not comment; add ${PERMISSION} to the job. ` +
      `A pull request from a fork gets a read-only token under \`pull_request\`, so its runs cannot comment. ${tail}`
    );
  }
  return `${base} (${what}): GitHub failed or could not be reached; the comment also needs ${PERMISSION}. ${tail}`;
}
