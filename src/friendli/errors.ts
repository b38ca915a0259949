// The one error of the Friendli client, and how a failed request may be treated.

/**
 * How a failed request is treated:
 * - not-sent: never reached the server (refused, DNS, connect timeout): safe to retry any method.
 * - throttled: 429, or 503 with Retry-After: wait as told, retry.
 * - ambiguous: may have been processed (reset after write, response timeout, 500/502/504, a 2xx body
 *   that does not parse): GET retries; a create must look the name up before creating again.
 * - permanent: 400/401/403/404/409/422 and other 4xx: fail at once with what to fix.
 * - aborted: the run was cancelled: never retried.
 * - deadline: the run's one deadline would pass before the next attempt.
 */
export type FailureKind = "not-sent" | "throttled" | "ambiguous" | "permanent" | "aborted" | "deadline";

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly kind: FailureKind;
  /** When a response arrived. */
  readonly status: number | undefined;
  /** The server's `detail` (or equivalent), already redacted. */
  readonly detail: string | undefined;
  /** The server's usable Retry-After, in ms. */
  readonly retryAfterMs: number | undefined;
  /** "create", "list", "status", ... */
  readonly operation: string;

  constructor(init: {
    kind: FailureKind;
    operation: string;
    message: string;
    status?: number;
    detail?: string;
    retryAfterMs?: number;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.operation = init.operation;
    this.status = init.status;
    this.detail = init.detail;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/**
 * The run was cancelled: the one "aborted" ApiError, whatever was cancelled (a request, a retry's
 * wait, a lookup, the smoke test). `what` names it in the message when it is not the operation.
 */
export function abortedError(operation: string, cause?: unknown, what: string = operation): ApiError {
  return new ApiError({
    kind: "aborted",
    operation,
    message: `${what} cancelled: the run was aborted`,
    cause,
  });
}

/**
 * The API refused the instance option itself, so another may be taken: a create or update answered
 * 400, 409 or 422 whose explanation names the instance option or capacity. The spec documents 400
 * and 422 for both without a body, and no capacity API: the words are the only sign, and a refusal
 * for anything else (a bad field, the project) would be refused on every GPU alike.
 */
export function refusesGpu(err: unknown): err is ApiError {
  return (
    err instanceof ApiError &&
    (err.operation === "create" || err.operation === "update") &&
    [400, 409, 422].includes(err.status ?? 0) &&
    /instance[\s_-]?option|capacity|out of stock/i.test(err.detail ?? "")
  );
}
