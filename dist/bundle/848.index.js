export const id = 848;
export const ids = [848];
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


/***/ })

};

//# sourceMappingURL=848.index.js.map