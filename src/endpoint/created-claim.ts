// Which endpoint of the requested name this run's create made, if it can prove one, and which
// endpoint of the name is kept when two runs created it at once. Pure: the create step (resolving
// the new id), delete-on-failure and the post step's clean-up all decide by `judgeCreation`, so a
// run deletes only what this one function calls its own.
//
// The proof. Friendli stores nothing run-unique that a GET shows back: the spec has no version
// comment, the create answer has no id, the listing gives id -> {status, createdAt} without names,
// and GET /{id} gives the name and project. So "this run created X" rests on X having the name,
// not having been in this run's look-up before the create, and on its creation time:
//   (a) the create was answered: X's createdAt equals the answer's createdAt (no other fresh
//       endpoint of the name has that same createdAt);
//   (b) the answer was lost (reset, timeout, cancellation): X was created within
//       [create sent - CLOCK_SKEW_MS, answer lost + CLOCK_SKEW_MS + LOST_CREATE_LAG_MS] and is the
//       only endpoint of the name created since the look-up. Any other endpoint of the name created
//       since the look-up makes the claim unsure, and an unsure claim never deletes.
// Left to chance: in (b), a rival run whose endpoint is created inside our window while ours was
// never made (our create lost before the server saw it) looks exactly like ours; in (a), two
// creates of the name answered with the same createdAt cannot be told apart (then: unsure).
import { CLOCK_SKEW_MS, LOST_CREATE_LAG_MS } from "../base/timing.ts";

/** What this run's create left behind: saved for the post step, which decides by the same rules. */
export interface CreateFacts {
  /** When the first create went out, on our clock (ms since the epoch). */
  sentAtMs: number;
  /** The create answer's createdAt, when an answer arrived. */
  answeredCreatedAt?: string;
  /** An id in the create answer, if the live API ever sends one (checked by GET before it counts). */
  answeredId?: string;
  /** When the create ended without an answer (lost, timed out, cancelled), on our clock. */
  unansweredAtMs?: number;
  /** Every id of the project's listing in the look-up before the create. */
  lookupIds: ReadonlySet<string>;
}

/** An endpoint that carries the requested name now. */
export interface NamedNow {
  id: string;
  createdAt?: string | null | undefined;
}

export type CreationVerdict =
  /** No endpoint of the name was created since the look-up (yet: the listing may lag). */
  | { kind: "none" }
  /** Endpoints of the name created since the look-up, none of which this run created. */
  | { kind: "others"; ids: string[] }
  /** This run cannot tell which, if any, of these is its own: it deletes none of them. */
  | { kind: "unsure"; ids: string[]; why: string }
  /**
   * `id` is this run's. `keeper` is the endpoint of the name created first (tie: the smallest id):
   * when it is not `id`, another run created the name first and this run's endpoint is the duplicate.
   */
  | { kind: "mine"; id: string; keeper: string };

const timeOf = (e: NamedNow): number => Date.parse(e.createdAt ?? "");

export function judgeCreation(named: readonly NamedNow[], facts: CreateFacts): CreationVerdict {
  const fresh = named.filter((e) => !facts.lookupIds.has(e.id));
  if (fresh.length === 0) return { kind: "none" };
  const own = ownAmong(fresh, facts);
  if (own.kind !== "mine") return own;
  if (named.some((e) => !Number.isFinite(timeOf(e)))) {
    return {
      kind: "unsure",
      ids: named.map((e) => e.id),
      why: "an endpoint of the name has no creation time, so which was created first is unknown",
    };
  }
  const [keeper] = [...named].sort(
    (a, b) => timeOf(a) - timeOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { kind: "mine", id: own.id, keeper: keeper?.id ?? own.id };
}

function ownAmong(fresh: readonly NamedNow[], facts: CreateFacts): CreationVerdict {
  const ids = fresh.map((e) => e.id);
  const byId = facts.answeredId ? fresh.find((e) => e.id === facts.answeredId) : undefined;
  if (byId) return { kind: "mine", id: byId.id, keeper: byId.id };
  const answered = Date.parse(facts.answeredCreatedAt ?? "");
  if (Number.isFinite(answered)) {
    const same = fresh.filter((e) => timeOf(e) === answered);
    const [only] = same;
    if (same.length === 1 && only) return { kind: "mine", id: only.id, keeper: only.id };
    if (same.length > 1)
      return { kind: "unsure", ids: same.map((e) => e.id), why: "they were created at the same moment" };
    // One without a readable time may be ours: listing again would not tell, so no one is blamed.
    if (fresh.some((e) => !Number.isFinite(timeOf(e))))
      return { kind: "unsure", ids, why: "an endpoint of the name has no creation time" };
    // Ours was answered, so it exists: the listing has not shown it yet.
    return { kind: "others", ids };
  }
  if (facts.unansweredAtMs === undefined) {
    return { kind: "unsure", ids, why: "the run ended before its create was answered or given up" };
  }
  if (fresh.some((e) => !Number.isFinite(timeOf(e)))) {
    return { kind: "unsure", ids, why: "an endpoint of the name has no creation time" };
  }
  const from = facts.sentAtMs - CLOCK_SKEW_MS;
  const to = facts.unansweredAtMs + CLOCK_SKEW_MS + LOST_CREATE_LAG_MS;
  const inWindow = fresh.filter((e) => timeOf(e) >= from && timeOf(e) <= to);
  const [only] = fresh;
  if (inWindow.length === 0) return { kind: "others", ids };
  if (fresh.length === 1 && only) return { kind: "mine", id: only.id, keeper: only.id };
  return {
    kind: "unsure",
    ids,
    why: "more than one was created since this run looked the name up, and its create went unanswered",
  };
}

/** The verdict is final: no later listing can change it (otherwise list again while the list may lag). */
export function settled(verdict: CreationVerdict, facts: CreateFacts): boolean {
  if (verdict.kind === "none") return false;
  // An answered create made an endpoint: while only others show, ours is still to appear.
  if (verdict.kind === "others")
    return !Number.isFinite(Date.parse(facts.answeredCreatedAt ?? "")) && !facts.answeredId;
  return true;
}
