// Preloaded into the action's process (NODE_OPTIONS=--import) by scripts/hostile-memory.ts: prints
// the process's peak resident set size when it exits, so the script measures the built action
// unchanged.
process.on("exit", () => {
  process.stderr.write(`\npeak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
