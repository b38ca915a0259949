import { describe, expect, it } from "vitest";
import {
  type CreateFacts,
  type CreationVerdict,
  judgeCreation,
  settled,
} from "../../src/endpoint/created-claim.ts";

const T = Date.parse("2026-03-01T12:00:00.000Z");
const at = (ms: number) => new Date(T + ms).toISOString();
/** The answer was lost (reset, timeout, cancellation): nothing in it to compare. */
const lost: CreateFacts = { lookupIds: new Set(["old"]) };
const answered: CreateFacts = { answeredCreatedAt: at(2_000), lookupIds: new Set(["old"]) };
const LOST = "its create went unanswered, and only an answered create proves which endpoint it made";

type Row = [
  why: string,
  named: Array<{ id: string; createdAt?: string | null }>,
  facts: CreateFacts,
  verdict: CreationVerdict,
];

describe("judgeCreation: which endpoint of the name this run's create made", () => {
  const rows: Row[] = [
    ["nothing of the name", [], answered, { kind: "none" }],
    ["only an endpoint the look-up listed", [{ id: "old", createdAt: at(-60_000) }], lost, { kind: "none" }],
    // (a) the answer arrived: its createdAt names ours.
    [
      "answered: the one with the answer's createdAt",
      [{ id: "n1", createdAt: at(2_000) }],
      answered,
      { kind: "mine", id: "n1", keeper: "n1" },
    ],
    [
      "answered: a rival created earlier is the keeper, ours the duplicate",
      [
        { id: "n2", createdAt: at(2_000) },
        { id: "r1", createdAt: at(1_000) },
      ],
      answered,
      { kind: "mine", id: "n2", keeper: "r1" },
    ],
    [
      "answered: a rival created later; ours is the keeper",
      [
        { id: "n2", createdAt: at(2_000) },
        { id: "r1", createdAt: at(2_001) },
      ],
      answered,
      { kind: "mine", id: "n2", keeper: "n2" },
    ],
    [
      "answered: same createdAt as a rival, the smaller id keeps the name",
      [
        { id: "b", createdAt: at(2_000) },
        { id: "a", createdAt: at(1_000) },
        { id: "c", createdAt: at(1_000) },
      ],
      answered,
      { kind: "mine", id: "b", keeper: "a" },
    ],
    [
      "answered: two with the answer's createdAt cannot be told apart",
      [
        { id: "n1", createdAt: at(2_000) },
        { id: "n2", createdAt: at(2_000) },
      ],
      answered,
      { kind: "unsure", ids: ["n1", "n2"], why: "they were created at the same moment" },
    ],
    [
      "answered, the same instant written another way still matches",
      [{ id: "n1", createdAt: "2026-03-01T12:00:02Z" }],
      answered,
      { kind: "mine", id: "n1", keeper: "n1" },
    ],
    [
      "answered: only a rival listed yet (ours lags)",
      [{ id: "r1", createdAt: at(1_000) }],
      answered,
      { kind: "others", ids: ["r1"] },
    ],
    [
      "answered: ours, and a rival with no creation time: which came first is unknown",
      [
        { id: "n1", createdAt: at(2_000) },
        { id: "r1", createdAt: null },
      ],
      answered,
      {
        kind: "unsure",
        ids: ["n1", "r1"],
        why: "an endpoint of the name has no creation time, so which was created first is unknown",
      },
    ],
    [
      "answered: none with the answer's createdAt, one with no creation time: it may be ours",
      [{ id: "n1", createdAt: "2026-03-01T12:00:02Z::x" }],
      answered,
      { kind: "unsure", ids: ["n1"], why: "an endpoint of the name has no creation time" },
    ],
    [
      "an endpoint the look-up listed but could not read counts for the keeper",
      [
        { id: "old", createdAt: at(-60_000) },
        { id: "n1", createdAt: at(2_000) },
      ],
      answered,
      { kind: "mine", id: "n1", keeper: "old" },
    ],
    [
      "an id in the answer wins over the createdAt",
      [
        { id: "n1", createdAt: at(2_000) },
        { id: "n2", createdAt: at(2_000) },
      ],
      { ...answered, answeredId: "n2" },
      { kind: "mine", id: "n2", keeper: "n1" },
    ],
    // The answer was lost: a rival's endpoint made in the same seconds looks exactly like ours.
    [
      "lost: the only one since the look-up, a second after the create: still not proved",
      [{ id: "n1", createdAt: at(1_000) }],
      lost,
      { kind: "unsure", ids: ["n1"], why: LOST },
    ],
    [
      "lost: two since the look-up",
      [
        { id: "n1", createdAt: at(1_000) },
        { id: "r1", createdAt: at(2_000) },
      ],
      lost,
      { kind: "unsure", ids: ["n1", "r1"], why: LOST },
    ],
    [
      "lost: one without a creation time",
      [{ id: "n1", createdAt: null }],
      lost,
      { kind: "unsure", ids: ["n1"], why: LOST },
    ],
    [
      "lost, with an id in some answer that no endpoint of the name has (yet): ours is still to show",
      [{ id: "r1", createdAt: at(1_000) }],
      { ...lost, answeredId: "n9" },
      { kind: "others", ids: ["r1"] },
    ],
  ];
  it.each(rows)("%s", (_why, named, facts, verdict) => {
    expect(judgeCreation(named, facts)).toEqual(verdict);
  });
});

describe("settled: whether listing again could change the verdict", () => {
  const rows: Array<[why: string, verdict: CreationVerdict, done: boolean]> = [
    ["none: the list may lag", { kind: "none" }, false],
    ["others (only after an answer): ours is still to show", { kind: "others", ids: ["r"] }, false],
    ["mine", { kind: "mine", id: "n", keeper: "n" }, true],
    ["unsure", { kind: "unsure", ids: ["a", "b"], why: "" }, true],
  ];
  it.each(rows)("%s", (_why, verdict, done) => {
    expect(settled(verdict)).toBe(done);
  });
});
