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
// hidden marker (./pr-comment-writer.ts edits it in place). Pure: the same report and context give
// the same Markdown.





                                                       

                                                 


                            
               
           
            
                 
               
               
             
               
             
              

const MARKER_PREFIX = "friendli-deploy-action:";

/**
 * The hidden line that identifies this endpoint's comment. The name is percent-encoded where it
 * could end the HTML comment early (`-->`) or make two names collide; ordinary names stay readable.
 */
function markerFor(endpointName        )         {
  return `<!-- ${MARKER_PREFIX}${encodeURIComponent(endpointName)} -->`;
}

/** Which picture the comment shows: the run's result, sharpened by the endpoint's last status. */
function commentState(r           )                 {
  switch (r.result) {
    case "created":
    case "updated":
    case "reused":
    case "unchanged": {
      // `wait: false` or `if-exists: reuse` can end a successful run on an endpoint that failed.
      switch ((0,summary/* statusClass */.hI)(r)) {
        case "success":
          return "ready";
        case "failure":
          return "failed";
        default:
          return "deploying";
      }
    }
    // A sweep writes no PR comment (main.ts); were one asked for, nothing was deployed here.
    case "swept":
    case "clean":
      return "skipped";
    default:
      return r.result;
  }
}

const HEADLINES                                                                                         = {
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
};

/** The states in which an endpoint exists and bills. */
const COSTS_SHOWN                              = new Set([
  "deploying",
  "ready",
  "failed",
  "rolled-back",
  "timed-out",
  "cancelled",
]);

const VERBS                                         = {
  deploy: "Deploy",
  delete: "Delete",
  status: "Status check",
  sweep: "Sweep",
};

// Bounds keep the comment far below GitHub's 65,536-character limit whatever a server sends.
const MAX_MESSAGE = 1500;
const MAX_REPLY = 500;
const MAX_WARNINGS = 5;

                                  
                                       
                 
                                                                                                
                                                                                            
 

/** The comment's Markdown. Pure: the same report and context give the same text. */
function renderPrComment(r           , opts                        )         {
  const state = commentState(r);
  const name = r.endpointName ? `**${esc(r.endpointName, 100)}**` : "the endpoint";
  const headline = HEADLINES[state];
  const lines           = [
    opts.marker,
    `### ${headline.icon} ${headline.text(name, VERBS[r.operation])}`,
    "",
  ];

  lines.push(...stateBody(r, state), "");
  // What a preview costs, while one exists: not before a create (a deploy refused by
  // `max-hourly-cost` says why in its message), nor once it is deleted or gone.
  const cost =
    r.endpointId && !r.deletedAfterFailure && COSTS_SHOWN.has(state) ? (0,words/* costSentence */.L)(r.cost) : undefined;
  if (cost) lines.push(cost, "");

  const facts = [
    r.endpointId && `**Endpoint id:** ${esc(r.endpointId, 100)}`,
    r.model && `**${r.rolledBack ? "Requested model (failed)" : "Model"}:** ${modelText(r.model)}`,
    r.previous &&
      `**${r.rolledBack ? "Serving again" : "Previous version"}:** ${modelText(r.previous.model)} · ${esc(r.previous.gpu, 60)}`,
    deploymentText(r),
    r.gpu && `**GPU:** ${esc(r.gpu, 60)}`,
    r.replicas && `**Replicas:** ${r.replicas.min}–${r.replicas.max}`,
    r.status && `**Status:** ${esc(r.status, 40)}${r.phase ? ` · ${esc(r.phase, 60)}` : ""}`,
    `**Elapsed:** ${(0,format/* formatDuration */.a3)(r.finishedAtMs - r.startedAtMs)}`,
  ].filter((f)              => typeof f === "string" && f !== "");
  lines.push(...facts.map((f) => `- ${f}`));

  const phases = timelineText(r);
  if (phases) lines.push(`- **Phases:** ${phases}`);

  const warnings = r.warnings.slice(0, MAX_WARNINGS);
  if (warnings.length > 0) {
    lines.push("", "<details><summary>Warnings</summary>", "");
    lines.push(...warnings.map((w) => `- ${esc(w, 300)}`));
    if (r.warnings.length > warnings.length) lines.push(`- and ${r.warnings.length - warnings.length} more`);
    lines.push("", "</details>");
  }
  if (opts.context) lines.push("", footer(opts.context));
  return `${lines.join("\n")}\n`;
}

function stateBody(r           , state                )           {
  const elapsed = (0,format/* formatDuration */.a3)(r.finishedAtMs - r.startedAtMs);
  switch (state) {
    case "deploying":
      return [
        `Status ${esc(r.status ?? "unknown", 40)}${r.phase ? `, phase ${esc(r.phase, 60)}` : ""}, ` +
          `${elapsed} elapsed. The next run of the workflow updates this comment.`,
      ];
    case "ready":
      return readyBody(r);
    case "failed":
    case "rolled-back":
    case "timed-out":
    case "cancelled":
      return failureBody(r, state, elapsed);
    case "deleted":
      return ["The endpoint was deleted: it no longer serves requests or uses a GPU."];
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

function readyBody(r           )           {
  const out           = [];
  if ((r.status ?? "").trim().toUpperCase() === "SLEEPING") {
    out.push(
      "It is asleep (`min-replicas: 0`): the first request wakes it, which can take a few minutes.",
      "",
    );
  }
  if (r.inferenceUrl) out.push(`**Inference URL:** ${esc(r.inferenceUrl, 200)}`, "");
  if (r.smokeTest) {
    out.push(
      `**Smoke test:** answered in ${Math.round(r.smokeTest.latencyMs)} ms: ` +
        `“${esc(r.smokeTest.reply, MAX_REPLY)}”`,
      "",
    );
  }
  if (r.inferenceUrl && r.endpointId) {
    out.push(
      "Try it (OpenAI-compatible; the model is the endpoint id; set `FRIENDLI_TOKEN` to a Friendli token of this project's team):",
      "",
      (0,markdown/* codeBlock */.DV)((0,curl/* curlCommand */.O)(r.inferenceUrl, r.endpointId, "quoted"), "sh"),
    );
  }
  return out;
}

function failureBody(r           , state                , elapsed        )           {
  // Paragraphs, each followed by a blank line: consecutive lines would run into one.
  const out           = [];
  if (state === "timed-out") {
    const phase = r.phase ? `, phase ${esc(r.phase, 60)}` : "";
    out.push(`Gave up after ${elapsed}; last seen: ${esc(r.status ?? "unknown", 40)}${phase}.`, "");
  }
  if (r.errorCode) out.push(`**Error code:** ${esc(r.errorCode, 100)}`, "");
  const hint = r.hint ?? (0,error_codes/* errorHint */.c$)(r.errorCode);
  // The hints are the action's own text with `input-name` code spans; an unknown code inside one
  // is still escaped.
  if (hint) {
    out.push(`**What to change:** ${(0,markdown/* escapeMarkdown */.FV)(hint, { maxLength: MAX_MESSAGE, inlineCode: true })}`, "");
  }
  if (r.message) out.push(`> ${esc(r.message, MAX_MESSAGE)}`, "");
  if (state === "rolled-back" && r.previous) {
    out.push(
      `\`rollback-on-failure\`: the settings of GitHub deployment ${r.previous.deploymentId} were put back, and the endpoint serves them again.`,
      "",
    );
  }
  // An endpoint that was not deleted keeps its GPU (and its bill) until someone removes it.
  const fate = (0,summary/* endpointFate */.YQ)(r);
  if (fate) out.push(fate);
  while (out.at(-1) === "") out.pop();
  return out;
}

/** The GitHub deployment this run recorded, linked to its environment's deployments page. */
function deploymentText(r           )                     {
  const d = r.deployment;
  if (d?.id === undefined) return undefined;
  const text = `${d.id} in ${esc(d.environment, 120)}`;
  const url = d.url ? safeUrl(d.url) : undefined;
  return `**GitHub deployment:** ${url ? `[${text}](${url})` : text}`;
}

const HF_REPO = /^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/;
const HEX = /^[0-9a-f]{7,40}$/i;

function modelText(model                                 )         {
  const text = esc(model.revision ? `${model.repo}@${model.revision}` : model.repo, 200);
  if (!HF_REPO.test(model.repo)) return text;
  const rev = model.revision && HEX.test(model.revision) ? `/tree/${model.revision}` : "";
  return `[${text}](https://huggingface.co/${model.repo}${rev})`;
}

function timelineText(r           )         {
  return r.timeline
    .slice(-12)
    .map((span) => `${esc(span.label, 60)} ${(0,format/* formatDuration */.a3)((span.endMs ?? r.finishedAtMs) - span.startMs)}`)
    .join(" → ");
}

/** Which commit the comment speaks of (the PR head, not the merge commit) and where the run is. */
function footer(context                                                )         {
  // On pull_request events GITHUB_SHA is a merge commit nobody pushed: the head is what was tested.
  const sha = context.pullRequest?.headSha || context.sha;
  const parts = ["[friendli-deploy-action](https://github.com/friendli-deploy-action/deploy)"];
  if (HEX.test(sha)) {
    const short = sha.slice(0, 7).toLowerCase();
    const url = safeUrl(`${context.serverUrl}/${context.repository}/commit/${sha}`);
    parts.push(`commit ${url ? `[${short}](${url})` : short}`);
  } else if (sha) {
    parts.push(`commit ${esc(sha, 40)}`);
  }
  const run = safeUrl(context.runUrl);
  if (run) parts.push(`[workflow run](${run})`);
  return `<sub>${parts.join(" · ")}</sub>`;
}

/** A URL that cannot end the Markdown link or open HTML, or undefined. */
function safeUrl(url        )                     {
  return /^https?:\/\/[^\s<>()"'`\\[\]]+$/.test(url) ? url : undefined;
}

function esc(value         , maxLength        )         {
  return (0,markdown/* escapeMarkdown */.FV)(value, { maxLength });
}

;// CONCATENATED MODULE: ./build/report/pr-comment-writer.js
// Writing the sticky PR comment: finds this endpoint's comment by its marker and edits it, or
// creates one, so a PR that is pushed to twenty times still has one comment that is current. The
// only place the comment loads @actions/github, through ../github/client.ts (a few hundred KB of Octokit and
// undici that a release or manual deploy never needs). Never fails the step: a comment is a courtesy.

                                             



                                                       

                                                 

                                                                    

                                  
                    
                      
                                                
                
                                                                                   
                  
              
                                                                             
                    
                                                                                         
                     
                                               
                       
 

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
    const { owner, repo } = (0,client/* splitRepository */.T8)(context.repository);
    const marker = markerFor(report.endpointName);
    const body = (0,redact/* redact */.E$)(renderPrComment(report, { marker, context }), secrets);

    const timeout = AbortSignal.timeout(opts.timeoutMs ?? timing/* PR_COMMENT_TIMEOUT_MS */.ar);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;

    const octokit = await (0,client/* githubClient */.$f)({ token, apiUrl: opts.apiUrl, log, signal: () => signal });

    const identity = await (0,client/* tokenIdentity */.sX)(octokit);
    const existing = await findComment(marker, identity, (mapFn) =>
      octokit.paginate(
        octokit.rest.issues.listComments,
        { owner, repo, issue_number: pr.number, per_page: 100 },
        mapFn,
      ),
    );
    if (existing !== undefined) {
      try {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body });
        log.info(`PR comment updated (#${pr.number}, comment ${existing})`);
        return "updated";
      } catch (err) {
        // Deleted by someone between the list and the edit: write a new one instead.
        if ((0,client/* statusOf */.c2)(err) !== 404) throw err;
        log.debug(`PR comment ${existing} vanished before it could be updated; creating a new one`);
      }
    }
    const created = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: pr.number,
      body,
    });
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
  marker        ,
  identity        ,
  list                                             ,
)                              {
  let found                    ;
  await list((response, done) => {
    const own = response.data.find((c) => isOwnComment(c, marker, identity));
    if (own) {
      found = own.id;
      done();
    }
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