// Every action a workflow uses is pinned by its full commit SHA, with the release it is in as a
// comment (`@<40 hex> # vX.Y.Z`): a tag can be moved to other code, a commit cannot, and the comment
// is what a reader and Dependabot go by. Exempt: local actions (`./`, this repository's own code at
// the run's commit) and, in examples/ only, this action itself at its moving major tag
// (`friendli-deploy-action/deploy@v1`). The examples live in this repository, and a commit cannot
// name its own SHA: the examples of v1.0.0 could at best pin an older release. `@v1` is one of the
// two ways the README's "Versions" section offers; it shows the other, a SHA pin, too.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ACTION_REPOSITORY } from "../../scripts/release/check.ts";
import { repoRoot } from "../support/run-action.ts";

const USES_LINE = /^\s*(?:-\s+)?uses:\s*(["']?)([^"'\s#]+)\1\s*(?:#\s*(.*?))?\s*$/;
const SHA_PIN = /^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/;
const RELEASE = /^v\d+\.\d+\.\d+$/;

/** Every `uses:` value in a parsed workflow: steps' actions and jobs' reusable workflows. */
function usesValues(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) usesValues(n, out);
  else if (node !== null && typeof node === "object")
    for (const [key, value] of Object.entries(node)) {
      if (key === "uses" && typeof value === "string") out.push(value);
      else usesValues(value, out);
    }
  return out;
}

/** What is wrong with the pins of one workflow file; `ownMajor` is package.json's major (`v1`). */
function pinProblems(file: string, text: string, ownMajor: string): string[] {
  const problems: string[] = [];
  const found: string[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    const m = USES_LINE.exec(line);
    if (!m) continue;
    const ref = m[2] ?? "";
    const comment = m[3];
    found.push(ref);
    const where = `${file}:${i + 1}: ${ref}`;
    if (ref.startsWith("./")) continue;
    if (ref === `${ACTION_REPOSITORY}@${ownMajor}` && file.startsWith("examples/")) continue;
    if (!SHA_PIN.test(ref)) problems.push(`${where} is not pinned by a full 40-hex commit SHA`);
    else if (comment === undefined || !RELEASE.test(comment))
      problems.push(`${where} needs the release it pins as a comment, e.g. "# v4.2.2"`);
  }
  // A `uses:` the line scan cannot see (a flow mapping, a multi-line string) would escape the rule.
  const parsed = usesValues(parse(text));
  if (JSON.stringify(parsed) !== JSON.stringify(found))
    problems.push(`${file}: uses: written in a form this check does not read (${JSON.stringify(parsed)})`);
  return problems;
}

const ownMajor = `v${(JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version.split(".")[0]}`;
const workflows = [".github/workflows", "examples"].flatMap((dir) =>
  readdirSync(join(repoRoot, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${dir}/${f}`),
);

describe("every workflow pins its actions by commit SHA", () => {
  it("finds the workflows", () => {
    expect(workflows).toContain(".github/workflows/ci.yml");
    expect(workflows).toContain(".github/workflows/release.yml");
    expect(workflows).toContain(".github/workflows/codeql.yml");
    expect(workflows.filter((f) => f.startsWith("examples/")).length).toBeGreaterThanOrEqual(5);
  });

  it.each(workflows)("%s", (file) => {
    expect(pinProblems(file, readFileSync(join(repoRoot, file), "utf8"), ownMajor)).toEqual([]);
  });
});

describe("pinProblems", () => {
  const SHA = "11bd71901bbe5b1630ceea73d27597364c9af683";
  const steps = (...lines: string[]) =>
    `jobs:\n  a:\n    steps:\n${lines.map((l) => `      ${l}`).join("\n")}\n`;

  it.each<[string, string, string, string[]]>([
    ["a SHA with its release", "examples/x.yml", steps(`- uses: actions/checkout@${SHA} # v4.2.2`), []],
    ["a quoted SHA pin", "examples/x.yml", steps(`- uses: "actions/checkout@${SHA}" # v4.2.2`), []],
    [
      "an action in a subfolder",
      "examples/x.yml",
      steps(`- uses: github/codeql-action/init@${SHA} # v4.36.2`),
      [],
    ],
    ["a local action", ".github/workflows/x.yml", steps("- uses: ./"), []],
    [
      "this action at its major in an example",
      "examples/x.yml",
      steps(`- uses: ${ACTION_REPOSITORY}@v1`),
      [],
    ],
    [
      "a tag",
      "examples/x.yml",
      steps("- uses: actions/checkout@v4"),
      ["examples/x.yml:4: actions/checkout@v4 is not pinned by a full 40-hex commit SHA"],
    ],
    [
      "a branch",
      "examples/x.yml",
      steps("- uses: actions/checkout@main # v4.2.2"),
      ["examples/x.yml:4: actions/checkout@main is not pinned by a full 40-hex commit SHA"],
    ],
    [
      "a short SHA",
      "examples/x.yml",
      steps("- uses: actions/checkout@11bd719 # v4.2.2"),
      ["examples/x.yml:4: actions/checkout@11bd719 is not pinned by a full 40-hex commit SHA"],
    ],
    [
      "a SHA without its release",
      "examples/x.yml",
      steps(`- uses: actions/checkout@${SHA}`),
      [`examples/x.yml:4: actions/checkout@${SHA} needs the release it pins as a comment, e.g. "# v4.2.2"`],
    ],
    [
      "a SHA with a major only",
      "examples/x.yml",
      steps(`- uses: actions/checkout@${SHA} # v4`),
      [`examples/x.yml:4: actions/checkout@${SHA} needs the release it pins as a comment, e.g. "# v4.2.2"`],
    ],
    [
      "this action at another major",
      "examples/x.yml",
      steps(`- uses: ${ACTION_REPOSITORY}@v2`),
      [`examples/x.yml:4: ${ACTION_REPOSITORY}@v2 is not pinned by a full 40-hex commit SHA`],
    ],
    [
      "this action by tag in the project's own workflows",
      ".github/workflows/x.yml",
      steps(`- uses: ${ACTION_REPOSITORY}@v1`),
      [`.github/workflows/x.yml:4: ${ACTION_REPOSITORY}@v1 is not pinned by a full 40-hex commit SHA`],
    ],
    [
      "a reusable workflow by tag",
      "examples/x.yml",
      "jobs:\n  a:\n    uses: octo/wf/.github/workflows/w.yml@v1\n",
      ["examples/x.yml:3: octo/wf/.github/workflows/w.yml@v1 is not pinned by a full 40-hex commit SHA"],
    ],
    [
      "a uses: in a flow mapping",
      "examples/x.yml",
      steps("- { uses: actions/checkout@v4 }"),
      ['examples/x.yml: uses: written in a form this check does not read (["actions/checkout@v4"])'],
    ],
  ])("%s", (_, file, text, problems) => {
    expect(pinProblems(file, text, "v1")).toEqual(problems);
  });
});
