import { describe, expect, it } from "vitest";
import { manualClock } from "./clock.ts";
import { call, createAndFind, createBody, EP, simulatorPerTest, statusOf, TOKEN } from "./helpers.ts";

const start = simulatorPerTest();

describe("operations", () => {
  it("create answers a DedicatedEndpointStatus without any id", async () => {
    const s = await start();
    const res = await call(s, "POST", EP, { body: createBody() });
    expect(res.status).toBe(200);
    const body = res.json as Record<string, unknown>;
    expect(body).toMatchObject({
      status: "INITIALIZING",
      phase: "REQUESTING_VIRTUAL_MACHINE",
      errorCode: null,
    });
    expect(Object.keys(body).sort()).toEqual(["createdAt", "errorCode", "phase", "status", "updatedAt"]);
    expect(JSON.stringify(body)).not.toMatch(/dep[a-z0-9]{12}/);
    const [e] = s.endpoints();
    expect(e?.id).toMatch(/^dep[a-z0-9]{12}$/);
    expect(new Date(String(body.createdAt)).getTime()).toBe(e?.createdAt);
  });

  it("list shows the new endpoint keyed by id, and get answers its DedicatedEndpointSpec", async () => {
    const s = await start();
    const id = await createAndFind(s, { instanceOptionId: "lfkRz5G48REc", name: "spec-me" });
    const list = await call(s, "GET", `${EP}?project_id=demo-project`);
    expect(list.status).toBe(200);
    expect(list.json).toEqual({
      data: { [id]: expect.objectContaining({ status: "INITIALIZING" }) },
      nextCursor: null,
    });
    const get = await call(s, "GET", `${EP}/${id}`);
    expect(get.json).toMatchObject({
      name: "spec-me",
      gpuType: "NVIDIA H100",
      numGpu: 4,
      projectId: "demo-project",
      teamId: "demo-team",
      autoscalingMin: 1,
      autoscalingMax: 1,
      autoscalingCooldown: 300,
      tokenizerSkipSpecialTokens: false,
      tokenizerAddSpecialTokens: true,
    });
    expect(get.json).not.toHaveProperty("id");
    expect(get.json).not.toHaveProperty("status");
    const status = await call(s, "GET", `${EP}/${id}/status`);
    expect(statusOf(status.json).status).toBe("INITIALIZING");
  });

  it("list without project_id covers every project of the team", async () => {
    const s = await start({ scenario: { teams: [{ id: "demo-team", projects: ["p1", "p2"] }] } });
    const a = await createAndFind(s, { projectId: "p1" });
    const b = await createAndFind(s, { projectId: "p2" });
    expect(Object.keys((await call(s, "GET", EP)).json as object)).toEqual(["data", "nextCursor"]);
    const all = (await call(s, "GET", EP)).json as { data: object };
    expect(Object.keys(all.data)).toEqual([a, b]);
    const p2 = (await call(s, "GET", `${EP}?project_id=p2`)).json as { data: object };
    expect(Object.keys(p2.data)).toEqual([b]);
  });

  it("pages with limit and an opaque cursor until nextCursor is null", async () => {
    const s = await start();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await createAndFind(s, { name: `e${i}` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const res = await call(s, "GET", `${EP}?project_id=demo-project&limit=3${q}`);
      const body = res.json as { data: Record<string, unknown>; nextCursor: string | null };
      expect(Object.keys(body.data).length).toBeLessThanOrEqual(3);
      seen.push(...Object.keys(body.data));
      cursor = body.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
    const garbage = await call(s, "GET", `${EP}?cursor=not-a-cursor`);
    expect(garbage.status).toBe(400);
    expect(garbage.json).toEqual({ detail: expect.any(String) });
  });

  it("defaults to 20 per page and rejects a limit outside 1..100 with 422", async () => {
    const s = await start();
    for (let i = 0; i < 21; i++) s.seed({ name: `s${i}`, projectId: "demo-project" });
    const first = (await call(s, "GET", EP)).json as { data: object; nextCursor: string | null };
    expect(Object.keys(first.data)).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    for (const bad of ["0", "101", "abc"]) {
      const res = await call(s, "GET", `${EP}?limit=${bad}`);
      expect(res.status).toBe(422);
      expect(res.json).toEqual({
        detail: [
          expect.objectContaining({
            loc: ["query", "limit"],
            msg: expect.any(String),
            type: expect.any(String),
          }),
        ],
      });
    }
  });

  it("update records a new version, goes UPDATING and answers the new spec", async () => {
    const clock = manualClock();
    const s = await start({ clock });
    const id = s.seed({ name: "live", projectId: "demo-project", status: "RUNNING" });
    const res = await call(s, "PUT", `${EP}/${id}`, {
      body: {
        hfModelRepoRevision: "a".repeat(40),
        instanceOptionId: "GUA4qYFmsYz8",
        newVersionComment: "pr 42",
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: "live", gpuType: "NVIDIA H100", numGpu: 8 });
    expect(statusOf((await call(s, "GET", `${EP}/${id}/status`)).json).status).toBe("UPDATING");
    clock.advance(s.scenario.lifecycleMs.updating);
    expect(statusOf((await call(s, "GET", `${EP}/${id}/status`)).json).status).toBe("RUNNING");
    const versions = (await call(s, "GET", `${EP}/${id}/version`)).json as { data: Record<string, unknown> };
    expect(Object.keys(versions.data)).toEqual(["0", "1"]);
    expect(versions.data["1"]).toMatchObject({ numGpu: 8 });
  });

  it("pages the version history", async () => {
    const s = await start();
    const id = s.seed({ name: "v", projectId: "demo-project" });
    for (let i = 0; i < 4; i++)
      await call(s, "PUT", `${EP}/${id}`, { body: { newVersionComment: `v${i + 1}` } });
    const p1 = (await call(s, "GET", `${EP}/${id}/version?limit=2`)).json as {
      data: object;
      nextCursor: string;
    };
    const p2 = (await call(s, "GET", `${EP}/${id}/version?limit=2&cursor=${p1.nextCursor}`)).json as {
      data: object;
      nextCursor: string;
    };
    const p3 = (await call(s, "GET", `${EP}/${id}/version?limit=2&cursor=${p2.nextCursor}`)).json as {
      data: object;
      nextCursor: string | null;
    };
    expect([Object.keys(p1.data), Object.keys(p2.data), Object.keys(p3.data)]).toEqual([
      ["0", "1"],
      ["2", "3"],
      ["4"],
    ]);
    expect(p3.nextCursor).toBeNull();
  });

  it("delete answers {} and the endpoint is gone everywhere", async () => {
    const s = await start();
    const id = await createAndFind(s);
    const res = await call(s, "DELETE", `${EP}/${id}`);
    expect(res).toMatchObject({ status: 200, json: {} });
    for (const path of [`${EP}/${id}`, `${EP}/${id}/status`, `${EP}/${id}/version`]) {
      const gone = await call(s, "GET", path);
      expect(gone.status).toBe(404);
      expect(gone.json).toEqual({ detail: expect.any(String) });
    }
    expect((await call(s, "DELETE", `${EP}/${id}`)).status).toBe(404);
    expect(((await call(s, "GET", EP)).json as { data: object }).data).toEqual({});
    expect(s.endpoints()[0]?.deleted).toBe(true);
  });

  it("sleep, wake, terminate and restart answer DedicatedEndpointStatus", async () => {
    const clock = manualClock();
    const s = await start({ clock });
    const id = s.seed({ name: "ops", projectId: "demo-project" });
    expect(statusOf((await call(s, "PUT", `${EP}/${id}/sleep`)).json).status).toBe("SLEEPING");
    const woke = statusOf((await call(s, "PUT", `${EP}/${id}/wake`)).json);
    expect(woke).toMatchObject({ status: "AWAKING", phase: "ENGINE_INITIALIZING" });
    clock.advance(s.scenario.lifecycleMs.awaking);
    expect(statusOf((await call(s, "GET", `${EP}/${id}/status`)).json).status).toBe("RUNNING");
    const restartRunning = await call(s, "PUT", `${EP}/${id}/restart`);
    expect(restartRunning.status).toBe(400);
    expect(String((restartRunning.json as { detail: string }).detail)).toMatch(/FAILED or TERMINATED/);
    expect(statusOf((await call(s, "PUT", `${EP}/${id}/terminate`)).json).status).toBe("TERMINATING");
    clock.advance(s.scenario.lifecycleMs.terminating);
    expect(statusOf((await call(s, "GET", `${EP}/${id}/status`)).json).status).toBe("TERMINATED");
    const restarted = statusOf((await call(s, "PUT", `${EP}/${id}/restart`)).json);
    expect(restarted).toMatchObject({ status: "INITIALIZING", phase: "REQUESTING_VIRTUAL_MACHINE" });
  });

  it("allows two endpoints with the same name", async () => {
    const s = await start();
    const a = await createAndFind(s, { name: "twin" });
    const b = await createAndFind(s, { name: "twin" });
    expect(a).not.toBe(b);
    expect(s.endpoints().map((e) => e.name)).toEqual(["twin", "twin"]);
  });

  it("makes ids reproducible with a seed", async () => {
    const a = await start({ seed: 7 });
    const idA = await createAndFind(a);
    await a.close();
    const b = await start({ seed: 7 });
    expect(await createAndFind(b)).toBe(idA);
  });
});

describe("errors", () => {
  it("401 without a bearer token or with one that is not a Friendli key", async () => {
    const s = await start();
    for (const token of [null, "", "sk-not-friendli"]) {
      const res = await call(s, "GET", EP, { token });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ detail: expect.any(String) });
    }
    const basic = await call(s, "GET", EP, { token: null, headers: { authorization: "Basic Zm9vOmJhcg==" } });
    expect(basic.status).toBe(401);
  });

  it("scopes tokens to teams: 403 for a foreign team, 404 for a foreign project or endpoint", async () => {
    const s = await start({
      scenario: {
        tokens: [
          { token: "flp_alice", teams: ["team-a"] },
          { token: "flp_bob", teams: ["team-b"] },
        ],
        teams: [
          { id: "team-a", projects: ["proj-a"] },
          { id: "team-b", projects: ["proj-b"] },
        ],
        defaultTeam: "team-a",
      },
    });
    expect((await call(s, "GET", EP, { token: TOKEN })).status).toBe(401);
    expect((await call(s, "GET", EP, { token: "flp_alice", team: "team-b" })).status).toBe(403);
    const crossProject = await call(s, "POST", EP, {
      token: "flp_alice",
      team: "team-a",
      body: createBody({ projectId: "proj-b" }),
    });
    expect(crossProject.status).toBe(404);
    expect(s.endpoints()).toHaveLength(0);
    const bobs = s.seed({ name: "bob", projectId: "proj-b" });
    expect(s.endpoints()[0]?.teamId).toBe("team-b");
    expect((await call(s, "GET", `${EP}/${bobs}`, { token: "flp_alice" })).status).toBe(404);
    expect((await call(s, "DELETE", `${EP}/${bobs}`, { token: "flp_alice" })).status).toBe(404);
    expect((await call(s, "GET", `${EP}/${bobs}`, { token: "flp_bob" })).status).toBe(200);
    expect((await call(s, "GET", `${EP}?project_id=proj-b`, { token: "flp_alice" })).status).toBe(404);
    const aliceList = (await call(s, "GET", EP, { token: "flp_alice" })).json as { data: object };
    expect(aliceList.data).toEqual({});
  });

  it("422 lists every bad field of a create body, FastAPI style", async () => {
    const s = await start();
    const res = await call(s, "POST", EP, {
      invalidBody: true,
      body: {
        name: 42,
        instanceOptionId: "TwD5AqnBSVN0",
        advanced: { tokenizer_skip_special_tokens: "yes", tokenizer_add_special_tokens: true },
        autoscalingPolicy: { minReplica: -1, maxReplica: 11 },
        hfModelRepo: "org/model",
      },
    });
    expect(res.status).toBe(422);
    const detail = (res.json as { detail: Array<{ loc: unknown[]; msg: string; type: string }> }).detail;
    expect(detail.map((d) => d.loc)).toEqual(
      expect.arrayContaining([
        ["body", "projectId"],
        ["body", "name"],
        ["body", "advanced", "tokenizer_skip_special_tokens"],
        ["body", "autoscalingPolicy", "minReplica"],
        ["body", "autoscalingPolicy", "maxReplica"],
      ]),
    );
    expect(detail).toHaveLength(5);
    expect(detail.find((d) => d.loc[1] === "projectId")).toMatchObject({
      type: "missing",
      msg: "Field required",
    });
    expect(detail.find((d) => d.loc[1] === "name")).toMatchObject({ type: "string_type" });
    expect(s.endpoints()).toHaveLength(0);
  });

  it("422 for a body that is not JSON or is missing, and for a bad update body", async () => {
    const s = await start();
    const notJson = await call(s, "POST", EP, { raw: "{nope" });
    expect(notJson.status).toBe(422);
    expect(notJson.json).toMatchObject({ detail: [{ type: "json_invalid" }] });
    const empty = await call(s, "POST", EP, { raw: "" });
    expect(empty.json).toMatchObject({ detail: [{ type: "missing", loc: ["body"] }] });
    const id = s.seed({ name: "x", projectId: "demo-project" });
    const bad = await call(s, "PUT", `${EP}/${id}`, {
      invalidBody: true,
      body: { advanced: { max_batch_size: 8 }, simplescale: { replicas: 0 } },
    });
    expect(bad.status).toBe(422);
    const locs = (bad.json as { detail: Array<{ loc: unknown[] }> }).detail.map((d) => d.loc);
    expect(locs).toEqual(
      expect.arrayContaining([
        ["body", "advanced", "tokenizer_skip_special_tokens"],
        ["body", "advanced", "tokenizer_add_special_tokens"],
        ["body", "simplescale", "replicas"],
      ]),
    );
    expect(s.endpoints()[0]?.versions).toBe(1);
  });

  it("400 with a detail for an unknown instanceOptionId", async () => {
    const s = await start();
    const res = await call(s, "POST", EP, { body: createBody({ instanceOptionId: "H100x1" }) });
    expect(res.status).toBe(400);
    expect(String((res.json as { detail: string }).detail)).toContain("TwD5AqnBSVN0");
    expect(s.endpoints()).toHaveLength(0);
  });

  it("refusedOptions: 400 naming the instance option for a create or an update with one", async () => {
    const s = await start({ scenario: { refusedOptions: ["TwD5AqnBSVN0"] } });
    const refused = await call(s, "POST", EP, { body: createBody({ instanceOptionId: "TwD5AqnBSVN0" }) });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      detail: "No capacity for instance option 'TwD5AqnBSVN0' at the moment: choose another instance option.",
    });
    expect(s.endpoints()).toHaveLength(0);
    const id = await createAndFind(s, { instanceOptionId: "LnK1wTaKc7WO" });
    const put = await call(s, "PUT", `${EP}/${id}`, { body: { instanceOptionId: "TwD5AqnBSVN0" } });
    expect(put.status).toBe(400);
    expect(s.endpoints()[0]).toMatchObject({ versions: 1, instanceOptionId: "LnK1wTaKc7WO" });
  });

  it("404 {detail: Not Found} for an unknown route, 405 for a wrong method", async () => {
    const s = await start();
    const nf = await call(s, "GET", "/dedicated/v2/whatever");
    expect(nf).toMatchObject({ status: 404, json: { detail: "Not Found" } });
    const na = await call(s, "PATCH", `${EP}/dep000000000000`);
    expect(na).toMatchObject({ status: 405, json: { detail: "Method Not Allowed" } });
    expect(s.requests.map((r) => r.route)).toEqual(["unknown", "unknown"]);
  });
});

describe("request log and stats", () => {
  it("logs each request with its clock time, route, parsed body and answer", async () => {
    const clock = manualClock(1_000_000);
    const s = await start({ clock });
    await call(s, "POST", EP, { body: createBody(), team: "demo-team" });
    clock.advance(5);
    await call(s, "GET", `${EP}?limit=5`);
    expect(s.requests).toMatchObject([
      {
        at: 1_000_000,
        method: "POST",
        path: EP,
        route: "create",
        status: 200,
        body: { name: "llama-pr-42" },
      },
      { at: 1_000_005, method: "GET", route: "list", query: { limit: "5" }, status: 200 },
    ]);
    expect(s.requests[0]?.headers["x-friendli-team"]).toBe("demo-team");
    s.resetStats();
    expect(s.requests).toHaveLength(0);
  });

  it("measures the highest number of requests in flight", async () => {
    const s = await start({ latencyMs: 30 });
    await Promise.all(Array.from({ length: 4 }, () => call(s, "GET", EP)));
    expect(s.maxInFlight).toBe(4);
    s.resetStats();
    expect(s.maxInFlight).toBe(0);
  });
});
