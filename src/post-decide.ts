// What the post step does, decided from the state the main step saved: pure, table-tested.

/** The state the main step saves, as the post step reads it (strings, "" when never saved). */
export interface SavedState {
  result: string;
  endpointId: string;
  createdByThisRun: string;
  createSentAt: string;
  nameAbsentBefore: string;
}

export type PostPlan =
  /** Nothing this run left behind (or nothing it may touch). */
  | { kind: "nothing" }
  /** An endpoint this run created, known by id, left by a cancellation. */
  | { kind: "delete-by-id"; endpointId: string }
  /** A create went out but the run ended before the new endpoint's id was known. */
  | { kind: "find-by-name"; createSentAtMs: number };

/**
 * Only a run that did not finish leaves work here: a cancelled one, or one killed before it saved
 * a result (then nothing after the create is known either). Every other result was handled by the
 * main step itself, including delete-on-failure after a failure or a timeout.
 */
export function planPost(s: SavedState): PostPlan {
  if (s.result !== "cancelled" && s.result !== "") return { kind: "nothing" };
  if (s.endpointId) {
    return s.createdByThisRun === "true"
      ? { kind: "delete-by-id", endpointId: s.endpointId }
      : { kind: "nothing" };
  }
  const sentAt = Number(s.createSentAt);
  if (s.createSentAt === "" || !Number.isFinite(sentAt) || s.nameAbsentBefore !== "true")
    return { kind: "nothing" };
  return { kind: "find-by-name", createSentAtMs: sentAt };
}

/** How far the API's clock may run behind ours when its createdAt is compared with our time. */
export const CLOCK_SKEW_MS = 5_000;

type OrphanVerdict =
  | { kind: "delete"; id: string }
  /** Nothing of the name was created after the create went out (yet: the list may lag). */
  | { kind: "none" }
  /** More than one candidate, or one whose creation time is unknown: never guess which is ours. */
  | { kind: "unsure"; ids: string[] };

/**
 * Among the endpoints that carry the name now, the one this run created: created after its create
 * was sent (the name was absent before that). One such endpoint is ours; two mean another run
 * created the name too, and neither is deleted.
 */
export function pickOrphan(
  found: ReadonlyArray<{ id: string; createdAt?: string | null | undefined }>,
  createSentAtMs: number,
): OrphanVerdict {
  const unknown = found.filter((e) => !Number.isFinite(Date.parse(e.createdAt ?? "")));
  const after = found.filter((e) => Date.parse(e.createdAt ?? "") >= createSentAtMs - CLOCK_SKEW_MS);
  const candidates = [...after, ...unknown];
  if (candidates.length === 0) return { kind: "none" };
  const [only] = after;
  if (candidates.length === 1 && only) return { kind: "delete", id: only.id };
  return { kind: "unsure", ids: candidates.map((e) => e.id) };
}
