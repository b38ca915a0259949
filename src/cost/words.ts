// The cost in the reports' words: the job summary's rows, the PR comment's sentence, the sweep's
// cells. Every figure is a number the action computed (the estimate) or parsed and summed itself
// (the cost report's amounts, src/cost/report.ts): no text from the report reaches these lines.
import { type HourlyCost, priceText, rangeText, usd } from "./estimate.ts";
import type { CostToDate } from "./report.ts";

export interface RunCost {
  hourly?: HourlyCost;
  /** `gpu` with several choices: the kept ones' estimates at max replicas, lowest and highest. */
  choices?: { minUsd: number; maxUsd: number };
  toDate?: CostToDate;
}

/** "$3.20 since 2026-11-18": what the cost report says so far; a sum it could not have cost is unreadable. */
function toDateText(c: CostToDate): string {
  const since = c.clipped ? `in the last ${c.days} days (since ${c.since})` : `since ${c.since}`;
  return c.usd === undefined
    ? `unreadable: Friendli's cost report gives more than the endpoint could have cost ${since}`
    : `${usd(c.usd)} ${since}`;
}

/** The job summary's rows: the estimate with its price, then the cost so far. */
export function costRows(cost: RunCost | undefined): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (cost?.hourly)
    rows.push(["Cost per hour (estimate)", `${rangeText(cost.hourly)} at ${priceText(cost.hourly)}`]);
  const c = cost?.choices;
  if (c)
    rows.push([
      "Over the GPU choices",
      `${usd(c.minUsd)} to ${usd(c.maxUsd)}/h at max replicas, before the run`,
    ]);
  const read = cost?.toDate?.usd === undefined ? "" : " (Friendli's cost report)";
  if (cost?.toDate) rows.push(["Cost so far", `${toDateText(cost.toDate)}${read}`]);
  return rows;
}

/** The PR comment's sentence: "This preview costs up to $5.00/h while awake …". */
export function costSentence(cost: RunCost | undefined): string | undefined {
  const parts: string[] = [];
  const h = cost?.hourly;
  if (h) {
    parts.push(
      h.minReplicas === 0
        ? `This preview costs up to ${usd(h.maxUsd)}/h while awake and nothing while it sleeps.`
        : h.minReplicas === h.maxReplicas
          ? `This preview costs ${usd(h.maxUsd)}/h, asleep or awake (\`min-replicas: ${h.minReplicas}\`).`
          : `This preview costs ${usd(h.minUsd)} to ${usd(h.maxUsd)}/h, and ${usd(h.minUsd)}/h even when idle (\`min-replicas: ${h.minReplicas}\`).`,
    );
  }
  if (cost?.toDate)
    parts.push(
      cost.toDate.usd === undefined
        ? `Its cost so far is ${toDateText(cost.toDate)}.`
        : `So far it has cost ${toDateText(cost.toDate)}.`,
    );
  return parts.length > 0 ? `💵 ${parts.join(" ")}` : undefined;
}
