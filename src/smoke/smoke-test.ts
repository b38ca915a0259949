// The smoke test: after RUNNING, one small inference request proves the endpoint answers.
// A fresh engine answers 503 (and a busy one 429) for a while after Friendli reports RUNNING, so
// those are retried through a short warm-up window; everything else fails at once with what came
// back. A model without a chat template cannot serve the chat route at all, so that one error
// switches to the completions route instead of failing. The answer is streamed, so the test also
// measures the time to first token and the output rate, and can gate on them and on the reply.
// The loop is short: what each attempt's answer means is decided by pure pieces in ./smoke/
// (decide.ts: retry, wait, fall back or fail; answer.ts: the reply, its gates and measures).
import type { Clock } from "../base/clock.ts";
import { formatDuration, truncate } from "../base/format.ts";
import type { Logger } from "../base/log.ts";
import { redact } from "../base/redact.ts";
import { SMOKE_WARMUP_MS } from "../base/timing.ts";
import type { FriendliClient, RawResponse } from "../friendli/client.ts";
import { errorDetail } from "../friendli/error-body.ts";
import { ApiError, abortedError } from "../friendli/errors.ts";
import { type SmokeRoute, smokePath } from "../friendli/route.ts";
import { judgeAnswer } from "./answer.ts";
import {
  afterAttempt,
  attemptsText,
  deadlineFailure,
  type SmokeFailure,
  type SmokeOutcome,
  type Smoking,
} from "./decide.ts";
import { describeMeasure } from "./measure.ts";
import { bodyText, MAX_DETAIL } from "./reply.ts";
import { firstTokenWatch } from "./stream.ts";

const DEFAULT_WARMUP_MS = SMOKE_WARMUP_MS;
const DEFAULT_MAX_TOKENS = 16;

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

interface SmokeTestOptions {
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

export async function smokeTest(opts: SmokeTestOptions): Promise<SmokeTestResult> {
  const { client, endpointId, clock, signal, deadlineMs, log } = opts;
  const warmupMs = opts.warmupMs ?? DEFAULT_WARMUP_MS;
  const maxTokens = opts.maxTokens ?? DEFAULT_MAX_TOKENS;
  const clean = (s: string) => redact(s, client.http.secrets);
  const send = sender(opts, maxTokens);
  const windowEnd = clock.now() + warmupMs;
  let s: Smoking = { route: opts.route ?? "chat", fellBack: "", attempt: 0, total: 0 };
  const fail = (step: SmokeFailure): SmokeTestResult => {
    const message = clean(`smoke test failed: ${s.fellBack}${step.message}`);
    return step.status === undefined ? { ok: false, message } : { ok: false, message, status: step.status };
  };

  log.info(
    `Smoke test: POST ${smokePath(s.route)} (model ${endpointId}, max_tokens ${maxTokens}${(opts.stream ?? true) ? ", streamed" : ""}), warm-up window ${formatDuration(warmupMs, { tenths: true })}`,
  );
  for (;;) {
    // Cancellation is not a smoke-test verdict: the caller reports the run as cancelled.
    if (signal.aborted) throw abortedError(s.route, signal.reason, "smoke test");
    if (clock.now() >= deadlineMs) return fail(deadlineFailure(s));
    s = { ...s, attempt: s.attempt + 1, total: s.total + 1 };
    const startedAt = clock.now();
    const sent = await send(s.route);
    if ("answer" in sent && sent.answer.status >= 200 && sent.answer.status < 300) {
      const { status, body } = sent.answer;
      const a = {
        route: s.route,
        status,
        body,
        startedAt,
        finishedAt: clock.now(),
        firstTokenAt: sent.firstTokenAt,
      };
      const verdict = judgeAnswer(a, opts, clean);
      if (verdict.kind === "fail") return fail(verdict);
      const { latencyMs, reply, measured } = verdict;
      log.info(
        `Smoke test passed: ${s.route} answered ${status} in ${Math.round(latencyMs)} ms after ${attemptsText(s.total)}${describeMeasure(measured)}`,
      );
      return { ok: true, latencyMs, reply, route: s.route, ...measured };
    }
    const got: SmokeOutcome = "error" in sent ? sent.error : outcomeOf(sent.answer, clean);
    const step = afterAttempt(s, got, {
      now: clock.now(),
      windowEnd,
      warmupMs,
      deadlineMs,
      random: () => clock.random(),
    });
    if (step.kind === "fail") return fail(step);
    log.info(step.note);
    s = step.next;
    if (step.kind === "retry") {
      log.debug(step.debug);
      try {
        await clock.sleep(step.waitMs, signal);
      } catch (err) {
        throw abortedError(s.route, err, "smoke test");
      }
    }
  }
}

type Sent =
  | { answer: RawResponse; firstTokenAt?: number }
  | { error: Extract<SmokeOutcome, { kind: "error" }> };

/**
 * Sends one request on a route, watching for its first token. Each is sent once (retry "never"):
 * the loop decides what a 503 from a warming engine means. Errors other than a request's failure
 * (cancellation, a bug) are thrown.
 */
function sender(opts: SmokeTestOptions, maxTokens: number): (route: SmokeRoute) => Promise<Sent> {
  const { client, endpointId, prompt, clock } = opts;
  const streaming = (opts.stream ?? true) ? { stream: true, stream_options: { include_usage: true } } : {};
  return async (route) => {
    let firstTokenAt: number | undefined;
    const watch = firstTokenWatch(route);
    const onChunk = (piece: string) => {
      if (firstTokenAt === undefined && watch(piece)) firstTokenAt = clock.now();
    };
    try {
      const answer =
        route === "chat"
          ? await client.chat(
              {
                model: endpointId,
                messages: [{ role: "user", content: prompt }],
                max_tokens: maxTokens,
                ...streaming,
              },
              onChunk,
            )
          : await client.completions(
              { model: endpointId, prompt, max_tokens: maxTokens, ...streaming },
              onChunk,
            );
      return { answer, firstTokenAt };
    } catch (err) {
      if (!(err instanceof ApiError) || err.kind === "aborted") throw err;
      return { error: { kind: "error", errorKind: err.kind, message: err.message, status: err.status } };
    }
  };
}

/** A non-2xx answer as the decision sees it: the server's detail redacted and cut. */
function outcomeOf(answer: RawResponse, clean: (s: string) => string): SmokeOutcome {
  const d = errorDetail(bodyText(answer.body));
  const detail = d === undefined ? undefined : truncate(clean(d), MAX_DETAIL, { ellipsisAfter: true });
  return { kind: "answer", status: answer.status, detail, retryAfter: answer.retryAfter };
}
