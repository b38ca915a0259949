export const id = 823;
export const ids = [823];
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

/***/ 823:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createPullRequestReader: () => (/* binding */ createPullRequestReader),
/* harmony export */   prState: () => (/* binding */ prState)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4343);
/* harmony import */ var _base_timing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2892);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4463);
// The state of a pull request, for the sweep: `GET /repos/{owner}/{repo}/pulls/{number}` through
// Octokit from @actions/github, loaded only when a sweep runs (as the PR comment does).

                                             


                                           

/** What the sweep needs of GitHub: one PR's state. Tests may pass their own. */
                                                                       

                              
                        
                
                     
                     
                                                                                   
                  
              
                       
 

async function createPullRequestReader(opts                    )                             {
  const { owner, repo } = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .splitRepository */ .T8)(opts.repository);
  // Each call passes its own signal: none for the client as a whole.
  const octokit = await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .githubClient */ .$f)({
    token: opts.token,
    apiUrl: opts.apiUrl,
    log: opts.log,
    signal: () => undefined,
  });
  return async (prNumber) => {
    // Per request: a slow GitHub must not hold the sweep.
    const timeout = AbortSignal.timeout(_base_timing_js__WEBPACK_IMPORTED_MODULE_0__/* .PR_READ_TIMEOUT_MS */ .TJ);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    try {
      const { data } = await octokit.rest.pulls.get({
        owner,
        repo,
        pull_number: prNumber,
        request: { signal },
      });
      return prState(data, prNumber);
    } catch (err) {
      const status = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(err);
      if (status === 404) return { kind: "unknown" };
      opts.signal?.throwIfAborted();
      return { kind: "error", message: pullError(err, status, prNumber, [opts.token]) };
    }
  };
}

// The fields the sweep decides on, as GitHub's REST API always sends them. A delete cannot be
// undone, so an answer of any other shape (a proxy's or a sign-in page with status 200, `{}`, a
// state GitHub never sends such as "OPEN" or "draft") is unreadable, never taken for `closed`.
const PullSchema = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
  number: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .int */ .Whr(),
  state: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(["open", "closed"]),
  merged: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
});

/** The PR's state from GitHub's answer, checked by shape; `unreadable` when it is not GitHub's. */
function prState(data         , prNumber        )          {
  const parsed = PullSchema.safeParse(data);
  if (!parsed.success || parsed.data.number !== prNumber) {
    return { kind: "unreadable", message: `GitHub's answer for PR #${prNumber} is not a pull request` };
  }
  const { state, merged } = parsed.data;
  return state === "open" ? { kind: "open" } : { kind: "closed", merged };
}

function pullError(err         , status                    , prNumber        , secrets          )         {
  const what = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .githubErrorText */ .fw)(err, secrets);
  const base = `could not read PR #${prNumber} from GitHub`;
  if (status === 401 || status === 403)
    return `${base} (${status} ${what}): the \`github-token\` needs \`permissions: pull-requests: read\``;
  return `${base} (${status !== undefined ? `${status} ` : ""}${what})`;
}


/***/ })

};

//# sourceMappingURL=823.index.js.map