// Regenerates the README's inputs and outputs tables from action.yml (the one source of truth).
// `--check` fails instead of writing when the README has drifted.
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (text: string) => text.replace(/\s+/g, " ").trim().replaceAll("|", "\\|");

export function renderTables(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionYaml;
  const inputs = [
    "| input | required | default | description |",
    "| --- | --- | --- | --- |",
    ...Object.entries(action.inputs).map(
      ([name, i]) =>
        `| \`${name}\` | ${i.required ? "yes" : "no"} | ${i.default === undefined ? "" : `\`${cell(i.default)}\``} | ${cell(i.description)} |`,
    ),
  ].join("\n");
  const outputs = [
    "| output | description |",
    "| --- | --- |",
    ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
  ].join("\n");
  return { inputs, outputs };
}

export function updateReadme(readme: string, tables: { inputs: string; outputs: string }): string {
  let out = readme;
  for (const [key, table] of Object.entries(tables)) {
    const start = `<!-- ${key}:start (generated from action.yml by npm run docs) -->`;
    const end = `<!-- ${key}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} ... ${end}`);
    out = `${out.slice(0, from + start.length)}\n${table}\n${out.slice(to)}`;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL("../", import.meta.url);
  const readmePath = new URL("README.md", root);
  const current = readFileSync(readmePath, "utf8");
  const next = updateReadme(current, renderTables(readFileSync(new URL("action.yml", root), "utf8")));
  if (process.argv.includes("--check")) {
    if (next !== current) {
      console.error("README.md inputs/outputs tables differ from action.yml: run `npm run docs`");
      process.exit(1);
    }
    console.log("README.md tables match action.yml");
  } else {
    writeFileSync(readmePath, next);
    console.log(next === current ? "README.md already up to date" : "README.md tables regenerated");
  }
}
