// Finding what this run's create made, for the create step, delete-on-failure and the post step.
// The create answer carries no id and the list no names: each round lists the name (./lookup.ts)
// and judges it (./created-claim.ts), and lists again while the listing may lag behind the create.
import { askAgain } from "../base/backoff.ts";
import type { Clock } from "../base/clock.ts";
import { formatDuration } from "../base/format.ts";
import { CREATED_LAG_DELAYS_MS } from "../base/timing.ts";
import type { FriendliClient } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import { type CreateFacts, type CreationVerdict, judgeCreation, settled } from "./created-claim.ts";
import { findByName, type NamedEndpoint, type SpecCache } from "./lookup.ts";

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
  /** Waits between listings while the list lags behind the create. */
  lagDelaysMs?: readonly number[];
  /** Told before each wait (the post step logs it). */
  onWait?: (delayMs: number) => void;
}

export interface FoundCreated {
  verdict: CreationVerdict;
  /** Every endpoint of the name in the last listing. */
  named: NamedEndpoint[];
}

/**
 * Lists the name until the verdict is settled or the waits run out; returns the last verdict
 * (`none` after every wait: nothing of the name appeared). Throws ApiError "deadline" when the
 * deadline comes before the next listing, and "aborted" when the run is cancelled.
 */
export async function findCreated(client: FriendliClient, opts: FindCreatedOptions): Promise<FoundCreated> {
  const { projectId, name, clock, signal, facts } = opts;
  const delays = opts.lagDelaysMs ?? CREATED_LAG_DELAYS_MS;
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
      const delay = delays[n - 1];
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
