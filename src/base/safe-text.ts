// The one neutraliser for text the action did not write itself (API fields and error bodies, model
// replies, GitHub answers, inputs echoed back) on its way to the log, and the guard that puts the
// redactor in front of every runner sink (log, annotations, outputs, state, summary).
//
// The runner trims each stdout line and obeys one that starts with `::` (`::add-mask::`,
// `::stop-commands::`...), and `##[command]` anywhere in a line: a forged line could hide our
// errors or make the post step act on the wrong endpoint. Escaping, not one-line rendering or
// `stop-commands`: our own multi-line messages stay readable, every line is safe on its own (a
// `stop-commands` block that a crash never closes would silence the rest of the job), and a reader
// sees `\::error::` and knows the text was someone else's.

import type { Core } from "./core.ts";
import type { Logger } from "./log.ts";
import { redact } from "./redact.ts";

// Every line break a reader of the log could see: the runner splits on \r, \n and \r\n; the log
// viewer and other tools also break on NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, and on VT/FF.
const LINE_BREAKS = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;
// What .NET's String.Trim() removes (Char.IsWhiteSpace), and a bit more: a line that starts with
// these and then `::` is still a command.
const LEADING_SPACE = /^[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]*/;
// Other control characters (ANSI escapes among them) could redraw or hide what a reader sees.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
// Bidirectional overrides and zero-width characters make text read differently from what it is.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Removes bidi controls and zero-width characters: what a reader sees is then what the text says. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** One line that cannot be a workflow command: a leading `::` and any `##[` are escaped. */
function neutraliseLine(line: string): string {
  const lead = LEADING_SPACE.exec(line)?.[0] ?? "";
  const rest = line.slice(lead.length);
  const escaped = rest.startsWith("::") ? `\\${rest}` : rest;
  return (lead + escaped).replace(/##\[/g, "#\\#[");
}

/**
 * Text as the log may show it: line breaks normalised to \n, control, bidi and zero-width
 * characters removed, and no line able to form a workflow command.
 */
export function neutralise(text: string): string {
  return stripInvisible(text.replace(LINE_BREAKS, "\n").replace(CONTROL, ""))
    .split("\n")
    .map(neutraliseLine)
    .join("\n");
}

/**
 * A logger whose lines are redacted and neutralised. Warnings and debug lines are workflow commands
 * whose message @actions/core escapes itself (line breaks become %0A): they are only redacted.
 */
export function safeLogger(
  core: Pick<Core, "info" | "warning" | "debug">,
  secrets: readonly string[],
): Logger {
  return {
    info: (m) => core.info(neutralise(redact(m, secrets))),
    warning: (m) => core.warning(redact(m, secrets)),
    debug: (m) => core.debug(redact(m, secrets)),
  };
}

/**
 * The runner interface with the redactor in front of every sink: log lines, annotations, outputs,
 * state and the job summary never carry a secret in any encoding the redactor knows, and info
 * lines cannot form commands. Inputs and masks pass through untouched.
 */
export function guardCore(core: Core, secrets: readonly string[]): Core {
  const clean = (v: unknown) => (typeof v === "string" ? redact(v, secrets) : v);
  const log = safeLogger(core, secrets);
  const summary: Core["summary"] = {
    addRaw: (text, addEOL) => {
      core.summary.addRaw(redact(text, secrets), addEOL);
      return summary;
    },
    write: async (options) => {
      await core.summary.write(options);
      return summary;
    },
  };
  return {
    getInput: (name, options) => core.getInput(name, options),
    setSecret: (s) => core.setSecret(s),
    setOutput: (name, value) => core.setOutput(name, clean(value)),
    saveState: (name, value) => core.saveState(name, clean(value)),
    setFailed: (m) => core.setFailed(redact(String(m), secrets)),
    info: log.info,
    warning: (m) => log.warning(String(m)),
    debug: log.debug,
    summary,
  };
}
