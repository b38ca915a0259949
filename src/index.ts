// Entry of dist/index.js, for the main step and the post step (action.yml runs the same bundle).
// The workflow being cancelled reaches us as SIGINT, then SIGTERM 7.5 s later, then a kill: one
// root AbortController turns the first signal into an orderly stop.
import { setFlagsFromString } from "node:v8";
import { State } from "./names.ts";

// undici parses HTTP/1.1 with llhttp compiled to WebAssembly. V8 compiles it with its baseline
// compiler (Liftoff), then, once the parse loop runs hot (a few responses), recompiles it with
// TurboFan on background threads: ~20 MiB of compiler memory, kept for the rest of the run, to
// speed up a parser that reads a few KiB of JSON a minute. Raising the tier-up budget keeps it on
// Liftoff. Set before the first request, which is when undici compiles the parser.
setFlagsFromString("--wasm-tiering-budget=1000000000");

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
