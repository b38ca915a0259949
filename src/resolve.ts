// Finding the id of the endpoint this run has just created. The create response carries no id
// and the list carries no names, so the new endpoint is the listed id that was not there before
// whose spec carries the name (src/lookup.ts reads the specs).
import type { Clock } from "./clock.ts";
import { mapLimit } from "./concurrency.ts";
import { formatDuration } from "./format.ts";
import type { FriendliClient } from "./friendli/client.ts";
import { ApiError } from "./friendli/errors.ts";
import { abortable, DuplicateNameError, matches, type SpecCache, specOf } from "./lookup.ts";
import { LAG_DELAYS_MS, REQUESTS_IN_FLIGHT } from "./timing.ts";

interface ResolveCreatedOptions {
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

  const delays = opts.lagDelaysMs ?? LAG_DELAYS_MS.lookup;
  const createdAt = opts.createdAt ?? undefined;
  for (let round = 0; ; round++) {
    signal?.throwIfAborted();
    const listed = await client.listAll(projectId);
    const fresh = listed.filter((e) => !opts.knownBefore.has(e.id));
    // Same createdAt first: with concurrent creates in the project it is almost surely ours, so its
    // spec is read first. Every fresh entry is still read (a second one of the name is a duplicate):
    // the order decides no result, only which GET goes out first and how a duplicate's ids are listed.
    fresh.sort((a, b) => Number(b.status.createdAt === createdAt) - Number(a.status.createdAt === createdAt));
    const specs = await mapLimit(
      fresh,
      opts.concurrency ?? REQUESTS_IN_FLIGHT,
      (e) => specOf(client, cache, e.id),
      signal,
    );
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
          `${projectId} (listed ${round + 1} times, next wait ${formatDuration(delay, { tenths: true })})`,
      });
    }
    await clock.sleep(delay, signal);
  }
}
