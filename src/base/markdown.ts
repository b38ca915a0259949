// Helpers for Markdown the action writes (job summary, PR comment). Every value that came from
// outside (names, ids, server messages, model replies) goes through escapeMarkdown: the summary
// and the PR comment render it as GitHub-flavoured Markdown with HTML, so an endpoint named
// `a|b<script>` must not split a table, inject HTML, open a code span or ping someone.

import { redactTokenShapes } from "./redact.ts";
import { stripInvisible } from "./safe-text.ts";

// Entities rather than backslashes: a backslash escape is not honoured inside every construct (e.g.
// after an entity or in HTML blocks), an entity always renders as the character. `@` among them: a
// mention in a PR comment notifies the person or team named, which a hostile model name must not.
const NAMED: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const SPECIAL = /[&<>"|`\\*~[\]#@]/g;
// `_` only emphasises at a word boundary (GFM), so WORKLOAD_INIT_ERROR stays readable in the raw file.
const EDGE_UNDERSCORE = /(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

interface EscapeOptions {
  /** What a line break becomes: `<br>` keeps it visible in a table cell; "space" for headings. */
  newlines?: "br" | "space";
  /** Cut longer values (after trimming) and mark the cut with an ellipsis. */
  maxLength?: number;
  /**
   * `...` spans as <code> with escaped content (the action's own texts, e.g. the error-code hints,
   * which may quote a server's code): a Markdown code span would show the entities verbatim.
   */
  inlineCode?: boolean;
}

/** Makes an outside value safe as inline text in Markdown, in a table cell, and in HTML. */
export function escapeMarkdown(value: unknown, opts: EscapeOptions = {}): string {
  // Token shapes are masked here too, as a last line of defence: the error formatter already
  // redacts the token, but a server may echo some other key of the same shape.
  let text = redactTokenShapes(value === undefined || value === null ? "" : String(value));
  // Control characters could hide text from a reader of the raw Markdown; tabs become spaces.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  text = text.replace(/\t/g, " ").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  // Bidi overrides and zero-width characters would make a reader see other text than is there.
  text = stripInvisible(text);
  text = text.replace(/\r\n?/g, "\n").trim();
  if (opts.maxLength !== undefined && text.length > opts.maxLength) {
    text = `${cutAt(text, opts.maxLength).trimEnd()}…`;
  }
  text = opts.inlineCode
    ? text
        .split(/`([^`\n]+)`/)
        .map((part, i) => (i % 2 === 1 ? `<code>${escapeChars(part)}</code>` : escapeWithUrls(part)))
        .join("")
    : escapeWithUrls(text);
  return opts.newlines === "space" ? text.replace(/\n+/g, " ") : text.replace(/\n/g, "<br>");
}

/** The first `max` UTF-16 units, one fewer where the cut would leave half a surrogate pair. */
function cutAt(text: string, max: number): string {
  const end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  // A lone high surrogate is not a character: it renders as U+FFFD and breaks strict UTF-8 encoders.
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

// What GitHub would turn into a link or a notification by itself, shown as code, where it does
// neither: URLs (GFM autolinks), mentions of users and teams (`@name`, `@org/team`), references to
// issues and pull requests (`#1`, `owner/repo#2`, `user#3`, `GH-4`). An entity is no defence:
// GitHub decodes `&#64;name` to `@name` before it looks for mentions. A hostile server's text or a
// model's reply must not ping people or put a link in a comment that looks like ours.
const LINKISH = new RegExp(
  [
    String.raw`\b(?:https?:\/\/|www\.)[^\s<>"'\x60]+`,
    // After a letter, digit or `_` an `@` mentions nobody (`org/model@revision`, `a@b.org`).
    String.raw`(?<!\w)@[A-Za-z0-9][\w-]*(?:\/[\w.-]+)?`,
    String.raw`(?:[\w.-]+(?:\/[\w.-]+)?)?#\d+`,
    String.raw`\bGH-\d+`,
  ].join("|"),
  "gi",
);

/** escapeChars, with every URL, mention and reference shown as code rather than as a link. */
function escapeWithUrls(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(LINKISH)) {
    out += `${escapeChars(text.slice(last, m.index))}<code>${escapeChars(m[0])}</code>`;
    last = m.index + m[0].length;
  }
  return out + escapeChars(text.slice(last));
}

function escapeChars(text: string): string {
  return text.replace(SPECIAL, (c) => NAMED[c] ?? `&#${c.charCodeAt(0)};`).replace(EDGE_UNDERSCORE, "&#95;");
}

/**
 * A fenced code block that its content cannot close: the fence is longer than the longest run of
 * backticks inside (CommonMark). Code blocks render HTML as text, so the content is not escaped.
 */
export function codeBlock(text: string, lang = ""): string {
  const body = stripInvisible(redactTokenShapes(text)).replace(/\r\n?/g, "\n");
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** Text safe inside Mermaid: `:` ends a task name, `#` and `;` start entities and statements. */
export function mermaidText(value: unknown): string {
  return String(value ?? "")
    .replace(/[^A-Za-z0-9 _.()/+-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
