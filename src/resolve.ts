// Finding endpoints by name. The create response carries no id and the list carries no names
// (friendli-api.md), so a name lookup is: list the project, then GET each candidate's spec.
import type { Clock } from "./clock.ts";
import type { FriendliClient } from "./friendli/client.ts";
import { ApiError, abortedError } from "./friendli/errors.ts";
import { formatSeconds } from "./friendli/retry.ts";
import type { EndpointSpec, EndpointStatus } from "./friendli/schemas.ts";

export interface FoundEndpoint {
  id: string;
  status: EndpointStatus;
  spec: EndpointSpec;
}

/**
 * Spec by endpoint id, kept for one run: names do not change under us for the run's purpose. A
 * caller that looks up more than once (deploy: the lookup, the resolution after each create, the
 * last look after failed creates) passes one cache to every call, so no endpoint is read twice.
 */
export type SpecCache = Map<string, EndpointSpec>;

/** Two or more endpoints carry the requested name: the action must not guess which to use. */
export class DuplicateNameError extends Error {
  // No `name` of its own (as OperationFailure): the shared error formatter prefixes any name other
  // than "Error", and the user should read the message, not "DuplicateNameError: ...".
  readonly ids: string[];
  readonly endpointName: string;
  readonly projectId: string;
  constructor(endpointName: string, projectId: string, ids: string[]) {
    super(
      `${ids.length} endpoints are named "${endpointName}" in project ${projectId}: ${ids.join(", ")}. ` +
        "Delete the extra ones or pass endpoint-id.",
    );
    this.ids = ids;
    this.endpointName = endpointName;
    this.projectId = projectId;
  }
}

/** The one endpoint of a findByName result, undefined for none, DuplicateNameError for more. */
export function expectAtMostOne(
  found: FoundEndpoint[],
  endpointName: string,
  projectId: string,
): FoundEndpoint | undefined {
  if (found.length > 1)
    throw new DuplicateNameError(
      endpointName,
      projectId,
      found.map((f) => f.id),
    );
  return found[0];
}

/**
 * Runs fn over items with at most `limit` calls in flight, in input order of start. Stops starting
 * new work after the first failure or an abort, and rethrows that failure.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      signal?.throwIfAborted();
      const i = next++;
      try {
        results[i] = await fn(items[i] as T);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}

/** The spec, from the cache or one GET; undefined when the endpoint vanished (404) meanwhile. */
async function specOf(
  client: FriendliClient,
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

function matches(spec: EndpointSpec | undefined, projectId: string, name: string): spec is EndpointSpec {
  return spec !== undefined && spec.name === name && spec.projectId === projectId;
}

/** Cancellation surfaces as the same ApiError "aborted" the HTTP layer throws. */
async function abortable<T>(
  operation: string,
  signal: AbortSignal | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (signal?.aborted && !(err instanceof ApiError)) throw abortedError(operation, err);
    throw err;
  }
}

export interface FindOptions {
  /** GETs in flight at once. */
  concurrency?: number;
  signal?: AbortSignal;
  cache?: SpecCache;
  /** Filled with every id the listing returned: before a create, the ids that are not the new one. */
  listed?: Set<string>;
}

/**
 * Every endpoint named `name` in the project. All candidates are checked, not just the first
 * match, so a duplicate is seen (expectAtMostOne turns it into an error naming both ids).
 */
export async function findByName(
  client: FriendliClient,
  projectId: string,
  name: string,
  opts: FindOptions = {},
): Promise<FoundEndpoint[]> {
  const cache: SpecCache = opts.cache ?? new Map();
  return abortable("lookup", opts.signal, async () => {
    const listed = await client.listAll(projectId);
    for (const e of listed) opts.listed?.add(e.id);
    const specs = await mapLimit(
      listed,
      opts.concurrency ?? 8,
      (e) => specOf(client, cache, e.id),
      opts.signal,
    );
    const found: FoundEndpoint[] = [];
    listed.forEach((e, i) => {
      const spec = specs[i];
      if (matches(spec, projectId, name)) found.push({ id: e.id, status: e.status, spec });
    });
    return found;
  });
}

export interface ResolveCreatedOptions {
  projectId: string;
  name: string;
  /** Ids listed before the create: the new endpoint is not among them. */
  knownBefore: ReadonlySet<string>;
  /** The create response's createdAt: the listing entry with the same value is read first. */
  createdAt?: string | null;
  /** An id/endpointId from the create response, if the live API ever sends one. */
  fromResponse?: string;
  clock: Clock;
  /** Absolute clock time; no listing starts and no wait runs past it. */
  deadlineMs: number;
  signal?: AbortSignal;
  cache?: SpecCache;
  concurrency?: number;
  /** Waits between listings while the list lags behind the create. */
  lagDelaysMs?: readonly number[];
}

export const DEFAULT_LAG_DELAYS_MS: readonly number[] = [500, 1000, 2000, 4000, 8000];

/**
 * The id of the endpoint this run just created. With an id in the response: one GET to confirm.
 * Otherwise list the project, take the ids not known before, confirm each by GET (name and project
 * match), and list again after a short wait (lagDelaysMs) while the listing lags behind the create.
 *
 * Returns undefined when no such endpoint appeared after every wait: after a create that was
 * answered, the caller fails saying so; after an ambiguous create, nothing was created and the
 * caller may create again. Throws DuplicateNameError when two new endpoints carry the name and
 * ApiError "deadline" when the run's deadline comes before the next listing.
 */
export async function resolveCreatedId(
  client: FriendliClient,
  opts: ResolveCreatedOptions,
): Promise<string | undefined> {
  return abortable("resolve", opts.signal, () => resolveCreated(client, opts));
}

async function resolveCreated(
  client: FriendliClient,
  opts: ResolveCreatedOptions,
): Promise<string | undefined> {
  const cache: SpecCache = opts.cache ?? new Map();
  const { projectId, name, clock, signal } = opts;

  if (opts.fromResponse) {
    const spec = await specOf(client, cache, opts.fromResponse);
    if (matches(spec, projectId, name)) return opts.fromResponse;
    // A response id that does not check out is not trusted; the listing decides.
  }

  const delays = opts.lagDelaysMs ?? DEFAULT_LAG_DELAYS_MS;
  const createdAt = opts.createdAt ?? undefined;
  for (let round = 0; ; round++) {
    signal?.throwIfAborted();
    const listed = await client.listAll(projectId);
    const fresh = listed.filter((e) => !opts.knownBefore.has(e.id));
    // Same createdAt first: with concurrent creates in the project it is almost surely ours, so its
    // spec is read first. Every fresh entry is still read (a second one of the name is a duplicate):
    // the order decides no result, only which GET goes out first and how a duplicate's ids are listed.
    fresh.sort((a, b) => Number(b.status.createdAt === createdAt) - Number(a.status.createdAt === createdAt));
    const specs = await mapLimit(fresh, opts.concurrency ?? 8, (e) => specOf(client, cache, e.id), signal);
    const hits = fresh.filter((_, i) => matches(specs[i], projectId, name)).map((e) => e.id);
    if (hits.length > 1) throw new DuplicateNameError(name, projectId, hits);
    if (hits[0] !== undefined) return hits[0];

    const delay = delays[round];
    if (delay === undefined) return undefined;
    if (clock.now() + delay >= opts.deadlineMs) {
      throw new ApiError({
        kind: "deadline",
        operation: "resolve",
        message:
          `the run's deadline came before the new endpoint named "${name}" appeared in project ` +
          `${projectId} (listed ${round + 1} times, next wait ${formatSeconds(delay)})`,
      });
    }
    await clock.sleep(delay, signal);
  }
}
