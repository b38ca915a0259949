process.setSourceMapsEnabled(true);
const { main } = await import("./bundle/index.js");
await main();
