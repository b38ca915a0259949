// The built bundle (dist/index.js) with `rollback-on-failure: true` and a smoke test: an update whose
// smoke test fails one of its checks (no reply within its window, `smoke-test-expect`,
// `smoke-test-max-ttft-ms`) is rolled back to the ledger's last good settings, and the summary and
// the PR comment name the check and what was put back; a create has nothing to roll back to; the
// cap and the ledger's trust hold as for a FAILED rollout; without a smoke test there is no gate.
// Each runs as the runner runs it, against the simulator and the loopback fake GitHub.
import { afterEach, describe, expect, it } from "vitest";
import { markerFor } from "../../src/report/pr-comment.ts";
import type { ActionRun } from "../support/run-action.ts";
import {
  REVISION as GOOD,
  MODEL,
  OTHER_REVISION,
  recordedSettings as recorded,
  useLedgerWorld,
} from "../support/use-ledger-world.ts";

const TOKEN = "flp_distHealthGateToken0123456789ab";
const GITHUB_TOKEN = "ghs_distHealthGateGithubToken012345";
const NEW = OTHER_REVISION;
const B200X8 = "drbc6G9FxJWZ";

const { sim, gh, ...world } = useLedgerWorld({ token: TOKEN, githubToken: GITHUB_TOKEN });
afterEach(() => {
  sim.clearFaults();
  sim.setTtftMs(0);
});

/** An endpoint serving GOOD, with the ledger's record of `settings` (by default GOOD on 1x H100, 0–1 replicas: $5.00/h at most); returns its id. */
const serving = (name: string, settings = recorded()): string => world.servingRecorded(name, settings);

/** A deploy of NEW on 1x H100 with 0–2 replicas ($10.00/h at most), a smoke test and the gate. */
function deploy(name: string, inputs: Record<string, string> = {}, pr = false): Promise<ActionRun> {
  return world.run(
    {
      name,
      "hf-model-repo": MODEL,
      "hf-model-revision": NEW,
      gpu: "1x H100",
      "max-replicas": "2",
      "smoke-test": "true",
      "rollback-on-failure": "true",
      "pr-comment": String(pr),
      ...inputs,
    },
    pr,
  );
}

const putsTo = (id: string) => world.putsTo(id).map((b) => b.hfModelRepoRevision);

const PUT_BACK =
  /so the settings of GitHub deployment \d+ \(meta-llama\/Llama-3\.1-8B-Instruct@0e9e39f249a16976918f6564b8830bc894c89659 · 1x H100 · replicas 0–1\) were put back, and the endpoint serves them again\./;

describe("an update whose smoke test fails a check is rolled back", () => {
  it.each<[check: string, arrange: () => void, inputs: Record<string, string>, said: RegExp, why: RegExp]>([
    [
      "no reply within its window",
      // Every inference answers 503 as a warming engine does, until the run's deadline.
      () => sim.inject({ route: "chat", times: 1000, fault: { kind: "status", status: 503 } }),
      { "wait-timeout": "8s" },
      /the smoke test got no usable reply within its window/,
      /smoke test failed: .*(deadline|warm-up window)/,
    ],
    [
      "smoke-test-expect",
      () => {},
      { "smoke-test-expect": "Goodbye" },
      /the smoke test's reply did not contain (`|&#96;)smoke-test-expect(`|&#96;)/,
      /smoke test failed: the reply does not contain the smoke-test-expect text ("|&quot;)Goodbye/,
    ],
    [
      "smoke-test-max-ttft-ms",
      () => sim.setTtftMs(400),
      { "smoke-test-max-ttft-ms": "100" },
      /the smoke test's time to first token missed (`|&#96;)smoke-test-max-ttft-ms(`|&#96;)/,
      /smoke test failed: the first token came after \d+ ms, over smoke-test-max-ttft-ms \(100 ms\)/,
    ],
  ])("%s", async (check, arrange, inputs, said, why) => {
    const name = `gate-${check.replace(/\W+/g, "-")}`;
    const id = serving(name);
    arrange();
    const r = await deploy(name, inputs, true);
    try {
      expect(r.code).toBe(1);
      expect(r.outputs.result).toBe("rolled-back");
      // The new version went out, then the recorded one came back; it serves.
      expect(putsTo(id)).toEqual([NEW, GOOD]);
      expect(sim.endpoints().find((e) => e.id === id)?.status).toBe("RUNNING");
      expect(r.outputs.status).toBe("RUNNING");
      // What runs now is 0–1 replicas of 1x H100, not the 0–2 asked for.
      expect(r.outputs["hourly-cost-usd"]).toBe("5.00");
      expect(r.stdout).toMatch(
        /::warning::The update of endpoint \S+ failed its smoke test \(smoke test failed/,
      );
      const comment = gh.commentsOn(17).find((c) => c.body.startsWith(markerFor(name)))?.body ?? "";
      for (const text of [r.summary, comment]) {
        expect(text).toMatch(said);
        expect(text).toMatch(PUT_BACK);
        expect(text).toMatch(why);
      }
      expect(r.summary).toContain("Update failed, previous version restored");
      expect(comment).toContain("failed; the previous version serves again");
      // The ledger: the recorded success, this run's failure, the rollback as a success of its own.
      const states = gh.deployments.deployments.map((d) => d.statuses.map((s) => s.state));
      expect(states.slice(-2)).toEqual([
        ["in_progress", "failure"],
        ["in_progress", "success"],
      ]);
    } finally {
      r.cleanup();
    }
  });
});

describe("where the gate does not roll back", () => {
  it("a create whose smoke test fails ends failed, with nothing rolled back", async () => {
    const name = "gate-create";
    const r = await deploy(name, { "smoke-test-expect": "Goodbye" });
    try {
      expect(r.code).toBe(1);
      expect(r.outputs.result).toBe("failed");
      const [ep] = sim.endpoints().filter((e) => e.name === name);
      expect(ep?.status).toBe("RUNNING");
      expect(putsTo(ep?.id ?? "")).toEqual([]);
      expect(r.summary).toMatch(/smoke test failed: the reply does not contain the smoke-test-expect text/);
      expect(r.summary).not.toMatch(/put back|roll/i);
    } finally {
      r.cleanup();
    }
  });

  it("without smoke-test there is no gate: the update stands", async () => {
    const name = "gate-no-smoke";
    const id = serving(name);
    const r = await deploy(name, { "smoke-test": "false", "smoke-test-expect": "Goodbye" });
    try {
      expect(r.code).toBe(0);
      expect(r.outputs.result).toBe("updated");
      expect(putsTo(id)).toEqual([NEW]);
      expect(r.stdout).toContain("is read only with `smoke-test: true`; ignored");
    } finally {
      r.cleanup();
    }
  });

  it("a recorded 8x B200 x 10 above max-hourly-cost is not sent: the run fails as it is", async () => {
    const name = "gate-over-cap";
    const id = serving(
      name,
      recorded((s) => {
        s.gpu = { instanceOptionId: B200X8, label: "8x B200" };
        s.autoscaling.maxReplicas = 10;
      }),
    );
    const r = await deploy(name, { "smoke-test-expect": "Goodbye", "max-hourly-cost": "20" });
    try {
      expect(r.code).toBe(1);
      expect(r.outputs.result).toBe("failed");
      expect(putsTo(id)).toEqual([NEW]);
      expect(r.summary).toMatch(
        /The update of endpoint \S+ failed its smoke test, and the rollback to the settings of GitHub deployment \d+ was not sent: they cost .*\$720\.00\/h/,
      );
      expect(r.outputs["hourly-cost-usd"]).toBe("10.00");
    } finally {
      r.cleanup();
    }
  });

  it("the action's own record of another model is not a target: the run fails as it is", async () => {
    const name = "gate-other-model";
    const id = serving(
      name,
      recorded((s) => (s.model.repo = "evil-org/backdoor")),
    );
    const r = await deploy(name, { "smoke-test-expect": "Goodbye" });
    try {
      expect(r.outputs.result).toBe("failed");
      expect(putsTo(id)).toEqual([NEW]);
    } finally {
      r.cleanup();
    }
  });
});
