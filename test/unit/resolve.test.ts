import { MockAgent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { mapLimit } from "../../src/base/concurrency.ts";
import { formatError } from "../../src/base/redact.ts";
import { CREATED_LAG_DELAYS_MS } from "../../src/base/timing.ts";
import {
  DuplicateNameError,
  expectAtMostOne,
  findByName,
  findCreated,
  type SpecCache,
} from "../../src/endpoint/lookup.ts";
import { FriendliClient } from "../../src/friendli/client.ts";
import { ApiError } from "../../src/friendli/errors.ts";
import { silentLogger } from "../support/log.ts";
import { recordingClock } from "./helpers.ts";

const ORIGIN = "https://api.friendli.test";
const BASE = "/dedicated/beta/endpoint";
const PROJECT = "proj-1";
const CREATED_AT = "2026-01-01T00:00:00Z";

interface FakeEndpoint {
  id: string;
  name: string;
  projectId?: string;
  createdAt?: string;
}

/**
 * A tiny in-memory API behind MockAgent: paged listing (cursor = next offset), GET spec with a
 * short real delay so concurrent GETs overlap, and counters of what was asked.
 */
function fakeApi(initial: FakeEndpoint[]) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agents.push(agent);
  let endpoints = [...initial];
  const state = {
    listCalls: [] as Array<string | null>,
    gets: [] as string[],
    inFlight: 0,
    maxInFlight: 0,
    /** Listings to answer with the endpoints as they were before `set` was called. */
    lag: 0,
    stale: [] as FakeEndpoint[],
    /** Ids whose GET answers 403. */
    forbidden: new Set<string>(),
    /** Ids whose next GET answers 404 (listed but not yet readable). */
    notYetReadable: new Set<string>(),
  };
  agent
    .get(ORIGIN)
    .intercept({ path: () => true, method: () => true })
    .reply(async (req): Promise<{ statusCode: number; data: object }> => {
      const url = new URL(req.path, ORIGIN);
      if (req.method === "GET" && url.pathname === BASE) {
        const cursor = url.searchParams.get("cursor");
        state.listCalls.push(cursor);
        const limit = Number(url.searchParams.get("limit") ?? 20);
        const start = Number(cursor ?? 0);
        const source = state.lag > 0 ? state.stale : endpoints;
        if (state.lag > 0 && start + limit >= source.length) state.lag--;
        const page = source.slice(start, start + limit);
        const data = Object.fromEntries(
          page.map((e) => [e.id, { status: "RUNNING", createdAt: e.createdAt ?? "2025-06-01T00:00:00Z" }]),
        );
        const next = start + limit < source.length ? String(start + limit) : null;
        return { statusCode: 200, data: { data, nextCursor: next } };
      }
      const m = /^\/dedicated\/beta\/endpoint\/([^/]+)$/.exec(url.pathname);
      if (req.method === "GET" && m) {
        const id = decodeURIComponent(m[1] ?? "");
        state.gets.push(id);
        state.inFlight++;
        state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
        await new Promise((r) => setTimeout(r, 2));
        state.inFlight--;
        if (state.forbidden.has(id)) return { statusCode: 403, data: { detail: "Forbidden" } };
        if (state.notYetReadable.delete(id))
          return { statusCode: 404, data: { detail: "Endpoint not found" } };
        const e = endpoints.find((x) => x.id === id);
        if (!e) return { statusCode: 404, data: { detail: "Endpoint not found" } };
        return {
          statusCode: 200,
          data: { name: e.name, projectId: e.projectId ?? PROJECT, gpuType: "NVIDIA H100" },
        };
      }
      return { statusCode: 500, data: { detail: `unexpected ${req.method} ${req.path}` } };
    })
    .persist();

  const { clock, sleeps } = recordingClock();
  const controller = new AbortController();
  const client = new FriendliClient({
    baseUrl: ORIGIN,
    token: "flp_resolveTest",
    dispatcher: agent,
    clock,
    signal: controller.signal,
    deadlineMs: clock.now() + 600_000,
    log: silentLogger,
    requestTimer: () => new Promise<void>(() => {}),
  });
  return {
    client,
    clock,
    sleeps,
    controller,
    state,
    /** Replace the endpoints; the next `lagListings` listings still show the old ones. */
    set(next: FakeEndpoint[], lagListings = 0) {
      state.stale = endpoints;
      state.lag = lagListings;
      endpoints = next;
    },
    requests: () => state.listCalls.length + state.gets.length,
  };
}

const agents: MockAgent[] = [];
afterEach(async () => {
  for (const a of agents.splice(0)) await a.close();
});

function many(n: number, prefix = "ep"): FakeEndpoint[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: `other-${i}` }));
}

describe("findByName", () => {
  it("lists every page (limit 100) and GETs every candidate", async () => {
    const eps = many(250);
    eps[137] = { id: "ep137", name: "target" };
    const api = fakeApi(eps);
    const found = await findByName(api.client, PROJECT, "target");
    expect(found.map((f) => f.id)).toEqual(["ep137"]);
    expect(found[0]?.status.status).toBe("RUNNING");
    expect(found[0]?.spec.name).toBe("target");
    expect(api.state.listCalls).toEqual([null, "100", "200"]);
    expect(api.state.gets).toHaveLength(250);
  });

  it.each([8, 3, 1])("keeps at most %i GETs in flight", async (concurrency) => {
    const api = fakeApi(many(40));
    await findByName(api.client, PROJECT, "nothing", { concurrency });
    expect(api.state.maxInFlight).toBe(concurrency);
    expect(api.state.gets).toHaveLength(40);
  });

  it("returns both endpoints that carry the name; expectAtMostOne names both ids", async () => {
    const api = fakeApi([
      { id: "a1", name: "dup" },
      { id: "b2", name: "other" },
      { id: "c3", name: "dup" },
    ]);
    const found = await findByName(api.client, PROJECT, "dup");
    expect(found.map((f) => f.id)).toEqual(["a1", "c3"]);
    expect(() => expectAtMostOne(found, "dup", PROJECT)).toThrow(DuplicateNameError);
    expect(() => expectAtMostOne(found, "dup", PROJECT)).toThrow(
      /2 endpoints are named "dup" in project proj-1: a1, c3/,
    );
    try {
      expectAtMostOne(found, "dup", PROJECT);
    } catch (err) {
      expect((err as DuplicateNameError).ids).toEqual(["a1", "c3"]);
    }
  });

  it("DuplicateNameError reads as its message alone through the shared formatter", () => {
    const err = new DuplicateNameError("dup", PROJECT, ["a1", "c3"]);
    expect(formatError(err, [])).toBe(
      '2 endpoints are named "dup" in project proj-1: a1, c3. Delete the extra ones or pass endpoint-id.',
    );
  });

  it("none and one", async () => {
    const api = fakeApi([{ id: "a1", name: "one" }]);
    expect(expectAtMostOne(await findByName(api.client, PROJECT, "none"), "none", PROJECT)).toBeUndefined();
    expect(expectAtMostOne(await findByName(api.client, PROJECT, "one"), "one", PROJECT)?.id).toBe("a1");
  });

  it("ignores an endpoint of that name in another project", async () => {
    const api = fakeApi([{ id: "x1", name: "target", projectId: "proj-2" }]);
    expect(await findByName(api.client, PROJECT, "target")).toEqual([]);
  });

  it("skips an endpoint deleted between the list and its GET", async () => {
    const api = fakeApi([
      { id: "a1", name: "target" },
      { id: "gone", name: "target" },
    ]);
    // The listing still shows "gone" once; its GET answers 404.
    api.set([{ id: "a1", name: "target" }], 1);
    const found = await findByName(api.client, PROJECT, "target");
    expect(found.map((f) => f.id)).toEqual(["a1"]);
  });

  it("a failing GET fails the lookup (it cannot rule out a duplicate)", async () => {
    const api = fakeApi([
      { id: "a1", name: "t" },
      { id: "b2", name: "t" },
    ]);
    api.state.forbidden.add("b2");
    const err = await findByName(api.client, PROJECT, "t").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(403);
    expect((err as ApiError).message).toContain("access denied (403)");
  });

  it("reuses the run's spec cache: a second lookup GETs nothing again", async () => {
    const api = fakeApi(many(10));
    const cache: SpecCache = new Map();
    await findByName(api.client, PROJECT, "x", { cache });
    expect(api.state.gets).toHaveLength(10);
    await findByName(api.client, PROJECT, "x", { cache });
    expect(api.state.gets).toHaveLength(10);
    expect(api.state.listCalls).toHaveLength(2);
  });

  it("fills and reads an explicit cache when one is passed", async () => {
    const api = fakeApi(many(5));
    const cache: SpecCache = new Map([["ep0", { name: "cached-name", projectId: PROJECT }]]);
    const found = await findByName(api.client, PROJECT, "cached-name", { cache });
    expect(found.map((f) => f.id)).toEqual(["ep0"]);
    expect(api.state.gets).not.toContain("ep0");
    expect(cache.size).toBe(5);
  });

  it("stops and reports aborted when the run is cancelled", async () => {
    const api = fakeApi(many(30));
    api.controller.abort();
    const err = await findByName(api.client, PROJECT, "x", { signal: api.controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe("aborted");
    expect(api.requests()).toBe(0);
  });
});

describe("findCreated: the one loop that finds what this run's create made", () => {
  const base = (
    api: ReturnType<typeof fakeApi>,
    lookupIds: string[],
    answered: string | null = CREATED_AT,
  ) => ({
    projectId: PROJECT,
    name: "new-ep",
    facts: { lookupIds: new Set(lookupIds), ...(answered ? { answeredCreatedAt: answered } : {}) },
    clock: api.clock,
    deadlineMs: api.clock.now() + 600_000,
  });
  const mine = (id: string, keeper = id) => ({ kind: "mine", id, keeper });

  it("an id in the create response counts once the listing shows it with the name", async () => {
    const api = fakeApi([{ id: "fresh", name: "new-ep", createdAt: CREATED_AT }]);
    const b = base(api, [], null);
    const found = await findCreated(api.client, { ...b, facts: { ...b.facts, answeredId: "fresh" } });
    expect(found.verdict).toEqual(mine("fresh"));
  });

  it("after a lookup with the run's cache, only GETs the ids it has not seen", async () => {
    const before = many(120);
    const api = fakeApi(before);
    const cache: SpecCache = new Map();
    expect(await findByName(api.client, PROJECT, "new-ep", { cache })).toEqual([]);
    expect(api.state.gets).toHaveLength(120);
    api.set([...before, { id: "fresh", name: "new-ep", createdAt: CREATED_AT }]);
    const found = await findCreated(api.client, {
      ...base(
        api,
        before.map((e) => e.id),
      ),
      cache,
    });
    expect(found.verdict).toEqual(mine("fresh"));
    expect(api.state.gets).toHaveLength(121);
    expect(api.state.gets.at(-1)).toBe("fresh");
  });

  it("tolerates the list lagging behind the create", async () => {
    const api = fakeApi([{ id: "old", name: "x" }]);
    api.set(
      [
        { id: "old", name: "x" },
        { id: "fresh", name: "new-ep", createdAt: CREATED_AT },
      ],
      2,
    );
    const found = await findCreated(api.client, base(api, ["old"]));
    expect(found.verdict).toEqual(mine("fresh"));
    expect(api.sleeps).toEqual([500, 1000]);
    expect(api.state.listCalls).toHaveLength(3);
  });

  it("a GET 404 on a fresh id (not yet readable) is retried on the next round", async () => {
    const api = fakeApi([{ id: "fresh", name: "new-ep", createdAt: CREATED_AT }]);
    api.state.notYetReadable.add("fresh");
    expect((await findCreated(api.client, base(api, []))).verdict).toEqual(mine("fresh"));
    expect(api.state.gets).toEqual(["fresh", "fresh"]);
    expect(api.sleeps).toEqual([500]);
  });

  it("answered: another run's endpoint of the name shows first; ours, created later, is the duplicate", async () => {
    const api = fakeApi([{ id: "rival", name: "new-ep", createdAt: "2025-12-31T23:59:59Z" }]);
    api.set(
      [
        { id: "rival", name: "new-ep", createdAt: "2025-12-31T23:59:59Z" },
        { id: "ours", name: "new-ep", createdAt: CREATED_AT },
      ],
      1,
    );
    const found = await findCreated(api.client, base(api, []));
    expect(found.verdict).toEqual(mine("ours", "rival"));
    expect(api.sleeps).toEqual([500]);
    expect(found.named.map((e) => e.id).sort()).toEqual(["ours", "rival"]);
  });

  it("answer lost: the endpoint of the name that shows is settled at once as unsure, never mine", async () => {
    const api = fakeApi([{ id: "maybe", name: "new-ep", createdAt: CREATED_AT }]);
    const found = await findCreated(api.client, base(api, [], null));
    expect(found.verdict).toMatchObject({ kind: "unsure", ids: ["maybe"] });
    expect(api.sleeps).toEqual([]);
  });

  it("never appears -> none after the bounded waits (about a minute)", async () => {
    const api = fakeApi([{ id: "old", name: "x" }]);
    const found = await findCreated(api.client, base(api, ["old"]));
    expect(found.verdict).toEqual({ kind: "none" });
    expect(api.sleeps).toEqual([...CREATED_LAG_DELAYS_MS]);
    expect(api.state.listCalls).toHaveLength(CREATED_LAG_DELAYS_MS.length + 1);
    expect(api.state.gets).toEqual(["old"]);
  });

  it("the deadline comes first -> ApiError deadline, no sleep past it", async () => {
    const api = fakeApi([]);
    const err = await findCreated(api.client, {
      ...base(api, []),
      deadlineMs: api.clock.now() + 1200,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe("deadline");
    expect(api.sleeps).toEqual([500]);
  });

  it("cancelled between listings -> aborted", async () => {
    const api = fakeApi([]);
    const p = findCreated(api.client, { ...base(api, []), signal: api.controller.signal });
    api.controller.abort();
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe("aborted");
  });
});

describe("mapLimit", () => {
  it("keeps input order in the results", async () => {
    const out = await mapLimit([30, 10, 20], 2, async (ms) => {
      await new Promise((r) => setTimeout(r, ms));
      return ms * 2;
    });
    expect(out).toEqual([60, 20, 40]);
  });

  it("starts nothing new after a failure and rethrows it", async () => {
    const started: number[] = [];
    const err = await mapLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      if (n === 2) throw new Error("boom");
      await new Promise((r) => setTimeout(r, 5));
      return n;
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe("boom");
    expect(started.length).toBeLessThan(6);
  });

  it("handles an empty list", async () => {
    expect(await mapLimit([], 8, async () => 1)).toEqual([]);
  });
});
