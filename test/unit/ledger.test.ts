import { describe, expect, it } from "vitest";
import type { CreateEndpointBody } from "../../src/friendli/schemas.ts";
import {
  buildPayload,
  type DeploymentSettings,
  decideIfUnchanged,
  environmentName,
  type LedgerEntry,
  type LedgerView,
  parsePayload,
  rememberedEndpointId,
  rollbackTarget,
  sameSettings,
} from "../../src/ledger/ledger.ts";
import { isOwnRecord, trustedState } from "../../src/ledger/trust.ts";
import { createBody, requestedSettings, updateBody } from "../../src/plan/request-bodies.ts";
import { deployInputs } from "./helpers.ts";

const REV_A = "0e9e39f249a16976918f6564b8830bc894c89659";
const REV_B = "1111111111111111111111111111111111111111";

const BODY: CreateEndpointBody = {
  projectId: "proj-1",
  name: "models-pr-17",
  instanceOptionId: "TwD5AqnBSVN0",
  hfModelRepo: "meta-llama/Llama-3.1-8B-Instruct",
  hfModelRepoRevision: REV_A,
  autoscalingPolicy: { minReplica: 0, maxReplica: 2, cooldownPeriod: 300 },
  advanced: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false, max_batch_size: 64 },
  initialVersionComment: "Deployed by acme/models@f1d2d2f",
};
const GIVEN = {
  name: "models-pr-17",
  "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
  "hf-model-revision": REV_A,
  "max-replicas": "2",
  "max-batch-size": "64",
  "version-comment": "Deployed by acme/models@f1d2d2f",
};
const INPUTS = deployInputs(GIVEN);
const SETTINGS = requestedSettings(INPUTS);
const ENDPOINT = { id: "ep8d3kx0q2", name: "models-pr-17", projectId: "proj-1" };

function entry(
  id: number,
  state: LedgerEntry["state"],
  settings = SETTINGS,
  endpoint = ENDPOINT,
): LedgerEntry {
  return {
    deploymentId: id,
    createdAt: "2026-11-01T00:00:00Z",
    state,
    payload: buildPayload(endpoint, settings),
  };
}

function withSettings(change: (s: DeploymentSettings) => void): DeploymentSettings {
  const copy = structuredClone(SETTINGS);
  change(copy);
  return copy;
}

describe("isOwnRecord: a deployment record the action may take as its own", () => {
  const rows: Array<[why: string, record: Parameters<typeof isOwnRecord>[0], own: boolean]> = [
    [
      "by the token's identity, in this environment",
      { creator: { login: "github-actions[bot]" }, environment: "friendli/llama" },
      true,
    ],
    [
      "logins compare case-insensitively",
      { creator: { login: "GitHub-Actions[bot]" }, environment: "friendli/llama" },
      true,
    ],
    ["by someone else", { creator: { login: "mallory" }, environment: "friendli/llama" }, false],
    ["by a look-alike login", { creator: { login: "github-actions" }, environment: "friendli/llama" }, false],
    [
      "in another environment",
      { creator: { login: "github-actions[bot]" }, environment: "friendli/other" },
      false,
    ],
    ["in no environment", { creator: { login: "github-actions[bot]" } }, false],
    ["with no creator", { creator: null, environment: "friendli/llama" }, false],
    [
      "with a creator whose login is not text",
      { creator: { login: 42 }, environment: "friendli/llama" },
      false,
    ],
  ];
  it.each(rows)("%s", (_why, record, own) => {
    expect(isOwnRecord(record, "github-actions[bot]", "friendli/llama")).toBe(own);
  });
  it("an unknown identity trusts nothing", () => {
    expect(isOwnRecord({ creator: { login: "" }, environment: "friendli/llama" }, "", "friendli/llama")).toBe(
      false,
    );
  });
});

describe("trustedState: what a record's statuses say, another identity's taking trust away only", () => {
  const BOT = "github-actions[bot]";
  // Statuses newest first, as GitHub lists them: `state` by us, `state@who` by someone else.
  const rows: Array<[why: string, statuses: string[], state: string | undefined, served: boolean]> = [
    ["our success", ["success", "in_progress"], "success", true],
    ["our inactive right after our success", ["inactive", "success"], "inactive", true],
    ["our failure", ["failure", "in_progress"], "failure", false],
    ["no status at all", [], undefined, false],
    [
      "another's success over our failure does not make it serve",
      ["success@mallory", "failure"],
      "failure",
      false,
    ],
    ["another's success over our unfinished run", ["success@mallory", "in_progress"], "in_progress", false],
    ["another's success over nothing of ours", ["success@mallory"], undefined, false],
    [
      "another's success, then GitHub's inactive",
      ["inactive@mallory", "success@mallory", "failure"],
      "inactive",
      false,
    ],
    ["another's failure over our success takes it away", ["failure@mallory", "success"], "failure", false],
    ["another's error over our success takes it away", ["error@mallory", "success"], "error", false],
    [
      "another's inactive right after our success (GitHub's auto_inactive)",
      ["inactive@mallory", "success"],
      "inactive",
      true,
    ],
    [
      "another's pending states are skipped",
      ["queued@mallory", "pending@mallory", "success"],
      "success",
      true,
    ],
    ["our login in another letter case", ["success@GitHub-Actions[bot]"], "success", true],
    ["a state GitHub does not have is skipped", ["deployed", "failure"], "failure", false],
  ];
  it.each(rows)("%s", (_why, statuses, state, served) => {
    const listed = statuses.map((s) => {
      const [st = "", who = BOT] = s.split("@");
      return { state: st, creator: { login: who } };
    });
    expect(trustedState(listed, BOT)).toEqual(state ? { state, served } : { served });
  });
  it("a status without a creator, or an unknown identity, gives no trust", () => {
    expect(trustedState([{ state: "success", creator: null }], BOT)).toEqual({ served: false });
    expect(trustedState([{ state: "success", creator: { login: "" } }], "")).toEqual({ served: false });
  });
});

describe("environmentName", () => {
  it.each([
    [undefined, "friendli/models-pr-17"],
    ["", "friendli/models-pr-17"],
    ["  ", "friendli/models-pr-17"],
    ["production", "production"],
    [" staging ", "staging"],
  ])("input %j gives %s", (input, expected) => {
    expect(environmentName(input, "models-pr-17")).toBe(expected);
  });
});

describe("requestedSettings and updateBody", () => {
  it("records model, revision, GPU option and label, autoscaling and engine settings", () => {
    expect(SETTINGS).toEqual({
      model: { repo: "meta-llama/Llama-3.1-8B-Instruct", revision: REV_A },
      gpu: { instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" },
      autoscaling: { minReplicas: 0, maxReplicas: 2, cooldownSeconds: 300 },
      engine: {
        tokenizer_skip_special_tokens: false,
        tokenizer_add_special_tokens: false,
        max_batch_size: 64,
      },
    });
  });

  it("puts recorded settings back as the PUT the update would have sent", () => {
    const { projectId: _p, name: _n, initialVersionComment: _c, ...settings } = BODY;
    expect(createBody(INPUTS)).toEqual(BODY);
    expect(updateBody(SETTINGS, "rollback")).toEqual({ ...settings, newVersionComment: "rollback" });
  });

  it("leaves the revision out when none was pinned", () => {
    const s = requestedSettings(deployInputs({ ...GIVEN, "hf-model-revision": "" }));
    expect(s.model).toEqual({ repo: BODY.hfModelRepo });
    expect(updateBody(s, "c")).not.toHaveProperty("hfModelRepoRevision");
  });
});

describe("parsePayload", () => {
  const good = buildPayload(ENDPOINT, SETTINGS);
  // biome-ignore lint/suspicious/noExplicitAny: the test bends the payload into shapes its type forbids
  type Loose = any;
  const mutate = (change: (p: Loose) => void) => {
    const copy: Loose = structuredClone(good);
    change(copy);
    return copy;
  };

  it("reads back what buildPayload wrote, as an object or as JSON text", () => {
    expect(parsePayload(good)).toEqual(good);
    expect(parsePayload(JSON.stringify(good))).toEqual(good);
  });

  it("keeps an entry without an endpoint id (a create whose id was never found)", () => {
    const p = buildPayload({ name: ENDPOINT.name, projectId: ENDPOINT.projectId }, SETTINGS);
    expect(parsePayload(p)?.endpoint).toEqual({ name: ENDPOINT.name, projectId: ENDPOINT.projectId });
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["an empty object (GitHub's default payload)", {}],
    ["garbage text", "{not json"],
    ["another tool's payload", { deploy: "migrate" }],
    ["a later version", mutate((p) => (p.version = 2))],
    ["another schema", mutate((p) => (p.schema = "someone-else"))],
    ["an id with a line break", mutate((p) => (p.endpoint.id = "ep1\n::error::x"))],
    ["an id that is a path", mutate((p) => (p.endpoint.id = "../../admin"))],
    ["an id of dots", mutate((p) => (p.endpoint.id = ".."))],
    ["a name with markup", mutate((p) => (p.endpoint.name = "<img src=x onerror=alert(1)>"))],
    ["a name with a slash", mutate((p) => (p.endpoint.name = "a/b"))],
    ["a model that is a URL", mutate((p) => (p.settings.model.repo = "https://evil.example/x"))],
    ["a short revision", mutate((p) => (p.settings.model.revision = "0e9e39f"))],
    ["a label with a backtick", mutate((p) => (p.settings.gpu.label = "1x `H100`"))],
    ["11 replicas", mutate((p) => (p.settings.autoscaling.maxReplicas = 11))],
    ["a fractional cooldown", mutate((p) => (p.settings.autoscaling.cooldownSeconds = 1.5))],
    [
      "a string where a boolean belongs",
      mutate((p) => (p.settings.engine.tokenizer_add_special_tokens = "true")),
    ],
    ["settings missing", mutate((p) => delete p.settings)],
    ["huge text", "x".repeat(30_000)],
  ])("ignores %s", (_what, raw) => {
    expect(parsePayload(raw)).toBeUndefined();
  });

  it("drops fields it does not know rather than passing them on", () => {
    const parsed = parsePayload(mutate((p) => (p.extra = { html: "<script>" })));
    expect(parsed).toBeDefined();
    expect(parsed).not.toHaveProperty("extra");
  });
});

describe("sameSettings", () => {
  it.each<[string, DeploymentSettings, boolean]>([
    ["identical", structuredClone(SETTINGS), true],
    ["another label for the same option", withSettings((s) => (s.gpu.label = "H100")), true],
    ["another revision", withSettings((s) => (s.model.revision = REV_B)), false],
    ["no revision against one", withSettings((s) => delete s.model.revision), false],
    ["another repo", withSettings((s) => (s.model.repo = "org/other")), false],
    ["another GPU option", withSettings((s) => (s.gpu.instanceOptionId = "zfTutSiLn0Hq")), false],
    ["another min", withSettings((s) => (s.autoscaling.minReplicas = 1)), false],
    ["another max", withSettings((s) => (s.autoscaling.maxReplicas = 3)), false],
    ["another cooldown", withSettings((s) => (s.autoscaling.cooldownSeconds = 60)), false],
    ["another engine value", withSettings((s) => (s.engine.max_batch_size = 32)), false],
    ["an engine key unset", withSettings((s) => delete s.engine.max_batch_size), false],
    [
      "an engine key set to what may be the default",
      withSettings((s) => (s.engine.enable_content_logging = false)),
      false,
    ],
  ])("%s: %s", (_what, requested, expected) => {
    expect(sameSettings(SETTINGS, requested)).toBe(expected);
  });
});

describe("decideIfUnchanged", () => {
  const requested = { name: ENDPOINT.name, projectId: ENDPOINT.projectId, settings: SETTINGS };
  const running = { id: ENDPOINT.id, status: "RUNNING" };
  const ok = entry(10, "success");
  const view = (v: LedgerView) => v;

  it.each<[string, Parameters<typeof decideIfUnchanged>[0], "skip" | "update"]>([
    [
      "same settings, RUNNING",
      { mode: "skip", requested, ledger: { latest: ok, lastSuccess: ok }, endpoint: running },
      "skip",
    ],
    [
      "READY counts as serving",
      {
        mode: "skip",
        requested,
        ledger: { latest: ok, lastSuccess: ok },
        endpoint: { ...running, status: "ready" },
      },
      "skip",
    ],
    [
      "SLEEPING with min 0",
      {
        mode: "skip",
        requested,
        ledger: { latest: ok, lastSuccess: ok },
        endpoint: { ...running, status: "SLEEPING", minReplicas: 0 },
      },
      "skip",
    ],
    [
      "SLEEPING though its min is 1",
      {
        mode: "skip",
        requested,
        ledger: { latest: ok, lastSuccess: ok },
        endpoint: { ...running, status: "SLEEPING", minReplicas: 1 },
      },
      "update",
    ],
    [
      "FAILED",
      {
        mode: "skip",
        requested,
        ledger: { latest: ok, lastSuccess: ok },
        endpoint: { ...running, status: "FAILED" },
      },
      "update",
    ],
    [
      "UPDATING",
      {
        mode: "skip",
        requested,
        ledger: { latest: ok, lastSuccess: ok },
        endpoint: { ...running, status: "UPDATING" },
      },
      "update",
    ],
    [
      "if-unchanged: update",
      { mode: "update", requested, ledger: { latest: ok, lastSuccess: ok }, endpoint: running },
      "update",
    ],
    ["no history", { mode: "skip", requested, ledger: {}, endpoint: running }, "update"],
    [
      "a later failed attempt",
      {
        mode: "skip",
        requested,
        ledger: view({
          latest: entry(
            11,
            "failure",
            withSettings((s) => (s.model.revision = REV_B)),
          ),
          lastSuccess: ok,
        }),
        endpoint: running,
      },
      "update",
    ],
    [
      "a later unfinished attempt",
      {
        mode: "skip",
        requested,
        ledger: { latest: entry(11, "in_progress"), lastSuccess: ok },
        endpoint: running,
      },
      "update",
    ],
    [
      "other settings recorded",
      {
        mode: "skip",
        requested,
        ledger: view({
          latest: entry(
            10,
            "success",
            withSettings((s) => (s.autoscaling.maxReplicas = 1)),
          ),
          lastSuccess: entry(
            10,
            "success",
            withSettings((s) => (s.autoscaling.maxReplicas = 1)),
          ),
        }),
        endpoint: running,
      },
      "update",
    ],
    [
      "another endpoint id recorded (recreated since)",
      {
        mode: "skip",
        requested,
        ledger: { latest: ok, lastSuccess: ok },
        endpoint: { ...running, id: "epNEW" },
      },
      "update",
    ],
    [
      "another project requested",
      {
        mode: "skip",
        requested: { ...requested, projectId: "proj-2" },
        ledger: { latest: ok, lastSuccess: ok },
        endpoint: running,
      },
      "update",
    ],
    [
      "no pinned revision",
      {
        mode: "skip",
        requested: { ...requested, settings: withSettings((s) => delete s.model.revision) },
        ledger: view({
          latest: entry(
            10,
            "success",
            withSettings((s) => delete s.model.revision),
          ),
          lastSuccess: entry(
            10,
            "success",
            withSettings((s) => delete s.model.revision),
          ),
        }),
        endpoint: running,
      },
      "update",
    ],
    [
      "the GPU GET shows differs from the recorded one (drift)",
      { mode: "skip", requested, ledger: { latest: ok, lastSuccess: ok }, endpoint: running, drift: ["gpu"] },
      "update",
    ],
    [
      "the replicas GET shows differ (drift)",
      {
        mode: "skip",
        requested,
        ledger: { latest: ok, lastSuccess: ok },
        endpoint: running,
        drift: ["autoscalingPolicy.minReplica", "autoscalingPolicy.maxReplica"],
      },
      "update",
    ],
    [
      "GET shows nothing that differs",
      { mode: "skip", requested, ledger: { latest: ok, lastSuccess: ok }, endpoint: running, drift: [] },
      "skip",
    ],
  ])("%s: %s", (_what, input, expected) => {
    const decision = decideIfUnchanged(input);
    expect(decision.action).toBe(expected);
    if (decision.action === "update") expect(decision.reason).not.toBe("");
  });
});

describe("rollbackTarget", () => {
  const failedSettings = withSettings((s) => (s.model.revision = REV_B));
  const failed = {
    endpointId: ENDPOINT.id,
    name: ENDPOINT.name,
    projectId: ENDPOINT.projectId,
    settings: failedSettings,
  };
  const good = entry(10, "success");

  it.each<[string, LedgerView, typeof failed, number | undefined]>([
    ["the last success, which differs", { latest: good, lastSuccess: good }, failed, 10],
    ["nothing succeeded before", { latest: entry(9, "failure") }, failed, undefined],
    [
      "the last success is what failed now",
      { lastSuccess: entry(10, "success", failedSettings) },
      failed,
      undefined,
    ],
    [
      "recorded for another name",
      { lastSuccess: entry(10, "success", SETTINGS, { ...ENDPOINT, name: "x" }) },
      failed,
      undefined,
    ],
    [
      "recorded for another project",
      { lastSuccess: entry(10, "success", SETTINGS, { ...ENDPOINT, projectId: "p2" }) },
      failed,
      undefined,
    ],
    [
      "recorded without an id",
      {
        lastSuccess: entry(10, "success", SETTINGS, {
          name: ENDPOINT.name,
          projectId: ENDPOINT.projectId,
        } as typeof ENDPOINT),
      },
      failed,
      undefined,
    ],
    [
      "recorded for another endpoint id of the same name",
      { lastSuccess: entry(10, "success", SETTINGS, { ...ENDPOINT, id: "epOTHER" }) },
      failed,
      undefined,
    ],
    [
      "recorded another model repository",
      {
        lastSuccess: entry(
          10,
          "success",
          withSettings((s) => (s.model.repo = "evil/model")),
        ),
      },
      failed,
      undefined,
    ],
    [
      "another GPU and replica count of the same model",
      {
        lastSuccess: entry(
          10,
          "success",
          withSettings((s) => {
            s.gpu = { instanceOptionId: "B200x8", label: "8x B200" };
            s.autoscaling.maxReplicas = 10;
          }),
        ),
      },
      failed,
      10,
    ],
  ])("%s", (_what, ledger, input, expected) => {
    expect(rollbackTarget(ledger, input)?.deploymentId).toBe(expected);
  });
});

describe("rememberedEndpointId", () => {
  const noId = { name: ENDPOINT.name, projectId: ENDPOINT.projectId } as typeof ENDPOINT;
  it.each<[string, LedgerView, string | undefined]>([
    [
      "the newest entry's id",
      {
        latest: entry(11, "failure", SETTINGS, { ...ENDPOINT, id: "epNEW" }),
        lastSuccess: entry(10, "success"),
      },
      "epNEW",
    ],
    [
      "the success's id when the newest has none",
      { latest: entry(11, "in_progress", SETTINGS, noId), lastSuccess: entry(10, "success") },
      ENDPOINT.id,
    ],
    ["nothing recorded", {}, undefined],
    [
      "recorded for another name",
      { latest: entry(10, "success", SETTINGS, { ...ENDPOINT, name: "other" }) },
      undefined,
    ],
    [
      "recorded for another project",
      { latest: entry(10, "success", SETTINGS, { ...ENDPOINT, projectId: "p2" }) },
      undefined,
    ],
  ])("%s", (_what, ledger, expected) => {
    expect(rememberedEndpointId(ledger, ENDPOINT.name, ENDPOINT.projectId)).toBe(expected);
  });
});
