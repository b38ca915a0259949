// The action's inputs: each one's key and name in src/base/names.ts (a test holds action.yml to it), its
// parser and default in FIELDS under the same key (a missing or extra key is a compile error). Each field
// reports its own problem and the cross-input check runs even when fields failed: every problem at once.
// zod/mini, not zod: the bundle keeps only what it uses (classic zod cost ~30 ms of startup and ~6 MiB).
import { z } from "zod/mini";
import { truncate } from "../base/format.ts";
import { Input, type InputName } from "../base/names.ts";
import { DEFAULT_WAIT_TIMEOUT_MS, GPU_FALLBACK_AFTER_MS, MAX_WAIT_TIMEOUT_MS } from "../base/timing.ts";
import { MAX_REPLICAS, QUEUE_BACKPRESSURE_METRICS } from "../friendli/schemas.ts";
import { dependabotSkipReason, type RunContext } from "../github/context.ts";
import {
  baseUrl,
  boolean,
  DEFAULT_HUB_URL,
  duration,
  endpointName,
  environment,
  gpus,
  hfModelRepo,
  hfModelRevision,
  id,
  integer,
  isUnexpandedExpression,
  MAX_INT,
  MIN_GPU_HOURLY_PRICE,
  oneOf,
  positiveNumber,
  secret,
  usdAmount,
} from "./fields.ts";
import { derivePreviewName, MAX_VERSION_COMMENT_LENGTH, provenance } from "./preview-names.ts";

export const DEFAULT_SMOKE_TEST_PROMPT = "Say hello in one short sentence.";

const OPERATIONS = ["deploy", "delete", "status", "sweep", "sleep", "wake", "restart"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Every input of the action, parsed and validated once, at the boundary. '' inputs are absent. */
export type Inputs = ReturnType<typeof toInputs>;

export type ParseResult =
  | { kind: "ok"; inputs: Inputs }
  /** A pull request from a fork gets no secrets: warn, `result: skipped`, succeed. */
  | { kind: "skip"; reason: string }
  /** Every problem at once, each naming its input. */
  | { kind: "invalid"; problems: Array<{ input: InputName; message: string }> };

type Key = keyof typeof Input;
const flag = (input: InputName, fallback: boolean) => z._default(boolean(input), fallback);
const count = (input: InputName) => z.optional(integer(input, 1, MAX_INT));
const SIX_HOURS = { ms: MAX_WAIT_TIMEOUT_MS, says: "6h, the time limit of a GitHub Actions job" };
const wait = (input: InputName, examples: string, fallback: number) =>
  z._default(duration(input, examples, SIX_HOURS), fallback);

const FIELDS = z.object({
  operation: z._default(oneOf(Input.operation, OPERATIONS), "deploy"),
  friendliToken: z._default(secret(Input.friendliToken, "a Personal Access Token (flp_...)"), ""),
  teamId: z.optional(id(Input.teamId)),
  projectId: z._default(id(Input.projectId), ""),
  name: z.optional(endpointName(Input.name)),
  endpointId: z.optional(id(Input.endpointId)),
  hfModelRepo: z.optional(hfModelRepo),
  hfModelRevision: z.optional(hfModelRevision),
  preflight: flag(Input.preflight, true),
  // Sent to the Hub only; masked by main.ts before anything runs.
  hfToken: z.optional(secret(Input.hfToken, "a Hugging Face token (hf_...)")),
  // Left at its default, HF_ENDPOINT may choose another (see hubUrlFrom).
  hfEndpoint: baseUrl(Input.hfEndpoint, DEFAULT_HUB_URL, Input.hfToken),
  gpu: z.optional(gpus),
  gpuFallbackAfter: wait(Input.gpuFallbackAfter, "10m, 90s or plain seconds", GPU_FALLBACK_AFTER_MS),
  // Defaulted in toInputs, where a fixed `replicas` n is the range [n, n] (1 to maxReplica's most).
  minReplicas: z.optional(integer(Input.minReplicas, 0, MAX_REPLICAS)),
  maxReplicas: z.optional(integer(Input.maxReplicas, 1, MAX_REPLICAS)),
  replicas: z.optional(integer(Input.replicas, 1, MAX_REPLICAS)),
  cooldownSeconds: z._default(integer(Input.cooldownSeconds, 0, MAX_INT), 300),
  maxBatchSize: count(Input.maxBatchSize),
  maxTokenCount: count(Input.maxTokenCount),
  maxInputLength: count(Input.maxInputLength),
  maxContextLength: count(Input.maxContextLength),
  tokenizerSkipSpecialTokens: flag(Input.tokenizerSkipSpecialTokens, false),
  tokenizerAddSpecialTokens: flag(Input.tokenizerAddSpecialTokens, false),
  enableContentLogging: z.optional(boolean(Input.enableContentLogging)),
  queueTimeoutMs: count(Input.queueTimeoutMs),
  queueBackpressureMetric: z.optional(oneOf(Input.queueBackpressureMetric, QUEUE_BACKPRESSURE_METRICS)),
  queueBackpressureThreshold: z.optional(positiveNumber(Input.queueBackpressureThreshold)),
  versionComment: z.optional(z.string()),
  ifExists: z._default(oneOf(Input.ifExists, ["update", "reuse", "fail"]), "update"),
  wait: flag(Input.wait, true),
  waitTimeout: wait(
    Input.waitTimeout,
    "90s, 30m, 1h30m or plain seconds such as 600",
    DEFAULT_WAIT_TIMEOUT_MS,
  ),
  deleteOnFailure: flag(Input.deleteOnFailure, false),
  prComment: flag(Input.prComment, true),
  githubToken: z._default(secret(Input.githubToken), ""),
  githubDeployment: flag(Input.githubDeployment, true),
  // As given: environmentName() in ../ledger/ledger.ts derives the default.
  environment: z.optional(environment(Input.environment)),
  ifUnchanged: z._default(oneOf(Input.ifUnchanged, ["skip", "update"]), "skip"),
  rollbackOnFailure: flag(Input.rollbackOnFailure, false),
  smokeTest: flag(Input.smokeTest, false),
  smokeTestPrompt: z._default(z.string(), DEFAULT_SMOKE_TEST_PROMPT),
  smokeTestExpect: z.optional(z.string()),
  smokeTestMaxTtftMs: count(Input.smokeTestMaxTtftMs),
  apiUrl: baseUrl(Input.apiUrl, "https://api.friendli.ai", Input.friendliToken),
  dryRun: flag(Input.dryRun, false),
  // No upper bound: an age is compared with an endpoint's, not waited for.
  maxAge: z.optional(duration(Input.maxAge, "72h, 90m or plain seconds such as 3600")),
  namePrefix: z.optional(endpointName(Input.namePrefix)),
  sweepAction: z.optional(oneOf(Input.sweepAction, ["delete", "sleep"])), // absent: delete
  gpuHourlyPrice: z.optional(usdAmount(Input.gpuHourlyPrice, MIN_GPU_HOURLY_PRICE)),
  maxHourlyCost: z.optional(usdAmount(Input.maxHourlyCost)),
} satisfies Record<Key, z.ZodMiniType>);

type Fields = z.output<typeof FIELDS>;

/** The rules between inputs, which run even when fields failed. */
function crossCheck(v: Fields, check: z.core.$RefinementCtx<Fields>, ctx: RunContext): void {
  // A field that failed holds no value: cross-input rules look only at fields that parsed.
  const failed = new Set(check.issues.map((issue) => issue.path?.[0]));
  // `missing`: a problem of absence, dropped where any input may come from a secret (see parseInputs).
  const refuse = (key: Key, message: string, missing?: true) =>
    check.addIssue({ code: "custom", path: [key], message, params: { missing } });
  const absent = (key: Key) => !failed.has(key) && (v[key] === undefined || v[key] === "");
  const need = (key: Key, message: string) => {
    if (absent(key)) refuse(key, message, true);
  };
  const operation = failed.has("operation") ? undefined : v.operation;
  // Refused, not ignored: a `max-age` on a deploy step would pass for a setting it is not.
  const onlyFor = (reader: Operation, keys: readonly Key[]) => {
    for (const key of keys)
      if (operation && operation !== reader && v[key] !== undefined)
        refuse(
          key,
          `\`${Input[key]}\` is only read by \`operation: ${reader}\`: remove it from this \`operation: ${operation}\` step`,
        );
  };

  need(
    "friendliToken",
    "`friendli-token` is empty: add a repository secret (Settings → Secrets and variables → Actions), e.g. FRIENDLI_TOKEN, and pass `friendli-token: ${{ secrets.FRIENDLI_TOKEN }}`",
  );
  need("projectId", "`project-id` is required: the id of the Friendli project that owns the endpoint");
  if (operation === "deploy") {
    need("hfModelRepo", "`hf-model-repo` is required to deploy: the Hugging Face model id, org/name");
    need("gpu", "`gpu` is required to deploy: e.g. `1x H100`, `2x A100`, `4x H200`, `8x B200`");
  }
  const [min, max] = [v.minReplicas ?? 0, v.maxReplicas ?? 1];
  if (!failed.has("minReplicas") && !failed.has("maxReplicas") && min > max)
    refuse("minReplicas", `\`min-replicas\` must not be more than \`max-replicas\` (got ${min} > ${max})`);
  for (const key of ["minReplicas", "maxReplicas"] as const)
    if (v.replicas !== undefined && v[key] !== undefined)
      refuse(key, `\`${Input[key]}\` and \`replicas\` exclude each other: give one or the other`);
  onlyFor("sweep", ["maxAge", "namePrefix", "sweepAction"]);
  onlyFor("deploy", ["maxHourlyCost"]);

  // A sweep needs no endpoint, model or GPU, but a GitHub token to read the PRs; it chooses its
  // endpoints by the preview naming, so a name or id would read as a filter it is not.
  if (operation === "sweep") {
    need(
      "githubToken",
      "`github-token` is required for `operation: sweep` (it reads each PR's state): leave it at its default `${{ github.token }}` and give the job `permissions: pull-requests: read`",
    );
    for (const key of ["name", "endpointId"] as const)
      if (v[key] !== undefined)
        refuse(
          key,
          `\`${Input[key]}\` is not read by \`operation: sweep\`, which finds this repository's previews by their names: remove it, or set \`name-prefix\` to sweep other names`,
        );
  } else if (operation === "deploy" && !ctx.pullRequest)
    need(
      "name",
      "`name` is required outside pull request events (only there it defaults to `<owner>--<repo>-pr-<number>`)",
    );
  else if (operation && !ctx.pullRequest && absent("endpointId"))
    need("name", `\`name\` or \`endpoint-id\` is required for \`operation: ${operation}\``);
}

/** The parsed fields as the rest of the action reads them: composite values built, defaults derived. */
function toInputs(v: Fields, ctx: RunContext) {
  const {
    waitTimeout,
    maxAge,
    tokenizerSkipSpecialTokens,
    tokenizerAddSpecialTokens,
    maxBatchSize,
    maxTokenCount,
    maxInputLength,
    maxContextLength,
    enableContentLogging,
    gpuFallbackAfter,
    ...rest
  } = v;
  return {
    ...rest,
    /** The first choice of `gpu`; `gpus` has every choice, in order. */
    gpu: v.gpu?.[0],
    gpus: v.gpu ?? [],
    /** The input, or on pull request events `<owner>--<repo>-pr-<number>` made safe. */
    name: v.name ?? (ctx.pullRequest ? derivePreviewName(ctx.repository, ctx.pullRequest.number) : ""),
    /** The engine settings, in the API's own snake_case keys; unset ones are left out. */
    advanced: {
      tokenizer_skip_special_tokens: tokenizerSkipSpecialTokens,
      tokenizer_add_special_tokens: tokenizerAddSpecialTokens,
      ...(maxBatchSize !== undefined && { max_batch_size: maxBatchSize }),
      ...(maxTokenCount !== undefined && { max_token_count: maxTokenCount }),
      ...(maxInputLength !== undefined && { max_input_length: maxInputLength }),
      ...(maxContextLength !== undefined && { max_context_length: maxContextLength }),
      ...(enableContentLogging !== undefined && { enable_content_logging: enableContentLogging }),
      ...(v.queueTimeoutMs && { queue_timeout_ms: v.queueTimeoutMs }),
      ...(v.queueBackpressureMetric && { queue_backpressure_metric_kind: v.queueBackpressureMetric }),
      ...(v.queueBackpressureThreshold && {
        queue_backpressure_metric_threshold: v.queueBackpressureThreshold,
      }),
    },
    minReplicas: v.replicas ?? v.minReplicas ?? 0,
    maxReplicas: v.replicas ?? v.maxReplicas ?? 1,
    versionComment: truncate(v.versionComment ?? provenance(ctx), MAX_VERSION_COMMENT_LENGTH),
    waitTimeoutMs: waitTimeout,
    gpuFallbackAfterMs: gpuFallbackAfter,
    maxAgeMs: maxAge,
  };
}

/**
 * The smoke test's gates are read only by the smoke test: given with `smoke-test: false` they would
 * gate nothing, so the run says so once rather than pass a deploy the workflow meant to check.
 */
export function ignoredSmokeGates(inputs: Inputs): string | undefined {
  const gates = ["smokeTestExpect", "smokeTestMaxTtftMs"] as const;
  const given = inputs.smokeTest ? [] : gates.filter((key) => inputs[key] !== undefined);
  if (given.length === 0) return undefined;
  const names = given.map((key) => `\`${Input[key]}\``).join(" and ");
  return `${names} ${given.length > 1 ? "are" : "is"} read only with \`${Input.smokeTest}: true\`; ignored`;
}

const INPUT_ORDER: readonly InputName[] = Object.values(Input);

export function parseInputs(
  read: (name: InputName) => string,
  ctx: RunContext,
  debug: (message: string) => void = () => {},
): ParseResult {
  // '' is not given, nor is an unexpanded `${{ ... }}` (see isUnexpandedExpression). The debug line
  // names the input only: the text is a workflow expression, not something to echo.
  const unexpanded = new Set<InputName>();
  const raw = Object.fromEntries(
    Object.entries(Input).map(([key, input]) => {
      const value = read(input).trim();
      if (!isUnexpandedExpression(value)) return [key, value || undefined];
      unexpanded.add(input);
      debug(
        `input \`${input}\` is an unexpanded \`\${{ ... }}\` expression (as @github/local-action passes action.yml's defaults): read as not given`,
      );
      return [key, undefined];
    }),
  );
  const schema = FIELDS.check(z.superRefine((v, check) => crossCheck(v, check, ctx), { when: () => true }));
  const result = schema.safeParse(raw);
  if (result.success) return { kind: "ok", inputs: toInputs(result.data, ctx) };

  const problems = result.error.issues
    .map((issue) => {
      const input = Input[issue.path[0] as Key];
      const missing = issue.code === "custom" && issue.params?.missing === true;
      // Said where it matters: the run needs the input, and its text was never expanded.
      const message =
        missing && unexpanded.has(input)
          ? `${issue.message} (it was given as an unexpanded \`\${{ ... }}\` expression, which only a workflow run expands)`
          : issue.message;
      return { input, message, missing };
    })
    // In the order of the interface table, whatever order the checks ran in.
    .sort((a, b) => INPUT_ORDER.indexOf(a.input) - INPUT_ORDER.indexOf(b.input));

  // Fork PRs get no secrets on `pull_request` (`pull_request_target` does: an empty token there must
  // fail). Problems of absence are dropped there, as any input may come from a secret; a given value
  // that is malformed is still reported: a bug in the workflow that would otherwise surface after merge.
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
