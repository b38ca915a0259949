// What a 2xx answer means: a reply (measured, and through the gates) or a failure that says why
// not. Pure: the loop passes the answer, when it was sent and when its first token came, and a
// redactor for the token.

import { oneLine } from "../base/format.ts";
import { neutralise } from "../base/safe-text.ts";
import type { SmokeRoute } from "../friendli/route.ts";
import { smokePath } from "../friendli/route.ts";
import { type Measured, measure } from "./measure.ts";
import { bodyText, excerpt, MAX_DETAIL, replyText } from "./reply.ts";
import { missedGate, type SmokeGates, streamedReply } from "./stream.ts";

export interface SmokeAnswer {
  route: SmokeRoute;
  status: number;
  body: unknown;
  /** Clock times: the request sent, the answer complete, the first token (if it streamed one). */
  startedAt: number;
  finishedAt: number;
  firstTokenAt?: number;
}

export type SmokeVerdict =
  | { kind: "fail"; message: string; status: number }
  | { kind: "pass"; latencyMs: number; reply: string; measured: Measured };

/** `clean` takes the secrets out of a text; every piece of the model's text goes through it. */
export function judgeAnswer(a: SmokeAnswer, gates: SmokeGates, clean: (s: string) => string): SmokeVerdict {
  const streamed = typeof a.body === "string" ? streamedReply(a.route, a.body) : undefined;
  const text = streamed ? streamed.text : replyText(a.route, a.body);
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
  if (gate) return { kind: "fail", message: gate, status: a.status };
  return { kind: "pass", latencyMs, reply, measured: measure(streamed?.outputTokens, ttftMs, latencyMs) };
}
