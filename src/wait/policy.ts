// The polling policy: how long to sleep before the next status request. Pure; the numbers and the
// reason for each are in src/timing.ts, the budgets they meet below.

import { clampRetryAfter } from "../friendli/retry.ts";
import {
  ENGINE_EARLY_MS,
  ENGINE_MS,
  ENGINE_RAMP_END_MS,
  ENGINE_START_DELAY_MS,
  FAILURE_BASE_MS,
  MAX_RETRY_AFTER_MS,
  POLL_JITTER,
  QUIET_MS,
  UNKNOWN_START_MS,
} from "../timing.ts";

/** What the policy may look at before the next poll. */
export interface PollState {
  /** Last status seen ("" before the first answer). */
  status: string;
  phase?: string | null;
  /**
   * Estimated time the endpoint has been in this status/phase: counted from midway between the
   * last poll that saw something else and the first one that saw this (the change happened
   * somewhere in between), or from the first poll.
   */
  msInPhase: number;
  msWaited: number;
  /** Status requests sent so far. */
  polls: number;
  /** Failed requests in a row (including a 404 tolerated right after create). */
  consecutiveFailures: number;
  /** From the last failure, when the server said how long to wait. */
  retryAfterMs?: number;
  /** A fresh value in [0, 1) for jitter. */
  random: number;
}

export type PollPolicy = (s: PollState) => number;

/**
 * The budgets and how this policy meets them.
 *
 * - Any failure noticed within 15 s: no sleep is longer than QUIET_MS = 14 s, except when the
 *   server throttles us and says how long to wait (Retry-After wins then, clamped to 60 s).
 * - At most 6 status requests per minute of waiting on the reference lifecycle: while the phase
 *   says nothing is about to succeed (REQUESTING_VIRTUAL_MACHINE, DOWNLOADING_MODEL end in another
 *   phase, never in RUNNING) we poll at the failure budget, 14 s. That is most of a deploy (300 of
 *   390 s in the reference) at ~4.3 requests per minute, which leaves room to poll the engine fast.
 * - Median time-to-notice of RUNNING at most 3 s: only ENGINE_INITIALIZING (and AWAKING, the same
 *   engine start) ends in RUNNING. The median notice is half the gap the change falls in, so the
 *   gap there is ENGINE_MS = 5.5 s (2.75 s expected). An engine needs tens of seconds to load
 *   weights, so its first 15 s are polled at 10 s, ramping down to 5.5 s at 25 s: early enough
 *   for the fast reference (30 s engine), and ~3 requests saved on every deploy.
 * - Unknown territory (no phase, UPDATING, SLEEPING with min > 0, waiting for a delete): start at
 *   5 s and ease off by 1 s per 30 s in that state, up to 14 s.
 * - Jitter: ±5 % on every delay (clamped to the 14 s ceiling), so PR workflows started by the same
 *   push drift apart within a few polls instead of hitting a shared team rate limit together.
 * - Failed polls: capped exponential backoff, 2 s doubling to 14 s, with "equal jitter" (between
 *   half and all of it: never a hot loop); five in a row last ~30 s before the waiter gives up.
 *
 * Measured with scripts/bench-polling.ts (virtual clock through the real waiter, 1000 runs per
 * lifecycle, the waiter starting 0-15 s into the lifecycle):
 *
 * | lifecycle (VM/download/engine s) | RUNNING notice median / worst | requests/min (mean, worst run) |
 * | -------------------------------- | ----------------------------- | ------------------------------ |
 * | reference 60/240/90              | 2.6 s / 5.7 s                 | 5.73, 5.93                     |
 * | fast 20/40/30                    | 2.7 s / 5.6 s                 | 5.96, 6.68                     |
 * | slow 300/900/180                 | 2.8 s / 5.7 s                 | 5.16, 5.22                     |
 * | FAILED in any phase              | worst 14.0 s                  |                                |
 *
 * Beside it: a fixed 5 s poll notices as fast (2.6 s) for 12.2 requests per minute; an AWS-style
 * waiter (15 s doubling to 120 s) spends 1 per minute but notices RUNNING after 59 s on median
 * and a failure after up to 120 s.
 */
export {
  ENGINE_EARLY_MS,
  ENGINE_MS,
  ENGINE_RAMP_END_MS,
  ENGINE_START_DELAY_MS,
  FAILURE_BASE_MS,
  MAX_RETRY_AFTER_MS,
  QUIET_MS,
  UNKNOWN_START_MS,
};

export function nextPollDelayMs(s: PollState): number {
  if (s.retryAfterMs !== undefined && Number.isFinite(s.retryAfterMs)) {
    return clampRetryAfter(s.retryAfterMs);
  }
  if (s.consecutiveFailures > 0) {
    const cap = Math.min(QUIET_MS, FAILURE_BASE_MS * 2 ** (s.consecutiveFailures - 1));
    return Math.round(cap / 2 + (s.random * cap) / 2);
  }
  return Math.round(Math.min(QUIET_MS, baseDelayMs(s) * (1 + POLL_JITTER * (2 * s.random - 1))));
}

function baseDelayMs(s: PollState): number {
  const status = s.status.trim().toUpperCase();
  const phase = (s.phase ?? "").trim().toUpperCase();
  const building = status === "INITIALIZING" || status === "UPDATING" || status === "AWAKING";
  if (building && (phase === "REQUESTING_VIRTUAL_MACHINE" || phase === "DOWNLOADING_MODEL")) {
    return QUIET_MS;
  }
  if ((building && phase === "ENGINE_INITIALIZING") || status === "AWAKING") {
    if (s.msInPhase <= ENGINE_EARLY_MS) return ENGINE_START_DELAY_MS;
    if (s.msInPhase >= ENGINE_RAMP_END_MS) return ENGINE_MS;
    const f = (s.msInPhase - ENGINE_EARLY_MS) / (ENGINE_RAMP_END_MS - ENGINE_EARLY_MS);
    return ENGINE_START_DELAY_MS + f * (ENGINE_MS - ENGINE_START_DELAY_MS);
  }
  return Math.min(QUIET_MS, UNKNOWN_START_MS + Math.max(0, s.msInPhase) / 30);
}
