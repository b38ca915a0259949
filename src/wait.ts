// Waiting for an endpoint: the state table and the polling policy are pure (table-driven tests,
// and scripts/bench-polling.ts replays reference lifecycles through them); the waiter is the thin
// loop that polls, logs, builds the timeline and decides when to stop.
import type { Clock } from "./clock.ts";
import { formatDuration } from "./format.ts";
import { ApiError } from "./friendli/errors.ts";
import { MIN_RETRY_AFTER_MS } from "./friendli/retry.ts";
import type { EndpointStatus } from "./friendli/schemas.ts";
import type { Logger } from "./log.ts";
import type { PhaseSpan } from "./report/run-report.ts";

// ---------------------------------------------------------------------------------------------
// The state table
// ---------------------------------------------------------------------------------------------

export type StatusClass = "success" | "failure" | "pending" | "unknown";

export interface ClassifyOptions {
  minReplicas: number;
  /** "gone" (waiting for a delete): every status is pending; only a 404 ends the wait. */
  target: "running" | "gone";
}

/**
 * What a status means while waiting for RUNNING (InferenceDeploymentStatus in the spec):
 *
 * | status                                        | meaning                                        |
 * | --------------------------------------------- | ---------------------------------------------- |
 * | RUNNING                                       | success: at least one replica serves           |
 * | READY                                         | success: undocumented; the spec lists it beside RUNNING and the only public client treats both as ready. Failing or waiting forever on it would be worse than a wrong "ready" (the smoke test catches that) |
 * | SLEEPING, min-replicas 0                      | success: deployed and idle; the first request wakes it (scale-to-zero is what min 0 asks for, and an idle endpoint may well be asleep before we look) |
 * | SLEEPING, min-replicas > 0                    | pending: should not sleep; keep waiting for it to come back (the deadline bounds it) |
 * | FAILED                                        | failure (with errorCode)                       |
 * | STOPPING, TERMINATING, TERMINATED             | failure: stopped or deleted under us; none of them leads back to RUNNING without a restart |
 * | INITIALIZING, UPDATING, AWAKING, UNKNOWN      | pending: on the way (UNKNOWN is the API's own "not sure yet") |
 * | anything else                                 | unknown: the waiter warns once and keeps waiting: a status added to the API must not fail deploys |
 *
 * Case and surrounding spaces are ignored.
 */
export function classifyStatus(status: string, opts: ClassifyOptions): StatusClass {
  if (opts.target === "gone") return "pending";
  switch (status.trim().toUpperCase()) {
    case "RUNNING":
    case "READY":
      return "success";
    case "SLEEPING":
      return opts.minReplicas === 0 ? "success" : "pending";
    case "FAILED":
    case "STOPPING":
    case "TERMINATING":
    case "TERMINATED":
      return "failure";
    case "INITIALIZING":
    case "UPDATING":
    case "AWAKING":
    case "UNKNOWN":
      return "pending";
    default:
      return "unknown";
  }
}

// ---------------------------------------------------------------------------------------------
// The polling policy
// ---------------------------------------------------------------------------------------------

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
 * Budgets and how this policy meets them.
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
export const QUIET_MS = 14_800;
export const ENGINE_MS = 5_500;
export const UNKNOWN_START_MS = 5_000;
export const MAX_RETRY_AFTER_MS = 60_000;
export const FAILURE_BASE_MS = 2_000;
const FAILURE_CAP_MS = 14_000;
const JITTER = 0.05;
const ENGINE_JITTER = 0.15;
/**
 * An engine phase estimated younger than this was first seen by the last poll: the estimate counts
 * from midway between that poll and the one before, which is at most half a quiet gap (7.4 s).
 */
export const ENGINE_FIRST_MS = 7_500;
export const MIN_ENGINE_GAP_MS = 2_500;

export function nextPollDelayMs(s: PollState): number {
  if (s.retryAfterMs !== undefined && Number.isFinite(s.retryAfterMs)) {
    return Math.min(Math.max(MIN_RETRY_AFTER_MS, s.retryAfterMs), MAX_RETRY_AFTER_MS);
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
  const jitter = engine ? ENGINE_JITTER : JITTER;
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

// ---------------------------------------------------------------------------------------------
// The waiter
// ---------------------------------------------------------------------------------------------

export interface WaitOptions {
  endpointId: string;
  getStatus: (id: string, signal: AbortSignal) => Promise<EndpointStatus>;
  clock: Clock;
  signal: AbortSignal;
  /** Absolute clock time: no sleep goes past it; a last poll right at it is allowed. */
  deadlineMs: number;
  minReplicas: number;
  target: "running" | "gone";
  log: Logger;
  onObserve?: (s: EndpointStatus, atMs: number) => void;
  /** Failed polls in a row that are tolerated; one more ends the wait. Default 5. */
  maxConsecutiveFailures?: number;
  /** How long after the start a 404 is taken for a list that lags the create. Default 30 s. */
  notFoundGraceMs?: number;
  /** Defaults to nextPollDelayMs; the benchmark plugs in the alternatives. */
  policy?: PollPolicy;
  /**
   * After an update (PUT): how long a RUNNING that may still be the old version is not taken for
   * the new one. Friendli does not say how soon an update shows as UPDATING, so RUNNING counts only
   * once another status was seen, or updatedAt is not older than the wait, or this much time passed.
   */
  updateSettleMs?: number;
  /** When the PUT was sent: an updatedAt from then on is the new version (default: the wait's start). */
  updateSentAtMs?: number;
}

export interface WaitOutcome {
  kind: "success" | "failed" | "timed-out" | "gone" | "cancelled";
  last?: EndpointStatus;
  timeline: PhaseSpan[];
  waitedMs: number;
  /** Status requests sent, failed ones included. */
  polls: number;
  message: string;
  /** The request error that ended the wait, when one did (for its hint: 401 → check the token). */
  error?: unknown;
}

export const HEARTBEAT_MS = 60_000;
/** How far the API's clock may run behind ours when updatedAt is compared with our own times. */
const CLOCK_SKEW_MS = 5_000;
/**
 * How long before the deadline the last poll is sent: when the next poll would fall after the
 * deadline, one goes out just before it instead (the HTTP layer starts nothing at the deadline
 * itself, and a status read answers in well under this).
 */
export const FINAL_POLL_MARGIN_MS = 500;

/** The timeline's label: the phase while INITIALIZING, otherwise the status. */
export function spanLabel(s: Pick<EndpointStatus, "status" | "phase">): string {
  const status = s.status.trim();
  return status.toUpperCase() === "INITIALIZING" && s.phase ? s.phase.trim() : status;
}

export async function waitForEndpoint(opts: WaitOptions): Promise<WaitOutcome> {
  const { clock, signal, log, endpointId, target } = opts;
  const policy = opts.policy ?? nextPollDelayMs;
  const maxFailures = opts.maxConsecutiveFailures ?? 5;
  const graceMs = opts.notFoundGraceMs ?? 30_000;
  const startedAt = clock.now();

  const timeline: PhaseSpan[] = [];
  let sawOtherThanSuccess = false;
  let settleNoted = false;
  let last: EndpointStatus | undefined;
  let lastKey: string | undefined;
  let lastSeenAt: number | undefined;
  let spanSeenAt = startedAt;
  let phaseEstStart = startedAt;
  let lastLogAt = startedAt;
  let polls = 0;
  let failures = 0;
  // Throttled polls back off like failures but never end the wait: the deadline bounds them.
  let throttledStreak = 0;
  let notFoundStreak = 0;
  let retryAfterMs: number | undefined;
  const warned = new Set<string>();

  const where = () => {
    if (!last) return "no status seen yet";
    return last.phase ? `last status ${last.status}, phase ${last.phase}` : `last status ${last.status}`;
  };
  const end = (kind: WaitOutcome["kind"], message: string, error?: unknown): WaitOutcome => {
    const outcome: WaitOutcome = {
      kind,
      timeline,
      waitedMs: clock.now() - startedAt,
      polls,
      message,
    };
    if (last) outcome.last = last;
    if (error !== undefined) outcome.error = error;
    return outcome;
  };
  const after = () => formatDuration(clock.now() - startedAt);
  const cancelled = () =>
    end(
      "cancelled",
      `cancelled while waiting for endpoint ${endpointId} (${where()}, after ${after()})` +
        (target === "running" ? ": it may still be provisioning" : ""),
    );

  for (;;) {
    if (signal.aborted) return cancelled();
    polls++;
    let observed: EndpointStatus | undefined;
    let failureNote = "";
    try {
      observed = await opts.getStatus(endpointId, signal);
    } catch (err) {
      if (signal.aborted || (err instanceof ApiError && err.kind === "aborted")) return cancelled();
      const now = clock.now();
      const apiErr = err instanceof ApiError ? err : undefined;
      if (apiErr?.kind === "deadline") {
        return end("timed-out", timeoutMessage(), err);
      }
      if (apiErr?.kind === "permanent" && apiErr.status === 404) {
        if (target === "gone") {
          closeOpenSpan(now);
          return end("gone", `endpoint ${endpointId} is gone (404 after ${after()})`);
        }
        if (now - startedAt > graceMs) {
          return end(
            "failed",
            `endpoint ${endpointId} was not found (404) ${formatDuration(now - startedAt)} into the wait: ` +
              `it was deleted, or the id belongs to another project or team (${where()})`,
            err,
          );
        }
        notFoundStreak++;
        failureNote = "endpoint not found yet (404): the API can lag a create by a moment";
      } else if (apiErr?.kind === "permanent") {
        return end(
          "failed",
          `status check for endpoint ${endpointId} failed: ${apiErr.message} (${where()}, after ${after()})`,
          err,
        );
      } else if (apiErr?.kind === "throttled") {
        throttledStreak++;
        retryAfterMs = apiErr.retryAfterMs;
        failureNote = `status check throttled (${errorText(err)})`;
      } else {
        failures++;
        if (failures > maxFailures) {
          return end(
            "failed",
            `status check for endpoint ${endpointId} failed ${failures} times in a row, last: ${errorText(err)} ` +
              `(${where()}, after ${after()})`,
            err,
          );
        }
        retryAfterMs = undefined;
        failureNote = `status check failed (${errorText(err)}), retry ${failures}/${maxFailures}`;
      }
    }

    // Cancellation wins over an answer that raced it: the runner is about to kill the process.
    if (signal.aborted) return cancelled();
    const now = clock.now();
    if (observed) {
      failures = 0;
      throttledStreak = 0;
      notFoundStreak = 0;
      retryAfterMs = undefined;
      opts.onObserve?.(observed, now);
      const outcome = observe(observed, now);
      if (outcome) return outcome;
    }

    // The last poll goes out a little before the deadline: the HTTP layer starts no request at or
    // past it, and the request itself needs a moment.
    const lastPollAt = opts.deadlineMs - FINAL_POLL_MARGIN_MS;
    if (now >= lastPollAt) return end("timed-out", timeoutMessage());
    // Asked to come back only after the last poll: polling earlier would ignore Retry-After.
    if (retryAfterMs !== undefined && now + Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) > lastPollAt) {
      return end("timed-out", timeoutMessage());
    }
    const state: PollState = {
      status: last?.status ?? "",
      phase: last?.phase ?? null,
      msInPhase: now - phaseEstStart,
      msWaited: now - startedAt,
      polls,
      consecutiveFailures: failures + throttledStreak + notFoundStreak,
      random: clock.random(),
    };
    if (retryAfterMs !== undefined) state.retryAfterMs = retryAfterMs;
    const delay = Math.max(0, Math.min(policy(state), lastPollAt - now));
    if (failureNote) log.info(`${failureNote}; next check in ${(delay / 1000).toFixed(1)}s`);
    else log.debug(`poll ${polls}: ${where()}; next in ${(delay / 1000).toFixed(1)}s`);
    try {
      await clock.sleep(delay, signal);
    } catch (err) {
      if (signal.aborted) return cancelled();
      throw err;
    }
  }

  /** Records one answer; returns the outcome when it ends the wait. */
  function observe(s: EndpointStatus, now: number): WaitOutcome | undefined {
    const key = `${s.status}\u0000${s.phase ?? ""}`;
    if (key !== lastKey) {
      phaseEstStart = lastSeenAt === undefined ? now : (lastSeenAt + now) / 2;
      log.info(
        `status ${s.status}${s.phase ? `, phase ${s.phase}` : ""} (after ${formatDuration(now - startedAt)})`,
      );
      lastLogAt = now;
      lastKey = key;
    }
    const label = spanLabel(s);
    const open = timeline.at(-1);
    if (!open || open.endMs !== undefined || open.label !== label) {
      closeOpenSpan(now);
      timeline.push({ label, startMs: now });
      spanSeenAt = now;
    }
    last = s;
    lastSeenAt = now;

    // Friendli does not say whether a deleted endpoint lingers as TERMINATED before it 404s: either
    // way it serves nothing and costs nothing, which is what a delete waits for.
    if (target === "gone" && s.status.trim().toUpperCase() === "TERMINATED") {
      closeOpenSpan(now);
      return end("gone", `endpoint ${endpointId} is TERMINATED after ${formatDuration(now - startedAt)}`);
    }
    let verdict = classifyStatus(s.status, { minReplicas: opts.minReplicas, target });
    if (verdict !== "success") sawOtherThanSuccess = true;
    if (verdict === "success" && stillOldVersion(s, now)) verdict = "pending";
    const waited = formatDuration(now - startedAt);
    if (verdict === "success") {
      const upper = s.status.trim().toUpperCase();
      const note =
        upper === "SLEEPING"
          ? " (min-replicas 0: deployed and idle; the first request wakes it)"
          : upper === "READY"
            ? " (treated as RUNNING)"
            : "";
      return end("success", `endpoint ${endpointId} is ${s.status}${note} after ${waited}`);
    }
    if (verdict === "failure") {
      if (s.status.trim().toUpperCase() === "FAILED") {
        const during = s.phase ? ` during ${s.phase}` : "";
        const code = s.errorCode ? ` with error code ${s.errorCode}` : " without an error code";
        return end("failed", `endpoint ${endpointId} FAILED${during}${code} after ${waited}`);
      }
      return end(
        "failed",
        `endpoint ${endpointId} is ${s.status} after ${waited}: it was stopped or deleted while the action waited for RUNNING`,
      );
    }
    if (verdict === "unknown" && !warned.has(s.status)) {
      warned.add(s.status);
      log.warning(
        `endpoint ${endpointId} reports status ${JSON.stringify(s.status)}, which this action does not know: ` +
          "it keeps waiting for RUNNING until wait-timeout",
      );
    }
    if (now - lastLogAt >= HEARTBEAT_MS) {
      log.info(`still ${label} after ${formatDuration(now - spanSeenAt)}`);
      lastLogAt = now;
    }
    return undefined;
  }

  function stillOldVersion(s: EndpointStatus, now: number): boolean {
    const settleMs = opts.updateSettleMs ?? 0;
    if (sawOtherThanSuccess || now - startedAt >= settleMs) return false;
    const updatedAt = s.updatedAt ? Date.parse(s.updatedAt) : Number.NaN;
    // A few seconds' allowance for the server's clock running behind ours.
    if (updatedAt >= (opts.updateSentAtMs ?? startedAt) - CLOCK_SKEW_MS) return false;
    if (!settleNoted) {
      settleNoted = true;
      log.info(
        `endpoint ${endpointId} still shows ${s.status} from before the update; waiting for the new version`,
      );
    }
    return true;
  }

  function closeOpenSpan(now: number) {
    const open = timeline.at(-1);
    if (open && open.endMs === undefined) open.endMs = now;
  }

  function timeoutMessage(): string {
    const now = clock.now();
    const seen = timeline
      .map((span) => `${span.label} ${formatDuration((span.endMs ?? now) - span.startMs)}`)
      .join(", ");
    const goal = target === "gone" ? "to be deleted" : "to be RUNNING";
    return (
      `timed out after ${formatDuration(now - startedAt)} waiting for endpoint ${endpointId} ${goal}: ` +
      `${where()}; seen: ${seen || "nothing"}`
    );
  }
}

function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    return err.status === undefined ? `${err.kind}: ${err.message}` : `${err.status}: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}
