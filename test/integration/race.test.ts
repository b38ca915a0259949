// Two runs of one name at once, in-process on a virtual clock: a run whose look-up is no longer
// fresh (the pre-flight took its time) lists the name again before creating, and creates nothing
// when another run's endpoint of the name appeared meanwhile.
import { expect, it } from "vitest";
import { FRESH_LOOKUP_MS } from "../../src/base/timing.ts";
import { deployInputs, runInProcess } from "../support/in-process.ts";
import { requestsTo, startEnv } from "./helpers.ts";

it("an endpoint of the name appears during the pre-flight: nothing is created, the message says why", async () => {
  const { sim, clock } = await startEnv();
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  // The pre-flight's first Hub call waits until another run has created the name.
  sim.inject({ route: "hub-model", fault: { kind: "hold", until: held } });
  const running = runInProcess({ inputs: deployInputs(sim, { name: "raced" }), clock });
  while (!sim.requests.some((r) => r.route === "hub-model")) await new Promise((r) => setTimeout(r, 5));
  const rival = sim.seed({ name: "raced", projectId: "demo-project", status: "INITIALIZING" });
  clock.advance(FRESH_LOOKUP_MS);
  release();
  const r = await running;
  expect(requestsTo(sim, "create")).toHaveLength(0);
  expect(r.outputs.result).toBe("failed");
  expect(r.failed).toContain(`endpoint ${rival} named "raced" appeared`);
  expect(r.failed).toContain("concurrency");
  expect(sim.endpoints().map((e) => e.id)).toEqual([rival]);
});

it("the same pre-flight with nothing appearing: one more listing, then the create", async () => {
  const { sim, clock } = await startEnv();
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  sim.inject({ route: "hub-model", fault: { kind: "hold", until: held } });
  const running = runInProcess({ inputs: deployInputs(sim, { name: "calm", wait: "false" }), clock });
  while (!sim.requests.some((r) => r.route === "hub-model")) await new Promise((r) => setTimeout(r, 5));
  clock.advance(FRESH_LOOKUP_MS);
  release();
  const r = await running;
  expect(r.outputs.result).toBe("created");
  expect(requestsTo(sim, "list").length).toBe(3);
  expect(requestsTo(sim, "create")).toHaveLength(1);
});

it("an answered create whose endpoint never shows while a rival's does: fails naming the rival, adopts nothing", async () => {
  const { sim, clock } = await startEnv({ scenario: { listLagMs: 600_000 } });
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  sim.inject({ route: "create", fault: { kind: "hold", until: held } });
  const running = runInProcess({
    inputs: deployInputs(sim, { name: "hidden", preflight: "false", "delete-on-failure": "true" }),
    clock,
  });
  while (!sim.requests.some((r) => r.route === "create")) await new Promise((r) => setTimeout(r, 5));
  const rival = sim.seed({
    name: "hidden",
    projectId: "demo-project",
    status: "INITIALIZING",
    createdAt: clock.now() - 1000,
  });
  release();
  const r = await running;
  expect(r.outputs.result).toBe("failed");
  expect(r.failed).toContain(`only another run's endpoint of the name did (${rival})`);
  expect(r.outputs["endpoint-id"] ?? "").toBe("");
  expect(requestsTo(sim, "delete")).toHaveLength(0);
  expect(sim.endpoints().filter((e) => !e.deleted)).toHaveLength(2);
});
