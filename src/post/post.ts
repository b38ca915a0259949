// The post step (dist/post.js). It exists for what the main step cannot do safely after a
// cancellation (it sends no request after the signal): cleaning up an endpoint this run created
// (with delete-on-failure it deletes it; without, it says which step would), and closing this
// run's GitHub deployment. Its Friendli HTTP layer passes GET and DELETE only: whatever the state
// says, this step cannot create or update an endpoint.
import * as actionsCore from "@actions/core";
import { systemClock } from "../base/clock.ts";
import { formatDuration } from "../base/format.ts";
import { State } from "../base/names.ts";
import { formatError } from "../base/redact.ts";
import { safeLogger } from "../base/safe-text.ts";
import { POST_DEADLINE_MS } from "../base/timing.ts";
import type { CreateFacts } from "../endpoint/created-claim.ts";
import { findCreated } from "../endpoint/lookup.ts";
import { FriendliClient } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import { createHttp } from "../friendli/http.ts";
import { readRunContext } from "../github/context.ts";
import { parseInputs } from "../inputs/inputs.ts";
import { friendliHttpOptions } from "../operations/client-options.ts";
import { deleteStep, deleteSteps } from "../report/delete-step.ts";
import { type PostPlan, planPost } from "./decide.ts";
import { confirmSweep, type PostDeps, type PostStep } from "./sweep-check.ts";

type PostResult = "nothing" | "deleted" | "not-found" | "warned";

/** The post step. @github/local-action (npm run local) calls it too, without arguments. */
export async function run(overrides: Partial<PostDeps> = {}): Promise<PostResult> {
  const deps: PostDeps = {
    core: actionsCore,
    clock: systemClock,
    signal: new AbortController().signal,
    env: process.env,
    ...overrides,
  };
  const { core } = deps;
  const state = Object.fromEntries(Object.entries(State).map(([key, name]) => [key, core.getState(name)]));
  const plan = planPost(state);
  // After a cancellation the main step sends nothing, so this run's GitHub deployment is still
  // `in_progress`: it becomes `error`, or `inactive` when this step deleted the endpoint.
  const deploymentId = state.result === "cancelled" ? state.deploymentId : "";
  if (plan.kind === "nothing" && !deploymentId) return "nothing";
  const context = readRunContext(deps.env);
  const parsed = parseInputs((name) => core.getInput(name), context, core.debug);
  if (parsed.kind !== "ok") return "nothing";
  const { inputs } = parsed;
  // The GitHub token too: the sweep's confirmation and the deployment close with it.
  const secrets = [inputs.friendliToken, inputs.githubToken].filter((s) => s !== "");
  for (const s of secrets) core.setSecret(s);
  // From here every line is redacted and unable to form a workflow command.
  const safe = { ...core, ...safeLogger(core, secrets) };
  const step: PostStep = { ...deps, core: safe, log: safe, inputs, run: context, secrets };
  const outcome = await cleanUp(step, plan);
  if (deploymentId) {
    const { settleCancelledDeployment } = await import("../ledger/run.ts");
    await settleCancelledDeployment({
      inputs,
      context,
      deploymentId,
      ...(outcome === "deleted" && state.endpointId ? { deletedEndpointId: state.endpointId } : {}),
      apiUrl: deps.env.GITHUB_API_URL,
      log: safe,
      secrets,
      signal: deps.signal,
    });
  }
  return outcome;
}

/**
 * The endpoint a cancelled run created: deleted (delete-on-failure), or how to delete it; or the
 * cancelled sweep's DELETEs, confirmed. A failure becomes a warning with the paste-able step,
 * never the step's failure: the run already ended.
 */
async function cleanUp(step: PostStep, plan: PostPlan): Promise<PostResult> {
  const { inputs } = step;
  if (plan.kind === "nothing") return "nothing";
  // The main step already said how to delete it when delete-on-failure is off.
  if (plan.kind === "delete-by-id" && !plan.owed && !inputs.deleteOnFailure) return "nothing";
  if (plan.kind === "find-created" && !inputs.deleteOnFailure) {
    step.core.warning(
      `The run was cancelled after it sent the create of "${inputs.name}": that endpoint may exist and cost GPU time. ` +
        `Delete it with this step:\n${deleteStep(inputs)}`,
    );
    return "warned";
  }
  const client = readAndDeleteClient(step);
  try {
    if (plan.kind === "confirm-sweep") return await confirmSweep(step, plan.previews, client);
    // The HTTP layer retries a lost DELETE within POST_DEADLINE_MS; a 404 means it is gone.
    if (plan.kind === "delete-by-id")
      return await deleteOwn(step, client, plan.endpointId, ", created by the run");
    return await deleteCreated(step, client, plan.facts);
  } catch (err) {
    const error = formatError(err, step.secrets);
    step.core.warning(
      plan.kind === "confirm-sweep"
        ? `could not confirm the cancelled sweep's deletes: ${error}`
        : plan.kind === "delete-by-id"
          ? `delete-on-failure: could not delete endpoint ${plan.endpointId}: ${error}. ` +
            `Delete it with this step:\n${deleteStep(inputs, plan.endpointId)}`
          : `delete-on-failure: could not clean up after the cancelled create of "${inputs.name}": ${error}. ` +
            `Delete it with this step:\n${deleteStep(inputs)}`,
    );
    return "warned";
  } finally {
    await client.http.close();
  }
}

/** A client whose HTTP layer refuses every method but GET and DELETE before anything is sent. */
function readAndDeleteClient(step: PostStep): FriendliClient {
  const options = friendliHttpOptions(step.inputs, step, step.clock.now() + POST_DEADLINE_MS, step.log);
  const http = createHttp(options);
  return new FriendliClient({
    baseUrl: http.baseUrl,
    secrets: http.secrets,
    close: () => http.close(),
    send: (op) =>
      op.method === "GET" || op.method === "DELETE"
        ? http.send(op)
        : Promise.reject(new Error(`the post step sends no ${op.method} (${op.operation})`)),
  });
}

async function deleteOwn(
  step: PostStep,
  client: FriendliClient,
  id: string,
  what: string,
): Promise<PostResult> {
  try {
    await client.delete(id);
  } catch (err) {
    // Most likely the main step's DELETE went through after all: gone is the goal.
    if (err instanceof ApiError && err.status === 404) {
      step.core.info(`delete-on-failure: endpoint ${id} is already gone (404 on DELETE)`);
      return "not-found";
    }
    throw err;
  }
  step.core.info(`delete-on-failure: deleted endpoint ${id}${what}`);
  return "deleted";
}

/**
 * Finds what the cancelled create made, by name, and deletes it only when this run can prove it
 * made it (src/endpoint/created-claim.ts); otherwise warns with the step that deletes it.
 */
async function deleteCreated(
  step: PostStep,
  client: FriendliClient,
  facts: CreateFacts,
): Promise<PostResult> {
  const { core, clock, signal, inputs } = step;
  const { verdict } = await findCreated(client, {
    projectId: inputs.projectId,
    name: inputs.name,
    facts,
    clock,
    deadlineMs: clock.now() + POST_DEADLINE_MS,
    signal,
    onWait: (delay) =>
      core.info(
        `No endpoint named "${inputs.name}" created by the cancelled run yet; listing again in ${formatDuration(delay, { tenths: true })}`,
      ),
  });
  switch (verdict.kind) {
    case "mine":
      // Even when it is the keeper of a race: the run was cancelled and delete-on-failure asks for it.
      return await deleteOwn(
        step,
        client,
        verdict.id,
        ` ("${inputs.name}"), created by the cancelled run before its id was known`,
      );
    case "unsure":
      core.warning(
        `The cancelled run sent the create of "${inputs.name}", and endpoints ${verdict.ids.join(", ")} now carry ` +
          `that name: this step cannot prove which of them, if any, the run created (${verdict.why}) and deletes ` +
          `none. If one is not wanted, delete it with its step:\n${deleteSteps(inputs, verdict.ids)}`,
      );
      return "warned";
    case "others":
      core.warning(
        `The cancelled run's create of "${inputs.name}" was answered, but endpoint ${verdict.ids.join(", ")} of that ` +
          "name was created at another time: another run's, so this step deletes nothing. If it is not " +
          `wanted:\n${deleteSteps(inputs, verdict.ids)}`,
      );
      return "warned";
    case "none":
      core.warning(
        `The cancelled run sent the create of "${inputs.name}", but no such endpoint appeared within a minute. ` +
          `If one appears later, delete it with this step:\n${deleteStep(inputs)}`,
      );
      return "not-found";
  }
}
