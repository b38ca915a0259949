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
  /** Estimated time in this status/phase: from midway between the polls around the change. */
  msInPhase: number;
  msWaited: number;
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
 * The budgets, checked by scripts/bench-polling.ts (the README's Performance section):
 * - Any failure noticed within 15 s: no sleep is longer than QUIET_MS (jitter included), unless the
 *   server throttles and says how long to wait (Retry-After wins, clamped to 60 s).
 * - At most 6 status requests per minute of waiting on the reference lifecycle, 7 on the fast one:
 *   a phase that cannot end in RUNNING (VM, download: most of a deploy) is polled at the failure
 *   budget, which pays for a fast poll of the engine start, the only stretch that ends in it.
 * - RUNNING noticed within a median 3 s and at worst 6.5 s for an engine start of 10 s or more:
 *   ENGINE_MS ±15 %, the first gap drawn wide so the polls fall at any offset to the engine's start.
 * - No phase to go by: start at UNKNOWN_START_MS and ease off by 1 s per 30 s, up to QUIET_MS.
 * - ±5 % jitter elsewhere, so workflows started by one push drift apart instead of polling together.
 * - Failed polls: 2 s doubling to 14 s with "equal jitter" (half to all of it, never a hot loop).
 */
export function nextPollDelayMs(s: PollState): number {
  if (s.retryAfterMs !== undefined && Number.isFinite(s.retryAfterMs)) {
    return clampRetryAfter(s.retryAfterMs);
  }
  if (s.consecutiveFailures > 0) {
    const cap = Math.min(FAILURE_CAP_MS, FAILURE_BASE_MS * 2 ** (s.consecutiveFailures - 1));
    return Math.round(cap / 2 + (s.random * cap) / 2);
  }
  const at = stretch(s);
  if (at === "engine" && s.msInPhase < ENGINE_FIRST_MS) {
    // Just seen: the first gap is drawn from a wide range, so the polls that follow fall at any
    // offset to the engine's start, whatever offset the slower polls before it happened to have.
    return Math.round(MIN_ENGINE_GAP_MS + s.random * (ENGINE_MS * (1 + ENGINE_JITTER) - MIN_ENGINE_GAP_MS));
  }
  const base =
    at === "quiet"
      ? QUIET_MS
      : at === "engine"
        ? ENGINE_MS
        : Math.min(QUIET_MS, UNKNOWN_START_MS + Math.max(0, s.msInPhase) / 30);
  const jitter = at === "engine" ? ENGINE_JITTER : POLL_JITTER;
  return Math.round(Math.min(QUIET_MS, base * (1 + jitter * (2 * s.random - 1))));
}

/**
 * VM and download ("quiet") end in another phase, never in RUNNING: polled at the failure budget.
 * The engine loading ("engine": a first start or a wake) is the one stretch that ends in RUNNING.
 */
function stretch(s: PollState): "quiet" | "engine" | "unknown" {
  const status = s.status.trim().toUpperCase();
  const phase = (s.phase ?? "").trim().toUpperCase();
  const building = status === "INITIALIZING" || status === "UPDATING" || status === "AWAKING";
  if (building && (phase === "REQUESTING_VIRTUAL_MACHINE" || phase === "DOWNLOADING_MODEL")) return "quiet";
  if ((building && phase === "ENGINE_INITIALIZING") || status === "AWAKING") return "engine";
  return "unknown";
}
