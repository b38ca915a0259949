// The one HTTP layer: every Friendli request goes through send(), which applies the run's abort
// signal and a per-request timeout and retries only what is safe to repeat (./retry.ts).
import { type Dispatcher, request } from "undici";
import { retryLoop } from "../base/backoff.ts";
import { type Clock, systemClock } from "../base/clock.ts";
import { formatDuration } from "../base/format.ts";
import type { Logger } from "../base/log.ts";
import { formatError, redact } from "../base/redact.ts";
import { MAX_REQUEST_ATTEMPTS, REQUEST_TIMEOUT_MS } from "../base/timing.ts";
import { type HttpResponse, interpretResponse, type RequestOp } from "./error-body.ts";
import { ApiError, abortedError } from "./errors.ts";
import { baseHeaders, checkBaseUrl, createDefaultDispatcher, urlFor } from "./request-policy.ts";
import { BadResponseError, checkDepth, readCapped } from "./response-limits.ts";
import {
  classifyNetworkError,
  errorCode,
  type NetworkPhase,
  proxyTunnelStatus,
  RequestTimeoutError,
  shouldRetry,
} from "./retry.ts";

export interface HttpOptions {
  /** https, or http on a loopback host (the simulator). */
  baseUrl: string;
  token: string;
  teamId?: string;
  /** Defaults to createDefaultDispatcher(); tests pass an undici MockAgent. */
  dispatcher?: Dispatcher;
  clock: Clock;
  /** The run's root signal: once aborted, nothing is sent and nothing is retried. */
  signal: AbortSignal;
  /** Clock time after which no attempt starts and no retry waits. */
  deadlineMs: number;
  requestTimeoutMs?: number;
  maxAttempts?: number;
  log: Logger;
  /**
   * Resolves when a request has taken too long: real time by default, as it guards a real socket
   * (a virtual clock's instant sleep would time out every request). Tests fire it on demand.
   */
  requestTimer?: (ms: number, signal: AbortSignal) => Promise<void>;
  userAgent?: string;
  /** What to change for a refused request, naming the action's inputs (./advice.ts). */
  advise?: (status: number) => string | undefined;
}

export interface SendOp<T> extends RequestOp<T> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  maxAttempts?: number;
  /** The largest body this route may answer; a larger one is a bad response. */
  maxBodyBytes?: number;
  /** Sees each piece of the body as it arrives (a streamed answer is timed by it). */
  onChunk?: (text: string) => void;
  /** Once sent, the request is aborted this long after the run's signal, not at once (real time). */
  graceMs?: number;
}

/** For routes that set none: far above any answer of the Dedicated Endpoint API but the listing. */
const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export interface Http {
  send<T = unknown>(op: SendOp<T>): Promise<HttpResponse<T>>;
  /** Closes the dispatcher if createHttp made it; an injected one belongs to the caller. */
  close(): Promise<void>;
  readonly baseUrl: string;
  /** The secrets this layer redacts, for callers that format their own errors. */
  readonly secrets: readonly string[];
}

/** The options with their defaults filled in, and what every request shares. */
type Conn = HttpOptions &
  Required<Pick<HttpOptions, "dispatcher" | "requestTimeoutMs" | "maxAttempts" | "requestTimer">> & {
    headers: Record<string, string>;
    secrets: string[];
    clean: (s: string) => string;
  };

export function createHttp(opts: HttpOptions): Http {
  const secrets = [opts.token];
  const c: Conn = {
    ...opts,
    headers: baseHeaders(opts.token, opts.teamId, opts.userAgent),
    baseUrl: checkBaseUrl(opts.baseUrl),
    dispatcher: opts.dispatcher ?? createDefaultDispatcher(),
    requestTimeoutMs: opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    maxAttempts: opts.maxAttempts ?? MAX_REQUEST_ATTEMPTS,
    requestTimer: opts.requestTimer ?? systemClock.sleep,
    secrets,
    clean: (s) => redact(s, secrets),
  };
  return {
    send: (op) => send(c, op),
    baseUrl: c.baseUrl,
    secrets,
    close: async () => {
      if (opts.dispatcher === undefined) await c.dispatcher.close();
    },
  };
}

/** One request, bounded by its own timeout; every failure becomes an ApiError. Never retries. */
async function attemptOnce<T>(c: Conn, op: SendOp<T>): Promise<HttpResponse<T>> {
  const { clock, signal } = c;
  const timeoutMs = Math.max(1, Math.min(c.requestTimeoutMs, c.deadlineMs - clock.now()));
  const requestCtl = new AbortController();
  const timerCtl = new AbortController();
  const abortIn = (ms: number, reason: () => unknown) =>
    c.requestTimer(ms, timerCtl.signal).then(
      () => requestCtl.abort(reason()),
      () => {},
    );
  let phase: NetworkPhase = "request";
  try {
    const url = urlFor(c.baseUrl, op.path, op.query);
    const body = op.body === undefined ? undefined : JSON.stringify(op.body);
    abortIn(timeoutMs, () => new RequestTimeoutError(timeoutMs));
    // With a grace, the run's signal aborts the request only that long after it fired.
    const { graceMs } = op;
    if (graceMs !== undefined) {
      const graced = () => abortIn(graceMs, () => signal.reason);
      signal.addEventListener("abort", graced, { once: true, signal: timerCtl.signal });
    }
    const res = await request(url, {
      method: op.method,
      headers: body === undefined ? c.headers : { ...c.headers, "Content-Type": "application/json" },
      body,
      signal: graceMs === undefined ? AbortSignal.any([signal, requestCtl.signal]) : requestCtl.signal,
      dispatcher: c.dispatcher,
    });
    phase = "body";
    const limit = op.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const text = await readCapped(res.body, res.headers["content-length"], limit, op.onChunk);
    checkDepth(text);
    const reply = { url, status: res.statusCode, headers: res.headers, text };
    return interpretResponse(op, reply, { nowMs: clock.now(), clean: c.clean, advise: c.advise });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (err instanceof BadResponseError) throw badResponse(op, err);
    if (signal.aborted) throw abortedError(op.operation, err);
    throw networkFailure(c, op, err, phase);
  } finally {
    timerCtl.abort();
  }
}

/** A request that got no (complete) response: what happened, in words, and whether to retry. */
function networkFailure(c: Conn, op: SendOp<unknown>, err: unknown, phase: NetworkPhase): ApiError {
  const kind = classifyNetworkError(err, phase);
  const proxyStatus = proxyTunnelStatus(err);
  const host = new URL(c.baseUrl).host;
  const what =
    err instanceof RequestTimeoutError
      ? err.message
      : proxyStatus !== undefined
        ? `the proxy refused to connect to ${host} (${proxyStatus}): check HTTPS_PROXY / NO_PROXY${proxyStatus === 407 ? " and the proxy credentials" : ""}`
        : `${phase === "body" ? "the connection broke while reading the response" : "the request failed"}: ${formatError(err, c.secrets)}`;
  return new ApiError({
    // An abort that the run did not ask for is not a cancellation.
    kind: kind === "aborted" ? "ambiguous" : kind,
    operation: op.operation,
    message: c.clean(`${op.operation} failed: ${what} [${op.method} ${op.path}]`),
    cause: err,
  });
}

/** A create may still have been processed; any other route fails at once (retrying gets the same). */
function badResponse(op: SendOp<unknown>, err: BadResponseError): ApiError {
  return new ApiError({
    kind: op.retry === "create" ? "ambiguous" : "permanent",
    operation: op.operation,
    message: `${op.operation} failed: a bad response from the server: ${err.message} [${op.method} ${op.path}]`,
    cause: err,
  });
}

function reasonOf(e: ApiError): string {
  if (e.status !== undefined) return String(e.status);
  if (e.cause instanceof RequestTimeoutError) return "a timeout";
  return errorCode(e.cause) ?? "a network error";
}

/** No attempt can start: the deadline passed, or the wait before the next would end after it. */
function deadlineError(operation: string, when: "before" | "wait", last: ApiError | undefined): ApiError {
  if (when === "wait" && last) {
    const why = "not retrying: the next attempt could not start before the run's deadline";
    return new ApiError({ ...last, kind: "deadline", message: `${last.message}; ${why}`, cause: last });
  }
  return new ApiError({
    kind: "deadline",
    operation,
    status: last?.status,
    message: `${operation}: the run's deadline passed${last ? `; last error: ${last.message}` : ""}`,
    cause: last,
  });
}

/** Attempts until one succeeds, a failure may not be retried, or the deadline comes. */
async function send<T>(c: Conn, op: SendOp<T>): Promise<HttpResponse<T>> {
  const max = Math.max(1, op.maxAttempts ?? c.maxAttempts);
  let last: ApiError | undefined;
  // Attempts that used up the budget. A throttled answer does not: the server said when to come
  // back, so the run's deadline alone bounds those (endless 429s end as timed-out, not as a failure
  // after four tries). maxAttempts 1 still means one request: the waiter spaces its own retries.
  let counted = 0;
  let throttled = false;
  return retryLoop({
    clock: c.clock,
    signal: c.signal,
    deadlineMs: c.deadlineMs,
    attempt: () => attemptOnce(c, op),
    failed: (e, attempt) => {
      if (!(e instanceof ApiError)) throw e; // attemptOnce throws nothing else
      last = e;
      if (e.kind === "aborted" || e.kind === "permanent" || e.kind === "deadline") throw e;
      throttled = e.kind === "throttled" && max > 1;
      if (!throttled) counted++;
      if (shouldRetry(e.kind, op.retry, counted, max)) return { retryAfterMs: e.retryAfterMs };
      if (attempt === 1) throw e;
      throw new ApiError({
        ...e,
        message: `${e.message} (gave up after ${attempt} attempts)`,
        cause: e.cause,
      });
    },
    outOfTime: (when) => {
      throw deadlineError(op.operation, when, last);
    },
    aborted: (reason) => {
      throw abortedError(op.operation, reason);
    },
    waiting: (attempt, delay) => {
      if (!last) return;
      // "2/4" would promise a give-up that throttled retries do not have.
      const next = throttled ? `${attempt + 1}` : `${attempt + 1}/${max}`;
      const wait = formatDuration(delay, { tenths: true });
      c.log.info(`${op.operation}: attempt ${next} after ${reasonOf(last)}, waiting ${wait}`);
      c.log.debug(`${op.operation}: attempt ${attempt} failed (${last.kind}): ${last.message}`);
    },
  });
}
