// action.yml is the contract a workflow author reads; src/names.ts is what the code uses. They must
// name the same inputs and outputs, and the schema's defaults must be action.yml's, so an input
// declared in one place and forgotten in the other fails here rather than in a user's workflow.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { RunContext } from "../../src/context.ts";
import { parseInputs } from "../../src/inputs.ts";
import { Input, Output } from "../../src/names.ts";
import { actionDefaults, repoRoot } from "../support/run-action.ts";

const action = parse(readFileSync(join(repoRoot, "action.yml"), "utf8")) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

const context: RunContext = {
  eventName: "workflow_dispatch",
  repository: "acme/models",
  sha: "0c5a0ec",
  serverUrl: "https://github.com",
  runId: "1",
  runUrl: "",
  workflow: "deploy",
  actionRef: "v1",
};

describe("action.yml and src/names.ts", () => {
  it("declare the same inputs, in the same order", () => {
    expect(Object.values(Input)).toEqual(Object.keys(action.inputs));
  });

  it("declare the same outputs, in the same order", () => {
    expect(Object.values(Output)).toEqual(Object.keys(action.outputs));
  });

  it("the schema's defaults are action.yml's: parsing with them filled in changes nothing", () => {
    const required: Record<string, string> = {
      [Input.friendliToken]: "flp_test_token_0123456789",
      [Input.projectId]: "proj-1",
      [Input.name]: "llama",
      [Input.hfModelRepo]: "acme/llama",
      [Input.gpu]: "1x H100",
    };
    const withDefaults = { ...actionDefaults(), ...required };
    const bare = parseInputs((name) => required[name] ?? "", context);
    const filled = parseInputs((name) => withDefaults[name] ?? "", context);
    expect(bare.kind).toBe("ok");
    expect(filled).toStrictEqual(bare);
  });
});
