// The one redactor and the one error formatter: every path out of the action (log, setFailed,
// summary, PR comment, outputs) goes through them, so a server that echoes the token or the
// Authorization header in an error body cannot make us print it.

const MASK = "***";

// Shorter "secrets" would shred ordinary text; GitHub's own masking still covers them in logs.
const MIN_SECRET_LENGTH = 4;
/**
 * The shortest `friendli-token` the action accepts: a shorter one would have too few runs of
 * MIN_SECRET_FRAGMENT to find, and go unmasked in its base64 form or mask ordinary words.
 */
export const MIN_REDACTABLE_TOKEN_LENGTH = 16;

/**
 * Replaces each secret in the forms a server or a library is likely to echo it in (raw, URL- and
 * JSON-escaped), then every fragment of it that decoding reveals (maskFragments), and any
 * credential-looking value.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const usable = secrets.filter((s) => typeof s === "string" && s.length >= MIN_SECRET_LENGTH);
  const forms = usable.flatMap((s) => [
    s,
    encodeURIComponent(s),
    encodeURI(s),
    JSON.stringify(s).slice(1, -1),
  ]);
  // Longest first, so a secret that contains another is replaced whole.
  const variants = [...new Set(forms)].filter((f) => f.length >= MIN_SECRET_LENGTH);
  variants.sort((a, b) => b.length - a.length);
  const out = variants.reduce((masked, v) => masked.replaceAll(v, MASK), text);
  return redactTokenShapes(maskFragments(out, usable));
}

// Prefixes that say what kind of token follows (Friendli, Hugging Face, GitHub): public, the same
// in every token of the kind. What follows is the secret's private part.
const PUBLIC_PREFIXES = ["github_pat_", "flp_", "hf_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"];
/** A run this long of a secret's private part is the secret: half a token is as good as the whole. */
export const MIN_SECRET_FRAGMENT = 8;

/** The part of a secret after its public prefix (the whole secret when it has none). */
function privatePart(secret: string): { prefix: string; rest: string } {
  const prefix = PUBLIC_PREFIXES.find((p) => secret.startsWith(p) && secret.length > p.length) ?? "";
  return { prefix, rest: secret.slice(prefix.length) };
}

// Characters a reader skips or a server slips between a secret's characters: white space and line
// breaks, the soft hyphen, zero-width characters and the byte-order mark.
const IGNORABLE = /^[\s\u00ad\u180e\u200b-\u200d\u2060\ufeff]$/u;
// One encoded character: an HTML entity (decimal, hex, `&shy;`), a JSON escape (`\u0066`, `\n`,
// `\/`), or percent encoding in either case, once or twice (`%66`, `%2566`).
const ENCODED =
  /&#(\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});|&shy;|\\u([0-9a-fA-F]{4})|\\([nrt/])|%(?:25)*([0-9a-fA-F]{2})/y;

/** A character of the text at [start, end), and what it decodes to. */
type Unit = { start: number; end: number; char: string };

/** The text as a reader (or a decoder) sees it: each character decoded, the skippable ones left out. */
function decodedUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i] ?? "";
    let char = c;
    let end = i + 1;
    if (c === "&" || c === "\\" || c === "%") {
      ENCODED.lastIndex = i;
      const m = ENCODED.exec(text);
      if (m) {
        const [whole, dec, hex, json, esc, pct] = m;
        end = i + whole.length;
        // NaN for `&shy;` and the escapes, which are decoded by name.
        const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? json ?? pct ?? "", 16);
        if (whole === "&shy;") char = "\u00ad";
        else if (esc !== undefined) char = esc === "/" ? "/" : " ";
        else if (code <= 0x10ffff && !(pct !== undefined && code >= 0x80)) char = String.fromCodePoint(code);
        else end = i + 1;
      }
    }
    if (!IGNORABLE.test(char)) units.push({ start: i, end, char });
    i = end;
  }
  return units;
}

/**
 * Masks what decoding reveals of a secret: any run of MIN_SECRET_FRAGMENT or more characters of its
 * private part, in the text decoded character by character (entities, JSON escapes, percent
 * encoding) with white space, soft hyphens and zero-width characters between its characters
 * skipped, and in that text's base64 and hex runs decoded (markDecodable). A masked run takes with
 * it the public prefix just before it, and every encoded or skipped character inside it.
 */
function maskFragments(text: string, secrets: readonly string[]): string {
  const needles = secrets.flatMap((s) => {
    const { prefix, rest } = privatePart(s);
    return rest.length >= MIN_SECRET_FRAGMENT ? [{ prefix, grams: fragmentsOf(rest) }] : [];
  });
  if (needles.length === 0) return text;
  const units = decodedUnits(text);
  const view = units.map((u) => u.char).join("");
  // One entry per UTF-16 unit of the view: the index of the text's unit it came from.
  const owner = units.flatMap((u, i) => Array.from({ length: u.char.length }, () => i));
  const masked = new Uint8Array(view.length);
  const mark = (from: number, to: number) => masked.fill(1, Math.max(0, from), Math.min(view.length, to));
  for (const { prefix, grams } of needles) {
    for (let p = 0; p + MIN_SECRET_FRAGMENT <= view.length; p++) {
      if (!grams.has(view.slice(p, p + MIN_SECRET_FRAGMENT))) continue;
      mark(p, p + MIN_SECRET_FRAGMENT);
      if (prefix && view.slice(p - prefix.length, p) === prefix) mark(p - prefix.length, p);
    }
  }
  markDecodable(view, new Set(needles.flatMap((n) => [...n.grams])), mark);
  let out = "";
  let last = 0;
  for (const run of Array.from(masked, (m) => (m ? "1" : "0"))
    .join("")
    .matchAll(/1+/g)) {
    const from = units[owner[run.index] ?? 0]?.start ?? 0;
    out += text.slice(last, from) + MASK;
    last = units[owner[run.index + run[0].length - 1] ?? 0]?.end ?? from;
  }
  return out + text.slice(last);
}

const fragmentCache = new Map<string, Set<string>>();
// A run of lower-case letters and hyphens reads as a word ("friendli-token") that the action's own
// messages may hold, so it is not matched alone; in a random token the runs around it overlap it
// and still cover those characters.
const WORDLIKE = /^[a-z-]+$/;

/** Every run of MIN_SECRET_FRAGMENT characters of `rest`. */
function fragmentsOf(rest: string): Set<string> {
  let grams = fragmentCache.get(rest);
  if (!grams) {
    grams = new Set();
    for (let i = 0; i + MIN_SECRET_FRAGMENT <= rest.length; i++) {
      const gram = rest.slice(i, i + MIN_SECRET_FRAGMENT);
      if (!WORDLIKE.test(gram)) grams.add(gram);
    }
    if (fragmentCache.size > 16) fragmentCache.clear();
    fragmentCache.set(rest, grams);
  }
  return grams;
}

// Runs that may be base64 (standard or URL-safe: Buffer decodes both) or hex, long enough to carry
// MIN_SECRET_FRAGMENT bytes, and how many of their characters carry how many bytes.
const DECODABLE = [
  { run: /[A-Za-z0-9+/_-]{11,}/g, encoding: "base64", chars: 4, bytes: 3 },
  { run: /[0-9A-Fa-f]{16,}/g, encoding: "hex", chars: 2, bytes: 1 },
] as const;

/**
 * Marks the characters of each base64 or hex run of `view` that decode to a run of `grams`, and no
 * more: the view has no white space, so a run goes on into the next word. The run is decoded from
 * each of its characters up to a group, so whatever text leads into it, and a secret cut short at
 * either end, is read at its own alignment.
 */
function markDecodable(view: string, grams: Set<string>, mark: (from: number, to: number) => void): void {
  for (const { run, encoding, chars, bytes } of DECODABLE) {
    // Where byte `j` of a decoded run starts; its bits end within the next character.
    const start = (j: number) => Math.floor(j / bytes) * chars + (j % bytes);
    for (const m of view.matchAll(run)) {
      for (let skip = 0; skip < chars; skip++) {
        const at = m.index + skip;
        // latin1: one character per byte, so a position in it is a byte offset.
        const decoded = Buffer.from(m[0].slice(skip), encoding).toString("latin1");
        for (let b = 0; b + MIN_SECRET_FRAGMENT <= decoded.length; b++) {
          if (grams.has(decoded.slice(b, b + MIN_SECRET_FRAGMENT)))
            mark(at + start(b), at + start(b + MIN_SECRET_FRAGMENT - 1) + 2);
        }
      }
    }
  }
}

// `$NAME` or `${NAME}`: where a copy-paste command (the PR comment's curl) lets the reader's shell
// put their own token. It holds no secret, and masking it would make the command send `***`.
const SHELL_VARIABLE = String.raw`\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})`;
// Only a value that is nothing but the reference (after an optional scheme) is spared: `$X.real`
// or `${X}abc` may be a real credential that merely starts with a `$`.
const PLACEHOLDER_VALUE = new RegExp(String.raw`^(?:[A-Za-z]+\s+)?${SHELL_VARIABLE}\s*$`);
const MASKED_VALUE = /^(?:[A-Za-z]+\s+)?\*\*\*\s*$/;
// `${NAME}` is matched whole first: its `}` would otherwise end the value as if it closed JSON.
const AUTHORIZATION = new RegExp(
  String.raw`(authorization["']?\s*[:=]\s*["']?)((?:${SHELL_VARIABLE}|[^"'\r\n,;}])+)`,
  "gi",
);
const BEARER = new RegExp(String.raw`\b(bearer\s+)(?!\*\*\*)((?:${SHELL_VARIABLE}|[^\s"',;}])+)`, "gi");
// Shorter words after "bearer" are prose ("invalid bearer token."), not credentials; ours are
// masked by value whatever their length.
const MIN_BEARER_VALUE_LENGTH = 8;
// Not `\b`: `_` is a word character, so `\bflp_` would miss a token glued to `CODE_`.
const FRIENDLI_TOKEN = /(?<![A-Za-z0-9])flp_[A-Za-z0-9_-]+/g;

/**
 * Masks whatever looks like a credential, without knowing any secret: an Authorization value, a
 * Bearer value, a Friendli personal access token (a server may echo a key that is not ours). A
 * shell variable reference standing for a token is kept.
 */
export function redactTokenShapes(text: string): string {
  // An already masked value is kept as it is, so redacting twice (the error, then the log line)
  // changes nothing.
  const mask = (match: string, prefix: string, value: string) =>
    PLACEHOLDER_VALUE.test(value) || MASKED_VALUE.test(value) ? match : `${prefix}${MASK}`;
  return (
    text
      // `Authorization: Bearer x`, `"authorization":"Bearer x"`, `authorization=x`: mask the value.
      .replace(AUTHORIZATION, mask)
      .replace(BEARER, (match, prefix: string, value: string) =>
        value.length < MIN_BEARER_VALUE_LENGTH ? match : mask(match, prefix, value),
      )
      .replace(FRIENDLI_TOKEN, MASK)
  );
}

function describe(err: unknown, depth: number): string {
  if (err instanceof AggregateError && err.errors.length > 0) {
    const inner = err.errors.map((e) => describe(e, depth + 1)).join("; ");
    return err.message ? `${err.message}: ${inner}` : inner;
  }
  if (err instanceof Error) {
    // "Error: x" says nothing more than "x"; TypeError or SyntaxError are worth keeping.
    const prefix =
      err.name && err.name !== "Error" && err.name !== "ApiError" && !err.message.startsWith(err.name)
        ? `${err.name}: `
        : "";
    let text = `${prefix}${err.message || "(no message)"}`;
    // ApiError messages already include what their cause said.
    if (err.cause !== undefined && err.name !== "ApiError" && depth < 3) {
      text += ` (cause: ${describe(err.cause, depth + 1)})`;
    }
    return text;
  }
  if (typeof err === "string") return err;
  if (err === undefined || err === null) return "unknown error";
  if (typeof err === "object") {
    try {
      return JSON.stringify(err);
    } catch {
      return Object.prototype.toString.call(err);
    }
  }
  return String(err);
}

/** One line (or a few) describing any thrown value, with every secret redacted. */
export function formatError(err: unknown, secrets: readonly string[]): string {
  return redact(describe(err, 0), secrets);
}
