import { describe, expect, it } from "vitest";
import { type PostPlan, planPost, type SavedState } from "../../src/post/decide.ts";

const none: SavedState = {
  result: "",
  endpointId: "",
  createdByThisRun: "",
  deleteOwed: "",
  createSentAt: "",
  createCreatedAt: "",
  lookupIds: "",
  sweepUnconfirmed: "",
};

describe("planPost: what the post step does with the saved state", () => {
  const rows: Array<[why: string, state: Partial<SavedState>, plan: PostPlan]> = [
    ["no state at all (cancelled while loading)", {}, { kind: "nothing" }],
    [
      "a finished run",
      { result: "created", endpointId: "e1", createdByThisRun: "true" },
      { kind: "nothing" },
    ],
    [
      "a failed run: the main step cleaned up",
      { result: "failed", endpointId: "e1", createdByThisRun: "true", deleteOwed: "false" },
      { kind: "nothing" },
    ],
    [
      "a failed run whose delete-on-failure DELETE was cut short: owed, finished here",
      { result: "failed", endpointId: "e1", createdByThisRun: "true", deleteOwed: "true" },
      { kind: "delete-by-id", endpointId: "e1", owed: true },
    ],
    [
      "a run that lost a race and could not delete its own duplicate: owed",
      { result: "failed", endpointId: "e1", createdByThisRun: "true", deleteOwed: "true" },
      { kind: "delete-by-id", endpointId: "e1", owed: true },
    ],
    [
      "a DELETE owed of an endpoint the run did not create: never",
      { result: "failed", endpointId: "e1", createdByThisRun: "false", deleteOwed: "true" },
      { kind: "nothing" },
    ],
    [
      "cancelled, created here",
      { result: "cancelled", endpointId: "e1", createdByThisRun: "true" },
      { kind: "delete-by-id", endpointId: "e1", owed: false },
    ],
    [
      "cancelled, found (someone else's)",
      { result: "cancelled", endpointId: "e1", createdByThisRun: "false" },
      { kind: "nothing" },
    ],
    [
      "cancelled after the create was answered, id unknown: the saved facts of the create",
      {
        result: "cancelled",
        createSentAt: "1000",
        createCreatedAt: "2026-01-01T00:00:00Z",
        lookupIds: "a,b",
      },
      {
        kind: "find-created",
        facts: { answeredCreatedAt: "2026-01-01T00:00:00Z", lookupIds: new Set(["a", "b"]) },
      },
    ],
    [
      "killed before a result was saved, after the create (empty project at the look-up)",
      { createSentAt: "1000" },
      { kind: "find-created", facts: { lookupIds: new Set() } },
    ],
    ["create time unreadable", { result: "cancelled", createSentAt: "soon" }, { kind: "nothing" }],
    ["create time zero", { result: "cancelled", createSentAt: "0" }, { kind: "nothing" }],
    [
      "a sweep cancelled with DELETEs unanswered: confirm them",
      { result: "cancelled", sweepUnconfirmed: '[{"id":"dep1","name":"acme--models-pr-1","prNumber":1}]' },
      { kind: "confirm-sweep", previews: [{ id: "dep1", name: "acme--models-pr-1", prNumber: 1 }] },
    ],
    [
      "a sweep's saved previews that are not previews are ignored",
      {
        result: "cancelled",
        sweepUnconfirmed: '[{"id":"../x","name":"a","prNumber":1},{"id":"ok","name":"b"},7,null]',
      },
      { kind: "nothing" },
    ],
    [
      "a sweep's state that is not JSON",
      { result: "cancelled", sweepUnconfirmed: "[{" },
      { kind: "nothing" },
    ],
    [
      "a sweep that finished confirms nothing",
      { result: "swept", sweepUnconfirmed: '[{"id":"dep1","name":"acme--models-pr-1","prNumber":1}]' },
      { kind: "nothing" },
    ],
    ["a timed-out run after the create", { result: "timed-out", createSentAt: "1000" }, { kind: "nothing" }],
  ];
  it.each(rows)("%s", (_why, state, plan) => {
    expect(planPost({ ...none, ...state })).toEqual(plan);
  });
});
