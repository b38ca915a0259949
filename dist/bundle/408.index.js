export const id = 408;
export const ids = [408];
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

/***/ 8408:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deletePlanned: () => (/* binding */ deletePlanned),
/* harmony export */   findSweepFacts: () => (/* binding */ findSweepFacts),
/* harmony export */   startSweepReport: () => (/* binding */ startSweepReport)
/* harmony export */ });
/* harmony import */ var _base_concurrency_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4751);
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8253);
/* harmony import */ var _base_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8839);
/* harmony import */ var _base_safe_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5511);
/* harmony import */ var _base_timing_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2892);
/* harmony import */ var _cost_estimate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3711);
/* harmony import */ var _endpoint_lookup_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6058);
/* harmony import */ var _friendli_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3615);
/* harmony import */ var _inputs_preview_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(813);
// operation: sweep. Finds this repository's preview endpoints in the project and asks GitHub for
// each PR's state (the facts the plan decides from, src/sweep/decide.ts), then deletes the
// previews the plan doomed. An endpoint whose name is not a preview name of this repository is
// never touched. Loaded only when a sweep runs.


                                             





                                                            


                                                                             
                                                    

/** The GitHub deployments ledger, when it is on: a deleted preview's deployments are marked inactive. */
                              
                                                                                                   
                                                        
 

/** Where the previews and their PRs' states come from. */
                       
                         
                    
                          
                                 
              
                       
                       
                                                                                             
                           
 

/** `pending`: doomed, and no delete or sleep has answered yet; still pending at the end: cut short. */
                                                                                                   
                                                            

                                                                     
                      
                 
                                                                                                          
                         
 

                              
                   
                                                                                       
                          
                                                                                           
                     
                     
                                                                                            
                    
                                                                                  
                  
 

/**
 * The previews of this repository in the project (found by the name lookup, which also checks each
 * spec's project), the state of each of their PRs, and how many endpoints are not ours.
 */
async function findSweepFacts(opts             ) {
  const { matcher, signal } = opts;
  const listed = new Set        ();
  const isPreview = (name        ) => (0,_inputs_preview_names_js__WEBPACK_IMPORTED_MODULE_6__/* .parsePreviewName */ .D2)(name, matcher) !== undefined;
  const found = await (0,_endpoint_lookup_js__WEBPACK_IMPORTED_MODULE_4__/* .findByName */ ._U)(opts.client, opts.projectId, isPreview, { listed, signal });
  const previews = found.flatMap(({ id, status, spec })                    => {
    const prNumber = (0,_inputs_preview_names_js__WEBPACK_IMPORTED_MODULE_6__/* .parsePreviewName */ .D2)(spec.name, matcher);
    if (prNumber === undefined) return [];
    const { updatedAt, createdAt } = status;
    const hourlyUsd = (0,_cost_estimate_js__WEBPACK_IMPORTED_MODULE_3__/* .estimateFromSpec */ .uy)(spec, opts.pricePerGpuHour)?.maxUsd;
    return [{ id, name: spec.name, prNumber, updatedAt, status: status.status, createdAt, hourlyUsd }];
  });
  const othersLeftAlone = listed.size - previews.length;
  opts.log.info(
    `Found ${previews.length} preview endpoint(s) of this repository; ${othersLeftAlone} other endpoint(s) left alone`,
  );
  const numbers = [...new Set(previews.map((p) => p.prNumber))];
  const read = await (0,_base_concurrency_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimit */ .s)(numbers, _base_timing_js__WEBPACK_IMPORTED_MODULE_2__/* .REQUESTS_IN_FLIGHT */ .Gr, (n) => opts.pullRequest(n), signal);
  const states = new Map(numbers.map((n, i) => [n, read[i]           ]));
  return { previews, states, othersLeftAlone };
}

/**
 * The report of a planned sweep before any delete: doomed rows read `pending` (`would-delete` in
 * a dry run) until their delete answers. Logs what a dry run would do and every warning.
 */
function startSweepReport(
  planned                            ,
  othersLeftAlone        ,
  dryRun         ,
  log        ,
  sleep = false,
)              {
  const failures           = [];
  const warnings           = [];
  const rows = planned.map(({ decision, ...p })           => {
    if (p.pr.kind === "error" && !failures.includes(p.pr.message)) failures.push(p.pr.message);
    else if (decision.warn) {
      const warning = `${show(p.name)} (PR #${p.prNumber}): ${decision.reason}`;
      warnings.push(warning);
      log.warning(warning);
    }
    const verb = decision.action === "sleep" ? "sleep" : "delete";
    const action              = decision.action === "keep" ? "kept" : dryRun ? `would-${verb}` : "pending";
    if (action !== "kept" && dryRun)
      log.info(`dry-run: would ${verb} ${p.id} ${show(p.name)}: ${decision.reason}`);
    return { ...p, action, reason: decision.reason };
  });
  return { rows, othersLeftAlone, failures, warnings, sleep };
}

/**
 * Deletes (or puts to sleep) the doomed rows in parallel. Each catches its own failure, so one
 * failure never leaves the other stale previews running; the row then reads `delete-failed`.
 */
async function deletePlanned(
  opts                                                           ,
  report             ,
  secrets                   ,
)                {
  const doomed = report.rows.filter((r) => r.action === "pending");
  await (0,_base_concurrency_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimit */ .s)(doomed, _base_timing_js__WEBPACK_IMPORTED_MODULE_2__/* .REQUESTS_IN_FLIGHT */ .Gr, (r) => deleteOne(opts, r, report, secrets), opts.signal);
}

async function deleteOne(
  opts                                                           ,
  row          ,
  report             ,
  secrets                   ,
)                {
  try {
    await (report.sleep ? opts.client.lifecycle(row.id, "sleep") : opts.client.delete(row.id));
    row.action = report.sleep ? "slept" : "deleted";
    opts.log.info(`${report.sleep ? "Put to sleep" : "Deleted"} ${row.id} ${show(row.name)}: ${row.reason}`);
    if (report.sleep) return;
  } catch (err) {
    // Gone already (someone else's delete, or our own lost answer): what the sweep wanted.
    if (!(err instanceof _friendli_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ApiError */ .hD && err.status === 404)) {
      opts.signal?.throwIfAborted();
      row.action = report.sleep ? "sleep-failed" : "delete-failed";
      const verb = report.sleep ? "put to sleep" : "delete";
      report.failures.push(`could not ${verb} ${row.id} ${show(row.name)}: ${(0,_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .formatError */ .Wk)(err, secrets)}`);
      return;
    }
    row.action = "deleted";
    opts.log.info(`${row.id} ${show(row.name)} was already gone (404)`);
  }
  try {
    await opts.ledger?.markInactive(row);
  } catch (err) {
    const warning = `could not mark the deployments of ${show(row.name)} inactive: ${(0,_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .formatError */ .Wk)(err, secrets)}`;
    report.warnings.push(warning);
    opts.log.warning(warning);
  }
}

/**
 * An endpoint name from the API, safe in a log line: quoted (JSON escapes line breaks and control
 * characters), nothing invisible, short, no token shapes. The guarded runner neutralises the line too.
 */
function show(name        )         {
  return JSON.stringify((0,_base_format_js__WEBPACK_IMPORTED_MODULE_8__/* .truncate */ .xv)((0,_base_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .stripInvisible */ ._0)((0,_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactTokenShapes */ .dZ)(name)), 100));
}


/***/ })

};

//# sourceMappingURL=408.index.js.map