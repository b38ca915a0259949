// Shared by the unit tests.
import { readFileSync } from "node:fs";
import type { RunContext } from "../../src/github/context.ts";
import { type Inputs, parseInputs } from "../../src/inputs/inputs.ts";
import { virtualClock } from "../support/clock.ts";

/** A virtual clock whose sleeps are recorded (their lengths, in order) before they run. */
export function recordingClock(): { clock: ReturnType<typeof virtualClock>; sleeps: number[] } {
  const clock = virtualClock();
  const sleeps: number[] = [];
  const sleep = clock.sleep;
  clock.sleep = (ms, signal) => {
    sleeps.push(ms);
    return sleep(ms, signal);
  };
  return { clock, sleeps };
}

/** Every module a file loads at import time (type-only imports and dynamic import() excluded). */
export function staticGraph(entry: URL, seen = new Set<string>()): Set<string> {
  if (seen.has(entry.href)) return seen;
  seen.add(entry.href);
  const source = readFileSync(entry, "utf8");
  for (const m of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)";/gms)) {
    const spec = m[1] ?? "";
    if (spec.startsWith(".")) staticGraph(new URL(spec, entry), seen);
    else seen.add(spec);
  }
  return seen;
}

/** A `workflow_dispatch` run of acme/models: the context the input tests parse against. */
export const DISPATCH_CONTEXT: RunContext = {
  eventName: "workflow_dispatch",
  repository: "acme/models",
  sha: "0c5a0ec",
  serverUrl: "https://github.com",
  runId: "1",
  runUrl: "",
  workflow: "deploy",
  actionRef: "v1",
};

/** Inputs as the action parses them: a deploy of acme/llama named llama on 1x H100, `given` on top. */
export function deployInputs(given: Record<string, string> = {}): Inputs {
  const all: Record<string, string> = {
    "friendli-token": "flp_test_token_0123456789",
    "project-id": "proj-1",
    name: "llama",
    "hf-model-repo": "acme/llama",
    gpu: "1x H100",
    "version-comment": "v",
    ...given,
  };
  const parsed = parseInputs((name) => all[name] ?? "", DISPATCH_CONTEXT);
  if (parsed.kind !== "ok") throw new Error(`bad test inputs: ${JSON.stringify(parsed)}`);
  return parsed.inputs;
}
