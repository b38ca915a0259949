// Every delay, cap and deadline of the action, each with its reason, so a change of timing is one
// edit read beside the others. Milliseconds. The code that applies them imports them from here.

// --- The run's deadline (wait-timeout) ---

/** `wait-timeout`'s default: a large model downloads and loads in well under half an hour. */
export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;
/** A GitHub-hosted job is cancelled after 6 hours: waiting longer could never end in a result. */
export const MAX_WAIT_TIMEOUT_MS = 6 * 3_600_000;
/** `gpu-fallback-after`'s default: ten times the reference lifecycle's 60 s for a VM (scripts/bench-polling.ts). */
export const GPU_FALLBACK_AFTER_MS = 10 * 60_000;

// --- Polling an endpoint's status (the budgets and the measurements are in src/wait/policy.ts) ---

/** Any failure noticed within 15 s: no ordinary sleep between polls is longer than this. */
export const QUIET_MS = 14_800;
/** Median notice of RUNNING at most 3 s, worst 6.5 s: the engine start, the only phase that ends in it. */
export const ENGINE_MS = 5_500;
/** ±15 % on the engine poll: the longest gap stays 6.3 s, and runs that start alike drift apart. */
export const ENGINE_JITTER = 0.15;
/** An engine phase estimated younger than this was first seen by the last poll (half a quiet gap). */
export const ENGINE_FIRST_MS = 7_500;
/** The first engine gap is drawn from this up to the longest gap, so polls fall at any offset. */
export const MIN_ENGINE_GAP_MS = 2_500;
/** No phase to go by (UPDATING, SLEEPING with min > 0, a delete): start here, ease off to QUIET_MS. */
export const UNKNOWN_START_MS = 5_000;
/** Failed polls back off from this, doubling, up to FAILURE_CAP_MS. */
export const FAILURE_BASE_MS = 2_000;
export const FAILURE_CAP_MS = 14_000;
/** ±5 % on every other delay: PR workflows started by one push drift apart instead of polling together. */
export const POLL_JITTER = 0.05;
/** While waiting, a line every minute tells the log reader the action is alive. */
export const HEARTBEAT_MS = 60_000;
/**
 * A poll that would fall after the deadline goes out this long before it instead: the HTTP layer
 * starts nothing at the deadline itself, and a status read answers in less.
 */
export const FINAL_POLL_MARGIN_MS = 500;
/** A 404 this soon after the wait starts is a list that lags the create, not a deleted endpoint. */
export const NOT_FOUND_GRACE_MS = 30_000;
/** Failed polls in a row that a wait survives (about 30 s with the backoff above). */
export const MAX_CONSECUTIVE_POLL_FAILURES = 5;

// --- After an update ---

/** Friendli does not say how soon an update shows as UPDATING: till then RUNNING may be the old version. */
export const UPDATE_SETTLE_MS = 60_000;
/** How far the API's clock may differ from ours, when its updatedAt is compared with our times. */
export const CLOCK_SKEW_MS = 5_000;

// --- Retries of one request (the HTTP layer) ---

/** One request's own time: a stalled socket must not eat the run's deadline. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Attempts of one request, the first included; throttled answers do not count (the deadline does). */
export const MAX_REQUEST_ATTEMPTS = 4;
/** Backoff between attempts: full jitter below min(cap, base * 2^n). */
export const RETRY_BACKOFF_BASE_MS = 500;
export const RETRY_BACKOFF_CAP_MS = 20_000;
/** A server asking for a longer wait gets this much: one bad header must not park a run. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** `Retry-After: 0` is legal, but obeyed literally it turns a throttled API into a request loop. */
export const MIN_RETRY_AFTER_MS = 1_000;
/** Backstops under REQUEST_TIMEOUT_MS in the undici dispatcher, for a socket that never answers. */
export const CONNECT_TIMEOUT_MS = 10_000;
export const HEADERS_TIMEOUT_MS = 60_000;
export const BODY_TIMEOUT_MS = 60_000;

// --- The listing can trail a create by a moment ---

/**
 * Waits between listings while looking for the endpoint this run's create made (create step,
 * resolver, post step): about a minute. A list that lags longer would hide the new endpoint from a
 * second create after a lost answer (a duplicate), from the report, or from the post step's clean-up.
 */
export const CREATED_LAG_DELAYS_MS: readonly number[] = [500, 1000, 2000, 4000, 8000, 15_000, 30_000];
/**
 * A create already sent is not cut off by a cancellation for this long: its answer is the only proof
 * of which endpoint it made (src/endpoint/created-claim.ts), which the post step needs to delete it.
 * The runner sends SIGTERM 7.5 s after SIGINT, then kills.
 */
export const CREATE_ANSWER_GRACE_MS = 5_000;
/**
 * A look-up this young is what a create goes by; an older one (a pre-flight ran in between) is
 * repeated first, so a rival endpoint of the name that appeared meanwhile stops the create.
 */
export const FRESH_LOOKUP_MS = 1_000;
/** With less left, a create could leave an endpoint the run can neither find (lagging list) nor clean up. */
export const MIN_TIME_FOR_CREATE_MS = 60_000;

// --- The pre-flight on the Hugging Face Hub ---

/** The whole pre-flight, retries included: a slow Hub costs seconds, never the deploy. */
export const PREFLIGHT_BUDGET_MS = 20_000;
/** One Hub request: the Hub answers model info in well under a second when it is well. */
export const HUB_ATTEMPT_TIMEOUT_MS = 8_000;
/** A 502 or 429 once is common, three in a row is an outage. */
export const HUB_ATTEMPTS = 3;
/** Short, as the whole pre-flight has PREFLIGHT_BUDGET_MS. */
export const HUB_RETRY_BACKOFF = { baseMs: 500, capMs: 2_000 } as const;

// --- The smoke test ---

/** A fresh engine answers 503 for a while after RUNNING: its requests are retried this long. */
export const SMOKE_WARMUP_MS = 120_000;
/** Shorter waits than the API calls': the engine is known to be coming up. */
export const SMOKE_BACKOFF = { baseMs: 1000, capMs: 10_000 } as const;
/** Full jitter can pick ~0 ms; this floor stops a hot loop. */
export const SMOKE_MIN_WAIT_MS = 100;

// --- Cleanup and reporting ---

/** delete-on-failure's own time (the run's may be spent): a few retries, short of a job's patience. */
export const CLEANUP_DEADLINE_MS = 60_000;
/** The post step: a minute of lagging listings to find what a cancelled create made, then the DELETE. */
export const POST_DEADLINE_MS = 90_000;
/**
 * How long the post step reads a cancelled sweep's previews while their DELETEs may still be carried
 * out (the server acts on a request whose client is gone): one request's own time, after which the
 * main step would have given it up. Inside POST_DEADLINE_MS, within the runner's five minutes.
 */
export const SWEEP_SETTLE_MS = 30_000;
export const SWEEP_SETTLE_BACKOFF = { baseMs: 1000, capMs: 8000 } as const;
/** All requests of one PR comment together: a slow GitHub must not hold the job. */
export const PR_COMMENT_TIMEOUT_MS = 30_000;

// --- operation: sweep ---

/** Spec reads, PR reads, deletes in flight: a 500-endpoint project in seconds, no flood to either API. */
export const REQUESTS_IN_FLIGHT = 8;
/** One PR read from GitHub: a slow GitHub must not hold the sweep for the run's whole deadline. */
export const PR_READ_TIMEOUT_MS = 30_000;

// --- Rollback and the deployment ledger ---

/**
 * A rollback's own budget (a timed-out update has spent the run's): a rolling update back should
 * take about as long as the failed one (the simulator's rollout is about 3 minutes); 20 bounds a hang.
 */
export const ROLLBACK_BUDGET_MS = 20 * 60_000;
/** One call (a read's pages together) to GitHub's deployments API: the ledger is a courtesy, then off. */
export const LEDGER_CALL_TIMEOUT_MS = 15_000;

// --- What it costs (docs/cost.md) ---

/** The team cost report, every page: a courtesy, so a slow report costs at most this (one page: < 1 s). */
export const COST_REPORT_BUDGET_MS = 5_000;
