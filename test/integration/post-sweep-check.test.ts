// The post step after a cancelled sweep, in-process against the simulator on a virtual clock: what
// counts as deleted, and how long it waits for a DELETE that does not go through.
import { afterEach, expect, it } from "vitest";
import type { PostCore } from "../../src/base/core.ts";
import { REQUEST_TIMEOUT_MS, SWEEP_SETTLE_MS } from "../../src/base/timing.ts";
import { run as post } from "../../src/post/post.ts";
import type { Simulator } from "../simulator/index.ts";
import { recordingCore, simulatorWithVirtualClock, TOKEN } from "../support/in-process.ts";
import { withDefaults } from "../support/run-action.ts";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** The post step of a sweep cancelled with its DELETE of one preview, left in `status`, unconfirmed. */
async function postAfterCancelledSweep(status: string) {
  const started = await simulatorWithVirtualClock();
  sim = started.sim;
  const { clock } = started;
  const name = "acme--models-pr-1";
  const id = sim.seed({ name, projectId: "demo-project", status: "SLEEPING" });
  sim.setState(id, { status });
  const inputs = withDefaults({
    operation: "sweep",
    "friendli-token": TOKEN,
    "project-id": "demo-project",
    "api-url": sim.url,
    "github-token": "ghs_post_sweep_check_token_0123",
    "github-deployment": "false",
  });
  const { core, rec } = recordingCore(inputs);
  const state: Record<string, string> = {
    result: "cancelled",
    "sweep-unconfirmed": JSON.stringify([{ id, name, prNumber: 1 }]),
  };
  const postCore: PostCore = { ...core, getState: (n) => state[n] ?? "" };
  const startedAt = clock.now();
  const result = await post({
    core: postCore,
    clock,
    signal: new AbortController().signal,
    env: { GITHUB_REPOSITORY: "acme/models", GITHUB_EVENT_NAME: "schedule" },
  });
  const reads = sim.requests.filter((r) => r.route === "status").length;
  return { id, result, logs: rec.logs, summary: rec.summary, reads, waitedMs: clock.now() - startedAt };
}

it("a preview already TERMINATING counts as deleted, at the first read", async () => {
  const { id, result, logs, summary, reads } = await postAfterCancelledSweep("TERMINATING");
  expect(result).toBe("deleted");
  expect(logs).toContain(`info: Confirmed: ${id} ("acme--models-pr-1") was deleted by the cancelled sweep`);
  expect(summary).toContain(`| acme--models-pr-1 | ${id} | #1 | deleted |`);
  expect(reads).toBe(1);
});

it("a preview still there is read again, backing off, until SWEEP_SETTLE_MS has passed, then left for the next sweep", async () => {
  const { id, result, logs, summary, reads, waitedMs } = await postAfterCancelledSweep("SLEEPING");
  expect(result).toBe("nothing");
  expect(logs.filter((l) => l.startsWith("warning"))).toEqual([]);
  expect(
    logs.some((l) => l.includes(`DELETE of ${id} ("acme--models-pr-1") did not go through within 30s`)),
  ).toBe(true);
  expect(summary).toContain(`| acme--models-pr-1 | ${id} | #1 | still there: the next sweep deletes it |`);
  expect(reads).toBeGreaterThan(3);
  expect(waitedMs).toBeLessThanOrEqual(SWEEP_SETTLE_MS);
  expect(waitedMs).toBeGreaterThan(SWEEP_SETTLE_MS / 2);
  // The window outlasts a DELETE the main step sent just before the cancel: one request's own time.
  expect(SWEEP_SETTLE_MS).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
});
