// The benchmark's budgets in one place: scripts/bench.ts and scripts/bench-polling.ts check their
// figures against them, and `npm run docs` writes them into the README's Performance section.
export const BUDGETS = {
  /** Time to notice RUNNING, median and worst, for every engine phase of 10 s or more. */
  noticeMedianS: 3,
  noticeWorstS: 6.5,
  /** Any FAILED status noticed within this. */
  failureNoticeS: 15,
  /** Status requests per minute of waiting, all runs of a lifecycle together. */
  requestsPerMinuteReference: 6,
  requestsPerMinuteFast: 7,
  /** A name lookup in a project of 500 endpoints at 50 ms per request. */
  lookup500S: 4,
  /** Start to the first request, as a multiple of a bare `node -e 0`. */
  startupRatio: 7,
  /** dist/ as ncc writes it, not minified (a reviewer reads it as code), with its maps. */
  distMB: 6.5,
  /** Peak resident memory of a whole deploy (pre-flight and smoke test included). 110, not 100: for
   * a moment V8 compiles undici's WebAssembly HTTP parser again, optimized. */
  peakRssMiB: 110,
} as const;
