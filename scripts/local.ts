// npm run local -- [.env file]: runs the action from source with @github/local-action, which
// stands in for @actions/core (inputs from the .env file and action.yml's defaults; it prints the
// outputs the action sets). This script adds what a laptop lacks: the Friendli simulator, started
// on the loopback address the file's INPUT_API-URL names, and a job summary file, printed after
// the run. Offline: local-action runs its own TypeScript loader from node_modules (npm offline).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { isLoopbackHost } from "../src/friendli/request-policy.ts";
import { startSimulator } from "../test/simulator/index.ts";

const root = new URL("../", import.meta.url).pathname;
const envFile = process.argv[2] ?? ".env.example";
const vars = parseEnv(readFileSync(envFile, "utf8"));
const api = new URL(vars["INPUT_API-URL"] ?? "https://api.friendli.ai");
if (!isLoopbackHost(api.hostname) || api.protocol !== "http:") {
  console.error(
    `${envFile}: INPUT_API-URL must be the local simulator (http on loopback), not ${api.origin}`,
  );
  process.exit(2);
}
// The pre-flight asks the Hub: on this machine, the simulator's Hub side, never huggingface.co.
const hub = vars["INPUT_HF-ENDPOINT"];
if (hub !== undefined && hub !== "" && new URL(hub).origin !== api.origin) {
  console.error(`${envFile}: INPUT_HF-ENDPOINT must be the local simulator (${api.origin}), not ${hub}`);
  process.exit(2);
}
if ((hub === undefined || hub === "") && vars.INPUT_PREFLIGHT !== "false") {
  console.error(
    `${envFile}: set INPUT_HF-ENDPOINT=${api.origin} (the simulator's Hub side) or INPUT_PREFLIGHT=false`,
  );
  process.exit(2);
}
const sim = await startSimulator({ host: api.hostname, port: Number(api.port || 80) });
console.log(`Friendli simulator listening on ${sim.url}`);

const dir = mkdtempSync(join(tmpdir(), "friendli-local-"));
const summaryPath = join(dir, "summary.md");
const code = await new Promise<number | null>((resolve, reject) => {
  const child = spawn(
    join(root, "node_modules/.bin/local-action"),
    ["run", ".", "src/main.ts", envFile, "--post", "src/post/post.ts"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, GITHUB_STEP_SUMMARY: summaryPath, npm_config_offline: "true" },
    },
  );
  child.on("error", reject);
  child.on("close", resolve);
});
await sim.close();
console.log(`\nJob summary (${summaryPath}):\n`);
console.log(readFileSync(summaryPath, "utf8") || "(empty)");
rmSync(dir, { recursive: true, force: true });
process.exit(code ?? 1);
