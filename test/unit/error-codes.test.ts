import { describe, expect, it } from "vitest";
import { describeErrorCode, ERROR_CODES, errorHint } from "../../src/friendli/error-codes.ts";

// InferenceDeploymentErrorCode, as listed in Friendli's OpenAPI document.
const SPEC_CODES = [
  "WORKLOAD_INIT_UNKNOWN_ERROR",
  "WORKLOAD_INIT_SETTINGS_ERROR",
  "WORKLOAD_INIT_GRPC_ERROR",
  "WORKLOAD_INIT_MANIFEST_NOT_FOUND_ERROR",
  "WORKLOAD_INIT_MANIFEST_TYPE_ERROR",
  "WORKLOAD_INIT_DOWNLOAD_ERROR",
  "WORKLOAD_INIT_INVALID_TOKEN_ERROR",
  "WORKLOAD_INIT_CANNOT_ACCESS_REPO_ERROR",
  "WORKLOAD_INIT_HF_WANDB_API_ERROR",
  "WORKLOAD_INIT_INSUFFICIENT_DISK_ERROR",
  "INFERENCE_ENGINE_UNKNOWN_ERROR",
  "INFERENCE_ENGINE_INVALID_ARGUMENT_ERROR",
  "INFERENCE_ENGINE_MEMORY_ERROR",
  "INFERENCE_ENGINE_METERING_CLIENT_CONFIG_ERROR",
];

describe("error codes", () => {
  it("cover exactly the codes of the spec", () => {
    expect(Object.keys(ERROR_CODES).sort()).toEqual([...SPEC_CODES].sort());
  });

  it.each(SPEC_CODES)("%s has a meaning and a fix", (code) => {
    const hint = describeErrorCode(code);
    expect(hint?.meaning.length).toBeGreaterThan(20);
    expect(hint?.fix.length).toBeGreaterThan(20);
    expect(errorHint(code)).toBe(`${hint?.meaning} ${hint?.fix}`);
  });

  it.each([
    ["WORKLOAD_INIT_CANNOT_ACCESS_REPO_ERROR", ["gated", "Personal Settings → Integrations", "licence"]],
    ["WORKLOAD_INIT_INVALID_TOKEN_ERROR", ["revoked", "Integrations"]],
    ["WORKLOAD_INIT_MANIFEST_NOT_FOUND_ERROR", ["safetensors", "config.json", "root"]],
    ["INFERENCE_ENGINE_MEMORY_ERROR", ["larger", "max-batch-size", "max-token-count", "max-context-length"]],
    ["WORKLOAD_INIT_INSUFFICIENT_DISK_ERROR", ["disk"]],
    ["INFERENCE_ENGINE_INVALID_ARGUMENT_ERROR", ["max-context-length"]],
  ])("%s says what to change", (code, words) => {
    for (const word of words) expect(errorHint(code)).toContain(word);
  });

  it.each([null, undefined, ""])("no code (%j): no hint", (code) => {
    expect(errorHint(code)).toBeUndefined();
    expect(describeErrorCode(code)).toBeUndefined();
  });

  it.each(["WORKLOAD_INIT_NEW_ERROR", "toString", "__proto__"])(
    "an unknown code (%s) gets a generic hint naming it",
    (code) => {
      const hint = errorHint(code);
      expect(hint).toContain(code);
      expect(hint).toContain("Friendli Suite");
    },
  );
});
