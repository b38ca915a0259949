export const id = 332;
export const ids = [332];
export const modules = {

/***/ 1951:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  askHub: () => (/* binding */ askHub)
});

// EXTERNAL MODULE: ./node_modules/@huggingface/hub/dist/index.mjs + 15 modules
var dist = __webpack_require__(5009);
// EXTERNAL MODULE: ./build/base/format.js
var format = __webpack_require__(8253);
// EXTERNAL MODULE: ./build/base/redact.js
var redact = __webpack_require__(8839);
// EXTERNAL MODULE: ./build/base/safe-text.js
var safe_text = __webpack_require__(5511);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./build/base/backoff.js
var backoff = __webpack_require__(3972);
// EXTERNAL MODULE: ./build/base/clock.js
var clock = __webpack_require__(2030);
// EXTERNAL MODULE: ./build/base/timing.js
var timing = __webpack_require__(2892);
// EXTERNAL MODULE: ./build/friendli/request-policy.js
var request_policy = __webpack_require__(3590);
;// CONCATENATED MODULE: ./build/preflight/hub-fetch.js
// The fetch the Hub client is given: undici's fetch through the action's proxy-aware dispatcher
// (HTTPS_PROXY, NO_PROXY, as for Friendli), with a short deadline per attempt and for the whole
// pre-flight, and a couple of retries of what a busy Hub answers. The pre-flight is a courtesy: a
// slow Hub must cost seconds, never the deploy.
//
// Redirects are followed here, not by fetch. undici's fetch does drop the Authorization header on a
// redirect to another origin (the Fetch spec's redirect steps), as this loop does, but it follows a
// redirect from https down to http and to any host. Here every hop must pass the address rules of
// the Hub's own URL, https never goes to http, and the token stays on the Hub's origin.






                                  
                                                                       
                         
               
                                                                        
                      
                                                           
                     
                            
                                         
                    
                                                                                                       
                                                                    
 

const MAX_REDIRECTS = 5;
const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** One attempt on its own timer, following the redirects the token rules allow. */
async function fetchOnce(
  url        ,
  init                         ,
  opts                 ,
  errorCodes                     ,
)                    {
  const timeoutMs = opts.attemptTimeoutMs ?? timing/* HUB_ATTEMPT_TIMEOUT_MS */.dN;
  const done = new AbortController();
  // The timer's rejection is the attempt ending first: nothing to do.
  (opts.attemptTimer ?? clock/* systemClock */.m.sleep)(timeoutMs, done.signal).then(
    () => done.abort(new Error(`no answer within ${timeoutMs} ms`)),
    () => {},
  );
  const signal = AbortSignal.any([opts.signal, done.signal]);
  try {
    let target = new URL(url);
    // Lower-case names, whatever shape the client passed them in.
    const headers                         = Object.fromEntries(new Headers(init?.headers));
    for (let hop = 0; ; hop++) {
      const res = await (0,undici/* fetch */.hd)(target, {
        method: init?.method ?? "GET",
        headers,
        dispatcher: opts.dispatcher,
        signal,
        redirect: "manual",
      });
      const location = res.headers.get("location");
      if (!REDIRECT.has(res.status) || location === null || hop >= MAX_REDIRECTS) {
        const code = res.headers.get("x-error-code");
        if (code) errorCodes.set(target.href, code);
        // Read before the attempt's timer is cleared, so a stalled body is bounded too; the copy
        // keeps the URL the client names in its errors.
        const body = res.status === 204 || res.status === 304 ? null : await res.arrayBuffer();
        const copy = new Response(body, { status: res.status, headers: Array.from(res.headers) });
        return Object.defineProperty(copy, "url", { value: target.href });
      }
      await res.body?.cancel();
      const next = new URL(location, target);
      if (!(0,request_policy/* isAllowedBaseUrl */.h5)(next) || (target.protocol === "https:" && next.protocol !== "https:")) {
        throw new Error(`the Hub redirected to a URL the pre-flight does not follow (${next.protocol})`);
      }
      // The token is for the Hub: a redirect elsewhere (a CDN) goes without it.
      if (next.origin !== target.origin) delete headers.authorization;
      target = next;
    }
  } finally {
    done.abort();
  }
}

/**
 * A fetch for @huggingface/hub, and the Hub's error code (x-error-code) of each failed answer by
 * URL: the client's errors carry only the status.
 */
function hubFetch(opts                 )                                                           {
  const errorCodes = new Map                ();
  const attempts = opts.attempts ?? timing/* HUB_ATTEMPTS */.PW;
  const retrying = async (input                        , init              )                    => {
    const url = input instanceof Request ? input.url : String(input);
    let lastError         ;
    return (0,backoff/* retryLoop */.rU)({
      ...opts,
      backoff: timing/* HUB_RETRY_BACKOFF */.E0,
      attempt: async (n) => {
        const res = await fetchOnce(url, init, opts, errorCodes);
        // What a busy Hub answers is tried again while attempts are left.
        if ((res.status !== 429 && res.status < 500) || n === attempts) return res;
        throw new Error(`HTTP ${res.status}`);
      },
      failed: (err, n) => {
        if (opts.signal.aborted) throw opts.signal.reason;
        lastError = err;
        if (n >= attempts) throw err;
        return {};
      },
      outOfTime: () => {
        throw lastError instanceof Error ? lastError : new Error("the pre-flight's deadline passed");
      },
      aborted: (reason) => {
        throw reason;
      },
    });
  };
  return { fetch: retrying                , errorCodes };
}

;// CONCATENATED MODULE: ./build/preflight/hub.js
// Asks the Hugging Face Hub about a model through its official client, @huggingface/hub: model info
// (the revision's commit, private, gated, the chat template the Hub read from tokenizer_config),
// then the root's files with their sizes. Loaded only when the pre-flight runs.





                                                         

                                                        
                                                  
                 
               
                                                                              
                               
                              
 

                                                               

const TEMPLATE_FILES = ["chat_template.jinja", "chat_template.json"];

/** A full commit id, the only shape of `sha` the Hub gives. */
const COMMIT_ID = /^[0-9a-f]{40}$/;

/** A chat_template value that says something: a non-empty string, or a non-empty list of named ones. */
function hasTemplate(value         )          {
  if (typeof value === "string") return value.trim() !== "";
  return Array.isArray(value) && value.length > 0;
}

async function askHub(opts               )                     {
  const { fetch, errorCodes } = hubFetch(opts);
  const common = { hubUrl: opts.hubUrl.replace(/\/+$/, ""), fetch, accessToken: opts.hfToken };
  try {
    const info = await (0,dist/* modelInfo */.gi)({
      name: opts.repo,
      ...common,
      revision: opts.revision,
      additionalFields: ["sha", "config"],
    });
    const sha = info.sha;
    // The commit is pinned in the request body, recorded by the ledger and reported as an output:
    // an answer that is not a commit id is the Hub's fault, and the deploy goes on unpinned.
    if (typeof sha !== "string" || !COMMIT_ID.test(sha)) {
      return { kind: "unreachable", reason: "the Hub answered no commit id for the revision" };
    }
    const at = { repo: opts.repo, revision: sha, ...common };
    const files                = [];
    for await (const entry of (0,dist/* listFiles */.CS)(at)) {
      if (entry.type === "file") files.push({ path: entry.path, size: entry.size });
    }
    const fromConfig = (info.config                                                      )?.tokenizer_config;
    let chatTemplate                 =
      hasTemplate(fromConfig?.chat_template) || files.some((f) => TEMPLATE_FILES.includes(f.path));
    if (!chatTemplate && files.some((f) => f.path === "tokenizer_config.json")) {
      // null when tokenizer_config.json cannot be read (a gated repo without access).
      try {
        const blob = await (0,dist/* downloadFile */.PE)({ ...at, path: "tokenizer_config.json" });
        chatTemplate = hasTemplate(blob && (JSON.parse(await blob.text())                   )?.chat_template);
      } catch {
        chatTemplate = null;
      }
    }
    return { kind: "found", sha, private: info.private, gated: info.gated, files, chatTemplate };
  } catch (err) {
    if (opts.signal.aborted) throw opts.signal.reason;
    return classify(err, errorCodes, opts.hfToken);
  }
}

/** What a failed Hub call means for the deploy. Nothing the Hub wrote reaches a message. */
function classify(err         , codes                     , token                    )            {
  if (err instanceof dist/* HubApiError */.yL) {
    const code = codes.get(err.url);
    if (err.statusCode === 401) return { kind: "unauthorized" };
    if (err.statusCode === 404 && code === "RevisionNotFound") return { kind: "revision-not-found" };
    if (err.statusCode === 404 && code === "RepoNotFound") return { kind: "not-found" };
    return {
      kind: "unreachable",
      reason: `the Hub answered ${err.statusCode}${code ? ` ${(0,format/* clip */.$Q)(code)}` : ""}`,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
  const text = (0,safe_text/* neutralise */.$0)((0,redact/* redact */.E$)((0,format/* oneLine */.TN)(`${message}${cause}`), token ? [token] : []));
  return { kind: "unreachable", reason: (0,format/* clip */.$Q)(text) };
}


/***/ })

};

//# sourceMappingURL=332.index.js.map