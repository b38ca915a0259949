// One parser per kind of input value, each turning a problem into a message that names the input
// and what to write instead. The schema in ./inputs.ts puts them together.
import { z } from "zod/mini";
import { clip } from "../base/format.ts";
import { Input, type InputName } from "../base/names.ts";
import { MIN_REDACTABLE_TOKEN_LENGTH } from "../base/redact.ts";
import { MAX_WAIT_TIMEOUT_MS } from "../base/timing.ts";
import { resolveGpu } from "../friendli/gpus.ts";
import { isAllowedBaseUrl, isHeaderSafe } from "../friendli/request-policy.ts";

const DEFAULT_API_URL = "https://api.friendli.ai";
export const DEFAULT_HUB_URL = "https://huggingface.co";
/** Endpoint names are not specified by Friendli: this is a sanity bound, not the API's rule. */
const MAX_NAME_LENGTH = 100;
const MAX_ID_LENGTH = 200;
/** The API's integers are most likely 32-bit: a larger value could only come back as a 422. */
export const MAX_INT = 2_147_483_647;

const INTEGER = /^(0|[1-9][0-9]*)$/;
const HF_PART = /^[A-Za-z0-9._-]{1,96}$/;
const HF_URL =
  /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/(?:models\/)?([^/?#\s]+)\/([^/?#\s]+)/i;
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i;
// Endpoint names: Friendli publishes no rule, so only what is surely wrong is refused: whitespace,
// control and invisible format characters, and '/', which would read as a path.
const NAME = /^[^\s\p{Cc}\p{Cf}/]+$/u;

/** `got` for a message: bare when it reads unambiguously, else quoted and escaped; always short. */
function show(value: string): string {
  const short = clip(value);
  return /^[\x21-\x7e]+$/.test(short) && !short.includes('"') ? short : JSON.stringify(short);
}

/**
 * A value that is one `${{ ... }}` expression, left as text. The runner expands every expression
 * before the action starts, but @github/local-action copies action.yml's defaults verbatim (the
 * `github-token` default is `${{ github.token }}`): such a value carries no meaning, so the input
 * reads as not given rather than failing a run that may never use it.
 */
export function isUnexpandedExpression(value: string): boolean {
  return /^\$\{\{[\s\S]*\}\}$/.test(value.trim());
}

/** Problems about absent values: dropped on a fork PR, where any input may come from a secret. */
export const MISSING = { missing: true } as const;

type Parse<T> = (value: string) => T | { problem: string };

/** A custom issue, as classic zod's ctx.addIssue() records it (zod/mini's transforms have no addIssue). */
function addIssue(ctx: z.core.ParsePayload, message: string, params?: Record<string, unknown>): void {
  ctx.issues.push({ code: "custom", message, input: ctx.value, ...(params ? { params } : {}) });
}

/** A field from a plain function: a `{ problem }` becomes an issue on this input. */
function field<T>(parse: Parse<T>) {
  return z.pipe(
    z.string(),
    z.transform((value: string, ctx) => {
      const out = parse(value);
      if (typeof out === "object" && out !== null && "problem" in out) {
        addIssue(ctx, out.problem);
        return z.NEVER;
      }
      return out as T;
    }),
  );
}

/** '' is unset: the inner schema's default applies, or the value is undefined. */
export function unset<S extends z.ZodMiniType>(schema: S) {
  return z.pipe(
    z.transform((value: unknown) => (value === "" ? undefined : value)),
    schema,
  );
}

export function integer(input: InputName, min: number, max: number) {
  const rule =
    max === MAX_INT
      ? min === 0
        ? "a whole number, 0 or more"
        : "a positive integer"
      : `an integer from ${min} to ${max}`;
  return field((value) => {
    const n = INTEGER.test(value) ? Number(value) : Number.NaN;
    return n >= min && n <= max ? n : { problem: `\`${input}\` must be ${rule} (got ${show(value)})` };
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
 * Leading and trailing whitespace was trimmed already, so only what is inside the value is left to
 * name. Never the value itself, nor its length: it is a secret.
 */
const headerUnsafe = (input: InputName) =>
  `\`${input}\` contains spaces, a line break or other characters that cannot be sent in an HTTP header: check the secret's value`;

export const friendliToken = z.pipe(
  z.string(),
  z.transform((value: string, ctx) => {
    if (value === "") {
      addIssue(
        ctx,
        "`friendli-token` is empty: add a repository secret (Settings → Secrets and variables → Actions), e.g. FRIENDLI_TOKEN, and pass `friendli-token: ${{ secrets.FRIENDLI_TOKEN }}`",
        MISSING,
      );
      return z.NEVER;
    }
    if (!isHeaderSafe(value)) {
      addIssue(ctx, headerUnsafe(Input.friendliToken));
      return z.NEVER;
    }
    // A secret the redactor cannot find in its encoded forms without masking ordinary words.
    if (value.length < MIN_REDACTABLE_TOKEN_LENGTH) {
      addIssue(
        ctx,
        `\`friendli-token\` is shorter than ${MIN_REDACTABLE_TOKEN_LENGTH} characters, too short to be a Personal Access Token (flp_...) or to keep out of logs safely: check the secret's value`,
      );
      return z.NEVER;
    }
    return value;
  }),
);

// Validated like the Friendli token (it goes into a header too), never echoed.
export const githubToken = field((value) =>
  value === "" || isHeaderSafe(value) ? value : { problem: headerUnsafe(Input.githubToken) },
);

export const name = field((value) => {
  const length = [...value].length;
  if (length > MAX_NAME_LENGTH)
    return { problem: `\`name\` must be at most ${MAX_NAME_LENGTH} characters (got ${length})` };
  if (!NAME.test(value))
    return {
      problem: `\`name\` must not contain whitespace, control characters or '/' (got ${show(value)})`,
    };
  return value;
});

/** `name-prefix`: the characters of a name; the PR number follows it. */
export const namePrefix = field((value) => {
  const length = [...value].length;
  if (length > MAX_NAME_LENGTH)
    return { problem: `\`name-prefix\` must be at most ${MAX_NAME_LENGTH} characters (got ${length})` };
  if (!NAME.test(value))
    return {
      problem: `\`name-prefix\` must not contain whitespace, control characters or '/' (got ${show(value)})`,
    };
  return value;
});

/** GitHub's limit on an environment name. */
const MAX_ENVIRONMENT_LENGTH = 255;

// GitHub accepts most characters in an environment name; a control character or an overlong name is
// a mistake in the workflow, and the name reaches the log and the summary.
export const environment = field((value) => {
  const length = [...value].length;
  if (length > MAX_ENVIRONMENT_LENGTH)
    return {
      problem: `\`environment\` must be at most ${MAX_ENVIRONMENT_LENGTH} characters (got ${length})`,
    };
  if (/[\p{Cc}\p{Cf}]/u.test(value))
    return { problem: `\`environment\` must not contain control characters (got ${show(value)})` };
  return value;
});

export const hfModelRepo = field((value) => {
  const url = HF_URL.exec(value);
  if (url) {
    return {
      problem: `\`hf-model-repo\` must be the model id, not a URL: use org/name, e.g. ${url[1]}/${url[2]} (got ${show(value)})`,
    };
  }
  const parts = value.split("/");
  const problem = (why: string) => ({
    problem: `\`hf-model-repo\` must be a Hugging Face model id org/name (got ${show(value)}): ${why}`,
  });
  if (parts.length !== 2) return problem("use org/name, e.g. meta-llama/Llama-3.1-8B-Instruct");
  for (const part of parts) {
    if (!HF_PART.test(part))
      return problem("each part is 1 to 96 of the characters A-Z, a-z, 0-9, '.', '_' and '-'");
    if (/^[-.]|[-.]$/.test(part)) return problem("a part must not start or end with '-' or '.'");
    if (/--|\.\./.test(part)) return problem("a part must not contain '--' or '..'");
  }
  if (/\.git$/i.test(value)) return problem("drop the trailing .git");
  return value;
});

export const hfModelRevision = field((value) => {
  if (/^[0-9a-f]{40}$/i.test(value)) return value.toLowerCase();
  if (/^[0-9a-f]{4,39}$/i.test(value)) {
    return {
      problem: `\`hf-model-revision\` looks like a short commit hash: use the full 40-character commit hash (got ${show(value)})`,
    };
  }
  return {
    problem: `\`hf-model-revision\` must be a full 40-character commit hash, not a branch or tag name (got ${show(value)}): copy it from the model's "Files and versions" → "History" on Hugging Face`,
  };
});

export const gpu = field((value) => {
  const resolved = resolveGpu(value);
  return resolved.ok ? resolved.gpu : { problem: resolved.message };
});

/** `90s`, `30m`, `1h30m`, `2h`, `1h30m15s` or plain seconds (`600`), in ms. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const match = DURATION.exec(text);
  if (!match || text === "") return undefined;
  const [, h = "0", m = "0", s = "0"] = match;
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
}

export const waitTimeout = field((value) => {
  const ms = parseDuration(value);
  if (ms === undefined)
    return {
      problem: `\`wait-timeout\` must be a duration such as 90s, 30m, 1h30m or plain seconds such as 600 (got ${show(value)})`,
    };
  if (ms === 0) return { problem: `\`wait-timeout\` must be more than zero (got ${show(value)})` };
  if (ms > MAX_WAIT_TIMEOUT_MS)
    return {
      problem: `\`wait-timeout\` must be at most 6h, the time limit of a GitHub Actions job (got ${show(value)})`,
    };
  return ms;
});

/**
 * `max-age`: how long a preview of an open PR may go without an update before a sweep deletes it.
 * Read like `wait-timeout`; no upper bound, since it is compared with an endpoint's age, not waited.
 */
export const maxAge = field((value) => {
  const ms = parseDuration(value);
  if (ms === undefined)
    return {
      problem: `\`max-age\` must be a duration such as 72h, 90m or plain seconds such as 3600 (got ${show(value)})`,
    };
  if (ms === 0) return { problem: `\`max-age\` must be more than zero (got ${show(value)})` };
  return ms;
});

/** A base URL a token is sent to: https, or http on a loopback host; no credentials, query or fragment. */
function baseUrl(input: InputName, example: string, tokenInput: InputName) {
  return field((value) => {
    // Userinfo is a credential: never echo it.
    const got = show(value.replace(/\/\/[^/?#]*@/, "//***@"));
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { problem: `\`${input}\` must be an absolute URL such as ${example} (got ${got})` };
    }
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
}

export const apiUrl = baseUrl(Input.apiUrl, DEFAULT_API_URL, Input.friendliToken);
export const hfEndpoint = baseUrl(Input.hfEndpoint, DEFAULT_HUB_URL, Input.hfToken);

// Sent to the Hub in a header, so validated like the other tokens; never echoed.
export const hfToken = field((value) => {
  if (value === "") return value;
  if (!isHeaderSafe(value)) return { problem: headerUnsafe(Input.hfToken) };
  if (value.length < MIN_REDACTABLE_TOKEN_LENGTH)
    return {
      problem: `\`hf-token\` is shorter than ${MIN_REDACTABLE_TOKEN_LENGTH} characters, too short to be a Hugging Face token (hf_...) or to keep out of logs safely: check the secret's value`,
    };
  return value;
});

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
