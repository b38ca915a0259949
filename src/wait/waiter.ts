// Waiting for an endpoint: the askAgain loop (src/base/backoff.ts) polls, hands each answer or
// failure to the pure pieces beside it, sleeps as ./policy.ts says and stops at an outcome.
// scripts/bench-polling.ts replays reference lifecycles through it.
import { askAgain } from "../base/backoff.ts";
import type { Clock } from "../base/clock.ts";
import { formatDuration } from "../base/format.ts";
import type { Logger } from "../base/log.ts";
import {
  FINAL_POLL_MARGIN_MS,
  HEARTBEAT_MS,
  MAX_CONSECUTIVE_POLL_FAILURES,
  MAX_RETRY_AFTER_MS,
  NOT_FOUND_GRACE_MS,
} from "../base/timing.ts";
import type { EndpointStatus } from "../friendli/schemas.ts";
import { nextPollDelayMs, type PollPolicy, type PollState } from "./policy.ts";
import { classifyPollFailure, type PollFailure } from "./poll-failure.ts";
import { classifyStatus, endedText, mayBeOldVersion, type StatusClass, spanLabel } from "./status-table.ts";
import { closeOpenSpan, extendTimeline, type PhaseSpan, timelineText } from "./timeline.ts";

export interface WaitOptions {
  endpointId: string;
  getStatus: (id: string, signal: AbortSignal) => Promise<EndpointStatus>;
  clock: Clock;
  signal: AbortSignal;
  /** Absolute clock time: no sleep goes past it; a last poll right at it is allowed. */
  deadlineMs: number;
  minReplicas: number;
  target: "running" | "gone" | "sleeping";
  log: Logger;
  /** Called with every status answer, as it arrives. */
  onStatus?: (s: EndpointStatus, atMs: number) => void;
  /** Failed polls in a row that are tolerated (MAX_CONSECUTIVE_POLL_FAILURES). */
  maxConsecutiveFailures?: number;
  /** How long after the start a 404 is taken for a list that lags the create (NOT_FOUND_GRACE_MS). */
  notFoundGraceMs?: number;
  /** Defaults to nextPollDelayMs; the benchmark plugs in the alternatives. */
  policy?: PollPolicy;
  /** After an update (PUT): how long a RUNNING that may still be the old version is doubted (mayBeOldVersion). */
  updateSettleMs?: number;
  /** When the PUT was sent: an updatedAt from then on is the new version (default: the wait's start). */
  updateSentAtMs?: number;
  /** A last poll at `ms` (clock time) ends the wait, timed out, while `stays` holds for the last status. */
  leaveAt?: { ms: number; stays: (s: Partial<EndpointStatus>) => boolean };
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

/** What the loop carries from one poll to the next. */
interface Waiting {
  readonly startedAt: number;
  readonly timeline: PhaseSpan[];
  last?: EndpointStatus;
  lastSeenAt?: number;
  /** Estimated start of the current status/phase: midway between the polls around the change. */
  phaseEstStart: number;
  lastLogAt: number;
  polls: number;
  streaks: Record<"failure" | "throttled" | "not-found", number>;
  retryAfterMs?: number;
  sawOtherStatus?: boolean;
  settleNoted?: boolean;
  warned: Set<string>;
}

export function waitForEndpoint(opts: WaitOptions): Promise<WaitOutcome> {
  const { clock, signal, log } = opts;
  const startedAt = clock.now();
  const w: Waiting = {
    startedAt,
    timeline: [],
    phaseEstStart: startedAt,
    lastLogAt: startedAt,
    polls: 0,
    streaks: { failure: 0, throttled: 0, "not-found": 0 },
    warned: new Set(),
  };
  const say = messages(opts, w);
  return askAgain<WaitOutcome>({
    clock,
    signal,
    aborted: () => say.cancelled(),
    round: async () => {
      w.polls++;
      let answer: EndpointStatus | undefined;
      let note = "";
      try {
        answer = await opts.getStatus(opts.endpointId, signal);
      } catch (err) {
        const failure = onFailure(opts, w, err);
        if (failure.kind !== "retry") return { done: say.afterFailure(failure, err) };
        note = failure.note;
      }
      // Cancellation wins over an answer that raced it: the runner is about to kill the process.
      if (signal.aborted) return { done: say.cancelled() };
      const now = clock.now();
      const ended = answer && onAnswer(opts, w, answer, now, say);
      if (ended) return { done: ended };
      const waitMs = nextWait(opts, w, now);
      if (waitMs === undefined) return { done: say.timedOut() };
      const next = `next check in ${formatDuration(waitMs, { tenths: true })}`;
      if (note) log.info(`${note}; ${next}`);
      else log.debug(`poll ${w.polls}: ${where(w)}; ${next}`);
      return { waitMs };
    },
  });
}

/**
 * The sleep before the next poll, or undefined when there is none. The last poll goes out a little
 * before the deadline: the HTTP layer starts no request at or past it, and the request needs a moment.
 */
function nextWait(opts: WaitOptions, w: Waiting, now: number): number | undefined {
  const leaving = opts.leaveAt?.stays(w.last ?? {}) ? opts.leaveAt.ms : Number.POSITIVE_INFINITY;
  const lastPollAt = Math.min(opts.deadlineMs - FINAL_POLL_MARGIN_MS, leaving);
  if (now >= lastPollAt) return undefined;
  // Asked to come back only after the last poll: polling earlier would ignore Retry-After.
  if (w.retryAfterMs !== undefined && now + Math.min(w.retryAfterMs, MAX_RETRY_AFTER_MS) > lastPollAt) {
    return undefined;
  }
  const state: PollState = {
    status: w.last?.status ?? "",
    phase: w.last?.phase ?? null,
    msInPhase: now - w.phaseEstStart,
    msWaited: now - w.startedAt,
    polls: w.polls,
    consecutiveFailures: w.streaks.failure + w.streaks.throttled + w.streaks["not-found"],
    random: opts.clock.random(),
    retryAfterMs: w.retryAfterMs,
  };
  return Math.max(0, Math.min((opts.policy ?? nextPollDelayMs)(state), lastPollAt - now));
}

/** A failed poll: the classifier decides; a tolerated one grows its streak. */
function onFailure(opts: WaitOptions, w: Waiting, err: unknown): PollFailure {
  const failure = classifyPollFailure(err, {
    endpointId: opts.endpointId,
    target: opts.target,
    aborted: opts.signal.aborted,
    msWaited: opts.clock.now() - w.startedAt,
    notFoundGraceMs: opts.notFoundGraceMs ?? NOT_FOUND_GRACE_MS,
    failuresBefore: w.streaks.failure,
    maxFailures: opts.maxConsecutiveFailures ?? MAX_CONSECUTIVE_POLL_FAILURES,
    where: where(w),
  });
  if (failure.kind === "retry") {
    w.streaks[failure.streak]++;
    // A 404 says nothing about throttling: an earlier Retry-After still stands.
    if (failure.streak !== "not-found") w.retryAfterMs = failure.retryAfterMs;
  }
  return failure;
}

/** Records one answer; returns the outcome when it ends the wait. */
function onAnswer(opts: WaitOptions, w: Waiting, s: EndpointStatus, now: number, say: Say) {
  const { log } = opts;
  w.streaks = { failure: 0, throttled: 0, "not-found": 0 };
  w.retryAfterMs = undefined;
  opts.onStatus?.(s, now);
  if (!w.last || s.status !== w.last.status || (s.phase ?? "") !== (w.last.phase ?? "")) {
    w.phaseEstStart = w.lastSeenAt === undefined ? now : (w.lastSeenAt + now) / 2;
    log.info(
      `status ${s.status}${s.phase ? `, phase ${s.phase}` : ""} (after ${formatDuration(now - w.startedAt)})`,
    );
    w.lastLogAt = now;
  }
  const label = spanLabel(s);
  extendTimeline(w.timeline, label, now);
  w.last = s;
  w.lastSeenAt = now;
  // Friendli does not say whether a deleted endpoint lingers as TERMINATED before it 404s: either
  // way it serves nothing and costs nothing, which is what a delete waits for.
  if (opts.target === "gone" && s.status.trim().toUpperCase() === "TERMINATED") return say.gone("TERMINATED");
  const verdict = judge(opts, w, s, now);
  if (verdict === "success" || verdict === "failure") return say.settled(s, verdict);
  if (verdict === "unknown" && !w.warned.has(s.status)) {
    w.warned.add(s.status);
    log.warning(
      `endpoint ${opts.endpointId} reports status ${JSON.stringify(s.status)}, which this action does not know: ` +
        "it keeps waiting for RUNNING until wait-timeout",
    );
  }
  if (now - w.lastLogAt >= HEARTBEAT_MS) {
    log.info(`still ${label} after ${formatDuration(now - (w.timeline.at(-1)?.startMs ?? now))}`);
    w.lastLogAt = now;
  }
  return undefined;
}

/** The state table's verdict, held back to pending while a RUNNING may be the old version. */
function judge(opts: WaitOptions, w: Waiting, s: EndpointStatus, now: number): StatusClass {
  const verdict = classifyStatus(s.status, { minReplicas: opts.minReplicas, target: opts.target });
  if (verdict !== "success") {
    w.sawOtherStatus = true;
    return verdict;
  }
  const old = mayBeOldVersion({
    sawOtherStatus: w.sawOtherStatus ?? false,
    msSinceStart: now - w.startedAt,
    settleMs: opts.updateSettleMs ?? 0,
    updatedAt: s.updatedAt,
    updateSentAtMs: opts.updateSentAtMs ?? w.startedAt,
  });
  if (!old) return verdict;
  if (!w.settleNoted) {
    w.settleNoted = true;
    opts.log.info(
      `endpoint ${opts.endpointId} still shows ${s.status} from before the update; waiting for the new version`,
    );
  }
  return "pending";
}

function where({ last }: Waiting): string {
  return last
    ? `last status ${last.status}${last.phase ? `, phase ${last.phase}` : ""}`
    : "no status seen yet";
}

type Say = ReturnType<typeof messages>;

/** The outcomes the wait can end with, and their words. */
function messages(opts: WaitOptions, w: Waiting) {
  const { clock, endpointId: id, target } = opts;
  const after = () => formatDuration(clock.now() - w.startedAt);
  const end = (kind: WaitOutcome["kind"], message: string, error?: unknown): WaitOutcome => ({
    kind,
    timeline: w.timeline,
    waitedMs: clock.now() - w.startedAt,
    polls: w.polls,
    message,
    ...(w.last ? { last: w.last } : {}),
    ...(error === undefined ? {} : { error }),
  });
  const timedOut = (error?: unknown) => {
    const seen = timelineText(w.timeline, clock.now()) || "nothing";
    const goal =
      target === "gone" ? "to be deleted" : `to be ${target === "sleeping" ? "SLEEPING" : "RUNNING"}`;
    return end(
      "timed-out",
      `timed out after ${after()} waiting for endpoint ${id} ${goal}: ${where(w)}; seen: ${seen}`,
      error,
    );
  };
  const cancelled = () =>
    end(
      "cancelled",
      `cancelled while waiting for endpoint ${id} (${where(w)}, after ${after()})` +
        (target === "running" ? ": it may still be provisioning" : ""),
    );
  const gone = (how: "TERMINATED" | "404") => {
    closeOpenSpan(w.timeline, clock.now());
    const is = how === "404" ? `is gone (404 after ${after()})` : `is TERMINATED after ${after()}`;
    return end("gone", `endpoint ${id} ${is}`);
  };
  return {
    cancelled,
    timedOut,
    gone,
    afterFailure(failure: Exclude<PollFailure, { kind: "retry" }>, err: unknown): WaitOutcome {
      if (failure.kind === "failed") return end("failed", failure.message, err);
      if (failure.kind === "cancelled") return cancelled();
      return failure.kind === "timed-out" ? timedOut(err) : gone("404");
    },
    settled: (s: EndpointStatus, verdict: "success" | "failure") =>
      end(verdict === "success" ? "success" : "failed", `endpoint ${id} ${endedText(s, verdict, after())}`),
  };
}
