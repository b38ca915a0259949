// The action's inputs, declared once: each input's name is in src/base/names.ts (and action.yml, which a
// test holds to it), its parsing in ./inputs/fields.ts, its place in the schema below; the `Inputs`
// type is what the schema produces. One zod schema: a field schema per input (each reports its own
// problem), then one cross-input check that runs even when fields failed, so a run reports every
// problem at once. zod/mini, not zod: the same engine (zod/v4/core) with functions instead of
// methods, so the bundle keeps only what is used (classic zod cost ~30 ms of startup and ~6 MiB).
import { z } from "zod/mini";
import { truncate } from "../base/format.ts";
import { Input, type InputName } from "../base/names.ts";
import { DEFAULT_WAIT_TIMEOUT_MS } from "../base/timing.ts";
import { MAX_REPLICAS } from "../friendli/schemas.ts";
import { dependabotSkipReason, type RunContext } from "../github/context.ts";
import {
  apiUrl,
  boolean,
  DEFAULT_HUB_URL,
  environment,
  friendliToken,
  githubToken,
  gpu,
  hfEndpoint,
  hfModelRepo,
  hfModelRevision,
  hfToken,
  id,
  integer,
  isUnexpandedExpression,
  MAX_INT,
  MIN_GPU_HOURLY_PRICE,
  MISSING,
  maxAge,
  name,
  namePrefix,
  oneOf,
  unset,
  usdAmount,
  waitTimeout,
} from "./fields.ts";
import { derivePreviewName } from "./preview-names.ts";

const DEFAULT_API_URL = "https://api.friendli.ai";
export const DEFAULT_SMOKE_TEST_PROMPT = "Say hello in one short sentence.";
export const MAX_VERSION_COMMENT_LENGTH = 500;

const OPERATIONS = ["deploy", "delete", "status", "sweep"] as const;
const IF_EXISTS = ["update", "reuse", "fail"] as const;
const IF_UNCHANGED = ["skip", "update"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Every input of the action, parsed and validated once, at the boundary. '' inputs are absent. */
export type Inputs = ReturnType<typeof toInputs>;

export type ParseResult =
  | { kind: "ok"; inputs: Inputs }
  /** A pull request from a fork gets no secrets: warn, `result: skipped`, succeed. */
  | { kind: "skip"; reason: string }
  /** Every problem at once, each naming its input. */
  | { kind: "invalid"; problems: Array<{ input: InputName; message: string }> };

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

/**
 * One field schema per input, keyed by the input's name: `satisfies` makes an input of ../base/names.ts
 * missing here, or a key here that is no input, a compile error.
 */
const FIELD_TABLE = {
  [Input.operation]: unset(z._default(oneOf(Input.operation, OPERATIONS), "deploy")),
  [Input.friendliToken]: friendliToken,
  [Input.teamId]: unset(z.optional(id(Input.teamId))),
  [Input.projectId]: unset(z.optional(id(Input.projectId))),
  [Input.name]: unset(z.optional(name)),
  [Input.endpointId]: unset(z.optional(id(Input.endpointId))),
  [Input.hfModelRepo]: unset(z.optional(hfModelRepo)),
  [Input.hfModelRevision]: unset(z.optional(hfModelRevision)),
  [Input.preflight]: unset(z._default(boolean(Input.preflight), true)),
  [Input.hfToken]: unset(z.optional(hfToken)),
  [Input.hfEndpoint]: unset(z._default(hfEndpoint, DEFAULT_HUB_URL)),
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
  [Input.githubDeployment]: unset(z._default(boolean(Input.githubDeployment), true)),
  [Input.environment]: unset(z.optional(environment)),
  [Input.ifUnchanged]: unset(z._default(oneOf(Input.ifUnchanged, IF_UNCHANGED), "skip")),
  [Input.rollbackOnFailure]: unset(z._default(boolean(Input.rollbackOnFailure), false)),
  [Input.smokeTest]: unset(z._default(boolean(Input.smokeTest), false)),
  [Input.smokeTestPrompt]: unset(z._default(z.string(), DEFAULT_SMOKE_TEST_PROMPT)),
  [Input.smokeTestExpect]: unset(z.optional(z.string())),
  [Input.smokeTestMaxTtftMs]: unset(z.optional(integer(Input.smokeTestMaxTtftMs, 1, MAX_INT))),
  [Input.apiUrl]: unset(z._default(apiUrl, DEFAULT_API_URL)),
  [Input.dryRun]: unset(z._default(boolean(Input.dryRun), false)),
  [Input.maxAge]: unset(z.optional(maxAge)),
  [Input.namePrefix]: unset(z.optional(namePrefix)),
  [Input.gpuHourlyPrice]: unset(z.optional(usdAmount(Input.gpuHourlyPrice, MIN_GPU_HOURLY_PRICE))),
  [Input.maxHourlyCost]: unset(z.optional(usdAmount(Input.maxHourlyCost))),
} satisfies Record<InputName, z.ZodMiniType>;
const FIELDS = z.object(FIELD_TABLE);

type RawFields = z.output<typeof FIELDS>;

/** The fields, then the rules between inputs, which run even when fields failed. */
function fieldSchema(ctx: RunContext) {
  return FIELDS.check(z.superRefine((v, check) => crossCheck(v, check, ctx), { when: () => true }));
}

function crossCheck(v: RawFields, check: z.core.$RefinementCtx<RawFields>, ctx: RunContext): void {
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
      missing(Input.gpu, "`gpu` is required to deploy: e.g. `1x H100`, `2x A100`, `4x H200`, `8x B200`");
  }

  const min = parsed(Input.minReplicas);
  const max = parsed(Input.maxReplicas);
  if (min !== undefined && max !== undefined && min > max)
    check.addIssue({
      code: "custom",
      path: [Input.minReplicas],
      message: `\`min-replicas\` must not be more than \`max-replicas\` (got ${min} > ${max})`,
    });

  if (operation) sweepCheck(v, check, operation);
  // The cap holds a deploy's settings; anywhere else it would read as a guard it is not.
  if (operation && operation !== "deploy" && v[Input.maxHourlyCost] !== undefined)
    check.addIssue({
      code: "custom",
      path: [Input.maxHourlyCost],
      message: `\`max-hourly-cost\` is only read by \`operation: deploy\`: remove it from this \`operation: ${operation}\` step`,
    });

  if (v[Input.name] === undefined && !failed.has(Input.name) && !ctx.pullRequest && operation !== "sweep") {
    if (operation === "deploy")
      missing(
        Input.name,
        "`name` is required outside pull request events (only there it defaults to `<owner>--<repo>-pr-<number>`)",
      );
    else if (operation && v[Input.endpointId] === undefined && !failed.has(Input.endpointId))
      missing(Input.name, `\`name\` or \`endpoint-id\` is required for \`operation: ${operation}\``);
  }
}

/**
 * A sweep needs no endpoint, model or GPU, but a GitHub token to read the PRs; its own inputs are
 * refused elsewhere rather than ignored, so a `max-age` on a deploy step is not taken for a setting.
 */
function sweepCheck(v: RawFields, check: z.core.$RefinementCtx<RawFields>, operation: Operation): void {
  if (operation === "sweep") {
    if (v[Input.githubToken] === "")
      check.addIssue({
        code: "custom",
        path: [Input.githubToken],
        params: MISSING,
        message:
          "`github-token` is required for `operation: sweep` (it reads each PR's state): leave it at its default `${{ github.token }}` and give the job `permissions: pull-requests: read`",
      });
    // A sweep chooses its endpoints by the preview naming: a name or id would read as a filter it is not.
    for (const input of [Input.name, Input.endpointId] as const)
      if (v[input] !== undefined)
        check.addIssue({
          code: "custom",
          path: [input],
          message: `\`${input}\` is not read by \`operation: sweep\`, which finds this repository's previews by their names: remove it, or set \`name-prefix\` to sweep other names`,
        });
    return;
  }
  for (const input of [Input.maxAge, Input.namePrefix] as const)
    if (v[input] !== undefined)
      check.addIssue({
        code: "custom",
        path: [input],
        message: `\`${input}\` is only read by \`operation: sweep\`: remove it from this \`operation: ${operation}\` step`,
      });
}

type Fields = z.output<ReturnType<typeof fieldSchema>>;

/** The parsed fields as the rest of the action reads them: composite values built, defaults derived. */
function toInputs(v: Fields, ctx: RunContext) {
  return {
    operation: v[Input.operation],
    friendliToken: v[Input.friendliToken],
    teamId: v[Input.teamId],
    projectId: v[Input.projectId] ?? "",
    /** Endpoint name: the input, or on pull request events `<owner>--<repo>-pr-<number>` made safe. */
    name: v[Input.name] ?? (ctx.pullRequest ? derivePreviewName(ctx.repository, ctx.pullRequest.number) : ""),
    endpointId: v[Input.endpointId],
    /** Present when operation is deploy. */
    hfModelRepo: v[Input.hfModelRepo],
    hfModelRevision: v[Input.hfModelRevision],
    preflight: v[Input.preflight],
    /** Sent to the Hub only; masked by main.ts before anything runs. */
    hfToken: v[Input.hfToken],
    /** Normalised base URL; left at its default, HF_ENDPOINT may choose another (see hubUrlFrom). */
    hfEndpoint: v[Input.hfEndpoint],
    /** Present when operation is deploy. */
    gpu: v[Input.gpu],
    minReplicas: v[Input.minReplicas],
    maxReplicas: v[Input.maxReplicas],
    cooldownSeconds: v[Input.cooldownSeconds],
    /** The engine settings, in the API's own snake_case keys; unset ones are left out. */
    advanced: {
      tokenizer_skip_special_tokens: v[Input.tokenizerSkipSpecialTokens],
      tokenizer_add_special_tokens: v[Input.tokenizerAddSpecialTokens],
      ...defined("max_batch_size", v[Input.maxBatchSize]),
      ...defined("max_token_count", v[Input.maxTokenCount]),
      ...defined("max_input_length", v[Input.maxInputLength]),
      ...defined("max_context_length", v[Input.maxContextLength]),
      ...defined("enable_content_logging", v[Input.enableContentLogging]),
    },
    /** The input, or provenance: repository, commit and workflow run URL. */
    versionComment: truncate(v[Input.versionComment] ?? provenance(ctx), MAX_VERSION_COMMENT_LENGTH),
    ifExists: v[Input.ifExists],
    wait: v[Input.wait],
    waitTimeoutMs: v[Input.waitTimeout],
    deleteOnFailure: v[Input.deleteOnFailure],
    prComment: v[Input.prComment],
    githubToken: v[Input.githubToken],
    /** The deployment ledger (docs/deployments.md). */
    githubDeployment: v[Input.githubDeployment],
    /** The `environment` input as given; environmentName() in ../ledger/ledger.ts derives the default. */
    environment: v[Input.environment],
    ifUnchanged: v[Input.ifUnchanged],
    rollbackOnFailure: v[Input.rollbackOnFailure],
    smokeTest: v[Input.smokeTest],
    smokeTestPrompt: v[Input.smokeTestPrompt],
    smokeTestExpect: v[Input.smokeTestExpect],
    smokeTestMaxTtftMs: v[Input.smokeTestMaxTtftMs],
    /** Normalised base URL without trailing slash, https or loopback http. */
    apiUrl: v[Input.apiUrl],
    dryRun: v[Input.dryRun],
    /** operation sweep: previews of open PRs not updated for longer are deleted too. */
    maxAgeMs: v[Input.maxAge],
    /** operation sweep: the names `<prefix><PR number>` instead of this repository's preview naming. */
    namePrefix: v[Input.namePrefix],
    /** USD per GPU-hour in place of the list price (docs/cost.md). */
    gpuHourlyPrice: v[Input.gpuHourlyPrice],
    /** USD per hour at max replicas above which a deploy is refused before any create or update. */
    maxHourlyCost: v[Input.maxHourlyCost],
  };
}

/**
 * The smoke test's gates are read only by the smoke test: given with `smoke-test: false` they would
 * gate nothing, so the run says so once rather than pass a deploy the workflow meant to check.
 */
export function ignoredSmokeGates(inputs: Inputs): string | undefined {
  if (inputs.smokeTest) return undefined;
  const given = [
    ...(inputs.smokeTestExpect !== undefined ? [Input.smokeTestExpect] : []),
    ...(inputs.smokeTestMaxTtftMs !== undefined ? [Input.smokeTestMaxTtftMs] : []),
  ];
  if (given.length === 0) return undefined;
  const names = given.map((input) => `\`${input}\``).join(" and ");
  return `${names} ${given.length > 1 ? "are" : "is"} read only with \`${Input.smokeTest}: true\`; ignored`;
}

/** `{ key: value }`, or nothing when the value is unset: the API gets only the keys that were set. */
function defined<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: T });
}

const INPUT_ORDER: readonly InputName[] = Object.values(Input);

export function parseInputs(
  read: (name: InputName) => string,
  ctx: RunContext,
  debug: (message: string) => void = () => {},
): ParseResult {
  // An unexpanded `${{ ... }}` is not given (see isUnexpandedExpression). The debug line names the
  // input only: the text is a workflow expression, not something to echo.
  const unexpanded = new Set<InputName>();
  const raw = Object.fromEntries(
    INPUT_ORDER.map((input) => {
      const value = read(input);
      if (!isUnexpandedExpression(value)) return [input, value.trim()];
      unexpanded.add(input);
      debug(
        `input \`${input}\` is an unexpanded \`\${{ ... }}\` expression (as @github/local-action passes action.yml's defaults): read as not given`,
      );
      return [input, ""];
    }),
  );
  const result = fieldSchema(ctx).safeParse(raw);
  if (result.success) return { kind: "ok", inputs: toInputs(result.data, ctx) };

  const problems = result.error.issues
    .map((issue) => {
      const input = issue.path[0] as InputName;
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
