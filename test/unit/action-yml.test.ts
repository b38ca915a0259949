// action.yml is the contract a workflow author reads; src/base/names.ts is what the code uses. They must
// name the same inputs and outputs, and the schema's defaults must be action.yml's, so an input
// declared in one place and forgotten in the other fails here rather than in a user's workflow.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Input, Output } from "../../src/base/names.ts";
import { parseInputs } from "../../src/inputs/inputs.ts";
import { actionDefaults, repoRoot } from "../support/run-action.ts";
import { DISPATCH_CONTEXT } from "./helpers.ts";

const action = parse(readFileSync(join(repoRoot, "action.yml"), "utf8")) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

const context = DISPATCH_CONTEXT;

describe("action.yml and src/base/names.ts", () => {
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

describe("every input of action.yml reaches Inputs", () => {
  const base: Record<string, string> = {
    [Input.friendliToken]: "flp_test_token_0123456789",
    [Input.projectId]: "proj-1",
    [Input.name]: "llama",
    [Input.hfModelRepo]: "acme/llama",
    [Input.gpu]: "1x H100",
  };
  // A valid value other than the default for each input, with the inputs it needs beside it. A new
  // input in action.yml needs a row here: the first test says so.
  const given: Record<string, Record<string, string>> = {
    [Input.operation]: { [Input.operation]: "status" },
    [Input.friendliToken]: { [Input.friendliToken]: "flp_other_token_9876543210" },
    [Input.teamId]: { [Input.teamId]: "team-1" },
    [Input.projectId]: { [Input.projectId]: "proj-2" },
    [Input.name]: { [Input.name]: "mistral" },
    [Input.endpointId]: { [Input.endpointId]: "dep123" },
    [Input.hfModelRepo]: { [Input.hfModelRepo]: "acme/mistral" },
    [Input.hfModelRevision]: { [Input.hfModelRevision]: "0123456789abcdef0123456789abcdef01234567" },
    [Input.preflight]: { [Input.preflight]: "false" },
    [Input.hfToken]: { [Input.hfToken]: "hf_test_token_0123456789" },
    [Input.hfEndpoint]: { [Input.hfEndpoint]: "https://hub.example.com" },
    [Input.gpu]: { [Input.gpu]: "2x A100" },
    [Input.gpuFallbackAfter]: { [Input.gpuFallbackAfter]: "2m" },
    [Input.minReplicas]: { [Input.minReplicas]: "1" },
    [Input.maxReplicas]: { [Input.maxReplicas]: "3" },
    [Input.replicas]: { [Input.replicas]: "2" },
    [Input.cooldownSeconds]: { [Input.cooldownSeconds]: "60" },
    [Input.maxBatchSize]: { [Input.maxBatchSize]: "64" },
    [Input.maxTokenCount]: { [Input.maxTokenCount]: "4096" },
    [Input.maxInputLength]: { [Input.maxInputLength]: "2048" },
    [Input.maxContextLength]: { [Input.maxContextLength]: "8192" },
    [Input.tokenizerSkipSpecialTokens]: { [Input.tokenizerSkipSpecialTokens]: "true" },
    [Input.tokenizerAddSpecialTokens]: { [Input.tokenizerAddSpecialTokens]: "true" },
    [Input.enableContentLogging]: { [Input.enableContentLogging]: "true" },
    [Input.queueTimeoutMs]: { [Input.queueTimeoutMs]: "30000" },
    [Input.queueBackpressureMetric]: { [Input.queueBackpressureMetric]: "REQUEST_COUNT" },
    [Input.queueBackpressureThreshold]: { [Input.queueBackpressureThreshold]: "64" },
    [Input.versionComment]: { [Input.versionComment]: "release 2" },
    [Input.ifExists]: { [Input.ifExists]: "reuse" },
    [Input.wait]: { [Input.wait]: "false" },
    [Input.waitTimeout]: { [Input.waitTimeout]: "5m" },
    [Input.deleteOnFailure]: { [Input.deleteOnFailure]: "true" },
    [Input.prComment]: { [Input.prComment]: "false" },
    [Input.githubToken]: { [Input.githubToken]: "ghs_test_token_0123456789" },
    [Input.githubDeployment]: { [Input.githubDeployment]: "false" },
    [Input.environment]: { [Input.environment]: "production" },
    [Input.ifUnchanged]: { [Input.ifUnchanged]: "update" },
    [Input.rollbackOnFailure]: { [Input.rollbackOnFailure]: "true" },
    [Input.smokeTest]: { [Input.smokeTest]: "true" },
    [Input.smokeTestPrompt]: { [Input.smokeTestPrompt]: "Say yes." },
    [Input.smokeTestExpect]: { [Input.smokeTestExpect]: "yes", [Input.smokeTest]: "true" },
    [Input.smokeTestMaxTtftMs]: { [Input.smokeTestMaxTtftMs]: "2000", [Input.smokeTest]: "true" },
    [Input.apiUrl]: { [Input.apiUrl]: "https://api.example.com" },
    [Input.dryRun]: { [Input.dryRun]: "true" },
    [Input.maxAge]: { [Input.maxAge]: "72h", ...sweep() },
    [Input.namePrefix]: { [Input.namePrefix]: "preview-", ...sweep() },
    [Input.sweepAction]: { [Input.sweepAction]: "sleep", ...sweep() },
    [Input.gpuHourlyPrice]: { [Input.gpuHourlyPrice]: "3.25" },
    [Input.maxHourlyCost]: { [Input.maxHourlyCost]: "50" },
  };
  function sweep(): Record<string, string> {
    return { [Input.operation]: "sweep", [Input.name]: "", [Input.githubToken]: "ghs_test_token_0123456789" };
  }
  const inputsOf = (values: Record<string, string>) => {
    const result = parseInputs((name) => values[name] ?? "", context);
    if (result.kind !== "ok") throw new Error(`${JSON.stringify(values)}: ${JSON.stringify(result)}`);
    return result.inputs as unknown as Record<string, unknown>;
  };
  /** The fields of Inputs an input's value changes, against the same run without it. */
  function reached(input: string): string[] {
    const values = { ...base, ...given[input] };
    const without = { ...values, [input]: base[input] ?? "" };
    const a = inputsOf(values);
    const b = inputsOf(without);
    return Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  }

  it("has a value for each input of action.yml, and only for those", () => {
    expect(Object.keys(given).sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it.each(Object.keys(action.inputs))("%s changes a field of Inputs", (input) => {
    expect(reached(input)).not.toEqual([]);
  });

  it("every field of Inputs is set by some input", () => {
    const fields = new Set(Object.keys(action.inputs).flatMap(reached));
    expect([...fields].sort()).toEqual(Object.keys(inputsOf(base)).sort());
  });
});
