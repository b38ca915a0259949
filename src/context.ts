// CONTRACT (types) — the reader is implemented below this block.

/**
 * What the action needs of the GitHub run, read from the runner's env and event payload
 * (GITHUB_EVENT_PATH) without loading @actions/github, which costs startup time.
 */
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
  pullRequest?: {
    number: number;
    /** Head repository differs from the base repository: the run gets no secrets. */
    fromFork: boolean;
    headSha: string;
    /** closed / opened / synchronize / reopened */
    action: string;
  };
}
