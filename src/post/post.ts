// The post step (dist/post.js). It exists for what the main step cannot do safely after a
// cancellation (it sends no request after the signal): cleaning up an endpoint this run created
// (with delete-on-failure it deletes it; without, it says which step would), and closing this
// run's GitHub deployment. Its Friendli HTTP layer passes GET and DELETE only: whatever the state
// says, this step cannot create or update an endpoint.
import * as actionsCore from "@actions/core";
import type { Dispatcher } from "undici";
import { type Clock, systemClock } from "../base/clock.ts";
import type { PostCore } from "../base/core.ts";
import { formatDuration } from "../base/format.ts";
import { State } from "../base/names.ts";
import { formatError } from "../base/redact.ts";
import { safeLogger } from "../base/safe-text.ts";
import { POST_DEADLINE_MS } from "../base/timing.ts";
import type { CreateFacts } from "../endpoint/created-claim.ts";
import { findCreated } from "../endpoint/lookup.ts";
import { FriendliClient } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import { createHttp, type Http } from "../friendli/http.ts";
import { readRunContext } from "../github/context.ts";
import { type Inputs, parseInputs } from "../inputs/inputs.ts";
import { friendliHttpOptions } from "../operations/client-options.ts";
import { deleteStep, deleteSteps } from "../report/delete-step.ts";
import { planPost } from "./decide.ts";
import { confirmSweep } from "./sweep-check.ts";

interface PostDeps {
  core: PostCore;
  clock: Clock;
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
  dispatcher?: Dispatcher;
}

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
  const outcome = await cleanUp(deps);
  await closeDeployment(deps, outcome);
  return outcome;
}

/**
 * After a cancellation the main step sends nothing, so this run's GitHub deployment is still
 * `in_progress`: it becomes `error`, or `inactive` when this step deleted the endpoint.
 */
async function closeDeployment(deps: PostDeps, outcome: PostResult): Promise<void> {
  const { core } = deps;
  const deploymentId = core.getState(State.deploymentId);
  if (core.getState(State.result) !== "cancelled" || !deploymentId) return;
  const context = readRunContext(deps.env);
  const parsed = parseInputs((name) => core.getInput(name), context, core.debug);
  if (parsed.kind !== "ok") return;
  const { inputs } = parsed;
  const secrets = [inputs.friendliToken, inputs.githubToken].filter((s) => s !== "");
  for (const s of secrets) core.setSecret(s);
  const endpointId = core.getState(State.endpointId);
  const { settleCancelledDeployment } = await import("../ledger/post.ts");
  await settleCancelledDeployment({
    inputs,
    context,
    deploymentId,
    ...(outcome === "deleted" && endpointId ? { deletedEndpointId: endpointId } : {}),
    apiUrl: deps.env.GITHUB_API_URL,
    log: safeLogger(core, secrets),
    signal: deps.signal,
  });
}

/** The endpoint a cancelled run created: deleted (delete-on-failure), or how to delete it. */
async function cleanUp(deps: PostDeps): Promise<PostResult> {
  const { core } = deps;
  const plan = planPost({
    result: core.getState(State.result),
    endpointId: core.getState(State.endpointId),
    createdByThisRun: core.getState(State.createdByThisRun),
    deleteOwed: core.getState(State.deleteOwed),
    createSentAt: core.getState(State.createSentAt),
    createCreatedAt: core.getState(State.createCreatedAt),
    lookupIds: core.getState(State.lookupIds),
    sweepUnconfirmed: core.getState(State.sweepUnconfirmed),
  });
  if (plan.kind === "nothing") return "nothing";
  const parsed = parseInputs((name) => core.getInput(name), readRunContext(deps.env), core.debug);
  if (parsed.kind !== "ok") return "nothing";
  const { inputs } = parsed;
  core.setSecret(inputs.friendliToken);
  // The GitHub token is redacted too: the sweep's confirmation closes deployments with it.
  const secrets = [inputs.friendliToken, inputs.githubToken].filter((s) => s !== "");
  // From here every line is redacted and unable to form a workflow command.
  deps.core = { ...core, ...safeLogger(core, secrets) };
  if (plan.kind === "confirm-sweep")
    return confirmSweep(deps, inputs, plan.previews, secrets, clientFor(deps, inputs));
  if (plan.kind === "delete-by-id") {
    // The main step already said how to delete it when delete-on-failure is off.
    if (!plan.owed && !inputs.deleteOnFailure) return "nothing";
    return deleteById(deps, inputs, plan.endpointId, secrets);
  }
  if (!inputs.deleteOnFailure) {
    deps.core.warning(
      `The run was cancelled after it sent the create of "${inputs.name}": that endpoint may exist and cost GPU time. ` +
        `Delete it with this step:\n${deleteStep(inputs)}`,
    );
    return "warned";
  }
  return deleteCreated(deps, inputs, plan.facts, secrets);
}

function clientFor(deps: PostDeps, inputs: Inputs): FriendliClient {
  const http = createHttp(
    friendliHttpOptions(inputs, deps, deps.clock.now() + POST_DEADLINE_MS, {
      info: deps.core.info,
      warning: deps.core.warning,
      debug: deps.core.debug,
    }),
  );
  return new FriendliClient(readAndDeleteOnly(http));
}

/** The HTTP layer with every method but GET and DELETE refused before anything is sent. */
function readAndDeleteOnly(http: Http): Http {
  return {
    get baseUrl() {
      return http.baseUrl;
    },
    get secrets() {
      return http.secrets;
    },
    close: () => http.close(),
    send: (op) =>
      op.method === "GET" || op.method === "DELETE"
        ? http.send(op)
        : Promise.reject(new Error(`the post step sends no ${op.method} (${op.operation})`)),
  };
}

/**
 * The DELETE of an endpoint this run proved it created. The HTTP layer retries a DELETE that was
 * lost (reset, timeout, 5xx) within POST_DEADLINE_MS; a 404 means it is gone, which is the goal
 * (most likely the main step's DELETE went through after all).
 */
async function deleteById(
  deps: PostDeps,
  inputs: Inputs,
  id: string,
  secrets: string[],
): Promise<PostResult> {
  return withClient(
    deps,
    inputs,
    secrets,
    (error) =>
      `delete-on-failure: could not delete endpoint ${id}: ${error}. ` +
      `Delete it with this step:\n${deleteStep(inputs, id)}`,
    (client) => deleteOwn(deps, client, id, ", created by the run"),
  );
}

/**
 * `body` with a client that may only read and delete, closed afterwards. A failure becomes the
 * warning `failure` words (with the paste-able step), never the step's failure: the run already ended.
 */
async function withClient(
  deps: PostDeps,
  inputs: Inputs,
  secrets: string[],
  failure: (error: string) => string,
  body: (client: FriendliClient) => Promise<PostResult>,
): Promise<PostResult> {
  const client = clientFor(deps, inputs);
  try {
    return await body(client);
  } catch (err) {
    deps.core.warning(failure(formatError(err, secrets)));
    return "warned";
  } finally {
    await client.http.close();
  }
}

async function deleteOwn(
  deps: PostDeps,
  client: FriendliClient,
  id: string,
  what: string,
): Promise<PostResult> {
  try {
    await client.delete(id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      deps.core.info(`delete-on-failure: endpoint ${id} is already gone (404 on DELETE)`);
      return "not-found";
    }
    throw err;
  }
  deps.core.info(`delete-on-failure: deleted endpoint ${id}${what}`);
  return "deleted";
}

/**
 * Finds what the cancelled create made, by name, and deletes it only when this run can prove it
 * made it (src/endpoint/created-claim.ts); otherwise warns with the step that deletes it.
 */
async function deleteCreated(
  deps: PostDeps,
  inputs: Inputs,
  facts: CreateFacts,
  secrets: string[],
): Promise<PostResult> {
  const { core, clock, signal } = deps;
  return withClient(
    deps,
    inputs,
    secrets,
    (error) =>
      `delete-on-failure: could not clean up after the cancelled create of "${inputs.name}": ${error}. ` +
      `Delete it with this step:\n${deleteStep(inputs)}`,
    async (client) => {
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
            deps,
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
    },
  );
}
