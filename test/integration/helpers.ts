// Shared by the integration tests: one simulator per test on a virtual clock, closed afterwards,
// and short views of the simulator's request log for exact assertions.
import { afterEach } from "vitest";
import type { LoggedRequest, Simulator, SimulatorOptions } from "../simulator/index.ts";
import { simulatorWithVirtualClock } from "../support/in-process.ts";

export const EVENTS_DIR = new URL("../fixtures/events/", import.meta.url).pathname;

export type Env = Awaited<ReturnType<typeof simulatorWithVirtualClock>>;

const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A simulator on a virtual clock (fixed seed: ids are stable between runs), closed after the test. */
export async function startEnv(options: Omit<SimulatorOptions, "clock"> = {}): Promise<Env> {
  const env = await simulatorWithVirtualClock({ seed: 7, ...options });
  open.push(env.sim);
  return env;
}

const isHub = (r: LoggedRequest) => r.route.startsWith("hub-");
// The team cost report is read last, on a budget of its own, beside the operation: it has its own
// assertions (costReads), so the operations' exact request sequences leave it out.
const isCost = (r: LoggedRequest) => r.route === "cost";

/** "GET list", "POST create", ... of the operation, in the order the simulator saw them (the Hub's and the cost report's apart). */
export function routes(sim: Simulator): string[] {
  return sim.requests.filter((r) => !isHub(r) && !isCost(r)).map((r) => `${r.method} ${r.route}`);
}

/** The operation's requests to the Friendli side (the Hub side gets neither the Friendli token nor the team). */
export function friendliRequests(sim: Simulator): LoggedRequest[] {
  return sim.requests.filter((r) => !isHub(r) && !isCost(r));
}

/** The reads of the team cost report (`GET /v1/team/cost`). */
export function costReads(sim: Simulator): LoggedRequest[] {
  return sim.requests.filter(isCost);
}

/** "GET hub-model", "GET hub-tree", ...: what the pre-flight asked the simulator's Hub side. */
export function hubRoutes(sim: Simulator): string[] {
  return sim.requests.filter(isHub).map((r) => `${r.method} ${r.route}`);
}

/** Everything that could change state on the server: anything but a GET. */
export function writes(sim: Simulator): LoggedRequest[] {
  return sim.requests.filter((r) => r.method !== "GET");
}

export function requestsTo(sim: Simulator, route: LoggedRequest["route"]): LoggedRequest[] {
  return sim.requests.filter((r) => r.route === route);
}
