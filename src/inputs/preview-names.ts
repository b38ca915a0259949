// What the run context gives the inputs: the names of PR preview endpoints, made from the
// repository and the PR number and recognised again by the sweep, and the default version comment
// (where the version came from). Pure; no I/O.
//
// `<owner>--<repo>-pr-<n>`, lowercased. The double dash keeps two repositories apart whose names
// would otherwise run together ("acme-ml/models" and "acme/ml-models"): a GitHub owner never
// contains "--", so the first "--" always ends the owner. Where sanitising loses information
// ("my.model" and "my_model" both become "my-model") or the name would not fit, a short hash of
// the exact repository is added, so every repository keeps prefixes of its own.
import { createHash } from "node:crypto";
import { truncate } from "../base/format.ts";
import type { RunContext } from "../github/context.ts";

export const MAX_VERSION_COMMENT_LENGTH = 500;

/** The default version comment: where this version came from, so Friendli's history links back. */
export function provenance(ctx: RunContext): string {
  const sha = (ctx.pullRequest?.headSha || ctx.sha).slice(0, 7);
  const source = ctx.repository
    ? `${ctx.repository}${sha ? `@${sha}` : ""}`
    : "friendli-deploy-action (local run)";
  const pr = ctx.pullRequest ? ` (PR #${ctx.pullRequest.number})` : "";
  const run = ctx.runUrl ? ` from ${ctx.runUrl}` : "";
  return truncate(`Deployed by ${source}${pr}${run}`, MAX_VERSION_COMMENT_LENGTH);
}

/** A DNS label: the safest guess for a name Friendli may use in hostnames or cluster objects. */
export const MAX_PREVIEW_NAME_LENGTH = 63;
/** Room kept for the PR number, so every preview of a repository shares one prefix. */
export const MAX_PR_DIGITS = 10;
const PR_INFIX = "-pr-";
export const HASH_LENGTH = 8;
/** Longest `<owner>--<repo>` kept without a hash: the rest is the infix and the widest number. */
const MAX_PLAIN_BASE = MAX_PREVIEW_NAME_LENGTH - PR_INFIX.length - MAX_PR_DIGITS;

function clean(part: string): string {
  return part
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Everything of a preview name but the number: `acme--models-pr-` for "acme/models". Two
 * repositories never share a prefix (see the file comment), so a name under this prefix followed
 * by a number was made for this repository.
 */
export function previewPrefix(repository: string): string {
  const exact = repository.toLowerCase();
  const slash = exact.indexOf("/");
  const [owner, repo] = slash < 0 ? ["", exact] : [exact.slice(0, slash), exact.slice(slash + 1)];
  const cleanOwner = clean(owner);
  const cleanRepo = clean(repo);
  const lossless =
    cleanOwner === owner && cleanRepo === repo && owner !== "" && repo !== "" && !owner.includes("--");
  const base = [cleanOwner, cleanRepo].filter(Boolean).join("--") || "repo";
  if (lossless && base.length <= MAX_PLAIN_BASE) return `${base}${PR_INFIX}`;
  const hash = createHash("sha256").update(exact).digest("hex").slice(0, HASH_LENGTH);
  const room = MAX_PLAIN_BASE - HASH_LENGTH - 1;
  const cut = base.slice(0, room).replace(/-+$/, "") || "repo";
  return `${cut}-${hash}${PR_INFIX}`;
}

/** The default endpoint name of a PR preview: at most 63 characters of [a-z0-9-]. */
export function derivePreviewName(repository: string, prNumber: number): string {
  return `${previewPrefix(repository)}${prNumber}`;
}

/** How a sweep tells its previews: the action's own naming, or a `name-prefix` the user gave. */
export type PreviewMatcher = { repository: string } | { prefix: string };

/**
 * The PR number of a preview name this naming makes (or, with a prefix, of `<prefix><n>`), else
 * undefined. Only the exact form is recognised: a number with a leading zero, a suffix after it
 * or a name of another repository is not ours, and the sweep must never touch it.
 */
export function parsePreviewName(name: string, matcher: PreviewMatcher): number | undefined {
  const prefix = "prefix" in matcher ? matcher.prefix : previewPrefix(matcher.repository);
  if (prefix === "" || !name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  if (!/^[1-9][0-9]{0,14}$/.test(rest)) return undefined;
  return Number(rest);
}
