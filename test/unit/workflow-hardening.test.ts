// Workflows in the README, the docs and examples/ pass step outputs to scripts through `env:`: an
// expression inside `run:` is pasted into the script before the shell reads it, so a value with a
// quote in it would run as code (GitHub's security hardening guide).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { repoRoot } from "../support/run-action.ts";

/** Every `run:` script in a parsed YAML value, with where it was found. */
function runScripts(
  node: unknown,
  where: string,
  out: Array<[string, string]> = [],
): Array<[string, string]> {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) runScripts(n, `${where}[${i}]`, out);
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "run" && typeof value === "string") out.push([`${where}.run`, value]);
      else runScripts(value, `${where}.${key}`, out);
    }
  }
  return out;
}

function yamlOf(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), "utf8");
  if (file.endsWith(".yml")) return [text];
  return [...text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? "");
}

// Only the docs that show a workflow: a case over a page with no YAML would pass whatever it says.
const files = [
  "README.md",
  ...readdirSync(join(repoRoot, "docs"))
    .map((f) => `docs/${f}`)
    .filter((f) => f.endsWith(".md") && /^```ya?ml$/m.test(readFileSync(join(repoRoot, f), "utf8"))),
  ...readdirSync(join(repoRoot, "examples"))
    .map((f) => `examples/${f}`)
    .filter((f) => f.endsWith(".yml")),
];

describe("no ${{ }} inside run:", () => {
  it.each(files)("%s", (file) => {
    const yaml = yamlOf(file);
    expect(yaml.length).toBeGreaterThan(0);
    const scripts = yaml.flatMap((text, i) =>
      parseAllDocuments(text).flatMap((doc) => runScripts(doc.toJS(), `${file}#${i}`)),
    );
    const offending = scripts.filter(([, script]) => script.includes("${{")).map(([where]) => where);
    expect(offending).toEqual([]);
  });

  it("finds an expression in a run: script when there is one", () => {
    const doc = parseAllDocuments('steps:\n  - run: |\n      echo "${{ steps.d.outputs.status }}"\n')[0];
    expect(runScripts(doc?.toJS(), "x").filter(([, s]) => s.includes("${{"))).toHaveLength(1);
  });
});
