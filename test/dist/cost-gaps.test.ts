// The built bundle (dist/index.js) where money cannot be right: a cost report that brings days
// outside the window, a cursor that leads back, amounts no endpoint could have cost; a spec whose
// replicas are outside the API's range; a rollback above `max-hourly-cost`; a price of 0. Each runs
// as the runner runs it, against the simulator and the loopback fake GitHub.
import { afterEach, describe, expect, it } from "vitest";
import type { DeploymentSettings } from "../../src/ledger/ledger.ts";
import type { ActionRun } from "../support/run-action.ts";
import {
  BAD_REVISION,
  BAD_REVISION_FAILS,
  MODEL,
  PROJECT,
  REVISION,
  recordedSettings,
  useLedgerWorld,
} from "../support/use-ledger-world.ts";

const TOKEN = "flp_distCostGapsToken0123456789abc";
const GITHUB_TOKEN = "ghs_distCostGapsGithubToken01234567";
const H100 = { 1: "TwD5AqnBSVN0", 2: "zfTutSiLn0Hq" } as const;
const B200X8 = "drbc6G9FxJWZ";
const HOUR = 3_600_000;

const { sim, gh, run, ...world } = useLedgerWorld({
  token: TOKEN,
  githubToken: GITHUB_TOKEN,
  scenario: { failures: BAD_REVISION_FAILS },
});
afterEach(() => sim.costQuirk(null));

/** A RUNNING endpoint made an hour ago: one replica of 1x H100 billed since, $5.00 by now. */
function seedHourOld(name: string, policy = { minReplica: 1, maxReplica: 1, cooldownPeriod: 300 }) {
  return sim.seed({
    name,
    projectId: PROJECT,
    status: "RUNNING",
    createdAt: Date.now() - HOUR,
    hfModelRepo: MODEL,
    hfModelRepoRevision: REVISION,
    instanceOptionId: H100[1],
    autoscalingPolicy: policy,
  });
}

const status = (name: string) => run({ operation: "status", name, "github-deployment": "false" });

/** Everything a run printed or handed on. */
const printed = (r: ActionRun, ...more: string[]) =>
  [r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs), ...more].join("\n");

describe("the cost so far: the window's days, each once, and only what could have been billed", () => {
  it("ignores buckets outside the window asked for", async () => {
    seedHourOld("gaps-outside");
    sim.costQuirk("outside-window");
    const r = await status("gaps-outside");
    try {
      expect(r.code).toBe(0);
      // The two $100.00 days the report added around the window are not this endpoint's cost.
      expect(r.summary).toMatch(
        /\| Cost so far \| \$5\.0\d since \d{4}-\d\d-\d\d \(Friendli's cost report\) \|/,
      );
    } finally {
      r.cleanup();
    }
  });

  it("reads a page once when the cursor leads back to it, and stops following it", async () => {
    seedHourOld("gaps-cycle");
    sim.costQuirk("cycling-cursor");
    const before = sim.requests.length;
    const r = await status("gaps-cycle");
    try {
      expect(r.code).toBe(0);
      expect(r.summary).toMatch(/\| Cost so far \| \$5\.0\d since /);
      // The first page, then its cursor once (the same days again): a cursor seen before ends the paging.
      expect(sim.requests.slice(before).filter((q) => q.route === "cost")).toHaveLength(2);
    } finally {
      r.cleanup();
    }
  });

  it("1,000 line items of $999,999.99 on an endpoint an hour old: unreadable, in the summary and the PR comment, never printed", async () => {
    seedHourOld("gaps-absurd");
    sim.costQuirk("absurd-amounts");
    const r = await run(
      {
        name: "gaps-absurd",
        "hf-model-repo": MODEL,
        gpu: "1x H100",
        "if-exists": "reuse",
        "pr-comment": "true",
      },
      true,
    );
    try {
      expect(r.code).toBe(0);
      expect(r.outputs.result).toBe("reused");
      const comment = gh.commentsOn(17).at(-1)?.body ?? "";
      expect(r.summary).toMatch(
        /\| Cost so far \| unreadable: Friendli's cost report gives more than the endpoint could have cost since \d{4}-\d\d-\d\d \|/,
      );
      expect(comment).toContain("Its cost so far is unreadable: Friendli's cost report gives more than");
      expect(printed(r, comment)).not.toMatch(/9999/);
    } finally {
      r.cleanup();
    }
  });
});

describe("an estimate from a spec outside the API's range", () => {
  it.each([
    ["max replicas 1e308", "gaps-huge", { minReplica: 0, maxReplica: 1e308, cooldownPeriod: 300 }],
    ["negative replicas", "gaps-negative", { minReplica: -3, maxReplica: -2, cooldownPeriod: 300 }],
  ])("%s: no estimate, no Infinity and no negative cost", async (_what, name, policy) => {
    seedHourOld(name, policy);
    const r = await status(name);
    try {
      expect(r.code).toBe(0);
      expect(r.outputs["hourly-cost-usd"]).toBe("");
      expect(JSON.parse(r.outputs.json ?? "{}")["hourly-cost-usd"]).toBeNull();
      expect(r.summary).not.toContain("Cost per hour");
      expect(printed(r)).not.toMatch(/Infinity|-\$|\$-|"hourly-cost-usd":-/);
    } finally {
      r.cleanup();
    }
  });
});

describe("max-hourly-cost holds for the rollback", () => {
  /** An endpoint serving `recorded` (as the action's own last success says), updated to a revision that fails. */
  async function failedUpdate(name: string, recorded: DeploymentSettings, more: Record<string, string>) {
    const id = world.servingRecorded(name, recorded);
    const r = await run({
      name,
      "hf-model-repo": MODEL,
      "hf-model-revision": BAD_REVISION,
      gpu: "1x H100",
      "rollback-on-failure": "true",
      "max-hourly-cost": "10",
      ...more,
    });
    return { r, puts: world.putsTo(id) };
  }

  const recorded = (instanceOptionId: string, label: string, maxReplicas: number): DeploymentSettings =>
    recordedSettings((s) => {
      s.gpu = { instanceOptionId, label };
      s.autoscaling.maxReplicas = maxReplicas;
    });

  it("a recorded 8x B200 x 10 replicas ($720.00/h) above a $10 cap is not sent, and the run says so", async () => {
    const { r, puts } = await failedUpdate("gaps-rollback-over", recorded(B200X8, "8x B200", 10), {});
    try {
      expect(r.code).toBe(1);
      expect(r.outputs.result).toBe("failed");
      // The update ($5.00/h) went out; the rollback did not.
      expect(puts.map((b) => b.hfModelRepoRevision)).toEqual([BAD_REVISION]);
      const said =
        /the rollback to the settings of GitHub deployment \d+ was not sent: they cost 0 when idle to \$720\.00\/h: 8x B200 per replica, 0 to 10 replicas, at the B200 list price of \$9\.00 per GPU-hour \(2026-10-01\), above (`|&#96;)max-hourly-cost(`|&#96;) \$10\.00/;
      expect(r.stdout.split("\n").find((l) => l.startsWith("::warning::") && said.test(l))).toBeDefined();
      expect(r.summary).toMatch(said);
    } finally {
      r.cleanup();
    }
  });

  it("after a rollback under the cap, hourly-cost-usd and the summary describe what runs now", async () => {
    // The request: 1x H100 x 1 ($5.00/h); what the rollback puts back: 2x H100 x 1 ($10.00/h).
    const { r, puts } = await failedUpdate("gaps-rollback-under", recorded(H100[2], "2x H100", 1), {});
    try {
      expect(r.outputs.result).toBe("rolled-back");
      expect(puts.map((b) => b.hfModelRepoRevision)).toEqual([BAD_REVISION, REVISION]);
      expect(r.outputs["hourly-cost-usd"]).toBe("10.00");
      expect(JSON.parse(r.outputs.json ?? "{}")["hourly-cost-usd"]).toBe(10);
      expect(r.summary).toContain(
        "| Cost per hour (estimate) | 0 when idle to $10.00/h at the H100 list price of $5.00 per GPU-hour (2026-10-01) |",
      );
    } finally {
      r.cleanup();
    }
  });
});

describe("gpu-hourly-price 0", () => {
  it("is refused before anything is sent: it would make every estimate $0.00/h and switch the cap off", async () => {
    const before = sim.requests.length;
    const r = await run({
      name: "gaps-free",
      "hf-model-repo": MODEL,
      "hf-model-revision": REVISION,
      gpu: "8x B200",
      "max-replicas": "10",
      "gpu-hourly-price": "0",
      "max-hourly-cost": "10",
      "github-deployment": "false",
    });
    try {
      expect(r.code).toBe(1);
      const error = r.stdout.split("\n").find((l) => l.startsWith("::error::")) ?? "";
      expect(error).toContain(
        "`gpu-hourly-price` must be at least 0.01: below it an estimate can be $0.00/h, which `max-hourly-cost` never refuses (got 0)",
      );
      expect(sim.requests.slice(before)).toEqual([]);
      expect(sim.endpoints().filter((e) => e.name === "gaps-free")).toEqual([]);
    } finally {
      r.cleanup();
    }
  });
});
