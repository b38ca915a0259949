// Which endpoint of the requested name this run's create made, if it can prove one, and which one
// is kept when two runs created the name at once. Pure: the create step, delete-on-failure and the
// post step all decide by `judgeCreation`, so a run deletes only what this one function calls its
// own. The proof (docs/security.md): Friendli stores nothing run-unique that a GET shows back, so
// X is this run's when it carries the name, was not in the look-up before the create, and has the
// create answer's createdAt, which no other fresh endpoint of the name shares. Without an answer
// nothing is proved: a rival's endpoint created in the same seconds looks exactly like ours.
/** What this run's create left behind: saved for the post step, which decides by the same rules. */
export interface CreateFacts {
  /** The create answer's createdAt, when an answer arrived. */
  answeredCreatedAt?: string;
  /** An id in the create answer, if the live API ever sends one (checked by GET before it counts). */
  answeredId?: string;
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

/** Why a create without an answer proves nothing. */
const LOST = "its create went unanswered, and only an answered create proves which endpoint it made";

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
  if (!Number.isFinite(answered) && !facts.answeredId) return { kind: "unsure", ids, why: LOST };
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

/** The verdict is final: no later listing can change it (otherwise list again while the list may lag). */
export function settled(verdict: CreationVerdict): boolean {
  // `others` comes only after an answer: this run's endpoint exists and is still to appear.
  return verdict.kind !== "none" && verdict.kind !== "others";
}
