// The fault-injection suite: run() in-process against the real simulator over loopback HTTP, on a
// virtual clock the simulator shares. Every wait is read from `sim.requests[].at` (virtual ms), so
// "one wait of 3 s" means exactly 3000 ms between two requests, and every request count is exact.
//
// The flow of a deploy, for reading the counts: lookup (list + a GET per listed endpoint), a second
// list (the ids known before the create), the create, then resolution (list + GET of the new id)
// and status polls. With the virtual clock's random() fixed at 0.5, backoff is deterministic: the
// HTTP layer waits 250 ms, 500 ms, 1 s...; the waiter waits 1.5 s, 3 s, 6 s, 10.5 s after failures.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Clock } from "../../src/base/clock.ts";
import { FriendliClient } from "../../src/friendli/client.ts";
import type { CreateEndpointBody } from "../../src/friendli/schemas.ts";
import type { LoggedRequest, RouteName, Simulator, SimulatorOptions } from "../simulator/index.ts";
import { INSTANCE_OPTIONS, startSimulator } from "../simulator/index.ts";
import { virtualClock } from "../support/clock.ts";
import {
  deployInputs,
  type RecordedRun,
  runInProcess,
  simulatorWithVirtualClock,
  TOKEN,
} from "../support/in-process.ts";
import { silentLogger } from "../support/log.ts";

const NAME = "it-endpoint";
const PROJECT = "demo-project";

let sim: Simulator | undefined;
let extraServers: Server[] = [];
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  await Promise.all(extraServers.map((s) => new Promise((r) => s.close(r))));
  extraServers = [];
});

async function setup(options: Omit<SimulatorOptions, "clock"> = {}) {
  const env = await simulatorWithVirtualClock(options);
  sim = env.sim;
  return { ...env, start: env.clock.now() };
}

const calls = (s: Simulator, route: RouteName): LoggedRequest[] =>
  s.requests.filter((r) => r.route === route);
const live = (s: Simulator, name = NAME) => s.endpoints().filter((e) => e.name === name && !e.deleted);
/** Virtual ms between consecutive requests. */
const gaps = (rs: LoggedRequest[]) => rs.slice(1).map((r, i) => r.at - (rs[i] as LoggedRequest).at);
/** The requests from `from` to `to` (inclusive), in arrival order; virtual times can tie. */
const span = (s: Simulator, from: LoggedRequest, to?: LoggedRequest) =>
  s.requests.slice(s.requests.indexOf(from), to ? s.requests.indexOf(to) + 1 : undefined);
const warnings = (r: RecordedRun) => r.logs.filter((l) => l.startsWith("warning: "));
const infos = (r: RecordedRun) => r.logs.filter((l) => l.startsWith("info: "));

/** The shared clock, recording when each sleep starts and how long it is. */
function recordingSleeps(base: Clock) {
  const sleeps: Array<{ at: number; ms: number }> = [];
  const clock: Clock = {
    now: () => base.now(),
    random: () => base.random(),
    sleep: (ms, signal) => {
      sleeps.push({ at: base.now(), ms });
      return base.sleep(ms, signal);
    },
  };
  return { clock, sleeps };
}

/** Asserts a run that ended well with exactly one endpoint of the name, RUNNING. */
function expectCreatedOnce(r: RecordedRun, s: Simulator) {
  expect(r.failed).toBeUndefined();
  expect(r.outputs.result).toBe("created");
  expect(r.outputs.status).toBe("RUNNING");
  const mine = live(s);
  expect(mine).toHaveLength(1);
  expect(r.outputs["endpoint-id"]).toBe(mine[0]?.id);
}

describe("create", () => {
  it("429 with Retry-After: 3 -> one wait of exactly 3 s, then exactly one more POST", async () => {
    const env = await setup();
    env.sim.inject({ route: "create", fault: { kind: "status", status: 429, retryAfter: "3" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const posts = calls(env.sim, "create");
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    expect(gaps(posts)).toEqual([3000]);
    expect(infos(r)).toContain("info: create: attempt 2 after 429, waiting 3s");
  });

  it("429 with Retry-After as an HTTP date 5 s ahead -> one wait of exactly 5 s", async () => {
    const env = await setup();
    const at = new Date(env.clock.now() + 5000).toUTCString();
    env.sim.inject({ route: "create", fault: { kind: "status", status: 429, retryAfter: at } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const posts = calls(env.sim, "create");
    expect(posts).toHaveLength(2);
    expect(gaps(posts)).toEqual([5000]);
  });

  it("429 with a garbage Retry-After -> backoff with full jitter (250 ms at random 0.5), one more POST", async () => {
    const env = await setup();
    env.sim.inject({ route: "create", fault: { kind: "status", status: 429, retryAfter: "soon-ish" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const posts = calls(env.sim, "create");
    expect(posts).toHaveLength(2);
    expect(gaps(posts)).toEqual([250]);
  });

  it("500 after the endpoint was created (process: true) -> no second POST, adopted, result created", async () => {
    const env = await setup();
    env.sim.inject({ route: "create", fault: { kind: "status", status: 500, process: true } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(calls(env.sim, "create")).toHaveLength(1);
    expect(warnings(r).join("\n")).toMatch(/answer was lost.*looking "it-endpoint" up before creating again/);
  });

  it("503 with Retry-After after the endpoint was created -> not retried blindly: adopted, one POST", async () => {
    const env = await setup();
    env.sim.inject({
      route: "create",
      fault: { kind: "status", status: 503, retryAfter: "1", process: true },
    });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(calls(env.sim, "create")).toHaveLength(1);
  });

  it("connection reset after the create was processed -> waited on, not proved its own, no duplicate", async () => {
    const env = await setup();
    env.sim.inject({ route: "create", fault: { kind: "reset", when: "after" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(calls(env.sim, "create").map((p) => p.status)).toEqual(["reset"]);
    expect(warnings(r).join("\n")).toContain("cannot prove that it made endpoint");
    expect(r.state["created-by-this-run"]).toBe("false");
    // Lookup (its listing gives the ids known before), the create, then one listing and one GET
    // found it: no lag waits.
    const first = env.sim.requests.filter((q) => !q.route.startsWith("hub-")).slice(0, 5);
    expect(first.map((q) => q.route)).toEqual(["list", "create", "list", "get", "status"]);
    expect(first.every((q) => q.at === env.start)).toBe(true);
  });

  it("connection reset after processing while the list lags 5 s -> listed again after 0.5, 1, 2, 4 s, adopted", async () => {
    const env = await setup({ scenario: { listLagMs: 5000 } });
    env.sim.inject({ route: "create", fault: { kind: "reset", when: "after" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(calls(env.sim, "create")).toHaveLength(1);
    const post = calls(env.sim, "create")[0] as LoggedRequest;
    const lists = span(env.sim, post).filter((q) => q.route === "list");
    expect(lists.map((l) => l.at - post.at)).toEqual([0, 500, 1500, 3500, 7500]);
  });

  it("two creates reset before processing -> fails; no endpoint's spec is read twice in the run", async () => {
    const env = await setup();
    const others = [1, 2, 3].map((i) => env.sim.seed({ name: `other-${i}`, projectId: PROJECT }));
    env.sim.inject({ route: "create", times: 2, fault: { kind: "reset", when: "before" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toContain(`creating "${NAME}" failed 2 times without an answer`);
    expect(calls(env.sim, "create")).toHaveLength(2);
    // The lookup before the creates read each spec; the lookup after them reads none again.
    expect(calls(env.sim, "get").map((g) => g.path.split("/").at(-1))).toEqual(others);
  });

  it("connection reset before the create was processed -> looked up, nothing found, created again: one endpoint", async () => {
    const env = await setup();
    env.sim.inject({ route: "create", fault: { kind: "reset", when: "before" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const posts = calls(env.sim, "create");
    expect(posts.map((p) => p.status)).toEqual(["reset", 200]);
    // Between the two POSTs: the name was looked up for about a minute, with the waits that let a
    // lagging list catch up (500 ms, 1 s, 2 s, 4 s, 8 s, 15 s, 30 s), and nothing else was sent.
    const between = span(env.sim, posts[0] as LoggedRequest, posts[1]);
    expect(between.map((q) => q.route)).toEqual(["create", ...Array(8).fill("list"), "create"]);
    expect(gaps(between.slice(1, 9))).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 30_000]);
  });

  // After an ambiguous create the resolver lists the name for about a minute (CREATED_LAG_DELAYS_MS
  // in src/base/timing.ts) before it creates again. Should the first create have gone through and the
  // list lag longer still, the second create's answer names its own endpoint by createdAt, and the
  // older one (the first create's) is the keeper: the run deletes the second and fails, naming both
  // ids, rather than leave a silent duplicate (src/endpoint/created-claim.ts).
  it("an ambiguous create that did go through while the list lags 20 s -> never a silent duplicate", async () => {
    const env = await setup({ scenario: { listLagMs: 20_000 } });
    env.sim.inject({ route: "create", fault: { kind: "status", status: 500, process: true } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    const mine = live(env.sim);
    if (mine.length > 1) {
      expect(r.outputs.result).toBe("failed");
      for (const e of mine) expect(r.failed).toContain(e.id);
    } else {
      expectCreatedOnce(r, env.sim);
    }
  });

  it("400 -> exactly one POST, the server's detail (the valid instance options) in the failure", async () => {
    const env = await setup();
    // A raw instance option id the inputs accept but the API does not know: the simulator's own 400.
    const r = await runInProcess({
      inputs: deployInputs(env.sim, { gpu: "ZzNotAnOpt12" }),
      clock: env.clock,
    });
    expect(calls(env.sim, "create")).toHaveLength(1);
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/rejected \(400\)/);
    expect(r.failed).toContain("ZzNotAnOpt12");
    expect(live(env.sim)).toHaveLength(0);
  });

  it("401 -> exactly one POST, the failure says to check the token secret", async () => {
    const env = await setup();
    env.sim.inject({ route: "create", fault: { kind: "status", status: 401 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expect(calls(env.sim, "create")).toHaveLength(1);
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/token was rejected \(401\): check the friendli-token secret/);
  });

  it("403 -> exactly one POST, the failure points at team-id and team/project access", async () => {
    const env = await setup();
    env.sim.inject({ route: "create", fault: { kind: "status", status: 403 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expect(calls(env.sim, "create")).toHaveLength(1);
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/access denied \(403\): check team-id and .*team\/project/);
  });

  it("422 -> exactly one POST, the failure lists the server's field errors", async () => {
    const env = await setup();
    const body = JSON.stringify({
      detail: [
        { type: "missing", loc: ["body", "hfModelRepo"], msg: "Field required", input: {} },
        {
          type: "int_type",
          loc: ["body", "autoscalingPolicy", "maxReplica"],
          msg: "Input should be a valid integer",
        },
      ],
    });
    env.sim.inject({ route: "create", fault: { kind: "status", status: 422, body } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expect(calls(env.sim, "create")).toHaveLength(1);
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toContain("(422)");
    expect(r.failed).toContain("body.hfModelRepo: Field required");
    expect(r.failed).toContain("body.autoscalingPolicy.maxReplica: Input should be a valid integer");
  });

  it("2xx with a non-JSON body after the endpoint was created -> ambiguous, looked up, adopted: one POST", async () => {
    const env = await setup();
    // The simulator's non-json fault leaves no trace; this one creates the endpoint and then answers
    // 200 with an HTML page, as a proxy that mangles a good answer would. The type allows only error
    // statuses; the simulator sends whatever it is given.
    env.sim.inject({
      route: "create",
      fault: { kind: "status", status: 200 as 500, process: true, body: "<html><title>OK</title></html>" },
    });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(calls(env.sim, "create")).toHaveLength(1);
  });

  it("2xx with a non-JSON body and nothing created -> looked up, nothing found, created again: one endpoint", async () => {
    const env = await setup();
    env.sim.inject({ route: "create", fault: { kind: "non-json" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(calls(env.sim, "create").map((p) => p.status)).toEqual([200, 200]);
  });

  it("2xx with a truncated body -> ambiguous, looked up, created again only because nothing is there", async () => {
    const env = await setup();
    env.sim.inject({ route: "create", fault: { kind: "truncated-body" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(calls(env.sim, "create")).toHaveLength(2);
  });
});

describe("lookup (list / get)", () => {
  /** Another endpoint in the project, so the lookup has a GET to make. */
  function seedNeighbour(s: Simulator) {
    return s.seed({ name: "someone-else", projectId: PROJECT });
  }

  it("list answered 503 -> retried after 250 ms, lookup succeeds", async () => {
    const env = await setup();
    env.sim.inject({ route: "list", fault: { kind: "status", status: 503 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const lists = calls(env.sim, "list");
    expect(lists[0]?.status).toBe(503);
    expect(lists[1]?.status).toBe(200);
    expect(gaps(lists)[0]).toBe(250);
    expect(infos(r)).toContain("info: list: attempt 2/4 after 503, waiting 0.3s");
  });

  it("list answered 503 with Retry-After: 2 -> waits exactly 2 s", async () => {
    const env = await setup();
    env.sim.inject({ route: "list", fault: { kind: "status", status: 503, retryAfter: "2" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const lists = calls(env.sim, "list");
    expect(gaps(lists)[0]).toBe(2000);
  });

  it("list connection reset -> retried, lookup succeeds", async () => {
    const env = await setup();
    env.sim.inject({ route: "list", fault: { kind: "reset", when: "before" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(
      calls(env.sim, "list")
        .slice(0, 2)
        .map((l) => l.status),
    ).toEqual(["reset", 200]);
  });

  it("list with slow headers (200 ms, under the per-request timeout) -> one request, lookup succeeds", async () => {
    const env = await setup();
    env.sim.inject({ route: "list", fault: { kind: "slow-headers", ms: 200 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(calls(env.sim, "list")[0]?.status).toBe(200);
    expect(calls(env.sim, "create")).toHaveLength(1);
  });

  it("list answered 200 with a truncated body -> retried, lookup succeeds", async () => {
    const env = await setup();
    env.sim.inject({ route: "list", fault: { kind: "truncated-body" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const lists = calls(env.sim, "list");
    expect(gaps(lists)[0]).toBe(250);
    expect(calls(env.sim, "create")).toHaveLength(1);
  });

  it("list answered 200 with an HTML page -> retried, lookup succeeds", async () => {
    const env = await setup();
    env.sim.inject({ route: "list", fault: { kind: "non-json" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(
      calls(env.sim, "list")
        .slice(0, 2)
        .map((l) => l.status),
    ).toEqual([200, 200]);
    expect(calls(env.sim, "create")).toHaveLength(1);
  });

  it("nothing listening (connection refused: not sent) -> retried after 250 ms, 500 ms, 1 s, then fails saying so", async () => {
    const env = await setup();
    // A port that was just free: nothing answers there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const { clock, sleeps } = recordingSleeps(env.clock);
    const r = await runInProcess({
      inputs: deployInputs(env.sim, { "api-url": `http://127.0.0.1:${port}` }),
      clock,
    });
    expect(r.outputs.result).toBe("failed");
    expect(sleeps.map((z) => z.ms)).toEqual([250, 500, 1000]);
    expect(r.failed).toMatch(/list failed: the request failed: .*ECONNREFUSED.*gave up after 4 attempts/);
    expect(infos(r)).toEqual([
      "info: list: attempt 2/4 after ECONNREFUSED, waiting 0.3s",
      "info: list: attempt 3/4 after ECONNREFUSED, waiting 0.5s",
      "info: list: attempt 4/4 after ECONNREFUSED, waiting 1s",
    ]);
  });

  it("list 401 -> fails at once: one request, the failure says to check the token", async () => {
    const env = await setup();
    env.sim.inject({ route: "list", fault: { kind: "status", status: 401 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expect(env.sim.requests).toHaveLength(1);
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/token was rejected \(401\): check the friendli-token secret/);
  });

  it("a team the token may not act in -> the simulator's own 403 on list, fails at once naming team-id", async () => {
    const env = await setup();
    const r = await runInProcess({
      inputs: deployInputs(env.sim, { "team-id": "other-team" }),
      clock: env.clock,
    });
    expect(env.sim.requests).toHaveLength(1);
    expect(r.failed).toMatch(/access denied \(403\): check team-id/);
    expect(r.failed).toContain("not a member of team 'other-team'");
  });

  it("a project the team does not have -> the simulator's own 404 on list, fails at once naming project-id", async () => {
    const env = await setup();
    const r = await runInProcess({
      inputs: deployInputs(env.sim, { "project-id": "nope" }),
      clock: env.clock,
    });
    expect(env.sim.requests).toHaveLength(1);
    expect(r.failed).toMatch(/not found \(404\): check project-id/);
    expect(r.failed).toContain("Project 'nope' not found.");
  });

  it("the second page of the listing answered 503 -> retried with the same cursor, the match on it is found", async () => {
    const env = await setup();
    for (let i = 0; i < 100; i++) env.sim.seed({ name: `other-${i}`, projectId: PROJECT });
    const id = env.sim.seed({ name: NAME, projectId: PROJECT });
    env.sim.inject({ route: "list", after: 1, fault: { kind: "status", status: 503 } });
    const r = await runInProcess({
      inputs: deployInputs(env.sim, { "if-exists": "reuse" }),
      clock: env.clock,
    });
    expect(r.failed).toBeUndefined();
    expect(r.outputs.result).toBe("reused");
    expect(r.outputs["endpoint-id"]).toBe(id);
    const lists = calls(env.sim, "list").slice(0, 3);
    expect(lists.map((q) => [q.status, q.query.cursor !== undefined])).toEqual([
      [200, false],
      [503, true],
      [200, true],
    ]);
    expect(lists[2]?.query.cursor).toBe(lists[1]?.query.cursor);
    expect(calls(env.sim, "create")).toHaveLength(0);
  });

  it("get answered 503, then reset -> retried, the existing endpoint is found (if-exists: reuse)", async () => {
    const env = await setup();
    seedNeighbour(env.sim);
    const id = env.sim.seed({ name: NAME, projectId: PROJECT });
    env.sim.inject({ route: "get", times: 1, fault: { kind: "status", status: 503 } });
    env.sim.inject({ route: "get", after: 1, fault: { kind: "reset", when: "before" } });
    const r = await runInProcess({
      inputs: deployInputs(env.sim, { "if-exists": "reuse" }),
      clock: env.clock,
    });
    expect(r.failed).toBeUndefined();
    expect(r.outputs.result).toBe("reused");
    expect(r.outputs["endpoint-id"]).toBe(id);
    expect(calls(env.sim, "create")).toHaveLength(0);
    // Two endpoints to GET, two failures to retry, each retry one request.
    expect(calls(env.sim, "get")).toHaveLength(4);
  });

  it("get with slow headers during lookup -> one request each, lookup succeeds", async () => {
    const env = await setup();
    seedNeighbour(env.sim);
    env.sim.inject({ route: "get", fault: { kind: "slow-headers", ms: 150 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
  });

  it("get 401 during lookup -> fails at once, no create", async () => {
    const env = await setup();
    seedNeighbour(env.sim);
    env.sim.inject({ route: "get", fault: { kind: "status", status: 401 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expect(calls(env.sim, "get")).toHaveLength(1);
    expect(calls(env.sim, "create")).toHaveLength(0);
    expect(r.failed).toMatch(/check the friendli-token secret/);
  });

  it("after an ambiguous create, the resolving list answered 503 and the confirming GET reset -> retried, adopted", async () => {
    const env = await setup();
    env.sim.inject({ route: "create", fault: { kind: "status", status: 502, process: true } });
    // The second list is the first one after the create (the lookup's, then this).
    env.sim.inject({ route: "list", after: 1, fault: { kind: "status", status: 503 } });
    env.sim.inject({ route: "get", fault: { kind: "reset", when: "before" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const post = calls(env.sim, "create")[0] as LoggedRequest;
    expect(span(env.sim, post).map((q) => [q.route, q.status, q.at - post.at])).toEqual([
      ["create", 502, 0],
      ["list", 503, 0],
      ["list", 200, 250],
      ["get", "reset", 250],
      ["get", 200, 500],
      ...calls(env.sim, "status").map((q) => ["status", 200, q.at - post.at]),
      // After RUNNING, the cost so far: once, on its own budget.
      ...calls(env.sim, "cost").map((q) => ["cost", 200, q.at - post.at]),
    ]);
    expect(calls(env.sim, "cost")).toHaveLength(1);
  });

  it("getLagMs: the new endpoint answers 404 for 3 s -> resolution lists again until the GET confirms it", async () => {
    const env = await setup({ scenario: { getLagMs: 3000 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const post = calls(env.sim, "create")[0] as LoggedRequest;
    const gets = span(env.sim, post).filter((q) => q.route === "get");
    // 0, 0.5, 1.5 s: 404; 3.5 s: past the lag.
    expect(gets.map((g) => [g.at - post.at, g.status])).toEqual([
      [0, 404],
      [500, 404],
      [1500, 404],
      [3500, 200],
    ]);
  });
});

describe("per-request timeout (the client over the simulator, with a 100 ms timeout)", () => {
  const deployBody = (): CreateEndpointBody => ({
    projectId: PROJECT,
    name: "timeout-probe",
    instanceOptionId: Object.keys(INSTANCE_OPTIONS)[0] as string,
    hfModelRepo: "meta-llama/Llama-3.1-8B-Instruct",
    autoscalingPolicy: { minReplica: 0, maxReplica: 1, cooldownPeriod: 300 },
    advanced: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
  });

  function client(s: Simulator, clock: Clock) {
    return new FriendliClient({
      baseUrl: s.url,
      token: TOKEN,
      clock,
      signal: new AbortController().signal,
      deadlineMs: clock.now() + 60_000,
      log: silentLogger,
      requestTimeoutMs: 100,
    });
  }

  it("a list slower than the timeout is abandoned and retried once", async () => {
    const clock = virtualClock();
    sim = await startSimulator({ clock });
    sim.inject({ route: "list", fault: { kind: "slow-headers", ms: 400 } });
    const c = client(sim, clock);
    try {
      expect(await c.listAll(PROJECT)).toEqual([]);
      expect(calls(sim, "list")).toHaveLength(2);
      expect(gaps(calls(sim, "list"))).toEqual([250]);
    } finally {
      await c.http.close();
    }
  });

  it("a create slower than the timeout is ambiguous: sent once, never repeated by the HTTP layer", async () => {
    const clock = virtualClock();
    sim = await startSimulator({ clock });
    sim.inject({ route: "create", fault: { kind: "slow-headers", ms: 400 } });
    const c = client(sim, clock);
    try {
      const body = deployBody();
      const err = await c.create(body).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ kind: "ambiguous", operation: "create" });
      expect(String((err as Error).message)).toContain("no complete response within 0.1s");
      expect(calls(sim, "create")).toHaveLength(1);
      // The server did act on it: exactly why the caller must look the name up, not POST again.
      expect(live(sim, "timeout-probe")).toHaveLength(1);
    } finally {
      await c.http.close();
    }
  });
});

describe("polling (status)", () => {
  const statusCalls = (s: Simulator) => calls(s, "status");

  it("503, 503, reset, then RUNNING -> success, after waits of 1.5 s, 3 s, 6 s", async () => {
    const env = await setup();
    env.sim.inject({ route: "status", times: 2, fault: { kind: "status", status: 503 } });
    env.sim.inject({ route: "status", after: 2, fault: { kind: "reset", when: "before" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const polls = statusCalls(env.sim);
    expect(polls.map((p) => p.status)).toEqual([503, 503, "reset", 200]);
    expect(gaps(polls)).toEqual([1500, 3000, 6000]);
  });

  it("more failed polls in a row than tolerated (6 x 503) -> fails with a clear message", async () => {
    const env = await setup();
    env.sim.inject({ route: "status", times: 100, fault: { kind: "status", status: 503 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expect(r.outputs.result).toBe("failed");
    const polls = statusCalls(env.sim);
    expect(polls).toHaveLength(6);
    expect(gaps(polls)).toEqual([1500, 3000, 6000, 10_500, 10_500]);
    expect(r.failed).toMatch(/status check for endpoint dep\w+ failed 6 times in a row, last: 503/);
    // Nothing after the last poll: the run does not delete what it did not ask to.
    expect(env.sim.requests.at(-1)).toBe(polls.at(-1));
  });

  it("404 right after create (the status route lags) -> tolerated, then RUNNING", async () => {
    const env = await setup();
    env.sim.inject({ route: "status", times: 2, fault: { kind: "status", status: 404 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(
      statusCalls(env.sim)
        .slice(0, 3)
        .map((p) => p.status),
    ).toEqual([404, 404, 200]);
  });

  it("404 long after create (deleted under us) -> fails at once, says it was deleted", async () => {
    const env = await setup({
      scenario: {
        lifecycleMs: {
          requestingVirtualMachine: 60_000,
          downloadingModel: 240_000,
          engineInitializing: 90_000,
        },
      },
    });
    env.sim.inject({ route: "status", after: 4, times: 100, fault: { kind: "status", status: 404 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expect(r.outputs.result).toBe("failed");
    const polls = statusCalls(env.sim);
    expect(polls.map((p) => p.status)).toEqual([200, 200, 200, 200, 404]);
    expect(env.sim.requests.at(-1)).toBe(polls.at(-1));
    expect(r.failed).toMatch(/was not found \(404\) .* it was deleted/);
  });

  it("401 mid-wait -> fails at once, no further request", async () => {
    const env = await setup();
    env.sim.inject({ route: "status", after: 1, fault: { kind: "status", status: 401 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/check the friendli-token secret/);
    const polls = statusCalls(env.sim);
    expect(polls.map((p) => p.status)).toEqual([200, 401]);
    expect(env.sim.requests.at(-1)).toBe(polls.at(-1));
  });

  it("403 mid-wait -> fails at once, no further request", async () => {
    const env = await setup();
    env.sim.inject({ route: "status", after: 1, fault: { kind: "status", status: 403 } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toMatch(/access denied \(403\)/);
    expect(env.sim.requests.at(-1)?.status).toBe(403);
    expect(statusCalls(env.sim)).toHaveLength(2);
  });

  it("429 with Retry-After: 7 on a status poll -> the next poll exactly 7 s later", async () => {
    const env = await setup();
    env.sim.inject({ route: "status", after: 1, fault: { kind: "status", status: 429, retryAfter: "7" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const polls = statusCalls(env.sim);
    expect(polls[1]?.status).toBe(429);
    expect(gaps(polls)[1]).toBe(7000);
  });

  it("503 with Retry-After: 4 on a status poll -> the next poll exactly 4 s later", async () => {
    const env = await setup();
    env.sim.inject({ route: "status", fault: { kind: "status", status: 503, retryAfter: "4" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    const polls = statusCalls(env.sim);
    expect(polls[0]?.status).toBe(503);
    expect(gaps(polls)[0]).toBe(4000);
  });

  it("an unknown status string -> one warning, keeps waiting, succeeds when RUNNING", async () => {
    const env = await setup();
    env.sim.inject({ route: "status", times: 3, fault: { kind: "unknown-status", status: "HIBERNATING" } });
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
    expectCreatedOnce(r, env.sim);
    expect(warnings(r).filter((w) => w.includes("HIBERNATING"))).toHaveLength(1);
    expect(statusCalls(env.sim).length).toBeGreaterThan(3);
  });
});

describe("redirects", () => {
  /** A server on another loopback host that counts what reaches it. */
  async function otherHost() {
    const seen: Array<{ url: string | undefined; authorization: string | undefined }> = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.2", resolve));
    extraServers.push(server);
    return { seen, url: `http://127.0.0.2:${(server.address() as AddressInfo).port}` };
  }

  for (const route of ["create", "list", "status"] as const) {
    it(`${route} redirected to another host -> refused, nothing reaches it, the token never leaves`, async () => {
      const env = await setup();
      const other = await otherHost();
      env.sim.inject({
        route,
        fault: { kind: "redirect", location: `${other.url}/dedicated/beta/endpoint`, code: 307 },
      });
      const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock });
      expect(r.outputs.result).toBe("failed");
      expect(r.failed).toMatch(/refusing to follow a redirect \(307\) to 127\.0\.0\.2:\d+: check api-url/);
      expect(other.seen).toEqual([]);
      expect(calls(env.sim, route)).toHaveLength(1);
      const { secrets: _masked, ...written } = r;
      expect(JSON.stringify(written)).not.toContain(TOKEN);
    });
  }
});

describe("one deadline", () => {
  it("wait-timeout 2m, status throttled forever (429 Retry-After: 30) -> timed-out, no poll and no sleep past the deadline", async () => {
    const env = await setup();
    env.sim.inject({
      route: "status",
      times: 1000,
      fault: { kind: "status", status: 429, retryAfter: "30" },
    });
    const { clock, sleeps } = recordingSleeps(env.clock);
    const r = await runInProcess({ inputs: deployInputs(env.sim, { "wait-timeout": "2m" }), clock });
    const deadline = env.start + 120_000;
    expect(sleeps.every((z) => z.at + z.ms <= deadline)).toBe(true);
    expect(r.outputs.result).toBe("timed-out");
    // Told to come back after the last moment a poll could go out, the waiter ends at once.
    expect(env.clock.now()).toBeLessThanOrEqual(deadline);
    expect(r.report.finishedAtMs).toBeLessThanOrEqual(deadline);
    const polls = calls(env.sim, "status");
    // Every 30 s as told; the next would be at 120 s, where no request may start.
    expect(polls.map((p) => p.at - env.start)).toEqual([0, 30_000, 60_000, 90_000]);
    expect(env.sim.requests.every((q) => q.at < deadline)).toBe(true);
    expect(r.failed).toMatch(/timed out after 1m 30s/);
  });

  it("wait-timeout 2m, the whole API throttled forever (429 Retry-After: 30) -> timed-out, never past the deadline", async () => {
    const env = await setup();
    for (const route of ["list", "get", "create", "status"] as const) {
      env.sim.inject({ route, times: 1000, fault: { kind: "status", status: 429, retryAfter: "30" } });
    }
    const { clock, sleeps } = recordingSleeps(env.clock);
    const r = await runInProcess({ inputs: deployInputs(env.sim, { "wait-timeout": "2m" }), clock });
    const deadline = env.start + 120_000;
    expect(r.outputs.result).toBe("timed-out");
    // The lookup's list, at 0, 30, 60, 90 s; a fifth attempt would start at the deadline, so the
    // run ends at 90 s rather than sleeping 30 s in vain.
    expect(calls(env.sim, "list").map((q) => q.at - env.start)).toEqual([0, 30_000, 60_000, 90_000]);
    expect(sleeps.map((z) => z.ms)).toEqual([30_000, 30_000, 30_000]);
    expect(env.clock.now()).toBe(env.start + 90_000);
    expect(r.failed).toMatch(/list failed: rate limited \(429\).*could not start before the run's deadline/);
    expect(env.clock.now()).toBeLessThanOrEqual(deadline);
    expect(env.sim.requests.every((q) => q.at < deadline)).toBe(true);
    // Every wait was the 30 s asked for; none was cut short, none went past the deadline.
    expect(gaps(env.sim.requests).every((g) => g === 30_000)).toBe(true);
    expect(calls(env.sim, "create")).toHaveLength(0);
  });

  // delete-on-failure runs after the run's deadline has passed, on a cleanup budget of its own.
  it("delete-on-failure after a timeout -> the DELETE is still sent past the deadline", async () => {
    const env = await setup({ scenario: { lifecycleMs: { requestingVirtualMachine: 600_000 } } });
    const r = await runInProcess({
      inputs: deployInputs(env.sim, { "wait-timeout": "2m", "delete-on-failure": "true" }),
      clock: env.clock,
    });
    expect(r.outputs.result).toBe("timed-out");
    expect(calls(env.sim, "delete")).toHaveLength(1);
    expect(live(env.sim)).toHaveLength(0);
  });
});

describe("cancellation (in-process)", () => {
  /** The run's clock, which aborts `ctl` during the first sleep that starts once `when` holds. */
  function abortingClock(base: Clock, ctl: AbortController, when: () => boolean, onAbort: () => void): Clock {
    return {
      now: () => base.now(),
      random: () => base.random(),
      sleep: (ms, signal) => {
        const p = base.sleep(ms, signal);
        if (!ctl.signal.aborted && when()) {
          ctl.abort(new Error("SIGTERM"));
          onAbort();
        }
        return p;
      },
    };
  }

  it("aborted while sleeping between polls -> cancelled, outputs written, the endpoint named, no request after", async () => {
    const env = await setup({
      scenario: {
        lifecycleMs: {
          requestingVirtualMachine: 60_000,
          downloadingModel: 240_000,
          engineInitializing: 90_000,
        },
      },
    });
    const ctl = new AbortController();
    let requestsAtAbort = -1;
    const clock = abortingClock(
      env.clock,
      ctl,
      () => calls(env.sim, "status").length >= 3,
      () => {
        requestsAtAbort = env.sim.requests.length;
      },
    );
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock, signal: ctl.signal });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(requestsAtAbort).toBeGreaterThan(0);
    expect(env.sim.requests).toHaveLength(requestsAtAbort);
    const id = live(env.sim)[0]?.id as string;
    expect(r.outputs.result).toBe("cancelled");
    expect(r.outputs["endpoint-id"]).toBe(id);
    expect(r.outputs.status).toBe("INITIALIZING");
    expect(r.failed).toBeDefined();
    expect(warnings(r).join("\n")).toContain(`endpoint ${id} ("${NAME}") may still be provisioning`);
    expect(r.state["endpoint-id"]).toBe(id);
  });

  it("aborted while a status request is in flight -> the request is abandoned, cancelled, no request after", async () => {
    const env = await setup();
    env.sim.inject({ route: "status", after: 1, fault: { kind: "slow-headers", ms: 500 } });
    const ctl = new AbortController();
    let requestsAtAbort = -1;
    const watcher = setInterval(() => {
      const pending = calls(env.sim, "status").find((q) => q.status === 0);
      if (pending && !ctl.signal.aborted) {
        requestsAtAbort = env.sim.requests.length;
        ctl.abort(new Error("SIGTERM"));
      }
    }, 5);
    const started = Date.now();
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock, signal: ctl.signal });
    clearInterval(watcher);
    // The abort did not wait for the slow answer.
    expect(Date.now() - started).toBeLessThan(450);
    expect(requestsAtAbort).toBeGreaterThan(0);
    expect(env.sim.requests).toHaveLength(requestsAtAbort);
    expect(r.outputs.result).toBe("cancelled");
    const id = live(env.sim)[0]?.id as string;
    expect(r.outputs["endpoint-id"]).toBe(id);
    expect(warnings(r).join("\n")).toContain(`endpoint ${id}`);
  });
});

describe("cancellation before the endpoint's id is known", () => {
  it("aborted during the lookup's retry wait -> cancelled at once, no request after, nothing created", async () => {
    const env = await setup();
    env.sim.inject({ route: "list", fault: { kind: "status", status: 503, retryAfter: "20" } });
    const ctl = new AbortController();
    let requestsAtAbort = -1;
    const clock: Clock = {
      now: () => env.clock.now(),
      random: () => env.clock.random(),
      sleep: (ms, signal) => {
        const p = env.clock.sleep(ms, signal);
        requestsAtAbort = env.sim.requests.length;
        ctl.abort(new Error("SIGINT"));
        return p;
      },
    };
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock, signal: ctl.signal });
    expect(r.outputs.result).toBe("cancelled");
    expect(env.sim.requests).toHaveLength(requestsAtAbort);
    expect(env.sim.requests).toHaveLength(1);
    expect(env.sim.endpoints()).toHaveLength(0);
  });

  // BUG (src/main.ts, afterFailure): cancelled while the create's answer is in flight (or while the
  // name is being resolved after it), the endpoint exists but report.endpointId is not set yet, and
  // afterFailure returns early on `if (!id) return`: no warning names the endpoint that may be
  // provisioning (the rule asks for one), and no state is saved for the post step. It should warn
  // by name ("an endpoint named it-endpoint may have been created in project demo-project").
  it("aborted while the create is in flight -> cancelled, and a warning names the endpoint that may exist", async () => {
    const env = await setup();
    env.sim.inject({ route: "create", fault: { kind: "slow-headers", ms: 500 } });
    const ctl = new AbortController();
    let requestsAtAbort = -1;
    const watcher = setInterval(() => {
      if (calls(env.sim, "create").some((q) => q.status === 0) && !ctl.signal.aborted) {
        requestsAtAbort = env.sim.requests.length;
        ctl.abort(new Error("SIGTERM"));
      }
    }, 5);
    const r = await runInProcess({ inputs: deployInputs(env.sim), clock: env.clock, signal: ctl.signal });
    clearInterval(watcher);
    expect(r.outputs.result).toBe("cancelled");
    expect(env.sim.requests).toHaveLength(requestsAtAbort);
    // The create was processed before the answer was held back: the endpoint is there.
    expect(live(env.sim)).toHaveLength(1);
    expect(warnings(r).join("\n")).toContain(NAME);
  });
});

describe("secrets", () => {
  // Not an flp_ token: the redactor must find it by value, not by the flp_ pattern. `+`, `/` and `=`
  // make its URL-encoded form differ from it.
  const SECRET = "sk+Live/9ZqW=secretXYZ";
  const scenario = { tokens: [{ token: SECRET, teams: ["demo-team"] }] };

  function expectNowhere(r: RecordedRun, forms: string[]) {
    const written = [
      JSON.stringify(r.outputs),
      r.summary,
      r.failed ?? "",
      r.logs.join("\n"),
      r.report.message ?? "",
      JSON.stringify(r.report),
    ].join("\n");
    for (const form of forms) expect(written).not.toContain(form);
  }

  const echo = `{"detail":"token ${SECRET} (${encodeURIComponent(SECRET)}) is not allowed; got header Authorization: Bearer ${SECRET}"}`;

  it("a 400 on create whose body echoes the token and the Authorization header -> nowhere in what the action writes", async () => {
    const env = await setup({ scenario });
    env.sim.inject({ route: "create", fault: { kind: "status", status: 400, body: echo } });
    const r = await runInProcess({
      inputs: deployInputs(env.sim, { "friendli-token": SECRET }),
      clock: env.clock,
    });
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toContain("token *** (***) is not allowed");
    expect(r.secrets).toContain(SECRET);
    expectNowhere(r, [SECRET, encodeURIComponent(SECRET), `Bearer ${SECRET.slice(0, 6)}`]);
  });

  it("5xx on lookup, then 401 mid-wait, both echoing the token -> nowhere in logs, summary, outputs, failure", async () => {
    const env = await setup({ scenario });
    env.sim.inject({ route: "list", fault: { kind: "status", status: 502, body: echo } });
    env.sim.inject({ route: "status", after: 1, fault: { kind: "status", status: 401, body: echo } });
    const r = await runInProcess({
      inputs: deployInputs(env.sim, { "friendli-token": SECRET }),
      clock: env.clock,
    });
    expect(r.outputs.result).toBe("failed");
    expect(r.logs.some((l) => l.includes("is not allowed"))).toBe(true);
    expectNowhere(r, [SECRET, encodeURIComponent(SECRET)]);
  });

  it("a token with a space inside -> fails before any request, names the input, never the value", async () => {
    const env = await setup({ scenario });
    const bad = "flp_abc def_ghijkl";
    const r = await runInProcess({
      inputs: deployInputs(env.sim, { "friendli-token": bad }),
      clock: env.clock,
    });
    expect(env.sim.requests).toHaveLength(0);
    expect(r.outputs.result).toBe("failed");
    expect(r.failed).toContain("friendli-token");
    expectNowhere(r, [bad, "flp_abc", "def_ghijkl"]);
  });

  it("a create answer that is not JSON and echoes the token -> the warning about the lost answer is redacted", async () => {
    const env = await setup({ scenario });
    env.sim.inject({
      route: "create",
      fault: { kind: "non-json", body: `<html>Authorization: Bearer ${SECRET}</html>` },
    });
    const r = await runInProcess({
      inputs: deployInputs(env.sim, { "friendli-token": SECRET }),
      clock: env.clock,
    });
    expect(r.outputs.result).toBe("created");
    // The warning is there, with the redaction marker where the token was.
    expect(r.logs.filter((l) => l.startsWith("warning:")).join("\n")).toContain("Authorization: ***");
    expectNowhere(r, [SECRET, encodeURIComponent(SECRET)]);
  });
});
