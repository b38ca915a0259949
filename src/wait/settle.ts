// The update-settle rule. Friendli does not say how soon an update shows as UPDATING, so right after
// a PUT a RUNNING may still be the old version. It counts as the new one once another status was
// seen, or once its updatedAt is not older than the PUT, or once the settle time has passed.
import { CLOCK_SKEW_MS } from "../base/timing.ts";

interface SettleFacts {
  /** The wait saw a status other than success since it started. */
  sawOtherStatus: boolean;
  msSinceStart: number;
  /** How long a stale RUNNING may be doubted (0: not after an update). */
  settleMs: number;
  /** The answer's updatedAt, as the API sent it. */
  updatedAt: string | null | undefined;
  /** Clock time the PUT was sent. */
  updateSentAtMs: number;
}

/** True when a successful status may still be the version from before the update. */
export function mayBeOldVersion(f: SettleFacts): boolean {
  if (f.sawOtherStatus || f.msSinceStart >= f.settleMs) return false;
  const updatedAt = f.updatedAt ? Date.parse(f.updatedAt) : Number.NaN;
  // A few seconds' allowance for the server's clock running behind ours.
  return !(updatedAt >= f.updateSentAtMs - CLOCK_SKEW_MS);
}
