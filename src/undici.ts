// The three pieces of undici the action uses (request, the default dispatcher and the Dispatcher
// type), imported by their own paths instead of from undici's root. The root module loads
// everything at once: fetch, WebSocket, EventSource, the cache stores with node:sqlite, the mock
// agents, and an eagerly built global dispatcher. A bundler cannot drop any of it (undici is
// CommonJS); by path, the bundle keeps the HTTP/1.1 client, the pools, the agents and the proxy
// support only. Tests still use MockAgent from the root: it is the same Dispatcher class.
import type * as Undici from "undici";
import api from "undici/lib/api/index.js";
import { InvalidArgumentError } from "undici/lib/core/errors.js";
import { parseOrigin, parseURL } from "undici/lib/core/util.js";
import DispatcherBase from "undici/lib/dispatcher/dispatcher.js";
import EnvHttpProxyAgentClass from "undici/lib/dispatcher/env-http-proxy-agent.js";
import { getGlobalDispatcher } from "undici/lib/global.js";

export type { Dispatcher } from "undici";

// What undici's index.js does first: the request/connect/... methods live on every dispatcher.
// ProxyAgent relies on it (its CONNECT tunnel calls client.connect()).
Object.assign(DispatcherBase.prototype, api);

export const EnvHttpProxyAgent: typeof Undici.EnvHttpProxyAgent = EnvHttpProxyAgentClass;

/** undici's top-level request(url, options): the same URL handling, then dispatcher.request(). */
export const request = ((url: string | URL, opts?: Undici.Dispatcher.RequestOptions) => {
  if (!url || (typeof url !== "string" && typeof url !== "object")) {
    throw new InvalidArgumentError("invalid url");
  }
  if (opts != null && typeof opts !== "object") throw new InvalidArgumentError("invalid opts");
  let target: URL;
  const options = (opts ?? (typeof url === "object" ? url : {})) as Undici.Dispatcher.RequestOptions & {
    dispatcher?: Undici.Dispatcher;
    agent?: unknown;
  };
  if (opts?.path != null) {
    if (typeof opts.path !== "string") throw new InvalidArgumentError("invalid opts.path");
    const path = opts.path.startsWith("/") ? opts.path : `/${opts.path}`;
    target = new URL(parseOrigin(url).origin + path);
  } else {
    target = parseURL(url);
  }
  const { agent, dispatcher = getGlobalDispatcher(), ...rest } = options;
  if (agent) throw new InvalidArgumentError("unsupported opts.agent. Did you mean opts.client?");
  return api.request.call(dispatcher, {
    ...rest,
    origin: target.origin,
    path: target.search ? `${target.pathname}${target.search}` : target.pathname,
    method: options.method || (options.body ? "PUT" : "GET"),
  });
}) as typeof Undici.request;
