export const id = 216;
export const ids = [216];
export const modules = {

/***/ 3972:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   a2: () => (/* binding */ retryDelay),
/* harmony export */   a_: () => (/* binding */ clampRetryAfter),
/* harmony export */   et: () => (/* binding */ askAgain),
/* harmony export */   rU: () => (/* binding */ retryLoop)
/* harmony export */ });
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2030);
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2892);
// Asking again, one way for every loop: askAgain, the loop of the waiter, the smoke test, the
// search for a created endpoint and retryLoop (the Friendli client, the Hub fetch, the post step's
// sweep check); and the wait between attempts (capped exponential backoff with full jitter, a
// server's Retry-After clamped). Each caller passes its own base and cap (src/base/timing.ts).



                          
                  
                 
 

/**
 * Capped exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a uniform wait in [0, min(cap, base * 2^(attempt-1))), `attempt` the 1-based retry
 * about to happen. Full jitter spreads many clients best; a 0 ms wait is allowed.
 */
function backoffDelay(attempt        , random              , opts                 = {})         {
  const baseMs = opts.baseMs ?? _timing_js__WEBPACK_IMPORTED_MODULE_1__/* .RETRY_BACKOFF_BASE_MS */ .r8;
  const capMs = opts.capMs ?? _timing_js__WEBPACK_IMPORTED_MODULE_1__/* .RETRY_BACKOFF_CAP_MS */ .oS;
  const exp = Math.min(Math.max(0, attempt - 1), 40);
  const ceiling = Math.min(capMs, baseMs * 2 ** exp);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

                                                  
                                                     
                  
                                                                     
                        
                       
                
                                                              
                     
                           
 

/**
 * The wait a server's Retry-After gets: at least MIN_RETRY_AFTER_MS (a literal 0 would be a request
 * loop), at most maxMs (one bad header must not park a run). The one clamp of every Retry-After.
 */
function clampRetryAfter(ms        , maxMs         = _timing_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_RETRY_AFTER_MS */ .yL)         {
  return Math.min(Math.max(_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .MIN_RETRY_AFTER_MS */ .oD, ms), maxMs);
}

/**
 * The wait before the next attempt (the server's clamped Retry-After wins over backoff), or
 * undefined when that attempt could not start before the deadline: an attempt starting at the
 * deadline has no time left to finish, so the caller fails at once instead of sleeping in vain.
 */
function retryDelay(input                 )                     {
  const wanted =
    input.retryAfterMs !== undefined
      ? clampRetryAfter(input.retryAfterMs, input.maxRetryAfterMs)
      : backoffDelay(input.attempt, input.random, input);
  const delay = Math.min(wanted, _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_TIMER_MS */ ._);
  if (!Number.isFinite(delay) || input.nowMs + delay >= input.deadlineMs) return undefined;
  return delay;
}

/** One round's word: the loop's answer, or ask again after `waitMs` (at once when absent). */
                                                  

                       
               
                       
                                      
                                                                                             
                              
 

/**
 * Asks again until a round answers: the one loop of every poll and retry. Each caller's round
 * decides, by its own deadline, whether to answer or how long to wait.
 */
async function askAgain   (o             )             {
  for (let n = 1; ; n++) {
    if (o.signal?.aborted) return o.aborted(o.signal.reason);
    const r = await o.round(n);
    if ("done" in r) return r.done;
    if (r.waitMs === undefined) continue;
    try {
      await o.clock.sleep(r.waitMs, o.signal);
    } catch (err) {
      return o.aborted(err);
    }
  }
}

                                                           
                                                           
                     
                           
                             
                                 
                                                                                             
                                                             
                                                                                                   
                                            
                                                                                 
                                             
 

/** Attempts until one succeeds, `failed` stops, the deadline comes or the run is cancelled. */
function retryLoop   (o              )             {
  return askAgain   ({
    ...o,
    round: async (n) => {
      if (o.clock.now() >= o.deadlineMs) o.outOfTime("before");
      let retryAfterMs                    ;
      try {
        return { done: await o.attempt(n) };
      } catch (err) {
        ({ retryAfterMs } = o.failed(err, n));
      }
      const waitMs = retryDelay({
        attempt: n,
        retryAfterMs,
        random: () => o.clock.random(),
        nowMs: o.clock.now(),
        deadlineMs: o.deadlineMs,
        ...o.backoff,
      });
      if (waitMs === undefined) o.outOfTime("wait");
      o.waiting?.(n, waitMs);
      return { waitMs };
    },
  });
}


/***/ }),

/***/ 2030:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
// Time is injected everywhere (sleep, now, random) so tests and the benchmark drive it exactly.


                        
                
                                                                                             
                                                         
                   
 

/** setTimeout takes at most 2^31-1 ms; a larger value fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const systemClock        = {
  now: () => Date.now(),
  random: () => Math.random(),
  // timers/promises rejects with an AbortError of its own: the callers look for the signal's reason.
  sleep: (ms, signal) =>
    (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.min(Math.max(0, ms), MAX_TIMER_MS), undefined, { signal }).catch((err         ) => {
      throw signal?.aborted ? signal.reason : err;
    }),
};


/***/ }),

/***/ 4751:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
// Bounded concurrency: the one way the action runs many requests at once (the name lookup, the
// sweep). A few lines here rather than p-limit: none of the chosen libraries has it.

/**
 * Runs fn over items with at most `limit` calls in flight, started in input order. Stops starting
 * new work after the first failure or an abort, and rethrows that failure.
 */
async function mapLimit      (
  items              ,
  limit        ,
  fn                         ,
  signal              ,
)               {
  const results = new Array   (items.length);
  // One iterator shared by the workers: each item is taken once.
  const queue = items.entries();
  let failed = false;
  const worker = async () => {
    for (const [i, item] of queue) {
      if (failed) return;
      signal?.throwIfAborted();
      try {
        results[i] = await fn(item);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}


/***/ }),

/***/ 8253:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
// Plain-text formatting shared by every layer: the log lines as well as the reports.

/**
 * "45s", "1m 02s", "1h 03m": what a person reads in logs and the summary, the one duration format.
 * `tenths` keeps a tenth of a second under a minute ("0.5s", "3.2s"): short waits and timings.
 */
function formatDuration(ms        , opts                       = {})         {
  const valid = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (opts.tenths && valid < 59_950) return `${Math.round(valid / 100) / 10}s`;
  const totalSeconds = Math.round(valid / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  const pad2 = (n        ) => String(n).padStart(2, "0");
  if (totalMinutes < 60) return `${totalMinutes}m ${pad2(totalSeconds % 60)}s`;
  return `${Math.floor(totalMinutes / 60)}h ${pad2(totalMinutes % 60)}m`;
}

                           
     
                                                                                                  
                                                                                        
     
                          
                                                         
                    
 

/**
 * `text` when it has at most `max` code points; else cut, ending in '…'. Counted and cut in code
 * points, not UTF-16 units: a cut through a surrogate pair would leave half an emoji, which
 * JSON.stringify prints as \udXXX.
 */
function truncate(text        , max        , opts                  = {})         {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const kept = chars.slice(0, opts.ellipsisAfter ? max : max - 1).join("");
  return `${opts.trimCut ? kept.trimEnd() : kept}…`;
}

/** A value as a message echoes it: enough to recognise, never a wall (past 61 code points, 60 and '…'). */
function clip(value        )         {
  return truncate(value, 61);
}

/** Runs of whitespace, line breaks included, as one space; trimmed. */
function oneLine(s        )         {
  return s.replace(/\s+/g, " ").trim();
}


/***/ }),

/***/ 6963:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   Hg: () => (/* binding */ mermaidText)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8839);
/* harmony import */ var _safe_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5511);
// Helpers for Markdown the action writes (job summary, PR comment). Every value that came from
// outside (names, ids, server messages, model replies) goes through escapeMarkdown: the summary
// and the PR comment render it as GitHub-flavoured Markdown with HTML, so an endpoint named
// `a|b<script>` must not split a table, inject HTML, open a code span or ping someone.




// Entities rather than backslashes: a backslash escape is not honoured inside every construct (e.g.
// after an entity or in HTML blocks), an entity always renders as the character. `@` among them: a
// mention in a PR comment notifies the person or team named, which a hostile model name must not.
const NAMED                         = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const SPECIAL = /[&<>"|`\\*~[\]#@]/g;
// `_` only emphasises at a word boundary (GFM), so WORKLOAD_INIT_ERROR stays readable in the raw file.
const EDGE_UNDERSCORE = /(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

                         
                                                                                                  
                            
                                                                              
                     
     
                                                                                                   
                                                                                             
     
                       
 

/** Makes an outside value safe as inline text in Markdown, in a table cell, and in HTML. */
function escapeMarkdown(value         , opts                = {})         {
  // Token shapes are masked here too, as a last line of defence: the error formatter already
  // redacts the token, but a server may echo some other key of the same shape.
  let text = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactTokenShapes */ .dZ)(value === undefined || value === null ? "" : String(value));
  // Control characters could hide text from a reader of the raw Markdown; tabs become spaces.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  text = text.replace(/\t/g, " ").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  // Bidi overrides and zero-width characters would make a reader see other text than is there.
  text = (0,_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .stripInvisible */ ._0)(text);
  text = text.replace(/\r\n?/g, "\n").trim();
  if (opts.maxLength !== undefined && text.length > opts.maxLength) {
    text = `${cutAt(text, opts.maxLength).trimEnd()}…`;
  }
  text = opts.inlineCode
    ? text
        .split(/`([^`\n]+)`/)
        .map((part, i) => (i % 2 === 1 ? `<code>${escapeChars(part)}</code>` : escapeWithUrls(part)))
        .join("")
    : escapeWithUrls(text);
  return opts.newlines === "space" ? text.replace(/\n+/g, " ") : text.replace(/\n/g, "<br>");
}

/** The first `max` UTF-16 units, one fewer where the cut would leave half a surrogate pair. */
function cutAt(text        , max        )         {
  const end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  // A lone high surrogate is not a character: it renders as U+FFFD and breaks strict UTF-8 encoders.
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

// What GitHub would turn into a link or a notification by itself, shown as code, where it does
// neither: URLs (GFM autolinks), mentions of users and teams (`@name`, `@org/team`), references to
// issues and pull requests (`#1`, `owner/repo#2`, `user#3`, `GH-4`). An entity is no defence:
// GitHub decodes `&#64;name` to `@name` before it looks for mentions. A hostile server's text or a
// model's reply must not ping people or put a link in a comment that looks like ours.
const LINKISH = new RegExp(
  [
    String.raw`\b(?:https?:\/\/|www\.)[^\s<>"'\x60]+`,
    // After a letter, digit or `_` an `@` mentions nobody (`org/model@revision`, `a@b.org`).
    String.raw`(?<!\w)@[A-Za-z0-9][\w-]*(?:\/[\w.-]+)?`,
    String.raw`(?:[\w.-]+(?:\/[\w.-]+)?)?#\d+`,
    String.raw`\bGH-\d+`,
  ].join("|"),
  "gi",
);

/** escapeChars, with every URL, mention and reference shown as code rather than as a link. */
function escapeWithUrls(text        )         {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(LINKISH)) {
    out += `${escapeChars(text.slice(last, m.index))}<code>${escapeChars(m[0])}</code>`;
    last = m.index + m[0].length;
  }
  return out + escapeChars(text.slice(last));
}

function escapeChars(text        )         {
  return text.replace(SPECIAL, (c) => NAMED[c] ?? `&#${c.charCodeAt(0)};`).replace(EDGE_UNDERSCORE, "&#95;");
}

/**
 * A fenced code block that its content cannot close: the fence is longer than the longest run of
 * backticks inside (CommonMark). Code blocks render HTML as text, so the content is not escaped.
 */
function codeBlock(text        , lang = "")         {
  const body = (0,_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .stripInvisible */ ._0)((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactTokenShapes */ .dZ)(text)).replace(/\r\n?/g, "\n");
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** Text safe inside Mermaid: `:` ends a task name, `#` and `;` start entities and statements. */
function mermaidText(value         )         {
  return String(value ?? "")
    .replace(/[^A-Za-z0-9 _.()/+-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}


/***/ }),

/***/ 8612:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   pd: () => (/* binding */ Input)
/* harmony export */ });
/* unused harmony export RESULTS */
// Every input, output and state name in one place: a rename is one edit, a typo a compile error. The
// inputs and outputs are the action's public contract: test/unit/action-yml.test.ts holds action.yml to them.

const Input = {
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
}         ;
                                                           

const Output = {
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
}         ;
                                                              

/** Saved with core.saveState so the post step (its own bundle) can act on what this run did. */
const State = {
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
}         ;

const RESULTS = (/* unused pure expression or super */ null && ([
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
]))         ;
                                              


/***/ }),

/***/ 8839:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Av: () => (/* binding */ MIN_REDACTABLE_TOKEN_LENGTH),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Wk: () => (/* binding */ formatError),
/* harmony export */   dZ: () => (/* binding */ redactTokenShapes)
/* harmony export */ });
/* unused harmony export MIN_SECRET_FRAGMENT */
// The one redactor and the one error formatter: every path out of the action (log, setFailed,
// summary, PR comment, outputs) goes through them, so a server that echoes the token or the
// Authorization header in an error body cannot make us print it.

const MASK = "***";

// Shorter "secrets" would shred ordinary text; GitHub's own masking still covers them in logs.
const MIN_SECRET_LENGTH = 4;
/**
 * The shortest `friendli-token` the action accepts: a shorter one would have too few runs of
 * MIN_SECRET_FRAGMENT to find, and go unmasked in its base64 form or mask ordinary words.
 */
const MIN_REDACTABLE_TOKEN_LENGTH = 16;

/**
 * Replaces each secret in the forms a server or a library is likely to echo it in (raw, URL- and
 * JSON-escaped), then every fragment of it that decoding reveals (maskFragments), and any
 * credential-looking value.
 */
function redact(text        , secrets                   )         {
  const usable = secrets.filter((s) => typeof s === "string" && s.length >= MIN_SECRET_LENGTH);
  const forms = usable.flatMap((s) => [
    s,
    encodeURIComponent(s),
    encodeURI(s),
    JSON.stringify(s).slice(1, -1),
  ]);
  // Longest first, so a secret that contains another is replaced whole.
  const variants = [...new Set(forms)].filter((f) => f.length >= MIN_SECRET_LENGTH);
  variants.sort((a, b) => b.length - a.length);
  const out = variants.reduce((masked, v) => masked.replaceAll(v, MASK), text);
  return redactTokenShapes(maskFragments(out, usable));
}

// Prefixes that say what kind of token follows (Friendli, Hugging Face, GitHub): public, the same
// in every token of the kind. What follows is the secret's private part.
const PUBLIC_PREFIXES = ["github_pat_", "flp_", "hf_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"];
/** A run this long of a secret's private part is the secret: half a token is as good as the whole. */
const MIN_SECRET_FRAGMENT = 8;

/** The part of a secret after its public prefix (the whole secret when it has none). */
function privatePart(secret        )                                   {
  const prefix = PUBLIC_PREFIXES.find((p) => secret.startsWith(p) && secret.length > p.length) ?? "";
  return { prefix, rest: secret.slice(prefix.length) };
}

// Characters a reader skips or a server slips between a secret's characters: white space and line
// breaks, the soft hyphen, zero-width characters and the byte-order mark.
const IGNORABLE = /^[\s\u00ad\u180e\u200b-\u200d\u2060\ufeff]$/u;
// One encoded character: an HTML entity (decimal, hex, `&shy;`), a JSON escape (`\u0066`, `\n`,
// `\/`), or percent encoding in either case, once or twice (`%66`, `%2566`).
const ENCODED =
  /&#(\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});|&shy;|\\u([0-9a-fA-F]{4})|\\([nrt/])|%(?:25)*([0-9a-fA-F]{2})/y;

/** A character of the text at [start, end), and what it decodes to. */
                                                         

/** The text as a reader (or a decoder) sees it: each character decoded, the skippable ones left out. */
function decodedUnits(text        )         {
  const units         = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i] ?? "";
    let char = c;
    let end = i + 1;
    if (c === "&" || c === "\\" || c === "%") {
      ENCODED.lastIndex = i;
      const m = ENCODED.exec(text);
      if (m) {
        const [whole, dec, hex, json, esc, pct] = m;
        end = i + whole.length;
        // NaN for `&shy;` and the escapes, which are decoded by name.
        const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? json ?? pct ?? "", 16);
        if (whole === "&shy;") char = "\u00ad";
        else if (esc !== undefined) char = esc === "/" ? "/" : " ";
        else if (code <= 0x10ffff && !(pct !== undefined && code >= 0x80)) char = String.fromCodePoint(code);
        else end = i + 1;
      }
    }
    if (!IGNORABLE.test(char)) units.push({ start: i, end, char });
    i = end;
  }
  return units;
}

/**
 * Masks what decoding reveals of a secret: any run of MIN_SECRET_FRAGMENT or more characters of its
 * private part, in the text decoded character by character (entities, JSON escapes, percent
 * encoding) with white space, soft hyphens and zero-width characters between its characters
 * skipped, and in that text's base64 and hex runs decoded (markDecodable). A masked run takes with
 * it the public prefix just before it, and every encoded or skipped character inside it.
 */
function maskFragments(text        , secrets                   )         {
  const needles = secrets.flatMap((s) => {
    const { prefix, rest } = privatePart(s);
    return rest.length >= MIN_SECRET_FRAGMENT ? [{ prefix, grams: fragmentsOf(rest) }] : [];
  });
  if (needles.length === 0) return text;
  const units = decodedUnits(text);
  const view = units.map((u) => u.char).join("");
  // One entry per UTF-16 unit of the view: the index of the text's unit it came from.
  const owner = units.flatMap((u, i) => Array.from({ length: u.char.length }, () => i));
  const masked = new Uint8Array(view.length);
  const mark = (from        , to        ) => masked.fill(1, Math.max(0, from), Math.min(view.length, to));
  for (const { prefix, grams } of needles) {
    for (let p = 0; p + MIN_SECRET_FRAGMENT <= view.length; p++) {
      if (!grams.has(view.slice(p, p + MIN_SECRET_FRAGMENT))) continue;
      mark(p, p + MIN_SECRET_FRAGMENT);
      if (prefix && view.slice(p - prefix.length, p) === prefix) mark(p - prefix.length, p);
    }
  }
  markDecodable(view, new Set(needles.flatMap((n) => [...n.grams])), mark);
  let out = "";
  let last = 0;
  for (const run of Array.from(masked, (m) => (m ? "1" : "0"))
    .join("")
    .matchAll(/1+/g)) {
    const from = units[owner[run.index] ?? 0]?.start ?? 0;
    out += text.slice(last, from) + MASK;
    last = units[owner[run.index + run[0].length - 1] ?? 0]?.end ?? from;
  }
  return out + text.slice(last);
}

const fragmentCache = new Map                     ();
// A run of lower-case letters and hyphens reads as a word ("friendli-token") that the action's own
// messages may hold, so it is not matched alone; in a random token the runs around it overlap it
// and still cover those characters.
const WORDLIKE = /^[a-z-]+$/;

/** Every run of MIN_SECRET_FRAGMENT characters of `rest`. */
function fragmentsOf(rest        )              {
  let grams = fragmentCache.get(rest);
  if (!grams) {
    grams = new Set();
    for (let i = 0; i + MIN_SECRET_FRAGMENT <= rest.length; i++) {
      const gram = rest.slice(i, i + MIN_SECRET_FRAGMENT);
      if (!WORDLIKE.test(gram)) grams.add(gram);
    }
    if (fragmentCache.size > 16) fragmentCache.clear();
    fragmentCache.set(rest, grams);
  }
  return grams;
}

// Runs that may be base64 (standard or URL-safe: Buffer decodes both) or hex, long enough to carry
// MIN_SECRET_FRAGMENT bytes, and how many of their characters carry how many bytes.
const DECODABLE = [
  { run: /[A-Za-z0-9+/_-]{11,}/g, encoding: "base64", chars: 4, bytes: 3 },
  { run: /[0-9A-Fa-f]{16,}/g, encoding: "hex", chars: 2, bytes: 1 },
]         ;

/**
 * Marks the characters of each base64 or hex run of `view` that decode to a run of `grams`, and no
 * more: the view has no white space, so a run goes on into the next word. The run is decoded from
 * each of its characters up to a group, so whatever text leads into it, and a secret cut short at
 * either end, is read at its own alignment.
 */
function markDecodable(view        , grams             , mark                                    )       {
  for (const { run, encoding, chars, bytes } of DECODABLE) {
    // Where byte `j` of a decoded run starts; its bits end within the next character.
    const start = (j        ) => Math.floor(j / bytes) * chars + (j % bytes);
    for (const m of view.matchAll(run)) {
      for (let skip = 0; skip < chars; skip++) {
        const at = m.index + skip;
        // latin1: one character per byte, so a position in it is a byte offset.
        const decoded = Buffer.from(m[0].slice(skip), encoding).toString("latin1");
        for (let b = 0; b + MIN_SECRET_FRAGMENT <= decoded.length; b++) {
          if (grams.has(decoded.slice(b, b + MIN_SECRET_FRAGMENT)))
            mark(at + start(b), at + start(b + MIN_SECRET_FRAGMENT - 1) + 2);
        }
      }
    }
  }
}

// `$NAME` or `${NAME}`: where a copy-paste command (the PR comment's curl) lets the reader's shell
// put their own token. It holds no secret, and masking it would make the command send `***`.
const SHELL_VARIABLE = String.raw`\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})`;
// Only a value that is nothing but the reference (after an optional scheme) is spared: `$X.real`
// or `${X}abc` may be a real credential that merely starts with a `$`.
const PLACEHOLDER_VALUE = new RegExp(String.raw`^(?:[A-Za-z]+\s+)?${SHELL_VARIABLE}\s*$`);
const MASKED_VALUE = /^(?:[A-Za-z]+\s+)?\*\*\*\s*$/;
// `${NAME}` is matched whole first: its `}` would otherwise end the value as if it closed JSON.
const AUTHORIZATION = new RegExp(
  String.raw`(authorization["']?\s*[:=]\s*["']?)((?:${SHELL_VARIABLE}|[^"'\r\n,;}])+)`,
  "gi",
);
const BEARER = new RegExp(String.raw`\b(bearer\s+)(?!\*\*\*)((?:${SHELL_VARIABLE}|[^\s"',;}])+)`, "gi");
// Shorter words after "bearer" are prose ("invalid bearer token."), not credentials; ours are
// masked by value whatever their length.
const MIN_BEARER_VALUE_LENGTH = 8;
// Not `\b`: `_` is a word character, so `\bflp_` would miss a token glued to `CODE_`.
const FRIENDLI_TOKEN = /(?<![A-Za-z0-9])flp_[A-Za-z0-9_-]+/g;

/**
 * Masks whatever looks like a credential, without knowing any secret: an Authorization value, a
 * Bearer value, a Friendli personal access token (a server may echo a key that is not ours). A
 * shell variable reference standing for a token is kept.
 */
function redactTokenShapes(text        )         {
  // An already masked value is kept as it is, so redacting twice (the error, then the log line)
  // changes nothing.
  const mask = (match        , prefix        , value        ) =>
    PLACEHOLDER_VALUE.test(value) || MASKED_VALUE.test(value) ? match : `${prefix}${MASK}`;
  return (
    text
      // `Authorization: Bearer x`, `"authorization":"Bearer x"`, `authorization=x`: mask the value.
      .replace(AUTHORIZATION, mask)
      .replace(BEARER, (match, prefix        , value        ) =>
        value.length < MIN_BEARER_VALUE_LENGTH ? match : mask(match, prefix, value),
      )
      .replace(FRIENDLI_TOKEN, MASK)
  );
}

function describe(err         , depth        )         {
  if (err instanceof AggregateError && err.errors.length > 0) {
    const inner = err.errors.map((e) => describe(e, depth + 1)).join("; ");
    return err.message ? `${err.message}: ${inner}` : inner;
  }
  if (err instanceof Error) {
    // "Error: x" says nothing more than "x"; TypeError or SyntaxError are worth keeping.
    const prefix =
      err.name && err.name !== "Error" && err.name !== "ApiError" && !err.message.startsWith(err.name)
        ? `${err.name}: `
        : "";
    let text = `${prefix}${err.message || "(no message)"}`;
    // ApiError messages already include what their cause said.
    if (err.cause !== undefined && err.name !== "ApiError" && depth < 3) {
      text += ` (cause: ${describe(err.cause, depth + 1)})`;
    }
    return text;
  }
  if (typeof err === "string") return err;
  if (err === undefined || err === null) return "unknown error";
  if (typeof err === "object") {
    try {
      return JSON.stringify(err);
    } catch {
      return Object.prototype.toString.call(err);
    }
  }
  return String(err);
}

/** One line (or a few) describing any thrown value, with every secret redacted. */
function formatError(err         , secrets                   )         {
  return redact(describe(err, 0), secrets);
}


/***/ }),

/***/ 5511:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ neutralise),
/* harmony export */   Ky: () => (/* binding */ safeLogger),
/* harmony export */   _0: () => (/* binding */ stripInvisible),
/* harmony export */   nj: () => (/* binding */ guardCore)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8839);
// The one neutraliser for text the action did not write itself (API fields and error bodies, model
// replies, GitHub answers, inputs echoed back) on its way to the log, and the guard that puts the
// redactor in front of every runner sink (log, annotations, outputs, state, summary).
//
// The runner trims each stdout line and obeys one that starts with `::` (`::add-mask::`,
// `::stop-commands::`...), and `##[command]` anywhere in a line: a forged line could hide our
// errors or make the post step act on the wrong endpoint. Escaping, not one-line rendering or
// `stop-commands`: our own multi-line messages stay readable, every line is safe on its own (a
// `stop-commands` block that a crash never closes would silence the rest of the job), and a reader
// sees `\::error::` and knows the text was someone else's.

                                      
                                       


// Every line break a reader of the log could see: the runner splits on \r, \n and \r\n; the log
// viewer and other tools also break on NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, and on VT/FF.
const LINE_BREAKS = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;
// What .NET's String.Trim() removes (Char.IsWhiteSpace), and a bit more: a line that starts with
// these and then `::` is still a command.
const LEADING_SPACE = /^[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]*/;
// Other control characters (ANSI escapes among them) could redraw or hide what a reader sees.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
// Bidirectional overrides and zero-width characters make text read differently from what it is.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Removes bidi controls and zero-width characters: what a reader sees is then what the text says. */
function stripInvisible(text        )         {
  return text.replace(INVISIBLE, "");
}

/** One line that cannot be a workflow command: a leading `::` and any `##[` are escaped. */
function neutraliseLine(line        )         {
  const lead = LEADING_SPACE.exec(line)?.[0] ?? "";
  const rest = line.slice(lead.length);
  const escaped = rest.startsWith("::") ? `\\${rest}` : rest;
  return (lead + escaped).replace(/##\[/g, "#\\#[");
}

/**
 * Text as the log may show it: line breaks normalised to \n, control, bidi and zero-width
 * characters removed, and no line able to form a workflow command.
 */
function neutralise(text        )         {
  return stripInvisible(text.replace(LINE_BREAKS, "\n").replace(CONTROL, ""))
    .split("\n")
    .map(neutraliseLine)
    .join("\n");
}

/**
 * A logger whose lines are redacted and neutralised. Warnings and debug lines are workflow commands
 * whose message @actions/core escapes itself (line breaks become %0A): they are only redacted.
 */
function safeLogger(
  core                                          ,
  secrets                   ,
)         {
  return {
    info: (m) => core.info(neutralise((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(m, secrets))),
    warning: (m) => core.warning((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(m, secrets)),
    debug: (m) => core.debug((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(m, secrets)),
  };
}

/**
 * The runner interface with the redactor in front of every sink: log lines, annotations, outputs,
 * state and the job summary never carry a secret in any encoding the redactor knows, and info
 * lines cannot form commands. Inputs and masks pass through untouched.
 */
function guardCore(core      , secrets                   )       {
  const clean = (v         ) => (typeof v === "string" ? (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(v, secrets) : v);
  const log = safeLogger(core, secrets);
  const summary                  = {
    addRaw: (text, addEOL) => {
      core.summary.addRaw((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(text, secrets), addEOL);
      return summary;
    },
    write: async (options) => {
      await core.summary.write(options);
      return summary;
    },
  };
  return {
    getInput: (name, options) => core.getInput(name, options),
    setSecret: (s) => core.setSecret(s),
    setOutput: (name, value) => core.setOutput(name, clean(value)),
    saveState: (name, value) => core.saveState(name, clean(value)),
    setFailed: (m) => core.setFailed((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(String(m), secrets)),
    info: log.info,
    warning: (m) => log.warning(String(m)),
    debug: log.debug,
    summary,
  };
}


/***/ }),

/***/ 2892:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ UNKNOWN_START_MS),
/* harmony export */   BQ: () => (/* binding */ POST_DEADLINE_MS),
/* harmony export */   C9: () => (/* binding */ HEADERS_TIMEOUT_MS),
/* harmony export */   CB: () => (/* binding */ BODY_TIMEOUT_MS),
/* harmony export */   DS: () => (/* binding */ ENGINE_FIRST_MS),
/* harmony export */   Dr: () => (/* binding */ CLEANUP_DEADLINE_MS),
/* harmony export */   E0: () => (/* binding */ HUB_RETRY_BACKOFF),
/* harmony export */   Gr: () => (/* binding */ REQUESTS_IN_FLIGHT),
/* harmony export */   IM: () => (/* binding */ LEDGER_CALL_TIMEOUT_MS),
/* harmony export */   Jw: () => (/* binding */ PREFLIGHT_BUDGET_MS),
/* harmony export */   K_: () => (/* binding */ SMOKE_WARMUP_MS),
/* harmony export */   NN: () => (/* binding */ UPDATE_SETTLE_MS),
/* harmony export */   PW: () => (/* binding */ HUB_ATTEMPTS),
/* harmony export */   Q_: () => (/* binding */ ENGINE_JITTER),
/* harmony export */   SO: () => (/* binding */ FAILURE_BASE_MS),
/* harmony export */   TJ: () => (/* binding */ PR_READ_TIMEOUT_MS),
/* harmony export */   TQ: () => (/* binding */ FRESH_LOOKUP_MS),
/* harmony export */   W6: () => (/* binding */ SWEEP_SETTLE_BACKOFF),
/* harmony export */   Wq: () => (/* binding */ SMOKE_MIN_WAIT_MS),
/* harmony export */   XQ: () => (/* binding */ FAILURE_CAP_MS),
/* harmony export */   Ze: () => (/* binding */ SMOKE_BACKOFF),
/* harmony export */   ar: () => (/* binding */ PR_COMMENT_TIMEOUT_MS),
/* harmony export */   c1: () => (/* binding */ ENGINE_MS),
/* harmony export */   cC: () => (/* binding */ CONNECT_TIMEOUT_MS),
/* harmony export */   cX: () => (/* binding */ CREATE_ANSWER_GRACE_MS),
/* harmony export */   dN: () => (/* binding */ HUB_ATTEMPT_TIMEOUT_MS),
/* harmony export */   ep: () => (/* binding */ MAX_CONSECUTIVE_POLL_FAILURES),
/* harmony export */   es: () => (/* binding */ SWEEP_SETTLE_MS),
/* harmony export */   f: () => (/* binding */ DEFAULT_WAIT_TIMEOUT_MS),
/* harmony export */   hX: () => (/* binding */ NOT_FOUND_GRACE_MS),
/* harmony export */   ht: () => (/* binding */ MIN_TIME_FOR_CREATE_MS),
/* harmony export */   id: () => (/* binding */ GPU_FALLBACK_AFTER_MS),
/* harmony export */   "in": () => (/* binding */ MIN_ENGINE_GAP_MS),
/* harmony export */   j2: () => (/* binding */ REQUEST_TIMEOUT_MS),
/* harmony export */   ji: () => (/* binding */ POLL_JITTER),
/* harmony export */   ky: () => (/* binding */ COST_REPORT_BUDGET_MS),
/* harmony export */   m: () => (/* binding */ HEARTBEAT_MS),
/* harmony export */   oD: () => (/* binding */ MIN_RETRY_AFTER_MS),
/* harmony export */   oS: () => (/* binding */ RETRY_BACKOFF_CAP_MS),
/* harmony export */   r8: () => (/* binding */ RETRY_BACKOFF_BASE_MS),
/* harmony export */   rn: () => (/* binding */ CLOCK_SKEW_MS),
/* harmony export */   sS: () => (/* binding */ MAX_REQUEST_ATTEMPTS),
/* harmony export */   ui: () => (/* binding */ ROLLBACK_BUDGET_MS),
/* harmony export */   uu: () => (/* binding */ QUIET_MS),
/* harmony export */   uv: () => (/* binding */ CREATED_LAG_DELAYS_MS),
/* harmony export */   yL: () => (/* binding */ MAX_RETRY_AFTER_MS),
/* harmony export */   ye: () => (/* binding */ MAX_WAIT_TIMEOUT_MS),
/* harmony export */   z$: () => (/* binding */ FINAL_POLL_MARGIN_MS)
/* harmony export */ });
// Every delay, cap and deadline of the action, each with its reason, so a change of timing is one
// edit read beside the others. Milliseconds. The code that applies them imports them from here.

// --- The run's deadline (wait-timeout) ---

/** `wait-timeout`'s default: a large model downloads and loads in well under half an hour. */
const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;
/** A GitHub-hosted job is cancelled after 6 hours: waiting longer could never end in a result. */
const MAX_WAIT_TIMEOUT_MS = 6 * 3_600_000;
/** `gpu-fallback-after`'s default: ten times the reference lifecycle's 60 s for a VM (scripts/bench-polling.ts). */
const GPU_FALLBACK_AFTER_MS = 10 * 60_000;

// --- Polling an endpoint's status (the budgets and the measurements are in src/wait/policy.ts) ---

/** Any failure noticed within 15 s: no ordinary sleep between polls is longer than this. */
const QUIET_MS = 14_800;
/** Median notice of RUNNING at most 3 s, worst 6.5 s: the engine start, the only phase that ends in it. */
const ENGINE_MS = 5_500;
/** ±15 % on the engine poll: the longest gap stays 6.3 s, and runs that start alike drift apart. */
const ENGINE_JITTER = 0.15;
/** An engine phase estimated younger than this was first seen by the last poll (half a quiet gap). */
const ENGINE_FIRST_MS = 7_500;
/** The first engine gap is drawn from this up to the longest gap, so polls fall at any offset. */
const MIN_ENGINE_GAP_MS = 2_500;
/** No phase to go by (UPDATING, SLEEPING with min > 0, a delete): start here, ease off to QUIET_MS. */
const UNKNOWN_START_MS = 5_000;
/** Failed polls back off from this, doubling, up to FAILURE_CAP_MS. */
const FAILURE_BASE_MS = 2_000;
const FAILURE_CAP_MS = 14_000;
/** ±5 % on every other delay: PR workflows started by one push drift apart instead of polling together. */
const POLL_JITTER = 0.05;
/** While waiting, a line every minute tells the log reader the action is alive. */
const HEARTBEAT_MS = 60_000;
/**
 * A poll that would fall after the deadline goes out this long before it instead: the HTTP layer
 * starts nothing at the deadline itself, and a status read answers in less.
 */
const FINAL_POLL_MARGIN_MS = 500;
/** A 404 this soon after the wait starts is a list that lags the create, not a deleted endpoint. */
const NOT_FOUND_GRACE_MS = 30_000;
/** Failed polls in a row that a wait survives (about 30 s with the backoff above). */
const MAX_CONSECUTIVE_POLL_FAILURES = 5;

// --- After an update ---

/** Friendli does not say how soon an update shows as UPDATING: till then RUNNING may be the old version. */
const UPDATE_SETTLE_MS = 60_000;
/** How far the API's clock may differ from ours, when its updatedAt is compared with our times. */
const CLOCK_SKEW_MS = 5_000;

// --- Retries of one request (the HTTP layer) ---

/** One request's own time: a stalled socket must not eat the run's deadline. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Attempts of one request, the first included; throttled answers do not count (the deadline does). */
const MAX_REQUEST_ATTEMPTS = 4;
/** Backoff between attempts: full jitter below min(cap, base * 2^n). */
const RETRY_BACKOFF_BASE_MS = 500;
const RETRY_BACKOFF_CAP_MS = 20_000;
/** A server asking for a longer wait gets this much: one bad header must not park a run. */
const MAX_RETRY_AFTER_MS = 60_000;
/** `Retry-After: 0` is legal, but obeyed literally it turns a throttled API into a request loop. */
const MIN_RETRY_AFTER_MS = 1_000;
/** Backstops under REQUEST_TIMEOUT_MS in the undici dispatcher, for a socket that never answers. */
const CONNECT_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 60_000;
const BODY_TIMEOUT_MS = 60_000;

// --- The listing can trail a create by a moment ---

/**
 * Waits between listings while looking for the endpoint this run's create made (create step,
 * resolver, post step): about a minute. A list that lags longer would hide the new endpoint from a
 * second create after a lost answer (a duplicate), from the report, or from the post step's clean-up.
 */
const CREATED_LAG_DELAYS_MS                    = [500, 1000, 2000, 4000, 8000, 15_000, 30_000];
/**
 * A create already sent is not cut off by a cancellation for this long: its answer is the only proof
 * of which endpoint it made (src/endpoint/created-claim.ts), which the post step needs to delete it.
 * The runner sends SIGTERM 7.5 s after SIGINT, then kills.
 */
const CREATE_ANSWER_GRACE_MS = 5_000;
/**
 * A look-up this young is what a create goes by; an older one (a pre-flight ran in between) is
 * repeated first, so a rival endpoint of the name that appeared meanwhile stops the create.
 */
const FRESH_LOOKUP_MS = 1_000;
/** With less left, a create could leave an endpoint the run can neither find (lagging list) nor clean up. */
const MIN_TIME_FOR_CREATE_MS = 60_000;

// --- The pre-flight on the Hugging Face Hub ---

/** The whole pre-flight, retries included: a slow Hub costs seconds, never the deploy. */
const PREFLIGHT_BUDGET_MS = 20_000;
/** One Hub request: the Hub answers model info in well under a second when it is well. */
const HUB_ATTEMPT_TIMEOUT_MS = 8_000;
/** A 502 or 429 once is common, three in a row is an outage. */
const HUB_ATTEMPTS = 3;
/** Short, as the whole pre-flight has PREFLIGHT_BUDGET_MS. */
const HUB_RETRY_BACKOFF = { baseMs: 500, capMs: 2_000 }         ;

// --- The smoke test ---

/** A fresh engine answers 503 for a while after RUNNING: its requests are retried this long. */
const SMOKE_WARMUP_MS = 120_000;
/** Shorter waits than the API calls': the engine is known to be coming up. */
const SMOKE_BACKOFF = { baseMs: 1000, capMs: 10_000 }         ;
/** Full jitter can pick ~0 ms; this floor stops a hot loop. */
const SMOKE_MIN_WAIT_MS = 100;

// --- Cleanup and reporting ---

/** delete-on-failure's own time (the run's may be spent): a few retries, short of a job's patience. */
const CLEANUP_DEADLINE_MS = 60_000;
/** The post step: a minute of lagging listings to find what a cancelled create made, then the DELETE. */
const POST_DEADLINE_MS = 90_000;
/**
 * How long the post step reads a cancelled sweep's previews while their DELETEs may still be carried
 * out (the server acts on a request whose client is gone): one request's own time, after which the
 * main step would have given it up. Inside POST_DEADLINE_MS, within the runner's five minutes.
 */
const SWEEP_SETTLE_MS = 30_000;
const SWEEP_SETTLE_BACKOFF = { baseMs: 1000, capMs: 8000 }         ;
/** All requests of one PR comment together: a slow GitHub must not hold the job. */
const PR_COMMENT_TIMEOUT_MS = 30_000;

// --- operation: sweep ---

/** Spec reads, PR reads, deletes in flight: a 500-endpoint project in seconds, no flood to either API. */
const REQUESTS_IN_FLIGHT = 8;
/** One PR read from GitHub: a slow GitHub must not hold the sweep for the run's whole deadline. */
const PR_READ_TIMEOUT_MS = 30_000;

// --- Rollback and the deployment ledger ---

/**
 * A rollback's own budget (a timed-out update has spent the run's): a rolling update back should
 * take about as long as the failed one (the simulator's rollout is about 3 minutes); 20 bounds a hang.
 */
const ROLLBACK_BUDGET_MS = 20 * 60_000;
/** One call (a read's pages together) to GitHub's deployments API: the ledger is a courtesy, then off. */
const LEDGER_CALL_TIMEOUT_MS = 15_000;

// --- What it costs (docs/cost.md) ---

/** The team cost report, every page: a courtesy, so a slow report costs at most this (one page: < 1 s). */
const COST_REPORT_BUDGET_MS = 5_000;


/***/ }),

/***/ 6058:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _U: () => (/* binding */ findByName),
  it: () => (/* binding */ findCreated),
  sS: () => (/* binding */ lookupEndpoint)
});

// UNUSED EXPORTS: DuplicateNameError, confirmRememberedEndpoint, expectAtMostOne

// EXTERNAL MODULE: ./build/base/backoff.js
var backoff = __webpack_require__(3972);
// EXTERNAL MODULE: ./build/base/concurrency.js
var concurrency = __webpack_require__(4751);
// EXTERNAL MODULE: ./build/base/format.js
var format = __webpack_require__(8253);
// EXTERNAL MODULE: ./build/base/timing.js
var timing = __webpack_require__(2892);
// EXTERNAL MODULE: ./build/friendli/errors.js
var errors = __webpack_require__(3615);
;// CONCATENATED MODULE: ./build/endpoint/created-claim.js
// Which endpoint of the requested name this run's create made, if it can prove one, and which one
// is kept when two runs created the name at once. Pure: the create step, delete-on-failure and the
// post step all decide by `judgeCreation`, so a run deletes only what this one function calls its
// own. The proof (docs/security.md): Friendli stores nothing run-unique that a GET shows back, so
// X is this run's when it carries the name, was not in the look-up before the create, and has the
// create answer's createdAt, which no other fresh endpoint of the name shares. Without an answer
// nothing is proved: a rival's endpoint created in the same seconds looks exactly like ours.
/** What this run's create left behind: saved for the post step, which decides by the same rules. */
                              
                                                               
                             
                                                                                                      
                      
                                                                            
                                 
 

/** An endpoint that carries the requested name now. */
                           
             
                                        
 

                             
                                                                                          
                    
                                                                                         
                                     
                                                                                          
                                                  
     
                                                                                                   
                                                                                                      
     
                                                 

const timeOf = (e          )         => Date.parse(e.createdAt ?? "");

/** Why a create without an answer proves nothing. */
const LOST = "its create went unanswered, and only an answered create proves which endpoint it made";

function judgeCreation(named                     , facts             )                  {
  const fresh = named.filter((e) => !facts.lookupIds.has(e.id));
  if (fresh.length === 0) return { kind: "none" };
  const own = ownAmong(fresh, facts);
  if (own.kind !== "mine") return own;
  if (named.some((e) => !Number.isFinite(timeOf(e)))) {
    return {
      kind: "unsure",
      ids: named.map((e) => e.id),
      why: "an endpoint of the name has no creation time, so which was created first is unknown",
    };
  }
  const [keeper] = [...named].sort(
    (a, b) => timeOf(a) - timeOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { kind: "mine", id: own.id, keeper: keeper?.id ?? own.id };
}

function ownAmong(fresh                     , facts             )                  {
  const ids = fresh.map((e) => e.id);
  const byId = facts.answeredId ? fresh.find((e) => e.id === facts.answeredId) : undefined;
  if (byId) return { kind: "mine", id: byId.id, keeper: byId.id };
  const answered = Date.parse(facts.answeredCreatedAt ?? "");
  if (!Number.isFinite(answered) && !facts.answeredId) return { kind: "unsure", ids, why: LOST };
  const same = fresh.filter((e) => timeOf(e) === answered);
  const [only] = same;
  if (same.length === 1 && only) return { kind: "mine", id: only.id, keeper: only.id };
  if (same.length > 1)
    return { kind: "unsure", ids: same.map((e) => e.id), why: "they were created at the same moment" };
  // One without a readable time may be ours: listing again would not tell, so no one is blamed.
  if (fresh.some((e) => !Number.isFinite(timeOf(e))))
    return { kind: "unsure", ids, why: "an endpoint of the name has no creation time" };
  // Ours was answered, so it exists: the listing has not shown it yet.
  return { kind: "others", ids };
}

/** The verdict is final: no later listing can change it (otherwise list again while the list may lag). */
function settled(verdict                 )          {
  // `others` comes only after an answer: this run's endpoint exists and is still to appear.
  return verdict.kind !== "none" && verdict.kind !== "others";
}

;// CONCATENATED MODULE: ./build/endpoint/lookup.js
// Finding an endpoint: one that already exists (by id when the workflow gives one, by an id the
// ledger remembers, confirmed by one GET, else by name in the project), and the one this run's
// create made. The list carries no names and the create answer no id, so a name lookup lists the
// project, then GETs each candidate's spec.

                                              



                                                            

                                                                           


/** An endpoint that exists. A name lookup knows both parts; a lookup by id only the one it read. */
                                
             
                          
                      
 

/** What a name lookup returns: the listing gave the status, a GET the spec. */
                                                    

/** Spec by endpoint id, one per run (names do not change under us): no endpoint is read twice. */
                                                  

/** Two or more endpoints carry the requested name: the action must not guess which to use. */
class DuplicateNameError extends Error {
  // No `name` of its own: the error formatter prefixes any name other than "Error", and the user
  // should read the message, not "DuplicateNameError: ...".
           ids          ;
  constructor(endpointName        , projectId        , ids          ) {
    super(
      `${ids.length} endpoints are named "${endpointName}" in project ${projectId}: ${ids.join(", ")}. ` +
        "Delete the extra ones or pass endpoint-id.",
    );
    this.ids = ids;
  }
}

/** The one endpoint of a findByName result, undefined for none, DuplicateNameError for more. */
function expectAtMostOne                         (found     , name        , projectId        ) {
  const ids = found.map((f) => f.id);
  if (ids.length > 1) throw new DuplicateNameError(name, projectId, ids);
  return found[0];
}

/** The spec, from the cache or one GET; undefined when the endpoint vanished (404) meanwhile. */
async function specOf(
  client                             ,
  cache           ,
  id        ,
)                                    {
  const cached = cache.get(id);
  if (cached) return cached;
  try {
    const spec = await client.get(id);
    cache.set(id, spec);
    return spec;
  } catch (err) {
    // Deleted between list and GET, or not yet visible after a create: not (yet) a match.
    if (err instanceof errors/* ApiError */.hD && err.status === 404) return undefined;
    throw err;
  }
}

/** A name, or a test of the name (the sweep's: a preview of this repository). */
                                                      

function matches(spec                          , projectId        , name           )                       {
  if (spec === undefined || spec.projectId !== projectId) return false;
  return typeof name === "string" ? spec.name === name : name(spec.name);
}

                       
                       
                       
                    
                                                                                                      
                       
 

/**
 * Every endpoint named `name` (or whose name it accepts) in the project. All candidates are checked,
 * not just the first match, so a duplicate is seen (expectAtMostOne turns it into an error naming both ids).
 */
async function findByName(
  client                ,
  projectId        ,
  name           ,
  opts              = {},
)                           {
  const cache            = opts.cache ?? new Map();
  try {
    const listed = await client.listAll(projectId);
    for (const e of listed) opts.listed?.add(e.id);
    const specs = await (0,concurrency/* mapLimit */.s)(
      listed,
      opts.concurrency ?? timing/* REQUESTS_IN_FLIGHT */.Gr,
      (e) => specOf(client, cache, e.id),
      opts.signal,
    );
    return listed.flatMap((e, i) => {
      const spec = specs[i];
      return matches(spec, projectId, name) ? [{ id: e.id, status: e.status, spec }] : [];
    });
  } catch (err) {
    // Cancellation surfaces as the same ApiError "aborted" the HTTP layer throws.
    if (opts.signal?.aborted && !(err instanceof errors/* ApiError */.hD)) throw (0,errors/* abortedError */.ip)("lookup", err);
    throw err;
  }
}

                   
                                                       
                                                                                                
                                                                   

/**
 * Whether endpoint `id`, remembered from elsewhere (the deployment ledger), is still `name` in
 * project `projectId`: one GET. A 404 or a mismatch sends the caller back to the lookup by name, so
 * a stale memory costs one request and never points a change at the wrong endpoint; any other
 * failure (cancellation, a rejected token, the deadline) is thrown, as the lookup would meet it too.
 */
async function confirmRememberedEndpoint(
  client                             ,
  expected                                                 ,
)                        {
  const { id, name, projectId } = expected;
  if (id.trim() === "" || id === "." || id === "..") return { confirmed: false, reason: "unusable" };
  // Read afresh, not from the run's cache: only a confirmed spec goes there.
  const spec = await specOf(client, new Map(), id);
  if (!spec) return { confirmed: false, reason: "gone" };
  if (spec.name !== name || spec.projectId !== projectId) return { confirmed: false, reason: "mismatch" };
  return { confirmed: true, id, spec };
}

                                                                         
                                                                                                           
                     
     
                                                                                           
                                                                           
     
                                                                                      
 

/**
 * The endpoint this run should act on (the inputs' endpoint-id, else the name in the project), or
 * undefined when there is none. Two of one name: DuplicateNameError. By id for a write: an error
 * when it is in another project.
 */
async function lookupEndpoint(
  client                ,
  target                                                          ,
  options                = {},
)                                     {
  const id = target.endpointId;
  if (id) {
    try {
      if (!options.forWrite) return { id, status: await client.status(id) };
      const spec = await client.get(id);
      if (spec.projectId !== target.projectId) {
        throw new Error(
          `endpoint-id ${id} is "${spec.name}" in project ${spec.projectId}, not in project-id ` +
            `${target.projectId}: refusing to change it (check endpoint-id and project-id)`,
        );
      }
      return { id, spec };
    } catch (err) {
      if (err instanceof errors/* ApiError */.hD && err.status === 404) return undefined;
      throw err;
    }
  }
  const hint = options.remembered;
  if (hint) {
    const c = await confirmRememberedEndpoint(client, { id: hint.id, ...target });
    if (c.confirmed) {
      options.cache?.set(c.id, c.spec);
      return hint.readStatus
        ? { id: c.id, spec: c.spec, status: await client.status(c.id) }
        : { id: c.id, spec: c.spec };
    }
    hint.onMiss?.(c.reason);
  }
  const found = await findByName(client, target.projectId, target.name, options);
  return expectAtMostOne(found, target.name, target.projectId);
}

                                     
                    
               
                     
               
                                                                         
                     
                       
                                                                      
                    
                                                       
                                     
 

                               
                           
                                                        
                         
 

/**
 * What this run's create made, for the create step, delete-on-failure and the post step: lists the
 * name and judges it (./created-claim.ts) until the verdict is settled or the waits for a listing
 * that lags the create run out (then `none`: nothing of the name appeared). Throws ApiError
 * "deadline" when the deadline comes before the next listing, and "aborted" when cancelled.
 */
async function findCreated(client                , opts                    )                        {
  const { projectId, name, clock, signal, facts } = opts;
  // Names do not change under us: each round reads only the specs of ids it has not seen.
  const cache            = opts.cache ?? new Map();
  return (0,backoff/* askAgain */.et)              ({
    clock,
    signal,
    aborted: (reason) => {
      throw reason;
    },
    round: async (n) => {
      const named = await findByName(client, projectId, name, { signal, cache });
      const verdict = judgeCreation(
        named.map((e) => ({ id: e.id, createdAt: e.status.createdAt })),
        facts,
      );
      const delay = timing/* CREATED_LAG_DELAYS_MS */.uv[n - 1];
      if (settled(verdict) || delay === undefined) return { done: { verdict, named } };
      if (clock.now() + delay >= opts.deadlineMs) {
        throw new errors/* ApiError */.hD({
          kind: "deadline",
          operation: "resolve",
          message:
            `the run's deadline came before the new endpoint named "${name}" appeared in project ` +
            `${projectId} (listed ${n} times, next wait ${(0,format/* formatDuration */.a3)(delay, { tenths: true })})`,
        });
      }
      opts.onWait?.(delay);
      return { waitMs: delay };
    },
  });
}


/***/ }),

/***/ 5220:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ statusAdvice)
/* harmony export */ });
// What to change when Friendli refuses a request, in the words of the action's inputs. The HTTP
// layer knows statuses, not inputs: main.ts hands it this table (HttpOptions.advise), and the smoke
// test reads the inference rows.

                                              

const ADVICE                                                     = {
  "endpoint-api": {
    401: "check the friendli-token secret (a Personal Access Token, flp_...)",
    403: "check team-id and that the token's user belongs to the team/project",
    404: "check project-id / endpoint-id",
  },
  inference: {
    401: "check the friendli-token secret",
    403: "check team-id and that the token may use this endpoint",
    404: "the inference API does not know this endpoint id",
  },
};

/** The advice for an HTTP status, or undefined when there is none to give. */
function statusAdvice(status        , about            = "endpoint-api")                     {
  return ADVICE[about][status];
}


/***/ }),

/***/ 5523:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mb: () => (/* binding */ ENDPOINT_BASE),
/* harmony export */   Ov: () => (/* binding */ COMPLETIONS_PATH),
/* harmony export */   rH: () => (/* binding */ FriendliClient),
/* harmony export */   v6: () => (/* binding */ CHAT_PATH)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4343);
/* harmony import */ var _base_timing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2892);
/* harmony import */ var _error_body_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1649);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3615);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8523);
/* harmony import */ var _request_policy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3590);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4214);
// Typed operations of the Dedicated Endpoints API over the one HTTP layer (./http.ts). Each picks
// its retry policy here, next to what it does, so the choice is reviewed once.








const ENDPOINT_BASE = "/dedicated/beta/endpoint";
const CHAT_PATH = "/dedicated/v1/chat/completions";
const COMPLETIONS_PATH = "/dedicated/v1/completions";
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
const AnyBody = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .unknown */ .L5J();

/** The smoke test's view of an inference call: it judges status and body itself. */
                              
                 
                
                                                                                                        
                      
 

/** An OpenAI-style inference body; `model` is the endpoint id (optionally `id:adapter`). */
                                                               

class FriendliClient {
           http      ;

  /** Takes the HTTP layer's options (the usual case) or a ready Http (to share one dispatcher). */
  constructor(httpOrOptions                    ) {
    this.http = "send" in httpOrOptions ? httpOrOptions : (0,_http_js__WEBPACK_IMPORTED_MODULE_3__/* .createHttp */ .V)(httpOrOptions);
  }

  /** The data of a JSON answer, checked by the op's schema. */
          async data   (op           )             {
    return (await this.http.send(op)).data;
  }

  /** Sent once: a create is retried only when the server certainly did not process it (./retry.ts). */
  async create(body                    ) {
    const status = await this.data({
      operation: "create",
      method: "POST",
      path: ENDPOINT_BASE,
      body,
      schema: _schemas_js__WEBPACK_IMPORTED_MODULE_5__/* .EndpointStatusSchema */ .dG,
      retry: "create",
      maxBodyBytes: SMALL_BODY,
      // Its answer is the only proof of which endpoint it made: a cancellation does not cut it off.
      graceMs: _base_timing_js__WEBPACK_IMPORTED_MODULE_0__/* .CREATE_ANSWER_GRACE_MS */ .cX,
    });
    // Only if the live API ever sends `id`/`endpointId` (the spec has none).
    const id = status.endpointId ?? status.id;
    return typeof id === "string" && id.trim() !== "" ? { status, endpointId: id } : { status };
  }

  /** Every endpoint of the project, across all pages, in the order the API lists them. */
  async listAll(projectId        ) {
    const out                                                = [];
    const seenCursors = new Set        ();
    let cursor                    ;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const res = await this.data({
        operation: "list",
        method: "GET",
        path: ENDPOINT_BASE,
        query: { project_id: projectId, cursor, limit: LIST_PAGE_LIMIT },
        schema: _schemas_js__WEBPACK_IMPORTED_MODULE_5__/* .EndpointListSchema */ .Le,
        retry: "idempotent",
        maxBodyBytes: LIST_BODY,
      });
      for (const [id, status] of res.data) out.push({ id, status });
      if (out.length > MAX_LISTED_ENDPOINTS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD({
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD({
          kind: "ambiguous",
          operation: "list",
          message: `list failed: the API handed out page cursor ${next} twice; the listing cannot be trusted`,
        });
      }
      seenCursors.add(next);
      cursor = next;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD({
      kind: "permanent",
      operation: "list",
      message: `list failed: more than ${MAX_LIST_PAGES} pages of endpoints in project ${projectId}`,
    });
  }

  /** Throws ApiError with status 404 when the endpoint does not exist; callers check for it. */
  get(id        )                        {
    return this.data({
      operation: "get",
      method: "GET",
      path: (0,_request_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .pathFor */ .p0)(ENDPOINT_BASE, id),
      schema: _schemas_js__WEBPACK_IMPORTED_MODULE_5__/* .EndpointSpecSchema */ .Qr,
      retry: "idempotent",
      maxBodyBytes: SPEC_BODY,
    });
  }

  /** Repeating a PUT after an ambiguous failure re-applies the same spec: the outcome asked for. */
  update(id        , body                    )                        {
    return this.data({
      operation: "update",
      method: "PUT",
      path: (0,_request_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .pathFor */ .p0)(ENDPOINT_BASE, id),
      body,
      schema: _schemas_js__WEBPACK_IMPORTED_MODULE_5__/* .EndpointSpecSchema */ .Qr,
      retry: "idempotent",
      maxBodyBytes: SPEC_BODY,
    });
  }

  /** A 404 after an ambiguous first attempt may mean that attempt deleted it; the caller decides. */
  async delete(id        )                {
    await this.data({
      operation: "delete",
      method: "DELETE",
      path: (0,_request_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .pathFor */ .p0)(ENDPOINT_BASE, id),
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
  lifecycle(id        , op                              )                          {
    return this.data({
      operation: op,
      method: "PUT",
      path: (0,_request_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .pathFor */ .p0)(ENDPOINT_BASE, id, op),
      schema: _schemas_js__WEBPACK_IMPORTED_MODULE_5__/* .EndpointStatusSchema */ .dG,
      retry: op === "restart" ? "create" : "idempotent",
      maxBodyBytes: SMALL_BODY,
    });
  }

  /** The waiter passes maxAttempts 1: it tolerates failed polls itself and polls again anyway. */
  status(id        , opts                           = {})                          {
    return this.data({
      operation: "status",
      method: "GET",
      path: (0,_request_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .pathFor */ .p0)(ENDPOINT_BASE, id, "status"),
      schema: _schemas_js__WEBPACK_IMPORTED_MODULE_5__/* .EndpointStatusSchema */ .dG,
      retry: "idempotent",
      maxBodyBytes: SMALL_BODY,
      maxAttempts: opts.maxAttempts,
    });
  }

  /**
   * One page of the team's cost report (daily buckets, by line item). Never retried: the API asks
   * for minutes between calls, and the caller treats any failure as "no figure" (src/cost/report.ts).
   */
  teamCost(q                                                                      )                        {
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
      schema: _schemas_js__WEBPACK_IMPORTED_MODULE_5__/* .CostResponseSchema */ ._2,
      retry: "never",
      maxAttempts: 1,
      maxBodyBytes: COST_BODY,
    });
  }

  /** Not retried: the smoke test decides what a 503 from a waking endpoint means. */
  chat(body               , onChunk                         )                       {
    return this.inference("chat", CHAT_PATH, body, onChunk);
  }

  completions(body               , onChunk                         )                       {
    return this.inference("completions", COMPLETIONS_PATH, body, onChunk);
  }

  /** `onChunk` sees a streamed (`stream: true`) answer's pieces as they arrive. */
          async inference(
    operation        ,
    path        ,
    body               ,
    onChunk                         ,
  )                       {
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
    const retryAfter = (0,_error_body_js__WEBPACK_IMPORTED_MODULE_1__/* .firstHeader */ .Yp)(res.headers["retry-after"]);
    return retryAfter === undefined
      ? { status: res.status, body: res.data }
      : { status: res.status, body: res.data, retryAfter };
  }
}


/***/ }),

/***/ 1649:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yp: () => (/* binding */ firstHeader),
/* harmony export */   m2: () => (/* binding */ errorDetail),
/* harmony export */   xO: () => (/* binding */ interpretResponse)
/* harmony export */ });
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8253);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3615);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9120);
// What the server answered: the explanation in an error body, a status in words, and the one
// function that turns a response into data or an ApiError. Pure: the caller passes the time and
// the redactor.
                                                       




const MAX_DETAIL = 500;
const MAX_BODY_EXCERPT = 200;

/**
 * The server's explanation from an error body: FastAPI `detail` (a string or a list of field
 * errors), `{error:{message}}`, `{error: "..."}`, `{message}`, `{error_description}`, or the text
 * itself. Not redacted here.
 */
function errorDetail(text        )                     {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  let body         ;
  try {
    body = JSON.parse(trimmed);
  } catch {
    if (/^<(!doctype|html)/i.test(trimmed)) {
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1];
      return title ? `an HTML page: ${(0,_base_format_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(title)}` : "an HTML page";
    }
    return (0,_base_format_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(trimmed);
  }
  if (typeof body === "string") return body;
  if (body === null || typeof body !== "object") return (0,_base_format_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(trimmed);
  const o = body                           ;
  const detail = o.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail) && detail.length > 0) {
    return detail
      .map((d) => {
        if (!d || typeof d !== "object") return String(d);
        const { loc, msg } = d                                    ;
        const where = Array.isArray(loc) ? loc.map(String).join(".") : "";
        const what = typeof msg === "string" ? msg : JSON.stringify(d);
        return where ? `${where}: ${what}` : what;
      })
      .join("; ");
  }
  if (detail !== undefined && detail !== null) return JSON.stringify(detail);
  const error = o.error;
  const message = error && typeof error === "object" ? (error                         ).message : undefined;
  if (typeof message === "string") return message;
  const description = typeof o.error_description === "string" ? o.error_description : undefined;
  if (typeof error === "string") return description === undefined ? error : `${error}: ${description}`;
  if (typeof o.message === "string") return o.message;
  return description ?? (0,_base_format_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(trimmed);
}

/** A status in words; `advice` (what to change, naming the action's inputs) comes from the caller. */
function describeStatus(status        , detail                    , advice         )         {
  const said = detail ? `; the server said: ${detail}` : "";
  const change = advice ? `: ${advice}` : "";
  switch (status) {
    case 400:
      return `the request was rejected (400): ${detail ?? "no detail given"}`;
    case 401:
      return `the Friendli token was rejected (401)${change}${said}`;
    case 403:
      return `access denied (403)${change}${said}`;
    case 404:
      return `not found (404)${change}${said}`;
    case 409:
      return `conflict (409): ${detail ?? "the endpoint is in a state that does not allow this"}`;
    case 422:
      return `the request was rejected as invalid (422): ${detail ?? "no field errors given"}`;
    case 429:
      return `rate limited (429)${said}`;
    default:
      return `${status >= 500 ? `server error (${status})` : `HTTP ${status}`}${said}`;
  }
}

/** A response header's value; the first one when it came more than once. */
function firstHeader(v                               )                     {
  return Array.isArray(v) ? v[0] : v;
}

function parseLoose(text        )          {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What interpretResponse needs of a request. */
                               
                                                                                 
                    
                 
                                                                      
               
                     
                                                                            
                      
                                                                                                        
                
 

                                                             

                                  
                 
          
                   
 

                   
                
                                                       
                               
                                                                 
                                                  
 

                                                                          

/** Turns a response into data or an ApiError; never retries. */
function interpretResponse   (op              , res       , ctx         )                  {
  const where = `[${op.method} ${op.path}]`;
  const { status, headers, text } = res;
  if (status >= 300 && status < 400) throw redirectRefused(op, res, ctx.clean, where);
  if (op.raw) return { status, data: parseLoose(text)     , headers };
  const retryAfter = firstHeader(headers["retry-after"]);
  const kind = (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyResponse */ .IJ)(status, retryAfter !== undefined, op.retry);
  if (kind === "ok" && op.schema)
    return { status, data: parseBody(op, op.schema, res, ctx.clean, where), headers };
  if (kind === "ok") return { status, data: parseLoose(text)     , headers };
  const raw = errorDetail(text);
  const detail =
    raw === undefined ? undefined : (0,_base_format_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(ctx.clean(raw), MAX_DETAIL, { ellipsisAfter: true });
  const described = describeStatus(status, detail, ctx.advise?.(status));
  throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD({
    kind,
    operation: op.operation,
    status,
    detail,
    retryAfterMs: (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(retryAfter, ctx.nowMs),
    message: ctx.clean(`${op.operation} failed: ${described} ${where}`),
  });
}

/** undici's request() does not follow redirects, nor may we: the token would go wherever Location says. */
function redirectRefused(op                    , res       , clean                       , where        ) {
  const location = firstHeader(res.headers.location);
  let target = "an unknown location";
  if (location) {
    try {
      const to = new URL(location, res.url);
      target = to.protocol === res.url.protocol ? to.host : `${to.protocol}//${to.host}`;
    } catch {
      target = "an invalid location";
    }
  }
  return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD({
    kind: "permanent",
    operation: op.operation,
    status: res.status,
    message: clean(
      `${op.operation} failed: refusing to follow a redirect (${res.status}) to ${target}: check api-url ${where}`,
    ),
  });
}

/** A 2xx body checked against its schema; one that is not JSON or not the shape is ambiguous. */
function parseBody   (
  op              ,
  schema            ,
  res       ,
  clean                       ,
  where        ,
)    {
  // Redact before truncating: a cut could leave half a token that no longer matches.
  const excerpt = () =>
    (0,_base_format_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(clean((0,_base_format_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(res.text)), MAX_BODY_EXCERPT, { ellipsisAfter: true }) || "(empty)";
  const fail = (what        ) =>
    new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD({
      kind: "ambiguous",
      operation: op.operation,
      status: res.status,
      message: clean(
        `${op.operation}: the server answered ${res.status} with ${what}: ${excerpt()} ${where}`,
      ),
    });
  let json         ;
  try {
    json = JSON.parse(res.text);
  } catch {
    throw fail("a body that is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw fail(`an unexpected body (${issues.join("; ")})`);
}


/***/ }),

/***/ 3615:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   iW: () => (/* binding */ refusesGpu),
/* harmony export */   ip: () => (/* binding */ abortedError)
/* harmony export */ });
// The one error of the Friendli client, and how a failed request may be treated.

/**
 * How a failed request is treated:
 * - not-sent: never reached the server (refused, DNS, connect timeout): safe to retry any method.
 * - throttled: 429, or 503 with Retry-After: wait as told, retry.
 * - ambiguous: may have been processed (reset after write, response timeout, 500/502/504, a 2xx body
 *   that does not parse): GET retries; a create must look the name up before creating again.
 * - permanent: 400/401/403/404/409/422 and other 4xx: fail at once with what to fix.
 * - aborted: the run was cancelled: never retried.
 * - deadline: the run's one deadline would pass before the next attempt.
 */
                                                                                                        

class ApiError extends Error {
                    name = "ApiError";
           kind             ;
  /** When a response arrived. */
           status                    ;
  /** The server's `detail` (or equivalent), already redacted. */
           detail                    ;
  /** The server's usable Retry-After, in ms. */
           retryAfterMs                    ;
  /** "create", "list", "status", ... */
           operation        ;

  constructor(init   
                      
                      
                    
                    
                    
                          
                    
   ) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.operation = init.operation;
    this.status = init.status;
    this.detail = init.detail;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/**
 * The run was cancelled: the one "aborted" ApiError, whatever was cancelled (a request, a retry's
 * wait, a lookup, the smoke test). `what` names it in the message when it is not the operation.
 */
function abortedError(operation        , cause          , what         = operation)           {
  return new ApiError({
    kind: "aborted",
    operation,
    message: `${what} cancelled: the run was aborted`,
    cause,
  });
}

/**
 * The API refused the instance option itself, so another may be taken: a create or update answered
 * 400, 409 or 422 whose explanation names the instance option or capacity. The spec documents 400
 * and 422 for both without a body, and no capacity API: the words are the only sign, and a refusal
 * for anything else (a bad field, the project) would be refused on every GPU alike.
 */
function refusesGpu(err         )                  {
  return (
    err instanceof ApiError &&
    (err.operation === "create" || err.operation === "update") &&
    [400, 409, 422].includes(err.status ?? 0) &&
    /instance[\s_-]?option|capacity|out of stock/i.test(err.detail ?? "")
  );
}


/***/ }),

/***/ 9719:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ul: () => (/* binding */ GPU_OPTIONS),
/* harmony export */   eB: () => (/* binding */ optionMemoryBytes),
/* harmony export */   zq: () => (/* binding */ resolveGpu)
/* harmony export */ });
/* unused harmony exports GPU_MODELS, editDistance */
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8253);
// Friendli's instance options. The public API has no endpoint that lists them: the ids below are the
// fixed list in the `instanceOptionId` description of Friendli's OpenAPI document.


                            
                                                           
              
                       
                                    
                           
                                                                                             
                
 

const TABLE                                                              = [
  ["A100 80GB", ["ShbPuOs4tfGb", "mrAHuYt7T40o", "JkNob0NMdoF3", "sYH4kHmAcA5P"]],
  ["H100", ["TwD5AqnBSVN0", "zfTutSiLn0Hq", "lfkRz5G48REc", "GUA4qYFmsYz8"]],
  ["H200", ["LnK1wTaKc7WO", "Tu6GjBnfHPe4", "OhTzYtZuomzI", "ahBzWtOuomsI"]],
  ["B200", ["8GiQTLKfJNOr", "brTZGIuYgVrs", "AFoZMFXZnAdD", "drbc6G9FxJWZ"]],
];
const COUNTS = [1, 2, 4, 8]         ;

const GPU_OPTIONS                       = TABLE.flatMap(([gpu, ids]) =>
  COUNTS.map((count, i) => ({ gpu, count, instanceOptionId: ids[i] ?? "", label: `${count}x ${gpu}` })),
);

const GPU_MODELS                    = TABLE.map(([gpu]) => gpu);

/**
 * Memory of one GPU of each model, in GB (10^9 bytes) as NVIDIA states it: what the pre-flight
 * weighs a model's weights against. The B200 is the 180 GB part Friendli offers.
 */
const GPU_MEMORY_GB                                   = { "A100 80GB": 80, H100: 80, H200: 141, B200: 180 };

/** Total GPU memory of an option in bytes, or undefined for an id that is not in the table. */
function optionMemoryBytes(instanceOptionId        )                     {
  const option = GPU_OPTIONS.find((o) => o.instanceOptionId === instanceOptionId);
  const perGpu = option ? GPU_MEMORY_GB[option.gpu] : undefined;
  return option && perGpu !== undefined ? perGpu * 1e9 * option.count : undefined;
}

/** "A100 80GB" -> "a10080gb": the form friendly input is compared in. */
const squash = (s        ) => s.toLowerCase().replace(/[\s_-]+/g, "");

/** Every way a person may name a GPU model, squashed, to its table name. */
const MODEL_ALIASES = new Map                ([
  ...GPU_MODELS.map((gpu) => [squash(gpu), gpu]         ),
  // The only A100 on offer is the 80GB one, so "A100" is not ambiguous.
  ["a100", "A100 80GB"],
]);

// Count before ("2x H100") or after ("H100x2"), never both; an optional "NVIDIA " as in the API's
// `gpuType` ("NVIDIA H100"). Whitespace, '-' and '_' are squashed out first, so "1 x h100" works.
const FRIENDLY = /^(?:(\d+)x)?(?:nvidia)?([a-z0-9]+?)(?:x(\d+))?$/;

// Option ids are 12 mixed-case alphanumerics. One that is not in the table is passed through: the
// table is copied from the spec's field description and can lag behind Friendli, and an id that
// does not exist is rejected by the API with a clear 4xx before anything is provisioned.
const RAW_ID = /^(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{12}$/;

/** One choice of `gpu`: the option's id and how a person reads it. */
                                                                      

                                                                                   

function resolveGpu(input        )                {
  const text = input.trim();
  const exact = GPU_OPTIONS.find((o) => o.instanceOptionId === text);
  if (exact) return { ok: true, gpu: { instanceOptionId: exact.instanceOptionId, label: exact.label } };

  const match = FRIENDLY.exec(squash(text));
  const model = match ? MODEL_ALIASES.get(match[2] ?? "") : undefined;
  if (match && model) {
    const [, before, , after] = match;
    if (before !== undefined && after !== undefined)
      return fail(text, `Give the count once, e.g. "${after}x ${model}".`);
    const count = Number(before ?? after ?? "1");
    const option = GPU_OPTIONS.find((o) => o.gpu === model && o.count === count);
    if (option) return { ok: true, gpu: { instanceOptionId: option.instanceOptionId, label: option.label } };
    return fail(text, `${model} comes in ${COUNTS.map((c) => `${c}x`).join(", ")}.`);
  }

  if (RAW_ID.test(text)) return { ok: true, gpu: { instanceOptionId: text, label: text } };

  const closest = suggest(match?.[2] ?? squash(text));
  const count = match?.[1] ?? match?.[3] ?? "1";
  return fail(text, closest ? `Did you mean "${count}x ${closest}"?` : undefined);
}

function fail(input        , hint                    )                {
  const valid = GPU_MODELS.map((gpu) => `${COUNTS.map((c) => `${c}x`).join("/")} ${gpu}`).join(", ");
  // Always quoted, unlike inputs.ts's show(): a GPU name often holds spaces ("2x H100").
  const got = JSON.stringify((0,_base_format_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(input));
  return {
    ok: false,
    message:
      `\`gpu\` is not a known instance option (got ${got}).${hint ? ` ${hint}` : ""} ` +
      `Valid: ${valid} (e.g. "1x H100", "H100", "2x A100", "4xH200"), or a raw instance option id such as TwD5AqnBSVN0.`,
  };
}

/** The GPU model closest to what was typed, when it is close enough to be a typo. */
function suggest(typed        )                     {
  let best                                               ;
  for (const [alias, gpu] of MODEL_ALIASES) {
    const distance = editDistance(typed, alias);
    if (!best || distance < best.distance) best = { gpu, distance };
  }
  // "h1000" or "b20" are typos; "t4" or "rtx4090" are other GPUs, where a guess would mislead.
  return best && best.distance <= Math.max(1, Math.floor(typed.length / 2)) ? best.gpu : undefined;
}

/** Levenshtein distance: 11 lines here rather than a dependency (none of the chosen libraries has one). */
function editDistance(a        , b        )         {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}


/***/ }),

/***/ 8523:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ createHttp)
});

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./build/base/backoff.js
var backoff = __webpack_require__(3972);
// EXTERNAL MODULE: ./build/base/clock.js
var clock = __webpack_require__(2030);
// EXTERNAL MODULE: ./build/base/format.js
var format = __webpack_require__(8253);
// EXTERNAL MODULE: ./build/base/redact.js
var redact = __webpack_require__(8839);
// EXTERNAL MODULE: ./build/base/timing.js
var timing = __webpack_require__(2892);
// EXTERNAL MODULE: ./build/friendli/error-body.js
var error_body = __webpack_require__(1649);
// EXTERNAL MODULE: ./build/friendli/errors.js
var errors = __webpack_require__(3615);
// EXTERNAL MODULE: ./build/friendli/request-policy.js
var request_policy = __webpack_require__(3590);
;// CONCATENATED MODULE: ./build/friendli/response-limits.js
// Bounds on what a response may make the action hold or walk: a hostile or broken server must not
// exhaust the runner's memory with a huge body, nor its stack with JSON nested thousands deep (a
// RangeError there would look like a broken connection and be retried).

/** A response the action will not read (too big or too deep): never retried as a network error. */
class BadResponseError extends Error {
                    name = "BadResponseError";
}

/** Deeper than any answer of the API (about 5 levels); far below what JSON.stringify or zod survives. */
const MAX_JSON_DEPTH = 64;

/**
 * The body's text, read until `limit` bytes; past it the body is destroyed and BadResponseError thrown.
 * `onChunk` sees each decoded piece as it arrives (a streamed answer is timed by it).
 */
async function readCapped(
  body                                                                    ,
  contentLength                               ,
  limit        ,
  onChunk                         ,
)                  {
  const decoder = onChunk ? new TextDecoder() : undefined;
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  const tooLarge = () =>
    new BadResponseError(`the response is larger than ${Math.ceil(limit / 1024)} KiB, this route's limit`);
  if (Number.isFinite(declared) && declared > limit) {
    body.destroy?.();
    throw tooLarge();
  }
  const chunks               = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) {
      body.destroy?.();
      throw tooLarge();
    }
    chunks.push(chunk);
    const piece = decoder?.decode(chunk, { stream: true });
    if (piece) onChunk?.(piece);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Throws for a body whose arrays and objects, read as JSON, nest deeper than MAX_JSON_DEPTH. A
 * linear scan that skips strings: no parse, no recursion; text that is not JSON just counts brackets.
 */
function checkDepth(text        )       {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH)
        throw new BadResponseError(`the body is nested more than ${MAX_JSON_DEPTH} levels deep`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

// EXTERNAL MODULE: ./build/friendli/retry.js
var retry = __webpack_require__(9120);
;// CONCATENATED MODULE: ./build/friendli/http.js
// The one HTTP layer: every Friendli request goes through send(), which applies the run's abort
// signal and a per-request timeout and retries only what is safe to repeat (./retry.ts).




                                             








                              
                                                           
                  
                
                  
                                                                               
                          
               
                                                                                     
                      
                                                                     
                     
                            
                       
              
     
                                                                                                 
                                                                                             
     
                                                                    
                     
                                                                                        
                                                  
 

                                                 
                                            
                                                      
                 
                       
                                                                                
                        
                                                                                      
                                   
                                                                                                     
                   
 

/** For routes that set none: far above any answer of the Dedicated Endpoint API but the listing. */
const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

                       
                                                             
                                                                                            
                         
                           
                                                                                  
                                      
 

/** The options with their defaults filled in, and what every request shares. */
                         
                                                                                                     
                                    
                      
                                 
    

function createHttp(opts             )       {
  const secrets = [opts.token];
  const c       = {
    ...opts,
    headers: (0,request_policy/* baseHeaders */.u3)(opts.token, opts.teamId, opts.userAgent),
    baseUrl: (0,request_policy/* checkBaseUrl */.xd)(opts.baseUrl),
    dispatcher: opts.dispatcher ?? (0,request_policy/* createDefaultDispatcher */.hT)(),
    requestTimeoutMs: opts.requestTimeoutMs ?? timing/* REQUEST_TIMEOUT_MS */.j2,
    maxAttempts: opts.maxAttempts ?? timing/* MAX_REQUEST_ATTEMPTS */.sS,
    requestTimer: opts.requestTimer ?? clock/* systemClock */.m.sleep,
    secrets,
    clean: (s) => (0,redact/* redact */.E$)(s, secrets),
  };
  return {
    send: (op) => send(c, op),
    baseUrl: c.baseUrl,
    secrets,
    close: async () => {
      if (opts.dispatcher === undefined) await c.dispatcher.close();
    },
  };
}

/** One request, bounded by its own timeout; every failure becomes an ApiError. Never retries. */
async function attemptOnce   (c      , op           )                           {
  const { clock, signal } = c;
  const timeoutMs = Math.max(1, Math.min(c.requestTimeoutMs, c.deadlineMs - clock.now()));
  const requestCtl = new AbortController();
  const timerCtl = new AbortController();
  const abortIn = (ms        , reason               ) =>
    c.requestTimer(ms, timerCtl.signal).then(
      () => requestCtl.abort(reason()),
      () => {},
    );
  let phase               = "request";
  try {
    const url = (0,request_policy/* urlFor */.dk)(c.baseUrl, op.path, op.query);
    const body = op.body === undefined ? undefined : JSON.stringify(op.body);
    abortIn(timeoutMs, () => new retry/* RequestTimeoutError */.DH(timeoutMs));
    // With a grace, the run's signal aborts the request only that long after it fired.
    const { graceMs } = op;
    if (graceMs !== undefined) {
      const graced = () => abortIn(graceMs, () => signal.reason);
      signal.addEventListener("abort", graced, { once: true, signal: timerCtl.signal });
    }
    const res = await (0,undici/* request */.Em)(url, {
      method: op.method,
      headers: body === undefined ? c.headers : { ...c.headers, "Content-Type": "application/json" },
      body,
      signal: graceMs === undefined ? AbortSignal.any([signal, requestCtl.signal]) : requestCtl.signal,
      dispatcher: c.dispatcher,
    });
    phase = "body";
    const limit = op.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const text = await readCapped(res.body, res.headers["content-length"], limit, op.onChunk);
    checkDepth(text);
    const reply = { url, status: res.statusCode, headers: res.headers, text };
    return (0,error_body/* interpretResponse */.xO)(op, reply, { nowMs: clock.now(), clean: c.clean, advise: c.advise });
  } catch (err) {
    if (err instanceof errors/* ApiError */.hD) throw err;
    if (err instanceof BadResponseError) throw badResponse(op, err);
    if (signal.aborted) throw (0,errors/* abortedError */.ip)(op.operation, err);
    throw networkFailure(c, op, err, phase);
  } finally {
    timerCtl.abort();
  }
}

/** A request that got no (complete) response: what happened, in words, and whether to retry. */
function networkFailure(c      , op                 , err         , phase              )           {
  const kind = (0,retry/* classifyNetworkError */.LW)(err, phase);
  const proxyStatus = (0,retry/* proxyTunnelStatus */.zc)(err);
  const host = new URL(c.baseUrl).host;
  const what =
    err instanceof retry/* RequestTimeoutError */.DH
      ? err.message
      : proxyStatus !== undefined
        ? `the proxy refused to connect to ${host} (${proxyStatus}): check HTTPS_PROXY / NO_PROXY${proxyStatus === 407 ? " and the proxy credentials" : ""}`
        : `${phase === "body" ? "the connection broke while reading the response" : "the request failed"}: ${(0,redact/* formatError */.Wk)(err, c.secrets)}`;
  return new errors/* ApiError */.hD({
    // An abort that the run did not ask for is not a cancellation.
    kind: kind === "aborted" ? "ambiguous" : kind,
    operation: op.operation,
    message: c.clean(`${op.operation} failed: ${what} [${op.method} ${op.path}]`),
    cause: err,
  });
}

/** A create may still have been processed; any other route fails at once (retrying gets the same). */
function badResponse(op                 , err                  )           {
  return new errors/* ApiError */.hD({
    kind: op.retry === "create" ? "ambiguous" : "permanent",
    operation: op.operation,
    message: `${op.operation} failed: a bad response from the server: ${err.message} [${op.method} ${op.path}]`,
    cause: err,
  });
}

function reasonOf(e          )         {
  if (e.status !== undefined) return String(e.status);
  if (e.cause instanceof retry/* RequestTimeoutError */.DH) return "a timeout";
  return (0,retry/* errorCode */.CA)(e.cause) ?? "a network error";
}

/** No attempt can start: the deadline passed, or the wait before the next would end after it. */
function deadlineError(operation        , when                   , last                      )           {
  if (when === "wait" && last) {
    const why = "not retrying: the next attempt could not start before the run's deadline";
    return new errors/* ApiError */.hD({ ...last, kind: "deadline", message: `${last.message}; ${why}`, cause: last });
  }
  return new errors/* ApiError */.hD({
    kind: "deadline",
    operation,
    status: last?.status,
    message: `${operation}: the run's deadline passed${last ? `; last error: ${last.message}` : ""}`,
    cause: last,
  });
}

/** Attempts until one succeeds, a failure may not be retried, or the deadline comes. */
async function send   (c      , op           )                           {
  const max = Math.max(1, op.maxAttempts ?? c.maxAttempts);
  let last                      ;
  // Attempts that used up the budget. A throttled answer does not: the server said when to come
  // back, so the run's deadline alone bounds those (endless 429s end as timed-out, not as a failure
  // after four tries). maxAttempts 1 still means one request: the waiter spaces its own retries.
  let counted = 0;
  let throttled = false;
  return (0,backoff/* retryLoop */.rU)({
    clock: c.clock,
    signal: c.signal,
    deadlineMs: c.deadlineMs,
    attempt: () => attemptOnce(c, op),
    failed: (e, attempt) => {
      if (!(e instanceof errors/* ApiError */.hD)) throw e; // attemptOnce throws nothing else
      last = e;
      if (e.kind === "aborted" || e.kind === "permanent" || e.kind === "deadline") throw e;
      throttled = e.kind === "throttled" && max > 1;
      if (!throttled) counted++;
      if ((0,retry/* shouldRetry */.Sc)(e.kind, op.retry, counted, max)) return { retryAfterMs: e.retryAfterMs };
      if (attempt === 1) throw e;
      throw new errors/* ApiError */.hD({
        ...e,
        message: `${e.message} (gave up after ${attempt} attempts)`,
        cause: e.cause,
      });
    },
    outOfTime: (when) => {
      throw deadlineError(op.operation, when, last);
    },
    aborted: (reason) => {
      throw (0,errors/* abortedError */.ip)(op.operation, reason);
    },
    waiting: (attempt, delay) => {
      if (!last) return;
      // "2/4" would promise a give-up that throttled retries do not have.
      const next = throttled ? `${attempt + 1}` : `${attempt + 1}/${max}`;
      const wait = (0,format/* formatDuration */.a3)(delay, { tenths: true });
      c.log.info(`${op.operation}: attempt ${next} after ${reasonOf(last)}, waiting ${wait}`);
      c.log.debug(`${op.operation}: attempt ${attempt} failed (${last.kind}): ${last.message}`);
    },
  });
}


/***/ }),

/***/ 3590:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dk: () => (/* binding */ urlFor),
/* harmony export */   h5: () => (/* binding */ isAllowedBaseUrl),
/* harmony export */   hT: () => (/* binding */ createDefaultDispatcher),
/* harmony export */   p0: () => (/* binding */ pathFor),
/* harmony export */   pC: () => (/* binding */ isHeaderSafe),
/* harmony export */   u3: () => (/* binding */ baseHeaders),
/* harmony export */   xd: () => (/* binding */ checkBaseUrl)
/* harmony export */ });
/* unused harmony export isLoopbackHost */
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var _base_timing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2892);
// What every Friendli request looks like before it is sent: where it may go (https, or http on a
// loopback host), how a path is built from ids, which headers it carries, and the dispatcher that
// honours the runner's proxy settings. Pure, apart from building the dispatcher.




// The build writes package.json's version in place of "dev" (scripts/build.ts).
const USER_AGENT = "friendli-deploy-action/1.0.0";

/**
 * Honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (any case) as self-hosted runners set them. The
 * timeouts are backstops under our own per-request timeout; the size cap stops a runaway body.
 */
function createDefaultDispatcher()             {
  return new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2({
    connectTimeout: _base_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .CONNECT_TIMEOUT_MS */ .cC,
    headersTimeout: _base_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .HEADERS_TIMEOUT_MS */ .C9,
    bodyTimeout: _base_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .BODY_TIMEOUT_MS */ .CB,
    maxResponseSize: 16 * 1024 * 1024,
  });
}

function isLoopbackHost(hostname        )          {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Joins encoded path segments: pathFor("/dedicated/beta/endpoint", id, "status"). */
function pathFor(base        , ...segments          )         {
  for (const s of segments) {
    // "." and ".." survive encodeURIComponent and URL parsing would resolve them.
    if (s === "" || s === "." || s === "..") throw new Error(`invalid path segment ${JSON.stringify(s)}`);
  }
  return [base, ...segments.map(encodeURIComponent)].join("/");
}

/** https anywhere; plain http only to this machine (local runs and tests). */
function isAllowedBaseUrl(url     )          {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
}

/** Visible ASCII only: what an HTTP header can carry without Node quoting the value in an error. */
function isHeaderSafe(value        )          {
  return /^[\x21-\x7e]+$/.test(value);
}

/** The base URL without a trailing slash; throws when it may not carry the token. */
function checkBaseUrl(baseUrl        )         {
  let url     ;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error("api-url is not a valid URL");
  }
  if (!isAllowedBaseUrl(url)) {
    throw new Error("api-url must use https (plain http is allowed only for localhost/127.0.0.1/[::1])");
  }
  return url.href.replace(/\/+$/, "");
}

/** The headers of every request. Node's own header validation error would quote the whole value. */
function baseHeaders(token        , teamId                    , userAgent = USER_AGENT) {
  if (!isHeaderSafe(token)) {
    throw new Error("friendli-token must be visible ASCII without spaces or control characters");
  }
  if (teamId !== undefined && !isHeaderSafe(teamId)) {
    throw new Error("team-id must be visible ASCII without spaces or control characters");
  }
  return {
    Authorization: `Bearer ${token}`,
    Accept: "application/json",
    "User-Agent": userAgent,
    ...(teamId ? { "X-Friendli-Team": teamId } : {}),
  };
}

/** The full URL of a path and its query; unset query values are left out. */
function urlFor(
  baseUrl        ,
  path        ,
  query                                              ,
)      {
  const url = new URL(baseUrl + path);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined) url.searchParams.set(k, String(v));
  }
  return url;
}


/***/ }),

/***/ 9120:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   DH: () => (/* binding */ RequestTimeoutError),
/* harmony export */   IJ: () => (/* binding */ classifyResponse),
/* harmony export */   LW: () => (/* binding */ classifyNetworkError),
/* harmony export */   Sc: () => (/* binding */ shouldRetry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   zc: () => (/* binding */ proxyTunnelStatus)
/* harmony export */ });
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8253);
// Pure retry decisions: what a failure means, whether to try again, what Retry-After says (the wait
// itself is ../base/backoff.ts), each rule a row in a table test.
//
// Our own loop (./http.ts), not undici's RetryAgent: our waits go through the injected clock (tests
// run on virtual time), no attempt starts past the run's deadline, every retry writes its log line,
// and what failed (not sent, throttled, ambiguous: ./errors.ts), not the status alone, decides.

                                               

/** The failure kinds each policy retries: a create only what the server certainly did not process. */
const RETRIED = {
  idempotent: ["not-sent", "throttled", "ambiguous"],
  create: ["not-sent", "throttled"],
  never: [],
}                                                          ;
                                               

/** Where a transport error happened: before the response headers, or in the body (the server saw it). */
                                              

/** The abort reason of our own per-request timeout: retryable, unlike the run's cancellation. */
class RequestTimeoutError extends Error {
                    name = "RequestTimeoutError";
           code = "FRIENDLI_REQUEST_TIMEOUT";
           timeoutMs        ;
  constructor(timeoutMs        ) {
    super(`no complete response within ${(0,_base_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(timeoutMs, { tenths: true })}`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * What an HTTP status means for the request. `policy` "create" makes every 503 ambiguous: a gateway
 * may answer 503 with Retry-After after the backend has acted, and a duplicate endpoint costs more
 * than one lookup. Only a 429 proves a create was not processed.
 */
function classifyResponse(
  status        ,
  hasRetryAfter         ,
  policy              = "idempotent",
)                     {
  if (status >= 200 && status < 300) return "ok";
  if (status === 429) return "throttled";
  if (status === 503) return hasRetryAfter && policy !== "create" ? "throttled" : "ambiguous";
  // RFC 9110: 408 means the server gave up before it had the whole request, so it did not act on it.
  if (status === 408) return "not-sent";
  if (status >= 500) return "ambiguous";
  // 1xx never reaches us; 3xx is refused (never follow a redirect with the token); 4xx is final.
  return "permanent";
}

// A connection was never established: the server cannot have seen the request.
const NOT_SENT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_PRX_CONN",
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
]);

// The request may have been written before the connection broke or the response stalled.
const AMBIGUOUS_CODES = new Set([
  "UND_ERR_SOCKET",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
  "UND_ERR_CLOSED",
  "UND_ERR_DESTROYED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "FRIENDLI_REQUEST_TIMEOUT",
]);

// Retrying cannot fix a certificate the runner does not trust; the message says what to do.
const TLS_CODES = new Set([
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** The first error code found on the error, its cause chain, or an AggregateError's members. */
function errorCode(err         )                     {
  const seen = new Set         ();
  const queue            = [err];
  while (queue.length > 0) {
    const e = queue.shift();
    if (e === null || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const code = (e                      ).code;
    if (typeof code === "string" && code !== "UND_ERR" && code !== "UND_ERR_REQ_RETRY") return code;
    queue.push((e                       ).cause);
    const members = (e                        ).errors;
    if (Array.isArray(members)) queue.push(...members);
  }
  return undefined;
}

function isAbortError(err         )          {
  if (err === null || typeof err !== "object") return false;
  const { name, code } = err                                      ;
  return name === "AbortError" || code === "ABORT_ERR" || code === "UND_ERR_ABORTED";
}

/**
 * undici reports a proxy that refuses the CONNECT tunnel as an AbortError ("Proxy response (403)
 * !== 200 when HTTP Tunneling"): the request never reached the API, and it is no cancellation.
 */
function proxyTunnelStatus(err         )                     {
  const message = err instanceof Error ? err.message : undefined;
  const m = message ? /^Proxy response \((\d{3})\)/.exec(message) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Sorts a transport error (no HTTP response) into a failure kind. The HTTP layer checks the run's
 * signal first; an AbortError that reaches here is a cancellation, never retried.
 */
function classifyNetworkError(err         , phase              )              {
  if (err instanceof RequestTimeoutError) return "ambiguous";
  const proxyStatus = proxyTunnelStatus(err);
  if (proxyStatus !== undefined) return proxyStatus === 407 ? "permanent" : "not-sent";
  if (isAbortError(err)) return "aborted";
  const code = errorCode(err);
  if (code !== undefined && TLS_CODES.has(code)) return "permanent";
  // Once headers arrived the server has acted on the request, whatever broke afterwards.
  if (phase === "body") return "ambiguous";
  if (code !== undefined && NOT_SENT_CODES.has(code)) return "not-sent";
  if (code !== undefined && AMBIGUOUS_CODES.has(code)) return "ambiguous";
  // Unknown failures count as ambiguous too: a GET retries, a create looks the name up first.
  return "ambiguous";
}

/**
 * Retry-After as delta-seconds or an HTTP-date, in ms from nowMs. A date in the past means "now"
 * (0). Garbage, negative numbers and dates that do not look like HTTP-dates give undefined, so
 * the caller falls back to backoff.
 */
function parseRetryAfter(value                    , nowMs        )                     {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === "") return undefined;
  // Fractions are not in RFC 9110 but some servers send them; they are harmless to honour.
  if (/^\d+(\.\d+)?$/.test(v)) {
    const ms = Math.ceil(Number(v) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  // Date.parse accepts almost anything ("1", "-5" are years), so require a time and a weekday or
  // month name, as all three HTTP-date forms (IMF-fixdate, RFC 850, asctime) have.
  if (!/[A-Za-z]{3}/.test(v) || !/\d{1,2}:\d{2}:\d{2}/.test(v)) return undefined;
  // HTTP-dates are always GMT; asctime omits the zone and Date.parse would read it as local time.
  const at = Date.parse(/\b(GMT|UTC)\b|Z$|[+-]\d{4}$/.test(v) ? v : `${v} GMT`);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** `attempt` counts the attempts that used up the budget (the HTTP layer does not count throttled ones). */
function shouldRetry(kind             , policy             , attempt        , max        )          {
  const retried                         = RETRIED[policy];
  return attempt < max && retried.includes(kind);
}


/***/ }),

/***/ 4214:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DI: () => (/* binding */ QUEUE_BACKPRESSURE_METRICS),
/* harmony export */   Le: () => (/* binding */ EndpointListSchema),
/* harmony export */   Qr: () => (/* binding */ EndpointSpecSchema),
/* harmony export */   _2: () => (/* binding */ CostResponseSchema),
/* harmony export */   c5: () => (/* binding */ UPPER_WORD),
/* harmony export */   ct: () => (/* binding */ ENDPOINT_ID),
/* harmony export */   dG: () => (/* binding */ EndpointStatusSchema),
/* harmony export */   zq: () => (/* binding */ MAX_REPLICAS)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8532);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3305);
/* harmony import */ var zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);
// Response shapes of Friendli's Dedicated Endpoint API, as its OpenAPI document describes them.
// Lenient on purpose, so a small drift in the live API does not fail a deploy: unknown fields pass,
// status strings are no enum (the waiter decides what a new one means), and required fields the
// action can live without are optional. zod/mini (see src/inputs/inputs.ts) loads no messages:
// English ones are configured here, so a body that fails a schema is described in words.



zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W((0,zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)());

const nullableString = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP());

// Fields that become step outputs, log lines and request paths are checked by shape: a value with
// line breaks, `::` or `${{` from a hostile or broken API fails here, as an unexpected body.
/** An endpoint id: a short token of letters, digits, '_', '-' and '.' (not only dots). */
const ENDPOINT_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;
/** A status, phase or error code: one upper-case word (`INITIALIZING`, `WORKLOAD_INIT_ERROR`). */
const UPPER_WORD = /^[A-Z][A-Z0-9_]{0,79}$/;
/** A timestamp as the API gives it (ISO 8601): digits, letters for T/Z, and `:.+-` or a space. */
const TIMESTAMP = /^[0-9A-Za-z:.+ -]{1,40}$/;

const upperWord = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ._regex */ .Fk(UPPER_WORD, "must be a single upper-case word"));
// The create response's id, should the API ever send one: empty means none (see client.ts).
const createdId = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ._regex */ .Fk(new RegExp(`^$|${ENDPOINT_ID.source}`), "must be a short id"));
const timestamp = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ._regex */ .Fk(TIMESTAMP, "must be a timestamp")));

const EndpointStatusSchema = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
  status: upperWord,
  createdAt: timestamp,
  updatedAt: timestamp,
  phase: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(upperWord),
  errorCode: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(upperWord),
  // Not in the spec: used if the live API ever answers create with an id (it documents none).
  id: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .optional */ .lqM(createdId),
  endpointId: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .optional */ .lqM(createdId),
});
                                                                  

const EndpointSpecSchema = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
  name: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  projectId: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  gpuType: nullableString,
  numGpu: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()),
  teamId: nullableString,
  instanceId: nullableString,
  autoscalingMin: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()),
  autoscalingMax: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()),
  autoscalingCooldown: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()),
});
                                                              

/**
 * The listing's map of ids to statuses, as [id, status] pairs. Not a zod record: that copies into a
 * plain object, where an id `__proto__` sets the prototype and the endpoint vanishes from the list.
 * JSON.parse makes every key an own property, so the parsed object's entries are all there.
 */
const EndpointEntries = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .pipe */ .FsL(
  zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .custom */ .IeY                         ((v) => v !== null && typeof v === "object" && !Array.isArray(v), {
    message: "must be an object of endpoint ids",
  }),
  zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .transform */ .pdi((data, ctx) => {
    const out                                  = [];
    for (const [id, value] of Object.entries(data)) {
      const parsed = EndpointStatusSchema.safeParse(value);
      if (!ENDPOINT_ID.test(id) || !parsed.success) {
        const first = parsed.success ? undefined : parsed.error.issues[0];
        const what = first
          ? `an entry's ${first.path.join(".") || "value"} ${first.message}`
          : "an entry's id is not a short id of letters, digits, '_', '-', '.'";
        ctx.issues.push({ code: "custom", message: what, input: id });
        return zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .NEVER */ .tm;
      }
      out.push([id, parsed.data]);
    }
    return out;
  }),
);

const EndpointListSchema = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
  data: EndpointEntries,
  nextCursor: nullableString,
});

/**
 * The team cost report (`GET /v1/team/cost`) as the OpenAPI document's schema defines it, not as
 * its 200 example shows it (that nests a second `data`, which the schema does not allow). Each
 * result is checked on its own (../cost/report.ts), so one bad line item is ignored, not the report.
 */
const CostResponseSchema = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
  has_more: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
  next_page: nullableString,
  data: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(
    zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({ start_time: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), end_time: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), results: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J()) }),
  ),
});
                                                              
                                                      

/** AutoscalingPolicy's `maxReplica` maximum; `minReplica` is 0 or more, both integers. */
const MAX_REPLICAS = 10;

/** Request body of POST /dedicated/beta/endpoint (DedicatedEndpointCreateBody). */
                                     
                    
               
                           
                      
                               
                                                                                                     
                                                                                         
                                     
                           
                                 
 

/** EndpointAdvancedConfig: the one object whose keys are snake_case. */
                          
                                         
                                        
                          
                           
                            
                              
                                   
                            
                                                           
                                               
 

/** QueueBackpressureMetricKind: what the engine's request queue measures its backpressure by. */
const QUEUE_BACKPRESSURE_METRICS = [
  "TPOT_MS",
  "TTFT_MS",
  "REQUEST_COUNT",
  "WORKSPACE_UTILIZATION",
  "QUEUED_PREFILL_TOKENS",
]         ;
                                                                           

/** Request body of PUT /dedicated/beta/endpoint/{id} (DedicatedEndpointUpdateBody): all optional. */
                                                                                                             
                             
  


/***/ }),

/***/ 9009:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext),
/* harmony export */   c: () => (/* binding */ dependabotSkipReason)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3305);
// What the action needs of the GitHub run, read from the runner's env and event payload
// (GITHUB_EVENT_PATH) without loading @actions/github, which costs startup time.

// zod/mini rather than zod: see src/inputs/inputs.ts.


                             
                    
                     
                     
              
                    
                
                 
                   
                                                                                                  
                    
     
                                                                                    
                                                                                          
     
                    
                 
                   
                                                                                     
                      
                    
                                                   
                   
    
 

/** The login GitHub documents for Dependabot's runs (`github.actor == 'dependabot[bot]'`). */
const DEPENDABOT_LOGIN = "dependabot[bot]";

// Only the fields the action reads; everything else in GitHub's payload passes through unchecked.
const repoRef = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ full_name: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() });
const PullRequestEventSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
  action: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
  pull_request: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    number: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().check(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ._positive */ .NC()),
    user: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ login: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() })),
    // A fork that was deleted after the PR was opened has `head.repo: null`.
    head: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ sha: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), repo: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullish */ .cl6(repoRef) }),
    base: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ repo: repoRef }),
  }),
});

function readRunContext(
  env                    = process.env,
  readFile = (p        ) => node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync(p, "utf8"),
)             {
  const {
    GITHUB_EVENT_NAME: eventName = "",
    GITHUB_REPOSITORY: repository = "",
    GITHUB_RUN_ID: runId = "",
  } = env;
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const event = /^pull_request(_target)?$/.test(eventName)
    ? readEvent(env.GITHUB_EVENT_PATH, readFile)
    : undefined;
  const pr = event?.pull_request;
  const head = pr?.head.repo?.full_name;
  // GitHub's rule: a run whose actor is Dependabot gets Dependabot secrets instead of Actions
  // secrets (and keeps that actor when someone re-runs it); under `pull_request_target` a PR that
  // Dependabot opened gets no secrets at all, whoever the actor is.
  const dependabot =
    env.GITHUB_ACTOR === DEPENDABOT_LOGIN ||
    (eventName === "pull_request_target" && pr?.user?.login === DEPENDABOT_LOGIN);
  return {
    eventName,
    repository,
    sha: env.GITHUB_SHA ?? "",
    serverUrl,
    runId,
    // Empty rather than a broken link when run outside Actions (local runs, tests).
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : "",
    workflow: env.GITHUB_WORKFLOW ?? "",
    actionRef: env.GITHUB_ACTION_REF ?? "",
    dependabot: dependabot || undefined,
    pullRequest: pr && {
      number: pr.number,
      // Compared case-insensitively: GitHub repository names are case-insensitive.
      fromFork: head === undefined || head.toLowerCase() !== pr.base.repo.full_name.toLowerCase(),
      headSha: pr.head.sha,
      action: event.action ?? "",
    },
  };
}

/** Why an empty token on a Dependabot run is skipped, and how to give Dependabot the token. */
function dependabotSkipReason(eventName        )         {
  const base =
    "`friendli-token` is empty because Dependabot started this run, and GitHub gives Dependabot's runs no Actions secrets: nothing was deployed.";
  if (eventName === "pull_request_target")
    return `${base} Under \`pull_request_target\` a Dependabot pull request gets no secrets at all; deploy it from a \`pull_request\` workflow with a Dependabot secret, or run the workflow manually.`;
  return `${base} To deploy Dependabot's pull requests too, add the same token as a Dependabot secret (Settings → Secrets and variables → Dependabot → New repository secret, named like the Actions secret, e.g. FRIENDLI_TOKEN).`;
}

// A missing or unreadable payload means "no PR info", not a crash: the inputs then ask for `name`.
function readEvent(path                    , readFile                       ) {
  try {
    return path ? PullRequestEventSchema.safeParse(JSON.parse(readFile(path))).data : undefined;
  } catch {
    return undefined;
  }
}


/***/ }),

/***/ 4347:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $E: () => (/* binding */ usdAmount),
/* harmony export */   CC: () => (/* binding */ hfModelRepo),
/* harmony export */   Hq: () => (/* binding */ MAX_INT),
/* harmony export */   Ly: () => (/* binding */ positiveNumber),
/* harmony export */   Sc: () => (/* binding */ DEFAULT_HUB_URL),
/* harmony export */   TH: () => (/* binding */ isUnexpandedExpression),
/* harmony export */   a5: () => (/* binding */ gpus),
/* harmony export */   cA: () => (/* binding */ environment),
/* harmony export */   id: () => (/* binding */ id),
/* harmony export */   nd: () => (/* binding */ integer),
/* harmony export */   p0: () => (/* binding */ duration),
/* harmony export */   pc: () => (/* binding */ baseUrl),
/* harmony export */   rJ: () => (/* binding */ secret),
/* harmony export */   yE: () => (/* binding */ MIN_GPU_HOURLY_PRICE),
/* harmony export */   yL: () => (/* binding */ oneOf),
/* harmony export */   z5: () => (/* binding */ hfModelRevision),
/* harmony export */   zM: () => (/* binding */ boolean),
/* harmony export */   zY: () => (/* binding */ endpointName)
/* harmony export */ });
/* unused harmony export parseDuration */
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8532);
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8253);
/* harmony import */ var _base_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8839);
/* harmony import */ var _friendli_gpus_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9719);
/* harmony import */ var _friendli_request_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3590);
// One parser per kind of input value, each turning a problem into a message that names the input
// and what to write instead. The schema in ./inputs.ts puts them together.


                                                  




const DEFAULT_HUB_URL = "https://huggingface.co";
const MAX_ID_LENGTH = 200;
/** The API's integers are most likely 32-bit: a larger value could only come back as a 422. */
const MAX_INT = 2_147_483_647;

const HF_URL =
  /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/(?:models\/)?([^/?#\s]+)\/([^/?#\s]+)/i;

/** `got` for a message: bare when it reads unambiguously, else quoted and escaped; always short. */
function show(value        )         {
  const short = (0,_base_format_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(value);
  return /^[\x21-\x7e]+$/.test(short) && !short.includes('"') ? short : JSON.stringify(short);
}

/**
 * A value that is one `${{ ... }}` expression, left as text: @github/local-action copies action.yml's
 * defaults verbatim (`github-token: ${{ github.token }}`), where the runner would have expanded them.
 * It carries no meaning, so it reads as not given rather than failing a run that may never use it.
 */
function isUnexpandedExpression(value        )          {
  return /^\$\{\{[\s\S]*\}\}$/.test(value.trim());
}

/** A field from a plain function: a `{ problem }` becomes an issue on this input. */
function field   (parse                                            ) {
  return zod_mini__WEBPACK_IMPORTED_MODULE_4__/* .pipe */ .FsL(
    zod_mini__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
    zod_mini__WEBPACK_IMPORTED_MODULE_4__/* .transform */ .pdi((value        , ctx) => {
      const out = parse(value);
      if (typeof out !== "object" || out === null || !("problem" in out)) return out     ;
      // zod/mini's transforms have no ctx.addIssue(): the issue it would record.
      ctx.issues.push({ code: "custom", message: out.problem, input: value });
      return zod_mini__WEBPACK_IMPORTED_MODULE_5__/* .NEVER */ .tm;
    }),
  );
}

function integer(input           , min        , max        ) {
  const any = min === 0 ? "a whole number, 0 or more" : "a positive integer";
  const rule = max === MAX_INT ? any : `an integer from ${min} to ${max}`;
  return field((value) => {
    const n = /^(0|[1-9][0-9]*)$/.test(value) ? Number(value) : Number.NaN;
    return n >= min && n <= max ? n : { problem: `\`${input}\` must be ${rule} (got ${show(value)})` };
  });
}

/** A number more than 0, whole or decimal (`0.8`, `250`). */
function positiveNumber(input           ) {
  return field((value) => {
    const n = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(value) ? Number(value) : Number.NaN;
    return n > 0
      ? n
      : { problem: `\`${input}\` must be a number more than 0, e.g. 0.8 or 250 (got ${show(value)})` };
  });
}

// Not z.stringbool: its issue is marked non-continuable, which skips the cross-input check and would
// hide every problem found there until this one is fixed.
function boolean(input           ) {
  return field((value) => {
    if (value === "true" || value === "True" || value === "TRUE") return true;
    if (value === "false" || value === "False" || value === "FALSE") return false;
    return { problem: `\`${input}\` must be true or false (got ${show(value)})` };
  });
}

function oneOf                                                (input           , values   ) {
  return zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(values, {
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
function id(input           ) {
  return field((value) => {
    if (value.length > MAX_ID_LENGTH)
      return {
        problem: `\`${input}\` is too long for an id (${value.length} characters, at most ${MAX_ID_LENGTH})`,
      };
    if (!(0,_friendli_request_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .isHeaderSafe */ .pC)(value))
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
 * A token sent in a header, never echoed nor its length. Given `kind`, a value too short for the
 * redactor to find in its encoded forms without masking ordinary words is refused.
 */
function secret(input           , kind         ) {
  return field((value) => {
    if (!(0,_friendli_request_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .isHeaderSafe */ .pC)(value))
      return {
        problem: `\`${input}\` contains spaces, a line break or other characters that cannot be sent in an HTTP header: check the secret's value`,
      };
    if (kind && value.length < _base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_REDACTABLE_TOKEN_LENGTH */ .Av)
      return {
        problem: `\`${input}\` is shorter than ${_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_REDACTABLE_TOKEN_LENGTH */ .Av} characters, too short to be ${kind} or to keep out of logs safely: check the secret's value`,
      };
    return value;
  });
}

/** Text of at most `max` characters (code points) without what `refused` matches. */
function text(input           , max        , refused        , what        ) {
  return field((value) => {
    const length = [...value].length;
    if (length > max) return { problem: `\`${input}\` must be at most ${max} characters (got ${length})` };
    if (refused.test(value)) return { problem: `\`${input}\` must not contain ${what} (got ${show(value)})` };
    return value;
  });
}

// Endpoint names (and `name-prefix`, the start of one): Friendli publishes no rule, so only what is
// surely wrong is refused: whitespace, control and invisible format characters, and '/', which would
// read as a path. 100 characters is a sanity bound, not the API's rule.
const endpointName = (input           ) =>
  text(input, 100, /[\s\p{Cc}\p{Cf}/]/u, "whitespace, control characters or '/'");

// GitHub accepts most characters in an environment name, up to 255; a control character is a mistake
// in the workflow, and the name reaches the log and the summary.
const environment = (input           ) => text(input, 255, /[\p{Cc}\p{Cf}]/u, "control characters");

const hfModelRepo = field((value) => {
  const url = HF_URL.exec(value);
  if (url)
    return {
      problem: `\`hf-model-repo\` must be the model id, not a URL: use org/name, e.g. ${url[1]}/${url[2]} (got ${show(value)})`,
    };
  const parts = value.split("/");
  const problem = (why        ) => ({
    problem: `\`hf-model-repo\` must be a Hugging Face model id org/name (got ${show(value)}): ${why}`,
  });
  if (parts.length !== 2) return problem("use org/name, e.g. meta-llama/Llama-3.1-8B-Instruct");
  for (const part of parts) {
    if (!/^[A-Za-z0-9._-]{1,96}$/.test(part))
      return problem("each part is 1 to 96 of the characters A-Z, a-z, 0-9, '.', '_' and '-'");
    if (/^[-.]|[-.]$/.test(part)) return problem("a part must not start or end with '-' or '.'");
    if (/--|\.\./.test(part)) return problem("a part must not contain '--' or '..'");
  }
  if (/\.git$/i.test(value)) return problem("drop the trailing .git");
  return value;
});

const hfModelRevision = field((value) => {
  if (/^[0-9a-f]{40}$/i.test(value)) return value.toLowerCase();
  if (/^[0-9a-f]{4,39}$/i.test(value))
    return {
      problem: `\`hf-model-revision\` looks like a short commit hash: use the full 40-character commit hash (got ${show(value)})`,
    };
  return {
    problem: `\`hf-model-revision\` must be a full 40-character commit hash, not a branch or tag name (got ${show(value)}): copy it from the model's "Files and versions" → "History" on Hugging Face`,
  };
});

/** `gpu`: one instance option, or an ordered, comma-separated list of them, each named once. */
const gpus = field((value) => {
  const choices              = [];
  for (const item of value.split(",")) {
    const resolved = (0,_friendli_gpus_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveGpu */ .zq)(item);
    if (!resolved.ok) return { problem: resolved.message };
    const { label, instanceOptionId } = resolved.gpu;
    if (choices.some((c) => c.instanceOptionId === instanceOptionId))
      return { problem: `\`gpu\` names ${label} twice: list each instance option once (got ${show(value)})` };
    choices.push(resolved.gpu);
  }
  return choices;
});

/** `90s`, `30m`, `1h30m`, `2h`, `1h30m15s` or plain seconds (`600`), in ms. */
function parseDuration(text        )                     {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i.exec(text);
  if (!match || text === "") return undefined;
  const [, h = "0", m = "0", s = "0"] = match;
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
}

/** A duration more than zero, in ms; `examples` say what to write, `limit` why a longer one is refused. */
function duration(input           , examples        , limit                               ) {
  return field((value) => {
    const ms = parseDuration(value);
    if (ms === undefined)
      return { problem: `\`${input}\` must be a duration such as ${examples} (got ${show(value)})` };
    if (ms === 0) return { problem: `\`${input}\` must be more than zero (got ${show(value)})` };
    if (limit && ms > limit.ms)
      return { problem: `\`${input}\` must be at most ${limit.says} (got ${show(value)})` };
    return ms;
  });
}

/**
 * A base URL a token is sent to, `fallback` when not given: https, or http on a loopback host; no
 * credentials, query or fragment.
 */
function baseUrl(input           , fallback        , tokenInput           ) {
  const parse = field((value) => {
    // Userinfo is a credential: never echo it.
    const got = show(value.replace(/\/\/[^/?#]*@/, "//***@"));
    const url = URL.parse(value);
    if (!url) return { problem: `\`${input}\` must be an absolute URL such as ${fallback} (got ${got})` };
    // The HTTP layer's own predicate: a URL accepted here must not be refused when the request is made.
    if (!(0,_friendli_request_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .isAllowedBaseUrl */ .h5)(url))
      return {
        problem: `\`${input}\` must use https (http only for localhost, 127.0.0.0/8 and [::1]) (got ${got})`,
      };
    if (url.username || url.password)
      return {
        problem: `\`${input}\` must not contain credentials: pass the token as \`${tokenInput}\` (got ${got})`,
      };
    if (url.search || url.hash || value.includes("?") || value.includes("#"))
      return { problem: `\`${input}\` must be a base URL without a query or fragment (got ${got})` };
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  });
  return zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._default */ .Rvf(parse, fallback);
}

/** A price or a cap far above any GPU bill is a typo (cents for dollars), not a setting. */
const MAX_USD = 1_000_000;
const USD = /^\$?(0|[1-9][0-9]*)(\.[0-9]{1,4})?$/;

/** A price per GPU-hour below a cent can make an estimate $0.00/h, which no `max-hourly-cost` refuses. */
const MIN_GPU_HOURLY_PRICE = 0.01;

/** US dollars: `5`, `4.25`, `$5.00`; `min` or more, at most four decimals (a negotiated rate may have them). */
function usdAmount(input           , min = 0) {
  return field((value) => {
    const n = USD.test(value) ? Number(value.replace(/^\$/, "")) : Number.NaN;
    if (n >= min && n <= MAX_USD) return n;
    const what =
      n >= 0 && n < min
        ? `at least ${min}: below it an estimate can be $0.00/h, which \`max-hourly-cost\` never refuses`
        : "an amount in US dollars, e.g. 5 or 4.25";
    return { problem: `\`${input}\` must be ${what} (got ${show(value)})` };
  });
}


/***/ }),

/***/ 743:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   ez: () => (/* binding */ ignoredSmokeGates)
/* harmony export */ });
/* unused harmony export DEFAULT_SMOKE_TEST_PROMPT */
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4343);
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8253);
/* harmony import */ var _base_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8612);
/* harmony import */ var _base_timing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2892);
/* harmony import */ var _friendli_schemas_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4214);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9009);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4347);
/* harmony import */ var _preview_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(813);
// The action's inputs: each one's key and name in src/base/names.ts (a test holds action.yml to it), its
// parser and default in FIELDS under the same key (a missing or extra key is a compile error). Each field
// reports its own problem and the cross-input check runs even when fields failed: every problem at once.
// zod/mini, not zod: the bundle keeps only what it uses (classic zod cost ~30 ms of startup and ~6 MiB).









const DEFAULT_SMOKE_TEST_PROMPT = "Say hello in one short sentence.";

const OPERATIONS = ["deploy", "delete", "status", "sweep", "sleep", "wake", "restart"]         ;
                                                    

/** Every input of the action, parsed and validated once, at the boundary. '' inputs are absent. */
                                                 

                         
                                  
                                                                                      
                                    
                                                      
                                                                                

                              
const flag = (input           , fallback         ) => zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zM)(input), fallback);
const count = (input           ) => zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .integer */ .nd)(input, 1, _fields_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_INT */ .Hq));
const SIX_HOURS = { ms: _base_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_WAIT_TIMEOUT_MS */ .ye, says: "6h, the time limit of a GitHub Actions job" };
const wait = (input           , examples        , fallback        ) =>
  zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .duration */ .p0)(input, examples, SIX_HOURS), fallback);

const FIELDS = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
  operation: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOf */ .yL)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.operation, OPERATIONS), "deploy"),
  friendliToken: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .secret */ .rJ)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.friendliToken, "a Personal Access Token (flp_...)"), ""),
  teamId: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__.id)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.teamId)),
  projectId: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__.id)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.projectId), ""),
  name: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .endpointName */ .zY)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.name)),
  endpointId: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__.id)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.endpointId)),
  hfModelRepo: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .hfModelRepo */ .CC),
  hfModelRevision: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .hfModelRevision */ .z5),
  preflight: flag(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.preflight, true),
  // Sent to the Hub only; masked by main.ts before anything runs.
  hfToken: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .secret */ .rJ)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.hfToken, "a Hugging Face token (hf_...)")),
  // Left at its default, HF_ENDPOINT may choose another (see hubUrlFrom).
  hfEndpoint: (0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .baseUrl */ .pc)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.hfEndpoint, _fields_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_HUB_URL */ .Sc, _base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.hfToken),
  gpu: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .gpus */ .a5),
  gpuFallbackAfter: wait(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.gpuFallbackAfter, "10m, 90s or plain seconds", _base_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .GPU_FALLBACK_AFTER_MS */ .id),
  // Defaulted in toInputs, where a fixed `replicas` n is the range [n, n] (1 to maxReplica's most).
  minReplicas: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .integer */ .nd)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.minReplicas, 0, _friendli_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_REPLICAS */ .zq)),
  maxReplicas: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .integer */ .nd)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.maxReplicas, 1, _friendli_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_REPLICAS */ .zq)),
  replicas: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .integer */ .nd)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.replicas, 1, _friendli_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_REPLICAS */ .zq)),
  cooldownSeconds: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .integer */ .nd)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.cooldownSeconds, 0, _fields_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_INT */ .Hq), 300),
  maxBatchSize: count(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.maxBatchSize),
  maxTokenCount: count(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.maxTokenCount),
  maxInputLength: count(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.maxInputLength),
  maxContextLength: count(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.maxContextLength),
  tokenizerSkipSpecialTokens: flag(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.tokenizerSkipSpecialTokens, false),
  tokenizerAddSpecialTokens: flag(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.tokenizerAddSpecialTokens, false),
  enableContentLogging: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zM)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.enableContentLogging)),
  queueTimeoutMs: count(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.queueTimeoutMs),
  queueBackpressureMetric: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOf */ .yL)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.queueBackpressureMetric, _friendli_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .QUEUE_BACKPRESSURE_METRICS */ .DI)),
  queueBackpressureThreshold: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .positiveNumber */ .Ly)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.queueBackpressureThreshold)),
  versionComment: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()),
  ifExists: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOf */ .yL)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ifExists, ["update", "reuse", "fail"]), "update"),
  wait: flag(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.wait, true),
  waitTimeout: wait(
    _base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.waitTimeout,
    "90s, 30m, 1h30m or plain seconds such as 600",
    _base_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_WAIT_TIMEOUT_MS */ .f,
  ),
  deleteOnFailure: flag(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.deleteOnFailure, false),
  prComment: flag(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.prComment, true),
  githubToken: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .secret */ .rJ)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.githubToken), ""),
  githubDeployment: flag(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.githubDeployment, true),
  // As given: environmentName() in ../ledger/ledger.ts derives the default.
  environment: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .environment */ .cA)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.environment)),
  ifUnchanged: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOf */ .yL)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.ifUnchanged, ["skip", "update"]), "skip"),
  rollbackOnFailure: flag(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.rollbackOnFailure, false),
  smokeTest: flag(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.smokeTest, false),
  smokeTestPrompt: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), DEFAULT_SMOKE_TEST_PROMPT),
  smokeTestExpect: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()),
  smokeTestMaxTtftMs: count(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.smokeTestMaxTtftMs),
  apiUrl: (0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .baseUrl */ .pc)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.apiUrl, "https://api.friendli.ai", _base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.friendliToken),
  dryRun: flag(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.dryRun, false),
  // No upper bound: an age is compared with an endpoint's, not waited for.
  maxAge: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .duration */ .p0)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.maxAge, "72h, 90m or plain seconds such as 3600")),
  namePrefix: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .endpointName */ .zY)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.namePrefix)),
  sweepAction: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .oneOf */ .yL)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.sweepAction, ["delete", "sleep"])), // absent: delete
  gpuHourlyPrice: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .usdAmount */ .$E)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.gpuHourlyPrice, _fields_js__WEBPACK_IMPORTED_MODULE_4__/* .MIN_GPU_HOURLY_PRICE */ .yE)),
  maxHourlyCost: zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .optional */ .lqM((0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .usdAmount */ .$E)(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.maxHourlyCost)),
}                                     );

                                      

/** The rules between inputs, which run even when fields failed. */
function crossCheck(v        , check                               , ctx            )       {
  // A field that failed holds no value: cross-input rules look only at fields that parsed.
  const failed = new Set(check.issues.map((issue) => issue.path?.[0]));
  // `missing`: a problem of absence, dropped where any input may come from a secret (see parseInputs).
  const refuse = (key     , message        , missing       ) =>
    check.addIssue({ code: "custom", path: [key], message, params: { missing } });
  const absent = (key     ) => !failed.has(key) && (v[key] === undefined || v[key] === "");
  const need = (key     , message        ) => {
    if (absent(key)) refuse(key, message, true);
  };
  const operation = failed.has("operation") ? undefined : v.operation;
  // Refused, not ignored: a `max-age` on a deploy step would pass for a setting it is not.
  const onlyFor = (reader           , keys                ) => {
    for (const key of keys)
      if (operation && operation !== reader && v[key] !== undefined)
        refuse(
          key,
          `\`${_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd[key]}\` is only read by \`operation: ${reader}\`: remove it from this \`operation: ${operation}\` step`,
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
  for (const key of ["minReplicas", "maxReplicas"]         )
    if (v.replicas !== undefined && v[key] !== undefined)
      refuse(key, `\`${_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd[key]}\` and \`replicas\` exclude each other: give one or the other`);
  onlyFor("sweep", ["maxAge", "namePrefix", "sweepAction"]);
  onlyFor("deploy", ["maxHourlyCost"]);

  // A sweep needs no endpoint, model or GPU, but a GitHub token to read the PRs; it chooses its
  // endpoints by the preview naming, so a name or id would read as a filter it is not.
  if (operation === "sweep") {
    need(
      "githubToken",
      "`github-token` is required for `operation: sweep` (it reads each PR's state): leave it at its default `${{ github.token }}` and give the job `permissions: pull-requests: read`",
    );
    for (const key of ["name", "endpointId"]         )
      if (v[key] !== undefined)
        refuse(
          key,
          `\`${_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd[key]}\` is not read by \`operation: sweep\`, which finds this repository's previews by their names: remove it, or set \`name-prefix\` to sweep other names`,
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
function toInputs(v        , ctx            ) {
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
    name: v.name ?? (ctx.pullRequest ? (0,_preview_names_js__WEBPACK_IMPORTED_MODULE_5__/* .derivePreviewName */ .hc)(ctx.repository, ctx.pullRequest.number) : ""),
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
    versionComment: (0,_base_format_js__WEBPACK_IMPORTED_MODULE_7__/* .truncate */ .xv)(v.versionComment ?? (0,_preview_names_js__WEBPACK_IMPORTED_MODULE_5__/* .provenance */ .aH)(ctx), _preview_names_js__WEBPACK_IMPORTED_MODULE_5__/* .MAX_VERSION_COMMENT_LENGTH */ .XF),
    waitTimeoutMs: waitTimeout,
    gpuFallbackAfterMs: gpuFallbackAfter,
    maxAgeMs: maxAge,
  };
}

/**
 * The smoke test's gates are read only by the smoke test: given with `smoke-test: false` they would
 * gate nothing, so the run says so once rather than pass a deploy the workflow meant to check.
 */
function ignoredSmokeGates(inputs        )                     {
  const gates = ["smokeTestExpect", "smokeTestMaxTtftMs"]         ;
  const given = inputs.smokeTest ? [] : gates.filter((key) => inputs[key] !== undefined);
  if (given.length === 0) return undefined;
  const names = given.map((key) => `\`${_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd[key]}\``).join(" and ");
  return `${names} ${given.length > 1 ? "are" : "is"} read only with \`${_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.smokeTest}: true\`; ignored`;
}

const INPUT_ORDER                       = Object.values(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd);

function parseInputs(
  read                             ,
  ctx            ,
  debug                            = () => {},
)              {
  // '' is not given, nor is an unexpanded `${{ ... }}` (see isUnexpandedExpression). The debug line
  // names the input only: the text is a workflow expression, not something to echo.
  const unexpanded = new Set           ();
  const raw = Object.fromEntries(
    Object.entries(_base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd).map(([key, input]) => {
      const value = read(input).trim();
      if (!(0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .isUnexpandedExpression */ .TH)(value)) return [key, value || undefined];
      unexpanded.add(input);
      debug(
        `input \`${input}\` is an unexpanded \`\${{ ... }}\` expression (as @github/local-action passes action.yml's defaults): read as not given`,
      );
      return [key, undefined];
    }),
  );
  const schema = FIELDS.check(zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .superRefine */ .zni((v, check) => crossCheck(v, check, ctx), { when: () => true }));
  const result = schema.safeParse(raw);
  if (result.success) return { kind: "ok", inputs: toInputs(result.data, ctx) };

  const problems = result.error.issues
    .map((issue) => {
      const input = _base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd[issue.path[0]       ];
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
  const tokenMissing = problems.some((p) => p.input === _base_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.friendliToken && p.missing);
  const forkWithoutSecrets = ctx.eventName === "pull_request" && ctx.pullRequest?.fromFork === true;
  // Dependabot's runs get Dependabot secrets only: the same case as a fork's.
  const withoutSecrets = forkWithoutSecrets || ctx.dependabot === true;
  const reported = tokenMissing && withoutSecrets ? problems.filter((p) => !p.missing) : problems;
  if (reported.length === 0) {
    return {
      kind: "skip",
      reason: forkWithoutSecrets
        ? "`friendli-token` is empty because this pull request comes from a fork, and GitHub gives fork pull requests no secrets: nothing was deployed. To deploy it, push the branch to this repository or run the workflow manually."
        : (0,_github_context_js__WEBPACK_IMPORTED_MODULE_3__/* .dependabotSkipReason */ .c)(ctx.eventName),
    };
  }
  return { kind: "invalid", problems: reported.map(({ input, message }) => ({ input, message })) };
}


/***/ }),

/***/ 813:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ parsePreviewName),
/* harmony export */   XF: () => (/* binding */ MAX_VERSION_COMMENT_LENGTH),
/* harmony export */   aH: () => (/* binding */ provenance),
/* harmony export */   hc: () => (/* binding */ derivePreviewName)
/* harmony export */ });
/* unused harmony exports MAX_PREVIEW_NAME_LENGTH, MAX_PR_DIGITS, HASH_LENGTH, previewPrefix */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8253);
// What the run context gives the inputs: the names of PR preview endpoints, made from the
// repository and the PR number and recognised again by the sweep, and the default version comment
// (where the version came from). Pure; no I/O.
//
// `<owner>--<repo>-pr-<n>`, lowercased. The double dash keeps two repositories apart whose names
// would otherwise run together ("acme-ml/models" and "acme/ml-models"): a GitHub owner never
// contains "--", so the first "--" always ends the owner. Where sanitising loses information
// ("my.model" and "my_model" both become "my-model") or the name would not fit, a short hash of
// the exact repository is added, so every repository keeps prefixes of its own.


                                                       

const MAX_VERSION_COMMENT_LENGTH = 500;

/** The default version comment: where this version came from, so Friendli's history links back. */
function provenance(ctx            )         {
  const sha = (ctx.pullRequest?.headSha || ctx.sha).slice(0, 7);
  const source = ctx.repository
    ? `${ctx.repository}${sha ? `@${sha}` : ""}`
    : "friendli-deploy-action (local run)";
  const pr = ctx.pullRequest ? ` (PR #${ctx.pullRequest.number})` : "";
  const run = ctx.runUrl ? ` from ${ctx.runUrl}` : "";
  return (0,_base_format_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(`Deployed by ${source}${pr}${run}`, MAX_VERSION_COMMENT_LENGTH);
}

/** A DNS label: the safest guess for a name Friendli may use in hostnames or cluster objects. */
const MAX_PREVIEW_NAME_LENGTH = 63;
/** Room kept for the PR number, so every preview of a repository shares one prefix. */
const MAX_PR_DIGITS = 10;
const PR_INFIX = "-pr-";
const HASH_LENGTH = 8;
/** Longest `<owner>--<repo>` kept without a hash: the rest is the infix and the widest number. */
const MAX_PLAIN_BASE = MAX_PREVIEW_NAME_LENGTH - PR_INFIX.length - MAX_PR_DIGITS;

function clean(part        )         {
  return part
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Everything of a preview name but the number: `acme--models-pr-` for "acme/models". Two
 * repositories never share a prefix (see the file comment), so a name under this prefix followed
 * by a number was made for this repository.
 */
function previewPrefix(repository        )         {
  const exact = repository.toLowerCase();
  const slash = exact.indexOf("/");
  const [owner, repo] = slash < 0 ? ["", exact] : [exact.slice(0, slash), exact.slice(slash + 1)];
  const cleanOwner = clean(owner);
  const cleanRepo = clean(repo);
  const lossless =
    cleanOwner === owner && cleanRepo === repo && owner !== "" && repo !== "" && !owner.includes("--");
  const base = [cleanOwner, cleanRepo].filter(Boolean).join("--") || "repo";
  if (lossless && base.length <= MAX_PLAIN_BASE) return `${base}${PR_INFIX}`;
  const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(exact).digest("hex").slice(0, HASH_LENGTH);
  const room = MAX_PLAIN_BASE - HASH_LENGTH - 1;
  const cut = base.slice(0, room).replace(/-+$/, "") || "repo";
  return `${cut}-${hash}${PR_INFIX}`;
}

/** The default endpoint name of a PR preview: at most 63 characters of [a-z0-9-]. */
function derivePreviewName(repository        , prNumber        )         {
  return `${previewPrefix(repository)}${prNumber}`;
}

/** How a sweep tells its previews: the action's own naming, or a `name-prefix` the user gave. */
                                                                         

/**
 * The PR number of a preview name this naming makes (or, with a prefix, of `<prefix><n>`), else
 * undefined. Only the exact form is recognised: a number with a leading zero, a suffix after it
 * or a name of another repository is not ours, and the sweep must never touch it.
 */
function parsePreviewName(name        , matcher                )                     {
  const prefix = "prefix" in matcher ? matcher.prefix : previewPrefix(matcher.repository);
  if (prefix === "" || !name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  if (!/^[1-9][0-9]{0,14}$/.test(rest)) return undefined;
  return Number(rest);
}


/***/ }),

/***/ 2468:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ friendliHttpOptions)
/* harmony export */ });
/* harmony import */ var _friendli_advice_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5220);
// The Friendli HTTP options both steps build from the inputs, in one place so the main step and the
// post step cannot drift apart on a header or the advice that names the action's inputs.
                                             

                                                       
                                                  

function friendliHttpOptions(
  inputs                                                     ,
  { clock, signal, dispatcher }                                                      ,
  deadlineMs        ,
  log        ,
)              {
  const { apiUrl: baseUrl, friendliToken: token, teamId } = inputs;
  return { baseUrl, token, teamId, dispatcher, clock, signal, deadlineMs, log, advise: _friendli_advice_js__WEBPACK_IMPORTED_MODULE_0__/* .statusAdvice */ .F };
}


/***/ }),

/***/ 5325:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ openSweepLedger),
/* harmony export */   GY: () => (/* binding */ showSweep),
/* harmony export */   Yk: () => (/* binding */ sweepFacts),
/* harmony export */   od: () => (/* binding */ executeSweep),
/* harmony export */   xQ: () => (/* binding */ sweepOutcome)
/* harmony export */ });
/* harmony import */ var _base_timing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2892);
/* harmony import */ var _friendli_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3615);
/* harmony import */ var _inputs_preview_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(813);
/* harmony import */ var _plan_result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9353);
// The sweep's part of a run (operation: sweep): the facts plan() decides from, the dry run's
// listing, and carrying out the plan's rows. The executor (../sweep/execute.ts) and GitHub's client are
// loaded here, on first use, so a deploy never loads them.




                                                                 

                                                                              
                                                     

                                                           

/** The previews of this repository in the project and the state of each PR, as of now. */
async function sweepFacts(op                  )                      {
  const [{ findSweepFacts }, { createPullRequestReader }] = await Promise.all([
    __webpack_require__.e(/* import() */ 408).then(__webpack_require__.bind(__webpack_require__, 8408)),
    __webpack_require__.e(/* import() */ 823).then(__webpack_require__.bind(__webpack_require__, 823)),
  ]);
  const pullRequest = await createPullRequestReader({
    token: op.inputs.githubToken,
    repository: op.run.repository,
    apiUrl: op.env.GITHUB_API_URL,
    log: op.log,
    signal: op.signal,
  });
  const found = await findSweepFacts({
    client: op.client,
    projectId: op.inputs.projectId,
    matcher: matcherOf(op),
    pullRequest,
    log: op.log,
    signal: op.signal,
    pricePerGpuHour: op.inputs.gpuHourlyPrice,
  });
  return { ...found, nowMs: op.clock.now() };
}

/** `name-prefix` when given, else this repository's own preview naming. */
function matcherOf(op                  )                 {
  return op.inputs.namePrefix ? { prefix: op.inputs.namePrefix } : { repository: op.run.repository };
}

/** Dry run: the rows into the report and the log (what would be deleted and why); nothing sent. */
async function showSweep(op                  , plan           )                {
  await startReport(op, plan);
  op.log.info(`dry-run: nothing was ${op.inputs.sweepAction === "sleep" ? "put to sleep" : "deleted"}.`);
}

/** Deletes what the plan doomed; one failure stops none of the others but fails the run at the end. */
async function executeSweep(op                  , plan           )                {
  const report = await startReport(op, plan);
  const [{ deletePlanned }, ledger] = await Promise.all([__webpack_require__.e(/* import() */ 408).then(__webpack_require__.bind(__webpack_require__, 8408)), openSweepLedger(op)]);
  await deletePlanned({ client: op.client, log: op.log, signal: op.signal, ledger }, report, op.secrets);
  if (!op.signal.aborted) await recordSweepCosts(op, report);
  if (!op.signal.aborted && op.inputs.githubDeployment) await closeOrphans(op, report);
  const failure = sweepOutcome(op).error;
  if (failure) throw failure;
}

/**
 * What each deleted preview cost until now, from the team cost report: one read for all of them,
 * on the report's own budget; a report that cannot be read leaves the column empty (a debug line).
 */
async function recordSweepCosts(op                  , report                      )                {
  const deleted = report.rows.filter((r) => r.action === "deleted" || r.action === "slept");
  if (deleted.length === 0 || !op.clientUntil) return;
  const { readCostToDate } = await __webpack_require__.e(/* import() */ 848).then(__webpack_require__.bind(__webpack_require__, 5848));
  const client = op.clientUntil(op.clock.now() + _base_timing_js__WEBPACK_IMPORTED_MODULE_0__/* .COST_REPORT_BUDGET_MS */ .ky);
  try {
    const endpoints = deleted.map((r) => {
      const createdAtMs = r.createdAt ? Date.parse(r.createdAt) : Number.NaN;
      return { id: r.id, ...(Number.isFinite(createdAtMs) ? { createdAtMs } : {}) };
    });
    const costs = await readCostToDate(client, { endpoints, nowMs: op.clock.now() }, op.log, op.secrets);
    for (const row of deleted) {
      const usd = costs?.get(row.id)?.usd;
      if (usd !== undefined) row.costToDateUsd = usd;
    }
  } finally {
    await client.http.close();
  }
}

/**
 * The previews of the ledger whose endpoint no longer exists (none of that name was found, and its
 * recorded id answers 404) get their deployments marked inactive, and are listed in the summary.
 */
async function closeOrphans(op                  , report             )                {
  const { retireOrphans } = await Promise.all(/* import() */[__webpack_require__.e(880), __webpack_require__.e(596)]).then(__webpack_require__.bind(__webpack_require__, 5596));
  const found = new Set(report.rows.map((r) => r.name));
  report.closed = await retireOrphans({
    ...ledgerOptions(op),
    missing: (e) =>
      e.projectId === op.inputs.projectId &&
      !found.has(e.name) &&
      (0,_inputs_preview_names_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePreviewName */ .D2)(e.name, matcherOf(op)) !== undefined,
    gone: (id) =>
      op.client.status(id).then(
        () => false,
        (err) => err instanceof _friendli_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD && err.status === 404,
      ),
  });
  for (const name of report.closed)
    op.log.info(
      `No endpoint of the preview ${JSON.stringify(name)} is left: its deployments were marked inactive`,
    );
}

                                                                                                   

/**
 * With `github-deployment: true`, each deleted preview's deployments are marked inactive: by the
 * sweep, and by the post step for a cancelled sweep's deletes it confirms.
 */
async function openSweepLedger(op             )                                   {
  if (!op.inputs.githubDeployment) return undefined;
  const { sweepLedger } = await Promise.all(/* import() */[__webpack_require__.e(880), __webpack_require__.e(596)]).then(__webpack_require__.bind(__webpack_require__, 5596));
  return sweepLedger(ledgerOptions(op));
}

function ledgerOptions(op             ) {
  return {
    enabled: true,
    context: op.run,
    token: op.inputs.githubToken,
    apiUrl: op.env.GITHUB_API_URL,
    log: op.log,
    secrets: [...op.secrets],
    signal: op.signal,
  };
}

async function startReport(op                  , plan           ) {
  const { startSweepReport } = await __webpack_require__.e(/* import() */ 408).then(__webpack_require__.bind(__webpack_require__, 8408));
  const sleep = op.inputs.sweepAction === "sleep";
  const report = startSweepReport(plan.rows, plan.othersLeftAlone, op.inputs.dryRun, op.log, sleep);
  op.report.sweep = { ...report, dryRun: op.inputs.dryRun, maxAgeMs: op.inputs.maxAgeMs };
  return op.report.sweep;
}

/** The sweep's failures (PR reads, deletes) as the error that fails the run, once all is done. */
function sweepOutcome(op                  )                               {
  const failures = op.report.sweep?.failures ?? [];
  if (failures.length === 0) return {};
  const head =
    failures.length === 1
      ? "The sweep failed:"
      : `The sweep failed ${failures.length} times (the rest went through):`;
  return { error: new _plan_result_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationFailure */ .C([head, ...failures.map((f) => `- ${f}`)].join("\n"), "failed") };
}


/***/ }),

/***/ 9353:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ resultOf),
/* harmony export */   C: () => (/* binding */ OperationFailure)
/* harmony export */ });
/* harmony import */ var _friendli_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3615);
/* harmony import */ var _sweep_decide_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9387);
// The one place that turns how a run went into its `result` output.

                                               


                                                     

/** Thrown to end a run with a result other than `failed` (timed-out, cancelled), or a plain failure. */
class OperationFailure extends Error {
  // No `name` of its own: the message is what the user reads (setFailed, summary), and the error
  // formatter prefixes any non-"Error" name, which would print "OperationFailure: ...".
           result                                      ;
  constructor(message        , result                                      ) {
    super(message);
    this.result = result;
  }
}

                        
                                                                                                
                                         
     
                    
                                                                                   
                  
                      
                                                   
                      
                                                                               
                       
                                                                                                       
                           
      

const DONE                                                                        = {
  create: "created",
  update: "updated",
  reuse: "reused",
  unchanged: "unchanged",
  delete: "deleted",
  nothing: "not-found",
  fail: "failed",
};
/** A lifecycle operation that sent its PUT; one that had nothing to send is `unchanged`. */
const SENT = { sleep: "slept", wake: "woken", restart: "restarted" }         ;

function resultOf(o            )         {
  if (o.stage === "inputs") return o.skipped ? "skipped" : "failed";
  if (o.aborted) return "cancelled";
  if (o.rolledBack && o.error !== undefined) return "rolled-back";
  if (o.error !== undefined) return errorResult(o.error);
  if (!o.plan) return "failed";
  const action = o.plan.action;
  if (action.kind === "sweep") return (0,_sweep_decide_js__WEBPACK_IMPORTED_MODULE_1__/* .sweepResult */ .we)(action.rows, o.dryRun);
  const kind = action.kind;
  if (o.dryRun && kind !== "nothing" && kind !== "fail") return "planned";
  if (action.kind === "lifecycle") return action.request ? SENT[action.op] : "unchanged";
  return DONE[action.kind];
}

function errorResult(err         )         {
  if (err instanceof OperationFailure) return err.result;
  if (err instanceof _friendli_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD && err.kind === "aborted") return "cancelled";
  if (err instanceof _friendli_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD && err.kind === "deadline") return "timed-out";
  return "failed";
}


/***/ }),

/***/ 4523:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ deleteStep),
/* harmony export */   z: () => (/* binding */ deleteSteps)
/* harmony export */ });
// The workflow step that deletes an endpoint: what a person pastes into a workflow when the action
// warns instead of deleting. By endpoint-id when one is named (a name two endpoints share cannot be
// deleted by name: the lookup refuses to guess), else by name.
                                                  

function deleteStep(
  inputs                                               ,
  endpointId         ,
)         {
  return [
    "- uses: friendli-deploy-action/deploy@v1",
    "  with:",
    "    operation: delete",
    "    friendli-token: ${{ secrets.FRIENDLI_TOKEN }}",
    ...(inputs.teamId ? [`    team-id: ${inputs.teamId}`] : []),
    `    project-id: ${inputs.projectId}`,
    endpointId ? `    endpoint-id: ${endpointId}` : `    name: ${inputs.name}`,
  ].join("\n");
}

/** One step per endpoint, for a warning that names several. */
function deleteSteps(
  inputs                                               ,
  ids                   ,
)         {
  return ids.map((id) => deleteStep(inputs, id)).join("\n");
}


/***/ }),

/***/ 9387:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cK: () => (/* binding */ planSweep),
/* harmony export */   we: () => (/* binding */ sweepResult)
/* harmony export */ });
/* unused harmony exports decideSweep, ageOf */
// What the sweep does with one preview endpoint, decided from its PR's state on GitHub and the
// endpoint's age. Pure, so every case is a row of a table test.
                                               

/** The PR as GitHub answered `GET /repos/{owner}/{repo}/pulls/{number}`. */
                     
                    
                                       
                                                                                     
                       
                                                                                                
                                           
                                                           
                                       

                         
                                                                             
                                      
                                                                                    
                 
                                                   
                 
 

                         
                                                                                                   
                            
                                                                         
                               
 

/** Delete a preview whose PR is over, or (with max-age) stale; keep everything uncertain. */
function decideSweep(pr         , { ageMs, maxAgeMs }               )                {
  switch (pr.kind) {
    case "closed":
      return { action: "delete", reason: pr.merged ? "PR merged" : "PR closed" };
    case "unknown":
      return {
        action: "keep",
        reason: "GitHub does not know this PR (404): kept; delete it by hand if it is stale",
        warn: true,
      };
    case "error":
      return { action: "keep", reason: "PR state unknown (GitHub request failed): kept", warn: true };
    case "unreadable":
      return {
        action: "keep",
        reason: "GitHub's answer about this PR was not a pull request: kept",
        warn: true,
      };
    case "open":
      if (maxAgeMs === undefined) return { action: "keep", reason: "PR open" };
      if (ageMs === undefined)
        return {
          action: "keep",
          reason: "PR open; the endpoint's last update time is unknown: kept",
          warn: true,
        };
      return ageMs > maxAgeMs
        ? { action: "delete", reason: "PR open, but the endpoint is older than max-age" }
        : { action: "keep", reason: "PR open and the endpoint is younger than max-age" };
  }
}

/** A preview endpoint as a ledger or the listing knows it. */
                                  
             
               
                   
                            
                  
                                                                                       
                            
                                                                                            
                     
 

/** One preview with its PR's state and what the table decided for it. */
                                                          
              
                 
                          
 

/**
 * Every preview through the table, in the order found. A PR the states lack counts as an error.
 * When more than half of the PR answers were unreadable, what answers is not GitHub (a proxy, a
 * sign-in page) or not in its right mind: the sweep deletes nothing and fails.
 */
function planSweep(
  previews                            ,
  states                              ,
  opts                                                                  ,
)                    {
  const answers = [...states.values()];
  const unreadable = answers.filter((s) => s.kind === "unreadable").length;
  const distrust = unreadable * 2 > answers.length;
  const halted          = {
    kind: "error",
    message:
      `${unreadable} of ${answers.length} PR answers from GitHub were not pull requests: ` +
      "the sweep deleted nothing (is GITHUB_API_URL GitHub's API, or a proxy's page?)",
  };
  return previews.map((p)                  => {
    const pr = states.get(p.prNumber) ?? { kind: "error", message: `PR #${p.prNumber} was not read` };
    const ageMs = ageOf(p.updatedAt, opts.nowMs);
    if (!distrust)
      return { ...p, pr, ageMs, decision: sleepOrDelete(decideSweep(pr, { ageMs, ...opts }), p, opts) };
    const reason = "kept: more than half of the PR answers were unreadable";
    return { ...p, pr: pr.kind === "unreadable" ? halted : pr, ageMs, decision: { action: "keep", reason } };
  });
}

/** With `sweep-action: sleep`, a doomed preview sleeps instead, unless it already does. */
function sleepOrDelete(d               , p                 , opts                     )                {
  if (!opts.sleep || d.action !== "delete") return d;
  if (p.status?.trim().toUpperCase() === "SLEEPING")
    return { action: "keep", reason: `${d.reason}; already asleep` };
  return { ...d, action: "sleep" };
}

/** Milliseconds since `updatedAt`, or undefined when it is absent or not a date. */
function ageOf(updatedAt                           , nowMs        )                     {
  if (!updatedAt) return undefined;
  const at = Date.parse(updatedAt);
  return Number.isFinite(at) ? Math.max(0, nowMs - at) : undefined;
}

/**
 * A sweep's result from its planned rows: `failed` when a PR's state could not be read (a failed
 * delete fails the run as an error), else `swept` when it deleted (or put to sleep) something,
 * `planned` when a dry run would have, `clean` when nothing.
 */
function sweepResult(rows                            , dryRun         )         {
  if (rows.some((r) => r.pr.kind === "error")) return "failed";
  if (rows.every((r) => r.decision.action === "keep")) return "clean";
  return dryRun ? "planned" : "swept";
}


/***/ })

};

//# sourceMappingURL=216.index.js.map