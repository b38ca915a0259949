export const id = 219;
export const ids = [219];
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
  aY: () => (/* binding */ hourlyCostOutput),
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




                             
                                      
              
                         
                          
                          
                                                                           
                              
                      
                      
                                                                                       
                 
                 
 

                               
                           
                      
                      
                                                                         
                           
     
                                                                                                  
                                                                                           
     
                     
 

function optionOf(instanceOptionId        )                        {
  return gpus/* GPU_OPTIONS */.Ul.find((o) => o.instanceOptionId === instanceOptionId);
}

/** Cents are what a reader compares: sums are rounded once, at the end, to them. */
function cents(usd        )         {
  return Math.round(usd * 100) / 100;
}

/** Replicas as the API allows them: whole numbers, 0 <= min <= max <= MAX_REPLICAS. */
function replicasFit(min        , max        )          {
  return Number.isInteger(min) && Number.isInteger(max) && min >= 0 && min <= max && max <= schemas/* MAX_REPLICAS */.zq;
}

/**
 * The estimate for an instance option and replica range, or undefined when the option is not in
 * the GPU table (a raw id): its GPU model and count are unknown, so even a given price says nothing.
 * Replicas outside the API's range (a spec read from the API, a record from GitHub) have none either.
 */
function estimateHourlyCost(s              )                         {
  const option = optionOf(s.instanceOptionId);
  if (!option || !replicasFit(s.minReplicas, s.maxReplicas)) return undefined;
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
  spec   
                            
                           
                                   
                                   
   ,
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
    ...(pricePerGpuHour === undefined ? {} : { pricePerGpuHour }),
    ...(pricedFor === undefined ? {} : { pricedFor }),
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

/** The output `hourly-cost-usd`: at max replicas, two decimals; empty without an estimate. */
function hourlyCostOutput(c                        )         {
  return c ? c.maxUsd.toFixed(2) : "";
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
      ? `options that fit at ${c.maxReplicas} replica(s): ${fits.join(", ")}${fewer}`
      : fewer
        ? `no instance option fits at ${c.maxReplicas} replica(s)${fewer}`
        : `no instance option fits at ${c.maxReplicas} replica(s)`;
  return `${head} (${advice})`;
}


/***/ }),

/***/ 5848:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readCostToDate: () => (/* binding */ readCostToDate)
/* harmony export */ });
/* unused harmony exports MAX_COST_DAYS, MAX_COST_PAGES, MAX_LINE_ITEM_USD, CEILING_SLACK, costWindow, costCeiling, bucketsInWindow, parseAmount, gpuTimeEndpoint, sumLineItems */
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8253);
/* harmony import */ var _base_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8839);
/* harmony import */ var _base_safe_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5511);
/* harmony import */ var _friendli_cost_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7625);
/* harmony import */ var _friendli_gpus_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9719);
/* harmony import */ var _friendli_schemas_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4214);
/* harmony import */ var _estimate_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3711);
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
  ..._friendli_gpus_js__WEBPACK_IMPORTED_MODULE_3__/* .GPU_OPTIONS */ .Ul.map(
    (o) =>
      (0,_estimate_js__WEBPACK_IMPORTED_MODULE_5__/* .estimateHourlyCost */ .Bb)({ instanceOptionId: o.instanceOptionId, minReplicas: 0, maxReplicas: _friendli_schemas_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_REPLICAS */ .zq })
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
  return JSON.stringify((0,_base_format_js__WEBPACK_IMPORTED_MODULE_6__/* .clip */ .$Q)((0,_base_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .stripInvisible */ ._0)(text)));
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
      // By the schema when the item conforms; otherwise its `total` says why it is ignored.
      const parsed = _friendli_cost_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .CostResultSchema */ .H.safeParse(raw);
      const amount = parseAmount(parsed.success ? parsed.data.total : item.total);
      if ("ignored" in amount) {
        if (++ignored > MAX_IGNORED_LINES) continue;
        debug(
          `cost report: a line item of ${id} on ${echo(bucket.start_time)} ignored: amount ${amount.ignored} (${echo(item.total)})`,
        );
        continue;
      }
      sums.set(id, (sums.get(id) ?? 0) + amount.usd);
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
  const created = query.endpoints
    .map((e) => e.createdAtMs)
    .filter((ms)               => ms !== undefined && Number.isFinite(ms));
  // One window for all: from the oldest creation day (unknown: the whole 35 days).
  const oldest = created.length === query.endpoints.length ? Math.min(...created) : undefined;
  const window = costWindow(query.nowMs, oldest);
  const buckets               = [];
  try {
    const seen = new Set        ();
    let page                    ;
    for (let n = 0; n < MAX_COST_PAGES; n++) {
      const res = await client.teamCost({ ...window, limit: window.days, ...(page ? { page } : {}) });
      buckets.push(...res.data);
      const next = res.has_more ? (res.next_page ?? undefined) : undefined;
      // A cursor seen before leads back to pages already read: a server going in circles ends here.
      if (!next || seen.has(next)) break;
      seen.add(next);
      page = next;
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
    if (sum > ceiling)
      log.debug(
        `cost report: the sum for ${e.id} is above the ${(0,_estimate_js__WEBPACK_IMPORTED_MODULE_5__/* .usd */ .dR)(ceiling)} it could have cost: unreadable`,
      );
    out.set(e.id, {
      ...(sum > ceiling ? {} : { usd: Math.round(sum * 100) / 100 }),
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
  if (Object.hasOwn(ERROR_CODES, code)) return ERROR_CODES[code                  ];
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

/***/ 9219:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
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
var inputs_inputs = __webpack_require__(743);
// EXTERNAL MODULE: ./build/ledger/deployments.js
var deployments = __webpack_require__(5880);
// EXTERNAL MODULE: ./build/ledger/ledger.js
var ledger_ledger = __webpack_require__(87);
;// CONCATENATED MODULE: ./build/ledger/run.js
// One run's use of the deployment ledger (GitHub Deployments, ../report/deployments.ts): read the
// environment's history before the lookup, record this run's deployment once the endpoint id is
// known, set its final status from `result`, retire it when the endpoint is deleted. Reading is
// harmless, so a dry run reads too (and can show `unchanged`); a dry run never writes.

                                             
                                               
                                                       
                                                  
                                                         



                            
                 
                      
                             
              
                    
                      
                    
                                                                                                    
                                         
 

/** What `result` says about the version this run asked for, as a deployment status. */
const FINAL                                      = {
  created: "success",
  updated: "success",
  unchanged: "success",
  "timed-out": "failure",
  "rolled-back": "failure",
};

class LedgerRun {
  view             = {};
           ledger                  ;
                   opts                  ;
  /** This run's own deployment; a rollback's record does not replace it. */
          ownId                    ;
          settled = false;

  constructor(opts                  ) {
    this.opts = opts;
    const { inputs } = opts;
    const environment = (0,ledger_ledger/* environmentName */.VE)(inputs.environment, inputs.name);
    this.ledger = (0,deployments/* openLedger */.au)({
      enabled: inputs.githubDeployment,
      context: opts.context,
      token: inputs.githubToken,
      apiUrl: opts.apiUrl,
      environment,
      log: opts.log,
      secrets: opts.secrets,
      signal: opts.signal,
    });
    if (this.ledger.active) opts.report.deployment = { environment, ...this.link(environment) };
  }

  /** The environment's history, before this run adds to it; `{}` when the ledger is off. */
  async read()                      {
    this.view = await this.ledger.read();
    const last = this.view.lastSuccess;
    if (last && this.opts.inputs.operation === "deploy") this.opts.report.previous = versionOf(last);
    return this.view;
  }

  /** Records this run's deployment of `settings` on endpoint `endpointId` (in_progress). */
  async begin(endpointId                    , settings                    , what        )                {
    if (this.opts.inputs.dryRun || this.ownId !== undefined) return;
    const { name, projectId } = this.opts.inputs;
    const id = await this.ledger.begin((0,ledger_ledger/* buildPayload */.nI)({ id: endpointId, name, projectId }, settings), what);
    if (id === undefined) return;
    this.ownId = id;
    const { report } = this.opts;
    report.deployment = { ...(report.deployment ?? { environment: this.ledger.environment }), id };
    this.opts.saveDeploymentId(id);
  }

  /** True once this run has its deployment. */
  get begun()          {
    return this.ownId !== undefined;
  }

  /**
   * The failed update's deployment ends `failure`, and the rollback is recorded as a deployment of
   * its own with the settings put back (`success`): the ledger's newest entry is then what serves.
   */
  async recordRollback(endpointId        , entry             )                {
    if (this.opts.inputs.dryRun) return;
    await this.ledger.finish("failure", { description: "Failed; rolled back" });
    this.settled = true;
    const { name, projectId } = this.opts.inputs;
    const payload = (0,ledger_ledger/* buildPayload */.nI)({ id: endpointId, name, projectId }, entry.payload.settings);
    const id = await this.ledger.begin(payload, `Rollback to deployment ${entry.deploymentId}`);
    if (id !== undefined) await this.ledger.finish("success", this.successDetails());
  }

  /**
   * The run's deployment's last status, from `result`. A cancelled run sends nothing (the post step
   * does); `failed` is `failure` when the endpoint failed, `error` when the run did.
   */
  async end(result        )                {
    if (this.opts.inputs.dryRun || this.ownId === undefined || this.settled) return;
    this.settled = true;
    const state                         =
      FINAL[result] ?? (result === "failed" ? failedState(this.opts.report) : undefined);
    if (!state) return;
    const details = state === "success" ? this.successDetails() : { description: describe(result) };
    await this.ledger.finish(state, details);
  }

  /** The endpoint was deleted: its entries in the environment become inactive. */
  async retire(endpointId        )                {
    if (this.opts.inputs.dryRun) return;
    await this.ledger.retire(endpointId);
  }

          successDetails() {
    const url = this.opts.report.inferenceUrl ?? `${this.opts.inputs.apiUrl}/dedicated/v1`;
    return { description: "Serving", environmentUrl: url };
  }

          link(environment        )                   {
    const { serverUrl, repository } = this.opts.context;
    if (!/^https?:\/\/[A-Za-z0-9.:-]+$/.test(serverUrl) || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return {};
    return { url: `${serverUrl}/${repository}/deployments/${encodeURIComponent(environment)}` };
  }
}

/** `failure` when the endpoint itself failed (its status said so), else `error` (the run failed). */
function failedState(report           )             {
  return report.status?.toUpperCase() === "FAILED" ? "failure" : "error";
}

function describe(result        )         {
  return result === "timed-out" ? "Timed out" : result === "rolled-back" ? "Failed; rolled back" : "Failed";
}

/** A ledger entry as the reports show a version. */
function versionOf(entry             )                                     {
  const { model, gpu, autoscaling } = entry.payload.settings;
  return {
    deploymentId: entry.deploymentId,
    model: model.revision ? { repo: model.repo, revision: model.revision } : { repo: model.repo },
    gpu: gpu.label,
    replicas: { min: autoscaling.minReplicas, max: autoscaling.maxReplicas },
  };
}

function openLedgerRun(opts                  )            {
  return new LedgerRun(opts);
}

// EXTERNAL MODULE: ./build/base/timing.js
var timing = __webpack_require__(2892);
// EXTERNAL MODULE: ./build/friendli/errors.js
var errors = __webpack_require__(3615);
// EXTERNAL MODULE: ./build/report/delete-step.js
var delete_step = __webpack_require__(4523);
;// CONCATENATED MODULE: ./build/operations/after-failure.js
// What happens to the endpoint after a run that failed, timed out or was cancelled: a warning that
// says where it was left, and delete-on-failure. The advice is a pure table; the delete is the one
// request, with a deadline of its own (after a timeout the run's deadline has passed).
                                              
                                             
                                               


                                                            

                                                  

                                                         

                               
                 
                                 
                                                          
                      
                        
                                                                             
                       
                                                                                                        
                    
                                                                       
                      
               
                    
                           
                               
                           
 

                         
                   
                                                                                                     
                     
 

                                                                                               

const cancelled = (f              ) => f.result === "cancelled";
const named = (f              ) => `endpoint ${f.endpointId} ("${f.endpointName}")`;

/** First match wins. A cancelled run sends no request: the post step deletes what it must. */
const RULES         = [
  {
    // The create went out but its endpoint was never identified: it may exist and cost money.
    when: (f) => !f.endpointId && f.createSent && f.operation === "deploy",
    advice: (f) => ({
      deleteNow: false,
      warning:
        `An endpoint named "${f.name}" may have been created in project ${f.projectId} before the run ` +
        `${cancelled(f) ? "was cancelled" : "failed"}; check Friendli Suite, or remove it with ` +
        `operation: delete, name: ${f.name}`,
    }),
  },
  { when: (f) => !f.endpointId, advice: () => ({ deleteNow: false }) },
  {
    // Deleting it might delete another run's endpoint: the reader decides.
    when: (f) => f.unproven,
    advice: (f) => ({
      deleteNow: false,
      warning:
        `Endpoint ${f.endpointId} ("${f.endpointName}") is left in place: this run's create went unanswered, so ` +
        "it cannot prove that it made it (another run may have). If it is not wanted, delete it with this " +
        `step:\n${(0,delete_step/* deleteStep */.C)(f, f.endpointId)}`,
    }),
  },
  {
    when: (f) => cancelled(f) && f.operation === "delete",
    advice: (f) => ({
      deleteNow: false,
      warning: `Cancelled: the DELETE of ${named(f)} may not have finished; check it or run the delete again`,
    }),
  },
  {
    // Never advise deleting an endpoint this run found: it may be someone's production endpoint.
    when: (f) => cancelled(f) && !f.createdHere,
    advice: (f) => ({
      deleteNow: false,
      warning:
        `Cancelled: ${named(f)} was not created by this run and is left as it is` +
        (f.operation === "deploy" && f.ifExists === "update"
          ? "; an update sent before the cancellation may still be rolling out"
          : ""),
    }),
  },
  {
    when: cancelled,
    advice: (f) => ({
      deleteNow: false,
      warning:
        `Cancelled: ${named(f)} may still be provisioning and costing GPU time` +
        (f.deleteOnFailure
          ? "; the post step will delete it"
          : `; delete it with operation: delete, endpoint-id: ${f.endpointId}`),
    }),
  },
  { when: () => true, advice: (f) => ({ deleteNow: f.deleteOnFailure && f.createdHere }) },
];

function adviceAfterFailure(facts              )                {
  const rule = RULES.find((r) => r.when(facts));
  return rule ? rule.advice(facts) : { deleteNow: false };
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
    report.deletedAfterFailure = true;
    deps.owe?.(false);
  } catch (err) {
    if (err instanceof errors/* ApiError */.h && err.status === 404) {
      // Gone: most likely our own first attempt, whose answer was lost before the retry.
      report.deletedAfterFailure = true;
      deps.owe?.(false);
      return;
    }
    deps.warn(
      `delete-on-failure: could not delete endpoint ${id}: ${(0,redact/* formatError */.Wk)(err, deps.secrets)}; the post step tries again`,
    );
  }
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
  report           ,
  plan      ,
  found                           ,
  inputs        ,
  log        ,
)       {
  const hourly =
    plan.cost ??
    (found?.spec
      ? (0,estimate/* estimateFromSpec */.uy)(found.spec, inputs.gpuHourlyPrice, inputs.gpu?.instanceOptionId)
      : undefined);
  if (!hourly) return;
  report.cost = { ...report.cost, hourly };
  if (!inputs.dryRun) log.info(`Estimated cost: ${(0,estimate/* estimateText */.YL)(hourly)}`);
}

                                
                 
                                                                                  
                                                      
                    
              
                             
 

/**
 * The endpoint's cost to date into the report, after a deploy or a status check that knows the
 * endpoint. Not after a dry run (nothing was meant to be sent but the lookup) nor a delete.
 */
async function recordCostSoFar(report           , deps               )                {
  const { inputs } = deps;
  if (inputs.dryRun || (inputs.operation !== "deploy" && inputs.operation !== "status")) return;
  const id = report.endpointId;
  if (!id || report.deletedAfterFailure) return;
  const createdAtMs = report.createdAt ? Date.parse(report.createdAt) : Number.NaN;
  const client = deps.clientUntil(deps.now() + timing/* COST_REPORT_BUDGET_MS */.ky);
  try {
    const costs = await (0,cost_report.readCostToDate)(
      client,
      { endpoints: [{ id, ...(Number.isFinite(createdAtMs) ? { createdAtMs } : {}) }], nowMs: deps.now() },
      deps.log,
      deps.secrets,
    );
    const toDate = costs?.get(id);
    if (toDate) report.cost = { ...report.cost, toDate };
  } finally {
    await client.http.close();
  }
}

// EXTERNAL MODULE: ./build/endpoint/lookup.js + 1 modules
var lookup = __webpack_require__(3659);
// EXTERNAL MODULE: ./build/friendli/error-codes.js
var error_codes = __webpack_require__(8411);
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
  if (p.wait) lines.push(`Then: wait until it is ${p.wait.target === "gone" ? "gone" : "RUNNING"}`);
  if (p.smokeTest) lines.push(`Then: a smoke test${p.smokeRoute ? ` (${p.smokeRoute} route first)` : ""}`);
  return lines.join("\n");
}

/** The rollback target in words: which record, and every setting it would put back. */
function describeRollback(r          )         {
  const { model, gpu, autoscaling } = r.entry.payload.settings;
  return (
    `If it fails: put back the settings of GitHub deployment ${r.entry.deploymentId} ` +
    `(${model.repo}${model.revision ? `@${model.revision}` : ""}, ${gpu.label}, ` +
    `replicas ${autoscaling.minReplicas}-${autoscaling.maxReplicas}, cooldown ${autoscaling.cooldownSeconds}s; ` +
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
      const doomed = a.rows.filter((r) => r.decision.action === "delete").length;
      return `sweep ${a.rows.length} preview endpoint(s): delete ${doomed}, keep ${a.rows.length - doomed}`;
    }
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
// EXTERNAL MODULE: ./build/sweep/decide.js
var decide = __webpack_require__(9387);
// EXTERNAL MODULE: ./build/friendli/gpus.js
var gpus = __webpack_require__(9719);
;// CONCATENATED MODULE: ./build/plan/changes.js
// What an update would change, as far as the API shows it. The endpoint's spec (GET) carries the
// GPU and the autoscaling policy; the model, its revision and the engine settings are in no
// response, so they can only be named as sent, not compared.

                                                                               

/** One setting an update would change. */
                              
                
                                   
               
             
 

/** The spec's GPU as the action names it ("NVIDIA H100" x 2 → "2x H100"), or its own words. */
function gpuOf(spec              )                                             {
  if (!spec.gpuType) return undefined;
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
    const now = spec ? gpuOf(spec) : undefined;
    const wanted = (0,gpus/* resolveGpu */.zq)(body.instanceOptionId);
    const to = wanted.ok ? wanted.gpu.label : body.instanceOptionId;
    compare("gpu", now?.label, to, now?.id === body.instanceOptionId);
  }
  const policy = body.autoscalingPolicy;
  const num = (n                           ) => (n === null || n === undefined ? undefined : String(n));
  compare("autoscalingPolicy.minReplica", num(spec?.autoscalingMin), num(policy?.minReplica));
  compare("autoscalingPolicy.maxReplica", num(spec?.autoscalingMax), num(policy?.maxReplica));
  compare("autoscalingPolicy.cooldownPeriod", num(spec?.autoscalingCooldown), num(policy?.cooldownPeriod));
  return { changes, unseen };
}

;// CONCATENATED MODULE: ./build/plan/request-bodies.js
// Pure mapping from the parsed inputs to the exact bodies Friendli's API wants
// (DedicatedEndpointCreateBody / DedicatedEndpointUpdateBody in the OpenAPI document).
                                                                                     
                                                  

/**
 * `resolved`: the commit the pre-flight resolved the default branch to, pinned when the workflow
 * named no revision, so Friendli deploys exactly what the pre-flight checked.
 */
function createBody(inputs        , resolved         )                     {
  const revision = inputs.hfModelRevision ?? resolved;
  if (!inputs.hfModelRepo || !inputs.gpu) {
    throw new Error("deploy needs hf-model-repo and gpu (the input parser guarantees both)");
  }
  return {
    projectId: inputs.projectId,
    name: inputs.name,
    instanceOptionId: inputs.gpu.instanceOptionId,
    hfModelRepo: inputs.hfModelRepo,
    ...(revision ? { hfModelRepoRevision: revision } : {}),
    autoscalingPolicy: autoscaling(inputs),
    advanced: { ...inputs.advanced },
    initialVersionComment: inputs.versionComment,
  };
}

/** A new version with every requested setting, so an update converges on what the workflow says. */
function updateBody(inputs        , resolved         )                     {
  const {
    projectId: _projectId,
    name: _name,
    initialVersionComment,
    ...settings
  } = createBody(inputs, resolved);
  return { ...settings, newVersionComment: initialVersionComment };
}

function autoscaling(inputs        ) {
  return {
    minReplica: inputs.minReplicas,
    maxReplica: inputs.maxReplicas,
    cooldownPeriod: inputs.cooldownSeconds,
  };
}

;// CONCATENATED MODULE: ./build/plan/plan.js
// The plan: what a run will do, decided before it does anything. Pure: the inputs and what the
// lookup found go in, a Plan comes out, with the exact request it would send. Dry run prints it;
// execution (src/operations/) carries it out; ./result.ts turns how that went into `result`.



                                                           


                                                       
                                                                                     
                                                             


                                                     




/** A request as dry run shows it: the path is relative to api-url; the token is never part of it. */
                                              
                                    
              
           
 

/** A create or update: always with its body. */
                                                   

/**
 * What the run does to the endpoint. Each kind has one result when it goes well (./result.ts):
 * create → created, update → updated, reuse → reused, delete → deleted, nothing → not-found,
 * fail → failed; a sweep's result depends on its rows (swept, clean).
 */
                           
                                                             
     
                     
                              
                                            
                                                                                                      
                             
                       
                                                                                                    
                          
         
                                                                                                
                                                                                         
         
                                
     
                                                                                                   
                                                                      
                                                                                                      
                                              
                                                                               
                                                                                         
                                       
                                                                        
                                                               
                                                                                             
                                                                        

                       
                       
                        
                                                                                               
          
                               
                                                                                
                        
    
                                                  
                     
                                                                                                  
                          
                                                                                                         
                      
                                                                                                       
                    
 

/** A rollback: the ledger entry whose settings go back, and the exact PUT. */
                           
                     
                                        
 

/** What is known before the plan is made. Later lookups (a ledger, a pre-flight) add fields here. */
                     
                                                                                       
                                   
                       
                                                                                                       
                    
                                                                                           
                          
                                                                                                 
                      
                                                                                        
                     
 

                             
                              
                                    
                                       
                                                                           
                          
                                    
                
 

/** The decision table of every operation. */
function plan_plan(inputs        , facts           )       {
  const cost = configures(inputs, facts.found) ? requestedCost(inputs) : undefined;
  const refusal = configures(inputs, facts.found) ? capCheck(inputs, cost) : undefined;
  // The cap is a finding like the GPU-memory fit: shown with them, and it fails the plan the same way.
  const findings            = [
    ...(facts.findings ?? []),
    ...(refusal ? [{ check: "cost"         , severity: "fail"         , message: refusal }] : []),
  ];
  const make = (action               , minReplicas = inputs.minReplicas)       => {
    const smokeTest = inputs.smokeTest && inputs.operation === "deploy" && action.kind !== "fail";
    return {
      operation: inputs.operation,
      action,
      ...(inputs.wait && waits(action) ? { wait: { target: targetOf(action), minReplicas } } : {}),
      smokeTest,
      ...(smokeTest && facts.smokeRoute ? { smokeRoute: facts.smokeRoute } : {}),
      findings,
      ...(cost ? { cost } : {}),
    };
  };
  const blocking = findings.find((f) => f.severity === "fail");
  if (blocking) return make({ kind: "fail", message: blocking.message, ...endpointOf(facts.found) });
  switch (inputs.operation) {
    case "deploy":
      return make(
        deployAction(inputs, facts.found, facts.ledger ?? {}, facts.revision),
        sleepsBy(inputs, facts.found),
      );
    case "delete":
      return make(deleteAction(inputs, facts.found));
    case "status":
      return make(statusAction(inputs, facts.found), facts.found?.spec?.autoscalingMin ?? inputs.minReplicas);
    case "sweep":
      return make(sweepAction(inputs, facts.sweep));
  }
}

/**
 * Whether the deploy puts the inputs' settings on the endpoint (create, update, or a no-op on the
 * same settings): then they are what it costs, and what `max-hourly-cost` is held against. A reused
 * endpoint keeps its own settings.
 */
function configures(inputs        , found                           )          {
  return inputs.operation === "deploy" && (!found || inputs.ifExists === "update");
}

/** Why `max-hourly-cost` refuses the deploy, or undefined. A cap that cannot be checked refuses too. */
function capCheck(inputs        , cost                        )                     {
  if (inputs.maxHourlyCost === undefined || !inputs.gpu) return undefined;
  if (!cost) {
    return (
      `\`max-hourly-cost\` cannot be checked: instance option ${inputs.gpu.label} is not in the GPU table, ` +
      "so its GPUs and price are unknown. Name the GPU (e.g. `2x H100`), or remove `max-hourly-cost`"
    );
  }
  return (0,estimate/* capRefusal */.P1)(cost, inputs.maxHourlyCost);
}

/** The estimate for the requested GPU and replicas, at `gpu-hourly-price` or the list price. */
function requestedCost(inputs        )                         {
  if (!inputs.gpu) return undefined;
  return (0,estimate/* estimateHourlyCost */.Bb)({
    instanceOptionId: inputs.gpu.instanceOptionId,
    minReplicas: inputs.minReplicas,
    maxReplicas: inputs.maxReplicas,
    ...(inputs.gpuHourlyPrice === undefined ? {} : { pricePerGpuHour: inputs.gpuHourlyPrice }),
  });
}

function endpointOf(found                           )                               {
  return found ? { endpoint: found } : {};
}

function waits(action               )          {
  // A sweep's deletes are not waited for: a nightly job need not watch each GPU wind down.
  return (
    action.kind !== "fail" &&
    action.kind !== "nothing" &&
    action.kind !== "unchanged" &&
    action.kind !== "sweep"
  );
}

function targetOf(action               )                     {
  return action.kind === "delete" ? "gone" : "running";
}

/** A reused endpoint sleeps by its own autoscaling setting, not by the inputs'. */
function sleepsBy(inputs        , found                           )         {
  return found && inputs.ifExists === "reuse"
    ? (found.spec?.autoscalingMin ?? inputs.minReplicas)
    : inputs.minReplicas;
}

/** Who the messages name: the id given, or the name. */
function target(inputs        )         {
  return inputs.endpointId ?? `named "${inputs.name}"`;
}

function deployAction(
  inputs        ,
  found                           ,
  ledger            ,
  resolved                    ,
)                {
  if (!found) {
    if (inputs.endpointId) {
      return {
        kind: "fail",
        message: `endpoint-id ${inputs.endpointId} was not found: check the id, or leave endpoint-id empty to deploy by name`,
      };
    }
    return {
      kind: "create",
      request: { method: "POST", url: client/* ENDPOINT_BASE */.Mb, body: createBody(inputs, resolved) },
    };
  }
  switch (inputs.ifExists) {
    case "fail":
      return {
        kind: "fail",
        endpoint: found,
        message: `an endpoint named "${inputs.name}" already exists (${found.id}) and if-exists is fail`,
      };
    case "reuse":
      return { kind: "reuse", endpoint: found };
    case "update": {
      const settings = requestedSettings(inputs, resolved);
      const body = updateBody(inputs, resolved);
      const shown = specChanges(found.spec, body);
      const decision = unchangedDecision(inputs, found, ledger, settings, shown.changes);
      if (decision?.action === "skip") return { kind: "unchanged", endpoint: found, entry: decision.entry };
      const rollback = inputs.rollbackOnFailure ? rollbackFor(inputs, found, ledger, settings) : undefined;
      return {
        kind: "update",
        endpoint: found,
        request: { method: "PUT", url: (0,request_policy/* pathFor */.p0)(client/* ENDPOINT_BASE */.Mb, found.id), body },
        ...shown,
        ...(rollback ? { rollback } : {}),
        ...(decision?.drift ? { drift: decision.drift } : {}),
      };
    }
  }
}

/** What a deploy asks for, as the ledger records and compares it. */
function requestedSettings(inputs        , resolved         )                     {
  return (0,ledger_ledger/* settingsFromBody */.Y$)(createBody(inputs, resolved), inputs.gpu?.label ?? "");
}

/** Whether the ledger makes this deploy a no-op; undefined (no status): send the PUT. */
function unchangedDecision(
  inputs        ,
  found               ,
  ledger            ,
  settings                    ,
  changes                        ,
)                                {
  // Without a status the endpoint cannot be shown to serve: the PUT goes out.
  if (!found.status) return undefined;
  return (0,ledger_ledger/* decideIfUnchanged */.$O)({
    mode: inputs.ifUnchanged,
    requested: { name: inputs.name, projectId: inputs.projectId, settings },
    ledger,
    endpoint: {
      id: found.id,
      status: found.status.status,
      ...(typeof found.spec?.autoscalingMin === "number" ? { minReplicas: found.spec.autoscalingMin } : {}),
    },
    drift: changes.map((c) => c.field),
  });
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
    inputs_inputs/* MAX_VERSION_COMMENT_LENGTH */.XF,
  );
  return {
    entry,
    request: {
      method: "PUT",
      url: (0,request_policy/* pathFor */.p0)(client/* ENDPOINT_BASE */.Mb, found.id),
      body: (0,ledger_ledger/* updateBodyFor */.Jx)(entry.payload.settings, comment),
    },
  };
}

function deleteAction(inputs        , found                           )                {
  if (!found) return { kind: "nothing", reason: `No endpoint ${target(inputs)} to delete` };
  return {
    kind: "delete",
    endpoint: found,
    request: { method: "DELETE", url: (0,request_policy/* pathFor */.p0)(client/* ENDPOINT_BASE */.Mb, found.id) },
  };
}

function statusAction(inputs        , found                           )                {
  if (found) return { kind: "reuse", endpoint: found };
  const reason = `no endpoint ${target(inputs)} in project ${inputs.projectId}`;
  // A pure read reports absence; a wait for RUNNING on something that does not exist cannot succeed.
  return inputs.wait ? { kind: "fail", message: reason } : { kind: "nothing", reason };
}

function sweepAction(inputs        , facts                        )                {
  if (!facts) return { kind: "fail", message: "the sweep has no listing of the project's previews" };
  return {
    kind: "sweep",
    rows: (0,decide/* planSweep */.cK)(facts.previews, facts.states, { nowMs: facts.nowMs, maxAgeMs: inputs.maxAgeMs }),
    othersLeftAlone: facts.othersLeftAlone,
  };
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
  const a = p.action;
  return a.kind === "create" || a.kind === "update" || a.kind === "delete" ? a.request : undefined;
}

;// CONCATENATED MODULE: ./build/plan/result.js
// The one place that turns how a run went into its `result` output. Pure, so the whole table is
// tested without HTTP (test/unit/result.test.ts).

                                               


                                                     

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

                        
                                                                                                
                                         
     
                    
                                                                                   
                  
                      
                                                   
                      
                                                                               
                       
                                                                                                       
                           
      

const DONE                                                          = {
  create: "created",
  update: "updated",
  reuse: "reused",
  unchanged: "unchanged",
  delete: "deleted",
  nothing: "not-found",
  fail: "failed",
};

function resultOf(o            )         {
  if (o.stage === "inputs") return o.skipped ? "skipped" : "failed";
  if (o.aborted) return "cancelled";
  if (o.rolledBack && o.error !== undefined) return "rolled-back";
  if (o.error !== undefined) return errorResult(o.error);
  if (!o.plan) return "failed";
  const action = o.plan.action;
  if (action.kind === "sweep") return sweepOutcome(action.rows, o.dryRun);
  const kind = action.kind;
  if (o.dryRun && kind !== "nothing" && kind !== "fail") return "planned";
  return DONE[kind];
}

/**
 * A sweep that got this far deleted every preview it planned to (a failed delete is an error): it
 * failed when a PR's state could not be read, else swept, planned (dry run) or clean.
 */
function sweepOutcome(rows                                                   , dryRun         )         {
  const doomed = rows.filter((r) => r.decision.action === "delete").length;
  return (0,decide/* sweepResult */.we)({
    deleted: dryRun ? 0 : doomed,
    planned: dryRun ? doomed : 0,
    failures: rows.filter((r) => r.pr.kind === "error").length,
  });
}

function errorResult(err         )         {
  if (err instanceof OperationFailure) return err.result;
  if (err instanceof errors/* ApiError */.h && err.kind === "aborted") return "cancelled";
  if (err instanceof errors/* ApiError */.h && err.kind === "deadline") return "timed-out";
  return "failed";
}

// EXTERNAL MODULE: ./build/base/backoff.js
var backoff = __webpack_require__(3972);
;// CONCATENATED MODULE: ./build/wait/policy.js
// The polling policy: how long to sleep before the next status request. Pure; the numbers and the
// reason for each are in src/base/timing.ts, the budgets they meet below.




/** What the policy may look at before the next poll. */
                            
                                                       
                 
                        
     
                                                                                               
                                                                                           
                                                   
     
                    
                   
                                     
                
                                                                                 
                              
                                                                      
                        
                                            
                 
 

                                                  

/**
 * The budgets and how this policy meets them.
 *
 * - Any failure noticed within 15 s: no sleep is longer than QUIET_MS = 14.8 s (jitter included),
 *   except when the server throttles us and says how long to wait (Retry-After wins then, clamped
 *   to 60 s).
 * - At most 6 status requests per minute of waiting on the reference lifecycle, 7 on the fast one:
 *   while the phase says nothing is about to succeed (REQUESTING_VIRTUAL_MACHINE, DOWNLOADING_MODEL
 *   end in another phase, never in RUNNING) we poll at the failure budget. That is most of a deploy
 *   (300 of 390 s in the reference) at ~4.1 requests per minute, which pays for a fast engine poll.
 * - Time-to-notice of RUNNING, median at most 3 s and worst 6.5 s, for every engine phase of 10 s
 *   or more: only ENGINE_INITIALIZING (and AWAKING, the same engine start) ends in RUNNING, and it
 *   is polled every ENGINE_MS = 5.5 s ±15 % from the moment it is seen (longest gap 6.3 s, so an
 *   engine that starts in 10 or 15 s is not noticed late). The median notice is half the gap,
 *   provided the polls fall at any offset to the engine's start: the first gap after the phase is
 *   seen is drawn from 2.5-6.3 s for that (otherwise runs that start alike poll alike).
 * - Unknown territory (no phase, UPDATING, SLEEPING with min > 0, waiting for a delete): start at
 *   5 s and ease off by 1 s per 30 s in that state, up to the failure budget.
 * - Jitter: ±5 % on every other delay (clamped to the ceiling), so PR workflows started by the same
 *   push drift apart within a few polls instead of hitting a shared team rate limit together.
 * - Failed polls: capped exponential backoff, 2 s doubling to 14 s, with "equal jitter" (between
 *   half and all of it: never a hot loop); five in a row last ~30 s before the waiter gives up.
 *
 * Measured with scripts/bench-polling.ts (virtual clock through the real waiter, 1000 runs per
 * lifecycle, the waiter starting 0-15 s into the lifecycle); the figures are in the README's
 * Performance section.
 */

function nextPollDelayMs(s           )         {
  if (s.retryAfterMs !== undefined && Number.isFinite(s.retryAfterMs)) {
    return (0,backoff/* clampRetryAfter */.a_)(s.retryAfterMs);
  }
  if (s.consecutiveFailures > 0) {
    const cap = Math.min(timing/* FAILURE_CAP_MS */.XQ, timing/* FAILURE_BASE_MS */.SO * 2 ** (s.consecutiveFailures - 1));
    return Math.round(cap / 2 + (s.random * cap) / 2);
  }
  const engine = inEngineStart(s);
  if (engine && s.msInPhase < timing/* ENGINE_FIRST_MS */.DS) {
    // Just seen: the first gap is drawn from a wide range, so the polls that follow fall at any
    // offset to the engine's start, whatever offset the slower polls before it happened to have.
    return Math.round(timing/* MIN_ENGINE_GAP_MS */["in"] + s.random * (timing/* ENGINE_MS */.c1 * (1 + timing/* ENGINE_JITTER */.Q_) - timing/* MIN_ENGINE_GAP_MS */["in"]));
  }
  const jitter = engine ? timing/* ENGINE_JITTER */.Q_ : timing/* POLL_JITTER */.ji;
  return Math.round(Math.min(timing/* QUIET_MS */.uu, baseDelayMs(s) * (1 + jitter * (2 * s.random - 1))));
}

function building(status        )          {
  return status === "INITIALIZING" || status === "UPDATING" || status === "AWAKING";
}

/** VM and download end in another phase, never in RUNNING: polled at the failure budget. */
function inQuietPhase(s           )          {
  const phase = (s.phase ?? "").trim().toUpperCase();
  return (
    building(s.status.trim().toUpperCase()) &&
    (phase === "REQUESTING_VIRTUAL_MACHINE" || phase === "DOWNLOADING_MODEL")
  );
}

/** The one stretch that ends in RUNNING: the engine loading (a first start or a wake). */
function inEngineStart(s           )          {
  const status = s.status.trim().toUpperCase();
  const phase = (s.phase ?? "").trim().toUpperCase();
  if (inQuietPhase(s)) return false;
  return (building(status) && phase === "ENGINE_INITIALIZING") || status === "AWAKING";
}

function baseDelayMs(s           )         {
  if (inQuietPhase(s)) return timing/* QUIET_MS */.uu;
  if (inEngineStart(s)) return timing/* ENGINE_MS */.c1;
  return Math.min(timing/* QUIET_MS */.uu, timing/* UNKNOWN_START_MS */.$e + Math.max(0, s.msInPhase) / 30);
}

;// CONCATENATED MODULE: ./build/wait/poll-failure.js
// What a failed status request means for the wait. Pure: the waiter passes the error and where it
// stands, and gets back whether to stop (and how) or to poll again (and which streak grows).



                                     
                     
                             
                               
                   
                   
                                                                               
                          
                                                                                    
                         
                      
                                             
                
 

                         
                         
                         
                                                        
                    
                                       
     
                    
                                                                                                      
                                                    
                            
                   
      

function classifyPollFailure(err         , c                    )              {
  const apiErr = err instanceof errors/* ApiError */.h ? err : undefined;
  if (c.aborted || apiErr?.kind === "aborted") return { kind: "cancelled" };
  if (apiErr?.kind === "deadline") return { kind: "timed-out" };
  const after = (0,format/* formatDuration */.a3)(c.msWaited);
  if (apiErr?.kind === "permanent" && apiErr.status === 404) {
    if (c.target === "gone") return { kind: "gone" };
    if (c.msWaited > c.notFoundGraceMs) {
      return {
        kind: "failed",
        message:
          `endpoint ${c.endpointId} was not found (404) ${after} into the wait: ` +
          `it was deleted, or the id belongs to another project or team (${c.where})`,
      };
    }
    return {
      kind: "retry",
      streak: "not-found",
      note: "endpoint not found yet (404): the API can lag a create by a moment",
    };
  }
  if (apiErr?.kind === "permanent") {
    return {
      kind: "failed",
      message: `status check for endpoint ${c.endpointId} failed: ${apiErr.message} (${c.where}, after ${after})`,
    };
  }
  if (apiErr?.kind === "throttled") {
    return {
      kind: "retry",
      streak: "throttled",
      ...(apiErr.retryAfterMs === undefined ? {} : { retryAfterMs: apiErr.retryAfterMs }),
      note: `status check throttled (${errorText(err)})`,
    };
  }
  const failures = c.failuresBefore + 1;
  if (failures > c.maxFailures) {
    return {
      kind: "failed",
      message:
        `status check for endpoint ${c.endpointId} failed ${failures} times in a row, last: ${errorText(err)} ` +
        `(${c.where}, after ${after})`,
    };
  }
  return {
    kind: "retry",
    streak: "failure",
    note: `status check failed (${errorText(err)}), retry ${failures}/${c.maxFailures}`,
  };
}

function errorText(err         )         {
  if (err instanceof errors/* ApiError */.h) {
    return err.status === undefined ? `${err.kind}: ${err.message}` : `${err.status}: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./build/wait/settle.js
// The update-settle rule. Friendli does not say how soon an update shows as UPDATING, so right after
// a PUT a RUNNING may still be the old version. It counts as the new one once another status was
// seen, or once its updatedAt is not older than the PUT, or once the settle time has passed.


                       
                                                                   
                          
                       
                                                                          
                   
                                                    
                                       
                                     
                         
 

/** True when a successful status may still be the version from before the update. */
function mayBeOldVersion(f             )          {
  if (f.sawOtherStatus || f.msSinceStart >= f.settleMs) return false;
  const updatedAt = f.updatedAt ? Date.parse(f.updatedAt) : Number.NaN;
  // A few seconds' allowance for the server's clock running behind ours.
  return !(updatedAt >= f.updateSentAtMs - timing/* CLOCK_SKEW_MS */.rn);
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
// Waiting for an endpoint: a short loop that polls, hands each answer or failure to pure pieces
// (./wait/status-table.ts, ./wait/poll-failure.ts, ./wait/settle.ts, ./wait/timeline.ts), sleeps as
// the policy says (./wait/policy.ts), and stops at an outcome. scripts/bench-polling.ts replays
// reference lifecycles through it.
                                              

                                             

                                                             




                                               


                              
                     
                                                                          
               
                      
                                                                                        
                     
                      
                             
              
                                                        
                                                       
                                                                                                          
                                  
                                                                                                      
                           
                                                                              
                      
     
                                                                                                 
                                                                                                    
                                                                                                     
     
                          
                                                                                                         
                          
 

                              
                                                                  
                        
                        
                   
                                                    
                
                  
                                                                                                   
                  
 

/** What the loop carries from one poll to the next. */
                   
                             
                                 
                        
                   
                      
                     
                                                                                                 
                        
                    
                
                                                                 
                        
                          
                       
                      
 

async function waitForEndpoint(opts             )                       {
  const { clock, signal, log } = opts;
  const startedAt = clock.now();
  const w          = {
    startedAt,
    timeline: [],
    spanSeenAt: startedAt,
    phaseEstStart: startedAt,
    lastLogAt: startedAt,
    polls: 0,
    streaks: { failure: 0, throttled: 0, "not-found": 0 },
    sawOtherStatus: false,
    settleNoted: false,
    warned: new Set(),
  };
  const say = messages(opts, w);
  for (;;) {
    if (signal.aborted) return say.cancelled();
    w.polls++;
    let answer                            ;
    let note = "";
    try {
      answer = await opts.getStatus(opts.endpointId, signal);
    } catch (err) {
      const failure = onFailure(opts, w, err);
      if (failure.kind !== "retry") return say.afterFailure(failure, err);
      note = failure.note;
    }
    // Cancellation wins over an answer that raced it: the runner is about to kill the process.
    if (signal.aborted) return say.cancelled();
    const now = clock.now();
    if (answer) {
      const ended = onAnswer(opts, w, answer, now);
      if (ended) return ended;
    }
    // The last poll goes out a little before the deadline: the HTTP layer starts no request at or
    // past it, and the request itself needs a moment.
    const lastPollAt = opts.deadlineMs - timing/* FINAL_POLL_MARGIN_MS */.z$;
    if (now >= lastPollAt) return say.timedOut();
    // Asked to come back only after the last poll: polling earlier would ignore Retry-After.
    if (w.retryAfterMs !== undefined && now + Math.min(w.retryAfterMs, timing/* MAX_RETRY_AFTER_MS */.yL) > lastPollAt) {
      return say.timedOut();
    }
    const delay = Math.max(
      0,
      Math.min((opts.policy ?? nextPollDelayMs)(pollState(w, now, clock)), lastPollAt - now),
    );
    if (note) log.info(`${note}; next check in ${(delay / 1000).toFixed(1)}s`);
    else log.debug(`poll ${w.polls}: ${where(w)}; next in ${(delay / 1000).toFixed(1)}s`);
    try {
      await clock.sleep(delay, signal);
    } catch (err) {
      if (signal.aborted) return say.cancelled();
      throw err;
    }
  }
}

function pollState(w         , now        , clock       )            {
  const state            = {
    status: w.last?.status ?? "",
    phase: w.last?.phase ?? null,
    msInPhase: now - w.phaseEstStart,
    msWaited: now - w.startedAt,
    polls: w.polls,
    consecutiveFailures: w.streaks.failure + w.streaks.throttled + w.streaks["not-found"],
    random: clock.random(),
  };
  if (w.retryAfterMs !== undefined) state.retryAfterMs = w.retryAfterMs;
  return state;
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
function onAnswer(opts             , w         , s                , now        )                          {
  const { log } = opts;
  w.streaks = { failure: 0, throttled: 0, "not-found": 0 };
  w.retryAfterMs = undefined;
  opts.onStatus?.(s, now);
  const key = `${s.status}\u0000${s.phase ?? ""}`;
  if (key !== w.lastKey) {
    w.phaseEstStart = w.lastSeenAt === undefined ? now : (w.lastSeenAt + now) / 2;
    log.info(
      `status ${s.status}${s.phase ? `, phase ${s.phase}` : ""} (after ${(0,format/* formatDuration */.a3)(now - w.startedAt)})`,
    );
    w.lastLogAt = now;
    w.lastKey = key;
  }
  const label = (0,status_table/* spanLabel */.h)(s);
  if (extendTimeline(w.timeline, label, now)) w.spanSeenAt = now;
  w.last = s;
  w.lastSeenAt = now;
  const say = messages(opts, w);
  // Friendli does not say whether a deleted endpoint lingers as TERMINATED before it 404s: either
  // way it serves nothing and costs nothing, which is what a delete waits for.
  if (opts.target === "gone" && s.status.trim().toUpperCase() === "TERMINATED") {
    closeOpenSpan(w.timeline, now);
    return say.end(
      "gone",
      `endpoint ${opts.endpointId} is TERMINATED after ${(0,format/* formatDuration */.a3)(now - w.startedAt)}`,
    );
  }
  const verdict = judge(opts, w, s, now);
  if (verdict === "success") return say.success(s);
  if (verdict === "failure") return say.failed(s);
  if (verdict === "unknown" && !w.warned.has(s.status)) {
    w.warned.add(s.status);
    log.warning(
      `endpoint ${opts.endpointId} reports status ${JSON.stringify(s.status)}, which this action does not know: ` +
        "it keeps waiting for RUNNING until wait-timeout",
    );
  }
  if (now - w.lastLogAt >= timing/* HEARTBEAT_MS */.m) {
    log.info(`still ${label} after ${(0,format/* formatDuration */.a3)(now - w.spanSeenAt)}`);
    w.lastLogAt = now;
  }
  return undefined;
}

/** The state table's verdict, held back to pending while a RUNNING may be the old version. */
function judge(opts             , w         , s                , now        )              {
  const verdict = (0,status_table/* classifyStatus */.x)(s.status, { minReplicas: opts.minReplicas, target: opts.target });
  if (verdict !== "success") {
    w.sawOtherStatus = true;
    return verdict;
  }
  const old = mayBeOldVersion({
    sawOtherStatus: w.sawOtherStatus,
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

function where(w         )         {
  if (!w.last) return "no status seen yet";
  return w.last.phase
    ? `last status ${w.last.status}, phase ${w.last.phase}`
    : `last status ${w.last.status}`;
}

/** The outcomes the wait can end with, and their words. */
function messages(opts             , w         ) {
  const { clock, endpointId, target } = opts;
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
    const seen = timelineText(w.timeline, clock.now());
    const goal = target === "gone" ? "to be deleted" : "to be RUNNING";
    return end(
      "timed-out",
      `timed out after ${after()} waiting for endpoint ${endpointId} ${goal}: ${where(w)}; seen: ${seen || "nothing"}`,
      error,
    );
  };
  const cancelled = () =>
    end(
      "cancelled",
      `cancelled while waiting for endpoint ${endpointId} (${where(w)}, after ${after()})` +
        (target === "running" ? ": it may still be provisioning" : ""),
    );
  return {
    end,
    cancelled,
    timedOut: () => timedOut(),
    afterFailure(failure                                         , err         )              {
      switch (failure.kind) {
        case "cancelled":
          return cancelled();
        case "timed-out":
          return timedOut(err);
        case "gone":
          closeOpenSpan(w.timeline, clock.now());
          return end("gone", `endpoint ${endpointId} is gone (404 after ${after()})`);
        case "failed":
          return end("failed", failure.message, err);
      }
    },
    success(s                )              {
      const upper = s.status.trim().toUpperCase();
      const note =
        upper === "SLEEPING"
          ? " (min-replicas 0: deployed and idle; the first request wakes it)"
          : upper === "READY"
            ? " (treated as RUNNING)"
            : "";
      return end("success", `endpoint ${endpointId} is ${s.status}${note} after ${after()}`);
    },
    failed(s                )              {
      if (s.status.trim().toUpperCase() === "FAILED") {
        const during = s.phase ? ` during ${s.phase}` : "";
        const code = s.errorCode ? ` with error code ${s.errorCode}` : " without an error code";
        return end("failed", `endpoint ${endpointId} FAILED${during}${code} after ${after()}`);
      }
      return end(
        "failed",
        `endpoint ${endpointId} is ${s.status} after ${after()}: it was stopped or deleted while the action waited for RUNNING`,
      );
    },
  };
}

;// CONCATENATED MODULE: ./build/operations/context.js
// What every step of carrying out a plan gets, and how what it learns reaches the report. The
// report is filled in as facts are learned, so a cancelled or failed run still reports everything
// it knew; its `result` is set in one place only (src/plan/result.ts, called by main.ts).

                                         
                                              
                                             
                                                                
                                                                      
                                                            
                                                             
                                                       
                                                  
                                                  
                                                         

/** What the lookup left for the steps after it: the listed ids and the specs already read. */
                               
                                                                                                  
                      
                                                                                    
                   
                                                                                               
                       
 

                                   
                 
                  
                         
               
                      
                                                                 
                     
              
                    
                                                    
                             
                                                                   
                         
                                                                                                   
                          
     
                                                                                             
                                                                                                 
     
                                       
                                                                                              
                                      
     
                                                                                             
                                                                                     
     
                                                                            
                                                                  
                     
                                                                                        
                                                       
 

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
  if (inputs.hfModelRepo) {
    report.model = {
      repo: inputs.hfModelRepo,
      ...(inputs.hfModelRevision ? { revision: inputs.hfModelRevision } : {}),
    };
  }
  if (inputs.gpu) report.gpu = inputs.gpu.label;
  report.replicas = { min: inputs.minReplicas, max: inputs.maxReplicas };
}

;// CONCATENATED MODULE: ./build/operations/await-endpoint.js
// The bridge between a plan's wait and the waiter: polls through the client, mirrors every status
// it sees into the report, and turns a bad outcome into the failure that ends the run.



                                            




async function awaitEndpoint(
  op                  ,
  endpointId        ,
  wait                           ,
  /** When an update was sent: a RUNNING older than that may still be the old version. */
  updateSentAtMs         ,
)                {
  const { client, report } = op;
  const { target } = wait;
  const outcome = await waitForEndpoint({
    endpointId,
    getStatus: (id) => client.status(id, { maxAttempts: 1 }),
    clock: op.clock,
    signal: op.signal,
    deadlineMs: op.deadlineMs,
    minReplicas: wait.minReplicas,
    target,
    log: op.log,
    onStatus: (s) => recordStatus(report, s),
    ...(updateSentAtMs === undefined ? {} : { updateSettleMs: timing/* UPDATE_SETTLE_MS */.NN, updateSentAtMs }),
  });
  report.timeline = outcome.timeline;
  if (outcome.last) recordStatus(report, outcome.last);
  if (outcome.kind === "success" || (target === "gone" && outcome.kind === "gone")) return;
  switch (outcome.kind) {
    case "failed":
      report.hint = (0,error_codes/* errorHint */.c$)(outcome.last?.errorCode);
      throw new OperationFailure(outcome.message, "failed");
    case "timed-out":
      throw new OperationFailure(outcome.message, "timed-out");
    case "cancelled":
      throw new OperationFailure(outcome.message, "cancelled");
    default:
      throw new OperationFailure(
        `endpoint ${endpointId} disappeared while waiting: ${outcome.message}`,
        "failed",
      );
  }
}

// EXTERNAL MODULE: ./build/endpoint/resolve.js + 1 modules
var resolve = __webpack_require__(2579);
;// CONCATENATED MODULE: ./build/operations/create.js
// Carrying out a planned create. It is sent once: after an answer that may have been lost, the
// name is looked up again before anything is created again, so a run never leaves two GPU
// endpoints where one was asked for. What counts as "made by this run" is decided in one place
// (src/endpoint/created-claim.ts, through src/endpoint/resolve.ts): only an answered create proves
// it. After a lost answer the one endpoint of the name that appeared may be a rival's: the run
// waits on it only when GET shows the settings it asked for, says it cannot prove it made it, and
// never deletes it.
//
// Two runs of one name at once (a workflow without a `concurrency:` group): the run that sees an
// endpoint of the name appear after its look-up creates nothing; when both created anyway, the
// endpoint created first is kept, and the run that owns the other deletes its own duplicate and
// fails, saying another run is deploying the name. It does not adopt the keeper: that run's settings
// may differ, and reporting someone else's deploy as ours would hide the race from the user.




                                                                



                                                                 




/** Creates sent at most: the second only after the first's answer was lost and nothing appeared. */
const MAX_CREATES = 2;

const ONE_AT_A_TIME =
  "Run deploys of one endpoint name one at a time: give the job a `concurrency:` group per endpoint name (see the README)";

/** Returns the new endpoint's id, remembered for the post step and in the report. */
async function createEndpoint(
  op                  ,
  body                    ,
  memory              ,
)                  {
  refuseWithoutTime(op);
  await refuseAfterRival(op, memory);
  const { id, proved } = await createOnce(op, body, memory);
  if (!proved) return id;
  op.report.endpointId = id;
  op.remember(id, true);
  op.log.info(`Created endpoint ${id} ("${op.inputs.name}")`);
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
  throw new OperationFailure(
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
  const facts              = { lookupIds: memory.listed };
  for (let attempt = 1; ; attempt++) {
    refuseWithoutTime(op);
    op.noteCreate(facts);
    const created = await sendCreate(op, body, facts);
    if (created) recordStatus(op.report, created.status);
    const found = await (0,resolve/* findCreated */.i)(client, {
      projectId: inputs.projectId,
      name: inputs.name,
      facts,
      clock: op.clock,
      deadlineMs: op.deadlineMs,
      signal: op.signal,
      cache: memory.specs,
    });
    const taken = await takeFound(op, found, created !== undefined, body);
    if (taken) return taken;
    if (created) {
      throw new OperationFailure(
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
      throw new OperationFailure(
        `creating "${inputs.name}" failed ${attempt} times without an answer` +
          (again.length ? `; endpoints of that name now: ${again.map((e) => e.id).join(", ")}` : ""),
        "failed",
      );
    }
    op.log.info(`No endpoint named "${inputs.name}" appeared: creating it again (attempt ${attempt + 1})`);
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
      throw new OperationFailure(
        `endpoints ${verdict.ids.join(", ")} named "${inputs.name}" were created in project ${inputs.projectId} ` +
          `since this run looked the name up, and this run cannot prove which one its create made (${verdict.why}): ` +
          `it deletes none of them and waits on none. Another run is probably deploying this name. ${ONE_AT_A_TIME}; ` +
          "delete the extra one with operation: delete and its endpoint-id",
        "failed",
      );
    }
    case "others":
      throw new OperationFailure(
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
    throw new OperationFailure(
      `this run's create went unanswered, and ${named}, which appeared since, does not have the settings this ` +
        `run asked for (${shown}): another run's, most likely. ${ONE_AT_A_TIME}`,
      "failed",
    );
  }
  const message =
    `This run's create went unanswered, so it cannot prove that it made ${named}, which appeared since with ` +
    "the requested settings: another run may have. The run waits on it, and never deletes it.";
  op.report.warnings.push(message);
  op.log.warning(message);
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
    if (err instanceof errors/* ApiError */.h && err.kind === "aborted") throw err;
    if (!(err instanceof errors/* ApiError */.h && err.status === 404)) {
      throw new OperationFailure(
        `${race}; this run could not delete its own duplicate ${own} (${(0,redact/* formatError */.Wk)(err, op.secrets)}): the post ` +
          `step tries again. ${ONE_AT_A_TIME}`,
        "failed",
      );
    }
  }
  op.noteDeleteOwed(false);
  op.report.deletedAfterFailure = true;
  op.log.info(`Deleted endpoint ${own}, this run's duplicate of "${inputs.name}"`);
  throw new OperationFailure(
    `${race}; this run deleted its own duplicate ${own}. ${ONE_AT_A_TIME}`,
    "failed",
  );
}

/** With too little of the run left to find a new endpoint's id, nothing is created. */
function refuseWithoutTime(op                  )       {
  const left = op.deadlineMs - op.clock.now();
  if (left >= Math.min(timing/* MIN_TIME_FOR_CREATE_MS */.ht, op.inputs.waitTimeoutMs / 2)) return;
  throw new OperationFailure(
    `only ${(0,format/* formatDuration */.a3)(Math.max(0, left))} of wait-timeout was left, too little to create "${op.inputs.name}" ` +
      "and find its id; nothing was created (raise wait-timeout)",
    "timed-out",
  );
}

/** False for a create that was refused, throttled or never sent: nothing was created. */
function createMayHaveActed(err         )          {
  return !(err instanceof errors/* ApiError */.h && ["permanent", "not-sent", "throttled"].includes(err.kind));
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
    if (!(err instanceof errors/* ApiError */.h) || err.kind !== "ambiguous") throw err;
    op.log.warning(
      `The create request's answer was lost (${err.message}); looking "${op.inputs.name}" up before creating again`,
    );
    return undefined;
  }
}

;// CONCATENATED MODULE: ./build/operations/delete.js
// Carrying out a planned delete. Deleting what is not there succeeds with result not-found (the
// plan's "nothing"), so the job that runs when a PR closes needs no guard.

                                                           

                                            

                                                     

async function deleteEndpoint(op                  , plan      , found               )                {
  try {
    await op.client.delete(found.id);
  } catch (err) {
    if (!(err instanceof errors/* ApiError */.h && err.status === 404)) throw err;
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

/** Root files that hold safetensors weights (single file or shards). */
function weightFiles(files                   )                    {
  return files.filter((f) => f.path.endsWith(".safetensors") && !f.path.includes("/"));
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
function fitFinding(bytes        , ctx                  )                                       {
  const memory = (0,gpus/* optionMemoryBytes */.eB)(ctx.instanceOptionId);
  if (memory === undefined) {
    return {
      finding: {
        check: "fit",
        severity: "info",
        message: `weights ${formatGb(bytes)}; instance option ${ctx.gpuLabel} is not in the GPU table, so the fit was not checked`,
      },
    };
  }
  const ratio = bytes / memory;
  const share = `weights ${formatGb(bytes)} are ${Math.round(ratio * 100)}% of ${ctx.gpuLabel}'s ${formatGb(memory)} GPU memory`;
  if (ratio > FIT_FAIL_RATIO) {
    const fits = optionsThatFit(bytes).map((o) => o.label);
    const advice = fits.length > 0 ? `options that fit: ${fits.join(", ")}` : "no instance option holds them";
    return {
      ratio,
      finding: { check: "fit", severity: "fail", message: `${share}: they do not fit (${advice})` },
    };
  }
  if (ratio > FIT_WARN_RATIO) {
    return {
      ratio,
      finding: {
        check: "fit",
        severity: "warn",
        message: `${share}: little room is left for the KV cache; the engine may fail to start or serve short contexts only`,
      },
    };
  }
  return { ratio, finding: { check: "fit", severity: "info", message: share } };
}

/** The findings when the Hub did not give the facts. */
function failureFindings(answer                              , ctx                  )            {
  const at = ctx.revision === undefined ? ctx.repo : `${ctx.repo}@${ctx.revision}`;
  switch (answer.kind) {
    case "unauthorized":
      return [
        ctx.hasToken
          ? {
              check: "access",
              severity: "fail",
              message: `the Hugging Face Hub refused hf-token (401) for ${at}: check the token`,
            }
          : {
              check: "access",
              severity: "fail",
              message: `the Hugging Face Hub answered 401 for ${ctx.repo}: it does not exist, or it is private. Pass \`hf-token\` (a token that can read it), or set \`preflight: false\` to deploy without checking`,
            },
      ];
    case "not-found":
      return [
        {
          check: "access",
          severity: "fail",
          message: `model ${ctx.repo} was not found on the Hugging Face Hub, or hf-token cannot read it`,
        },
      ];
    case "revision-not-found":
      return [
        {
          check: "revision",
          severity: "fail",
          message: `revision ${ctx.revision ?? "(default branch)"} does not exist in ${ctx.repo}`,
        },
      ];
    case "unreachable":
      return [
        {
          check: "hub",
          severity: "warn",
          message: `could not check ${at} on the Hugging Face Hub (${answer.reason}); deploying without the pre-flight`,
        },
      ];
  }
}

/** Every check over a readable repository. */
function factFindings(
  facts          ,
  ctx                  ,
)                                                         {
  const findings            = [];
  findings.push({
    check: "revision",
    severity: "info",
    message:
      ctx.revision === undefined
        ? `${ctx.repo} pinned at ${facts.sha} (the default branch's commit)`
        : `${ctx.repo}@${ctx.revision} is commit ${facts.sha}`,
  });
  const weights = weightFiles(facts.files);
  const bytes = weights.reduce((n, f) => n + f.size, 0);
  const missing = [
    ...(weights.length === 0 ? ["safetensors weights"] : []),
    ...(facts.files.some((f) => f.path === "config.json") ? [] : ["config.json"]),
  ];
  if (missing.length > 0) {
    const found =
      facts.files
        .map((f) => f.path)
        .slice(0, 8)
        .join(", ") || "nothing";
    findings.push({
      check: "files",
      severity: "fail",
      message: `Friendli needs safetensors weights and config.json at the repository root; ${facts.sha.slice(0, 12)} has no ${missing.join(" and no ")} (root: ${found})`,
    });
  }
  let ratio                    ;
  if (weights.length > 0) {
    const fit = fitFinding(bytes, ctx);
    findings.push(fit.finding);
    ratio = fit.ratio;
  }
  if (facts.gated) {
    findings.push({
      check: "gated",
      severity: "warn",
      message: `${ctx.repo} is gated: Friendli downloads it with the Hugging Face token saved in its integrations, and that token's account must have been granted access, or the deploy fails while downloading the model`,
    });
  }
  findings.push({
    check: "chat-template",
    severity: "info",
    message:
      facts.chatTemplate === null
        ? "the chat template could not be read; the smoke test tries chat first"
        : facts.chatTemplate
          ? "has a chat template: the smoke test uses chat completions"
          : "has no chat template: the smoke test uses completions",
  });
  return { findings, ratio, bytes };
}

/** The whole verdict: the findings, whether the deploy may go on, and what to pin and report. */
function decide_decide(answer           , ctx                  , elapsedMs        )                  {
  if (answer.kind !== "found") {
    const findings = failureFindings(answer, ctx);
    return {
      ok: !findings.some((f) => f.severity === "fail"),
      checked: answer.kind !== "unreachable",
      findings,
      elapsedMs,
    };
  }
  const { findings, ratio, bytes } = factFindings(answer, ctx);
  const result                  = {
    ok: !findings.some((f) => f.severity === "fail"),
    checked: true,
    findings,
    revision: answer.sha,
    smokeRoute: answer.chatTemplate === false ? "completions" : "chat",
    weightBytes: bytes,
    elapsedMs,
  };
  if (ratio !== undefined) result.memoryRatio = ratio;
  return result;
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
  let url                 ;
  try {
    url = new URL(fromEnv);
  } catch {
    url = undefined;
  }
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
  const ctx                   = {
    repo: o.repo,
    revision: o.revision,
    hasToken: o.hfToken !== undefined && o.hfToken !== "",
    instanceOptionId: o.instanceOptionId,
    gpuLabel: o.gpuLabel,
  };
  const { askHub } = await Promise.all(/* import() */[__webpack_require__.e(9), __webpack_require__.e(332)]).then(__webpack_require__.bind(__webpack_require__, 1951));
  const answer = await askHub({
    hubUrl: o.hubUrl,
    repo: o.repo,
    revision: o.revision,
    hfToken: ctx.hasToken ? o.hfToken : undefined,
    dispatcher: o.dispatcher,
    clock: o.clock,
    signal: o.signal,
    deadlineMs: started + (o.budgetMs ?? timing/* PREFLIGHT_BUDGET_MS */.Jw),
    attemptTimeoutMs: o.attemptTimeoutMs ?? timing/* HUB_ATTEMPT_TIMEOUT_MS */.dN,
    attempts: o.attempts ?? timing/* HUB_ATTEMPTS */.PW,
    ...(o.attemptTimer ? { attemptTimer: o.attemptTimer } : {}),
  });
  return decide_decide(answer, ctx, o.clock.now() - started);
}

;// CONCATENATED MODULE: ./build/operations/preflight.js
// The pre-flight as a step of a deploy: ask the Hugging Face Hub before anything is created or
// updated, log what it found, and keep it in the report. What the findings mean for the run is the
// plan's business (a `fail` finding makes the plan `fail`).



                                                                      
                                                     

async function preflightStep(op                  )                           {
  const { inputs, report } = op;
  if (!inputs.hfModelRepo || !inputs.gpu) {
    throw new Error("the pre-flight needs hf-model-repo and gpu (the input parser guarantees both)");
  }
  const hub = hubUrlFrom(inputs.hfEndpoint, op.env);
  if (hub.ignored) op.log.warning(hub.ignored);
  // The Hub gets its own proxy-aware dispatcher unless the run was handed one (tests).
  const own = op.dispatcher === undefined ? (0,request_policy/* createDefaultDispatcher */.hT)() : undefined;
  op.log.info(`Pre-flight: asking ${hub.url} about ${inputs.hfModelRepo}`);
  try {
    const r = await runPreflight({
      repo: inputs.hfModelRepo,
      revision: inputs.hfModelRevision,
      hfToken: inputs.hfToken,
      hubUrl: hub.url,
      instanceOptionId: inputs.gpu.instanceOptionId,
      gpuLabel: inputs.gpu.label,
      clock: op.clock,
      signal: op.signal,
      dispatcher: op.dispatcher ?? (own                           ),
    });
    report.preflight = r;
    // Warnings are annotations (the summary's pre-flight table shows every finding); a dry run
    // prints the rest with its plan (describePlan), so once.
    for (const [i, line] of (0,preflight_report/* findingLines */.hq)(r.findings).entries()) {
      const f = r.findings[i]           ;
      if (f.severity === "warn") op.log.warning((0,preflight_report/* findingAnnotation */.BN)(f));
      else if (!inputs.dryRun) op.log.info(line);
    }
    op.log.info(
      `Pre-flight ${r.ok ? (r.checked ? "passed" : "skipped") : "failed"} in ${(r.elapsedMs / 1000).toFixed(1)} s`,
    );
    // `model-revision` is the commit deployed: pinned only when the deploy goes ahead.
    if (r.ok && r.revision && report.model && !report.model.revision) {
      report.model = { ...report.model, revision: r.revision };
    }
    return r;
  } finally {
    await own?.close();
  }
}

;// CONCATENATED MODULE: ./build/operations/rollback.js
// Rolling a failed update back (`rollback-on-failure`): the settings of the ledger's last successful
// deployment are PUT again and waited for, on a budget of their own (a timed-out update has spent
// the run's). The run still fails: the version it was asked for did not deploy.




                                                           

                                                  
                                                              

                                                



                                                     

/** Thrown instead of the update's failure once the rollback serves: `result: rolled-back`. */
class RolledBack extends Error {
           failure         ;
  constructor(failure         ) {
    super("rolled back");
    this.failure = failure;
  }
}

/** A failure a rollback answers: the new version FAILED, or did not come up in time. */
function rollsBack(err         )          {
  if (err instanceof OperationFailure) return err.result === "failed" || err.result === "timed-out";
  return err instanceof errors/* ApiError */.h && err.kind === "deadline";
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
    ...(inputs.gpuHourlyPrice === undefined ? {} : { pricePerGpuHour: inputs.gpuHourlyPrice }),
    ...(inputs.gpu ? { pricedFor: inputs.gpu.instanceOptionId } : {}),
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
 * Puts the rollback's settings back and waits for RUNNING. True when they serve again; false (with
 * a warning) when the rollback failed too, and the update's failure stands.
 */
async function rollBack(
  op                  ,
  endpoint               ,
  rollback          ,
  failure         ,
)                   {
  const { report, log } = op;
  const deadlineMs = op.clock.now() + timing/* ROLLBACK_BUDGET_MS */.ui;
  const client = op.clientUntil?.(deadlineMs) ?? op.client;
  const rop                   = { ...op, client, deadlineMs };
  const before = report.timeline;
  const { deploymentId, payload } = rollback.entry;
  const cost = settingsCost(payload.settings, op.inputs);
  const overCap = rollbackOverCap(cost, op.inputs.maxHourlyCost);
  if (overCap) {
    const message =
      `The update of endpoint ${endpoint.id} did not deploy, and the rollback to the settings of ` +
      `GitHub deployment ${deploymentId} was not sent: ${overCap}`;
    report.warnings.push(message);
    log.warning(message);
    return false;
  }
  log.warning(
    `The update of endpoint ${endpoint.id} did not deploy (${(0,redact/* formatError */.Wk)(failure, client.http.secrets)}); ` +
      `rolling back to the settings of GitHub deployment ${deploymentId} (\`rollback-on-failure: true\`)`,
  );
  const sentAtMs = op.clock.now();
  // The update's last span (a rollout cut short by the timeout, or FAILED) ends as the rollback
  // replaces it, or the summary would show it lasting to the end of the run beside the rollback's.
  closeOpenSpan(before, sentAtMs);
  try {
    await client.update(endpoint.id, rollback.request.body);
    await awaitEndpoint(
      rop,
      endpoint.id,
      { target: "running", minReplicas: payload.settings.autoscaling.minReplicas },
      sentAtMs,
    );
  } catch (err) {
    report.timeline = [...before, ...report.timeline.filter((s) => !before.includes(s))];
    if (op.signal.aborted) throw err;
    const message = `The rollback of endpoint ${endpoint.id} failed too: ${(0,redact/* formatError */.Wk)(err, client.http.secrets)}`;
    report.warnings.push(message);
    log.warning(message);
    return false;
  }
  report.timeline = [...before, ...report.timeline];
  report.rolledBack = true;
  report.previous = versionOf(rollback.entry);
  // What runs now is what it costs: the failed request's estimate no longer describes the endpoint.
  report.cost = { ...report.cost, hourly: cost };
  log.info(
    `Rolled back: endpoint ${endpoint.id} serves the settings of GitHub deployment ${deploymentId} again` +
      (cost ? `; estimated cost: ${(0,estimate/* estimateText */.YL)(cost)}` : ""),
  );
  await op.ledger?.recordRollback(endpoint.id, rollback.entry);
  return true;
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
  const out           = [];
  const events = text.replace(/\r\n?/g, "\n").split("\n\n");
  // The piece after the last blank line is not complete yet.
  events.pop();
  for (const event of events) {
    const lines = event.split("\n").filter((l) => l.startsWith("data:"));
    if (lines.length > 0) out.push(lines.map((l) => l.slice(5).replace(/^ /, "")).join("\n"));
  }
  return out;
}

/** The text one chunk carries: `delta.content` (chat) or `text` (completions). */
function chunkText(route            , chunk         )         {
  if (chunk === null || typeof chunk !== "object") return "";
  const choices = (chunk                         ).choices;
  const first = Array.isArray(choices) ? (choices[0]                                       ) : undefined;
  if (!first || typeof first !== "object") return "";
  if (route === "completions") return typeof first.text === "string" ? first.text : "";
  const delta = first.delta                                                                  ;
  if (typeof delta?.content === "string") return delta.content;
  // A reasoning model may think before it answers: its first thought is its first token too.
  return typeof delta?.reasoning_content === "string" ? delta.reasoning_content : "";
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
  let reply = "";
  let chunks = 0;
  let usageTokens                    ;
  let done = false;
  for (const d of data) {
    if (d.trim() === "[DONE]") {
      done = true;
      continue;
    }
    const chunk = parse(d);
    const piece = chunkText(route, chunk);
    if (piece !== "") {
      reply += piece;
      chunks++;
    }
    const usage = (chunk                                                           )?.usage;
    if (typeof usage?.completion_tokens === "number") usageTokens = usage.completion_tokens;
  }
  return { text: reply, outputTokens: usageTokens ?? chunks, done };
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
    if (sseData(buffer).some((d) => chunkText(route, parse(d)) !== "")) {
      seen = true;
      buffer = "";
      return true;
    }
    return false;
  };
}

/** Output tokens over the request's whole time (first token included): the rate a caller sees. */
function tokensPerSecond(outputTokens        , latencyMs        )                     {
  if (outputTokens <= 0 || latencyMs <= 0) return undefined;
  return Math.round((outputTokens / (latencyMs / 1000)) * 10) / 10;
}

                             
                                                      
                  
                                                    
                     
 

/** Why a passing answer still fails the gates, or undefined when it meets them. */
function missedGate(
  gates            ,
  got                                               ,
  show                           ,
)                     {
  if (gates.expect !== undefined && gates.expect !== "" && !got.reply.includes(gates.expect)) {
    return `the reply does not contain the smoke-test-expect text ${JSON.stringify(gates.expect)} (reply: ${show(got.reply)})`;
  }
  if (gates.maxTtftMs !== undefined) {
    if (got.ttftMs === undefined) {
      return "the endpoint did not stream its answer, so the time to first token could not be checked against smoke-test-max-ttft-ms";
    }
    if (got.ttftMs > gates.maxTtftMs) {
      return `the first token came after ${Math.round(got.ttftMs)} ms, over smoke-test-max-ttft-ms (${gates.maxTtftMs} ms)`;
    }
  }
  return undefined;
}

;// CONCATENATED MODULE: ./build/smoke/measure.js
// The measures of a passing answer (time to first token, output tokens, tokens per second) and the
// words the log gives them. Pure.


                           
                  
                        
                           
 

/** Only what was measured: a plain (unstreamed) answer has no first token and no token count. */
function measure(
  outputTokens                    ,
  ttftMs                    ,
  latencyMs        ,
)           {
  const m           = {};
  if (ttftMs !== undefined) m.ttftMs = ttftMs;
  if (outputTokens !== undefined) {
    m.outputTokens = outputTokens;
    const rate = tokensPerSecond(outputTokens, latencyMs);
    if (rate !== undefined) m.tokensPerSecond = rate;
  }
  return m;
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

;// CONCATENATED MODULE: ./build/smoke/reply.js
// What a successful answer's body says: the reply text of an OpenAI-shaped completion, and the
// excerpts of it (and of error bodies) that the messages quote. Pure.

                                                       

/** How much of the reply goes into the summary. */
const REPLY_CHARS = 200;
/** How much of an error detail or an unexpected body a message quotes. */
const MAX_DETAIL = 300;

function bodyText(body         )         {
  if (body === undefined || body === null) return "";
  return typeof body === "string" ? body : JSON.stringify(body);
}

/** The reply text of an OpenAI-shaped chat.completion or text_completion; undefined if absent. */
function replyText(route            , body         )                     {
  if (body === null || typeof body !== "object") return undefined;
  const choices = (body                         ).choices;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  const first = choices[0]                                  ;
  if (first === null || typeof first !== "object") return undefined;
  if (route === "completions") return typeof first.text === "string" ? first.text : undefined;
  const message = first.message                                              ;
  if (message === null || typeof message !== "object") return undefined;
  const content = message.content;
  if (typeof content === "string") return content;
  // The newer OpenAI shape: an array of typed parts.
  if (Array.isArray(content)) {
    const texts = content
      .map((p) => (p && typeof p === "object" ? (p                      ).text : undefined))
      .filter((t)              => typeof t === "string");
    if (texts.length > 0) return texts.join("");
  }
  // A reasoning model may spend a tiny max_tokens before any content; it still answered.
  if (content === null && typeof message.reasoning_content === "string") return message.reasoning_content;
  return undefined;
}

/** Trimmed, then cut by code point (never through a surrogate pair), without a space before the '…'. */
function excerpt(text        , max = REPLY_CHARS)         {
  return (0,format/* truncate */.xv)(text.trim(), max, { ellipsisAfter: true, trimCut: true });
}

;// CONCATENATED MODULE: ./build/smoke/answer.js
// What a 2xx answer means: a reply (measured, and through the gates) or a failure that says why
// not. Pure: the loop passes the answer, when it was sent and when its first token came, and a
// redactor for the token.



                                                       





                              
                    
                 
                
                                                                                                  
                    
                     
                        
 

                          
                                                     
                                                                           

/** `clean` takes the secrets out of a text; every piece of the model's text goes through it. */
function judgeAnswer(a             , gates            , clean                       )               {
  const streamed = typeof a.body === "string" ? streamedReply(a.route, a.body) : undefined;
  const text = streamed ? streamed.text : replyText(a.route, a.body);
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
  if (gate) return { kind: "fail", message: gate, status: a.status };
  return { kind: "pass", latencyMs, reply, measured: measure(streamed?.outputTokens, ttftMs, latencyMs) };
}

// EXTERNAL MODULE: ./build/friendli/advice.js
var friendli_advice = __webpack_require__(5220);
// EXTERNAL MODULE: ./build/friendli/retry.js
var retry = __webpack_require__(9120);
;// CONCATENATED MODULE: ./build/smoke/decide.js
// What the smoke test does after an attempt that did not pass: fail (with what message), switch
// from chat to completions, or try again (after how long). Pure: the loop in ./smoke-test.ts
// hands over where it stands and what came back, and applies the step it gets. The delays are in
// ../base/timing.ts with their reasons.






                                                         



/** What the loop carries from one attempt to the next. */
                          
                    
                                                                                       
                   
                                                                                                     
                  
                                                 
                
                                                                         
                                           
 

/** The times a decision weighs (clock times, ms). */
                             
              
                                                             
                    
                   
                            
                     
                                                                                          
                       
 

/** What an attempt that did not pass got: a non-2xx answer, or a request error (never "aborted"). */
                          
     
                     
                     
                                                                 
                      
                          
     
                                                                                

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

/** The failure when the run's deadline has come before the next attempt. */
function deadlineFailure(s         )               {
  const last = s.last ? `; last: ${s.last.text}` : "";
  return {
    kind: "fail",
    message: `the run's deadline passed before POST ${smokePath(s.route)} answered${last} (${attemptsText(s.total)})`,
    status: s.last?.status,
  };
}

function afterAttempt(s         , got              , t            )            {
  const path = smokePath(s.route);
  if (got.kind === "error") {
    if (got.errorKind === "deadline") {
      return { kind: "fail", message: `${got.message} (${attemptsText(s.total)})`, status: s.last?.status };
    }
    // A connection refused or reset while the engine's pods are swapped in is as transient as a
    // 503; a refused redirect or an untrusted certificate is not.
    if (got.errorKind !== "not-sent" && got.errorKind !== "ambiguous") {
      return { kind: "fail", message: got.message, status: got.status };
    }
    return retryStep({ ...s, last: { text: got.message } }, undefined, "a network error", t);
  }
  const said = got.detail ? `${got.status} (${got.detail})` : String(got.status);
  if (s.route === "chat" && saysNoChatTemplate(got.status, got.detail)) {
    return {
      kind: "fallback",
      next: {
        route: "completions",
        fellBack: `the model has no chat template (chat answered ${got.status}), and `,
        attempt: 0,
        total: s.total,
      },
      note: `Smoke test: chat answered ${said}; the model has no chat template, trying POST ${client/* COMPLETIONS_PATH */.Ov}`,
    };
  }
  if (!isTransientStatus(got.status)) {
    return {
      kind: "fail",
      message: `POST ${path} answered ${said}${hintFor(got.status)}`,
      status: got.status,
    };
  }
  return retryStep({ ...s, last: { text: said, status: got.status } }, got.retryAfter, String(got.status), t);
}

/** Another attempt after a wait, or why there will be none. `s.last` is what this attempt got. */
function retryStep(s         , retryAfter                    , reason        , t            )            {
  const path = smokePath(s.route);
  const lastText = s.last?.text ?? reason;
  const attempts = attemptsText(s.total);
  if (t.now >= t.windowEnd) {
    return {
      kind: "fail",
      message: `POST ${path} still answered ${lastText} after the ${(0,format/* formatDuration */.a3)(t.warmupMs, { tenths: true })} warm-up window (${attempts})`,
      status: s.last?.status,
    };
  }
  const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(retryAfter, t.now);
  const wanted = retryAfterMs ?? (0,backoff/* backoffDelay */.EY)(s.attempt, t.random, timing/* SMOKE_BACKOFF */.Ze);
  // Not the HTTP layer's clampRetryAfter: its floor (a second) and cap (a minute) suit API calls,
  // while here the engine is known to be coming up, so a short floor only stops a hot loop, and the
  // warm-up window is the cap: a longer wait would skip the last attempt, so it lands on the
  // window's end instead.
  const waitMs = Math.min(Math.max(wanted, timing/* SMOKE_MIN_WAIT_MS */.Wq), t.windowEnd - t.now);
  if (t.now + waitMs >= t.deadlineMs) {
    return {
      kind: "fail",
      message: `POST ${path} answered ${lastText}, and the run's deadline leaves no time to try again (${attempts})`,
      status: s.last?.status,
    };
  }
  const how = retryAfterMs !== undefined ? " (Retry-After)" : "";
  return {
    kind: "retry",
    next: s,
    waitMs,
    note: `Smoke test (${s.route}): attempt ${s.total + 1} after ${reason}, waiting ${(0,format/* formatDuration */.a3)(waitMs, { tenths: true })}${how}; warm-up window ends in ${(0,format/* formatDuration */.a3)(t.windowEnd - t.now, { tenths: true })}`,
    debug: `Smoke test (${s.route}): attempt ${s.total}: ${lastText}`,
  };
}

function hintFor(status        )         {
  const advice = (0,friendli_advice/* statusAdvice */.F)(status, "inference");
  return advice ? `: ${advice}` : "";
}

;// CONCATENATED MODULE: ./build/smoke/smoke-test.js
// The smoke test: after RUNNING, one small inference request proves the endpoint answers.
// A fresh engine answers 503 (and a busy one 429) for a while after Friendli reports RUNNING, so
// those are retried through a short warm-up window; everything else fails at once with what came
// back. A model without a chat template cannot serve the chat route at all, so that one error
// switches to the completions route instead of failing. The answer is streamed, so the test also
// measures the time to first token and the output rate, and can gate on them and on the reply.
// The loop is short: what each attempt's answer means is decided by pure pieces in ./smoke/
// (decide.ts: retry, wait, fall back or fail; answer.ts: the reply, its gates and measures).
                                              

                                             


                                                                         









const DEFAULT_WARMUP_MS = timing/* SMOKE_WARMUP_MS */.K_;
const DEFAULT_MAX_TOKENS = 16;

                             
     
               
                        
                    
                        
                                                                                                  
                      
                            
                                                                               
                               
     
                                                    

                            
                         
                     
                 
               
                      
                                                                 
                     
              
                                                                                     
                    
                     
                                                                                                           
                     
                                                        
                   
                                                           
                  
                                                                               
                     
 

async function smokeTest(opts                  )                           {
  const { client, endpointId, clock, signal, deadlineMs, log } = opts;
  const warmupMs = opts.warmupMs ?? DEFAULT_WARMUP_MS;
  const maxTokens = opts.maxTokens ?? DEFAULT_MAX_TOKENS;
  const clean = (s        ) => (0,redact/* redact */.E$)(s, client.http.secrets);
  const send = sender(opts, maxTokens);
  const windowEnd = clock.now() + warmupMs;
  let s          = { route: opts.route ?? "chat", fellBack: "", attempt: 0, total: 0 };
  const fail = (step              )                  => {
    const message = clean(`smoke test failed: ${s.fellBack}${step.message}`);
    return step.status === undefined ? { ok: false, message } : { ok: false, message, status: step.status };
  };

  log.info(
    `Smoke test: POST ${smokePath(s.route)} (model ${endpointId}, max_tokens ${maxTokens}${(opts.stream ?? true) ? ", streamed" : ""}), warm-up window ${(0,format/* formatDuration */.a3)(warmupMs, { tenths: true })}`,
  );
  for (;;) {
    // Cancellation is not a smoke-test verdict: the caller reports the run as cancelled.
    if (signal.aborted) throw (0,errors/* abortedError */.i)(s.route, signal.reason, "smoke test");
    if (clock.now() >= deadlineMs) return fail(deadlineFailure(s));
    s = { ...s, attempt: s.attempt + 1, total: s.total + 1 };
    const startedAt = clock.now();
    const sent = await send(s.route);
    if ("answer" in sent && sent.answer.status >= 200 && sent.answer.status < 300) {
      const { status, body } = sent.answer;
      const a = {
        route: s.route,
        status,
        body,
        startedAt,
        finishedAt: clock.now(),
        firstTokenAt: sent.firstTokenAt,
      };
      const verdict = judgeAnswer(a, opts, clean);
      if (verdict.kind === "fail") return fail(verdict);
      const { latencyMs, reply, measured } = verdict;
      log.info(
        `Smoke test passed: ${s.route} answered ${status} in ${Math.round(latencyMs)} ms after ${attemptsText(s.total)}${describeMeasure(measured)}`,
      );
      return { ok: true, latencyMs, reply, route: s.route, ...measured };
    }
    const got               = "error" in sent ? sent.error : outcomeOf(sent.answer, clean);
    const step = afterAttempt(s, got, {
      now: clock.now(),
      windowEnd,
      warmupMs,
      deadlineMs,
      random: () => clock.random(),
    });
    if (step.kind === "fail") return fail(step);
    log.info(step.note);
    s = step.next;
    if (step.kind === "retry") {
      log.debug(step.debug);
      try {
        await clock.sleep(step.waitMs, signal);
      } catch (err) {
        throw (0,errors/* abortedError */.i)(s.route, err, "smoke test");
      }
    }
  }
}

           
                                                  
                                                        

/**
 * Sends one request on a route, watching for its first token. Each is sent once (retry "never"):
 * the loop decides what a 503 from a warming engine means. Errors other than a request's failure
 * (cancellation, a bug) are thrown.
 */
function sender(opts                  , maxTokens        )                                       {
  const { client, endpointId, prompt, clock } = opts;
  const streaming = (opts.stream ?? true) ? { stream: true, stream_options: { include_usage: true } } : {};
  return async (route) => {
    let firstTokenAt                    ;
    const watch = firstTokenWatch(route);
    const onChunk = (piece        ) => {
      if (firstTokenAt === undefined && watch(piece)) firstTokenAt = clock.now();
    };
    try {
      const answer =
        route === "chat"
          ? await client.chat(
              {
                model: endpointId,
                messages: [{ role: "user", content: prompt }],
                max_tokens: maxTokens,
                ...streaming,
              },
              onChunk,
            )
          : await client.completions(
              { model: endpointId, prompt, max_tokens: maxTokens, ...streaming },
              onChunk,
            );
      return { answer, firstTokenAt };
    } catch (err) {
      if (!(err instanceof errors/* ApiError */.h) || err.kind === "aborted") throw err;
      return { error: { kind: "error", errorKind: err.kind, message: err.message, status: err.status } };
    }
  };
}

/** A non-2xx answer as the decision sees it: the server's detail redacted and cut. */
function outcomeOf(answer             , clean                       )               {
  const d = (0,error_body/* errorDetail */.m2)(bodyText(answer.body));
  const detail = d === undefined ? undefined : (0,format/* truncate */.xv)(clean(d), MAX_DETAIL, { ellipsisAfter: true });
  return { kind: "answer", status: answer.status, detail, retryAfter: answer.retryAfter };
}

;// CONCATENATED MODULE: ./build/operations/smoke.js
// RUNNING is Friendli's word; one small completion is the proof that the endpoint answers.

                                                       


                                                     

/** `route`: the one the pre-flight chose from the model's chat template; chat when unknown. */
async function runSmokeTest(
  op                  ,
  endpointId        ,
  route             ,
)                {
  if (!op.inputs.wait) {
    op.log.warning("smoke-test needs wait: true (an endpoint that is not RUNNING cannot answer); skipped");
    return;
  }
  // A SLEEPING endpoint (min replicas 0) counts as deployed, and the smoke test's request is what
  // wakes it: that can take minutes, so it may use the rest of the run rather than the usual window.
  const asleep = op.report.status?.trim().toUpperCase() === "SLEEPING";
  const r = await smokeTest({
    ...(asleep ? { warmupMs: Math.max(0, op.deadlineMs - op.clock.now()) } : {}),
    client: op.client,
    endpointId,
    prompt: op.inputs.smokeTestPrompt,
    clock: op.clock,
    signal: op.signal,
    deadlineMs: op.deadlineMs,
    log: op.log,
    ...(route ? { route } : {}),
    ...(op.inputs.smokeTestExpect !== undefined ? { expect: op.inputs.smokeTestExpect } : {}),
    ...(op.inputs.smokeTestMaxTtftMs !== undefined ? { maxTtftMs: op.inputs.smokeTestMaxTtftMs } : {}),
  });
  if (!r.ok) throw new OperationFailure(r.message, "failed");
  op.report.smokeTest = {
    latencyMs: r.latencyMs,
    reply: r.reply,
    route: r.route,
    ...(r.ttftMs !== undefined ? { ttftMs: r.ttftMs } : {}),
    ...(r.outputTokens !== undefined ? { outputTokens: r.outputTokens } : {}),
    ...(r.tokensPerSecond !== undefined ? { tokensPerSecond: r.tokensPerSecond } : {}),
  };
  op.log.info(`Smoke test (${r.route}) answered in ${r.latencyMs} ms: ${r.reply}`);
}

// EXTERNAL MODULE: ./build/inputs/preview-names.js
var preview_names = __webpack_require__(813);
;// CONCATENATED MODULE: ./build/operations/sweep-run.js
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
    ...(op.inputs.gpuHourlyPrice === undefined ? {} : { pricePerGpuHour: op.inputs.gpuHourlyPrice }),
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
  op.log.info("dry-run: nothing was deleted.");
}

/** Deletes what the plan doomed; one failure stops none of the others but fails the run at the end. */
async function executeSweep(op                  , plan           )                {
  const report = await startReport(op, plan);
  const [{ deletePlanned }, ledger] = await Promise.all([__webpack_require__.e(/* import() */ 408).then(__webpack_require__.bind(__webpack_require__, 8408)), ledgerOf(op)]);
  await deletePlanned({ client: op.client, log: op.log, signal: op.signal, ledger }, report, op.secrets);
  if (!op.signal.aborted) await recordSweepCosts(op, report);
  if (!op.signal.aborted && op.inputs.githubDeployment) await closeOrphans(op, report);
  const failure = sweep_run_sweepOutcome(op).error;
  if (failure) throw failure;
}

/**
 * What each deleted preview cost until now, from the team cost report: one read for all of them,
 * on the report's own budget; a report that cannot be read leaves the column empty (a debug line).
 */
async function recordSweepCosts(op                  , report                      )                {
  const deleted = report.rows.filter((r) => r.action === "deleted");
  if (deleted.length === 0 || !op.clientUntil) return;
  const { readCostToDate } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5848));
  const client = op.clientUntil(op.clock.now() + timing/* COST_REPORT_BUDGET_MS */.ky);
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
  const { retireOrphans } = await __webpack_require__.e(/* import() */ 596).then(__webpack_require__.bind(__webpack_require__, 5596));
  const found = new Set(report.rows.map((r) => r.name));
  report.closed = await retireOrphans({
    ...ledgerOptions(op),
    missing: (e) =>
      e.projectId === op.inputs.projectId &&
      !found.has(e.name) &&
      (0,preview_names/* parsePreviewName */.D2)(e.name, matcherOf(op)) !== undefined,
    gone: (id) =>
      op.client.status(id).then(
        () => false,
        (err) => err instanceof errors/* ApiError */.h && err.status === 404,
      ),
  });
  for (const name of report.closed)
    op.log.info(
      `No endpoint of the preview ${JSON.stringify(name)} is left: its deployments were marked inactive`,
    );
}

/** With `github-deployment: true`, each deleted preview's deployments are marked inactive. */
async function ledgerOf(op                  )                                   {
  if (!op.inputs.githubDeployment) return undefined;
  const { sweepLedger } = await __webpack_require__.e(/* import() */ 596).then(__webpack_require__.bind(__webpack_require__, 5596));
  return sweepLedger(ledgerOptions(op));
}

function ledgerOptions(op                  ) {
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
  const report = startSweepReport(plan.rows, plan.othersLeftAlone, op.inputs.dryRun, op.log);
  op.report.sweep = {
    ...report,
    dryRun: op.inputs.dryRun,
    ...(op.inputs.maxAgeMs === undefined ? {} : { maxAgeMs: op.inputs.maxAgeMs }),
  };
  return op.report.sweep;
}

/** The sweep's failures (PR reads, deletes) as the error that fails the run, once all is done. */
function sweep_run_sweepOutcome(op                  )                               {
  const failures = op.report.sweep?.failures ?? [];
  if (failures.length === 0) return {};
  const head =
    failures.length === 1
      ? "The sweep failed:"
      : `The sweep failed ${failures.length} times (the rest went through):`;
  return { error: new OperationFailure([head, ...failures.map((f) => `- ${f}`)].join("\n"), "failed") };
}

;// CONCATENATED MODULE: ./build/operations/update.js
// Carrying out a planned update: a new version with every requested setting, so an update
// converges on what the workflow says.

                                                           
                                                                 
                                            


/** Sends the PUT; returns when it was sent, from which on an updatedAt is the new version's. */
async function updateEndpoint(
  op                  ,
  plan      ,
  endpoint               ,
  body                    ,
)                  {
  op.log.info(`Updating endpoint ${endpoint.id}: new version with the requested settings`);
  op.remember(endpoint.id, false);
  const sentAtMs = op.clock.now();
  await op.client.update(endpoint.id, body);
  // The PUT answers the spec, not the status: without a wait, the only status known would be the
  // one listed before the update (RUNNING while it is UPDATING). Read it once.
  if (!plan.wait) await readStatusOnce(op, endpoint.id);
  return sentAtMs;
}

/** One status read for the outputs; the write already succeeded, so a failed read only warns. */
async function readStatusOnce(op                  , endpointId        )                {
  try {
    recordStatus(op.report, await op.client.status(endpointId));
  } catch (err) {
    if (op.signal.aborted) throw err;
    op.log.warning(
      `Endpoint ${endpointId} was updated, but its status could not be read: ${(0,redact/* formatError */.Wk)(err, op.client.http.secrets)}`,
    );
  }
}

;// CONCATENATED MODULE: ./build/operations/index.js
// One run of an operation, in one direction: look the endpoint up, make the plan, then either show
// it (dry run) or carry it out. Never throws: what ended the run goes back to main.ts with the plan
// it was carrying out, and src/plan/result.ts turns both into `result`.



                                                  















                        
              
                  
                                                                            
                       
 

async function runOperation(op                  )                        {
  const { inputs, report } = op;
  let plan                  ;
  try {
    if (inputs.operation === "deploy") recordRequested(report, inputs);
    const memory               = { listed: new Set(), specs: new Map(), lookedUpAtMs: op.clock.now() };
    // A sweep replaces the one-endpoint lookup by the preview listing and its PRs' states.
    plan =
      inputs.operation === "sweep"
        ? plan_plan(inputs, { found: undefined, sweep: await sweepFacts(op) })
        : await lookupAndPlan(op, memory);
    if (inputs.dryRun && plan.action.kind === "sweep") {
      await showSweep(op, plan.action);
      return { plan, ...sweep_run_sweepOutcome(op) };
    }
    if (inputs.dryRun) {
      showPlan(op, plan);
      // A plan that refuses fails the dry run as it would fail the run (execute throws below).
      if (plan.action.kind !== "fail") return { plan };
    } else op.log.debug(describePlan(plan));
    await execute(op, plan, memory);
    return { plan };
  } catch (error) {
    if (error instanceof RolledBack && plan) return { plan, error: error.failure, rolledBack: true };
    return plan ? { plan, error } : { error };
  }
}

async function lookupAndPlan(op                  , memory              )                {
  const { inputs, report } = op;
  // Before this run records anything: the history as the previous runs left it.
  const ledger = op.ledger ? await op.ledger.read() : {};
  memory.lookedUpAtMs = op.clock.now();
  const found = await withStatus(
    op,
    ledger,
    await (0,lookup/* lookupEndpoint */.sS)(op.client, inputs, {
      signal: op.signal,
      listed: memory.listed,
      cache: memory.specs,
      // An endpoint-id is checked against project-id before anything changes it.
      forWrite:
        inputs.operation === "delete" || (inputs.operation === "deploy" && inputs.ifExists === "update"),
      ...remembered(op, ledger),
    }),
  );
  let plan = plan_plan(inputs, { found, ledger });
  if (needsPreflight(inputs, plan)) {
    // Before anything is created or updated: a model Friendli cannot deploy fails here, unbilled.
    const pre = await preflightStep(op);
    plan = plan_plan(inputs, {
      found,
      ledger,
      findings: pre.findings,
      ...(pre.revision ? { revision: pre.revision } : {}),
      ...(pre.smokeRoute ? { smokeRoute: pre.smokeRoute } : {}),
    });
  }
  if (plan.action.kind === "update") showLedgerDecisions(op, plan.action);
  if (found) recordFound(report, found);
  if (inputs.operation === "deploy" || inputs.operation === "status")
    recordHourlyCost(report, plan, found, inputs, op.log);
  if (found && inputs.operation === "status") report.hint = (0,error_codes/* errorHint */.c$)(found.status?.errorCode);
  return plan;
}

/**
 * What the ledger changed in an update, said before the PUT: drift (settings changed outside the
 * action, which the update puts back) as a warning in the log and the summary, and the settings a
 * rollback would send (a dry run shows both in its plan).
 */
function showLedgerDecisions(
  op                  ,
  action                                             ,
)       {
  if (action.drift) {
    const message =
      `Drift on endpoint ${action.endpoint.id}: its ${action.drift.join(", ")} differ from the settings ` +
      `the last successful deployment recorded (changed outside this action); updating to the requested settings`;
    op.report.warnings.push(message);
    op.log.warning(message);
  }
  if (action.rollback && !op.inputs.dryRun) op.log.info(describeRollback(action.rollback));
}

/** The endpoint id the ledger remembers for this name, for the lookup to confirm with one GET. */
function remembered(op                  , ledger            )                                    {
  const { inputs, log } = op;
  if (inputs.endpointId) return {};
  const id = (0,ledger_ledger/* rememberedEndpointId */.Ft)(ledger, inputs.name, inputs.projectId);
  if (!id) return {};
  return {
    remembered: {
      id,
      // A delete needs no status; a deploy decides on it (no-op or not), a status check reports it.
      readStatus: inputs.operation !== "delete",
      onMiss: (reason) =>
        log.info(
          `The ledger's endpoint ${id} is not "${inputs.name}" any more (${reason}): looking the name up`,
        ),
    },
  };
}

/**
 * A lookup by endpoint-id for a write reads the spec only; whether a deploy is a no-op depends on
 * the status too, so it is read when the ledger could make it one.
 */
async function withStatus(
  op                  ,
  ledger            ,
  found                           ,
)                                     {
  if (!found || found.status || !mayBeUnchanged(op.inputs, ledger)) return found;
  return { ...found, status: await op.client.status(found.id) };
}

function mayBeUnchanged(inputs        , ledger            )          {
  return (
    inputs.operation === "deploy" &&
    inputs.ifExists === "update" &&
    inputs.ifUnchanged === "skip" &&
    ledger.lastSuccess !== undefined
  );
}

function showPlan(op                  , plan      )       {
  const request = plannedRequest(plan);
  if (request) op.report.plannedRequest = request;
  op.log.info(describePlan(plan));
  op.log.info(describeRequest(request, op.inputs.apiUrl));
}

/** Carries the plan out: the one write it names, then the wait and the smoke test. */
async function execute(op                  , plan      , memory              )                {
  const a = plan.action;
  switch (a.kind) {
    case "fail":
      throw new OperationFailure(a.message, "failed");
    case "nothing":
      op.log.info(a.reason);
      return;
    case "delete":
      await deleteEndpoint(op, plan, a.endpoint);
      return op.ledger?.retire(a.endpoint.id);
    case "create": {
      // What is sent, the commit the pre-flight pinned included, is what the ledger records.
      const settings = requestedSettings(op.inputs, a.request.body.hfModelRepoRevision);
      let id        ;
      let sent = false;
      const sending                   = {
        ...op,
        noteCreate: (facts) => {
          sent = true;
          op.noteCreate(facts);
        },
      };
      try {
        id = await createEndpoint(sending, a.request.body, memory);
      } catch (err) {
        // A create that went out and may have made an endpoint is recorded without an id; one the
        // API refused (or that never left) made nothing, and leaves no record.
        if (sent && createMayHaveActed(err)) await op.ledger?.begin(undefined, settings, "Create");
        throw err;
      }
      await op.ledger?.begin(id, settings, "Create");
      return afterwards(op, plan, id);
    }
    case "update": {
      const settings = requestedSettings(op.inputs, a.request.body.hfModelRepoRevision);
      await op.ledger?.begin(a.endpoint.id, settings, "Update");
      const sentAtMs = await updateEndpoint(op, plan, a.endpoint, a.request.body);
      try {
        if (plan.wait) await awaitEndpoint(op, a.endpoint.id, plan.wait, sentAtMs);
      } catch (err) {
        if (a.rollback && rollsBack(err) && (await rollBack(op, a.endpoint, a.rollback, err))) {
          throw new RolledBack(err);
        }
        throw err;
      }
      return afterwards(op, { ...plan, wait: undefined }, a.endpoint.id);
    }
    case "sweep":
      return executeSweep(op, a);
    case "unchanged":
      op.log.info(
        `Endpoint ${a.endpoint.id}${statusOf(a.endpoint)} already serves these settings (GitHub deployment ` +
          `${a.entry.deploymentId}): no update sent (\`if-unchanged: skip\`)`,
      );
      await op.ledger?.begin(a.endpoint.id, requestedSettings(op.inputs), "Unchanged");
      return afterwards(op, plan, a.endpoint.id);
    case "reuse":
      if (plan.operation === "deploy")
        op.log.info(`Reusing endpoint ${a.endpoint.id}${statusOf(a.endpoint)} as it is`);
      return afterwards(op, plan, a.endpoint.id);
  }
}

async function afterwards(op                  , plan      , id        )                {
  if (plan.wait) await awaitEndpoint(op, id, plan.wait);
  if (plan.smokeTest) await runSmokeTest(op, id, plan.smokeRoute);
}

function statusOf(found               )         {
  return found.status ? ` (${found.status.status})` : "";
}

// EXTERNAL MODULE: ./build/friendli/schemas.js
var schemas = __webpack_require__(4214);
;// CONCATENATED MODULE: ./build/report/outputs.js
// The step's outputs (action.yml), written on success and on failure alike: whatever the run
// learned, '' for what it did not. Pure, so main.ts is the only place that touches @actions/core.




                                                 

                                                                           

/** The typed values behind the outputs: numbers stay numbers and unknowns are null, for `json`. */
function values(r           )          {
  return {
    [names/* Output */.k7.endpointId]: shaped(r.endpointId, schemas/* ENDPOINT_ID */.ct),
    [names/* Output */.k7.endpointName]: r.endpointName || null,
    [names/* Output */.k7.modelRevision]: shaped(r.model?.revision, COMMIT),
    [names/* Output */.k7.status]: shaped(r.status, schemas/* UPPER_WORD */.c5),
    [names/* Output */.k7.phase]: shaped(r.phase, schemas/* UPPER_WORD */.c5),
    [names/* Output */.k7.errorCode]: shaped(r.errorCode, schemas/* UPPER_WORD */.c5),
    [names/* Output */.k7.createdAt]: timestamp(r.createdAt),
    [names/* Output */.k7.updatedAt]: timestamp(r.updatedAt),
    [names/* Output */.k7.result]: r.result,
    [names/* Output */.k7.inferenceUrl]: r.inferenceUrl || null,
    [names/* Output */.k7.elapsedSeconds]: elapsedSeconds(r),
    [names/* Output */.k7.smokeTestLatencyMs]: r.smokeTest ? Math.round(r.smokeTest.latencyMs) : null,
    [names/* Output */.k7.smokeTestTtftMs]: measured(r.smokeTest?.ttftMs, 0),
    [names/* Output */.k7.smokeTestTokensPerSecond]: measured(r.smokeTest?.tokensPerSecond, 1),
    [names/* Output */.k7.deploymentId]: r.deployment?.id ?? null,
    [names/* Output */.k7.hourlyCostUsd]: r.cost?.hourly ? r.cost.hourly.maxUsd : null,
  };
}

/** A model commit, as the inputs and the pre-flight give it: 40 hex digits. */
const COMMIT = /^[0-9a-f]{40}$/;

// RFC 3339's date-time: the API's looser timestamp shape lets `::` and spaces through, which a later
// step that echoes the output would hand to the runner as a command.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * A strict RFC 3339 timestamp, printed from the value parsed (UTC, `Z`; milliseconds when it had a
 * fraction), or null: the output is then our own text, never the server's.
 */
function timestamp(value                           )                {
  const m = value ? RFC3339.exec(value) : null;
  if (!m || !value) return null;
  const [, y, mo, d, h, mi, s, , oh, om] = m.map(Number);
  const daysInMonth = new Date(Date.UTC(y ?? 0, mo ?? 0, 0)).getUTCDate();
  if ((mo ?? 0) < 1 || (mo ?? 0) > 12 || (d ?? 0) < 1 || (d ?? 0) > daysInMonth) return null;
  if ((h ?? 0) > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59 || (oh ?? 0) > 23 || (om ?? 0) > 59) return null;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  // Milliseconds when the value had a fraction, as the API wrote it; none when it had none.
  const iso = new Date(ms).toISOString();
  return m[7] ? iso : iso.replace(/\.\d{3}Z$/, "Z");
}

/** A measure rounded to `digits` decimals, or null when it was not measured. */
function measured(value                    , digits        )                {
  if (value === undefined || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * The value when it has the shape the API schemas check (friendli/schemas.ts), else null. The
 * schemas already turn a misshapen API field into an API error; this keeps any other path to an
 * output (a report filled in elsewhere) from handing a workflow a line break or `::`.
 */
function shaped(value                           , shape        )                {
  return value && shape.test(value) ? value : null;
}

/** Wall time of the run in seconds, to a tenth: precise enough to compare runs, short to read. */
function elapsedSeconds(r           )         {
  const ms = Math.max(0, r.finishedAtMs - r.startedAtMs);
  return Math.round(ms / 100) / 10;
}

function buildOutputs(r           )                             {
  const typed = values(r);
  const out = {}                              ;
  for (const [name, value] of Object.entries(typed)                                                  ) {
    out[name] = value === null ? "" : String(value);
  }
  // Money keeps its two decimals in the output ("10.00"); `json` holds the number.
  out[names/* Output */.k7.hourlyCostUsd] = (0,estimate/* hourlyCostOutput */.aY)(r.cost?.hourly);
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

/** One run as the steps below share it. */
               
                
              
                    
                    
                                                     
                                  
                  
                       
                                                            
                      
 

async function run(overrides                   = {})                     {
  const given          = {
    env: process.env,
    clock: clock/* systemClock */.m,
    signal: new AbortController().signal,
    core: lib_core,
    ...overrides,
  };
  const secrets = maskSecrets(given.core);
  // Every sink redacted and every log line unable to form a workflow command (base/safe-text.ts).
  const deps          = { ...given, core: (0,safe_text/* guardCore */.nj)(given.core, secrets) };
  const { core } = deps;
  const report = newReport(core, deps.clock);
  const r      = {
    deps,
    log: { info: core.info, warning: core.warning, debug: core.debug },
    secrets,
    report,
    warn: (message) => {
      report.warnings.push(message);
      core.warning(message);
    },
  };
  try {
    r.context = (0,context/* readRunContext */.$)(deps.env);
    const parsed = (0,inputs_inputs/* parseInputs */.TL)((name) => core.getInput(name), r.context, core.debug);
    if (parsed.kind !== "ok") {
      if (parsed.kind === "invalid") report.message = invalidInputsMessage(parsed.problems);
      else r.warn(parsed.reason);
      report.result = resultOf({ stage: "inputs", skipped: parsed.kind === "skip" });
      return await finish(r);
    }
    r.inputs = parsed.inputs;
    report.operation = r.inputs.operation;
    if (r.inputs.operation !== "sweep") report.endpointName = r.inputs.name;
    if (/^(main|master)$/.test(r.context.actionRef)) {
      r.warn(
        `This action is used at @${r.context.actionRef}: pin it to a release tag or commit for reproducible deploys`,
      );
    }
    const ignored = (0,inputs_inputs/* ignoredSmokeGates */.ez)(r.inputs);
    if (ignored) r.warn(ignored);
    await operate(r, r.inputs, r.context);
  } catch (err) {
    report.result = "failed";
    report.message = (0,redact/* formatError */.Wk)(err, r.secrets);
  }
  return await finish(r);
}

/** The Friendli client for a given deadline: the run's, the rollback's, the clean-up's. */
function clientsFor(deps         , inputs        , log        )                                         {
  return (deadlineMs) => new client/* FriendliClient */.rH((0,client_options/* friendliHttpOptions */.a)(inputs, deps, deadlineMs, log));
}

/** Runs the operation, sets `result` from how it went, and cleans up after a failure. */
async function operate(r     , inputs        , context            )                {
  const { deps, report, log } = r;
  const { clock, signal, core } = deps;
  const clientUntil = clientsFor(deps, inputs, log);
  const deadlineMs = report.startedAtMs + inputs.waitTimeoutMs;
  const saved = savedForPostStep(r);
  const ledger = openLedgerRun({
    inputs,
    context,
    apiUrl: deps.env.GITHUB_API_URL,
    log,
    secrets: r.secrets,
    signal,
    report,
    saveDeploymentId: (id) => core.saveState(names/* State */.Uw.deploymentId, String(id)),
  });
  const op                   = {
    inputs,
    run: context,
    client: clientUntil(deadlineMs),
    clock,
    signal,
    deadlineMs,
    log,
    report,
    secrets: r.secrets,
    env: deps.env,
    ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}),
    ...saved.hooks,
    ledger,
    clientUntil,
  };
  const { plan, error, rolledBack } = await runOperation(op);
  if (error !== undefined) report.message = (0,redact/* formatError */.Wk)(error, r.secrets);
  report.result = resultOf({
    stage: "plan",
    dryRun: inputs.dryRun,
    aborted: signal.aborted,
    error,
    ...(plan ? { plan } : {}),
    ...(rolledBack ? { rolledBack } : {}),
  });
  await ledger.end(report.result);
  // The cost so far is a courtesy on a budget of its own, after a run that went well: after a
  // failure the run ends without another request (a refused token would be refused again).
  if (!FAILURE_RESULTS.has(report.result)) {
    if (!signal.aborted)
      await recordCostSoFar(report, { inputs, clientUntil, now: () => clock.now(), log, secrets: r.secrets });
    return;
  }
  const facts = {
    result: report.result,
    operation: inputs.operation,
    createdHere: report.createdByThisRun === true,
    // A create went out, yet whether it made this endpoint is unknown: its answer was lost.
    unproven: saved.createSent() && report.endpointId !== undefined && report.createdByThisRun === undefined,
    createSent: saved.createSent(),
    teamId: inputs.teamId,
    name: inputs.name,
    projectId: inputs.projectId,
    ifExists: inputs.ifExists,
    deleteOnFailure: inputs.deleteOnFailure,
    ...(report.endpointId ? { endpointId: report.endpointId } : {}),
    ...(report.endpointName ? { endpointName: report.endpointName } : {}),
  };
  await afterFailure(report, facts, {
    clientUntil,
    clock,
    log,
    warn: r.warn,
    secrets: r.secrets,
    owe: saved.hooks.noteDeleteOwed,
  });
  if (report.deletedAfterFailure && report.endpointId) await ledger.retire(report.endpointId);
}

/**
 * The state the post step reads, saved as the run learns it: the create's facts (before the first
 * create goes out, so a cancellation before its id is known still leaves the post step what it
 * needs to prove which endpoint, if any, that create made), a DELETE the run owes, and the endpoint.
 */
function savedForPostStep(r     ) {
  const { core } = r.deps;
  let createSent = false;
  const hooks                                                                       = {
    noteCreate: (facts) => {
      if (!createSent) {
        core.saveState(names/* State */.Uw.createSentAt, String(r.deps.clock.now()));
        core.saveState(names/* State */.Uw.lookupIds, [...facts.lookupIds].join(","));
      }
      createSent = true;
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
  return { hooks, createSent: () => createSent };
}

/** Outputs, state, summary, PR comment and the step's failure: everything the run reports. */
async function finish(r     )                     {
  const { report, inputs, context, log, secrets } = r;
  const { core, clock, signal } = r.deps;
  report.finishedAtMs = clock.now();
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
    const unconfirmed = (report.sweep?.rows ?? [])
      .filter((row) => row.action === "pending")
      .map(({ id, name, prNumber }) => ({ id, name, prNumber }));
    if (unconfirmed.length > 0) core.saveState(names/* State */.Uw.sweepUnconfirmed, JSON.stringify(unconfirmed));
  } catch (err) {
    log.warning(`state for the post step not saved: ${(0,redact/* formatError */.Wk)(err, secrets)}`);
  }
  await writeSummary(core, report, log);
  // No request after a cancellation; the comment never fails the step.
  // A sweep acts on many PRs' previews, none of them this event's: it comments on no PR.
  if (inputs?.prComment && inputs.operation !== "sweep" && context?.pullRequest && !signal.aborted) {
    const { upsertPrComment } = await __webpack_require__.e(/* import() */ 191).then(__webpack_require__.bind(__webpack_require__, 2191));
    await upsertPrComment({
      report,
      context,
      token: inputs.githubToken,
      apiUrl: r.deps.env.GITHUB_API_URL,
      log,
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
  const operation = core.getInput(names/* Input */.pd.operation);
  return {
    // Known before the inputs are validated, so even a bad-input failure is headed by its operation.
    operation:
      operation === "delete" || operation === "status" || operation === "sweep" ? operation : "deploy",
    result: "failed",
    startedAtMs: clock.now(),
    finishedAtMs: clock.now(),
    timeline: [],
    warnings: [],
  };
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

async function writeSummary(core      , report           , log        )                {
  try {
    await core.summary.addRaw((0,summary/* renderSummary */.Br)(report)).write();
  } catch (err) {
    log.debug(`job summary not written: ${String(err)}`);
  }
}


/***/ }),

/***/ 9351:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BN: () => (/* binding */ findingAnnotation),
/* harmony export */   _O: () => (/* binding */ renderPreflight),
/* harmony export */   hq: () => (/* binding */ findingLines)
/* harmony export */ });
/* harmony import */ var _base_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6963);
// The pre-flight's findings as the job summary and the dry run show them. Messages hold a repo name
// and commit the user or the Hub supplied, so every one is escaped here.


                                                                     

const MARK                           = { fail: "❌", warn: "⚠️", info: "✅" };
const WORD                           = { fail: "fail", warn: "warning", info: "ok" };

/** One plain line per finding, for the log and the dry run: "pre-flight fit: warning: …". */
function findingLines(findings                    )           {
  return findings.map((f) => `pre-flight ${f.check}: ${WORD[f.severity]}: ${f.message}`);
}

/** A warning finding as an annotation: the runner already says "warning", so the line does not. */
function findingAnnotation(f         )         {
  return `pre-flight ${f.check}: ${f.message}`;
}

function row(f         )         {
  return `| ${MARK[f.severity]} | ${f.check} | ${(0,_base_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(f.message)} |`;
}

/** A summary section: the verdict, then a table of findings. */
function renderPreflight(r                 )         {
  const verdict = !r.ok
    ? "failed: nothing was created or updated"
    : r.checked
      ? "passed"
      : "skipped: the Hub could not be asked";
  const seconds = (r.elapsedMs / 1000).toFixed(1);
  return [
    `### Pre-flight ${verdict} (${seconds} s)`,
    "",
    "| | check | finding |",
    "| --- | --- | --- |",
    ...r.findings.map(row),
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
  YQ: () => (/* binding */ endpointFate),
  Br: () => (/* binding */ renderSummary),
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
};

/** A GitHub summary renders thousands of rows slowly; the rest is counted, not listed. */
const MAX_ROWS = 200;

                               
                  
                                                                  
                  
                                                                                                
                  
 

function renderSweepSummary(r             , opts                     )         {
  const result = opts.result ?? r.result;
  const parts = [`## ${HEADINGS[result] ?? `Friendli sweep: ${result}`}`, intro(r, opts)];
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
  const facts = [
    `${r.rows.length} preview endpoint(s) of this repository`,
    opts.dryRun ? `${count("would-delete")} would be deleted` : `${count("deleted")} deleted`,
    `${count("kept")} kept`,
  ];
  if (count("delete-failed") > 0) facts.push(`${count("delete-failed")} could not be deleted`);
  if (count("pending") > 0) facts.push(`${count("pending")} not confirmed deleted (the run stopped)`);
  if (r.othersLeftAlone > 0) facts.push(`${r.othersLeftAlone} other endpoint(s) of the project left alone`);
  const age = opts.maxAge ? ` max-age: ${(0,markdown/* escapeMarkdown */.FV)(opts.maxAge)}.` : "";
  const dry = opts.dryRun ? " `dry-run: true`: nothing was deleted." : "";
  return `${facts.join(" · ")}.${age}${dry}`;
}

function table(rows            )         {
  const lines = ["| Endpoint | PR | State | Age | Action | Why |", "| --- | --- | --- | --- | --- | --- |"];
  for (const row of rows.slice(0, MAX_ROWS)) {
    lines.push(
      `| ${esc(row.name)} (${esc(row.id)}) | #${row.prNumber} | ${prState(row)} | ${formatAge(row.ageMs)} | ` +
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
  const doomed = rows.filter((r) => r.action === "deleted" || r.action === "would-delete");
  if (!doomed.some((r) => r.hourlyUsd !== undefined || r.costToDateUsd !== undefined)) return undefined;
  // A dry run reads no cost report: only what deleting would free.
  const frees = dryRun ? "Would free per hour" : "Frees per hour";
  const cells = (row                                                 ) =>
    dryRun ? `| ${row.name} | ${row.hourly} |` : `| ${row.name} | ${row.soFar} | ${row.hourly} |`;
  const lines = [
    "### What they cost",
    "",
    cells({ name: "Endpoint", soFar: "Cost so far", hourly: `${frees} (at max replicas)` }),
    dryRun ? "| --- | --- |" : "| --- | --- | --- |",
  ];
  for (const row of doomed.slice(0, MAX_ROWS)) {
    lines.push(
      cells({
        name: `${esc(row.name)} (${esc(row.id)})`,
        soFar: row.costToDateUsd === undefined ? "unknown" : (0,estimate/* usd */.dR)(row.costToDateUsd),
        hourly: row.hourlyUsd === undefined ? "unknown" : `${(0,estimate/* usd */.dR)(row.hourlyUsd)}/h`,
      }),
    );
  }
  if (doomed.length > MAX_ROWS)
    lines.push(cells({ name: `and ${doomed.length - MAX_ROWS} more`, soFar: "", hourly: "" }));
  const sum = (values                           ) =>
    Math.round(values.reduce        ((n, v) => n + (v ?? 0), 0) * 100) / 100;
  const partial = (values                           ) =>
    values.includes(undefined) ? " (of those known)" : "";
  const soFar = doomed.map((r) => r.costToDateUsd);
  const hourly = doomed.map((r) => r.hourlyUsd);
  lines.push(
    cells({
      name: "**Total**",
      soFar: `${(0,estimate/* usd */.dR)(sum(soFar))}${partial(soFar)}`,
      hourly: `${(0,estimate/* usd */.dR)(sum(hourly))}/h${partial(hourly)}`,
    }),
  );
  return lines.join("\n");
}

function prState(row          )         {
  switch (row.pr.kind) {
    case "open":
      return "open";
    case "closed":
      return row.pr.merged ? "merged" : "closed";
    case "unknown":
      return "unknown (404)";
    case "unreadable":
      return "unknown (unreadable answer)";
    case "error":
      return "unknown (error)";
  }
}

/** For the log and the summary: "3h 05m", or "unknown". */
function formatAge(ageMs                    )         {
  return ageMs === undefined ? "unknown" : (0,format/* formatDuration */.a3)(ageMs);
}

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
  unchanged: { icon: "✅", text: "Endpoint unchanged (same settings already serving)" },
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
};

/** Results after which the endpoint is there to be called. */
const CALLABLE                      = new Set(["created", "updated", "reused", "unchanged", "rolled-back"]);

/**
 * What a status means for this run, by the waiter's own state table, so the reports never call
 * "ready" or "failed" what the wait did not (SLEEPING is ready only with min-replicas 0).
 */
function statusClass(r           , status = r.status ?? "")              {
  return (0,status_table/* classifyStatus */.x)(status, {
    minReplicas: r.replicas?.min ?? 0,
    // While deleting, every status is on the way out: TERMINATING is progress, not a failure.
    target: r.operation === "delete" ? "gone" : "running",
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

function createdByThisRun(r           )                      {
  if (r.createdByThisRun !== undefined) return r.createdByThisRun;
  if (r.result === "created") return true;
  return r.result === "updated" || r.result === "reused" ? false : undefined;
}

function renderSummary(r           )         {
  if (r.sweep) return sweepSummary(r, r.sweep);
  const parts = [heading(r), detailsTable(r)];
  if (r.message) parts.push(`> ${(0,markdown/* escapeMarkdown */.FV)(r.message)}`);
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
  const { icon, text } = summary_HEADINGS[r.result] ?? { icon: "ℹ️", text: String(r.result) };
  const name = r.endpointName || r.endpointId;
  const status = r.status ? ` (${(0,markdown/* escapeMarkdown */.FV)(r.status, { newlines: "space" })})` : "";
  return `## ${icon} Friendli ${r.operation}: ${text}${name ? ` · ${(0,markdown/* escapeMarkdown */.FV)(name, { newlines: "space" })}` : ""}${status}`;
}

function detailsTable(r           )         {
  const rows                                      = [
    ["Endpoint", endpointCell(r)],
    [r.rolledBack ? "Requested model (failed)" : "Model", r.model ? modelCell(r.model) : undefined],
    ["GPU", r.gpu ? (0,markdown/* escapeMarkdown */.FV)(r.gpu) : undefined],
    ["Replicas", r.replicas ? `${r.replicas.min}–${r.replicas.max}` : undefined],
    ...previousRows(r),
    ["Result", (0,markdown/* escapeMarkdown */.FV)(r.result)],
    ["Status", r.status ? (0,markdown/* escapeMarkdown */.FV)(r.status) : undefined],
    ["Phase", r.phase ? (0,markdown/* escapeMarkdown */.FV)(r.phase) : undefined],
    ["Error code", r.errorCode ? (0,markdown/* escapeMarkdown */.FV)(r.errorCode) : undefined],
    ["Created", r.createdAt ? (0,markdown/* escapeMarkdown */.FV)(r.createdAt) : undefined],
    ["Updated", r.updatedAt ? (0,markdown/* escapeMarkdown */.FV)(r.updatedAt) : undefined],
    ["Elapsed", (0,format/* formatDuration */.a3)(r.finishedAtMs - r.startedAtMs)],
    // Figures the action computed or summed itself: nothing here is outside text.
    ...(0,words/* costRows */.D)(r.cost),
  ];
  const lines = ["| | |", "| --- | --- |"];
  for (const [key, value] of rows) if (value) lines.push(`| ${key} | ${value} |`);
  return lines.join("\n");
}

/** The version before this run (and after a rollback, the one serving again), and the deployment. */
function previousRows(r           )                                      {
  const rows                                      = [];
  const p = r.previous;
  if (p) {
    const label = r.rolledBack ? "Serving again (rolled back)" : "Previous version";
    const replicas = `${p.replicas.min}–${p.replicas.max}`;
    rows.push([label, `${modelCell(p.model)} · ${(0,markdown/* escapeMarkdown */.FV)(p.gpu)} · replicas ${replicas}`]);
  }
  const d = r.deployment;
  if (d?.id !== undefined) {
    const text = `${d.id} in ${(0,markdown/* escapeMarkdown */.FV)(d.environment)}`;
    rows.push(["GitHub deployment", d.url ? `[${text}](${d.url})` : text]);
  }
  return rows;
}

function modelCell(m                                 )         {
  return (0,markdown/* escapeMarkdown */.FV)(m.repo) + (m.revision ? `@${(0,markdown/* escapeMarkdown */.FV)(m.revision)}` : "");
}

function endpointCell(r           )                     {
  if (r.endpointName && r.endpointId) {
    return `${(0,markdown/* escapeMarkdown */.FV)(r.endpointName)} (id ${(0,markdown/* escapeMarkdown */.FV)(r.endpointId)})`;
  }
  if (r.endpointName) return (0,markdown/* escapeMarkdown */.FV)(r.endpointName);
  return r.endpointId ? `id ${(0,markdown/* escapeMarkdown */.FV)(r.endpointId)}` : undefined;
}

               
                
                  
                
                
                
 

function bars(r           )        {
  const lastIndex = r.timeline.length - 1;
  const endedBadly = r.result === "failed" || r.result === "timed-out";
  return r.timeline.map((span           , i) => {
    const endMs = Math.max(span.startMs, span.endMs ?? r.finishedAtMs);
    return {
      label: span.label,
      startMs: span.startMs,
      endMs,
      open: span.endMs === undefined,
      // The span the run failed in: a FAILED/stopped status, or the phase a timeout cut short.
      crit: statusClass(r, span.label) === "failure" || (endedBadly && i === lastIndex),
    };
  });
}

/**
 * A Mermaid gantt (job summaries render it) with a plain table below for where Mermaid does not
 * render (e-mail notifications, the raw file). Times are epoch ms (`dateFormat x`), so the axis
 * shows the reader's wall-clock time.
 */
function timeline(r           )         {
  const all = bars(r);
  const gantt = ["gantt", "  dateFormat x", "  axisFormat %H:%M:%S", "  section Endpoint"];
  for (const [i, bar] of all.entries()) {
    const name = (0,markdown/* mermaidText */.Hg)(bar.label) || "unnamed";
    const ms = bar.endMs - bar.startMs;
    // An open span that has just begun (RUNNING seen on the last poll) is a moment, not a stretch.
    const milestone = bar.open && ms < 1000;
    const tags = [bar.crit ? "crit" : bar.open ? "active" : "done"];
    if (milestone) tags.push("milestone");
    const title = milestone ? name : `${name} ${(0,format/* formatDuration */.a3)(ms)}`;
    gantt.push(`  ${title} :${tags.join(", ")}, s${i}, ${bar.startMs}, ${bar.endMs}`);
  }
  const table = ["| Phase | Started | Duration |", "| --- | --- | --- |"];
  for (const bar of all) {
    const duration =
      (0,format/* formatDuration */.a3)(bar.endMs - bar.startMs) + (bar.open ? " (until the end of the run)" : "");
    table.push(
      `| ${(0,markdown/* escapeMarkdown */.FV)(bar.label)} | +${(0,format/* formatDuration */.a3)(bar.startMs - r.startedAtMs)} | ${duration} |`,
    );
  }
  return `### Timeline\n\n${(0,markdown/* codeBlock */.DV)(gantt.join("\n"), "mermaid")}\n\n${table.join("\n")}`;
}

function plannedRequest(p                                          )         {
  const lines = ["### Planned request", "", `${(0,markdown/* escapeMarkdown */.FV)(p.method)} ${(0,markdown/* escapeMarkdown */.FV)(p.url)}`];
  if (p.body !== undefined) lines.push("", (0,markdown/* codeBlock */.DV)(JSON.stringify(p.body, null, 2), "json"));
  return lines.join("\n");
}

function smokeTest(s                                     )         {
  const lines = [
    "### Smoke test",
    "",
    "| | |",
    "| --- | --- |",
    `| Route | ${(0,markdown/* escapeMarkdown */.FV)(s.route)} |`,
    `| Latency | ${Math.round(s.latencyMs)} ms |`,
    ...(s.ttftMs !== undefined ? [`| Time to first token | ${Math.round(s.ttftMs)} ms |`] : []),
    ...(s.outputTokens !== undefined ? [`| Output tokens | ${s.outputTokens} |`] : []),
    ...(s.tokensPerSecond !== undefined ? [`| Tokens per second | ${s.tokensPerSecond} |`] : []),
    `| Reply | ${(0,markdown/* escapeMarkdown */.FV)(s.reply, { maxLength: 500 }) || "(empty)"} |`,
  ];
  return lines.join("\n");
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
  opts                                                 ,
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
  return previews.map((p) => {
    const pr = states.get(p.prNumber) ?? { kind: "error", message: `PR #${p.prNumber} was not read` };
    const ageMs = ageOf(p.updatedAt, opts.nowMs);
    const age = ageMs === undefined ? {} : { ageMs };
    if (distrust) {
      const reason = "kept: more than half of the PR answers were unreadable";
      return {
        ...p,
        pr: pr.kind === "unreadable" ? halted : pr,
        ...age,
        decision: { action: "keep", reason },
      };
    }
    const decision = decideSweep(pr, { ageMs, maxAgeMs: opts.maxAgeMs });
    return { ...p, pr, ...age, decision };
  });
}

/** Milliseconds since `updatedAt`, or undefined when it is absent or not a date. */
function ageOf(updatedAt                           , nowMs        )                     {
  if (!updatedAt) return undefined;
  const at = Date.parse(updatedAt);
  return Number.isFinite(at) ? Math.max(0, nowMs - at) : undefined;
}

                                                                   

/**
 * The run's result: `failed` when any delete or PR lookup failed (the others still ran), else
 * `swept` when something was deleted, `planned` when a dry run would have, `clean` when nothing.
 */
function sweepResult(counts                                                        )              {
  if (counts.failures > 0) return "failed";
  if (counts.deleted > 0) return "swept";
  if (counts.planned > 0) return "planned";
  return "clean";
}


/***/ })

};

//# sourceMappingURL=219.index.js.map