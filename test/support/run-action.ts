// Runs the built dist/index.js as a child process exactly the way the runner does: inputs as
// INPUT_<NAME> env vars (with action.yml's defaults filled in, as the runner fills them), outputs,
// state and summary through the files named by GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY,
// and the event payload at GITHUB_EVENT_PATH. Used by the tests, the demo and the benchmark.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

export const repoRoot = new URL("../../", import.meta.url).pathname;
export const distEntry = join(repoRoot, "dist/index.js");
/** The post step's own entry (action.yml `runs.post`). */
const postEntry = join(repoRoot, "dist/post.js");

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
}

/** action.yml's defaults, with `${{ github.token }}` as the runner would expand it (to nothing here). */
export function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(join(repoRoot, "action.yml"), "utf8")) as ActionYaml;
  return Object.fromEntries(
    Object.entries(action.inputs)
      .filter(([, i]) => i.default !== undefined)
      .map(([name, i]) => [name, String(i.default).includes("${{") ? "" : String(i.default)]),
  );
}

/**
 * action.yml's defaults under the given inputs, with one change: the Hub is the simulator (the
 * api-url given, which serves the Hub side too) unless a test names another, so no test run ever
 * asks huggingface.co. Nothing listens on port 9 of loopback when there is no api-url either.
 */
export function withDefaults(given: Record<string, string>): Record<string, string> {
  const hub = given["hf-endpoint"] ?? given["api-url"] ?? "http://127.0.0.1:9";
  return { ...actionDefaults(), ...given, "hf-endpoint": hub };
}

export interface RunActionOptions {
  inputs: Record<string, string>;
  eventName?: string;
  event?: unknown;
  /** Extra environment (e.g. GITHUB_REPOSITORY). */
  env?: Record<string, string>;
  /** The state the main step saved (STATE_* env, as the runner passes it to the post step). */
  state?: Record<string, string>;
  /** Which entry to run: the main step (default) or the post step. */
  step?: "main" | "post";
  /** Node options before the entry (e.g. --import of a hook that records what loads). */
  nodeArgs?: string[];
  /** Called once the child is spawned, e.g. to send it a signal later. */
  onSpawn?: (child: ChildProcess) => void;
  /** Echo the child's stdout as a person sees it in the Actions log (the demo): debug lines and
   * mask commands hidden, annotations shown by their level. */
  echo?: boolean;
  timeoutMs?: number;
}

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  summaryPath: string;
  wallMs: number;
  dir: string;
  cleanup(): void;
}

export function runAction(options: RunActionOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), "friendli-action-"));
  const paths = {
    output: join(dir, "output"),
    state: join(dir, "state"),
    summary: join(dir, "summary.md"),
    event: join(dir, "event.json"),
  };
  for (const p of [paths.output, paths.state, paths.summary]) writeFileSync(p, "");
  writeFileSync(paths.event, JSON.stringify(options.event ?? {}));
  const inputs = withDefaults(options.inputs);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.eventName ?? "workflow_dispatch",
    GITHUB_EVENT_PATH: paths.event,
    GITHUB_OUTPUT: paths.output,
    GITHUB_STATE: paths.state,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_REPOSITORY: "octo-org/llm-service",
    GITHUB_SHA: "4f1c2a7d9e0b3c5a6f8e1d2c3b4a5968778695a4",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "1234567890",
    GITHUB_WORKFLOW: "deploy",
    RUNNER_TEMP: dir,
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;

  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), options.step === "post" ? postEntry : distEntry],
    { env, cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (options.echo) process.stdout.write(asShownByRunner(chunk));
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  options.onSpawn?.(child);
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout,
        stderr,
        outputs: parseFileCommands(readFileSync(paths.output, "utf8")),
        state: parseFileCommands(readFileSync(paths.state, "utf8")),
        summary: readFileSync(paths.summary, "utf8"),
        summaryPath: paths.summary,
        wallMs: performance.now() - started,
        dir,
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      });
    });
  });
}

function asShownByRunner(chunk: string): string {
  return chunk
    .split("\n")
    .filter((line) => !line.startsWith("::debug::") && !line.startsWith("::add-mask::"))
    .map((line) =>
      line.replace(
        /^::(warning|error|notice)[^:]*::(.*)$/,
        // The runner decodes what @actions/core escaped in a command's message.
        (_, level: string, message: string) =>
          `${level}: ${message.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%")}`,
      ),
    )
    .join("\n");
}

/** Parses the `name<<DELIMITER\nvalue\nDELIMITER` records that @actions/core writes to file commands. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? "");
    if (!m?.[1] || !m[2]) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? "");
    out[m[1]] = value.join("\n");
  }
  return out;
}
