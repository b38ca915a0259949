// Pure retry decisions: what a failure means, whether to try again, what Retry-After says (the wait
// itself is ../base/backoff.ts), each rule a row in a table test.
//
// Our own loop (./http.ts), not undici's RetryAgent: our waits go through the injected clock (tests
// run on virtual time), no attempt starts past the run's deadline, every retry writes its log line,
// and what failed (not sent, throttled, ambiguous: ./errors.ts), not the status alone, decides.
import { formatDuration } from "../base/format.ts";
import type { FailureKind } from "./errors.ts";

/** The failure kinds each policy retries: a create only what the server certainly did not process. */
const RETRIED = {
  idempotent: ["not-sent", "throttled", "ambiguous"],
  create: ["not-sent", "throttled"],
  never: [],
} as const satisfies Record<string, readonly FailureKind[]>;
export type RetryPolicy = keyof typeof RETRIED;

/** Where a transport error happened: before the response headers, or in the body (the server saw it). */
export type NetworkPhase = "request" | "body";

/** The abort reason of our own per-request timeout: retryable, unlike the run's cancellation. */
export class RequestTimeoutError extends Error {
  override readonly name = "RequestTimeoutError";
  readonly code = "FRIENDLI_REQUEST_TIMEOUT";
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`no complete response within ${formatDuration(timeoutMs, { tenths: true })}`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * What an HTTP status means for the request. `policy` "create" makes every 503 ambiguous: a gateway
 * may answer 503 with Retry-After after the backend has acted, and a duplicate endpoint costs more
 * than one lookup. Only a 429 proves a create was not processed.
 */
export function classifyResponse(
  status: number,
  hasRetryAfter: boolean,
  policy: RetryPolicy = "idempotent",
): FailureKind | "ok" {
  if (status >= 200 && status < 300) return "ok";
  if (status === 429) return "throttled";
  if (status === 503) return hasRetryAfter && policy !== "create" ? "throttled" : "ambiguous";
  // RFC 9110: 408 means the server gave up before it had the whole request, so it did not act on it.
  if (status === 408) return "not-sent";
  if (status >= 500) return "ambiguous";
  // 1xx never reaches us; 3xx is refused (never follow a redirect with the token); 4xx is final.
  return "permanent";
}

// A connection was never established: the server cannot have seen the request.
const NOT_SENT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_PRX_CONN",
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
]);

// The request may have been written before the connection broke or the response stalled.
const AMBIGUOUS_CODES = new Set([
  "UND_ERR_SOCKET",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
  "UND_ERR_CLOSED",
  "UND_ERR_DESTROYED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "FRIENDLI_REQUEST_TIMEOUT",
]);

// Retrying cannot fix a certificate the runner does not trust; the message says what to do.
const TLS_CODES = new Set([
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** The first error code found on the error, its cause chain, or an AggregateError's members. */
export function errorCode(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0) {
    const e = queue.shift();
    if (e === null || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code !== "UND_ERR" && code !== "UND_ERR_REQ_RETRY") return code;
    queue.push((e as { cause?: unknown }).cause);
    const members = (e as { errors?: unknown }).errors;
    if (Array.isArray(members)) queue.push(...members);
  }
  return undefined;
}

function isAbortError(err: unknown): boolean {
  if (err === null || typeof err !== "object") return false;
  const { name, code } = err as { name?: unknown; code?: unknown };
  return name === "AbortError" || code === "ABORT_ERR" || code === "UND_ERR_ABORTED";
}

/**
 * undici reports a proxy that refuses the CONNECT tunnel as an AbortError ("Proxy response (403)
 * !== 200 when HTTP Tunneling"): the request never reached the API, and it is no cancellation.
 */
export function proxyTunnelStatus(err: unknown): number | undefined {
  const message = err instanceof Error ? err.message : undefined;
  const m = message ? /^Proxy response \((\d{3})\)/.exec(message) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Sorts a transport error (no HTTP response) into a failure kind. The HTTP layer checks the run's
 * signal first; an AbortError that reaches here is a cancellation, never retried.
 */
export function classifyNetworkError(err: unknown, phase: NetworkPhase): FailureKind {
  if (err instanceof RequestTimeoutError) return "ambiguous";
  const proxyStatus = proxyTunnelStatus(err);
  if (proxyStatus !== undefined) return proxyStatus === 407 ? "permanent" : "not-sent";
  if (isAbortError(err)) return "aborted";
  const code = errorCode(err);
  if (code !== undefined && TLS_CODES.has(code)) return "permanent";
  // Once headers arrived the server has acted on the request, whatever broke afterwards.
  if (phase === "body") return "ambiguous";
  if (code !== undefined && NOT_SENT_CODES.has(code)) return "not-sent";
  if (code !== undefined && AMBIGUOUS_CODES.has(code)) return "ambiguous";
  // Unknown failures count as ambiguous too: a GET retries, a create looks the name up first.
  return "ambiguous";
}

/**
 * Retry-After as delta-seconds or an HTTP-date, in ms from nowMs. A date in the past means "now"
 * (0). Garbage, negative numbers and dates that do not look like HTTP-dates give undefined, so
 * the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === "") return undefined;
  // Fractions are not in RFC 9110 but some servers send them; they are harmless to honour.
  if (/^\d+(\.\d+)?$/.test(v)) {
    const ms = Math.ceil(Number(v) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  // Date.parse accepts almost anything ("1", "-5" are years), so require a time and a weekday or
  // month name, as all three HTTP-date forms (IMF-fixdate, RFC 850, asctime) have.
  if (!/[A-Za-z]{3}/.test(v) || !/\d{1,2}:\d{2}:\d{2}/.test(v)) return undefined;
  // HTTP-dates are always GMT; asctime omits the zone and Date.parse would read it as local time.
  const at = Date.parse(/\b(GMT|UTC)\b|Z$|[+-]\d{4}$/.test(v) ? v : `${v} GMT`);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** `attempt` counts the attempts that used up the budget (the HTTP layer does not count throttled ones). */
export function shouldRetry(kind: FailureKind, policy: RetryPolicy, attempt: number, max: number): boolean {
  const retried: readonly FailureKind[] = RETRIED[policy];
  return attempt < max && retried.includes(kind);
}
