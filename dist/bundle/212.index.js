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
var lib_core = __webpack_require__(6421);
// EXTERNAL MODULE: ./build/base/clock.js
var clock = __webpack_require__(2030);
// EXTERNAL MODULE: ./build/base/format.js
var format = __webpack_require__(8253);
// EXTERNAL MODULE: ./build/base/names.js
var names = __webpack_require__(8612);
// EXTERNAL MODULE: ./build/base/redact.js
var redact = __webpack_require__(8839);
// EXTERNAL MODULE: ./build/base/safe-text.js
var safe_text = __webpack_require__(5511);
// EXTERNAL MODULE: ./build/base/timing.js
var timing = __webpack_require__(2892);
// EXTERNAL MODULE: ./build/endpoint/lookup.js + 1 modules
var lookup = __webpack_require__(6058);
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
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js
var schemas = __webpack_require__(4343);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(3305);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/parse.js + 1 modules
var parse = __webpack_require__(3945);
;// CONCATENATED MODULE: ./build/post/decide.js
// What the post step does, decided from the state the main step saved: pure, table-tested. Which
// endpoint a cancelled create made is judged by src/endpoint/created-claim.ts, as in the main step.

                                                                
                                                          

/** A preview a cancelled sweep saved: an id fit for a URL path; any other shape is ignored. */
const SavedPreview = schemas/* object */.Ikc({
  id: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9_-]{1,64}$/)),
  name: schemas/* string */.YjP(),
  prNumber: schemas/* int */.Whr(),
});

function savedPreviews(saved        )                    {
  try {
    const parsed = parse/* safeParse */.xL(schemas/* array */.YOg(schemas/* unknown */.L5J()), JSON.parse(saved || "[]"));
    return (parsed.data ?? []).flatMap((p) => SavedPreview.safeParse(p).data ?? []);
  } catch {
    return [];
  }
}

// Each saved value is a string, "" when never saved; `from` reads one into what it stands for.
const decide_text = schemas/* _default */.Rvf(schemas/* string */.YjP(), "");
const from =    (read                      ) => schemas/* pipe */.FsL(decide_text, schemas/* transform */.pdi(read));

/** The state as src/main.ts saves it (the keys of State). */
const Saved = schemas/* object */.Ikc({
  result: decide_text,
  endpointId: decide_text,
  createdByThisRun: from((v) => v === "true"),
  deleteOwed: from((v) => v === "true"),
  // When the create went out, in ms since the epoch; 0: no create went out.
  createSentAt: from((v) => (/^[0-9]{1,16}$/.test(v) ? Number(v) : 0)),
  createCreatedAt: decide_text,
  lookupIds: from((ids) => new Set(ids.split(",").filter((id) => id !== ""))),
  sweepUnconfirmed: from(savedPreviews),
});

                                               

                      
                                                                
                       
     
                                                                                    
                                                                                                 
                                                                        
     
                                                               
                                                                                    
                                                
                                                                                                      
                                                           

/**
 * A DELETE the main step owed is finished whatever the run's result. Otherwise only a run that did
 * not finish leaves work here: a cancelled one, or one killed before it saved a result. Every other
 * result was handled by the main step itself, including delete-on-failure after a failure.
 */
function planPost(saved            )           {
  const s = Saved.parse(saved);
  if (s.endpointId && s.createdByThisRun && s.deleteOwed)
    return { kind: "delete-by-id", endpointId: s.endpointId, owed: true };
  if (s.result !== "cancelled" && s.result !== "") return { kind: "nothing" };
  if (s.sweepUnconfirmed.length > 0) return { kind: "confirm-sweep", previews: s.sweepUnconfirmed };
  if (s.endpointId) {
    return s.createdByThisRun
      ? { kind: "delete-by-id", endpointId: s.endpointId, owed: false }
      : { kind: "nothing" };
  }
  if (!s.createSentAt) return { kind: "nothing" };
  const facts = { lookupIds: s.lookupIds, answeredCreatedAt: s.createCreatedAt || undefined };
  return { kind: "find-created", facts };
}

// EXTERNAL MODULE: ./build/base/backoff.js
var backoff = __webpack_require__(3972);
// EXTERNAL MODULE: ./build/base/concurrency.js
var concurrency = __webpack_require__(4751);
// EXTERNAL MODULE: ./build/base/markdown.js
var markdown = __webpack_require__(6963);
// EXTERNAL MODULE: ./build/operations/sweep-run.js
var sweep_run = __webpack_require__(5325);
;// CONCATENATED MODULE: ./build/post/sweep-check.js
// The post step after a sweep cancelled while its DELETEs were in flight: the main step reported
// them "not confirmed", though the server may carry them out after the cancellation. Each preview
// is read until it is gone or SWEEP_SETTLE_MS has passed; nothing is deleted here: the
// cancellation may have been meant to stop the sweep.
                                         

                                              

                                                

                                             



                                                            

                                                       
                                                  

                                                          

                           
                 
               
                      
                         
                          
 

/** The post step once it has its inputs: `core` and `log` redact every line they write. */
                                                                                                      

/**
 * Gone (404, or TERMINATING: on its way out) is deleted, and then, with github-deployment, the
 * preview's deployments are marked inactive as the sweep would have; one still there when the time
 * is up is left for the next sweep. A failed read throws, after the summary says what is known.
 */
async function confirmSweep(
  step          ,
  previews                            ,
  client                ,
)                                 {
  const { core, secrets } = step;
  const gone                    = [];
  let stayed                    = [];
  try {
    stayed = await settle(step, client, previews, gone);
    for (const p of stayed)
      core.info(
        `The sweep's DELETE of ${p.id} ("${p.name}") did not go through within ${(0,format/* formatDuration */.a3)(timing/* SWEEP_SETTLE_MS */.es)}: ` +
          "the next sweep deletes it, or closes its deployments if the DELETE still goes through",
      );
    return gone.length > 0 ? "deleted" : "nothing";
  } finally {
    await writeSweepCheck(step, previews, gone, stayed);
    const ledger = gone.length > 0 ? await (0,sweep_run/* openSweepLedger */.E6)(step) : undefined;
    for (const p of gone) {
      try {
        await ledger?.markInactive(p);
      } catch (err) {
        core.warning(`could not mark the deployments of "${p.name}" inactive: ${(0,redact/* formatError */.Wk)(err, secrets)}`);
      }
    }
  }
}

/**
 * Reads the previews not yet gone, backing off between rounds, until none is left or the time is
 * up; fills `gone` as they go and returns those still there.
 */
async function settle(
  step          ,
  client                ,
  previews                            ,
  gone                   ,
)                             {
  const { core, clock, signal } = step;
  const deadlineMs = clock.now() + timing/* SWEEP_SETTLE_MS */.es;
  let left = [...previews];
  return (0,backoff/* askAgain */.et)                   ({
    clock,
    signal,
    aborted: (reason) => {
      throw reason;
    },
    round: async (n) => {
      if (n > 1 && clock.now() >= deadlineMs) return { done: left };
      const out = await (0,concurrency/* mapLimit */.s)(left, timing/* REQUESTS_IN_FLIGHT */.Gr, (p) => isGone(client, p.id), signal);
      for (const p of left.filter((_, i) => out[i])) {
        gone.push(p);
        core.info(`Confirmed: ${p.id} ("${p.name}") was deleted by the cancelled sweep`);
      }
      left = left.filter((_, i) => !out[i]);
      const random = () => clock.random();
      const waitMs =
        left.length > 0
          ? (0,backoff/* retryDelay */.a2)({ attempt: n, random, nowMs: clock.now(), deadlineMs, ...timing/* SWEEP_SETTLE_BACKOFF */.W6 })
          : undefined;
      if (waitMs === undefined) return { done: left };
      core.info(
        `${left.length} preview(s) still there; reading again in ${(0,format/* formatDuration */.a3)(waitMs, { tenths: true })}`,
      );
      return { waitMs };
    },
  });
}

async function isGone(client                , id        )                   {
  try {
    return (await client.status(id)).status.trim().toUpperCase() === "TERMINATING";
  } catch (err) {
    if (err instanceof errors/* ApiError */.hD && err.status === 404) return true;
    throw err;
  }
}

/**
 * The main step's summary, written before the cancellation ended it, says these DELETEs were not
 * confirmed: the post step's own summary says what became of each.
 */
async function writeSweepCheck(
  { core, secrets }          ,
  previews                            ,
  gone                            ,
  stayed                            ,
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
    core: lib_core,
    clock: clock/* systemClock */.m,
    signal: new AbortController().signal,
    env: process.env,
    ...overrides,
  };
  const { core } = deps;
  const state = Object.fromEntries(Object.entries(names/* State */.Uw).map(([key, name]) => [key, core.getState(name)]));
  const plan = planPost(state);
  // After a cancellation the main step sends nothing, so this run's GitHub deployment is still
  // `in_progress`: it becomes `error`, or `inactive` when this step deleted the endpoint.
  const deploymentId = state.result === "cancelled" ? state.deploymentId : "";
  if (plan.kind === "nothing" && !deploymentId) return "nothing";
  const context = (0,github_context/* readRunContext */.$)(deps.env);
  const parsed = (0,inputs_inputs/* parseInputs */.TL)((name) => core.getInput(name), context, core.debug);
  if (parsed.kind !== "ok") return "nothing";
  const { inputs } = parsed;
  // The GitHub token too: the sweep's confirmation and the deployment close with it.
  const secrets = [inputs.friendliToken, inputs.githubToken].filter((s) => s !== "");
  for (const s of secrets) core.setSecret(s);
  // From here every line is redacted and unable to form a workflow command.
  const safe = { ...core, ...(0,safe_text/* safeLogger */.Ky)(core, secrets) };
  const step           = { ...deps, core: safe, log: safe, inputs, run: context, secrets };
  const outcome = await cleanUp(step, plan);
  if (deploymentId) {
    const { settleCancelledDeployment } = await Promise.all(/* import() */[__webpack_require__.e(880), __webpack_require__.e(465)]).then(__webpack_require__.bind(__webpack_require__, 2465));
    await settleCancelledDeployment({
      inputs,
      context,
      deploymentId,
      ...(outcome === "deleted" && state.endpointId ? { deletedEndpointId: state.endpointId } : {}),
      apiUrl: deps.env.GITHUB_API_URL,
      log: safe,
      secrets,
      signal: deps.signal,
    });
  }
  return outcome;
}

/**
 * The endpoint a cancelled run created: deleted (delete-on-failure), or how to delete it; or the
 * cancelled sweep's DELETEs, confirmed. A failure becomes a warning with the paste-able step,
 * never the step's failure: the run already ended.
 */
async function cleanUp(step          , plan          )                      {
  const { inputs } = step;
  if (plan.kind === "nothing") return "nothing";
  // The main step already said how to delete it when delete-on-failure is off.
  if (plan.kind === "delete-by-id" && !plan.owed && !inputs.deleteOnFailure) return "nothing";
  if (plan.kind === "find-created" && !inputs.deleteOnFailure) {
    step.core.warning(
      `The run was cancelled after it sent the create of "${inputs.name}": that endpoint may exist and cost GPU time. ` +
        `Delete it with this step:\n${(0,delete_step/* deleteStep */.C)(inputs)}`,
    );
    return "warned";
  }
  const client = readAndDeleteClient(step);
  try {
    if (plan.kind === "confirm-sweep") return await confirmSweep(step, plan.previews, client);
    // The HTTP layer retries a lost DELETE within POST_DEADLINE_MS; a 404 means it is gone.
    if (plan.kind === "delete-by-id")
      return await deleteOwn(step, client, plan.endpointId, ", created by the run");
    return await deleteCreated(step, client, plan.facts);
  } catch (err) {
    const error = (0,redact/* formatError */.Wk)(err, step.secrets);
    step.core.warning(
      plan.kind === "confirm-sweep"
        ? `could not confirm the cancelled sweep's deletes: ${error}`
        : plan.kind === "delete-by-id"
          ? `delete-on-failure: could not delete endpoint ${plan.endpointId}: ${error}. ` +
            `Delete it with this step:\n${(0,delete_step/* deleteStep */.C)(inputs, plan.endpointId)}`
          : `delete-on-failure: could not clean up after the cancelled create of "${inputs.name}": ${error}. ` +
            `Delete it with this step:\n${(0,delete_step/* deleteStep */.C)(inputs)}`,
    );
    return "warned";
  } finally {
    await client.http.close();
  }
}

/** A client whose HTTP layer refuses every method but GET and DELETE before anything is sent. */
function readAndDeleteClient(step          )                 {
  const options = (0,client_options/* friendliHttpOptions */.a)(step.inputs, step, step.clock.now() + timing/* POST_DEADLINE_MS */.BQ, step.log);
  const http = (0,friendli_http/* createHttp */.V)(options);
  return new client/* FriendliClient */.rH({
    baseUrl: http.baseUrl,
    secrets: http.secrets,
    close: () => http.close(),
    send: (op) =>
      op.method === "GET" || op.method === "DELETE"
        ? http.send(op)
        : Promise.reject(new Error(`the post step sends no ${op.method} (${op.operation})`)),
  });
}

async function deleteOwn(
  step          ,
  client                ,
  id        ,
  what        ,
)                      {
  try {
    await client.delete(id);
  } catch (err) {
    // Most likely the main step's DELETE went through after all: gone is the goal.
    if (err instanceof errors/* ApiError */.hD && err.status === 404) {
      step.core.info(`delete-on-failure: endpoint ${id} is already gone (404 on DELETE)`);
      return "not-found";
    }
    throw err;
  }
  step.core.info(`delete-on-failure: deleted endpoint ${id}${what}`);
  return "deleted";
}

/**
 * Finds what the cancelled create made, by name, and deletes it only when this run can prove it
 * made it (src/endpoint/created-claim.ts); otherwise warns with the step that deletes it.
 */
async function deleteCreated(
  step          ,
  client                ,
  facts             ,
)                      {
  const { core, clock, signal, inputs } = step;
  const { verdict } = await (0,lookup/* findCreated */.it)(client, {
    projectId: inputs.projectId,
    name: inputs.name,
    facts,
    clock,
    deadlineMs: clock.now() + timing/* POST_DEADLINE_MS */.BQ,
    signal,
    onWait: (delay) =>
      core.info(
        `No endpoint named "${inputs.name}" created by the cancelled run yet; listing again in ${(0,format/* formatDuration */.a3)(delay, { tenths: true })}`,
      ),
  });
  switch (verdict.kind) {
    case "mine":
      // Even when it is the keeper of a race: the run was cancelled and delete-on-failure asks for it.
      return await deleteOwn(
        step,
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
}


/***/ })

};

//# sourceMappingURL=212.index.js.map