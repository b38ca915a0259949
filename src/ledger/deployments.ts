// The deployment ledger's I/O: one GitHub deployment per run in the endpoint's environment, its
// statuses as the run goes, and reading the environment's history back (see ./ledger.ts for what
// is recorded and decided). The ledger is a courtesy and a memory, never a condition: every failure
// is a warning, a missing `deployments: write` turns it off for the rest of the run after one
// warning, and every call is bounded by a timeout and the run's cancellation.

import { truncate } from "../base/format.ts";
import type { Logger } from "../base/log.ts";
import { redact } from "../base/redact.ts";
import { LEDGER_CALL_TIMEOUT_MS } from "../base/timing.ts";
import {
  answeredStatus,
  githubClient,
  githubErrorText,
  type Octokit,
  splitRepository,
  tokenIdentity,
} from "../github/client.ts";
import type { RunContext } from "../github/context.ts";
import { type LedgerEntry, type LedgerPayload, type LedgerView, parsePayload } from "./ledger.ts";
import { type DeploymentState, isOwnRecord, trustedState } from "./trust.ts";

export interface LedgerOptions {
  /** `github-deployment`: false sends nothing to GitHub's deployments API. */
  enabled: boolean;
  /** A dry run: the history is read, nothing is written. */
  dryRun?: boolean;
  context: RunContext;
  /** `github-token`; empty turns the ledger off. */
  token: string;
  apiUrl?: string | undefined;
  /** From environmentName() in ./ledger.ts. */
  environment: string;
  log: Logger;
  /** Redacted from GitHub's answers before they are logged. */
  secrets: string[];
  /** The run's cancellation: once aborted, nothing more is sent. */
  signal?: AbortSignal;
  /** Bounds each call (a read with all its pages counts as one). */
  timeoutMs?: number;
  /** Makes each call's timeout signal; tests pass their own to time out without waiting. */
  timeoutSignal?: (ms: number) => AbortSignal;
  /** Page size of the deployments listing (GitHub allows at most 100). */
  perPage?: number;
  /** How many of our entries a read examines before it gives up looking for a success. */
  maxExamined?: number;
}

export type FinalState = "success" | "failure" | "error";

interface StatusDetails {
  /** At most 140 characters (GitHub's limit); longer text is cut. */
  description?: string;
  /** The inference URL, shown as the environment's link. */
  environmentUrl?: string;
}

type Repo = ReturnType<typeof splitRepository>;

export const DEFAULT_MAX_EXAMINED = 50;
/** Statuses read per record: a few, as others' may sit above ours (trustedState skips them). */
export const STATUSES_READ = 10;
/** Latest states after which an entry still stands for a live endpoint (retire marks these). */
const LIVE_STATES = new Set<DeploymentState | undefined>([
  undefined,
  "success",
  "in_progress",
  "queued",
  "pending",
]);

export class DeploymentLedger {
  /** The deployment begin() created last: the one finish() ends. */
  deploymentId: number | undefined;
  readonly environment: string;
  private readonly opts: LedgerOptions;
  /** Redacted from all it logs or writes: anyone who can read the repository reads its deployments. */
  private readonly secrets: string[];
  private off: string | undefined;
  private octokit: Octokit | undefined;
  private current: AbortSignal | undefined;

  constructor(opts: LedgerOptions) {
    this.opts = opts;
    this.environment = opts.environment;
    this.secrets = [...opts.secrets, opts.token];
    if (!opts.enabled) this.off = "`github-deployment: false`";
    else if (!opts.token) this.off = "`github-token` is empty";
    else if (!opts.context.repository) this.off = "GITHUB_REPOSITORY is not set";
    else if (!ref(opts.context)) this.off = "the run has no commit (GITHUB_SHA)";
    if (this.off && opts.enabled) opts.log.debug(`GitHub deployments off: ${this.off}`);
  }

  /** False once the ledger is off: every call is then a no-op. */
  get active(): boolean {
    return this.off === undefined;
  }

  /** The environment's newest entry and newest successful one; empty when off or unreadable. */
  async read(): Promise<LedgerView> {
    const view = await this.call("read the deployment history of", async (octokit, repo) => {
      let latest: LedgerEntry | undefined;
      for await (const { entry, served } of this.entries(octokit, repo)) {
        latest ??= entry;
        if (served) return { latest, lastSuccess: entry };
      }
      return latest ? { latest } : {};
    });
    return view ?? {};
  }

  /** Creates this run's deployment recording `payload`, and marks it in_progress. */
  async begin(payload: LedgerPayload, description?: string): Promise<number | undefined> {
    if (this.opts.dryRun) return undefined;
    const id = await this.call("create a deployment in", async (octokit, repo) => {
      const { context } = this.opts;
      const transient = context.pullRequest !== undefined;
      const res = await octokit.rest.repos.createDeployment({
        ...repo,
        ref: ref(context),
        task: "deploy",
        environment: this.environment,
        // A payload is JSON; a masked value in it makes it one no run trusts again.
        payload: JSON.parse(redact(JSON.stringify(payload), this.secrets)),
        ...(description ? { description: this.describe(description) } : {}),
        // Not merged, not gated on the commit's checks: the workflow running this is one of them.
        auto_merge: false,
        required_contexts: [],
        transient_environment: transient,
        ...(transient ? { production_environment: false } : {}),
      });
      if (res.status !== 201 || !("id" in res.data)) {
        const message = "message" in res.data ? String(res.data.message) : `status ${res.status}`;
        throw new Error(`GitHub did not create it (${message})`);
      }
      return res.data.id;
    });
    if (id === undefined) return undefined;
    this.deploymentId = id;
    this.opts.log.info(`GitHub deployment ${id} in environment ${this.environment}`);
    await this.setStatus(id, "in_progress", { description: "Deploying" });
    return id;
  }

  /** The end of this run's deployment; nothing when begin() made none. */
  async finish(state: FinalState, details: StatusDetails = {}): Promise<void> {
    if (this.deploymentId !== undefined) await this.setStatus(this.deploymentId, state, details);
  }

  /**
   * The endpoint was deleted: marks the environment's entries that still stand for it inactive
   * (GitHub then shows a transient environment as destroyed). With no id, every live entry.
   * Returns how many were marked.
   */
  async retire(endpointId?: string, description = "Endpoint deleted"): Promise<number> {
    const ids = await this.call("read the deployments of", async (octokit, repo) => {
      const live: number[] = [];
      for await (const { entry } of this.entries(octokit, repo)) {
        const ours = endpointId === undefined || entry.payload.endpoint.id === endpointId;
        if (ours && LIVE_STATES.has(entry.state)) live.push(entry.deploymentId);
      }
      return live;
    });
    let marked = 0;
    for (const id of ids ?? []) if (await this.setStatus(id, "inactive", { description })) marked++;
    return marked;
  }

  /** Posts one status, with the workflow run as its log. True when GitHub took it. */
  async setStatus(
    deploymentId: number,
    state: DeploymentState,
    details: StatusDetails = {},
  ): Promise<boolean> {
    if (this.opts.dryRun) return false;
    const { runUrl } = this.opts.context;
    const url = details.environmentUrl;
    const what = `set the ${state} status of deployment ${deploymentId} in`;
    const done = await this.call(what, async (octokit, repo) => {
      await octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: deploymentId,
        state,
        ...(runUrl ? { log_url: runUrl } : {}),
        ...(url && /^https?:\/\//.test(url) ? { environment_url: url } : {}),
        ...(details.description ? { description: this.describe(details.description) } : {}),
      });
      return true;
    });
    return done === true;
  }

  /** A description as GitHub takes it: at most 140 characters, redacted. */
  private describe(text: string): string {
    return redact(truncate(text, 140), this.secrets);
  }

  /** Our entries, newest first, each with its latest state; at most maxExamined of them. */
  private async *entries(
    octokit: Octokit,
    repo: Repo,
  ): AsyncGenerator<{ entry: LedgerEntry; served: boolean }> {
    const { log, maxExamined = DEFAULT_MAX_EXAMINED } = this.opts;
    let examined = 0;
    const pages = octokit.paginate.iterator(octokit.rest.repos.listDeployments, {
      ...repo,
      environment: this.environment,
      per_page: this.opts.perPage ?? 20,
    });
    // The token's identity (isOwnRecord) is asked at the first record that could be ours: an empty
    // or unreadable history costs no request.
    let identity: string | undefined;
    for await (const page of pages) {
      for (const d of page.data) {
        const payload = parsePayload(d.payload);
        if (!payload) {
          log.debug(`GitHub deployment ${d.id} is not one this action recorded: ignored`);
          continue;
        }
        identity ??= await tokenIdentity(octokit);
        if (!isOwnRecord(d, identity, this.environment)) {
          log.debug(
            `GitHub deployment ${d.id} was not created by ${identity} in ${this.environment}: ignored`,
          );
          continue;
        }
        if (++examined > maxExamined) return;
        const statuses = await octokit.rest.repos.listDeploymentStatuses({
          ...repo,
          deployment_id: d.id,
          per_page: STATUSES_READ,
        });
        const { state, served } = trustedState(statuses.data, identity);
        yield {
          entry: { deploymentId: d.id, createdAt: d.created_at, payload, ...(state ? { state } : {}) },
          served,
        };
      }
    }
  }

  /**
   * Runs one call to GitHub, or nothing when the ledger is off or the run was cancelled. A failure
   * never reaches the caller: it is a warning, and one that says GitHub will not take part (no
   * permission, no answer) turns the ledger off.
   */
  async call<T>(what: string, fn: (octokit: Octokit, repo: Repo) => Promise<T>): Promise<T | undefined> {
    const { opts } = this;
    if (this.off || opts.signal?.aborted) return undefined;
    const timeout = (opts.timeoutSignal ?? AbortSignal.timeout)(opts.timeoutMs ?? LEDGER_CALL_TIMEOUT_MS);
    this.current = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    try {
      this.octokit ??= await githubClient({ ...opts, signal: () => this.current });
      return await fn(this.octokit, splitRepository(opts.context.repository));
    } catch (err) {
      this.fail(what, err);
      return undefined;
    }
  }

  private fail(what: string, err: unknown): void {
    const { opts } = this;
    const text = githubErrorText(err, this.secrets);
    // A ledger of no environment reads the whole repository (a sweep's look for closed previews).
    const where = this.environment ? ` environment ${this.environment}` : "";
    if (opts.signal?.aborted) {
      this.off = "the run was cancelled";
      opts.log.debug(`GitHub deployments: could not ${what}${where}: cancelled`);
      return;
    }
    const status = answeredStatus(err);
    if (status === 401 || status === 403 || status === 404) {
      this.off = `${status}`;
      opts.log.warning(
        `GitHub deployments are off for the rest of this run: could not ${what}${where} (${status} ${text}); ` +
          "the token needs `permissions: deployments: write`. Lost without it: this run's record in GitHub, " +
          "and with it skipping unchanged deploys, rolling back to the last good version and finding the " +
          "endpoint without listing the project. The deploy itself goes on as without the ledger.",
      );
      return;
    }
    if (status === undefined) this.off = "GitHub did not answer";
    opts.log.warning(
      `GitHub deployments: could not ${what}${where} (${text})` +
        (this.off ? "; the ledger is off for the rest of this run." : ".") +
        " The deploy itself is not affected.",
    );
  }
}

/** The commit deployed: a pull request's head (GITHUB_SHA is a merge commit nobody pushed there). */
function ref(context: RunContext): string {
  return context.pullRequest?.headSha || context.sha;
}
