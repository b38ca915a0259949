// What the run says when it ends early about an endpoint it did not create: never "delete it".
import { expect, it } from "vitest";
import type { Clock } from "../../src/base/clock.ts";
import { deployInputs, runInProcess } from "../support/in-process.ts";
import { startEnv } from "./helpers.ts";

/** A clock that aborts the run at its first sleep: the wait has started. */
function abortAtFirstSleep(base: Clock, ctl: AbortController): Clock {
  return {
    now: () => base.now(),
    random: () => base.random(),
    sleep: (ms, signal) => {
      ctl.abort(new Error("SIGTERM"));
      return base.sleep(ms, signal);
    },
  };
}

it.each([
  { ifExists: "reuse", extra: "" },
  { ifExists: "update", extra: "an update sent before the cancellation may still be rolling out" },
])(
  "cancelled while waiting on an endpoint it found (if-exists: $ifExists): left as it is, no advice to delete",
  async ({ ifExists, extra }) => {
    const { sim, clock } = await startEnv();
    const id = sim.seed({
      name: "shared-prod",
      projectId: "demo-project",
      status: "INITIALIZING",
      phase: "DOWNLOADING_MODEL",
    });
    const ctl = new AbortController();
    const r = await runInProcess({
      inputs: deployInputs(sim, { name: "shared-prod", "if-exists": ifExists, "delete-on-failure": "true" }),
      clock: abortAtFirstSleep(clock, ctl),
      signal: ctl.signal,
    });
    expect(r.outputs.result).toBe("cancelled");
    const warnings = r.logs.filter((l) => l.startsWith("warning:")).join("\n");
    expect(warnings).toContain(
      `endpoint ${id} ("shared-prod") was not created by this run and is left as it is`,
    );
    expect(warnings).toContain(extra);
    expect(warnings).not.toContain("operation: delete");
    expect(r.state["created-by-this-run"]).not.toBe("true");
    expect(sim.endpoints().find((e) => e.id === id)?.deleted).toBe(false);
  },
);

it("a bad input on a delete run is reported as a delete, not a deploy", async () => {
  const { sim, clock } = await startEnv();
  const r = await runInProcess({
    inputs: { ...deployInputs(sim), operation: "delete", "wait-timeout": "soon" },
    clock,
  });
  expect(r.outputs.result).toBe("failed");
  expect(r.summary).toMatch(/Friendli delete/);
  expect(sim.requests).toHaveLength(0);
});

it("cancelled while waiting for a delete: says the DELETE may not have finished, not 'left as it is'", async () => {
  const { sim, clock } = await startEnv();
  const id = sim.seed({ name: "pr-preview", projectId: "demo-project" });
  // The first poll after the DELETE fails, so the wait sleeps, and the sleep is where it is cancelled.
  sim.inject({ route: "status", fault: { kind: "status", status: 503 } });
  const ctl = new AbortController();
  const r = await runInProcess({
    inputs: { ...deployInputs(sim), operation: "delete", "endpoint-id": id },
    clock: abortAtFirstSleep(clock, ctl),
    signal: ctl.signal,
  });
  expect(r.outputs.result).toBe("cancelled");
  const warnings = r.logs.filter((l) => l.startsWith("warning:")).join("\n");
  expect(warnings).toContain(`the DELETE of endpoint ${id} ("pr-preview") may not have finished`);
  expect(warnings).not.toContain("left as it is");
});
