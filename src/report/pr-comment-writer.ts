// Writing the sticky PR comment: finds this endpoint's comment by its marker and edits it, or
// creates one, so a PR that is pushed to twenty times still has one comment that is current.
// main.ts loads this module only to comment: Octokit is a few hundred KB a release never needs.

import type { Logger } from "../base/log.ts";
import { redact } from "../base/redact.ts";
import { PR_COMMENT_TIMEOUT_MS } from "../base/timing.ts";
import {
  githubClient,
  githubErrorText,
  type Octokit,
  sameLogin,
  splitRepository,
  statusOf,
  tokenIdentity,
} from "../github/client.ts";
import type { RunContext } from "../github/context.ts";
import { markerFor, renderPrComment } from "./pr-comment.ts";
import type { RunReport } from "./run-report.ts";

type PrCommentResult = "created" | "updated" | "skipped" | "failed";

interface UpsertPrCommentOptions {
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

const PERMISSION = "`permissions: pull-requests: write`";

export interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
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
    const marker = markerFor(report.endpointName);
    const body = redact(renderPrComment(report, { marker, context }), secrets);
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? PR_COMMENT_TIMEOUT_MS);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const octokit = await githubClient({ token, apiUrl: opts.apiUrl, log, signal: () => signal });
    const issue = { ...splitRepository(context.repository), issue_number: pr.number };
    const existing = await findComment(octokit, issue, marker);
    if (existing !== undefined) {
      try {
        await octokit.rest.issues.updateComment({ ...issue, comment_id: existing, body });
        log.info(`PR comment updated (#${pr.number}, comment ${existing})`);
        return "updated";
      } catch (err) {
        // Deleted by someone between the list and the edit: write a new one instead.
        if (statusOf(err) !== 404) throw err;
        log.debug(`PR comment ${existing} vanished before it could be updated; creating a new one`);
      }
    }
    const created = await octokit.rest.issues.createComment({ ...issue, body });
    log.info(`PR comment created (#${pr.number}, comment ${created.data.id})`);
    return "created";
  } catch (err) {
    log.warning(failureMessage(err, pr.number, secrets));
    return "failed";
  }
}

/**
 * True for the comment this action wrote: it starts with the marker (a person quoting the marker
 * mid-text is never overwritten) and its author is the identity the token acts as. Anyone can
 * write a comment that starts with the marker; editing theirs would put the action's words under
 * their name, or theirs under the action's.
 */
export function isOwnComment(c: IssueComment, marker: string, identity: string): boolean {
  return c.body?.trimStart().startsWith(marker) === true && sameLogin(c.user?.login, identity);
}

/** The first of this action's comments; the listing stops there, so a long PR costs only the pages up to it. */
async function findComment(
  octokit: Octokit,
  issue: { owner: string; repo: string; issue_number: number },
  marker: string,
): Promise<number | undefined> {
  const identity = await tokenIdentity(octokit);
  let found: number | undefined;
  await octokit.paginate(octokit.rest.issues.listComments, { ...issue, per_page: 100 }, (response, done) => {
    found = response.data.find((c) => isOwnComment(c, marker, identity))?.id;
    if (found !== undefined) done();
    return [];
  });
  return found;
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
