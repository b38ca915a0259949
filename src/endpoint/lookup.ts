// Finding an endpoint: one that already exists (by id when the workflow gives one, by an id the
// ledger remembers, confirmed by one GET, else by name in the project), and the one this run's
// create made. The list carries no names and the create answer no id, so a name lookup lists the
// project, then GETs each candidate's spec.
import { askAgain } from "../base/backoff.ts";
import type { Clock } from "../base/clock.ts";
import { mapLimit } from "../base/concurrency.ts";
import { formatDuration } from "../base/format.ts";
import { CREATED_LAG_DELAYS_MS, REQUESTS_IN_FLIGHT } from "../base/timing.ts";
import type { FriendliClient } from "../friendli/client.ts";
import { ApiError, abortedError } from "../friendli/errors.ts";
import type { EndpointSpec, EndpointStatus } from "../friendli/schemas.ts";
import { type CreateFacts, type CreationVerdict, judgeCreation, settled } from "./created-claim.ts";

/** An endpoint that exists. A name lookup knows both parts; a lookup by id only the one it read. */
export interface FoundEndpoint {
  id: string;
  status?: EndpointStatus;
  spec?: EndpointSpec;
}

/** What a name lookup returns: the listing gave the status, a GET the spec. */
export type NamedEndpoint = Required<FoundEndpoint>;

/** Spec by endpoint id, one per run (names do not change under us): no endpoint is read twice. */
export type SpecCache = Map<string, EndpointSpec>;

/** Two or more endpoints carry the requested name: the action must not guess which to use. */
export class DuplicateNameError extends Error {
  // No `name` of its own: the error formatter prefixes any name other than "Error", and the user
  // should read the message, not "DuplicateNameError: ...".
  readonly ids: string[];
  constructor(endpointName: string, projectId: string, ids: string[]) {
    super(
      `${ids.length} endpoints are named "${endpointName}" in project ${projectId}: ${ids.join(", ")}. ` +
        "Delete the extra ones or pass endpoint-id.",
    );
    this.ids = ids;
  }
}

/** The one endpoint of a findByName result, undefined for none, DuplicateNameError for more. */
export function expectAtMostOne<T extends FoundEndpoint>(found: T[], name: string, projectId: string) {
  const ids = found.map((f) => f.id);
  if (ids.length > 1) throw new DuplicateNameError(name, projectId, ids);
  return found[0];
}

/** The spec, from the cache or one GET; undefined when the endpoint vanished (404) meanwhile. */
async function specOf(
  client: Pick<FriendliClient, "get">,
  cache: SpecCache,
  id: string,
): Promise<EndpointSpec | undefined> {
  const cached = cache.get(id);
  if (cached) return cached;
  try {
    const spec = await client.get(id);
    cache.set(id, spec);
    return spec;
  } catch (err) {
    // Deleted between list and GET, or not yet visible after a create: not (yet) a match.
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

/** A name, or a test of the name (the sweep's: a preview of this repository). */
type NameMatch = string | ((name: string) => boolean);

function matches(spec: EndpointSpec | undefined, projectId: string, name: NameMatch): spec is EndpointSpec {
  if (spec === undefined || spec.projectId !== projectId) return false;
  return typeof name === "string" ? spec.name === name : name(spec.name);
}

interface FindOptions {
  concurrency?: number;
  signal?: AbortSignal;
  cache?: SpecCache;
  /** Filled with every id the listing returned: before a create, the ids that are not the new one. */
  listed?: Set<string>;
}

/**
 * Every endpoint named `name` (or whose name it accepts) in the project. All candidates are checked,
 * not just the first match, so a duplicate is seen (expectAtMostOne turns it into an error naming both ids).
 */
export async function findByName(
  client: FriendliClient,
  projectId: string,
  name: NameMatch,
  opts: FindOptions = {},
): Promise<NamedEndpoint[]> {
  const cache: SpecCache = opts.cache ?? new Map();
  try {
    const listed = await client.listAll(projectId);
    for (const e of listed) opts.listed?.add(e.id);
    const specs = await mapLimit(
      listed,
      opts.concurrency ?? REQUESTS_IN_FLIGHT,
      (e) => specOf(client, cache, e.id),
      opts.signal,
    );
    return listed.flatMap((e, i) => {
      const spec = specs[i];
      return matches(spec, projectId, name) ? [{ id: e.id, status: e.status, spec }] : [];
    });
  } catch (err) {
    // Cancellation surfaces as the same ApiError "aborted" the HTTP layer throws.
    if (opts.signal?.aborted && !(err instanceof ApiError)) throw abortedError("lookup", err);
    throw err;
  }
}

type Confirmation =
  | { confirmed: true; id: string; spec: EndpointSpec }
  /** gone: 404; mismatch: another name or project now; unusable: not an id a path can carry. */
  | { confirmed: false; reason: "gone" | "mismatch" | "unusable" };

/**
 * Whether endpoint `id`, remembered from elsewhere (the deployment ledger), is still `name` in
 * project `projectId`: one GET. A 404 or a mismatch sends the caller back to the lookup by name, so
 * a stale memory costs one request and never points a change at the wrong endpoint; any other
 * failure (cancellation, a rejected token, the deadline) is thrown, as the lookup would meet it too.
 */
export async function confirmRememberedEndpoint(
  client: Pick<FriendliClient, "get">,
  expected: { id: string; name: string; projectId: string },
): Promise<Confirmation> {
  const { id, name, projectId } = expected;
  if (id.trim() === "" || id === "." || id === "..") return { confirmed: false, reason: "unusable" };
  // Read afresh, not from the run's cache: only a confirmed spec goes there.
  const spec = await specOf(client, new Map(), id);
  if (!spec) return { confirmed: false, reason: "gone" };
  if (spec.name !== name || spec.projectId !== projectId) return { confirmed: false, reason: "mismatch" };
  return { confirmed: true, id, spec };
}

export interface LookupOptions extends Omit<FindOptions, "concurrency"> {
  /** The run changes what it finds: an endpoint-id must be in project-id (a copied id touches nothing). */
  forWrite?: boolean;
  /**
   * An id the ledger remembers for this name: confirmed by one GET, it spares the listing;
   * `readStatus` adds the status read a name lookup gets from the listing.
   */
  remembered?: { id: string; readStatus: boolean; onMiss?: (reason: string) => void };
}

/**
 * The endpoint this run should act on (the inputs' endpoint-id, else the name in the project), or
 * undefined when there is none. Two of one name: DuplicateNameError. By id for a write: an error
 * when it is in another project.
 */
export async function lookupEndpoint(
  client: FriendliClient,
  target: { projectId: string; name: string; endpointId?: string },
  options: LookupOptions = {},
): Promise<FoundEndpoint | undefined> {
  const id = target.endpointId;
  if (id) {
    try {
      if (!options.forWrite) return { id, status: await client.status(id) };
      const spec = await client.get(id);
      if (spec.projectId !== target.projectId) {
        throw new Error(
          `endpoint-id ${id} is "${spec.name}" in project ${spec.projectId}, not in project-id ` +
            `${target.projectId}: refusing to change it (check endpoint-id and project-id)`,
        );
      }
      return { id, spec };
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    }
  }
  const hint = options.remembered;
  if (hint) {
    const c = await confirmRememberedEndpoint(client, { id: hint.id, ...target });
    if (c.confirmed) {
      options.cache?.set(c.id, c.spec);
      return hint.readStatus
        ? { id: c.id, spec: c.spec, status: await client.status(c.id) }
        : { id: c.id, spec: c.spec };
    }
    hint.onMiss?.(c.reason);
  }
  const found = await findByName(client, target.projectId, target.name, options);
  return expectAtMostOne(found, target.name, target.projectId);
}

export interface FindCreatedOptions {
  projectId: string;
  name: string;
  facts: CreateFacts;
  clock: Clock;
  /** Absolute clock time; no listing starts and no wait runs past it. */
  deadlineMs: number;
  signal?: AbortSignal;
  /** The run's spec cache: the look-up's specs are not read again. */
  cache?: SpecCache;
  /** Told before each wait (the post step logs it). */
  onWait?: (delayMs: number) => void;
}

export interface FoundCreated {
  verdict: CreationVerdict;
  /** Every endpoint of the name in the last listing. */
  named: NamedEndpoint[];
}

/**
 * What this run's create made, for the create step, delete-on-failure and the post step: lists the
 * name and judges it (./created-claim.ts) until the verdict is settled or the waits for a listing
 * that lags the create run out (then `none`: nothing of the name appeared). Throws ApiError
 * "deadline" when the deadline comes before the next listing, and "aborted" when cancelled.
 */
export async function findCreated(client: FriendliClient, opts: FindCreatedOptions): Promise<FoundCreated> {
  const { projectId, name, clock, signal, facts } = opts;
  // Names do not change under us: each round reads only the specs of ids it has not seen.
  const cache: SpecCache = opts.cache ?? new Map();
  return askAgain<FoundCreated>({
    clock,
    signal,
    aborted: (reason) => {
      throw reason;
    },
    round: async (n) => {
      const named = await findByName(client, projectId, name, { signal, cache });
      const verdict = judgeCreation(
        named.map((e) => ({ id: e.id, createdAt: e.status.createdAt })),
        facts,
      );
      const delay = CREATED_LAG_DELAYS_MS[n - 1];
      if (settled(verdict) || delay === undefined) return { done: { verdict, named } };
      if (clock.now() + delay >= opts.deadlineMs) {
        throw new ApiError({
          kind: "deadline",
          operation: "resolve",
          message:
            `the run's deadline came before the new endpoint named "${name}" appeared in project ` +
            `${projectId} (listed ${n} times, next wait ${formatDuration(delay, { tenths: true })})`,
        });
      }
      opts.onWait?.(delay);
      return { waitMs: delay };
    },
  });
}
