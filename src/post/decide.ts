// What the post step does, decided from the state the main step saved: pure, table-tested. Which
// endpoint a cancelled create made is judged by src/endpoint/created-claim.ts, as in the main step.
import { z } from "zod/mini";
import type { CreateFacts } from "../endpoint/created-claim.ts";
import type { PreviewEndpoint } from "../sweep/decide.ts";

/** A preview a cancelled sweep saved: an id fit for a URL path; any other shape is ignored. */
const SavedPreview = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  name: z.string(),
  prNumber: z.int(),
});

function savedPreviews(saved: string): PreviewEndpoint[] {
  try {
    const parsed = z.safeParse(z.array(z.unknown()), JSON.parse(saved || "[]"));
    return (parsed.data ?? []).flatMap((p) => SavedPreview.safeParse(p).data ?? []);
  } catch {
    return [];
  }
}

// Each saved value is a string, "" when never saved; `from` reads one into what it stands for.
const text = z._default(z.string(), "");
const from = <T>(read: (value: string) => T) => z.pipe(text, z.transform(read));

/** The state as src/main.ts saves it (the keys of State). */
const Saved = z.object({
  result: text,
  endpointId: text,
  createdByThisRun: from((v) => v === "true"),
  deleteOwed: from((v) => v === "true"),
  // When the create went out, in ms since the epoch; 0: no create went out.
  createSentAt: from((v) => (/^[0-9]{1,16}$/.test(v) ? Number(v) : 0)),
  createCreatedAt: text,
  lookupIds: from((ids) => new Set(ids.split(",").filter((id) => id !== ""))),
  sweepUnconfirmed: from(savedPreviews),
});

export type SavedState = z.input<typeof Saved>;

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
export function planPost(saved: SavedState): PostPlan {
  const s = Saved.parse(saved);
  if (s.endpointId && s.createdByThisRun && s.deleteOwed)
    return { kind: "delete-by-id", endpointId: s.endpointId, owed: true };
  if (s.result !== "cancelled" && s.result !== "") return { kind: "nothing" };
  if (s.sweepUnconfirmed.length > 0) return { kind: "confirm-sweep", previews: s.sweepUnconfirmed };
  if (s.endpointId) {
    return s.createdByThisRun
      ? { kind: "delete-by-id", endpointId: s.endpointId, owed: false }
      : { kind: "nothing" };
  }
  if (!s.createSentAt) return { kind: "nothing" };
  const facts = { lookupIds: s.lookupIds, answeredCreatedAt: s.createCreatedAt || undefined };
  return { kind: "find-created", facts };
}
