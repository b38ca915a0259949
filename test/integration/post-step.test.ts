// The post step in-process against the simulator on a virtual clock: finding, after a cancelled
// create, the endpoint that create made, through a listing that lags by up to a minute. Only an
// answered create proves which one it made: without its answer, nothing is deleted.
import { afterEach, describe, expect, it } from "vitest";
import type { PostCore } from "../../src/base/core.ts";
import { CREATED_LAG_DELAYS_MS } from "../../src/base/timing.ts";
import { FriendliClient } from "../../src/friendli/client.ts";
import { readRunContext } from "../../src/github/context.ts";
import { parseInputs } from "../../src/inputs/inputs.ts";
import { createBody } from "../../src/plan/request-bodies.ts";
import { run as post } from "../../src/post/post.ts";
import type { Simulator } from "../simulator/index.ts";
import { deployInputs, simulatorWithVirtualClock, TOKEN } from "../support/in-process.ts";
import { silentLogger } from "../support/log.ts";
import { actionDefaults } from "../support/run-action.ts";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function recorder(inputs: Record<string, string>, state: Record<string, string>) {
  const logs: string[] = [];
  const core: PostCore = {
    getInput: (name) => (inputs[name] ?? "").trim(),
    getState: (name) => state[name] ?? "",
    setSecret: () => {},
    info: (m) => logs.push(`info: ${m}`),
    warning: (m) => logs.push(`warning: ${String(m)}`),
    debug: () => {},
    summary: {
      addRaw(text) {
        logs.push(`summary: ${text}`);
        return this;
      },
      async write() {
        return this;
      },
    },
  };
  return { core, logs };
}

async function cancelledCreate(listLagMs: number, name = "orphan") {
  const started = await simulatorWithVirtualClock({ scenario: { listLagMs } });
  sim = started.sim;
  const { clock } = started;
  const sentAt = clock.now();
  // What a cancelled main step leaves: the create was answered, its id never found.
  const parsed = parseInputs(
    (n) => ({ ...actionDefaults(), ...deployInputs(sim as Simulator, { name }) })[n] ?? "",
    readRunContext({}),
  );
  if (parsed.kind !== "ok") throw new Error("bad inputs");
  const client = new FriendliClient({
    baseUrl: sim.url,
    token: TOKEN,
    clock,
    signal: new AbortController().signal,
    deadlineMs: clock.now() + 60_000,
    log: silentLogger,
  });
  const created = await client.create(createBody(parsed.inputs));
  await client.http.close();
  const state = {
    result: "cancelled",
    "create-sent-at": String(sentAt),
    "create-created-at": created.status.createdAt ?? "",
    "lookup-ids": "",
  };
  return { sim, clock, state };
}

describe("post step after a create whose id was never known", () => {
  it.each([0, 20_000, 55_000])("finds it through a listing that lags %i ms, and deletes it", async (lag) => {
    const { sim, clock, state } = await cancelledCreate(lag);
    const { core, logs } = recorder(
      { ...actionDefaults(), ...deployInputs(sim, { name: "orphan", "delete-on-failure": "true" }) },
      state,
    );
    const result = await post({ core, clock, signal: new AbortController().signal, env: {} });
    expect(logs.filter((l) => l.startsWith("warning"))).toEqual([]);
    expect(result).toBe("deleted");
    expect(sim.endpoints().find((e) => e.name === "orphan")?.deleted).toBe(true);
    expect(sim.requests.filter((r) => r.method === "POST" || r.method === "PUT")).toHaveLength(1);
  });

  it("gives up after about a minute of listings, warning with the step that deletes it", async () => {
    const { sim, clock, state } = await cancelledCreate(600_000);
    const { core, logs } = recorder(
      { ...actionDefaults(), ...deployInputs(sim, { name: "orphan", "delete-on-failure": "true" }) },
      state,
    );
    const t0 = clock.now();
    expect(await post({ core, clock, signal: new AbortController().signal, env: {} })).toBe("not-found");
    expect(clock.now() - t0).toBeGreaterThanOrEqual(CREATED_LAG_DELAYS_MS.reduce((a, b) => a + b, 0));
    expect(clock.now() - t0).toBeLessThan(70_000);
    expect(logs.at(-1)).toMatch(/^warning: .*no such endpoint appeared within a minute.*operation: delete/s);
  });

  it("leaves an endpoint of the name created at another time than the create's answer says", async () => {
    const { sim, clock, state } = await cancelledCreate(0, "someone-elses");
    const { core, logs } = recorder(
      { ...actionDefaults(), ...deployInputs(sim, { name: "someone-elses", "delete-on-failure": "true" }) },
      { ...state, "create-created-at": new Date(clock.now() + 3_600_000).toISOString() },
    );
    expect(await post({ core, clock, signal: new AbortController().signal, env: {} })).toBe("warned");
    const other = sim.endpoints().find((e) => e.name === "someone-elses");
    expect(other?.deleted).toBe(false);
    expect(logs.at(-1)).toMatch(/^warning: .*another run's, so this step deletes nothing/s);
    expect(logs.at(-1)).toContain(`endpoint-id: ${other?.id}`);
  });

  it("the create's answer was lost: deletes nothing, warns with the step naming the endpoint", async () => {
    const { sim, clock, state } = await cancelledCreate(0, "unproved");
    const { "create-created-at": _lost, ...unanswered } = state;
    const { core, logs } = recorder(
      { ...actionDefaults(), ...deployInputs(sim, { name: "unproved", "delete-on-failure": "true" }) },
      unanswered,
    );
    expect(await post({ core, clock, signal: new AbortController().signal, env: {} })).toBe("warned");
    const maybe = sim.endpoints().find((e) => e.name === "unproved");
    expect(maybe?.deleted).toBe(false);
    expect(sim.requests.filter((r) => r.method === "DELETE")).toHaveLength(0);
    expect(logs.at(-1)).toMatch(/^warning: .*cannot prove which of them, if any, the run created/s);
    expect(logs.at(-1)).toContain(`endpoint-id: ${maybe?.id}`);
  });

  it("leaves an endpoint of the name the look-up listed before the create", async () => {
    const { sim, clock, state } = await cancelledCreate(0, "listed-before");
    const listed = sim.endpoints().find((e) => e.name === "listed-before")?.id ?? "?";
    const { core } = recorder(
      { ...actionDefaults(), ...deployInputs(sim, { name: "listed-before", "delete-on-failure": "true" }) },
      { ...state, "lookup-ids": `x,${listed}` },
    );
    expect(await post({ core, clock, signal: new AbortController().signal, env: {} })).toBe("not-found");
    expect(sim.endpoints().find((e) => e.id === listed)?.deleted).toBe(false);
  });

  it("another endpoint of the name created after the create: deletes only its own", async () => {
    const { sim, clock, state } = await cancelledCreate(0, "twice");
    const own = sim.endpoints().find((e) => e.name === "twice")?.id;
    const rival = sim.seed({ name: "twice", projectId: "demo-project", createdAt: clock.now() + 1000 });
    const { core } = recorder(
      { ...actionDefaults(), ...deployInputs(sim, { name: "twice", "delete-on-failure": "true" }) },
      state,
    );
    expect(await post({ core, clock, signal: new AbortController().signal, env: {} })).toBe("deleted");
    expect(
      sim
        .endpoints()
        .filter((e) => e.name === "twice" && !e.deleted)
        .map((e) => e.id),
    ).toEqual([rival]);
    expect(sim.requests.filter((r) => r.method === "DELETE").map((r) => r.path.split("/").at(-1))).toEqual([
      own,
    ]);
  });
});
