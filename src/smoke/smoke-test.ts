// The smoke test: after RUNNING, one small streamed inference request proves the endpoint answers
// and measures it. A fresh engine answers 503 (a busy one 429) for a while after RUNNING, so those
// are retried through a short warm-up window; a model without a chat template falls back to the
// completions route; anything else fails at once, as the pure pieces beside it decide.
import { askAgain } from "../base/backoff.ts";
import type { Clock } from "../base/clock.ts";
import { formatDuration, truncate } from "../base/format.ts";
import type { Logger } from "../base/log.ts";
import { redact } from "../base/redact.ts";
import { SMOKE_WARMUP_MS } from "../base/timing.ts";
import type { FriendliClient } from "../friendli/client.ts";
import { errorDetail } from "../friendli/error-body.ts";
import { ApiError, abortedError } from "../friendli/errors.ts";
import { type SmokeRoute, smokePath } from "../friendli/route.ts";
import {
  bodyText,
  describeMeasure,
  judgeAnswer,
  MAX_DETAIL,
  type Measured,
  type SmokeAnswer,
  type SmokeCheck,
} from "./answer.ts";
import {
  afterAttempt,
  attemptsText,
  deadlineFailure,
  type SmokeFailure,
  type SmokeOutcome,
  type Smoking,
} from "./decide.ts";
import { firstTokenWatch, type SmokeGates } from "./stream.ts";

const DEFAULT_MAX_TOKENS = 16;

export type SmokeTestResult =
  | ({ ok: true; latencyMs: number; reply: string; route: SmokeRoute } & Measured)
  | { ok: false; message: string; status?: number; check: SmokeCheck };

interface SmokeTestOptions extends SmokeGates {
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
}

export async function smokeTest(opts: SmokeTestOptions): Promise<SmokeTestResult> {
  const { client, endpointId, clock, signal, deadlineMs, log } = opts;
  const warmupMs = opts.warmupMs ?? SMOKE_WARMUP_MS;
  const maxTokens = opts.maxTokens ?? DEFAULT_MAX_TOKENS;
  const clean = (s: string) => redact(s, client.http.secrets);
  const send = sender(opts, maxTokens, clean);
  const windowEnd = clock.now() + warmupMs;
  let s: Smoking = { route: opts.route ?? "chat", fellBack: "", attempt: 0, total: 0 };
  // Every failure but a missed gate is the first check's: no usable reply within the window.
  const fail = (f: SmokeFailure & { check?: SmokeCheck }): { done: SmokeTestResult } => {
    const message = clean(`smoke test failed: ${s.fellBack}${f.message}`);
    const status = f.status === undefined ? {} : { status: f.status };
    return { done: { ok: false, message, check: f.check ?? "answer", ...status } };
  };

  log.info(
    `Smoke test: POST ${smokePath(s.route)} (model ${endpointId}, max_tokens ${maxTokens}${(opts.stream ?? true) ? ", streamed" : ""}), warm-up window ${formatDuration(warmupMs, { tenths: true })}`,
  );
  return askAgain<SmokeTestResult>({
    clock,
    signal,
    // Cancellation is not a smoke-test verdict: the caller reports the run as cancelled.
    aborted: (reason) => {
      throw abortedError(s.route, reason, "smoke test");
    },
    round: async () => {
      if (clock.now() >= deadlineMs) return fail(deadlineFailure(s));
      s = { ...s, attempt: s.attempt + 1, total: s.total + 1 };
      const sent = await send(s.route);
      if ("ok" in sent) {
        const verdict = judgeAnswer(sent.ok, opts, clean);
        if (verdict.kind === "fail") return fail(verdict);
        const { latencyMs, reply, measured } = verdict;
        log.info(
          `Smoke test passed: ${s.route} answered ${sent.ok.status} in ${Math.round(latencyMs)} ms after ${attemptsText(s.total)}${describeMeasure(measured)}`,
        );
        return { done: { ok: true, latencyMs, reply, route: s.route, ...measured } };
      }
      const times = { now: clock.now(), windowEnd, warmupMs, deadlineMs, random: () => clock.random() };
      const step = afterAttempt(s, sent.miss, times);
      if (step.kind === "fail") return fail(step);
      log.info(step.note);
      s = step.next;
      if (step.kind === "fallback") return {};
      log.debug(step.debug);
      return { waitMs: step.waitMs };
    },
  });
}

/**
 * Sends one request on a route, watching for its first token: a 2xx answer to judge, or what the
 * miss was. Each is sent once (retry "never"): the loop decides what a 503 from a warming engine
 * means. Errors other than a request's failure (cancellation, a bug) are thrown.
 */
function sender(opts: SmokeTestOptions, maxTokens: number, clean: (s: string) => string) {
  const { client, endpointId, prompt, clock } = opts;
  const streaming = (opts.stream ?? true) ? { stream: true, stream_options: { include_usage: true } } : {};
  return async (route: SmokeRoute): Promise<{ ok: SmokeAnswer } | { miss: SmokeOutcome }> => {
    let firstTokenAt: number | undefined;
    const watch = firstTokenWatch(route);
    const onChunk = (piece: string) => {
      if (firstTokenAt === undefined && watch(piece)) firstTokenAt = clock.now();
    };
    const startedAt = clock.now();
    const input = route === "chat" ? { messages: [{ role: "user", content: prompt }] } : { prompt };
    try {
      const { status, body, retryAfter } = await client[route](
        { model: endpointId, ...input, max_tokens: maxTokens, ...streaming },
        onChunk,
      );
      if (status >= 200 && status < 300) {
        return { ok: { route, status, body, startedAt, finishedAt: clock.now(), firstTokenAt } };
      }
      // The server's detail, redacted and cut, is what the decision quotes.
      const d = errorDetail(bodyText(body));
      const detail = d === undefined ? undefined : truncate(clean(d), MAX_DETAIL, { ellipsisAfter: true });
      return { miss: { kind: "answer", status, detail, retryAfter } };
    } catch (err) {
      if (!(err instanceof ApiError) || err.kind === "aborted") throw err;
      return { miss: { kind: "error", errorKind: err.kind, message: err.message, status: err.status } };
    }
  };
}
