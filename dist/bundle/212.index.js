export const id = 212;
export const ids = [212];
export const modules = {

/***/ 2212:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./build/base/clock.js
var clock = __webpack_require__(2030);
// EXTERNAL MODULE: ./build/base/names.js
var names = __webpack_require__(8612);
// EXTERNAL MODULE: ./build/base/redact.js
var redact = __webpack_require__(8839);
// EXTERNAL MODULE: ./build/base/safe-text.js
var safe_text = __webpack_require__(5511);
// EXTERNAL MODULE: ./build/base/timing.js
var timing = __webpack_require__(2892);
// EXTERNAL MODULE: ./build/endpoint/resolve.js + 1 modules
var resolve = __webpack_require__(2579);
// EXTERNAL MODULE: ./build/friendli/client.js
var client = __webpack_require__(5523);
// EXTERNAL MODULE: ./build/friendli/errors.js
var errors = __webpack_require__(3615);
// EXTERNAL MODULE: ./build/friendli/http.js + 1 modules
var friendli_http = __webpack_require__(8523);
// EXTERNAL MODULE: ./build/github/context.js
var github_context = __webpack_require__(9009);
// EXTERNAL MODULE: ./build/inputs/inputs.js
var inputs_inputs = __webpack_require__(743);
// EXTERNAL MODULE: ./build/operations/client-options.js
var client_options = __webpack_require__(2468);
// EXTERNAL MODULE: ./build/report/delete-step.js
var delete_step = __webpack_require__(4523);
;// CONCATENATED MODULE: ./build/post/decide.js
// What the post step does, decided from the state the main step saved: pure, table-tested. Which
// endpoint a cancelled create made is judged by src/endpoint/created-claim.ts, as in the main step.
                                                                
                                                          

/** The state the main step saves, as the post step reads it (strings, "" when never saved). */
                             
                 
                     
                           
                     
                       
                          
                    
                           
 

                      
                                                                
                       
     
                                                                                    
                                                                                                 
                                                                        
     
                                                               
                                                                                    
                                                
                                                                                                      
                                                           

/**
 * A DELETE the main step owed is finished whatever the run's result. Otherwise only a run that did
 * not finish leaves work here: a cancelled one, or one killed before it saved a result. Every other
 * result was handled by the main step itself, including delete-on-failure after a failure.
 */
function planPost(s            )           {
  if (s.endpointId && s.createdByThisRun === "true" && s.deleteOwed === "true")
    return { kind: "delete-by-id", endpointId: s.endpointId, owed: true };
  if (s.result !== "cancelled" && s.result !== "") return { kind: "nothing" };
  const previews = sweepPreviews(s.sweepUnconfirmed);
  if (previews.length > 0) return { kind: "confirm-sweep", previews };
  if (s.endpointId) {
    return s.createdByThisRun === "true"
      ? { kind: "delete-by-id", endpointId: s.endpointId, owed: false }
      : { kind: "nothing" };
  }
  const facts = createFacts(s);
  return facts ? { kind: "find-created", facts } : { kind: "nothing" };
}

/** The create's facts as the main step saved them; undefined when no create went out. */
function createFacts(s            )                          {
  if (epochMs(s.createSentAt) === undefined) return undefined;
  return {
    lookupIds: new Set(s.lookupIds.split(",").filter((id) => id !== "")),
    ...(s.createCreatedAt ? { answeredCreatedAt: s.createCreatedAt } : {}),
  };
}

function epochMs(value        )                     {
  if (!/^[0-9]{1,16}$/.test(value)) return undefined;
  const ms = Number(value);
  return ms > 0 ? ms : undefined;
}

/** The saved previews, each checked by shape; anything else in the state is ignored. */
function sweepPreviews(saved        )                    {
  let parsed         ;
  try {
    parsed = JSON.parse(saved || "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((p         ) => {
    if (p === null || typeof p !== "object") return [];
    const { id, name, prNumber } = p                           ;
    return typeof id === "string" &&
      /^[A-Za-z0-9_-]{1,64}$/.test(id) &&
      typeof name === "string" &&
      Number.isSafeInteger(prNumber)
      ? [{ id, name, prNumber: prNumber           }]
      : [];
  });
}

// EXTERNAL MODULE: ./build/base/backoff.js
var backoff = __webpack_require__(3972);
// EXTERNAL MODULE: ./build/base/concurrency.js
var concurrency = __webpack_require__(4751);
// EXTERNAL MODULE: ./build/base/format.js
var format = __webpack_require__(8253);
// EXTERNAL MODULE: ./build/base/markdown.js
var markdown = __webpack_require__(6963);
;// CONCATENATED MODULE: ./build/post/sweep-check.js
// The post step after a sweep cancelled while its DELETEs were in flight: the main step reported
// them "not confirmed", though the server may carry them out after the cancellation. Each preview
// is read until it is gone or SWEEP_SETTLE_MS has passed; nothing is deleted here: the
// cancellation may have been meant to stop the sweep.

                                              

                                                




                                                            


                                                  
                                                          

                          
                 
               
                      
                         
 

/**
 * Gone (404, or TERMINATING: on its way out) is deleted, and then, with github-deployment, the
 * preview's deployments are marked inactive as the sweep would have; one still there when the time
 * is up is left for the next sweep. `client` is closed here.
 */
async function confirmSweep(
  deps                ,
  inputs        ,
  previews                            ,
  secrets          ,
  client                ,
)                                 {
  const { core } = deps;
  const gone                    = [];
  let stayed                    = [];
  try {
    stayed = await settle(deps, client, previews, gone);
    for (const p of stayed)
      core.info(
        `The sweep's DELETE of ${p.id} ("${p.name}") did not go through within ${(0,format/* formatDuration */.a3)(timing/* SWEEP_SETTLE_MS */.es)}: ` +
          "the next sweep deletes it, or closes its deployments if the DELETE still goes through",
      );
  } catch (err) {
    core.warning(`could not confirm the cancelled sweep's deletes: ${(0,redact/* formatError */.Wk)(err, secrets)}`);
  } finally {
    await client.http.close();
  }
  await writeSweepCheck(core, previews, gone, stayed, secrets);
  if (gone.length > 0 && inputs.githubDeployment) {
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    const { sweepLedger } = await Promise.all(/* import() */[__webpack_require__.e(880), __webpack_require__.e(215)]).then(__webpack_require__.bind(__webpack_require__, 5596));
    const ledger = sweepLedger({
      enabled: true,
      context: (0,github_context/* readRunContext */.$)(deps.env),
      token: inputs.githubToken,
      apiUrl: deps.env.GITHUB_API_URL,
      log: { info: core.info, warning: core.warning, debug: core.debug },
      secrets,
      signal: deps.signal,
    });
    for (const p of gone) {
      try {
        await ledger.markInactive?.(p);
      } catch (err) {
        core.warning(`could not mark the deployments of "${p.name}" inactive: ${(0,redact/* formatError */.Wk)(err, secrets)}`);
      }
    }
  }
  return gone.length > 0 ? "deleted" : "nothing";
}

/**
 * Reads the previews not yet gone, backing off between rounds, until none is left or the time is
 * up; fills `gone` as they go and returns those still there. A failed read (past the HTTP layer's
 * retries) throws.
 */
async function settle(
  deps                ,
  client                ,
  previews                            ,
  gone                   ,
)                             {
  const { core, clock, signal } = deps;
  let left = [...previews];
  const stillThere = new Error("still there");
  try {
    await (0,backoff/* retryLoop */.rU)({
      clock,
      signal,
      deadlineMs: clock.now() + timing/* SWEEP_SETTLE_MS */.es,
      backoff: timing/* SWEEP_SETTLE_BACKOFF */.W6,
      attempt: async () => {
        const out = await (0,concurrency/* mapLimit */.s)(left, timing/* REQUESTS_IN_FLIGHT */.Gr, (p) => isGone(client, p.id), signal);
        for (const p of left.filter((_, i) => out[i])) {
          gone.push(p);
          core.info(`Confirmed: ${p.id} ("${p.name}") was deleted by the cancelled sweep`);
        }
        left = left.filter((_, i) => !out[i]);
        if (left.length > 0) throw stillThere;
      },
      failed: (err) => {
        if (err !== stillThere) throw err;
        return {};
      },
      outOfTime: () => {
        throw stillThere;
      },
      aborted: (reason) => {
        throw reason;
      },
      waiting: (_, ms) =>
        core.info(
          `${left.length} preview(s) still there; reading again in ${(0,format/* formatDuration */.a3)(ms, { tenths: true })}`,
        ),
    });
  } catch (err) {
    if (err !== stillThere) throw err;
  }
  return left;
}

async function isGone(client                , id        )                   {
  try {
    return (await client.status(id)).status.trim().toUpperCase() === "TERMINATING";
  } catch (err) {
    if (err instanceof errors/* ApiError */.h && err.status === 404) return true;
    throw err;
  }
}

/**
 * The main step's summary, written before the cancellation ended it, says these DELETEs were not
 * confirmed: the post step's own summary says what became of each.
 */
async function writeSweepCheck(
  core          ,
  previews                            ,
  gone                            ,
  stayed                            ,
  secrets                   ,
)                {
  const cell = (v        ) => (0,markdown/* escapeMarkdown */.FV)(v, { maxLength: 100, newlines: "space" });
  const fate = (p                 ) =>
    gone.includes(p) ? "deleted" : stayed.includes(p) ? "still there: the next sweep deletes it" : "unknown";
  const rows = previews.map((p) => `| ${cell(p.name)} | ${cell(p.id)} | #${p.prNumber} | ${fate(p)} |`);
  const text = [
    "## 🧹 Friendli sweep: the cancelled sweep's deletes, checked by the post step",
    "",
    "| preview | endpoint | PR | after the cancellation |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
  try {
    await core.summary.addRaw((0,redact/* redact */.E$)(text, secrets), true).write();
  } catch (err) {
    core.warning(`could not write the job summary: ${(0,redact/* formatError */.Wk)(err, secrets)}`);
  }
}

;// CONCATENATED MODULE: ./build/post/post.js
// The post step (dist/post.js). It exists for what the main step cannot do safely after a
// cancellation (it sends no request after the signal): cleaning up an endpoint this run created
// (with delete-on-failure it deletes it; without, it says which step would), and closing this
// run's GitHub deployment. Its Friendli HTTP layer passes GET and DELETE only: whatever the state
// says, this step cannot create or update an endpoint.

                                         

                                                




                                                                











                    
                 
               
                      
                         
                          
 

                                                                 

/** The post step. @github/local-action (npm run local) calls it too, without arguments. */
async function run(overrides                    = {})                      {
  const deps           = {
    core: core,
    clock: clock/* systemClock */.m,
    signal: new AbortController().signal,
    env: process.env,
    ...overrides,
  };
  const outcome = await cleanUp(deps);
  await closeDeployment(deps, outcome);
  return outcome;
}

/**
 * After a cancellation the main step sends nothing, so this run's GitHub deployment is still
 * `in_progress`: it becomes `error`, or `inactive` when this step deleted the endpoint.
 */
async function closeDeployment(deps          , outcome            )                {
  const { core } = deps;
  const deploymentId = core.getState(names/* State */.Uw.deploymentId);
  if (core.getState(names/* State */.Uw.result) !== "cancelled" || !deploymentId) return;
  const context = (0,github_context/* readRunContext */.$)(deps.env);
  const parsed = (0,inputs_inputs/* parseInputs */.TL)((name) => core.getInput(name), context, core.debug);
  if (parsed.kind !== "ok") return;
  const { inputs } = parsed;
  const secrets = [inputs.friendliToken, inputs.githubToken].filter((s) => s !== "");
  for (const s of secrets) core.setSecret(s);
  const endpointId = core.getState(names/* State */.Uw.endpointId);
  const { settleCancelledDeployment } = await Promise.all(/* import() */[__webpack_require__.e(880), __webpack_require__.e(480)]).then(__webpack_require__.bind(__webpack_require__, 9480));
  await settleCancelledDeployment({
    inputs,
    context,
    deploymentId,
    ...(outcome === "deleted" && endpointId ? { deletedEndpointId: endpointId } : {}),
    apiUrl: deps.env.GITHUB_API_URL,
    log: (0,safe_text/* safeLogger */.Ky)(core, secrets),
    signal: deps.signal,
  });
}

/** The endpoint a cancelled run created: deleted (delete-on-failure), or how to delete it. */
async function cleanUp(deps          )                      {
  const { core } = deps;
  const plan = planPost({
    result: core.getState(names/* State */.Uw.result),
    endpointId: core.getState(names/* State */.Uw.endpointId),
    createdByThisRun: core.getState(names/* State */.Uw.createdByThisRun),
    deleteOwed: core.getState(names/* State */.Uw.deleteOwed),
    createSentAt: core.getState(names/* State */.Uw.createSentAt),
    createCreatedAt: core.getState(names/* State */.Uw.createCreatedAt),
    lookupIds: core.getState(names/* State */.Uw.lookupIds),
    sweepUnconfirmed: core.getState(names/* State */.Uw.sweepUnconfirmed),
  });
  if (plan.kind === "nothing") return "nothing";
  const parsed = (0,inputs_inputs/* parseInputs */.TL)((name) => core.getInput(name), (0,github_context/* readRunContext */.$)(deps.env), core.debug);
  if (parsed.kind !== "ok") return "nothing";
  const { inputs } = parsed;
  core.setSecret(inputs.friendliToken);
  // The GitHub token is redacted too: the sweep's confirmation closes deployments with it.
  const secrets = [inputs.friendliToken, inputs.githubToken].filter((s) => s !== "");
  // From here every line is redacted and unable to form a workflow command.
  deps.core = { ...core, ...(0,safe_text/* safeLogger */.Ky)(core, secrets) };
  if (plan.kind === "confirm-sweep")
    return confirmSweep(deps, inputs, plan.previews, secrets, clientFor(deps, inputs));
  if (plan.kind === "delete-by-id") {
    // The main step already said how to delete it when delete-on-failure is off.
    if (!plan.owed && !inputs.deleteOnFailure) return "nothing";
    return deleteById(deps, inputs, plan.endpointId, secrets);
  }
  if (!inputs.deleteOnFailure) {
    deps.core.warning(
      `The run was cancelled after it sent the create of "${inputs.name}": that endpoint may exist and cost GPU time. ` +
        `Delete it with this step:\n${(0,delete_step/* deleteStep */.C)(inputs)}`,
    );
    return "warned";
  }
  return deleteCreated(deps, inputs, plan.facts, secrets);
}

function clientFor(deps          , inputs        )                 {
  const http = (0,friendli_http/* createHttp */.V)(
    (0,client_options/* friendliHttpOptions */.a)(inputs, deps, deps.clock.now() + timing/* POST_DEADLINE_MS */.BQ, {
      info: deps.core.info,
      warning: deps.core.warning,
      debug: deps.core.debug,
    }),
  );
  return new client/* FriendliClient */.rH(readAndDeleteOnly(http));
}

/** The HTTP layer with every method but GET and DELETE refused before anything is sent. */
function readAndDeleteOnly(http      )       {
  return {
    get baseUrl() {
      return http.baseUrl;
    },
    get secrets() {
      return http.secrets;
    },
    close: () => http.close(),
    send: (op) =>
      op.method === "GET" || op.method === "DELETE"
        ? http.send(op)
        : Promise.reject(new Error(`the post step sends no ${op.method} (${op.operation})`)),
  };
}

/**
 * The DELETE of an endpoint this run proved it created. The HTTP layer retries a DELETE that was
 * lost (reset, timeout, 5xx) within POST_DEADLINE_MS; a 404 means it is gone, which is the goal
 * (most likely the main step's DELETE went through after all).
 */
async function deleteById(
  deps          ,
  inputs        ,
  id        ,
  secrets          ,
)                      {
  return withClient(
    deps,
    inputs,
    secrets,
    (error) =>
      `delete-on-failure: could not delete endpoint ${id}: ${error}. ` +
      `Delete it with this step:\n${(0,delete_step/* deleteStep */.C)(inputs, id)}`,
    (client) => deleteOwn(deps, client, id, ", created by the run"),
  );
}

/**
 * `body` with a client that may only read and delete, closed afterwards. A failure becomes the
 * warning `failure` words (with the paste-able step), never the step's failure: the run already ended.
 */
async function withClient(
  deps          ,
  inputs        ,
  secrets          ,
  failure                           ,
  body                                                 ,
)                      {
  const client = clientFor(deps, inputs);
  try {
    return await body(client);
  } catch (err) {
    deps.core.warning(failure((0,redact/* formatError */.Wk)(err, secrets)));
    return "warned";
  } finally {
    await client.http.close();
  }
}

async function deleteOwn(
  deps          ,
  client                ,
  id        ,
  what        ,
)                      {
  try {
    await client.delete(id);
  } catch (err) {
    if (err instanceof errors/* ApiError */.h && err.status === 404) {
      deps.core.info(`delete-on-failure: endpoint ${id} is already gone (404 on DELETE)`);
      return "not-found";
    }
    throw err;
  }
  deps.core.info(`delete-on-failure: deleted endpoint ${id}${what}`);
  return "deleted";
}

/**
 * Finds what the cancelled create made, by name, and deletes it only when this run can prove it
 * made it (src/endpoint/created-claim.ts); otherwise warns with the step that deletes it.
 */
async function deleteCreated(
  deps          ,
  inputs        ,
  facts             ,
  secrets          ,
)                      {
  const { core, clock, signal } = deps;
  return withClient(
    deps,
    inputs,
    secrets,
    (error) =>
      `delete-on-failure: could not clean up after the cancelled create of "${inputs.name}": ${error}. ` +
      `Delete it with this step:\n${(0,delete_step/* deleteStep */.C)(inputs)}`,
    async (client) => {
      const { verdict } = await (0,resolve/* findCreated */.i)(client, {
        projectId: inputs.projectId,
        name: inputs.name,
        facts,
        clock,
        deadlineMs: clock.now() + timing/* POST_DEADLINE_MS */.BQ,
        signal,
        onWait: (delay) =>
          core.info(
            `No endpoint named "${inputs.name}" created by the cancelled run yet; listing again in ${delay / 1000}s`,
          ),
      });
      switch (verdict.kind) {
        case "mine":
          // Even when it is the keeper of a race: the run was cancelled and delete-on-failure asks for it.
          return await deleteOwn(
            deps,
            client,
            verdict.id,
            ` ("${inputs.name}"), created by the cancelled run before its id was known`,
          );
        case "unsure":
          core.warning(
            `The cancelled run sent the create of "${inputs.name}", and endpoints ${verdict.ids.join(", ")} now carry ` +
              `that name: this step cannot prove which of them, if any, the run created (${verdict.why}) and deletes ` +
              `none. If one is not wanted, delete it with its step:\n${(0,delete_step/* deleteSteps */.z)(inputs, verdict.ids)}`,
          );
          return "warned";
        case "others":
          core.warning(
            `The cancelled run's create of "${inputs.name}" was answered, but endpoint ${verdict.ids.join(", ")} of that ` +
              "name was created at another time: another run's, so this step deletes nothing. If it is not " +
              `wanted:\n${(0,delete_step/* deleteSteps */.z)(inputs, verdict.ids)}`,
          );
          return "warned";
        case "none":
          core.warning(
            `The cancelled run sent the create of "${inputs.name}", but no such endpoint appeared within a minute. ` +
              `If one appears later, delete it with this step:\n${(0,delete_step/* deleteStep */.C)(inputs)}`,
          );
          return "not-found";
      }
    },
  );
}


/***/ })

};

//# sourceMappingURL=212.index.js.map