// The post step after a sweep cancelled while its DELETEs were in flight: the main step reported
// them "not confirmed", though the server may carry them out after the cancellation. Each preview
// is read until it is gone or SWEEP_SETTLE_MS has passed; nothing is deleted here: the
// cancellation may have been meant to stop the sweep.
import { retryLoop } from "../base/backoff.ts";
import type { Clock } from "../base/clock.ts";
import { mapLimit } from "../base/concurrency.ts";
import type { PostCore } from "../base/core.ts";
import { formatDuration } from "../base/format.ts";
import { escapeMarkdown } from "../base/markdown.ts";
import { formatError, redact } from "../base/redact.ts";
import { REQUESTS_IN_FLIGHT, SWEEP_SETTLE_BACKOFF, SWEEP_SETTLE_MS } from "../base/timing.ts";
import type { FriendliClient } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import { readRunContext } from "../github/context.ts";
import type { Inputs } from "../inputs/inputs.ts";
import type { PreviewEndpoint } from "../sweep/decide.ts";

interface SweepCheckDeps {
  core: PostCore;
  clock: Clock;
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
}

/**
 * Gone (404, or TERMINATING: on its way out) is deleted, and then, with github-deployment, the
 * preview's deployments are marked inactive as the sweep would have; one still there when the time
 * is up is left for the next sweep. `client` is closed here.
 */
export async function confirmSweep(
  deps: SweepCheckDeps,
  inputs: Inputs,
  previews: readonly PreviewEndpoint[],
  secrets: string[],
  client: FriendliClient,
): Promise<"deleted" | "nothing"> {
  const { core } = deps;
  const gone: PreviewEndpoint[] = [];
  let stayed: PreviewEndpoint[] = [];
  try {
    stayed = await settle(deps, client, previews, gone);
    for (const p of stayed)
      core.info(
        `The sweep's DELETE of ${p.id} ("${p.name}") did not go through within ${formatDuration(SWEEP_SETTLE_MS)}: ` +
          "the next sweep deletes it, or closes its deployments if the DELETE still goes through",
      );
  } catch (err) {
    core.warning(`could not confirm the cancelled sweep's deletes: ${formatError(err, secrets)}`);
  } finally {
    await client.http.close();
  }
  await writeSweepCheck(core, previews, gone, stayed, secrets);
  if (gone.length > 0 && inputs.githubDeployment) {
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    const { sweepLedger } = await import("../ledger/sweep.ts");
    const ledger = sweepLedger({
      enabled: true,
      context: readRunContext(deps.env),
      token: inputs.githubToken,
      apiUrl: deps.env.GITHUB_API_URL,
      log: { info: core.info, warning: core.warning, debug: core.debug },
      secrets,
      signal: deps.signal,
    });
    for (const p of gone) {
      try {
        await ledger.markInactive?.(p);
      } catch (err) {
        core.warning(`could not mark the deployments of "${p.name}" inactive: ${formatError(err, secrets)}`);
      }
    }
  }
  return gone.length > 0 ? "deleted" : "nothing";
}

/**
 * Reads the previews not yet gone, backing off between rounds, until none is left or the time is
 * up; fills `gone` as they go and returns those still there. A failed read (past the HTTP layer's
 * retries) throws.
 */
async function settle(
  deps: SweepCheckDeps,
  client: FriendliClient,
  previews: readonly PreviewEndpoint[],
  gone: PreviewEndpoint[],
): Promise<PreviewEndpoint[]> {
  const { core, clock, signal } = deps;
  let left = [...previews];
  const stillThere = new Error("still there");
  try {
    await retryLoop({
      clock,
      signal,
      deadlineMs: clock.now() + SWEEP_SETTLE_MS,
      backoff: SWEEP_SETTLE_BACKOFF,
      attempt: async () => {
        const out = await mapLimit(left, REQUESTS_IN_FLIGHT, (p) => isGone(client, p.id), signal);
        for (const p of left.filter((_, i) => out[i])) {
          gone.push(p);
          core.info(`Confirmed: ${p.id} ("${p.name}") was deleted by the cancelled sweep`);
        }
        left = left.filter((_, i) => !out[i]);
        if (left.length > 0) throw stillThere;
      },
      failed: (err) => {
        if (err !== stillThere) throw err;
        return {};
      },
      outOfTime: () => {
        throw stillThere;
      },
      aborted: (reason) => {
        throw reason;
      },
      waiting: (_, ms) =>
        core.info(
          `${left.length} preview(s) still there; reading again in ${formatDuration(ms, { tenths: true })}`,
        ),
    });
  } catch (err) {
    if (err !== stillThere) throw err;
  }
  return left;
}

async function isGone(client: FriendliClient, id: string): Promise<boolean> {
  try {
    return (await client.status(id)).status.trim().toUpperCase() === "TERMINATING";
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return true;
    throw err;
  }
}

/**
 * The main step's summary, written before the cancellation ended it, says these DELETEs were not
 * confirmed: the post step's own summary says what became of each.
 */
async function writeSweepCheck(
  core: PostCore,
  previews: readonly PreviewEndpoint[],
  gone: readonly PreviewEndpoint[],
  stayed: readonly PreviewEndpoint[],
  secrets: readonly string[],
): Promise<void> {
  const cell = (v: string) => escapeMarkdown(v, { maxLength: 100, newlines: "space" });
  const fate = (p: PreviewEndpoint) =>
    gone.includes(p) ? "deleted" : stayed.includes(p) ? "still there: the next sweep deletes it" : "unknown";
  const rows = previews.map((p) => `| ${cell(p.name)} | ${cell(p.id)} | #${p.prNumber} | ${fate(p)} |`);
  const text = [
    "## 🧹 Friendli sweep: the cancelled sweep's deletes, checked by the post step",
    "",
    "| preview | endpoint | PR | after the cancellation |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
  try {
    await core.summary.addRaw(redact(text, secrets), true).write();
  } catch (err) {
    core.warning(`could not write the job summary: ${formatError(err, secrets)}`);
  }
}
