import { downloadFile, fileExists, HubApiError, listFiles, modelInfo } from "@huggingface/hub";
import { describe, expect, it } from "vitest";
import { simulatorPerTest } from "./helpers.ts";
import { commitOf, hubModel } from "./hub-models.ts";
import type { Simulator } from "./server.ts";

const start = simulatorPerTest();

const TOKEN = "hf_simulator_test";

/** The error @huggingface/hub threw. */
async function hubError(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HubApiError);
  return { status: (err as HubApiError).statusCode, message: (err as HubApiError).message };
}

/** Resolves once the simulator has logged `count` requests. */
async function logged(s: Simulator, count: number): Promise<void> {
  while (s.requests.length < count) await new Promise((r) => setImmediate(r));
}

describe("the Hub side, through @huggingface/hub", () => {
  it("modelInfo resolves HEAD to the default branch's commit and reports sizes, gating and the chat template", async () => {
    const s = await start();
    const info = await modelInfo({
      name: "sim-org/small-chat",
      hubUrl: s.url,
      additionalFields: ["sha", "safetensors", "config"],
    });
    expect(info).toMatchObject({ name: "sim-org/small-chat", private: false, gated: false });
    expect(info.sha).toBe(commitOf("sim-org/small-chat"));
    expect(info.safetensors?.total).toBe(600_000_000);
    expect(
      (info.config as { tokenizer_config?: { chat_template?: string } }).tokenizer_config?.chat_template,
    ).toMatch(/messages/);
    expect(s.requests.at(-1)?.path).toBe("/api/models/sim-org/small-chat/revision/HEAD");
  });

  it("listFiles lists the root with sizes; weights carry lfs", async () => {
    const s = await start();
    const files = [];
    for await (const f of listFiles({ repo: "sim-org/llama-70b-like", hubUrl: s.url })) files.push(f);
    const weights = files.filter((f) => f.path.endsWith(".safetensors"));
    expect(weights).toHaveLength(30);
    expect(weights.reduce((n, f) => n + f.size, 0)).toBe(141.1e9);
    expect(weights[0]?.lfs?.size).toBe(weights[0]?.size);
    expect(files.map((f) => f.path)).toContain("config.json");
  });

  it("fileExists and downloadFile read config.json and tokenizer_config.json", async () => {
    const s = await start();
    const repo = "sim-org/base-no-chat-template";
    expect(await fileExists({ repo, path: "config.json", hubUrl: s.url })).toBe(true);
    expect(await fileExists({ repo, path: "nope.json", hubUrl: s.url })).toBe(false);
    const blob = await downloadFile({ repo, path: "tokenizer_config.json", hubUrl: s.url });
    expect(JSON.parse((await blob?.text()) ?? "")).toEqual({ bos_token: "<s>", eos_token: "</s>" });
    expect(await downloadFile({ repo, path: "missing.txt", hubUrl: s.url })).toBeNull();
  });

  it("answers a missing repo 401 without a token and 404 with one, both RepoNotFound", async () => {
    const s = await start();
    expect(await hubError(modelInfo({ name: "nobody/nothing", hubUrl: s.url }))).toMatchObject({
      status: 401,
      message: expect.stringMatching(/^Repository not found/),
    });
    const res = await fetch(`${s.url}/api/models/nobody/nothing`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect([res.status, res.headers.get("x-error-code")]).toEqual([404, "RepoNotFound"]);
  });

  it("a private repo reads like a missing one without a token, and normally with one", async () => {
    const s = await start();
    const repo = "sim-org/private-model";
    const anon = await fetch(`${s.url}/api/models/${repo}`);
    expect([anon.status, anon.headers.get("x-error-code")]).toEqual([401, "RepoNotFound"]);
    expect((await modelInfo({ name: repo, hubUrl: s.url, accessToken: TOKEN })).private).toBe(true);
  });

  it("an unknown revision is RevisionNotFound; a branch, a tag and a full commit id resolve", async () => {
    const s = await start();
    s.hub.seed({ ...hubModel("sim-org/tagged", { weightsBytes: 1e9 }), refs: { v1: "a".repeat(40) } });
    const res = await fetch(`${s.url}/api/models/sim-org/tagged/revision/nope`);
    expect([res.status, res.headers.get("x-error-code")]).toEqual([404, "RevisionNotFound"]);
    for (const [rev, sha] of [
      ["v1", "a".repeat(40)],
      ["a".repeat(40), "a".repeat(40)],
      ["main", commitOf("sim-org/tagged")],
    ]) {
      const info = await modelInfo({
        name: "sim-org/tagged",
        revision: rev,
        hubUrl: s.url,
        additionalFields: ["sha"],
      });
      expect(info.sha, rev).toBe(sha);
    }
  });

  it("a gated repo: info and tree are readable, files need a token with access (GatedRepo)", async () => {
    const s = await start({
      hubModels: [{ ...hubModel("org/gated", { weightsBytes: 1e9, gated: "manual" }), access: [TOKEN] }],
    });
    const info = await modelInfo({ name: "org/gated", hubUrl: s.url });
    expect(info.gated).toBe("manual");
    const anon = await fetch(`${s.url}/org/gated/resolve/main/config.json`);
    expect([anon.status, anon.headers.get("x-error-code")]).toEqual([401, "GatedRepo"]);
    const other = await fetch(`${s.url}/org/gated/resolve/main/config.json`, {
      headers: { authorization: "Bearer hf_someone_else" },
    });
    expect([other.status, other.headers.get("x-error-code")]).toEqual([403, "GatedRepo"]);
    expect(
      await fileExists({ repo: "org/gated", path: "config.json", hubUrl: s.url, accessToken: TOKEN }),
    ).toBe(true);
  });

  it("an invalid token is refused, a valid one goes to the Hub side only", async () => {
    const s = await start({ hubTokens: [TOKEN] });
    const res = await fetch(`${s.url}/api/models/sim-org/small-chat`, {
      headers: { authorization: "Bearer hf_wrong" },
    });
    expect(res.status).toBe(401);
    await modelInfo({ name: "sim-org/small-chat", hubUrl: s.url, accessToken: TOKEN });
    expect(s.requests.at(-1)?.route).toBe("hub-model");
  });

  it("down('fail') answers 503 everywhere on the Hub side; down('hang') never answers; down(null) restores", async () => {
    const s = await start();
    s.hub.down("fail");
    expect(await hubError(modelInfo({ name: "sim-org/small-chat", hubUrl: s.url }))).toMatchObject({
      status: 503,
    });
    s.hub.down("hang");
    const abort = new AbortController();
    const hung = fetch(`${s.url}/api/models/sim-org/small-chat`, { signal: abort.signal }).catch(
      (e: unknown) => e,
    );
    await logged(s, 2);
    expect(s.requests[1]?.status).toBe(0);
    abort.abort();
    expect(((await hung) as Error).name).toBe("AbortError");
    s.hub.down(null);
    expect((await modelInfo({ name: "sim-org/small-chat", hubUrl: s.url })).name).toBe("sim-org/small-chat");
  });

  it("fault rules apply to the Hub routes by name", async () => {
    const s = await start();
    s.inject({ route: "hub-tree", fault: { kind: "status", status: 502 } });
    const first = listFiles({ repo: "sim-org/small-chat", hubUrl: s.url })[Symbol.asyncIterator]().next();
    expect(await hubError(first)).toMatchObject({ status: 502 });
    const again = await listFiles({ repo: "sim-org/small-chat", hubUrl: s.url })
      [Symbol.asyncIterator]()
      .next();
    expect(again.done).toBe(false);
  });
});
