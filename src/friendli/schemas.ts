// Response shapes of Friendli's Dedicated Endpoint API, as its OpenAPI document describes them.
// Lenient on purpose: unknown fields pass through, status strings are not an enum (the API may add
// one; the waiter decides what an unknown one means), and fields the spec marks required but that
// the action can live without are optional, so a small drift in the live API does not fail a deploy.
// zod/mini rather than zod: see src/inputs.ts. Mini loads no error messages by default; English
// ones are configured here so a body that fails a schema is still described in words.
import { z } from "zod/mini";
import en from "zod/v4/locales/en.js";

z.config(en());

const nullableString = z.nullish(z.string());

export const EndpointStatusSchema = z.looseObject({
  status: z.string(),
  createdAt: nullableString,
  updatedAt: nullableString,
  phase: nullableString,
  errorCode: nullableString,
  // Not in the spec: used if the live API ever answers create with an id (it documents none).
  id: z.optional(z.string()),
  endpointId: z.optional(z.string()),
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

export const EndpointListSchema = z.looseObject({
  data: z.record(z.string(), EndpointStatusSchema),
  nextCursor: nullableString,
});
export type EndpointList = z.infer<typeof EndpointListSchema>;

/** Request body of POST /dedicated/beta/endpoint (DedicatedEndpointCreateBody). */
export interface CreateEndpointBody {
  projectId: string;
  name: string;
  instanceOptionId: string;
  hfModelRepo: string;
  hfModelRepoRevision?: string;
  autoscalingPolicy: { minReplica: number; maxReplica: number; cooldownPeriod: number };
  advanced: AdvancedConfig;
  initialVersionComment?: string;
}

/** EndpointAdvancedConfig: the one object whose keys are snake_case. */
export interface AdvancedConfig {
  tokenizer_skip_special_tokens: boolean;
  tokenizer_add_special_tokens: boolean;
  max_batch_size?: number;
  max_token_count?: number;
  max_input_length?: number;
  max_context_length?: number;
  enable_content_logging?: boolean;
}

/** Request body of PUT /dedicated/beta/endpoint/{id} (DedicatedEndpointUpdateBody): all optional. */
export interface UpdateEndpointBody {
  name?: string;
  instanceOptionId?: string;
  hfModelRepo?: string;
  hfModelRepoRevision?: string;
  autoscalingPolicy?: { minReplica: number; maxReplica: number; cooldownPeriod: number };
  advanced?: AdvancedConfig;
  newVersionComment?: string;
}
