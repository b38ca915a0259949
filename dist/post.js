process.setSourceMapsEnabled(true);
const { post } = await import("./bundle/index.js");
await post();
