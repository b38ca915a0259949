// The fetch the Hub client is given: undici's fetch through the action's proxy-aware dispatcher
// (HTTPS_PROXY, NO_PROXY, as for Friendli), with a short deadline per attempt and for the whole
// pre-flight, and a couple of retries of what a busy Hub answers. The pre-flight is a courtesy: a
// slow Hub must cost seconds, never the deploy.
//
// Redirects are followed here, not by fetch. undici's fetch does drop the Authorization header on a
// redirect to another origin (the Fetch spec's redirect steps), as this loop does, but it follows a
// redirect from https down to http and to any host. Here every hop must pass the address rules of
// the Hub's own URL, https never goes to http, and the token stays on the Hub's origin.
import { type Dispatcher, fetch as undiciFetch } from "undici";
import { retryLoop } from "../base/backoff.ts";
import { type Clock, systemClock } from "../base/clock.ts";
import { HUB_ATTEMPT_TIMEOUT_MS, HUB_ATTEMPTS, HUB_RETRY_BACKOFF } from "../base/timing.ts";
import { isAllowedBaseUrl } from "../friendli/request-policy.ts";

export interface HubFetchOptions {
  /** The action's proxy-aware dispatcher (createDefaultDispatcher). */
  dispatcher: Dispatcher;
  clock: Clock;
  /** The run's signal: a cancelled run stops the pre-flight at once. */
  signal: AbortSignal;
  /** Absolute clock time after which no attempt starts. */
  deadlineMs: number;
  attemptTimeoutMs?: number;
  /** Per request, the first included. */
  attempts?: number;
  /** Resolves when an attempt has taken too long: real time by default, as it guards a real socket. */
  attemptTimer?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const MAX_REDIRECTS = 5;
const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** One attempt on its own timer, following the redirects the token rules allow. */
async function fetchOnce(
  url: string,
  init: RequestInit | undefined,
  opts: HubFetchOptions,
  errorCodes: Map<string, string>,
): Promise<Response> {
  const timeoutMs = opts.attemptTimeoutMs ?? HUB_ATTEMPT_TIMEOUT_MS;
  const done = new AbortController();
  // The timer's rejection is the attempt ending first: nothing to do.
  (opts.attemptTimer ?? systemClock.sleep)(timeoutMs, done.signal).then(
    () => done.abort(new Error(`no answer within ${timeoutMs} ms`)),
    () => {},
  );
  const signal = AbortSignal.any([opts.signal, done.signal]);
  try {
    let target = new URL(url);
    // Lower-case names, whatever shape the client passed them in.
    const headers: Record<string, string> = Object.fromEntries(new Headers(init?.headers));
    for (let hop = 0; ; hop++) {
      const res = await undiciFetch(target, {
        method: init?.method ?? "GET",
        headers,
        dispatcher: opts.dispatcher,
        signal,
        redirect: "manual",
      });
      const location = res.headers.get("location");
      if (!REDIRECT.has(res.status) || location === null || hop >= MAX_REDIRECTS) {
        const code = res.headers.get("x-error-code");
        if (code) errorCodes.set(target.href, code);
        // Read before the attempt's timer is cleared, so a stalled body is bounded too; the copy
        // keeps the URL the client names in its errors.
        const body = res.status === 204 || res.status === 304 ? null : await res.arrayBuffer();
        const copy = new Response(body, { status: res.status, headers: Array.from(res.headers) });
        return Object.defineProperty(copy, "url", { value: target.href });
      }
      await res.body?.cancel();
      const next = new URL(location, target);
      if (!isAllowedBaseUrl(next) || (target.protocol === "https:" && next.protocol !== "https:")) {
        throw new Error(`the Hub redirected to a URL the pre-flight does not follow (${next.protocol})`);
      }
      // The token is for the Hub: a redirect elsewhere (a CDN) goes without it.
      if (next.origin !== target.origin) delete headers.authorization;
      target = next;
    }
  } finally {
    done.abort();
  }
}

/**
 * A fetch for @huggingface/hub, and the Hub's error code (x-error-code) of each failed answer by
 * URL: the client's errors carry only the status.
 */
export function hubFetch(opts: HubFetchOptions): { fetch: typeof fetch; errorCodes: Map<string, string> } {
  const errorCodes = new Map<string, string>();
  const attempts = opts.attempts ?? HUB_ATTEMPTS;
  const retrying = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    let lastError: unknown;
    return retryLoop({
      ...opts,
      backoff: HUB_RETRY_BACKOFF,
      attempt: async (n) => {
        const res = await fetchOnce(url, init, opts, errorCodes);
        // What a busy Hub answers is tried again while attempts are left.
        if ((res.status !== 429 && res.status < 500) || n === attempts) return res;
        throw new Error(`HTTP ${res.status}`);
      },
      failed: (err, n) => {
        if (opts.signal.aborted) throw opts.signal.reason;
        lastError = err;
        if (n >= attempts) throw err;
        return {};
      },
      outOfTime: () => {
        throw lastError instanceof Error ? lastError : new Error("the pre-flight's deadline passed");
      },
      aborted: (reason) => {
        throw reason;
      },
    });
  };
  return { fetch: retrying as typeof fetch, errorCodes };
}
