// Typed operations of the Dedicated Endpoints API over the one HTTP layer (./http.ts). Each picks
// its retry policy here, next to what it does, so the choice is reviewed once.
import { z } from "zod/mini";
import { CREATE_ANSWER_GRACE_MS } from "../base/timing.ts";
import { firstHeader } from "./error-body.ts";
import { ApiError } from "./errors.ts";
import { createHttp, type Http, type HttpOptions, type SendOp } from "./http.ts";
import { pathFor } from "./request-policy.ts";
import {
  type CostResponse,
  CostResponseSchema,
  type CreateEndpointBody,
  EndpointListSchema,
  type EndpointSpec,
  EndpointSpecSchema,
  type EndpointStatus,
  EndpointStatusSchema,
  type UpdateEndpointBody,
} from "./schemas.ts";

export const ENDPOINT_BASE = "/dedicated/beta/endpoint";
export const CHAT_PATH = "/dedicated/v1/chat/completions";
export const COMPLETIONS_PATH = "/dedicated/v1/completions";
const TEAM_COST_PATH = "/v1/team/cost";

/** The list API allows 1-100; 100 keeps a project with hundreds of endpoints to a few pages. */
const LIST_PAGE_LIMIT = 100;
// A server that keeps handing out cursors must not keep the run listing forever.
const MAX_LIST_PAGES = 200;
// The most endpoints a name lookup reads: the listing has no names, so each costs a GET of its spec.
// A project with more is far beyond what a GPU bill allows, or a hostile listing.
const MAX_LISTED_ENDPOINTS = 1000;

// Per-route caps on response size: a status is a few hundred bytes, a spec a few KB, a full page
// of the listing (100 statuses) some tens of KB; an inference reply is short (max_tokens is small).
const SMALL_BODY = 64 * 1024;
const SPEC_BODY = 256 * 1024;
const LIST_BODY = 1024 * 1024;
const INFERENCE_BODY = 1024 * 1024;
// 35 daily buckets of a team with a hundred endpoints' line items is a few hundred KB.
const COST_BODY = 1024 * 1024;

// DELETE answers `{}`; accept anything JSON-ish.
const AnyBody = z.unknown();

/** The smoke test's view of an inference call: it judges status and body itself. */
export interface RawResponse {
  status: number;
  body: unknown;
  /** The Retry-After header, as sent: how long a warming (503) or busy (429) engine asks us to wait. */
  retryAfter?: string;
}

/** An OpenAI-style inference body; `model` is the endpoint id (optionally `id:adapter`). */
type InferenceBody = { model: string; [key: string]: unknown };

export class FriendliClient {
  readonly http: Http;

  /** Takes the HTTP layer's options (the usual case) or a ready Http (to share one dispatcher). */
  constructor(httpOrOptions: Http | HttpOptions) {
    this.http = "send" in httpOrOptions ? httpOrOptions : createHttp(httpOrOptions);
  }

  /** The data of a JSON answer, checked by the op's schema. */
  private async data<T>(op: SendOp<T>): Promise<T> {
    return (await this.http.send(op)).data;
  }

  /** Sent once: a create is retried only when the server certainly did not process it (./retry.ts). */
  async create(body: CreateEndpointBody) {
    const status = await this.data({
      operation: "create",
      method: "POST",
      path: ENDPOINT_BASE,
      body,
      schema: EndpointStatusSchema,
      retry: "create",
      maxBodyBytes: SMALL_BODY,
      // Its answer is the only proof of which endpoint it made: a cancellation does not cut it off.
      graceMs: CREATE_ANSWER_GRACE_MS,
    });
    // Only if the live API ever sends `id`/`endpointId` (the spec has none).
    const id = status.endpointId ?? status.id;
    return typeof id === "string" && id.trim() !== "" ? { status, endpointId: id } : { status };
  }

  /** Every endpoint of the project, across all pages, in the order the API lists them. */
  async listAll(projectId: string) {
    const out: Array<{ id: string; status: EndpointStatus }> = [];
    const seenCursors = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const res = await this.data({
        operation: "list",
        method: "GET",
        path: ENDPOINT_BASE,
        query: { project_id: projectId, cursor, limit: LIST_PAGE_LIMIT },
        schema: EndpointListSchema,
        retry: "idempotent",
        maxBodyBytes: LIST_BODY,
      });
      for (const [id, status] of res.data) out.push({ id, status });
      if (out.length > MAX_LISTED_ENDPOINTS) {
        throw new ApiError({
          kind: "permanent",
          operation: "list",
          message:
            `list failed: project ${projectId} lists more than ${MAX_LISTED_ENDPOINTS} endpoints, too many to ` +
            "look one up by name (each is read by a GET): pass `endpoint-id` to act on one endpoint directly",
        });
      }
      const next = res.nextCursor ?? undefined;
      if (next === undefined || next === "") return out;
      // A repeated cursor would loop forever; the pages so far cannot be trusted to be complete.
      if (seenCursors.has(next)) {
        throw new ApiError({
          kind: "ambiguous",
          operation: "list",
          message: `list failed: the API handed out page cursor ${next} twice; the listing cannot be trusted`,
        });
      }
      seenCursors.add(next);
      cursor = next;
    }
    throw new ApiError({
      kind: "permanent",
      operation: "list",
      message: `list failed: more than ${MAX_LIST_PAGES} pages of endpoints in project ${projectId}`,
    });
  }

  /** Throws ApiError with status 404 when the endpoint does not exist; callers check for it. */
  get(id: string): Promise<EndpointSpec> {
    return this.data({
      operation: "get",
      method: "GET",
      path: pathFor(ENDPOINT_BASE, id),
      schema: EndpointSpecSchema,
      retry: "idempotent",
      maxBodyBytes: SPEC_BODY,
    });
  }

  /** Repeating a PUT after an ambiguous failure re-applies the same spec: the outcome asked for. */
  update(id: string, body: UpdateEndpointBody): Promise<EndpointSpec> {
    return this.data({
      operation: "update",
      method: "PUT",
      path: pathFor(ENDPOINT_BASE, id),
      body,
      schema: EndpointSpecSchema,
      retry: "idempotent",
      maxBodyBytes: SPEC_BODY,
    });
  }

  /** A 404 after an ambiguous first attempt may mean that attempt deleted it; the caller decides. */
  async delete(id: string): Promise<void> {
    await this.data({
      operation: "delete",
      method: "DELETE",
      path: pathFor(ENDPOINT_BASE, id),
      schema: AnyBody,
      retry: "idempotent",
      maxBodyBytes: SMALL_BODY,
    });
  }

  /**
   * PUT …/sleep, /wake or /restart (no body): a repeated sleep or wake asks for the state it already
   * has; a second restart would be refused (only a FAILED or TERMINATED one restarts), so it is
   * retried only when the server certainly did not process the first.
   */
  lifecycle(id: string, op: "sleep" | "wake" | "restart"): Promise<EndpointStatus> {
    return this.data({
      operation: op,
      method: "PUT",
      path: pathFor(ENDPOINT_BASE, id, op),
      schema: EndpointStatusSchema,
      retry: op === "restart" ? "create" : "idempotent",
      maxBodyBytes: SMALL_BODY,
    });
  }

  /** The waiter passes maxAttempts 1: it tolerates failed polls itself and polls again anyway. */
  status(id: string, opts: { maxAttempts?: number } = {}): Promise<EndpointStatus> {
    return this.data({
      operation: "status",
      method: "GET",
      path: pathFor(ENDPOINT_BASE, id, "status"),
      schema: EndpointStatusSchema,
      retry: "idempotent",
      maxBodyBytes: SMALL_BODY,
      maxAttempts: opts.maxAttempts,
    });
  }

  /**
   * One page of the team's cost report (daily buckets, by line item). Never retried: the API asks
   * for minutes between calls, and the caller treats any failure as "no figure" (src/cost/report.ts).
   */
  teamCost(q: { startTime: string; endTime: string; limit: number; page?: string }): Promise<CostResponse> {
    return this.data({
      operation: "cost report",
      method: "GET",
      path: TEAM_COST_PATH,
      query: {
        start_time: q.startTime,
        end_time: q.endTime,
        bucket_width: "1d",
        group_by: "line_item",
        limit: q.limit,
        page: q.page,
      },
      schema: CostResponseSchema,
      retry: "never",
      maxAttempts: 1,
      maxBodyBytes: COST_BODY,
    });
  }

  /** Not retried: the smoke test decides what a 503 from a waking endpoint means. */
  chat(body: InferenceBody, onChunk?: (text: string) => void): Promise<RawResponse> {
    return this.inference("chat", CHAT_PATH, body, onChunk);
  }

  completions(body: InferenceBody, onChunk?: (text: string) => void): Promise<RawResponse> {
    return this.inference("completions", COMPLETIONS_PATH, body, onChunk);
  }

  /** `onChunk` sees a streamed (`stream: true`) answer's pieces as they arrive. */
  private async inference(
    operation: string,
    path: string,
    body: InferenceBody,
    onChunk?: (text: string) => void,
  ): Promise<RawResponse> {
    const res = await this.http.send({
      operation,
      method: "POST",
      path,
      body,
      retry: "never",
      raw: true,
      maxBodyBytes: INFERENCE_BODY,
      onChunk,
    });
    const retryAfter = firstHeader(res.headers["retry-after"]);
    return retryAfter === undefined
      ? { status: res.status, body: res.data }
      : { status: res.status, body: res.data, retryAfter };
  }
}
