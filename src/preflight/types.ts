// What the pre-flight learns about a model on the Hugging Face Hub, and what it concludes. The Hub
// is asked once, before anything is created on Friendli; the decisions over its answers are pure.
import type { SmokeRoute } from "../friendli/route.ts";

/** One check's conclusion. `fail` stops the deploy before anything is billed. */
export type Severity = "fail" | "warn" | "info";

export interface Finding {
  /** `cost` (`max-hourly-cost`) is decided from the inputs alone, so it needs no Hub and runs first. */
  check: "access" | "revision" | "files" | "fit" | "gated" | "chat-template" | "hub" | "cost";
  severity: Severity;
  /** Plain text, already redacted; safe for the log, the summary and the dry run. */
  message: string;
}

/** A file at the repository's root, as the Hub's tree listing gives it. */
export interface HubFileFact {
  path: string;
  size: number;
}

/** What the Hub said about a readable repository at a resolved revision. */
export interface HubFacts {
  kind: "found";
  /** The commit the revision resolved to (40 hex digits). */
  sha: string;
  private: boolean;
  gated: false | "auto" | "manual";
  files: HubFileFact[];
  /** From tokenizer_config.json (or a chat_template file); null when it could not be read. */
  chatTemplate: boolean | null;
}

/**
 * What the Hub said, or why it did not give the facts. `unauthorized`: 401 (a missing repo and a
 * private one look the same without a token; with one, the token itself was refused). `not-found`:
 * 404 for the repo with a token. `unreachable`: network errors, timeouts, 429 and 5xx after the
 * retries, or any other answer the pre-flight cannot read; the deploy goes on without it.
 */
export type HubAnswer =
  | HubFacts
  | { kind: "unauthorized" }
  | { kind: "not-found" }
  | { kind: "revision-not-found" }
  | { kind: "unreachable"; reason: string };

/** What the decisions need besides the Hub's answer. */
export interface PreflightContext {
  repo: string;
  /** The revision the user asked for; undefined: the default branch, which the pre-flight pins. */
  revision: string | undefined;
  hasToken: boolean;
  instanceOptionId: string;
  /** How the option reads to a person ("2x H100"). */
  gpuLabel: string;
  /** The other choices of `gpu`, in order, for the fit. */
  fallbacks?: ReadonlyArray<{ instanceOptionId: string; gpuLabel: string }>;
}

export interface PreflightResult {
  /** False when any finding is a `fail`: the deploy must stop before it creates or updates. */
  ok: boolean;
  /** False when the Hub could not be asked (then `ok` is true and a `hub` warning says why). */
  checked: boolean;
  findings: Finding[];
  /** The resolved commit: pin it in the request and report it as `model-revision`. */
  revision?: string;
  /** Which route the smoke test should call first. */
  smokeRoute?: SmokeRoute;
  /** Bytes of safetensors weights at the root. */
  weightBytes?: number;
  /** Weight bytes over the option's GPU memory (0.5 = half), when both are known. */
  memoryRatio?: number;
  /** In clock ms. */
  elapsedMs: number;
}
