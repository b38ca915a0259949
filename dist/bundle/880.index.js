export const id = 880;
export const ids = [880];
export const modules = {

/***/ 4463:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ githubClient),
/* harmony export */   T8: () => (/* binding */ splitRepository),
/* harmony export */   Up: () => (/* binding */ sameLogin),
/* harmony export */   W: () => (/* binding */ answeredStatus),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   fw: () => (/* binding */ githubErrorText),
/* harmony export */   sX: () => (/* binding */ tokenIdentity)
/* harmony export */ });
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8253);
/* harmony import */ var _base_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8839);
// Talking to GitHub's REST API: one Octokit from @actions/github, loaded only when a run needs it
// (the PR comment, the deployment ledger), pointed at GITHUB_API_URL, with every request, paginated
// ones included, bound to an abort signal. Shared so both reporters fail and log the same way.
                                                  

                                             


                                                    

async function githubClient(opts   
                
                                                   
                              
              
                                                                                            
                                        
 )                   {
  const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
  const { log } = opts;
  const octokit = getOctokit(opts.token, {
    baseUrl: (opts.apiUrl || "https://api.github.com").replace(/\/+$/, ""),
    // Octokit prints deprecation notices with console.warn: they are not the user's to act on.
    log: { debug: log.debug, info: log.debug, warn: log.debug, error: log.debug },
  });
  // Per-call `request` options do not survive paginate's follow-up pages; a hook reaches them all.
  octokit.hook.before("request", (options) => {
    const signal = opts.signal();
    if (signal) options.request = { ...options.request, signal };
  });
  return octokit;
}

/** "owner/repo" split, or an error naming GITHUB_REPOSITORY. */
function splitRepository(repository        )                                  {
  const [owner, repo, ...rest] = repository.split("/");
  if (!owner || !repo || rest.length > 0) {
    throw new Error(`GITHUB_REPOSITORY is not "owner/repo" (got "${repository}")`);
  }
  return { owner, repo };
}

/** The HTTP status Octokit attached to an error (500 too when no answer arrived). */
function statusOf(err         )                     {
  const status = (err                               )?.status;
  return typeof status === "number" ? status : undefined;
}

/** The status GitHub answered with; undefined when no answer arrived (refused, timed out). */
function answeredStatus(err         )                     {
  const status = (err                                              )?.response?.status;
  return typeof status === "number" ? status : undefined;
}

/**
 * What went wrong, redacted, on one bounded line: Octokit's HttpError carries GitHub's own message,
 * which says most, but is text from outside and must not start a line of the log.
 */
function githubErrorText(err         , secrets                   )         {
  const text =
    statusOf(err) !== undefined && err instanceof Error
      ? (0,_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(err.message, secrets)
      : (0,_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .formatError */ .Wk)(err, secrets);
  return (0,_base_format_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)((0,_base_format_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(text), 300, { ellipsisAfter: true });
}

/** The login `GITHUB_TOKEN` writes as: an installation token, which may not call `GET /user` (403). */
const ACTIONS_BOT_LOGIN = "github-actions[bot]";

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
const identities = new WeakMap                          ();

/**
 * Who the token acts as, asked once per client: the login `GET /user` answers for a personal or
 * user token, else (any answer other than 200, as for `GITHUB_TOKEN`) `github-actions[bot]`. What
 * GitHub shows as written by this login is what this action may trust as its own (deployment
 * records, the sticky PR comment). Throws only when GitHub did not answer at all.
 */
function tokenIdentity(octokit         )                  {
  let identity = identities.get(octokit);
  if (!identity) {
    identity = octokit.rest.users.getAuthenticated().then(
      // A 200 without a login GitHub could have made trusts nobody: "" is no one's login.
      ({ data }) => (typeof data?.login === "string" && LOGIN.test(data.login) ? data.login : ""),
      (err         ) => {
        if (answeredStatus(err) === undefined) throw err;
        return ACTIONS_BOT_LOGIN;
      },
    );
    // A failed ask is not remembered: the next call asks again.
    identity.catch(() => identities.delete(octokit));
    identities.set(octokit, identity);
  }
  return identity;
}

/** True when `login` is `identity`: GitHub logins are case-insensitive. */
function sameLogin(login         , identity        )          {
  return identity !== "" && typeof login === "string" && login.toLowerCase() === identity.toLowerCase();
}


/***/ }),

/***/ 5880:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   td: () => (/* binding */ DeploymentLedger)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_EXAMINED, STATUSES_READ */
/* harmony import */ var _base_format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8253);
/* harmony import */ var _base_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8839);
/* harmony import */ var _base_timing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2892);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4463);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(87);
/* harmony import */ var _trust_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8042);
// The deployment ledger's I/O: one GitHub deployment per run in the endpoint's environment, its
// statuses as the run goes, and reading the environment's history back (see ./ledger.ts for what
// is recorded and decided). The ledger is a courtesy and a memory, never a condition: every failure
// is a warning, a missing `deployments: write` turns it off for the rest of the run after one
// warning, and every call is bounded by a timeout and the run's cancellation.


                                             



                                                       



                                
                                                                              
                   
                                                            
                   
                      
                                                    
                
                              
                                               
                      
              
                                                               
                    
                                                                    
                       
                                                                    
                     
                                                                                            
                                              
                                                                          
                   
                                                                                          
                       
 

                                                         

                         
                                                                     
                       
                                                            
                          
 

                                               

const DEFAULT_MAX_EXAMINED = 50;
/** Statuses read per record: a few, as others' may sit above ours (trustedState skips them). */
const STATUSES_READ = 10;
/** Latest states after which an entry still stands for a live endpoint (retire marks these). */
const LIVE_STATES = new Set                             ([
  undefined,
  "success",
  "in_progress",
  "queued",
  "pending",
]);

class DeploymentLedger {
  /** The deployment begin() created last: the one finish() ends. */
  deploymentId                    ;
           environment        ;
                   opts               ;
  /** Redacted from all it logs or writes: anyone who can read the repository reads its deployments. */
                   secrets          ;
          off                    ;
          octokit                     ;
          current                         ;

  constructor(opts               ) {
    this.opts = opts;
    this.environment = opts.environment;
    this.secrets = [...opts.secrets, opts.token];
    if (!opts.enabled) this.off = "`github-deployment: false`";
    else if (!opts.token) this.off = "`github-token` is empty";
    else if (!opts.context.repository) this.off = "GITHUB_REPOSITORY is not set";
    else if (!ref(opts.context)) this.off = "the run has no commit (GITHUB_SHA)";
    if (this.off && opts.enabled) opts.log.debug(`GitHub deployments off: ${this.off}`);
  }

  /** False once the ledger is off: every call is then a no-op. */
  get active()          {
    return this.off === undefined;
  }

  /** The environment's newest entry and newest successful one; empty when off or unreadable. */
  async read()                      {
    const view = await this.call("read the deployment history of", async (octokit, repo) => {
      let latest                         ;
      for await (const { entry, served } of this.entries(octokit, repo)) {
        latest ??= entry;
        if (served) return { latest, lastSuccess: entry };
      }
      return latest ? { latest } : {};
    });
    return view ?? {};
  }

  /** Creates this run's deployment recording `payload`, and marks it in_progress. */
  async begin(payload               , description         )                              {
    if (this.opts.dryRun) return undefined;
    const id = await this.call("create a deployment in", async (octokit, repo) => {
      const { context } = this.opts;
      const transient = context.pullRequest !== undefined;
      const res = await octokit.rest.repos.createDeployment({
        ...repo,
        ref: ref(context),
        task: "deploy",
        environment: this.environment,
        // A payload is JSON; a masked value in it makes it one no run trusts again.
        payload: JSON.parse((0,_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(JSON.stringify(payload), this.secrets)),
        ...(description ? { description: this.describe(description) } : {}),
        // Not merged, not gated on the commit's checks: the workflow running this is one of them.
        auto_merge: false,
        required_contexts: [],
        transient_environment: transient,
        ...(transient ? { production_environment: false } : {}),
      });
      if (res.status !== 201 || !("id" in res.data)) {
        const message = "message" in res.data ? String(res.data.message) : `status ${res.status}`;
        throw new Error(`GitHub did not create it (${message})`);
      }
      return res.data.id;
    });
    if (id === undefined) return undefined;
    this.deploymentId = id;
    this.opts.log.info(`GitHub deployment ${id} in environment ${this.environment}`);
    await this.setStatus(id, "in_progress", { description: "Deploying" });
    return id;
  }

  /** The end of this run's deployment; nothing when begin() made none. */
  async finish(state            , details                = {})                {
    if (this.deploymentId !== undefined) await this.setStatus(this.deploymentId, state, details);
  }

  /**
   * The endpoint was deleted: marks the environment's entries that still stand for it inactive
   * (GitHub then shows a transient environment as destroyed). With no id, every live entry.
   * Returns how many were marked.
   */
  async retire(endpointId         , description = "Endpoint deleted")                  {
    const ids = await this.call("read the deployments of", async (octokit, repo) => {
      const live           = [];
      for await (const { entry } of this.entries(octokit, repo)) {
        const ours = endpointId === undefined || entry.payload.endpoint.id === endpointId;
        if (ours && LIVE_STATES.has(entry.state)) live.push(entry.deploymentId);
      }
      return live;
    });
    let marked = 0;
    for (const id of ids ?? []) if (await this.setStatus(id, "inactive", { description })) marked++;
    return marked;
  }

  /** Posts one status, with the workflow run as its log. True when GitHub took it. */
  async setStatus(
    deploymentId        ,
    state                 ,
    details                = {},
  )                   {
    if (this.opts.dryRun) return false;
    const { runUrl } = this.opts.context;
    const url = details.environmentUrl;
    const what = `set the ${state} status of deployment ${deploymentId} in`;
    const done = await this.call(what, async (octokit, repo) => {
      await octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: deploymentId,
        state,
        ...(runUrl ? { log_url: runUrl } : {}),
        ...(url && /^https?:\/\//.test(url) ? { environment_url: url } : {}),
        ...(details.description ? { description: this.describe(details.description) } : {}),
      });
      return true;
    });
    return done === true;
  }

  /** A description as GitHub takes it: at most 140 characters, redacted. */
          describe(text        )         {
    return (0,_base_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)((0,_base_format_js__WEBPACK_IMPORTED_MODULE_5__/* .truncate */ .xv)(text, 140), this.secrets);
  }

  /** Our entries, newest first, each with its latest state; at most maxExamined of them. */
  ;       async *entries(
    octokit         ,
    repo      ,
  )                                                          {
    const { log, maxExamined = DEFAULT_MAX_EXAMINED } = this.opts;
    let examined = 0;
    const pages = octokit.paginate.iterator(octokit.rest.repos.listDeployments, {
      ...repo,
      environment: this.environment,
      per_page: this.opts.perPage ?? 20,
    });
    // The token's identity (isOwnRecord) is asked at the first record that could be ours: an empty
    // or unreadable history costs no request.
    let identity                    ;
    for await (const page of pages) {
      for (const d of page.data) {
        const payload = (0,_ledger_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePayload */ .ex)(d.payload);
        if (!payload) {
          log.debug(`GitHub deployment ${d.id} is not one this action recorded: ignored`);
          continue;
        }
        identity ??= await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenIdentity */ .sX)(octokit);
        if (!(0,_trust_js__WEBPACK_IMPORTED_MODULE_4__/* .isOwnRecord */ .a)(d, identity, this.environment)) {
          log.debug(
            `GitHub deployment ${d.id} was not created by ${identity} in ${this.environment}: ignored`,
          );
          continue;
        }
        if (++examined > maxExamined) return;
        const statuses = await octokit.rest.repos.listDeploymentStatuses({
          ...repo,
          deployment_id: d.id,
          per_page: STATUSES_READ,
        });
        const { state, served } = (0,_trust_js__WEBPACK_IMPORTED_MODULE_4__/* .trustedState */ .R)(statuses.data, identity);
        yield {
          entry: { deploymentId: d.id, createdAt: d.created_at, payload, ...(state ? { state } : {}) },
          served,
        };
      }
    }
  }

  /**
   * Runs one call to GitHub, or nothing when the ledger is off or the run was cancelled. A failure
   * never reaches the caller: it is a warning, and one that says GitHub will not take part (no
   * permission, no answer) turns the ledger off.
   */
  async call   (what        , fn                                              )                         {
    const { opts } = this;
    if (this.off || opts.signal?.aborted) return undefined;
    const timeout = (opts.timeoutSignal ?? AbortSignal.timeout)(opts.timeoutMs ?? _base_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .LEDGER_CALL_TIMEOUT_MS */ .IM);
    this.current = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    try {
      this.octokit ??= await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .githubClient */ .$f)({ ...opts, signal: () => this.current });
      return await fn(this.octokit, (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .splitRepository */ .T8)(opts.context.repository));
    } catch (err) {
      this.fail(what, err);
      return undefined;
    }
  }

          fail(what        , err         )       {
    const { opts } = this;
    const text = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .githubErrorText */ .fw)(err, this.secrets);
    // A ledger of no environment reads the whole repository (a sweep's look for closed previews).
    const where = this.environment ? ` environment ${this.environment}` : "";
    if (opts.signal?.aborted) {
      this.off = "the run was cancelled";
      opts.log.debug(`GitHub deployments: could not ${what}${where}: cancelled`);
      return;
    }
    const status = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .answeredStatus */ .W)(err);
    if (status === 401 || status === 403 || status === 404) {
      this.off = `${status}`;
      opts.log.warning(
        `GitHub deployments are off for the rest of this run: could not ${what}${where} (${status} ${text}); ` +
          "the token needs `permissions: deployments: write`. Lost without it: this run's record in GitHub, " +
          "and with it skipping unchanged deploys, rolling back to the last good version and finding the " +
          "endpoint without listing the project. The deploy itself goes on as without the ledger.",
      );
      return;
    }
    if (status === undefined) this.off = "GitHub did not answer";
    opts.log.warning(
      `GitHub deployments: could not ${what}${where} (${text})` +
        (this.off ? "; the ledger is off for the rest of this run." : ".") +
        " The deploy itself is not affected.",
    );
  }
}

/** The commit deployed: a pull request's head (GITHUB_SHA is a merge commit nobody pushed there). */
function ref(context            )         {
  return context.pullRequest?.headSha || context.sha;
}


/***/ }),

/***/ 87:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $O: () => (/* binding */ decideIfUnchanged),
/* harmony export */   Ft: () => (/* binding */ rememberedEndpointId),
/* harmony export */   VE: () => (/* binding */ environmentName),
/* harmony export */   es: () => (/* binding */ rollbackTarget),
/* harmony export */   ex: () => (/* binding */ parsePayload),
/* harmony export */   nI: () => (/* binding */ buildPayload)
/* harmony export */ });
/* unused harmony exports PAYLOAD_SCHEMA, sameSettings */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4343);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3305);
/* harmony import */ var _friendli_schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4214);
/* harmony import */ var _wait_status_table_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4333);
// The deployment ledger's pure half: what a GitHub deployment's payload records about a deploy, how a
// payload read back is checked, and the decisions taken from it (no-op deploys, rollback, id memory).
// Friendli cannot say which model or revision an endpoint runs, so this record is the only memory of
// it. A payload comes back from GitHub, where anyone with write access could have written it: it is
// parsed by shape, field by field, and one that does not fit is ignored, never half-trusted.




                                                  

/** Names this action's payloads; a payload without it (or of another version) is not ours to read. */
const PAYLOAD_SCHEMA = "friendli-deploy-action/deployment";
const PAYLOAD_VERSION = 1;

// Each shape is as narrow as the value the action itself writes: an id or a name that could carry
// markup, a line break or a path is not one this action recorded.
const MAX_INT = 2_147_483_647;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const NAME = /^[^\s\p{Cc}\p{Cf}/]{1,100}$/u;
const HF_REPO = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
const REVISION = /^[0-9a-f]{40}$/;
const OPTION_ID = /^[A-Za-z0-9]{1,64}$/;
const LABEL = /^[A-Za-z0-9 ._-]{1,40}$/;

const str = (re        ) => zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._regex */ .Fk(re));
const int = (min        , max        ) => zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr().check(zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._gte */ .qm(min), zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._lte */ .Zm(max));

/** The settings a deploy sends, as the ledger records, compares and restores them. */
const SettingsSchema = zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
  model: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ repo: str(HF_REPO), revision: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(str(REVISION)) }),
  gpu: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ instanceOptionId: str(OPTION_ID), label: str(LABEL) }),
  autoscaling: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    minReplicas: int(0, 10),
    maxReplicas: int(1, 10),
    cooldownSeconds: int(0, MAX_INT),
  }),
  /** `replicas`: a fixed count sent in place of the policy above (which then records it as its range). */
  simplescale: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ replicas: int(1, 10) })),
  /** Friendli's `advanced` object: only the keys that were sent. */
  engine: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    tokenizer_skip_special_tokens: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY(),
    tokenizer_add_special_tokens: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY(),
    max_batch_size: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(int(1, MAX_INT)),
    max_token_count: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(int(1, MAX_INT)),
    max_input_length: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(int(1, MAX_INT)),
    max_context_length: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(int(1, MAX_INT)),
    enable_content_logging: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY()),
    queue_timeout_ms: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(int(1, MAX_INT)),
    queue_backpressure_metric_kind: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(_friendli_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .QUEUE_BACKPRESSURE_METRICS */ .DI)),
    queue_backpressure_metric_threshold: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().check(zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._positive */ .NC())),
  }),
});
                                                                

const PayloadSchema = zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
  schema: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(PAYLOAD_SCHEMA),
  version: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(PAYLOAD_VERSION),
  /** The id is absent when the run never learned it (a create whose id was not found). */
  endpoint: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ id: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(str(ID)), name: str(NAME), projectId: str(ID) }),
  settings: SettingsSchema,
});
                                                          

/** One deployment of the environment whose payload is ours. */
                              
                       
                    
                                                                                                  
                          
                         
 

/** What the environment's history says: its newest entry, and its newest successful one. */
                             
                       
                            
 

/** The environment of an endpoint's deployments: the `environment` input, else `friendli/<name>`. */
function environmentName(input                    , endpointName        )         {
  const given = input?.trim();
  return given ? given : `friendli/${endpointName}`;
}

function buildPayload(
  endpoint                           ,
  settings                    ,
)                {
  return {
    schema: PAYLOAD_SCHEMA,
    version: PAYLOAD_VERSION,
    endpoint: endpoint.id ? { ...endpoint } : { name: endpoint.name, projectId: endpoint.projectId },
    settings,
  };
}

/**
 * A payload as GitHub returns it (an object, or the JSON text it was given as), checked; undefined
 * for anything else: another tool's payload, a later version of ours, or garbage.
 */
function parsePayload(raw         )                            {
  // A payload is small; a huge string is not one of ours and is not worth parsing.
  if (typeof raw === "string" && raw.length > 20_000) return undefined;
  try {
    return PayloadSchema.safeParse(typeof raw === "string" ? JSON.parse(raw) : raw).data;
  } catch {
    return undefined;
  }
}

/**
 * True when the two ask Friendli for the same endpoint: model, revision, GPU option, autoscaling
 * (or the fixed count), engine. The GPU's label only names the option; an unset engine key means
 * "Friendli's default", which is not the same as any value given for it.
 */
function sameSettings(recorded                    , requested                    )          {
  // Through JSON, a key set to undefined is the unset key it stands for. A fixed count sends no policy.
  const sent = ({ simplescale, autoscaling, gpu, ...s }                    ) =>
    JSON.parse(JSON.stringify({ ...s, gpu: gpu.instanceOptionId, scale: simplescale ?? autoscaling }));
  return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(sent(recorded), sent(requested));
}

                                     

                          
                    
                                                                               
                     
                                                                                        
                                                                 
     
                                                                                              
                                                                                
     
                            
 

                               
                                          
                                                                    

/**
 * Whether a deploy may send no PUT (`result: unchanged`). Only when the newest entry of the
 * environment is the successful one, so a later failed or unfinished attempt (whose settings the
 * endpoint may now run) is never taken for the serving version; and only with a pinned revision,
 * because without one the model's default branch may have moved since.
 */
function decideIfUnchanged(input                )                    {
  const { mode, requested, ledger, endpoint } = input;
  if (mode === "update") return { action: "update", reason: "`if-unchanged: update`" };
  const entry = ledger.lastSuccess;
  if (!entry)
    return { action: "update", reason: "no successful deployment is recorded for this environment" };
  if (ledger.latest && ledger.latest.deploymentId !== entry.deploymentId) {
    return { action: "update", reason: `a later deployment (${ledger.latest.deploymentId}) did not succeed` };
  }
  const recorded = entry.payload;
  if (
    recorded.endpoint.id !== endpoint.id ||
    recorded.endpoint.name !== requested.name ||
    recorded.endpoint.projectId !== requested.projectId
  ) {
    return { action: "update", reason: "the last successful deployment recorded another endpoint" };
  }
  if (!requested.settings.model.revision) {
    return { action: "update", reason: "no `hf-model-revision`: the model may have changed since" };
  }
  if (!sameSettings(recorded.settings, requested.settings)) {
    return { action: "update", reason: "the settings differ from the last successful deployment" };
  }
  // The record says what was sent, not what serves: what the API shows must agree with it.
  if (input.drift && input.drift.length > 0) {
    return {
      action: "update",
      reason: `the endpoint's ${input.drift.join(", ")} changed outside this action (drift)`,
      drift: input.drift,
    };
  }
  const minReplicas = endpoint.minReplicas ?? requested.settings.autoscaling.minReplicas;
  if ((0,_wait_status_table_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyStatus */ .xo)(endpoint.status, { minReplicas, target: "running" }) !== "success") {
    return { action: "update", reason: `the endpoint is not serving (${endpoint.status})` };
  }
  return { action: "skip", entry };
}

/**
 * The settings a failed update should be put back to: the last successful deployment's, when it
 * recorded this very endpoint (its id, name and project) and the same model repository (another
 * revision, GPU or replica count is what a rollback is for; another model is not a rollback but a
 * deploy nobody asked for), and differs from what failed. Undefined: nothing to roll back to.
 */
function rollbackTarget(
  ledger            ,
  failed                                                                                       ,
)                          {
  const entry = ledger.lastSuccess;
  if (!entry) return undefined;
  const { endpoint, settings } = entry.payload;
  if (endpoint.name !== failed.name || endpoint.projectId !== failed.projectId) return undefined;
  // A record without an id, or with another endpoint's, says nothing of what this one served.
  if (!endpoint.id || endpoint.id !== failed.endpointId) return undefined;
  if (settings.model.repo !== failed.settings.model.repo) return undefined;
  return sameSettings(settings, failed.settings) ? undefined : entry;
}

/**
 * The endpoint id the newest entry remembers for this name and project, to be confirmed with one
 * GET before use (confirmRememberedEndpoint, src/endpoint/lookup.ts). Undefined: look the name up as usual.
 */
function rememberedEndpointId(
  ledger            ,
  name        ,
  projectId        ,
)                     {
  for (const entry of [ledger.latest, ledger.lastSuccess]) {
    const e = entry?.payload.endpoint;
    if (e?.id && e.name === name && e.projectId === projectId) return e.id;
  }
  return undefined;
}


/***/ }),

/***/ 8042:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ trustedState),
/* harmony export */   a: () => (/* binding */ isOwnRecord)
/* harmony export */ });
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4463);
// Whose word the deployment ledger takes. Anyone with `deployments: write` (a person, another
// workflow, any token with that permission) can create a deployment in any environment with any
// payload, and add any status to any deployment: only the identity this run's token acts as can
// make a record count, or make it count as served; anyone else can only take that away.


/** GitHub's deployment status states. */
const DEPLOYMENT_STATES = [
  "error",
  "failure",
  "inactive",
  "in_progress",
  "queued",
  "pending",
  "success",
]         ;
                                                                 

/**
 * Whether a deployment record may be taken as this action's own: created by the identity this run's
 * token acts as, in this endpoint's environment. (Its endpoint id is checked where it is used:
 * no-op, rollback, id memory.)
 */
function isOwnRecord(
  record                                                                ,
  identity        ,
  environment        ,
)          {
  return (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .sameLogin */ .Up)(record.creator?.login, identity) && record.environment === environment;
}

/** States whose status may come from anyone: each takes trust away, none gives it. */
const TRUST_TAKERS = new Set        (["error", "failure", "inactive"]);

/**
 * A record's latest state, from its statuses newest first, and whether its settings served (latest
 * `success`, or `inactive` right after a `success`). A status by another identity counts only when
 * it takes trust away: its `success` (or a pending state) is skipped, and what lies below decides.
 */
function trustedState(
  statuses                                                                        ,
  identity        ,
)                                               {
  const [latest, before] = statuses
    .filter((s) => TRUST_TAKERS.has(s.state) || (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .sameLogin */ .Up)(s.creator?.login, identity))
    .map((s) => s.state)
    .filter((s)                       => (DEPLOYMENT_STATES                     ).includes(s));
  const served = latest === "success" || (latest === "inactive" && before === "success");
  return latest ? { state: latest, served } : { served };
}


/***/ }),

/***/ 4333:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ endedText),
/* harmony export */   hE: () => (/* binding */ spanLabel),
/* harmony export */   sD: () => (/* binding */ mayBeOldVersion),
/* harmony export */   xo: () => (/* binding */ classifyStatus)
/* harmony export */ });
/* harmony import */ var _base_timing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2892);
// What a status means while waiting: pure, and used by the reports too, so they never call "ready"
// or "failed" what the wait did not.

                                                             

                                                                        
/** "gone" (a delete): every status is pending, only a 404 ends the wait; "sleeping": a sleep. */
                                                  

                           
                      
                     
 

/**
 * What a status means while waiting for RUNNING (InferenceDeploymentStatus in the spec; case and
 * surrounding spaces ignored; waiting for SLEEPING, it is the success and RUNNING, READY pending):
 * - success: RUNNING; READY (undocumented, but the spec lists it beside RUNNING and the only public
 *   client treats both as ready: a wrong "ready" is caught by the smoke test, waiting forever on it
 *   would not be); SLEEPING with min-replicas 0 (deployed and idle: scale-to-zero is what min 0 asks
 *   for, and an idle endpoint may well be asleep before we look).
 * - failure: FAILED (with errorCode); STOPPING, TERMINATING, TERMINATED: stopped or deleted under
 *   us, none of them leads back to RUNNING without a restart.
 * - pending: INITIALIZING, UPDATING, AWAKING, UNKNOWN (the API's own "not sure yet"); SLEEPING with
 *   min-replicas > 0 (it should not sleep: wait for it to come back, the deadline bounds it).
 * - unknown: anything else. The waiter warns once and keeps waiting: a status added to the API must
 *   not fail deploys.
 */
function classifyStatus(status        , opts                 )              {
  if (opts.target === "gone") return "pending";
  const asleep = opts.target === "sleeping";
  switch (status.trim().toUpperCase()) {
    case "RUNNING":
    case "READY":
      return asleep ? "pending" : "success";
    case "SLEEPING":
      return asleep || opts.minReplicas === 0 ? "success" : "pending";
    case "FAILED":
    case "STOPPING":
    case "TERMINATING":
    case "TERMINATED":
      return "failure";
    case "INITIALIZING":
    case "UPDATING":
    case "AWAKING":
    case "UNKNOWN":
      return "pending";
    default:
      return "unknown";
  }
}

/** The timeline's label: the phase while INITIALIZING, otherwise the status. */
function spanLabel(s                                          )         {
  const status = s.status.trim();
  return status.toUpperCase() === "INITIALIZING" && s.phase ? s.phase.trim() : status;
}

/** What a success other than RUNNING means, said after it. */
const SUCCESS_NOTES = new Map([
  ["SLEEPING", " (min-replicas 0: deployed and idle; the first request wakes it)"],
  ["READY", " (treated as RUNNING)"],
]);

/** What a status that ends the wait says, after "endpoint <id> ": its row of the table in words. */
function endedText(s                , verdict                       , after        )         {
  const upper = s.status.trim().toUpperCase();
  if (verdict === "success") return `is ${s.status}${SUCCESS_NOTES.get(upper) ?? ""} after ${after}`;
  if (upper !== "FAILED") {
    return `is ${s.status} after ${after}: it was stopped or deleted while the action waited for RUNNING`;
  }
  const during = s.phase ? ` during ${s.phase}` : "";
  const code = s.errorCode ? ` with error code ${s.errorCode}` : " without an error code";
  return `FAILED${during}${code} after ${after}`;
}

                       
                                                                   
                          
                       
                                                                          
                   
                                       
                         
 

/**
 * True when a successful status may still be the version from before the update. Friendli does
 * not say how soon an update shows as UPDATING, so right after a PUT a RUNNING counts as the new
 * version only once another status was seen, its updatedAt is not older than the PUT, or the
 * settle time has passed.
 */
function mayBeOldVersion(f             )          {
  if (f.sawOtherStatus || f.msSinceStart >= f.settleMs) return false;
  const updatedAt = f.updatedAt ? Date.parse(f.updatedAt) : Number.NaN;
  // A few seconds' allowance for the server's clock running behind ours.
  return !(updatedAt >= f.updateSentAtMs - _base_timing_js__WEBPACK_IMPORTED_MODULE_0__/* .CLOCK_SKEW_MS */ .rn);
}


/***/ })

};

//# sourceMappingURL=880.index.js.map