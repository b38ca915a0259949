import { MockAgent } from "undici";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/base/clock.ts";
import type { InputName } from "../../src/base/names.ts";
import { createHttp } from "../../src/friendli/http.ts";
import type { RunContext } from "../../src/github/context.ts";
import { parseDuration } from "../../src/inputs/fields.ts";
import {
  DEFAULT_SMOKE_TEST_PROMPT,
  type Inputs,
  ignoredSmokeGates,
  type ParseResult,
  parseInputs,
} from "../../src/inputs/inputs.ts";
import { derivePreviewName, provenance } from "../../src/inputs/preview-names.ts";
import { silentLogger } from "../support/log.ts";

const SHA = "0c5a0ec25e76bd3ab8cb8b1aa9ad60cd0e6aa1ea";
const HEAD_SHA = "f1d2d2f924e986ac86fdf7b36c94bcdf32beec15";
const REVISION = "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678";
const TOKEN = "flp_s3cretT0kenValue";

const push: RunContext = {
  eventName: "push",
  repository: "acme/models",
  sha: SHA,
  serverUrl: "https://github.com",
  runId: "9001",
  runUrl: "https://github.com/acme/models/actions/runs/9001",
  workflow: "Deploy",
  actionRef: "v1",
};
const pr = (fromFork: boolean, eventName = "pull_request"): RunContext => ({
  ...push,
  eventName,
  pullRequest: { number: 17, fromFork, headSha: HEAD_SHA, action: "synchronize" },
});

type Given = Partial<Record<InputName, string>>;
const deploy: Given = {
  "friendli-token": TOKEN,
  "project-id": "proj-1",
  name: "llama-prod",
  "hf-model-repo": "acme/llama-ft",
  gpu: "1x H100",
};

function parse(given: Given, ctx: RunContext = push): ParseResult {
  return parseInputs((name) => given[name] ?? "", ctx);
}
function ok(given: Given, ctx?: RunContext): Inputs {
  const result = parse(given, ctx);
  if (result.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.inputs;
}
function problems(given: Given, ctx?: RunContext) {
  const result = parse(given, ctx);
  if (result.kind !== "invalid") throw new Error(`expected invalid, got ${JSON.stringify(result)}`);
  return result.problems;
}
/** The one problem of an input, given otherwise valid deploy inputs. */
function problemOf(input: InputName, value: string, ctx?: RunContext): string | undefined {
  const result = parse({ ...deploy, [input]: value }, ctx);
  if (result.kind === "ok") return undefined;
  if (result.kind === "skip") throw new Error("unexpected skip");
  expect(result.problems.map((p) => p.input)).toEqual([input]);
  return result.problems[0]?.message;
}

describe("parseInputs: defaults", () => {
  it("fills every default from the minimal deploy inputs", () => {
    expect(ok(deploy)).toEqual({
      operation: "deploy",
      friendliToken: TOKEN,
      teamId: undefined,
      projectId: "proj-1",
      name: "llama-prod",
      endpointId: undefined,
      hfModelRepo: "acme/llama-ft",
      hfModelRevision: undefined,
      preflight: true,
      hfToken: undefined,
      hfEndpoint: "https://huggingface.co",
      gpu: { instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" },
      gpus: [{ instanceOptionId: "TwD5AqnBSVN0", label: "1x H100" }],
      gpuFallbackAfterMs: 10 * 60_000,
      minReplicas: 0,
      maxReplicas: 1,
      cooldownSeconds: 300,
      advanced: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: false },
      versionComment: `Deployed by acme/models@0c5a0ec from https://github.com/acme/models/actions/runs/9001`,
      ifExists: "update",
      wait: true,
      waitTimeoutMs: 30 * 60_000,
      deleteOnFailure: false,
      prComment: true,
      githubToken: "",
      githubDeployment: true,
      environment: undefined,
      ifUnchanged: "skip",
      rollbackOnFailure: false,
      smokeTest: false,
      smokeTestPrompt: DEFAULT_SMOKE_TEST_PROMPT,
      smokeTestExpect: undefined,
      smokeTestMaxTtftMs: undefined,
      apiUrl: "https://api.friendli.ai",
      dryRun: false,
      maxAgeMs: undefined,
      namePrefix: undefined,
      gpuHourlyPrice: undefined,
      maxHourlyCost: undefined,
    } satisfies Inputs);
  });

  it("takes every input when given, trimmed", () => {
    const inputs = ok({
      ...deploy,
      "friendli-token": `  ${TOKEN}\n`,
      "team-id": " team-9 ",
      "endpoint-id": "dep86pjolcjjnv8",
      "hf-model-revision": REVISION,
      preflight: "false",
      "hf-token": " hf_test_token_0123456789 ",
      "hf-endpoint": "https://hub.example.com/mirror/",
      gpu: "8x B200",
      "gpu-fallback-after": "90s",
      "min-replicas": "2",
      "max-replicas": "10",
      "cooldown-seconds": "0",
      "max-batch-size": "256",
      "max-token-count": "8192",
      "max-input-length": "4096",
      "max-context-length": "32768",
      "tokenizer-skip-special-tokens": "TRUE",
      "tokenizer-add-special-tokens": "True",
      "enable-content-logging": "false",
      "version-comment": "release v1.2.0",
      "if-exists": "fail",
      wait: "false",
      "wait-timeout": "1h30m",
      "delete-on-failure": "true",
      "pr-comment": "false",
      "github-token": "ghs_abc",
      "github-deployment": "false",
      environment: " production ",
      "if-unchanged": "update",
      "rollback-on-failure": "true",
      "smoke-test": "true",
      "smoke-test-prompt": "Hi",
      "smoke-test-expect": "hello",
      "smoke-test-max-ttft-ms": "1500",
      "api-url": "http://127.0.0.1:8080/",
      "dry-run": "true",
      "gpu-hourly-price": " 4.25 ",
      "max-hourly-cost": "$120",
    });
    expect(inputs).toEqual({
      operation: "deploy",
      friendliToken: TOKEN,
      teamId: "team-9",
      projectId: "proj-1",
      name: "llama-prod",
      endpointId: "dep86pjolcjjnv8",
      hfModelRepo: "acme/llama-ft",
      hfModelRevision: REVISION.toLowerCase(),
      preflight: false,
      hfToken: "hf_test_token_0123456789",
      hfEndpoint: "https://hub.example.com/mirror",
      gpu: { instanceOptionId: "drbc6G9FxJWZ", label: "8x B200" },
      gpus: [{ instanceOptionId: "drbc6G9FxJWZ", label: "8x B200" }],
      gpuFallbackAfterMs: 90_000,
      minReplicas: 2,
      maxReplicas: 10,
      cooldownSeconds: 0,
      advanced: {
        tokenizer_skip_special_tokens: true,
        tokenizer_add_special_tokens: true,
        max_batch_size: 256,
        max_token_count: 8192,
        max_input_length: 4096,
        max_context_length: 32768,
        enable_content_logging: false,
      },
      versionComment: "release v1.2.0",
      ifExists: "fail",
      wait: false,
      waitTimeoutMs: 5_400_000,
      deleteOnFailure: true,
      prComment: false,
      githubToken: "ghs_abc",
      githubDeployment: false,
      environment: "production",
      ifUnchanged: "update",
      rollbackOnFailure: true,
      smokeTest: true,
      smokeTestPrompt: "Hi",
      smokeTestExpect: "hello",
      smokeTestMaxTtftMs: 1500,
      apiUrl: "http://127.0.0.1:8080",
      dryRun: true,
      maxAgeMs: undefined,
      namePrefix: undefined,
      gpuHourlyPrice: 4.25,
      maxHourlyCost: 120,
    } satisfies Inputs);
  });

  it.each([
    [
      "gpu-hourly-price",
      "5,00",
      "`gpu-hourly-price` must be an amount in US dollars, e.g. 5 or 4.25 (got 5,00)",
    ],
    ["gpu-hourly-price", "-1", "`gpu-hourly-price` must be an amount in US dollars"],
    // A price of 0 would make every estimate $0.00/h, which max-hourly-cost never refuses.
    [
      "gpu-hourly-price",
      "0",
      "`gpu-hourly-price` must be at least 0.01: below it an estimate can be $0.00/h, which `max-hourly-cost` never refuses (got 0)",
    ],
    ["gpu-hourly-price", "$0.0099", "`gpu-hourly-price` must be at least 0.01: below it"],
    ["max-hourly-cost", "1e9", "`max-hourly-cost` must be an amount in US dollars"],
    ["max-hourly-cost", "2000000", "`max-hourly-cost` must be an amount in US dollars"],
    ["max-hourly-cost", "ten", "`max-hourly-cost` must be an amount in US dollars"],
    ["if-unchanged", "always", "`if-unchanged` must be one of skip, update"],
    ["environment", "prod\u0007", "`environment` must not contain control characters"],
    ["environment", "e".repeat(256), "`environment` must be at most 255 characters"],
    ["github-deployment", "yes", "`github-deployment` must be true or false"],
    ["rollback-on-failure", "1", "`rollback-on-failure` must be true or false"],
  ])("refuses %s: %j", (input, value, message) => {
    const found = problems({ ...deploy, [input]: value });
    expect(found).toHaveLength(1);
    expect(found[0]?.input).toBe(input);
    expect(found[0]?.message).toContain(message);
  });

  it.each(["status", "delete", "sweep"])(
    "refuses max-hourly-cost on operation %s rather than ignore it",
    (operation) => {
      const found = problems({
        ...deploy,
        operation,
        "max-hourly-cost": "5",
        "github-token": "ghs_abc",
        name: "",
      });
      expect(found.filter((p) => p.input === "max-hourly-cost").map((p) => p.message)).toEqual([
        `\`max-hourly-cost\` is only read by \`operation: deploy\`: remove it from this \`operation: ${operation}\` step`,
      ]);
    },
  );

  it("omits unset advanced keys, so the API applies its own defaults", () => {
    const { advanced } = ok({ ...deploy, "max-token-count": "4096" });
    expect(advanced).toStrictEqual({
      tokenizer_skip_special_tokens: false,
      tokenizer_add_special_tokens: false,
      max_token_count: 4096,
    });
  });
});

describe("parseInputs: every problem at once", () => {
  it("reports five bad inputs in one result, each naming its input, in the interface's order", () => {
    const found = problems({
      ...deploy,
      gpu: "H1000",
      "max-replicas": "11",
      wait: "yes",
      "hf-model-revision": "abc1234",
      "api-url": "http://api.friendli.ai",
    });
    expect(found.map((p) => p.input)).toEqual([
      "hf-model-revision",
      "gpu",
      "max-replicas",
      "wait",
      "api-url",
    ]);
    for (const { input, message } of found) expect(message).toContain(`\`${input}\``);
  });

  it("reports cross-input problems together with field problems", () => {
    const found = problems({
      "friendli-token": TOKEN,
      "min-replicas": "5",
      "max-replicas": "2",
      wait: "nope",
    });
    expect(found).toEqual([
      { input: "project-id", message: expect.stringContaining("`project-id` is required") },
      { input: "name", message: expect.stringContaining("`name` is required outside pull request events") },
      { input: "hf-model-repo", message: expect.stringContaining("`hf-model-repo` is required to deploy") },
      { input: "gpu", message: expect.stringContaining("`gpu` is required to deploy") },
      { input: "min-replicas", message: "`min-replicas` must not be more than `max-replicas` (got 5 > 2)" },
      { input: "wait", message: "`wait` must be true or false (got nope)" },
    ]);
  });

  it("checks min <= max only when both parsed", () => {
    expect(problems({ ...deploy, "min-replicas": "5", "max-replicas": "x" }).map((p) => p.input)).toEqual([
      "max-replicas",
    ]);
  });
});

describe("parseInputs: integers", () => {
  const ranges: Array<[InputName, number, number, string]> = [
    ["min-replicas", 0, 10, "an integer from 0 to 10"],
    ["max-replicas", 1, 10, "an integer from 1 to 10"],
    ["cooldown-seconds", 0, 2_147_483_647, "a whole number, 0 or more"],
    ["max-batch-size", 1, 2_147_483_647, "a positive integer"],
    ["max-token-count", 1, 2_147_483_647, "a positive integer"],
    ["max-input-length", 1, 2_147_483_647, "a positive integer"],
    ["max-context-length", 1, 2_147_483_647, "a positive integer"],
    ["replicas", 1, 10, "an integer from 1 to 10"],
    ["queue-timeout-ms", 1, 2_147_483_647, "a positive integer"],
  ];

  it.each(ranges)("%s accepts its bounds %d and %d", (input, min, max) => {
    for (const n of [min, max]) {
      const given = {
        ...deploy,
        [input]: String(n),
        ...(input === "min-replicas" && { "max-replicas": "10" }),
      };
      expect(parse(given).kind).toBe("ok");
    }
  });

  it.each(
    ranges.flatMap(([input, min, max, rule]) =>
      [
        ...new Set([String(min - 1), "-1"]),
        String(max + 1),
        "1.5",
        "1e1",
        "0x2",
        "+1",
        "01",
        "00",
        "1 0",
        "one",
        "１",
        "99999999999999999999",
      ].map((value) => [input, value, rule] as const),
    ),
  )("%s refuses %j", (input, value, rule) => {
    const message = problemOf(input, value);
    expect(message).toMatch(new RegExp(`^\`${input}\` must be ${rule} \\(got `));
  });

  it("quotes only what needs quoting", () => {
    expect(problemOf("max-replicas", "11")).toBe("`max-replicas` must be an integer from 1 to 10 (got 11)");
    expect(problemOf("max-replicas", "1 0")).toBe(
      '`max-replicas` must be an integer from 1 to 10 (got "1 0")',
    );
  });
});

describe("parseInputs: booleans", () => {
  const booleans: InputName[] = [
    "tokenizer-skip-special-tokens",
    "tokenizer-add-special-tokens",
    "enable-content-logging",
    "wait",
    "delete-on-failure",
    "pr-comment",
    "smoke-test",
    "dry-run",
  ];
  it.each(
    booleans.flatMap((input) =>
      [
        ["true", true],
        ["True", true],
        ["TRUE", true],
        ["false", false],
        ["False", false],
        ["FALSE", false],
      ].map(([value, expected]) => [input, value, expected] as const),
    ),
  )("%s: %s", (input, value) => {
    expect(problemOf(input, value as string)).toBeUndefined();
  });

  it.each(
    booleans.flatMap((input) =>
      ["yes", "no", "1", "0", "on", "tRUE", "t"].map((value) => [input, value] as const),
    ),
  )("%s refuses %j", (input, value) => {
    expect(problemOf(input, value)).toBe(`\`${input}\` must be true or false (got ${value})`);
  });

  it.each([
    ["wait", "false", { wait: false }],
    ["pr-comment", "FALSE", { prComment: false }],
    ["smoke-test", "True", { smokeTest: true }],
    ["dry-run", "true", { dryRun: true }],
    ["delete-on-failure", "TRUE", { deleteOnFailure: true }],
  ] as const)("%s=%s maps to %j", (input, value, expected) => {
    expect(ok({ ...deploy, [input]: value })).toMatchObject(expected);
  });
});

describe("parseInputs: enums", () => {
  it.each([
    [
      "operation",
      "Deploy",
      "`operation` must be one of deploy, delete, status, sweep, sleep, wake, restart (got Deploy)",
    ],
    [
      "operation",
      "create",
      "`operation` must be one of deploy, delete, status, sweep, sleep, wake, restart (got create)",
    ],
    ["if-exists", "replace", "`if-exists` must be one of update, reuse, fail (got replace)"],
  ] as const)("%s refuses %s", (input, value, message) => {
    expect(problemOf(input, value)).toBe(message);
  });

  it.each(["update", "reuse", "fail"] as const)("if-exists %s", (value) => {
    expect(ok({ ...deploy, "if-exists": value }).ifExists).toBe(value);
  });
});

describe("parseInputs: wait-timeout", () => {
  it.each([
    ["90s", 90],
    ["30m", 1800],
    ["2h", 7200],
    ["1h30m", 5400],
    ["1h30m15s", 5415],
    ["1m30s", 90],
    ["600", 600],
    ["1", 1],
    ["6h", 21600],
    ["360m", 21600],
    ["21600", 21600],
    ["2H", 7200],
  ])("%s is %d seconds", (value, seconds) => {
    expect(ok({ ...deploy, "wait-timeout": value }).waitTimeoutMs).toBe(seconds * 1000);
  });

  it.each([
    ["0", "must be more than zero"],
    ["0s", "must be more than zero"],
    ["0h0m", "must be more than zero"],
    ["-5", "must be a duration"],
    ["-1m", "must be a duration"],
    ["1.5h", "must be a duration"],
    ["30 m", "must be a duration"],
    ["30min", "must be a duration"],
    ["m", "must be a duration"],
    ["30m1h", "must be a duration"],
    ["forever", "must be a duration"],
    ["6h0m1s", "must be at most 6h"],
    ["7h", "must be at most 6h"],
    ["21601", "must be at most 6h"],
    ["99999999999999999999h", "must be at most 6h"],
  ])("%j: %s", (value, why) => {
    expect(problemOf("wait-timeout", value)).toContain(`\`wait-timeout\` ${why}`);
  });

  it.each([
    ["", undefined],
    ["h", undefined],
    ["10", 10_000],
  ])("parseDuration(%j) = %j", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});

describe("parseInputs: hf-model-repo", () => {
  it.each([
    "meta-llama/Llama-3.1-8B-Instruct",
    "Qwen/Qwen2.5-0.5B",
    "a/b",
    "org_1/model.v2",
    `${"a".repeat(96)}/${"b".repeat(96)}`,
  ])("accepts %s", (repo) => {
    expect(ok({ ...deploy, "hf-model-repo": repo }).hfModelRepo).toBe(repo);
  });

  it.each([
    [
      "https://huggingface.co/meta-llama/Llama-3.1-8B",
      "not a URL: use org/name, e.g. meta-llama/Llama-3.1-8B",
    ],
    ["huggingface.co/Qwen/Qwen2.5-0.5B/tree/main", "use org/name, e.g. Qwen/Qwen2.5-0.5B"],
    ["https://hf.co/acme/m?x=1", "use org/name, e.g. acme/m"],
    ["https://huggingface.co/models/acme/m", "use org/name, e.g. acme/m"],
    ["gpt2", "use org/name"],
    ["a/b/c", "use org/name"],
    ["/model", "1 to 96 of the characters"],
    ["org/", "1 to 96 of the characters"],
    ["org/mo del", "1 to 96 of the characters"],
    ["org/modèle", "1 to 96 of the characters"],
    [`org/${"m".repeat(97)}`, "1 to 96 of the characters"],
    ["-org/model", "must not start or end with '-' or '.'"],
    ["org/model.", "must not start or end with '-' or '.'"],
    [".org/model", "must not start or end with '-' or '.'"],
    ["org/model-", "must not start or end with '-' or '.'"],
    ["org/mo--del", "must not contain '--' or '..'"],
    ["org/mo..del", "must not contain '--' or '..'"],
    ["org/model.git", "drop the trailing .git"],
  ])("%j: %s", (value, hint) => {
    const message = problemOf("hf-model-repo", value);
    expect(message).toContain(hint);
    expect(message).toMatch(/^`hf-model-repo` must be/);
  });
});

describe("parseInputs: hf-model-revision", () => {
  it.each([
    [REVISION, REVISION.toLowerCase()],
    [HEAD_SHA, HEAD_SHA],
  ])("accepts %s as %s", (value, expected) => {
    expect(ok({ ...deploy, "hf-model-revision": value }).hfModelRevision).toBe(expected);
  });

  it.each([
    ["abc1234", "use the full 40-character commit hash"],
    [HEAD_SHA.slice(0, 39), "use the full 40-character commit hash"],
    ["main", "not a branch or tag name"],
    ["v1.0", "not a branch or tag name"],
    [`${HEAD_SHA}0`, "not a branch or tag name"],
    [`g${HEAD_SHA.slice(1)}`, "not a branch or tag name"],
  ])("%j: %s", (value, hint) => {
    expect(problemOf("hf-model-revision", value)).toContain(hint);
  });
});

describe("parseInputs: gpu", () => {
  it.each([
    ["H100", "TwD5AqnBSVN0", "1x H100"],
    ["2x A100", "mrAHuYt7T40o", "2x A100 80GB"],
    ["4xH200", "OhTzYtZuomzI", "4x H200"],
    ["8x b200", "drbc6G9FxJWZ", "8x B200"],
    ["TwD5AqnBSVN0", "TwD5AqnBSVN0", "1x H100"],
  ])("%s", (value, instanceOptionId, label) => {
    expect(ok({ ...deploy, gpu: value }).gpu).toEqual({ instanceOptionId, label });
  });

  it("suggests the closest name and lists the valid ones", () => {
    const message = problemOf("gpu", "2x H1OO");
    expect(message).toContain('Did you mean "2x H100"?');
    expect(message).toContain("1x/2x/4x/8x B200");
  });

  // An ordered list of choices: `gpu` is the first, `gpus` all of them in the order given.
  it.each([
    ["1x H100, 1x H200, 1x A100 80GB", ["1x H100", "1x H200", "1x A100 80GB"]],
    ["H200,h100", ["1x H200", "1x H100"]],
    [" 2x H100 ,TwD5AqnBSVN0 ", ["2x H100", "1x H100"]],
    ["Zz9Zz9Zz9Zz9, 1x B200", ["Zz9Zz9Zz9Zz9", "1x B200"]],
  ])("the list %j", (value, labels) => {
    const inputs = ok({ ...deploy, gpu: value });
    expect(inputs.gpus.map((g) => g.label)).toEqual(labels);
    expect(inputs.gpu).toEqual(inputs.gpus[0]);
  });

  it.each([
    ["1x H100, 1x H2OO", 'Did you mean "1x H200"?'],
    ["1x H100,", '`gpu` is not a known instance option (got "")'],
    ["1x H100,,1x H200", '`gpu` is not a known instance option (got "")'],
    ["1x H100, H100", "`gpu` names 1x H100 twice: list each instance option once"],
    ["H100, TwD5AqnBSVN0", "`gpu` names 1x H100 twice"],
  ])("refuses the list %j", (value, message) => {
    expect(problemOf("gpu", value)).toContain(message);
  });
});

describe("parseInputs: gpu-fallback-after", () => {
  it.each([
    ["2s", 2_000],
    ["90", 90_000],
    ["1h30m", 5_400_000],
  ])("%s", (value, ms) => {
    expect(ok({ ...deploy, "gpu-fallback-after": value }).gpuFallbackAfterMs).toBe(ms);
  });

  it.each([
    ["0", "`gpu-fallback-after` must be more than zero"],
    ["ten minutes", "`gpu-fallback-after` must be a duration such as 10m, 90s or plain seconds"],
    ["7h", "`gpu-fallback-after` must be at most 6h"],
  ])("refuses %j", (value, message) => {
    expect(problemOf("gpu-fallback-after", value)).toContain(message);
  });
});

describe("parseInputs: api-url", () => {
  it.each([
    ["https://api.friendli.ai", "https://api.friendli.ai"],
    ["https://api.friendli.ai/", "https://api.friendli.ai"],
    ["HTTPS://API.Friendli.AI//", "https://api.friendli.ai"],
    ["https://proxy.example.com/friendli/", "https://proxy.example.com/friendli"],
    ["https://api.friendli.ai:443", "https://api.friendli.ai"],
    ["http://localhost:8080", "http://localhost:8080"],
    ["http://127.0.0.1:3000/", "http://127.0.0.1:3000"],
    ["http://127.5.6.7", "http://127.5.6.7"],
    ["http://[::1]:9000", "http://[::1]:9000"],
    ["http://LOCALHOST:8080", "http://localhost:8080"],
    ["http://127.1", "http://127.0.0.1"],
    ["http://[0:0::1]", "http://[::1]"],
  ])("%s -> %s", (value, expected) => {
    expect(ok({ ...deploy, "api-url": value }).apiUrl).toBe(expected);
  });

  it.each([
    "https://api.friendli.ai",
    "http://localhost:8080",
    "http://127.5.6.7",
    "http://[::1]:9000",
    "http://127.1",
  ])("%s, once accepted, is accepted by the HTTP layer too", (value) => {
    const { apiUrl, friendliToken } = ok({ ...deploy, "api-url": value });
    const make = () =>
      createHttp({
        baseUrl: apiUrl,
        token: friendliToken,
        dispatcher: new MockAgent(),
        clock: systemClock,
        signal: new AbortController().signal,
        deadlineMs: 0,
        log: silentLogger,
      });
    expect(make).not.toThrow();
  });

  it.each([
    ["http://api.friendli.ai", "must use https"],
    ["http://10.0.0.1", "must use https"],
    ["http://localhost.example.com", "must use https"],
    ["http://128.0.0.1", "must use https"],
    ["ftp://localhost", "must use https"],
    ["file:///etc/passwd", "must use https"],
    ["api.friendli.ai", "must be an absolute URL"],
    ["not a url", "must be an absolute URL"],
    ["https://api.friendli.ai/?debug=1", "must be a base URL without a query or fragment"],
    ["https://api.friendli.ai/#x", "must be a base URL without a query or fragment"],
    ["https://api.friendli.ai/?", "must be a base URL without a query or fragment"],
    ["https://user:hunter2@api.friendli.ai", "must not contain credentials"],
  ])("%j: %s", (value, why) => {
    expect(problemOf("api-url", value)).toContain(`\`api-url\` ${why}`);
  });

  it("never echoes credentials in the URL", () => {
    for (const value of ["https://user:hunter2@api.friendli.ai", "http://user:hunter2@example.com/x"]) {
      const message = problemOf("api-url", value);
      expect(message).not.toContain("hunter2");
      expect(message).toContain("***@");
    }
  });
});

describe("parseInputs: the pre-flight and the smoke test's gates", () => {
  it.each([
    ["hf-endpoint", "http://example.com", "`hf-endpoint` must use https"],
    ["hf-endpoint", "huggingface.co", "`hf-endpoint` must be an absolute URL"],
    ["hf-endpoint", "https://u:hunter2@hf.example", "pass the token as `hf-token`"],
    ["hf-token", "hf_short", "`hf-token` is shorter than 16 characters"],
    ["hf-token", "hf_with space_0123456789", "`hf-token` contains spaces"],
    ["preflight", "yes", "`preflight` must be true or false"],
    ["smoke-test-max-ttft-ms", "0", "`smoke-test-max-ttft-ms` must be a positive integer"],
    ["smoke-test-max-ttft-ms", "1.5s", "`smoke-test-max-ttft-ms` must be a positive integer"],
  ] as Array<[InputName, string, string]>)("%s %j: %s", (input, value, why) => {
    const message = problemOf(input, value) ?? "";
    expect(message).toContain(why);
    expect(message).not.toContain("hunter2");
    if (input === "hf-token") expect(message).not.toContain(value);
  });

  it("hf-endpoint is normalised like api-url; loopback http is allowed", () => {
    expect(ok({ ...deploy, "hf-endpoint": "http://127.0.0.1:9/" }).hfEndpoint).toBe("http://127.0.0.1:9");
  });
});

describe("parseInputs: friendli-token", () => {
  it.each(["flp_short", "flp_0123456789a"])(
    "refuses %j, too short to redact safely, without echoing it",
    (token) => {
      const found = problems({ ...deploy, "friendli-token": token });
      expect(found.map((p) => p.input)).toEqual(["friendli-token"]);
      expect(found[0]?.message).toContain("shorter than 16 characters");
      expect(found[0]?.message).not.toContain(token);
    },
  );

  it("an empty token on push fails with how to set the secret", () => {
    expect(problems({ ...deploy, "friendli-token": "" })).toEqual([
      {
        input: "friendli-token",
        message: expect.stringContaining("Settings → Secrets and variables → Actions"),
      },
    ]);
    expect(problems({ ...deploy, "friendli-token": "  " })[0]?.message).toContain(
      "`friendli-token: ${{ secrets.FRIENDLI_TOKEN }}`",
    );
  });

  it.each(["flp_abc def", "flp_abc\tdef", "flp_abc\ndef", "flp_abc\u0000def", "flp_abcdéf", "flp_\u00a0x"])(
    "refuses %j without echoing it",
    (token) => {
      const [problem] = problems({ ...deploy, "friendli-token": token });
      expect(problem).toEqual({
        input: "friendli-token",
        message:
          "`friendli-token` contains spaces, a line break or other characters that cannot be sent in an HTTP header: check the secret's value",
      });
    },
  );

  it("refuses a bad github-token the same way, without echoing it", () => {
    expect(problemOf("github-token", "ghp_abc def")).toBe(
      "`github-token` contains spaces, a line break or other characters that cannot be sent in an HTTP header: check the secret's value",
    );
  });

  it("never puts the token or its length into any message", () => {
    const token = "flp_leak me";
    const result = parse({ "friendli-token": token, "github-token": "ghp_leak\u0001", "max-replicas": "12" });
    const text = JSON.stringify(result);
    expect(text).not.toContain("leak");
    expect(text).not.toContain(String(token.length));
  });

  it("trims a trailing newline from the secret", () => {
    expect(ok({ ...deploy, "friendli-token": `${TOKEN}\n` }).friendliToken).toBe(TOKEN);
  });
});

describe("parseInputs: fork pull requests", () => {
  const prDeploy: Given = { ...deploy, name: "" };

  it("skips with an empty token on a PR from a fork", () => {
    const result = parse({ ...prDeploy, "friendli-token": "" }, pr(true));
    expect(result).toEqual({ kind: "skip", reason: expect.stringContaining("fork") });
  });

  it("skips even when other inputs are empty there (they may be secrets too)", () => {
    const result = parse({ "hf-model-repo": "acme/llama-ft", gpu: "H100" }, pr(true));
    expect(result.kind).toBe("skip");
  });

  it("still reports inputs that were given and are malformed", () => {
    const found = problems(
      { ...prDeploy, "friendli-token": "", "project-id": "", "max-replicas": "11" },
      pr(true),
    );
    expect(found.map((p) => p.input)).toEqual(["max-replicas"]);
  });

  it("fails with an empty token on a PR from the same repository", () => {
    expect(problems({ ...prDeploy, "friendli-token": "" }, pr(false)).map((p) => p.input)).toEqual([
      "friendli-token",
    ]);
  });

  it("fails with an empty token on pull_request_target, which does get secrets", () => {
    expect(problems({ ...prDeploy, "friendli-token": "" }, pr(true, "pull_request_target"))[0]?.input).toBe(
      "friendli-token",
    );
  });

  const dependabot = (eventName = "pull_request"): RunContext => ({
    ...pr(false, eventName),
    dependabot: true,
  });

  it.each(["pull_request", "push", "pull_request_target"])(
    "skips with an empty token on a Dependabot run (%s), explaining Dependabot secrets",
    (eventName) => {
      const result = parse({ ...prDeploy, "friendli-token": "" }, dependabot(eventName));
      expect(result).toEqual({ kind: "skip", reason: expect.stringContaining("Dependabot") });
      if (result.kind !== "skip") return;
      expect(result.reason).not.toContain("fork");
      expect(result.reason).toContain(
        eventName === "pull_request_target" ? "no secrets at all" : "Secrets and variables → Dependabot",
      );
    },
  );

  it("still reports malformed inputs on a Dependabot run", () => {
    const found = problems({ ...prDeploy, "friendli-token": "", "max-replicas": "11" }, dependabot());
    expect(found.map((p) => p.input)).toEqual(["max-replicas"]);
  });

  it("deploys a Dependabot PR normally when a Dependabot secret gives the token", () => {
    expect(ok(prDeploy, dependabot()).name).toBe("acme--models-pr-17");
  });

  it("deploys a fork PR normally when a token is there", () => {
    expect(ok(prDeploy, pr(true)).name).toBe("acme--models-pr-17");
  });
});

describe("parseInputs: name and endpoint", () => {
  it("defaults the name on pull request events", () => {
    expect(ok({ ...deploy, name: "" }, pr(false)).name).toBe("acme--models-pr-17");
    expect(ok({ ...deploy, name: "" }, pr(false, "pull_request_target")).name).toBe("acme--models-pr-17");
  });

  it("prefers a given name on pull request events", () => {
    expect(ok(deploy, pr(false)).name).toBe("llama-prod");
  });

  it("requires a name outside pull request events", () => {
    expect(problemOf("name", "")).toContain("`name` is required outside pull request events");
  });

  it.each(["Llama_3.1-prod", "a", "x".repeat(100), "モデル"])("accepts the name %j", (name) => {
    expect(ok({ ...deploy, name }).name).toBe(name);
  });

  it.each([
    ["my endpoint", "must not contain whitespace"],
    ["acme/llama", "must not contain whitespace, control characters or '/'"],
    ["a\u0007b", "must not contain whitespace"],
    ["a\u200bb", "must not contain whitespace"],
    ["x".repeat(101), "must be at most 100 characters (got 101)"],
  ])("refuses the name %j", (name, why) => {
    expect(problemOf("name", name)).toContain(why);
  });

  it.each([
    ["delete", { "endpoint-id": "dep1" }, "", undefined],
    ["status", { name: "ep" }, "ep", undefined],
    ["delete", {}, "", "`name` or `endpoint-id` is required for `operation: delete`"],
    ["status", {}, "", "`name` or `endpoint-id` is required for `operation: status`"],
  ] as const)("%s with %j", (operation, given, name, problem) => {
    const result = parse({ "friendli-token": TOKEN, "project-id": "p", operation, ...given });
    if (problem) expect(result).toEqual({ kind: "invalid", problems: [{ input: "name", message: problem }] });
    else expect(result).toMatchObject({ kind: "ok", inputs: { operation, name } });
  });

  it("delete on a pull request acts on the preview name and needs no model or GPU", () => {
    const inputs = ok({ "friendli-token": TOKEN, "project-id": "p", operation: "delete" }, pr(true));
    expect(inputs).toMatchObject({
      operation: "delete",
      name: "acme--models-pr-17",
      hfModelRepo: undefined,
      gpu: undefined,
    });
  });

  it.each([
    ["project-id", "proj 1", "without spaces or control characters"],
    ["project-id", "https://friendli.ai/projects/p1", "the id alone, not a URL or path"],
    ["team-id", "tëam", "visible ASCII"],
    ["endpoint-id", "a/b", "not a URL or path"],
    ["endpoint-id", "x".repeat(201), "too long for an id"],
  ] as const)("%s refuses %j", (input, value, why) => {
    expect(problemOf(input, value)).toContain(why);
  });

  const ids = ["endpoint-id", "project-id", "team-id"] as const;

  // What pathFor would refuse only mid-run, or what a URL parser would read as syntax.
  it.each(
    ids.flatMap((input) => [
      [input, ".", `\`${input}\` must be an id, not "." (a URL path reads it as a directory)`],
      [input, "..", `\`${input}\` must be an id, not ".." (a URL path reads it as a directory)`],
      ...["dep1?x=1", "dep1#frag", "dep%31", "%2e%2e", "?"].map(
        (value) =>
          [
            input,
            value,
            `\`${input}\` must be the id alone, without '?', '#' or '%': copy the id itself, not part of a URL or an encoded value (got ${value})`,
          ] as const,
      ),
    ]),
  )("%s refuses %j", (input, value, message) => {
    expect(problemOf(input, value)).toBe(message);
  });

  it.each(
    ids.flatMap((input) =>
      ["dep86pjolcjjnv8", "team_9", "a.b", "...", ".a", "x-1~2"].map((value) => [input, value] as const),
    ),
  )("%s accepts %j", (input, value) => {
    expect(problemOf(input, value)).toBeUndefined();
  });
});

describe("parseInputs: version-comment", () => {
  it("on a pull request names the PR and its head commit", () => {
    expect(ok({ ...deploy, name: "" }, pr(false)).versionComment).toBe(
      "Deployed by acme/models@f1d2d2f (PR #17) from https://github.com/acme/models/actions/runs/9001",
    );
  });

  it("is cut to 500 characters", () => {
    const comment = ok({ ...deploy, "version-comment": "x".repeat(600) }).versionComment;
    expect([...comment]).toHaveLength(500);
    expect(comment.endsWith("…")).toBe(true);
  });

  it.each([
    [{ ...push, repository: "", sha: "", runUrl: "" }, "Deployed by friendli-deploy-action (local run)"],
    [{ ...push, sha: "", runUrl: "" }, "Deployed by acme/models"],
    [{ ...push, repository: `acme/${"r".repeat(600)}` }, expect.stringMatching(/^Deployed by acme\/r+…$/)],
  ])("provenance without a full context: %#", (ctx, expected) => {
    const text = provenance(ctx);
    expect(text).toEqual(expected);
    expect([...text].length).toBeLessThanOrEqual(500);
  });
});

describe("echoed values are cut by code point", () => {
  // 59 ASCII characters put the emoji's two UTF-16 units at the 60th and 61st: a UTF-16 cut at 60
  // would keep only the first, a lone surrogate that JSON.stringify prints as \ud83d.
  const cutAtEmoji = `${"x".repeat(59)}😀tail`;

  it.each([
    ["name", `a ${"x".repeat(57)}😀tail`, `a ${"x".repeat(57)}😀…`],
    ["endpoint-id", cutAtEmoji, `${"x".repeat(59)}😀…`],
  ] as const)("a %s problem echoes %j whole-character", (input, value, echoed) => {
    const message = problemOf(input, value) ?? "";
    expect(message).toContain(`(got ${JSON.stringify(echoed)})`);
    expect(message).not.toMatch(/\\ud[89a-f]/i);
  });
});

describe("derivePreviewName", () => {
  it("is the preview naming of ./preview-names.ts, kept importable from the inputs", () => {
    expect(derivePreviewName("acme/models", 17)).toBe("acme--models-pr-17");
  });
});

describe("parseInputs: operation sweep", () => {
  const sweep: Given = {
    operation: "sweep",
    "friendli-token": TOKEN,
    "project-id": "proj-1",
    "github-token": "ghs_abc",
  };

  it("needs no name, endpoint-id, model or GPU, on any event", () => {
    expect(ok(sweep)).toMatchObject({
      operation: "sweep",
      name: "",
      maxAgeMs: undefined,
      namePrefix: undefined,
    });
  });

  it("reads max-age like wait-timeout and name-prefix like a name", () => {
    expect(ok({ ...sweep, "max-age": "72h", "name-prefix": "models-pr-" })).toMatchObject({
      maxAgeMs: 72 * 3_600_000,
      namePrefix: "models-pr-",
    });
    // Longer than a job may run: an age, not a wait.
    expect(ok({ ...sweep, "max-age": "720h" }).maxAgeMs).toBe(720 * 3_600_000);
  });

  it.each([
    [
      "max-age",
      "3 days",
      '`max-age` must be a duration such as 72h, 90m or plain seconds such as 3600 (got "3 days")',
    ],
    ["max-age", "0s", "`max-age` must be more than zero (got 0s)"],
    [
      "name-prefix",
      "my preview-",
      "`name-prefix` must not contain whitespace, control characters or '/' (got \"my preview-\")",
    ],
    [
      "name-prefix",
      "acme/models-pr-",
      "`name-prefix` must not contain whitespace, control characters or '/' (got acme/models-pr-)",
    ],
    [
      "github-token",
      "",
      "`github-token` is required for `operation: sweep` (it reads each PR's state): leave it at its default `${{ github.token }}` and give the job `permissions: pull-requests: read`",
    ],
  ] as const)("%s refuses %j", (input, value, message) => {
    expect(problems({ ...sweep, [input]: value })).toEqual([{ input, message }]);
  });

  it.each(["name", "endpoint-id"] as const)(
    "%s on a sweep is refused rather than taken for a filter",
    (input) => {
      expect(problems({ ...sweep, [input]: "llama-prod" })).toEqual([
        {
          input,
          message: `\`${input}\` is not read by \`operation: sweep\`, which finds this repository's previews by their names: remove it, or set \`name-prefix\` to sweep other names`,
        },
      ]);
    },
  );

  it.each(["delete", "sleep"] as const)("sweep-action %s", (value) => {
    expect(ok({ ...sweep, "sweep-action": value }).sweepAction).toBe(value);
  });

  it("sweep-action refuses anything but delete and sleep", () => {
    expect(problems({ ...sweep, "sweep-action": "stop" })).toEqual([
      { input: "sweep-action", message: "`sweep-action` must be one of delete, sleep (got stop)" },
    ]);
  });

  it.each([
    ["max-age", "72h"],
    ["name-prefix", "models-pr-"],
    ["sweep-action", "sleep"],
  ] as const)("%s on another operation is refused, not ignored", (input, value) => {
    expect(problemOf(input, value)).toBe(
      `\`${input}\` is only read by \`operation: sweep\`: remove it from this \`operation: deploy\` step`,
    );
  });
});

describe("parseInputs: replicas, the request queue, sleep, wake and restart", () => {
  it.each<[string, Given, Partial<Inputs>]>([
    [
      "neither replicas nor a range: the defaults 0 and 1",
      {},
      { minReplicas: 0, maxReplicas: 1, replicas: undefined },
    ],
    ["a range", { "min-replicas": "1", "max-replicas": "3" }, { minReplicas: 1, maxReplicas: 3 }],
    ["min-replicas alone: max 1", { "min-replicas": "1" }, { minReplicas: 1, maxReplicas: 1 }],
    ["max-replicas alone: min 0", { "max-replicas": "4" }, { minReplicas: 0, maxReplicas: 4 }],
    ["a fixed count is the range [n, n]", { replicas: "3" }, { replicas: 3, minReplicas: 3, maxReplicas: 3 }],
  ])("%s", (_what, given, expected) => {
    expect(ok({ ...deploy, ...given })).toMatchObject(expected);
  });

  it.each<[Given, Array<{ input: InputName; message: string }>]>([
    [
      { replicas: "2", "min-replicas": "1" },
      [
        {
          input: "min-replicas",
          message: "`min-replicas` and `replicas` exclude each other: give one or the other",
        },
      ],
    ],
    [
      { replicas: "2", "min-replicas": "0", "max-replicas": "3" },
      [
        {
          input: "min-replicas",
          message: "`min-replicas` and `replicas` exclude each other: give one or the other",
        },
        {
          input: "max-replicas",
          message: "`max-replicas` and `replicas` exclude each other: give one or the other",
        },
      ],
    ],
    [
      { "min-replicas": "2" },
      [{ input: "min-replicas", message: "`min-replicas` must not be more than `max-replicas` (got 2 > 1)" }],
    ],
  ])("refuses %j", (given, expected) => {
    expect(problems({ ...deploy, ...given })).toEqual(expected);
  });

  it("the queue settings go into advanced under the API's keys", () => {
    const given = {
      "queue-timeout-ms": "30000",
      "queue-backpressure-metric": "TTFT_MS",
      "queue-backpressure-threshold": "1500.5",
    };
    expect(ok({ ...deploy, ...given }).advanced).toEqual({
      tokenizer_skip_special_tokens: false,
      tokenizer_add_special_tokens: false,
      queue_timeout_ms: 30000,
      queue_backpressure_metric_kind: "TTFT_MS",
      queue_backpressure_metric_threshold: 1500.5,
    });
  });

  it.each([
    [
      "queue-backpressure-metric",
      "ttft",
      "`queue-backpressure-metric` must be one of TPOT_MS, TTFT_MS, REQUEST_COUNT, WORKSPACE_UTILIZATION, QUEUED_PREFILL_TOKENS (got ttft)",
    ],
    [
      "queue-backpressure-threshold",
      "0",
      "`queue-backpressure-threshold` must be a number more than 0, e.g. 0.8 or 250 (got 0)",
    ],
    [
      "queue-backpressure-threshold",
      "-1",
      "`queue-backpressure-threshold` must be a number more than 0, e.g. 0.8 or 250 (got -1)",
    ],
    [
      "queue-backpressure-threshold",
      "1e3",
      "`queue-backpressure-threshold` must be a number more than 0, e.g. 0.8 or 250 (got 1e3)",
    ],
    ["queue-timeout-ms", "0", "`queue-timeout-ms` must be a positive integer (got 0)"],
  ] as const)("%s refuses %j", (input, value, message) => {
    expect(problemOf(input, value)).toBe(message);
  });

  const base: Given = { "friendli-token": TOKEN, "project-id": "proj-1" };
  it.each(["sleep", "wake", "restart"] as const)(
    "operation %s: by name or endpoint-id, no model or GPU",
    (operation) => {
      expect(ok({ ...base, operation, name: "llama-prod" })).toMatchObject({ operation, name: "llama-prod" });
      expect(ok({ ...base, operation, "endpoint-id": "dep1" })).toMatchObject({
        operation,
        endpointId: "dep1",
      });
      expect(problems({ ...base, operation })).toEqual([
        { input: "name", message: `\`name\` or \`endpoint-id\` is required for \`operation: ${operation}\`` },
      ]);
    },
  );
});

describe("ignoredSmokeGates: the smoke test's gates without the smoke test", () => {
  it.each<[Given, string | undefined]>([
    [{}, undefined],
    [{ "smoke-test": "true", "smoke-test-expect": "hi", "smoke-test-max-ttft-ms": "900" }, undefined],
    [{ "smoke-test-expect": "hi" }, "`smoke-test-expect` is read only with `smoke-test: true`; ignored"],
    [
      { "smoke-test-max-ttft-ms": "900" },
      "`smoke-test-max-ttft-ms` is read only with `smoke-test: true`; ignored",
    ],
    [
      { "smoke-test": "false", "smoke-test-expect": "hi", "smoke-test-max-ttft-ms": "900" },
      "`smoke-test-expect` and `smoke-test-max-ttft-ms` are read only with `smoke-test: true`; ignored",
    ],
  ])("%j → %s", (given, warning) => {
    expect(ignoredSmokeGates(ok({ ...deploy, ...given }))).toBe(warning);
  });
});

describe("parseInputs: unexpanded ${{ }} expressions (as @github/local-action passes defaults)", () => {
  function parseLogged(given: Given) {
    const debug: string[] = [];
    const result = parseInputs(
      (name) => given[name] ?? "",
      push,
      (m) => debug.push(m),
    );
    return { result, debug };
  }

  it.each([
    ["github-token", "${{ github.token }}"],
    ["github-token", "  ${{ secrets.GITHUB_TOKEN }}\n"],
    ["hf-token", "${{ secrets.HF_TOKEN }}"],
    ["team-id", "${{ vars.FRIENDLI_TEAM_ID }}"],
    ["wait-timeout", "${{ inputs.timeout }}"],
    ["smoke-test", "${{inputs.smoke-test}}"],
  ] as const)("%s %j reads as not given, with a debug line naming the input only", (input, value) => {
    const { result, debug } = parseLogged({ ...deploy, [input]: value });
    expect(result).toEqual(parse(deploy));
    expect(debug).toEqual([
      `input \`${input}\` is an unexpanded \`\${{ ... }}\` expression (as @github/local-action passes action.yml's defaults): read as not given`,
    ]);
    expect(debug.join("\n")).not.toContain(value.trim());
  });

  it("keeps a value that only contains an expression among other text", () => {
    const { result, debug } = parseLogged({ ...deploy, "version-comment": "built from ${{ github.sha }}" });
    expect(result.kind === "ok" && result.inputs.versionComment).toBe("built from ${{ github.sha }}");
    expect(debug).toEqual([]);
  });

  it.each<[string, Given, InputName, string]>([
    [
      "a sweep's github-token",
      {
        operation: "sweep",
        "friendli-token": TOKEN,
        "project-id": "proj-1",
        "github-token": "${{ github.token }}",
      },
      "github-token",
      "`github-token` is required for `operation: sweep` (it reads each PR's state): leave it at its default `${{ github.token }}` and give the job `permissions: pull-requests: read`",
    ],
    [
      "the friendli-token",
      { ...deploy, "friendli-token": "${{ secrets.FRIENDLI_TOKEN }}" },
      "friendli-token",
      "`friendli-token` is empty: add a repository secret (Settings → Secrets and variables → Actions), e.g. FRIENDLI_TOKEN, and pass `friendli-token: ${{ secrets.FRIENDLI_TOKEN }}`",
    ],
  ])(
    "%s the run needs is missing, and the message says it was never expanded",
    (_, given, input, message) => {
      expect(parse(given)).toEqual({
        kind: "invalid",
        problems: [
          {
            input,
            message: `${message} (it was given as an unexpanded \`\${{ ... }}\` expression, which only a workflow run expands)`,
          },
        ],
      });
    },
  );
});
