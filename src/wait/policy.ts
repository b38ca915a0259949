// The polling policy: how long to sleep before the next status request. Pure; the numbers and the
// reason for each are in src/base/timing.ts, the budgets they meet below.

import { clampRetryAfter } from "../base/backoff.ts";
import {
  ENGINE_FIRST_MS,
  ENGINE_JITTER,
  ENGINE_MS,
  FAILURE_BASE_MS,
  FAILURE_CAP_MS,
  MIN_ENGINE_GAP_MS,
  POLL_JITTER,
  QUIET_MS,
  UNKNOWN_START_MS,
} from "../base/timing.ts";

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
 * - Any failure noticed within 15 s: no sleep is longer than QUIET_MS = 14.8 s (jitter included),
 *   except when the server throttles us and says how long to wait (Retry-After wins then, clamped
 *   to 60 s).
 * - At most 6 status requests per minute of waiting on the reference lifecycle, 7 on the fast one:
 *   while the phase says nothing is about to succeed (REQUESTING_VIRTUAL_MACHINE, DOWNLOADING_MODEL
 *   end in another phase, never in RUNNING) we poll at the failure budget. That is most of a deploy
 *   (300 of 390 s in the reference) at ~4.1 requests per minute, which pays for a fast engine poll.
 * - Time-to-notice of RUNNING, median at most 3 s and worst 6.5 s, for every engine phase of 10 s
 *   or more: only ENGINE_INITIALIZING (and AWAKING, the same engine start) ends in RUNNING, and it
 *   is polled every ENGINE_MS = 5.5 s ±15 % from the moment it is seen (longest gap 6.3 s, so an
 *   engine that starts in 10 or 15 s is not noticed late). The median notice is half the gap,
 *   provided the polls fall at any offset to the engine's start: the first gap after the phase is
 *   seen is drawn from 2.5-6.3 s for that (otherwise runs that start alike poll alike).
 * - Unknown territory (no phase, UPDATING, SLEEPING with min > 0, waiting for a delete): start at
 *   5 s and ease off by 1 s per 30 s in that state, up to the failure budget.
 * - Jitter: ±5 % on every other delay (clamped to the ceiling), so PR workflows started by the same
 *   push drift apart within a few polls instead of hitting a shared team rate limit together.
 * - Failed polls: capped exponential backoff, 2 s doubling to 14 s, with "equal jitter" (between
 *   half and all of it: never a hot loop); five in a row last ~30 s before the waiter gives up.
 *
 * Measured with scripts/bench-polling.ts (virtual clock through the real waiter, 1000 runs per
 * lifecycle, the waiter starting 0-15 s into the lifecycle); the figures are in the README's
 * Performance section.
 */

export function nextPollDelayMs(s: PollState): number {
  if (s.retryAfterMs !== undefined && Number.isFinite(s.retryAfterMs)) {
    return clampRetryAfter(s.retryAfterMs);
  }
  if (s.consecutiveFailures > 0) {
    const cap = Math.min(FAILURE_CAP_MS, FAILURE_BASE_MS * 2 ** (s.consecutiveFailures - 1));
    return Math.round(cap / 2 + (s.random * cap) / 2);
  }
  const engine = inEngineStart(s);
  if (engine && s.msInPhase < ENGINE_FIRST_MS) {
    // Just seen: the first gap is drawn from a wide range, so the polls that follow fall at any
    // offset to the engine's start, whatever offset the slower polls before it happened to have.
    return Math.round(MIN_ENGINE_GAP_MS + s.random * (ENGINE_MS * (1 + ENGINE_JITTER) - MIN_ENGINE_GAP_MS));
  }
  const jitter = engine ? ENGINE_JITTER : POLL_JITTER;
  return Math.round(Math.min(QUIET_MS, baseDelayMs(s) * (1 + jitter * (2 * s.random - 1))));
}

function building(status: string): boolean {
  return status === "INITIALIZING" || status === "UPDATING" || status === "AWAKING";
}

/** VM and download end in another phase, never in RUNNING: polled at the failure budget. */
function inQuietPhase(s: PollState): boolean {
  const phase = (s.phase ?? "").trim().toUpperCase();
  return (
    building(s.status.trim().toUpperCase()) &&
    (phase === "REQUESTING_VIRTUAL_MACHINE" || phase === "DOWNLOADING_MODEL")
  );
}

/** The one stretch that ends in RUNNING: the engine loading (a first start or a wake). */
function inEngineStart(s: PollState): boolean {
  const status = s.status.trim().toUpperCase();
  const phase = (s.phase ?? "").trim().toUpperCase();
  if (inQuietPhase(s)) return false;
  return (building(status) && phase === "ENGINE_INITIALIZING") || status === "AWAKING";
}

function baseDelayMs(s: PollState): number {
  if (inQuietPhase(s)) return QUIET_MS;
  if (inEngineStart(s)) return ENGINE_MS;
  return Math.min(QUIET_MS, UNKNOWN_START_MS + Math.max(0, s.msInPhase) / 30);
}
