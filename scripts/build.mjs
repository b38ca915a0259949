// Build = TypeScript 7 emits JS into build/, then ncc bundles that JS into dist/.
// ncc cannot read .ts with TypeScript 7 (no JS API yet), so it only ever sees plain JS.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });

rmSync("build", { recursive: true, force: true });
rmSync("dist", { recursive: true, force: true });
run(bin("tsc"), ["-p", "tsconfig.build.json"]);
run(bin("ncc"), [
  "build",
  "build/index.js",
  "-o",
  "dist",
  "--minify",
  "--no-source-map-register",
  "--license",
  "licenses.txt",
  "--quiet",
]);
rmSync("build", { recursive: true, force: true });
