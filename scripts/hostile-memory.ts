// Peak memory and wall time of the built action (dist/index.js, a child process as the runner runs
// it) against the hostile server's resource attacks: huge bodies, bodies nested thousands deep,
// listings of 100,000 endpoints. Prints one row per case and exits 1 when a case used more than
// the 300 MiB budget, did not end by itself before its deadline, or ended with another result than
// the one expected (the honest status is reused; every attack fails the run). A script, not a
// test: memory and time depend on the machine.
//
//   npm run build && node scripts/hostile-memory.ts
import { type Handler, nested, startHostile } from "../test/hostile/server.ts";
import { runAction } from "../test/support/run-action.ts";

const BUDGET_MIB = 300;
const TOKEN = "flp_hostile_memory_0123456789";
const preload = new URL("../test/hostile/peak-rss.mjs", import.meta.url).pathname;

const pages: Handler = (req) => {
  const page = Number(req.query.get("cursor") ?? "0");
  const data = Object.fromEntries(
    Array.from({ length: 100 }, (_, i) => [`dep${page * 100 + i}`, { status: "RUNNING" }]),
  );
  return { body: { data, nextCursor: page < 999 ? String(page + 1) : null } };
};
const onePage = Object.fromEntries(
  Array.from({ length: 100_000 }, (_, i) => [`dep${i}`, { status: "RUNNING" }]),
);

const CASES: Array<{
  name: string;
  byName?: boolean;
  route: "status" | "list";
  handler: Handler;
  expect?: "reused";
}> = [
  { name: "baseline: an honest status", route: "status", handler: () => undefined, expect: "reused" },
  {
    name: "status body of 1 GiB, streamed",
    route: "status",
    handler: () => ({ stream: { chunk: Buffer.alloc(1024 * 1024, 0x20), totalBytes: 1024 ** 3 } }),
  },
  {
    name: "error body nested 20,000 deep",
    route: "status",
    handler: () => ({ status: 500, body: `{"detail":${nested(20_000)}}` }),
  },
  {
    name: "2xx body nested 30,000 deep",
    route: "status",
    handler: () => ({ body: `{"status":"RUNNING","x":${nested(30_000)}}` }),
  },
  {
    name: "one listing page of 100,000 endpoints",
    byName: true,
    route: "list",
    handler: () => ({ body: { data: onePage, nextCursor: null } }),
  },
  { name: "100,000 endpoints in 1,000 pages", byName: true, route: "list", handler: pages },
];

let over = false;
console.log("| case | result | peak RSS | wall | requests |\n| --- | --- | --- | --- | --- |");
for (const c of CASES) {
  const api = await startHostile();
  api.override[c.route] = c.handler;
  const run = await runAction({
    inputs: {
      "friendli-token": TOKEN,
      "project-id": "demo-project",
      operation: "status",
      wait: "false",
      "wait-timeout": "2m",
      "pr-comment": "false",
      "api-url": api.url,
      ...(c.byName ? { name: "hostile-endpoint" } : { "endpoint-id": "depabc" }),
    },
    env: { NODE_OPTIONS: `--import=${preload}` },
    timeoutMs: 150_000,
  });
  await api.close();
  const kb = Number(/peak-rss-kb=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  const mib = kb / 1024;
  const expected = c.expect ?? "failed";
  const resultOk = run.outputs.result === expected && run.code === (expected === "failed" ? 1 : 0);
  if (!(mib <= BUDGET_MIB) || run.signal !== null || !resultOk) over = true;
  console.log(
    `| ${c.name} | ${run.outputs.result ?? "?"} (exit ${run.code ?? run.signal})${resultOk ? "" : `, expected ${expected}`} | ${mib.toFixed(0)} MiB | ` +
      `${(run.wallMs / 1000).toFixed(2)} s | ${api.requests.length} |`,
  );
  run.cleanup();
}
process.exit(over ? 1 : 0);
