// A create is sent only with time left to find the new id: otherwise it could leave an endpoint
// that the run can neither name in its outputs nor clean up.
import { expect, it } from "vitest";
import { deployInputs, runInProcess } from "../support/in-process.ts";
import { requestsTo, startEnv } from "./helpers.ts";

it("a lookup throttled until 30 s before the deadline: nothing is created, result timed-out", async () => {
  const { sim, clock } = await startEnv();
  sim.inject({ route: "list", times: 3, fault: { kind: "status", status: 429, retryAfter: "30" } });
  const r = await runInProcess({ inputs: deployInputs(sim, { "wait-timeout": "2m" }), clock });
  expect(requestsTo(sim, "list").map((q) => q.status)).toEqual([429, 429, 429, 200]);
  expect(requestsTo(sim, "create")).toHaveLength(0);
  expect(sim.endpoints()).toEqual([]);
  expect(r.outputs.result).toBe("timed-out");
  expect(r.failed).toContain("nothing was created (raise wait-timeout)");
});

it("the same lookup with a longer wait-timeout creates as usual", async () => {
  const { sim, clock } = await startEnv();
  sim.inject({ route: "list", times: 3, fault: { kind: "status", status: 429, retryAfter: "30" } });
  const r = await runInProcess({ inputs: deployInputs(sim, { "wait-timeout": "5m" }), clock });
  expect(requestsTo(sim, "create")).toHaveLength(1);
  expect(r.outputs.result).toBe("created");
});
