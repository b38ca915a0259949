// Every input, output and state name in one place: a rename is one edit, a typo a compile error. The
// inputs and outputs are the action's public contract: test/unit/action-yml.test.ts holds action.yml to them.

export const Input = {
  operation: "operation",
  friendliToken: "friendli-token",
  teamId: "team-id",
  projectId: "project-id",
  name: "name",
  endpointId: "endpoint-id",
  hfModelRepo: "hf-model-repo",
  hfModelRevision: "hf-model-revision",
  preflight: "preflight",
  hfToken: "hf-token",
  hfEndpoint: "hf-endpoint",
  gpu: "gpu",
  gpuFallbackAfter: "gpu-fallback-after",
  minReplicas: "min-replicas",
  maxReplicas: "max-replicas",
  replicas: "replicas",
  cooldownSeconds: "cooldown-seconds",
  maxBatchSize: "max-batch-size",
  maxTokenCount: "max-token-count",
  maxInputLength: "max-input-length",
  maxContextLength: "max-context-length",
  tokenizerSkipSpecialTokens: "tokenizer-skip-special-tokens",
  tokenizerAddSpecialTokens: "tokenizer-add-special-tokens",
  enableContentLogging: "enable-content-logging",
  queueTimeoutMs: "queue-timeout-ms",
  queueBackpressureMetric: "queue-backpressure-metric",
  queueBackpressureThreshold: "queue-backpressure-threshold",
  versionComment: "version-comment",
  ifExists: "if-exists",
  wait: "wait",
  waitTimeout: "wait-timeout",
  deleteOnFailure: "delete-on-failure",
  prComment: "pr-comment",
  githubToken: "github-token",
  // The deployment ledger (GitHub Deployments): see docs/deployments.md.
  githubDeployment: "github-deployment",
  environment: "environment",
  ifUnchanged: "if-unchanged",
  rollbackOnFailure: "rollback-on-failure",
  smokeTest: "smoke-test",
  smokeTestPrompt: "smoke-test-prompt",
  smokeTestExpect: "smoke-test-expect",
  smokeTestMaxTtftMs: "smoke-test-max-ttft-ms",
  apiUrl: "api-url",
  dryRun: "dry-run",
  // operation: sweep
  maxAge: "max-age",
  namePrefix: "name-prefix",
  sweepAction: "sweep-action",
  // What it costs: see docs/cost.md.
  gpuHourlyPrice: "gpu-hourly-price",
  maxHourlyCost: "max-hourly-cost",
} as const;
export type InputName = (typeof Input)[keyof typeof Input];

export const Output = {
  endpointId: "endpoint-id",
  endpointName: "endpoint-name",
  modelRevision: "model-revision",
  status: "status",
  phase: "phase",
  errorCode: "error-code",
  createdAt: "created-at",
  updatedAt: "updated-at",
  result: "result",
  inferenceUrl: "inference-url",
  elapsedSeconds: "elapsed-seconds",
  smokeTestLatencyMs: "smoke-test-latency-ms",
  smokeTestTtftMs: "smoke-test-ttft-ms",
  smokeTestTokensPerSecond: "smoke-test-tokens-per-second",
  deploymentId: "deployment-id",
  hourlyCostUsd: "hourly-cost-usd",
  gpu: "gpu",
  json: "json",
} as const;
export type OutputName = (typeof Output)[keyof typeof Output];

/** Saved with core.saveState so the post step (its own bundle) can act on what this run did. */
export const State = {
  endpointId: "endpoint-id",
  createdByThisRun: "created-by-this-run",
  result: "result",
  // What the post step needs to prove which endpoint this run's create made (src/endpoint/created-claim.ts):
  /** When the first create request went out (ms since the epoch): set before it is sent. */
  createSentAt: "create-sent-at",
  /** The create answer's createdAt, when an answer arrived: without it, nothing is proved. */
  createCreatedAt: "create-created-at",
  /** The ids of the look-up's listing before the create, comma-separated: none of them is ours. */
  lookupIds: "lookup-ids",
  /** "true" while a DELETE the main step owes (delete-on-failure, its own duplicate) is unconfirmed. */
  deleteOwed: "delete-owed",
  /** A sweep's previews whose DELETE was unanswered when it stopped (JSON `[{id, name, prNumber}]`). */
  sweepUnconfirmed: "sweep-unconfirmed",
  /** This run's GitHub deployment: the post step marks it after a cancellation. */
  deploymentId: "deployment-id",
} as const;

export const RESULTS = [
  "created",
  "updated",
  "reused",
  /** Nothing to send: the ledger showed the same settings serving, or it already was SLEEPING (sleep) or RUNNING (wake). */
  "unchanged",
  "deleted",
  "not-found",
  "planned",
  "skipped",
  "failed",
  "timed-out",
  "cancelled",
  // operation: sweep
  "swept",
  "clean",
  /** An update failed and the last good settings were put back; the step fails all the same. */
  "rolled-back",
  // operation: sleep, wake, restart
  "slept",
  "woken",
  "restarted",
] as const;
export type Result = (typeof RESULTS)[number];
