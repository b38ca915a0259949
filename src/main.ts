// The orchestrator: parse the inputs, run one operation, report. The only module of the main step
// that talks to the runner (@actions/core) for outputs, state and failure; everything it uses is
// passed in or built here, so tests drive run() with their own clock, dispatcher, signal and
// environment.
import * as actionsCore from "@actions/core";
import type { Dispatcher } from "undici";
import { type Clock, systemClock } from "./base/clock.ts";
import type { Core } from "./base/core.ts";
import { Input, State } from "./base/names.ts";
import { formatError } from "./base/redact.ts";
import { guardCore } from "./base/safe-text.ts";
import { FriendliClient } from "./friendli/client.ts";
import { type RunContext, readRunContext } from "./github/context.ts";
import { isUnexpandedExpression } from "./inputs/fields.ts";
import { type Inputs, ignoredSmokeGates, parseInputs } from "./inputs/inputs.ts";
import { LedgerRun } from "./ledger/run.ts";
import { afterFailure, type FailureFacts } from "./operations/after-failure.ts";
import { friendliHttpOptions } from "./operations/client-options.ts";
import type { OperationContext } from "./operations/context.ts";
import { recordCostSoFar } from "./operations/cost.ts";
import { runOperation } from "./operations/index.ts";
import { resultOf } from "./plan/result.ts";
import { writeOutputs } from "./report/outputs.ts";
import type { RunReport } from "./report/run-report.ts";
import { renderSummary } from "./report/summary.ts";

interface RunDeps {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** Aborted on SIGINT/SIGTERM (the workflow was cancelled). */
  signal: AbortSignal;
  dispatcher?: Dispatcher;
  core: Core;
}

const FAILURE_RESULTS = new Set(["failed", "timed-out", "cancelled", "rolled-back"]);

/** One run as the steps below share it; its `core` is the guarded one, and the run's Logger. */
interface Run extends RunDeps {
  secrets: string[];
  report: RunReport;
  /** A warning for the log and the reports alike. */
  warn: (message: string) => void;
  inputs?: Inputs;
  context?: RunContext;
  /** The endpoint whose state an operation saved itself. */
  remembered?: string;
  /** A create went out: its endpoint may exist even without an id. */
  createSent: boolean;
}

export async function run(overrides: Partial<RunDeps> = {}): Promise<RunReport> {
  const given: RunDeps = {
    env: process.env,
    clock: systemClock,
    signal: new AbortController().signal,
    core: actionsCore,
    ...overrides,
  };
  const secrets = maskSecrets(given.core);
  // Every sink redacted and every log line unable to form a workflow command (base/safe-text.ts).
  const core = guardCore(given.core, secrets);
  const report = newReport(core, given.clock);
  const warn = (message: string) => {
    report.warnings.push(message);
    core.warning(message);
  };
  const r: Run = { ...given, core, secrets, report, warn, createSent: false };
  try {
    r.context = readRunContext(r.env);
    const parsed = parseInputs((name) => core.getInput(name), r.context, core.debug);
    if (parsed.kind !== "ok") {
      if (parsed.kind === "invalid") report.message = invalidInputsMessage(parsed.problems);
      else warn(parsed.reason);
      report.result = resultOf({ stage: "inputs", skipped: parsed.kind === "skip" });
      return await finish(r);
    }
    r.inputs = parsed.inputs;
    report.operation = r.inputs.operation;
    if (r.inputs.operation !== "sweep") report.endpointName = r.inputs.name;
    if (/^(main|master)$/.test(r.context.actionRef)) {
      warn(
        `This action is used at @${r.context.actionRef}: pin it to a release tag or commit for reproducible deploys`,
      );
    }
    const ignored = ignoredSmokeGates(r.inputs);
    if (ignored) warn(ignored);
    await operate(r, r.inputs, r.context);
  } catch (err) {
    report.result = "failed";
    report.message = formatError(err, r.secrets);
  }
  return await finish(r);
}

/** Runs the operation, sets `result` from how it went, and cleans up after a failure. */
async function operate(r: Run, inputs: Inputs, context: RunContext): Promise<void> {
  const { report, secrets, clock, signal, core: log } = r;
  const clientUntil = (deadlineMs: number) =>
    new FriendliClient(friendliHttpOptions(inputs, r, deadlineMs, log));
  const deadlineMs = report.startedAtMs + inputs.waitTimeoutMs;
  const hooks = savedForPostStep(r);
  const ledger = new LedgerRun({
    inputs,
    context,
    apiUrl: r.env.GITHUB_API_URL,
    log,
    secrets,
    signal,
    report,
    saveDeploymentId: (id) => r.core.saveState(State.deploymentId, String(id)),
  });
  const { plan, error, rolledBack } = await runOperation({
    inputs,
    run: context,
    client: clientUntil(deadlineMs),
    clock,
    signal,
    deadlineMs,
    log,
    report,
    secrets,
    env: r.env,
    dispatcher: r.dispatcher,
    ...hooks,
    ledger,
    clientUntil,
  });
  if (error !== undefined) report.message = formatError(error, secrets);
  const aborted = signal.aborted;
  report.result = resultOf({ stage: "plan", dryRun: inputs.dryRun, aborted, error, plan, rolledBack });
  await ledger.end(report.result);
  // The cost so far is a courtesy on a budget of its own, after a run that went well: after a
  // failure the run ends without another request (a refused token would be refused again).
  if (!FAILURE_RESULTS.has(report.result)) {
    if (!aborted)
      await recordCostSoFar(report, { inputs, clientUntil, now: () => clock.now(), log, secrets });
    return;
  }
  await afterFailure(report, failureFacts(r, inputs), {
    clientUntil,
    clock,
    log,
    warn: r.warn,
    secrets,
    owe: hooks.noteDeleteOwed,
  });
  if (report.deletedAfterFailure && report.endpointId) await ledger.retire(report.endpointId);
}

function failureFacts(r: Run, inputs: Inputs): FailureFacts {
  const { result, endpointId, endpointName, createdByThisRun } = r.report;
  return {
    ...inputs,
    result,
    endpointId,
    endpointName,
    createdHere: createdByThisRun === true,
    createSent: r.createSent,
    // A create went out, yet whether it made this endpoint is unknown: its answer was lost.
    unproven: r.createSent && endpointId !== undefined && createdByThisRun === undefined,
  };
}

/**
 * The state the post step reads, saved as the run learns it: the create's facts (before the first
 * create goes out, so a cancellation before its id is known still leaves the post step what it
 * needs to prove which endpoint, if any, that create made), a DELETE the run owes, and the endpoint.
 */
function savedForPostStep(r: Run): Pick<OperationContext, "noteCreate" | "noteDeleteOwed" | "remember"> {
  const { core } = r;
  return {
    noteCreate: (facts) => {
      if (!r.createSent) {
        core.saveState(State.createSentAt, String(r.clock.now()));
        core.saveState(State.lookupIds, [...facts.lookupIds].join(","));
      }
      r.createSent = true;
      if (facts.answeredCreatedAt) core.saveState(State.createCreatedAt, facts.answeredCreatedAt);
    },
    noteDeleteOwed: (owed) => core.saveState(State.deleteOwed, String(owed)),
    remember: (endpointId, createdByThisRun) => {
      r.remembered = endpointId;
      if (createdByThisRun !== undefined) r.report.createdByThisRun = createdByThisRun;
      core.saveState(State.endpointId, endpointId);
      core.saveState(State.createdByThisRun, String(createdByThisRun === true));
    },
  };
}

/** Outputs, state, summary, PR comment and the step's failure: everything the run reports. */
async function finish(r: Run): Promise<RunReport> {
  const { report, inputs, context, core, secrets, signal } = r;
  report.finishedAtMs = r.clock.now();
  if (report.endpointId && inputs && report.result !== "deleted" && !report.deletedAfterFailure) {
    report.inferenceUrl = `${inputs.apiUrl}/dedicated/v1`;
  }
  // Outputs first: they are what later steps read, and nothing before them may throw.
  writeOutputs(report, core.setOutput);
  try {
    // Every path that knows its endpoint saves it (reuse, status, delete too), never as created here.
    if (report.endpointId && r.remembered !== report.endpointId) {
      core.saveState(State.endpointId, report.endpointId);
      core.saveState(State.createdByThisRun, "false");
    }
    core.saveState(State.result, report.result);
    // A sweep cut short: the DELETEs in flight may have gone through; the post step confirms them.
    const unconfirmed = (report.sweep?.sleep ? [] : (report.sweep?.rows ?? []))
      .filter((row) => row.action === "pending")
      .map(({ id, name, prNumber }) => ({ id, name, prNumber }));
    if (unconfirmed.length > 0) core.saveState(State.sweepUnconfirmed, JSON.stringify(unconfirmed));
  } catch (err) {
    core.warning(`state for the post step not saved: ${formatError(err, secrets)}`);
  }
  try {
    await core.summary.addRaw(renderSummary(report)).write();
  } catch (err) {
    core.debug(`job summary not written: ${String(err)}`);
  }
  // No request after a cancellation; the comment never fails the step.
  // A sweep acts on many PRs' previews, none of them this event's: it comments on no PR.
  if (inputs?.prComment && inputs.operation !== "sweep" && context?.pullRequest && !signal.aborted) {
    const { upsertPrComment } = await import("./report/pr-comment-writer.ts");
    const token = inputs.githubToken;
    await upsertPrComment({
      report,
      context,
      token,
      apiUrl: r.env.GITHUB_API_URL,
      log: core,
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

function newReport(core: Core, clock: Clock): RunReport {
  // Known before the inputs are validated, so even a bad-input failure is headed by its operation.
  const given = core.getInput(Input.operation);
  const named = (["delete", "status", "sweep", "sleep", "wake", "restart"] as const).find((o) => o === given);
  const operation = named ?? "deploy";
  const now = clock.now();
  return { operation, result: "failed", startedAtMs: now, finishedAtMs: now, timeline: [], warnings: [] };
}

function invalidInputsMessage(problems: Array<{ input: string; message: string }>): string {
  return [
    `${problems.length === 1 ? "An input is" : `${problems.length} inputs are`} not valid:`,
    ...problems.map((p) => `- ${p.input}: ${p.message}`),
  ].join("\n");
}

function maskSecrets(core: Core): string[] {
  // Masked before anything else can print them. An unexpanded `${{ github.token }}` is no secret, and
  // masking it would hide that text where a message names the default.
  const secrets = [
    core.getInput(Input.friendliToken),
    core.getInput(Input.githubToken),
    core.getInput(Input.hfToken),
  ].filter((s) => s !== "" && !isUnexpandedExpression(s));
  for (const s of secrets) core.setSecret(s);
  return secrets;
}
