// What each Friendli `InferenceDeploymentErrorCode` (an enum of the OpenAPI document) means and what to change.
// Friendli documents the codes only by name: the meanings are read from the names and from the
// Dedicated Endpoints FAQ (model format, HF token integration), and are worded as likely causes.

type ErrorCodeHint = { meaning: string; fix: string };

const HF_TOKEN_SETTINGS = "Friendli Suite → Personal Settings → Integrations";

export const ERROR_CODES = {
  WORKLOAD_INIT_UNKNOWN_ERROR: {
    meaning: "The endpoint failed while it was being set up, for a reason Friendli did not classify.",
    fix: "Retry the deployment once; if it fails again, check the endpoint's logs in Friendli Suite and contact Friendli support with the endpoint id.",
  },
  WORKLOAD_INIT_SETTINGS_ERROR: {
    meaning: "The endpoint's settings could not be applied to the deployment.",
    fix: "Check the GPU (`gpu`), the replica settings and the advanced engine settings (`max-batch-size`, `max-token-count`, `max-input-length`, `max-context-length`); remove the advanced ones to fall back to Friendli's defaults.",
  },
  WORKLOAD_INIT_GRPC_ERROR: {
    meaning: "An internal call between Friendli's services failed while the endpoint was being set up.",
    fix: "This is on Friendli's side and usually transient: run the workflow again. If it persists, contact Friendli support with the endpoint id.",
  },
  WORKLOAD_INIT_MANIFEST_NOT_FOUND_ERROR: {
    meaning: "Friendli could not find the model files it needs in the Hugging Face repository.",
    fix: "Put the weights as safetensors (`model.safetensors` or `model.safetensors.index.json` with its shards) and `config.json` at the root of the repository (not in a subfolder), at the revision you deploy (`hf-model-revision`).",
  },
  WORKLOAD_INIT_MANIFEST_TYPE_ERROR: {
    meaning: "The model's files are there but of a type or architecture Friendli cannot serve.",
    fix: "Check that `config.json` names an architecture Friendli supports and that the weights are safetensors (not .bin/.pt, GGUF or another format).",
  },
  WORKLOAD_INIT_DOWNLOAD_ERROR: {
    meaning: "Downloading the model from Hugging Face failed.",
    fix: "Check that `hf-model-repo` and `hf-model-revision` exist and that Hugging Face is reachable (status.huggingface.co), then run the workflow again.",
  },
  WORKLOAD_INIT_INVALID_TOKEN_ERROR: {
    meaning: "The Hugging Face token integrated in Friendli is invalid: revoked, expired or deleted.",
    fix: `Create a new Hugging Face access token (read) and integrate it again in ${HF_TOKEN_SETTINGS}.`,
  },
  WORKLOAD_INIT_CANNOT_ACCESS_REPO_ERROR: {
    meaning:
      "Friendli cannot read the Hugging Face repository: it is private or gated, or it does not exist.",
    fix: `Check the spelling of \`hf-model-repo\`. For a private or gated model, integrate a Hugging Face token of an account that can read it in ${HF_TOKEN_SETTINGS}, and accept the model's licence on its Hugging Face page with that account.`,
  },
  WORKLOAD_INIT_HF_WANDB_API_ERROR: {
    meaning:
      "A call to the Hugging Face (or Weights & Biases) API failed while the endpoint was being set up.",
    fix: "Usually transient or a rate limit on Hugging Face's side: run the workflow again later. If it persists, check the token integrated in Friendli Suite.",
  },
  WORKLOAD_INIT_INSUFFICIENT_DISK_ERROR: {
    meaning: "The model does not fit on the instance's disk.",
    fix: "Remove files the engine does not need from the repository (e.g. `.bin` or `.pt` weights next to the safetensors, other checkpoints), deploy a smaller or quantized model, or try a larger instance option (`gpu`).",
  },
  INFERENCE_ENGINE_UNKNOWN_ERROR: {
    meaning: "The inference engine failed to start, for a reason Friendli did not classify.",
    fix: "Retry once; if it fails again, check the endpoint's logs in Friendli Suite and contact Friendli support with the endpoint id.",
  },
  INFERENCE_ENGINE_INVALID_ARGUMENT_ERROR: {
    meaning: "The inference engine rejected its settings.",
    fix: "Check the advanced settings against the model: `max-context-length` and `max-input-length` must not exceed what the model supports (`max_position_embeddings` in config.json), and `max-token-count` must be at least `max-input-length`. Remove them to use Friendli's defaults.",
  },
  INFERENCE_ENGINE_MEMORY_ERROR: {
    meaning: "The model does not fit in GPU memory with these settings (out of memory).",
    fix: "Choose a larger instance option (more or bigger GPUs, e.g. `2x H100` or `1x H200`), or lower `max-batch-size`, `max-token-count` or `max-context-length`, or deploy a quantized model.",
  },
  INFERENCE_ENGINE_METERING_CLIENT_CONFIG_ERROR: {
    meaning: "The engine's usage-metering configuration on Friendli's side is broken.",
    fix: "Nothing in the workflow causes this: contact Friendli support with the endpoint id, and check the team's billing status in Friendli Suite.",
  },
} as const satisfies Record<string, ErrorCodeHint>;

export function describeErrorCode(code: string | null | undefined): ErrorCodeHint | undefined {
  if (!code) return undefined;
  if (Object.hasOwn(ERROR_CODES, code)) return ERROR_CODES[code as keyof typeof ERROR_CODES];
  // The enum may grow before this table does: still say something useful and name the code.
  return {
    meaning: `Friendli reported the error code ${code}, which this action does not know yet.`,
    fix: "Check the endpoint's logs in Friendli Suite; search Friendli's documentation for the code, or contact Friendli support with the endpoint id.",
  };
}

/** One line for logs, the job summary and the PR comment: what it means, then what to change. */
export function errorHint(code: string | null | undefined): string | undefined {
  const hint = describeErrorCode(code);
  return hint && `${hint.meaning} ${hint.fix}`;
}
