// A 2xx smoke-test answer: the reply, the gates it must meet, and what it measures.
import { describe, expect, it } from "vitest";
import {
  describeMeasure,
  judgeAnswer,
  type Measured,
  measure,
  type SmokeAnswer,
  type SmokeVerdict,
} from "../../src/smoke/answer.ts";
import type { SmokeGates } from "../../src/smoke/stream.ts";

const SECRET = "flp_answerTestSecret";
const clean = (s: string) => s.split(SECRET).join("***");
const sse = (...events: unknown[]) =>
  `${events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join("")}data: [DONE]\n\n`;
const chatChunk = (content: string) => ({ choices: [{ delta: { content } }] });
const base: SmokeAnswer = { route: "chat", status: 200, body: undefined, startedAt: 1000, finishedAt: 1500 };

/** What the verdict must hold; a failure's message as text or a pattern. */
interface Want {
  kind: SmokeVerdict["kind"];
  status?: number;
  latencyMs?: number;
  reply?: string;
  /** The gate a failure missed; none for a body without a reply (the smoke test counts it as no reply). */
  check?: "expect" | "max-ttft" | undefined;
  measured?: Measured;
  message?: string | RegExp;
}

describe("judgeAnswer", () => {
  it.each<[string, Partial<SmokeAnswer>, SmokeGates, Want]>([
    [
      "a plain chat completion: latency only",
      { body: { choices: [{ message: { content: " Hello there " } }] } },
      {},
      { kind: "pass", latencyMs: 500, reply: "Hello there", measured: {} },
    ],
    [
      "a stream: time to first token, output tokens (from usage) and rate",
      {
        body: sse(chatChunk("Hel"), chatChunk("lo"), { choices: [], usage: { completion_tokens: 5 } }),
        firstTokenAt: 1100,
      },
      {},
      { kind: "pass", reply: "Hello", measured: { ttftMs: 100, outputTokens: 5, tokensPerSecond: 10 } },
    ],
    [
      "a plain text completion",
      { route: "completions", body: { choices: [{ text: "once upon" }] } },
      {},
      { kind: "pass", reply: "once upon" },
    ],
    [
      "a body that is not a completion, quoted",
      { body: { error: null, x: 1 } },
      {},
      {
        kind: "fail",
        status: 200,
        message:
          'POST /dedicated/v1/chat/completions answered 200 with a body that has no choices[0].message.content: {"error":null,"x":1}',
      },
    ],
    [
      "an empty completions body",
      { route: "completions", status: 204, body: "" },
      {},
      {
        kind: "fail",
        status: 204,
        message:
          "POST /dedicated/v1/completions answered 204 with a body that has no choices[0].text: (empty)",
      },
    ],
    [
      "the expected text is missing: quotes the reply",
      { body: { choices: [{ message: { content: "Hello there" } }] } },
      { expect: "goodbye" },
      {
        kind: "fail",
        status: 200,
        check: "expect",
        message: 'the reply does not contain the smoke-test-expect text "goodbye" (reply: "Hello there")',
      },
    ],
    [
      "the expected text is there",
      { body: { choices: [{ message: { content: "Hello there" } }] } },
      { expect: "there" },
      { kind: "pass" },
    ],
    [
      "a max TTFT without a stream",
      { body: { choices: [{ message: { content: "Hi" } }] } },
      { maxTtftMs: 1000 },
      { kind: "fail", check: "max-ttft", message: /did not stream its answer/ },
    ],
    [
      "a first token over the max TTFT",
      { body: sse(chatChunk("Hi")), firstTokenAt: 1400 },
      { maxTtftMs: 399 },
      {
        kind: "fail",
        check: "max-ttft",
        message: /first token came after 400 ms, over smoke-test-max-ttft-ms \(399 ms\)/,
      },
    ],
    [
      "a first token right at the max TTFT",
      { body: sse(chatChunk("Hi")), firstTokenAt: 1400 },
      { maxTtftMs: 400 },
      { kind: "pass", measured: { ttftMs: 400, outputTokens: 1, tokensPerSecond: 2 } },
    ],
  ])("%s", (_what, over, gates, want) => {
    const v = judgeAnswer({ ...base, ...over }, gates, clean);
    const { message, check, ...rest } = want;
    expect(v).toMatchObject(rest);
    if (v.kind === "fail") expect(v.check).toBe(check);
    if (message !== undefined) {
      expect(v.kind).toBe("fail");
      if (v.kind === "fail") expect(v.message).toMatch(message);
    }
  });

  it("the model's text reaches the reply and the messages redacted and neutralised", () => {
    const hostile = `::add-mask::x\n${SECRET} ::error::owned`;
    const body = { choices: [{ message: { content: hostile } }] };
    const passed = judgeAnswer({ ...base, body }, {}, clean);
    expect(passed.kind).toBe("pass");
    const missed = judgeAnswer({ ...base, body }, { expect: "nothing like it" }, clean);
    expect(missed.kind).toBe("fail");
    for (const text of [
      passed.kind === "pass" ? passed.reply : "",
      missed.kind === "fail" ? missed.message : "",
    ]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toMatch(/^::/m);
    }
  });
});

describe("measure", () => {
  it.each<[string, number | undefined, number | undefined, number, Measured]>([
    ["nothing streamed", undefined, undefined, 300, {}],
    ["a stream", 5, 100, 500, { ttftMs: 100, outputTokens: 5, tokensPerSecond: 10 }],
    ["no tokens: no rate", 0, 50, 500, { ttftMs: 50, outputTokens: 0 }],
    ["no time: no rate", 3, undefined, 0, { outputTokens: 3 }],
  ])("%s", (_what, tokens, ttft, latency, want) => {
    expect(measure(tokens, ttft, latency)).toEqual(want);
  });
});

describe("describeMeasure", () => {
  it.each<[Measured, string]>([
    [{}, ""],
    [{ ttftMs: 99.6 }, " (first token after 100 ms)"],
    [
      { ttftMs: 100, outputTokens: 5, tokensPerSecond: 10 },
      " (first token after 100 ms, 5 output tokens, 10 tokens/s)",
    ],
    [{ outputTokens: 3 }, " (3 output tokens)"],
  ])("%j → %s", (m, text) => {
    expect(describeMeasure(m)).toBe(text);
  });
});
