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

const DEFAULT_PER_PAGE = 20;
export const DEFAULT_MAX_EXAMINED = 50;
/** Statuses read per record: a few, as others' may sit above ours (trustedState skips them). */
export const STATUSES_READ = 10;
const MAX_DESCRIPTION = 140;
const PERMISSION = "`permissions: deployments: write`";
/** Latest states after which an entry still stands for a live endpoint (retire marks these). */
const LIVE_STATES = new Set<DeploymentState | undefined>([
  undefined,
  "success",
  "in_progress",
  "queued",
  "pending",
]);

interface Examined {
  entry: LedgerEntry;
  /** Its settings served, as trustedState (./trust.ts) reads its statuses. */
  served: boolean;
}

export class DeploymentLedger {
  /** This run's deployment, once begin() created it: the `deployment-id` output. */
  deploymentId: number | undefined;
  private readonly opts: LedgerOptions;
  private off: string | undefined;
  private octokit: Octokit | undefined;
  private current: AbortSignal | undefined;

  constructor(opts: LedgerOptions) {
    this.opts = opts;
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

  get environment(): string {
    return this.opts.environment;
  }

  /** The environment's newest entry and newest successful one; empty when off or unreadable. */
  async read(): Promise<LedgerView> {
    return (await this.call("read the deployment history of", (o) => this.history(o))) ?? {};
  }

  /** Creates this run's deployment recording `payload`, and marks it in_progress. */
  async begin(payload: LedgerPayload, description?: string): Promise<number | undefined> {
    const id = await this.call("create a deployment in", async (octokit) => {
      const { context, environment } = this.opts;
      const transient = context.pullRequest !== undefined;
      const res = await octokit.rest.repos.createDeployment({
        ...this.repo(),
        ref: ref(context),
        task: "deploy",
        environment,
        payload: this.clean(payload) as unknown as Record<string, unknown>,
        ...(description ? { description: this.clean(truncate(description, MAX_DESCRIPTION)) } : {}),
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
    this.opts.log.info(`GitHub deployment ${id} in environment ${this.opts.environment}`);
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
    const ids =
      (await this.call("read the deployments of", (octokit) => this.liveEntries(octokit, endpointId))) ?? [];
    let marked = 0;
    for (const id of ids) if (await this.setStatus(id, "inactive", { description })) marked++;
    return marked;
  }

  /** Posts one status, with the workflow run as its log. True when GitHub took it. */
  async setStatus(
    deploymentId: number,
    state: DeploymentState,
    details: StatusDetails = {},
  ): Promise<boolean> {
    const done = await this.call(
      `set the ${state} status of deployment ${deploymentId} in`,
      async (octokit) => {
        const { runUrl } = this.opts.context;
        await octokit.rest.repos.createDeploymentStatus({
          ...this.repo(),
          deployment_id: deploymentId,
          state,
          ...(runUrl ? { log_url: runUrl } : {}),
          ...(details.environmentUrl && /^https?:\/\//.test(details.environmentUrl)
            ? { environment_url: details.environmentUrl }
            : {}),
          ...(details.description
            ? { description: this.clean(truncate(details.description, MAX_DESCRIPTION)) }
            : {}),
        });
        return true;
      },
    );
    return done === true;
  }

  /**
   * What is written to GitHub, redacted like every other sink: anyone who can read the repository
   * reads its deployments. A payload is JSON; a masked value makes it one no run trusts again.
   */
  private clean<T>(value: T): T {
    const secrets = [...this.opts.secrets, this.opts.token];
    if (typeof value === "string") return redact(value, secrets) as T;
    return JSON.parse(redact(JSON.stringify(value), secrets)) as T;
  }

  private repo(): { owner: string; repo: string } {
    return splitRepository(this.opts.context.repository);
  }

  /** Our entries, newest first, each with its latest state; at most maxExamined of them. */
  private async *entries(octokit: Octokit): AsyncGenerator<Examined> {
    const max = this.opts.maxExamined ?? DEFAULT_MAX_EXAMINED;
    let examined = 0;
    const pages = octokit.paginate.iterator(octokit.rest.repos.listDeployments, {
      ...this.repo(),
      environment: this.opts.environment,
      per_page: this.opts.perPage ?? DEFAULT_PER_PAGE,
    });
    // The token's identity (isOwnRecord) is asked at the first record that could be ours: an empty
    // or unreadable history costs no request.
    let identity: string | undefined;
    for await (const page of pages) {
      for (const d of page.data) {
        const payload = parsePayload(d.payload);
        if (!payload) {
          this.opts.log.debug(`GitHub deployment ${d.id} is not one this action recorded: ignored`);
          continue;
        }
        identity ??= await tokenIdentity(octokit);
        if (!isOwnRecord(d, identity, this.opts.environment)) {
          this.opts.log.debug(
            `GitHub deployment ${d.id} was not created by ${identity} in ${this.opts.environment}: ignored`,
          );
          continue;
        }
        if (++examined > max) return;
        const { state, served } = await this.latestState(octokit, d.id, identity);
        const entry: LedgerEntry = { deploymentId: d.id, createdAt: d.created_at, payload };
        if (state) entry.state = state;
        yield { entry, served };
      }
    }
  }

  private async history(octokit: Octokit): Promise<LedgerView> {
    const view: LedgerView = {};
    for await (const { entry, served } of this.entries(octokit)) {
      view.latest ??= entry;
      if (served) {
        view.lastSuccess = entry;
        break;
      }
    }
    return view;
  }

  private async liveEntries(octokit: Octokit, endpointId: string | undefined): Promise<number[]> {
    const out: number[] = [];
    for await (const { entry } of this.entries(octokit)) {
      if (endpointId !== undefined && entry.payload.endpoint.id !== endpointId) continue;
      if (LIVE_STATES.has(entry.state)) out.push(entry.deploymentId);
    }
    return out;
  }

  /** Its latest state, as trustedState reads its newest statuses. */
  private async latestState(octokit: Octokit, id: number, identity: string) {
    const res = await octokit.rest.repos.listDeploymentStatuses({
      ...this.repo(),
      deployment_id: id,
      per_page: STATUSES_READ,
    });
    return trustedState(res.data, identity);
  }

  /**
   * Runs one call to GitHub, or nothing when the ledger is off or the run was cancelled. A failure
   * never reaches the caller: it is a warning, and one that says GitHub will not take part (no
   * permission, no answer) turns the ledger off.
   */
  private async call<T>(what: string, fn: (octokit: Octokit) => Promise<T>): Promise<T | undefined> {
    const { opts } = this;
    if (this.off) return undefined;
    if (opts.signal?.aborted) return undefined;
    const timeout = (opts.timeoutSignal ?? AbortSignal.timeout)(opts.timeoutMs ?? LEDGER_CALL_TIMEOUT_MS);
    this.current = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    try {
      this.octokit ??= await githubClient({
        token: opts.token,
        apiUrl: opts.apiUrl,
        log: opts.log,
        signal: () => this.current,
      });
      return await fn(this.octokit);
    } catch (err) {
      this.fail(what, err);
      return undefined;
    }
  }

  private fail(what: string, err: unknown): void {
    const { opts } = this;
    const secrets = [...opts.secrets, opts.token];
    const text = githubErrorText(err, secrets);
    const where = `environment ${opts.environment}`;
    if (opts.signal?.aborted) {
      this.off = "the run was cancelled";
      opts.log.debug(`GitHub deployments: could not ${what} ${where}: cancelled`);
      return;
    }
    const status = answeredStatus(err);
    if (status === 401 || status === 403 || status === 404) {
      this.off = `${status}`;
      opts.log.warning(
        `GitHub deployments are off for the rest of this run: could not ${what} ${where} (${status} ${text}); ` +
          `the token needs ${PERMISSION}. Lost without it: this run's record in GitHub, and with it ` +
          `skipping unchanged deploys, rolling back to the last good version and finding the endpoint ` +
          `without listing the project. The deploy itself goes on as without the ledger.`,
      );
      return;
    }
    if (status === undefined) this.off = "GitHub did not answer";
    opts.log.warning(
      `GitHub deployments: could not ${what} ${where} (${text})` +
        (this.off ? "; the ledger is off for the rest of this run." : ".") +
        " The deploy itself is not affected.",
    );
  }
}

export function openLedger(opts: LedgerOptions): DeploymentLedger {
  return new DeploymentLedger(opts);
}

/** The commit deployed: a pull request's head (GITHUB_SHA is a merge commit nobody pushed there). */
function ref(context: RunContext): string {
  return context.pullRequest?.headSha || context.sha;
}
