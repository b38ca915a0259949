// Writes into the docs what the code or a run decides, so that no page can drift from it:
// - the README's input and output tables, from action.yml;
// - every figure between `<!-- fig:NAME -->` and `<!-- /fig -->` in README.md and docs/*.md, from
//   the constant or the run FIGURES names. The runs (the polling replay of scripts/bench-polling.ts,
//   the ledger's request counts of scripts/ledger-requests.ts) are seeded and on a virtual clock:
//   the same figures on every machine, in seconds;
// - action.yml, which GitHub shows as it is and so carries no markers: each description named in
//   ACTION_YML must contain its figures as rendered here.
// `--check` fails, naming each page and figure that drifted, instead of writing; `--root DIR` reads
// and writes the pages of another copy (the test's).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { MIN_SECRET_FRAGMENT } from "../src/base/redact.ts";
import * as T from "../src/base/timing.ts";
import { capRefusal, estimateHourlyCost, rangeText } from "../src/cost/estimate.ts";
import { LIST_PRICES, PRICE_SOURCE } from "../src/cost/prices.ts";
import {
  CEILING_SLACK,
  costCeiling,
  MAX_COST_DAYS,
  MAX_COST_PAGES,
  MAX_LINE_ITEM_USD,
} from "../src/cost/report.ts";
import { GPU_MODELS, GPU_OPTIONS, optionMemoryBytes } from "../src/friendli/gpus.ts";
import { MAX_REPLICAS } from "../src/friendli/schemas.ts";
import { MIN_GPU_HOURLY_PRICE } from "../src/inputs/fields.ts";
import { HASH_LENGTH, MAX_PR_DIGITS, MAX_PREVIEW_NAME_LENGTH } from "../src/inputs/preview-names.ts";
import { DEFAULT_MAX_EXAMINED, STATUSES_READ } from "../src/ledger/deployments.ts";
import { SCANNED } from "../src/ledger/sweep.ts";
import { FIT_FAIL_RATIO, FIT_WARN_RATIO } from "../src/preflight/decide.ts";
import { MAX_REDIRECTS } from "../src/preflight/hub-fetch.ts";
import { BUDGETS } from "./budgets.ts";

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (text: string) => text.replace(/\s+/g, " ").trim().replaceAll("|", "\\|");

export function renderTables(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionYaml;
  const inputs = [
    "| input | required | default | description |",
    "| --- | --- | --- | --- |",
    ...Object.entries(action.inputs).map(
      ([name, i]) =>
        `| \`${name}\` | ${i.required ? "yes" : "no"} | ${i.default === undefined ? "" : `\`${cell(i.default)}\``} | ${cell(i.description)} |`,
    ),
  ].join("\n");
  const outputs = [
    "| output | description |",
    "| --- | --- |",
    ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
  ].join("\n");
  return { inputs, outputs };
}

export function updateReadme(readme: string, tables: { inputs: string; outputs: string }): string {
  let out = readme;
  for (const [key, table] of Object.entries(tables)) {
    const start = `<!-- ${key}:start (generated from action.yml by npm run docs) -->`;
    const end = `<!-- ${key}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} ... ${end}`);
    out = `${out.slice(0, from + start.length)}\n${table}\n${out.slice(to)}`;
  }
  return out;
}

// The figures, and what they are made of.
const s = (ms: number) => `${Math.round(ms / 100) / 10} s`;
const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;
const table = (rows: string[][]) =>
  [rows[0] ?? [], (rows[0] ?? []).map(() => "---"), ...rows.slice(1)]
    .map((r) => `| ${r.join(" | ")} |`)
    .join("\n");

/** A script's `--json` output, run once per process; a missed budget (exit 1) still prints it. */
const runs = new Map<string, unknown>();
function run<R>(script: string): R {
  if (!runs.has(script)) {
    const child = spawnSync(process.execPath, [join(import.meta.dirname, script), "--json"], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    });
    if (!child.stdout.trim()) throw new Error(`${script} printed nothing: ${child.stderr}`);
    runs.set(script, JSON.parse(child.stdout));
  }
  return runs.get(script) as R;
}

interface Replay {
  rows: Array<{ policy: string; lifecycle: string; medianNoticeS: number; requestsPerMin: number }>;
  checks: Array<{ budget: string; value: string; pass: boolean }>;
}
const replay = () => run<Replay>("bench-polling.ts");
function reference(policy: string) {
  const row = replay().rows.find((r) => r.policy === policy && r.lifecycle.startsWith("reference"));
  if (!row) throw new Error(`the replay has no row of ${policy} on the reference lifecycle`);
  return row;
}

type Deploy = { requests: number; beforeWait: number; result: string; seq: string };
type Second = { size: number; ledger: boolean; first: Deploy; second: Deploy };
const ledger = () => run<{ measured: Second[] }>("ledger-requests.ts").measured;
const seconds = (on: boolean) => ledger().filter((m) => m.ledger === on);

const price = (usd: number) => usd.toFixed(2);
const prices = (byGpu: Readonly<Record<string, number>>) =>
  Object.entries(byGpu)
    .map(([gpu, usd]) => `${gpu} ${price(usd)}`)
    .join(", ");
const dollars = (usd: number) =>
  `$${usd.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const option = (gpu: string, count: number) =>
  GPU_OPTIONS.find((o) => o.gpu === gpu && o.count === count) ?? { instanceOptionId: "", label: "" };
const estimate = (o: { instanceOptionId: string }, maxReplicas: number) =>
  estimateHourlyCost({ instanceOptionId: o.instanceOptionId, minReplicas: 0, maxReplicas });
const atMost = (o: { instanceOptionId: string }) => estimate(o, MAX_REPLICAS);
/** The dearest option at the API's most replicas: what the cost report's ceiling is made of. */
const dearest = () =>
  GPU_OPTIONS.reduce((a, b) => ((atMost(b)?.maxUsd ?? 0) > (atMost(a)?.maxUsd ?? 0) ? b : a));

const FIGURES: Record<string, () => string> = {
  "quiet-poll": () => s(T.QUIET_MS),
  "engine-poll": () => `${s(T.ENGINE_MS)} ±${pct(T.ENGINE_JITTER)}`,
  "engine-first-gap": () => `${T.MIN_ENGINE_GAP_MS / 1000}-${s(T.ENGINE_MS * (1 + T.ENGINE_JITTER))}`,
  "final-poll-margin": () => s(T.FINAL_POLL_MARGIN_MS),
  heartbeat: () => s(T.HEARTBEAT_MS),
  "in-flight": () => String(T.REQUESTS_IN_FLIGHT),
  "created-lag": () => s(T.CREATED_LAG_DELAYS_MS.reduce((a, b) => a + b, 0)),
  "create-grace": () => s(T.CREATE_ANSWER_GRACE_MS),
  "max-wait": () => `${T.MAX_WAIT_TIMEOUT_MS / 3_600_000}h`,
  "gpu-fallback-after": () => `${T.GPU_FALLBACK_AFTER_MS / 60_000}m`,
  "hub-attempts": () => String(T.HUB_ATTEMPTS),
  "hub-attempt-timeout": () => s(T.HUB_ATTEMPT_TIMEOUT_MS),
  "hub-backoff": () => `${s(T.HUB_RETRY_BACKOFF.baseMs)} to ${s(T.HUB_RETRY_BACKOFF.capMs)}`,
  "preflight-budget": () => s(T.PREFLIGHT_BUDGET_MS),
  "max-redirects": () => String(MAX_REDIRECTS),
  "fit-fail": () => pct(FIT_FAIL_RATIO),
  "fit-warn": () => pct(FIT_WARN_RATIO),
  "gpu-memory": () =>
    GPU_MODELS.map(
      (m) =>
        `${m.split(" ")[0]} ${(optionMemoryBytes(option(m, 1).instanceOptionId) ?? Number.NaN) / 1e9} GB`,
    ).join(", "),
  "preview-name-max": () => String(MAX_PREVIEW_NAME_LENGTH),
  "preview-hash": () => `${HASH_LENGTH}-character`,
  "preview-pr-digits": () => `${MAX_PR_DIGITS} digits`,
  "ledger-call-timeout": () => s(T.LEDGER_CALL_TIMEOUT_MS),
  "ledger-max-examined": () => String(DEFAULT_MAX_EXAMINED),
  "ledger-statuses-read": () => String(STATUSES_READ),
  "min-secret-fragment": () => String(MIN_SECRET_FRAGMENT),
  "cost-budget": () => s(T.COST_REPORT_BUDGET_MS),
  "cost-days": () => String(MAX_COST_DAYS),
  "max-line-item": () => `$${MAX_LINE_ITEM_USD.toLocaleString("en-US")}`,
  "prices-effective": () => PRICE_SOURCE.effective,
  "prices-before": () => prices(PRICE_SOURCE.before),
  "prices-inline": () => `${prices(LIST_PRICES)}, from ${PRICE_SOURCE.effective}`,
  "list-prices": () =>
    table([
      ["GPU", "USD per GPU-hour"],
      ...Object.entries(LIST_PRICES).map(([gpu, usd]) => [gpu, price(usd)]),
    ]),
  "cap-example": () => {
    const text = capRefusal(estimate(option("H100", 2), 3), 20) ?? "(no refusal)";
    return (text.match(/.{1,96}(?= |$)/g) ?? []).map((line) => `    ${line.trim()}`).join("\n");
  },
  "min-gpu-price": () => String(MIN_GPU_HOURLY_PRICE),
  "max-replicas": () => String(MAX_REPLICAS),
  "cost-days-back": () => String(MAX_COST_DAYS - 1),
  "cost-pages": () => String(MAX_COST_PAGES),
  "dearest-hourly": () =>
    `${dearest().label} at ${MAX_REPLICAS} replicas (${dollars(atMost(dearest())?.maxUsd ?? Number.NaN)}/h at list prices)`,
  "dearest-range": () => {
    const cost = atMost(dearest());
    return cost ? rangeText(cost) : "(no estimate)";
  },
  "ceiling-slack": () => `plus ${CEILING_SLACK.hours} h`,
  "ceiling-factor": () => `times ${CEILING_SLACK.factor}`,
  "h100-raise": () => `H100 by ${pct((LIST_PRICES.H100 ?? 0) / PRICE_SOURCE.before.H100 - 1)}`,
  "ceiling-one-hour": () => dollars(costCeiling(3_600_000, 0)),
  "sweep-settle": () => s(T.SWEEP_SETTLE_MS),
  "sweep-settle-backoff": () =>
    `below ${s(T.SWEEP_SETTLE_BACKOFF.baseMs)}, doubling up to ${s(T.SWEEP_SETTLE_BACKOFF.capMs)}`,
  "sweep-scanned": () => String(SCANNED),
  "budget-lookup": () => `${BUDGETS.lookup500S} s`,
  "budget-startup": () => `${BUDGETS.startupRatio}x`,
  "budget-dist": () => `${BUDGETS.distMB} MB`,
  "budget-memory": () => `${BUDGETS.peakRssMiB} MiB`,
  "notice-reference": () => `${reference("ours").medianNoticeS.toFixed(1)} s`,
  "requests-reference": () => `${reference("ours").requestsPerMin.toFixed(1)}`,
  "requests-fixed-5s": () => `${reference("fixed 5 s").requestsPerMin.toFixed(0)}`,
  "requests-aws": () => `${reference("AWS 15-120 s").requestsPerMin.toFixed(1)}`,
  "notice-aws": () => `${reference("AWS 15-120 s").medianNoticeS.toFixed(0)} s`,
  "polling-table": () =>
    table([
      ["budget (the replay, 1000 runs per lifecycle)", "figure"],
      ...replay().checks.map((c) => [
        c.budget.replaceAll("<=", "≤"),
        `${c.pass ? "PASS" : "FAIL"}: ${c.value}`,
      ]),
    ]),
  "ledger-second": () =>
    `${[...new Set(seconds(true).map((m) => m.second.requests))].join(" or ")} Friendli requests in a project of ` +
    `${seconds(true)
      .map((m) => m.size)
      .join(" or ")} endpoints (without the ledger: ${seconds(false)
      .map((m) => m.second.requests)
      .join(" and ")})`,
  "ledger-table": () =>
    table([
      [
        "endpoints in the project",
        "first deploy",
        "second deploy, same settings, without the ledger",
        "with it",
      ],
      ...seconds(true).map((on) => {
        const off = seconds(false).find((m) => m.size === on.size) ?? on;
        return [
          String(on.size),
          `${on.first.requests} (${on.first.beforeWait} before the wait)`,
          `${off.second.requests} (\`${off.second.result}\`)`,
          `${on.second.requests} (\`${on.second.result}\`: ${on.second.seq})`,
        ];
      }),
    ]),
};

/** The figures action.yml's descriptions state, by input: each must appear there as rendered. */
const ACTION_YML: Record<string, string[]> = {
  name: ["preview-name-max", "preview-hash", "preview-pr-digits"],
  preflight: ["fit-fail", "fit-warn"],
  "wait-timeout": ["max-wait"],
  "gpu-fallback-after": ["max-wait", "gpu-fallback-after"],
  "gpu-hourly-price": ["prices-inline"],
};

const MARKED = /<!-- fig:([a-z0-9-]+) -->([\s\S]*?)<!-- \/fig -->/g;

/** The value of a figure, or an error for a name FIGURES does not know. */
export function figure(name: string): string {
  const make = FIGURES[name];
  if (!make) throw new Error(`fig:${name} is no figure the generator knows`);
  return make();
}

/** The page with every marked figure as `value` gives it, and the figures that differed. */
export function fillFigures(page: string, value: (name: string) => string = figure) {
  const drift: string[] = [];
  const text = page.replace(MARKED, (_, name: string, was: string) => {
    if (was.includes("<!-- fig:")) throw new Error(`fig:${name} is not closed by <!-- /fig -->`);
    const v = value(name);
    const now = v.includes("\n") ? `\n${v}\n` : v;
    if (now !== was)
      drift.push(`fig:${name}: the page says ${JSON.stringify(was.trim())}, the code ${JSON.stringify(v)}`);
    return `<!-- fig:${name} -->${now}<!-- /fig -->`;
  });
  return { text, drift };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf("--root");
  const root = at > 0 ? (process.argv[at + 1] ?? ".") : new URL("../", import.meta.url).pathname;
  const check = process.argv.includes("--check");
  const problems: string[] = [];
  const actionYml = readFileSync(join(root, "action.yml"), "utf8");
  const pages = ["README.md", ...readdirSync(join(root, "docs")).map((f) => `docs/${f}`)].filter((p) =>
    p.endsWith(".md"),
  );
  for (const page of pages) {
    const current = readFileSync(join(root, page), "utf8");
    const tabled = page === "README.md" ? updateReadme(current, renderTables(actionYml)) : current;
    if (tabled !== current) problems.push(`${page}: the inputs/outputs tables differ from action.yml`);
    const { text, drift } = fillFigures(tabled, figure);
    problems.push(...drift.map((d) => `${page}: ${d}`));
    if (!check && text !== current) writeFileSync(join(root, page), text);
  }
  // GitHub shows action.yml as it is: a figure there is checked, never written.
  const inputs = (parse(actionYml) as ActionYaml).inputs;
  const byHand = Object.entries(ACTION_YML).flatMap(([input, names]) =>
    names
      .filter((name) => !inputs[input]?.description.includes(figure(name)))
      .map(
        (name) => `action.yml: the description of ${input} lacks fig:${name} ${JSON.stringify(figure(name))}`,
      ),
  );
  for (const p of [...problems, ...byHand]) console.error(p);
  if (byHand.length > 0 || (check && problems.length > 0)) {
    console.error(check ? "the docs differ from the code: run `npm run docs`" : "edit action.yml by hand");
    process.exit(1);
  }
  console.log(check ? "the docs match action.yml and the code" : `docs written (${problems.length} changes)`);
}
