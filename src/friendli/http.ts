// The one HTTP layer: every Friendli request goes through send(), which builds the headers,
// applies the run's abort signal and a per-request timeout, classifies each failure
// (./retry.ts) and retries only what is safe to repeat. Messages are redacted with the token.

import { type Dispatcher, EnvHttpProxyAgent, request } from "undici";
import type { ZodMiniType as ZodType } from "zod/mini";
import { type Clock, systemClock } from "../clock.ts";
import { truncate } from "../format.ts";
import type { Logger } from "../log.ts";
import { ApiError, abortedError, type FailureKind } from "./errors.ts";
import { formatError, redact } from "./redact.ts";
import { BadResponseError, checkDepth, readCapped } from "./response-limits.ts";
import {
  classifyNetworkError,
  classifyResponse,
  errorCode,
  formatSeconds,
  type NetworkPhase,
  parseRetryAfter,
  proxyTunnelStatus,
  RequestTimeoutError,
  type RetryPolicy,
  retryDelay,
  shouldRetry,
} from "./retry.ts";

// Kept by hand next to package.json's version: importing package.json would need JSON import
// attributes through tsc, vitest and the bundler for one string.
export const ACTION_VERSION = "0.1.0";
export const USER_AGENT = `friendli-deploy-action/${ACTION_VERSION}`;

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

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
}

export interface SendOp<T> {
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
}

/** For routes that set none: far above any answer of the Dedicated Endpoint API but the listing. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export interface HttpResponse<T> {
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

/**
 * EnvHttpProxyAgent honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and lower-case forms) as
 * self-hosted runners set them, and connects directly when none is set. The timeouts are
 * backstops under our own per-request timeout; the size cap stops a runaway body.
 */
export function createDefaultDispatcher(): Dispatcher {
  return new EnvHttpProxyAgent({
    connectTimeout: 10_000,
    headersTimeout: 60_000,
    bodyTimeout: 60_000,
    maxResponseSize: 16 * 1024 * 1024,
  });
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Joins encoded path segments: pathFor("/dedicated/beta/endpoint", id, "status"). */
export function pathFor(base: string, ...segments: string[]): string {
  for (const s of segments) {
    // "." and ".." survive encodeURIComponent and URL parsing would resolve them.
    if (s === "" || s === "." || s === "..") throw new Error(`invalid path segment ${JSON.stringify(s)}`);
  }
  return [base, ...segments.map(encodeURIComponent)].join("/");
}

const MAX_DETAIL = 500;
const MAX_BODY_EXCERPT = 200;

/** Runs of whitespace, line breaks included, as one space; trimmed. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/**
 * The server's explanation from an error body: FastAPI `detail` (a string or a list of field
 * errors), `{error:{message}}`, `{error: "..."}`, `{message}`, `{error_description}`, or the text
 * itself. Not redacted here.
 */
export function errorDetail(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  let body: unknown;
  try {
    body = JSON.parse(trimmed);
  } catch {
    if (/^<(!doctype|html)/i.test(trimmed)) {
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1];
      return title ? `an HTML page: ${oneLine(title)}` : "an HTML page";
    }
    return oneLine(trimmed);
  }
  if (typeof body === "string") return body;
  if (body === null || typeof body !== "object") return oneLine(trimmed);
  const o = body as Record<string, unknown>;
  const detail = o.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    const parts = detail.map((d) => {
      if (d && typeof d === "object") {
        const { loc, msg } = d as { loc?: unknown; msg?: unknown };
        const where = Array.isArray(loc) ? loc.map(String).join(".") : undefined;
        const what = typeof msg === "string" ? msg : JSON.stringify(d);
        return where ? `${where}: ${what}` : what;
      }
      return String(d);
    });
    if (parts.length > 0) return parts.join("; ");
  }
  if (detail !== undefined && detail !== null) return JSON.stringify(detail);
  const error = o.error;
  if (error && typeof error === "object") {
    const m = (error as { message?: unknown }).message;
    if (typeof m === "string") return m;
  }
  if (typeof error === "string") {
    const d = o.error_description;
    return typeof d === "string" ? `${error}: ${d}` : error;
  }
  if (typeof o.message === "string") return o.message;
  if (typeof o.error_description === "string") return o.error_description;
  return oneLine(trimmed);
}

/** What a status means and what to change, in the words a workflow author needs. */
function describeStatus(status: number, detail: string | undefined): string {
  const said = detail ? `; the server said: ${detail}` : "";
  switch (status) {
    case 400:
      return `the request was rejected (400): ${detail ?? "no detail given"}`;
    case 401:
      return `the Friendli token was rejected (401): check the friendli-token secret (a Personal Access Token, flp_...)${said}`;
    case 403:
      return `access denied (403): check team-id and that the token's user belongs to the team/project${said}`;
    case 404:
      return `not found (404): check project-id / endpoint-id${said}`;
    case 409:
      return `conflict (409): ${detail ?? "the endpoint is in a state that does not allow this"}`;
    case 422:
      return `the request was rejected as invalid (422): ${detail ?? "no field errors given"}`;
    case 429:
      return `rate limited (429)${said}`;
    default:
      if (status >= 500) return `server error (${status})${said}`;
      return `HTTP ${status}${said}`;
  }
}

/** A response header's value; the first one when it came more than once. */
export function firstHeader(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function parseLoose(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** https anywhere; plain http only to this machine (local runs and tests). */
export function isAllowedBaseUrl(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
}

/** Visible ASCII only: what an HTTP header can carry without Node quoting the value in an error. */
export function isHeaderSafe(value: string): boolean {
  return /^[\x21-\x7e]+$/.test(value);
}

function checkBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error("api-url is not a valid URL");
  }
  if (isAllowedBaseUrl(url)) return url;
  throw new Error("api-url must use https (plain http is allowed only for localhost/127.0.0.1/[::1])");
}

export function createHttp(opts: HttpOptions): Http {
  // Node's own header validation error would quote the whole `Bearer <token>` value.
  if (!isHeaderSafe(opts.token)) {
    throw new Error("friendli-token must be visible ASCII without spaces or control characters");
  }
  if (opts.teamId !== undefined && !isHeaderSafe(opts.teamId)) {
    throw new Error("team-id must be visible ASCII without spaces or control characters");
  }
  const base = checkBaseUrl(opts.baseUrl);
  const baseUrl = base.href.replace(/\/+$/, "");
  const ownsDispatcher = opts.dispatcher === undefined;
  const dispatcher = opts.dispatcher ?? createDefaultDispatcher();
  const { clock, signal, deadlineMs, log } = opts;
  const requestTimeoutMs = opts.requestTimeoutMs ?? 30_000;
  const defaultMaxAttempts = opts.maxAttempts ?? 4;
  const requestTimer = opts.requestTimer ?? systemClock.sleep;
  const secrets = [opts.token];
  const headers: Record<string, string> = {
    Authorization: `Bearer ${opts.token}`,
    Accept: "application/json",
    "User-Agent": opts.userAgent ?? USER_AGENT,
  };
  if (opts.teamId) headers["X-Friendli-Team"] = opts.teamId;

  const clean = (s: string) => redact(s, secrets);

  function urlFor(op: SendOp<unknown>): URL {
    const url = new URL(baseUrl + op.path);
    for (const [k, v] of Object.entries(op.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v));
    }
    return url;
  }

  /** Turns a response into data or an ApiError; never retries. */
  function interpret<T>(
    op: SendOp<T>,
    url: URL,
    status: number,
    resHeaders: Record<string, string | string[] | undefined>,
    text: string,
  ): HttpResponse<T> {
    const where = `[${op.method} ${op.path}]`;
    checkDepth(text);
    if (status >= 300 && status < 400) {
      // undici's request() does not follow redirects; we must not either: the token would go to
      // whatever host (or plain-http URL) the Location names.
      const location = firstHeader(resHeaders.location);
      let target = "an unknown location";
      if (location) {
        try {
          const to = new URL(location, url);
          target = to.protocol === url.protocol ? to.host : `${to.protocol}//${to.host}`;
        } catch {
          target = "an invalid location";
        }
      }
      throw new ApiError({
        kind: "permanent",
        operation: op.operation,
        status,
        message: clean(
          `${op.operation} failed: refusing to follow a redirect (${status}) to ${target}: check api-url ${where}`,
        ),
      });
    }
    if (op.raw) return { status, data: parseLoose(text) as T, headers: resHeaders };

    const retryAfterRaw = firstHeader(resHeaders["retry-after"]);
    const retryAfterMs = parseRetryAfter(retryAfterRaw, clock.now());
    const kind = classifyResponse(status, retryAfterRaw !== undefined, op.retry);
    if (kind === "ok") {
      // Redact before truncating: a cut could leave half a token that no longer matches.
      const excerpt = () =>
        truncate(clean(oneLine(text)), MAX_BODY_EXCERPT, { ellipsisAfter: true }) || "(empty)";
      if (op.schema === undefined) return { status, data: parseLoose(text) as T, headers: resHeaders };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new ApiError({
          kind: "ambiguous",
          operation: op.operation,
          status,
          message: `${op.operation}: the server answered ${status} with a body that is not JSON: ${excerpt()} ${where}`,
        });
      }
      const parsed = op.schema.safeParse(json);
      if (!parsed.success) {
        const issues = parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
          .join("; ");
        throw new ApiError({
          kind: "ambiguous",
          operation: op.operation,
          status,
          message: clean(
            `${op.operation}: the server answered ${status} with an unexpected body (${issues}): ${excerpt()} ${where}`,
          ),
        });
      }
      return { status, data: parsed.data, headers: resHeaders };
    }
    const rawDetail = errorDetail(text);
    const detail =
      rawDetail === undefined ? undefined : truncate(clean(rawDetail), MAX_DETAIL, { ellipsisAfter: true });
    return throwStatus(op, kind, status, detail, retryAfterMs, where);
  }

  function throwStatus(
    op: SendOp<unknown>,
    kind: FailureKind,
    status: number,
    detail: string | undefined,
    retryAfterMs: number | undefined,
    where: string,
  ): never {
    throw new ApiError({
      kind,
      operation: op.operation,
      status,
      detail,
      retryAfterMs,
      message: clean(`${op.operation} failed: ${describeStatus(status, detail)} ${where}`),
    });
  }

  async function attemptOnce<T>(op: SendOp<T>): Promise<HttpResponse<T>> {
    const url = urlFor(op as SendOp<unknown>);
    const timeoutMs = Math.max(1, Math.min(requestTimeoutMs, deadlineMs - clock.now()));
    const requestCtl = new AbortController();
    const timerCtl = new AbortController();
    requestTimer(timeoutMs, timerCtl.signal).then(
      () => requestCtl.abort(new RequestTimeoutError(timeoutMs)),
      () => {},
    );
    const reqHeaders = { ...headers };
    let body: string | undefined;
    if (op.body !== undefined) {
      body = JSON.stringify(op.body);
      reqHeaders["Content-Type"] = "application/json";
    }
    let phase: NetworkPhase = "request";
    try {
      const res = await request(url, {
        method: op.method,
        headers: reqHeaders,
        body,
        signal: AbortSignal.any([signal, requestCtl.signal]),
        dispatcher,
      });
      phase = "body";
      const text = await readCapped(
        res.body,
        res.headers["content-length"],
        op.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        op.onChunk,
      );
      return interpret(op, url, res.statusCode, res.headers, text);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      if (err instanceof BadResponseError) throw badResponse(op, err);
      if (signal.aborted) throw abortedError(op.operation, err);
      let kind = classifyNetworkError(err, phase);
      // An abort that the run did not ask for is not a cancellation.
      if (kind === "aborted") kind = "ambiguous";
      const proxyStatus = proxyTunnelStatus(err);
      const what =
        err instanceof RequestTimeoutError
          ? err.message
          : proxyStatus !== undefined
            ? `the proxy refused to connect to ${url.host} (${proxyStatus}): check HTTPS_PROXY / NO_PROXY${proxyStatus === 407 ? " and the proxy credentials" : ""}`
            : `${phase === "body" ? "the connection broke while reading the response" : "the request failed"}: ${formatError(err, secrets)}`;
      throw new ApiError({
        kind,
        operation: op.operation,
        message: clean(`${op.operation} failed: ${what} [${op.method} ${op.path}]`),
        cause: err,
      });
    } finally {
      timerCtl.abort();
    }
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
    const c = e.cause;
    if (c instanceof RequestTimeoutError) return "a timeout";
    return errorCode(c) ?? "a network error";
  }

  async function send<T = unknown>(op: SendOp<T>): Promise<HttpResponse<T>> {
    const max = Math.max(1, op.maxAttempts ?? defaultMaxAttempts);
    let last: ApiError | undefined;
    // Attempts that used up the budget. A throttled answer does not: the server said when to come
    // back, so those retries are bounded by the run's deadline alone (a 2-minute wait-timeout under
    // endless 429s ends as timed-out, not as a failure after four tries). maxAttempts 1 still means
    // one request: that caller (the waiter) counts and spaces its own retries.
    let counted = 0;
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) throw abortedError(op.operation, signal.reason);
      if (clock.now() >= deadlineMs) {
        throw new ApiError({
          kind: "deadline",
          operation: op.operation,
          status: last?.status,
          message: `${op.operation}: the run's deadline passed${last ? `; last error: ${last.message}` : ""}`,
          cause: last,
        });
      }
      try {
        return await attemptOnce(op);
      } catch (err) {
        const e =
          err instanceof ApiError
            ? err
            : new ApiError({
                kind: "ambiguous",
                operation: op.operation,
                message: clean(`${op.operation} failed: ${formatError(err, secrets)}`),
                cause: err,
              });
        last = e;
        if (e.kind === "aborted" || e.kind === "permanent" || e.kind === "deadline") throw e;
        const throttled = e.kind === "throttled" && max > 1;
        if (!throttled) counted++;
        if (!shouldRetry(e.kind, op.retry, counted, max)) {
          if (attempt === 1) throw e;
          throw new ApiError({
            kind: e.kind,
            operation: e.operation,
            status: e.status,
            detail: e.detail,
            retryAfterMs: e.retryAfterMs,
            message: `${e.message} (gave up after ${attempt} attempts)`,
            cause: e.cause,
          });
        }
        const delay = retryDelay({
          attempt,
          retryAfterMs: e.retryAfterMs,
          random: () => clock.random(),
          nowMs: clock.now(),
          deadlineMs,
        });
        if (delay === undefined) {
          throw new ApiError({
            kind: "deadline",
            operation: e.operation,
            status: e.status,
            detail: e.detail,
            retryAfterMs: e.retryAfterMs,
            message: `${e.message}; not retrying: the next attempt could not start before the run's deadline`,
            cause: e,
          });
        }
        // "2/4" would promise a give-up that throttled retries do not have.
        const next = throttled ? `${attempt + 1}` : `${attempt + 1}/${max}`;
        log.info(`${op.operation}: attempt ${next} after ${reasonOf(e)}, waiting ${formatSeconds(delay)}`);
        log.debug(`${op.operation}: attempt ${attempt} failed (${e.kind}): ${e.message}`);
        try {
          await clock.sleep(delay, signal);
        } catch (sleepErr) {
          throw abortedError(op.operation, sleepErr);
        }
      }
    }
  }

  return {
    send,
    baseUrl,
    secrets,
    close: async () => {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}
