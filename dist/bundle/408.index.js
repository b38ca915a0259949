export const id = 408;
export const ids = [408];
export const modules = {

/***/ 8408:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deletePlanned: () => (/* binding */ deletePlanned),
/* harmony export */   findSweepFacts: () => (/* binding */ findSweepFacts),
/* harmony export */   startSweepReport: () => (/* binding */ startSweepReport)
/* harmony export */ });
/* harmony import */ var _base_concurrency_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4751);
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8253);
/* harmony import */ var _base_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8839);
/* harmony import */ var _base_safe_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5511);
/* harmony import */ var _base_timing_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2892);
/* harmony import */ var _cost_estimate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3711);
/* harmony import */ var _endpoint_lookup_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3659);
/* harmony import */ var _friendli_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3615);
/* harmony import */ var _inputs_preview_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(813);
/* harmony import */ var _decide_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9387);
// operation: sweep. Finds this repository's preview endpoints in the project and asks GitHub for
// each PR's state (the facts the plan decides from, src/sweep/decide.ts), then deletes the
// previews the plan doomed. An endpoint whose name is not a preview name of this repository is
// never touched. Loaded only when a sweep runs.


                                             





                                                            



                                                    

/** The GitHub deployments ledger, when it is on: a deleted preview's deployments are marked inactive. */
                              
                                                                                                   
                                                         
 

/** Where the previews and their PRs' states come from. */
                       
                         
                    
                          
                                 
              
                       
                                                                    
                       
                       
                                                                                             
                           
 

/** `pending`: doomed, and no delete has answered yet; a row still pending at the end was cut short. */
                                                                                     

                                                   
              
                 
                      
                 
                                                                                                          
                         
 

                              
                      
                   
                                                                                       
                          
                                                                                           
                     
                     
                                                                                            
                    
 

/** What the plan decides from: the previews, each PR's state, and how many endpoints are not ours. */
                         
                              
                               
                          
 

/** The previews of this repository in the project, and the state of each of their PRs. */
async function findSweepFacts(opts             )                         {
  const concurrency = opts.concurrency ?? _base_timing_js__WEBPACK_IMPORTED_MODULE_2__/* .REQUESTS_IN_FLIGHT */ .Gr;
  const { previews, others } = await findPreviews(opts, concurrency);
  opts.log.info(
    `Found ${previews.length} preview endpoint(s) of this repository; ${others} other endpoint(s) left alone`,
  );
  const numbers = [...new Set(previews.map((p) => p.prNumber))];
  const read = await (0,_base_concurrency_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimit */ .s)(numbers, concurrency, (n) => opts.pullRequest(n), opts.signal);
  const states = new Map(numbers.map((n, i) => [n, read[i]           ]));
  return { previews, states, othersLeftAlone: others };
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
    const action              = decision.action === "keep" ? "kept" : dryRun ? "would-delete" : "pending";
    if (action === "would-delete")
      log.info(`dry-run: would delete ${p.id} ${show(p.name)}: ${decision.reason}`);
    return { ...p, action, reason: decision.reason };
  });
  const report              = { result: "clean", rows, othersLeftAlone, failures, warnings };
  report.result = resultOfReport(report);
  return report;
}

/**
 * Deletes the doomed rows in parallel. Each delete catches its own failure, so one failure never
 * leaves the other stale previews running; the row then reads `delete-failed`.
 */
async function deletePlanned(
  opts                                                                           ,
  report             ,
  secrets                   ,
)                {
  const doomed = report.rows.filter((r) => r.action === "pending");
  const warn = (m        ) => {
    report.warnings.push(m);
    opts.log.warning(m);
  };
  await (0,_base_concurrency_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimit */ .s)(
    doomed,
    opts.concurrency ?? _base_timing_js__WEBPACK_IMPORTED_MODULE_2__/* .REQUESTS_IN_FLIGHT */ .Gr,
    (r) => deleteOne(opts, r, report.failures, warn, secrets),
    opts.signal,
  );
  report.result = resultOfReport(report);
}

function resultOfReport(r             )              {
  const count = (a             ) => r.rows.filter((row) => row.action === a).length;
  return (0,_decide_js__WEBPACK_IMPORTED_MODULE_8__/* .sweepResult */ .we)({
    deleted: count("deleted"),
    planned: count("would-delete") + count("pending"),
    failures: r.failures.length,
  });
}

async function deleteOne(
  opts                                                           ,
  row          ,
  failures          ,
  warn                     ,
  secrets                   ,
)                {
  try {
    await opts.client.delete(row.id);
    row.action = "deleted";
    opts.log.info(`Deleted ${row.id} ${show(row.name)}: ${row.reason}`);
  } catch (err) {
    // Gone already (someone else's delete, or our own lost answer): what the sweep wanted.
    if (!(err instanceof _friendli_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ApiError */ .h && err.status === 404)) {
      opts.signal?.throwIfAborted();
      row.action = "delete-failed";
      failures.push(`could not delete ${row.id} ${show(row.name)}: ${(0,_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .formatError */ .Wk)(err, secrets)}`);
      return;
    }
    row.action = "deleted";
    opts.log.info(`${row.id} ${show(row.name)} was already gone (404 on DELETE)`);
  }
  try {
    await opts.ledger?.markInactive?.(row);
  } catch (err) {
    warn(`could not mark the deployments of ${show(row.name)} inactive: ${(0,_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .formatError */ .Wk)(err, secrets)}`);
  }
}

/** The project's previews of this repository, by listing and reading specs. */
async function findPreviews(
  opts             ,
  concurrency        ,
)                                                           {
  const cache            = new Map();
  const listed = await opts.client.listAll(opts.projectId);
  const specs = await (0,_base_concurrency_js__WEBPACK_IMPORTED_MODULE_7__/* .mapLimit */ .s)(listed, concurrency, (e) => (0,_endpoint_lookup_js__WEBPACK_IMPORTED_MODULE_4__/* .specOf */ .rI)(opts.client, cache, e.id), opts.signal);
  const previews                    = [];
  listed.forEach((e, i) => {
    const spec = specs[i];
    // The project filter too: a listing must not make another project's endpoint ours.
    if (!spec || spec.projectId !== opts.projectId) return;
    const prNumber = (0,_inputs_preview_names_js__WEBPACK_IMPORTED_MODULE_6__/* .parsePreviewName */ .D2)(spec.name, opts.matcher);
    if (prNumber === undefined) return;
    const hourly = (0,_cost_estimate_js__WEBPACK_IMPORTED_MODULE_3__/* .estimateFromSpec */ .uy)(spec, opts.pricePerGpuHour);
    previews.push({
      id: e.id,
      name: spec.name,
      prNumber,
      updatedAt: e.status.updatedAt,
      status: e.status.status,
      createdAt: e.status.createdAt,
      ...(hourly ? { hourlyUsd: hourly.maxUsd } : {}),
    });
  });
  return { previews, others: listed.length - previews.length };
}

/**
 * An endpoint name from the API, safe in a log line: quoted (JSON escapes line breaks and control
 * characters), nothing invisible, short, no token shapes. The guarded runner neutralises the line too.
 */
function show(name        )         {
  return JSON.stringify((0,_base_format_js__WEBPACK_IMPORTED_MODULE_9__/* .truncate */ .xv)((0,_base_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .stripInvisible */ ._0)((0,_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactTokenShapes */ .dZ)(name)), 100));
}


/***/ })

};

//# sourceMappingURL=408.index.js.map