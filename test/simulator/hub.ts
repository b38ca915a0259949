import type { IncomingHttpHeaders } from "node:http";
import { commitOf, type HubFile, type HubModel } from "./hub-models.ts";

/** The Hub routes @huggingface/hub calls for model info, tree listing and files. */
export type HubRouteName = "hub-model" | "hub-tree" | "hub-file";

export interface HubReply {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface HubMatch {
  route: HubRouteName;
  repo: string;
  rev: string;
  /** The file (hub-file) or the folder listed (hub-tree, "" for the root). */
  path: string;
  /** `raw` answers HEAD for fileExists; `resolve` serves downloads. */
  kind?: "raw" | "resolve";
}

/** What the Hub side knows: its repositories and which bearer tokens are valid. */
export interface HubState {
  models: Map<string, HubModel>;
  /** `"any-hf"`: any token starting with `hf_` is a valid user. */
  tokens: "any-hf" | string[];
}

const REPO = "([^/]+/[^/]+)";

/** Hub paths, or null for any other path (the Friendli side then answers). */
export function matchHubRoute(method: string, path: string): HubMatch | null {
  let m = new RegExp(`^/api/models/${REPO}(?:/revision/([^/]+))?$`).exec(path);
  if (m && method === "GET")
    return { route: "hub-model", repo: m[1] ?? "", rev: dec(m[2] ?? "main"), path: "" };
  m = new RegExp(`^/api/models/${REPO}/tree/([^/]+)(?:/(.*))?$`).exec(path);
  if (m && method === "GET")
    return { route: "hub-tree", repo: m[1] ?? "", rev: dec(m[2] ?? ""), path: m[3] ?? "" };
  m = new RegExp(`^/${REPO}/(resolve|raw)/([^/]+)/(.+)$`).exec(path);
  if (m && (method === "GET" || method === "HEAD")) {
    const kind = m[2] === "raw" ? "raw" : "resolve";
    return { route: "hub-file", repo: m[1] ?? "", rev: dec(m[3] ?? ""), path: dec(m[4] ?? ""), kind };
  }
  return null;
}

function dec(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function hubError(status: number, code: string | null, message: string): HubReply {
  return { status, json: { error: message }, headers: code ? { "x-error-code": code } : {} };
}

type Caller = { token: string | null } | HubReply;

function callerOf(state: HubState, headers: IncomingHttpHeaders): Caller {
  const auth = headers.authorization;
  if (!auth) return { token: null };
  const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? "";
  const valid = state.tokens === "any-hf" ? token.startsWith("hf_") : state.tokens.includes(token);
  return valid ? { token } : hubError(401, null, "Invalid credentials in Authorization header");
}

const mayRead = (model: HubModel, token: string | null): boolean =>
  token !== null && (model.access === undefined || model.access.includes(token));

/** The commit a ref names: a branch, a tag, HEAD (the default branch) or a full commit id of one. */
function resolveRev(model: HubModel, rev: string): string | null {
  const refs: Record<string, string> = { main: commitOf(model.id), ...model.refs };
  if (rev === "HEAD") return refs.main ?? null;
  if (refs[rev]) return refs[rev] ?? null;
  return Object.values(refs).includes(rev) ? rev : null;
}

export function hubAnswer(
  state: HubState,
  match: HubMatch,
  method: string,
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
): HubReply {
  const caller = callerOf(state, headers);
  if ("status" in caller) return caller;
  const model = state.models.get(match.repo);
  // The Hub tells a missing repo and a private one apart to nobody: 401 without a token, 404 with one.
  if (!model || (model.private && !mayRead(model, caller.token))) {
    return hubError(caller.token ? 404 : 401, "RepoNotFound", "Repository not found");
  }
  const sha = resolveRev(model, match.rev);
  if (!sha) return hubError(404, "RevisionNotFound", `Invalid rev id: ${match.rev}`);
  if (match.route === "hub-model") return { status: 200, json: modelInfo(model, sha, query) };
  if (match.route === "hub-tree") return tree(model, match.path);
  if (model.gated && !mayRead(model, caller.token)) {
    return hubError(
      caller.token ? 403 : 401,
      "GatedRepo",
      `Access to model ${model.id} is restricted. You must have access to it and be authenticated to access it. Please log in.`,
    );
  }
  const file = model.files.find((f) => f.path === match.path);
  if (!file) return hubError(404, "EntryNotFound", "Entry not found");
  return fileReply(file, sha, method, headers.range);
}

function modelInfo(model: HubModel, sha: string, query: URLSearchParams): Record<string, unknown> {
  const all: Record<string, unknown> = {
    _id: commitOf(model.id, "_id").slice(0, 24),
    id: model.id,
    modelId: model.id,
    sha,
    private: model.private ?? false,
    gated: model.gated ?? false,
    disabled: false,
    pipeline_tag: "text-generation",
    library_name: "transformers",
    downloads: 0,
    likes: 0,
    tags: ["transformers", "text-generation"],
    lastModified: "2026-01-01T00:00:00.000Z",
    createdAt: "2025-01-01T00:00:00.000Z",
    siblings: model.files.map((f) => ({ rfilename: f.path })),
    config: configField(model),
  };
  if (model.parameters !== undefined) {
    all.safetensors = { parameters: { BF16: model.parameters }, total: model.parameters };
  }
  // With `expand`, the Hub answers `_id`, `id` and the fields asked for, nothing else.
  const expand = query.getAll("expand");
  if (expand.length === 0) return all;
  return Object.fromEntries(
    Object.entries(all).filter(([k]) => k === "_id" || k === "id" || expand.includes(k)),
  );
}

/** The Hub's `config` field: config.json's architecture plus tokenizer_config's chat template. */
function configField(model: HubModel): Record<string, unknown> {
  const read = (path: string): Record<string, unknown> => {
    const f = model.files.find((x) => x.path === path);
    return f?.content ? (JSON.parse(f.content) as Record<string, unknown>) : {};
  };
  const cfg = read("config.json");
  const tok = read("tokenizer_config.json");
  return { ...cfg, ...(Object.keys(tok).length > 0 ? { tokenizer_config: tok } : {}) };
}

function tree(model: HubModel, folder: string): HubReply {
  const prefix = folder === "" ? "" : `${folder.replace(/\/$/, "")}/`;
  const entries = model.files
    .filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes("/"))
    .map((f) => {
      const oid = commitOf(model.id, `blob:${f.path}`);
      const entry: Record<string, unknown> = { type: "file", oid, size: f.size, path: f.path };
      if (f.content === undefined)
        entry.lfs = { oid: `${oid}${oid.slice(0, 24)}`, size: f.size, pointerSize: 135 };
      return entry;
    });
  if (prefix !== "" && entries.length === 0)
    return hubError(404, "EntryNotFound", `${folder} does not exist`);
  return { status: 200, json: entries };
}

/** Weights have no content: a range of them is zeros. A full GET of one is refused as too large to serve. */
function fileReply(file: HubFile, sha: string, method: string, range: string | undefined): HubReply {
  const etag = `"${commitOf(sha, file.path)}"`;
  const headers: Record<string, string> = { etag, "x-repo-commit": sha, "accept-ranges": "bytes" };
  const contentType = "application/octet-stream";
  if (method === "HEAD")
    return {
      status: 200,
      text: "",
      contentType,
      headers: { ...headers, "x-linked-size": String(file.size) },
    };
  const r = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
  if (r) {
    const start = Number(r[1]);
    const end = Math.min(r[2] ? Number(r[2]) : file.size - 1, file.size - 1, start + 1_048_575);
    if (start >= file.size) return { status: 416, text: "", contentType, headers };
    const body =
      file.content !== undefined
        ? Buffer.from(file.content).subarray(start, end + 1)
        : Buffer.alloc(end - start + 1);
    return {
      status: 206,
      text: body.toString("latin1"),
      contentType,
      headers: { ...headers, "content-range": `bytes ${start}-${end}/${file.size}` },
    };
  }
  if (file.content === undefined)
    return hubError(413, null, "the simulator serves only ranges of weight files");
  return { status: 200, text: file.content, contentType, headers };
}
