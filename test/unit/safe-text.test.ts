import { describe, expect, it } from "vitest";
import { guardCore, neutralise, safeLogger, stripInvisible } from "../../src/base/safe-text.ts";
import { recordingCore } from "../support/in-process.ts";

// Every command the runner knows, in its current and legacy forms.
const COMMANDS = [
  "add-mask",
  "error",
  "warning",
  "notice",
  "debug",
  "group",
  "endgroup",
  "save-state",
  "set-output",
  "set-env",
  "add-path",
  "stop-commands",
  "echo",
  "add-matcher",
  "remove-matcher",
];
const BREAKS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\u000b", "\u000c"];
// What .NET's Trim() removes before the runner looks for `::`, and invisible characters.
const LEADS = ["", " ", "\t", "\u00a0", "\u3000", "\ufeff", "\u200b", "\u2003 "];

/** The runner's view: split as StreamReader.ReadLine does, trimmed, `::` at the start or `##[` anywhere. */
function commandsIn(text: string): string[] {
  return text
    .split(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/)
    .filter((line) => /^[\s\u0085\u200b\ufeff]*::/.test(line) || line.includes("##["));
}

describe("neutralise", () => {
  // One case per command, each tried after every line break and behind every leading space.
  it.each(COMMANDS)("leaves no %s command in any form", (cmd) => {
    const cases = [`text ##[${cmd} name=x;]forged ###[${cmd}]`, `##[${cmd}]##[${cmd}]`];
    for (const br of BREAKS) {
      for (const lead of LEADS) {
        cases.push(`${lead}::${cmd}::forged`);
        cases.push(`RUNNING${br}${lead}::${cmd} name=x::forged`);
        cases.push(`detail${br}${lead}##[${cmd}]forged`);
      }
    }
    for (const text of cases) {
      expect(commandsIn(text).length, JSON.stringify(text)).toBeGreaterThan(0);
      expect(commandsIn(neutralise(text)), JSON.stringify(text)).toEqual([]);
    }
  });

  it.each([
    ["an ordinary line", 'Created endpoint dep123 ("x")', 'Created endpoint dep123 ("x")'],
    ["a colon pair mid-line", "a::b", "a::b"],
    ["our own multi-line message", "2 inputs are not valid:\n- gpu: x", "2 inputs are not valid:\n- gpu: x"],
    ["a forged line after a break", "ok\r\n::add-mask::x", "ok\n\\::add-mask::x"],
    ["a bidi override", "abc\u202egpj.exe", "abcgpj.exe"],
    ["an ANSI escape", "\u001b[31mred", "[31mred"],
  ])("%s", (_, input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it("removes bidi and zero-width characters", () => {
    expect(stripInvisible("a\u200bb\u200dc\u2066d\u2069e\u202af\ufeff")).toBe("abcdef");
  });
});

describe("guardCore and safeLogger", () => {
  const SECRET = "flp_guarded_secret_0123456789";
  const b64 = Buffer.from(`Bearer ${SECRET}`).toString("base64");

  it("redacts every sink and neutralises info lines", async () => {
    const { core, rec } = recordingCore({});
    const g = guardCore(core, [SECRET]);
    g.info(`reply\n::add-mask::${SECRET}`);
    g.warning(`echo ${b64}`);
    g.debug(`hex ${Buffer.from(SECRET).toString("hex")}`);
    g.setOutput("status", `x${SECRET}`);
    g.saveState("s", encodeURIComponent(SECRET));
    g.setFailed(`failed ${Buffer.from(SECRET).toString("base64url")}`);
    await g.summary.addRaw(`summary ${SECRET}`).write();
    const all = JSON.stringify(rec);
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(b64.slice(12, 40));
    expect(rec.logs[0]).toBe("info: reply\n\\::add-mask::***");
    expect(rec.outputs.status).toBe("x***");
    expect(rec.summary).toBe("summary ***");
    // An encoded secret keeps the characters that encode what comes before its private part
    // ("Bearer flp_", the last of them sharing a few bits with the first private character).
    expect(rec.logs.slice(1)).toEqual([`warning: echo ${b64.slice(0, 14)}***`, "debug: hex 666c705f***"]);
    expect(rec.state.s).toBe("***");
    expect(rec.failed).toBe("failed ZmxwX***");
  });

  it("safeLogger leaves annotations to the runner library's escaping", () => {
    const { core, rec } = recordingCore({});
    safeLogger(core, []).warning("a\n::error::b");
    expect(rec.logs).toEqual(["warning: a\n::error::b"]);
  });
});
