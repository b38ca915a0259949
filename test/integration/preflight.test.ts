// The pre-flight against the simulator's Hub side: the real @huggingface/hub client, undici's fetch
// and the action's proxy-aware dispatcher, over loopback.
import { afterEach, describe, expect, it } from "vitest";
import { createDefaultDispatcher } from "../../src/friendli/request-policy.ts";
import { type PreflightOptions, runPreflight } from "../../src/preflight/index.ts";
import { renderPreflight } from "../../src/preflight/report.ts";
import { commitOf, hubModel } from "../simulator/hub-models.ts";
import { type Simulator, type SimulatorOptions, startSimulator } from "../simulator/index.ts";
import { virtualClock } from "../support/clock.ts";

let sim: Simulator | undefined;
async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator(options);
  return sim;
}
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const TOKEN = "hf_preflight_secret_token";

function options(s: Simulator, over: Partial<PreflightOptions> = {}): PreflightOptions {
  return {
    repo: "sim-org/small-chat",
    revision: undefined,
    hfToken: undefined,
    hubUrl: s.url,
    instanceOptionId: "TwD5AqnBSVN0",
    gpuLabel: "1x H100",
    clock: virtualClock(),
    signal: new AbortController().signal,
    dispatcher: createDefaultDispatcher(),
    ...over,
  };
}

const checks = (r: { findings: Array<{ check: string; severity: string }> }) =>
  r.findings.map((f) => `${f.check}:${f.severity}`);

describe("pre-flight through the simulator's Hub", () => {
  it("a good model: pins the default branch's commit, fits, picks chat, in two Hub requests", async () => {
    const s = await start();
    const r = await runPreflight(options(s));
    expect(r).toMatchObject({
      ok: true,
      checked: true,
      revision: commitOf("sim-org/small-chat"),
      smokeRoute: "chat",
    });
    expect(checks(r)).toEqual(["revision:info", "fit:info", "chat-template:info"]);
    expect(s.requests.map((q) => q.route)).toEqual(["hub-model", "hub-tree"]);
  });

  it.each<[string, Partial<PreflightOptions>, boolean, string[], RegExp]>([
    [
      "missing repo, no token",
      { repo: "nobody/nothing" },
      false,
      ["access:fail"],
      /hf-token.*preflight: false/,
    ],
    ["private repo, no token", { repo: "sim-org/private-model" }, false, ["access:fail"], /it is private/],
    [
      "missing repo, with a token",
      { repo: "nobody/nothing", hfToken: TOKEN },
      false,
      ["access:fail"],
      /not found/,
    ],
    ["unknown revision", { revision: "v404" }, false, ["revision:fail"], /revision v404 does not exist/],
    [
      "no safetensors",
      { repo: "sim-org/no-safetensors" },
      false,
      ["revision:info", "files:fail", "chat-template:info"],
      /no safetensors/,
    ],
    [
      "no config.json",
      { repo: "sim-org/no-config" },
      false,
      ["revision:info", "files:fail", "fit:info", "chat-template:info"],
      /no config.json/,
    ],
    [
      "70B on 1x H100",
      { repo: "sim-org/llama-70b-like" },
      false,
      ["revision:info", "fit:fail", "chat-template:info"],
      /options that fit: 2x A100 80GB, 2x H100, 1x B200, 2x H200/,
    ],
    [
      "70B on 2x H100",
      { repo: "sim-org/llama-70b-like", instanceOptionId: "zfTutSiLn0Hq", gpuLabel: "2x H100" },
      true,
      ["revision:info", "fit:warn", "chat-template:info"],
      /88%/,
    ],
    [
      "400B on 8x H100",
      { repo: "sim-org/llama-400b-like", instanceOptionId: "GUA4qYFmsYz8", gpuLabel: "8x H100" },
      false,
      ["revision:info", "fit:fail", "chat-template:info"],
      /8x H200, 8x B200/,
    ],
    [
      "gated repo",
      { repo: "sim-org/gated-model" },
      true,
      ["revision:info", "fit:info", "gated:warn", "chat-template:info"],
      /integrations/,
    ],
    [
      "private repo with a token",
      { repo: "sim-org/private-model", hfToken: TOKEN },
      true,
      ["revision:info", "fit:info", "chat-template:info"],
      /pinned/,
    ],
  ])("%s", async (_, over, ok, expected, pattern) => {
    const s = await start();
    const r = await runPreflight(options(s, over));
    expect(r.ok).toBe(ok);
    expect(checks(r)).toEqual(expected);
    expect(r.findings.map((f) => f.message).join("\n")).toMatch(pattern);
  });

  it("a model without a chat template reads tokenizer_config.json and picks completions", async () => {
    const s = await start();
    const r = await runPreflight(options(s, { repo: "sim-org/base-no-chat-template" }));
    expect(r.smokeRoute).toBe("completions");
    expect(s.requests.map((q) => q.route)).toEqual(["hub-model", "hub-tree", "hub-file", "hub-file"]);
  });

  it("a gated repo's tokenizer_config.json without access: the template is unknown, chat first", async () => {
    const s = await start();
    s.hub.seed({
      ...hubModel("org/gated-base", { weightsBytes: 2e9, gated: "auto", chatTemplate: false }),
      access: [],
    });
    const r = await runPreflight(options(s, { repo: "org/gated-base" }));
    expect(r).toMatchObject({ ok: true, smokeRoute: "chat" });
    expect(r.findings.at(-1)?.message).toMatch(/could not be read/);
  });

  it("a revision is resolved to its commit and the tree is read at that commit", async () => {
    const s = await start();
    const r = await runPreflight(options(s, { revision: "main" }));
    const sha = commitOf("sim-org/small-chat");
    expect(r.revision).toBe(sha);
    expect(s.requests[1]?.path).toBe(`/api/models/sim-org/small-chat/tree/${sha}`);
  });

  it("a commit id that is not one: a warning, nothing of it in a finding, and nothing pinned", async () => {
    const forged = "main\n::error::forged";
    const s = await start({
      hubModels: [{ ...hubModel("sim-org/odd-sha", { weightsBytes: 1e9 }), refs: { main: forged } }],
    });
    const r = await runPreflight(options(s, { repo: "sim-org/odd-sha" }));
    expect(r).toMatchObject({ ok: true, checked: false });
    expect(r.revision).toBeUndefined();
    expect(r.findings).toEqual([
      {
        check: "hub",
        severity: "warn",
        message: expect.stringContaining("(the Hub answered no commit id for the revision)"),
      },
    ]);
    expect(JSON.stringify(r)).not.toContain("forged");
    expect(s.requests.map((q) => q.route)).toEqual(["hub-model"]);
  });

  it("hf-token goes to the Hub only, and never into a finding or the report", async () => {
    const s = await start({ hubTokens: [TOKEN] });
    const r = await runPreflight(options(s, { repo: "sim-org/private-model", hfToken: TOKEN }));
    expect(r.ok).toBe(true);
    expect(s.requests.every((q) => q.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const refused = await runPreflight(options(s, { hfToken: "hf_not_valid_here" }));
    expect(checks(refused)).toEqual(["access:fail"]);
    for (const out of [
      JSON.stringify(r),
      JSON.stringify(refused),
      renderPreflight(r),
      renderPreflight(refused),
    ]) {
      expect(out).not.toContain(TOKEN);
      expect(out).not.toContain("hf_not_valid_here");
    }
  });

  it("follows a redirect, keeping hf-token on the Hub's origin and dropping it anywhere else", async () => {
    const s = await start();
    const other = await startSimulator();
    try {
      s.inject({
        route: "hub-model",
        fault: { kind: "redirect", location: "/api/models/sim-org/small-chat" },
      });
      s.inject({
        route: "hub-tree",
        fault: { kind: "redirect", location: `${other.url}/api/models/sim-org/small-chat/tree/main` },
      });
      const r = await runPreflight(options(s, { hfToken: TOKEN }));
      expect(r.ok).toBe(true);
      expect(s.requests.map((q) => [q.route, q.status, q.headers.authorization])).toEqual([
        ["hub-model", 307, `Bearer ${TOKEN}`],
        ["hub-model", 200, `Bearer ${TOKEN}`],
        ["hub-tree", 307, `Bearer ${TOKEN}`],
      ]);
      expect(other.requests.map((q) => [q.route, q.status, q.headers.authorization])).toEqual([
        ["hub-tree", 200, undefined],
      ]);
    } finally {
      await other.close();
    }
  });

  it("Hub down (503): retried, then a warning and the deploy goes on", async () => {
    const s = await start({ hubDown: "fail" });
    const r = await runPreflight(options(s));
    expect(r).toMatchObject({ ok: true, checked: false });
    expect(checks(r)).toEqual(["hub:warn"]);
    expect(r.findings[0]?.message).toMatch(/\(the Hub answered 503\); deploying without the pre-flight/);
    expect(s.requests).toHaveLength(3);
  });

  it("a 502 once is retried and the pre-flight passes", async () => {
    const s = await start();
    s.inject({ route: "hub-model", fault: { kind: "status", status: 502 } });
    const r = await runPreflight(options(s));
    expect(r).toMatchObject({ ok: true, checked: true });
    expect(s.requests.map((q) => q.status)).toEqual([502, 200, 200]);
  });

  it("Hub hangs: each attempt times out, then a warning", async () => {
    const s = await start({ hubDown: "hang" });
    // Fires each attempt's timeout once the simulator holds the request: no real waiting.
    const attemptTimer = async (_ms: number, signal: AbortSignal) => {
      const seen = s.requests.length;
      while (!signal.aborted && s.requests.length === seen) await new Promise((r) => setImmediate(r));
    };
    const r = await runPreflight(options(s, { attemptTimer, attemptTimeoutMs: 1234 }));
    expect(checks(r)).toEqual(["hub:warn"]);
    expect(r.findings[0]?.message).toMatch(/no answer within 1234 ms/);
    expect(s.requests).toHaveLength(3);
  });

  it("Hub unreachable (nothing listens): a warning", async () => {
    const s = await start();
    const url = s.url;
    await s.close();
    sim = undefined;
    const r = await runPreflight({ ...options(s), hubUrl: url });
    expect(checks(r)).toEqual(["hub:warn"]);
    expect(r.ok).toBe(true);
  });

  it("the budget bounds the retries: no attempt starts after it", async () => {
    const s = await start({ hubDown: "fail" });
    const r = await runPreflight(options(s, { budgetMs: 1 }));
    expect(checks(r)).toEqual(["hub:warn"]);
    expect(s.requests).toHaveLength(1);
  });

  it("a cancelled run rejects instead of deciding", async () => {
    const s = await start();
    const ac = new AbortController();
    ac.abort(new Error("cancelled"));
    await expect(runPreflight(options(s, { signal: ac.signal }))).rejects.toThrow("cancelled");
  });
});
