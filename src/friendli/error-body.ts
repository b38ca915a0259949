// Reading what the server answered: the explanation in an error body, what a status means in
// words, and the one function that turns a response into data or an ApiError. Pure: the caller
// passes the time and the redactor.
import type { ZodMiniType as ZodType } from "zod/mini";
import { oneLine, truncate } from "../base/format.ts";
import { ApiError, type FailureKind } from "./errors.ts";
import { classifyResponse, parseRetryAfter, type RetryPolicy } from "./retry.ts";

const MAX_DETAIL = 500;
const MAX_BODY_EXCERPT = 200;

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

/**
 * What a status means, in words; `advice` (what to change, naming the action's inputs) comes from
 * the caller, who knows the inputs.
 */
function describeStatus(status: number, detail: string | undefined, advice?: string): string {
  const said = detail ? `; the server said: ${detail}` : "";
  const change = advice ? `: ${advice}` : "";
  switch (status) {
    case 400:
      return `the request was rejected (400): ${detail ?? "no detail given"}`;
    case 401:
      return `the Friendli token was rejected (401)${change}${said}`;
    case 403:
      return `access denied (403)${change}${said}`;
    case 404:
      return `not found (404)${change}${said}`;
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

/** What one answered request is, as interpretResponse needs it. */
interface Answer {
  /** Short name of the operation for messages: "create", "list", ... */
  operation: string;
  method: string;
  path: string;
  url: URL;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

interface InterpretOptions<T> {
  retry: RetryPolicy;
  /** Validates a 2xx body; a body that fails it is an ambiguous failure. */
  schema?: ZodType<T>;
  /** Any non-redirect answer is data (the smoke test judges inference answers itself). */
  raw?: boolean;
  nowMs: number;
  /** The redactor: every message passes through it. */
  clean: (s: string) => string;
  /** What to change for a status, naming the action's inputs. */
  advise?: (status: number) => string | undefined;
}

/** Turns a response into data or an ApiError; never retries. */
export function interpretResponse<T>(
  a: Answer,
  o: InterpretOptions<T>,
): { status: number; data: T; headers: Answer["headers"] } {
  const where = `[${a.method} ${a.path}]`;
  if (a.status >= 300 && a.status < 400) throw redirectRefused(a, o.clean, where);
  if (o.raw) return { status: a.status, data: parseLoose(a.text) as T, headers: a.headers };
  const retryAfterRaw = firstHeader(a.headers["retry-after"]);
  const kind = classifyResponse(a.status, retryAfterRaw !== undefined, o.retry);
  if (kind === "ok") {
    if (o.schema === undefined)
      return { status: a.status, data: parseLoose(a.text) as T, headers: a.headers };
    return { status: a.status, data: parseBody(a, o.schema, o.clean, where), headers: a.headers };
  }
  const rawDetail = errorDetail(a.text);
  const detail =
    rawDetail === undefined ? undefined : truncate(o.clean(rawDetail), MAX_DETAIL, { ellipsisAfter: true });
  return throwStatus(a, kind, detail, parseRetryAfter(retryAfterRaw, o.nowMs), o, where);
}

/**
 * undici's request() does not follow redirects; we must not either: the token would go to
 * whatever host (or plain-http URL) the Location names.
 */
function redirectRefused(a: Answer, clean: (s: string) => string, where: string): ApiError {
  const location = firstHeader(a.headers.location);
  let target = "an unknown location";
  if (location) {
    try {
      const to = new URL(location, a.url);
      target = to.protocol === a.url.protocol ? to.host : `${to.protocol}//${to.host}`;
    } catch {
      target = "an invalid location";
    }
  }
  return new ApiError({
    kind: "permanent",
    operation: a.operation,
    status: a.status,
    message: clean(
      `${a.operation} failed: refusing to follow a redirect (${a.status}) to ${target}: check api-url ${where}`,
    ),
  });
}

/** A 2xx body checked against its schema; one that is not JSON or not the shape is ambiguous. */
function parseBody<T>(a: Answer, schema: ZodType<T>, clean: (s: string) => string, where: string): T {
  // Redact before truncating: a cut could leave half a token that no longer matches.
  const excerpt = () =>
    truncate(clean(oneLine(a.text)), MAX_BODY_EXCERPT, { ellipsisAfter: true }) || "(empty)";
  let json: unknown;
  try {
    json = JSON.parse(a.text);
  } catch {
    throw new ApiError({
      kind: "ambiguous",
      operation: a.operation,
      status: a.status,
      message: `${a.operation}: the server answered ${a.status} with a body that is not JSON: ${excerpt()} ${where}`,
    });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
  throw new ApiError({
    kind: "ambiguous",
    operation: a.operation,
    status: a.status,
    message: clean(
      `${a.operation}: the server answered ${a.status} with an unexpected body (${issues}): ${excerpt()} ${where}`,
    ),
  });
}

function throwStatus(
  a: Answer,
  kind: FailureKind,
  detail: string | undefined,
  retryAfterMs: number | undefined,
  o: Pick<InterpretOptions<unknown>, "clean" | "advise">,
  where: string,
): never {
  throw new ApiError({
    kind,
    operation: a.operation,
    status: a.status,
    detail,
    retryAfterMs,
    message: o.clean(
      `${a.operation} failed: ${describeStatus(a.status, detail, o.advise?.(a.status))} ${where}`,
    ),
  });
}
