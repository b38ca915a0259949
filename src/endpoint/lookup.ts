// Finding an endpoint that already exists: by id when the workflow gives one, else by name in the
// project. The list carries no names and the create response carries no id, so a name lookup is:
// list the project, then GET each candidate's spec. src/endpoint/resolve.ts uses the same pieces to find the
// id of an endpoint this run has just created.
import { mapLimit } from "../base/concurrency.ts";
import { REQUESTS_IN_FLIGHT } from "../base/timing.ts";
import type { FriendliClient } from "../friendli/client.ts";
import { ApiError, abortedError } from "../friendli/errors.ts";
import type { EndpointSpec, EndpointStatus } from "../friendli/schemas.ts";
import { confirmRememberedEndpoint } from "./confirm.ts";

/** An endpoint that exists. A name lookup knows both parts; a lookup by id only the one it read. */
export interface FoundEndpoint {
  id: string;
  status?: EndpointStatus;
  spec?: EndpointSpec;
}

/** What a name lookup returns: the listing gave the status, a GET the spec. */
export type NamedEndpoint = Required<FoundEndpoint>;

/**
 * Spec by endpoint id, kept for one run: names do not change under us for the run's purpose. A
 * caller that looks up more than once (deploy: the lookup, the resolution after each create, the
 * last look after failed creates) passes one cache to every call, so no endpoint is read twice.
 */
export type SpecCache = Map<string, EndpointSpec>;

/** Two or more endpoints carry the requested name: the action must not guess which to use. */
export class DuplicateNameError extends Error {
  // No `name` of its own: the error formatter prefixes any name other than "Error", and the user
  // should read the message, not "DuplicateNameError: ...".
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
export function expectAtMostOne<T extends FoundEndpoint>(
  found: T[],
  endpointName: string,
  projectId: string,
): T | undefined {
  if (found.length > 1)
    throw new DuplicateNameError(
      endpointName,
      projectId,
      found.map((f) => f.id),
    );
  return found[0];
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

/** A name, or a test of the name (the sweep's: a preview of this repository). */
type NameMatch = string | ((name: string) => boolean);

function matches(spec: EndpointSpec | undefined, projectId: string, name: NameMatch): spec is EndpointSpec {
  if (spec === undefined || spec.projectId !== projectId) return false;
  return typeof name === "string" ? spec.name === name : name(spec.name);
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

interface FindOptions {
  /** GETs in flight at once. */
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
  return abortable("lookup", opts.signal, async () => {
    const listed = await client.listAll(projectId);
    for (const e of listed) opts.listed?.add(e.id);
    const specs = await mapLimit(
      listed,
      opts.concurrency ?? REQUESTS_IN_FLIGHT,
      (e) => specOf(client, cache, e.id),
      opts.signal,
    );
    const found: NamedEndpoint[] = [];
    listed.forEach((e, i) => {
      const spec = specs[i];
      if (matches(spec, projectId, name)) found.push({ id: e.id, status: e.status, spec });
    });
    return found;
  });
}

/** Who to look for: the inputs' endpoint-id, else the name in the project. */
interface LookupTarget {
  projectId: string;
  name: string;
  endpointId?: string;
}

export interface LookupOptions {
  signal?: AbortSignal;
  /** Filled with every id of the project's listing (the ids that are not a new endpoint). */
  listed?: Set<string>;
  /**
   * The run will change or delete what it finds: an endpoint-id is checked against project-id
   * first, so a mistyped or copied id cannot touch another project's endpoint.
   */
  forWrite?: boolean;
  /** The run's spec cache, when it looks names up again later (see SpecCache). */
  cache?: SpecCache;
  /**
   * An id the deployment ledger remembers for this name: confirmed by one GET (name and project
   * match), it spares the listing; `readStatus` adds the status read a name lookup gets from it.
   */
  remembered?: { id: string; readStatus: boolean; onMiss?: (reason: string) => void };
}

/** An endpoint-id that names an endpoint of another project: the run refuses to change it. */
class ForeignEndpointError extends Error {
  constructor(id: string, spec: EndpointSpec, projectId: string) {
    super(
      `endpoint-id ${id} is "${spec.name}" in project ${spec.projectId}, not in project-id ` +
        `${projectId}: refusing to change it (check endpoint-id and project-id)`,
    );
  }
}

/**
 * The endpoint this run should act on, or undefined when there is none. Two of one name:
 * DuplicateNameError. By id for a write: ForeignEndpointError when it is in another project.
 */
export async function lookupEndpoint(
  client: FriendliClient,
  target: LookupTarget,
  options: LookupOptions = {},
): Promise<FoundEndpoint | undefined> {
  const id = target.endpointId;
  if (id) {
    try {
      if (!options.forWrite) return { id, status: await client.status(id) };
      const spec = await client.get(id);
      if (spec.projectId !== target.projectId) throw new ForeignEndpointError(id, spec, target.projectId);
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
  const found = await findByName(client, target.projectId, target.name, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.listed ? { listed: options.listed } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
  });
  return expectAtMostOne(found, target.name, target.projectId);
}
