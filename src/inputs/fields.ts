// One parser per kind of input value, each turning a problem into a message that names the input
// and what to write instead. The schema in ./inputs.ts puts them together.
import { z } from "zod/mini";
import { clip } from "../base/format.ts";
import type { InputName } from "../base/names.ts";
import { MIN_REDACTABLE_TOKEN_LENGTH } from "../base/redact.ts";
import { type GpuChoice, resolveGpu } from "../friendli/gpus.ts";
import { isAllowedBaseUrl, isHeaderSafe } from "../friendli/request-policy.ts";

export const DEFAULT_HUB_URL = "https://huggingface.co";
const MAX_ID_LENGTH = 200;
/** The API's integers are most likely 32-bit: a larger value could only come back as a 422. */
export const MAX_INT = 2_147_483_647;

const HF_URL =
  /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/(?:models\/)?([^/?#\s]+)\/([^/?#\s]+)/i;

/** `got` for a message: bare when it reads unambiguously, else quoted and escaped; always short. */
function show(value: string): string {
  const short = clip(value);
  return /^[\x21-\x7e]+$/.test(short) && !short.includes('"') ? short : JSON.stringify(short);
}

/**
 * A value that is one `${{ ... }}` expression, left as text: @github/local-action copies action.yml's
 * defaults verbatim (`github-token: ${{ github.token }}`), where the runner would have expanded them.
 * It carries no meaning, so it reads as not given rather than failing a run that may never use it.
 */
export function isUnexpandedExpression(value: string): boolean {
  return /^\$\{\{[\s\S]*\}\}$/.test(value.trim());
}

/** A field from a plain function: a `{ problem }` becomes an issue on this input. */
function field<T>(parse: (value: string) => T | { problem: string }) {
  return z.pipe(
    z.string(),
    z.transform((value: string, ctx) => {
      const out = parse(value);
      if (typeof out !== "object" || out === null || !("problem" in out)) return out as T;
      // zod/mini's transforms have no ctx.addIssue(): the issue it would record.
      ctx.issues.push({ code: "custom", message: out.problem, input: value });
      return z.NEVER;
    }),
  );
}

export function integer(input: InputName, min: number, max: number) {
  const any = min === 0 ? "a whole number, 0 or more" : "a positive integer";
  const rule = max === MAX_INT ? any : `an integer from ${min} to ${max}`;
  return field((value) => {
    const n = /^(0|[1-9][0-9]*)$/.test(value) ? Number(value) : Number.NaN;
    return n >= min && n <= max ? n : { problem: `\`${input}\` must be ${rule} (got ${show(value)})` };
  });
}

/** A number more than 0, whole or decimal (`0.8`, `250`). */
export function positiveNumber(input: InputName) {
  return field((value) => {
    const n = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(value) ? Number(value) : Number.NaN;
    return n > 0
      ? n
      : { problem: `\`${input}\` must be a number more than 0, e.g. 0.8 or 250 (got ${show(value)})` };
  });
}

// Not z.stringbool: its issue is marked non-continuable, which skips the cross-input check and would
// hide every problem found there until this one is fixed.
export function boolean(input: InputName) {
  return field((value) => {
    if (value === "true" || value === "True" || value === "TRUE") return true;
    if (value === "false" || value === "False" || value === "FALSE") return false;
    return { problem: `\`${input}\` must be true or false (got ${show(value)})` };
  });
}

export function oneOf<const T extends readonly [string, ...string[]]>(input: InputName, values: T) {
  return z.enum(values, {
    error: (issue) => `\`${input}\` must be one of ${values.join(", ")} (got ${show(String(issue.input))})`,
  });
}

/**
 * Ids go into a header (team), a query (project) or a URL path (endpoint, encoded by pathFor). The
 * API does not publish their format, so only what cannot be an id is refused: what a header cannot
 * carry, '/', the dot segments (they survive encoding and a URL resolves them, so pathFor refuses
 * them mid-run), and '?', '#' and '%', which come from a pasted URL or an already encoded value.
 * Other characters encodeURIComponent would change are left to the API's 404, which names the id.
 */
export function id(input: InputName) {
  return field((value) => {
    if (value.length > MAX_ID_LENGTH)
      return {
        problem: `\`${input}\` is too long for an id (${value.length} characters, at most ${MAX_ID_LENGTH})`,
      };
    if (!isHeaderSafe(value))
      return {
        problem: `\`${input}\` must be an id of visible ASCII characters, without spaces or control characters (got ${show(value)})`,
      };
    if (value.includes("/"))
      return { problem: `\`${input}\` must be the id alone, not a URL or path (got ${show(value)})` };
    if (value === "." || value === "..")
      return { problem: `\`${input}\` must be an id, not "${value}" (a URL path reads it as a directory)` };
    if (/[?#%]/.test(value))
      return {
        problem: `\`${input}\` must be the id alone, without '?', '#' or '%': copy the id itself, not part of a URL or an encoded value (got ${show(value)})`,
      };
    return value;
  });
}

/**
 * A token sent in a header, never echoed nor its length. Given `kind`, a value too short for the
 * redactor to find in its encoded forms without masking ordinary words is refused.
 */
export function secret(input: InputName, kind?: string) {
  return field((value) => {
    if (!isHeaderSafe(value))
      return {
        problem: `\`${input}\` contains spaces, a line break or other characters that cannot be sent in an HTTP header: check the secret's value`,
      };
    if (kind && value.length < MIN_REDACTABLE_TOKEN_LENGTH)
      return {
        problem: `\`${input}\` is shorter than ${MIN_REDACTABLE_TOKEN_LENGTH} characters, too short to be ${kind} or to keep out of logs safely: check the secret's value`,
      };
    return value;
  });
}

/** Text of at most `max` characters (code points) without what `refused` matches. */
function text(input: InputName, max: number, refused: RegExp, what: string) {
  return field((value) => {
    const length = [...value].length;
    if (length > max) return { problem: `\`${input}\` must be at most ${max} characters (got ${length})` };
    if (refused.test(value)) return { problem: `\`${input}\` must not contain ${what} (got ${show(value)})` };
    return value;
  });
}

// Endpoint names (and `name-prefix`, the start of one): Friendli publishes no rule, so only what is
// surely wrong is refused: whitespace, control and invisible format characters, and '/', which would
// read as a path. 100 characters is a sanity bound, not the API's rule.
export const endpointName = (input: InputName) =>
  text(input, 100, /[\s\p{Cc}\p{Cf}/]/u, "whitespace, control characters or '/'");

// GitHub accepts most characters in an environment name, up to 255; a control character is a mistake
// in the workflow, and the name reaches the log and the summary.
export const environment = (input: InputName) => text(input, 255, /[\p{Cc}\p{Cf}]/u, "control characters");

export const hfModelRepo = field((value) => {
  const url = HF_URL.exec(value);
  if (url)
    return {
      problem: `\`hf-model-repo\` must be the model id, not a URL: use org/name, e.g. ${url[1]}/${url[2]} (got ${show(value)})`,
    };
  const parts = value.split("/");
  const problem = (why: string) => ({
    problem: `\`hf-model-repo\` must be a Hugging Face model id org/name (got ${show(value)}): ${why}`,
  });
  if (parts.length !== 2) return problem("use org/name, e.g. meta-llama/Llama-3.1-8B-Instruct");
  for (const part of parts) {
    if (!/^[A-Za-z0-9._-]{1,96}$/.test(part))
      return problem("each part is 1 to 96 of the characters A-Z, a-z, 0-9, '.', '_' and '-'");
    if (/^[-.]|[-.]$/.test(part)) return problem("a part must not start or end with '-' or '.'");
    if (/--|\.\./.test(part)) return problem("a part must not contain '--' or '..'");
  }
  if (/\.git$/i.test(value)) return problem("drop the trailing .git");
  return value;
});

export const hfModelRevision = field((value) => {
  if (/^[0-9a-f]{40}$/i.test(value)) return value.toLowerCase();
  if (/^[0-9a-f]{4,39}$/i.test(value))
    return {
      problem: `\`hf-model-revision\` looks like a short commit hash: use the full 40-character commit hash (got ${show(value)})`,
    };
  return {
    problem: `\`hf-model-revision\` must be a full 40-character commit hash, not a branch or tag name (got ${show(value)}): copy it from the model's "Files and versions" → "History" on Hugging Face`,
  };
});

/** `gpu`: one instance option, or an ordered, comma-separated list of them, each named once. */
export const gpus = field((value) => {
  const choices: GpuChoice[] = [];
  for (const item of value.split(",")) {
    const resolved = resolveGpu(item);
    if (!resolved.ok) return { problem: resolved.message };
    const { label, instanceOptionId } = resolved.gpu;
    if (choices.some((c) => c.instanceOptionId === instanceOptionId))
      return { problem: `\`gpu\` names ${label} twice: list each instance option once (got ${show(value)})` };
    choices.push(resolved.gpu);
  }
  return choices;
});

/** `90s`, `30m`, `1h30m`, `2h`, `1h30m15s` or plain seconds (`600`), in ms. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i.exec(text);
  if (!match || text === "") return undefined;
  const [, h = "0", m = "0", s = "0"] = match;
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
}

/** A duration more than zero, in ms; `examples` say what to write, `limit` why a longer one is refused. */
export function duration(input: InputName, examples: string, limit?: { ms: number; says: string }) {
  return field((value) => {
    const ms = parseDuration(value);
    if (ms === undefined)
      return { problem: `\`${input}\` must be a duration such as ${examples} (got ${show(value)})` };
    if (ms === 0) return { problem: `\`${input}\` must be more than zero (got ${show(value)})` };
    if (limit && ms > limit.ms)
      return { problem: `\`${input}\` must be at most ${limit.says} (got ${show(value)})` };
    return ms;
  });
}

/**
 * A base URL a token is sent to, `fallback` when not given: https, or http on a loopback host; no
 * credentials, query or fragment.
 */
export function baseUrl(input: InputName, fallback: string, tokenInput: InputName) {
  const parse = field((value) => {
    // Userinfo is a credential: never echo it.
    const got = show(value.replace(/\/\/[^/?#]*@/, "//***@"));
    const url = URL.parse(value);
    if (!url) return { problem: `\`${input}\` must be an absolute URL such as ${fallback} (got ${got})` };
    // The HTTP layer's own predicate: a URL accepted here must not be refused when the request is made.
    if (!isAllowedBaseUrl(url))
      return {
        problem: `\`${input}\` must use https (http only for localhost, 127.0.0.0/8 and [::1]) (got ${got})`,
      };
    if (url.username || url.password)
      return {
        problem: `\`${input}\` must not contain credentials: pass the token as \`${tokenInput}\` (got ${got})`,
      };
    if (url.search || url.hash || value.includes("?") || value.includes("#"))
      return { problem: `\`${input}\` must be a base URL without a query or fragment (got ${got})` };
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  });
  return z._default(parse, fallback);
}

/** A price or a cap far above any GPU bill is a typo (cents for dollars), not a setting. */
const MAX_USD = 1_000_000;
const USD = /^\$?(0|[1-9][0-9]*)(\.[0-9]{1,4})?$/;

/** A price per GPU-hour below a cent can make an estimate $0.00/h, which no `max-hourly-cost` refuses. */
export const MIN_GPU_HOURLY_PRICE = 0.01;

/** US dollars: `5`, `4.25`, `$5.00`; `min` or more, at most four decimals (a negotiated rate may have them). */
export function usdAmount(input: InputName, min = 0) {
  return field((value) => {
    const n = USD.test(value) ? Number(value.replace(/^\$/, "")) : Number.NaN;
    if (n >= min && n <= MAX_USD) return n;
    const what =
      n >= 0 && n < min
        ? `at least ${min}: below it an estimate can be $0.00/h, which \`max-hourly-cost\` never refuses`
        : "an amount in US dollars, e.g. 5 or 4.25";
    return { problem: `\`${input}\` must be ${what} (got ${show(value)})` };
  });
}
