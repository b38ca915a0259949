// `npm run local` with a minimal .env: @github/local-action fills inputs the file leaves out from
// action.yml's defaults verbatim, so `github-token` arrives as the text `${{ github.token }}`. A run
// that needs nothing from GitHub must not fail on it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { virtualClock } from "../support/clock.ts";
import { runInProcess, TOKEN } from "../support/in-process.ts";
import { repoRoot } from "../support/run-action.ts";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}

const dir = mkdtempSync(join(tmpdir(), "local-action-env-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run local with a .env that does not set INPUT_GITHUB-TOKEN", () => {
  it("plans the deploy; the unexpanded default reads as not given, with a debug line", async () => {
    const api = `http://127.0.0.1:${await freePort()}`;
    const envFile = join(dir, ".env");
    writeFileSync(
      envFile,
      [
        "ACTIONS_STEP_DEBUG=true",
        "GITHUB_REPOSITORY=octo-org/llm-service",
        "GITHUB_EVENT_NAME=workflow_dispatch",
        "INPUT_FRIENDLI-TOKEN=flp_local_simulator_token",
        "INPUT_PROJECT-ID=demo-project",
        "INPUT_NAME=local-minimal",
        "INPUT_HF-MODEL-REPO=meta-llama/Llama-3.1-8B-Instruct",
        "INPUT_GPU=1x H100",
        "INPUT_DRY-RUN=true",
        `INPUT_API-URL=${api}`,
        `INPUT_HF-ENDPOINT=${api}`,
        "",
      ].join("\n"),
    );
    const { code, out } = await run(["scripts/local.ts", envFile]);
    expect(out).toContain(
      "::debug::input `github-token` is an unexpanded `${{ ... }}` expression (as @github/local-action passes action.yml's defaults): read as not given",
    );
    expect(out).toContain("::set-output name=result::planned");
    expect(out).not.toContain("::error::");
    expect(code).toBe(0);
  }, 60_000);
});

describe("an unexpanded github-token in a run that needs it", () => {
  it("fails as missing, the message's own `${{ github.token }}` unmasked, the text never a secret", async () => {
    const r = await runInProcess({
      clock: virtualClock(0),
      inputs: {
        operation: "sweep",
        "friendli-token": TOKEN,
        "project-id": "demo-project",
        "github-token": "${{ github.token }}",
        "api-url": "http://127.0.0.1:9",
      },
    });
    expect(r.report.result).toBe("failed");
    expect(r.failed).toContain("leave it at its default `${{ github.token }}`");
    expect(r.secrets).toEqual([TOKEN]);
    expect(r.logs).toContain(
      "debug: input `github-token` is an unexpanded `${{ ... }}` expression (as @github/local-action passes action.yml's defaults): read as not given",
    );
  });
});
