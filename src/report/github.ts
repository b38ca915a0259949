// Talking to GitHub's REST API: one Octokit from @actions/github, loaded only when a run needs it
// (the PR comment, the deployment ledger), pointed at GITHUB_API_URL, with every request, paginated
// ones included, bound to an abort signal. Shared so both reporters fail and log the same way.
import type { getOctokit } from "@actions/github";
import { truncate } from "../format.ts";
import { oneLine } from "../friendli/error-body.ts";
import { formatError, redact } from "../friendli/redact.ts";
import type { Logger } from "../log.ts";

const DEFAULT_GITHUB_API_URL = "https://api.github.com";

export type Octokit = ReturnType<typeof getOctokit>;

interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL (GitHub Enterprise Server), default https://api.github.com. */
  apiUrl?: string | undefined;
  log: Logger;
  /** Read at every request: the signal that bounds it (a run's cancellation, a timeout). */
  signal: () => AbortSignal | undefined;
}

export async function githubClient(opts: GitHubClientOptions): Promise<Octokit> {
  const { getOctokit } = await import("@actions/github");
  const { log } = opts;
  const octokit = getOctokit(opts.token, {
    baseUrl: (opts.apiUrl || DEFAULT_GITHUB_API_URL).replace(/\/+$/, ""),
    // Octokit prints deprecation notices with console.warn: they are not the user's to act on.
    log: { debug: log.debug, info: log.debug, warn: log.debug, error: log.debug },
  });
  // Per-call `request` options do not survive paginate's follow-up pages; a hook reaches them all.
  octokit.hook.before("request", (options) => {
    const signal = opts.signal();
    if (signal) options.request = { ...options.request, signal };
  });
  return octokit;
}

/** "owner/repo" split, or an error naming GITHUB_REPOSITORY. */
export function splitRepository(repository: string): { owner: string; repo: string } {
  const [owner, repo, ...rest] = repository.split("/");
  if (!owner || !repo || rest.length > 0) {
    throw new Error(`GITHUB_REPOSITORY is not "owner/repo" (got "${repository}")`);
  }
  return { owner, repo };
}

/** The HTTP status Octokit attached to an error (500 too when no answer arrived). */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/** The status GitHub answered with; undefined when no answer arrived (refused, timed out). */
export function answeredStatus(err: unknown): number | undefined {
  const status = (err as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === "number" ? status : undefined;
}

/**
 * What went wrong, redacted, on one bounded line: Octokit's HttpError carries GitHub's own message,
 * which says most, but is text from outside and must not start a line of the log.
 */
export function githubErrorText(err: unknown, secrets: readonly string[]): string {
  const text =
    statusOf(err) !== undefined && err instanceof Error
      ? redact(err.message, secrets)
      : formatError(err, secrets);
  return truncate(oneLine(text), MAX_ERROR_TEXT, { ellipsisAfter: true });
}

const MAX_ERROR_TEXT = 300;
