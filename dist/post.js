if (process.env.RUNNER_DEBUG === "1") process.setSourceMapsEnabled(true);
const { post } = await import("./bundle/index.js");
await post();
