// Asks the Hugging Face Hub about a model through its official client, @huggingface/hub: model info
// (the revision's commit, private, gated, the chat template the Hub read from tokenizer_config),
// then the root's files with their sizes. Loaded only when the pre-flight runs.
import { downloadFile, HubApiError, listFiles, modelInfo } from "@huggingface/hub";
import { clip, oneLine } from "../base/format.ts";
import { redact } from "../base/redact.ts";
import { neutralise } from "../base/safe-text.ts";
import { type HubFetchOptions, hubFetch } from "./hub-fetch.ts";
import type { HubAnswer, HubFileFact } from "./types.ts";

export interface AskHubOptions extends HubFetchOptions {
  /** The `hf-endpoint` input (see hubUrlFrom). */
  hubUrl: string;
  repo: string;
  /** The `hf-model-revision` input; undefined resolves the default branch. */
  revision: string | undefined;
  hfToken: string | undefined;
}

type TokenizerConfig = { chat_template?: unknown } | undefined;

const TEMPLATE_FILES = ["chat_template.jinja", "chat_template.json"];

/** A full commit id, the only shape of `sha` the Hub gives. */
const COMMIT_ID = /^[0-9a-f]{40}$/;

/** A chat_template value that says something: a non-empty string, or a non-empty list of named ones. */
function hasTemplate(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  return Array.isArray(value) && value.length > 0;
}

export async function askHub(opts: AskHubOptions): Promise<HubAnswer> {
  const { fetch, errorCodes } = hubFetch(opts);
  const common = { hubUrl: opts.hubUrl.replace(/\/+$/, ""), fetch, accessToken: opts.hfToken };
  try {
    const info = await modelInfo({
      name: opts.repo,
      ...common,
      revision: opts.revision,
      additionalFields: ["sha", "config"],
    });
    const sha = info.sha;
    // The commit is pinned in the request body, recorded by the ledger and reported as an output:
    // an answer that is not a commit id is the Hub's fault, and the deploy goes on unpinned.
    if (typeof sha !== "string" || !COMMIT_ID.test(sha)) {
      return { kind: "unreachable", reason: "the Hub answered no commit id for the revision" };
    }
    const at = { repo: opts.repo, revision: sha, ...common };
    const files: HubFileFact[] = [];
    for await (const entry of listFiles(at)) {
      if (entry.type === "file") files.push({ path: entry.path, size: entry.size });
    }
    const fromConfig = (info.config as { tokenizer_config?: TokenizerConfig } | undefined)?.tokenizer_config;
    let chatTemplate: boolean | null =
      hasTemplate(fromConfig?.chat_template) || files.some((f) => TEMPLATE_FILES.includes(f.path));
    if (!chatTemplate && files.some((f) => f.path === "tokenizer_config.json")) {
      // null when tokenizer_config.json cannot be read (a gated repo without access).
      try {
        const blob = await downloadFile({ ...at, path: "tokenizer_config.json" });
        chatTemplate = hasTemplate(blob && (JSON.parse(await blob.text()) as TokenizerConfig)?.chat_template);
      } catch {
        chatTemplate = null;
      }
    }
    return { kind: "found", sha, private: info.private, gated: info.gated, files, chatTemplate };
  } catch (err) {
    if (opts.signal.aborted) throw opts.signal.reason;
    return classify(err, errorCodes, opts.hfToken);
  }
}

/** What a failed Hub call means for the deploy. Nothing the Hub wrote reaches a message. */
function classify(err: unknown, codes: Map<string, string>, token: string | undefined): HubAnswer {
  if (err instanceof HubApiError) {
    const code = codes.get(err.url);
    if (err.statusCode === 401) return { kind: "unauthorized" };
    if (err.statusCode === 404 && code === "RevisionNotFound") return { kind: "revision-not-found" };
    if (err.statusCode === 404 && code === "RepoNotFound") return { kind: "not-found" };
    return {
      kind: "unreachable",
      reason: `the Hub answered ${err.statusCode}${code ? ` ${clip(code)}` : ""}`,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
  const text = neutralise(redact(oneLine(`${message}${cause}`), token ? [token] : []));
  return { kind: "unreachable", reason: clip(text) };
}
