// Talking to GitHub's REST API: one Octokit from @actions/github, loaded only when a run needs it
// (the PR comment, the deployment ledger), pointed at GITHUB_API_URL, with every request, paginated
// ones included, bound to an abort signal. Shared so both reporters fail and log the same way.
import type { getOctokit } from "@actions/github";
import { oneLine, truncate } from "../base/format.ts";
import type { Logger } from "../base/log.ts";
import { formatError, redact } from "../base/redact.ts";

export type Octokit = ReturnType<typeof getOctokit>;

export async function githubClient(opts: {
  token: string;
  /** GITHUB_API_URL (GitHub Enterprise Server). */
  apiUrl?: string | undefined;
  log: Logger;
  /** Read at every request: the signal that bounds it (a run's cancellation, a timeout). */
  signal: () => AbortSignal | undefined;
}): Promise<Octokit> {
  const { getOctokit } = await import("@actions/github");
  const { log } = opts;
  const octokit = getOctokit(opts.token, {
    baseUrl: (opts.apiUrl || "https://api.github.com").replace(/\/+$/, ""),
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
  return truncate(oneLine(text), 300, { ellipsisAfter: true });
}

/** The login `GITHUB_TOKEN` writes as: an installation token, which may not call `GET /user` (403). */
const ACTIONS_BOT_LOGIN = "github-actions[bot]";

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
const identities = new WeakMap<Octokit, Promise<string>>();

/**
 * Who the token acts as, asked once per client: the login `GET /user` answers for a personal or
 * user token, else (any answer other than 200, as for `GITHUB_TOKEN`) `github-actions[bot]`. What
 * GitHub shows as written by this login is what this action may trust as its own (deployment
 * records, the sticky PR comment). Throws only when GitHub did not answer at all.
 */
export function tokenIdentity(octokit: Octokit): Promise<string> {
  let identity = identities.get(octokit);
  if (!identity) {
    identity = octokit.rest.users.getAuthenticated().then(
      // A 200 without a login GitHub could have made trusts nobody: "" is no one's login.
      ({ data }) => (typeof data?.login === "string" && LOGIN.test(data.login) ? data.login : ""),
      (err: unknown) => {
        if (answeredStatus(err) === undefined) throw err;
        return ACTIONS_BOT_LOGIN;
      },
    );
    // A failed ask is not remembered: the next call asks again.
    identity.catch(() => identities.delete(octokit));
    identities.set(octokit, identity);
  }
  return identity;
}

/** True when `login` is `identity`: GitHub logins are case-insensitive. */
export function sameLogin(login: unknown, identity: string): boolean {
  return identity !== "" && typeof login === "string" && login.toLowerCase() === identity.toLowerCase();
}
