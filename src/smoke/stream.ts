// What a streamed smoke-test answer says: the reply text, the output tokens, and when the first
// token came. Friendli streams OpenAI-style server-sent events (`data: {json}` lines, ending with
// `data: [DONE]`); usage comes in a last chunk when `stream_options.include_usage` is asked for.
// Pure functions over text, so every shape is tested without a server.
import type { SmokeRoute } from "../friendli/route.ts";

interface StreamedReply {
  text: string;
  /** usage.completion_tokens when the server sent it, else the number of chunks that carried text. */
  outputTokens: number;
  /** True when a `data: [DONE]` closed the stream. */
  done: boolean;
}

/** The `data:` payloads of complete events in `text` (an unfinished last event is left out). */
export function sseData(text: string): string[] {
  // The piece after the last blank line is not complete yet.
  const events = text.replace(/\r\n?/g, "\n").split("\n\n").slice(0, -1);
  return events.flatMap((event) => {
    const lines = event.split("\n").filter((l) => l.startsWith("data:"));
    return lines.length > 0 ? [lines.map((l) => l.slice(5).replace(/^ /, "")).join("\n")] : [];
  });
}

/**
 * The text of an OpenAI-shaped answer's first choice: `text` (completions), or the chat `message`
 * (a whole answer) or `delta` (a streamed chunk); undefined when it has none.
 */
export function choiceText(route: SmokeRoute, body: unknown, part: "message" | "delta"): string | undefined {
  const choices =
    body !== null && typeof body === "object" ? (body as { choices?: unknown }).choices : undefined;
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  if (first === null || typeof first !== "object") return undefined;
  const choice = first as Record<string, unknown>;
  if (route === "completions") return typeof choice.text === "string" ? choice.text : undefined;
  const said = choice[part];
  if (said === null || typeof said !== "object") return undefined;
  const { content, reasoning_content: reasoning } = said as Record<string, unknown>;
  if (typeof content === "string") return content;
  // A whole answer may come in the newer OpenAI shape: an array of typed parts.
  if (part === "message" && Array.isArray(content)) {
    const texts = content
      .map((p) => (p && typeof p === "object" ? (p as { text?: unknown }).text : undefined))
      .filter((t): t is string => typeof t === "string");
    if (texts.length > 0) return texts.join("");
  }
  // A reasoning model may think before it answers, and a tiny max_tokens may end before any
  // content: its thought is its first token, and the answer still answered.
  return (part === "delta" || content === null) && typeof reasoning === "string" ? reasoning : undefined;
}

/** The text one streamed chunk carries ("" for none, e.g. a chat stream's opening role-only chunk). */
export function chunkText(route: SmokeRoute, chunk: unknown): string {
  return choiceText(route, chunk, "delta") ?? "";
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** The reply a whole stream carries; undefined when the text holds no event at all. */
export function streamedReply(route: SmokeRoute, text: string): StreamedReply | undefined {
  const data = sseData(text.endsWith("\n\n") ? text : `${text}\n\n`);
  if (data.length === 0) return undefined;
  const chunks = data.filter((d) => d.trim() !== "[DONE]").map(parse);
  const pieces = chunks.map((c) => chunkText(route, c)).filter((p) => p !== "");
  const usage = chunks
    .map((c) => (c as { usage?: { completion_tokens?: unknown } } | undefined)?.usage?.completion_tokens)
    .findLast((t) => typeof t === "number");
  const done = data.length > chunks.length;
  return { text: pieces.join(""), outputTokens: typeof usage === "number" ? usage : pieces.length, done };
}

/**
 * Watches a stream arrive piece by piece and says when the first token did: the first event that
 * carries text (a chat stream's opening role-only chunk does not count).
 */
export function firstTokenWatch(route: SmokeRoute): (piece: string) => boolean {
  let buffer = "";
  let seen = false;
  return (piece) => {
    if (seen) return false;
    buffer += piece;
    seen = sseData(buffer).some((d) => chunkText(route, parse(d)) !== "");
    return seen;
  };
}

/** Output tokens over the request's whole time (first token included): the rate a caller sees. */
export function tokensPerSecond(outputTokens: number, latencyMs: number): number | undefined {
  if (outputTokens <= 0 || latencyMs <= 0) return undefined;
  return Math.round((outputTokens / (latencyMs / 1000)) * 10) / 10;
}

export interface SmokeGates {
  /** Text the reply must contain, case-sensitive (`smoke-test-expect`). */
  expect?: string;
  /** The longest acceptable time to first token (`smoke-test-max-ttft-ms`). */
  maxTtftMs?: number;
}

/** Which gate a passing answer still fails and why, or undefined when it meets them. */
export function missedGate(
  gates: SmokeGates,
  got: { reply: string; ttftMs: number | undefined },
  show: (reply: string) => string,
): { check: "expect" | "max-ttft"; message: string } | undefined {
  if (gates.expect !== undefined && gates.expect !== "" && !got.reply.includes(gates.expect)) {
    const message = `the reply does not contain the smoke-test-expect text ${JSON.stringify(gates.expect)} (reply: ${show(got.reply)})`;
    return { check: "expect", message };
  }
  if (gates.maxTtftMs === undefined) return undefined;
  if (got.ttftMs === undefined) {
    const message =
      "the endpoint did not stream its answer, so the time to first token could not be checked against smoke-test-max-ttft-ms";
    return { check: "max-ttft", message };
  }
  if (got.ttftMs > gates.maxTtftMs) {
    const message = `the first token came after ${Math.round(got.ttftMs)} ms, over smoke-test-max-ttft-ms (${gates.maxTtftMs} ms)`;
    return { check: "max-ttft", message };
  }
  return undefined;
}
