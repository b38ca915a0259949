// The deployments ledger as a sweep uses it (the executor's SweepLedger hook): after a preview is
// deleted, the deployments of its environment that still stand for it are marked inactive, so
// GitHub shows the preview's transient environment as destroyed. The ledger reads one environment
// at a time, so there is one per preview; they share one "off": a token without
// `deployments: write` is warned about once, not once per preview.

import type { SweepLedger } from "../sweep/execute.ts";
import { type LedgerOptions, openLedger } from "./deployments.ts";
import { environmentName } from "./ledger.ts";

/** A SweepLedger that retires deleted previews' deployments. */
export function sweepLedger(opts: Omit<LedgerOptions, "environment">): SweepLedger {
  let off = false;
  return {
    async markInactive(preview) {
      if (off) return;
      // A preview's environment is its name's: the `environment` input names one deploy's, not many.
      const ledger = openLedger({ ...opts, environment: environmentName(undefined, preview.name) });
      await ledger.retire(preview.id, "Preview deleted by the sweep");
      if (!ledger.active) off = true;
    },
  };
}
