// CONTRACT (types) — the parser is implemented below this block.
import type { Gpu } from "./friendli/gpus.ts";
import type { AdvancedConfig } from "./friendli/schemas.ts";
import type { InputName } from "./names.ts";

export type Operation = "deploy" | "delete" | "status";
export type IfExists = "update" | "reuse" | "fail";

/** Every input of the action, parsed and validated once, at the boundary. '' inputs are absent. */
export interface Inputs {
  operation: Operation;
  friendliToken: string;
  teamId?: string;
  projectId: string;
  /** Endpoint name: the input, or on pull request events `<owner>--<repo>-pr-<number>` made safe. */
  name: string;
  endpointId?: string;
  /** Present when operation is deploy. */
  hfModelRepo?: string;
  hfModelRevision?: string;
  /** Present when operation is deploy. */
  gpu?: Gpu;
  minReplicas: number;
  maxReplicas: number;
  cooldownSeconds: number;
  advanced: AdvancedConfig;
  /** The input, or provenance: repository, commit and workflow run URL. */
  versionComment: string;
  ifExists: IfExists;
  wait: boolean;
  waitTimeoutMs: number;
  deleteOnFailure: boolean;
  prComment: boolean;
  githubToken: string;
  smokeTest: boolean;
  smokeTestPrompt: string;
  /** Normalised base URL without trailing slash, https or loopback http. */
  apiUrl: string;
  dryRun: boolean;
}

export type ParseResult =
  | { kind: "ok"; inputs: Inputs }
  /** A pull request from a fork gets no secrets: warn, `result: skipped`, succeed. */
  | { kind: "skip"; reason: string }
  /** Every problem at once, each naming its input. */
  | { kind: "invalid"; problems: Array<{ input: InputName; message: string }> };

// ---------------------------------------------------------------------------------------------------
// The parser. One zod schema: a field schema per input (each reports its own problem), then one
// cross-input check that runs even when fields failed, so a run reports every problem at once.
// zod/mini, not zod: the same engine (zod/v4/core) with functions instead of methods, so the
// bundle keeps only what is used; loading classic zod cost ~30 ms of startup and ~6 MiB (issue 8).

import { z } from "zod/mini";
import { dependabotSkipReason, type RunContext } from "./context.ts";
import { clip, truncate } from "./format.ts";
import { resolveGpu } from "./friendli/gpus.ts";
import { isAllowedBaseUrl, isHeaderSafe } from "./friendli/http.ts";
import { MIN_REDACTABLE_TOKEN_LENGTH } from "./friendli/redact.ts";
import { Input } from "./names.ts";
import { derivePreviewName } from "./preview-names.ts";

export const DEFAULT_API_URL = "https://api.friendli.ai";
export const DEFAULT_SMOKE_TEST_PROMPT = "Say hello in one short sentence.";
export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;
/** A GitHub-hosted job is cancelled after 6 hours: waiting longer could never end in a result. */
export const MAX_WAIT_TIMEOUT_MS = 6 * 3_600_000;
export const MAX_VERSION_COMMENT_LENGTH = 500;
export const MAX_REPLICAS = 10;
/** Endpoint names are not specified by Friendli: this is a sanity bound, not the API's rule. */
export const MAX_NAME_LENGTH = 100;
const MAX_ID_LENGTH = 200;
/** The API's integers are most likely 32-bit: a larger value could only come back as a 422. */
const MAX_INT = 2_147_483_647;

const OPERATIONS = ["deploy", "delete", "status"] as const satisfies readonly Operation[];
const IF_EXISTS = ["update", "reuse", "fail"] as const satisfies readonly IfExists[];

const INTEGER = /^(0|[1-9][0-9]*)$/;
const HF_PART = /^[A-Za-z0-9._-]{1,96}$/;
const HF_URL =
  /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/(?:models\/)?([^/?#\s]+)\/([^/?#\s]+)/i;
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i;
// Endpoint names: Friendli publishes no rule, so only what is surely wrong is refused: whitespace,
// control and invisible format characters, and '/', which would read as a path.
const NAME = /^[^\s\p{Cc}\p{Cf}/]+$/u;

/** `got` for a message: bare when it reads unambiguously, else quoted and escaped; always short. */
function show(value: string): string {
  const short = clip(value);
  return /^[\x21-\x7e]+$/.test(short) && !short.includes('"') ? short : JSON.stringify(short);
}

/** Problems about absent values: dropped on a fork PR, where any input may come from a secret. */
const MISSING = { missing: true } as const;

type Parse<T> = (value: string) => T | { problem: string };

/** A custom issue, as classic zod's ctx.addIssue() records it (zod/mini's transforms have no addIssue). */
function addIssue(ctx: z.core.ParsePayload, message: string, params?: Record<string, unknown>): void {
  ctx.issues.push({ code: "custom", message, input: ctx.value, ...(params ? { params } : {}) });
}

/** A field from a plain function: a `{ problem }` becomes an issue on this input. */
function field<T>(parse: Parse<T>) {
  return z.pipe(
    z.string(),
    z.transform((value: string, ctx) => {
      const out = parse(value);
      if (typeof out === "object" && out !== null && "problem" in out) {
        addIssue(ctx, out.problem);
        return z.NEVER;
      }
      return out as T;
    }),
  );
}

/** '' is unset: the inner schema's default applies, or the value is undefined. */
function unset<S extends z.ZodMiniType>(schema: S) {
  return z.pipe(
    z.transform((value: unknown) => (value === "" ? undefined : value)),
    schema,
  );
}

function integer(input: InputName, min: number, max: number) {
  const rule =
    max === MAX_INT
      ? min === 0
        ? "a whole number, 0 or more"
        : "a positive integer"
      : `an integer from ${min} to ${max}`;
  return field((value) => {
    const n = INTEGER.test(value) ? Number(value) : Number.NaN;
    return n >= min && n <= max ? n : { problem: `\`${input}\` must be ${rule} (got ${show(value)})` };
  });
}

// Not z.stringbool: its issue is marked non-continuable, which skips the cross-input check and would
// hide every problem found there until this one is fixed.
function boolean(input: InputName) {
  return field((value) => {
    if (value === "true" || value === "True" || value === "TRUE") return true;
    if (value === "false" || value === "False" || value === "FALSE") return false;
    return { problem: `\`${input}\` must be true or false (got ${show(value)})` };
  });
}

function oneOf<const T extends readonly [string, ...string[]]>(input: InputName, values: T) {
  return z.enum(values, {
    error: (issue) => `\`${input}\` must be one of ${values.join(", ")} (got ${show(String(issue.input))})`,
  });
}

/**
 * Ids go into a header (team), a query (project) or a URL path (endpoint, encoded by pathFor). The
 * API does not publish their format, so only what cannot be an id is refused: what a header cannot
 * carry, '/', the dot segments (they survive encoding and a URL resolves them, so pathFor refuses
 * them mid-run), and '?', '#' and '%', which come from a pasted URL or an already encoded value.
 * Other characters encodeURIComponent would change are left to the API's 404, which names the id.
 */
function id(input: InputName) {
  return field((value) => {
    if (value.length > MAX_ID_LENGTH)
      return {
        problem: `\`${input}\` is too long for an id (${value.length} characters, at most ${MAX_ID_LENGTH})`,
      };
    if (!isHeaderSafe(value))
      return {
        problem: `\`${input}\` must be an id of visible ASCII characters, without spaces or control characters (got ${show(value)})`,
      };
    if (value.includes("/"))
      return { problem: `\`${input}\` must be the id alone, not a URL or path (got ${show(value)})` };
    if (value === "." || value === "..")
      return { problem: `\`${input}\` must be an id, not "${value}" (a URL path reads it as a directory)` };
    if (/[?#%]/.test(value))
      return {
        problem: `\`${input}\` must be the id alone, without '?', '#' or '%': copy the id itself, not part of a URL or an encoded value (got ${show(value)})`,
      };
    return value;
  });
}

/**
 * Leading and trailing whitespace was trimmed already, so only what is inside the value is left to
 * name. Never the value itself, nor its length: it is a secret.
 */
const headerUnsafe = (input: InputName) =>
  `\`${input}\` contains spaces, a line break or other characters that cannot be sent in an HTTP header: check the secret's value`;

const friendliToken = z.pipe(
  z.string(),
  z.transform((value: string, ctx) => {
    if (value === "") {
      addIssue(
        ctx,
        "`friendli-token` is empty: add a repository secret (Settings → Secrets and variables → Actions), e.g. FRIENDLI_TOKEN, and pass `friendli-token: ${{ secrets.FRIENDLI_TOKEN }}`",
        MISSING,
      );
      return z.NEVER;
    }
    if (!isHeaderSafe(value)) {
      addIssue(ctx, headerUnsafe(Input.friendliToken));
      return z.NEVER;
    }
    // A secret the redactor cannot find in its encoded forms without masking ordinary words.
    if (value.length < MIN_REDACTABLE_TOKEN_LENGTH) {
      addIssue(
        ctx,
        `\`friendli-token\` is shorter than ${MIN_REDACTABLE_TOKEN_LENGTH} characters, too short to be a Personal Access Token (flp_...) or to keep out of logs safely: check the secret's value`,
      );
      return z.NEVER;
    }
    return value;
  }),
);

// Validated like the Friendli token (it goes into a header too), never echoed.
const githubToken = field((value) =>
  value === "" || isHeaderSafe(value) ? value : { problem: headerUnsafe(Input.githubToken) },
);

const name = field((value) => {
  const length = [...value].length;
  if (length > MAX_NAME_LENGTH)
    return { problem: `\`name\` must be at most ${MAX_NAME_LENGTH} characters (got ${length})` };
  if (!NAME.test(value))
    return {
      problem: `\`name\` must not contain whitespace, control characters or '/' (got ${show(value)})`,
    };
  return value;
});

const hfModelRepo = field((value) => {
  const url = HF_URL.exec(value);
  if (url) {
    return {
      problem: `\`hf-model-repo\` must be the model id, not a URL: use org/name, e.g. ${url[1]}/${url[2]} (got ${show(value)})`,
    };
  }
  const parts = value.split("/");
  const problem = (why: string) => ({
    problem: `\`hf-model-repo\` must be a Hugging Face model id org/name (got ${show(value)}): ${why}`,
  });
  if (parts.length !== 2) return problem("use org/name, e.g. meta-llama/Llama-3.1-8B-Instruct");
  for (const part of parts) {
    if (!HF_PART.test(part))
      return problem("each part is 1 to 96 of the characters A-Z, a-z, 0-9, '.', '_' and '-'");
    if (/^[-.]|[-.]$/.test(part)) return problem("a part must not start or end with '-' or '.'");
    if (/--|\.\./.test(part)) return problem("a part must not contain '--' or '..'");
  }
  if (/\.git$/i.test(value)) return problem("drop the trailing .git");
  return value;
});

const hfModelRevision = field((value) => {
  if (/^[0-9a-f]{40}$/i.test(value)) return value.toLowerCase();
  if (/^[0-9a-f]{4,39}$/i.test(value)) {
    return {
      problem: `\`hf-model-revision\` looks like a short commit hash: use the full 40-character commit hash (got ${show(value)})`,
    };
  }
  return {
    problem: `\`hf-model-revision\` must be a full 40-character commit hash, not a branch or tag name (got ${show(value)}): copy it from the model's "Files and versions" → "History" on Hugging Face`,
  };
});

const gpu = field((value) => {
  const resolved = resolveGpu(value);
  return resolved.ok ? resolved.gpu : { problem: resolved.message };
});

/** `90s`, `30m`, `1h30m`, `2h`, `1h30m15s` or plain seconds (`600`), in ms. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const match = DURATION.exec(text);
  if (!match || text === "") return undefined;
  const [, h = "0", m = "0", s = "0"] = match;
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
}

const waitTimeout = field((value) => {
  const ms = parseDuration(value);
  if (ms === undefined)
    return {
      problem: `\`wait-timeout\` must be a duration such as 90s, 30m, 1h30m or plain seconds such as 600 (got ${show(value)})`,
    };
  if (ms === 0) return { problem: `\`wait-timeout\` must be more than zero (got ${show(value)})` };
  if (ms > MAX_WAIT_TIMEOUT_MS)
    return {
      problem: `\`wait-timeout\` must be at most 6h, the time limit of a GitHub Actions job (got ${show(value)})`,
    };
  return ms;
});

const apiUrl = field((value) => {
  // Userinfo is a credential: never echo it.
  const got = show(value.replace(/\/\/[^/?#]*@/, "//***@"));
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `\`api-url\` must be an absolute URL such as ${DEFAULT_API_URL} (got ${got})` };
  }
  // The HTTP layer's own predicate: an api-url accepted here must not be refused by createHttp.
  if (!isAllowedBaseUrl(url))
    return {
      problem: `\`api-url\` must use https (http only for localhost, 127.0.0.0/8 and [::1]) (got ${got})`,
    };
  if (url.username || url.password)
    return {
      problem: `\`api-url\` must not contain credentials: pass the token as \`friendli-token\` (got ${got})`,
    };
  if (url.search || url.hash || value.includes("?") || value.includes("#"))
    return { problem: `\`api-url\` must be a base URL without a query or fragment (got ${got})` };
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
});

// Kept importable from here: the preview naming lives in ./preview-names.ts.
export { derivePreviewName } from "./preview-names.ts";

/** The default version comment: where this version came from, so Friendli's history links back. */
export function provenance(ctx: RunContext): string {
  const sha = (ctx.pullRequest?.headSha || ctx.sha).slice(0, 7);
  const source = ctx.repository
    ? `${ctx.repository}${sha ? `@${sha}` : ""}`
    : "friendli-deploy-action (local run)";
  const pr = ctx.pullRequest ? ` (PR #${ctx.pullRequest.number})` : "";
  const run = ctx.runUrl ? ` from ${ctx.runUrl}` : "";
  return truncate(`Deployed by ${source}${pr}${run}`, MAX_VERSION_COMMENT_LENGTH);
}

function schema(ctx: RunContext) {
  const fields = z
    .object({
      [Input.operation]: unset(z._default(oneOf(Input.operation, OPERATIONS), "deploy")),
      [Input.friendliToken]: friendliToken,
      [Input.teamId]: unset(z.optional(id(Input.teamId))),
      [Input.projectId]: unset(z.optional(id(Input.projectId))),
      [Input.name]: unset(z.optional(name)),
      [Input.endpointId]: unset(z.optional(id(Input.endpointId))),
      [Input.hfModelRepo]: unset(z.optional(hfModelRepo)),
      [Input.hfModelRevision]: unset(z.optional(hfModelRevision)),
      [Input.gpu]: unset(z.optional(gpu)),
      [Input.minReplicas]: unset(z._default(integer(Input.minReplicas, 0, MAX_REPLICAS), 0)),
      [Input.maxReplicas]: unset(z._default(integer(Input.maxReplicas, 1, MAX_REPLICAS), 1)),
      [Input.cooldownSeconds]: unset(z._default(integer(Input.cooldownSeconds, 0, MAX_INT), 300)),
      [Input.maxBatchSize]: unset(z.optional(integer(Input.maxBatchSize, 1, MAX_INT))),
      [Input.maxTokenCount]: unset(z.optional(integer(Input.maxTokenCount, 1, MAX_INT))),
      [Input.maxInputLength]: unset(z.optional(integer(Input.maxInputLength, 1, MAX_INT))),
      [Input.maxContextLength]: unset(z.optional(integer(Input.maxContextLength, 1, MAX_INT))),
      [Input.tokenizerSkipSpecialTokens]: unset(z._default(boolean(Input.tokenizerSkipSpecialTokens), false)),
      [Input.tokenizerAddSpecialTokens]: unset(z._default(boolean(Input.tokenizerAddSpecialTokens), false)),
      [Input.enableContentLogging]: unset(z.optional(boolean(Input.enableContentLogging))),
      [Input.versionComment]: unset(z.optional(z.string())),
      [Input.ifExists]: unset(z._default(oneOf(Input.ifExists, IF_EXISTS), "update")),
      [Input.wait]: unset(z._default(boolean(Input.wait), true)),
      [Input.waitTimeout]: unset(z._default(waitTimeout, DEFAULT_WAIT_TIMEOUT_MS)),
      [Input.deleteOnFailure]: unset(z._default(boolean(Input.deleteOnFailure), false)),
      [Input.prComment]: unset(z._default(boolean(Input.prComment), true)),
      [Input.githubToken]: githubToken,
      [Input.smokeTest]: unset(z._default(boolean(Input.smokeTest), false)),
      [Input.smokeTestPrompt]: unset(z._default(z.string(), DEFAULT_SMOKE_TEST_PROMPT)),
      [Input.apiUrl]: unset(z._default(apiUrl, DEFAULT_API_URL)),
      [Input.dryRun]: unset(z._default(boolean(Input.dryRun), false)),
    })
    .check(
      z.superRefine(
        (v, check) => {
          // A field that failed holds no value: cross-input rules look only at fields that parsed.
          const failed = new Set(check.issues.map((issue) => issue.path?.[0]));
          const parsed = <K extends keyof typeof v>(key: K) => (failed.has(key) ? undefined : v[key]);
          const missing = (input: InputName, message: string) =>
            check.addIssue({ code: "custom", path: [input], params: MISSING, message });

          const operation = parsed(Input.operation);
          if (v[Input.projectId] === undefined && !failed.has(Input.projectId))
            missing(
              Input.projectId,
              "`project-id` is required: the id of the Friendli project that owns the endpoint",
            );
          if (operation === "deploy") {
            if (v[Input.hfModelRepo] === undefined && !failed.has(Input.hfModelRepo))
              missing(
                Input.hfModelRepo,
                "`hf-model-repo` is required to deploy: the Hugging Face model id, org/name",
              );
            if (v[Input.gpu] === undefined && !failed.has(Input.gpu))
              missing(
                Input.gpu,
                "`gpu` is required to deploy: e.g. `1x H100`, `2x A100`, `4x H200`, `8x B200`",
              );
          }

          const min = parsed(Input.minReplicas);
          const max = parsed(Input.maxReplicas);
          if (min !== undefined && max !== undefined && min > max)
            check.addIssue({
              code: "custom",
              path: [Input.minReplicas],
              message: `\`min-replicas\` must not be more than \`max-replicas\` (got ${min} > ${max})`,
            });

          if (v[Input.name] === undefined && !failed.has(Input.name) && !ctx.pullRequest) {
            if (operation === "deploy")
              missing(
                Input.name,
                "`name` is required outside pull request events (only there it defaults to `<owner>--<repo>-pr-<number>`)",
              );
            else if (operation && v[Input.endpointId] === undefined && !failed.has(Input.endpointId))
              missing(Input.name, `\`name\` or \`endpoint-id\` is required for \`operation: ${operation}\``);
          }
        },
        { when: () => true },
      ),
    );
  return z.pipe(
    fields,
    z.transform(
      (v: z.output<typeof fields>): Inputs => ({
        operation: v[Input.operation],
        friendliToken: v[Input.friendliToken],
        teamId: v[Input.teamId],
        projectId: v[Input.projectId] ?? "",
        name:
          v[Input.name] ?? (ctx.pullRequest ? derivePreviewName(ctx.repository, ctx.pullRequest.number) : ""),
        endpointId: v[Input.endpointId],
        hfModelRepo: v[Input.hfModelRepo],
        hfModelRevision: v[Input.hfModelRevision],
        gpu: v[Input.gpu],
        minReplicas: v[Input.minReplicas],
        maxReplicas: v[Input.maxReplicas],
        cooldownSeconds: v[Input.cooldownSeconds],
        advanced: {
          tokenizer_skip_special_tokens: v[Input.tokenizerSkipSpecialTokens],
          tokenizer_add_special_tokens: v[Input.tokenizerAddSpecialTokens],
          ...defined("max_batch_size", v[Input.maxBatchSize]),
          ...defined("max_token_count", v[Input.maxTokenCount]),
          ...defined("max_input_length", v[Input.maxInputLength]),
          ...defined("max_context_length", v[Input.maxContextLength]),
          ...defined("enable_content_logging", v[Input.enableContentLogging]),
        },
        versionComment: truncate(v[Input.versionComment] ?? provenance(ctx), MAX_VERSION_COMMENT_LENGTH),
        ifExists: v[Input.ifExists],
        wait: v[Input.wait],
        waitTimeoutMs: v[Input.waitTimeout],
        deleteOnFailure: v[Input.deleteOnFailure],
        prComment: v[Input.prComment],
        githubToken: v[Input.githubToken],
        smokeTest: v[Input.smokeTest],
        smokeTestPrompt: v[Input.smokeTestPrompt],
        apiUrl: v[Input.apiUrl],
        dryRun: v[Input.dryRun],
      }),
    ),
  );
}

/** `{ key: value }`, or nothing when the value is unset: the API gets only the keys that were set. */
function defined<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: T });
}

const INPUT_ORDER: readonly InputName[] = Object.values(Input);

export function parseInputs(read: (name: InputName) => string, ctx: RunContext): ParseResult {
  const raw = Object.fromEntries(INPUT_ORDER.map((input) => [input, read(input).trim()]));
  const result = schema(ctx).safeParse(raw);
  if (result.success) return { kind: "ok", inputs: result.data };

  const problems = result.error.issues
    .map((issue) => ({
      input: issue.path[0] as InputName,
      message: issue.message,
      missing: issue.code === "custom" && issue.params?.missing === true,
    }))
    // In the order of the interface table, whatever order the checks ran in.
    .sort((a, b) => INPUT_ORDER.indexOf(a.input) - INPUT_ORDER.indexOf(b.input));

  // Fork PRs get no secrets (on `pull_request`; `pull_request_target` does get them, so an empty
  // token there is a misconfiguration that must fail). Problems of absence are dropped there, as any
  // input may come from a secret; a value that was given and is malformed is still reported, because
  // it is a bug in the workflow that would otherwise surface only after the merge.
  const tokenMissing = problems.some((p) => p.input === Input.friendliToken && p.missing);
  const forkWithoutSecrets = ctx.eventName === "pull_request" && ctx.pullRequest?.fromFork === true;
  // Dependabot's runs get Dependabot secrets only: the same case as a fork's.
  const withoutSecrets = forkWithoutSecrets || ctx.dependabot === true;
  const reported = tokenMissing && withoutSecrets ? problems.filter((p) => !p.missing) : problems;
  if (reported.length === 0) {
    return {
      kind: "skip",
      reason: forkWithoutSecrets
        ? "`friendli-token` is empty because this pull request comes from a fork, and GitHub gives fork pull requests no secrets: nothing was deployed. To deploy it, push the branch to this repository or run the workflow manually."
        : dependabotSkipReason(ctx.eventName),
    };
  }
  return { kind: "invalid", problems: reported.map(({ input, message }) => ({ input, message })) };
}
