// Build = TypeScript 7 emits JS into build/, then ncc bundles that JS into dist/.
// ncc cannot read .ts with TypeScript 7 (no JS API yet), so it only ever sees plain JS.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";

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
  "--minify",
  "--no-source-map-register",
  "--license",
  "licenses.txt",
  "--quiet",
]);
rmSync(new URL("build", root), { recursive: true, force: true });
