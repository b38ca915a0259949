// The post step (dist/post.js). It exists for what the main step cannot do safely after a
// cancellation (it sends no request after the signal): cleaning up an endpoint this run created
// (with delete-on-failure it deletes it; without, it says which step would), and closing this
// run's GitHub deployment. Its Friendli HTTP layer passes GET and DELETE only: whatever the state
// says, this step cannot create or update an endpoint.
import * as actionsCore from "@actions/core";
import type { Dispatcher } from "undici";
import { type Clock, systemClock } from "./clock.ts";
import { readRunContext } from "./context.ts";
import type { PostCore } from "./core.ts";
import { FriendliClient } from "./friendli/client.ts";
import { ApiError } from "./friendli/errors.ts";
import { createHttp, type Http } from "./friendli/http.ts";
import { formatError } from "./friendli/redact.ts";
import { type Inputs, parseInputs } from "./inputs.ts";
import { findByName } from "./lookup.ts";
import { State } from "./names.ts";
import { friendliHttpOptions } from "./operations/client-options.ts";
import { pickOrphan, planPost } from "./post-decide.ts";
import { safeLogger } from "./report/safe-text.ts";

/** Time for the whole post step: a minute of lagging listings, then the delete. */
const POST_DEADLINE_MS = 90_000;
/** Waits between listings while the list lags behind the create: about a minute in all. */
export const ORPHAN_LAG_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000];

interface PostDeps {
  core: PostCore;
  clock: Clock;
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
  dispatcher?: Dispatcher;
}

type PostResult = "nothing" | "deleted" | "not-found" | "warned";

/** For @github/local-action, which calls an entry's run() without arguments. */
export const run = (): Promise<PostResult> => post();

export async function post(overrides: Partial<PostDeps> = {}): Promise<PostResult> {
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
  const parsed = parseInputs((name) => core.getInput(name), context);
  if (parsed.kind !== "ok") return;
  const { inputs } = parsed;
  const secrets = [inputs.friendliToken, inputs.githubToken].filter((s) => s !== "");
  for (const s of secrets) core.setSecret(s);
  const endpointId = core.getState(State.endpointId);
  const { settleCancelledDeployment } = await import("./post-ledger.ts");
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
    createSentAt: core.getState(State.createSentAt),
    nameAbsentBefore: core.getState(State.nameAbsentBefore),
  });
  if (plan.kind === "nothing") return "nothing";
  const parsed = parseInputs((name) => core.getInput(name), readRunContext(deps.env));
  if (parsed.kind !== "ok") return "nothing";
  const { inputs } = parsed;
  core.setSecret(inputs.friendliToken);
  const secrets = [inputs.friendliToken];
  // From here every line is redacted and unable to form a workflow command.
  deps.core = { ...core, ...safeLogger(core, secrets) };
  if (plan.kind === "delete-by-id") {
    // The main step already said how to delete it when delete-on-failure is off.
    if (!inputs.deleteOnFailure) return "nothing";
    return deleteById(deps, inputs, plan.endpointId, secrets);
  }
  if (!inputs.deleteOnFailure) {
    deps.core.warning(
      `The run was cancelled after it sent the create of "${inputs.name}": that endpoint may exist and cost GPU time. ` +
        `Delete it with this step:\n${deleteStep(inputs)}`,
    );
    return "warned";
  }
  return deleteOrphan(deps, inputs, plan.createSentAtMs, secrets);
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

async function deleteById(
  deps: PostDeps,
  inputs: Inputs,
  id: string,
  secrets: string[],
): Promise<PostResult> {
  const client = clientFor(deps, inputs);
  try {
    await client.delete(id);
    deps.core.info(`delete-on-failure: deleted endpoint ${id}, created by the cancelled run`);
    return "deleted";
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return "not-found";
    deps.core.warning(`delete-on-failure: could not delete endpoint ${id}: ${formatError(err, secrets)}`);
    return "warned";
  } finally {
    await client.http.close();
  }
}

/** Finds the endpoint the cancelled create made, by name, and deletes it only if it is surely ours. */
async function deleteOrphan(
  deps: PostDeps,
  inputs: Inputs,
  sentAtMs: number,
  secrets: string[],
): Promise<PostResult> {
  const { core, clock, signal } = deps;
  const client = clientFor(deps, inputs);
  const advice = `Delete it with this step:\n${deleteStep(inputs)}`;
  try {
    for (const delay of [...ORPHAN_LAG_DELAYS_MS, undefined]) {
      const found = await findByName(client, inputs.projectId, inputs.name, { signal });
      const verdict = pickOrphan(
        found.map((e) => ({ id: e.id, createdAt: e.status.createdAt })),
        sentAtMs,
      );
      if (verdict.kind === "delete") {
        await client.delete(verdict.id);
        core.info(
          `delete-on-failure: deleted endpoint ${verdict.id} ("${inputs.name}"), created by the cancelled run before its id was known`,
        );
        return "deleted";
      }
      if (verdict.kind === "unsure") {
        core.warning(
          `The cancelled run sent the create of "${inputs.name}", and endpoints ${verdict.ids.join(", ")} now carry ` +
            `that name: this step cannot tell which one the run created and deletes none. ${advice}`,
        );
        return "warned";
      }
      if (delay === undefined) break;
      core.info(
        `No endpoint named "${inputs.name}" created by the cancelled run yet; listing again in ${delay / 1000}s`,
      );
      await clock.sleep(delay, signal);
    }
    core.warning(
      `The cancelled run sent the create of "${inputs.name}", but no such endpoint appeared within a minute. ` +
        `If one appears later: ${advice}`,
    );
    return "not-found";
  } catch (err) {
    core.warning(
      `delete-on-failure: could not clean up after the cancelled create of "${inputs.name}": ${formatError(err, secrets)}. ${advice}`,
    );
    return "warned";
  } finally {
    await client.http.close();
  }
}

/** The workflow step that deletes the endpoint by name: what a person pastes into a workflow. */
function deleteStep(inputs: Pick<Inputs, "projectId" | "name" | "teamId">): string {
  return [
    "- uses: friendli-deploy-action/deploy@v1",
    "  with:",
    "    operation: delete",
    "    friendli-token: ${{ secrets.FRIENDLI_TOKEN }}",
    ...(inputs.teamId ? [`    team-id: ${inputs.teamId}`] : []),
    `    project-id: ${inputs.projectId}`,
    `    name: ${inputs.name}`,
  ].join("\n");
}
