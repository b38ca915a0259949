// The post step after a sweep cancelled while its DELETEs were in flight: the main step reported
// them "not confirmed", though the server may carry them out after the cancellation. Each preview
// is read until it is gone or SWEEP_SETTLE_MS has passed; nothing is deleted here: the
// cancellation may have been meant to stop the sweep.
import type { Dispatcher } from "undici";
import { askAgain, retryDelay } from "../base/backoff.ts";
import type { Clock } from "../base/clock.ts";
import { mapLimit } from "../base/concurrency.ts";
import type { PostCore } from "../base/core.ts";
import { formatDuration } from "../base/format.ts";
import type { Logger } from "../base/log.ts";
import { escapeMarkdown } from "../base/markdown.ts";
import { formatError, redact } from "../base/redact.ts";
import { REQUESTS_IN_FLIGHT, SWEEP_SETTLE_BACKOFF, SWEEP_SETTLE_MS } from "../base/timing.ts";
import type { FriendliClient } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import type { RunContext } from "../github/context.ts";
import type { Inputs } from "../inputs/inputs.ts";
import { openSweepLedger } from "../operations/sweep-run.ts";
import type { PreviewEndpoint } from "../sweep/decide.ts";

export interface PostDeps {
  core: PostCore;
  clock: Clock;
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
  dispatcher?: Dispatcher;
}

/** The post step once it has its inputs: `core` and `log` redact every line they write. */
export type PostStep = PostDeps & { log: Logger; inputs: Inputs; run: RunContext; secrets: string[] };

/**
 * Gone (404, or TERMINATING: on its way out) is deleted, and then, with github-deployment, the
 * preview's deployments are marked inactive as the sweep would have; one still there when the time
 * is up is left for the next sweep. A failed read throws, after the summary says what is known.
 */
export async function confirmSweep(
  step: PostStep,
  previews: readonly PreviewEndpoint[],
  client: FriendliClient,
): Promise<"deleted" | "nothing"> {
  const { core, secrets } = step;
  const gone: PreviewEndpoint[] = [];
  let stayed: PreviewEndpoint[] = [];
  try {
    stayed = await settle(step, client, previews, gone);
    for (const p of stayed)
      core.info(
        `The sweep's DELETE of ${p.id} ("${p.name}") did not go through within ${formatDuration(SWEEP_SETTLE_MS)}: ` +
          "the next sweep deletes it, or closes its deployments if the DELETE still goes through",
      );
    return gone.length > 0 ? "deleted" : "nothing";
  } finally {
    await writeSweepCheck(step, previews, gone, stayed);
    const ledger = gone.length > 0 ? await openSweepLedger(step) : undefined;
    for (const p of gone) {
      try {
        await ledger?.markInactive(p);
      } catch (err) {
        core.warning(`could not mark the deployments of "${p.name}" inactive: ${formatError(err, secrets)}`);
      }
    }
  }
}

/**
 * Reads the previews not yet gone, backing off between rounds, until none is left or the time is
 * up; fills `gone` as they go and returns those still there.
 */
async function settle(
  step: PostStep,
  client: FriendliClient,
  previews: readonly PreviewEndpoint[],
  gone: PreviewEndpoint[],
): Promise<PreviewEndpoint[]> {
  const { core, clock, signal } = step;
  const deadlineMs = clock.now() + SWEEP_SETTLE_MS;
  let left = [...previews];
  return askAgain<PreviewEndpoint[]>({
    clock,
    signal,
    aborted: (reason) => {
      throw reason;
    },
    round: async (n) => {
      if (n > 1 && clock.now() >= deadlineMs) return { done: left };
      const out = await mapLimit(left, REQUESTS_IN_FLIGHT, (p) => isGone(client, p.id), signal);
      for (const p of left.filter((_, i) => out[i])) {
        gone.push(p);
        core.info(`Confirmed: ${p.id} ("${p.name}") was deleted by the cancelled sweep`);
      }
      left = left.filter((_, i) => !out[i]);
      const random = () => clock.random();
      const waitMs =
        left.length > 0
          ? retryDelay({ attempt: n, random, nowMs: clock.now(), deadlineMs, ...SWEEP_SETTLE_BACKOFF })
          : undefined;
      if (waitMs === undefined) return { done: left };
      core.info(
        `${left.length} preview(s) still there; reading again in ${formatDuration(waitMs, { tenths: true })}`,
      );
      return { waitMs };
    },
  });
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
  { core, secrets }: PostStep,
  previews: readonly PreviewEndpoint[],
  gone: readonly PreviewEndpoint[],
  stayed: readonly PreviewEndpoint[],
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
