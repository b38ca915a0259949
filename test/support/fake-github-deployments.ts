// The Deployments part of the loopback fake GitHub (./fake-github.ts), kept apart from the
// issue-comment routes. Field names, defaults and status codes follow GitHub's REST documentation:
// "REST API endpoints for deployments" and "REST API endpoints for deployment statuses".
//
// What GitHub does that the fake does too, because code that ignores it breaks on real GitHub:
// - POST /deployments without `required_contexts: []` verifies every commit status of the ref: while
//   the workflow's own checks are pending that is a 409.
// - `auto_merge` defaults to true: a ref behind the default branch is merged and answered 202 with a
//   message, and no deployment is created.
// - The list is newest first, paginated with a Link header (per_page at most 100).
// - A `success` status with `auto_inactive` (default true) adds an `inactive` status to earlier
//   successful deployments of the same environment, unless they are transient or production ones.
// - A status description longer than 140 characters is a 422.
// - Each status shows its own `creator`, who need not be the deployment's.
import type { ServerResponse } from "node:http";

export type DeploymentState =
  | "error"
  | "failure"
  | "inactive"
  | "in_progress"
  | "queued"
  | "pending"
  | "success";
const STATES = new Set<string>([
  "error",
  "failure",
  "inactive",
  "in_progress",
  "queued",
  "pending",
  "success",
]);

export interface FakeDeploymentStatus {
  id: number;
  state: DeploymentState;
  description: string;
  environmentUrl: string;
  logUrl: string;
  createdAt: string;
  /** Who created it (`creator`): anyone with `deployments: write` can add a status to any deployment. */
  creator: FakeUser;
}

export interface FakeDeployment {
  id: number;
  ref: string;
  sha: string;
  task: string;
  environment: string;
  payload: unknown;
  description: string | null;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  createdAt: string;
  /** Who created it, as GitHub shows it (`creator`): the token's identity, or whoever seeded it. */
  creator: FakeUser;
  /** Oldest first, as they were created. */
  statuses: FakeDeploymentStatus[];
}

/** A GitHub account as GitHub's answers show it (`creator`, `user`). */
export interface FakeUser {
  login: string;
  type: "Bot" | "User";
}

/** What `GITHUB_TOKEN` (a GitHub App installation token) acts as. */
export const ACTIONS_BOT: FakeUser = { login: "github-actions[bot]", type: "Bot" };

/** `write`: normal; `read`: 403 on writes; `none`: 403 on every deployments route. */
export type DeploymentsAccess = "write" | "read" | "none";

type Send = (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => void;

const FORBIDDEN = {
  message: "Resource not accessible by integration",
  documentation_url: "https://docs.github.com/rest/deployments/deployments#create-a-deployment",
  status: "403",
};
const NOT_FOUND = { message: "Not Found", status: "404" };
const SHA = /^[0-9a-f]{40}$/;

export class FakeDeploymentsApi {
  readonly deployments: FakeDeployment[] = [];
  /** Answers the next deployments requests with these statuses (e.g. 502), one each, first to last. */
  readonly faults: Array<number | { status: number; message: string }> = [];
  access: DeploymentsAccess = "write";
  /** Commit-status contexts that are still pending on every ref (the workflow's own checks). */
  pendingContexts: string[] = ["ci/build"];
  /** The deployed ref is behind the default branch: auto_merge would merge it. */
  refBehindDefault = true;
  private nextId = 5000;
  private clock = Date.UTC(2026, 10, 1);

  private readonly base: () => string;
  private readonly send: Send;
  /** Who the fake's token acts as: the creator of what it creates. */
  private readonly identity: FakeUser;

  constructor(base: () => string, send: Send, identity: FakeUser = ACTIONS_BOT) {
    this.base = base;
    this.send = send;
    this.identity = identity;
  }

  reset(): void {
    this.deployments.length = 0;
    this.faults.length = 0;
    this.access = "write";
    this.pendingContexts = ["ci/build"];
    this.refBehindDefault = true;
  }

  /** Seeds a deployment as if an earlier run (or someone else) had made it; states oldest first. */
  seed(d: Partial<Omit<FakeDeployment, "id" | "statuses">> & { states?: DeploymentState[] }): FakeDeployment {
    const deployment: FakeDeployment = {
      id: this.nextId++,
      ref: d.ref ?? "main",
      sha: d.sha ?? "0c5a0ec25e76bd3ab8cb8b1aa9ad60cd0e6aa1ea",
      task: d.task ?? "deploy",
      environment: d.environment ?? "production",
      payload: d.payload ?? {},
      description: d.description ?? null,
      transientEnvironment: d.transientEnvironment ?? false,
      productionEnvironment: d.productionEnvironment ?? d.environment === "production",
      createdAt: this.tick(),
      // Seeded as an earlier run of this action made it, unless the test names someone else.
      creator: d.creator ?? ACTIONS_BOT,
      statuses: [],
    };
    this.deployments.push(deployment);
    for (const state of d.states ?? []) this.addStatus(deployment, { state });
    return deployment;
  }

  /** Adds a status as `creator` posting it through the API would, `auto_inactive` included. */
  postStatus(
    d: FakeDeployment,
    s: Partial<FakeDeploymentStatus> & { state: DeploymentState; creator: FakeUser },
    autoInactive = true,
  ): FakeDeploymentStatus {
    const status = this.addStatus(d, s);
    if (status.state === "success" && autoInactive) this.inactivateOthers(d, s.creator);
    return status;
  }

  /** Answers a request under /repos/{owner}/{repo}; false when the path is not one of these routes. */
  handle(method: string, rest: string, url: URL, body: unknown, res: ServerResponse): boolean {
    const route = /^\/deployments(?:\/(\d+)(\/statuses)?)?$/.exec(rest);
    if (!route) return false;
    const fault = this.faults.shift();
    if (fault !== undefined) {
      const { status, message } =
        typeof fault === "number" ? { status: fault, message: "Server Error" } : fault;
      this.send(res, status, { message });
      return true;
    }
    if (this.access === "none" || (this.access === "read" && method !== "GET")) {
      this.send(res, 403, FORBIDDEN);
      return true;
    }
    const [, id, statuses] = route;
    if (!id && method === "POST") this.create(res, body);
    else if (!id && method === "GET") this.list(res, url);
    else if (id && !statuses && method === "GET") this.getOne(res, Number(id));
    else if (id && statuses && method === "POST") this.createStatus(res, Number(id), body);
    else if (id && statuses && method === "GET") this.listStatuses(res, url, Number(id));
    else this.send(res, 404, NOT_FOUND);
    return true;
  }

  private create(res: ServerResponse, raw: unknown): void {
    const b = (raw ?? {}) as Record<string, unknown>;
    if (typeof b.ref !== "string" || b.ref === "") {
      this.send(res, 422, validation("ref", "missing_field"));
      return;
    }
    const required = b.required_contexts;
    if (
      required !== undefined &&
      !(Array.isArray(required) && required.every((c) => typeof c === "string"))
    ) {
      this.send(res, 422, validation("required_contexts", "invalid"));
      return;
    }
    const unmet = (required ?? this.pendingContexts) as string[];
    if (unmet.some((c) => this.pendingContexts.includes(c))) {
      this.send(res, 409, {
        message: `Conflict: Commit status checks failed for ${b.ref}.`,
        errors: [
          {
            contexts: unmet.map((context) => ({ context, state: "pending" })),
            resource: "Deployment",
            field: "required_contexts",
            code: "invalid",
          },
        ],
      });
      return;
    }
    if (b.auto_merge !== false && this.refBehindDefault) {
      this.send(res, 202, { message: `Auto-merged main into ${b.ref} on deployment.` });
      return;
    }
    const payload = typeof b.payload === "string" ? parseJson(b.payload) : (b.payload ?? {});
    if (payload === undefined) {
      this.send(res, 422, validation("payload", "invalid"));
      return;
    }
    const environment = typeof b.environment === "string" ? b.environment : "production";
    const deployment = this.seed({
      ref: b.ref,
      sha: SHA.test(b.ref) ? b.ref : undefined,
      task: typeof b.task === "string" ? b.task : "deploy",
      environment,
      payload,
      description: typeof b.description === "string" ? b.description : null,
      creator: this.identity,
      transientEnvironment: b.transient_environment === true,
      productionEnvironment:
        typeof b.production_environment === "boolean"
          ? b.production_environment
          : environment === "production",
    });
    this.send(res, 201, this.deploymentJson(deployment));
  }

  private list(res: ServerResponse, url: URL): void {
    const q = url.searchParams;
    const matching = this.deployments
      .filter((d) => (q.has("environment") ? d.environment === q.get("environment") : true))
      .filter((d) => (q.has("task") ? d.task === q.get("task") : true))
      .filter((d) => (q.has("ref") ? d.ref === q.get("ref") : true))
      .filter((d) => (q.has("sha") ? d.sha === q.get("sha") : true))
      .reverse();
    this.page(
      res,
      url,
      matching.map((d) => this.deploymentJson(d)),
    );
  }

  private getOne(res: ServerResponse, id: number): void {
    const d = this.deployments.find((x) => x.id === id);
    if (!d) {
      this.send(res, 404, NOT_FOUND);
      return;
    }
    this.send(res, 200, this.deploymentJson(d));
  }

  private createStatus(res: ServerResponse, id: number, raw: unknown): void {
    const d = this.deployments.find((x) => x.id === id);
    if (!d) {
      this.send(res, 404, NOT_FOUND);
      return;
    }
    const b = (raw ?? {}) as Record<string, unknown>;
    if (typeof b.state !== "string" || !STATES.has(b.state)) {
      this.send(res, 422, validation("state", "invalid"));
      return;
    }
    if (typeof b.description === "string" && [...b.description].length > 140) {
      this.send(
        res,
        422,
        validation("description", "custom", "description is too long (maximum is 140 characters)"),
      );
      return;
    }
    for (const field of ["environment_url", "log_url", "target_url"] as const) {
      const value = b[field];
      if (value !== undefined && value !== "" && !(typeof value === "string" && /^https?:\/\//.test(value))) {
        this.send(res, 422, validation(field, "invalid"));
        return;
      }
    }
    const status = this.postStatus(
      d,
      {
        state: b.state as DeploymentState,
        creator: this.identity,
        description: typeof b.description === "string" ? b.description : "",
        environmentUrl: typeof b.environment_url === "string" ? b.environment_url : "",
        logUrl:
          typeof b.log_url === "string" ? b.log_url : typeof b.target_url === "string" ? b.target_url : "",
      },
      b.auto_inactive !== false,
    );
    this.send(res, 201, this.statusJson(d, status));
  }

  // GitHub does not document whom it shows as the creator of the `inactive` it adds: here, whoever
  // posted the success.
  private inactivateOthers(current: FakeDeployment, creator: FakeUser): void {
    for (const d of this.deployments) {
      if (d === current || d.id > current.id || d.environment !== current.environment) continue;
      if (d.transientEnvironment || d.productionEnvironment) continue;
      if (d.statuses.at(-1)?.state === "inactive" || !d.statuses.some((s) => s.state === "success")) continue;
      this.addStatus(d, { state: "inactive", creator });
    }
  }

  private listStatuses(res: ServerResponse, url: URL, id: number): void {
    const d = this.deployments.find((x) => x.id === id);
    if (!d) {
      this.send(res, 404, NOT_FOUND);
      return;
    }
    this.page(
      res,
      url,
      [...d.statuses].reverse().map((s) => this.statusJson(d, s)),
    );
  }

  /** A seeded status is the deployment creator's unless the test names another. */
  private addStatus(d: FakeDeployment, s: Partial<FakeDeploymentStatus> & { state: DeploymentState }) {
    const status: FakeDeploymentStatus = {
      id: this.nextId++,
      description: "",
      environmentUrl: "",
      logUrl: "",
      createdAt: this.tick(),
      creator: d.creator,
      ...s,
    };
    d.statuses.push(status);
    return status;
  }

  /** GitHub's page-number pagination: per_page (default 30, at most 100), page, and a Link header. */
  private page(res: ServerResponse, url: URL, all: unknown[]): void {
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 30) || 30, 100);
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
    const lastPage = Math.max(1, Math.ceil(all.length / perPage));
    const pageUrl = (n: number) => {
      const u = new URL(url.pathname + url.search, this.base());
      u.searchParams.set("per_page", String(perPage));
      u.searchParams.set("page", String(n));
      return u.toString();
    };
    const links: string[] = [];
    if (page < lastPage)
      links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
    if (page > 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`, `<${pageUrl(1)}>; rel="first"`);
    this.send(
      res,
      200,
      all.slice((page - 1) * perPage, page * perPage),
      links.length > 0 ? { link: links.join(", ") } : {},
    );
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  private deploymentJson(d: FakeDeployment) {
    const url = `${this.base()}/deployments/${d.id}`;
    return {
      url,
      id: d.id,
      node_id: `DE_${d.id}`,
      sha: d.sha,
      ref: d.ref,
      task: d.task,
      payload: d.payload,
      original_environment: d.environment,
      environment: d.environment,
      description: d.description,
      creator: userJson(d.creator),
      created_at: d.createdAt,
      updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
      statuses_url: `${url}/statuses`,
      repository_url: this.base(),
      transient_environment: d.transientEnvironment,
      production_environment: d.productionEnvironment,
    };
  }

  private statusJson(d: FakeDeployment, s: FakeDeploymentStatus) {
    const deploymentUrl = `${this.base()}/deployments/${d.id}`;
    return {
      url: `${deploymentUrl}/statuses/${s.id}`,
      id: s.id,
      node_id: `DES_${s.id}`,
      state: s.state,
      creator: userJson(s.creator),
      description: s.description,
      environment: d.environment,
      target_url: s.logUrl,
      created_at: s.createdAt,
      updated_at: s.createdAt,
      deployment_url: deploymentUrl,
      repository_url: this.base(),
      environment_url: s.environmentUrl,
      log_url: s.logUrl,
    };
  }
}

/** A user as GitHub's answers embed it; github-actions[bot] has its real id. */
export function userJson(u: FakeUser) {
  const id =
    u.login === ACTIONS_BOT.login
      ? 41898282
      : 1_000_000 + [...u.login].reduce((n, c) => n + c.charCodeAt(0), 0);
  return { login: u.login, id, type: u.type };
}

function validation(field: string, code: string, message?: string) {
  return {
    message: "Validation Failed",
    errors: [{ resource: "Deployment", field, code, ...(message ? { message } : {}) }],
    documentation_url: "https://docs.github.com/rest/deployments/deployments",
    status: "422",
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
