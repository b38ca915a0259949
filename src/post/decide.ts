// What the post step does, decided from the state the main step saved: pure, table-tested. Which
// endpoint a cancelled create made is judged by src/endpoint/created-claim.ts, as in the main step.
import type { CreateFacts } from "../endpoint/created-claim.ts";
import type { PreviewEndpoint } from "../sweep/decide.ts";

/** The state the main step saves, as the post step reads it (strings, "" when never saved). */
export interface SavedState {
  result: string;
  endpointId: string;
  createdByThisRun: string;
  deleteOwed: string;
  createSentAt: string;
  createCreatedAt: string;
  lookupIds: string;
  sweepUnconfirmed: string;
}

export type PostPlan =
  /** Nothing this run left behind (or nothing it may touch). */
  | { kind: "nothing" }
  /**
   * An endpoint this run created, known by id: left by a cancellation (deleted with
   * delete-on-failure), or `owed`: a DELETE the main step started and could not confirm (deleted
   * whatever delete-on-failure says: the main step already decided to).
   */
  | { kind: "delete-by-id"; endpointId: string; owed: boolean }
  /** A create went out but the run ended before the new endpoint's id was known. */
  | { kind: "find-created"; facts: CreateFacts }
  /** A sweep cut short: which of these previews its DELETEs removed is confirmed by a status read. */
  | { kind: "confirm-sweep"; previews: PreviewEndpoint[] };

/**
 * A DELETE the main step owed is finished whatever the run's result. Otherwise only a run that did
 * not finish leaves work here: a cancelled one, or one killed before it saved a result. Every other
 * result was handled by the main step itself, including delete-on-failure after a failure.
 */
export function planPost(s: SavedState): PostPlan {
  if (s.endpointId && s.createdByThisRun === "true" && s.deleteOwed === "true")
    return { kind: "delete-by-id", endpointId: s.endpointId, owed: true };
  if (s.result !== "cancelled" && s.result !== "") return { kind: "nothing" };
  const previews = sweepPreviews(s.sweepUnconfirmed);
  if (previews.length > 0) return { kind: "confirm-sweep", previews };
  if (s.endpointId) {
    return s.createdByThisRun === "true"
      ? { kind: "delete-by-id", endpointId: s.endpointId, owed: false }
      : { kind: "nothing" };
  }
  const facts = createFacts(s);
  return facts ? { kind: "find-created", facts } : { kind: "nothing" };
}

/** The create's facts as the main step saved them; undefined when no create went out. */
function createFacts(s: SavedState): CreateFacts | undefined {
  if (epochMs(s.createSentAt) === undefined) return undefined;
  return {
    lookupIds: new Set(s.lookupIds.split(",").filter((id) => id !== "")),
    ...(s.createCreatedAt ? { answeredCreatedAt: s.createCreatedAt } : {}),
  };
}

function epochMs(value: string): number | undefined {
  if (!/^[0-9]{1,16}$/.test(value)) return undefined;
  const ms = Number(value);
  return ms > 0 ? ms : undefined;
}

/** The saved previews, each checked by shape; anything else in the state is ignored. */
function sweepPreviews(saved: string): PreviewEndpoint[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(saved || "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((p: unknown) => {
    if (p === null || typeof p !== "object") return [];
    const { id, name, prNumber } = p as Record<string, unknown>;
    return typeof id === "string" &&
      /^[A-Za-z0-9_-]{1,64}$/.test(id) &&
      typeof name === "string" &&
      Number.isSafeInteger(prNumber)
      ? [{ id, name, prNumber: prNumber as number }]
      : [];
  });
}
