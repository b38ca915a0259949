import { request } from "undici";
import { afterEach, expect } from "vitest";
import { manualClock } from "./clock.ts";
import { type Simulator, type SimulatorOptions, startSimulator } from "./server.ts";
import { loadSpec } from "./spec.ts";

/** The vendored OpenAPI document (test/fixtures): every call is checked against it, in every clone. */
export const spec = loadSpec();
export const TOKEN = "flp_simulator_test";
export const EP = "/dedicated/beta/endpoint";

/** A simulator per test on a manual clock, closed after each test: call once at the top of a file. */
export function simulatorPerTest(): (options?: SimulatorOptions) => Promise<Simulator> {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  return async (options = {}) => {
    sim = await startSimulator({ clock: manualClock(), ...options });
    return sim;
  };
}

export const conformance = { requests: 0, responses: 0 };

export interface CallOptions {
  body?: unknown;
  /** Sent as is, instead of JSON.stringify(body). */
  raw?: string;
  token?: string | null;
  team?: string;
  headers?: Record<string, string>;
  /** The test sends a body the spec rejects on purpose: assert that it does. */
  invalidBody?: boolean;
  /** The answer is meant not to conform (an injected unknown status): skip the response check. */
  nonConforming?: boolean;
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

export function createBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    projectId: "demo-project",
    name: "llama-pr-42",
    instanceOptionId: "TwD5AqnBSVN0",
    hfModelRepo: "meta-llama/Llama-3.1-8B-Instruct",
    advanced: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: true },
    autoscalingPolicy: { minReplica: 1, maxReplica: 1, cooldownPeriod: 300 },
    ...overrides,
  };
}

/** Every request body sent and every 2xx answer received is checked against the published spec. */
export async function call(
  sim: Simulator,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<CallResult> {
  const pathname = path.split("?")[0] ?? path;
  if (opts.body !== undefined && opts.raw === undefined) {
    const errors = spec.validateRequestBody(method, pathname, opts.body);
    conformance.requests++;
    if (opts.invalidBody) expect(errors.length, "the body was meant to break the spec").toBeGreaterThan(0);
    else expect(errors, `request body of ${method} ${pathname}`).toEqual([]);
  }
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token === undefined ? TOKEN : opts.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (opts.team !== undefined) headers["x-friendli-team"] = opts.team;
  let payload: string | undefined = opts.raw;
  if (payload === undefined && opts.body !== undefined) payload = JSON.stringify(opts.body);
  if (payload !== undefined) headers["content-type"] = "application/json";
  const res = await request(`${sim.url}${path}`, { method: method as "GET", headers, body: payload });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  const contentType = String(res.headers["content-type"] ?? "");
  if (res.statusCode >= 200 && res.statusCode < 300 && !opts.nonConforming) {
    expect(contentType, `${method} ${pathname} answers JSON`).toMatch(
      /^(application\/json|text\/event-stream)/,
    );
    if (contentType.startsWith("application/json")) {
      conformance.responses++;
      expect(spec.validateResponse(method, pathname, res.statusCode, json), `${method} ${pathname}`).toEqual(
        [],
      );
    }
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

/** Creates an endpoint and finds its id the way the action must: the create answer carries none. */
export async function createAndFind(
  sim: Simulator,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const before = new Set(sim.endpoints().map((e) => e.id));
  const res = await call(sim, "POST", EP, { body: createBody(overrides) });
  expect(res.status).toBe(200);
  const created = sim.endpoints().filter((e) => !before.has(e.id));
  expect(created).toHaveLength(1);
  return created[0]?.id ?? "";
}

export function statusOf(json: unknown): {
  status?: string;
  phase?: string | null;
  errorCode?: string | null;
} {
  return json as { status?: string; phase?: string | null; errorCode?: string | null };
}
