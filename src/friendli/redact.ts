// The one redactor and the one error formatter: every path out of the action (log, setFailed,
// summary, PR comment, outputs) goes through formatError, so a server that echoes the token or the
// Authorization header in an error body cannot make us print it.

const MASK = "***";

// Shorter "secrets" would shred ordinary text; GitHub's own masking still covers them in logs.
const MIN_SECRET_LENGTH = 4;
// Encoded forms are matched only for secrets at least this long: the stable part of a short
// secret's base64 is a few characters that ordinary text may contain.
const MIN_ENCODED_LENGTH = 8;

/**
 * The shortest `friendli-token` the action accepts: long enough that each of its encoded forms
 * keeps at least 16 characters of its own (a shorter one would either go unmasked in its base64
 * form or mask ordinary words).
 */
export const MIN_REDACTABLE_TOKEN_LENGTH = 16;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The base64 forms a secret takes inside a longer encoded text (`Bearer x` in a base64 header, a
 * JSON body echoed as base64): each 3-byte alignment encodes it differently, and only the groups
 * made of the secret's bytes alone are the same whatever surrounds it. The whole secret's own
 * encoding, padded and not, covers the common case of the secret encoded alone.
 */
function base64Forms(bytes: Buffer): string[] {
  const whole = bytes.toString("base64");
  const out = [whole, whole.replace(/=+$/, "")];
  for (let skip = 0; skip < 3; skip++) {
    const groups = Math.floor((bytes.length - skip) / 3) * 3;
    if (groups > 0) out.push(bytes.subarray(skip, skip + groups).toString("base64"));
  }
  return out;
}

function toBase64Url(b64: string): string {
  return b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The raw value and the encodings a server or a library is likely to echo it in. */
function secretForms(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), encodeURI(secret), JSON.stringify(secret).slice(1, -1)];
  if (secret.length < MIN_ENCODED_LENGTH) return forms;
  const bytes = Buffer.from(secret, "utf8");
  const b64 = base64Forms(bytes);
  const hex = bytes.toString("hex");
  forms.push(...b64, ...b64.map(toBase64Url), hex, hex.toUpperCase());
  return forms;
}

/**
 * Replaces each secret in every form secretForms knows (raw, URL- and JSON-escaped, base64 in each
 * alignment, base64url, hex) and any credential-looking value.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  const variants = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== "string" || s.length < MIN_SECRET_LENGTH) continue;
    for (const form of secretForms(s)) if (form.length >= MIN_SECRET_LENGTH) variants.add(form);
  }
  // Longest first, so a secret that contains another is replaced whole.
  for (const v of [...variants].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escapeRegExp(v), "g"), MASK);
  }
  return redactTokenShapes(out);
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
