// src/runner.ts against the real @actions/core: the same calls must put the same bytes on stdout
// and in the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files (file-command delimiters are
// random, so they are compared after replacing each by its first-seen index), and set the same
// exit code.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as actionsCore from "@actions/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as runner from "../../src/runner.ts";
import { type Core, JobSummary, keyValueMessage, type Summary } from "../../src/runner.ts";

// Both satisfy the interface main.ts takes (a compile-time check: tsc runs over the tests).
const fromCore: Core = actionsCore;
const fromRunner: Core = runner;

type Impl = typeof runner | typeof actionsCore;

let dir: string;
let savedExitCode: typeof process.exitCode;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "runner-test-"));
  savedExitCode = process.exitCode;
});

afterEach(() => {
  process.exitCode = savedExitCode;
  rmSync(dir, { recursive: true, force: true });
});

interface Captured {
  stdout: string;
  output: string;
  state: string;
  summary: string;
  exitCode: typeof process.exitCode;
  error?: string;
}

/** Numbers each distinct delimiter in order of appearance, so two runs compare equal. */
function normalise(text: string): string {
  const seen = new Map<string, number>();
  return text.replace(/ghadelimiter_[0-9a-f-]{36}/g, (d) => {
    if (!seen.has(d)) seen.set(d, seen.size);
    return `ghadelimiter_<${seen.get(d)}>`;
  });
}

let runCount = 0;

/** Runs fn with fresh command files (when `files`) and stdout captured. */
async function capture(
  impl: Impl,
  fn: (impl: Impl) => unknown,
  opts: { files?: boolean; env?: Record<string, string> } = {},
): Promise<Captured> {
  const sub = join(dir, String(runCount++));
  const paths = { output: `${sub}-output`, state: `${sub}-state`, summary: `${sub}-summary.md` };
  for (const p of Object.values(paths)) writeFileSync(p, "");
  vi.stubEnv("GITHUB_OUTPUT", opts.files === false ? "" : paths.output);
  vi.stubEnv("GITHUB_STATE", opts.files === false ? "" : paths.state);
  vi.stubEnv("GITHUB_STEP_SUMMARY", paths.summary);
  for (const [k, v] of Object.entries(opts.env ?? {})) vi.stubEnv(k, v);
  let stdout = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  let error: string | undefined;
  try {
    await fn(impl);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  } finally {
    spy.mockRestore();
  }
  const result: Captured = {
    stdout,
    output: normalise(readFileSync(paths.output, "utf8")),
    state: normalise(readFileSync(paths.state, "utf8")),
    summary: readFileSync(paths.summary, "utf8"),
    exitCode: process.exitCode,
  };
  process.exitCode = undefined;
  if (error !== undefined) result.error = error.replaceAll(sub, "<dir>");
  return result;
}

async function expectSame(
  fn: (impl: Impl) => unknown,
  opts: { files?: boolean; env?: Record<string, string> } = {},
) {
  const expected = await capture(actionsCore, fn, opts);
  const actual = await capture(runner, fn, opts);
  expect(actual).toEqual(expected);
  return actual;
}

const AWKWARD = [
  "plain",
  "",
  "100% done",
  "line one\nline two",
  "crlf\r\nend",
  "a:b,c=d::e",
  "%0A is not a newline",
  "ünïcødé ✓",
  "  padded  ",
];

describe("runner matches @actions/core byte for byte", () => {
  it("getInput: env name, trimming, required, trimWhitespace", async () => {
    const env = {
      "INPUT_FRIENDLI-TOKEN": "  flp_x \n",
      INPUT_MY_INPUT: "spaced name",
      INPUT_EMPTY: "",
    };
    for (const name of ["friendli-token", "Friendli-Token", "my input", "empty", "absent"]) {
      for (const options of [undefined, { trimWhitespace: false }, { required: true }]) {
        await expectSame((impl) => impl.getInput(name, options), { env });
      }
    }
    const got = await capture(runner, (impl) => impl.getInput("friendli-token", { trimWhitespace: false }), {
      env,
    });
    expect(got.error).toBeUndefined();
  });

  it("setSecret, info, debug and warning escape their messages the same way", async () => {
    for (const m of AWKWARD) {
      const got = await expectSame((impl) => {
        impl.setSecret(m);
        impl.info(m);
        impl.debug(m);
        impl.warning(m);
      });
      expect(got.stdout).not.toBe("");
    }
    await expectSame((impl) => impl.warning(new Error("broken\nin two")));
  });

  it("setFailed: an ::error:: line with the same escaping, and exit code 1", async () => {
    for (const m of AWKWARD) {
      const got = await expectSame((impl) => impl.setFailed(m));
      expect(got.exitCode).toBe(1);
    }
    const got = await expectSame((impl) => impl.setFailed(new TypeError("bad % value\r\n")));
    expect(got.stdout).toBe("::error::TypeError: bad %25 value%0D%0A\n");
  });

  it("setOutput and saveState write heredoc records to GITHUB_OUTPUT / GITHUB_STATE", async () => {
    const values: unknown[] = [...AWKWARD, 0, 42, true, null, undefined, { a: [1, "x"] }, ["l"]];
    const got = await expectSame((impl) => {
      for (const [i, v] of values.entries()) {
        impl.setOutput(`out-${i}`, v);
        impl.saveState(`state_${i}`, v);
      }
    });
    expect(got.stdout).toBe("");
    expect(got.output).toContain("out-3<<ghadelimiter_<3>\nline one\nline two\nghadelimiter_<3>\n");
  });

  it("setOutput and saveState fall back to the stdout commands without the files", async () => {
    await expectSame(
      (impl) => {
        for (const v of [...AWKWARD, 7, { k: "v" }]) {
          impl.setOutput("name:with,chars%", v);
          impl.saveState("s", v);
        }
        impl.setOutput("", "empty name");
      },
      { files: false },
    );
  });

  it("a command file that does not exist is an error with the same message", async () => {
    const missing = join(dir, "nope", "output");
    const got = await expectSame((impl) => impl.setOutput("a", "b"), { env: { GITHUB_OUTPUT: missing } });
    expect(got.error).toBe(`Missing file at path: ${missing}`);
  });

  it("summary: addRaw, addEOL, write appends, write({ overwrite }) replaces", async () => {
    const CoreSummary = actionsCore.summary.constructor as new () => Summary;
    const scenario = async (s: Summary & { addEOL?: () => unknown }) => {
      await s.addRaw("## Deploy\n").addRaw("| a | b |", true).write();
      await s.addRaw("second write ✓").write();
      await s.addRaw("replaced").write({ overwrite: true });
      await s.addRaw("after").write();
    };
    const viaCore = await capture(actionsCore, () => scenario(new CoreSummary()));
    const viaRunner = await capture(runner, () => scenario(new JobSummary()));
    expect(viaRunner).toEqual(viaCore);
    expect(viaRunner.summary).toBe("replacedafter");

    const once = async (s: Summary) => {
      await s.addRaw("text", true).write();
    };
    expect(await capture(runner, () => once(new JobSummary()))).toEqual(
      await capture(actionsCore, () => once(new CoreSummary())),
    );
  });

  it("summary errors: no GITHUB_STEP_SUMMARY, or a file that cannot be accessed", async () => {
    const CoreSummary = actionsCore.summary.constructor as new () => Summary;
    for (const env of [
      { GITHUB_STEP_SUMMARY: "" },
      { GITHUB_STEP_SUMMARY: join(dir, "missing", "summary.md") },
    ]) {
      const viaCore = await capture(actionsCore, () => new CoreSummary().addRaw("x").write(), { env });
      const viaRunner = await capture(runner, () => new JobSummary().addRaw("x").write(), { env });
      expect(viaCore.error).toBeDefined();
      expect(viaRunner).toEqual(viaCore);
    }
  });
});

describe("runner", () => {
  it("getState reads STATE_<name> as given, '' when absent", () => {
    vi.stubEnv("STATE_endpoint-id", "dep123");
    expect(runner.getState("endpoint-id")).toBe("dep123");
    expect(runner.getState("absent")).toBe("");
  });

  it("uses a fresh random delimiter per record", async () => {
    const got = await capture(runner, (impl) => {
      impl.setOutput("a", "1");
      impl.setOutput("b", "2");
    });
    expect(got.output).toBe(
      "a<<ghadelimiter_<0>\n1\nghadelimiter_<0>\nb<<ghadelimiter_<1>\n2\nghadelimiter_<1>\n",
    );
  });

  it("refuses a name or value that contains the delimiter (it would forge records)", () => {
    const uuid = "00000000-0000-4000-8000-000000000000";
    const delimiter = `ghadelimiter_${uuid}`;
    expect(keyValueMessage("k", "v", uuid)).toBe(`k<<${delimiter}\nv\n${delimiter}`);
    expect(() => keyValueMessage(`k${delimiter}`, "v", uuid)).toThrow(
      `Unexpected input: name should not contain the delimiter "${delimiter}"`,
    );
    expect(() => keyValueMessage("k", `v\n${delimiter}\nforged<<x`, uuid)).toThrow(
      `Unexpected input: value should not contain the delimiter "${delimiter}"`,
    );
  });

  it("is what main.ts and post.ts get: no @actions/core in the source", () => {
    expect(fromCore.getInput).toBe(actionsCore.getInput);
    expect(fromRunner.getInput).toBe(runner.getInput);
    for (const file of ["main.ts", "post.ts", "index.ts"]) {
      const text = readFileSync(new URL(`../../src/${file}`, import.meta.url), "utf8");
      expect(text).not.toMatch(/from "@actions\/core"/);
    }
  });
});
