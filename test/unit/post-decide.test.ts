import { describe, expect, it } from "vitest";
import {
  CLOCK_SKEW_MS,
  type PostPlan,
  pickOrphan,
  planPost,
  type SavedState,
} from "../../src/post-decide.ts";

const none: SavedState = {
  result: "",
  endpointId: "",
  createdByThisRun: "",
  createSentAt: "",
  nameAbsentBefore: "",
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
      { result: "failed", endpointId: "e1", createdByThisRun: "true" },
      { kind: "nothing" },
    ],
    [
      "cancelled, created here",
      { result: "cancelled", endpointId: "e1", createdByThisRun: "true" },
      { kind: "delete-by-id", endpointId: "e1" },
    ],
    [
      "cancelled, found (someone else's)",
      { result: "cancelled", endpointId: "e1", createdByThisRun: "false" },
      { kind: "nothing" },
    ],
    [
      "cancelled after the create, id unknown",
      { result: "cancelled", createSentAt: "1000", nameAbsentBefore: "true" },
      { kind: "find-by-name", createSentAtMs: 1000 },
    ],
    [
      "killed before a result was saved, after the create",
      { createSentAt: "1000", nameAbsentBefore: "true" },
      { kind: "find-by-name", createSentAtMs: 1000 },
    ],
    [
      "create sent, but the name existed before",
      { result: "cancelled", createSentAt: "1000" },
      { kind: "nothing" },
    ],
    [
      "create time unreadable",
      { result: "cancelled", createSentAt: "soon", nameAbsentBefore: "true" },
      { kind: "nothing" },
    ],
    [
      "a timed-out run after the create",
      { result: "timed-out", createSentAt: "1000", nameAbsentBefore: "true" },
      { kind: "nothing" },
    ],
  ];
  it.each(rows)("%s", (_why, state, plan) => {
    expect(planPost({ ...none, ...state })).toEqual(plan);
  });
});

describe("pickOrphan: the endpoint the cancelled create made, or none", () => {
  const sent = Date.parse("2026-11-25T12:00:00Z");
  const at = (ms: number) => new Date(sent + ms).toISOString();
  const rows: Array<
    [
      why: string,
      found: Array<{ id: string; createdAt?: string | null }>,
      verdict: ReturnType<typeof pickOrphan>,
    ]
  > = [
    ["nothing of the name (yet)", [], { kind: "none" }],
    [
      "one, created after the create was sent",
      [{ id: "a", createdAt: at(800) }],
      { kind: "delete", id: "a" },
    ],
    [
      "one, the API's clock a little behind ours",
      [{ id: "a", createdAt: at(-CLOCK_SKEW_MS) }],
      { kind: "delete", id: "a" },
    ],
    [
      "one, created well before: not ours",
      [{ id: "a", createdAt: at(-CLOCK_SKEW_MS - 1) }],
      { kind: "none" },
    ],
    [
      "one without a creation time: not provably ours",
      [{ id: "a", createdAt: null }],
      { kind: "unsure", ids: ["a"] },
    ],
    [
      "two created after: another run created the name too",
      [
        { id: "a", createdAt: at(800) },
        { id: "b", createdAt: at(900) },
      ],
      { kind: "unsure", ids: ["a", "b"] },
    ],
    [
      "an old one and a new one: the new one is ours",
      [
        { id: "old", createdAt: at(-3_600_000) },
        { id: "new", createdAt: at(500) },
      ],
      { kind: "delete", id: "new" },
    ],
  ];
  it.each(rows)("%s", (_why, found, verdict) => {
    expect(pickOrphan(found, sent)).toEqual(verdict);
  });
});
