// Entry of dist/index.js, the main step. The workflow being cancelled reaches us as SIGINT, then
// SIGTERM 7.5 s later, then a kill: one root AbortController turns the first signal into an
// orderly stop. Loaded through src/steps.ts by dist/index.js, which switches source maps on first.
import { setFlagsFromString } from "node:v8";

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => controller.abort(new Error(`received ${signal}: the workflow was cancelled`)));
}

const { run } = await import("./main.ts");
// undici parses HTTP/1.1 with llhttp compiled to WebAssembly. V8 compiles it with its baseline
// compiler (Liftoff), then, once the parse loop runs hot (a few responses), recompiles it with
// TurboFan on background threads: ~20 MiB of compiler memory, kept for the rest of the run, to
// speed up a parser that reads a few KiB of JSON a minute. Raising the tier-up budget keeps it on
// Liftoff; the benchmark shows a deploy's peak memory needs it (it prints both figures). Set here,
// once Node's own modules and the action's code are loaded and before the first request compiles
// the parser: V8 checks its flags before it accepts cached code, so a flag changed at start-up
// would have Node compile its own modules from scratch.
setFlagsFromString("--wasm-tiering-budget=1000000000");
await run({ signal: controller.signal });
// Keep-alive sockets or a lingering timer must not hold a cancelled run past the runner's kill.
if (controller.signal.aborted) process.exit();
