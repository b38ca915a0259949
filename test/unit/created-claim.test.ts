import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_MS, LOST_CREATE_LAG_MS } from "../../src/base/timing.ts";
import {
  type CreateFacts,
  type CreationVerdict,
  judgeCreation,
  settled,
} from "../../src/endpoint/created-claim.ts";

const T = Date.parse("2026-03-01T12:00:00.000Z");
const at = (ms: number) => new Date(T + ms).toISOString();
/** Sent at T, answer lost 30 s later: the window is [T - skew, T + 30 s + skew + lag]. */
const lost: CreateFacts = { sentAtMs: T, unansweredAtMs: T + 30_000, lookupIds: new Set(["old"]) };
const answered: CreateFacts = { sentAtMs: T, answeredCreatedAt: at(2_000), lookupIds: new Set(["old"]) };
const end = 30_000 + CLOCK_SKEW_MS + LOST_CREATE_LAG_MS;

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
    // (b) the answer was lost: the window and no rival.
    [
      "lost: the only one, inside the window",
      [{ id: "n1", createdAt: at(10_000) }],
      lost,
      { kind: "mine", id: "n1", keeper: "n1" },
    ],
    [
      "lost: at the window's start (clock skew)",
      [{ id: "n1", createdAt: at(-CLOCK_SKEW_MS) }],
      lost,
      { kind: "mine", id: "n1", keeper: "n1" },
    ],
    [
      "lost: at the window's end",
      [{ id: "n1", createdAt: at(end) }],
      lost,
      { kind: "mine", id: "n1", keeper: "n1" },
    ],
    [
      "lost: just before the window",
      [{ id: "r1", createdAt: at(-CLOCK_SKEW_MS - 1) }],
      lost,
      { kind: "others", ids: ["r1"] },
    ],
    [
      "lost: just after the window (a later run's)",
      [{ id: "r1", createdAt: at(end + 1) }],
      lost,
      { kind: "others", ids: ["r1"] },
    ],
    [
      "lost: one inside and a rival outside: a rival since the look-up makes it unsure",
      [
        { id: "n1", createdAt: at(10_000) },
        { id: "r1", createdAt: at(end + 60_000) },
      ],
      lost,
      {
        kind: "unsure",
        ids: ["n1", "r1"],
        why: "more than one was created since this run looked the name up, and its create went unanswered",
      },
    ],
    [
      "lost: two outside the window: both another run's",
      [
        { id: "r1", createdAt: at(-60_000) },
        { id: "r2", createdAt: at(end + 60_000) },
      ],
      lost,
      { kind: "others", ids: ["r1", "r2"] },
    ],
    [
      "lost: a creation time that does not parse",
      [{ id: "n1", createdAt: "yesterday" }],
      lost,
      { kind: "unsure", ids: ["n1"], why: "an endpoint of the name has no creation time" },
    ],
    [
      "neither answered nor given up (killed mid-create): never sure",
      [{ id: "n1", createdAt: at(1_000) }],
      { sentAtMs: T, lookupIds: new Set() },
      { kind: "unsure", ids: ["n1"], why: "the run ended before its create was answered or given up" },
    ],
  ];
  it.each(rows)("%s", (_why, named, facts, verdict) => {
    expect(judgeCreation(named, facts)).toEqual(verdict);
  });
});

describe("settled: whether listing again could change the verdict", () => {
  const rows: Array<[why: string, verdict: CreationVerdict, facts: CreateFacts, done: boolean]> = [
    ["none: the list may lag", { kind: "none" }, lost, false],
    ["others after an answer: ours is still to show", { kind: "others", ids: ["r"] }, answered, false],
    ["others after a lost answer: final", { kind: "others", ids: ["r"] }, lost, true],
    ["mine", { kind: "mine", id: "n", keeper: "n" }, answered, true],
    ["unsure", { kind: "unsure", ids: ["a", "b"], why: "" }, lost, true],
  ];
  it.each(rows)("%s", (_why, verdict, facts, done) => {
    expect(settled(verdict, facts)).toBe(done);
  });
});
