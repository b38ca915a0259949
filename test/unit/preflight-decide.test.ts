import { describe, expect, it } from "vitest";
import { optionMemoryBytes } from "../../src/friendli/gpus.ts";
import {
  decide,
  FIT_FAIL_RATIO,
  FIT_WARN_RATIO,
  fitFinding,
  optionsThatFit,
} from "../../src/preflight/decide.ts";
import { hubUrlFrom } from "../../src/preflight/index.ts";
import { findingLines, renderPreflight } from "../../src/preflight/report.ts";
import type { HubAnswer, HubFacts, PreflightContext } from "../../src/preflight/types.ts";
import { staticGraph } from "./helpers.ts";

const GB = 1e9;
const SHA = "0123456789abcdef0123456789abcdef01234567";
const H100 = { instanceOptionId: "TwD5AqnBSVN0", gpuLabel: "1x H100" };
const CTX: PreflightContext = { repo: "org/model", revision: undefined, hasToken: false, ...H100 };

function facts(over: Partial<HubFacts> = {}): HubFacts {
  return {
    kind: "found",
    sha: SHA,
    private: false,
    gated: false,
    files: [
      { path: "model-00001-of-00002.safetensors", size: 8 * GB },
      { path: "model-00002-of-00002.safetensors", size: 8 * GB },
      { path: "config.json", size: 700 },
      { path: "tokenizer_config.json", size: 5000 },
    ],
    chatTemplate: true,
    ...over,
  };
}

const weights = (bytes: number) => [
  { path: "model.safetensors", size: bytes },
  { path: "config.json", size: 1 },
];

describe("GPU memory", () => {
  it.each([
    ["ShbPuOs4tfGb", 80],
    ["sYH4kHmAcA5P", 640],
    ["TwD5AqnBSVN0", 80],
    ["Tu6GjBnfHPe4", 282],
    ["8GiQTLKfJNOr", 180],
    ["drbc6G9FxJWZ", 1440],
  ])("%s has %d GB", (id, gb) => {
    expect(optionMemoryBytes(id)).toBe(gb * GB);
  });

  it("an id outside the table has no known memory", () => {
    expect(optionMemoryBytes("Zz9Zz9Zz9Zz9")).toBeUndefined();
  });
});

describe("weights against GPU memory", () => {
  it.each<[string, number, string, "info" | "warn" | "fail"]>([
    ["well under 80%", 16 * GB, "TwD5AqnBSVN0", "info"],
    ["exactly 80%", 64 * GB, "TwD5AqnBSVN0", "info"],
    ["just over 80%", 64.1 * GB, "TwD5AqnBSVN0", "warn"],
    ["exactly 95%", 76 * GB, "TwD5AqnBSVN0", "warn"],
    ["just over 95%", 76.1 * GB, "TwD5AqnBSVN0", "fail"],
    ["70B on 2x H100 (88%)", 141.1 * GB, "zfTutSiLn0Hq", "warn"],
    ["70B on 1x B200 (78%)", 141.1 * GB, "8GiQTLKfJNOr", "info"],
    ["400B on 8x H200 (72%)", 811 * GB, "ahBzWtOuomsI", "info"],
  ])("%s -> %s", (_, bytes, id, severity) => {
    expect(fitFinding(bytes, { ...CTX, instanceOptionId: id, gpuLabel: id }).finding.severity).toBe(severity);
  });

  it("the thresholds are the documented ones", () => {
    expect([FIT_WARN_RATIO, FIT_FAIL_RATIO]).toEqual([0.8, 0.95]);
  });

  it("names the smallest option of each GPU model that holds the weights, least memory first", () => {
    expect(optionsThatFit(141.1 * GB).map((o) => o.label)).toEqual([
      "2x A100 80GB",
      "2x H100",
      "1x B200",
      "2x H200",
    ]);
    expect(optionsThatFit(811 * GB).map((o) => o.label)).toEqual(["8x H200", "8x B200"]);
    expect(optionsThatFit(2000 * GB)).toEqual([]);
    const f = fitFinding(811 * GB, CTX).finding;
    expect(f).toMatchObject({ severity: "fail" });
    expect(f.message).toContain("options that fit: 8x H200, 8x B200");
    expect(fitFinding(2000 * GB, CTX).finding.message).toContain("no instance option holds them");
  });

  it("an option outside the table is not judged", () => {
    const f = fitFinding(900 * GB, { ...CTX, instanceOptionId: "Zz9Zz9Zz9Zz9", gpuLabel: "Zz9Zz9Zz9Zz9" });
    expect(f.finding.severity).toBe("info");
    expect(f.ratio).toBeUndefined();
  });
});

describe("decide", () => {
  const cases: Array<{
    name: string;
    answer: HubAnswer;
    ctx?: Partial<PreflightContext>;
    ok: boolean;
    checked?: boolean;
    expect: Array<[string, string, RegExp?]>;
  }> = [
    {
      name: "401 without a token: fail, saying to pass hf-token or turn the pre-flight off",
      answer: { kind: "unauthorized" },
      ok: false,
      expect: [["access", "fail", /Pass `hf-token`.*`preflight: false`/]],
    },
    {
      name: "401 with a token: the token was refused",
      answer: { kind: "unauthorized" },
      ctx: { hasToken: true },
      ok: false,
      expect: [["access", "fail", /refused hf-token/]],
    },
    {
      name: "404 with a token: missing or not readable",
      answer: { kind: "not-found" },
      ctx: { hasToken: true },
      ok: false,
      expect: [["access", "fail", /not found/]],
    },
    {
      name: "unknown revision: fail naming it",
      answer: { kind: "revision-not-found" },
      ctx: { revision: "v9" },
      ok: false,
      expect: [["revision", "fail", /revision v9 does not exist in org\/model/]],
    },
    {
      name: "Hub unreachable: a warning, the deploy goes on",
      answer: { kind: "unreachable", reason: "the Hub answered 503" },
      ok: true,
      checked: false,
      expect: [["hub", "warn", /503.*deploying without the pre-flight/]],
    },
    {
      name: "a good model: pinned, fits, chat",
      answer: facts(),
      ok: true,
      expect: [
        ["revision", "info", /pinned at 0123456789abcdef.*default branch/],
        ["fit", "info", /16.0 GB are 20% of 1x H100's 80.0 GB/],
        ["chat-template", "info", /uses chat completions/],
      ],
    },
    {
      name: "a requested revision is reported with its commit",
      answer: facts(),
      ctx: { revision: "v1" },
      ok: true,
      expect: [
        ["revision", "info", /org\/model@v1 is commit 0123/],
        ["fit", "info"],
        ["chat-template", "info"],
      ],
    },
    {
      name: "no safetensors: fail, and no fit check",
      answer: facts({
        files: [
          { path: "pytorch_model.bin", size: GB },
          { path: "config.json", size: 1 },
        ],
      }),
      ok: false,
      expect: [
        ["revision", "info"],
        ["files", "fail", /no safetensors weights \(root: pytorch_model.bin, config.json\)/],
        ["chat-template", "info"],
      ],
    },
    {
      name: "no config.json: fail",
      answer: facts({ files: [{ path: "model.safetensors", size: GB }] }),
      ok: false,
      expect: [
        ["revision", "info"],
        ["files", "fail", /no config.json/],
        ["fit", "info"],
        ["chat-template", "info"],
      ],
    },
    {
      name: "neither: one finding names both",
      answer: facts({ files: [] }),
      ok: false,
      expect: [
        ["revision", "info"],
        ["files", "fail", /no safetensors weights and no config.json \(root: nothing\)/],
        ["chat-template", "info"],
      ],
    },
    {
      name: "weights in a subfolder do not count",
      answer: facts({
        files: [
          { path: "original/model.safetensors", size: GB },
          { path: "config.json", size: 1 },
        ],
      }),
      ok: false,
      expect: [
        ["revision", "info"],
        ["files", "fail"],
        ["chat-template", "info"],
      ],
    },
    {
      name: "over 95%: fail",
      answer: facts({ files: weights(79 * GB) }),
      ok: false,
      expect: [
        ["revision", "info"],
        ["fit", "fail", /do not fit \(options that fit: 1x H200, 2x A100 80GB, 2x H100, 1x B200\)/],
        ["chat-template", "info"],
      ],
    },
    {
      name: "over 80%: warning",
      answer: facts({ files: weights(70 * GB) }),
      ok: true,
      expect: [
        ["revision", "info"],
        ["fit", "warn", /KV cache/],
        ["chat-template", "info"],
      ],
    },
    {
      name: "gated: a warning about Friendli's own Hugging Face token",
      answer: facts({ gated: "manual" }),
      ok: true,
      expect: [
        ["revision", "info"],
        ["fit", "info"],
        ["gated", "warn", /integrations/],
        ["chat-template", "info"],
      ],
    },
    {
      name: "no chat template: completions",
      answer: facts({ chatTemplate: false }),
      ok: true,
      expect: [
        ["revision", "info"],
        ["fit", "info"],
        ["chat-template", "info", /uses completions/],
      ],
    },
    {
      name: "chat template unreadable: chat first",
      answer: facts({ chatTemplate: null }),
      ok: true,
      expect: [
        ["revision", "info"],
        ["fit", "info"],
        ["chat-template", "info", /tries chat first/],
      ],
    },
  ];

  it.each(cases)("$name", (c) => {
    const r = decide(c.answer, { ...CTX, ...c.ctx }, 1234);
    expect(r.ok).toBe(c.ok);
    expect(r.checked).toBe(c.checked ?? true);
    expect(r.elapsedMs).toBe(1234);
    expect(r.findings.map((f) => [f.check, f.severity])).toEqual(
      c.expect.map(([check, sev]) => [check, sev]),
    );
    c.expect.forEach(([, , pattern], i) => {
      if (pattern) expect(r.findings[i]?.message).toMatch(pattern);
    });
  });

  it("returns the commit to pin, the smoke test's route, the weight bytes and the memory share", () => {
    expect(decide(facts({ chatTemplate: false }), CTX, 0)).toMatchObject({
      revision: SHA,
      smokeRoute: "completions",
      weightBytes: 16 * GB,
      memoryRatio: 0.2,
    });
    expect(decide({ kind: "unauthorized" }, CTX, 0).revision).toBeUndefined();
  });

  // `gpu` with several choices: the fit is the first choice's that holds the weights.
  const H200 = { instanceOptionId: "LnK1wTaKc7WO", gpuLabel: "1x H200" };
  const B200x2 = { instanceOptionId: "brTZGIuYgVrs", gpuLabel: "2x B200" };
  it.each<[string, number, Array<typeof H100>, "info" | "warn" | "fail", string]>([
    ["the first fits: it is the one", 16, [H200], "info", "1x H100"],
    ["the first does not: the second", 120, [H200], "warn", "1x H200"],
    ["the first two do not: the third", 200, [H200, B200x2], "info", "2x B200"],
    ["none fits: the first's failure", 400, [H200], "fail", "1x H100"],
    ["no other choice", 120, [], "fail", "1x H100"],
  ])("%s", (_, gb, fallbacks, severity, label) => {
    const r = decide(facts({ files: weights(gb * GB) }), { ...CTX, fallbacks }, 0);
    const fit = r.findings.find((f) => f.check === "fit");
    expect(fit?.severity).toBe(severity);
    expect(fit?.message).toContain(`of ${label}'s`);
    expect(r.ok).toBe(severity !== "fail");
  });
});

describe("hubUrlFrom", () => {
  it.each<[string | undefined, string | undefined, string, boolean]>([
    [undefined, undefined, "https://huggingface.co", false],
    ["https://huggingface.co", undefined, "https://huggingface.co", false],
    ["", "https://mirror.example/", "https://mirror.example", false],
    // Left at its default, the input lets HF_ENDPOINT choose.
    ["https://huggingface.co", "https://mirror.example/hf/", "https://mirror.example/hf", false],
    ["http://127.0.0.1:9/", "https://mirror.example", "http://127.0.0.1:9", false],
    // An HF_ENDPOINT the token may not go to is ignored, with a reason.
    ["https://huggingface.co", "http://mirror.example", "https://huggingface.co", true],
    [undefined, "not a url", "https://huggingface.co", true],
    [undefined, "https://user:pw@mirror.example", "https://huggingface.co", true],
  ])("input %s, HF_ENDPOINT %s -> %s", (input, env, url, ignored) => {
    const got = hubUrlFrom(input, env === undefined ? {} : { HF_ENDPOINT: env });
    expect(got.url).toBe(url);
    expect(got.ignored !== undefined).toBe(ignored);
    expect(got.ignored ?? "").not.toContain("pw@");
  });
});

describe("the pre-flight report", () => {
  it("escapes what the Hub or the user supplied, and says the verdict", () => {
    const r = decide(facts({ gated: "auto" }), { ...CTX, repo: "org/<b>|x" }, 2500);
    const md = renderPreflight(r);
    expect(md).toContain("### Pre-flight passed (2.5s)");
    expect(md).toContain("org/&lt;b&gt;&#124;x");
    expect(md).not.toContain("<b>");
    expect(md).toMatch(/\| ⚠️ \| gated \|/);
    expect(renderPreflight(decide({ kind: "unauthorized" }, CTX, 0))).toContain(
      "failed: nothing was created or updated",
    );
    expect(renderPreflight(decide({ kind: "unreachable", reason: "x" }, CTX, 0))).toContain("skipped");
    expect(findingLines(r.findings)[0]).toBe(
      `pre-flight revision: ok: org/<b>|x pinned at ${SHA} (the default branch's commit)`,
    );
  });
});

describe("lazy loading", () => {
  it("importing the pre-flight's entry loads neither the Hub client nor its fetch", () => {
    const graph = [...staticGraph(new URL("../../src/preflight/index.ts", import.meta.url))];
    expect(graph.some((g) => g.includes("@huggingface/hub"))).toBe(false);
    expect(graph.some((g) => g.endsWith("/preflight/hub.ts") || g.endsWith("/preflight/hub-fetch.ts"))).toBe(
      false,
    );
    // The walk itself sees through to the client from the module that is loaded lazily.
    const lazy = [...staticGraph(new URL("../../src/preflight/hub.ts", import.meta.url))];
    expect(lazy).toContain("@huggingface/hub");
  });
});
