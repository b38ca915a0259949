// Two checks, both in CI. `knip` finds unused files, dependencies and exports (an export that only
// its own file uses counts as unused). `knip --production` follows only what src/steps.ts (the
// bundle's one module) reaches, so it finds code in src/ that only tests or scripts use; there an
// export its own file uses is fine (pure functions are exported for their table tests).
const production = process.argv.includes("--production");

export default {
  entry: ["src/steps.ts!", "scripts/*.ts", "test/**/*.test.ts", "test/hostile/peak-rss.mjs"],
  project: ["src/**/*.ts!", "scripts/**/*.ts", "test/**/*.{ts,mjs}"],
  ignoreExportsUsedInFile: production,
  // Run by path, not imported: scripts/build.ts runs node_modules/.bin/ncc, scripts/local.ts runs
  // @github/local-action's CLI.
  ignoreDependencies: ["@vercel/ncc", "@github/local-action"],
};
