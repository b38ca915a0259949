// Every example workflow, and the README's usage, runs each job that deploys or deletes an endpoint
// in a `concurrency:` group named after that endpoint, queued rather than cancelled: two runs of
// one name at once would both create it (docs/security.md, "Two runs at once").
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../support/run-action.ts";

interface Concurrency {
  group?: string;
  "cancel-in-progress"?: boolean | string;
}
interface Job {
  concurrency?: Concurrency;
  steps?: Array<{ uses?: string; with?: Record<string, unknown> }>;
}
interface Workflow {
  concurrency?: Concurrency;
  jobs?: Record<string, Job>;
}

const sources: Array<[string, Workflow]> = [
  ...readdirSync(join(repoRoot, "examples"))
    .filter((f) => f.endsWith(".yml"))
    .map((f): [string, Workflow] => [
      `examples/${f}`,
      parse(readFileSync(join(repoRoot, "examples", f), "utf8")) as Workflow,
    ]),
  [
    "README.md usage",
    parse(
      /^```yaml\n([\s\S]*?)^```/m.exec(readFileSync(join(repoRoot, "README.md"), "utf8"))?.[1] ?? "",
    ) as Workflow,
  ],
];

const endpointJobs = sources.flatMap(([file, wf]) =>
  Object.entries(wf.jobs ?? {})
    .filter(([, job]) =>
      (job.steps ?? []).some(
        (s) => s.uses?.startsWith("friendli-deploy-action/deploy") && s.with?.operation !== "sweep",
      ),
    )
    .map(([name, job]) => ({
      where: `${file}: job ${name}`,
      concurrency: job.concurrency ?? wf.concurrency,
    })),
);

it("finds the jobs that act on an endpoint (the check below is not vacuous)", () => {
  expect(endpointJobs.length).toBeGreaterThanOrEqual(7);
});

it.each(endpointJobs)("$where: a queued concurrency group per endpoint name", ({ concurrency }) => {
  expect(concurrency?.group).toMatch(/^friendli-endpoint-/);
  expect(String(concurrency?.["cancel-in-progress"])).toBe("false");
});
