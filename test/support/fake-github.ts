// A loopback fake of the few GitHub REST endpoints the PR comment uses, so the real Octokit from
// @actions/github runs against it unchanged: list (with Link pagination), create and update issue
// comments. It records every request and can answer the way GitHub does to a token without write
// permission (a fork's read-only GITHUB_TOKEN, or a job without `pull-requests: write`).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ACTIONS_BOT, FakeDeploymentsApi, type FakeUser, userJson } from "./fake-github-deployments.ts";

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: FakeUser;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
}

/**
 * `ok`: answer normally; `forbid-writes`: 403 on POST/PATCH (a read-only token); `forbid-all`: 403
 * on everything; `hang`: never answer (for timeouts).
 */
export type FakeGitHubMode = "ok" | "forbid-writes" | "forbid-all" | "hang";

/** A pull request as `GET /repos/{owner}/{repo}/pulls/{number}` shows it; absent numbers answer 404. */
export interface FakePull {
  state: "open" | "closed";
  merged: boolean;
  /**
   * Answer this instead of the PR (a proxy's sign-in page, a broken or hostile answer): the body
   * is sent as it is when a string, else as JSON.
   */
  raw?: { status?: number; body: unknown; contentType?: string };
}

export interface FakeGitHubOptions {
  /** Only this token is accepted (`token <t>` or `Bearer <t>`); others get 401. */
  token: string;
  owner?: string;
  repo?: string;
  /** GitHub's cap on per_page. */
  maxPerPage?: number;
  /**
   * Who the token acts as. Absent: an installation token (`GITHUB_TOKEN`), which acts as
   * github-actions[bot] and may not call `GET /user` (403, as GitHub answers it).
   */
  user?: FakeUser;
}

const FORBIDDEN = { message: "Resource not accessible by integration", status: "403" };

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  mode: FakeGitHubMode = "ok";
  /** Called after a request is recorded and before it is answered, e.g. to change state mid-run. */
  onRequest: ((request: RecordedRequest) => void) | undefined;
  url = "";
  private readonly options: FakeGitHubOptions;
  private readonly comments: FakeComment[] = [];
  /** Pull requests by number, for `GET .../pulls/{number}` (the sweep). */
  readonly pulls = new Map<number, FakePull>();
  /** Deployments and their statuses: see ./fake-github-deployments.ts. */
  readonly deployments: FakeDeploymentsApi;
  private nextId = 1000;
  private readonly server = createServer((req, res) => {
    this.handle(req, res).catch((err: unknown) => send(res, 500, { message: String(err) }));
  });

  constructor(options: FakeGitHubOptions) {
    this.options = options;
    this.deployments = new FakeDeploymentsApi(() => `${this.url}${this.repoPath}`, send, this.identity);
  }

  /** Who the token acts as: what it writes shows this creator. */
  get identity(): FakeUser {
    return this.options.user ?? ACTIONS_BOT;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Seeds a comment, e.g. a person's, or many to push ours onto a later page. */
  addComment(issue: number, body: string, user: FakeComment["user"] = { login: "octocat", type: "User" }) {
    const comment = { id: this.nextId++, issue, body, user };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  deleteComment(id: number): void {
    const i = this.comments.findIndex((c) => c.id === id);
    if (i >= 0) this.comments.splice(i, 1);
  }

  reset(): void {
    this.comments.length = 0;
    this.requests.length = 0;
    this.mode = "ok";
    this.onRequest = undefined;
    this.pulls.clear();
    this.deployments.reset();
  }

  private get repoPath(): string {
    return `/repos/${this.options.owner ?? "acme"}/${this.options.repo ?? "models"}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, { message: "Problems parsing JSON" });
    }
    const method = req.method ?? "GET";
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      body,
    };
    this.requests.push(recorded);
    this.onRequest?.(recorded);
    if (this.mode === "hang") return;

    const auth = req.headers.authorization ?? "";
    const { token } = this.options;
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
      return send(res, 401, { message: "Bad credentials" });
    }
    if (this.mode === "forbid-all" || (this.mode === "forbid-writes" && method !== "GET")) {
      return send(res, 403, FORBIDDEN);
    }

    if (url.pathname === "/user" && method === "GET") {
      // An installation token is not a user: GitHub refuses it this route.
      return this.options.user ? send(res, 200, userJson(this.options.user)) : send(res, 403, FORBIDDEN);
    }
    if (url.pathname.startsWith(`${this.repoPath}/`)) {
      const rest = url.pathname.slice(this.repoPath.length);
      if (this.deployments.handle(method, rest, url, body, res)) return;
    }

    const list = matchPath(url.pathname, `${this.repoPath}/issues/(\\d+)/comments`);
    if (list && method === "GET") return this.list(res, url, Number(list));
    if (list && method === "POST") {
      const text = (body as { body?: unknown } | undefined)?.body;
      if (typeof text !== "string") return send(res, 422, { message: "body is missing" });
      const comment = this.addComment(Number(list), text, this.identity);
      return send(res, 201, this.toJson(comment));
    }
    const one = matchPath(url.pathname, `${this.repoPath}/issues/comments/(\\d+)`);
    if (one && method === "PATCH") {
      const comment = this.comments.find((c) => c.id === Number(one));
      if (!comment) return send(res, 404, { message: "Not Found" });
      const text = (body as { body?: unknown } | undefined)?.body;
      if (typeof text !== "string") return send(res, 422, { message: "body is missing" });
      comment.body = text;
      return send(res, 200, this.toJson(comment));
    }
    const pull = matchPath(url.pathname, `${this.repoPath}/pulls/(\\d+)`);
    if (pull && method === "GET") return this.pull(res, Number(pull));
    return send(res, 404, { message: "Not Found" });
  }

  private pull(res: ServerResponse, n: number): void {
    const pr = this.pulls.get(n);
    if (!pr) {
      send(res, 404, { message: "Not Found", status: "404" });
      return;
    }
    if (pr.raw) {
      const { status = 200, body, contentType } = pr.raw;
      const text = typeof body === "string" ? body : JSON.stringify(body);
      res.writeHead(status, {
        "content-type":
          contentType ?? (typeof body === "string" ? "text/html; charset=utf-8" : "application/json"),
        "content-length": Buffer.byteLength(text),
      });
      res.end(text);
      return;
    }
    send(res, 200, {
      id: 1_800_000_000 + n,
      number: n,
      state: pr.state,
      merged: pr.merged,
      merged_at: pr.merged ? "2026-11-20T10:00:00Z" : null,
      html_url: `https://github.com/acme/models/pull/${n}`,
      title: `PR ${n}`,
    });
  }

  private list(res: ServerResponse, url: URL, issue: number): void {
    const perPage = Math.min(
      Number(url.searchParams.get("per_page") ?? 30) || 30,
      this.options.maxPerPage ?? 100,
    );
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
    const all = this.commentsOn(issue);
    const lastPage = Math.max(1, Math.ceil(all.length / perPage));
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const links: string[] = [];
    const pageUrl = (n: number) => {
      const u = new URL(url);
      u.searchParams.set("per_page", String(perPage));
      u.searchParams.set("page", String(n));
      return u.toString();
    };
    if (page < lastPage)
      links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
    if (page > 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`, `<${pageUrl(1)}>; rel="first"`);
    send(
      res,
      200,
      slice.map((c) => this.toJson(c)),
      links.length > 0 ? { link: links.join(", ") } : {},
    );
  }

  private toJson(c: FakeComment) {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${this.url}${this.repoPath}/issues/comments/${c.id}`,
      html_url: `https://github.com/acme/models/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${this.url}${this.repoPath}/issues/${c.issue}`,
      body: c.body,
      user: userJson(c.user),
      created_at: "2026-11-01T00:00:00Z",
      updated_at: "2026-11-01T00:00:00Z",
      author_association: c.user.type === "Bot" ? "NONE" : "MEMBER",
    };
  }
}

export function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  return new FakeGitHub(options).start();
}

function matchPath(path: string, pattern: string): string | undefined {
  return new RegExp(`^${pattern}$`).exec(path)?.[1];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
