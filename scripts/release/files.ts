// The files a release check reads (./check.ts), from a checkout of the repository.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { ReleaseFiles } from "./check.ts";

/** README.md, docs/*.md and examples/*.yml: where the action is named by a tag; dist/bundle/*.js. */
export function readReleaseFiles(root: URL): ReleaseFiles {
  const read = (path: string) => readFileSync(new URL(path, root), "utf8");
  const list = (dir: string, ext: string) =>
    readdirSync(new URL(dir, root))
      .filter((f) => f.endsWith(ext))
      .map((f) => `${dir}/${f}`);
  const mentions = ["README.md", ...list("docs", ".md"), ...list("examples", ".yml")];
  const bundle = existsSync(new URL("dist/bundle", root)) ? list("dist/bundle", ".js").map(read) : [];
  return {
    packageJson: read("package.json"),
    packageLock: read("package-lock.json"),
    changelog: read("CHANGELOG.md"),
    bundle: bundle.join("\n"),
    mentions: Object.fromEntries(mentions.map((f) => [f, read(f)])),
  };
}
