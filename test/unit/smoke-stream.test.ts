import { describe, expect, it } from "vitest";
import {
  chunkText,
  firstTokenWatch,
  missedGate,
  sseData,
  streamedReply,
  tokensPerSecond,
} from "../../src/smoke/stream.ts";

const chat = (content: string) => JSON.stringify({ choices: [{ index: 0, delta: { content } }] });
const ev = (data: string) => `data: ${data}\n\n`;

describe("server-sent events", () => {
  it.each<[string, string, string[]]>([
    ["two events", `${ev("a")}${ev("b")}`, ["a", "b"]],
    ["an unfinished last event is left out", `${ev("a")}data: b`, ["a"]],
    ["CRLF line ends", "data: a\r\n\r\ndata: b\r\n\r\n", ["a", "b"]],
    ["no space after the colon", "data:a\n\n", ["a"]],
    ["a multi-line event joins its data lines", "data: a\ndata: b\n\n", ["a\nb"]],
    ["comments and other fields are ignored", ": ping\n\nevent: x\ndata: a\n\n", ["a"]],
  ])("%s", (_, text, data) => {
    expect(sseData(text)).toEqual(data);
  });

  it.each<["chat" | "completions", unknown, string]>([
    ["chat", { choices: [{ delta: { content: "hi" } }] }, "hi"],
    ["chat", { choices: [{ delta: { role: "assistant", content: "" } }] }, ""],
    ["chat", { choices: [{ delta: { reasoning_content: "hmm" } }] }, "hmm"],
    ["chat", { choices: [], usage: { completion_tokens: 3 } }, ""],
    ["completions", { choices: [{ text: " is" }] }, " is"],
    ["completions", null, ""],
    ["chat", "not an object", ""],
  ])("%s chunk %j carries %j", (route, chunk, text) => {
    expect(chunkText(route, chunk)).toBe(text);
  });
});

describe("streamedReply", () => {
  it("joins the pieces and takes the output tokens from usage", () => {
    const text = `${ev(chat(""))}${ev(chat("Hello"))}${ev(chat(" there"))}${ev(JSON.stringify({ choices: [], usage: { completion_tokens: 7 } }))}${ev("[DONE]")}`;
    expect(streamedReply("chat", text)).toEqual({ text: "Hello there", outputTokens: 7, done: true });
  });

  it("counts the chunks that carried text when there is no usage; notices a missing [DONE]", () => {
    expect(streamedReply("chat", `${ev(chat("a"))}${ev(chat("b"))}`)).toEqual({
      text: "ab",
      outputTokens: 2,
      done: false,
    });
  });

  it("skips an event that is not JSON, and is undefined for a body with no event", () => {
    expect(streamedReply("chat", `${ev("{oops")}${ev(chat("x"))}`)?.text).toBe("x");
    expect(streamedReply("chat", "Endpoint is unavailable")).toBeUndefined();
  });
});

describe("firstTokenWatch", () => {
  it("fires once, on the piece that completes the first event with text, even split mid-event", () => {
    const watch = firstTokenWatch("chat");
    const whole = `${ev(chat(""))}${ev(chat("Hi"))}${ev(chat("!"))}`;
    const cut = whole.indexOf("Hi") + 1;
    expect(watch(whole.slice(0, cut))).toBe(false);
    expect(watch(whole.slice(cut, cut + 5))).toBe(false);
    expect(watch(whole.slice(cut + 5))).toBe(true);
    expect(watch(ev(chat("more")))).toBe(false);
  });
});

describe("tokensPerSecond", () => {
  it.each<[number, number, number | undefined]>([
    [5, 750, 6.7],
    [100, 2000, 50],
    [0, 1000, undefined],
    [5, 0, undefined],
  ])("%d tokens in %d ms -> %s", (tokens, ms, rate) => {
    expect(tokensPerSecond(tokens, ms)).toBe(rate);
  });
});

describe("missedGate", () => {
  const show = (t: string) => JSON.stringify(t);
  type Gate = "expect" | "max-ttft";
  it.each<[string, Parameters<typeof missedGate>[0], string, number | undefined, [Gate, RegExp] | undefined]>(
    [
      ["no gates", {}, "anything", undefined, undefined],
      ["expected text present", { expect: "Hello" }, "Hello there", 10, undefined],
      [
        "expected text is case-sensitive",
        { expect: "hello" },
        "Hello there",
        10,
        ["expect", /does not contain the smoke-test-expect text "hello" \(reply: "Hello there"\)/],
      ],
      ["an empty expect checks nothing", { expect: "" }, "x", 10, undefined],
      ["TTFT at the limit", { maxTtftMs: 500 }, "x", 500, undefined],
      [
        "TTFT over the limit",
        { maxTtftMs: 500 },
        "x",
        501,
        ["max-ttft", /after 501 ms, over smoke-test-max-ttft-ms \(500 ms\)/],
      ],
      ["TTFT unmeasured with a limit", { maxTtftMs: 500 }, "x", undefined, ["max-ttft", /did not stream/]],
      [
        "the text gate is checked first",
        { expect: "y", maxTtftMs: 1 },
        "x",
        99,
        ["expect", /smoke-test-expect/],
      ],
    ],
  )("%s", (_, gates, reply, ttftMs, want) => {
    const missed = missedGate(gates, { reply, ttftMs }, show);
    expect(missed?.check).toBe(want?.[0]);
    if (want) expect(missed?.message).toMatch(want[1]);
  });
});
