// One run's use of the deployment ledger (GitHub Deployments, ../report/deployments.ts): read the
// environment's history before the lookup, record this run's deployment once the endpoint id is
// known, set its final status from `result`, retire it when the endpoint is deleted. Reading is
// harmless, so a dry run reads too (and can show `unchanged`); a dry run never writes.

import type { Logger } from "../base/log.ts";
import type { Result } from "../base/names.ts";
import type { RunContext } from "../github/context.ts";
import type { Inputs } from "../inputs/inputs.ts";
import type { RunReport } from "../report/run-report.ts";
import { type DeploymentLedger, type FinalState, openLedger } from "./deployments.ts";
import {
  buildPayload,
  type DeploymentSettings,
  environmentName,
  type LedgerEntry,
  type LedgerView,
} from "./ledger.ts";

interface LedgerRunOptions {
  inputs: Inputs;
  context: RunContext;
  apiUrl: string | undefined;
  log: Logger;
  secrets: string[];
  signal: AbortSignal;
  report: RunReport;
  /** Saves this run's deployment id for the post step (after a cancellation it sets the status). */
  saveDeploymentId: (id: number) => void;
}

/** What `result` says about the version this run asked for, as a deployment status. */
const FINAL: Partial<Record<Result, FinalState>> = {
  created: "success",
  updated: "success",
  unchanged: "success",
  "timed-out": "failure",
  "rolled-back": "failure",
};

export class LedgerRun {
  view: LedgerView = {};
  readonly ledger: DeploymentLedger;
  private readonly opts: LedgerRunOptions;
  /** This run's own deployment; a rollback's record does not replace it. */
  private ownId: number | undefined;
  private settled = false;

  constructor(opts: LedgerRunOptions) {
    this.opts = opts;
    const { inputs } = opts;
    const environment = environmentName(inputs.environment, inputs.name);
    this.ledger = openLedger({
      enabled: inputs.githubDeployment,
      context: opts.context,
      token: inputs.githubToken,
      apiUrl: opts.apiUrl,
      environment,
      log: opts.log,
      secrets: opts.secrets,
      signal: opts.signal,
    });
    if (this.ledger.active) opts.report.deployment = { environment, ...this.link(environment) };
  }

  /** The environment's history, before this run adds to it; `{}` when the ledger is off. */
  async read(): Promise<LedgerView> {
    this.view = await this.ledger.read();
    const last = this.view.lastSuccess;
    if (last && this.opts.inputs.operation === "deploy") this.opts.report.previous = versionOf(last);
    return this.view;
  }

  /** Records this run's deployment of `settings` on endpoint `endpointId` (in_progress). */
  async begin(endpointId: string | undefined, settings: DeploymentSettings, what: string): Promise<void> {
    if (this.opts.inputs.dryRun || this.ownId !== undefined) return;
    const { name, projectId } = this.opts.inputs;
    const id = await this.ledger.begin(buildPayload({ id: endpointId, name, projectId }, settings), what);
    if (id === undefined) return;
    this.ownId = id;
    const { report } = this.opts;
    report.deployment = { ...(report.deployment ?? { environment: this.ledger.environment }), id };
    this.opts.saveDeploymentId(id);
  }

  /** True once this run has its deployment. */
  get begun(): boolean {
    return this.ownId !== undefined;
  }

  /**
   * The failed update's deployment ends `failure`, and the rollback is recorded as a deployment of
   * its own with the settings put back (`success`): the ledger's newest entry is then what serves.
   */
  async recordRollback(endpointId: string, entry: LedgerEntry): Promise<void> {
    if (this.opts.inputs.dryRun) return;
    await this.ledger.finish("failure", { description: "Failed; rolled back" });
    this.settled = true;
    const { name, projectId } = this.opts.inputs;
    const payload = buildPayload({ id: endpointId, name, projectId }, entry.payload.settings);
    const id = await this.ledger.begin(payload, `Rollback to deployment ${entry.deploymentId}`);
    if (id !== undefined) await this.ledger.finish("success", this.successDetails());
  }

  /**
   * The run's deployment's last status, from `result`. A cancelled run sends nothing (the post step
   * does); `failed` is `failure` when the endpoint failed, `error` when the run did.
   */
  async end(result: Result): Promise<void> {
    if (this.opts.inputs.dryRun || this.ownId === undefined || this.settled) return;
    this.settled = true;
    const state: FinalState | undefined =
      FINAL[result] ?? (result === "failed" ? failedState(this.opts.report) : undefined);
    if (!state) return;
    const details = state === "success" ? this.successDetails() : { description: describe(result) };
    await this.ledger.finish(state, details);
  }

  /** The endpoint was deleted: its entries in the environment become inactive. */
  async retire(endpointId: string): Promise<void> {
    if (this.opts.inputs.dryRun) return;
    await this.ledger.retire(endpointId);
  }

  private successDetails() {
    const url = this.opts.report.inferenceUrl ?? `${this.opts.inputs.apiUrl}/dedicated/v1`;
    return { description: "Serving", environmentUrl: url };
  }

  private link(environment: string): { url?: string } {
    const { serverUrl, repository } = this.opts.context;
    if (!/^https?:\/\/[A-Za-z0-9.:-]+$/.test(serverUrl) || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return {};
    return { url: `${serverUrl}/${repository}/deployments/${encodeURIComponent(environment)}` };
  }
}

/** `failure` when the endpoint itself failed (its status said so), else `error` (the run failed). */
function failedState(report: RunReport): FinalState {
  return report.status?.toUpperCase() === "FAILED" ? "failure" : "error";
}

function describe(result: Result): string {
  return result === "timed-out" ? "Timed out" : result === "rolled-back" ? "Failed; rolled back" : "Failed";
}

/** A ledger entry as the reports show a version. */
export function versionOf(entry: LedgerEntry): NonNullable<RunReport["previous"]> {
  const { model, gpu, autoscaling } = entry.payload.settings;
  return {
    deploymentId: entry.deploymentId,
    model: model.revision ? { repo: model.repo, revision: model.revision } : { repo: model.repo },
    gpu: gpu.label,
    replicas: { min: autoscaling.minReplicas, max: autoscaling.maxReplicas },
  };
}

export function openLedgerRun(opts: LedgerRunOptions): LedgerRun {
  return new LedgerRun(opts);
}
