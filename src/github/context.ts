// What the action needs of the GitHub run, read from the runner's env and event payload
// (GITHUB_EVENT_PATH) without loading @actions/github, which costs startup time.
import fs from "node:fs";
// zod/mini rather than zod: see src/inputs/inputs.ts.
import { z } from "zod/mini";

export interface RunContext {
  eventName: string;
  /** "owner/repo" */
  repository: string;
  sha: string;
  serverUrl: string;
  runId: string;
  runUrl: string;
  workflow: string;
  /** Ref the action itself was used at (GITHUB_ACTION_REF), for the "pinned to @main" warning. */
  actionRef: string;
  /**
   * Dependabot started this run: it gets Dependabot secrets only (none at all under
   * `pull_request_target`), so an empty token is expected, as on a fork. Absent when not.
   */
  dependabot?: true;
  pullRequest?: {
    number: number;
    /** Head repository differs from the base repository: the run gets no secrets. */
    fromFork: boolean;
    headSha: string;
    /** closed / opened / synchronize / reopened */
    action: string;
  };
}

/** The login GitHub documents for Dependabot's runs (`github.actor == 'dependabot[bot]'`). */
const DEPENDABOT_LOGIN = "dependabot[bot]";

// Only the fields the action reads; everything else in GitHub's payload passes through unchecked.
const repoRef = z.looseObject({ full_name: z.string() });
const PullRequestEventSchema = z.looseObject({
  action: z.optional(z.string()),
  pull_request: z.looseObject({
    number: z.int().check(z.positive()),
    user: z.nullish(z.looseObject({ login: z.string() })),
    // A fork that was deleted after the PR was opened has `head.repo: null`.
    head: z.looseObject({ sha: z.string(), repo: z.nullish(repoRef) }),
    base: z.looseObject({ repo: repoRef }),
  }),
});

export function readRunContext(
  env: NodeJS.ProcessEnv = process.env,
  readFile = (p: string) => fs.readFileSync(p, "utf8"),
): RunContext {
  const {
    GITHUB_EVENT_NAME: eventName = "",
    GITHUB_REPOSITORY: repository = "",
    GITHUB_RUN_ID: runId = "",
  } = env;
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const event = /^pull_request(_target)?$/.test(eventName)
    ? readEvent(env.GITHUB_EVENT_PATH, readFile)
    : undefined;
  const pr = event?.pull_request;
  const head = pr?.head.repo?.full_name;
  // GitHub's rule: a run whose actor is Dependabot gets Dependabot secrets instead of Actions
  // secrets (and keeps that actor when someone re-runs it); under `pull_request_target` a PR that
  // Dependabot opened gets no secrets at all, whoever the actor is.
  const dependabot =
    env.GITHUB_ACTOR === DEPENDABOT_LOGIN ||
    (eventName === "pull_request_target" && pr?.user?.login === DEPENDABOT_LOGIN);
  return {
    eventName,
    repository,
    sha: env.GITHUB_SHA ?? "",
    serverUrl,
    runId,
    // Empty rather than a broken link when run outside Actions (local runs, tests).
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : "",
    workflow: env.GITHUB_WORKFLOW ?? "",
    actionRef: env.GITHUB_ACTION_REF ?? "",
    dependabot: dependabot || undefined,
    pullRequest: pr && {
      number: pr.number,
      // Compared case-insensitively: GitHub repository names are case-insensitive.
      fromFork: head === undefined || head.toLowerCase() !== pr.base.repo.full_name.toLowerCase(),
      headSha: pr.head.sha,
      action: event.action ?? "",
    },
  };
}

/** Why an empty token on a Dependabot run is skipped, and how to give Dependabot the token. */
export function dependabotSkipReason(eventName: string): string {
  const base =
    "`friendli-token` is empty because Dependabot started this run, and GitHub gives Dependabot's runs no Actions secrets: nothing was deployed.";
  if (eventName === "pull_request_target")
    return `${base} Under \`pull_request_target\` a Dependabot pull request gets no secrets at all; deploy it from a \`pull_request\` workflow with a Dependabot secret, or run the workflow manually.`;
  return `${base} To deploy Dependabot's pull requests too, add the same token as a Dependabot secret (Settings → Secrets and variables → Dependabot → New repository secret, named like the Actions secret, e.g. FRIENDLI_TOKEN).`;
}

// A missing or unreadable payload means "no PR info", not a crash: the inputs then ask for `name`.
function readEvent(path: string | undefined, readFile: (p: string) => string) {
  try {
    return path ? PullRequestEventSchema.safeParse(JSON.parse(readFile(path))).data : undefined;
  } catch {
    return undefined;
  }
}
