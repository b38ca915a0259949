// The fake's own fidelity: the answers GitHub documents for the requests the ledger and the sweep make,
// so a client that forgets what real GitHub needs fails here as it would there.
import { describe, expect, it } from "vitest";
import { useFakeGitHub } from "../support/use-fake-github.ts";

const TOKEN = "ghs_fakeGithubToken0123456789";

describe("fake GitHub: deployments and pulls", () => {
  const github = useFakeGitHub({ token: TOKEN });

  async function call(method: string, path: string, body?: unknown) {
    const res = await fetch(`${github.url}/repos/acme/models${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: GitHub's JSON, read field by field in the assertions
    const json: any = await res.json();
    return { status: res.status, link: res.headers.get("link"), json };
  }

  it.each<[string, Record<string, unknown>, number]>([
    ["no ref", { environment: "e" }, 422],
    ["checks verified by default while the run's own are pending", { ref: "main", auto_merge: false }, 409],
    ["auto_merge by default on a ref behind the default branch", { ref: "main", required_contexts: [] }, 202],
    ["both switched off", { ref: "main", required_contexts: [], auto_merge: false }, 201],
  ])("POST /deployments with %s: %i", async (_what, body, status) => {
    expect((await call("POST", "/deployments", body)).status).toBe(status);
    expect(github.deployments.deployments).toHaveLength(status === 201 ? 1 : 0);
  });

  it("lists newest first with Link pagination; statuses newest first; 140-character descriptions", async () => {
    for (let i = 0; i < 3; i++) github.deployments.seed({ environment: "e", payload: { i } });
    const first = await call("GET", "/deployments?environment=e&per_page=2");
    expect(first.json.map((d: { payload: { i: number } }) => d.payload.i)).toEqual([2, 1]);
    expect(first.link).toContain('rel="next"');
    const second = await call("GET", "/deployments?environment=e&per_page=2&page=2");
    expect(second.json.map((d: { payload: { i: number } }) => d.payload.i)).toEqual([0]);
    expect(second.link).not.toContain('rel="next"');

    const id = first.json[0].id;
    expect((await call("POST", `/deployments/${id}/statuses`, { state: "in_progress" })).status).toBe(201);
    expect((await call("POST", `/deployments/${id}/statuses`, { state: "done" })).status).toBe(422);
    expect(
      (await call("POST", `/deployments/${id}/statuses`, { state: "success", description: "x".repeat(141) }))
        .status,
    ).toBe(422);
    expect(
      (await call("POST", `/deployments/${id}/statuses`, { state: "success", log_url: "https://x.test/run" }))
        .status,
    ).toBe(201);
    const statuses = await call("GET", `/deployments/${id}/statuses`);
    expect(statuses.json.map((s: { state: string }) => s.state)).toEqual(["success", "in_progress"]);
    expect(statuses.json[0]).toMatchObject({
      log_url: "https://x.test/run",
      target_url: "https://x.test/run",
    });
    expect((await call("GET", "/deployments/999999/statuses")).status).toBe(404);
  });

  it("403 when the token may not write deployments, or not read them either", async () => {
    github.deployments.access = "read";
    expect((await call("GET", "/deployments")).status).toBe(200);
    const denied = await call("POST", "/deployments", {
      ref: "main",
      required_contexts: [],
      auto_merge: false,
    });
    expect(denied).toMatchObject({
      status: 403,
      json: { message: "Resource not accessible by integration" },
    });
    github.deployments.access = "none";
    expect((await call("GET", "/deployments")).status).toBe(403);
  });

  it("GET /pulls/{number}: open, closed, merged, unknown", async () => {
    github.pulls.set(1, { state: "open", merged: false });
    github.pulls.set(2, { state: "closed", merged: false });
    github.pulls.set(3, { state: "closed", merged: true });
    expect((await call("GET", "/pulls/1")).json).toMatchObject({ number: 1, state: "open", merged: false });
    expect((await call("GET", "/pulls/2")).json).toMatchObject({
      state: "closed",
      merged: false,
      merged_at: null,
    });
    expect((await call("GET", "/pulls/3")).json).toMatchObject({ state: "closed", merged: true });
    expect((await call("GET", "/pulls/4")).status).toBe(404);
  });
});
