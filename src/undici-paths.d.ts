// Types for the undici modules src/undici.ts imports by path (undici ships types for its root only).
declare module "undici/lib/api/index.js" {
  import type { Dispatcher } from "undici";

  const api: {
    request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
  };
  export default api;
}

declare module "undici/lib/core/errors.js" {
  export { InvalidArgumentError } from "undici/types/errors";
}

declare module "undici/lib/core/util.js" {
  export function parseOrigin(url: string | URL): URL;
  export function parseURL(url: string | URL): URL;
}

declare module "undici/lib/dispatcher/dispatcher.js" {
  import type { Dispatcher } from "undici";

  const DispatcherBase: typeof Dispatcher;
  export default DispatcherBase;
}

declare module "undici/lib/dispatcher/env-http-proxy-agent.js" {
  import type { EnvHttpProxyAgent } from "undici";

  const EnvHttpProxyAgentClass: typeof EnvHttpProxyAgent;
  export default EnvHttpProxyAgentClass;
}

declare module "undici/lib/global.js" {
  export { getGlobalDispatcher } from "undici";
}
