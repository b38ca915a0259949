import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";

/**
 * The request-body schemas of the Dedicated Endpoint operations, transcribed from
 * test/fixtures/friendli-openapi.yaml (annotations dropped). They are embedded so the simulator also
 * validates without parsing the YAML; spec.test.ts proves they still equal the published ones.
 */
export const REQUEST_SCHEMAS = {
  DedicatedEndpointCreateBody: {
    type: "object",
    properties: {
      projectId: { type: "string" },
      name: { type: "string" },
      instanceOptionId: { type: "string" },
      advanced: { $ref: "#/$defs/EndpointAdvancedConfig" },
      simplescale: { anyOf: [{ $ref: "#/$defs/EndpointSimplescaleConfig" }, { type: "null" }] },
      autoscalingPolicy: { anyOf: [{ $ref: "#/$defs/AutoscalingPolicy" }, { type: "null" }] },
      hfModelRepo: { type: "string" },
      hfModelRepoRevision: { anyOf: [{ type: "string" }, { type: "null" }] },
      initialVersionComment: { anyOf: [{ type: "string" }, { type: "null" }] },
    },
    required: ["projectId", "name", "instanceOptionId", "advanced", "hfModelRepo"],
  },
  DedicatedEndpointUpdateBody: {
    type: "object",
    properties: {
      name: { anyOf: [{ type: "string" }, { type: "null" }] },
      advanced: { anyOf: [{ $ref: "#/$defs/EndpointAdvancedConfig" }, { type: "null" }] },
      simplescale: { anyOf: [{ $ref: "#/$defs/EndpointSimplescaleConfig" }, { type: "null" }] },
      autoscalingPolicy: { anyOf: [{ $ref: "#/$defs/AutoscalingPolicy" }, { type: "null" }] },
      hfModelRepo: { anyOf: [{ type: "string" }, { type: "null" }] },
      hfModelRepoRevision: { anyOf: [{ type: "string" }, { type: "null" }] },
      newVersionComment: { anyOf: [{ type: "string" }, { type: "null" }] },
      instanceOptionId: { anyOf: [{ type: "string" }, { type: "null" }] },
    },
  },
  EndpointAdvancedConfig: {
    type: "object",
    properties: {
      max_batch_size: { anyOf: [{ type: "integer" }, { type: "null" }] },
      tokenizer_skip_special_tokens: { type: "boolean" },
      tokenizer_add_special_tokens: { type: "boolean" },
      max_token_count: { type: "integer", default: 2560 },
      enable_content_logging: { anyOf: [{ type: "boolean" }, { type: "null" }] },
      max_input_length: { anyOf: [{ type: "integer" }, { type: "null" }] },
      max_context_length: { anyOf: [{ type: "integer", minimum: 1 }, { type: "null" }] },
      queue_timeout_ms: { anyOf: [{ type: "integer" }, { type: "null" }] },
      queue_backpressure_metric_kind: {
        anyOf: [{ $ref: "#/$defs/QueueBackpressureMetricKind" }, { type: "null" }],
      },
      queue_backpressure_metric_threshold: { anyOf: [{ type: "number" }, { type: "null" }] },
    },
    required: ["tokenizer_skip_special_tokens", "tokenizer_add_special_tokens"],
  },
  QueueBackpressureMetricKind: {
    type: "string",
    enum: ["TPOT_MS", "TTFT_MS", "REQUEST_COUNT", "WORKSPACE_UTILIZATION", "QUEUED_PREFILL_TOKENS"],
  },
  EndpointSimplescaleConfig: {
    type: "object",
    properties: { replicas: { type: "integer", minimum: 1 } },
    required: ["replicas"],
  },
  AutoscalingPolicy: {
    type: "object",
    properties: {
      minReplica: { type: "integer", minimum: 0, default: 0 },
      maxReplica: { type: "integer", maximum: 10, default: 1 },
      cooldownPeriod: { type: "integer", default: 300 },
    },
  },
} as const;

/** One item of FastAPI's 422 `detail` list (pydantic v2 wording). */
export interface ValidationItem {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
}

export type BodyValidator = (body: unknown) => ValidationItem[];

const compiled = new Map<string, ValidateFunction>();

/** Compiled once per process: an ajv compilation costs more than a whole simulated request. */
export function compileBodyValidator(
  name: "DedicatedEndpointCreateBody" | "DedicatedEndpointUpdateBody",
): BodyValidator {
  let validate = compiled.get(name);
  if (!validate) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    validate = ajv.compile({ ...REQUEST_SCHEMAS[name], $defs: REQUEST_SCHEMAS });
    compiled.set(name, validate);
  }
  const fn = validate;
  return (body) => {
    if (body === undefined || body === null)
      return [{ type: "missing", loc: ["body"], msg: "Field required", input: null }];
    if (fn(body)) return [];
    return toFastApiErrors(fn.errors ?? [], body);
  };
}

/** Collapses ajv's per-branch errors of `anyOf` into one pydantic-like item per bad field. */
function toFastApiErrors(errors: ErrorObject[], body: unknown): ValidationItem[] {
  const keyOf = (e: ErrorObject) =>
    e.keyword === "required" ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath;
  const concrete = errors.filter((e) => e.keyword !== "anyOf");
  const paths = new Set(concrete.map(keyOf));
  const best = new Map<string, ErrorObject>();
  for (const e of concrete) {
    const key = keyOf(e);
    const isNullBranch = e.keyword === "type" && e.params.type === "null";
    // A nested field's error explains why the object branch failed: report that, not "expected null".
    if (isNullBranch && [...paths].some((p) => p !== key && p.startsWith(`${key}/`))) continue;
    const prev = best.get(key);
    if (!prev || (prev.keyword === "type" && prev.params.type === "null" && !isNullBranch)) best.set(key, e);
  }
  return [...best.entries()].map(([key, e]) => toItem(key, e, body));
}

function toItem(key: string, e: ErrorObject, body: unknown): ValidationItem {
  const segments = key
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const loc: Array<string | number> = ["body", ...segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
  const input = e.keyword === "required" ? inputAt(body, segments.slice(0, -1)) : inputAt(body, segments);
  switch (e.keyword) {
    case "required":
      return { type: "missing", loc, msg: "Field required", input };
    case "type":
      return typeItem(String(e.params.type), loc, input);
    case "minimum":
      return {
        type: "greater_than_equal",
        loc,
        msg: `Input should be greater than or equal to ${e.params.limit}`,
        input,
        ctx: { ge: e.params.limit },
      };
    case "maximum":
      return {
        type: "less_than_equal",
        loc,
        msg: `Input should be less than or equal to ${e.params.limit}`,
        input,
        ctx: { le: e.params.limit },
      };
    case "enum": {
      const values = (e.params.allowedValues as unknown[]).map((v) => `'${String(v)}'`);
      const expected = `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
      return { type: "enum", loc, msg: `Input should be ${expected}`, input, ctx: { expected } };
    }
    default:
      return { type: "value_error", loc, msg: e.message ?? "Invalid value", input };
  }
}

function typeItem(type: string, loc: Array<string | number>, input: unknown): ValidationItem {
  const table: Record<string, [string, string]> = {
    string: ["string_type", "Input should be a valid string"],
    integer: ["int_type", "Input should be a valid integer"],
    number: ["float_type", "Input should be a valid number"],
    boolean: ["bool_type", "Input should be a valid boolean"],
    object: ["model_attributes_type", "Input should be a valid dictionary or object to extract fields from"],
    array: ["list_type", "Input should be a valid list"],
    null: ["none_required", "Input should be None"],
  };
  const [t, msg] = table[type] ?? ["value_error", `Input should be of type ${type}`];
  return { type: t, loc, msg, input };
}

function inputAt(body: unknown, segments: string[]): unknown {
  let cur: unknown = body;
  for (const s of segments) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}
