// The one redactor and the one error formatter: every path out of the action (log, setFailed,
// summary, PR comment, outputs) goes through formatError, so a server that echoes the token or the
// Authorization header in an error body cannot make us print it.

const MASK = "***";

// Shorter "secrets" would shred ordinary text; GitHub's own masking still covers them in logs.
const MIN_SECRET_LENGTH = 4;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replaces each secret (and its URL- and JSON-escaped forms) and any credential-looking header. */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  const variants = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== "string" || s.length < MIN_SECRET_LENGTH) continue;
    variants.add(s);
    variants.add(encodeURIComponent(s));
    variants.add(JSON.stringify(s).slice(1, -1));
  }
  // Longest first, so a secret that contains another is replaced whole.
  for (const v of [...variants].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escapeRegExp(v), "g"), MASK);
  }
  // `Authorization: Bearer x`, `"authorization":"Bearer x"`, `authorization=x`: mask the value.
  out = out.replace(/(authorization["']?\s*[:=]\s*["']?)[^"'\r\n,;}]+/gi, `$1${MASK}`);
  out = out.replace(/\b(bearer\s+)(?!\*\*\*)[^\s"',;}]+/gi, `$1${MASK}`);
  // Friendli personal access tokens, even ones that are not ours (a server echoing another key).
  out = out.replace(/\bflp_[A-Za-z0-9_-]+/g, MASK);
  return out;
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
export function formatError(err: unknown, secrets: string[]): string {
  return redact(describe(err, 0), secrets);
}
