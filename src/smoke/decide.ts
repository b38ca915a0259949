// What the smoke test does after an attempt that did not pass: fail (with what message), switch
// from chat to completions, or try again (after how long). Pure: ./smoke-test.ts hands over where
// it stands and what came back, and applies the step it gets.

import { backoffDelay } from "../base/backoff.ts";
import { formatDuration } from "../base/format.ts";
import { SMOKE_BACKOFF, SMOKE_MIN_WAIT_MS } from "../base/timing.ts";
import { statusAdvice } from "../friendli/advice.ts";
import { COMPLETIONS_PATH } from "../friendli/client.ts";
import type { FailureKind } from "../friendli/errors.ts";
import { parseRetryAfter } from "../friendli/retry.ts";
import { type SmokeRoute, smokePath } from "../friendli/route.ts";

/** What the loop carries from one attempt to the next. */
export interface Smoking {
  route: SmokeRoute;
  /** Why chat was abandoned, so a failure of completions explains how it got there. */
  fellBack: string;
  /** Attempts on the current route: the backoff grows with these, and starts over on completions. */
  attempt: number;
  /** Attempts on any route, for the messages. */
  total: number;
  /** What the last failed attempt got, for the message that gives up. */
  last?: { text: string; status?: number };
}

/** The times a decision weighs (clock times, ms). */
export interface SmokeTimes {
  now: number;
  /** End of the warm-up window: no retry starts after it. */
  windowEnd: number;
  warmupMs: number;
  deadlineMs: number;
  /** Jitter for the backoff; called only when the server did not say how long to wait. */
  random: () => number;
}

/**
 * What an attempt that did not pass got: a non-2xx answer (`detail`: the server's, already redacted
 * and cut), or a request error (never "aborted").
 */
export type SmokeOutcome =
  | { kind: "answer"; status: number; detail?: string; retryAfter?: string }
  | { kind: "error"; errorKind: FailureKind; message: string; status?: number };

/** The message goes after "smoke test failed: " and the fall-back reason. */
export type SmokeFailure = { kind: "fail"; message: string; status?: number };

type SmokeStep =
  | SmokeFailure
  | { kind: "fallback"; next: Smoking; note: string }
  | { kind: "retry"; next: Smoking; waitMs: number; note: string; debug: string };

/** 429 and the gateway-ish 5xx are what a warming engine answers; 501/505 will never change. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501 && status !== 505);
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

export function attemptsText(total: number): string {
  return `${total} attempt${total === 1 ? "" : "s"}`;
}

const fail = (message: string, status?: number): SmokeFailure => ({ kind: "fail", message, status });

/** The failure when the run's deadline has come before the next attempt. */
export function deadlineFailure(s: Smoking): SmokeFailure {
  const last = s.last ? `; last: ${s.last.text}` : "";
  const path = smokePath(s.route);
  return fail(
    `the run's deadline passed before POST ${path} answered${last} (${attemptsText(s.total)})`,
    s.last?.status,
  );
}

export function afterAttempt(s: Smoking, got: SmokeOutcome, t: SmokeTimes): SmokeStep {
  if (got.kind === "error") {
    if (got.errorKind === "deadline")
      return fail(`${got.message} (${attemptsText(s.total)})`, s.last?.status);
    // A connection refused or reset while the engine's pods are swapped in is as transient as a
    // 503; a refused redirect or an untrusted certificate is not.
    if (got.errorKind !== "not-sent" && got.errorKind !== "ambiguous") return fail(got.message, got.status);
    return retryStep({ ...s, last: { text: got.message } }, undefined, "a network error", t);
  }
  const said = got.detail ? `${got.status} (${got.detail})` : String(got.status);
  if (s.route === "chat" && saysNoChatTemplate(got.status, got.detail)) {
    const fellBack = `the model has no chat template (chat answered ${got.status}), and `;
    return {
      kind: "fallback",
      next: { route: "completions", fellBack, attempt: 0, total: s.total },
      note: `Smoke test: chat answered ${said}; the model has no chat template, trying POST ${COMPLETIONS_PATH}`,
    };
  }
  if (!isTransientStatus(got.status)) {
    const advice = statusAdvice(got.status, "inference");
    return fail(`POST ${smokePath(s.route)} answered ${said}${advice ? `: ${advice}` : ""}`, got.status);
  }
  return retryStep({ ...s, last: { text: said, status: got.status } }, got.retryAfter, String(got.status), t);
}

/** Another attempt after a wait, or why there will be none. `s.last` is what this attempt got. */
function retryStep(s: Smoking, retryAfter: string | undefined, reason: string, t: SmokeTimes): SmokeStep {
  const path = smokePath(s.route);
  const lastText = s.last?.text ?? reason;
  const attempts = attemptsText(s.total);
  const warmup = formatDuration(t.warmupMs, { tenths: true });
  if (t.now >= t.windowEnd) {
    return fail(
      `POST ${path} still answered ${lastText} after the ${warmup} warm-up window (${attempts})`,
      s.last?.status,
    );
  }
  const retryAfterMs = parseRetryAfter(retryAfter, t.now);
  const wanted = retryAfterMs ?? backoffDelay(s.attempt, t.random, SMOKE_BACKOFF);
  // Not the HTTP layer's clampRetryAfter: its floor (a second) and cap (a minute) suit API calls,
  // while here the engine is known to be coming up, so a short floor only stops a hot loop, and the
  // warm-up window is the cap: a longer wait would skip the last attempt, so it lands on the
  // window's end instead.
  const waitMs = Math.min(Math.max(wanted, SMOKE_MIN_WAIT_MS), t.windowEnd - t.now);
  if (t.now + waitMs >= t.deadlineMs) {
    const why = `POST ${path} answered ${lastText}, and the run's deadline leaves no time to try again (${attempts})`;
    return fail(why, s.last?.status);
  }
  const how = retryAfterMs !== undefined ? " (Retry-After)" : "";
  const ends = formatDuration(t.windowEnd - t.now, { tenths: true });
  return {
    kind: "retry",
    next: s,
    waitMs,
    note: `Smoke test (${s.route}): attempt ${s.total + 1} after ${reason}, waiting ${formatDuration(waitMs, { tenths: true })}${how}; warm-up window ends in ${ends}`,
    debug: `Smoke test (${s.route}): attempt ${s.total}: ${lastText}`,
  };
}
