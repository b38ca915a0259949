// The hostile-input suite: the real action (run() in-process, real HTTP on loopback, virtual time)
// against a server that answers what an attacker would. Each case names the attack class; the
// assertions are what the action must do whatever the server says: no forged workflow command in
// the log, no forged value in an output, no secret in any encoding anywhere, bounded work.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { virtualClock } from "../support/clock.ts";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.ts";
import { type RecordedRun, runInProcess, TOKEN } from "../support/in-process.ts";
import { type HostileServer, NEW_ID, nested, startHostile } from "./server.ts";

const FORGED = [
  "::add-mask::Created endpoint",
  "::stop-commands::hostile",
  "::save-state name=created-by-this-run::true",
  "::error::the deploy is fine",
  "##[set-output name=endpoint-id;]dep-evil",
].join("\n");
const FORGED_VARIANTS = `ok\r${FORGED}\u2028::warning::x\u0085 ::notice::y\r\n\u00a0::group::z`;

let api: HostileServer;
let github: FakeGitHub;
const GITHUB_TOKEN = "ghs_hostile_suite_token_0123456789";
beforeEach(async () => {
  api = await startHostile();
  github = await startFakeGitHub({ token: GITHUB_TOKEN, owner: "acme", repo: "models" });
});
afterEach(async () => {
  await api.close();
  await github.close();
});

const EVENT = new URL("../fixtures/events/pull_request.same-repo.json", import.meta.url).pathname;

function run(inputs: Record<string, string>, pr = false): Promise<RecordedRun> {
  return runInProcess({
    inputs: {
      "friendli-token": TOKEN,
      "project-id": "demo-project",
      "api-url": api.url,
      "pr-comment": pr ? "true" : "false",
      "github-token": GITHUB_TOKEN,
      "wait-timeout": "10m",
      ...inputs,
    },
    clock: virtualClock(Date.UTC(2026, 10, 25, 12)),
    ...(pr
      ? {
          eventName: "pull_request",
          eventPath: EVENT,
          env: { GITHUB_REPOSITORY: "acme/models", GITHUB_API_URL: github.url },
        }
      : {}),
  });
}

const statusOf = (inputs: Record<string, string> = {}) =>
  run({ operation: "status", "endpoint-id": "depabc", wait: "false", ...inputs });
const deployInputs = { name: "hostile-endpoint", "hf-model-repo": "org/model", gpu: "1x H100" };

/**
 * Lines the runner would obey among what the action wrote to stdout: info lines are raw stdout;
 * warnings, errors and debug lines are commands whose message the runner library escapes.
 */
function forgedCommands(r: RecordedRun): string[] {
  return r.logs
    .filter((l) => l.startsWith("info: "))
    .flatMap((l) => l.slice("info: ".length).split(/\r\n|[\r\n\u2028\u2029\u0085]/))
    .filter((line) => /^[\s\ufeff\u200b]*::/.test(line) || line.includes("##["));
}

/** Nothing forged reached an output, the state or the log. */
function expectNeutralised(r: RecordedRun): void {
  expect(forgedCommands(r)).toEqual([]);
  for (const value of [...Object.values(r.outputs), ...Object.values(r.state)]) {
    expect(value).not.toMatch(/::|##\[|[\r\n\u2028\u2029]/);
  }
  expect(r.outputs["endpoint-id"]).not.toBe("dep-evil");
}

describe("forged workflow commands", () => {
  it.each([
    ["status", { status: `RUNNING\n${FORGED}` }],
    ["phase", { status: "INITIALIZING", phase: `DOWNLOADING_MODEL${FORGED_VARIANTS}` }],
    ["error code", { status: "FAILED", errorCode: `X ${FORGED}` }],
    ["status (lower case)", { status: "running" }],
  ])("a %s that is not one upper-case word is an API error, never an output", async (_, body) => {
    api.override.status = () => ({ body });
    const r = await statusOf();
    expect(r.report.result).toBe("failed");
    expect(r.failed).toMatch(/must be a single upper-case word/);
    expect(r.outputs.status).toBe("");
    expect(r.outputs.phase).toBe("");
    expect(r.outputs["error-code"]).toBe("");
    expectNeutralised(r);
  });

  it("an id in the listing that is not a short token of safe characters fails the lookup", async () => {
    api.override.list = () => ({
      body: { data: { [`dep1\n${FORGED}`]: { status: "RUNNING" } }, nextCursor: null },
    });
    const r = await run({ operation: "status", name: "hostile-endpoint", wait: "false" });
    expect(r.report.result).toBe("failed");
    expect(r.failed).toContain("not a short id");
    expect(r.outputs["endpoint-id"]).toBe("");
    expect(api.count("get")).toBe(0);
    expectNeutralised(r);
  });

  it("error details in the retry lines and the failure message", async () => {
    api.override.status = () => ({ status: 500, body: { detail: `overloaded\n${FORGED_VARIANTS}` } });
    const r = await statusOf({ wait: "true", "wait-timeout": "2m" });
    expect(r.report.result).toMatch(/failed|timed-out/);
    expect(r.logs.some((l) => l.includes("overloaded"))).toBe(true);
    expectNeutralised(r);
  });

  it("the model's reply to the smoke test", async () => {
    api.override.chat = () => ({
      body: { choices: [{ message: { role: "assistant", content: `Hi!\n${FORGED_VARIANTS}` } }] },
    });
    const r = await run({ ...deployInputs, "smoke-test": "true" });
    expect(r.report.result).toBe("created");
    expect(r.report.smokeTest?.reply).toContain("Hi!");
    expect(r.logs.some((l) => l.startsWith("info: Smoke test") && l.includes("\\::stop-commands::"))).toBe(
      true,
    );
    expectNeutralised(r);
  });
});

describe("secrets echoed back", () => {
  const b = (s: string) => Buffer.from(s, "utf8");
  const echoes = [
    TOKEN,
    encodeURIComponent(TOKEN),
    b(TOKEN).toString("base64"),
    b(TOKEN).toString("base64url"),
    b(TOKEN).toString("hex"),
    b(TOKEN).toString("hex").toUpperCase(),
    b(`Bearer ${TOKEN}`).toString("base64"),
    b(`Authorization: Bearer ${TOKEN}`).toString("base64url"),
    b(`{"token":"${TOKEN}"}`).toString("base64"),
  ];

  it("in an API error body: in no encoding in the PR comment, log, summary, outputs or state", async () => {
    api.override.create = () => ({ status: 400, body: { detail: `invalid key ${echoes.join(" and ")}` } });
    const r = await run({ ...deployInputs, name: "" }, true);
    expect(r.report.result).toBe("failed");
    const comments = github.requests.filter((q) => q.method === "POST").map((q) => JSON.stringify(q.body));
    expect(comments).toHaveLength(1);
    const everything = [
      ...comments,
      r.summary,
      r.failed ?? "",
      ...r.logs,
      ...Object.values(r.outputs),
      ...Object.values(r.state),
    ].join("\n");
    expect(everything).toContain("invalid key ***");
    for (const echo of echoes) {
      // At most a group of the encoding shared with the text around the secret may survive.
      expect(everything).not.toContain(echo.slice(8, -8));
    }
  });
});

describe("the team cost report", () => {
  const line = (id: string, total: unknown, item = `${id}, NVIDIA H100, gpu time cost`) => ({
    total,
    line_item: item,
  });
  const bucket = (results: unknown[]) => ({
    start_time: "2026-11-25T00:00:00Z",
    end_time: "2026-11-26T00:00:00Z",
    results,
  });

  it("hostile amounts are ignored with a debug line; only the action's own sum reaches the reports", async () => {
    api.override.cost = () => ({
      body: {
        has_more: false,
        next_page: null,
        data: [
          bucket([
            line(NEW_ID, "3.25"),
            line(NEW_ID, `1\n${FORGED}`),
            line(NEW_ID, "-500"),
            line(NEW_ID, "1e308"),
            line(NEW_ID, "9".repeat(5000)),
            line(NEW_ID, 12),
            { line_item: `${NEW_ID}, NVIDIA H100, gpu time cost` },
            line(NEW_ID, "0.75", `${NEW_ID}, ${FORGED_VARIANTS}, gpu time cost`),
            line("depother", "99", `depother, ${FORGED}, gpu time cost`),
            line(NEW_ID, "1000000.5"),
          ]),
        ],
      },
    });
    const r = await run(deployInputs, true);
    expect(r.report.result).toBe("created");
    // 3.25 + 0.75: the forged GPU type names a line item of this endpoint; its text goes nowhere.
    expect(r.report.cost?.toDate?.usd).toBe(4);
    const ignored = r.logs.filter((l) => l.startsWith("debug: cost report: a line item"));
    expect(ignored).toHaveLength(7);
    const comments = github.requests
      .filter((q) => q.method === "POST" && q.path.endsWith("/comments"))
      .map((q) => JSON.stringify(q.body));
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain(
      "💵 This preview costs up to $5.00/h while awake and nothing while it sleeps. So far it has cost $4.00 since 2026-11-25.",
    );
    expect(r.summary).toContain("| Cost so far | $4.00 since 2026-11-25 (Friendli's cost report) |");
    for (const text of [...comments, r.summary, ...Object.values(r.outputs)]) {
      expect(text).not.toMatch(/::|##\[|stop-commands|add-mask|NVIDIA/);
    }
    expectNeutralised(r);
  });

  it.each([
    [
      "the document's 200 example (data nested in data)",
      { data: [{ has_more: false, data: [bucket([line(NEW_ID, "1")])] }] },
    ],
    ["a bucket list that is not a list", { has_more: false, data: { [NEW_ID]: "1" } }],
    ["a string", FORGED],
    ["a depth bomb", nested(5000)],
  ])("%s is unreadable: a debug line, no figure, no failure", async (_what, body) => {
    api.override.cost = () => ({ body });
    const r = await run(deployInputs);
    expect(r.report.result).toBe("created");
    expect(r.failed).toBeUndefined();
    expect(r.report.cost?.toDate).toBeUndefined();
    expect(r.logs.some((l) => l.startsWith("debug: cost report not read"))).toBe(true);
    expectNeutralised(r);
  });
});

describe("resources", () => {
  it("a huge status body is refused at the route's cap, not read to the end", async () => {
    api.override.status = () => ({
      stream: { chunk: Buffer.alloc(64 * 1024, 0x20), totalBytes: 256 * 1024 * 1024 },
    });
    const r = await statusOf();
    expect(r.report.result).toBe("failed");
    expect(r.failed).toMatch(/a bad response from the server: the response is larger than 64 KiB/);
    expect(api.count("status")).toBe(1);
  });

  it("a listing page of 100,000 endpoints in one answer is refused by size", async () => {
    const data = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, i) => [`dep${i}`, { status: "RUNNING" }]),
    );
    api.override.list = () => ({ body: { data, nextCursor: null } });
    const r = await run({ operation: "status", name: "hostile-endpoint", wait: "false" });
    expect(r.failed).toMatch(/larger than 1024 KiB/);
    expect(api.count("get")).toBe(0);
  });

  it("a listing of 100,000 endpoints in pages stops at the cap and suggests endpoint-id", async () => {
    api.override.list = (req) => {
      const page = Number(req.query.get("cursor") ?? "0");
      const data = Object.fromEntries(
        Array.from({ length: 100 }, (_, i) => [`dep${page * 100 + i}`, { status: "RUNNING" }]),
      );
      return { body: { data, nextCursor: page < 999 ? String(page + 1) : null } };
    };
    const r = await run({ operation: "status", name: "hostile-endpoint", wait: "false" });
    expect(r.report.result).toBe("failed");
    expect(r.failed).toMatch(/more than 1000 endpoints.*pass `endpoint-id`/);
    expect(api.count("list")).toBe(11);
    expect(api.count("get")).toBe(0);
  });

  it.each([
    ["an error body", 500],
    ["a success body", 200],
  ])("%s nested 20,000 levels deep is one bad response, not a stack overflow retried", async (_, status) => {
    api.override.status = () => ({ status, body: `{"detail":${nested(20_000)},"status":"RUNNING"}` });
    const r = await statusOf();
    expect(r.report.result).toBe("failed");
    expect(r.failed).toMatch(
      /^status failed: a bad response from the server: the body is nested more than 64 levels deep/,
    );
    expect(r.failed).not.toMatch(/RangeError|call stack/);
    expect(api.count("status")).toBe(1);
  });

  it("every case ends by its deadline", async () => {
    api.override.status = () => ({ status: 503, body: { detail: "busy" } });
    const r = await statusOf({ wait: "true", "wait-timeout": "3m" });
    expect(r.report.result).toMatch(/failed|timed-out/);
    expect(r.report.finishedAtMs - r.report.startedAtMs).toBeLessThanOrEqual(3 * 60_000 + 60_000);
  });
});

describe("data is data", () => {
  it.each(["__proto__", "constructor", "hasOwnProperty"])(
    "an endpoint whose id is %s is found by name",
    async (id) => {
      api.endpoints.set("dep-other", "other");
      api.endpoints.set(id, "hostile-endpoint");
      const r = await run({ operation: "status", name: "hostile-endpoint", wait: "false" });
      expect(r.report.result).not.toBe("failed");
      expect(r.outputs["endpoint-id"]).toBe(id);
      expect(r.outputs.status).toBe("RUNNING");
    },
  );

  it("a deploy over an endpoint named like it, with id __proto__, updates it instead of creating another", async () => {
    api.endpoints.set("__proto__", "hostile-endpoint");
    const r = await run(deployInputs);
    expect(r.report.result).toBe("updated");
    expect(api.count("create")).toBe(0);
    expect(r.outputs["endpoint-id"]).toBe("__proto__");
    expect(NEW_ID).not.toBe(r.outputs["endpoint-id"]);
  });
});
