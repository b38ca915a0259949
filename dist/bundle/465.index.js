export const id = 465;
export const ids = [465];
export const modules = {

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


/***/ })

};

//# sourceMappingURL=465.index.js.map