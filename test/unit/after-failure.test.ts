// The advice after a run that failed, timed out or was cancelled: one row per case.
import { describe, expect, it } from "vitest";
import type { FriendliClient } from "../../src/friendli/client.ts";
import { ApiError } from "../../src/friendli/errors.ts";
import { adviceAfterFailure, afterFailure, type FailureFacts } from "../../src/operations/after-failure.ts";
import type { RunReport } from "../../src/report/run-report.ts";
import { silentLogger } from "../support/log.ts";

const base: FailureFacts = {
  result: "failed",
  operation: "deploy",
  endpointId: "ep1",
  endpointName: "llama",
  createdHere: true,
  unproven: false,
  createSent: true,
  name: "llama",
  projectId: "proj-1",
  teamId: undefined,
  ifExists: "update",
  deleteOnFailure: false,
};

describe("adviceAfterFailure", () => {
  it.each<[string, Partial<FailureFacts>, boolean, string | undefined]>([
    ["failed, created here, no delete-on-failure: nothing to do", {}, false, undefined],
    ["failed, created here, delete-on-failure: delete now", { deleteOnFailure: true }, true, undefined],
    [
      "failed, found (not created here), delete-on-failure: never deleted",
      { deleteOnFailure: true, createdHere: false },
      false,
      undefined,
    ],
    [
      "a create sent but no id: it may exist",
      { endpointId: undefined, result: "timed-out" },
      false,
      'An endpoint named "llama" may have been created in project proj-1 before the run failed; check Friendli Suite, or remove it with operation: delete, name: llama',
    ],
    [
      "cancelled before an id: says cancelled",
      { endpointId: undefined, result: "cancelled" },
      false,
      'An endpoint named "llama" may have been created in project proj-1 before the run was cancelled; check Friendli Suite, or remove it with operation: delete, name: llama',
    ],
    ["no id and no create: nothing to say", { endpointId: undefined, createSent: false }, false, undefined],
    ...(["failed", "cancelled"] as const).map((result): [string, Partial<FailureFacts>, boolean, string] => [
      `${result} on an endpoint its unanswered create cannot prove its own, delete-on-failure: never deleted`,
      { result, createdHere: false, unproven: true, deleteOnFailure: true, teamId: "team-9" },
      false,
      'Endpoint ep1 ("llama") is left in place: this run\'s create went unanswered, so it cannot prove that it ' +
        "made it (another run may have). If it is not wanted, delete it with this step:\n" +
        "- uses: friendli-deploy-action/deploy@v1\n  with:\n    operation: delete\n" +
        "    friendli-token: ${{ secrets.FRIENDLI_TOKEN }}\n    team-id: team-9\n" +
        "    project-id: proj-1\n    endpoint-id: ep1",
    ]),
    [
      "cancelled delete",
      { result: "cancelled", operation: "delete", createdHere: false },
      false,
      'Cancelled: the DELETE of endpoint ep1 ("llama") may not have finished; check it or run the delete again',
    ],
    [
      "cancelled update of a found endpoint",
      { result: "cancelled", createdHere: false },
      false,
      'Cancelled: endpoint ep1 ("llama") was not created by this run and is left as it is; an update sent before the cancellation may still be rolling out',
    ],
    [
      "cancelled reuse of a found endpoint",
      { result: "cancelled", createdHere: false, ifExists: "reuse" },
      false,
      'Cancelled: endpoint ep1 ("llama") was not created by this run and is left as it is',
    ],
    [
      "cancelled create, delete-on-failure: the post step deletes",
      { result: "cancelled", deleteOnFailure: true },
      false,
      'Cancelled: endpoint ep1 ("llama") may still be provisioning and costing GPU time; the post step will delete it',
    ],
    [
      "cancelled create without delete-on-failure: how to delete it",
      { result: "cancelled" },
      false,
      'Cancelled: endpoint ep1 ("llama") may still be provisioning and costing GPU time; delete it with operation: delete, endpoint-id: ep1',
    ],
  ])("%s", (_what, facts, deleteNow, warning) => {
    const advice = adviceAfterFailure({ ...base, ...facts });
    expect(advice.deleteNow).toBe(deleteNow);
    expect(advice.warning).toBe(warning);
  });
});

describe("afterFailure: the delete it owes is saved before the DELETE and cleared once confirmed", () => {
  const run = async (answer: () => Promise<void>, reportDeleted = false) => {
    const owed: boolean[] = [];
    const warnings: string[] = [];
    const deletes: string[] = [];
    const report = { deletedAfterFailure: reportDeleted } as RunReport;
    const client = {
      delete: (id: string) => {
        deletes.push(id);
        return answer();
      },
    } as unknown as FriendliClient;
    await afterFailure(
      report,
      { ...base, deleteOnFailure: true },
      {
        clientUntil: () => client,
        clock: { now: () => 0, sleep: async () => {}, random: () => 0 },
        log: silentLogger,
        warn: (m) => warnings.push(m),
        secrets: [],
        owe: (o) => owed.push(o),
      },
    );
    return { owed, warnings, deletes, deleted: report.deletedAfterFailure };
  };

  it.each([
    ["deleted: owed, then cleared", async () => {}, [true, false], true],
    [
      "404 (an earlier attempt went through): owed, then cleared",
      () =>
        Promise.reject(
          new ApiError({ kind: "permanent", status: 404, operation: "delete", message: "gone" }),
        ),
      [true, false],
      true,
    ],
    [
      "cut short (cancelled, reset): still owed, for the post step",
      () => Promise.reject(new ApiError({ kind: "aborted", operation: "delete", message: "aborted" })),
      [true],
      false,
    ],
  ] as const)("%s", async (_why, answer, owed, deleted) => {
    const r = await run(answer);
    expect(r.owed).toEqual(owed);
    expect(Boolean(r.deleted)).toBe(deleted);
  });

  it("the run already deleted it (its own duplicate): no second DELETE, nothing owed", async () => {
    const r = await run(async () => {}, true);
    expect(r.deletes).toEqual([]);
    expect(r.owed).toEqual([]);
  });
});
