// Two runs at once against one simulator, and signals at the wrong moment, through the BUILT
// bundle (dist/index.js, dist/post.js) as the runner runs it. The simulator holds each create until
// the test releases it, so the interleaving is exact; its clock can be moved ahead, so a rival's
// endpoint is created "later" without the test waiting for it.
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { INSTANT_LIFECYCLE } from "../simulator/index.ts";
import type { LoggedRequest } from "../simulator/server.ts";
import { createsOf, cleanUpAll as done, gate, raceInputs, until } from "../support/race.ts";
import { runAction } from "../support/run-action.ts";
import { useSimulator } from "../support/use-simulator.ts";

const TOKEN = "flp_race_test_token_0123456789";
/** Added to the simulator's clock: endpoints created after a bump look that much later. */
let aheadMs = 0;

const sim = useSimulator({
  clock: { now: () => Date.now() + aheadMs },
  scenario: {
    lifecycleMs: INSTANT_LIFECYCLE,
    failures: [
      {
        match: { name: "race-fails" },
        phase: "REQUESTING_VIRTUAL_MACHINE",
        errorCode: "WORKLOAD_INIT_UNKNOWN_ERROR",
      },
    ],
  },
});

const inputs = (name: string, overrides: Record<string, string> = {}) =>
  raceInputs(TOKEN, sim.url, name, overrides);

/** One run of the main step; its GITHUB_RUN_ID lands in the create's version comment. */
function deploy(
  name: string,
  runId: string,
  overrides: Record<string, string> = {},
  onSpawn?: (c: ChildProcess) => void,
) {
  return runAction({
    inputs: inputs(name, overrides),
    env: { GITHUB_RUN_ID: runId },
    ...(onSpawn ? { onSpawn } : {}),
  });
}

function post(name: string, state: Record<string, string>, overrides: Record<string, string> = {}) {
  return runAction({ step: "post", inputs: inputs(name, overrides), state });
}

const creates = (name: string) => createsOf(sim, name);
const runOf = (r: LoggedRequest | undefined) =>
  /actions\/runs\/(\d+)/.exec(
    (r?.body as { initialVersionComment?: string } | null)?.initialVersionComment ?? "",
  )?.[1];
const live = (name: string) => sim.endpoints().filter((e) => e.name === name && !e.deleted);

describe("two deploys of one name started together", () => {
  it.each(["false", "true"])(
    "both create: the run whose endpoint was created first keeps it, the other deletes its own and fails (delete-on-failure: %s)",
    async (deleteOnFailure) => {
      const name = `race-both-${deleteOnFailure}`;
      const first = gate();
      const second = gate();
      sim.inject({ route: "create", fault: { kind: "hold", until: first.until } });
      sim.inject({ route: "create", fault: { kind: "hold", until: second.until } });
      const runs = Promise.all([
        deploy(name, "101", { "delete-on-failure": deleteOnFailure }),
        deploy(name, "102", { "delete-on-failure": deleteOnFailure }),
      ]);
      // Both looked the name up and found nothing; both creates are in the simulator's hands.
      await until("two creates", () => creates(name).length === 2);
      // The second to arrive is created first, so its run keeps the name.
      second.open();
      await until("the first answer", () => creates(name)[1]?.status !== 0);
      first.open();
      const [a, b] = await runs;
      if (!a || !b) throw new Error("runs missing");
      try {
        const keeperRun = runOf(creates(name)[1]) === "101" ? a : b;
        const loserRun = keeperRun === a ? b : a;
        const kept = live(name);
        expect(kept).toHaveLength(1);
        expect(keeperRun.outputs.result).toBe("created");
        expect(keeperRun.outputs["endpoint-id"]).toBe(kept[0]?.id);
        expect(loserRun.outputs.result).toBe("failed");
        expect(loserRun.code).not.toBe(0);
        const loserId = sim.endpoints().find((e) => e.name === name && e.id !== kept[0]?.id)?.id;
        expect(sim.endpoints().find((e) => e.id === loserId)?.deleted).toBe(true);
        // Only its own duplicate was ever sent a DELETE.
        expect(
          sim.requests.filter((r) => r.route === "delete").map((r) => r.path.split("/").at(-1)),
        ).not.toContain(kept[0]?.id);
        expect(loserRun.stdout).toContain(kept[0]?.id ?? "?");
        expect(loserRun.stdout).toMatch(/concurrency/);
      } finally {
        done([a, b]);
      }
    },
  );
});

describe("a run never takes another run's endpoint for its own", () => {
  it("a run whose create answer was lost waits on the rival's endpoint but never claims it", async () => {
    const name = "race-lost-answer";
    const first = gate();
    const second = gate();
    // The first create to arrive is never processed and its connection is reset: its answer is lost.
    sim.inject({
      route: "create",
      fault: { kind: "hold", until: first.until, afterwards: { kind: "reset", when: "before" } },
    });
    sim.inject({ route: "create", fault: { kind: "hold", until: second.until } });
    const runs = Promise.all([
      deploy(name, "201", { "delete-on-failure": "true" }),
      deploy(name, "202", { "delete-on-failure": "true" }),
    ]);
    await until("two creates", () => creates(name).length === 2);
    first.open();
    await until("the lost answer", () => creates(name)[0]?.status === "reset");
    // The rival's create is processed well after the lost one (a re-run started later).
    aheadMs += 60_000;
    second.open();
    const [a, b] = await runs;
    if (!a || !b) throw new Error("runs missing");
    try {
      const lostRun = runOf(creates(name)[0]) === "201" ? a : b;
      const rivalRun = lostRun === a ? b : a;
      const rivals = live(name);
      expect(rivals).toHaveLength(1);
      expect(rivalRun.outputs.result).toBe("created");
      expect(rivalRun.outputs["endpoint-id"]).toBe(rivals[0]?.id);
      // The run that lost its answer may wait on the endpoint of the name (it has the requested
      // settings), but cannot prove it made it: it never claims it and creates no second one.
      expect(lostRun.state["created-by-this-run"] ?? "").not.toBe("true");
      expect(lostRun.stdout).toContain(`cannot prove that it made endpoint ${rivals[0]?.id}`);
      expect(creates(name)).toHaveLength(2);
    } finally {
      done([a, b]);
    }
  });

  it("the post step of a run cancelled with its create in flight leaves the endpoint a later run created", async () => {
    const name = "race-cancelled-create";
    sim.inject({ route: "create", fault: { kind: "hang" } });
    const cancelled = await deploy(name, "301", { "delete-on-failure": "true" }, (child) => {
      void until("the create in flight", () => creates(name).length === 1).then(() => child.kill("SIGINT"));
    });
    // The rival runs a minute after the cancelled run's create (a re-run started later).
    aheadMs += 60_000;
    const rival = await deploy(name, "302", { "delete-on-failure": "true" });
    try {
      expect(cancelled.outputs.result).toBe("cancelled");
      expect(rival.outputs.result).toBe("created");
      const rivalId = rival.outputs["endpoint-id"];
      const deletesBefore = sim.requests.filter((r) => r.route === "delete").length;
      const cleanUp = await post(name, cancelled.state, { "delete-on-failure": "true" });
      cleanUp.cleanup();
      expect(cleanUp.code).toBe(0);
      expect(sim.endpoints().find((e) => e.id === rivalId)?.deleted).toBe(false);
      expect(sim.requests.filter((r) => r.route === "delete")).toHaveLength(deletesBefore);
      expect(cleanUp.stdout).toContain(`endpoint-id: ${rivalId}`);
      expect(cleanUp.stdout).toMatch(/::warning::/);
    } finally {
      done([cancelled, rival]);
    }
  });
});

describe("a delete-on-failure DELETE cut short by the cancellation", () => {
  it("the post step deletes the endpoint this run created, retrying a DELETE that is lost", async () => {
    const name = "race-fails";
    sim.inject({ route: "delete", fault: { kind: "hang" } });
    const deletesBefore = sim.requests.filter((r) => r.route === "delete").length;
    const main = await deploy(name, "401", { "delete-on-failure": "true" }, (child) => {
      void until(
        "the DELETE in flight",
        () => sim.requests.filter((r) => r.route === "delete").length > deletesBefore,
      ).then(() => child.kill("SIGINT"));
    });
    try {
      const id = main.outputs["endpoint-id"];
      expect(id).toBeTruthy();
      expect(main.state["created-by-this-run"]).toBe("true");
      expect(sim.endpoints().find((e) => e.id === id)?.deleted).toBe(false);
      // The post step's first DELETE is lost too: it tries again.
      sim.inject({ route: "delete", fault: { kind: "reset", when: "before" } });
      const cleanUp = await post(name, main.state, { "delete-on-failure": "true" });
      cleanUp.cleanup();
      expect(cleanUp.code).toBe(0);
      expect(sim.endpoints().find((e) => e.id === id)?.deleted).toBe(true);
    } finally {
      main.cleanup();
    }
  });
});
