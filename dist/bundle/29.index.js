export const id = 29;
export const ids = [29,848,465];
export const modules = {

/***/ 3711:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P1: () => (/* binding */ capRefusal),
  uy: () => (/* binding */ estimateFromSpec),
  Bb: () => (/* binding */ estimateHourlyCost),
  YL: () => (/* binding */ estimateText),
  Wf: () => (/* binding */ exceedsCap),
  BC: () => (/* binding */ priceText),
  lq: () => (/* binding */ rangeText),
  dR: () => (/* binding */ usd)
});

// UNUSED EXPORTS: optionsWithinCap

// EXTERNAL MODULE: ./build/friendli/gpus.js
var gpus = __webpack_require__(9719);
// EXTERNAL MODULE: ./build/friendli/schemas.js
var schemas = __webpack_require__(4214);
;// CONCATENATED MODULE: ./build/cost/prices.js
// Friendli's list prices for Dedicated Endpoints, in one place: USD per GPU-hour by GPU model (the
// names of src/friendli/gpus.ts). The public API has no price list, so the table is copied by hand
// and carries the date it was read and where from; `gpu-hourly-price` overrides it for a
// negotiated price. A GPU model that is not here has no estimate: a guess would read as a fact.

/** When the prices below took effect, and where they were read. */
const PRICE_SOURCE = {
  /** The list prices in force from this day (the page announced them ahead: "effective Oct 1"). */
  effective: "2026-10-01",
  /** The pricing page, as transcribed by a third party on 2026-09-20 (api-evangelist/friendliai). */
  url: "https://friendli.ai/pricing",
  /** The list prices until `effective`, for a reader comparing older bills. */
  before: { "A100 80GB": 2.9, H100: 3.9, H200: 4.5, B200: 8.9 },
}         ;

/**
 * USD per GPU-hour (billed per second while a replica runs). The page also lists a B300 (12.00),
 * which the instance options of the API do not offer yet.
 */
const LIST_PRICES                                   = {
  "A100 80GB": 4.0,
  H100: 5.0,
  H200: 7.0,
  B200: 9.0,
};

/** The list price of a GPU model, or undefined for one the table does not know. */
function listPrice(gpuModel        )                     {
  return Object.hasOwn(LIST_PRICES, gpuModel) ? LIST_PRICES[gpuModel] : undefined;
}

;// CONCATENATED MODULE: ./build/cost/estimate.js
// What an endpoint costs per hour, estimated before anything is billed: the price of one GPU-hour
// times the GPUs of one replica times the replicas. Pure. The range runs from min to max replicas;
// with 0 min replicas the endpoint sleeps when idle and its GPUs cost nothing then.




                             
                                      
              
                         
                          
                          
                                                                           
                              
                      
                      
                                                                                       
                 
                 
 

                               
                           
                      
                      
                                                                         
                           
     
                                                                                                  
                                                                                           
     
                     
 

function optionOf(instanceOptionId        ) {
  return gpus/* GPU_OPTIONS */.Ul.find((o) => o.instanceOptionId === instanceOptionId);
}

/** Cents are what a reader compares: sums are rounded once, at the end, to them. */
function cents(usd        )         {
  return Math.round(usd * 100) / 100;
}

/**
 * The estimate for an instance option and replica range, or undefined when the option is not in
 * the GPU table (a raw id): its GPU model and count are unknown, so even a given price says nothing.
 * Replicas outside the API's range (a spec read from the API, a record from GitHub) have none either.
 */
function estimateHourlyCost(s              )                         {
  const option = optionOf(s.instanceOptionId);
  const { minReplicas: min, maxReplicas: max } = s;
  // Replicas as the API allows them: whole numbers, 0 <= min <= max <= MAX_REPLICAS.
  const replicasFit =
    Number.isInteger(min) && Number.isInteger(max) && min >= 0 && min <= max && max <= schemas/* MAX_REPLICAS */.zq;
  if (!option || !replicasFit) return undefined;
  const given =
    s.pricedFor === undefined || optionOf(s.pricedFor)?.gpu === option.gpu ? s.pricePerGpuHour : undefined;
  const price = given ?? listPrice(option.gpu);
  if (price === undefined) return undefined;
  const perReplica = price * option.count;
  return {
    gpu: option.gpu,
    gpusPerReplica: option.count,
    pricePerGpuHour: price,
    priceFrom: given === undefined ? "list" : "input",
    minReplicas: s.minReplicas,
    maxReplicas: s.maxReplicas,
    minUsd: cents(perReplica * s.minReplicas),
    maxUsd: cents(perReplica * s.maxReplicas),
  };
}

/**
 * The estimate for an endpoint as the API describes it (GET's `gpuType` "NVIDIA H100", `numGpu`,
 * `autoscalingMin`/`Max`), for an endpoint this run did not configure (reuse, status, a sweep).
 * `pricedFor`: as in CostSettings.
 */
function estimateFromSpec(
  spec                                                                                ,
  pricePerGpuHour         ,
  pricedFor         ,
)                         {
  const { gpuType, numGpu, autoscalingMin, autoscalingMax } = spec;
  // A GPU count by shape too: the name parser would read "-1x" as "1x".
  const count = typeof numGpu === "number" && Number.isInteger(numGpu) && numGpu > 0 ? numGpu : undefined;
  if (!gpuType || count === undefined || typeof autoscalingMax !== "number") return undefined;
  const resolved = (0,gpus/* resolveGpu */.zq)(`${count}x ${gpuType}`);
  if (!resolved.ok) return undefined;
  return estimateHourlyCost({
    instanceOptionId: resolved.gpu.instanceOptionId,
    minReplicas: typeof autoscalingMin === "number" ? autoscalingMin : autoscalingMax,
    maxReplicas: autoscalingMax,
    pricePerGpuHour,
    pricedFor,
  });
}

/** "$5.00": two decimals, as the output `hourly-cost-usd` carries it (without the sign). */
function usd(amount        )         {
  return `$${amount.toFixed(2)}`;
}

/** "0 when idle to $10.00/h", "$5.00/h", "$5.00 to $10.00/h": the range min..max replicas. */
function rangeText(c            )         {
  if (c.minReplicas === c.maxReplicas) return `${usd(c.maxUsd)}/h`;
  const low = c.minReplicas === 0 ? "0 when idle" : usd(c.minUsd);
  return `${low} to ${usd(c.maxUsd)}/h`;
}

/** Where the price came from, in words: "H100 list price $5.00 per GPU-hour (2026-10-01)". */
function priceText(c            )         {
  const per = `${usd(c.pricePerGpuHour)} per GPU-hour`;
  return c.priceFrom === "input"
    ? `\`gpu-hourly-price\` ${per}`
    : `the ${c.gpu} list price of ${per} (${PRICE_SOURCE.effective})`;
}

/** The whole estimate in one line, for the log and the dry run. */
function estimateText(c            )         {
  const replicas =
    c.minReplicas === c.maxReplicas ? `${c.maxReplicas}` : `${c.minReplicas} to ${c.maxReplicas}`;
  return `${rangeText(c)}: ${c.gpusPerReplica}x ${c.gpu} per replica, ${replicas} replicas, at ${priceText(c)}`;
}

/** Whether the cost at max replicas is above the cap (compared in cents, as it is shown). */
function exceedsCap(c            , capUsd        )          {
  return cents(c.maxUsd) > cents(capUsd);
}

/**
 * For each GPU model, the largest option whose cost at `maxReplicas` fits the cap (the most GPU
 * memory the cap allows: the closest to what was asked), cheapest first. Priced at list prices; a
 * `gpu-hourly-price` is the chosen model's price and is used for that model only.
 */
function optionsWithinCap(
  capUsd        ,
  maxReplicas        ,
  chosen             ,
)                                           {
  const largest = new Map                                                          ();
  for (const option of gpus/* GPU_OPTIONS */.Ul) {
    const price =
      chosen && chosen.priceFrom === "input" && chosen.gpu === option.gpu
        ? chosen.pricePerGpuHour
        : listPrice(option.gpu);
    if (price === undefined) continue;
    const maxUsd = cents(price * option.count * maxReplicas);
    const known = largest.get(option.gpu);
    if (maxUsd <= cents(capUsd) && (!known || option.count > known.count))
      largest.set(option.gpu, { label: option.label, count: option.count, maxUsd });
  }
  return [...largest.values()]
    .map(({ label, maxUsd }) => ({ label, maxUsd }))
    .sort((a, b) => a.maxUsd - b.maxUsd || a.label.localeCompare(b.label));
}

/** The refusal of a deploy above `max-hourly-cost`, naming what would fit; undefined when it fits. */
function capRefusal(c                        , capUsd                    )                     {
  if (c === undefined || capUsd === undefined || !exceedsCap(c, capUsd)) return undefined;
  const head =
    `${c.maxReplicas} replica(s) of ${c.gpusPerReplica}x ${c.gpu} cost ${usd(c.maxUsd)}/h at ` +
    `${priceText(c)}, above \`max-hourly-cost\` ${usd(capUsd)}`;
  const perReplica = c.pricePerGpuHour * c.gpusPerReplica;
  const replicasThatFit = Math.floor((cents(capUsd) + 1e-9) / perReplica);
  const fewer =
    replicasThatFit >= Math.max(1, c.minReplicas) && replicasThatFit < c.maxReplicas
      ? `, or \`max-replicas: ${replicasThatFit}\``
      : "";
  const fits = optionsWithinCap(capUsd, c.maxReplicas, c).map((o) => `${o.label} (${usd(o.maxUsd)}/h)`);
  const advice =
    fits.length > 0
      ? `options that fit at ${c.maxReplicas} replica(s): ${fits.join(", ")}`
      : `no instance option fits at ${c.maxReplicas} replica(s)`;
  return `${head} (${advice}${fewer})`;
}


/***/ }),

/***/ 5848:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readCostToDate: () => (/* binding */ readCostToDate)
/* harmony export */ });
/* unused harmony exports MAX_COST_DAYS, MAX_COST_PAGES, MAX_LINE_ITEM_USD, CEILING_SLACK, costWindow, costCeiling, bucketsInWindow, parseAmount, gpuTimeEndpoint, sumLineItems */
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8253);
/* harmony import */ var _base_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8839);
/* harmony import */ var _base_safe_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5511);
/* harmony import */ var _friendli_gpus_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9719);
/* harmony import */ var _friendli_schemas_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4214);
/* harmony import */ var _estimate_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3711);
// The cost so far, from the team's cost report (`GET /v1/team/cost`): daily buckets of line items
// named "{endpoint_id}, {gpu_type}, gpu time cost", amounts as decimal strings. What an endpoint
// cost is the sum of its GPU-time line items over the buckets since the day it was created (at
// most 35, the most one page holds), each day once and none outside that window; a sum above what
// the endpoint could have cost is unreadable. The report is a courtesy: a token that may not read it (403),
// an API without it (404), a throttled (429), slow or unreadable answer is a debug line, never a
// failure, and never costs the run more than COST_REPORT_BUDGET_MS. The pure parts are exported.

                                             


                                                            




const DAY_MS = 86_400_000;
/** The API's largest `limit`: 35 daily buckets. */
const MAX_COST_DAYS = 35;
/** Pages followed at most: one should hold the window; a server handing out cursors forever is cut off. */
const MAX_COST_PAGES = 4;
/** One line item of one day above this is not a GPU bill (8x B200 x 10 replicas is ~$17,000 a day). */
const MAX_LINE_ITEM_USD = 1_000_000;

/**
 * How far a sum may exceed the most the endpoint could have cost (the dearest option at list price,
 * for its age) and still be read: x2 for list prices this hand-copied table has not caught up with
 * (the last change raised H100 by 28%), and one hour more for the runner's clock against
 * Friendli's and an endpoint minutes old. A bill beyond that is not one the API can owe.
 */
const CEILING_SLACK = { factor: 2, hours: 1 }         ;
const HOUR_MS = 3_600_000;

const GPU_TIME = "gpu time cost";
/** Skipped line items named one by one; a report full of bad amounts is summed up in one more line. */
const MAX_IGNORED_LINES = 10;
const AMOUNT = /^[0-9]+(\.[0-9]+)?$/;

/** An endpoint's cost to date, as the report gave it. */
                             
                                                                                                 
               
                                                                               
                
                              
               
                                                                                         
                   
 

                             
                                                     
                    
                  
               
                                                 
                   
 

function midnight(ms        )         {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function rfc3339(ms        )         {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * From the day the oldest endpoint was created (or 34 days back, whichever is later) to the next
 * midnight: the API's latest allowed end. Without a creation time, the whole 35 days.
 */
function costWindow(nowMs        , createdAtMs         )             {
  const end = midnight(nowMs) + DAY_MS;
  const earliest = end - MAX_COST_DAYS * DAY_MS;
  const created =
    createdAtMs !== undefined && Number.isFinite(createdAtMs) ? midnight(createdAtMs) : earliest;
  const start = Math.min(Math.max(created, earliest), end - DAY_MS);
  return {
    startTime: rfc3339(start),
    endTime: rfc3339(end),
    days: Math.round((end - start) / DAY_MS),
    clipped: created < earliest,
  };
}

/** The most any endpoint can cost per hour at list prices: the dearest option at MAX_REPLICAS. */
const HIGHEST_HOURLY_USD = Math.max(
  ..._friendli_gpus_js__WEBPACK_IMPORTED_MODULE_2__/* .GPU_OPTIONS */ .Ul.map(
    (o) =>
      (0,_estimate_js__WEBPACK_IMPORTED_MODULE_4__/* .estimateHourlyCost */ .Bb)({ instanceOptionId: o.instanceOptionId, minReplicas: 0, maxReplicas: _friendli_schemas_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_REPLICAS */ .zq })
        ?.maxUsd ?? 0,
  ),
);

/** The most an endpoint alive since `sinceMs` can have cost by `nowMs`, with CEILING_SLACK. */
function costCeiling(nowMs        , sinceMs        )         {
  const hours = Math.max(0, nowMs - sinceMs) / HOUR_MS + CEILING_SLACK.hours;
  return HIGHEST_HOURLY_USD * hours * CEILING_SLACK.factor;
}

/** The window's daily buckets, each day once (the first page that brought it); any other is dropped. */
function bucketsInWindow(
  buckets                       ,
  window                                           ,
)               {
  const [start, end] = [Date.parse(window.startTime), Date.parse(window.endTime)];
  const days = new Map                    ();
  for (const b of buckets) {
    const [from, to] = [Date.parse(b.start_time), Date.parse(b.end_time)];
    if (from >= start && to <= end && from < to && !days.has(midnight(from))) days.set(midnight(from), b);
  }
  return [...days.values()];
}

/** A line item's amount, or why it is ignored. */
function parseAmount(total         )                                        {
  if (total === undefined || total === null || total === "") return { ignored: "absent" };
  if (typeof total !== "string") return { ignored: "not a string" };
  const text = total.trim();
  if (text.startsWith("-")) return { ignored: "negative" };
  if (!AMOUNT.test(text)) return { ignored: "not a number" };
  const usd = Number(text);
  if (!Number.isFinite(usd) || usd > MAX_LINE_ITEM_USD) return { ignored: "too large" };
  return { usd };
}

/** The endpoint id a GPU-time line item names, or undefined for any other line item. */
function gpuTimeEndpoint(lineItem                           )                     {
  if (!lineItem) return undefined;
  const parts = lineItem.split(",").map((p) => p.trim());
  return parts.length >= 3 && parts.at(-1)?.toLowerCase() === GPU_TIME && parts[0] ? parts[0] : undefined;
}

/** A value from the report, safe to echo in a debug line: quoted, invisible characters gone, short. */
function echo(value         )         {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify((0,_base_format_js__WEBPACK_IMPORTED_MODULE_5__/* .clip */ .$Q)((0,_base_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .stripInvisible */ ._0)(text)));
}

/**
 * The sum of each wanted endpoint's GPU-time line items over the buckets. Anything else is
 * skipped; a line item of ours whose amount is unusable is skipped with a debug line.
 */
function sumLineItems(
  buckets                       ,
  endpointIds                     ,
  debug                           ,
)                      {
  const sums = new Map                ();
  let ignored = 0;
  for (const bucket of buckets) {
    for (const raw of bucket.results) {
      if (raw === null || typeof raw !== "object") continue;
      const item = raw                                            ;
      const id = gpuTimeEndpoint(typeof item.line_item === "string" ? item.line_item : undefined);
      if (id === undefined || !endpointIds.has(id)) continue;
      const amount = parseAmount(item.total);
      if ("usd" in amount) sums.set(id, (sums.get(id) ?? 0) + amount.usd);
      else if (++ignored <= MAX_IGNORED_LINES) {
        debug(
          `cost report: a line item of ${id} on ${echo(bucket.start_time)} ignored: amount ${amount.ignored} (${echo(item.total)})`,
        );
      }
    }
  }
  if (ignored > MAX_IGNORED_LINES)
    debug(`cost report: ${ignored - MAX_IGNORED_LINES} more line items ignored for their amounts`);
  return sums;
}

                            
                                                                           
                                                                 
                
 

/**
 * Each endpoint's cost to date, or undefined when the report could not be read (a debug line
 * says why). `client` must carry the report's own deadline (COST_REPORT_BUDGET_MS).
 */
async function readCostToDate(
  client                ,
  query           ,
  log        ,
  secrets                   ,
)                                               {
  if (query.endpoints.length === 0) return new Map();
  const created = query.endpoints.map((e) => e.createdAtMs ?? Number.NaN);
  // One window for all: from the oldest creation day (one unknown: the whole 35 days).
  const window = costWindow(query.nowMs, created.every(Number.isFinite) ? Math.min(...created) : undefined);
  const buckets               = [];
  try {
    const seen = new Set        ();
    let page                    ;
    for (let n = 0; n < MAX_COST_PAGES; n++) {
      const res = await client.teamCost({ ...window, limit: window.days, page });
      buckets.push(...res.data);
      page = res.has_more ? (res.next_page ?? undefined) : undefined;
      // A cursor seen before leads back to pages already read: a server going in circles ends here.
      if (!page || seen.has(page)) break;
      seen.add(page);
    }
  } catch (err) {
    log.debug(`cost report not read (the cost so far is left out): ${(0,_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .formatError */ .Wk)(err, secrets)}`);
    return undefined;
  }
  const out = new Map                    ();
  for (const e of query.endpoints) {
    // Each endpoint's own window: days before its creation day hold none of its line items.
    const own = costWindow(query.nowMs, e.createdAtMs);
    const days = bucketsInWindow(buckets, own);
    const sum = sumLineItems(days, new Set([e.id]), log.debug).get(e.id) ?? 0;
    const ceiling = costCeiling(query.nowMs, e.createdAtMs ?? Date.parse(own.startTime));
    const readable = sum <= ceiling;
    if (!readable)
      log.debug(
        `cost report: the sum for ${e.id} is above the ${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_4__/* .usd */ .dR)(ceiling)} it could have cost: unreadable`,
      );
    out.set(e.id, {
      usd: readable ? Math.round(sum * 100) / 100 : undefined,
      since: own.startTime.slice(0, 10),
      days: Math.min(days.length, own.days),
      clipped: own.clipped,
    });
  }
  return out;
}


/***/ }),

/***/ 1021:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ costRows),
/* harmony export */   L: () => (/* binding */ costSentence)
/* harmony export */ });
/* harmony import */ var _estimate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3711);
// The cost in the reports' words: the job summary's rows, the PR comment's sentence, the sweep's
// cells. Every figure is a number the action computed (the estimate) or parsed and summed itself
// (the cost report's amounts, src/cost/report.ts): no text from the report reaches these lines.

                                              

                          
                      
                                                                                                  
                                               
                      
 

/** "$3.20 since 2026-11-18": what the cost report says so far; a sum it could not have cost is unreadable. */
function toDateText(c            )         {
  const since = c.clipped ? `in the last ${c.days} days (since ${c.since})` : `since ${c.since}`;
  return c.usd === undefined
    ? `unreadable: Friendli's cost report gives more than the endpoint could have cost ${since}`
    : `${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_0__/* .usd */ .dR)(c.usd)} ${since}`;
}

/** The job summary's rows: the estimate with its price, then the cost so far. */
function costRows(cost                     )                          {
  const rows                          = [];
  if (cost?.hourly)
    rows.push(["Cost per hour (estimate)", `${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_0__/* .rangeText */ .lq)(cost.hourly)} at ${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_0__/* .priceText */ .BC)(cost.hourly)}`]);
  const c = cost?.choices;
  if (c)
    rows.push([
      "Over the GPU choices",
      `${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_0__/* .usd */ .dR)(c.minUsd)} to ${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_0__/* .usd */ .dR)(c.maxUsd)}/h at max replicas, before the run`,
    ]);
  const read = cost?.toDate?.usd === undefined ? "" : " (Friendli's cost report)";
  if (cost?.toDate) rows.push(["Cost so far", `${toDateText(cost.toDate)}${read}`]);
  return rows;
}

/** The PR comment's sentence: "This preview costs up to $5.00/h while awake …". */
function costSentence(cost                     )                     {
  const parts           = [];
  const h = cost?.hourly;
  if (h) {
    parts.push(
      h.minReplicas === 0
        ? `This preview costs up to ${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_0__/* .usd */ .dR)(h.maxUsd)}/h while awake and nothing while it sleeps.`
        : h.minReplicas === h.maxReplicas
          ? `This preview costs ${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_0__/* .usd */ .dR)(h.maxUsd)}/h, asleep or awake (\`min-replicas: ${h.minReplicas}\`).`
          : `This preview costs ${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_0__/* .usd */ .dR)(h.minUsd)} to ${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_0__/* .usd */ .dR)(h.maxUsd)}/h, and ${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_0__/* .usd */ .dR)(h.minUsd)}/h even when idle (\`min-replicas: ${h.minReplicas}\`).`,
    );
  }
  if (cost?.toDate)
    parts.push(
      cost.toDate.usd === undefined
        ? `Its cost so far is ${toDateText(cost.toDate)}.`
        : `So far it has cost ${toDateText(cost.toDate)}.`,
    );
  return parts.length > 0 ? `💵 ${parts.join(" ")}` : undefined;
}


/***/ }),

/***/ 8411:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c$: () => (/* binding */ errorHint)
/* harmony export */ });
/* unused harmony exports ERROR_CODES, describeErrorCode */
// What each Friendli `InferenceDeploymentErrorCode` (an enum of the OpenAPI document) means and what to change.
// Friendli documents the codes only by name: the meanings are read from the names and from the
// Dedicated Endpoints FAQ (model format, HF token integration), and are worded as likely causes.

                                                      

const HF_TOKEN_SETTINGS = "Friendli Suite → Personal Settings → Integrations";

const ERROR_CODES = {
  WORKLOAD_INIT_UNKNOWN_ERROR: {
    meaning: "The endpoint failed while it was being set up, for a reason Friendli did not classify.",
    fix: "Retry the deployment once; if it fails again, check the endpoint's logs in Friendli Suite and contact Friendli support with the endpoint id.",
  },
  WORKLOAD_INIT_SETTINGS_ERROR: {
    meaning: "The endpoint's settings could not be applied to the deployment.",
    fix: "Check the GPU (`gpu`), the replica settings and the advanced engine settings (`max-batch-size`, `max-token-count`, `max-input-length`, `max-context-length`); remove the advanced ones to fall back to Friendli's defaults.",
  },
  WORKLOAD_INIT_GRPC_ERROR: {
    meaning: "An internal call between Friendli's services failed while the endpoint was being set up.",
    fix: "This is on Friendli's side and usually transient: run the workflow again. If it persists, contact Friendli support with the endpoint id.",
  },
  WORKLOAD_INIT_MANIFEST_NOT_FOUND_ERROR: {
    meaning: "Friendli could not find the model files it needs in the Hugging Face repository.",
    fix: "Put the weights as safetensors (`model.safetensors` or `model.safetensors.index.json` with its shards) and `config.json` at the root of the repository (not in a subfolder), at the revision you deploy (`hf-model-revision`).",
  },
  WORKLOAD_INIT_MANIFEST_TYPE_ERROR: {
    meaning: "The model's files are there but of a type or architecture Friendli cannot serve.",
    fix: "Check that `config.json` names an architecture Friendli supports and that the weights are safetensors (not .bin/.pt, GGUF or another format).",
  },
  WORKLOAD_INIT_DOWNLOAD_ERROR: {
    meaning: "Downloading the model from Hugging Face failed.",
    fix: "Check that `hf-model-repo` and `hf-model-revision` exist and that Hugging Face is reachable (status.huggingface.co), then run the workflow again.",
  },
  WORKLOAD_INIT_INVALID_TOKEN_ERROR: {
    meaning: "The Hugging Face token integrated in Friendli is invalid: revoked, expired or deleted.",
    fix: `Create a new Hugging Face access token (read) and integrate it again in ${HF_TOKEN_SETTINGS}.`,
  },
  WORKLOAD_INIT_CANNOT_ACCESS_REPO_ERROR: {
    meaning:
      "Friendli cannot read the Hugging Face repository: it is private or gated, or it does not exist.",
    fix: `Check the spelling of \`hf-model-repo\`. For a private or gated model, integrate a Hugging Face token of an account that can read it in ${HF_TOKEN_SETTINGS}, and accept the model's licence on its Hugging Face page with that account.`,
  },
  WORKLOAD_INIT_HF_WANDB_API_ERROR: {
    meaning:
      "A call to the Hugging Face (or Weights & Biases) API failed while the endpoint was being set up.",
    fix: "Usually transient or a rate limit on Hugging Face's side: run the workflow again later. If it persists, check the token integrated in Friendli Suite.",
  },
  WORKLOAD_INIT_INSUFFICIENT_DISK_ERROR: {
    meaning: "The model does not fit on the instance's disk.",
    fix: "Remove files the engine does not need from the repository (e.g. `.bin` or `.pt` weights next to the safetensors, other checkpoints), deploy a smaller or quantized model, or try a larger instance option (`gpu`).",
  },
  INFERENCE_ENGINE_UNKNOWN_ERROR: {
    meaning: "The inference engine failed to start, for a reason Friendli did not classify.",
    fix: "Retry once; if it fails again, check the endpoint's logs in Friendli Suite and contact Friendli support with the endpoint id.",
  },
  INFERENCE_ENGINE_INVALID_ARGUMENT_ERROR: {
    meaning: "The inference engine rejected its settings.",
    fix: "Check the advanced settings against the model: `max-context-length` and `max-input-length` must not exceed what the model supports (`max_position_embeddings` in config.json), and `max-token-count` must be at least `max-input-length`. Remove them to use Friendli's defaults.",
  },
  INFERENCE_ENGINE_MEMORY_ERROR: {
    meaning: "The model does not fit in GPU memory with these settings (out of memory).",
    fix: "Choose a larger instance option (more or bigger GPUs, e.g. `2x H100` or `1x H200`), or lower `max-batch-size`, `max-token-count` or `max-context-length`, or deploy a quantized model.",
  },
  INFERENCE_ENGINE_METERING_CLIENT_CONFIG_ERROR: {
    meaning: "The engine's usage-metering configuration on Friendli's side is broken.",
    fix: "Nothing in the workflow causes this: contact Friendli support with the endpoint id, and check the team's billing status in Friendli Suite.",
  },
}                                                 ;

function describeErrorCode(code                           )                            {
  if (!code) return undefined;
  if (Object.hasOwn(ERROR_CODES, code)) return ERROR_CODES[code                            ];
  // The enum may grow before this table does: still say something useful and name the code.
  return {
    meaning: `Friendli reported the error code ${code}, which this action does not know yet.`,
    fix: "Check the endpoint's logs in Friendli Suite; search Friendli's documentation for the code, or contact Friendli support with the endpoint id.",
  };
}

/** One line for logs, the job summary and the PR comment: what it means, then what to change. */
function errorHint(code                           )                     {
  const hint = describeErrorCode(code);
  return hint && `${hint.meaning} ${hint.fix}`;
}


/***/ }),

/***/ 2465:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ versionOf),
/* harmony export */   r: () => (/* binding */ LedgerRun),
/* harmony export */   settleCancelledDeployment: () => (/* binding */ settleCancelledDeployment)
/* harmony export */ });
/* harmony import */ var _deployments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5880);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87);
// One run's use of the deployment ledger (GitHub Deployments, ./deployments.ts): read the
// environment's history before the lookup, record this run's deployment once the endpoint id is
// known, set its final status from `result` (or, after a cancellation, from the post step), retire
// it when the endpoint is deleted. Reading is harmless, so a dry run reads too (and can show
// `unchanged`); a dry run never writes.

                                               
                                                       
                                                  
                                                         



/** What the main step and the post step know when they open the run's ledger. */
                                                                                               
                 
  

                                       
                    
                                                                                                    
                                         
  

/** The ledger the inputs name: `github-deployment`, `github-token`, and the environment of `name`. */
function ledgerOptions({ inputs, ...step }             )                {
  const { githubDeployment: enabled, dryRun, githubToken: token } = inputs;
  return { ...step, enabled, dryRun, token, environment: (0,_ledger_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentName */ .VE)(inputs.environment, inputs.name) };
}

/** What `result` says about the version this run asked for, as a deployment status. */
const FINAL                                      = {
  created: "success",
  updated: "success",
  unchanged: "success",
  "timed-out": "failure",
  "rolled-back": "failure",
};

/** The ledger of the environment the inputs name, as one run records its deploy in it. */
class LedgerRun extends _deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .DeploymentLedger */ .td {
                   run                  ;
  /** The run's own deployment has its last status (a rollback's record is not the run's own). */
          settled = false;

  constructor(run                  ) {
    super(ledgerOptions(run));
    this.run = run;
    const { environment } = this;
    if (this.active) run.report.deployment = { environment, ...link(run.context, environment) };
  }

  /** The environment's history, before this run adds to it; `{}` when the ledger is off. */
           async read()                      {
    const view = await super.read();
    const last = view.lastSuccess;
    if (last && this.run.inputs.operation === "deploy") this.run.report.previous = versionOf(last);
    return view;
  }

  /** Records this run's deployment of `settings` on endpoint `endpointId` (in_progress), once. */
  async record(endpointId                    , settings                    , what        )                {
    if (this.deploymentId !== undefined) return;
    const id = await this.begin(this.payload(endpointId, settings), what);
    if (id === undefined) return;
    const { report } = this.run;
    report.deployment = { ...(report.deployment ?? { environment: this.environment }), id };
    this.run.saveDeploymentId(id);
  }

  /**
   * The endpoint moved to another choice of `gpu`: the deployment recorded for the last one ends
   * `failure` (`why`), and one of `settings` is recorded, so the ledger holds what serves.
   */
  async moveTo(endpointId        , settings                    , why        )                {
    if (this.deploymentId === undefined) return;
    await this.finish("failure", { description: why });
    this.deploymentId = undefined;
    await this.record(endpointId, settings, `Moved to ${settings.gpu.label}`);
  }

  /**
   * The failed update's deployment ends `failure`, and the rollback is recorded as a deployment of
   * its own with the settings put back (`success`): the ledger's newest entry is then what serves.
   */
  async recordRollback(endpointId        , entry             )                {
    await this.finish("failure", { description: "Failed; rolled back" });
    this.settled = true;
    const payload = this.payload(endpointId, entry.payload.settings);
    const id = await this.begin(payload, `Rollback to deployment ${entry.deploymentId}`);
    if (id !== undefined) await this.finish("success", this.serving());
  }

  /**
   * The run's deployment's last status, from `result`. A cancelled run sends nothing (the post step
   * does); `failed` is `failure` when the endpoint failed (its status said so), `error` when the run did.
   */
  async end(result        )                {
    if (this.deploymentId === undefined || this.settled) return;
    this.settled = true;
    const failed = this.run.report.status?.toUpperCase() === "FAILED" ? "failure" : "error";
    const state = FINAL[result] ?? (result === "failed" ? failed : undefined);
    const description =
      result === "timed-out" ? "Timed out" : result === "rolled-back" ? "Failed; rolled back" : "Failed";
    if (state) await this.finish(state, state === "success" ? this.serving() : { description });
  }

          payload(endpointId                    , settings                    ) {
    const { name, projectId } = this.run.inputs;
    return (0,_ledger_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPayload */ .nI)({ id: endpointId, name, projectId }, settings);
  }

          serving() {
    const url = this.run.report.inferenceUrl ?? `${this.run.inputs.apiUrl}/dedicated/v1`;
    return { description: "Serving", environmentUrl: url };
  }
}

function link(context            , environment        )                   {
  const { serverUrl, repository } = context;
  if (!/^https?:\/\/[A-Za-z0-9.:-]+$/.test(serverUrl) || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return {};
  return { url: `${serverUrl}/${repository}/deployments/${encodeURIComponent(environment)}` };
}

/** A ledger entry as the reports show a version. */
function versionOf(entry             )                                     {
  const { model, gpu, autoscaling } = entry.payload.settings;
  return {
    deploymentId: entry.deploymentId,
    model: { ...model },
    gpu: gpu.label,
    replicas: { min: autoscaling.minReplicas, max: autoscaling.maxReplicas },
  };
}

/**
 * The post step's part: after a cancellation the main step sends nothing, so this run's deployment
 * (`deploymentId`, saved by the main step; '' when it recorded none) is still `in_progress`. It
 * becomes `error` (cancelled), or `inactive` when the post step deleted the endpoint. Never fails
 * the step (the ledger warns).
 */
async function settleCancelledDeployment(
  opts                                                                    ,
)                {
  const id = Number(opts.deploymentId);
  if (!Number.isSafeInteger(id) || id <= 0) return;
  const ledger = new _deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .DeploymentLedger */ .td(ledgerOptions(opts));
  if (!opts.deletedEndpointId) {
    await ledger.setStatus(id, "error", { description: "Cancelled" });
    return;
  }
  // The run's own entry, then any other entry that still stands for the deleted endpoint.
  const description = "Cancelled; the endpoint was deleted";
  await ledger.setStatus(id, "inactive", { description });
  await ledger.retire(opts.deletedEndpointId, description);
}


/***/ }),

/***/ 8029:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(6421);
// EXTERNAL MODULE: ./build/base/clock.js
var clock = __webpack_require__(2030);
// EXTERNAL MODULE: ./build/base/names.js
var names = __webpack_require__(8612);
// EXTERNAL MODULE: ./build/base/redact.js
var redact = __webpack_require__(8839);
// EXTERNAL MODULE: ./build/base/safe-text.js
var safe_text = __webpack_require__(5511);
// EXTERNAL MODULE: ./build/friendli/client.js
var client = __webpack_require__(5523);
// EXTERNAL MODULE: ./build/github/context.js
var context = __webpack_require__(9009);
// EXTERNAL MODULE: ./build/inputs/fields.js
var fields = __webpack_require__(4347);
// EXTERNAL MODULE: ./build/inputs/inputs.js
var inputs = __webpack_require__(743);
// EXTERNAL MODULE: ./build/ledger/run.js
var run = __webpack_require__(2465);
// EXTERNAL MODULE: ./build/base/timing.js
var timing = __webpack_require__(2892);
// EXTERNAL MODULE: ./build/friendli/errors.js
var errors = __webpack_require__(3615);
// EXTERNAL MODULE: ./build/report/delete-step.js
var delete_step = __webpack_require__(4523);
;// CONCATENATED MODULE: ./build/operations/after-failure.js
// What happens to the endpoint after a run that failed, timed out or was cancelled: a warning that
// says where it was left, and delete-on-failure. The advice is pure; the delete is the one
// request, with a deadline of its own (after a timeout the run's deadline has passed).
                                              
                                             
                                               


                                                            

                                                  

                                                         

                             
                                                                                                        
                 
                                                          
                      
                        
                                                                             
                       
                                                                                                        
                    
                                                                       
                      
 

                         
                   
                                                                                                     
                     
 

/** First match wins. A cancelled run sends no request: the post step deletes what it must. */
function adviceAfterFailure(f              )                {
  const warn = (warning        ) => ({ deleteNow: false, warning });
  const cancelled = f.result === "cancelled";
  const named = `endpoint ${f.endpointId} ("${f.endpointName}")`;
  if (!f.endpointId) {
    // The create went out but its endpoint was never identified: it may exist and cost money.
    if (!f.createSent || f.operation !== "deploy") return { deleteNow: false };
    return warn(
      `An endpoint named "${f.name}" may have been created in project ${f.projectId} before the run ` +
        `${cancelled ? "was cancelled" : "failed"}; check Friendli Suite, or remove it with ` +
        `operation: delete, name: ${f.name}`,
    );
  }
  if (f.unproven) {
    // Deleting it might delete another run's endpoint: the reader decides.
    return warn(
      `Endpoint ${f.endpointId} ("${f.endpointName}") is left in place: this run's create went unanswered, so ` +
        "it cannot prove that it made it (another run may have). If it is not wanted, delete it with this " +
        `step:\n${(0,delete_step/* deleteStep */.C)(f, f.endpointId)}`,
    );
  }
  if (!cancelled) return { deleteNow: f.deleteOnFailure && f.createdHere };
  if (f.operation === "delete") {
    return warn(`Cancelled: the DELETE of ${named} may not have finished; check it or run the delete again`);
  }
  // Never advise deleting an endpoint this run found: it may be someone's production endpoint.
  if (!f.createdHere) {
    const update = f.operation === "deploy" && f.ifExists === "update";
    return warn(
      `Cancelled: ${named} was not created by this run and is left as it is` +
        (update ? "; an update sent before the cancellation may still be rolling out" : ""),
    );
  }
  return warn(
    `Cancelled: ${named} may still be provisioning and costing GPU time` +
      (f.deleteOnFailure
        ? "; the post step will delete it"
        : `; delete it with operation: delete, endpoint-id: ${f.endpointId}`),
  );
}

                       
                                                              
                                                      
               
              
                                  
                             
     
                                                                                                    
                                                                       
     
                                
 

/** Warns as the advice says, and deletes when it says so; never throws. */
async function afterFailure(report           , facts              , deps             )                {
  const advice = adviceAfterFailure(facts);
  if (advice.warning) deps.warn(advice.warning);
  // Already deleted by the run itself (its own duplicate, when another run kept the name).
  if (!advice.deleteNow || !facts.endpointId || report.deletedAfterFailure) return;
  const id = facts.endpointId;
  deps.owe?.(true);
  try {
    await deps.clientUntil(deps.clock.now() + timing/* CLEANUP_DEADLINE_MS */.Dr).delete(id);
    deps.log.info(`delete-on-failure: deleted endpoint ${id}, which this run created`);
  } catch (err) {
    // A 404 is gone: most likely our own first attempt, whose answer was lost before the retry.
    if (!(err instanceof errors/* ApiError */.hD && err.status === 404)) {
      const why = (0,redact/* formatError */.Wk)(err, deps.secrets);
      return deps.warn(
        `delete-on-failure: could not delete endpoint ${id}: ${why}; the post step tries again`,
      );
    }
  }
  report.deletedAfterFailure = true;
  deps.owe?.(false);
}

// EXTERNAL MODULE: ./build/operations/client-options.js
var client_options = __webpack_require__(2468);
// EXTERNAL MODULE: ./build/cost/estimate.js + 1 modules
var estimate = __webpack_require__(3711);
// EXTERNAL MODULE: ./build/cost/report.js
var cost_report = __webpack_require__(5848);
;// CONCATENATED MODULE: ./build/operations/cost.js
// What the run's endpoint costs, into the report: the estimate per hour (from the plan, or for an
// endpoint left as it is, from its spec), and the cost so far from the team's cost report, read on
// a budget of its own (COST_REPORT_BUDGET_MS) that never fails or holds up the run.

                                             



                                                           
                                                            
                                                  
                                            
                                                         
                                                     

/** The estimate into the report and the log: the plan's, else the found endpoint's own settings. */
function recordHourlyCost(
  { inputs, report, log }                  ,
  plan      ,
  found                ,
) {
  const hourly =
    plan.cost ??
    (found?.spec && (0,estimate/* estimateFromSpec */.uy)(found.spec, inputs.gpuHourlyPrice, inputs.gpu?.instanceOptionId));
  if (!hourly) return;
  report.cost = { ...report.cost, hourly };
  if (!inputs.dryRun) log.info(`Estimated cost: ${(0,estimate/* estimateText */.YL)(hourly)}`);
}

/**
 * The endpoint's cost to date into the report, after a deploy or a status check that knows the
 * endpoint. Not after a dry run (nothing was meant to be sent but the lookup) nor a delete.
 */
async function recordCostSoFar(
  report           ,
  deps   
                   
                                                        
                      
                
                               
   ,
)                {
  const { inputs } = deps;
  if (inputs.dryRun || (inputs.operation !== "deploy" && inputs.operation !== "status")) return;
  const id = report.endpointId;
  if (!id || report.deletedAfterFailure) return;
  const createdAtMs = Date.parse(report.createdAt ?? "");
  const endpoints = [{ id, createdAtMs: Number.isFinite(createdAtMs) ? createdAtMs : undefined }];
  const client = deps.clientUntil(deps.now() + timing/* COST_REPORT_BUDGET_MS */.ky);
  try {
    const costs = await (0,cost_report.readCostToDate)(client, { endpoints, nowMs: deps.now() }, deps.log, deps.secrets);
    const toDate = costs?.get(id);
    if (toDate) report.cost = { ...report.cost, toDate };
  } finally {
    await client.http.close();
  }
}

// EXTERNAL MODULE: ./build/endpoint/lookup.js + 1 modules
var lookup = __webpack_require__(6058);
// EXTERNAL MODULE: ./build/friendli/error-codes.js
var error_codes = __webpack_require__(8411);
// EXTERNAL MODULE: ./build/ledger/ledger.js
var ledger_ledger = __webpack_require__(87);
// EXTERNAL MODULE: ./build/preflight/report.js
var preflight_report = __webpack_require__(9351);
;// CONCATENATED MODULE: ./build/plan/describe.js
// The plan in words, for the log of a dry run (the summary shows the request from the report).

                                                           

                                                                

/** The plan in words, one line per step: what is done to which endpoint, then what follows. */
function describePlan(p      )         {
  const lines = (0,preflight_report/* findingLines */.hq)(p.findings);
  lines.push(`Plan: ${actionText(p)}`);
  const a = p.action;
  if (a.kind === "update") {
    for (const c of a.changes) lines.push(`  ${c.field}: ${c.from} -> ${c.to}`);
    if (a.changes.length === 0) lines.push("  no change in the settings the API shows (GPU, autoscaling)");
    if (a.unseen.length > 0) lines.push(`  sent as requested, not shown by the API: ${a.unseen.join(", ")}`);
    if (a.drift)
      lines.push(`  drift: ${a.drift.join(", ")} changed outside this action since the last deploy`);
    if (a.rollback) lines.push(describeRollback(a.rollback));
  }
  if (p.cost) lines.push(`Cost: ${(0,estimate/* estimateText */.YL)(p.cost)}`);
  if (p.wait) lines.push(`Then: wait until it is ${WAIT_GOAL[p.wait.target]}`);
  if (p.smokeTest) lines.push(`Then: a smoke test${p.smokeRoute ? ` (${p.smokeRoute} route first)` : ""}`);
  return lines.join("\n");
}

const WAIT_GOAL = { gone: "gone", running: "RUNNING", sleeping: "SLEEPING" }         ;

/** The rollback target in words: which record, and every setting it would put back. */
function describeRollback(r          )         {
  const { model, gpu, autoscaling: a, simplescale } = r.entry.payload.settings;
  const replicas = simplescale
    ? `${simplescale.replicas} fixed`
    : `${a.minReplicas}-${a.maxReplicas}, cooldown ${a.cooldownSeconds}s`;
  return (
    `If it fails: put back the settings of GitHub deployment ${r.entry.deploymentId} ` +
    `(${model.repo}${model.revision ? `@${model.revision}` : ""}, ${gpu.label}, replicas ${replicas}; ` +
    `${r.request.method} ${r.request.url})`
  );
}

function actionText(p      )         {
  const a = p.action;
  switch (a.kind) {
    case "create":
      return "create the endpoint";
    case "update":
      return `update endpoint ${a.endpoint.id} with a new version`;
    case "reuse":
      return `leave endpoint ${a.endpoint.id} as it is${statusText(a.endpoint)}`;
    case "unchanged":
      return (
        `leave endpoint ${a.endpoint.id} as it is${statusText(a.endpoint)}: GitHub deployment ` +
        `${a.entry.deploymentId} recorded the same settings (\`if-unchanged: skip\`)`
      );
    case "delete":
      return `delete endpoint ${a.endpoint.id}`;
    case "nothing":
      return `nothing to do (${a.reason})`;
    case "fail":
      return `fail (${a.message})`;
    case "sweep": {
      const doomed = a.rows.filter((r) => r.decision.action !== "keep").length;
      const verb = a.rows.some((r) => r.decision.action === "sleep") ? "put to sleep" : "delete";
      return `sweep ${a.rows.length} preview endpoint(s): ${verb} ${doomed}, keep ${a.rows.length - doomed}`;
    }
    case "lifecycle":
      return a.request
        ? `${a.op} endpoint ${a.endpoint.id}${statusText(a.endpoint)}`
        : `leave endpoint ${a.endpoint.id} as it is${statusText(a.endpoint)}: nothing to ${a.op}`;
  }
}

/** The request a dry run did not send, as it would go out (the token masked). */
function describeRequest(r                            , apiUrl        )         {
  if (!r) return "dry-run: nothing was changed, and no request would be sent.";
  return [
    "dry-run: nothing was changed. The request that would be sent:",
    `${r.method} ${apiUrl}${r.url}`,
    "Authorization: Bearer ***",
    ...(r.body === undefined ? [] : [JSON.stringify(r.body, null, 2)]),
  ].join("\n");
}

function statusText(found               )         {
  return found.status ? ` (${found.status.status})` : "";
}

// EXTERNAL MODULE: ./build/base/format.js
var format = __webpack_require__(8253);
// EXTERNAL MODULE: ./build/friendli/request-policy.js
var request_policy = __webpack_require__(3590);
// EXTERNAL MODULE: ./build/inputs/preview-names.js
var preview_names = __webpack_require__(813);
// EXTERNAL MODULE: ./build/sweep/decide.js
var decide = __webpack_require__(9387);
// EXTERNAL MODULE: ./build/friendli/gpus.js
var gpus = __webpack_require__(9719);
;// CONCATENATED MODULE: ./build/plan/changes.js
// What an update would change, as far as the API shows it. The endpoint's spec (GET) carries the
// GPU and the autoscaling policy (a fixed count as its range); the model, its revision and the
// engine settings are in no response, so they can only be named as sent, not compared.

                                                                               

/** One setting an update would change. */
                              
                
                                   
               
             
 

/** The spec's GPU as the action names it ("NVIDIA H100" x 2 → "2x H100"), or its own words. */
function gpuOf(spec                          )                                             {
  if (!spec?.gpuType) return undefined;
  const text = `${spec.numGpu ?? 1}x ${spec.gpuType}`;
  const resolved = (0,gpus/* resolveGpu */.zq)(text);
  return resolved.ok ? { id: resolved.gpu.instanceOptionId, label: resolved.gpu.label } : { label: text };
}

/** The settings a PUT sends that no response shows. */
const UNSEEN = ["hfModelRepo", "hfModelRepoRevision", "advanced"]         ;

/**
 * The settings that would change (GPU, autoscaling), and the ones sent that the API does not show
 * (`unseen`: the model, its revision, the engine settings, and any field the spec left empty).
 */
function specChanges(
  spec                          ,
  body                    ,
)                                               {
  const changes                = [];
  const unseen           = UNSEEN.filter((k) => body[k] !== undefined);
  const compare = (field        , from                    , to                    , same = from === to) => {
    if (to === undefined) return;
    if (from === undefined) unseen.push(field);
    else if (!same) changes.push({ field, from, to });
  };
  if (body.instanceOptionId !== undefined) {
    const now = gpuOf(spec);
    const wanted = (0,gpus/* resolveGpu */.zq)(body.instanceOptionId);
    const to = wanted.ok ? wanted.gpu.label : body.instanceOptionId;
    compare("gpu", now?.label, to, now?.id === body.instanceOptionId);
  }
  const policy = body.autoscalingPolicy;
  const num = (n                           ) => (n === null || n === undefined ? undefined : String(n));
  compare("autoscalingPolicy.minReplica", num(spec?.autoscalingMin), num(policy?.minReplica));
  compare("autoscalingPolicy.maxReplica", num(spec?.autoscalingMax), num(policy?.maxReplica));
  compare("autoscalingPolicy.cooldownPeriod", num(spec?.autoscalingCooldown), num(policy?.cooldownPeriod));
  // A fixed count: the spec shows it as the endpoint's replica range.
  const [min, max] = [num(spec?.autoscalingMin), num(spec?.autoscalingMax)];
  const range = min === undefined || min === max ? max : `${min}-${max}`;
  compare("simplescale.replicas", max && range, num(body.simplescale?.replicas));
  return { changes, unseen };
}

;// CONCATENATED MODULE: ./build/preflight/decide.js
// The pre-flight's rules, as pure functions over what the Hub said. Friendli needs safetensors
// weights and config.json at the repository's root, and weights that leave room for the KV cache on
// the chosen GPUs; it finds out otherwise only after a GPU is allocated and billed.

                                                                                                            

/** Over this share of GPU memory the weights leave no room for the engine: the deploy fails. */
const FIT_FAIL_RATIO = 0.95;
/** Over this share little is left for the KV cache: a warning. */
const FIT_WARN_RATIO = 0.8;

const GB = 1e9;

function formatGb(bytes        )         {
  return `${(bytes / GB).toFixed(bytes < 10 * GB ? 2 : 1)} GB`;
}

/** The smallest option of each GPU model that holds `bytes` under the fail ratio, smallest memory first. */
function optionsThatFit(bytes        )              {
  const best = new Map                                               ();
  for (const option of gpus/* GPU_OPTIONS */.Ul) {
    const memory = (0,gpus/* optionMemoryBytes */.eB)(option.instanceOptionId);
    if (memory === undefined || bytes / memory > FIT_FAIL_RATIO) continue;
    const known = best.get(option.gpu);
    if (!known || memory < known.memory) best.set(option.gpu, { option, memory });
  }
  return [...best.values()].sort((a, b) => a.memory - b.memory).map((x) => x.option);
}

/** The GPU-fit finding for weights of `bytes` on the context's option. */
function fitFinding(
  bytes        ,
  ctx                                                         ,
)                                       {
  const memory = (0,gpus/* optionMemoryBytes */.eB)(ctx.instanceOptionId);
  if (memory === undefined) {
    const message = `weights ${formatGb(bytes)}; instance option ${ctx.gpuLabel} is not in the GPU table, so the fit was not checked`;
    return { finding: { check: "fit", severity: "info", message } };
  }
  const ratio = bytes / memory;
  const share = `weights ${formatGb(bytes)} are ${Math.round(ratio * 100)}% of ${ctx.gpuLabel}'s ${formatGb(memory)} GPU memory`;
  const fits = optionsThatFit(bytes).map((o) => o.label);
  const advice = fits.length > 0 ? `options that fit: ${fits.join(", ")}` : "no instance option holds them";
  const [severity, message]                     =
    ratio > FIT_FAIL_RATIO
      ? ["fail", `${share}: they do not fit (${advice})`]
      : ratio > FIT_WARN_RATIO
        ? [
            "warn",
            `${share}: little room is left for the KV cache; the engine may fail to start or serve short contexts only`,
          ]
        : ["info", share];
  return { ratio, finding: { check: "fit", severity, message } };
}

/** The finding when the Hub did not give the facts. */
function failureFinding(answer                              , ctx                  )          {
  const at = ctx.revision === undefined ? ctx.repo : `${ctx.repo}@${ctx.revision}`;
  switch (answer.kind) {
    case "unauthorized":
      return {
        check: "access",
        severity: "fail",
        message: ctx.hasToken
          ? `the Hugging Face Hub refused hf-token (401) for ${at}: check the token`
          : `the Hugging Face Hub answered 401 for ${ctx.repo}: it does not exist, or it is private. Pass \`hf-token\` (a token that can read it), or set \`preflight: false\` to deploy without checking`,
      };
    case "not-found":
      return {
        check: "access",
        severity: "fail",
        message: `model ${ctx.repo} was not found on the Hugging Face Hub, or hf-token cannot read it`,
      };
    case "revision-not-found":
      return {
        check: "revision",
        severity: "fail",
        message: `revision ${ctx.revision ?? "(default branch)"} does not exist in ${ctx.repo}`,
      };
    case "unreachable":
      return {
        check: "hub",
        severity: "warn",
        message: `could not check ${at} on the Hugging Face Hub (${answer.reason}); deploying without the pre-flight`,
      };
  }
}

/** Every check over a readable repository; `fit` is the GPU fit's, when there are weights. */
function factFindings(facts          , ctx                  , hasWeights         , fit          )            {
  const pinned =
    ctx.revision === undefined
      ? `${ctx.repo} pinned at ${facts.sha} (the default branch's commit)`
      : `${ctx.repo}@${ctx.revision} is commit ${facts.sha}`;
  const findings            = [{ check: "revision", severity: "info", message: pinned }];
  const missing = [
    ...(hasWeights ? [] : ["safetensors weights"]),
    ...(facts.files.some((f) => f.path === "config.json") ? [] : ["config.json"]),
  ];
  if (missing.length > 0) {
    const root =
      facts.files
        .map((f) => f.path)
        .slice(0, 8)
        .join(", ") || "nothing";
    findings.push({
      check: "files",
      severity: "fail",
      message: `Friendli needs safetensors weights and config.json at the repository root; ${facts.sha.slice(0, 12)} has no ${missing.join(" and no ")} (root: ${root})`,
    });
  }
  if (fit) findings.push(fit);
  if (facts.gated) {
    findings.push({
      check: "gated",
      severity: "warn",
      message: `${ctx.repo} is gated: Friendli downloads it with the Hugging Face token saved in its integrations, and that token's account must have been granted access, or the deploy fails while downloading the model`,
    });
  }
  const template =
    facts.chatTemplate === null
      ? "the chat template could not be read; the smoke test tries chat first"
      : facts.chatTemplate
        ? "has a chat template: the smoke test uses chat completions"
        : "has no chat template: the smoke test uses completions";
  findings.push({ check: "chat-template", severity: "info", message: template });
  return findings;
}

/** The whole verdict: the findings, whether the deploy may go on, and what to pin and report. */
function decide_decide(answer           , ctx                  , elapsedMs        )                  {
  if (answer.kind !== "found") {
    const finding = failureFinding(answer, ctx);
    const checked = answer.kind !== "unreachable";
    return { ok: finding.severity !== "fail", checked, findings: [finding], elapsedMs };
  }
  // Safetensors weights at the root, single file or shards.
  const weights = answer.files.filter((f) => f.path.endsWith(".safetensors") && !f.path.includes("/"));
  const bytes = weights.reduce((n, f) => n + f.size, 0);
  // With several GPU choices, the fit of the first that holds the weights: the deploy goes there.
  const fits = weights.length > 0 ? [ctx, ...(ctx.fallbacks ?? [])].map((g) => fitFinding(bytes, g)) : [];
  const fit = fits.find((f) => f.finding.severity !== "fail") ?? fits[0];
  const findings = factFindings(answer, ctx, weights.length > 0, fit?.finding);
  return {
    ok: !findings.some((f) => f.severity === "fail"),
    checked: true,
    findings,
    revision: answer.sha,
    smokeRoute: answer.chatTemplate === false ? "completions" : "chat",
    weightBytes: bytes,
    memoryRatio: fit?.ratio,
    elapsedMs,
  };
}

;// CONCATENATED MODULE: ./build/plan/gpu-choices.js
// `gpu` as an ordered list of choices: which of them a deploy may use, and when the endpoint moves
// on to the next. Pure; src/operations/gpu-fallback.ts carries the moves out.

                                                     
                                                  


/** One choice of `gpu`: its estimate, and why the deploy may not use it, when it may not. */
                         
                 
                    
                
 

/**
 * Every choice of `gpu`, in order, each dropped when it is over `max-hourly-cost` (or cannot be
 * priced against it), or when the pre-flight weighed the model (`weightBytes`) and it does not fit.
 * `gpu-hourly-price` is the price of the first choice's GPU model, as it is of a single `gpu`.
 */
function weighChoices(inputs        , weightBytes         )           {
  const { maxHourlyCost: cap, gpus } = inputs;
  return gpus.map((gpu) => {
    const cost = (0,estimate/* estimateHourlyCost */.Bb)({
      instanceOptionId: gpu.instanceOptionId,
      minReplicas: inputs.minReplicas,
      maxReplicas: inputs.maxReplicas,
      pricePerGpuHour: inputs.gpuHourlyPrice,
      pricedFor: gpus[0]?.instanceOptionId,
    });
    const unpriced =
      `\`max-hourly-cost\` cannot be checked: instance option ${gpu.label} is not in the GPU table, ` +
      "so its GPUs and price are unknown. Name the GPU (e.g. `2x H100`), or remove `max-hourly-cost`";
    const fit = weightBytes ? fitFinding(weightBytes, { ...gpu, gpuLabel: gpu.label }).finding : undefined;
    const drop =
      (cap !== undefined && !cost ? unpriced : (0,estimate/* capRefusal */.P1)(cost, cap)) ??
      (fit?.severity === "fail" ? fit.message : undefined);
    return { gpu, ...(cost ? { cost } : {}), ...(drop ? { drop } : {}) };
  });
}

/** Why no choice is left, or undefined. A single choice's reason reads as it always did. */
function noneLeft(choices                   )                     {
  if (choices.some((c) => !c.drop)) return undefined;
  if (choices.length === 1) return choices[0]?.drop;
  return `no GPU of \`gpu\` is left: ${choices.map((c) => `${c.gpu.label}: ${c.drop}`).join("; ")}`;
}

                   
                                                                                       
                    
                                                                 
                 
                                         
                
                              
                  
                        
 

/**
 * After a wait on one of several choices ended without success: the endpoint moves to the next
 * choice only when the wait timed out at `gpu-fallback-after`, with the endpoint still requesting
 * its VM. A download, a FAILED or the run's deadline ends the run as a single GPU's would.
 */
function movesOn(w         )          {
  return w.timedOut && w.early && w.next && stillRequesting(w);
}

/** The endpoint has not left REQUESTING_VIRTUAL_MACHINE: no VM for its GPU yet. */
function stillRequesting(s                                            )          {
  const upper = (text                ) => text?.trim().toUpperCase();
  return upper(s.status) === "INITIALIZING" && upper(s.phase) === "REQUESTING_VIRTUAL_MACHINE";
}

;// CONCATENATED MODULE: ./build/plan/lifecycle.js
// operation sleep, wake, restart: what to send an endpoint found by name or id, decided from its
// status. Pure. Only restart's precondition is in the API's own words ("Restart a FAILED or
// TERMINATED endpoint"), so only it is refused here; any other state is the API's to answer.
                                                           



                                                       

/** No `request`: the endpoint already is what the operation asks for (`result: unchanged`). */
                                  
                    
                  
                          
                                           
 

              
                                       
                                                                

const ALREADY                                       = { sleep: "SLEEPING", wake: "RUNNING" };

function lifecycleAction(
  op             ,
  found                           ,
  target        ,
)                            {
  // Nothing to put to sleep uses no GPU, as a delete of nothing deletes nothing.
  if (!found && op === "sleep") return { kind: "nothing", reason: `No endpoint ${target} to put to sleep` };
  if (!found) return { kind: "fail", message: `no endpoint ${target} to ${op}` };
  const status = found.status?.status.trim().toUpperCase();
  if (op === "restart" && status !== "FAILED" && status !== "TERMINATED") {
    const message = `endpoint ${found.id} is ${status ?? "of unknown status"}: only a FAILED or TERMINATED endpoint can be restarted`;
    return { kind: "fail", endpoint: found, message };
  }
  const request = { method: "PUT", url: (0,request_policy/* pathFor */.p0)(client/* ENDPOINT_BASE */.Mb, found.id, op) }         ;
  return { kind: "lifecycle", op, endpoint: found, ...(status === ALREADY[op] ? {} : { request }) };
}

/** A sleep waits for SLEEPING; a wake or restart for RUNNING, which SLEEPING is not. */
function lifecycleWait(op             ) {
  return op === "sleep"
    ? ({ target: "sleeping", minReplicas: 0 }         )
    : ({ target: "running", minReplicas: 1 }         );
}

;// CONCATENATED MODULE: ./build/plan/request-bodies.js
// Pure mapping from the parsed inputs to the settings a deploy asks for (as the ledger records them),
// and from settings to the exact bodies Friendli's API wants (DedicatedEndpointCreateBody /
// DedicatedEndpointUpdateBody in the OpenAPI document).
                                                                                     
                                                  
                                                              

/**
 * What a deploy asks for, as the ledger records and compares it. `resolved`: the commit the
 * pre-flight resolved the default branch to, pinned when the workflow named no revision, so
 * Friendli deploys exactly what the pre-flight checked.
 */
function requestedSettings(inputs        , resolved         )                     {
  const { hfModelRepo: repo, gpu } = inputs;
  const revision = inputs.hfModelRevision ?? resolved;
  if (!repo || !gpu) throw new Error("deploy needs hf-model-repo and gpu (the input parser guarantees both)");
  return {
    model: revision ? { repo, revision } : { repo },
    gpu: { instanceOptionId: gpu.instanceOptionId, label: gpu.label },
    autoscaling: {
      minReplicas: inputs.minReplicas,
      maxReplicas: inputs.maxReplicas,
      cooldownSeconds: inputs.cooldownSeconds,
    },
    ...(inputs.replicas === undefined ? {} : { simplescale: { replicas: inputs.replicas } }),
    engine: { ...inputs.advanced },
  };
}

function createBody(inputs        , resolved         )                     {
  const { newVersionComment, ...settings } = updateBody(
    requestedSettings(inputs, resolved),
    inputs.versionComment,
  );
  return {
    projectId: inputs.projectId,
    name: inputs.name,
    ...settings,
    initialVersionComment: newVersionComment,
  };
}

/**
 * A new version with every one of `settings`: an update converges on what the workflow says, a
 * rollback puts back what the ledger recorded.
 */
function updateBody(settings                    , versionComment        ) {
  const { model, autoscaling } = settings;
  return {
    instanceOptionId: settings.gpu.instanceOptionId,
    hfModelRepo: model.repo,
    ...(model.revision ? { hfModelRepoRevision: model.revision } : {}),
    // A fixed count goes without a policy: the API takes one or the other.
    ...(settings.simplescale
      ? { simplescale: settings.simplescale }
      : {
          autoscalingPolicy: {
            minReplica: autoscaling.minReplicas,
            maxReplica: autoscaling.maxReplicas,
            cooldownPeriod: autoscaling.cooldownSeconds,
          },
        }),
    advanced: { ...settings.engine },
    newVersionComment: versionComment,
  }                             ;
}

;// CONCATENATED MODULE: ./build/plan/plan.js
// The plan: what a run will do, decided before it does anything. Pure: the inputs and what the
// lookup found go in, a Plan with the exact request it would send comes out.


                                                      
                                                           


                                                       
                                                                                     
                                                             


                                                     






/** A request as dry run shows it: the path is relative to api-url; the token is never part of it. */
                                              
                                    
              
           
 

                                                   

/** What the run does to the endpoint; ./result.ts maps each kind to its `result`. */
                           
                                                             
     
                     
                              
                                            
                                                                                                      
                             
                       
                          
                                                                                                             
                                
     
                                                                                                   
                                                                      
                                                                                                      
                                              
                                                                               
                                                                                         
                                       
                                                                        
                                                               
                                                                       
                    

                       
                       
                        
                                                                                      
                                                                          
                     
                                                                                                  
                          
                                                                              
                      
                                                                                                       
                    
                                                                                              
                     
 

/** `rollback-on-failure`: the ledger entry whose settings go back if the update fails, and the PUT. */
                           
                     
                                        
 

                     
                                   
                       
                                                                                                       
                    
                          
                                                                                   
                       
                      
                                                                                        
                     
 

                             
                              
                                       
                                                                           
                          
                                    
                
 

// A sweep's deletes are not waited for: a nightly job need not watch each GPU wind down.
const WAITED = new Set                       (["create", "update", "reuse", "delete", "lifecycle"]);

/** The decision table of every operation. */
function plan_plan(inputs        , facts           )       {
  // Only settings the deploy puts on the endpoint cost money and meet `max-hourly-cost`: a reused
  // endpoint keeps its own.
  const configures = inputs.operation === "deploy" && (!facts.found || inputs.ifExists === "update");
  // Each choice of `gpu` is held to the cap and to the model's size: the first one kept is asked for,
  // unless the endpoint already serves these settings on a later one (where a fallback left it).
  const weighed = configures ? weighChoices(inputs, facts.weightBytes) : undefined;
  const on = weighed?.find((c) => !c.drop && c.gpu.instanceOptionId === gpuOf(facts.found?.spec)?.id);
  const stays = on && actionFor({ ...inputs, gpu: on.gpu }, facts).kind === "unchanged";
  const choices = on && stays ? [on, ...(weighed ?? []).filter((c) => c !== on)] : weighed;
  const chosen = choices?.find((c) => !c.drop) ?? choices?.[0];
  const cost = chosen?.cost;
  const refusal = choices && noneLeft(choices);
  // The cap is a finding like the GPU-memory fit: shown with them, and it fails the plan the same way.
  const findings            = [...(facts.findings ?? [])];
  // A single choice that does not fit is the pre-flight's own finding already.
  if (refusal && !findings.some((f) => f.message === refusal))
    findings.push({ check: "cost", severity: "fail", message: refusal });
  const blocking = findings.find((f) => f.severity === "fail");
  const action                = blocking
    ? { kind: "fail", message: blocking.message, ...(facts.found ? { endpoint: facts.found } : {}) }
    : actionFor(chosen ? { ...inputs, gpu: chosen.gpu } : inputs, facts);
  // A reused endpoint sleeps by its own autoscaling minimum, not by the inputs'.
  const minReplicas =
    action.kind === "reuse"
      ? (action.endpoint.spec?.autoscalingMin ?? inputs.minReplicas)
      : inputs.minReplicas;
  const smokeTest = inputs.smokeTest && inputs.operation === "deploy" && action.kind !== "fail";
  const wait =
    action.kind === "lifecycle"
      ? lifecycleWait(action.op)
      : { target: action.kind === "delete" ? ("gone"         ) : ("running"         ), minReplicas };
  return {
    operation: inputs.operation,
    action,
    ...(inputs.wait && WAITED.has(action.kind) ? { wait } : {}),
    smokeTest,
    ...(smokeTest && facts.smokeRoute ? { smokeRoute: facts.smokeRoute } : {}),
    findings,
    ...(cost ? { cost } : {}),
    ...(choices && choices.length > 1 ? { choices } : {}),
  };
}

function actionFor(inputs        , { found, ledger, revision, sweep }           )                {
  const target = inputs.endpointId ?? `named "${inputs.name}"`;
  switch (inputs.operation) {
    case "deploy":
      return deployAction(inputs, found, ledger ?? {}, revision);
    case "delete":
      if (!found) return { kind: "nothing", reason: `No endpoint ${target} to delete` };
      return { kind: "delete", endpoint: found, request: { method: "DELETE", url: endpointUrl(found) } };
    case "status": {
      if (found) return { kind: "reuse", endpoint: found };
      const reason = `no endpoint ${target} in project ${inputs.projectId}`;
      // A pure read reports absence; a wait for RUNNING on something that does not exist cannot succeed.
      return inputs.wait ? { kind: "fail", message: reason } : { kind: "nothing", reason };
    }
    case "sleep":
    case "wake":
    case "restart":
      return lifecycleAction(inputs.operation, found, target);
    case "sweep":
      if (!sweep) return { kind: "fail", message: "the sweep has no listing of the project's previews" };
      return {
        kind: "sweep",
        rows: (0,decide/* planSweep */.cK)(sweep.previews, sweep.states, {
          nowMs: sweep.nowMs,
          maxAgeMs: inputs.maxAgeMs,
          sleep: inputs.sweepAction === "sleep",
        }),
        othersLeftAlone: sweep.othersLeftAlone,
      };
  }
}

function endpointUrl(found               )         {
  return (0,request_policy/* pathFor */.p0)(client/* ENDPOINT_BASE */.Mb, found.id);
}

function deployAction(
  inputs        ,
  found                           ,
  ledger            ,
  resolved                    ,
)                {
  if (!found && inputs.endpointId) {
    return {
      kind: "fail",
      message: `endpoint-id ${inputs.endpointId} was not found: check the id, or leave endpoint-id empty to deploy by name`,
    };
  }
  if (!found)
    return {
      kind: "create",
      request: { method: "POST", url: client/* ENDPOINT_BASE */.Mb, body: createBody(inputs, resolved) },
    };
  if (inputs.ifExists === "fail") {
    return {
      kind: "fail",
      endpoint: found,
      message: `an endpoint named "${inputs.name}" already exists (${found.id}) and if-exists is fail`,
    };
  }
  if (inputs.ifExists === "reuse") return { kind: "reuse", endpoint: found };
  const settings = requestedSettings(inputs, resolved);
  const body = updateBody(settings, inputs.versionComment);
  const shown = specChanges(found.spec, body);
  // Without a status the endpoint cannot be shown to serve: the PUT goes out.
  const decision = found.status
    ? (0,ledger_ledger/* decideIfUnchanged */.$O)({
        mode: inputs.ifUnchanged,
        requested: { name: inputs.name, projectId: inputs.projectId, settings },
        ledger,
        endpoint: {
          id: found.id,
          status: found.status.status,
          ...(typeof found.spec?.autoscalingMin === "number"
            ? { minReplicas: found.spec.autoscalingMin }
            : {}),
        },
        drift: shown.changes.map((c) => c.field),
      })
    : undefined;
  if (decision?.action === "skip") return { kind: "unchanged", endpoint: found, entry: decision.entry };
  const rollback = inputs.rollbackOnFailure ? rollbackFor(inputs, found, ledger, settings) : undefined;
  return {
    kind: "update",
    endpoint: found,
    request: { method: "PUT", url: endpointUrl(found), body },
    ...shown,
    ...(rollback ? { rollback } : {}),
    ...(decision?.drift ? { drift: decision.drift } : {}),
  };
}

function rollbackFor(
  inputs        ,
  found               ,
  ledger            ,
  settings                    ,
)                       {
  const entry = (0,ledger_ledger/* rollbackTarget */.es)(ledger, {
    endpointId: found.id,
    name: inputs.name,
    projectId: inputs.projectId,
    settings,
  });
  if (!entry) return undefined;
  const comment = (0,format/* truncate */.xv)(
    `Rollback to GitHub deployment ${entry.deploymentId}. ${inputs.versionComment}`,
    preview_names/* MAX_VERSION_COMMENT_LENGTH */.XF,
  );
  const body = updateBody(entry.payload.settings, comment);
  return { entry, request: { method: "PUT", url: endpointUrl(found), body } };
}

/**
 * Whether a deploy asks the Hub first: only before a create or an update (the only actions that
 * make Friendli download the model), and only with `preflight: true`. Decided on the plan made
 * without findings; the plan is then made again with them.
 */
function needsPreflight(inputs        , p      )          {
  return (
    inputs.operation === "deploy" &&
    inputs.preflight &&
    (p.action.kind === "create" || p.action.kind === "update")
  );
}

/** The request the plan would send, if any. */
function plannedRequest(p      )                             {
  return "request" in p.action ? p.action.request : undefined;
}

// EXTERNAL MODULE: ./build/plan/result.js
var result = __webpack_require__(9353);
;// CONCATENATED MODULE: ./build/operations/context.js
// What every step of carrying out a plan gets, and how what it learns reaches the report. The
// report is filled in as facts are learned, so a cancelled or failed run still reports everything
// it knew; its `result` is set in one place only (src/plan/result.ts, called by main.ts).

                                         
                                              
                                             
                                                                
                                                                      
                                                            
                                                             
                                                       
                                                  
                                                  
                                                         

/** What the lookup left for the steps after it: the listed ids and the specs already read. */
                               
                                                                                                  
                      
                                                                                    
                   
                                                                                               
                       
 

                                   
                 
                  
                         
               
                      
                                                                 
                     
              
                    
                             
                                                                   
                         
                                                                   
                          
     
                                                                                             
                                                                                                 
     
                                       
                                                                                              
                                      
     
                                                                                             
                                                                                     
     
                                                                            
                                                                  
                     
                                                                                        
                                                       
 

/** A warning in the log and among the job summary's warnings. */
function warn(op                                          , message        )       {
  op.report.warnings.push(message);
  op.log.warning(message);
}

/** Copies what a status answer says into the report. */
function recordStatus(report           , s                )       {
  report.status = s.status;
  report.phase = s.phase ?? null;
  report.errorCode = s.errorCode ?? null;
  if (s.createdAt) report.createdAt = s.createdAt;
  if (s.updatedAt) report.updatedAt = s.updatedAt;
}

/** What the report says about an endpoint that was there before the run. */
function recordFound(report           , found               )       {
  report.endpointId = found.id;
  report.createdByThisRun = false;
  if (found.spec?.name) report.endpointName = found.spec.name;
  if (found.status) recordStatus(report, found.status);
}

/** What a deploy asks for, for the reports, before anything is known about the endpoint. */
function recordRequested(report           , inputs        )       {
  if (inputs.hfModelRepo) report.model = { repo: inputs.hfModelRepo, revision: inputs.hfModelRevision };
  if (inputs.gpu) report.gpu = inputs.gpu.label;
  report.replicas = { min: inputs.minReplicas, max: inputs.maxReplicas };
}

;// CONCATENATED MODULE: ./build/operations/create.js
// Carrying out a planned create, sent once: after an answer that may have been lost, the name is
// looked up again before anything is created again, so a run never leaves two GPU endpoints where
// one was asked for. Only an answered create proves an endpoint this run's (src/endpoint/created-claim.ts).
//
// Two runs of one name at once (no `concurrency:` group): the run that sees an endpoint of the name
// appear after its look-up creates nothing; when both created anyway, the endpoint created first is
// kept, and the other run deletes its own duplicate and fails. It does not adopt the keeper: that
// run's settings may differ, and reporting someone else's deploy as ours would hide the race.




                                                                


                                                                 





/** Creates sent at most: the second only after the first's answer was lost and nothing appeared. */
const MAX_CREATES = 2;

const ONE_AT_A_TIME =
  "Run deploys of one endpoint name one at a time: give the job a `concurrency:` group per endpoint name (see the README)";

/** Returns the new endpoint's id, remembered for the post step, in the report and in the ledger. */
async function createEndpoint(
  op                  ,
  body                    ,
  memory              ,
)                  {
  // What is sent, the commit the pre-flight pinned included, is what the ledger records.
  const settings = requestedSettings(op.inputs, body.hfModelRepoRevision);
  refuseWithoutTime(op);
  await refuseAfterRival(op, memory);
  refuseWithoutTime(op);
  const { id, proved } = await createOnce(op, body, memory).catch(async (err         ) => {
    // A create that may have made an endpoint is recorded without an id; one the API refused (or
    // that never left) made nothing, and leaves no record.
    const refused = err instanceof errors/* ApiError */.hD && ["permanent", "not-sent", "throttled"].includes(err.kind);
    if (!refused) await op.ledger?.record(undefined, settings, "Create");
    throw err;
  });
  if (proved) {
    op.report.endpointId = id;
    op.remember(id, true);
    op.log.info(`Created endpoint ${id} ("${op.inputs.name}")`);
  }
  await op.ledger?.record(id, settings, "Create");
  return id;
}

/**
 * Right before the create, when the look-up is no longer fresh (the pre-flight can take seconds):
 * an endpoint of the name that was not there at the look-up was made by another run meanwhile.
 * Creating a second one would only be deleted again, so nothing is created. A fresh look-up is not
 * repeated: a rival created since is caught when the new id is resolved (the keeper rule).
 */
async function refuseAfterRival(op                  , memory              )                {
  const { inputs } = op;
  if (op.clock.now() - memory.lookedUpAtMs < timing/* FRESH_LOOKUP_MS */.TQ) return;
  const named = await (0,lookup/* findByName */._U)(op.client, inputs.projectId, inputs.name, {
    signal: op.signal,
    cache: memory.specs,
  });
  if (named.length === 0) return;
  throw new result/* OperationFailure */.C(
    `endpoint ${named.map((e) => e.id).join(", ")} named "${inputs.name}" appeared in project ${inputs.projectId} ` +
      `after this run looked the name up: another run is deploying this name, and this run created nothing. ${ONE_AT_A_TIME}`,
    "failed",
  );
}

/** The new endpoint's id, and whether an answered create proves it this run's. */
async function createOnce(
  op                  ,
  body                    ,
  memory              ,
)                                           {
  const { inputs, client } = op;
  const names = { projectId: inputs.projectId, name: inputs.name };
  const facts              = { lookupIds: memory.listed };
  for (let attempt = 1; ; attempt++) {
    op.noteCreate(facts);
    const created = await sendCreate(op, body, facts);
    if (created) recordStatus(op.report, created.status);
    const found = await (0,lookup/* findCreated */.it)(client, { ...op, ...names, facts, cache: memory.specs });
    const taken = await takeFound(op, found, created !== undefined, body);
    if (taken) return taken;
    if (created) {
      throw new result/* OperationFailure */.C(
        `the endpoint was created but its id could not be found by listing project ${inputs.projectId}; ` +
          `look for "${inputs.name}" in Friendli Suite`,
        "failed",
      );
    }
    if (attempt >= MAX_CREATES) {
      const again = await (0,lookup/* findByName */._U)(client, inputs.projectId, inputs.name, {
        signal: op.signal,
        cache: memory.specs,
      });
      throw new result/* OperationFailure */.C(
        `creating "${inputs.name}" failed ${attempt} times without an answer` +
          (again.length ? `; endpoints of that name now: ${again.map((e) => e.id).join(", ")}` : ""),
        "failed",
      );
    }
    op.log.info(`No endpoint named "${inputs.name}" appeared: creating it again (attempt ${attempt + 1})`);
    refuseWithoutTime(op);
  }
}

/**
 * The endpoint the run goes on with, from what the listing after its create showed; undefined when
 * nothing of the name appeared. Throws when the run cannot go on (a rival, or no proof).
 */
async function takeFound(
  op                  ,
  { verdict, named }              ,
  answered         ,
  body                    ,
)                                                       {
  const { inputs } = op;
  switch (verdict.kind) {
    case "mine":
      if (verdict.keeper === verdict.id) return { id: verdict.id, proved: true };
      return yieldToKeeper(op, verdict.id, verdict.keeper);
    case "unsure": {
      const [only, ...more] = named.filter((e) => verdict.ids.includes(e.id));
      if (!answered && only && more.length === 0) return { id: unproven(op, only, body), proved: false };
      throw new result/* OperationFailure */.C(
        `endpoints ${verdict.ids.join(", ")} named "${inputs.name}" were created in project ${inputs.projectId} ` +
          `since this run looked the name up, and this run cannot prove which one its create made (${verdict.why}): ` +
          `it deletes none of them and waits on none. Another run is probably deploying this name. ${ONE_AT_A_TIME}; ` +
          "delete the extra one with operation: delete and its endpoint-id",
        "failed",
      );
    }
    case "others":
      throw new result/* OperationFailure */.C(
        `the endpoint was created but did not show in the listing of project ${inputs.projectId} within a ` +
          `minute; only another run's endpoint of the name did (${verdict.ids.join(", ")}). Look for ` +
          `"${inputs.name}" in Friendli Suite. ${ONE_AT_A_TIME}`,
        "failed",
      );
    case "none":
      return undefined;
  }
}

/**
 * The create's answer was lost and one endpoint of the name appeared since the look-up: this run's
 * or a rival's, nothing tells which. It is the run's endpoint from here on but not remembered as
 * created here, so nothing deletes it; the run waits on it only when GET shows the settings it asked for.
 */
function unproven(op                  , found               , body                    )         {
  const named = `endpoint ${found.id} ("${op.inputs.name}")`;
  op.report.endpointId = found.id;
  op.remember(found.id, undefined);
  const { changes } = specChanges(found.spec, body);
  if (changes.length > 0) {
    const shown = changes.map((c) => `${c.field} ${c.from}, not ${c.to}`).join("; ");
    throw new result/* OperationFailure */.C(
      `this run's create went unanswered, and ${named}, which appeared since, does not have the settings this ` +
        `run asked for (${shown}): another run's, most likely. ${ONE_AT_A_TIME}`,
      "failed",
    );
  }
  const message =
    `This run's create went unanswered, so it cannot prove that it made ${named}, which appeared since with ` +
    "the requested settings: another run may have. The run waits on it, and never deletes it.";
  warn(op, message);
  return found.id;
}

/**
 * Another run's endpoint of the name was created first: it is kept, and this run deletes its own
 * duplicate (proved its own by judgeCreation), whatever delete-on-failure says. The DELETE is owed
 * until it is confirmed, so a cancellation meanwhile leaves it to the post step.
 */
async function yieldToKeeper(op                  , own        , keeper        )                 {
  const { inputs } = op;
  op.report.endpointId = own;
  op.remember(own, true);
  op.noteDeleteOwed(true);
  const race =
    `another run is deploying "${inputs.name}" at the same time: both created it, and the other run's endpoint ` +
    `${keeper}, created first, is kept`;
  try {
    await op.client.delete(own);
  } catch (err) {
    if (err instanceof errors/* ApiError */.hD && err.kind === "aborted") throw err;
    if (!(err instanceof errors/* ApiError */.hD && err.status === 404)) {
      throw new result/* OperationFailure */.C(
        `${race}; this run could not delete its own duplicate ${own} (${(0,redact/* formatError */.Wk)(err, op.secrets)}): the post ` +
          `step tries again. ${ONE_AT_A_TIME}`,
        "failed",
      );
    }
  }
  op.noteDeleteOwed(false);
  op.report.deletedAfterFailure = true;
  op.log.info(`Deleted endpoint ${own}, this run's duplicate of "${inputs.name}"`);
  throw new result/* OperationFailure */.C(
    `${race}; this run deleted its own duplicate ${own}. ${ONE_AT_A_TIME}`,
    "failed",
  );
}

/** With too little of the run left to find a new endpoint's id, nothing is created. */
function refuseWithoutTime(op                  )       {
  const left = op.deadlineMs - op.clock.now();
  if (left >= Math.min(timing/* MIN_TIME_FOR_CREATE_MS */.ht, op.inputs.waitTimeoutMs / 2)) return;
  throw new result/* OperationFailure */.C(
    `only ${(0,format/* formatDuration */.a3)(Math.max(0, left))} of wait-timeout was left, too little to create "${op.inputs.name}" ` +
      "and find its id; nothing was created (raise wait-timeout)",
    "timed-out",
  );
}

/**
 * The create's answer, or undefined when it was lost (the server may or may not have acted). What
 * came back goes into `facts` and to the post step: it is the only proof of what the create made.
 */
async function sendCreate(op                  , body                    , facts             ) {
  try {
    const created = await op.client.create(body);
    if (created.status.createdAt) facts.answeredCreatedAt = created.status.createdAt;
    if (created.endpointId) facts.answeredId = created.endpointId;
    op.noteCreate(facts);
    return created;
  } catch (err) {
    if (!(err instanceof errors/* ApiError */.hD) || err.kind !== "ambiguous") throw err;
    op.log.warning(
      `The create request's answer was lost (${err.message}); looking "${op.inputs.name}" up before creating again`,
    );
    return undefined;
  }
}

// EXTERNAL MODULE: ./build/base/backoff.js
var backoff = __webpack_require__(3972);
;// CONCATENATED MODULE: ./build/wait/policy.js
// The polling policy: how long to sleep before the next status request. Pure; the numbers and the
// reason for each are in src/base/timing.ts, the budgets they meet below.




/** What the policy may look at before the next poll. */
                            
                                                       
                 
                        
                                                                                              
                    
                   
                
                                                                                 
                              
                                                                      
                        
                                            
                 
 

                                                  

/**
 * The budgets, checked by scripts/bench-polling.ts (the README's Performance section):
 * - Any failure noticed within 15 s: no sleep is longer than QUIET_MS (jitter included), unless the
 *   server throttles and says how long to wait (Retry-After wins, clamped to 60 s).
 * - At most 6 status requests per minute of waiting on the reference lifecycle, 7 on the fast one:
 *   a phase that cannot end in RUNNING (VM, download: most of a deploy) is polled at the failure
 *   budget, which pays for a fast poll of the engine start, the only stretch that ends in it.
 * - RUNNING noticed within a median 3 s and at worst 6.5 s for an engine start of 10 s or more:
 *   ENGINE_MS ±15 %, the first gap drawn wide so the polls fall at any offset to the engine's start.
 * - No phase to go by: start at UNKNOWN_START_MS and ease off by 1 s per 30 s, up to QUIET_MS.
 * - ±5 % jitter elsewhere, so workflows started by one push drift apart instead of polling together.
 * - Failed polls: 2 s doubling to 14 s with "equal jitter" (half to all of it, never a hot loop).
 */
function nextPollDelayMs(s           )         {
  if (s.retryAfterMs !== undefined && Number.isFinite(s.retryAfterMs)) {
    return (0,backoff/* clampRetryAfter */.a_)(s.retryAfterMs);
  }
  if (s.consecutiveFailures > 0) {
    const cap = Math.min(timing/* FAILURE_CAP_MS */.XQ, timing/* FAILURE_BASE_MS */.SO * 2 ** (s.consecutiveFailures - 1));
    return Math.round(cap / 2 + (s.random * cap) / 2);
  }
  const at = stretch(s);
  if (at === "engine" && s.msInPhase < timing/* ENGINE_FIRST_MS */.DS) {
    // Just seen: the first gap is drawn from a wide range, so the polls that follow fall at any
    // offset to the engine's start, whatever offset the slower polls before it happened to have.
    return Math.round(timing/* MIN_ENGINE_GAP_MS */["in"] + s.random * (timing/* ENGINE_MS */.c1 * (1 + timing/* ENGINE_JITTER */.Q_) - timing/* MIN_ENGINE_GAP_MS */["in"]));
  }
  const base =
    at === "quiet"
      ? timing/* QUIET_MS */.uu
      : at === "engine"
        ? timing/* ENGINE_MS */.c1
        : Math.min(timing/* QUIET_MS */.uu, timing/* UNKNOWN_START_MS */.$e + Math.max(0, s.msInPhase) / 30);
  const jitter = at === "engine" ? timing/* ENGINE_JITTER */.Q_ : timing/* POLL_JITTER */.ji;
  return Math.round(Math.min(timing/* QUIET_MS */.uu, base * (1 + jitter * (2 * s.random - 1))));
}

/**
 * VM and download ("quiet") end in another phase, never in RUNNING: polled at the failure budget.
 * The engine loading ("engine": a first start or a wake) is the one stretch that ends in RUNNING.
 */
function stretch(s           )                                 {
  const status = s.status.trim().toUpperCase();
  const phase = (s.phase ?? "").trim().toUpperCase();
  const building = status === "INITIALIZING" || status === "UPDATING" || status === "AWAKING";
  if (building && (phase === "REQUESTING_VIRTUAL_MACHINE" || phase === "DOWNLOADING_MODEL")) return "quiet";
  if ((building && phase === "ENGINE_INITIALIZING") || status === "AWAKING") return "engine";
  return "unknown";
}

;// CONCATENATED MODULE: ./build/wait/poll-failure.js
// What a failed status request means for the wait. Pure: the waiter passes the error and where it
// stands, and gets back whether to stop (and how) or to poll again (and which streak grows).



                                     
                     
                                          
                               
                   
                   
                                                                               
                          
                                                                                    
                         
                      
                                             
                
 

                         
                                                
                                       
                                                               
                                                                                                          

function classifyPollFailure(err         , c                    )              {
  const apiErr = err instanceof errors/* ApiError */.hD ? err : undefined;
  if (c.aborted || apiErr?.kind === "aborted") return { kind: "cancelled" };
  if (apiErr?.kind === "deadline") return { kind: "timed-out" };
  const after = (0,format/* formatDuration */.a3)(c.msWaited);
  const failed = (message        )              => ({ kind: "failed", message });
  if (apiErr?.kind === "permanent" && apiErr.status === 404) {
    if (c.target === "gone") return { kind: "gone" };
    if (c.msWaited > c.notFoundGraceMs) {
      return failed(
        `endpoint ${c.endpointId} was not found (404) ${after} into the wait: ` +
          `it was deleted, or the id belongs to another project or team (${c.where})`,
      );
    }
    const note = "endpoint not found yet (404): the API can lag a create by a moment";
    return { kind: "retry", streak: "not-found", note };
  }
  if (apiErr?.kind === "permanent") {
    return failed(
      `status check for endpoint ${c.endpointId} failed: ${apiErr.message} (${c.where}, after ${after})`,
    );
  }
  if (apiErr?.kind === "throttled") {
    const note = `status check throttled (${errorText(err)})`;
    return { kind: "retry", streak: "throttled", retryAfterMs: apiErr.retryAfterMs, note };
  }
  const failures = c.failuresBefore + 1;
  if (failures > c.maxFailures) {
    return failed(
      `status check for endpoint ${c.endpointId} failed ${failures} times in a row, last: ${errorText(err)} ` +
        `(${c.where}, after ${after})`,
    );
  }
  return {
    kind: "retry",
    streak: "failure",
    note: `status check failed (${errorText(err)}), retry ${failures}/${c.maxFailures}`,
  };
}

function errorText(err         )         {
  if (err instanceof errors/* ApiError */.hD) return `${err.status ?? err.kind}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

// EXTERNAL MODULE: ./build/wait/status-table.js
var status_table = __webpack_require__(4333);
;// CONCATENATED MODULE: ./build/wait/timeline.js
// The timeline of a wait: one span per status/phase seen, for the summary's gantt chart and the
// timeout message. Pure functions over the span list the waiter owns.


/** One stretch of time in one status/phase, e.g. { label: "DOWNLOADING_MODEL", startMs, endMs }. */
                            
                                                                                           
                
                  
                                                           
                 
 

/** Ends the open span at `now`, when one is open. */
function closeOpenSpan(timeline             , now        )       {
  const open = timeline.at(-1);
  if (open && open.endMs === undefined) open.endMs = now;
}

/** Records that `label` was seen at `now`; true when that opened a new span. */
function extendTimeline(timeline             , label        , now        )          {
  const open = timeline.at(-1);
  if (open && open.endMs === undefined && open.label === label) return false;
  closeOpenSpan(timeline, now);
  timeline.push({ label, startMs: now });
  return true;
}

/** "INITIALIZING 10s, DOWNLOADING_MODEL 4m 00s": what the wait saw, with the open span up to now. */
function timelineText(timeline                      , now        )         {
  return timeline
    .map((span) => `${span.label} ${(0,format/* formatDuration */.a3)((span.endMs ?? now) - span.startMs)}`)
    .join(", ");
}

;// CONCATENATED MODULE: ./build/wait/waiter.js
// Waiting for an endpoint: the askAgain loop (src/base/backoff.ts) polls, hands each answer or
// failure to the pure pieces beside it, sleeps as ./policy.ts says and stops at an outcome.
// scripts/bench-polling.ts replays reference lifecycles through it.

                                              

                                             

                                                             





                              
                     
                                                                          
               
                      
                                                                                        
                     
                      
                                          
              
                                                        
                                                       
                                                                                  
                                  
                                                                                                      
                           
                                                                              
                      
                                                                                                                  
                          
                                                                                                         
                          
                                                                                                            
                                                                           
 

                              
                                                                  
                        
                        
                   
                                                    
                
                  
                                                                                                   
                  
 

/** What the loop carries from one poll to the next. */
                   
                             
                                 
                        
                      
                                                                                                 
                        
                    
                
                                                                 
                        
                           
                        
                      
 

function waitForEndpoint(opts             )                       {
  const { clock, signal, log } = opts;
  const startedAt = clock.now();
  const w          = {
    startedAt,
    timeline: [],
    phaseEstStart: startedAt,
    lastLogAt: startedAt,
    polls: 0,
    streaks: { failure: 0, throttled: 0, "not-found": 0 },
    warned: new Set(),
  };
  const say = messages(opts, w);
  return (0,backoff/* askAgain */.et)             ({
    clock,
    signal,
    aborted: () => say.cancelled(),
    round: async () => {
      w.polls++;
      let answer                            ;
      let note = "";
      try {
        answer = await opts.getStatus(opts.endpointId, signal);
      } catch (err) {
        const failure = onFailure(opts, w, err);
        if (failure.kind !== "retry") return { done: say.afterFailure(failure, err) };
        note = failure.note;
      }
      // Cancellation wins over an answer that raced it: the runner is about to kill the process.
      if (signal.aborted) return { done: say.cancelled() };
      const now = clock.now();
      const ended = answer && onAnswer(opts, w, answer, now, say);
      if (ended) return { done: ended };
      const waitMs = nextWait(opts, w, now);
      if (waitMs === undefined) return { done: say.timedOut() };
      const next = `next check in ${(0,format/* formatDuration */.a3)(waitMs, { tenths: true })}`;
      if (note) log.info(`${note}; ${next}`);
      else log.debug(`poll ${w.polls}: ${where(w)}; ${next}`);
      return { waitMs };
    },
  });
}

/**
 * The sleep before the next poll, or undefined when there is none. The last poll goes out a little
 * before the deadline: the HTTP layer starts no request at or past it, and the request needs a moment.
 */
function nextWait(opts             , w         , now        )                     {
  const leaving = opts.leaveAt?.stays(w.last ?? {}) ? opts.leaveAt.ms : Number.POSITIVE_INFINITY;
  const lastPollAt = Math.min(opts.deadlineMs - timing/* FINAL_POLL_MARGIN_MS */.z$, leaving);
  if (now >= lastPollAt) return undefined;
  // Asked to come back only after the last poll: polling earlier would ignore Retry-After.
  if (w.retryAfterMs !== undefined && now + Math.min(w.retryAfterMs, timing/* MAX_RETRY_AFTER_MS */.yL) > lastPollAt) {
    return undefined;
  }
  const state            = {
    status: w.last?.status ?? "",
    phase: w.last?.phase ?? null,
    msInPhase: now - w.phaseEstStart,
    msWaited: now - w.startedAt,
    polls: w.polls,
    consecutiveFailures: w.streaks.failure + w.streaks.throttled + w.streaks["not-found"],
    random: opts.clock.random(),
    retryAfterMs: w.retryAfterMs,
  };
  return Math.max(0, Math.min((opts.policy ?? nextPollDelayMs)(state), lastPollAt - now));
}

/** A failed poll: the classifier decides; a tolerated one grows its streak. */
function onFailure(opts             , w         , err         )              {
  const failure = classifyPollFailure(err, {
    endpointId: opts.endpointId,
    target: opts.target,
    aborted: opts.signal.aborted,
    msWaited: opts.clock.now() - w.startedAt,
    notFoundGraceMs: opts.notFoundGraceMs ?? timing/* NOT_FOUND_GRACE_MS */.hX,
    failuresBefore: w.streaks.failure,
    maxFailures: opts.maxConsecutiveFailures ?? timing/* MAX_CONSECUTIVE_POLL_FAILURES */.ep,
    where: where(w),
  });
  if (failure.kind === "retry") {
    w.streaks[failure.streak]++;
    // A 404 says nothing about throttling: an earlier Retry-After still stands.
    if (failure.streak !== "not-found") w.retryAfterMs = failure.retryAfterMs;
  }
  return failure;
}

/** Records one answer; returns the outcome when it ends the wait. */
function onAnswer(opts             , w         , s                , now        , say     ) {
  const { log } = opts;
  w.streaks = { failure: 0, throttled: 0, "not-found": 0 };
  w.retryAfterMs = undefined;
  opts.onStatus?.(s, now);
  if (!w.last || s.status !== w.last.status || (s.phase ?? "") !== (w.last.phase ?? "")) {
    w.phaseEstStart = w.lastSeenAt === undefined ? now : (w.lastSeenAt + now) / 2;
    log.info(
      `status ${s.status}${s.phase ? `, phase ${s.phase}` : ""} (after ${(0,format/* formatDuration */.a3)(now - w.startedAt)})`,
    );
    w.lastLogAt = now;
  }
  const label = (0,status_table/* spanLabel */.hE)(s);
  extendTimeline(w.timeline, label, now);
  w.last = s;
  w.lastSeenAt = now;
  // Friendli does not say whether a deleted endpoint lingers as TERMINATED before it 404s: either
  // way it serves nothing and costs nothing, which is what a delete waits for.
  if (opts.target === "gone" && s.status.trim().toUpperCase() === "TERMINATED") return say.gone("TERMINATED");
  const verdict = judge(opts, w, s, now);
  if (verdict === "success" || verdict === "failure") return say.settled(s, verdict);
  if (verdict === "unknown" && !w.warned.has(s.status)) {
    w.warned.add(s.status);
    log.warning(
      `endpoint ${opts.endpointId} reports status ${JSON.stringify(s.status)}, which this action does not know: ` +
        "it keeps waiting for RUNNING until wait-timeout",
    );
  }
  if (now - w.lastLogAt >= timing/* HEARTBEAT_MS */.m) {
    log.info(`still ${label} after ${(0,format/* formatDuration */.a3)(now - (w.timeline.at(-1)?.startMs ?? now))}`);
    w.lastLogAt = now;
  }
  return undefined;
}

/** The state table's verdict, held back to pending while a RUNNING may be the old version. */
function judge(opts             , w         , s                , now        )              {
  const verdict = (0,status_table/* classifyStatus */.xo)(s.status, { minReplicas: opts.minReplicas, target: opts.target });
  if (verdict !== "success") {
    w.sawOtherStatus = true;
    return verdict;
  }
  const old = (0,status_table/* mayBeOldVersion */.sD)({
    sawOtherStatus: w.sawOtherStatus ?? false,
    msSinceStart: now - w.startedAt,
    settleMs: opts.updateSettleMs ?? 0,
    updatedAt: s.updatedAt,
    updateSentAtMs: opts.updateSentAtMs ?? w.startedAt,
  });
  if (!old) return verdict;
  if (!w.settleNoted) {
    w.settleNoted = true;
    opts.log.info(
      `endpoint ${opts.endpointId} still shows ${s.status} from before the update; waiting for the new version`,
    );
  }
  return "pending";
}

function where({ last }         )         {
  return last
    ? `last status ${last.status}${last.phase ? `, phase ${last.phase}` : ""}`
    : "no status seen yet";
}

                                       

/** The outcomes the wait can end with, and their words. */
function messages(opts             , w         ) {
  const { clock, endpointId: id, target } = opts;
  const after = () => (0,format/* formatDuration */.a3)(clock.now() - w.startedAt);
  const end = (kind                     , message        , error          )              => ({
    kind,
    timeline: w.timeline,
    waitedMs: clock.now() - w.startedAt,
    polls: w.polls,
    message,
    ...(w.last ? { last: w.last } : {}),
    ...(error === undefined ? {} : { error }),
  });
  const timedOut = (error          ) => {
    const seen = timelineText(w.timeline, clock.now()) || "nothing";
    const goal =
      target === "gone" ? "to be deleted" : `to be ${target === "sleeping" ? "SLEEPING" : "RUNNING"}`;
    return end(
      "timed-out",
      `timed out after ${after()} waiting for endpoint ${id} ${goal}: ${where(w)}; seen: ${seen}`,
      error,
    );
  };
  const cancelled = () =>
    end(
      "cancelled",
      `cancelled while waiting for endpoint ${id} (${where(w)}, after ${after()})` +
        (target === "running" ? ": it may still be provisioning" : ""),
    );
  const gone = (how                      ) => {
    closeOpenSpan(w.timeline, clock.now());
    const is = how === "404" ? `is gone (404 after ${after()})` : `is TERMINATED after ${after()}`;
    return end("gone", `endpoint ${id} ${is}`);
  };
  return {
    cancelled,
    timedOut,
    gone,
    afterFailure(failure                                         , err         )              {
      if (failure.kind === "failed") return end("failed", failure.message, err);
      if (failure.kind === "cancelled") return cancelled();
      return failure.kind === "timed-out" ? timedOut(err) : gone("404");
    },
    settled: (s                , verdict                       ) =>
      end(verdict === "success" ? "success" : "failed", `endpoint ${id} ${(0,status_table/* endedText */.EH)(s, verdict, after())}`),
  };
}

;// CONCATENATED MODULE: ./build/operations/await-endpoint.js
// The bridge between a plan's wait and the waiter: polls through the client, mirrors every status
// it sees into the report, and turns a bad outcome into the failure that ends the run.



                                            




async function awaitEndpoint(
  op                  ,
  endpointId        ,
  { target, minReplicas }                           ,
  /** When an update was sent: a RUNNING older than that may still be the old version. */
  updateSentAtMs         ,
  leaveAt                         ,
)                {
  const { client, report } = op;
  const outcome = await waitForEndpoint({
    ...op,
    endpointId,
    getStatus: (id) => client.status(id, { maxAttempts: 1 }),
    minReplicas,
    target,
    onStatus: (s) => recordStatus(report, s),
    updateSettleMs: updateSentAtMs === undefined ? undefined : timing/* UPDATE_SETTLE_MS */.NN,
    updateSentAtMs,
    leaveAt,
  });
  report.timeline = outcome.timeline;
  if (outcome.last) recordStatus(report, outcome.last);
  const { kind, message } = outcome;
  if (kind === "success" || (target === "gone" && kind === "gone")) return;
  if (kind === "gone")
    throw new result/* OperationFailure */.C(`endpoint ${endpointId} disappeared while waiting: ${message}`, "failed");
  if (kind === "failed") report.hint = (0,error_codes/* errorHint */.c$)(outcome.last?.errorCode);
  throw new result/* OperationFailure */.C(message, kind);
}

;// CONCATENATED MODULE: ./build/operations/delete.js
// Carrying out a planned delete. Deleting what is not there succeeds with result not-found (the
// plan's "nothing"), so the job that runs when a PR closes needs no guard.

                                                           

                                            

                                                     

async function deleteEndpoint(op                  , plan      , found               )                {
  try {
    await op.client.delete(found.id);
  } catch (err) {
    if (!(err instanceof errors/* ApiError */.hD && err.status === 404)) throw err;
    // It was there a moment ago: a 404 now is most likely our own first attempt, whose answer was
    // lost before the retry. Either way it is gone, which is what the run asked for.
    op.log.info(`Endpoint ${found.id} is gone (404 on DELETE): deleted`);
    return;
  }
  op.log.info(`Deleted endpoint ${found.id}`);
  if (!plan.wait) return;
  await awaitEndpoint(op, found.id, plan.wait);
  // Confirmed gone: it has no status any more, and RUNNING from before the delete would mislead.
  op.report.status = undefined;
  op.report.phase = null;
}

;// CONCATENATED MODULE: ./build/operations/gpu-fallback.js
// GPU fallback, for `gpu` with several choices: the same endpoint moves to the next choice when the
// API refuses its GPU, or when it has not left REQUESTING_VIRTUAL_MACHINE within
// `gpu-fallback-after`, all within wait-timeout. The decisions are pure (src/plan/gpu-choices.ts,
// refusesGpu); the choices tried are kept in the report, the current one is the last of them.




                                                     
                                                  

                                            






const kept = (plan      )           => plan.choices?.filter((c) => !c.drop) ?? [];

/** The choices the pre-flight weighs the model against: the kept ones, or the one `gpu` names. */
function keptGpus(plan      , inputs        )              {
  return plan.choices ? kept(plan).map((c) => c.gpu) : inputs.gpus;
}

/** The run on the choice it is on (the last one tried): bodies and the ledger name that GPU. */
function current(op                  , plan      )                   {
  const choice = kept(plan)[Math.max(0, (op.report.gpuTried?.length ?? 0) - 1)];
  return choice ? { ...op, inputs: { ...op.inputs, gpu: choice.gpu } } : op;
}

/** A planned body with the instance option of the choice `op` is on. */
function asked                                                (body   , op                  )    {
  return op.inputs.gpu ? { ...body, instanceOptionId: op.inputs.gpu.instanceOptionId } : body;
}

/** The dropped choices as notes (log and summary), the kept ones' cost range, and the GPU asked for. */
function noteChoices(op                  , plan      )       {
  const { report } = op;
  const choices = kept(plan);
  // With none left, the run's failure names each.
  if (choices.length === 0) return;
  for (const { gpu, drop } of plan.choices ?? []) {
    if (drop) warn(op, `${gpu.label} is dropped from \`gpu\`: ${drop}`);
  }
  report.gpu = choices[0]?.gpu.label;
  const usd = choices.flatMap((c) => (c.cost ? [c.cost.maxUsd] : []));
  if (usd.length > 1)
    report.cost = { ...report.cost, choices: { minUsd: Math.min(...usd), maxUsd: Math.max(...usd) } };
}

/**
 * `send` on the current choice, and on each next one while the API refuses the GPU. `endpointId`:
 * the endpoint exists, and the ledger records each choice it moves to.
 */
async function sendOnChoices   (
  op                  ,
  plan      ,
  send                                      ,
  endpointId         ,
)             {
  const first = kept(plan)[0];
  if (first && !op.report.gpuTried)
    op.report.gpuTried = [{ label: first.gpu.label, sentAtMs: op.clock.now() }];
  for (;;) {
    try {
      return await send(current(op, plan));
    } catch (err) {
      if (!plan.choices || !(0,errors/* refusesGpu */.iW)(err)) throw err;
      await moveOn(op, plan, `was refused by the API (${err.detail})`, err, endpointId);
    }
  }
}

/** The plan's wait, moving the endpoint on while its GPU gets no VM (movesOn). */
async function awaitOnChoices(
  op                  ,
  plan      ,
  endpointId        ,
  wait                           ,
  updateSentAtMs         ,
)                {
  const { report } = op;
  let sentAtMs = updateSentAtMs;
  for (;;) {
    const asked = report.gpuTried?.at(-1);
    const next = asked !== undefined && (report.gpuTried?.length ?? 0) < kept(plan).length;
    const leaveAt = asked && next ? asked.sentAtMs + op.inputs.gpuFallbackAfterMs : Number.POSITIVE_INFINITY;
    const before = report.timeline;
    report.timeline = [];
    try {
      const leave = { ms: leaveAt, stays: stillRequesting };
      return await awaitEndpoint(current(op, plan), endpointId, wait, sentAtMs, leave);
    } catch (err) {
      const timedOut = err instanceof result/* OperationFailure */.C && err.result === "timed-out";
      const { status, phase } = report;
      if (!movesOn({ timedOut, early: leaveAt < op.deadlineMs, next, status, phase }))
        throw asked && stillRequesting(report) ? noVm(op, plan, err) : err;
      closeOpenSpan(report.timeline, op.clock.now());
      const why = `got no VM in ${(0,format/* formatDuration */.a3)(op.clock.now() - (asked?.sentAtMs ?? 0))}`;
      await moveOn(op, plan, why, err, endpointId);
      sentAtMs = op.clock.now();
      const body = (on                  ) =>
        updateBody(requestedSettings(on.inputs, report.model?.revision), on.inputs.versionComment);
      await sendOnChoices(op, plan, (on) => on.client.update(endpointId, body(on)), endpointId);
    } finally {
      report.timeline = [...before, ...report.timeline];
    }
  }
}

/** Leaves the current choice (`why`) for the next one; with none left, the run fails naming each. */
async function moveOn(op                  , plan      , why        , err         , endpointId         ) {
  const { report, log } = op;
  const tried = report.gpuTried ?? [];
  const left = tried.at(-1);
  if (left) left.why = why;
  const next = kept(plan)[tried.length];
  if (!next || !left) throw noVm(op, plan, err);
  tried.push({ label: next.gpu.label, sentAtMs: op.clock.now() });
  report.gpu = next.gpu.label;
  report.cost = { ...report.cost, hourly: next.cost };
  log.warning(`${left.label} ${why}: moving to ${next.gpu.label}, the next choice of \`gpu\``);
  const settings = requestedSettings(current(op, plan).inputs, report.model?.revision);
  if (endpointId) await op.ledger?.moveTo(endpointId, settings, `${left.label} ${why}`);
}

/** The failure once no choice got a VM: what ended the last one, then each GPU tried and how. */
function noVm(op                  , plan      , err         )                   {
  const tried = op.report.gpuTried ?? [];
  const last = tried.at(-1);
  if (last && !last.why) last.why = `got no VM in ${(0,format/* formatDuration */.a3)(op.clock.now() - last.sentAtMs)}`;
  const untried = kept(plan).slice(tried.length);
  const each = tried.map((t) => `${t.label} ${t.why}`).join("; ");
  const rest = untried.length > 0 ? `; not tried: ${untried.map((c) => c.gpu.label).join(", ")}` : "";
  const message = `${(0,redact/* formatError */.Wk)(err, op.secrets)}. No GPU of \`gpu\` got a VM: ${each}${rest}`;
  return new result/* OperationFailure */.C(message, err instanceof result/* OperationFailure */.C ? err.result : "failed");
}

;// CONCATENATED MODULE: ./build/preflight/index.js
// The pre-flight: before anything is created or updated on Friendli, ask the Hugging Face Hub
// whether the model can be deployed at all. Light on purpose: the Hub client and undici's fetch are
// imported only when it runs, so a run with the pre-flight turned off never loads them.





                                              
                                                                    

                                 
                                            
                                                                           
                    
 

/**
 * The Hub's address. The `hf-endpoint` input wins when it was changed from its default; left at the
 * default, HF_ENDPOINT (which the Hub's own tools honour, e.g. a mirror set for the whole runner)
 * chooses, when it is a URL the action may send a token to. `ignored` says why HF_ENDPOINT was not.
 */
function hubUrlFrom(
  input                    ,
  env                    = process.env,
)                                    {
  const given = input?.trim().replace(/\/+$/, "");
  if (given && given !== fields/* DEFAULT_HUB_URL */.Sc) return { url: given };
  const fromEnv = env.HF_ENDPOINT?.trim();
  if (!fromEnv) return { url: fields/* DEFAULT_HUB_URL */.Sc };
  const url = URL.parse(fromEnv);
  if (!url || !(0,request_policy/* isAllowedBaseUrl */.h5)(url) || url.username || url.password || url.search || url.hash) {
    return {
      url: fields/* DEFAULT_HUB_URL */.Sc,
      ignored: `HF_ENDPOINT is not an https base URL (http only for loopback hosts) without credentials or query: the pre-flight asks ${fields/* DEFAULT_HUB_URL */.Sc}`,
    };
  }
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
}

/**
 * Asks the Hub and decides. Never throws for anything the Hub does (an unreachable Hub is a warning
 * in the result); rejects only when the run's signal aborts.
 */
async function runPreflight(o                  )                           {
  const started = o.clock.now();
  // hf-token is sent to the Hub only, never printed; an empty one is none.
  const hfToken = o.hfToken || undefined;
  const { askHub } = await Promise.all(/* import() */[__webpack_require__.e(9), __webpack_require__.e(332)]).then(__webpack_require__.bind(__webpack_require__, 1951));
  const answer = await askHub({ ...o, hfToken, deadlineMs: started + (o.budgetMs ?? timing/* PREFLIGHT_BUDGET_MS */.Jw) });
  return decide_decide(answer, { ...o, hasToken: hfToken !== undefined }, o.clock.now() - started);
}

;// CONCATENATED MODULE: ./build/operations/preflight.js
// The pre-flight as a step of a deploy: ask the Hugging Face Hub before anything is created or
// updated, log what it found, and keep it in the report. What the findings mean for the run is the
// plan's business (a `fail` finding makes the plan `fail`).

                                                     



                                                             
                                                     

/** `gpus`: the choices of `gpu` still kept, in order: the fit is the first's that holds the model. */
async function preflightStep(
  op                  ,
  [gpu, ...fallbacks]                      ,
)                           {
  const { inputs, report, log } = op;
  if (!inputs.hfModelRepo || !gpu) {
    throw new Error("the pre-flight needs hf-model-repo and gpu (the input parser guarantees both)");
  }
  const hub = hubUrlFrom(inputs.hfEndpoint, op.env);
  if (hub.ignored) log.warning(hub.ignored);
  // The Hub gets its own proxy-aware dispatcher unless the run was handed one (tests).
  const dispatcher = op.dispatcher ?? (0,request_policy/* createDefaultDispatcher */.hT)();
  log.info(`Pre-flight: asking ${hub.url} about ${inputs.hfModelRepo}`);
  try {
    const r = await runPreflight({
      repo: inputs.hfModelRepo,
      revision: inputs.hfModelRevision,
      hfToken: inputs.hfToken,
      hubUrl: hub.url,
      instanceOptionId: gpu.instanceOptionId,
      gpuLabel: gpu.label,
      fallbacks: fallbacks.map((g) => ({ instanceOptionId: g.instanceOptionId, gpuLabel: g.label })),
      clock: op.clock,
      signal: op.signal,
      dispatcher,
    });
    report.preflight = r;
    // Warnings are annotations (the summary's pre-flight table shows every finding); a dry run
    // prints the rest with its plan (describePlan), so once.
    for (const f of r.findings) {
      if (f.severity === "warn") log.warning(`pre-flight ${f.check}: ${f.message}`);
      else if (!inputs.dryRun) log.info((0,preflight_report/* findingLine */.mC)(f));
    }
    const verdict = r.ok ? (r.checked ? "passed" : "skipped") : "failed";
    log.info(`Pre-flight ${verdict} in ${(0,format/* formatDuration */.a3)(r.elapsedMs, { tenths: true })}`);
    // `model-revision` is the commit deployed: pinned only when the deploy goes ahead.
    if (r.ok && r.revision && report.model && !report.model.revision) {
      report.model = { ...report.model, revision: r.revision };
    }
    return r;
  } finally {
    if (dispatcher !== op.dispatcher) await dispatcher.close();
  }
}

// EXTERNAL MODULE: ./build/friendli/error-body.js
var error_body = __webpack_require__(1649);
;// CONCATENATED MODULE: ./build/friendli/route.js
// The two routes a smoke test can take, and the path each is sent to.


                                                

const PATHS                             = { chat: client/* CHAT_PATH */.v6, completions: client/* COMPLETIONS_PATH */.Ov };

function smokePath(route            )         {
  return PATHS[route];
}

;// CONCATENATED MODULE: ./build/smoke/stream.js
// What a streamed smoke-test answer says: the reply text, the output tokens, and when the first
// token came. Friendli streams OpenAI-style server-sent events (`data: {json}` lines, ending with
// `data: [DONE]`); usage comes in a last chunk when `stream_options.include_usage` is asked for.
// Pure functions over text, so every shape is tested without a server.
                                                       

                         
               
                                                                                                      
                       
                                                      
                
 

/** The `data:` payloads of complete events in `text` (an unfinished last event is left out). */
function sseData(text        )           {
  // The piece after the last blank line is not complete yet.
  const events = text.replace(/\r\n?/g, "\n").split("\n\n").slice(0, -1);
  return events.flatMap((event) => {
    const lines = event.split("\n").filter((l) => l.startsWith("data:"));
    return lines.length > 0 ? [lines.map((l) => l.slice(5).replace(/^ /, "")).join("\n")] : [];
  });
}

/**
 * The text of an OpenAI-shaped answer's first choice: `text` (completions), or the chat `message`
 * (a whole answer) or `delta` (a streamed chunk); undefined when it has none.
 */
function choiceText(route            , body         , part                     )                     {
  const choices =
    body !== null && typeof body === "object" ? (body                         ).choices : undefined;
  const first          = Array.isArray(choices) ? choices[0] : undefined;
  if (first === null || typeof first !== "object") return undefined;
  const choice = first                           ;
  if (route === "completions") return typeof choice.text === "string" ? choice.text : undefined;
  const said = choice[part];
  if (said === null || typeof said !== "object") return undefined;
  const { content, reasoning_content: reasoning } = said                           ;
  if (typeof content === "string") return content;
  // A whole answer may come in the newer OpenAI shape: an array of typed parts.
  if (part === "message" && Array.isArray(content)) {
    const texts = content
      .map((p) => (p && typeof p === "object" ? (p                      ).text : undefined))
      .filter((t)              => typeof t === "string");
    if (texts.length > 0) return texts.join("");
  }
  // A reasoning model may think before it answers, and a tiny max_tokens may end before any
  // content: its thought is its first token, and the answer still answered.
  return (part === "delta" || content === null) && typeof reasoning === "string" ? reasoning : undefined;
}

/** The text one streamed chunk carries ("" for none, e.g. a chat stream's opening role-only chunk). */
function chunkText(route            , chunk         )         {
  return choiceText(route, chunk, "delta") ?? "";
}

function parse(data        )          {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** The reply a whole stream carries; undefined when the text holds no event at all. */
function streamedReply(route            , text        )                            {
  const data = sseData(text.endsWith("\n\n") ? text : `${text}\n\n`);
  if (data.length === 0) return undefined;
  const chunks = data.filter((d) => d.trim() !== "[DONE]").map(parse);
  const pieces = chunks.map((c) => chunkText(route, c)).filter((p) => p !== "");
  const usage = chunks
    .map((c) => (c                                                           )?.usage?.completion_tokens)
    .findLast((t) => typeof t === "number");
  const done = data.length > chunks.length;
  return { text: pieces.join(""), outputTokens: typeof usage === "number" ? usage : pieces.length, done };
}

/**
 * Watches a stream arrive piece by piece and says when the first token did: the first event that
 * carries text (a chat stream's opening role-only chunk does not count).
 */
function firstTokenWatch(route            )                             {
  let buffer = "";
  let seen = false;
  return (piece) => {
    if (seen) return false;
    buffer += piece;
    seen = sseData(buffer).some((d) => chunkText(route, parse(d)) !== "");
    return seen;
  };
}

/** Output tokens over the request's whole time (first token included): the rate a caller sees. */
function tokensPerSecond(outputTokens        , latencyMs        )                     {
  if (outputTokens <= 0 || latencyMs <= 0) return undefined;
  return Math.round((outputTokens / (latencyMs / 1000)) * 10) / 10;
}

                             
                                                                           
                  
                                                                               
                     
 

/** Which gate a passing answer still fails and why, or undefined when it meets them. */
function missedGate(
  gates            ,
  got                                               ,
  show                           ,
)                                                                {
  if (gates.expect !== undefined && gates.expect !== "" && !got.reply.includes(gates.expect)) {
    const message = `the reply does not contain the smoke-test-expect text ${JSON.stringify(gates.expect)} (reply: ${show(got.reply)})`;
    return { check: "expect", message };
  }
  if (gates.maxTtftMs === undefined) return undefined;
  if (got.ttftMs === undefined) {
    const message =
      "the endpoint did not stream its answer, so the time to first token could not be checked against smoke-test-max-ttft-ms";
    return { check: "max-ttft", message };
  }
  if (got.ttftMs > gates.maxTtftMs) {
    const message = `the first token came after ${Math.round(got.ttftMs)} ms, over smoke-test-max-ttft-ms (${gates.maxTtftMs} ms)`;
    return { check: "max-ttft", message };
  }
  return undefined;
}

;// CONCATENATED MODULE: ./build/smoke/answer.js
// What a 2xx answer means: a reply (measured, and through the gates) or a failure that says why
// not; and the excerpts of replies and error bodies that the messages quote. Pure: the loop passes
// the answer, when it was sent and when its first token came, and a redactor for the token.


                                                       



/** How much of the reply goes into the summary. */
const REPLY_CHARS = 200;
/** How much of an error detail or an unexpected body a message quotes. */
const MAX_DETAIL = 300;

                              
                    
                 
                
                                                                                                  
                    
                     
                        
 

                           
                                                                                              
                  
                        
                                                                           
                           
 

/** The smoke test's checks: a reply within its window, `smoke-test-expect`, `smoke-test-max-ttft-ms`. */
                                                          

                          
                                                                         
                                                                           

/** `clean` takes the secrets out of a text; every piece of the model's text goes through it. */
function judgeAnswer(a             , gates            , clean                       )               {
  const streamed = typeof a.body === "string" ? streamedReply(a.route, a.body) : undefined;
  const text = streamed ? streamed.text : choiceText(a.route, a.body, "message");
  if (text === undefined) {
    const got = clean((0,format/* oneLine */.TN)(bodyText(a.body)));
    const field = a.route === "chat" ? "choices[0].message.content" : "choices[0].text";
    return {
      kind: "fail",
      message: `POST ${smokePath(a.route)} answered ${a.status} with a body that has no ${field}: ${excerpt(got, MAX_DETAIL) || "(empty)"}`,
      status: a.status,
    };
  }
  const latencyMs = a.finishedAt - a.startedAt;
  // Redact before cutting: a cut could leave half a secret that no longer matches.
  // The reply is the model's text: neutralised, so no line of it can act as a workflow command.
  const reply = excerpt((0,safe_text/* neutralise */.$0)(clean(text)));
  const ttftMs = a.firstTokenAt === undefined ? undefined : a.firstTokenAt - a.startedAt;
  const gate = missedGate(gates, { reply: text, ttftMs }, (t) =>
    JSON.stringify(excerpt((0,safe_text/* neutralise */.$0)(clean((0,format/* oneLine */.TN)(t))), 80)),
  );
  if (gate) return { kind: "fail", ...gate, status: a.status };
  return { kind: "pass", latencyMs, reply, measured: measure(streamed?.outputTokens, ttftMs, latencyMs) };
}

/** Only what was measured: a plain (unstreamed) answer has no first token and no token count. */
function measure(
  outputTokens                    ,
  ttftMs                    ,
  latencyMs        ,
)           {
  const rate = outputTokens === undefined ? undefined : tokensPerSecond(outputTokens, latencyMs);
  return {
    ...(ttftMs === undefined ? {} : { ttftMs }),
    ...(outputTokens === undefined ? {} : { outputTokens }),
    ...(rate === undefined ? {} : { tokensPerSecond: rate }),
  };
}

/** " (first token after 240 ms, 12 output tokens, 40 tokens/s)", or "" when nothing was measured. */
function describeMeasure(m          )         {
  const parts = [
    m.ttftMs !== undefined ? `first token after ${Math.round(m.ttftMs)} ms` : undefined,
    m.outputTokens !== undefined ? `${m.outputTokens} output tokens` : undefined,
    m.tokensPerSecond !== undefined ? `${m.tokensPerSecond} tokens/s` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function bodyText(body         )         {
  if (body === undefined || body === null) return "";
  return typeof body === "string" ? body : JSON.stringify(body);
}

/** Trimmed, then cut by code point (never through a surrogate pair), without a space before the '…'. */
function excerpt(text        , max = REPLY_CHARS)         {
  return (0,format/* truncate */.xv)(text.trim(), max, { ellipsisAfter: true, trimCut: true });
}

// EXTERNAL MODULE: ./build/friendli/advice.js
var friendli_advice = __webpack_require__(5220);
// EXTERNAL MODULE: ./build/friendli/retry.js
var retry = __webpack_require__(9120);
;// CONCATENATED MODULE: ./build/smoke/decide.js
// What the smoke test does after an attempt that did not pass: fail (with what message), switch
// from chat to completions, or try again (after how long). Pure: ./smoke-test.ts hands over where
// it stands and what came back, and applies the step it gets.






                                                         



/** What the loop carries from one attempt to the next. */
                          
                    
                                                                                       
                   
                                                                                                     
                  
                                                 
                
                                                                         
                                           
 

/** The times a decision weighs (clock times, ms). */
                             
              
                                                             
                    
                   
                     
                                                                                          
                       
 

/**
 * What an attempt that did not pass got: a non-2xx answer (`detail`: the server's, already redacted
 * and cut), or a request error (never "aborted").
 */
                          
                                                                            
                                                                                

/** The message goes after "smoke test failed: " and the fall-back reason. */
                                                                              

                
                
                                                     
                                                                                  

/** 429 and the gateway-ish 5xx are what a warming engine answers; 501/505 will never change. */
function isTransientStatus(status        )          {
  return status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/**
 * Friendli's wording is not documented; the simulator says "no chat_template". Any 4xx that names
 * the chat template counts, and a 400/422 that mentions a template at all, so a rephrased message
 * still falls back rather than failing a deploy of a perfectly good base model.
 */
function saysNoChatTemplate(status        , detail                    )          {
  if (status < 400 || status >= 500 || status === 401 || status === 403 || status === 429) return false;
  if (detail === undefined) return false;
  if (/chat[\s_-]?template/i.test(detail)) return true;
  return (status === 400 || status === 422) && /template/i.test(detail);
}

function attemptsText(total        )         {
  return `${total} attempt${total === 1 ? "" : "s"}`;
}

const fail = (message        , status         )               => ({ kind: "fail", message, status });

/** The failure when the run's deadline has come before the next attempt. */
function deadlineFailure(s         )               {
  const last = s.last ? `; last: ${s.last.text}` : "";
  const path = smokePath(s.route);
  return fail(
    `the run's deadline passed before POST ${path} answered${last} (${attemptsText(s.total)})`,
    s.last?.status,
  );
}

function afterAttempt(s         , got              , t            )            {
  if (got.kind === "error") {
    if (got.errorKind === "deadline")
      return fail(`${got.message} (${attemptsText(s.total)})`, s.last?.status);
    // A connection refused or reset while the engine's pods are swapped in is as transient as a
    // 503; a refused redirect or an untrusted certificate is not.
    if (got.errorKind !== "not-sent" && got.errorKind !== "ambiguous") return fail(got.message, got.status);
    return retryStep({ ...s, last: { text: got.message } }, undefined, "a network error", t);
  }
  const said = got.detail ? `${got.status} (${got.detail})` : String(got.status);
  if (s.route === "chat" && saysNoChatTemplate(got.status, got.detail)) {
    const fellBack = `the model has no chat template (chat answered ${got.status}), and `;
    return {
      kind: "fallback",
      next: { route: "completions", fellBack, attempt: 0, total: s.total },
      note: `Smoke test: chat answered ${said}; the model has no chat template, trying POST ${client/* COMPLETIONS_PATH */.Ov}`,
    };
  }
  if (!isTransientStatus(got.status)) {
    const advice = (0,friendli_advice/* statusAdvice */.F)(got.status, "inference");
    return fail(`POST ${smokePath(s.route)} answered ${said}${advice ? `: ${advice}` : ""}`, got.status);
  }
  return retryStep({ ...s, last: { text: said, status: got.status } }, got.retryAfter, String(got.status), t);
}

/** Another attempt after a wait, or why there will be none. `s.last` is what this attempt got. */
function retryStep(s         , retryAfter                    , reason        , t            )            {
  const path = smokePath(s.route);
  const lastText = s.last?.text ?? reason;
  const attempts = attemptsText(s.total);
  const warmup = (0,format/* formatDuration */.a3)(t.warmupMs, { tenths: true });
  if (t.now >= t.windowEnd) {
    return fail(
      `POST ${path} still answered ${lastText} after the ${warmup} warm-up window (${attempts})`,
      s.last?.status,
    );
  }
  const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(retryAfter, t.now);
  const wanted = retryAfterMs ?? (0,backoff/* backoffDelay */.EY)(s.attempt, t.random, timing/* SMOKE_BACKOFF */.Ze);
  // Not the HTTP layer's clampRetryAfter: its floor (a second) and cap (a minute) suit API calls,
  // while here the engine is known to be coming up, so a short floor only stops a hot loop, and the
  // warm-up window is the cap: a longer wait would skip the last attempt, so it lands on the
  // window's end instead.
  const waitMs = Math.min(Math.max(wanted, timing/* SMOKE_MIN_WAIT_MS */.Wq), t.windowEnd - t.now);
  if (t.now + waitMs >= t.deadlineMs) {
    const why = `POST ${path} answered ${lastText}, and the run's deadline leaves no time to try again (${attempts})`;
    return fail(why, s.last?.status);
  }
  const how = retryAfterMs !== undefined ? " (Retry-After)" : "";
  const ends = (0,format/* formatDuration */.a3)(t.windowEnd - t.now, { tenths: true });
  return {
    kind: "retry",
    next: s,
    waitMs,
    note: `Smoke test (${s.route}): attempt ${s.total + 1} after ${reason}, waiting ${(0,format/* formatDuration */.a3)(waitMs, { tenths: true })}${how}; warm-up window ends in ${ends}`,
    debug: `Smoke test (${s.route}): attempt ${s.total}: ${lastText}`,
  };
}

;// CONCATENATED MODULE: ./build/smoke/smoke-test.js
// The smoke test: after RUNNING, one small streamed inference request proves the endpoint answers
// and measures it. A fresh engine answers 503 (a busy one 429) for a while after RUNNING, so those
// are retried through a short warm-up window; a model without a chat template falls back to the
// completions route; anything else fails at once, as the pure pieces beside it decide.

                                              

                                             


                                                            







const DEFAULT_MAX_TOKENS = 16;

                             
                                                                                  
                                                                       

                                               
                         
                     
                 
               
                      
                                                                 
                     
              
                                                                                     
                    
                     
                                                                                                           
                     
                                                        
                   
 

async function smokeTest(opts                  )                           {
  const { client, endpointId, clock, signal, deadlineMs, log } = opts;
  const warmupMs = opts.warmupMs ?? timing/* SMOKE_WARMUP_MS */.K_;
  const maxTokens = opts.maxTokens ?? DEFAULT_MAX_TOKENS;
  const clean = (s        ) => (0,redact/* redact */.E$)(s, client.http.secrets);
  const send = sender(opts, maxTokens, clean);
  const windowEnd = clock.now() + warmupMs;
  let s          = { route: opts.route ?? "chat", fellBack: "", attempt: 0, total: 0 };
  // Every failure but a missed gate is the first check's: no usable reply within the window.
  const fail = (f                                       )                            => {
    const message = clean(`smoke test failed: ${s.fellBack}${f.message}`);
    const status = f.status === undefined ? {} : { status: f.status };
    return { done: { ok: false, message, check: f.check ?? "answer", ...status } };
  };

  log.info(
    `Smoke test: POST ${smokePath(s.route)} (model ${endpointId}, max_tokens ${maxTokens}${(opts.stream ?? true) ? ", streamed" : ""}), warm-up window ${(0,format/* formatDuration */.a3)(warmupMs, { tenths: true })}`,
  );
  return (0,backoff/* askAgain */.et)                 ({
    clock,
    signal,
    // Cancellation is not a smoke-test verdict: the caller reports the run as cancelled.
    aborted: (reason) => {
      throw (0,errors/* abortedError */.ip)(s.route, reason, "smoke test");
    },
    round: async () => {
      if (clock.now() >= deadlineMs) return fail(deadlineFailure(s));
      s = { ...s, attempt: s.attempt + 1, total: s.total + 1 };
      const sent = await send(s.route);
      if ("ok" in sent) {
        const verdict = judgeAnswer(sent.ok, opts, clean);
        if (verdict.kind === "fail") return fail(verdict);
        const { latencyMs, reply, measured } = verdict;
        log.info(
          `Smoke test passed: ${s.route} answered ${sent.ok.status} in ${Math.round(latencyMs)} ms after ${attemptsText(s.total)}${describeMeasure(measured)}`,
        );
        return { done: { ok: true, latencyMs, reply, route: s.route, ...measured } };
      }
      const times = { now: clock.now(), windowEnd, warmupMs, deadlineMs, random: () => clock.random() };
      const step = afterAttempt(s, sent.miss, times);
      if (step.kind === "fail") return fail(step);
      log.info(step.note);
      s = step.next;
      if (step.kind === "fallback") return {};
      log.debug(step.debug);
      return { waitMs: step.waitMs };
    },
  });
}

/**
 * Sends one request on a route, watching for its first token: a 2xx answer to judge, or what the
 * miss was. Each is sent once (retry "never"): the loop decides what a 503 from a warming engine
 * means. Errors other than a request's failure (cancellation, a bug) are thrown.
 */
function sender(opts                  , maxTokens        , clean                       ) {
  const { client, endpointId, prompt, clock } = opts;
  const streaming = (opts.stream ?? true) ? { stream: true, stream_options: { include_usage: true } } : {};
  return async (route            )                                                        => {
    let firstTokenAt                    ;
    const watch = firstTokenWatch(route);
    const onChunk = (piece        ) => {
      if (firstTokenAt === undefined && watch(piece)) firstTokenAt = clock.now();
    };
    const startedAt = clock.now();
    const input = route === "chat" ? { messages: [{ role: "user", content: prompt }] } : { prompt };
    try {
      const { status, body, retryAfter } = await client[route](
        { model: endpointId, ...input, max_tokens: maxTokens, ...streaming },
        onChunk,
      );
      if (status >= 200 && status < 300) {
        return { ok: { route, status, body, startedAt, finishedAt: clock.now(), firstTokenAt } };
      }
      // The server's detail, redacted and cut, is what the decision quotes.
      const d = (0,error_body/* errorDetail */.m2)(bodyText(body));
      const detail = d === undefined ? undefined : (0,format/* truncate */.xv)(clean(d), MAX_DETAIL, { ellipsisAfter: true });
      return { miss: { kind: "answer", status, detail, retryAfter } };
    } catch (err) {
      if (!(err instanceof errors/* ApiError */.hD) || err.kind === "aborted") throw err;
      return { miss: { kind: "error", errorKind: err.kind, message: err.message, status: err.status } };
    }
  };
}

;// CONCATENATED MODULE: ./build/operations/smoke.js
// RUNNING is Friendli's word; one small completion is the proof that the endpoint answers.

                                                       


                                                     

/** `route`: the one the pre-flight chose from the model's chat template; chat when unknown. */
async function runSmokeTest(
  op                  ,
  endpointId        ,
  route             ,
)                {
  const { inputs, log } = op;
  if (!inputs.wait) {
    return log.warning(
      "smoke-test needs wait: true (an endpoint that is not RUNNING cannot answer); skipped",
    );
  }
  // A SLEEPING endpoint (min replicas 0) counts as deployed, and the smoke test's request is what
  // wakes it: that can take minutes, so it may use the rest of the run rather than the usual window.
  const asleep = op.report.status?.trim().toUpperCase() === "SLEEPING";
  const r = await smokeTest({
    ...op,
    warmupMs: asleep ? Math.max(0, op.deadlineMs - op.clock.now()) : undefined,
    endpointId,
    prompt: inputs.smokeTestPrompt,
    route,
    expect: inputs.smokeTestExpect,
    maxTtftMs: inputs.smokeTestMaxTtftMs,
  });
  if (!r.ok) {
    op.report.failedCheck = r.check;
    throw new result/* OperationFailure */.C(r.message, "failed");
  }
  const { ok: _, ...measured } = r;
  op.report.smokeTest = measured;
  log.info(`Smoke test (${r.route}) answered in ${r.latencyMs} ms: ${r.reply}`);
}

// EXTERNAL MODULE: ./build/operations/sweep-run.js
var sweep_run = __webpack_require__(5325);
;// CONCATENATED MODULE: ./build/operations/rollback.js
// Rolling a failed update back (`rollback-on-failure`): the settings of the ledger's last successful
// deployment are PUT again and waited for, on a budget of their own (a timed-out update has spent
// the run's). The run still fails (`rolled-back`): the version it was asked for did not deploy.




                                                           

                                                  
                                                              

                                                





/** A failure a rollback answers: the new version FAILED, failed its smoke test or came up too late. */
function rollsBack(err         )          {
  if (err instanceof result/* OperationFailure */.C) return err.result === "failed" || err.result === "timed-out";
  return err instanceof errors/* ApiError */.hD && err.kind === "deadline";
}

/** What recorded settings cost per hour, priced as the run's own request is. */
function settingsCost(
  settings                    ,
  inputs                                        ,
)                         {
  return (0,estimate/* estimateHourlyCost */.Bb)({
    instanceOptionId: settings.gpu.instanceOptionId,
    minReplicas: settings.autoscaling.minReplicas,
    maxReplicas: settings.autoscaling.maxReplicas,
    pricePerGpuHour: inputs.gpuHourlyPrice,
    pricedFor: inputs.gpu?.instanceOptionId,
  });
}

/** Why `max-hourly-cost`, which holds for every request that sets a GPU, stops the rollback's PUT. */
function rollbackOverCap(
  cost                        ,
  capUsd                    ,
)                     {
  if (capUsd === undefined) return undefined;
  if (!cost) return "the recorded GPU or replicas have no estimate, so `max-hourly-cost` cannot be checked";
  return (0,estimate/* exceedsCap */.Wf)(cost, capUsd)
    ? `they cost ${(0,estimate/* estimateText */.YL)(cost)}, above \`max-hourly-cost\` ${(0,estimate/* usd */.dR)(capUsd)}`
    : undefined;
}

/**
 * Puts the rollback's settings back and waits for RUNNING; `report.rolledBack` once they serve
 * again. A rollback that fails too only warns: the update's failure stands.
 */
async function rollBack(
  op                  ,
  endpoint               ,
  rollback          ,
  failure         ,
)                {
  const { report, log } = op;
  const deadlineMs = op.clock.now() + timing/* ROLLBACK_BUDGET_MS */.ui;
  const client = op.clientUntil?.(deadlineMs) ?? op.client;
  const before = report.timeline;
  const { deploymentId, payload } = rollback.entry;
  const cost = settingsCost(payload.settings, op.inputs);
  const overCap = rollbackOverCap(cost, op.inputs.maxHourlyCost);
  const failed = `The update of endpoint ${endpoint.id} ${report.failedCheck ? "failed its smoke test" : "did not deploy"}`;
  if (overCap) {
    const message =
      `${failed}, and the rollback to the settings of ` +
      `GitHub deployment ${deploymentId} was not sent: ${overCap}`;
    return warn(op, message);
  }
  log.warning(
    `${failed} (${(0,redact/* formatError */.Wk)(failure, client.http.secrets)}); ` +
      `rolling back to the settings of GitHub deployment ${deploymentId} (\`rollback-on-failure: true\`)`,
  );
  const sentAtMs = op.clock.now();
  // The update's last span (a rollout cut short by the timeout, or FAILED) ends as the rollback
  // replaces it, or the summary would show it lasting to the end of the run beside the rollback's.
  closeOpenSpan(before, sentAtMs);
  try {
    await client.update(endpoint.id, rollback.request.body);
    const wait = { target: "running", minReplicas: payload.settings.autoscaling.minReplicas }         ;
    await awaitEndpoint({ ...op, client, deadlineMs }, endpoint.id, wait, sentAtMs);
  } catch (err) {
    report.timeline = [...before, ...report.timeline.filter((s) => !before.includes(s))];
    if (op.signal.aborted) throw err;
    const message = `The rollback of endpoint ${endpoint.id} failed too: ${(0,redact/* formatError */.Wk)(err, client.http.secrets)}`;
    return warn(op, message);
  }
  report.timeline = [...before, ...report.timeline];
  report.rolledBack = true;
  report.previous = (0,run/* versionOf */.E)(rollback.entry);
  // What runs now is what it costs: the failed request's estimate no longer describes the endpoint.
  report.cost = { ...report.cost, hourly: cost };
  log.info(
    `Rolled back: endpoint ${endpoint.id} serves the settings of GitHub deployment ${deploymentId} again` +
      (cost ? `; estimated cost: ${(0,estimate/* estimateText */.YL)(cost)}` : ""),
  );
  await op.ledger?.recordRollback(endpoint.id, rollback.entry);
}

;// CONCATENATED MODULE: ./build/operations/update.js
// Carrying out a planned update: a new version with every requested setting, so an update
// converges on what the workflow says; with `rollback-on-failure`, the last good settings are put
// back when it does not deploy or fails its smoke test.


                                                           






async function updateEndpoint(
  op                  ,
  plan      ,
  { endpoint, request, rollback }                                            ,
)                {
  const settings = requestedSettings(op.inputs, request.body.hfModelRepoRevision);
  await op.ledger?.record(endpoint.id, settings, "Update");
  if (rollback) op.log.info(describeRollback(rollback));
  op.log.info(`Updating endpoint ${endpoint.id}: new version with the requested settings`);
  op.remember(endpoint.id, false);
  // From now on an updatedAt is the new version's.
  const sentAtMs = op.clock.now();
  await sendOnChoices(op, plan, (on) => on.client.update(endpoint.id, asked(request.body, on)), endpoint.id);
  try {
    if (plan.wait) await awaitOnChoices(op, plan, endpoint.id, plan.wait, sentAtMs);
    else await readStatus(op, endpoint.id);
    // The health gate: a failed smoke test rolls back like a rollout that FAILED.
    if (plan.smokeTest) await runSmokeTest(op, endpoint.id, plan.smokeRoute);
  } catch (err) {
    // A rollback that serves leaves the failure standing, with `report.rolledBack` set.
    if (rollback && rollsBack(err)) await rollBack(op, endpoint, rollback, err);
    throw err;
  }
}

/**
 * The PUT answers the spec, not the status: without a wait, the only status known would be the
 * one listed before the update (RUNNING while it is UPDATING). One read; a failed one only warns.
 */
async function readStatus(op                  , id        )                {
  try {
    recordStatus(op.report, await op.client.status(id));
  } catch (err) {
    if (op.signal.aborted) throw err;
    op.log.warning(
      `Endpoint ${id} was updated, but its status could not be read: ${(0,redact/* formatError */.Wk)(err, op.client.http.secrets)}`,
    );
  }
}

;// CONCATENATED MODULE: ./build/operations/index.js
// One run of an operation, in one direction: look the endpoint up, make the plan, then either show
// it (dry run) or carry it out. Never throws: what ended the run goes back to main.ts with the plan
// it was carrying out, and src/plan/result.ts turns both into `result`.


















async function runOperation(
  op                  ,
)                                                                  {
  const { inputs, report } = op;
  let plan                  ;
  try {
    if (inputs.operation === "deploy") recordRequested(report, inputs);
    const memory               = { listed: new Set(), specs: new Map(), lookedUpAtMs: op.clock.now() };
    // A sweep replaces the one-endpoint lookup by the preview listing and its PRs' states.
    plan =
      inputs.operation === "sweep"
        ? plan_plan(inputs, { found: undefined, sweep: await (0,sweep_run/* sweepFacts */.Yk)(op) })
        : await lookupAndPlan(op, memory);
    if (inputs.dryRun && plan.action.kind === "sweep") {
      await (0,sweep_run/* showSweep */.GY)(op, plan.action);
      return { plan, ...(0,sweep_run/* sweepOutcome */.xQ)(op) };
    }
    if (inputs.dryRun) {
      const request = plannedRequest(plan);
      if (request) report.plannedRequest = request;
      op.log.info(describePlan(plan));
      op.log.info(describeRequest(request, inputs.apiUrl));
      // A plan that refuses fails the dry run as it would fail the run (execute throws below).
      if (plan.action.kind !== "fail") return { plan };
    } else op.log.debug(describePlan(plan));
    await execute(op, plan, memory);
    return { plan };
  } catch (error) {
    // The update failed, and its rollback (`report.rolledBack`) serves the last good settings again.
    return plan ? { plan, error, rolledBack: report.rolledBack } : { error };
  }
}

async function lookupAndPlan(op                  , memory              )                {
  const { inputs, report } = op;
  // Before this run records anything: the history as the previous runs left it.
  const ledger = op.ledger ? await op.ledger.read() : {};
  memory.lookedUpAtMs = op.clock.now();
  let found = await (0,lookup/* lookupEndpoint */.sS)(op.client, inputs, {
    signal: op.signal,
    listed: memory.listed,
    cache: memory.specs,
    // An endpoint-id is checked against project-id before anything changes it.
    forWrite:
      inputs.operation !== "status" && (inputs.operation !== "deploy" || inputs.ifExists === "update"),
    remembered: remembered(op, ledger),
  });
  // A lookup by endpoint-id for a write reads the spec only; the status decides whether the ledger
  // makes the deploy a no-op, and what a sleep, wake or restart sends.
  const mayBeUnchanged = inputs.ifExists === "update" && inputs.ifUnchanged === "skip" && ledger.lastSuccess;
  const needsStatus = inputs.operation === "deploy" ? mayBeUnchanged : inputs.operation !== "delete";
  if (found && !found.status && needsStatus) {
    found = { ...found, status: await op.client.status(found.id) };
  }
  let plan = plan_plan(inputs, { found, ledger });
  if (needsPreflight(inputs, plan)) {
    // Before anything is created or updated: a model Friendli cannot deploy fails here, unbilled.
    const { findings, revision, smokeRoute, weightBytes } = await preflightStep(op, keptGpus(plan, inputs));
    plan = plan_plan(inputs, { found, ledger, findings, revision, smokeRoute, weightBytes });
  }
  noteChoices(op, plan);
  // Drift: settings changed outside the action since the ledger's last success; the PUT puts them back.
  if (plan.action.kind === "update" && plan.action.drift) {
    const { endpoint, drift } = plan.action;
    const message =
      `Drift on endpoint ${endpoint.id}: its ${drift.join(", ")} differ from the settings ` +
      `the last successful deployment recorded (changed outside this action); updating to the requested settings`;
    warn(op, message);
  }
  if (found) recordFound(report, found);
  if (inputs.operation === "deploy" || inputs.operation === "status") recordHourlyCost(op, plan, found);
  if (found && inputs.operation === "status") report.hint = (0,error_codes/* errorHint */.c$)(found.status?.errorCode);
  return plan;
}

/** The endpoint id the ledger remembers for this name, for the lookup to confirm with one GET. */
function remembered(op                  , ledger            ) {
  const { inputs, log } = op;
  const id = inputs.endpointId ? undefined : (0,ledger_ledger/* rememberedEndpointId */.Ft)(ledger, inputs.name, inputs.projectId);
  if (!id) return undefined;
  return {
    id,
    // A delete needs no status; a deploy decides on it (no-op or not), a status check reports it.
    readStatus: inputs.operation !== "delete",
    onMiss: (reason        ) =>
      log.info(
        `The ledger's endpoint ${id} is not "${inputs.name}" any more (${reason}): looking the name up`,
      ),
  };
}

/** Carries the plan out: the one write it names, then the wait and the smoke test. */
async function execute(given                  , plan      , memory              )                {
  const a = plan.action;
  // On the first choice of `gpu` kept: what is sent and recorded names its GPU.
  const op = current(given, plan);
  switch (a.kind) {
    case "fail":
      throw new result/* OperationFailure */.C(a.message, "failed");
    case "nothing":
      return op.log.info(a.reason);
    case "delete":
      await deleteEndpoint(op, plan, a.endpoint);
      await op.ledger?.retire(a.endpoint.id);
      return;
    case "create": {
      const create = (on                  ) => createEndpoint(on, asked(a.request.body, on), memory);
      return afterwards(op, plan, await sendOnChoices(op, plan, create));
    }
    case "update":
      return updateEndpoint(op, plan, a);
    case "sweep":
      return (0,sweep_run/* executeSweep */.od)(op, a);
    case "lifecycle":
      if (a.request) {
        const status = await op.client.lifecycle(a.endpoint.id, a.op);
        recordFound(op.report, { ...a.endpoint, status });
      }
      op.log.info(
        `${a.op} endpoint ${a.endpoint.id}${statusOf(a.endpoint)}: ${a.request ? "sent" : "nothing to send"}`,
      );
      return afterwards(op, plan, a.endpoint.id);
    case "unchanged":
      op.log.info(
        `Endpoint ${a.endpoint.id}${statusOf(a.endpoint)} already serves these settings (GitHub deployment ` +
          `${a.entry.deploymentId}): no update sent (\`if-unchanged: skip\`)`,
      );
      await op.ledger?.record(a.endpoint.id, requestedSettings(op.inputs), "Unchanged");
      return afterwards(op, plan, a.endpoint.id);
    case "reuse":
      if (plan.operation === "deploy")
        op.log.info(`Reusing endpoint ${a.endpoint.id}${statusOf(a.endpoint)} as it is`);
      return afterwards(op, plan, a.endpoint.id);
  }
}

async function afterwards(op                  , plan      , id        )                {
  if (plan.wait) await awaitOnChoices(op, plan, id, plan.wait);
  if (plan.smokeTest) await runSmokeTest(op, id, plan.smokeRoute);
}

function statusOf(found               )         {
  return found.status ? ` (${found.status.status})` : "";
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core_core = __webpack_require__(8532);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/schemas.js + 2 modules
var core_schemas = __webpack_require__(1041);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(3305);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js
var mini_schemas = __webpack_require__(4343);
;// CONCATENATED MODULE: ./node_modules/zod/v4/mini/iso.js


const ZodMiniISODateTime = /*@__PURE__*/ core_core/* $constructor */.xI("ZodMiniISODateTime", (inst, def) => {
    core_schemas/* $ZodISODateTime */.Ko.init(inst, def);
    mini_schemas/* ZodMiniStringFormat */.zUr.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function datetime(params) {
    return api/* _isoDateTime */.G1(ZodMiniISODateTime, params);
}
const ZodMiniISODate = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniISODate", (inst, def) => {
    core.$ZodISODate.init(inst, def);
    schemas.ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function date(params) {
    return core._isoDate(ZodMiniISODate, params);
}
const ZodMiniISOTime = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniISOTime", (inst, def) => {
    core.$ZodISOTime.init(inst, def);
    schemas.ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function time(params) {
    return core._isoTime(ZodMiniISOTime, params);
}
const ZodMiniISODuration = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniISODuration", (inst, def) => {
    core.$ZodISODuration.init(inst, def);
    schemas.ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function duration(params) {
    return core._isoDuration(ZodMiniISODuration, params);
}

// EXTERNAL MODULE: ./build/friendli/schemas.js
var friendli_schemas = __webpack_require__(4214);
;// CONCATENATED MODULE: ./build/report/outputs.js
// The step's outputs (action.yml), written on success and on failure alike: whatever the run
// learned, '' for what it did not.




                                                 

                                                                           

/** The typed values behind the outputs: numbers stay numbers and unknowns are null, for `json`. */
function values(r           )          {
  return {
    [names/* Output */.k7.endpointId]: shaped(r.endpointId, friendli_schemas/* ENDPOINT_ID */.ct),
    [names/* Output */.k7.endpointName]: r.endpointName || null,
    [names/* Output */.k7.modelRevision]: shaped(r.model?.revision, /^[0-9a-f]{40}$/),
    [names/* Output */.k7.status]: shaped(r.status, friendli_schemas/* UPPER_WORD */.c5),
    [names/* Output */.k7.phase]: shaped(r.phase, friendli_schemas/* UPPER_WORD */.c5),
    [names/* Output */.k7.errorCode]: shaped(r.errorCode, friendli_schemas/* UPPER_WORD */.c5),
    [names/* Output */.k7.createdAt]: timestamp(r.createdAt),
    [names/* Output */.k7.updatedAt]: timestamp(r.updatedAt),
    [names/* Output */.k7.result]: r.result,
    [names/* Output */.k7.inferenceUrl]: r.inferenceUrl || null,
    // Seconds to a tenth: precise enough to compare runs, short to read.
    [names/* Output */.k7.elapsedSeconds]: Math.round(Math.max(0, r.finishedAtMs - r.startedAtMs) / 100) / 10,
    [names/* Output */.k7.smokeTestLatencyMs]: r.smokeTest ? Math.round(r.smokeTest.latencyMs) : null,
    [names/* Output */.k7.smokeTestTtftMs]: measured(r.smokeTest?.ttftMs, 0),
    [names/* Output */.k7.smokeTestTokensPerSecond]: measured(r.smokeTest?.tokensPerSecond, 1),
    [names/* Output */.k7.deploymentId]: r.deployment?.id ?? null,
    [names/* Output */.k7.hourlyCostUsd]: r.cost?.hourly ? r.cost.hourly.maxUsd : null,
    // A label of the GPU table ("2x H100") or a raw instance option id.
    [names/* Output */.k7.gpu]: shaped(r.gpu, /^[\w ]+$/),
  };
}

// The API's looser timestamp shape lets `::` and spaces through, which a later step that echoes
// the output would hand to the runner as a command.
const RFC3339 = datetime({ offset: true });

/**
 * A strict RFC 3339 timestamp, printed from the value parsed (UTC, `Z`; milliseconds when it had a
 * fraction), or null: the output is then our own text, never the server's.
 */
function timestamp(value                           )                {
  // RFC 3339 allows a lower-case `t` and `z`; zod's check knows only the upper-case ones.
  const upper = value?.toUpperCase();
  if (!upper || !RFC3339.safeParse(upper).success) return null;
  const iso = new Date(upper).toISOString();
  return upper.includes(".") ? iso : iso.replace(/\.\d{3}Z$/, "Z");
}

/** A measure rounded to `digits` decimals, or null when it was not measured. */
function measured(value                    , digits        )                {
  if (value === undefined || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * The value when it has the shape the API schemas check, else null: the schemas already refuse a
 * misshapen API field; this keeps any other path to an output from handing a workflow a line break
 * or `::`.
 */
function shaped(value                           , shape        )                {
  return value && shape.test(value) ? value : null;
}

function buildOutputs(r           )                             {
  const typed = values(r);
  const out = {}                              ;
  for (const [name, value] of Object.entries(typed)                                                  ) {
    out[name] = value === null ? "" : String(value);
  }
  // Money keeps its two decimals in the output ("10.00"); `json` holds the number.
  out[names/* Output */.k7.hourlyCostUsd] = r.cost?.hourly?.maxUsd.toFixed(2) ?? "";
  // Keys are the output names, so `fromJSON(steps.x.outputs.json)['endpoint-id']` reads the same.
  out[names/* Output */.k7.json] = JSON.stringify(typed);
  return out;
}

/** Sets every output, the empty ones too, so the step's outputs always list the whole contract. */
function writeOutputs(r           , setOutput                                       )       {
  for (const [name, value] of Object.entries(buildOutputs(r))) setOutput(name, value);
}

// EXTERNAL MODULE: ./build/report/summary.js + 1 modules
var summary = __webpack_require__(3788);
;// CONCATENATED MODULE: ./build/main.js
// The orchestrator: parse the inputs, run one operation, report. The only module of the main step
// that talks to the runner (@actions/core) for outputs, state and failure; everything it uses is
// passed in or built here, so tests drive run() with their own clock, dispatcher, signal and
// environment.

                                         

                                           










                                                                




                                                        


                   
                         
               
                                                                
                      
                          
             
 

const FAILURE_RESULTS = new Set(["failed", "timed-out", "cancelled", "rolled-back"]);

/** One run as the steps below share it; its `core` is the guarded one, and the run's Logger. */
                               
                    
                    
                                                     
                                  
                  
                       
                                                            
                      
                                                                      
                      
 

async function main_run(overrides                   = {})                     {
  const given          = {
    env: process.env,
    clock: clock/* systemClock */.m,
    signal: new AbortController().signal,
    core: lib_core,
    ...overrides,
  };
  const secrets = maskSecrets(given.core);
  // Every sink redacted and every log line unable to form a workflow command (base/safe-text.ts).
  const core = (0,safe_text/* guardCore */.nj)(given.core, secrets);
  const report = newReport(core, given.clock);
  const warn = (message        ) => {
    report.warnings.push(message);
    core.warning(message);
  };
  const r      = { ...given, core, secrets, report, warn, createSent: false };
  try {
    r.context = (0,context/* readRunContext */.$)(r.env);
    const parsed = (0,inputs/* parseInputs */.TL)((name) => core.getInput(name), r.context, core.debug);
    if (parsed.kind !== "ok") {
      if (parsed.kind === "invalid") report.message = invalidInputsMessage(parsed.problems);
      else warn(parsed.reason);
      report.result = (0,result/* resultOf */.B)({ stage: "inputs", skipped: parsed.kind === "skip" });
      return await finish(r);
    }
    r.inputs = parsed.inputs;
    report.operation = r.inputs.operation;
    if (r.inputs.operation !== "sweep") report.endpointName = r.inputs.name;
    if (/^(main|master)$/.test(r.context.actionRef)) {
      warn(
        `This action is used at @${r.context.actionRef}: pin it to a release tag or commit for reproducible deploys`,
      );
    }
    const ignored = (0,inputs/* ignoredSmokeGates */.ez)(r.inputs);
    if (ignored) warn(ignored);
    await operate(r, r.inputs, r.context);
  } catch (err) {
    report.result = "failed";
    report.message = (0,redact/* formatError */.Wk)(err, r.secrets);
  }
  return await finish(r);
}

/** Runs the operation, sets `result` from how it went, and cleans up after a failure. */
async function operate(r     , inputs        , context            )                {
  const { report, secrets, clock, signal, core: log } = r;
  const clientUntil = (deadlineMs        ) =>
    new client/* FriendliClient */.rH((0,client_options/* friendliHttpOptions */.a)(inputs, r, deadlineMs, log));
  const deadlineMs = report.startedAtMs + inputs.waitTimeoutMs;
  const hooks = savedForPostStep(r);
  const ledger = new run/* LedgerRun */.r({
    inputs,
    context,
    apiUrl: r.env.GITHUB_API_URL,
    log,
    secrets,
    signal,
    report,
    saveDeploymentId: (id) => r.core.saveState(names/* State */.Uw.deploymentId, String(id)),
  });
  const { plan, error, rolledBack } = await runOperation({
    inputs,
    run: context,
    client: clientUntil(deadlineMs),
    clock,
    signal,
    deadlineMs,
    log,
    report,
    secrets,
    env: r.env,
    dispatcher: r.dispatcher,
    ...hooks,
    ledger,
    clientUntil,
  });
  if (error !== undefined) report.message = (0,redact/* formatError */.Wk)(error, secrets);
  const aborted = signal.aborted;
  report.result = (0,result/* resultOf */.B)({ stage: "plan", dryRun: inputs.dryRun, aborted, error, plan, rolledBack });
  await ledger.end(report.result);
  // The cost so far is a courtesy on a budget of its own, after a run that went well: after a
  // failure the run ends without another request (a refused token would be refused again).
  if (!FAILURE_RESULTS.has(report.result)) {
    if (!aborted)
      await recordCostSoFar(report, { inputs, clientUntil, now: () => clock.now(), log, secrets });
    return;
  }
  await afterFailure(report, failureFacts(r, inputs), {
    clientUntil,
    clock,
    log,
    warn: r.warn,
    secrets,
    owe: hooks.noteDeleteOwed,
  });
  if (report.deletedAfterFailure && report.endpointId) await ledger.retire(report.endpointId);
}

function failureFacts(r     , inputs        )               {
  const { result, endpointId, endpointName, createdByThisRun } = r.report;
  return {
    ...inputs,
    result,
    endpointId,
    endpointName,
    createdHere: createdByThisRun === true,
    createSent: r.createSent,
    // A create went out, yet whether it made this endpoint is unknown: its answer was lost.
    unproven: r.createSent && endpointId !== undefined && createdByThisRun === undefined,
  };
}

/**
 * The state the post step reads, saved as the run learns it: the create's facts (before the first
 * create goes out, so a cancellation before its id is known still leaves the post step what it
 * needs to prove which endpoint, if any, that create made), a DELETE the run owes, and the endpoint.
 */
function savedForPostStep(r     )                                                                       {
  const { core } = r;
  return {
    noteCreate: (facts) => {
      if (!r.createSent) {
        core.saveState(names/* State */.Uw.createSentAt, String(r.clock.now()));
        core.saveState(names/* State */.Uw.lookupIds, [...facts.lookupIds].join(","));
      }
      r.createSent = true;
      if (facts.answeredCreatedAt) core.saveState(names/* State */.Uw.createCreatedAt, facts.answeredCreatedAt);
    },
    noteDeleteOwed: (owed) => core.saveState(names/* State */.Uw.deleteOwed, String(owed)),
    remember: (endpointId, createdByThisRun) => {
      r.remembered = endpointId;
      if (createdByThisRun !== undefined) r.report.createdByThisRun = createdByThisRun;
      core.saveState(names/* State */.Uw.endpointId, endpointId);
      core.saveState(names/* State */.Uw.createdByThisRun, String(createdByThisRun === true));
    },
  };
}

/** Outputs, state, summary, PR comment and the step's failure: everything the run reports. */
async function finish(r     )                     {
  const { report, inputs, context, core, secrets, signal } = r;
  report.finishedAtMs = r.clock.now();
  if (report.endpointId && inputs && report.result !== "deleted" && !report.deletedAfterFailure) {
    report.inferenceUrl = `${inputs.apiUrl}/dedicated/v1`;
  }
  // Outputs first: they are what later steps read, and nothing before them may throw.
  writeOutputs(report, core.setOutput);
  try {
    // Every path that knows its endpoint saves it (reuse, status, delete too), never as created here.
    if (report.endpointId && r.remembered !== report.endpointId) {
      core.saveState(names/* State */.Uw.endpointId, report.endpointId);
      core.saveState(names/* State */.Uw.createdByThisRun, "false");
    }
    core.saveState(names/* State */.Uw.result, report.result);
    // A sweep cut short: the DELETEs in flight may have gone through; the post step confirms them.
    const unconfirmed = (report.sweep?.sleep ? [] : (report.sweep?.rows ?? []))
      .filter((row) => row.action === "pending")
      .map(({ id, name, prNumber }) => ({ id, name, prNumber }));
    if (unconfirmed.length > 0) core.saveState(names/* State */.Uw.sweepUnconfirmed, JSON.stringify(unconfirmed));
  } catch (err) {
    core.warning(`state for the post step not saved: ${(0,redact/* formatError */.Wk)(err, secrets)}`);
  }
  try {
    await core.summary.addRaw((0,summary/* renderSummary */.Br)(report)).write();
  } catch (err) {
    core.debug(`job summary not written: ${String(err)}`);
  }
  // No request after a cancellation; the comment never fails the step.
  // A sweep acts on many PRs' previews, none of them this event's: it comments on no PR.
  if (inputs?.prComment && inputs.operation !== "sweep" && context?.pullRequest && !signal.aborted) {
    const { upsertPrComment } = await __webpack_require__.e(/* import() */ 191).then(__webpack_require__.bind(__webpack_require__, 2191));
    const token = inputs.githubToken;
    await upsertPrComment({
      report,
      context,
      token,
      apiUrl: r.env.GITHUB_API_URL,
      log: core,
      secrets,
      signal,
    });
  }
  if (FAILURE_RESULTS.has(report.result))
    core.setFailed(
      [report.message ?? `the run ended with ${report.result}`, report.hint].filter(Boolean).join("\n"),
    );
  return report;
}

function newReport(core      , clock       )            {
  // Known before the inputs are validated, so even a bad-input failure is headed by its operation.
  const given = core.getInput(names/* Input */.pd.operation);
  const named = (["delete", "status", "sweep", "sleep", "wake", "restart"]         ).find((o) => o === given);
  const operation = named ?? "deploy";
  const now = clock.now();
  return { operation, result: "failed", startedAtMs: now, finishedAtMs: now, timeline: [], warnings: [] };
}

function invalidInputsMessage(problems                                           )         {
  return [
    `${problems.length === 1 ? "An input is" : `${problems.length} inputs are`} not valid:`,
    ...problems.map((p) => `- ${p.input}: ${p.message}`),
  ].join("\n");
}

function maskSecrets(core      )           {
  // Masked before anything else can print them. An unexpanded `${{ github.token }}` is no secret, and
  // masking it would hide that text where a message names the default.
  const secrets = [
    core.getInput(names/* Input */.pd.friendliToken),
    core.getInput(names/* Input */.pd.githubToken),
    core.getInput(names/* Input */.pd.hfToken),
  ].filter((s) => s !== "" && !(0,fields/* isUnexpandedExpression */.TH)(s));
  for (const s of secrets) core.setSecret(s);
  return secrets;
}


/***/ }),

/***/ 9351:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _O: () => (/* binding */ renderPreflight),
/* harmony export */   hq: () => (/* binding */ findingLines),
/* harmony export */   mC: () => (/* binding */ findingLine)
/* harmony export */ });
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8253);
/* harmony import */ var _base_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6963);
// The pre-flight's findings as the log, the job summary and the dry run show them. Messages hold a
// repo name and commit the user or the Hub supplied, so the summary escapes every one.



                                                           

const MARK = { fail: "❌", warn: "⚠️", info: "✅" };
const WORD = { fail: "fail", warn: "warning", info: "ok" };

/** One plain line, for the log and the dry run: "pre-flight fit: warning: …". */
function findingLine(f         )         {
  return `pre-flight ${f.check}: ${WORD[f.severity]}: ${f.message}`;
}

function findingLines(findings                    )           {
  return findings.map(findingLine);
}

/** A summary section: the verdict, then a table of findings. */
function renderPreflight(r                 )         {
  const verdict = !r.ok
    ? "failed: nothing was created or updated"
    : r.checked
      ? "passed"
      : "skipped: the Hub could not be asked";
  return [
    `### Pre-flight ${verdict} (${(0,_base_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(r.elapsedMs, { tenths: true })})`,
    "",
    "| | check | finding |",
    "| --- | --- | --- |",
    ...r.findings.map((f) => `| ${MARK[f.severity]} | ${f.check} | ${(0,_base_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(f.message)} |`),
    "",
  ].join("\n");
}


/***/ }),

/***/ 6681:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ curlCommand)
/* harmony export */ });
// The one copy-paste command that calls a deployed endpoint, for the job summary and the PR
// comment. The token stays the reader's own: `$FRIENDLI_TOKEN` in double quotes, which their shell
// expands; no report ever holds a token.

/**
 * `quoted`: every value single-quoted for the shell, so any URL and id survive copy-paste.
 * `plain`: the URL bare, for callers that have checked it holds only shell-safe characters.
 */
function curlCommand(inferenceUrl        , endpointId        , style                    )         {
  const url = `${inferenceUrl.replace(/\/+$/, "")}/chat/completions`;
  const body = JSON.stringify({ model: endpointId, messages: [{ role: "user", content: "Hello!" }] });
  const q = style === "quoted" ? shellQuote : (s        ) => s;
  return [
    `curl -sS ${q(url)} \\`,
    `  -H "Authorization: Bearer $FRIENDLI_TOKEN" \\`,
    `  -H ${style === "quoted" ? "'Content-Type: application/json'" : '"Content-Type: application/json"'} \\`,
    `  -d ${shellQuote(body)}`,
  ].join("\n");
}

function shellQuote(value        )         {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}


/***/ }),

/***/ 3788:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CX: () => (/* binding */ deploymentLink),
  vk: () => (/* binding */ elapsed),
  YQ: () => (/* binding */ endpointFate),
  Br: () => (/* binding */ renderSummary),
  Jh: () => (/* binding */ rolledBackText),
  Pl: () => (/* binding */ safeUrl),
  hI: () => (/* binding */ statusClass)
});

// EXTERNAL MODULE: ./build/base/format.js
var format = __webpack_require__(8253);
// EXTERNAL MODULE: ./build/base/markdown.js
var markdown = __webpack_require__(6963);
// EXTERNAL MODULE: ./build/cost/words.js
var words = __webpack_require__(1021);
// EXTERNAL MODULE: ./build/preflight/report.js
var report = __webpack_require__(9351);
// EXTERNAL MODULE: ./build/cost/estimate.js + 1 modules
var estimate = __webpack_require__(3711);
;// CONCATENATED MODULE: ./build/sweep/summary.js
// The job summary of a sweep: one table row per preview endpoint (endpoint, PR, state, age,
// action taken), then the failures and warnings. Every value from outside (endpoint names and ids,
// GitHub's and Friendli's error texts) goes through escapeMarkdown.



                                               

// Types only: the summary must not load the sweep's executor.
                                                          

const HEADINGS                                  = {
  swept: "🧹 Friendli sweep: stale previews deleted",
  planned: "📝 Friendli sweep (dry run): previews that would be deleted",
  clean: "✅ Friendli sweep: nothing to delete",
  failed: "❌ Friendli sweep: failed",
  "timed-out": "⏱️ Friendli sweep: timed out (wait-timeout)",
  cancelled: "🚫 Friendli sweep: cancelled",
};

const ACTIONS                                     = {
  deleted: "🗑️ deleted",
  "would-delete": "📝 would delete",
  pending: "⏹️ not confirmed: the run stopped before the delete answered",
  kept: "kept",
  "delete-failed": "❌ delete failed",
  slept: "💤 put to sleep",
  "would-sleep": "📝 would put to sleep",
  "sleep-failed": "❌ sleep failed",
};

/** A GitHub summary renders thousands of rows slowly; the rest is counted, not listed. */
const MAX_ROWS = 200;

                               
                  
                                                                  
                  
                                                                          
                 
 

function renderSweepSummary(r             , opts                     )         {
  const heading = HEADINGS[opts.result] ?? `Friendli sweep: ${opts.result}`;
  // The headings end in the verb: "stale previews deleted", "nothing to delete".
  const parts = [`## ${r.sleep ? heading.replace(/deleted?$/, "put to sleep") : heading}`, intro(r, opts)];
  if (r.rows.length > 0) parts.push(table(r.rows));
  const cost = costTable(r.rows, opts.dryRun);
  if (cost) parts.push(cost);
  if (r.closed?.length)
    parts.push(
      "### Deployments closed\n\nNo endpoint of these previews is left; their GitHub deployments still stood " +
        `and are now marked inactive:\n\n${r.closed.map((n) => `- ${esc(n)}`).join("\n")}`,
    );
  if (r.failures.length > 0)
    parts.push(`### Failures\n\n${r.failures.map((f) => `- ❌ ${(0,markdown/* escapeMarkdown */.FV)(f)}`).join("\n")}`);
  if (r.warnings.length > 0)
    parts.push(`### Warnings\n\n${r.warnings.map((w) => `- ⚠️ ${(0,markdown/* escapeMarkdown */.FV)(w)}`).join("\n")}`);
  return `${parts.join("\n\n")}\n`;
}

function intro(r             , opts                     )         {
  const count = (a                    ) => r.rows.filter((row) => row.action === a).length;
  const [done, would, failed, verb] = r.sleep
    ? (["slept", "would-sleep", "sleep-failed", "put to sleep"]         )
    : (["deleted", "would-delete", "delete-failed", "deleted"]         );
  const facts = [
    `${r.rows.length} preview endpoint(s) of this repository`,
    opts.dryRun ? `${count(would)} would be ${verb}` : `${count(done)} ${verb}`,
    `${count("kept")} kept`,
  ];
  if (count(failed) > 0) facts.push(`${count(failed)} could not be ${verb}`);
  if (count("deleted") > 0 && r.sleep) facts.push(`${count("deleted")} already gone`);
  if (count("pending") > 0) facts.push(`${count("pending")} not confirmed deleted (the run stopped)`);
  if (r.othersLeftAlone > 0) facts.push(`${r.othersLeftAlone} other endpoint(s) of the project left alone`);
  const age = opts.maxAge ? ` max-age: ${(0,markdown/* escapeMarkdown */.FV)(opts.maxAge)}.` : "";
  const dry = opts.dryRun ? ` \`dry-run: true\`: nothing was ${verb}.` : "";
  return `${facts.join(" · ")}.${age}${dry}`;
}

function table(rows            )         {
  const lines = ["| Endpoint | PR | State | Age | Action | Why |", "| --- | --- | --- | --- | --- | --- |"];
  for (const row of rows.slice(0, MAX_ROWS)) {
    const state = row.pr.kind === "closed" && row.pr.merged ? "merged" : PR_STATES[row.pr.kind];
    const age = row.ageMs === undefined ? "unknown" : (0,format/* formatDuration */.a3)(row.ageMs);
    lines.push(
      `| ${esc(row.name)} (${esc(row.id)}) | #${row.prNumber} | ${state} | ${age} | ` +
        `${ACTIONS[row.action]} | ${esc(row.reason)} |`,
    );
  }
  if (rows.length > MAX_ROWS) lines.push(`| and ${rows.length - MAX_ROWS} more | | | | | |`);
  return lines.join("\n");
}

/**
 * What each deleted (or, in a dry run, doomed) preview cost so far and what deleting it frees per
 * hour at its max replicas, with the totals. Figures the action computed or summed itself.
 */
function costTable(rows            , dryRun         )                     {
  const doomed = rows.filter((r) => ["deleted", "would-delete", "slept", "would-sleep"].includes(r.action));
  if (!doomed.some((r) => r.hourlyUsd !== undefined || r.costToDateUsd !== undefined)) return undefined;
  // A dry run reads no cost report: only what deleting would free.
  const line = (name        , soFar        , hourly        ) =>
    dryRun ? `| ${name} | ${hourly} |` : `| ${name} | ${soFar} | ${hourly} |`;
  const known = (unit        , value                    ) =>
    value === undefined ? "unknown" : `${(0,estimate/* usd */.dR)(value)}${unit}`;
  const total = (unit        , values                           ) =>
    `${(0,estimate/* usd */.dR)(Math.round(values.reduce        ((n, v) => n + (v ?? 0), 0) * 100) / 100)}${unit}` +
    (values.includes(undefined) ? " (of those known)" : "");
  const lines = [
    "### What they cost",
    "",
    line("Endpoint", "Cost so far", `${dryRun ? "Would free" : "Frees"} per hour (at max replicas)`),
    dryRun ? "| --- | --- |" : "| --- | --- | --- |",
    ...doomed
      .slice(0, MAX_ROWS)
      .map((r) =>
        line(`${esc(r.name)} (${esc(r.id)})`, known("", r.costToDateUsd), known("/h", r.hourlyUsd)),
      ),
  ];
  if (doomed.length > MAX_ROWS) lines.push(line(`and ${doomed.length - MAX_ROWS} more`, "", ""));
  const soFar = doomed.map((r) => r.costToDateUsd);
  const hourly = doomed.map((r) => r.hourlyUsd);
  lines.push(line("**Total**", total("", soFar), total("/h", hourly)));
  return lines.join("\n");
}

const PR_STATES                                         = {
  open: "open",
  closed: "closed",
  unknown: "unknown (404)",
  unreadable: "unknown (unreadable answer)",
  error: "unknown (error)",
};

function esc(value        )         {
  return (0,markdown/* escapeMarkdown */.FV)(value, { maxLength: 100, newlines: "space" });
}

// EXTERNAL MODULE: ./build/wait/status-table.js
var status_table = __webpack_require__(4333);
// EXTERNAL MODULE: ./build/report/curl.js
var curl = __webpack_require__(6681);
;// CONCATENATED MODULE: ./build/report/summary.js
// The job summary ($GITHUB_STEP_SUMMARY), written once at the end of every run, failures included.
// Pure: returns Markdown; main.ts writes it. Every value that came from outside (names, ids,
// messages, replies, error codes) goes through escapeMarkdown or mermaidText.



                                               


                                                     



                                                 

const summary_HEADINGS                                                 = {
  created: { icon: "✅", text: "Endpoint created" },
  updated: { icon: "✅", text: "Endpoint updated" },
  reused: { icon: "✅", text: "Endpoint reused" },
  unchanged: { icon: "✅", text: "Endpoint unchanged (already as asked: nothing sent)" },
  deleted: { icon: "🗑️", text: "Endpoint deleted" },
  "not-found": { icon: "➖", text: "Endpoint not found" },
  planned: { icon: "📝", text: "Dry run: nothing changed" },
  skipped: { icon: "⏭️", text: "Skipped" },
  failed: { icon: "❌", text: "Failed" },
  "timed-out": { icon: "⏱️", text: "Timed out" },
  cancelled: { icon: "🚫", text: "Cancelled" },
  swept: { icon: "🧹", text: "Stale previews deleted" },
  clean: { icon: "✅", text: "No stale previews" },
  "rolled-back": { icon: "↩️", text: "Update failed, previous version restored" },
  slept: { icon: "💤", text: "Endpoint asleep (its GPUs freed)" },
  woken: { icon: "✅", text: "Endpoint awake" },
  restarted: { icon: "✅", text: "Endpoint restarted" },
};

/** Results after which the endpoint is there to be called. */
const CALLABLE = new Set        ([
  "created",
  "updated",
  "reused",
  "unchanged",
  "rolled-back",
  "woken",
  "restarted",
]);

/**
 * What a status means for this run, by the waiter's own state table, so the reports never call
 * "ready" or "failed" what the wait did not (SLEEPING is ready only with min-replicas 0).
 */
function statusClass(r           , status = r.status ?? "")              {
  return (0,status_table/* classifyStatus */.xo)(status, {
    minReplicas: r.replicas?.min ?? 0,
    // While deleting, every status is on the way out: TERMINATING is progress, not a failure.
    target: r.operation === "delete" ? "gone" : r.operation === "sleep" ? "sleeping" : "running",
  });
}

/**
 * What became of the endpoint after a run that went wrong, and whether deleting it is the
 * reader's business: only an endpoint this run created is (never one that was there before, e.g.
 * refused by `if-exists: fail`). Plain Markdown with the action's own code spans.
 */
function endpointFate(r           )                     {
  if (r.deletedAfterFailure) {
    return "The endpoint was deleted because the run failed (`delete-on-failure: true`): it no longer serves requests or uses a GPU.";
  }
  if (!r.endpointId) return undefined;
  const unfinished = r.result === "timed-out" || r.result === "cancelled";
  // `wait: false` or `if-exists: reuse` can end a "successful" run on an endpoint that failed.
  const broken =
    r.result === "failed" ||
    (CALLABLE.has(r.result) && r.result !== "rolled-back" && statusClass(r) === "failure");
  if (!unfinished && !broken) return undefined;
  if (r.operation === "delete") return "The delete did not finish: the endpoint may still exist.";
  if (r.operation !== "deploy") return undefined;
  const created = createdByThisRun(r);
  if (created === false) return "The endpoint existed before this run, so the run left it in place.";
  if (unfinished) return "The endpoint may still be provisioning and using a GPU.";
  return created
    ? "The endpoint may still exist and use a GPU: delete it with `operation: delete` if it is not needed."
    : "The endpoint may still exist: if this run created it and it is not needed, delete it with `operation: delete`.";
}

const FAILED_CHECK                             = {
  answer: "the smoke test got no usable reply within its window",
  expect: "the smoke test's reply did not contain `smoke-test-expect`",
  "max-ttft": "the smoke test's time to first token missed `smoke-test-max-ttft-ms`",
};

/** After a rollback: what failed (the rollout, or which check of the smoke test) and what was put back. */
function rolledBackText(r           )                     {
  const p = r.previous;
  if (!r.rolledBack || !p) return undefined;
  const why = r.failedCheck ? FAILED_CHECK[r.failedCheck] : "the new version did not deploy";
  const what = `${modelCell(p.model)} · ${(0,markdown/* escapeMarkdown */.FV)(p.gpu)} · replicas ${p.replicas.min}–${p.replicas.max}`;
  return `\`rollback-on-failure\`: ${why}, so the settings of GitHub deployment ${p.deploymentId} (${what}) were put back, and the endpoint serves them again.`;
}

function createdByThisRun(r           )                      {
  if (r.createdByThisRun !== undefined) return r.createdByThisRun;
  if (r.result === "created") return true;
  return r.result === "updated" || r.result === "reused" ? false : undefined;
}

function renderSummary(r           )         {
  if (r.sweep) return sweepSummary(r, r.sweep);
  const parts = [heading(r), detailsTable(r)];
  if (r.message) parts.push(`> ${(0,markdown/* escapeMarkdown */.FV)(r.message)}`);
  const back = rolledBackText(r);
  if (back) parts.push(back);
  if (r.hint) parts.push(`**What to do:** ${(0,markdown/* escapeMarkdown */.FV)(r.hint, { inlineCode: true })}`);
  const fate = endpointFate(r);
  if (fate) parts.push(fate);
  if (r.preflight) parts.push((0,report/* renderPreflight */._O)(r.preflight).trimEnd());
  if (r.timeline.length > 0) parts.push(timeline(r));
  if (r.warnings.length > 0) {
    parts.push(`### Warnings\n\n${r.warnings.map((w) => `- ⚠️ ${(0,markdown/* escapeMarkdown */.FV)(w)}`).join("\n")}`);
  }
  if (r.plannedRequest) parts.push(plannedRequest(r.plannedRequest));
  if (r.smokeTest) parts.push(smokeTest(r.smokeTest));
  if (r.endpointId && r.inferenceUrl && CALLABLE.has(r.result) && statusClass(r) !== "failure") {
    parts.push(howToCall(r.endpointId, r.inferenceUrl));
  }
  return `${parts.join("\n\n")}\n`;
}

function heading(r           )         {
  const { icon, text } = summary_HEADINGS[r.result];
  const name = r.endpointName || r.endpointId;
  const status = r.status ? ` (${(0,markdown/* escapeMarkdown */.FV)(r.status, { newlines: "space" })})` : "";
  return `## ${icon} Friendli ${r.operation}: ${text}${name ? ` · ${(0,markdown/* escapeMarkdown */.FV)(name, { newlines: "space" })}` : ""}${status}`;
}

/** A two-column table of the rows that have a value. */
function summary_table(rows                                             )         {
  const filled = rows.filter(([, value]) => value).map(([key, value]) => `| ${key} | ${value} |`);
  return ["| | |", "| --- | --- |", ...filled].join("\n");
}

function detailsTable(r           )         {
  const id = r.endpointId && `id ${(0,markdown/* escapeMarkdown */.FV)(r.endpointId)}`;
  // The version before this run, and after a rollback the one serving again.
  const p = r.previous;
  return summary_table([
    ["Endpoint", r.endpointName ? `${(0,markdown/* escapeMarkdown */.FV)(r.endpointName)}${id ? ` (${id})` : ""}` : id],
    [r.rolledBack ? "Requested model (failed)" : "Model", r.model && modelCell(r.model)],
    ["GPU", (0,markdown/* escapeMarkdown */.FV)(r.gpu)],
    ["GPUs tried", r.gpuTried?.some((t) => t.why) && (0,markdown/* escapeMarkdown */.FV)(triedText(r.gpuTried))],
    ["Replicas", r.replicas && `${r.replicas.min}–${r.replicas.max}`],
    [
      r.rolledBack ? "Serving again (rolled back)" : "Previous version",
      p && `${modelCell(p.model)} · ${(0,markdown/* escapeMarkdown */.FV)(p.gpu)} · replicas ${p.replicas.min}–${p.replicas.max}`,
    ],
    ["GitHub deployment", deploymentLink(r.deployment)],
    ["Result", (0,markdown/* escapeMarkdown */.FV)(r.result)],
    ["Status", (0,markdown/* escapeMarkdown */.FV)(r.status)],
    ["Phase", (0,markdown/* escapeMarkdown */.FV)(r.phase)],
    ["Error code", (0,markdown/* escapeMarkdown */.FV)(r.errorCode)],
    ["Created", (0,markdown/* escapeMarkdown */.FV)(r.createdAt)],
    ["Updated", (0,markdown/* escapeMarkdown */.FV)(r.updatedAt)],
    ["Elapsed", elapsed(r)],
    // Figures the action computed or summed itself: nothing here is outside text.
    ...(0,words/* costRows */.D)(r.cost),
  ]);
}

/** "1x H100 got no VM in 10m; 1x H200": each GPU the endpoint was put on, and why it left it. */
function triedText(tried                                    )         {
  return tried.map((t) => (t.why ? `${t.label} ${t.why}` : t.label)).join("; ");
}

function elapsed(r           )         {
  return (0,format/* formatDuration */.a3)(r.finishedAtMs - r.startedAtMs);
}

/** The GitHub deployment this run recorded, linked to its environment's deployments page. */
function deploymentLink(d                         )                     {
  if (d?.id === undefined) return undefined;
  const text = `${d.id} in ${(0,markdown/* escapeMarkdown */.FV)(d.environment, { maxLength: 120 })}`;
  const url = d.url ? safeUrl(d.url) : undefined;
  return url ? `[${text}](${url})` : text;
}

/** A URL that cannot end the Markdown link or open HTML, or undefined. */
function safeUrl(url        )                     {
  return /^https?:\/\/[^\s<>()"'`\\[\]]+$/.test(url) ? url : undefined;
}

function modelCell(m                                 )         {
  return (0,markdown/* escapeMarkdown */.FV)(m.repo) + (m.revision ? `@${(0,markdown/* escapeMarkdown */.FV)(m.revision)}` : "");
}

/**
 * A Mermaid gantt (job summaries render it) with a plain table below for where Mermaid does not
 * render (e-mail notifications, the raw file). Times are epoch ms (`dateFormat x`), so the axis
 * shows the reader's wall-clock time.
 */
function timeline(r           )         {
  const endedBadly = r.result === "failed" || r.result === "timed-out";
  const gantt = ["gantt", "  dateFormat x", "  axisFormat %H:%M:%S", "  section Endpoint"];
  const rows = ["| Phase | Started | Duration |", "| --- | --- | --- |"];
  for (const [i, span] of r.timeline.entries()) {
    const endMs = Math.max(span.startMs, span.endMs ?? r.finishedAtMs);
    const took = (0,format/* formatDuration */.a3)(endMs - span.startMs);
    const open = span.endMs === undefined;
    // The span the run failed in: a FAILED/stopped status, or the phase a timeout cut short.
    const crit = statusClass(r, span.label) === "failure" || (endedBadly && i === r.timeline.length - 1);
    // An open span that has just begun (RUNNING seen on the last poll) is a moment, not a stretch.
    const milestone = open && endMs - span.startMs < 1000;
    const name = (0,markdown/* mermaidText */.Hg)(span.label) || "unnamed";
    const tags = (crit ? "crit" : open ? "active" : "done") + (milestone ? ", milestone" : "");
    gantt.push(`  ${milestone ? name : `${name} ${took}`} :${tags}, s${i}, ${span.startMs}, ${endMs}`);
    const started = `+${(0,format/* formatDuration */.a3)(span.startMs - r.startedAtMs)}`;
    rows.push(
      `| ${(0,markdown/* escapeMarkdown */.FV)(span.label)} | ${started} | ${took}${open ? " (until the end of the run)" : ""} |`,
    );
  }
  return `### Timeline\n\n${(0,markdown/* codeBlock */.DV)(gantt.join("\n"), "mermaid")}\n\n${rows.join("\n")}`;
}

function plannedRequest(p                                          )         {
  const lines = ["### Planned request", "", `${(0,markdown/* escapeMarkdown */.FV)(p.method)} ${(0,markdown/* escapeMarkdown */.FV)(p.url)}`];
  if (p.body !== undefined) lines.push("", (0,markdown/* codeBlock */.DV)(JSON.stringify(p.body, null, 2), "json"));
  return lines.join("\n");
}

function smokeTest(s                                     )         {
  const ms = (value                    ) => value !== undefined && `${Math.round(value)} ms`;
  return `### Smoke test\n\n${summary_table([
    ["Route", (0,markdown/* escapeMarkdown */.FV)(s.route)],
    ["Latency", ms(s.latencyMs)],
    ["Time to first token", ms(s.ttftMs)],
    ["Output tokens", s.outputTokens !== undefined && String(s.outputTokens)],
    ["Tokens per second", s.tokensPerSecond !== undefined && String(s.tokensPerSecond)],
    ["Reply", (0,markdown/* escapeMarkdown */.FV)(s.reply, { maxLength: 500 }) || "(empty)"],
  ])}`;
}

// Ids and URLs go into a shell command a reader may paste: only plain ones are put there.
const SHELL_SAFE_ID = /^[A-Za-z0-9._:-]+$/;
const SHELL_SAFE_URL = /^https?:\/\/[A-Za-z0-9.:/_-]+$/;

function howToCall(endpointId        , inferenceUrl        )         {
  const base = inferenceUrl.replace(/\/+$/, "");
  const lines = [
    "### How to call it",
    "",
    `OpenAI-compatible: base URL ${(0,markdown/* escapeMarkdown */.FV)(base)}, model ${(0,markdown/* escapeMarkdown */.FV)(endpointId)} (the endpoint id), ` +
      "and a Friendli token as the bearer token.",
  ];
  if (SHELL_SAFE_ID.test(endpointId) && SHELL_SAFE_URL.test(base)) {
    lines.push(
      "",
      (0,markdown/* codeBlock */.DV)((0,curl/* curlCommand */.O)(base, endpointId, "plain"), "bash"),
      "",
      'For a team endpoint, add `-H "X-Friendli-Team: <team id>"`.',
    );
  }
  return lines.join("\n");
}

/** A sweep's table, with what ended the run when that was not the sweep itself. */
function sweepSummary(r           , sweep                                 )         {
  const body = renderSweepSummary(sweep, {
    dryRun: sweep.dryRun,
    result: r.result,
    ...(sweep.maxAgeMs === undefined ? {} : { maxAge: (0,format/* formatDuration */.a3)(sweep.maxAgeMs) }),
  });
  // The sweep's own failures are listed in its table; a message beside them is what stopped the run.
  const stopped = r.message && !sweep.failures.some((f) => r.message?.includes(f));
  return stopped ? `${body}\n> ${(0,markdown/* escapeMarkdown */.FV)(r.message ?? "")}\n` : body;
}


/***/ })

};

//# sourceMappingURL=29.index.js.map