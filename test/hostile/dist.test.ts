// The built action as the runner runs it, against a server whose every text field forges workflow
// commands: the real stdout is read line by line the way the runner reads it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { runAction } from "../support/run-action.ts";
import { type HostileServer, startHostile } from "./server.ts";

const TOKEN = "flp_hostile_dist_token_0123456789";
const FORGED =
  "\n::add-mask::Created\r::stop-commands::tok\u2028::save-state name=created-by-this-run::true\n##[error]x";

let api: HostileServer;
beforeAll(async () => {
  api = await startHostile();
});
afterAll(async () => {
  await api?.close();
});

/** The commands the runner would obey: lines that start with `::` once trimmed, or hold `##[`. */
function commands(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).filter((l) => /^\s*::/.test(l.trim()) || l.includes("##["));
}

it("no forged command reaches the runner from a model reply or an error detail", async () => {
  api.override.chat = () => ({
    body: { choices: [{ message: { role: "assistant", content: `Hi${FORGED}` } }] },
  });
  const run = await runAction({
    inputs: {
      "friendli-token": TOKEN,
      "project-id": "demo-project",
      name: "hostile-endpoint",
      "hf-model-repo": "org/model",
      gpu: "1x H100",
      "smoke-test": "true",
      "pr-comment": "false",
      "api-url": api.url,
    },
  });
  run.cleanup();
  expect(run.outputs.result).toBe("created");
  expect(run.stdout).toContain("\\::add-mask::Created");
  const obeyed = commands(run.stdout);
  // Only the action's own commands: the mask of its token, debug lines and annotations.
  for (const line of obeyed)
    expect(line).toMatch(/^::(debug|warning|error|notice)::|^::add-mask::flp_hostile/);
  expect(obeyed.filter((l) => l.startsWith("::add-mask::"))).toEqual([`::add-mask::${TOKEN}`]);
});
