// A loopback server that answers the way an attacker (or a badly broken API) would: the Friendli
// routes the action calls, with every answer scriptable. It plays a minimal but coherent API (a
// create is listed afterwards, specs carry the name, statuses say RUNNING) so a run gets as far as
// the hostile answer; each test overrides only the route it attacks.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = "list" | "get" | "status" | "create" | "update" | "delete" | "chat" | "cost";

export interface Answer {
  status?: number;
  /** JSON is serialised; a string or Buffer is sent as it is. */
  body?: unknown;
  /** Sent in chunks without Content-Length, as a stream that never ends unless the client hangs up. */
  stream?: { chunk: Buffer; totalBytes: number };
}

export interface HostileRequest {
  route: Route;
  method: string;
  path: string;
  query: URLSearchParams;
}

export type Handler = (req: HostileRequest, api: HostileServer) => Answer | undefined;

export const NEW_ID = "depnew0000001";

export class HostileServer {
  url = "";
  readonly requests: HostileRequest[] = [];
  /** Endpoints the listing holds: id → name. */
  readonly endpoints = new Map<string, string>();
  override: Partial<Record<Route, Handler>> = {};
  private readonly server = createServer((req, res) => this.handle(req, res));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  count(route: Route): number {
    return this.requests.filter((r) => r.route === route).length;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const route = routeOf(req.method ?? "GET", url.pathname);
      const request = { route, method: req.method ?? "GET", path: url.pathname, query: url.searchParams };
      this.requests.push(request);
      const answer = this.override[route]?.(request, this) ?? this.normal(request);
      send(res, answer);
    });
  }

  /** What a plain, honest API would answer. */
  private normal(req: HostileRequest): Answer {
    const id = decodeURIComponent(req.path.split("/")[4] ?? "");
    const status = { status: "RUNNING", phase: null, createdAt: "2026-11-25T12:00:00Z" };
    switch (req.route) {
      case "list":
        return {
          body: {
            data: Object.fromEntries([...this.endpoints.keys()].map((k) => [k, status])),
            nextCursor: null,
          },
        };
      case "create":
        this.endpoints.set(NEW_ID, "hostile-endpoint");
        return { body: { ...status, status: "INITIALIZING" } };
      case "get":
      case "update":
        return this.endpoints.has(id)
          ? { body: { name: this.endpoints.get(id), projectId: "demo-project" } }
          : { status: 404, body: { detail: "Not Found" } };
      case "status":
        return { body: status };
      case "delete":
        this.endpoints.delete(id);
        return { body: {} };
      case "chat":
        return { body: { choices: [{ message: { role: "assistant", content: "Hello!" } }] } };
      case "cost":
        return { body: { has_more: false, next_page: null, data: [] } };
    }
  }
}

function routeOf(method: string, path: string): Route {
  if (path.endsWith("/chat/completions") || path.endsWith("/completions")) return "chat";
  if (path.endsWith("/status")) return "status";
  if (path === "/v1/team/cost") return "cost";
  if (path === "/dedicated/beta/endpoint") return method === "POST" ? "create" : "list";
  if (method === "PUT") return "update";
  if (method === "DELETE") return "delete";
  return "get";
}

function send(res: ServerResponse, answer: Answer): void {
  res.statusCode = answer.status ?? 200;
  if (answer.stream) {
    res.setHeader("Content-Type", "application/json");
    const { chunk, totalBytes } = answer.stream;
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("close", () => {
      sent = totalBytes;
    });
    pump();
    return;
  }
  const { body } = answer;
  const text = typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body ?? {});
  res.setHeader("Content-Type", typeof body === "string" ? "text/plain" : "application/json");
  res.end(text);
}

export async function startHostile(): Promise<HostileServer> {
  return new HostileServer().start();
}

/** `[[[…0…]]]` nested `depth` times, as JSON text built without recursion. */
export function nested(depth: number, inner = "0"): string {
  return `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;
}
