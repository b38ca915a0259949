// Build = TypeScript 7 emits JS into build/, ncc bundles that JS into dist/, terser minifies dist/.
// ncc cannot read .ts with TypeScript 7 (no JS API yet), so it only ever sees plain JS.
//
// Why terser after ncc instead of `ncc --minify`: ncc minifies only the entry file, and only
// mangles it (no compression); the chunks of dynamic imports (main/post and @actions/github, which
// is loaded only when a PR comment is written) stay as webpack wrote them, comments included.
// Compressing every file also drops the exports webpack marked unused. Together that takes dist/
// from about 3 MB to well under the 1.5 MB budget (see README, Performance).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { minify } from "terser";

const root = new URL("../", import.meta.url);
const bin = (name: string) => new URL(`node_modules/.bin/${name}`, root).pathname;
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: "inherit", cwd: root });

rmSync(new URL("build", root), { recursive: true, force: true });
rmSync(new URL("dist", root), { recursive: true, force: true });
run(bin("tsc"), ["-p", "tsconfig.build.json"]);
run(bin("ncc"), [
  "build",
  "build/index.js",
  "-o",
  "dist",
  "--no-source-map-register",
  "--license",
  "licenses.txt",
  "--quiet",
]);
rmSync(new URL("build", root), { recursive: true, force: true });

const dist = new URL("dist/", root);
for (const file of readdirSync(dist).filter((f) => f.endsWith(".js"))) {
  const url = new URL(file, dist);
  const result = await minify(readFileSync(url, "utf8"), {
    module: true,
    compress: { passes: 2 },
    // As ncc mangles: class and function names stay, since libraries read them (error names,
    // instanceof-free type checks on constructor.name).
    mangle: { keep_classnames: true, keep_fnames: true },
    // The licenses of everything bundled are in dist/licenses.txt.
    format: { comments: false },
  });
  if (result.code === undefined) throw new Error(`terser produced nothing for dist/${file}`);
  writeFileSync(url, result.code);
}
