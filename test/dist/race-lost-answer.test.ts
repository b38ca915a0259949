// A create whose answer was lost proves nothing, through the BUILT bundle (dist/index.js and
// dist/post.js) as the runner runs them, with two runs against one simulator where a rival is
// involved. Only an answered create (its createdAt matched) makes an endpoint the run's own: after
// a lost answer the run may wait on the endpoint of the name it finds, says it cannot prove it
// made it, fails when GET shows other settings, and never deletes it (neither delete-on-failure
// nor the post step). A create already sent when SIGINT comes is given a grace for its answer, so
// a cancellation does not throw the proof away.
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { INSTANT_LIFECYCLE } from "../simulator/index.ts";
import { createsOf, cleanUpAll as done, gate, raceInputs, until } from "../support/race.ts";
import { type ActionRun, runAction } from "../support/run-action.ts";
import { useSimulator } from "../support/use-simulator.ts";

const TOKEN = "flp_race_lost_answer_token_0123";
/** Endpoints of these names fail as soon as they are created: a run that waits on one fails. */
const FAILING = ["lost-rival-fails", "lost-alone-fails", "lost-other-settings"];
const sim = useSimulator({
  scenario: {
    // Any other endpoint provisions for a minute: a run waiting on it can be cancelled meanwhile.
    lifecycleMs: { ...INSTANT_LIFECYCLE, requestingVirtualMachine: 60_000 },
    failures: FAILING.map((name) => ({
      match: { name },
      phase: "REQUESTING_VIRTUAL_MACHINE" as const,
      errorCode: "WORKLOAD_INIT_UNKNOWN_ERROR",
      afterMs: 0,
    })),
  },
});

const inputs = (name: string, overrides: Record<string, string> = {}) =>
  raceInputs(TOKEN, sim.url, name, { "delete-on-failure": "true", ...overrides });

function deploy(name: string, overrides: Record<string, string> = {}, onSpawn?: (c: ChildProcess) => void) {
  return runAction({ inputs: inputs(name, overrides), ...(onSpawn ? { onSpawn } : {}) });
}

function post(name: string, state: Record<string, string>) {
  return runAction({ step: "post", inputs: inputs(name), state });
}

const creates = (name: string) => createsOf(sim, name);
const endpointsNamed = (name: string) => sim.endpoints().filter((e) => e.name === name);
const deletesOf = (id: string | undefined) =>
  sim.requests.filter((r) => r.route === "delete" && r.path.endsWith(`/${id}`));
const warningsOf = (run: ActionRun) =>
  run.stdout
    .split("\n")
    .filter((l) => l.startsWith("::warning"))
    .map((l) => l.replace(/%0A/g, "\n").replace(/%25/g, "%"))
    .join("\n");

/**
 * The first create of `name` to arrive is held, then its connection is reset before the server
 * acts on it: that run's answer is lost and it made nothing. Any later create is served as usual.
 */
function loseFirstCreate(): () => void {
  const held = gate();
  sim.inject({
    route: "create",
    fault: { kind: "hold", until: held.until, afterwards: { kind: "reset", when: "before" } },
  });
  return held.open;
}

/**
 * Run A's create answer is lost while run B (with `rivalOverrides`), started once A's create has
 * arrived, looks the name up, finds nothing and creates it; both runs as they end.
 */
async function lostWhileRivalCreates(name: string, rivalOverrides: Record<string, string>) {
  const release = loseFirstCreate();
  const lostRun = deploy(name);
  await until("run A's create", () => creates(name).length === 1);
  const rivalRun = deploy(name, rivalOverrides);
  await until("run B's answered create", () => creates(name)[1]?.status === 200);
  release();
  return Promise.all([lostRun, rivalRun]);
}

/** The one endpoint of `name` (there must be exactly one). */
function onlyEndpoint(name: string) {
  const all = endpointsNamed(name);
  expect(all).toHaveLength(1);
  return all[0];
}

describe("a run whose create answer was lost, while a rival run creates the name", () => {
  it("waits on the rival's endpoint, which fails: delete-on-failure does not delete it, it warns with the step", async () => {
    const name = "lost-rival-fails";
    const [a, b] = await lostWhileRivalCreates(name, { "delete-on-failure": "false" });
    try {
      const rival = onlyEndpoint(name);
      expect(b.outputs["endpoint-id"]).toBe(rival?.id);
      // A waited on it (its status is the rival's FAILED) and failed, without claiming it.
      expect(a.outputs.result).toBe("failed");
      expect(a.outputs.status).toBe("FAILED");
      expect(a.state["created-by-this-run"]).toBe("false");
      expect(creates(name)).toHaveLength(2);
      expect(rival?.deleted).toBe(false);
      expect(deletesOf(rival?.id)).toEqual([]);
      const warned = warningsOf(a);
      expect(warned).toContain(`cannot prove that it made endpoint ${rival?.id}`);
      expect(warned).toContain(`operation: delete`);
      expect(warned).toContain(`endpoint-id: ${rival?.id}`);
      expect(a.summary).toContain("cannot prove that it made endpoint");
    } finally {
      done([a, b]);
    }
  });

  it("cancelled with its create in flight: its post step deletes nothing, it warns with the rival's delete step", async () => {
    const name = "lost-cancelled";
    const release = loseFirstCreate();
    let child: ChildProcess | undefined;
    const lostRun = deploy(name, {}, (c) => {
      child = c;
    });
    await until("run A's create", () => creates(name).length === 1);
    const b = await deploy(name, { wait: "false" });
    child?.kill("SIGINT");
    // The answer A waits for in its grace never comes: the connection is reset, unprocessed.
    setTimeout(release, 300);
    const a = await lostRun;
    const rivalId = b.outputs["endpoint-id"];
    try {
      expect(b.outputs.result).toBe("created");
      expect(a.outputs.result).toBe("cancelled");
      expect(a.state["create-sent-at"]).toBeTruthy();
      expect(a.state["create-created-at"] ?? "").toBe("");
      const cleanUp = await post(name, a.state);
      cleanUp.cleanup();
      expect(cleanUp.code).toBe(0);
      expect(sim.endpoints().find((e) => e.id === rivalId)?.deleted).toBe(false);
      expect(deletesOf(rivalId)).toEqual([]);
      const warned = warningsOf(cleanUp);
      expect(warned).toContain("cannot prove which of them, if any, the run created");
      expect(warned).toContain(`endpoint-id: ${rivalId}`);
    } finally {
      done([a, b]);
    }
  });

  it("the rival's endpoint has other settings: the run fails on them, deletes nothing, creates nothing more", async () => {
    const name = "lost-other-settings";
    const [a, b] = await lostWhileRivalCreates(name, { "max-replicas": "3", "delete-on-failure": "false" });
    try {
      const rival = onlyEndpoint(name);
      expect(a.outputs.result).toBe("failed");
      expect(a.stdout).toContain(
        `endpoint ${rival?.id} ("${name}"), which appeared since, does not have the settings`,
      );
      expect(a.stdout).toContain("autoscalingPolicy.maxReplica 3, not 1");
      expect(creates(name)).toHaveLength(2);
      expect(rival?.deleted).toBe(false);
      expect(deletesOf(rival?.id)).toEqual([]);
      expect(warningsOf(a)).toContain(`endpoint-id: ${rival?.id}`);
    } finally {
      done([a, b]);
    }
  });
});

describe("a lost answer with no rival: the endpoint is most likely the run's, but unproved", () => {
  it("the run waits on it, says it cannot prove it made it, and delete-on-failure leaves it", async () => {
    const name = "lost-alone-fails";
    sim.inject({ route: "create", fault: { kind: "reset", when: "after" } });
    const run = await deploy(name);
    try {
      const only = onlyEndpoint(name);
      expect(run.outputs.result).toBe("failed");
      expect(run.outputs["endpoint-id"]).toBe(only?.id);
      expect(run.outputs.status).toBe("FAILED");
      expect(run.state["created-by-this-run"]).toBe("false");
      expect(warningsOf(run)).toContain(`cannot prove that it made endpoint ${only?.id}`);
      expect(run.summary).toContain(`cannot prove that it made endpoint ${only?.id}`);
      expect(warningsOf(run)).toContain(`endpoint-id: ${only?.id}`);
      expect(only?.deleted).toBe(false);
      expect(deletesOf(only?.id)).toEqual([]);
    } finally {
      run.cleanup();
    }
  });

  it("cancelled while waiting on it: the post step leaves it too", async () => {
    const name = "lost-alone-waiting";
    sim.inject({ route: "create", fault: { kind: "reset", when: "after" } });
    const polled = () => {
      const id = endpointsNamed(name)[0]?.id;
      return id !== undefined && sim.requests.some((r) => r.route === "status" && r.path.includes(id));
    };
    const run = await deploy(name, {}, (child) => {
      void until("the wait on the endpoint", polled).then(() => child.kill("SIGINT"));
    });
    const [only] = endpointsNamed(name);
    try {
      expect(run.outputs.result).toBe("cancelled");
      expect(run.state["endpoint-id"]).toBe(only?.id);
      expect(warningsOf(run)).toContain(`cannot prove that it made endpoint ${only?.id}`);
      const cleanUp = await post(name, run.state);
      cleanUp.cleanup();
      expect(cleanUp.code).toBe(0);
      expect(sim.endpoints().find((e) => e.id === only?.id)?.deleted).toBe(false);
      expect(deletesOf(only?.id)).toEqual([]);
    } finally {
      run.cleanup();
    }
  });
});

describe("SIGINT while the create is in flight", () => {
  it("the create is not cut off: its answer, arriving in the grace, is saved, and the post step deletes that endpoint", async () => {
    const name = "answered-in-grace";
    // Created at once, answered 1.5 s later: the signal comes in between.
    sim.inject({ route: "create", fault: { kind: "slow-headers", ms: 1_500 } });
    const run = await deploy(name, {}, (child) => {
      void until("the create in flight", () => creates(name).length === 1).then(() => child.kill("SIGINT"));
    });
    const [made] = endpointsNamed(name);
    try {
      expect(run.outputs.result).toBe("cancelled");
      // What proves the endpoint the run's own reached the post step.
      expect(Date.parse(run.state["create-created-at"] ?? "")).toBe(made?.createdAt);
      expect(run.state["endpoint-id"] ?? "").toBe("");
      const cleanUp = await post(name, run.state);
      cleanUp.cleanup();
      expect(cleanUp.code).toBe(0);
      expect(cleanUp.stdout).toContain(`deleted endpoint ${made?.id}`);
      expect(sim.endpoints().find((e) => e.id === made?.id)?.deleted).toBe(true);
    } finally {
      run.cleanup();
    }
  });
});
