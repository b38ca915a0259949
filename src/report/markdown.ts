// Helpers for Markdown the action writes (job summary, PR comment). Every value that came from
// outside (names, ids, server messages, model replies) goes through escapeMarkdown: the summary
// and the PR comment render it as GitHub-flavoured Markdown with HTML, so an endpoint named
// `a|b<script>` must not split a table, inject HTML, open a code span or ping someone.

// Token-shaped strings are redacted here too, as a last line of defence: the error formatter
// already redacts the token, but a server may echo some other key of the same shape.
const TOKEN_SHAPED = /\bflp_[A-Za-z0-9_-]{4,}/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi;

export function redactTokens(text: string): string {
  return text.replace(BEARER, "$1 ***").replace(TOKEN_SHAPED, "flp_***");
}

// Numeric entities rather than backslashes: a backslash escape is not honoured inside every
// construct (e.g. after an entity or in HTML blocks), an entity always renders as the character.
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "|": "&#124;",
  "`": "&#96;",
  "\\": "&#92;",
  "*": "&#42;",
  "~": "&#126;",
  "[": "&#91;",
  "]": "&#93;",
  "#": "&#35;",
  // A mention in a PR comment notifies the person or team named: a hostile model name must not.
  "@": "&#64;",
};
const SPECIAL = /[&<>"|`\\*~[\]#@]/g;
// `_` only emphasises at a word boundary (GFM), so WORKLOAD_INIT_ERROR stays readable in the raw file.
const EDGE_UNDERSCORE = /(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

export interface EscapeOptions {
  /** What a line break becomes: `<br>` keeps it visible in a table cell; "space" for headings. */
  newlines?: "br" | "space";
  /** Cut longer values (after trimming) and mark the cut with an ellipsis. */
  maxLength?: number;
  /**
   * Render `...` spans as <code> (for the action's own texts, e.g. the error-code hints, which may
   * quote an unknown code from the server): the span's content is escaped like the rest, which a
   * Markdown code span would show verbatim as entities.
   */
  inlineCode?: boolean;
}

/** Makes an outside value safe as inline text in Markdown, in a table cell, and in HTML. */
export function escapeMarkdown(value: unknown, opts: EscapeOptions = {}): string {
  let text = redactTokens(value === undefined || value === null ? "" : String(value));
  // Control characters could hide text from a reader of the raw Markdown; tabs become spaces.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  text = text.replace(/\t/g, " ").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  text = text.replace(/\r\n?/g, "\n").trim();
  if (opts.maxLength !== undefined && text.length > opts.maxLength) {
    text = `${text.slice(0, opts.maxLength).trimEnd()}…`;
  }
  text = opts.inlineCode
    ? text
        .split(/`([^`\n]+)`/)
        .map((part, i) => (i % 2 === 1 ? `<code>${escapeChars(part)}</code>` : escapeChars(part)))
        .join("")
    : escapeChars(text);
  return opts.newlines === "space" ? text.replace(/\n+/g, " ") : text.replace(/\n/g, "<br>");
}

function escapeChars(text: string): string {
  return text.replace(SPECIAL, (c) => ENTITIES[c] ?? c).replace(EDGE_UNDERSCORE, "&#95;");
}

/**
 * A fenced code block that its content cannot close: the fence is longer than the longest run of
 * backticks inside (CommonMark). Code blocks render HTML as text, so the content is not escaped.
 */
export function codeBlock(text: string, lang = ""): string {
  const body = redactTokens(text).replace(/\r\n?/g, "\n");
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

/** "45s", "1m 02s", "1h 03m": what a person reads in logs and the summary. */
export function formatDuration(ms: number): string {
  const totalSeconds = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : 0;
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes}m ${pad2(totalSeconds % 60)}s`;
  return `${Math.floor(totalMinutes / 60)}h ${pad2(totalMinutes % 60)}m`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
