if (process.env.RUNNER_DEBUG === "1") process.setSourceMapsEnabled(true);
const { main } = await import("./bundle/index.js");
await main();
