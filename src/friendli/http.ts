// The one HTTP layer: every Friendli request goes through send(), which applies the run's abort
// signal and a per-request timeout, classifies each failure (./retry.ts) and retries only what is
// safe to repeat. What a request looks like is ./request-policy.ts; what an answer means is
// ./error-body.ts. Messages are redacted with the token.

import { type Dispatcher, request } from "undici";
import type { ZodMiniType as ZodType } from "zod/mini";
import { retryLoop } from "../base/backoff.ts";
import { type Clock, systemClock } from "../base/clock.ts";
import { formatDuration } from "../base/format.ts";
import type { Logger } from "../base/log.ts";
import { formatError, redact } from "../base/redact.ts";
import { MAX_REQUEST_ATTEMPTS, REQUEST_TIMEOUT_MS } from "../base/timing.ts";
import { interpretResponse } from "./error-body.ts";
import { ApiError, abortedError } from "./errors.ts";
import { baseHeaders, checkBaseUrl, createDefaultDispatcher, urlFor } from "./request-policy.ts";
import { BadResponseError, checkDepth, readCapped } from "./response-limits.ts";
import {
  classifyNetworkError,
  errorCode,
  type NetworkPhase,
  proxyTunnelStatus,
  RequestTimeoutError,
  type RetryPolicy,
  shouldRetry,
} from "./retry.ts";

type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface HttpOptions {
  /** e.g. https://api.friendli.ai; https, or http on a loopback host (the simulator). */
  baseUrl: string;
  token: string;
  teamId?: string;
  /** Defaults to createDefaultDispatcher(); tests pass an undici MockAgent. */
  dispatcher?: Dispatcher;
  clock: Clock;
  /** The run's root signal: once aborted, nothing is sent and nothing is retried. */
  signal: AbortSignal;
  /** Absolute clock time (clock.now()) after which no attempt starts and no retry waits. */
  deadlineMs: number;
  requestTimeoutMs?: number;
  maxAttempts?: number;
  log: Logger;
  /**
   * Resolves when a request has taken too long. Real time by default, not clock.sleep: the timeout
   * guards a real socket, and a virtual clock's instant sleep would time out every request. Tests
   * inject their own to fire it on demand (fake timers do not drive AbortSignal.timeout either).
   */
  requestTimer?: (ms: number, signal: AbortSignal) => Promise<void>;
  userAgent?: string;
  /** What to change for a refused request, naming the action's inputs (src/friendli/advice.ts). */
  advise?: (status: number) => string | undefined;
}

interface SendOp<T> {
  /** Short name for messages and retry lines: "create", "list", "status", ... */
  operation: string;
  method: HttpMethod;
  /** Absolute path; callers encode each dynamic segment (see pathFor). */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Validates a 2xx body; a body that fails it is an ambiguous failure. */
  schema?: ZodType<T>;
  retry: RetryPolicy;
  maxAttempts?: number;
  /**
   * Return any non-redirect response instead of throwing on 4xx/5xx, with the body parsed as JSON
   * when it is JSON and as text otherwise (the smoke test judges inference answers itself).
   */
  raw?: boolean;
  /** The largest body this route may answer; a larger one is a bad response. */
  maxBodyBytes?: number;
  /** Called with each piece of the body as it arrives (a streamed answer's timing is measured by it). */
  onChunk?: (text: string) => void;
  /** Once sent, the request is aborted this long after the run's signal, not at once (real time). */
  graceMs?: number;
}

/** For routes that set none: far above any answer of the Dedicated Endpoint API but the listing. */
const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

interface HttpResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string | string[] | undefined>;
}

export interface Http {
  send<T = unknown>(op: SendOp<T>): Promise<HttpResponse<T>>;
  /** Closes the dispatcher if createHttp made it; an injected one belongs to the caller. */
  close(): Promise<void>;
  readonly baseUrl: string;
  /** The secrets this layer redacts, for callers that format their own errors. */
  readonly secrets: readonly string[];
}

/** What every request of one Http shares. */
interface Conn {
  opts: HttpOptions;
  headers: Record<string, string>;
  baseUrl: string;
  dispatcher: Dispatcher;
  requestTimeoutMs: number;
  defaultMaxAttempts: number;
  requestTimer: (ms: number, signal: AbortSignal) => Promise<void>;
  secrets: string[];
  clean: (s: string) => string;
}

export function createHttp(opts: HttpOptions): Http {
  const headers = baseHeaders(opts.token, opts.teamId, opts.userAgent);
  const baseUrl = checkBaseUrl(opts.baseUrl);
  const ownsDispatcher = opts.dispatcher === undefined;
  const dispatcher = opts.dispatcher ?? createDefaultDispatcher();
  const secrets = [opts.token];
  const conn: Conn = {
    opts,
    headers,
    baseUrl,
    dispatcher,
    requestTimeoutMs: opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    defaultMaxAttempts: opts.maxAttempts ?? MAX_REQUEST_ATTEMPTS,
    requestTimer: opts.requestTimer ?? systemClock.sleep,
    secrets,
    clean: (s: string) => redact(s, secrets),
  };
  return {
    send: (op) => send(conn, op),
    baseUrl,
    secrets,
    close: async () => {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}

/** One request, bounded by its own timeout; every failure becomes an ApiError. Never retries. */
async function attemptOnce<T>(c: Conn, op: SendOp<T>): Promise<HttpResponse<T>> {
  const { clock, signal, deadlineMs } = c.opts;
  const url = urlFor(c.baseUrl, op.path, op.query);
  const timeoutMs = Math.max(1, Math.min(c.requestTimeoutMs, deadlineMs - clock.now()));
  const requestCtl = new AbortController();
  const timerCtl = new AbortController();
  const abortIn = (ms: number, reason: () => unknown) =>
    c.requestTimer(ms, timerCtl.signal).then(
      () => requestCtl.abort(reason()),
      () => {},
    );
  abortIn(timeoutMs, () => new RequestTimeoutError(timeoutMs));
  // With a grace, the run's signal aborts the request only that long after it fired.
  const { graceMs } = op;
  const graced = () => abortIn(graceMs ?? 0, () => signal.reason);
  if (graceMs !== undefined)
    signal.addEventListener("abort", graced, { once: true, signal: timerCtl.signal });
  const body = op.body === undefined ? undefined : JSON.stringify(op.body);
  const reqHeaders = body === undefined ? c.headers : { ...c.headers, "Content-Type": "application/json" };
  let phase: NetworkPhase = "request";
  try {
    const res = await request(url, {
      method: op.method,
      headers: reqHeaders,
      body,
      signal: graceMs === undefined ? AbortSignal.any([signal, requestCtl.signal]) : requestCtl.signal,
      dispatcher: c.dispatcher,
    });
    phase = "body";
    const text = await readCapped(
      res.body,
      res.headers["content-length"],
      op.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      op.onChunk,
    );
    checkDepth(text);
    const answer = { operation: op.operation, method: op.method, path: op.path, url };
    return interpretResponse(
      { ...answer, status: res.statusCode, headers: res.headers, text },
      {
        retry: op.retry,
        schema: op.schema,
        raw: op.raw,
        nowMs: clock.now(),
        clean: c.clean,
        advise: c.opts.advise,
      },
    );
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (err instanceof BadResponseError) throw badResponse(op, err);
    if (signal.aborted) throw abortedError(op.operation, err);
    throw networkFailure(c, op, url, err, phase);
  } finally {
    timerCtl.abort();
  }
}

/** A request that got no (complete) response: what happened, in words, and whether to retry. */
function networkFailure(c: Conn, op: SendOp<unknown>, url: URL, err: unknown, phase: NetworkPhase): ApiError {
  let kind = classifyNetworkError(err, phase);
  // An abort that the run did not ask for is not a cancellation.
  if (kind === "aborted") kind = "ambiguous";
  const proxyStatus = proxyTunnelStatus(err);
  const what =
    err instanceof RequestTimeoutError
      ? err.message
      : proxyStatus !== undefined
        ? `the proxy refused to connect to ${url.host} (${proxyStatus}): check HTTPS_PROXY / NO_PROXY${proxyStatus === 407 ? " and the proxy credentials" : ""}`
        : `${phase === "body" ? "the connection broke while reading the response" : "the request failed"}: ${formatError(err, c.secrets)}`;
  return new ApiError({
    kind,
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
  const cause = e.cause;
  if (cause instanceof RequestTimeoutError) return "a timeout";
  return errorCode(cause) ?? "a network error";
}

/** The same failure with a longer message (and, for a missed deadline, another kind). */
function restated(e: ApiError, message: string, kind = e.kind, cause: unknown = e.cause): ApiError {
  return new ApiError({
    kind,
    operation: e.operation,
    status: e.status,
    detail: e.detail,
    retryAfterMs: e.retryAfterMs,
    message,
    cause,
  });
}

/** Attempts until one succeeds, a failure may not be retried, or the deadline comes. */
async function send<T>(c: Conn, op: SendOp<T>): Promise<HttpResponse<T>> {
  const { clock, signal, deadlineMs, log } = c.opts;
  const max = Math.max(1, op.maxAttempts ?? c.defaultMaxAttempts);
  let last: ApiError | undefined;
  // Attempts that used up the budget. A throttled answer does not: the server said when to come
  // back, so those retries are bounded by the run's deadline alone (a 2-minute wait-timeout under
  // endless 429s ends as timed-out, not as a failure after four tries). maxAttempts 1 still means
  // one request: that caller (the waiter) counts and spaces its own retries.
  let counted = 0;
  let throttled = false;
  return retryLoop({
    clock,
    signal,
    deadlineMs,
    attempt: () => attemptOnce(c, op),
    failed: (err, attempt) => {
      const e =
        err instanceof ApiError
          ? err
          : new ApiError({
              kind: "ambiguous",
              operation: op.operation,
              message: c.clean(`${op.operation} failed: ${formatError(err, c.secrets)}`),
              cause: err,
            });
      last = e;
      if (e.kind === "aborted" || e.kind === "permanent" || e.kind === "deadline") throw e;
      throttled = e.kind === "throttled" && max > 1;
      if (!throttled) counted++;
      if (!shouldRetry(e.kind, op.retry, counted, max)) {
        throw attempt === 1 ? e : restated(e, `${e.message} (gave up after ${attempt} attempts)`);
      }
      return { retryAfterMs: e.retryAfterMs };
    },
    outOfTime: (when) => {
      if (when === "wait" && last) {
        const why = "not retrying: the next attempt could not start before the run's deadline";
        throw restated(last, `${last.message}; ${why}`, "deadline", last);
      }
      throw new ApiError({
        kind: "deadline",
        operation: op.operation,
        status: last?.status,
        message: `${op.operation}: the run's deadline passed${last ? `; last error: ${last.message}` : ""}`,
        cause: last,
      });
    },
    aborted: (reason) => {
      throw abortedError(op.operation, reason);
    },
    waiting: (attempt, delay) => {
      if (!last) return;
      // "2/4" would promise a give-up that throttled retries do not have.
      const next = throttled ? `${attempt + 1}` : `${attempt + 1}/${max}`;
      log.info(
        `${op.operation}: attempt ${next} after ${reasonOf(last)}, waiting ${formatDuration(delay, { tenths: true })}`,
      );
      log.debug(`${op.operation}: attempt ${attempt} failed (${last.kind}): ${last.message}`);
    },
  });
}
