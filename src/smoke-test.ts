// The smoke test: after RUNNING, one small inference request proves the endpoint answers.
// A fresh engine answers 503 (and a busy one 429) for a while after Friendli reports RUNNING, so
// those are retried through a short warm-up window; everything else fails at once with what came
// back. A model without a chat template cannot serve the chat route at all, so that one error
// switches to the completions route instead of failing. The answer is streamed, so the test also
// measures the time to first token and the output rate, and can gate on them and on the reply.
import type { Clock } from "./clock.ts";
import { truncate } from "./format.ts";
import { CHAT_PATH, COMPLETIONS_PATH, type FriendliClient, type RawResponse } from "./friendli/client.ts";
import { errorDetail, oneLine } from "./friendli/error-body.ts";
import { ApiError, abortedError } from "./friendli/errors.ts";
import { redact } from "./friendli/redact.ts";
import { backoffDelay, formatSeconds, parseRetryAfter } from "./friendli/retry.ts";
import type { Logger } from "./log.ts";
import { statusAdvice } from "./operations/advice.ts";
import { neutralise } from "./report/safe-text.ts";
import { firstTokenWatch, missedGate, streamedReply, tokensPerSecond } from "./smoke-stream.ts";
import { SMOKE_BACKOFF, SMOKE_MIN_WAIT_MS, SMOKE_WARMUP_MS } from "./timing.ts";

const DEFAULT_WARMUP_MS = SMOKE_WARMUP_MS;
export const DEFAULT_MAX_TOKENS = 16;
/** How much of the reply goes into the summary. */
export const REPLY_CHARS = 200;

const BACKOFF = SMOKE_BACKOFF;
const MIN_WAIT_MS = SMOKE_MIN_WAIT_MS;
const MAX_DETAIL = 300;

export type SmokeRoute = "chat" | "completions";

export type SmokeTestResult =
  | {
      ok: true;
      latencyMs: number;
      reply: string;
      route: SmokeRoute;
      /** From sending the request to the first token; absent when the endpoint did not stream. */
      ttftMs?: number;
      outputTokens?: number;
      /** Output tokens over the whole request's time, first token included. */
      tokensPerSecond?: number;
    }
  | { ok: false; message: string; status?: number };

export interface SmokeTestOptions {
  client: FriendliClient;
  endpointId: string;
  prompt: string;
  clock: Clock;
  signal: AbortSignal;
  /** Absolute clock time by which the whole run must be over. */
  deadlineMs: number;
  log: Logger;
  /** How long 503/429 (and transport errors) are retried, from the first request. */
  warmupMs?: number;
  maxTokens?: number;
  /** The route to try first (the pre-flight knows whether the model has a chat template). Default chat. */
  route?: SmokeRoute;
  /** Stream the answer and measure it. Default true. */
  stream?: boolean;
  /** Text the reply must contain (`smoke-test-expect`). */
  expect?: string;
  /** The longest acceptable time to first token (`smoke-test-max-ttft-ms`). */
  maxTtftMs?: number;
}

const PATHS: Record<SmokeRoute, string> = { chat: CHAT_PATH, completions: COMPLETIONS_PATH };

/** 429 and the gateway-ish 5xx are what a warming engine answers; 501/505 will never change. */
function isTransientStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return "";
  return typeof body === "string" ? body : JSON.stringify(body);
}

/**
 * Friendli's wording is not documented; the simulator says "no chat_template". Any 4xx that names
 * the chat template counts, and a 400/422 that mentions a template at all, so a rephrased message
 * still falls back rather than failing a deploy of a perfectly good base model.
 */
export function saysNoChatTemplate(status: number, detail: string | undefined): boolean {
  if (status < 400 || status >= 500 || status === 401 || status === 403 || status === 429) return false;
  if (detail === undefined) return false;
  if (/chat[\s_-]?template/i.test(detail)) return true;
  return (status === 400 || status === 422) && /template/i.test(detail);
}

/** The reply text of an OpenAI-shaped chat.completion or text_completion; undefined if absent. */
export function replyText(route: SmokeRoute, body: unknown): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const choices = (body as { choices?: unknown }).choices;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  const first = choices[0] as Record<string, unknown> | null;
  if (first === null || typeof first !== "object") return undefined;
  if (route === "completions") return typeof first.text === "string" ? first.text : undefined;
  const message = first.message as Record<string, unknown> | null | undefined;
  if (message === null || typeof message !== "object") return undefined;
  const content = message.content;
  if (typeof content === "string") return content;
  // The newer OpenAI shape: an array of typed parts.
  if (Array.isArray(content)) {
    const texts = content
      .map((p) => (p && typeof p === "object" ? (p as { text?: unknown }).text : undefined))
      .filter((t): t is string => typeof t === "string");
    if (texts.length > 0) return texts.join("");
  }
  // A reasoning model may spend a tiny max_tokens before any content; it still answered.
  if (content === null && typeof message.reasoning_content === "string") return message.reasoning_content;
  return undefined;
}

/** Trimmed, then cut by code point (never through a surrogate pair), without a space before the '…'. */
export function excerpt(text: string, max = REPLY_CHARS): string {
  return truncate(text.trim(), max, { ellipsisAfter: true, trimCut: true });
}

export async function smokeTest(opts: SmokeTestOptions): Promise<SmokeTestResult> {
  const { client, endpointId, prompt, clock, signal, deadlineMs, log } = opts;
  const warmupMs = opts.warmupMs ?? DEFAULT_WARMUP_MS;
  const maxTokens = opts.maxTokens ?? DEFAULT_MAX_TOKENS;
  const clean = (s: string) => redact(s, client.http.secrets);
  const detailOf = (a: RawResponse): string | undefined => {
    const d = errorDetail(bodyText(a.body));
    if (d === undefined) return undefined;
    return truncate(clean(d), MAX_DETAIL, { ellipsisAfter: true });
  };
  const said = (a: RawResponse) => {
    const d = detailOf(a);
    return d ? `${a.status} (${d})` : String(a.status);
  };

  const stream = opts.stream ?? true;
  const streaming = stream ? { stream: true, stream_options: { include_usage: true } } : {};
  const bodyFor = (route: SmokeRoute) =>
    route === "chat"
      ? {
          model: endpointId,
          messages: [{ role: "user", content: prompt }],
          max_tokens: maxTokens,
          ...streaming,
        }
      : { model: endpointId, prompt, max_tokens: maxTokens, ...streaming };

  // When the first token of the current attempt arrived (clock time), if it has.
  let firstTokenAt: number | undefined;
  // Sent once each (retry "never"): this loop decides what a 503 from a warming engine means.
  const post = (route: SmokeRoute): Promise<RawResponse> => {
    firstTokenAt = undefined;
    const watch = firstTokenWatch(route);
    const onChunk = (piece: string) => {
      if (firstTokenAt === undefined && watch(piece)) firstTokenAt = clock.now();
    };
    const body = bodyFor(route);
    return route === "chat" ? client.chat(body, onChunk) : client.completions(body, onChunk);
  };

  const windowEnd = clock.now() + warmupMs;
  let route: SmokeRoute = opts.route ?? "chat";
  // Why chat was abandoned, so a failure of completions explains how it got there.
  let fellBack = "";
  let attempt = 0;
  let total = 0;
  let last: { text: string; status?: number } | undefined;

  const fail = (message: string, status?: number): SmokeTestResult => {
    const full = clean(`smoke test failed: ${fellBack}${message}`);
    return status === undefined ? { ok: false, message: full } : { ok: false, message: full, status };
  };
  const attempts = () => `${total} attempt${total === 1 ? "" : "s"}`;

  log.info(
    `Smoke test: POST ${PATHS[route]} (model ${endpointId}, max_tokens ${maxTokens}${stream ? ", streamed" : ""}), warm-up window ${formatSeconds(warmupMs)}`,
  );

  for (;;) {
    // Cancellation is not a smoke-test verdict: the caller reports the run as cancelled.
    if (signal.aborted) throw abortedError(route, signal.reason, "smoke test");
    if (clock.now() >= deadlineMs) {
      return fail(
        `the run's deadline passed before POST ${PATHS[route]} answered${last ? `; last: ${last.text}` : ""} (${attempts()})`,
        last?.status,
      );
    }
    attempt++;
    total++;
    const startedAt = clock.now();
    let answer: RawResponse;
    try {
      answer = await post(route);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.kind === "aborted") throw err;
      if (err.kind === "deadline") return fail(`${err.message} (${attempts()})`, last?.status);
      // A connection refused or reset while the engine's pods are swapped in is as transient as a
      // 503; a refused redirect or an untrusted certificate is not.
      if (err.kind !== "not-sent" && err.kind !== "ambiguous") return fail(err.message, err.status);
      last = { text: err.message };
      const stop = await waitBeforeRetry(undefined, "a network error");
      if (stop) return stop;
      continue;
    }
    const finishedAt = clock.now();

    if (answer.status >= 200 && answer.status < 300) {
      const streamed = typeof answer.body === "string" ? streamedReply(route, answer.body) : undefined;
      const text = streamed ? streamed.text : replyText(route, answer.body);
      if (text === undefined) {
        const got = clean(oneLine(bodyText(answer.body)));
        return fail(
          `POST ${PATHS[route]} answered ${answer.status} with a body that has no ${route === "chat" ? "choices[0].message.content" : "choices[0].text"}: ${excerpt(got, MAX_DETAIL) || "(empty)"}`,
          answer.status,
        );
      }
      const latencyMs = finishedAt - startedAt;
      // Redact before cutting: a cut could leave half a secret that no longer matches.
      // The reply is the model's text: neutralised, so no line of it can act as a workflow command.
      const reply = excerpt(neutralise(clean(text)));
      const ttftMs = firstTokenAt === undefined ? undefined : firstTokenAt - startedAt;
      const gate = missedGate(opts, { reply: text, ttftMs }, (t) =>
        JSON.stringify(excerpt(neutralise(clean(oneLine(t))), 80)),
      );
      if (gate) return fail(gate, answer.status);
      const measured = measure(streamed?.outputTokens, ttftMs, latencyMs);
      log.info(
        `Smoke test passed: ${route} answered ${answer.status} in ${Math.round(latencyMs)} ms after ${attempts()}${describeMeasure(measured)}`,
      );
      return { ok: true, latencyMs, reply, route, ...measured };
    }

    if (route === "chat" && saysNoChatTemplate(answer.status, detailOf(answer))) {
      log.info(
        `Smoke test: chat answered ${said(answer)}; the model has no chat template, trying POST ${COMPLETIONS_PATH}`,
      );
      fellBack = `the model has no chat template (chat answered ${answer.status}), and `;
      route = "completions";
      attempt = 0;
      last = undefined;
      continue;
    }

    if (!isTransientStatus(answer.status)) {
      return fail(`POST ${PATHS[route]} answered ${said(answer)}${hintFor(answer.status)}`, answer.status);
    }
    last = { text: said(answer), status: answer.status };
    const stop = await waitBeforeRetry(answer, String(answer.status));
    if (stop) return stop;
  }

  /** Sleeps before the next attempt, or says why there will be none. */
  async function waitBeforeRetry(
    answer: RawResponse | undefined,
    reason: string,
  ): Promise<SmokeTestResult | undefined> {
    const now = clock.now();
    const lastText = last?.text ?? reason;
    if (now >= windowEnd) {
      return fail(
        `POST ${PATHS[route]} still answered ${lastText} after the ${formatSeconds(warmupMs)} warm-up window (${attempts()})`,
        last?.status,
      );
    }
    const retryAfterMs = parseRetryAfter(answer?.retryAfter, now);
    const wanted = retryAfterMs ?? backoffDelay(attempt, () => clock.random(), BACKOFF);
    // The window bounds the wait, so the last attempt lands on its end rather than being skipped.
    const wait = Math.min(Math.max(wanted, MIN_WAIT_MS), windowEnd - now);
    if (now + wait >= deadlineMs) {
      return fail(
        `POST ${PATHS[route]} answered ${lastText}, and the run's deadline leaves no time to try again (${attempts()})`,
        last?.status,
      );
    }
    log.info(
      `Smoke test (${route}): attempt ${total + 1} after ${reason}, waiting ${formatSeconds(wait)}${retryAfterMs !== undefined ? " (Retry-After)" : ""}; warm-up window ends in ${formatSeconds(windowEnd - now)}`,
    );
    if (last) log.debug(`Smoke test (${route}): attempt ${total}: ${last.text}`);
    try {
      await clock.sleep(wait, signal);
    } catch (err) {
      throw abortedError(route, err, "smoke test");
    }
    return undefined;
  }
}

interface Measured {
  ttftMs?: number;
  outputTokens?: number;
  tokensPerSecond?: number;
}

function measure(outputTokens: number | undefined, ttftMs: number | undefined, latencyMs: number): Measured {
  const m: Measured = {};
  if (ttftMs !== undefined) m.ttftMs = ttftMs;
  if (outputTokens !== undefined) {
    m.outputTokens = outputTokens;
    const rate = tokensPerSecond(outputTokens, latencyMs);
    if (rate !== undefined) m.tokensPerSecond = rate;
  }
  return m;
}

function describeMeasure(m: Measured): string {
  const parts = [
    m.ttftMs !== undefined ? `first token after ${Math.round(m.ttftMs)} ms` : undefined,
    m.outputTokens !== undefined ? `${m.outputTokens} output tokens` : undefined,
    m.tokensPerSecond !== undefined ? `${m.tokensPerSecond} tokens/s` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function hintFor(status: number): string {
  const advice = statusAdvice(status, "inference");
  return advice ? `: ${advice}` : "";
}
