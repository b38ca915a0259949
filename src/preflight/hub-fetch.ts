// The fetch the Hub client is given: undici's fetch through the action's proxy-aware dispatcher
// (HTTPS_PROXY, NO_PROXY, as for Friendli), with a short deadline per attempt and for the whole
// pre-flight, and a couple of retries of what a busy Hub answers. The pre-flight is a courtesy: a
// slow Hub must cost seconds, never the deploy. This module is loaded only when the pre-flight runs.
import { type Dispatcher, fetch as undiciFetch } from "undici";
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
      const res = await undiciFetch(url, {
        ...(init as object),
        dispatcher: opts.dispatcher,
        signal: attempt,
        redirect: "follow",
      } as Parameters<typeof undiciFetch>[1]);
      // Read the body before the timer is cleared, so a stalled body is bounded too.
      const body = await res.arrayBuffer();
      const code = res.headers.get("x-error-code");
      if (code) errorCodes.set(url, code);
      const copy = new Response(
        res.status === 204 || res.status === 304 || init?.method === "HEAD" ? null : body,
        {
          status: res.status,
          statusText: res.statusText,
          headers: [...res.headers.entries()],
        },
      );
      // The client's errors name the URL they came from; a constructed Response has none of its own.
      Object.defineProperty(copy, "url", { value: res.url || url });
      return copy;
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
