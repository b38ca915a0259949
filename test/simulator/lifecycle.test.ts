import { afterEach, describe, expect, it } from "vitest";
import { type ManualClock, manualClock } from "./clock.ts";
import { call, createAndFind, EP, statusOf } from "./helpers.ts";
import type { Phase } from "./scenario.ts";
import { type Simulator, type SimulatorOptions, startSimulator } from "./server.ts";

let sim: Simulator | undefined;
let clock: ManualClock;
async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  clock = manualClock();
  sim = await startSimulator({ clock, ...options });
  return sim;
}
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function status(s: Simulator, id: string) {
  return statusOf((await call(s, "GET", `${EP}/${id}/status`)).json) as {
    status: string;
    phase: string | null;
    errorCode: string | null;
    updatedAt: string;
  };
}

const LC = { requestingVirtualMachine: 100, downloadingModel: 200, engineInitializing: 300 };

describe("lifecycle derived from the clock", () => {
  it("walks INITIALIZING through each phase to RUNNING, moving updatedAt at each change", async () => {
    const s = await start({ scenario: { lifecycleMs: { ...LC } } });
    const t0 = clock.now();
    const id = await createAndFind(s);
    const seen: Array<[string, string | null, string]> = [];
    for (const step of [0, 99, 1, 199, 1, 299, 1, 10_000]) {
      clock.advance(step);
      const st = await status(s, id);
      seen.push([st.status, st.phase, st.updatedAt]);
    }
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    expect(seen).toEqual([
      ["INITIALIZING", "REQUESTING_VIRTUAL_MACHINE", at(0)],
      ["INITIALIZING", "REQUESTING_VIRTUAL_MACHINE", at(0)],
      ["INITIALIZING", "DOWNLOADING_MODEL", at(100)],
      ["INITIALIZING", "DOWNLOADING_MODEL", at(100)],
      ["INITIALIZING", "ENGINE_INITIALIZING", at(300)],
      ["INITIALIZING", "ENGINE_INITIALIZING", at(300)],
      ["RUNNING", null, at(600)],
      ["RUNNING", null, at(600)],
    ]);
    expect((await call(s, "GET", `${EP}/${id}`)).json).toMatchObject({
      currReplicaCnt: 1,
      desiredReplicaCnt: 1,
    });
  });

  it.each<[Phase, number]>([
    ["REQUESTING_VIRTUAL_MACHINE", 0],
    ["DOWNLOADING_MODEL", 100],
    ["ENGINE_INITIALIZING", 300],
  ])("FAILED during %s with the scenario's errorCode", async (phase, phaseStart) => {
    const s = await start({
      scenario: {
        lifecycleMs: { ...LC },
        failures: [
          {
            match: { hfModelRepo: "org/broken" },
            phase,
            errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR",
            afterMs: 50,
          },
        ],
      },
    });
    const ok = await createAndFind(s, { hfModelRepo: "org/fine" });
    const bad = await createAndFind(s, { hfModelRepo: "org/broken" });
    clock.advance(phaseStart + 49);
    expect(await status(s, bad)).toMatchObject({ status: "INITIALIZING", phase, errorCode: null });
    clock.advance(1);
    expect(await status(s, bad)).toMatchObject({
      status: "FAILED",
      phase,
      errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR",
    });
    clock.advance(10_000);
    expect(await status(s, bad)).toMatchObject({
      status: "FAILED",
      errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR",
    });
    expect((await status(s, ok)).status).toBe("RUNNING");
  });

  it("restart of a FAILED endpoint initialises again (and fails again while the cause remains)", async () => {
    const s = await start({
      scenario: {
        lifecycleMs: { ...LC },
        failures: [
          {
            match: { name: "oom" },
            phase: "ENGINE_INITIALIZING",
            errorCode: "INFERENCE_ENGINE_MEMORY_ERROR",
          },
        ],
      },
    });
    const id = await createAndFind(s, { name: "oom" });
    clock.advance(600);
    expect(await status(s, id)).toMatchObject({
      status: "FAILED",
      errorCode: "INFERENCE_ENGINE_MEMORY_ERROR",
    });
    const restarted = statusOf((await call(s, "PUT", `${EP}/${id}/restart`)).json);
    expect(restarted).toMatchObject({ status: "INITIALIZING", errorCode: null });
    await call(s, "PUT", `${EP}/${id}`, { body: { name: "fits", instanceOptionId: "GUA4qYFmsYz8" } });
    clock.advance(600);
    expect((await status(s, id)).status).toBe("RUNNING");
  });

  it("a failure rule on one revision fails that revision only, on create and on a rolling update", async () => {
    const repo = "org/model";
    const s = await start({
      scenario: {
        lifecycleMs: { ...LC, updating: 400 },
        failures: [
          {
            match: { hfModelRepo: repo, hfModelRepoRevision: "bad0" },
            phase: "ENGINE_INITIALIZING",
            errorCode: "INFERENCE_ENGINE_INVALID_ARGUMENT_ERROR",
          },
        ],
      },
    });
    const good = await createAndFind(s, { hfModelRepo: repo, hfModelRepoRevision: "good" });
    const bad = await createAndFind(s, { name: "bad", hfModelRepo: repo, hfModelRepoRevision: "bad0" });
    clock.advance(600);
    expect(await status(s, good)).toMatchObject({ status: "RUNNING", errorCode: null });
    expect(await status(s, bad)).toMatchObject({
      status: "FAILED",
      phase: "ENGINE_INITIALIZING",
      errorCode: "INFERENCE_ENGINE_INVALID_ARGUMENT_ERROR",
    });
    // The rollout: the running endpoint moves to the bad revision, updates, then fails.
    await call(s, "PUT", `${EP}/${good}`, { body: { hfModelRepoRevision: "bad0" } });
    clock.advance(399);
    expect((await status(s, good)).status).toBe("UPDATING");
    clock.advance(1);
    expect(await status(s, good)).toMatchObject({
      status: "FAILED",
      phase: "ENGINE_INITIALIZING",
      errorCode: "INFERENCE_ENGINE_INVALID_ARGUMENT_ERROR",
    });
    // The rollback: back to the good revision, the failed endpoint initialises again and serves.
    await call(s, "PUT", `${EP}/${good}`, { body: { hfModelRepoRevision: "good" } });
    expect((await status(s, good)).status).toBe("INITIALIZING");
    clock.advance(600);
    expect(await status(s, good)).toMatchObject({ status: "RUNNING", errorCode: null });
  });

  it("a slowUpdates rule holds a rollout of that revision in UPDATING; other revisions roll out as usual", async () => {
    const repo = "org/model";
    const s = await start({
      scenario: {
        lifecycleMs: { ...LC, updating: 400 },
        slowUpdates: [
          { match: { hfModelRepo: repo, hfModelRepoRevision: "slow" }, updatingMs: 5000 },
          { match: { hfModelRepo: repo, hfModelRepoRevision: "stuck" }, updatingMs: null },
        ],
      },
    });
    const id = await createAndFind(s, { hfModelRepo: repo, hfModelRepoRevision: "good" });
    clock.advance(600);
    expect((await status(s, id)).status).toBe("RUNNING");
    // The slow revision: UPDATING for its own 5 s, not lifecycleMs.updating.
    await call(s, "PUT", `${EP}/${id}`, { body: { hfModelRepoRevision: "slow" } });
    clock.advance(4999);
    expect((await status(s, id)).status).toBe("UPDATING");
    clock.advance(1);
    expect((await status(s, id)).status).toBe("RUNNING");
    // The stuck revision never finishes rolling out...
    await call(s, "PUT", `${EP}/${id}`, { body: { hfModelRepoRevision: "stuck" } });
    clock.advance(30 * 24 * 3_600_000);
    expect((await status(s, id)).status).toBe("UPDATING");
    // ...until an update to another revision replaces it, which takes lifecycleMs.updating.
    await call(s, "PUT", `${EP}/${id}`, { body: { hfModelRepoRevision: "good" } });
    clock.advance(399);
    expect((await status(s, id)).status).toBe("UPDATING");
    clock.advance(1);
    expect(await status(s, id)).toMatchObject({ status: "RUNNING", errorCode: null });
  });

  it("--time-scale scales a slowUpdates duration, and leaves a never-ending one as it is", async () => {
    const s = await start({
      timeScale: 0.5,
      scenario: {
        slowUpdates: [
          { match: { hfModelRepoRevision: "slow" }, updatingMs: 10_000 },
          { match: { hfModelRepoRevision: "stuck" }, updatingMs: null },
        ],
      },
    });
    expect(s.scenario.slowUpdates).toEqual([
      { match: { hfModelRepoRevision: "slow" }, updatingMs: 5000 },
      { match: { hfModelRepoRevision: "stuck" }, updatingMs: null },
    ]);
  });

  it("an endpoint with minReplica 0 sleeps after cooldownPeriod seconds without inference", async () => {
    const s = await start({ scenario: { lifecycleMs: { ...LC } } });
    const id = await createAndFind(s, {
      autoscalingPolicy: { minReplica: 0, maxReplica: 1, cooldownPeriod: 60 },
    });
    const steady = await createAndFind(s, {
      autoscalingPolicy: { minReplica: 1, maxReplica: 1, cooldownPeriod: 60 },
    });
    clock.advance(600);
    expect((await status(s, id)).status).toBe("RUNNING");
    clock.advance(30_000);
    await call(s, "POST", "/dedicated/v1/completions", { body: { model: id, prompt: "keep awake" } });
    clock.advance(59_999);
    expect((await status(s, id)).status).toBe("RUNNING");
    clock.advance(1);
    expect(await status(s, id)).toMatchObject({ status: "SLEEPING", phase: null });
    expect((await call(s, "GET", `${EP}/${id}`)).json).toMatchObject({
      currReplicaCnt: 0,
      autoscalingMin: 0,
    });
    expect((await status(s, steady)).status).toBe("RUNNING");
  });

  it("inference on a SLEEPING endpoint wakes it: AWAKING and 503 until RUNNING", async () => {
    const s = await start({ scenario: { lifecycleMs: { awaking: 500 } } });
    const id = s.seed({ name: "nap", projectId: "demo-project", status: "SLEEPING" });
    const chat = { model: id, messages: [{ role: "user", content: "hi" }] };
    const first = await call(s, "POST", "/dedicated/v1/chat/completions", { body: chat });
    expect(first.status).toBe(503);
    expect(await status(s, id)).toMatchObject({ status: "AWAKING", phase: "ENGINE_INITIALIZING" });
    clock.advance(499);
    expect((await call(s, "POST", "/dedicated/v1/chat/completions", { body: chat })).status).toBe(503);
    clock.advance(1);
    expect((await call(s, "POST", "/dedicated/v1/chat/completions", { body: chat })).status).toBe(200);
    expect((await status(s, id)).status).toBe("RUNNING");
  });

  it("terminate goes TERMINATING then TERMINATED, and stays there", async () => {
    const s = await start({ scenario: { lifecycleMs: { terminating: 250 } } });
    const id = s.seed({ name: "bye", projectId: "demo-project" });
    expect(statusOf((await call(s, "PUT", `${EP}/${id}/terminate`)).json).status).toBe("TERMINATING");
    clock.advance(249);
    expect((await status(s, id)).status).toBe("TERMINATING");
    clock.advance(1);
    expect((await status(s, id)).status).toBe("TERMINATED");
    clock.advance(86_400_000);
    expect((await status(s, id)).status).toBe("TERMINATED");
    expect((await call(s, "PUT", `${EP}/${id}/sleep`)).status).toBe(400);
    expect((await call(s, "PUT", `${EP}/${id}/wake`)).status).toBe(400);
  });

  it("update while INITIALIZING starts the new version from scratch", async () => {
    const s = await start({ scenario: { lifecycleMs: { ...LC } } });
    const id = await createAndFind(s);
    clock.advance(150);
    await call(s, "PUT", `${EP}/${id}`, { body: { hfModelRepo: "org/other" } });
    expect(await status(s, id)).toMatchObject({
      status: "INITIALIZING",
      phase: "REQUESTING_VIRTUAL_MACHINE",
    });
    expect(s.endpoints()[0]).toMatchObject({ versions: 2, hfModelRepo: "org/other" });
  });

  it("noCapacity: an endpoint on such an option stays in REQUESTING_VIRTUAL_MACHINE; moved, it starts", async () => {
    const s = await start({ scenario: { lifecycleMs: { ...LC }, noCapacity: ["TwD5AqnBSVN0"] } });
    const stuck = await createAndFind(s, { instanceOptionId: "TwD5AqnBSVN0" });
    const other = await createAndFind(s, { instanceOptionId: "LnK1wTaKc7WO" });
    clock.advance(3_600_000);
    const requesting = { status: "INITIALIZING", phase: "REQUESTING_VIRTUAL_MACHINE", errorCode: null };
    expect(await status(s, stuck)).toMatchObject(requesting);
    expect(await status(s, other)).toMatchObject({ status: "RUNNING" });
    await call(s, "PUT", `${EP}/${stuck}`, { body: { instanceOptionId: "LnK1wTaKc7WO" } });
    expect(await status(s, stuck)).toMatchObject(requesting);
    clock.advance(600);
    expect(await status(s, stuck)).toMatchObject({ status: "RUNNING" });
    expect((await call(s, "GET", `${EP}/${stuck}`)).json).toMatchObject({ gpuType: "NVIDIA H200" });
  });
});

describe("eventual consistency", () => {
  it("a new endpoint is missing from list for listLagMs", async () => {
    const s = await start({ scenario: { listLagMs: 1000 } });
    const seeded = s.seed({ name: "old", projectId: "demo-project" });
    const id = await createAndFind(s);
    const list = async () => Object.keys(((await call(s, "GET", EP)).json as { data: object }).data);
    expect(await list()).toEqual([seeded]);
    clock.advance(999);
    expect(await list()).toEqual([seeded]);
    clock.advance(1);
    expect(await list()).toEqual([seeded, id]);
  });

  it("GET and status of a new endpoint answer 404 for getLagMs", async () => {
    const s = await start({ scenario: { getLagMs: 500 } });
    const id = await createAndFind(s);
    expect((await call(s, "GET", `${EP}/${id}`)).status).toBe(404);
    expect((await call(s, "GET", `${EP}/${id}/status`)).status).toBe(404);
    expect(Object.keys(((await call(s, "GET", EP)).json as { data: object }).data)).toEqual([id]);
    clock.advance(500);
    expect((await call(s, "GET", `${EP}/${id}`)).status).toBe(200);
    expect((await call(s, "GET", `${EP}/${id}/status`)).status).toBe(200);
  });
});

describe("seed and setState", () => {
  it("seeds an endpoint mid-initialisation that then carries on", async () => {
    const s = await start({ scenario: { lifecycleMs: { ...LC } } });
    const id = s.seed({
      name: "mid",
      projectId: "demo-project",
      status: "INITIALIZING",
      phase: "DOWNLOADING_MODEL",
    });
    expect(await status(s, id)).toMatchObject({ status: "INITIALIZING", phase: "DOWNLOADING_MODEL" });
    clock.advance(500);
    expect((await status(s, id)).status).toBe("RUNNING");
  });

  it("forces any status string, even one the spec does not know", async () => {
    const s = await start();
    const id = s.seed({ id: "dep000000000042", name: "odd", projectId: "demo-project" });
    expect(id).toBe("dep000000000042");
    s.setState(id, { status: "DEGRADED" });
    const res = await call(s, "GET", `${EP}/${id}/status`, { nonConforming: true });
    expect(statusOf(res.json)).toMatchObject({ status: "DEGRADED", phase: null, errorCode: null });
    clock.advance(3_600_000);
    expect(s.endpoints()[0]?.status).toBe("DEGRADED");
    expect(() => s.seed({ id, name: "dup", projectId: "demo-project" })).toThrow(/already exists/);
  });
});
