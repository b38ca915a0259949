import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "./clock.ts";
import { call, conformance, createBody, EP, spec } from "./helpers.ts";
import { INSTANCE_OPTIONS } from "./scenario.ts";
import { REQUEST_SCHEMAS } from "./schemas.ts";
import { ROUTES, type RouteName, type Simulator, startSimulator } from "./server.ts";

/** Drops what does not constrain a value, and points refs at the same place in both documents. */
function normalise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalise);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (["title", "description", "examples", "example"].includes(k)) continue;
    out[k] =
      k === "$ref" && typeof v === "string"
        ? v.replace(/^#\/(components\/schemas|\$defs)\//, "#/")
        : normalise(v);
  }
  return out;
}

describe("conformance with the vendored OpenAPI document (test/fixtures/friendli-openapi.yaml)", () => {
  it("the embedded request schemas equal the published ones", () => {
    for (const [name, schema] of Object.entries(REQUEST_SCHEMAS)) {
      expect(normalise(schema), name).toEqual(normalise(spec.components[name]));
    }
  });

  it("the instance option table equals the list in the instanceOptionId description", () => {
    const create = spec.components.DedicatedEndpointCreateBody as {
      properties: { instanceOptionId: { description: string } };
    };
    const listed = Object.fromEntries(
      [...create.properties.instanceOptionId.description.matchAll(/(\d+)x (NVIDIA [^:]+): `([^`]+)`/g)].map(
        (m) => [m[3], { gpuType: m[2], numGpu: Number(m[1]) }],
      ),
    );
    expect(Object.keys(listed)).toHaveLength(16);
    expect(INSTANCE_OPTIONS).toEqual(listed);
  });

  it("the validator is not vacuous", () => {
    expect(spec.validateResponse("GET", `${EP}/dep1/status`, 200, { status: "RUNNING" })).toEqual([
      "(root) must have required property 'createdAt'",
    ]);
    expect(
      spec.validateResponse("GET", EP, 200, { data: { x: { status: "NOPE", createdAt: "now" } } }),
    ).not.toEqual([]);
    expect(spec.validateRequestBody("POST", EP, { name: "x" })).not.toEqual([]);
    expect(spec.validateResponse("GET", "/nowhere", 200, {})).toEqual([
      "the spec has no operation GET /nowhere",
    ]);
    expect(spec.validateResponse("GET", `${EP}/dep1`, 201, {})).toEqual([
      "status 201 is not documented for GET /dedicated/beta/endpoint/{endpoint_id}",
    ]);
  });

  describe("every route answers a conforming 2xx", () => {
    let sim: Simulator;
    const clock = manualClock();
    beforeAll(async () => {
      sim = await startSimulator({ clock });
    });
    afterAll(async () => {
      await sim.close();
    });

    it("walks all fourteen routes; each request body and 2xx answer is checked by the helper", async () => {
      const before = { ...conformance };
      const ok = async (method: string, path: string, body?: unknown) => {
        const res = await call(sim, method, path, body === undefined ? {} : { body });
        expect(res.status, `${method} ${path}: ${res.text}`).toBe(200);
        return res;
      };
      await ok(
        "POST",
        EP,
        createBody({ hfModelRepoRevision: "0".repeat(40), initialVersionComment: "first" }),
      );
      const id = sim.endpoints()[0]?.id ?? "";
      await ok("GET", `${EP}?project_id=demo-project&limit=1`);
      await ok("GET", `${EP}/${id}`);
      await ok("GET", `${EP}/${id}/status`);
      clock.advance(60_000);
      await ok("PUT", `${EP}/${id}`, {
        name: "renamed",
        advanced: {
          tokenizer_skip_special_tokens: true,
          tokenizer_add_special_tokens: true,
          max_batch_size: 64,
        },
        autoscalingPolicy: { minReplica: 0, maxReplica: 2, cooldownPeriod: 60 },
        newVersionComment: "second",
      });
      await ok("GET", `${EP}/${id}/version?limit=1`);
      clock.advance(60_000);
      await ok("POST", "/dedicated/v1/chat/completions", {
        model: id,
        messages: [{ role: "user", content: "hi" }],
      });
      await ok("POST", "/dedicated/v1/completions", { model: id, prompt: "hi" });
      await ok(
        "GET",
        "/v1/team/cost?start_time=2026-01-01T00%3A00%3A00Z&end_time=2026-01-02T00%3A00%3A00Z&group_by=line_item",
      );
      await ok("PUT", `${EP}/${id}/sleep`);
      await ok("PUT", `${EP}/${id}/wake`);
      await ok("PUT", `${EP}/${id}/terminate`);
      clock.advance(60_000);
      await ok("PUT", `${EP}/${id}/restart`);
      await ok("DELETE", `${EP}/${id}`);
      const covered = new Set(sim.requests.filter((r) => r.status === 200).map((r) => r.route));
      expect([...covered].sort()).toEqual((Object.keys(ROUTES) as RouteName[]).sort());
      expect(conformance.responses - before.responses).toBe(14);
      expect(conformance.requests - before.requests).toBe(4);
    });

    it("422 bodies have the shape of the spec's HTTPValidationError", async () => {
      const res = await call(sim, "POST", EP, { body: { advanced: 1 }, invalidBody: true });
      expect(res.status).toBe(422);
      // DELETE is the one operation whose 422 the spec describes; the shape is FastAPI's everywhere.
      expect(spec.validateResponse("DELETE", `${EP}/x`, 422, res.json)).toEqual([]);
      const list = await call(sim, "GET", `${EP}?limit=0`);
      expect(spec.validateResponse("DELETE", `${EP}/x`, 422, list.json)).toEqual([]);
    });
  });
});
