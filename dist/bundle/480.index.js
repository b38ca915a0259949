export const id = 480;
export const ids = [480];
export const modules = {

/***/ 9480:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   settleCancelledDeployment: () => (/* binding */ settleCancelledDeployment)
/* harmony export */ });
/* harmony import */ var _deployments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5880);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87);
// The post step's part in the deployment ledger: after a cancellation the main step sends nothing,
// so this run's GitHub deployment is still `in_progress`. It becomes `error` (cancelled), or
// `inactive` when the post step deleted the endpoint. Never fails the step (the ledger warns).

                                             
                                                       
                                                  



                             
                 
                      
                                                                        
                       
                                                       
                             
                             
              
                      
 

async function settleCancelledDeployment(opts                   )                {
  const id = Number(opts.deploymentId);
  if (!Number.isSafeInteger(id) || id <= 0) return;
  const { inputs } = opts;
  const ledger = (0,_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .openLedger */ .au)({
    enabled: inputs.githubDeployment && !inputs.dryRun,
    context: opts.context,
    token: inputs.githubToken,
    apiUrl: opts.apiUrl,
    environment: (0,_ledger_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentName */ .VE)(inputs.environment, inputs.name),
    log: opts.log,
    secrets: [inputs.friendliToken, inputs.githubToken],
    signal: opts.signal,
  });
  if (!opts.deletedEndpointId) {
    await ledger.setStatus(id, "error", { description: "Cancelled" });
    return;
  }
  // The run's own entry, then any other entry that still stands for the deleted endpoint.
  const description = "Cancelled; the endpoint was deleted";
  await ledger.setStatus(id, "inactive", { description });
  await ledger.retire(opts.deletedEndpointId, description);
}


/***/ })

};

//# sourceMappingURL=480.index.js.map