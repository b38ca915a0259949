// What every Friendli request looks like before it is sent: where it may go (https, or http on a
// loopback host), how a path is built from ids, which headers it carries, and the dispatcher that
// honours the runner's proxy settings. Pure, apart from building the dispatcher.

import { type Dispatcher, EnvHttpProxyAgent } from "undici";
import { BODY_TIMEOUT_MS, CONNECT_TIMEOUT_MS, HEADERS_TIMEOUT_MS } from "../base/timing.ts";

// The build writes package.json's version in place of "dev" (scripts/build.ts).
const USER_AGENT = "friendli-deploy-action/dev";

/**
 * Honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (any case) as self-hosted runners set them. The
 * timeouts are backstops under our own per-request timeout; the size cap stops a runaway body.
 */
export function createDefaultDispatcher(): Dispatcher {
  return new EnvHttpProxyAgent({
    connectTimeout: CONNECT_TIMEOUT_MS,
    headersTimeout: HEADERS_TIMEOUT_MS,
    bodyTimeout: BODY_TIMEOUT_MS,
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

/** https anywhere; plain http only to this machine (local runs and tests). */
export function isAllowedBaseUrl(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
}

/** Visible ASCII only: what an HTTP header can carry without Node quoting the value in an error. */
export function isHeaderSafe(value: string): boolean {
  return /^[\x21-\x7e]+$/.test(value);
}

/** The base URL without a trailing slash; throws when it may not carry the token. */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error("api-url is not a valid URL");
  }
  if (!isAllowedBaseUrl(url)) {
    throw new Error("api-url must use https (plain http is allowed only for localhost/127.0.0.1/[::1])");
  }
  return url.href.replace(/\/+$/, "");
}

/** The headers of every request. Node's own header validation error would quote the whole value. */
export function baseHeaders(token: string, teamId: string | undefined, userAgent = USER_AGENT) {
  if (!isHeaderSafe(token)) {
    throw new Error("friendli-token must be visible ASCII without spaces or control characters");
  }
  if (teamId !== undefined && !isHeaderSafe(teamId)) {
    throw new Error("team-id must be visible ASCII without spaces or control characters");
  }
  return {
    Authorization: `Bearer ${token}`,
    Accept: "application/json",
    "User-Agent": userAgent,
    ...(teamId ? { "X-Friendli-Team": teamId } : {}),
  };
}

/** The full URL of a path and its query; unset query values are left out. */
export function urlFor(
  baseUrl: string,
  path: string,
  query?: Record<string, string | number | undefined>,
): URL {
  const url = new URL(baseUrl + path);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined) url.searchParams.set(k, String(v));
  }
  return url;
}
