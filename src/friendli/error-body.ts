// What the server answered: the explanation in an error body, a status in words, and the one
// function that turns a response into data or an ApiError. Pure: the caller passes the time and
// the redactor.
import type { ZodMiniType as ZodType } from "zod/mini";
import { oneLine, truncate } from "../base/format.ts";
import { ApiError } from "./errors.ts";
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
  if (Array.isArray(detail) && detail.length > 0) {
    return detail
      .map((d) => {
        if (!d || typeof d !== "object") return String(d);
        const { loc, msg } = d as { loc?: unknown; msg?: unknown };
        const where = Array.isArray(loc) ? loc.map(String).join(".") : "";
        const what = typeof msg === "string" ? msg : JSON.stringify(d);
        return where ? `${where}: ${what}` : what;
      })
      .join("; ");
  }
  if (detail !== undefined && detail !== null) return JSON.stringify(detail);
  const error = o.error;
  const message = error && typeof error === "object" ? (error as { message?: unknown }).message : undefined;
  if (typeof message === "string") return message;
  const description = typeof o.error_description === "string" ? o.error_description : undefined;
  if (typeof error === "string") return description === undefined ? error : `${error}: ${description}`;
  if (typeof o.message === "string") return o.message;
  return description ?? oneLine(trimmed);
}

/** A status in words; `advice` (what to change, naming the action's inputs) comes from the caller. */
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
      return `${status >= 500 ? `server error (${status})` : `HTTP ${status}`}${said}`;
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

/** What interpretResponse needs of a request. */
export interface RequestOp<T> {
  /** Short name for messages and retry lines: "create", "list", "status", ... */
  operation: string;
  method: string;
  /** Absolute path; callers encode each dynamic segment (pathFor). */
  path: string;
  retry: RetryPolicy;
  /** Validates a 2xx body; a body that fails it is an ambiguous failure. */
  schema?: ZodType<T>;
  /** Any non-redirect answer is data, JSON or text (the smoke test judges inference answers itself). */
  raw?: boolean;
}

type Headers = Record<string, string | string[] | undefined>;

export interface HttpResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

interface Context {
  nowMs: number;
  /** The redactor: every message passes through it. */
  clean: (s: string) => string;
  /** What to change for a status, naming the action's inputs. */
  advise?: (status: number) => string | undefined;
}

type Reply = { url: URL; status: number; headers: Headers; text: string };

/** Turns a response into data or an ApiError; never retries. */
export function interpretResponse<T>(op: RequestOp<T>, res: Reply, ctx: Context): HttpResponse<T> {
  const where = `[${op.method} ${op.path}]`;
  const { status, headers, text } = res;
  if (status >= 300 && status < 400) throw redirectRefused(op, res, ctx.clean, where);
  if (op.raw) return { status, data: parseLoose(text) as T, headers };
  const retryAfter = firstHeader(headers["retry-after"]);
  const kind = classifyResponse(status, retryAfter !== undefined, op.retry);
  if (kind === "ok" && op.schema)
    return { status, data: parseBody(op, op.schema, res, ctx.clean, where), headers };
  if (kind === "ok") return { status, data: parseLoose(text) as T, headers };
  const raw = errorDetail(text);
  const detail =
    raw === undefined ? undefined : truncate(ctx.clean(raw), MAX_DETAIL, { ellipsisAfter: true });
  const described = describeStatus(status, detail, ctx.advise?.(status));
  throw new ApiError({
    kind,
    operation: op.operation,
    status,
    detail,
    retryAfterMs: parseRetryAfter(retryAfter, ctx.nowMs),
    message: ctx.clean(`${op.operation} failed: ${described} ${where}`),
  });
}

/** undici's request() does not follow redirects, nor may we: the token would go wherever Location says. */
function redirectRefused(op: RequestOp<unknown>, res: Reply, clean: (s: string) => string, where: string) {
  const location = firstHeader(res.headers.location);
  let target = "an unknown location";
  if (location) {
    try {
      const to = new URL(location, res.url);
      target = to.protocol === res.url.protocol ? to.host : `${to.protocol}//${to.host}`;
    } catch {
      target = "an invalid location";
    }
  }
  return new ApiError({
    kind: "permanent",
    operation: op.operation,
    status: res.status,
    message: clean(
      `${op.operation} failed: refusing to follow a redirect (${res.status}) to ${target}: check api-url ${where}`,
    ),
  });
}

/** A 2xx body checked against its schema; one that is not JSON or not the shape is ambiguous. */
function parseBody<T>(
  op: RequestOp<T>,
  schema: ZodType<T>,
  res: Reply,
  clean: (s: string) => string,
  where: string,
): T {
  // Redact before truncating: a cut could leave half a token that no longer matches.
  const excerpt = () =>
    truncate(clean(oneLine(res.text)), MAX_BODY_EXCERPT, { ellipsisAfter: true }) || "(empty)";
  const fail = (what: string) =>
    new ApiError({
      kind: "ambiguous",
      operation: op.operation,
      status: res.status,
      message: clean(
        `${op.operation}: the server answered ${res.status} with ${what}: ${excerpt()} ${where}`,
      ),
    });
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    throw fail("a body that is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw fail(`an unexpected body (${issues.join("; ")})`);
}
