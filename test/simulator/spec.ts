import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

// ajv-formats is CommonJS: under nodenext its default import is typed as the module, not the function.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Friendli's published OpenAPI document, vendored unchanged (its source is in test/fixtures/README.md). */
const SPEC_URL = new URL("../fixtures/friendli-openapi.yaml", import.meta.url);
const SPEC_PATH = fileURLToPath(SPEC_URL);

export interface SpecValidator {
  /** Errors of `body` against the JSON schema the spec gives for this answer; [] when it conforms. */
  validateResponse(method: string, pathTemplate: string, status: number, body: unknown): string[];
  /** Errors of `body` against the operation's application/json request body schema. */
  validateRequestBody(method: string, pathTemplate: string, body: unknown): string[];
  /** `components.schemas` of the published document, for comparisons. */
  components: Record<string, unknown>;
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

const DOC_ID = "friendli-openapi";

let cached: SpecValidator | undefined;

/** The validator over the vendored document; it is part of the repository, so every clone has it. */
export function loadSpec(): SpecValidator {
  cached ??= build(readDoc());
  return cached;
}

/**
 * Parsing the 900 kB YAML takes over a second and every vitest worker would pay it; the parsed
 * document is kept as JSON in the temp directory, keyed by the YAML's hash, so edits are seen.
 */
function readDoc(): OpenApiDoc {
  const text = readFileSync(SPEC_PATH, "utf8");
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  const cacheFile = join(tmpdir(), `friendli-openapi-${hash}.json`);
  try {
    return JSON.parse(readFileSync(cacheFile, "utf8")) as OpenApiDoc;
  } catch {
    const doc = parse(text) as OpenApiDoc;
    try {
      const partial = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(doc));
      renameSync(partial, cacheFile);
    } catch {
      // A read-only temp directory only costs speed.
    }
    return doc;
  }
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `${DOC_ID}${v}` : rewriteRefs(v);
  }
  return out;
}

function build(doc: OpenApiDoc): SpecValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  // The spec declares nextCursor as `format: binary`; on the wire it is an opaque string.
  ajv.addFormat("binary", true);
  ajv.addSchema({ $id: DOC_ID, components: doc.components }, undefined, undefined, false);
  const compiled = new Map<string, ValidateFunction>();

  const templates = Object.keys(doc.paths).filter((p) => !p.includes("#"));
  const resolvePath = (path: string): string | null => {
    if (doc.paths[path]) return path;
    const hits = templates.filter((t) =>
      new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^/}]+\\?\}/g, "[^/]+")}$`).test(
        path,
      ),
    );
    // The most literal template wins: /endpoint/{id}/status over a hypothetical /endpoint/{id}/{action}.
    hits.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    return hits[0] ?? null;
  };

  const check = (key: string, schema: unknown, body: unknown): string[] => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(rewriteRefs(schema) as object);
      compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword}`);
  };

  const operation = (method: string, path: string): { op: Operation; template: string } | string => {
    const template = resolvePath(path);
    const op = template ? doc.paths[template]?.[method.toLowerCase()] : undefined;
    if (!template || !op) return `the spec has no operation ${method.toUpperCase()} ${path}`;
    return { op, template };
  };

  return {
    components: doc.components.schemas,
    validateResponse(method, pathTemplate, status, body) {
      const found = operation(method, pathTemplate);
      if (typeof found === "string") return [found];
      const response = found.op.responses?.[String(status)] ?? found.op.responses?.default;
      if (!response) {
        return status >= 200 && status < 300
          ? [`status ${status} is not documented for ${method.toUpperCase()} ${found.template}`]
          : [];
      }
      const schema = response.content?.["application/json"]?.schema;
      if (schema === undefined) return [];
      return check(`res ${method} ${found.template} ${status}`, schema, body);
    },
    validateRequestBody(method, pathTemplate, body) {
      const found = operation(method, pathTemplate);
      if (typeof found === "string") return [found];
      const schema = found.op.requestBody?.content?.["application/json"]?.schema;
      if (schema === undefined) return [`${method.toUpperCase()} ${found.template} takes no JSON body`];
      return check(`req ${method} ${found.template}`, schema, body);
    },
  };
}
