// Response shapes of Friendli's Dedicated Endpoint API, as its OpenAPI document describes them.
// Lenient on purpose, so a small drift in the live API does not fail a deploy: unknown fields pass,
// status strings are no enum (the waiter decides what a new one means), and required fields the
// action can live without are optional. zod/mini (see src/inputs/inputs.ts) loads no messages:
// English ones are configured here, so a body that fails a schema is described in words.
import { z } from "zod/mini";
import en from "zod/v4/locales/en.js";

z.config(en());

const nullableString = z.nullish(z.string());

// Fields that become step outputs, log lines and request paths are checked by shape: a value with
// line breaks, `::` or `${{` from a hostile or broken API fails here, as an unexpected body.
/** An endpoint id: a short token of letters, digits, '_', '-' and '.' (not only dots). */
export const ENDPOINT_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;
/** A status, phase or error code: one upper-case word (`INITIALIZING`, `WORKLOAD_INIT_ERROR`). */
export const UPPER_WORD = /^[A-Z][A-Z0-9_]{0,79}$/;
/** A timestamp as the API gives it (ISO 8601): digits, letters for T/Z, and `:.+-` or a space. */
const TIMESTAMP = /^[0-9A-Za-z:.+ -]{1,40}$/;

const upperWord = z.string().check(z.regex(UPPER_WORD, "must be a single upper-case word"));
// The create response's id, should the API ever send one: empty means none (see client.ts).
const createdId = z.string().check(z.regex(new RegExp(`^$|${ENDPOINT_ID.source}`), "must be a short id"));
const timestamp = z.nullish(z.string().check(z.regex(TIMESTAMP, "must be a timestamp")));

export const EndpointStatusSchema = z.looseObject({
  status: upperWord,
  createdAt: timestamp,
  updatedAt: timestamp,
  phase: z.nullish(upperWord),
  errorCode: z.nullish(upperWord),
  // Not in the spec: used if the live API ever answers create with an id (it documents none).
  id: z.optional(createdId),
  endpointId: z.optional(createdId),
});
export type EndpointStatus = z.infer<typeof EndpointStatusSchema>;

export const EndpointSpecSchema = z.looseObject({
  name: z.string(),
  projectId: z.string(),
  gpuType: nullableString,
  numGpu: z.nullish(z.number()),
  teamId: nullableString,
  instanceId: nullableString,
  autoscalingMin: z.nullish(z.number()),
  autoscalingMax: z.nullish(z.number()),
  autoscalingCooldown: z.nullish(z.number()),
});
export type EndpointSpec = z.infer<typeof EndpointSpecSchema>;

/**
 * The listing's map of ids to statuses, as [id, status] pairs. Not a zod record: that copies into a
 * plain object, where an id `__proto__` sets the prototype and the endpoint vanishes from the list.
 * JSON.parse makes every key an own property, so the parsed object's entries are all there.
 */
const EndpointEntries = z.pipe(
  z.custom<Record<string, unknown>>((v) => v !== null && typeof v === "object" && !Array.isArray(v), {
    message: "must be an object of endpoint ids",
  }),
  z.transform((data, ctx) => {
    const out: Array<[string, EndpointStatus]> = [];
    for (const [id, value] of Object.entries(data)) {
      const parsed = EndpointStatusSchema.safeParse(value);
      if (!ENDPOINT_ID.test(id) || !parsed.success) {
        const first = parsed.success ? undefined : parsed.error.issues[0];
        const what = first
          ? `an entry's ${first.path.join(".") || "value"} ${first.message}`
          : "an entry's id is not a short id of letters, digits, '_', '-', '.'";
        ctx.issues.push({ code: "custom", message: what, input: id });
        return z.NEVER;
      }
      out.push([id, parsed.data]);
    }
    return out;
  }),
);

export const EndpointListSchema = z.looseObject({
  data: EndpointEntries,
  nextCursor: nullableString,
});

/**
 * The team cost report (`GET /v1/team/cost`) as the OpenAPI document's schema defines it, not as
 * its 200 example shows it (that nests a second `data`, which the schema does not allow). Each
 * result is checked on its own (../cost/report.ts), so one bad line item is ignored, not the report.
 */
export const CostResponseSchema = z.looseObject({
  has_more: z.boolean(),
  next_page: nullableString,
  data: z.array(
    z.looseObject({ start_time: z.string(), end_time: z.string(), results: z.array(z.unknown()) }),
  ),
});
export type CostResponse = z.infer<typeof CostResponseSchema>;
export type CostBucket = CostResponse["data"][number];

/** AutoscalingPolicy's `maxReplica` maximum; `minReplica` is 0 or more, both integers. */
export const MAX_REPLICAS = 10;

/** Request body of POST /dedicated/beta/endpoint (DedicatedEndpointCreateBody). */
export interface CreateEndpointBody {
  projectId: string;
  name: string;
  instanceOptionId: string;
  hfModelRepo: string;
  hfModelRepoRevision?: string;
  /** One or the other: a replica range, or a fixed count (EndpointSimplescaleConfig, at least 1). */
  autoscalingPolicy?: { minReplica: number; maxReplica: number; cooldownPeriod: number };
  simplescale?: { replicas: number };
  advanced: AdvancedConfig;
  initialVersionComment?: string;
}

/** EndpointAdvancedConfig: the one object whose keys are snake_case. */
interface AdvancedConfig {
  tokenizer_skip_special_tokens: boolean;
  tokenizer_add_special_tokens: boolean;
  max_batch_size?: number;
  max_token_count?: number;
  max_input_length?: number;
  max_context_length?: number;
  enable_content_logging?: boolean;
  queue_timeout_ms?: number;
  queue_backpressure_metric_kind?: QueueBackpressureMetric;
  queue_backpressure_metric_threshold?: number;
}

/** QueueBackpressureMetricKind: what the engine's request queue measures its backpressure by. */
export const QUEUE_BACKPRESSURE_METRICS = [
  "TPOT_MS",
  "TTFT_MS",
  "REQUEST_COUNT",
  "WORKSPACE_UTILIZATION",
  "QUEUED_PREFILL_TOKENS",
] as const;
type QueueBackpressureMetric = (typeof QUEUE_BACKPRESSURE_METRICS)[number];

/** Request body of PUT /dedicated/beta/endpoint/{id} (DedicatedEndpointUpdateBody): all optional. */
export type UpdateEndpointBody = Partial<Omit<CreateEndpointBody, "projectId" | "initialVersionComment">> & {
  newVersionComment?: string;
};
