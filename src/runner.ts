// The runner's side of the action: inputs, masks, outputs, state, logs, failure and the job
// summary, written exactly as @actions/core 3 writes them (test/unit/runner.test.ts compares the
// bytes). Why not @actions/core itself: its root module also loads OIDC (@actions/http-client with
// its own undici 6) and platform detection (@actions/exec, @actions/io), none of which a run uses
// and none of which a bundler can drop (the package exports only its root): about 1 MB of code,
// before minification, loaded on every run. What we use fits in this file.
import { randomUUID } from "node:crypto";
import { appendFileSync, constants, existsSync } from "node:fs";
import { access, appendFile, writeFile } from "node:fs/promises";
import { EOL } from "node:os";

/** The job summary as the action uses it: @actions/core's `summary` satisfies this too. */
export interface Summary {
  addRaw(text: string, addEOL?: boolean): Summary;
  write(options?: { overwrite?: boolean }): Promise<Summary>;
}

export interface InputOptions {
  required?: boolean;
  trimWhitespace?: boolean;
}

/**
 * The part of the runner interface main.ts uses. This module (imported as a namespace) and
 * @actions/core both satisfy it (checked in test/unit/runner.test.ts); tests pass a recorder.
 */
export interface Core {
  getInput(name: string, options?: InputOptions): string;
  setSecret(secret: string): void;
  setOutput(name: string, value: unknown): void;
  setFailed(message: string | Error): void;
  info(message: string): void;
  warning(message: string | Error): void;
  debug(message: string): void;
  saveState(name: string, value: unknown): void;
  summary: Summary;
}

// ---------------------------------------------------------------------------------------------
// Workflow commands (stdout) and file commands (GITHUB_OUTPUT, GITHUB_STATE)
// ---------------------------------------------------------------------------------------------

/** null/undefined → '', strings as they are, anything else as JSON (core's toCommandValue). */
export function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return "";
  if (typeof input === "string" || input instanceof String) return String(input);
  return JSON.stringify(input);
}

// The runner reads one command per line, so line breaks and the escape character itself are
// escaped; in a property, ':' and ',' separate fields and are escaped too.
function escapeData(s: unknown): string {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: unknown): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::name key=value,…::message` on a line of its own. */
export function issueCommand(command: string, properties: Record<string, unknown>, message: unknown): void {
  let line = `::${command || "missing.command"}`;
  const keys = Object.keys(properties);
  // The space comes with any property key, even when every value is empty: core does the same.
  if (keys.length > 0) {
    line += ` ${keys
      .filter((k) => properties[k])
      .map((k) => `${k}=${escapeProperty(properties[k])}`)
      .join(",")}`;
  }
  process.stdout.write(`${line}::${escapeData(message)}${EOL}`);
}

/**
 * A `name<<delimiter` record for a file command. The delimiter is random per record, and a name
 * or value that contains it is refused: otherwise a value could end its record early and forge
 * further outputs (core has the same check).
 */
export function keyValueMessage(key: string, value: unknown, uuid: string = randomUUID()): string {
  const delimiter = `ghadelimiter_${uuid}`;
  const converted = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (converted.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${EOL}${converted}${EOL}${delimiter}`;
}

function issueFileCommand(command: string, message: string): void {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
  appendFileSync(filePath, `${message}${EOL}`, { encoding: "utf8" });
}

/** The file command when the runner names a file, else the older stdout command. */
function keyValue(file: string, command: string, name: string, value: unknown): void {
  if (process.env[`GITHUB_${file}`]) {
    issueFileCommand(file, keyValueMessage(name, value));
    return;
  }
  if (command === "set-output") process.stdout.write(EOL);
  issueCommand(command, { name }, toCommandValue(value));
}

// ---------------------------------------------------------------------------------------------
// The functions
// ---------------------------------------------------------------------------------------------

export function getInput(name: string, options?: InputOptions): string {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options?.required && !val) throw new Error(`Input required and not supplied: ${name}`);
  if (options?.trimWhitespace === false) return val;
  return val.trim();
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || "";
}

export function setSecret(secret: string): void {
  issueCommand("add-mask", {}, secret);
}

export function setOutput(name: string, value: unknown): void {
  keyValue("OUTPUT", "set-output", name, value);
}

export function saveState(name: string, value: unknown): void {
  keyValue("STATE", "save-state", name, value);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issueCommand("debug", {}, message);
}

export function warning(message: string | Error): void {
  issueCommand("warning", {}, message instanceof Error ? message.toString() : message);
}

export function error(message: string | Error): void {
  issueCommand("error", {}, message instanceof Error ? message.toString() : message);
}

export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

// ---------------------------------------------------------------------------------------------
// The job summary (GITHUB_STEP_SUMMARY)
// ---------------------------------------------------------------------------------------------

const SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";

/** A buffer written to the summary file on write(): the subset of core's Summary the action uses. */
export class JobSummary implements Summary {
  private buffer = "";
  private path: string | undefined;

  private async filePath(): Promise<string> {
    if (this.path) return this.path;
    const fromEnv = process.env[SUMMARY_ENV_VAR];
    if (!fromEnv) {
      throw new Error(
        `Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`,
      );
    }
    try {
      await access(fromEnv, constants.R_OK | constants.W_OK);
    } catch {
      throw new Error(
        `Unable to access summary file: '${fromEnv}'. Check if the file has correct read/write permissions.`,
      );
    }
    this.path = fromEnv;
    return fromEnv;
  }

  addRaw(text: string, addEOL = false): this {
    this.buffer += text;
    return addEOL ? this.addEOL() : this;
  }

  addEOL(): this {
    return this.addRaw(EOL);
  }

  stringify(): string {
    return this.buffer;
  }

  isEmptyBuffer(): boolean {
    return this.buffer.length === 0;
  }

  emptyBuffer(): this {
    this.buffer = "";
    return this;
  }

  /** Appends the buffer to the summary file (or replaces the file with overwrite), then empties it. */
  async write(options?: { overwrite?: boolean }): Promise<this> {
    const path = await this.filePath();
    await (options?.overwrite ? writeFile : appendFile)(path, this.buffer, { encoding: "utf8" });
    return this.emptyBuffer();
  }
}

export const summary = new JobSummary();
