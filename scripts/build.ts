// Build: Node strips the TypeScript types from src/ into build/ (every line and column stays where
// it was), ncc bundles build/steps.js into dist/bundle/, terser minifies every file, and two small
// entries are written: dist/index.js (the main step) and dist/post.js (the post step).
//
// One bundle, two entries: both steps share the library chunks on disk (dist/ stays small) while
// each loads only its own code; the post step never loads the deploy code.
//
// Why terser after ncc instead of `ncc --minify`: ncc minifies only the entry file, and only
// mangles it; the chunks of dynamic imports (@actions/github is loaded only for a PR comment or a
// deployment) stay as webpack wrote them, comments included.
//
// Source maps: ncc writes one per file, terser composes its own onto it, and since the stripped
// JS keeps the positions of src/, a map that names build/x.js is rewritten to name src/x.ts. Only
// chunks with our own code keep a map (library frames stay minified: a bug report needs our lines,
// and the maps of the libraries would double dist/), and no map carries the sources' text.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import { dirname, join, relative } from "node:path";
import { minify } from "terser";

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
await minifyDir(join(root, "dist/bundle"));
// Maps are switched on before anything of the bundle loads: Node reads a file's map only when the
// file loads after this call.
for (const [file, step] of [
  ["index.js", "main"],
  ["post.js", "post"],
] as const) {
  writeFileSync(
    join(root, "dist", file),
    `process.setSourceMapsEnabled(true);\nconst { ${step} } = await import("./bundle/index.js");\nawait ${step}();\n`,
  );
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return listTs(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

async function minifyDir(dir: string): Promise<void> {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const path = join(dir, file);
    const result = await minify(readFileSync(path, "utf8"), {
      module: true,
      compress: { passes: 2 },
      // As ncc mangles: class and function names stay, since libraries read them (error names,
      // instanceof-free type checks on constructor.name).
      mangle: { keep_classnames: true, keep_fnames: true },
      // The licenses of everything bundled are in licenses.txt. Lines are cut at 500 characters:
      // Node prints the whole source line of an uncaught error, and a library chunk on one line
      // would put over a megabyte on stderr. The map follows the cut, so positions stay right.
      format: { comments: false, max_line_len: 500 },
      sourceMap: { content: readFileSync(`${path}.map`, "utf8"), url: `${file}.map` },
    });
    if (result.code === undefined || typeof result.map !== "string")
      throw new Error(`terser produced nothing for ${path}`);
    const map = JSON.parse(result.map) as { sources: string[]; sourcesContent?: unknown };
    delete map.sourcesContent;
    map.sources = map.sources.map((s) => s.replace(/^\.\.\/build\/(.*)\.js$/, "../../src/$1.ts"));
    const own = map.sources.some((s) => s.startsWith("../../src/"));
    writeFileSync(path, own ? result.code : result.code.replace(/\n?\/\/# sourceMappingURL=\S+$/, ""));
    if (own) writeFileSync(`${path}.map`, JSON.stringify(map));
    else rmSync(`${path}.map`);
  }
}
