// npm run release:check -- 1.0.0 (or v1.0.0): checks that a release of this version is consistent
// (scripts/release/check.ts says what agrees with what) and exits 1 naming every mismatch. The
// release workflow runs the same command. Options for the workflow:
//   --notes FILE   writes the CHANGELOG entry (the release notes) to FILE
//   --outputs      prints tag=, major= and move-major= lines for $GITHUB_OUTPUT on stdout; the
//                  major tag moves only when no tag of the same major is newer (from `git tag`)
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkRelease, movesMajorTag } from "./release/check.ts";
import { readReleaseFiles } from "./release/files.ts";

const root = new URL("../", import.meta.url);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { notes: { type: "string" }, outputs: { type: "boolean", default: false } },
});
if (positionals.length !== 1) {
  console.error("usage: npm run release:check -- <X.Y.Z | vX.Y.Z> [--notes FILE] [--outputs]");
  process.exit(2);
}

const files = readReleaseFiles(root);
const result = checkRelease(positionals[0] ?? "", files);
if (result.problems.length > 0 || !result.version) {
  console.error(`release ${positionals[0]}: ${result.problems.length} problem(s)`);
  for (const p of result.problems) console.error(`- ${p}`);
  process.exit(1);
}
const v = result.version;
console.error(
  `release ${v.tag}: package.json, package-lock.json, dist/, CHANGELOG.md (${result.date}) and the ${Object.keys(files.mentions).length} files that may name the action (README.md, docs/, examples/) agree`,
);
if (values.notes !== undefined) writeFileSync(values.notes, `${result.notes ?? ""}\n`);
if (values.outputs) {
  const tags = execFileSync("git", ["tag", "--list", "v*"], { cwd: root, encoding: "utf8" }).split("\n");
  console.log(`tag=${v.tag}\nmajor=${v.major}\nmove-major=${movesMajorTag(v, tags)}`);
}
