// What a 2xx answer means: a reply (measured, and through the gates) or a failure that says why
// not; and the excerpts of replies and error bodies that the messages quote. Pure: the loop passes
// the answer, when it was sent and when its first token came, and a redactor for the token.
import { oneLine, truncate } from "../base/format.ts";
import { neutralise } from "../base/safe-text.ts";
import type { SmokeRoute } from "../friendli/route.ts";
import { smokePath } from "../friendli/route.ts";
import { choiceText, missedGate, type SmokeGates, streamedReply, tokensPerSecond } from "./stream.ts";

/** How much of the reply goes into the summary. */
const REPLY_CHARS = 200;
/** How much of an error detail or an unexpected body a message quotes. */
export const MAX_DETAIL = 300;

export interface SmokeAnswer {
  route: SmokeRoute;
  status: number;
  body: unknown;
  /** Clock times: the request sent, the answer complete, the first token (if it streamed one). */
  startedAt: number;
  finishedAt: number;
  firstTokenAt?: number;
}

export interface Measured {
  /** From sending the request to the first token; absent when the endpoint did not stream. */
  ttftMs?: number;
  outputTokens?: number;
  /** Output tokens over the whole request's time, first token included. */
  tokensPerSecond?: number;
}

/** The smoke test's checks: a reply within its window, `smoke-test-expect`, `smoke-test-max-ttft-ms`. */
export type SmokeCheck = "answer" | "expect" | "max-ttft";

export type SmokeVerdict =
  | { kind: "fail"; message: string; status: number; check?: SmokeCheck }
  | { kind: "pass"; latencyMs: number; reply: string; measured: Measured };

/** `clean` takes the secrets out of a text; every piece of the model's text goes through it. */
export function judgeAnswer(a: SmokeAnswer, gates: SmokeGates, clean: (s: string) => string): SmokeVerdict {
  const streamed = typeof a.body === "string" ? streamedReply(a.route, a.body) : undefined;
  const text = streamed ? streamed.text : choiceText(a.route, a.body, "message");
  if (text === undefined) {
    const got = clean(oneLine(bodyText(a.body)));
    const field = a.route === "chat" ? "choices[0].message.content" : "choices[0].text";
    return {
      kind: "fail",
      message: `POST ${smokePath(a.route)} answered ${a.status} with a body that has no ${field}: ${excerpt(got, MAX_DETAIL) || "(empty)"}`,
      status: a.status,
    };
  }
  const latencyMs = a.finishedAt - a.startedAt;
  // Redact before cutting: a cut could leave half a secret that no longer matches.
  // The reply is the model's text: neutralised, so no line of it can act as a workflow command.
  const reply = excerpt(neutralise(clean(text)));
  const ttftMs = a.firstTokenAt === undefined ? undefined : a.firstTokenAt - a.startedAt;
  const gate = missedGate(gates, { reply: text, ttftMs }, (t) =>
    JSON.stringify(excerpt(neutralise(clean(oneLine(t))), 80)),
  );
  if (gate) return { kind: "fail", ...gate, status: a.status };
  return { kind: "pass", latencyMs, reply, measured: measure(streamed?.outputTokens, ttftMs, latencyMs) };
}

/** Only what was measured: a plain (unstreamed) answer has no first token and no token count. */
export function measure(
  outputTokens: number | undefined,
  ttftMs: number | undefined,
  latencyMs: number,
): Measured {
  const rate = outputTokens === undefined ? undefined : tokensPerSecond(outputTokens, latencyMs);
  return {
    ...(ttftMs === undefined ? {} : { ttftMs }),
    ...(outputTokens === undefined ? {} : { outputTokens }),
    ...(rate === undefined ? {} : { tokensPerSecond: rate }),
  };
}

/** " (first token after 240 ms, 12 output tokens, 40 tokens/s)", or "" when nothing was measured. */
export function describeMeasure(m: Measured): string {
  const parts = [
    m.ttftMs !== undefined ? `first token after ${Math.round(m.ttftMs)} ms` : undefined,
    m.outputTokens !== undefined ? `${m.outputTokens} output tokens` : undefined,
    m.tokensPerSecond !== undefined ? `${m.tokensPerSecond} tokens/s` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

export function bodyText(body: unknown): string {
  if (body === undefined || body === null) return "";
  return typeof body === "string" ? body : JSON.stringify(body);
}

/** Trimmed, then cut by code point (never through a surrogate pair), without a space before the '…'. */
export function excerpt(text: string, max = REPLY_CHARS): string {
  return truncate(text.trim(), max, { ellipsisAfter: true, trimCut: true });
}
