import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { ScenarioInput } from "./scenario.ts";
import { startSimulator } from "./server.ts";

const USAGE = `usage: node test/simulator/cli.ts [--port 8080] [--host 127.0.0.1] [--scenario FILE.json]
                                  [--time-scale 0.5] [--latency-ms 50] [--seed 1]
                                  [--ttft-ms 300] [--hub-down fail|hang]
                                  [--cost-report ok|forbidden|slow]
  --time-scale  multiplies every simulated duration (0.1 = ten times faster than the scenario says)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function number(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n < min)
    fail(`--${name} must be a number >= ${min} (got ${raw})`);
  return n;
}

const args = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        scenario: { type: "string" },
        "time-scale": { type: "string" },
        "latency-ms": { type: "string" },
        seed: { type: "string" },
        "ttft-ms": { type: "string" },
        "hub-down": { type: "string" },
        "cost-report": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
})();
if (args.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

let scenario: ScenarioInput | undefined;
if (args.values.scenario !== undefined) {
  try {
    scenario = JSON.parse(readFileSync(args.values.scenario, "utf8")) as ScenarioInput;
  } catch (err) {
    fail(`cannot read scenario ${args.values.scenario}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const hubDown = args.values["hub-down"];
if (hubDown !== undefined && hubDown !== "fail" && hubDown !== "hang")
  fail(`--hub-down must be fail or hang (got ${hubDown})`);

const costReport = args.values["cost-report"];
if (costReport !== undefined && costReport !== "ok" && costReport !== "forbidden" && costReport !== "slow")
  fail(`--cost-report must be ok, forbidden or slow (got ${costReport})`);

const sim = await startSimulator({
  costReport: costReport ?? "ok",
  ttftMs: number("ttft-ms", args.values["ttft-ms"], 0),
  hubDown: hubDown ?? null,
  port: number("port", args.values.port, 0),
  host: args.values.host,
  scenario,
  timeScale: number("time-scale", args.values["time-scale"], Number.MIN_VALUE),
  latencyMs: number("latency-ms", args.values["latency-ms"], 0),
  seed: number("seed", args.values.seed, 0),
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`${signal}: stopping the Friendli simulator\n`);
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
// Printed only once the handlers are in place: whoever waits for this line may signal at once.
process.stdout.write(`Friendli simulator listening on ${sim.url}\n`);
