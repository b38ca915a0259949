// Build: Node strips the TypeScript types from src/ into build/ (every line and column stays where
// it was), ncc bundles build/steps.js into dist/bundle/ as it writes it (not minified, so a pull
// request's change to dist/ reads as code; licenses.txt lists what is bundled), and two small
// entries are written: dist/index.js (the main step) and dist/post.js (the post step).
//
// One bundle, two entries: both steps share the library chunks on disk while each loads only its
// own code; the post step never loads the deploy code.
//
// Source maps: ncc writes one per chunk. Since the stripped JS keeps the positions of src/, a map
// that names build/x.js is rewritten to name src/x.ts, so a stack trace shows src/ lines once maps
// are on (see the entries at the end). ncc names sources as if dist/bundle/ were one level deep;
// every path gets the level back. No map carries the sources' text: our own is in src/, a
// library's is in its chunk, not minified.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import { dirname, join, relative } from "node:path";

const root = new URL("../", import.meta.url).pathname;
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: "inherit", cwd: root });

rmSync(join(root, "build"), { recursive: true, force: true });
rmSync(join(root, "dist"), { recursive: true, force: true });
// stripTypeScriptTypes warns once that it is experimental; the build's output is checked against
// the committed dist/ on every CI run, so a change in it would show there. Only that one warning is
// dropped: every other warning still goes through Node's own emitWarning.
const emitWarning = process.emitWarning;
process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
  const text = typeof warning === "string" ? warning : warning.message;
  if (text.startsWith("stripTypeScriptTypes is an experimental feature")) return;
  return emitWarning.call(process, warning, ...rest);
}) as typeof process.emitWarning;
// The version has one source, package.json; the user agent in src/ says "dev" until built. At the
// end of its line, so the columns before it stay.
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
let versioned = 0;
for (const file of listTs(join(root, "src"))) {
  const js = stripTypeScriptTypes(readFileSync(file, "utf8"), { mode: "strip" })
    // Same length, so positions stay: relative ".ts" specifiers become the emitted ".js".
    .replace(/((?:from|import\()\s*["']\.{1,2}\/[^"']+)\.ts(["'])/g, "$1.js$2")
    .replace(/"friendli-deploy-action\/dev";$/m, () => {
      versioned++;
      return `"friendli-deploy-action/${version}";`;
    });
  const out = join(root, "build", relative(join(root, "src"), file)).replace(/\.ts$/, ".js");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, js);
}
if (versioned !== 1)
  throw new Error(`the user agent "friendli-deploy-action/dev" is in ${versioned} files of src/, not 1`);
run(join(root, "node_modules/.bin/ncc"), [
  "build",
  "build/steps.js",
  "-o",
  "dist/bundle",
  "--source-map",
  "--no-source-map-register",
  "--license",
  "licenses.txt",
  "--quiet",
]);
rmSync(join(root, "build"), { recursive: true, force: true });
for (const file of readdirSync(join(root, "dist/bundle")).filter((f) => f.endsWith(".map"))) {
  const path = join(root, "dist/bundle", file);
  const map = JSON.parse(readFileSync(path, "utf8")) as { sources: string[]; sourcesContent?: unknown };
  delete map.sourcesContent;
  map.sources = map.sources.map((s) =>
    s.startsWith("../") ? join("..", s).replace(/^\.\.\/\.\.\/build\/(.*)\.js$/, "../../src/$1.ts") : s,
  );
  writeFileSync(path, JSON.stringify(map));
}
// Node reads a file's map only if maps are on when the file loads, so the entry switches them on
// first; only with the runner's debug logging (RUNNER_DEBUG=1): switched on in every run, they
// raised a deploy's peak memory by 11-15 MiB (Node then searches each file it loads for its map).
for (const [file, step] of [
  ["index.js", "main"],
  ["post.js", "post"],
] as const) {
  writeFileSync(
    join(root, "dist", file),
    `if (process.env.RUNNER_DEBUG === "1") process.setSourceMapsEnabled(true);\nconst { ${step} } = await import("./bundle/index.js");\nawait ${step}();\n`,
  );
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return listTs(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}
