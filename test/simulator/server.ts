import { createHash, randomInt } from "node:crypto";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
  STATUS_CODES,
} from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { type SimClock, systemClock } from "./clock.ts";
import {
  bentBuckets,
  type CostBucketBody,
  type CostQuirk,
  closeBilling,
  DAY_MS,
  dayResults,
} from "./cost.ts";
import { type HubRouteName, type HubState, hubAnswer, matchHubRoute } from "./hub.ts";
import { defaultHubModels, type HubModel } from "./hub-models.ts";
import {
  anchorForSeed,
  currentConfig,
  type DerivedState,
  deriveState,
  type Endpoint,
  type EndpointConfig,
  iso,
  toSpecBody,
  toStatusBody,
} from "./model.ts";
import {
  INSTANCE_OPTIONS,
  mergeScenario,
  type Scenario,
  type ScenarioInput,
  scaleScenario,
} from "./scenario.ts";
import { type BodyValidator, compileBodyValidator, type ValidationItem } from "./schemas.ts";

export type RouteName =
  | "create"
  | "list"
  | "get"
  | "update"
  | "delete"
  | "status"
  | "sleep"
  | "wake"
  | "terminate"
  | "restart"
  | "versions"
  | "chat"
  | "completions"
  | "cost";

/** Method and OpenAPI path template of each route, as the spec names them. */
export const ROUTES: Readonly<Record<RouteName, { method: string; path: string }>> = {
  create: { method: "POST", path: "/dedicated/beta/endpoint" },
  list: { method: "GET", path: "/dedicated/beta/endpoint" },
  get: { method: "GET", path: "/dedicated/beta/endpoint/{endpoint_id}" },
  update: { method: "PUT", path: "/dedicated/beta/endpoint/{endpoint_id}" },
  delete: { method: "DELETE", path: "/dedicated/beta/endpoint/{endpoint_id}" },
  status: { method: "GET", path: "/dedicated/beta/endpoint/{endpoint_id}/status" },
  sleep: { method: "PUT", path: "/dedicated/beta/endpoint/{endpoint_id}/sleep" },
  wake: { method: "PUT", path: "/dedicated/beta/endpoint/{endpoint_id}/wake" },
  terminate: { method: "PUT", path: "/dedicated/beta/endpoint/{endpoint_id}/terminate" },
  restart: { method: "PUT", path: "/dedicated/beta/endpoint/{endpoint_id}/restart" },
  versions: { method: "GET", path: "/dedicated/beta/endpoint/{endpoint_id}/version" },
  chat: { method: "POST", path: "/dedicated/v1/chat/completions" },
  completions: { method: "POST", path: "/dedicated/v1/completions" },
  cost: { method: "GET", path: "/v1/team/cost" },
};

type Fault =
  | {
      kind: "status";
      status: 429 | 500 | 502 | 503 | 504 | 400 | 401 | 403 | 404 | 422;
      retryAfter?: string;
      body?: string;
      process?: boolean;
      /** Extra response headers, e.g. the Hub's `x-error-code` / `x-error-message`. */
      headers?: Record<string, string>;
    }
  | { kind: "reset"; when: "before" | "after" }
  | { kind: "slow-headers"; ms: number }
  | { kind: "truncated-body" }
  | { kind: "non-json"; body?: string }
  | { kind: "unknown-status"; status: string }
  | { kind: "redirect"; location: string; code?: 301 | 302 | 307 | 308 }
  | { kind: "hang" }
  /**
   * The request waits, unprocessed, until `until` settles; then `afterwards` applies (a lost answer:
   * `{ kind: "reset", when: "before" }`), or it is processed and answered as usual at that moment.
   * For tests that order what two clients do at once (two creates of one name).
   */
  | { kind: "hold"; until: Promise<unknown>; afterwards?: Fault };

interface FaultRule {
  route: RouteName | HubRouteName;
  times?: number;
  after?: number;
  fault: Fault;
}

export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  route: RouteName | HubRouteName | "unknown";
  /** 0 until the answer is sent; "reset" when the socket was destroyed instead. */
  status: number | "reset";
}

export interface SimulatorOptions {
  port?: number;
  host?: string;
  clock?: SimClock;
  /** Merged over defaultScenario(); lifecycleMs field by field. */
  scenario?: ScenarioInput;
  latencyMs?: number;
  /** Multiplies every simulated duration of the scenario (the CLI's --time-scale). Default 1. */
  timeScale?: number;
  /** Makes endpoint ids deterministic. */
  seed?: number;
  /** The Hub side's repositories; default `defaultHubModels()`. */
  hubModels?: HubModel[];
  /** Valid Hub tokens; default `"any-hf"` (any token starting with `hf_`). */
  hubTokens?: "any-hf" | string[];
  /** The Hub side answers 503 to everything (`"fail"`) or never answers (`"hang"`). */
  hubDown?: HubDown;
  /** Time to first token of streamed inference, in clock time (see README). Default 0. */
  ttftMs?: number;
  /** The team cost report's switch (see `Simulator.costReport`). Default `"ok"`. */
  costReport?: CostReportMode;
  /** A cost report that conforms but no honest bill gives (see `Simulator.costQuirk`). Default none. */
  costQuirk?: CostQuirk | null;
}

/**
 * How `GET /v1/team/cost` answers: as the spec defines it (`"ok"`), 403 to every call, as for a
 * token that may not read the team's costs (`"forbidden"`), or only after SLOW_COST_MS of real time
 * (`"slow"`, longer than any client should wait for a courtesy).
 */
type CostReportMode = "ok" | "forbidden" | "slow";
const SLOW_COST_MS = 30_000;

type HubDown = "fail" | "hang" | null;

interface SimEndpointView {
  id: string;
  name: string;
  projectId: string;
  teamId: string;
  status: string;
  phase: string | null;
  errorCode: string | null;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
  versions: number;
  hfModelRepo: string;
  instanceOptionId: string;
  lastInferenceAt: number | null;
  /** The DedicatedEndpointSpec that GET would answer. */
  spec: Record<string, unknown>;
}

interface SeedEndpoint {
  name: string;
  projectId: string;
  id?: string;
  teamId?: string;
  status?: string;
  phase?: string | null;
  errorCode?: string | null;
  /** When it was made and entered its status (the `updatedAt` it reports): a seed can be days old. */
  createdAt?: number;
  hfModelRepo?: string;
  hfModelRepoRevision?: string | null;
  instanceOptionId?: string;
  autoscalingPolicy?: { minReplica?: number; maxReplica?: number; cooldownPeriod?: number };
  simplescale?: { replicas: number } | null;
  advanced?: Record<string, unknown>;
}

export interface Simulator {
  url: string;
  requests: LoggedRequest[];
  inject(rule: FaultRule): void;
  clearFaults(): void;
  endpoints(): SimEndpointView[];
  seed(e: SeedEndpoint): string;
  setState(id: string, s: { status: string; phase?: string | null; errorCode?: string | null }): void;
  readonly maxInFlight: number;
  resetStats(): void;
  close(): Promise<void>;
  /** The merged (and time-scaled) scenario in force. */
  readonly scenario: Scenario;
  /** The Hugging Face Hub side, served on the same port. */
  hub: {
    seed(model: HubModel): void;
    models(): HubModel[];
    down(mode: HubDown): void;
  };
  /** Time to first token of streamed inference from now on. */
  setTtftMs(ms: number): void;
  /** The cost report's switch from now on: a fault rule on route `cost` for every call, or none. */
  costReport(mode: CostReportMode): void;
  /** How the cost report's answers are bent from now on (./cost.ts `CostQuirk`), or null: honest. */
  costQuirk(quirk: CostQuirk | null): void;
}

interface Reply {
  /** Server-sent events: written one by one, the first after the time to first token. */
  events?: string[];
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

interface Ctx {
  method: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  endpointId: string;
  now: number;
}

interface Caller {
  teamId: string;
  creatorId: string;
}

interface ActiveRule {
  rule: FaultRule;
  seen: number;
  applied: number;
}

const ENDPOINT_PREFIX = "/dedicated/beta/endpoint";
const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function matchRoute(method: string, path: string): { route: RouteName; endpointId: string } | "405" | null {
  let candidates: Partial<Record<string, RouteName>> | null = null;
  let endpointId = "";
  if (path === ENDPOINT_PREFIX) candidates = { POST: "create", GET: "list" };
  else if (path === ROUTES.chat.path) candidates = { POST: "chat" };
  else if (path === ROUTES.completions.path) candidates = { POST: "completions" };
  else if (path === ROUTES.cost.path) candidates = { GET: "cost" };
  else if (path.startsWith(`${ENDPOINT_PREFIX}/`)) {
    const rest = path.slice(ENDPOINT_PREFIX.length + 1).split("/");
    const [rawId, action, extra] = rest;
    if (rawId && extra === undefined) {
      try {
        endpointId = decodeURIComponent(rawId);
      } catch {
        return null;
      }
      if (action === undefined) candidates = { GET: "get", PUT: "update", DELETE: "delete" };
      else if (action === "version") candidates = { GET: "versions" };
      else if (action === "status") candidates = { GET: "status" };
      else if (action === "sleep" || action === "wake" || action === "terminate" || action === "restart")
        candidates = { PUT: action };
    }
  }
  if (!candidates) return null;
  const route = candidates[method];
  return route ? { route, endpointId } : "405";
}

function detail(status: number, message: unknown): Reply {
  return { status, json: { detail: message } };
}

function validationError(items: ValidationItem[]): Reply {
  return { status: 422, json: { detail: items } };
}

function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decodeCursor(cursor: string, kind: string): number | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { k?: unknown; s?: unknown };
    return v.k === kind && typeof v.s === "number" ? v.s : null;
  } catch {
    return null;
  }
}

/** FastAPI's validation of the `limit` query parameter (integer, 1..100, default 20; the cost report's 1..35, default 7). */
function parseLimit(query: URLSearchParams, { def = 20, max = 100 } = {}): number | Reply {
  const raw = query.get("limit");
  if (raw === null) return def;
  if (!/^[+-]?\d+$/.test(raw.trim())) {
    return validationError([
      {
        type: "int_parsing",
        loc: ["query", "limit"],
        msg: "Input should be a valid integer, unable to parse string as an integer",
        input: raw,
      },
    ]);
  }
  const n = Number(raw);
  if (n < 1)
    return validationError([
      {
        type: "greater_than_equal",
        loc: ["query", "limit"],
        msg: "Input should be greater than or equal to 1",
        input: raw,
        ctx: { ge: 1 },
      },
    ]);
  if (n > max)
    return validationError([
      {
        type: "less_than_equal",
        loc: ["query", "limit"],
        msg: `Input should be less than or equal to ${max}`,
        input: raw,
        ctx: { le: max },
      },
    ]);
  return n;
}

/** FastAPI answers a body that is not JSON with a json_invalid item; an empty body is "missing". */
function parseJsonBody(raw: string): { ok: true; value: unknown } | { ok: false; reply: Reply } {
  if (raw.trim() === "") return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (err) {
    return {
      ok: false,
      reply: validationError([
        {
          type: "json_invalid",
          loc: ["body", 0],
          msg: "JSON decode error",
          input: {},
          ctx: { error: err instanceof Error ? err.message : String(err) },
        },
      ]),
    };
  }
}

function lowerHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

function makeRandom(seed: number | undefined): () => number {
  if (seed === undefined) return () => randomInt(0, 2 ** 32) / 2 ** 32;
  let a = seed >>> 0;
  // mulberry32: tiny, and good enough for ids that only need to be reproducible.
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The simulated tokenizer: a word and the space before it. */
function tokensOf(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

function wantsUsage(body: Record<string, unknown>): boolean {
  const o = body.stream_options;
  return o !== null && typeof o === "object" && (o as { include_usage?: unknown }).include_usage === true;
}

function sse(events: string[]): Reply {
  return { status: 200, contentType: "text/event-stream", events };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.clock ?? systemClock;
  const scenario = scaleScenario(mergeScenario(options.scenario), options.timeScale ?? 1);
  const latencyMs = options.latencyMs ?? 0;
  const random = makeRandom(options.seed);
  const validateCreate: BodyValidator = compileBodyValidator("DedicatedEndpointCreateBody");
  const validateUpdate: BodyValidator = compileBodyValidator("DedicatedEndpointUpdateBody");

  const requests: LoggedRequest[] = [];
  const hub: HubState = {
    models: new Map((options.hubModels ?? defaultHubModels()).map((m) => [m.id, m])),
    tokens: options.hubTokens ?? "any-hf",
  };
  let hubDown: HubDown = options.hubDown ?? null;
  let ttftMs = options.ttftMs ?? 0;
  let rules: ActiveRule[] = [];
  // The cost report's switch is a standing fault rule, so it answers exactly as an injected one.
  let costSwitch: FaultRule | undefined;
  const setCostReport = (mode: CostReportMode): void => {
    rules = rules.filter((r) => r.rule !== costSwitch);
    costSwitch = undefined;
    if (mode === "ok") return;
    const fault: Fault =
      mode === "forbidden" ? { kind: "status", status: 403 } : { kind: "slow-headers", ms: SLOW_COST_MS };
    costSwitch = { route: "cost", times: Number.POSITIVE_INFINITY, fault };
    rules.push({ rule: costSwitch, seen: 0, applied: 0 });
  };
  setCostReport(options.costReport ?? "ok");
  let costQuirk = options.costQuirk ?? null;

  let store = { endpoints: new Map<string, Endpoint>(), seq: 0 };
  const seededIds = new Set<string>();
  let inFlight = 0;
  let maxInFlight = 0;

  const newId = (): string => {
    for (;;) {
      let id = "dep";
      for (let i = 0; i < 12; i++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
      if (!store.endpoints.has(id)) return id;
    }
  };

  const teamProjects = (teamId: string): string[] =>
    scenario.teams.find((t) => t.id === teamId)?.projects ?? [];

  const allowedTeams = (token: string): string[] | null => {
    if (scenario.tokens === "any-flp")
      return token.startsWith("flp_") ? scenario.teams.map((t) => t.id) : null;
    return scenario.tokens.find((t) => t.token === token)?.teams ?? null;
  };

  const authenticate = (headers: IncomingHttpHeaders): Caller | Reply => {
    const auth = headers.authorization ?? "";
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(auth);
    if (!match?.[1]) {
      return {
        status: 401,
        json: { detail: "Not authenticated" },
        headers: { "www-authenticate": "Bearer" },
      };
    }
    const token = match[1];
    const teams = allowedTeams(token);
    if (!teams)
      return { status: 401, json: { detail: "Invalid API key" }, headers: { "www-authenticate": "Bearer" } };
    const header = headers["x-friendli-team"];
    const requested = Array.isArray(header) ? header[0] : header;
    let teamId: string | undefined;
    if (requested !== undefined && requested !== "") {
      if (!teams.includes(requested)) return detail(403, `You are not a member of team '${requested}'.`);
      teamId = requested;
    } else {
      teamId = teams.includes(scenario.defaultTeam) ? scenario.defaultTeam : teams[0];
      if (teamId === undefined) return detail(403, "The API key does not belong to any team.");
    }
    const creatorId = `usr${createHash("sha256").update(token).digest("hex").slice(0, 10)}`;
    return { teamId, creatorId };
  };

  const stateOf = (e: Endpoint, now: number): DerivedState => deriveState(e, scenario, now);

  /** An endpoint the caller may see, or the 404 every other case gets (another team's included). */
  const findEndpoint = (caller: Caller, id: string, now: number, lagged: boolean): Endpoint | Reply => {
    const e = store.endpoints.get(id);
    const hidden =
      !e ||
      e.deletedAt !== null ||
      e.teamId !== caller.teamId ||
      (lagged && !seededIds.has(e.id) && now < e.createdAt + scenario.getLagMs);
    if (hidden || !e) return detail(404, `Endpoint '${id}' not found.`);
    return e;
  };

  const checkInstanceOption = (id: string): Reply | null => {
    if (!INSTANCE_OPTIONS[id])
      return detail(
        400,
        `Invalid instance option ID '${id}'. Valid options: ${Object.keys(INSTANCE_OPTIONS).join(", ")}.`,
      );
    return scenario.refusedOptions.includes(id)
      ? detail(400, `No capacity for instance option '${id}' at the moment: choose another instance option.`)
      : null;
  };

  const checkReplicas = (cfg: EndpointConfig): Reply | null =>
    !cfg.simplescale && cfg.autoscaling.minReplica > cfg.autoscaling.maxReplica
      ? detail(
          400,
          `autoscalingPolicy.minReplica (${cfg.autoscaling.minReplica}) must not be greater than maxReplica (${cfg.autoscaling.maxReplica}).`,
        )
      : null;

  const statusReply = (e: Endpoint, now: number): Reply => ({
    status: 200,
    json: toStatusBody(stateOf(e, now), e),
  });

  type Handler = (ctx: Ctx, caller: Caller) => Reply;

  const handlers: Record<RouteName, Handler> = {
    create(ctx, caller) {
      const parsed = parseJsonBody(ctx.rawBody);
      if (!parsed.ok) return parsed.reply;
      const errors = validateCreate(parsed.value);
      if (errors.length > 0) return validationError(errors);
      const body = parsed.value as Record<string, unknown>;
      const projectId = body.projectId as string;
      if (!teamProjects(caller.teamId).includes(projectId))
        return detail(404, `Project '${projectId}' not found.`);
      const bad = checkInstanceOption(body.instanceOptionId as string);
      if (bad) return bad;
      const policy = (body.autoscalingPolicy ?? {}) as Record<string, number | undefined>;
      const cfg: EndpointConfig = {
        name: body.name as string,
        instanceOptionId: body.instanceOptionId as string,
        hfModelRepo: body.hfModelRepo as string,
        hfModelRepoRevision: (body.hfModelRepoRevision as string | null | undefined) ?? null,
        advanced: { max_token_count: 2560, ...(body.advanced as Record<string, unknown>) },
        autoscaling: {
          minReplica: policy.minReplica ?? 0,
          maxReplica: policy.maxReplica ?? 1,
          cooldownPeriod: policy.cooldownPeriod ?? 300,
        },
        simplescale: (body.simplescale as { replicas: number } | null | undefined) ?? null,
        comment: (body.initialVersionComment as string | null | undefined) ?? null,
        createdAt: ctx.now,
      };
      const badReplicas = checkReplicas(cfg);
      if (badReplicas) return badReplicas;
      const id = newId();
      const e: Endpoint = {
        id,
        seq: ++store.seq,
        teamId: caller.teamId,
        projectId,
        creatorId: caller.creatorId,
        instanceId: `inst${id.slice(3)}`,
        createdAt: ctx.now,
        deletedAt: null,
        versions: [cfg],
        anchor: { kind: "init", at: ctx.now },
        lastInferenceAt: null,
      };
      store.endpoints.set(id, e);
      return statusReply(e, ctx.now);
    },

    list(ctx, caller) {
      const limit = parseLimit(ctx.query);
      if (typeof limit !== "number") return limit;
      const projectId = ctx.query.get("project_id") ?? "";
      if (projectId !== "" && !teamProjects(caller.teamId).includes(projectId)) {
        return detail(404, `Project '${projectId}' not found.`);
      }
      const cursor = ctx.query.get("cursor");
      let afterSeq = 0;
      if (cursor !== null && cursor !== "") {
        const s = decodeCursor(cursor, "list");
        if (s === null) return detail(400, "Invalid cursor.");
        afterSeq = s;
      }
      const visible = [...store.endpoints.values()]
        .filter(
          (e) =>
            e.deletedAt === null &&
            e.teamId === caller.teamId &&
            (projectId === "" || e.projectId === projectId) &&
            (seededIds.has(e.id) || ctx.now >= e.createdAt + scenario.listLagMs) &&
            e.seq > afterSeq,
        )
        .sort((a, b) => a.seq - b.seq);
      const page = visible.slice(0, limit);
      const data: Record<string, unknown> = {};
      for (const e of page) data[e.id] = toStatusBody(stateOf(e, ctx.now), e);
      const last = page.at(-1);
      const nextCursor = visible.length > limit && last ? encodeCursor({ k: "list", s: last.seq }) : null;
      return { status: 200, json: { data, nextCursor } };
    },

    get(ctx, caller) {
      const e = findEndpoint(caller, ctx.endpointId, ctx.now, true);
      if ("status" in e) return e;
      return { status: 200, json: toSpecBody(e, currentConfig(e), stateOf(e, ctx.now).status) };
    },

    status(ctx, caller) {
      const e = findEndpoint(caller, ctx.endpointId, ctx.now, true);
      if ("status" in e) return e;
      return statusReply(e, ctx.now);
    },

    versions(ctx, caller) {
      const e = findEndpoint(caller, ctx.endpointId, ctx.now, true);
      if ("status" in e) return e;
      const limit = parseLimit(ctx.query);
      if (typeof limit !== "number") return limit;
      const cursor = ctx.query.get("cursor");
      let start = 0;
      if (cursor !== null && cursor !== "") {
        const s = decodeCursor(cursor, "version");
        if (s === null) return detail(400, "Invalid cursor.");
        start = s;
      }
      const data: Record<string, unknown> = {};
      const end = Math.min(start + limit, e.versions.length);
      for (let i = start; i < end; i++) {
        const cfg = e.versions[i];
        if (cfg) data[String(i)] = toSpecBody(e, cfg, null);
      }
      const nextCursor = end < e.versions.length ? encodeCursor({ k: "version", s: end }) : null;
      return { status: 200, json: { data, nextCursor } };
    },

    update(ctx, caller) {
      const e = findEndpoint(caller, ctx.endpointId, ctx.now, false);
      if ("status" in e) return e;
      const parsed = parseJsonBody(ctx.rawBody);
      if (!parsed.ok) return parsed.reply;
      const errors = validateUpdate(parsed.value);
      if (errors.length > 0) return validationError(errors);
      const body = parsed.value as Record<string, unknown>;
      const prev = currentConfig(e);
      if (typeof body.instanceOptionId === "string") {
        const bad = checkInstanceOption(body.instanceOptionId);
        if (bad) return bad;
      }
      const policy = body.autoscalingPolicy as Record<string, number | undefined> | null | undefined;
      const cfg: EndpointConfig = {
        name: (body.name as string | null | undefined) ?? prev.name,
        instanceOptionId: (body.instanceOptionId as string | null | undefined) ?? prev.instanceOptionId,
        hfModelRepo: (body.hfModelRepo as string | null | undefined) ?? prev.hfModelRepo,
        hfModelRepoRevision:
          body.hfModelRepoRevision === undefined
            ? prev.hfModelRepoRevision
            : (body.hfModelRepoRevision as string | null),
        advanced: body.advanced
          ? { max_token_count: 2560, ...(body.advanced as Record<string, unknown>) }
          : prev.advanced,
        autoscaling: policy
          ? {
              minReplica: policy.minReplica ?? 0,
              maxReplica: policy.maxReplica ?? 1,
              cooldownPeriod: policy.cooldownPeriod ?? 300,
            }
          : prev.autoscaling,
        simplescale:
          body.simplescale !== undefined && body.simplescale !== null
            ? (body.simplescale as { replicas: number })
            : policy
              ? null
              : prev.simplescale,
        comment: (body.newVersionComment as string | null | undefined) ?? null,
        createdAt: ctx.now,
      };
      const badReplicas = checkReplicas(cfg);
      if (badReplicas) return badReplicas;
      const before = stateOf(e, ctx.now).status;
      closeBilling(e, scenario, ctx.now);
      e.versions.push(cfg);
      // A live endpoint rolls the new version out; anything else deploys it from scratch.
      e.anchor = ["RUNNING", "UPDATING", "SLEEPING", "AWAKING"].includes(before)
        ? { kind: "update", at: ctx.now }
        : { kind: "init", at: ctx.now };
      return { status: 200, json: toSpecBody(e, cfg, stateOf(e, ctx.now).status) };
    },

    delete(ctx, caller) {
      const e = findEndpoint(caller, ctx.endpointId, ctx.now, false);
      if ("status" in e) return e;
      closeBilling(e, scenario, ctx.now);
      e.deletedAt = ctx.now;
      return { status: 200, json: {} };
    },

    sleep(ctx, caller) {
      const e = findEndpoint(caller, ctx.endpointId, ctx.now, false);
      if ("status" in e) return e;
      const s = stateOf(e, ctx.now).status;
      if (s === "RUNNING" || s === "UPDATING") {
        closeBilling(e, scenario, ctx.now);
        e.anchor = { kind: "sleep", at: ctx.now };
      } else if (s !== "SLEEPING")
        return detail(400, `Endpoint '${e.id}' cannot be put to sleep while ${s}.`);
      return statusReply(e, ctx.now);
    },

    wake(ctx, caller) {
      const e = findEndpoint(caller, ctx.endpointId, ctx.now, false);
      if ("status" in e) return e;
      const s = stateOf(e, ctx.now).status;
      if (s === "SLEEPING") {
        closeBilling(e, scenario, ctx.now);
        e.anchor = { kind: "wake", at: ctx.now };
      } else if (s !== "AWAKING" && s !== "RUNNING")
        return detail(400, `Endpoint '${e.id}' cannot be woken up while ${s}.`);
      return statusReply(e, ctx.now);
    },

    terminate(ctx, caller) {
      const e = findEndpoint(caller, ctx.endpointId, ctx.now, false);
      if ("status" in e) return e;
      const s = stateOf(e, ctx.now).status;
      if (s !== "TERMINATING" && s !== "TERMINATED") {
        closeBilling(e, scenario, ctx.now);
        e.anchor = { kind: "terminate", at: ctx.now };
      }
      return statusReply(e, ctx.now);
    },

    restart(ctx, caller) {
      const e = findEndpoint(caller, ctx.endpointId, ctx.now, false);
      if ("status" in e) return e;
      const s = stateOf(e, ctx.now).status;
      if (s !== "FAILED" && s !== "TERMINATED") {
        return detail(
          400,
          `Only FAILED or TERMINATED endpoints can be restarted; endpoint '${e.id}' is ${s}.`,
        );
      }
      closeBilling(e, scenario, ctx.now);
      e.anchor = { kind: "init", at: ctx.now };
      return statusReply(e, ctx.now);
    },

    chat(ctx, caller) {
      return inference(ctx, caller, "chat");
    },

    completions(ctx, caller) {
      return inference(ctx, caller, "completions");
    },

    cost(ctx, caller) {
      return costReport(ctx, caller);
    },
  };

  /**
   * `GET /v1/team/cost` as the spec describes it: daily buckets from start_time to end_time (both
   * midnight UTC; the end no later than the next midnight, the start no earlier than a year ago),
   * `limit` buckets a page (1..35, default 7) with a `next_page` cursor, line items per endpoint
   * and GPU type with `group_by=line_item`, the day's total without. Every endpoint of the team
   * counts, deleted ones included. Answers 403 or slowly only when a fault is injected.
   */
  function costReport(ctx: Ctx, caller: Caller): Reply {
    const q = ctx.query;
    const problems: ValidationItem[] = [];
    const midnightOf = (name: string): number | null => {
      const raw = q.get(name);
      if (raw === null) {
        problems.push({ type: "missing", loc: ["query", name], msg: "Field required", input: null });
        return null;
      }
      const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]00:00)$/.test(raw)
        ? Date.parse(raw)
        : Number.NaN;
      if (!Number.isFinite(ms)) {
        problems.push({
          type: "datetime_from_date_parsing",
          loc: ["query", name],
          msg: "Input should be a valid datetime",
          input: raw,
        });
        return null;
      }
      if (ms % DAY_MS !== 0) {
        problems.push({
          type: "value_error",
          loc: ["query", name],
          msg: "Value error, the time portion must be zeroed out",
          input: raw,
        });
        return null;
      }
      return ms;
    };
    const start = midnightOf("start_time");
    const end = midnightOf("end_time");
    const today = Math.floor(ctx.now / DAY_MS) * DAY_MS;
    if (end !== null && end > today + DAY_MS)
      problems.push({
        type: "value_error",
        loc: ["query", "end_time"],
        msg: "Value error, end_time must not be later than midnight UTC of the next day",
        input: q.get("end_time"),
      });
    if (start !== null && start < ctx.now - 365 * DAY_MS)
      problems.push({
        type: "value_error",
        loc: ["query", "start_time"],
        msg: "Value error, start_time must be no earlier than one year ago",
        input: q.get("start_time"),
      });
    if (start !== null && end !== null && start >= end)
      problems.push({
        type: "value_error",
        loc: ["query", "end_time"],
        msg: "Value error, end_time must be after start_time",
        input: q.get("end_time"),
      });
    for (const [name, allowed] of [
      ["bucket_width", "1d"],
      ["group_by", "line_item"],
    ] as const) {
      const raw = q.get(name);
      if (raw !== null && raw !== allowed)
        problems.push({
          type: "enum",
          loc: ["query", name],
          msg: `Input should be '${allowed}'`,
          input: raw,
          ctx: { expected: `'${allowed}'` },
        });
    }
    if (problems.length > 0 || start === null || end === null) return validationError(problems);
    const limit = parseLimit(q, { def: 7, max: 35 });
    if (typeof limit !== "number") return limit;
    const page = q.get("page");
    let first = 0;
    if (page !== null && page !== "") {
      const s = decodeCursor(page, "cost");
      if (s === null) return detail(400, "Invalid page.");
      first = s;
    }
    const days = Math.round((end - start) / DAY_MS);
    const last = Math.min(days, first + limit);
    const team = [...store.endpoints.values()].filter((e) => e.teamId === caller.teamId);
    let data: CostBucketBody[] = [];
    for (let i = first; i < last; i++) {
      const day = start + i * DAY_MS;
      data.push({
        start_time: iso(day).replace(".000Z", "Z"),
        end_time: iso(day + DAY_MS).replace(".000Z", "Z"),
        results: dayResults(team, scenario, day, ctx.now, q.get("group_by") === "line_item"),
      });
    }
    data = bentBuckets(costQuirk, data, team, { start, end, now: ctx.now });
    // The quirk's cycle: the last page points back at the first.
    const cycles = costQuirk === "cycling-cursor";
    const hasMore = last < days || cycles;
    const next = last < days ? encodeCursor({ k: "cost", s: last }) : encodeCursor({ k: "cost", s: 0 });
    return { status: 200, json: { has_more: hasMore, next_page: hasMore ? next : null, data } };
  }

  const unavailable: Reply = {
    status: 503,
    text: "Endpoint is unavailable",
    contentType: "text/plain; charset=utf-8",
  };

  function inference(ctx: Ctx, caller: Caller, kind: "chat" | "completions"): Reply {
    const parsed = parseJsonBody(ctx.rawBody);
    if (!parsed.ok) return parsed.reply;
    const body = parsed.value;
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      return validationError([
        {
          type: "model_attributes_type",
          loc: ["body"],
          msg: "Input should be a valid dictionary",
          input: body,
        },
      ]);
    }
    const b = body as Record<string, unknown>;
    const missing: ValidationItem[] = [];
    if (typeof b.model !== "string")
      missing.push({ type: "missing", loc: ["body", "model"], msg: "Field required", input: b });
    if (kind === "chat" && !Array.isArray(b.messages))
      missing.push({ type: "missing", loc: ["body", "messages"], msg: "Field required", input: b });
    if (kind === "completions" && typeof b.prompt !== "string" && !Array.isArray(b.tokens))
      missing.push({ type: "missing", loc: ["body", "prompt"], msg: "Field required", input: b });
    if (missing.length > 0) return validationError(missing);
    const model = b.model as string;
    const endpointId = model.split(":")[0] ?? model;
    const e = findEndpoint(caller, endpointId, ctx.now, false);
    if ("status" in e) return e;
    const state = stateOf(e, ctx.now);
    if (state.status === "SLEEPING") {
      closeBilling(e, scenario, ctx.now);
      e.anchor = { kind: "wake", at: ctx.now };
      return unavailable;
    }
    const serving = state.status === "RUNNING" || state.status === "UPDATING";
    if (!serving) return unavailable;
    if (state.warms && state.runningSince !== null && ctx.now < state.runningSince + scenario.warmupMs)
      return unavailable;
    const cfg = currentConfig(e);
    if (kind === "chat" && scenario.noChatTemplate.includes(cfg.hfModelRepo)) {
      return detail(
        400,
        "This model does not support chat completions: its tokenizer_config.json has no chat_template. Use the completions API instead.",
      );
    }
    e.lastInferenceAt = ctx.now;
    const created = Math.floor(ctx.now / 1000);
    const stream = b.stream === true;
    if (kind === "chat") {
      const messages = b.messages as Array<{ content?: unknown }>;
      const promptTokens = messages.reduce(
        (n, m) => n + (typeof m?.content === "string" ? wordCount(m.content) : 1),
        0,
      );
      const content = `Hello from simulated endpoint ${e.id}.`;
      const usage = { prompt_tokens: promptTokens, completion_tokens: wordCount(content), total_tokens: 0 };
      usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
      const id = `chatcmpl-${createHash("sha256").update(`${e.id}:${ctx.now}`).digest("hex").slice(0, 32)}`;
      if (stream) {
        const chunk = (choices: object[], extra: object = {}) =>
          JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices, ...extra });
        const events = [
          chunk([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }]),
          ...tokensOf(content).map((t) => chunk([{ index: 0, delta: { content: t }, finish_reason: null }])),
          chunk([{ index: 0, delta: {}, finish_reason: "stop" }]),
        ];
        if (wantsUsage(b)) events.push(chunk([], { usage }));
        return sse(events);
      }
      return {
        status: 200,
        json: {
          id,
          model,
          object: "chat.completion",
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
          usage,
          created,
        },
      };
    }
    const text = " is a simulated completion.";
    const promptTokens = typeof b.prompt === "string" ? wordCount(b.prompt) : (b.tokens as unknown[]).length;
    const tokens = text
      .trim()
      .split(/\s+/)
      .map((_, i) => 1000 + i);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: tokens.length,
      total_tokens: promptTokens + tokens.length,
    };
    const id = `cmpl-${createHash("sha256").update(`${e.id}:${ctx.now}`).digest("hex").slice(0, 32)}`;
    const choice = { index: 0, seed: 42, text, tokens, finish_reason: "stop" };
    if (stream) {
      const chunk = (choices: object[], extra: object = {}) =>
        JSON.stringify({ id, object: "text_completion", created, model, choices, ...extra });
      const events = tokensOf(text).map((t, i) =>
        chunk([{ index: 0, text: t, token: tokens[i], finish_reason: null }]),
      );
      events.push(chunk([{ index: 0, text: "", finish_reason: "stop" }]));
      if (wantsUsage(b)) events.push(chunk([], { usage }));
      return sse(events);
    }
    return { status: 200, json: { id, model, object: "text_completion", choices: [choice], usage } };
  }

  const runHandler = (route: RouteName, ctx: Ctx, commit: boolean): Reply => {
    const caller = authenticate(ctx.headers);
    if ("status" in caller) return caller;
    if (commit) return handlers[route](ctx, caller);
    // Faults that must leave no trace still need the body a normal answer would have had.
    const saved = { endpoints: structuredClone(store.endpoints), seq: store.seq };
    try {
      return handlers[route](ctx, caller);
    } finally {
      store = saved;
    }
  };

  const pickFault = (route: RouteName | HubRouteName): Fault | null => {
    let chosen: Fault | null = null;
    for (const r of rules) {
      if (r.rule.route !== route || r.applied >= (r.rule.times ?? 1)) continue;
      // Every live rule counts every matching call, so `after` means "the (after+1)th call" even when another rule fired.
      r.seen++;
      if (!chosen && r.seen > (r.rule.after ?? 0)) {
        r.applied++;
        chosen = r.rule.fault;
      }
    }
    rules = rules.filter((r) => r.applied < (r.rule.times ?? 1));
    return chosen;
  };

  const serialize = (reply: Reply): { headers: Record<string, string>; payload: Buffer } => {
    const payload =
      reply.text !== undefined ? Buffer.from(reply.text) : Buffer.from(JSON.stringify(reply.json ?? null));
    return {
      headers: {
        "content-type": reply.contentType ?? "application/json",
        "content-length": String(payload.length),
        ...reply.headers,
      },
      payload,
    };
  };

  /**
   * A stream's first event waits the time to first token. With a manual clock that wait is virtual:
   * the simulator advances the shared clock instead of sleeping, so a test reads an exact TTFT.
   */
  const sendEvents = async (res: ServerResponse, log: LoggedRequest, events: string[]): Promise<void> => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    log.status = 200;
    res.flushHeaders();
    if (ttftMs > 0) {
      const c = clock as SimClock & { advance?: (ms: number) => number };
      if (typeof c.advance === "function") c.advance(ttftMs);
      else await sleep(ttftMs);
    }
    for (const e of events) if (!res.destroyed) res.write(`data: ${e}\n\n`);
    if (!res.destroyed) res.end("data: [DONE]\n\n");
  };

  const send = (res: ServerResponse, log: LoggedRequest, reply: Reply): void => {
    if (res.destroyed) return;
    if (reply.events) {
      void sendEvents(res, log, reply.events);
      return;
    }
    const { headers, payload } = serialize(reply);
    res.writeHead(reply.status, headers);
    res.end(payload);
    log.status = reply.status;
  };

  const reset = (req: IncomingMessage, log: LoggedRequest): void => {
    log.status = "reset";
    req.socket.destroy();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, rawBody: string): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const method = (req.method ?? "GET").toUpperCase();
    const now = clock.now();
    const hubMatch = matchHubRoute(method, url.pathname);
    const matched = hubMatch ? null : matchRoute(method, url.pathname);
    let parsedBody: unknown = null;
    if (rawBody !== "") {
      try {
        parsedBody = JSON.parse(rawBody);
      } catch {
        parsedBody = rawBody;
      }
    }
    const log: LoggedRequest = {
      at: now,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: lowerHeaders(req.headers),
      body: parsedBody,
      route: hubMatch ? hubMatch.route : matched && matched !== "405" ? matched.route : "unknown",
      status: 0,
    };
    requests.push(log);
    if (latencyMs > 0) await sleep(latencyMs);
    if (hubMatch) {
      if (hubDown === "hang") return;
      if (hubDown === "fail") return send(res, log, { status: 503, json: { error: "Service Unavailable" } });
      const answer = () => hubAnswer(hub, hubMatch, method, req.headers, url.searchParams);
      const fault = pickFault(hubMatch.route);
      if (!fault) return send(res, log, answer());
      return hubFault(fault, req, res, log, answer);
    }
    if (matched === null) return send(res, log, detail(404, "Not Found"));
    if (matched === "405") return send(res, log, detail(405, "Method Not Allowed"));
    const { route, endpointId } = matched;
    const ctx: Ctx = { method, query: url.searchParams, headers: req.headers, rawBody, endpointId, now };
    const fault = pickFault(route);
    if (!fault) return send(res, log, runHandler(route, ctx, true));
    return applyFault(fault, route, ctx, req, res, log);
  };

  const applyFault = async (
    fault: Fault,
    route: RouteName,
    ctx: Ctx,
    req: IncomingMessage,
    res: ServerResponse,
    log: LoggedRequest,
  ): Promise<void> => {
    switch (fault.kind) {
      case "hold": {
        await fault.until.catch(() => {});
        // Processed when released, so its createdAt is the moment of release.
        const later: Ctx = { ...ctx, now: clock.now() };
        if (fault.afterwards) return applyFault(fault.afterwards, route, later, req, res, log);
        return send(res, log, runHandler(route, later, true));
      }
      case "status": {
        if (fault.process) runHandler(route, ctx, true);
        const headers: Record<string, string> = { ...fault.headers };
        if (fault.retryAfter !== undefined) headers["retry-after"] = fault.retryAfter;
        const reply: Reply =
          fault.body !== undefined
            ? { status: fault.status, text: fault.body, contentType: "text/plain; charset=utf-8", headers }
            : { status: fault.status, json: { detail: STATUS_CODES[fault.status] ?? "Error" }, headers };
        return send(res, log, reply);
      }
      case "reset":
        if (fault.when === "after") runHandler(route, ctx, true);
        return reset(req, log);
      case "slow-headers": {
        const reply = runHandler(route, ctx, true);
        await sleep(fault.ms);
        return send(res, log, reply);
      }
      case "truncated-body": {
        const reply = runHandler(route, ctx, false);
        const { headers, payload } = serialize(reply);
        headers["content-length"] = String(payload.length + 64);
        res.writeHead(reply.status, headers);
        log.status = reply.status;
        res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => req.socket.destroy());
        return;
      }
      case "non-json":
        return send(res, log, {
          status: 200,
          contentType: "text/html; charset=utf-8",
          text:
            fault.body ??
            "<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>We'll be right back</h1></body></html>",
        });
      case "unknown-status": {
        const reply = runHandler(route, ctx, false);
        const json = reply.json as Record<string, unknown> | undefined;
        if (json && typeof json.status === "string") json.status = fault.status;
        if (json?.data && typeof json.data === "object") {
          for (const entry of Object.values(json.data as Record<string, Record<string, unknown>>)) {
            if (typeof entry.status === "string") entry.status = fault.status;
          }
        }
        return send(res, log, reply);
      }
      case "hang":
        return;
      case "redirect":
        return send(res, log, {
          status: fault.code ?? 307,
          text: "",
          contentType: "text/plain; charset=utf-8",
          headers: { location: fault.location },
        });
    }
  };

  /** The Hub routes have no state to change: a fault either replaces the answer or delays it. */
  async function hubFault(
    fault: Fault,
    req: IncomingMessage,
    res: ServerResponse,
    log: LoggedRequest,
    answer: () => Reply,
  ): Promise<void> {
    switch (fault.kind) {
      case "hold":
        await fault.until.catch(() => {});
        if (fault.afterwards) return hubFault(fault.afterwards, req, res, log, answer);
        return send(res, log, answer());
      case "status":
        return send(res, log, {
          status: fault.status,
          json: { error: STATUS_CODES[fault.status] ?? "Error" },
          headers: {
            ...fault.headers,
            ...(fault.retryAfter !== undefined ? { "retry-after": fault.retryAfter } : {}),
          },
        });
      case "reset":
        return reset(req, log);
      case "hang":
        return;
      case "redirect":
        return send(res, log, { status: fault.code ?? 307, text: "", headers: { location: fault.location } });
      case "slow-headers":
        await sleep(fault.ms);
        return send(res, log, answer());
      case "non-json":
        return send(res, log, {
          status: 200,
          contentType: "text/html; charset=utf-8",
          text: fault.body ?? "<html></html>",
        });
      default:
        return send(res, log, answer());
    }
  }

  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        inFlight--;
      }
    };
    res.on("close", finish);
    req.on("error", finish);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      handle(req, res, Buffer.concat(chunks).toString("utf8")).catch((err: unknown) => {
        // A bug in the simulator must be loud in the test that hit it, not a hung request.
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(
            JSON.stringify({ detail: `simulator bug: ${err instanceof Error ? err.stack : String(err)}` }),
          );
        }
      });
    });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;

  const view = (e: Endpoint): SimEndpointView => {
    const now = clock.now();
    const s = stateOf(e, now);
    const cfg = currentConfig(e);
    return {
      id: e.id,
      name: cfg.name,
      projectId: e.projectId,
      teamId: e.teamId,
      status: s.status,
      phase: s.phase,
      errorCode: s.errorCode,
      createdAt: e.createdAt,
      updatedAt: Math.max(s.since, e.createdAt),
      deleted: e.deletedAt !== null,
      versions: e.versions.length,
      hfModelRepo: cfg.hfModelRepo,
      instanceOptionId: cfg.instanceOptionId,
      lastInferenceAt: e.lastInferenceAt,
      spec: toSpecBody(e, cfg, s.status),
    };
  };

  const sim: Simulator = {
    url: `http://${urlHost}:${address.port}`,
    requests,
    get scenario() {
      return scenario;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    costQuirk(quirk) {
      costQuirk = quirk;
    },
    costReport(mode) {
      setCostReport(mode);
    },
    inject(rule) {
      rules.push({ rule, seen: 0, applied: 0 });
    },
    clearFaults() {
      rules = [];
    },
    endpoints() {
      return [...store.endpoints.values()].sort((a, b) => a.seq - b.seq).map(view);
    },
    seed(s) {
      const now = clock.now();
      const id = s.id ?? newId();
      if (store.endpoints.has(id)) throw new Error(`simulator: endpoint ${id} already exists`);
      const teamId =
        s.teamId ?? scenario.teams.find((t) => t.projects.includes(s.projectId))?.id ?? scenario.defaultTeam;
      const createdAt = s.createdAt ?? now;
      const e: Endpoint = {
        id,
        seq: ++store.seq,
        teamId,
        projectId: s.projectId,
        creatorId: "usrseeded",
        instanceId: `inst${id.slice(3)}`,
        createdAt,
        deletedAt: null,
        versions: [
          {
            name: s.name,
            instanceOptionId: s.instanceOptionId ?? "TwD5AqnBSVN0",
            hfModelRepo: s.hfModelRepo ?? "meta-llama/Llama-3.1-8B-Instruct",
            hfModelRepoRevision: s.hfModelRepoRevision ?? null,
            advanced: {
              tokenizer_skip_special_tokens: false,
              tokenizer_add_special_tokens: true,
              max_token_count: 2560,
              ...s.advanced,
            },
            autoscaling: { minReplica: 0, maxReplica: 1, cooldownPeriod: 300, ...s.autoscalingPolicy },
            simplescale: s.simplescale ?? null,
            comment: null,
            createdAt,
          },
        ],
        anchor: anchorForSeed(
          scenario,
          createdAt,
          s.status ?? "RUNNING",
          s.phase ?? null,
          s.errorCode ?? null,
        ),
        lastInferenceAt: null,
      };
      store.endpoints.set(id, e);
      seededIds.add(id);
      return id;
    },
    setState(id, s) {
      const e = store.endpoints.get(id);
      if (!e) throw new Error(`simulator: no endpoint ${id}`);
      closeBilling(e, scenario, clock.now());
      e.anchor = {
        kind: "forced",
        at: clock.now(),
        status: s.status,
        phase: s.phase ?? null,
        errorCode: s.errorCode ?? null,
      };
    },
    hub: {
      seed(model) {
        hub.models.set(model.id, model);
      },
      models() {
        return [...hub.models.values()];
      },
      down(mode) {
        hubDown = mode;
      },
    },
    setTtftMs(ms) {
      ttftMs = ms;
    },
    resetStats() {
      requests.splice(0);
      maxInFlight = inFlight;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  return sim;
}
