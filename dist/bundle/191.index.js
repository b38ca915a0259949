export const id = 191;
export const ids = [191];
export const modules = {

/***/ 2191:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  upsertPrComment: () => (/* binding */ upsertPrComment)
});

// UNUSED EXPORTS: isOwnComment

// EXTERNAL MODULE: ./build/base/redact.js
var redact = __webpack_require__(8839);
// EXTERNAL MODULE: ./build/base/timing.js
var timing = __webpack_require__(2892);
// EXTERNAL MODULE: ./build/github/client.js
var client = __webpack_require__(4463);
// EXTERNAL MODULE: ./build/base/format.js
var format = __webpack_require__(8253);
// EXTERNAL MODULE: ./build/base/markdown.js
var markdown = __webpack_require__(6963);
// EXTERNAL MODULE: ./build/cost/words.js
var words = __webpack_require__(1021);
// EXTERNAL MODULE: ./build/friendli/error-codes.js
var error_codes = __webpack_require__(8411);
// EXTERNAL MODULE: ./build/report/curl.js
var curl = __webpack_require__(6681);
// EXTERNAL MODULE: ./build/report/summary.js + 1 modules
var summary = __webpack_require__(3788);
;// CONCATENATED MODULE: ./build/report/pr-comment.js
// The sticky PR comment's text: one comment per pull request and endpoint, found again by a
// hidden marker (./pr-comment-writer.ts edits it in place).





                                                       
                                                           

                                                 


/**
 * The hidden line that identifies this endpoint's comment. The name is percent-encoded where it
 * could end the HTML comment early (`-->`) or make two names collide; ordinary names stay readable.
 */
function markerFor(endpointName        )         {
  return `<!-- friendli-deploy-action:${encodeURIComponent(endpointName)} -->`;
}

                                                                               

const HEADLINES = {
  deploying: { icon: "⏳", text: (n) => `Preview endpoint ${n} is deploying` },
  ready: { icon: "✅", text: (n) => `Preview endpoint ${n} is ready` },
  failed: { icon: "❌", text: (n, verb) => `${verb} of ${n} failed` },
  "rolled-back": {
    icon: "↩️",
    text: (n, verb) => `${verb} of ${n} failed; the previous version serves again`,
  },
  "timed-out": { icon: "⌛", text: (n, verb) => `${verb} of ${n} timed out` },
  cancelled: { icon: "⏹️", text: (n, verb) => `${verb} of ${n} was cancelled` },
  deleted: { icon: "🗑️", text: (n) => `Preview endpoint ${n} was deleted` },
  "not-found": { icon: "🗑️", text: (n) => `Preview endpoint ${n} is gone` },
  skipped: { icon: "⏭️", text: (n, verb) => `${verb} of ${n} was skipped` },
  planned: { icon: "📝", text: (n, verb) => `Dry run: ${verb.toLowerCase()} of ${n} (nothing changed)` },
  slept: { icon: "💤", text: (n) => `Preview endpoint ${n} is asleep` },
}                                   ;

/** Which picture the comment shows. */
                                                    

// `wait: false` or `if-exists: reuse` can end a successful run on an endpoint that failed.
const BY_STATUS                                      = {
  success: "ready",
  failure: "failed",
  pending: "deploying",
  unknown: "deploying",
};

/** The run's result, sharpened by the endpoint's last status. */
function commentState(r           )                 {
  switch (r.result) {
    case "created":
    case "updated":
    case "reused":
    case "unchanged":
    case "woken":
    case "restarted":
      return r.operation === "sleep" ? "slept" : BY_STATUS[(0,summary/* statusClass */.hI)(r)];
    // A sweep writes no PR comment (main.ts); were one asked for, nothing was deployed here.
    case "swept":
    case "clean":
      return "skipped";
    default:
      return r.result;
  }
}

/** The states in which no endpoint exists or bills. */
const NO_ENDPOINT                              = new Set(["deleted", "not-found", "skipped", "planned"]);

const VERBS                                         = {
  deploy: "Deploy",
  delete: "Delete",
  status: "Status check",
  sweep: "Sweep",
  sleep: "Sleep",
  wake: "Wake",
  restart: "Restart",
};

// Bounds keep the comment far below GitHub's 65,536-character limit whatever a server sends.
const MAX_MESSAGE = 1500;
const MAX_REPLY = 500;
const MAX_WARNINGS = 5;

                                                   

                                  
                                       
                 
                                                                                                
                                                                                            
 

/** The comment's Markdown: paragraphs, the same report and context giving the same text. */
function renderPrComment(r           , opts                        )         {
  const state = commentState(r);
  const name = r.endpointName ? `**${esc(r.endpointName, 100)}**` : "the endpoint";
  const headline           = HEADLINES[state];
  const warnings = r.warnings.slice(0, MAX_WARNINGS).map((w) => `- ${esc(w, 300)}`);
  if (r.warnings.length > MAX_WARNINGS) warnings.push(`- and ${r.warnings.length - MAX_WARNINGS} more`);
  const paragraphs = [
    `${opts.marker}\n### ${headline.icon} ${headline.text(name, VERBS[r.operation])}`,
    ...stateBody(r, state),
    // What a preview costs, while one exists: not before a create (a deploy refused by
    // `max-hourly-cost` says why in its message), nor once it is deleted or gone.
    r.endpointId && !r.deletedAfterFailure && !NO_ENDPOINT.has(state) ? (0,words/* costSentence */.L)(r.cost) : undefined,
    facts(r),
    warnings.length > 0 && `<details><summary>Warnings</summary>\n\n${warnings.join("\n")}\n\n</details>`,
    opts.context && footer(opts.context),
  ];
  return `${paragraphs.filter(Boolean).join("\n\n")}\n`;
}

function facts(r           )         {
  const phases = r.timeline
    .slice(-12)
    .map((span) => `${esc(span.label, 60)} ${(0,format/* formatDuration */.a3)((span.endMs ?? r.finishedAtMs) - span.startMs)}`);
  const deployment = (0,summary/* deploymentLink */.CX)(r.deployment);
  return [
    r.endpointId && `**Endpoint id:** ${esc(r.endpointId, 100)}`,
    r.model && `**${r.rolledBack ? "Requested model (failed)" : "Model"}:** ${modelText(r.model)}`,
    r.previous &&
      `**${r.rolledBack ? "Serving again" : "Previous version"}:** ${modelText(r.previous.model)} · ${esc(r.previous.gpu, 60)}`,
    deployment && `**GitHub deployment:** ${deployment}`,
    r.gpu && `**GPU:** ${esc(r.gpu, 60)}`,
    r.replicas && `**Replicas:** ${r.replicas.min}–${r.replicas.max}`,
    r.status && `**Status:** ${esc(r.status, 40)}${r.phase ? ` · ${esc(r.phase, 60)}` : ""}`,
    `**Elapsed:** ${(0,summary/* elapsed */.vk)(r)}`,
    phases.length > 0 && `**Phases:** ${phases.join(" → ")}`,
  ]
    .filter(Boolean)
    .map((f) => `- ${f}`)
    .join("\n");
}

/** The state's paragraphs; empty ones are left out. */
function stateBody(r           , state                )              {
  const seen = `${esc(r.status ?? "unknown", 40)}${r.phase ? `, phase ${esc(r.phase, 60)}` : ""}`;
  switch (state) {
    case "deploying":
      return [`Status ${seen}, ${(0,summary/* elapsed */.vk)(r)} elapsed. The next run of the workflow updates this comment.`];
    case "ready":
      return readyBody(r);
    case "timed-out":
      return [`Gave up after ${(0,summary/* elapsed */.vk)(r)}; last seen: ${seen}.`, ...failureBody(r, state)];
    case "failed":
    case "rolled-back":
    case "cancelled":
      return failureBody(r, state);
    case "deleted":
      return ["The endpoint was deleted: it no longer serves requests or uses a GPU."];
    case "slept":
      return ["The endpoint sleeps: it uses no GPU; a request, or `operation: wake`, wakes it."];
    case "not-found":
      return r.operation === "delete"
        ? ["There was no endpoint to delete: it was already removed (or never deployed)."]
        : ["No endpoint with this name exists in the project: it was removed (or never deployed)."];
    case "skipped":
      return [`Nothing was deployed. ${esc(r.message ?? r.warnings[0] ?? "", MAX_MESSAGE)}`.trimEnd()];
    case "planned":
      return [
        "`dry-run: true`: the inputs were checked and the endpoint resolved; no request changed anything.",
      ];
  }
}

function readyBody(r           )              {
  const { smokeTest: smoke, inferenceUrl: url, endpointId: id } = r;
  return [
    (r.status ?? "").trim().toUpperCase() === "SLEEPING"
      ? "It is asleep (`min-replicas: 0`): the first request wakes it, which can take a few minutes."
      : undefined,
    url && `**Inference URL:** ${esc(url, 200)}`,
    smoke &&
      `**Smoke test:** answered in ${Math.round(smoke.latencyMs)} ms: “${esc(smoke.reply, MAX_REPLY)}”`,
    ...(url && id
      ? [
          "Try it (OpenAI-compatible; the model is the endpoint id; set `FRIENDLI_TOKEN` to a Friendli token of this project's team):",
          (0,markdown/* codeBlock */.DV)((0,curl/* curlCommand */.O)(url, id, "quoted"), "sh"),
        ]
      : []),
  ];
}

function failureBody(r           , state                )              {
  // The hints are the action's own text with `input-name` code spans; an unknown code inside one
  // is still escaped.
  const hint = r.hint ?? (0,error_codes/* errorHint */.c$)(r.errorCode);
  return [
    r.errorCode && `**Error code:** ${esc(r.errorCode, 100)}`,
    hint && `**What to change:** ${(0,markdown/* escapeMarkdown */.FV)(hint, { maxLength: MAX_MESSAGE, inlineCode: true })}`,
    r.message && `> ${esc(r.message, MAX_MESSAGE)}`,
    state === "rolled-back" && (0,summary/* rolledBackText */.Jh)(r),
    // An endpoint that was not deleted keeps its GPU (and its bill) until someone removes it.
    (0,summary/* endpointFate */.YQ)(r),
  ];
}

const HF_REPO = /^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/;
const HEX = /^[0-9a-f]{7,40}$/i;

function modelText(model                                 )         {
  const text = esc(model.revision ? `${model.repo}@${model.revision}` : model.repo, 200);
  if (!HF_REPO.test(model.repo)) return text;
  const rev = model.revision && HEX.test(model.revision) ? `/tree/${model.revision}` : "";
  return `[${text}](https://huggingface.co/${model.repo}${rev})`;
}

/** Which commit the comment speaks of (the PR head, not the merge commit) and where the run is. */
function footer(context                                                )         {
  // On pull_request events GITHUB_SHA is a merge commit nobody pushed: the head is what was tested.
  const sha = context.pullRequest?.headSha || context.sha;
  const parts = ["[friendli-deploy-action](https://github.com/friendli-deploy-action/deploy)"];
  if (HEX.test(sha)) {
    const short = sha.slice(0, 7).toLowerCase();
    const url = (0,summary/* safeUrl */.Pl)(`${context.serverUrl}/${context.repository}/commit/${sha}`);
    parts.push(`commit ${url ? `[${short}](${url})` : short}`);
  } else if (sha) {
    parts.push(`commit ${esc(sha, 40)}`);
  }
  const run = (0,summary/* safeUrl */.Pl)(context.runUrl);
  if (run) parts.push(`[workflow run](${run})`);
  return `<sub>${parts.join(" · ")}</sub>`;
}

function esc(value         , maxLength        )         {
  return (0,markdown/* escapeMarkdown */.FV)(value, { maxLength });
}

;// CONCATENATED MODULE: ./build/report/pr-comment-writer.js
// Writing the sticky PR comment: finds this endpoint's comment by its marker and edits it, or
// creates one, so a PR that is pushed to twenty times still has one comment that is current.
// main.ts loads this module only to comment: Octokit is a few hundred KB a release never needs.

                                             



                                                       

                                                 

                                                                    

                                  
                    
                      
                                                
                
                                                                                   
                  
              
                                                                             
                    
                                                                                         
                     
                                               
                       
 

const PERMISSION = "`permissions: pull-requests: write`";

                               
             
                       
                                                  
 

/**
 * Creates or updates this endpoint's comment on the pull request. Never throws: a comment is a
 * courtesy, so any failure is a warning that says what to fix, and the deploy goes on.
 */
async function upsertPrComment(opts                        )                           {
  const { report, context, token, log } = opts;
  const pr = context.pullRequest;
  if (!pr) {
    log.debug("PR comment: not a pull request event, nothing to comment on");
    return "skipped";
  }
  if (!token) {
    log.info("PR comment skipped: `github-token` is empty");
    return "skipped";
  }
  if (!report.endpointName) {
    log.debug("PR comment skipped: no endpoint name to mark the comment with");
    return "skipped";
  }
  const secrets = [...opts.secrets, token];
  try {
    const marker = markerFor(report.endpointName);
    const body = (0,redact/* redact */.E$)(renderPrComment(report, { marker, context }), secrets);
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? timing/* PR_COMMENT_TIMEOUT_MS */.ar);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const octokit = await (0,client/* githubClient */.$f)({ token, apiUrl: opts.apiUrl, log, signal: () => signal });
    const issue = { ...(0,client/* splitRepository */.T8)(context.repository), issue_number: pr.number };
    const existing = await findComment(octokit, issue, marker);
    if (existing !== undefined) {
      try {
        await octokit.rest.issues.updateComment({ ...issue, comment_id: existing, body });
        log.info(`PR comment updated (#${pr.number}, comment ${existing})`);
        return "updated";
      } catch (err) {
        // Deleted by someone between the list and the edit: write a new one instead.
        if ((0,client/* statusOf */.c2)(err) !== 404) throw err;
        log.debug(`PR comment ${existing} vanished before it could be updated; creating a new one`);
      }
    }
    const created = await octokit.rest.issues.createComment({ ...issue, body });
    log.info(`PR comment created (#${pr.number}, comment ${created.data.id})`);
    return "created";
  } catch (err) {
    log.warning(failureMessage(err, pr.number, secrets));
    return "failed";
  }
}

/**
 * True for the comment this action wrote: it starts with the marker (a person quoting the marker
 * mid-text is never overwritten) and its author is the identity the token acts as. Anyone can
 * write a comment that starts with the marker; editing theirs would put the action's words under
 * their name, or theirs under the action's.
 */
function isOwnComment(c              , marker        , identity        )          {
  return c.body?.trimStart().startsWith(marker) === true && (0,client/* sameLogin */.Up)(c.user?.login, identity);
}

/** The first of this action's comments; the listing stops there, so a long PR costs only the pages up to it. */
async function findComment(
  octokit         ,
  issue                                                       ,
  marker        ,
)                              {
  const identity = await (0,client/* tokenIdentity */.sX)(octokit);
  let found                    ;
  await octokit.paginate(octokit.rest.issues.listComments, { ...issue, per_page: 100 }, (response, done) => {
    found = response.data.find((c) => isOwnComment(c, marker, identity))?.id;
    if (found !== undefined) done();
    return [];
  });
  return found;
}

function failureMessage(err         , prNumber        , secrets          )         {
  const status = (0,client/* statusOf */.c2)(err);
  // Octokit's HttpError carries GitHub's own message, which says more than its class name.
  const what = (0,client/* githubErrorText */.fw)(err, secrets);
  const base = `Could not write the PR comment on #${prNumber}`;
  const tail = "The deployment itself is not affected.";
  if (status === 401) {
    return `${base} (401 ${what}): the \`github-token\` was rejected; it needs ${PERMISSION}. ${tail}`;
  }
  if (status === 403 || status === 404) {
    // GitHub answers 404 as well as 403 when a token may not see or write the resource.
    return (
      `${base} (${status} ${what}): the token may not comment; add ${PERMISSION} to the job. ` +
      `A pull request from a fork gets a read-only token under \`pull_request\`, so its runs cannot comment. ${tail}`
    );
  }
  return `${base} (${what}): GitHub failed or could not be reached; the comment also needs ${PERMISSION}. ${tail}`;
}


/***/ })

};

//# sourceMappingURL=191.index.js.map