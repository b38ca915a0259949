// The deployment ledger's pure half: what a GitHub deployment's payload records about a deploy, how a
// payload read back is checked, and the decisions taken from it (no-op deploys, rollback, id memory).
// Friendli cannot say which model or revision an endpoint runs, so this record is the only memory of
// it. A payload comes back from GitHub, where anyone with write access could have written it: it is
// parsed by shape, field by field, and one that does not fit is ignored, never half-trusted.
import { isDeepStrictEqual } from "node:util";
import { z } from "zod/mini";
import { QUEUE_BACKPRESSURE_METRICS } from "../friendli/schemas.ts";
import { classifyStatus } from "../wait/status-table.ts";
import type { DeploymentState } from "./trust.ts";

/** Names this action's payloads; a payload without it (or of another version) is not ours to read. */
export const PAYLOAD_SCHEMA = "friendli-deploy-action/deployment";
const PAYLOAD_VERSION = 1;

// Each shape is as narrow as the value the action itself writes: an id or a name that could carry
// markup, a line break or a path is not one this action recorded.
const MAX_INT = 2_147_483_647;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const NAME = /^[^\s\p{Cc}\p{Cf}/]{1,100}$/u;
const HF_REPO = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
const REVISION = /^[0-9a-f]{40}$/;
const OPTION_ID = /^[A-Za-z0-9]{1,64}$/;
const LABEL = /^[A-Za-z0-9 ._-]{1,40}$/;

const str = (re: RegExp) => z.string().check(z.regex(re));
const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

/** The settings a deploy sends, as the ledger records, compares and restores them. */
const SettingsSchema = z.object({
  model: z.object({ repo: str(HF_REPO), revision: z.optional(str(REVISION)) }),
  gpu: z.object({ instanceOptionId: str(OPTION_ID), label: str(LABEL) }),
  autoscaling: z.object({
    minReplicas: int(0, 10),
    maxReplicas: int(1, 10),
    cooldownSeconds: int(0, MAX_INT),
  }),
  /** `replicas`: a fixed count sent in place of the policy above (which then records it as its range). */
  simplescale: z.optional(z.object({ replicas: int(1, 10) })),
  /** Friendli's `advanced` object: only the keys that were sent. */
  engine: z.object({
    tokenizer_skip_special_tokens: z.boolean(),
    tokenizer_add_special_tokens: z.boolean(),
    max_batch_size: z.optional(int(1, MAX_INT)),
    max_token_count: z.optional(int(1, MAX_INT)),
    max_input_length: z.optional(int(1, MAX_INT)),
    max_context_length: z.optional(int(1, MAX_INT)),
    enable_content_logging: z.optional(z.boolean()),
    queue_timeout_ms: z.optional(int(1, MAX_INT)),
    queue_backpressure_metric_kind: z.optional(z.enum(QUEUE_BACKPRESSURE_METRICS)),
    queue_backpressure_metric_threshold: z.optional(z.number().check(z.positive())),
  }),
});
export type DeploymentSettings = z.infer<typeof SettingsSchema>;

const PayloadSchema = z.object({
  schema: z.literal(PAYLOAD_SCHEMA),
  version: z.literal(PAYLOAD_VERSION),
  /** The id is absent when the run never learned it (a create whose id was not found). */
  endpoint: z.object({ id: z.optional(str(ID)), name: str(NAME), projectId: str(ID) }),
  settings: SettingsSchema,
});
export type LedgerPayload = z.infer<typeof PayloadSchema>;

/** One deployment of the environment whose payload is ours. */
export interface LedgerEntry {
  deploymentId: number;
  createdAt: string;
  /** Its latest status; undefined when it has none (a run that ended before its first status). */
  state?: DeploymentState;
  payload: LedgerPayload;
}

/** What the environment's history says: its newest entry, and its newest successful one. */
export interface LedgerView {
  latest?: LedgerEntry;
  lastSuccess?: LedgerEntry;
}

/** The environment of an endpoint's deployments: the `environment` input, else `friendli/<name>`. */
export function environmentName(input: string | undefined, endpointName: string): string {
  const given = input?.trim();
  return given ? given : `friendli/${endpointName}`;
}

export function buildPayload(
  endpoint: LedgerPayload["endpoint"],
  settings: DeploymentSettings,
): LedgerPayload {
  return {
    schema: PAYLOAD_SCHEMA,
    version: PAYLOAD_VERSION,
    endpoint: endpoint.id ? { ...endpoint } : { name: endpoint.name, projectId: endpoint.projectId },
    settings,
  };
}

/**
 * A payload as GitHub returns it (an object, or the JSON text it was given as), checked; undefined
 * for anything else: another tool's payload, a later version of ours, or garbage.
 */
export function parsePayload(raw: unknown): LedgerPayload | undefined {
  // A payload is small; a huge string is not one of ours and is not worth parsing.
  if (typeof raw === "string" && raw.length > 20_000) return undefined;
  try {
    return PayloadSchema.safeParse(typeof raw === "string" ? JSON.parse(raw) : raw).data;
  } catch {
    return undefined;
  }
}

/**
 * True when the two ask Friendli for the same endpoint: model, revision, GPU option, autoscaling
 * (or the fixed count), engine. The GPU's label only names the option; an unset engine key means
 * "Friendli's default", which is not the same as any value given for it.
 */
export function sameSettings(recorded: DeploymentSettings, requested: DeploymentSettings): boolean {
  // Through JSON, a key set to undefined is the unset key it stands for. A fixed count sends no policy.
  const sent = ({ simplescale, autoscaling, gpu, ...s }: DeploymentSettings) =>
    JSON.parse(JSON.stringify({ ...s, gpu: gpu.instanceOptionId, scale: simplescale ?? autoscaling }));
  return isDeepStrictEqual(sent(recorded), sent(requested));
}

type IfUnchanged = "skip" | "update";

interface UnchangedInput {
  mode: IfUnchanged;
  requested: { name: string; projectId: string; settings: DeploymentSettings };
  ledger: LedgerView;
  /** The endpoint as found now: its id, status, and its own min replicas when known. */
  endpoint: { id: string; status: string; minReplicas?: number };
  /**
   * The settings the endpoint's GET shows that differ from the requested ones (GPU, replicas,
   * cooldown): changed outside this action since, whatever the ledger recorded.
   */
  drift?: readonly string[];
}

export type UnchangedDecision =
  | { action: "skip"; entry: LedgerEntry }
  | { action: "update"; reason: string; drift?: readonly string[] };

/**
 * Whether a deploy may send no PUT (`result: unchanged`). Only when the newest entry of the
 * environment is the successful one, so a later failed or unfinished attempt (whose settings the
 * endpoint may now run) is never taken for the serving version; and only with a pinned revision,
 * because without one the model's default branch may have moved since.
 */
export function decideIfUnchanged(input: UnchangedInput): UnchangedDecision {
  const { mode, requested, ledger, endpoint } = input;
  if (mode === "update") return { action: "update", reason: "`if-unchanged: update`" };
  const entry = ledger.lastSuccess;
  if (!entry)
    return { action: "update", reason: "no successful deployment is recorded for this environment" };
  if (ledger.latest && ledger.latest.deploymentId !== entry.deploymentId) {
    return { action: "update", reason: `a later deployment (${ledger.latest.deploymentId}) did not succeed` };
  }
  const recorded = entry.payload;
  if (
    recorded.endpoint.id !== endpoint.id ||
    recorded.endpoint.name !== requested.name ||
    recorded.endpoint.projectId !== requested.projectId
  ) {
    return { action: "update", reason: "the last successful deployment recorded another endpoint" };
  }
  if (!requested.settings.model.revision) {
    return { action: "update", reason: "no `hf-model-revision`: the model may have changed since" };
  }
  if (!sameSettings(recorded.settings, requested.settings)) {
    return { action: "update", reason: "the settings differ from the last successful deployment" };
  }
  // The record says what was sent, not what serves: what the API shows must agree with it.
  if (input.drift && input.drift.length > 0) {
    return {
      action: "update",
      reason: `the endpoint's ${input.drift.join(", ")} changed outside this action (drift)`,
      drift: input.drift,
    };
  }
  const minReplicas = endpoint.minReplicas ?? requested.settings.autoscaling.minReplicas;
  if (classifyStatus(endpoint.status, { minReplicas, target: "running" }) !== "success") {
    return { action: "update", reason: `the endpoint is not serving (${endpoint.status})` };
  }
  return { action: "skip", entry };
}

/**
 * The settings a failed update should be put back to: the last successful deployment's, when it
 * recorded this very endpoint (its id, name and project) and the same model repository (another
 * revision, GPU or replica count is what a rollback is for; another model is not a rollback but a
 * deploy nobody asked for), and differs from what failed. Undefined: nothing to roll back to.
 */
export function rollbackTarget(
  ledger: LedgerView,
  failed: { endpointId: string; name: string; projectId: string; settings: DeploymentSettings },
): LedgerEntry | undefined {
  const entry = ledger.lastSuccess;
  if (!entry) return undefined;
  const { endpoint, settings } = entry.payload;
  if (endpoint.name !== failed.name || endpoint.projectId !== failed.projectId) return undefined;
  // A record without an id, or with another endpoint's, says nothing of what this one served.
  if (!endpoint.id || endpoint.id !== failed.endpointId) return undefined;
  if (settings.model.repo !== failed.settings.model.repo) return undefined;
  return sameSettings(settings, failed.settings) ? undefined : entry;
}

/**
 * The endpoint id the newest entry remembers for this name and project, to be confirmed with one
 * GET before use (confirmRememberedEndpoint, src/endpoint/lookup.ts). Undefined: look the name up as usual.
 */
export function rememberedEndpointId(
  ledger: LedgerView,
  name: string,
  projectId: string,
): string | undefined {
  for (const entry of [ledger.latest, ledger.lastSuccess]) {
    const e = entry?.payload.endpoint;
    if (e?.id && e.name === name && e.projectId === projectId) return e.id;
  }
  return undefined;
}
