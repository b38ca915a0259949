// Entry of dist/index.js, for the main step and the post step (action.yml runs the same bundle).
// The workflow being cancelled reaches us as SIGINT, then SIGTERM 7.5 s later, then a kill: one
// root AbortController turns the first signal into an orderly stop.
import { State } from "./names.ts";

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => controller.abort(new Error(`received ${signal}: the workflow was cancelled`)));
}

if (process.env[`STATE_${State.isPost}`] === "true") {
  const { post } = await import("./post.ts");
  await post({ signal: controller.signal });
} else {
  const { run } = await import("./main.ts");
  await run({ signal: controller.signal });
}
// Keep-alive sockets or a lingering timer must not hold a cancelled run past the runner's kill.
if (controller.signal.aborted) process.exit();
