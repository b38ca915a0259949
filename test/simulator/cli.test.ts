import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NODE = fileURLToPath(new URL("../../node_modules/.bin/node", import.meta.url));
const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));
const SCENARIO = fileURLToPath(new URL("./scenarios/failing-download.json", import.meta.url));

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  child = undefined;
});

async function firstLine(proc: ChildProcess): Promise<string> {
  let out = "";
  for await (const chunk of proc.stdout ?? []) {
    out += String(chunk);
    if (out.includes("\n")) break;
  }
  return out.split("\n")[0] ?? "";
}

describe("command line", () => {
  it("serves in the foreground, prints its URL, answers, and stops on SIGTERM", async () => {
    child = spawn(NODE, [CLI, "--port", "0", "--scenario", SCENARIO, "--time-scale", "0.01"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const line = await firstLine(child);
    const match = /^Friendli simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
    expect(match, line).not.toBeNull();
    const url = match?.[1] ?? "";
    const headers = { authorization: "Bearer flp_cli", "content-type": "application/json" };
    const create = await fetch(`${url}/dedicated/beta/endpoint`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        projectId: "demo-project",
        name: "gated",
        instanceOptionId: "TwD5AqnBSVN0",
        hfModelRepo: "private-org/gated-model",
        advanced: { tokenizer_skip_special_tokens: false, tokenizer_add_special_tokens: true },
      }),
    });
    expect(create.status).toBe(200);
    // The scenario fails the download 1.5 s into it; at --time-scale 0.01 that is 35 ms after create.
    await new Promise((r) => setTimeout(r, 150));
    const list = (await (await fetch(`${url}/dedicated/beta/endpoint`, { headers })).json()) as {
      data: Record<string, { status: string; errorCode: string }>;
    };
    expect(Object.values(list.data)).toEqual([
      expect.objectContaining({ status: "FAILED", errorCode: "WORKLOAD_INIT_CANNOT_ACCESS_REPO_ERROR" }),
    ]);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("stops on SIGINT too", async () => {
    child = spawn(NODE, [CLI, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    expect(await firstLine(child)).toMatch(/^Friendli simulator listening on http:/);
    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("--hub-down fail makes the Hub side answer 503", async () => {
    child = spawn(NODE, [CLI, "--port", "0", "--hub-down", "fail", "--ttft-ms", "0"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = /(http:\S+)$/.exec(await firstLine(child))?.[1] ?? "";
    expect((await fetch(`${url}/api/models/sim-org/small-chat`)).status).toBe(503);
    child.kill("SIGTERM");
    await once(child, "exit");
  });

  it("--cost-report forbidden makes the team cost report answer 403", async () => {
    child = spawn(NODE, [CLI, "--port", "0", "--cost-report", "forbidden"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = /(http:\S+)$/.exec(await firstLine(child))?.[1] ?? "";
    const query = "start_time=2026-01-01T00:00:00Z&end_time=2026-01-02T00:00:00Z";
    const res = await fetch(`${url}/v1/team/cost?${query}`, { headers: { authorization: "Bearer flp_cli" } });
    expect(res.status).toBe(403);
    child.kill("SIGTERM");
    await once(child, "exit");
  });

  it("rejects an unknown option with usage and exit code 2", async () => {
    child = spawn(NODE, [CLI, "--prot", "8080"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr?.on("data", (c) => {
      err += String(c);
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(err).toMatch(/usage:/);
  });
});
