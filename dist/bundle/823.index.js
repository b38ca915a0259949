export const id = 823;
export const ids = [823];
export const modules = {

/***/ 823:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createPullRequestReader: () => (/* binding */ createPullRequestReader),
/* harmony export */   prState: () => (/* binding */ prState)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8395);
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
  const timeoutMs = opts.timeoutMs ?? _base_timing_js__WEBPACK_IMPORTED_MODULE_0__/* .PR_READ_TIMEOUT_MS */ .TJ;
  return async (prNumber) => {
    const timeout = AbortSignal.timeout(timeoutMs);
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