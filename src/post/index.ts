// Entry of dist/post.js, the post step (action.yml `runs.post`, always run, also after a
// cancellation). An entry of its own: it loads no deploy code, so a post step can never create or
// update an endpoint, whatever state the main step left (or failed to leave). Signals as in the
// main entry.
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => controller.abort(new Error(`received ${signal}: the workflow was cancelled`)));
}

const { run } = await import("./post.ts");
await run({ signal: controller.signal });
if (controller.signal.aborted) process.exit();
