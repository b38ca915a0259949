// The orchestrator: parse the inputs, run one operation, report. The only module of the main step
// that talks to the runner (@actions/core) for outputs, state and failure; everything it uses is
// passed in or built here, so tests drive run() with their own clock, dispatcher, signal and
// environment.

import * as actionsCore from "@actions/core";
import type { Dispatcher } from "undici";
import { type Clock, systemClock } from "./clock.ts";
import { type RunContext, readRunContext } from "./context.ts";
import type { Core } from "./core.ts";
import { FriendliClient } from "./friendli/client.ts";
import { ApiError } from "./friendli/errors.ts";
import { formatError } from "./friendli/redact.ts";
import { type Inputs, parseInputs } from "./inputs.ts";
import type { Logger } from "./log.ts";
import { Input, State } from "./names.ts";
import { type OperationContext, OperationFailure } from "./operations/context.ts";
import { deleteEndpoint } from "./operations/delete.ts";
import { deploy } from "./operations/deploy.ts";
import { endpointStatus } from "./operations/status.ts";
import { writeOutputs } from "./report/outputs.ts";
import type { RunReport } from "./report/run-report.ts";
import { guardCore } from "./report/safe-text.ts";
import { renderSummary } from "./report/summary.ts";

/** The part of the runner interface the action uses: tests may pass a recorder. */
export type { Core };

export interface RunDeps {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** Aborted on SIGINT/SIGTERM (the workflow was cancelled). */
  signal: AbortSignal;
  dispatcher?: Dispatcher;
  core: Core;
}

const FAILURE_RESULTS = new Set(["failed", "timed-out", "cancelled"]);
/** delete-on-failure's own time: enough for a few retries, short of a job's patience. */
const CLEANUP_DEADLINE_MS = 60_000;

export async function run(overrides: Partial<RunDeps> = {}): Promise<RunReport> {
  const deps: RunDeps = {
    env: process.env,
    clock: systemClock,
    signal: new AbortController().signal,
    core: actionsCore,
    ...overrides,
  };
  const { clock, signal } = deps;
  const secrets = maskSecrets(deps.core);
  // Every sink redacted and every log line unable to form a workflow command (report/safe-text.ts).
  const core = guardCore(deps.core, secrets);
  const log: Logger = { info: core.info, warning: core.warning, debug: core.debug };
  const report: RunReport = {
    // Known before the inputs are validated, so even a bad-input failure is headed by its operation.
    operation: ["delete", "status"].includes(core.getInput(Input.operation))
      ? (core.getInput(Input.operation) as Inputs["operation"])
      : "deploy",
    result: "failed",
    startedAtMs: clock.now(),
    finishedAtMs: clock.now(),
    timeline: [],
    warnings: [],
  };
  const warn = (message: string) => {
    report.warnings.push(message);
    core.warning(message);
  };

  let inputs: Inputs | undefined;
  let createdId: string | undefined;
  let createSent = false;
  let remembered: string | undefined;
  let context: RunContext | undefined;
  try {
    context = readRunContext(deps.env);
    const parsed = parseInputs((name) => core.getInput(name), context);
    if (parsed.kind === "invalid") {
      report.message = [
        `${parsed.problems.length === 1 ? "An input is" : `${parsed.problems.length} inputs are`} not valid:`,
        ...parsed.problems.map((p) => `- ${p.input}: ${p.message}`),
      ].join("\n");
      return await finish();
    }
    if (parsed.kind === "skip") {
      warn(parsed.reason);
      report.result = "skipped";
      return await finish();
    }
    inputs = parsed.inputs;
    report.operation = inputs.operation;
    report.endpointName = inputs.name;
    if (/^(main|master)$/.test(context.actionRef)) {
      warn(
        `This action is used at @${context.actionRef}: pin it to a release tag or commit for reproducible deploys`,
      );
    }

    const deadlineMs = report.startedAtMs + inputs.waitTimeoutMs;
    const { apiUrl, friendliToken, teamId } = inputs;
    const clientUntil = (deadline: number) =>
      new FriendliClient({
        baseUrl: apiUrl,
        token: friendliToken,
        teamId,
        dispatcher: deps.dispatcher,
        clock,
        signal,
        deadlineMs: deadline,
        log,
      });
    const client = clientUntil(deadlineMs);
    const op: OperationContext = {
      inputs,
      run: context,
      client,
      clock,
      signal,
      deadlineMs,
      log,
      report,
      noteCreateSent: () => {
        // Saved before the first create goes out, so a cancellation before its id is known still
        // leaves the post step enough to find it by name. A create is only sent after the lookup by
        // name found nothing, hence the name was absent before it.
        if (!createSent) {
          core.saveState(State.createSentAt, String(clock.now()));
          core.saveState(State.nameAbsentBefore, "true");
        }
        createSent = true;
      },
      remember: (endpointId, createdByThisRun) => {
        remembered = endpointId;
        if (createdByThisRun) createdId = endpointId;
        report.createdByThisRun = createdByThisRun;
        core.saveState(State.endpointId, endpointId);
        core.saveState(State.createdByThisRun, String(createdByThisRun));
      },
    };
    try {
      await { deploy, delete: deleteEndpoint, status: endpointStatus }[inputs.operation](op);
    } catch (err) {
      report.result = resultOf(err, signal);
      report.message = formatError(err, secrets);
    }
    if (signal.aborted) report.result = "cancelled";
    if (report.plannedRequest) logPlannedRequest(log, apiUrl, report.plannedRequest);
    // The cleanup gets a deadline of its own: after a timeout the run's deadline has passed.
    const cleanupClient = () => clientUntil(clock.now() + CLEANUP_DEADLINE_MS);
    if (FAILURE_RESULTS.has(report.result)) {
      await afterFailure(op, { createdId, createSent, secrets }, cleanupClient, warn);
    }
  } catch (err) {
    report.result = "failed";
    report.message = formatError(err, secrets);
  }
  return await finish();

  async function finish(): Promise<RunReport> {
    report.finishedAtMs = clock.now();
    if (report.endpointId && inputs && report.result !== "deleted" && !report.deletedAfterFailure) {
      report.inferenceUrl = `${inputs.apiUrl}/dedicated/v1`;
    }
    // Outputs first: they are what later steps read, and nothing before them may throw.
    writeOutputs(report, core.setOutput);
    try {
      // Every path that knows its endpoint saves it (reuse, status, delete too), never as created here.
      if (report.endpointId && remembered !== report.endpointId) {
        core.saveState(State.endpointId, report.endpointId);
        core.saveState(State.createdByThisRun, String(report.endpointId === createdId));
      }
      core.saveState(State.result, report.result);
    } catch (err) {
      log.warning(`state for the post step not saved: ${formatError(err, secrets)}`);
    }
    await writeSummary(core, report, log);
    // No request after a cancellation; the comment never fails the step.
    if (inputs?.prComment && context?.pullRequest && !signal.aborted) {
      const { upsertPrComment } = await import("./report/pr-comment.ts");
      await upsertPrComment({
        report,
        context,
        token: inputs.githubToken,
        apiUrl: deps.env.GITHUB_API_URL,
        log,
        secrets,
        signal,
      });
    }
    if (FAILURE_RESULTS.has(report.result))
      core.setFailed(
        [report.message ?? `the run ended with ${report.result}`, report.hint].filter(Boolean).join("\n"),
      );
    return report;
  }
}

function logPlannedRequest(log: Logger, apiUrl: string, r: NonNullable<RunReport["plannedRequest"]>): void {
  log.info(
    [
      "dry-run: nothing was changed. The request that would be sent:",
      `${r.method} ${apiUrl}${r.url}`,
      "Authorization: Bearer ***",
      ...(r.body === undefined ? [] : [JSON.stringify(r.body, null, 2)]),
    ].join("\n"),
  );
}

function maskSecrets(core: Core): string[] {
  // Masked before anything else can print them.
  const secrets = [core.getInput(Input.friendliToken), core.getInput(Input.githubToken)].filter(
    (s) => s !== "",
  );
  for (const s of secrets) core.setSecret(s);
  return secrets;
}

function resultOf(err: unknown, signal: AbortSignal): RunReport["result"] {
  if (signal.aborted) return "cancelled";
  if (err instanceof OperationFailure) return err.result;
  if (err instanceof ApiError && err.kind === "aborted") return "cancelled";
  if (err instanceof ApiError && err.kind === "deadline") return "timed-out";
  return "failed";
}

/** delete-on-failure, and the warning about an endpoint left provisioning. */
async function afterFailure(
  op: OperationContext,
  {
    createdId,
    createSent,
    secrets,
  }: { createdId: string | undefined; createSent: boolean; secrets: string[] },
  cleanupClient: () => FriendliClient,
  warn: (m: string) => void,
): Promise<void> {
  const { report, inputs } = op;
  const id = report.endpointId;
  if (!id) {
    // The create went out but its endpoint was never identified: it may exist and cost money.
    if (createSent && inputs.operation === "deploy") {
      warn(
        `An endpoint named "${inputs.name}" may have been created in project ${inputs.projectId} before the run ` +
          `${report.result === "cancelled" ? "was cancelled" : "failed"}; check Friendli Suite, or remove it with ` +
          `operation: delete, name: ${inputs.name}` +
          (report.result === "cancelled" && inputs.deleteOnFailure
            ? "; the post step will look it up by name and delete it"
            : ""),
      );
    }
    return;
  }
  const createdHere = createdId === id;
  if (report.result === "cancelled") {
    // No request after the signal: the post step deletes it when delete-on-failure asks for it.
    if (inputs.operation === "delete") {
      warn(
        `Cancelled: the DELETE of endpoint ${id} ("${report.endpointName}") may not have finished; check it or run the delete again`,
      );
      return;
    }
    if (!createdHere) {
      // Never advise deleting an endpoint this run found: it may be someone's production endpoint.
      warn(
        `Cancelled: endpoint ${id} ("${report.endpointName}") was not created by this run and is left as it is` +
          (inputs.operation === "deploy" && inputs.ifExists === "update"
            ? "; an update sent before the cancellation may still be rolling out"
            : ""),
      );
      return;
    }
    warn(
      `Cancelled: endpoint ${id} ("${report.endpointName}") may still be provisioning and costing GPU time` +
        (inputs.deleteOnFailure
          ? "; the post step will delete it"
          : `; delete it with operation: delete, endpoint-id: ${id}`),
    );
    return;
  }
  if (!inputs.deleteOnFailure || !createdHere) return;
  try {
    await cleanupClient().delete(id);
    op.log.info(`delete-on-failure: deleted endpoint ${id}, which this run created`);
    report.deletedAfterFailure = true;
  } catch (err) {
    warn(`delete-on-failure: could not delete endpoint ${id}: ${formatError(err, secrets)}`);
  }
}

async function writeSummary(core: Core, report: RunReport, log: Logger): Promise<void> {
  try {
    await core.summary.addRaw(renderSummary(report)).write();
  } catch (err) {
    log.debug(`job summary not written: ${String(err)}`);
  }
}
