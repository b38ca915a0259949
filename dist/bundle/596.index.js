export const id = 596;
export const ids = [596];
export const modules = {

/***/ 5596:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   retireOrphans: () => (/* binding */ retireOrphans),
/* harmony export */   sweepLedger: () => (/* binding */ sweepLedger)
/* harmony export */ });
/* unused harmony export SCANNED */
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4463);
/* harmony import */ var _deployments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5880);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87);
/* harmony import */ var _trust_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8042);
// The deployments ledger as a sweep uses it (the executor's SweepLedger hook): after a preview is
// deleted, the deployments of its environment that still stand for it are marked inactive, so
// GitHub shows the preview's transient environment as destroyed. A ledger reads one environment,
// so there is one per preview; they share one "off": a token without `deployments: write` is
// warned about once, not once per preview. Every sweep also closes the environments of previews
// whose endpoint is gone without the sweep that deleted it closing them (a sweep cancelled while
// its DELETEs were in flight, a delete by hand).


                                                       




                                                             

/** A SweepLedger that retires deleted previews' deployments. */
function sweepLedger(opts                    )              {
  let off = false;
  return {
    async markInactive(preview) {
      if (off) return;
      // A preview's environment is its name's: the `environment` input names one deploy's, not many.
      const ledger = new _deployments_js__WEBPACK_IMPORTED_MODULE_1__/* .DeploymentLedger */ .td({ ...opts, environment: (0,_ledger_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentName */ .VE)(undefined, preview.name) });
      await ledger.retire(preview.id, "Preview deleted by the sweep");
      if (!ledger.active) off = true;
    },
  };
}

/** The repository's newest deployments a sweep reads for such previews: one page. */
const SCANNED = 100;

                                                    
                                                                                                  
                                                        
                                                                          
                                             
 

/**
 * The previews whose environment's newest own record is a `success` though its endpoint is gone:
 * their live records are marked inactive. Returns their names. Failures are warnings.
 */
async function retireOrphans(opts               )                    {
  const closed           = [];
  for (const environment of await orphanCandidates(opts)) {
    const ledger = new _deployments_js__WEBPACK_IMPORTED_MODULE_1__/* .DeploymentLedger */ .td({ ...opts, environment });
    const { latest } = await ledger.read();
    const id = latest?.payload.endpoint.id;
    // Only a finished deploy's: one still in progress may be creating its endpoint right now.
    if (latest?.state !== "success" || !id || !(await opts.gone(id))) continue;
    if ((await ledger.retire(id, "No endpoint of this preview is left")) > 0)
      closed.push(latest.payload.endpoint.name);
    if (!ledger.active) break;
  }
  return closed;
}

/** The environments of the action's own records, among the newest, that `missing` picks. */
async function orphanCandidates(opts               )                    {
  const repository = new _deployments_js__WEBPACK_IMPORTED_MODULE_1__/* .DeploymentLedger */ .td({ ...opts, environment: "" });
  const what = "read the repository's deployments for previews whose endpoint is gone";
  const found = await repository.call(what, async (octokit, repo) => {
    const { data } = await octokit.rest.repos.listDeployments({ ...repo, task: "deploy", per_page: SCANNED });
    const identity = await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenIdentity */ .sX)(octokit);
    const environments = new Set        ();
    for (const d of data) {
      const endpoint = (0,_ledger_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePayload */ .ex)(d.payload)?.endpoint;
      const environment = endpoint && (0,_ledger_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentName */ .VE)(undefined, endpoint.name);
      if (environment && (0,_trust_js__WEBPACK_IMPORTED_MODULE_3__/* .isOwnRecord */ .a)(d, identity, environment) && opts.missing(endpoint))
        environments.add(environment);
    }
    return [...environments];
  });
  return found ?? [];
}


/***/ })

};

//# sourceMappingURL=596.index.js.map