// Entry of dist/index.js, the main step. The workflow being cancelled reaches us as SIGINT, then
// SIGTERM 7.5 s later, then a kill: one root AbortController turns the first signal into an
// orderly stop. Loaded through src/steps.ts by dist/index.js.

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => controller.abort(new Error(`received ${signal}: the workflow was cancelled`)));
}

const { run } = await import("./main.ts");
await run({ signal: controller.signal });
// Keep-alive sockets or a lingering timer must not hold a cancelled run past the runner's kill.
if (controller.signal.aborted) process.exit();
