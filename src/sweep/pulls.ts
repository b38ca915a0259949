// The state of a pull request, for the sweep: `GET /repos/{owner}/{repo}/pulls/{number}` through
// Octokit from @actions/github, loaded only when a sweep runs (as the PR comment does).
import { z } from "zod/mini";
import type { Logger } from "../base/log.ts";
import { PR_READ_TIMEOUT_MS } from "../base/timing.ts";
import { githubClient, githubErrorText, splitRepository, statusOf } from "../github/client.ts";
import type { PrState } from "./decide.ts";

/** What the sweep needs of GitHub: one PR's state. Tests may pass their own. */
export type PullRequestReader = (prNumber: number) => Promise<PrState>;

interface GitHubPullsOptions {
  /** `github-token`. */
  token: string;
  /** "owner/repo" */
  repository: string;
  /** GITHUB_API_URL (GitHub Enterprise Server), default https://api.github.com. */
  apiUrl?: string;
  log: Logger;
  signal?: AbortSignal;
}

export async function createPullRequestReader(opts: GitHubPullsOptions): Promise<PullRequestReader> {
  const { owner, repo } = splitRepository(opts.repository);
  // Each call passes its own signal: none for the client as a whole.
  const octokit = await githubClient({
    token: opts.token,
    apiUrl: opts.apiUrl,
    log: opts.log,
    signal: () => undefined,
  });
  return async (prNumber) => {
    // Per request: a slow GitHub must not hold the sweep.
    const timeout = AbortSignal.timeout(PR_READ_TIMEOUT_MS);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    try {
      const { data } = await octokit.rest.pulls.get({
        owner,
        repo,
        pull_number: prNumber,
        request: { signal },
      });
      return prState(data, prNumber);
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) return { kind: "unknown" };
      opts.signal?.throwIfAborted();
      return { kind: "error", message: pullError(err, status, prNumber, [opts.token]) };
    }
  };
}

// The fields the sweep decides on, as GitHub's REST API always sends them. A delete cannot be
// undone, so an answer of any other shape (a proxy's or a sign-in page with status 200, `{}`, a
// state GitHub never sends such as "OPEN" or "draft") is unreadable, never taken for `closed`.
const PullSchema = z.object({
  number: z.int(),
  state: z.enum(["open", "closed"]),
  merged: z.boolean(),
});

/** The PR's state from GitHub's answer, checked by shape; `unreadable` when it is not GitHub's. */
export function prState(data: unknown, prNumber: number): PrState {
  const parsed = PullSchema.safeParse(data);
  if (!parsed.success || parsed.data.number !== prNumber) {
    return { kind: "unreadable", message: `GitHub's answer for PR #${prNumber} is not a pull request` };
  }
  const { state, merged } = parsed.data;
  return state === "open" ? { kind: "open" } : { kind: "closed", merged };
}

function pullError(err: unknown, status: number | undefined, prNumber: number, secrets: string[]): string {
  const what = githubErrorText(err, secrets);
  const base = `could not read PR #${prNumber} from GitHub`;
  if (status === 401 || status === 403)
    return `${base} (${status} ${what}): the \`github-token\` needs \`permissions: pull-requests: read\``;
  return `${base} (${status !== undefined ? `${status} ` : ""}${what})`;
}
