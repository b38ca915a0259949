// The fetch the Hub client is given: undici's request through the action's proxy-aware dispatcher
// (HTTPS_PROXY, NO_PROXY, as for Friendli), answered as a standard Response, with a short deadline
// per attempt and for the whole pre-flight, and a couple of retries of what a busy Hub answers. The
// pre-flight is a courtesy: a slow Hub must cost seconds, never the deploy.
//
// Not undici's fetch: bundled, it weighs about 0.6 MB minified (web streams, the fetch spec's
// machinery), more than the rest of the action; `request` is in the bundle already. The Hub client
// needs status, headers, a body, the URL and redirects, which this gives it.

import { type Dispatcher, request } from "undici";
import type { Clock } from "../clock.ts";
import { backoffDelay } from "../friendli/retry.ts";

export interface HubFetchOptions {
  dispatcher: Dispatcher;
  clock: Clock;
  /** The run's signal: a cancelled run stops the pre-flight at once. */
  signal: AbortSignal;
  /** Absolute clock time after which no attempt starts. */
  deadlineMs: number;
  /** Per attempt. */
  attemptTimeoutMs: number;
  /** Attempts per request, the first included. */
  attempts: number;
  /**
   * Resolves when an attempt has taken too long. Real time by default: it guards a real socket.
   * Tests inject one they fire on demand.
   */
  attemptTimer?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The Hub's error code of each failed answer, by URL: the client's errors carry only the status. */
export type ErrorCodes = Map<string, string>;

const RETRY = { baseMs: 500, capMs: 2000 };
const MAX_REDIRECTS = 5;
const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** Request headers as a plain object, whatever shape the client passed. */
function headersOf(init: RequestInit | undefined): Record<string, string> {
  return Object.fromEntries(new Headers(init?.headers).entries());
}

function responseHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(raw)) {
    for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) h.append(k, one);
  }
  return h;
}

const realTimer = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => clearTimeout(t), { once: true });
  });

function retryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** A fetch for @huggingface/hub, and the error codes it saw. */
export function hubFetch(opts: HubFetchOptions): { fetch: typeof fetch; errorCodes: ErrorCodes } {
  const errorCodes: ErrorCodes = new Map();
  const timer = opts.attemptTimer ?? realTimer;
  const one = async (url: string, init: RequestInit | undefined): Promise<Response> => {
    const done = new AbortController();
    const attempt = AbortSignal.any([opts.signal, done.signal]);
    const timedOut = timer(opts.attemptTimeoutMs, done.signal).then(() => {
      if (!done.signal.aborted) done.abort(new Error(`no answer within ${opts.attemptTimeoutMs} ms`));
    });
    void timedOut;
    try {
      let target = new URL(url);
      const headers = headersOf(init);
      const method = init?.method ?? "GET";
      for (let hop = 0; ; hop++) {
        const res = await request(target, { method, headers, dispatcher: opts.dispatcher, signal: attempt });
        const location = res.headers.location;
        if (REDIRECT.has(res.statusCode) && typeof location === "string" && hop < MAX_REDIRECTS) {
          await res.body.dump();
          const next = new URL(location, target);
          // The token is for the Hub: a redirect elsewhere (a CDN) goes without it.
          if (next.origin !== target.origin) delete headers.authorization;
          target = next;
          continue;
        }
        // Read the body before the timer is cleared, so a stalled body is bounded too.
        const body = Buffer.from(await res.body.arrayBuffer());
        const h = responseHeaders(res.headers);
        const code = h.get("x-error-code");
        if (code) errorCodes.set(url, code);
        const empty = res.statusCode === 204 || res.statusCode === 304 || method === "HEAD";
        const copy = new Response(empty ? null : body, { status: res.statusCode, headers: h });
        // The client's errors name the URL they came from; a constructed Response has none of its own.
        Object.defineProperty(copy, "url", { value: target.href });
        return copy;
      }
    } finally {
      done.abort();
    }
  };

  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    let lastError: unknown;
    for (let n = 1; n <= opts.attempts; n++) {
      if (opts.signal.aborted) throw opts.signal.reason;
      if (opts.clock.now() >= opts.deadlineMs) break;
      try {
        const res = await one(url, init);
        if (!retryable(res.status) || n === opts.attempts) return res;
        lastError = new Error(`HTTP ${res.status}`);
      } catch (err) {
        if (opts.signal.aborted) throw opts.signal.reason;
        lastError = err;
      }
      const wait = backoffDelay(n, () => opts.clock.random(), RETRY);
      if (opts.clock.now() + wait >= opts.deadlineMs) break;
      await opts.clock.sleep(wait, opts.signal);
    }
    throw lastError instanceof Error ? lastError : new Error("the pre-flight's deadline passed");
  };
  return { fetch: wrapped as typeof fetch, errorCodes };
}
