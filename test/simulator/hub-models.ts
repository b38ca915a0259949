import { createHash } from "node:crypto";

/** A file of a simulated Hub repository. Weights have a size and no content; small files have both. */
export interface HubFile {
  path: string;
  size: number;
  content?: string;
}

/** A model repository on the simulated Hugging Face Hub. */
export interface HubModel {
  /** `org/name`. */
  id: string;
  private?: boolean;
  /** As the Hub says it: false, or how access is granted. */
  gated?: false | "auto" | "manual";
  /** Tokens that may read a private repo or a gated repo's files; absent: every valid token. */
  access?: string[];
  /** Branches and tags besides `main`, each with its commit. `main` is derived from the id. */
  refs?: Record<string, string>;
  files: HubFile[];
  /** Parameter count the Hub reports under `safetensors` (absent when there are no safetensors). */
  parameters?: number;
}

const GB = 1e9;

/** The commit a simulated branch points at: 40 hex digits derived from repo and ref, stable across runs. */
export function commitOf(repo: string, ref = "main"): string {
  return createHash("sha1").update(`${repo}@${ref}`).digest("hex");
}

export interface ModelShape {
  weightsBytes: number;
  shards?: number;
  safetensors?: boolean;
  config?: boolean;
  chatTemplate?: boolean;
  private?: boolean;
  gated?: false | "auto" | "manual";
}

/** A repository laid out like a transformers checkpoint: sharded weights, config, tokenizer files. */
export function hubModel(id: string, shape: ModelShape): HubModel {
  const shards = shape.shards ?? Math.max(1, Math.ceil(shape.weightsBytes / (5 * GB)));
  const safetensors = shape.safetensors ?? true;
  const ext = safetensors ? "safetensors" : "bin";
  const stem = safetensors ? "model" : "pytorch_model";
  const files: HubFile[] = [];
  for (let i = 1; i <= shards; i++) {
    const name = shards === 1 ? `${stem}.${ext}` : `${stem}-${pad(i)}-of-${pad(shards)}.${ext}`;
    const share = Math.floor(shape.weightsBytes / shards);
    files.push({ path: name, size: i === shards ? shape.weightsBytes - share * (shards - 1) : share });
  }
  if (shape.config ?? true) {
    files.push(
      textFile("config.json", JSON.stringify({ architectures: ["LlamaForCausalLM"], model_type: "llama" })),
    );
  }
  const tokenizer: Record<string, unknown> = { bos_token: "<s>", eos_token: "</s>" };
  if (shape.chatTemplate ?? true) {
    tokenizer.chat_template = "{% for m in messages %}{{ m.role }}: {{ m.content }}\n{% endfor %}";
  }
  files.push(textFile("tokenizer_config.json", JSON.stringify(tokenizer)));
  files.push(textFile("README.md", `# ${id}\n`));
  const model: HubModel = { id, files, private: shape.private ?? false, gated: shape.gated ?? false };
  // bf16: two bytes a parameter.
  if (safetensors) model.parameters = Math.round(shape.weightsBytes / 2);
  return model;
}

function pad(n: number): string {
  return String(n).padStart(5, "0");
}

function textFile(path: string, content: string): HubFile {
  return { path, size: Buffer.byteLength(content), content };
}

/**
 * The repositories every simulator starts with. Sizes are those of bf16 checkpoints of the sizes named,
 * so the GPU-fit rule has something realistic to decide on.
 */
export function defaultHubModels(): HubModel[] {
  return [
    {
      ...hubModel("meta-llama/Llama-3.1-8B-Instruct", {
        weightsBytes: 16.06 * GB,
        shards: 4,
        gated: "manual",
      }),
      // A commit of the real repository, which the tests, the demo and the benchmark pin.
      refs: { "pinned-release": "0e9e39f249a16976918f6564b8830bc894c89659" },
    },
    hubModel("sim-org/small-chat", { weightsBytes: 1.2 * GB }),
    hubModel("sim-org/llama-70b-like", { weightsBytes: 141.1 * GB, shards: 30 }),
    hubModel("sim-org/llama-400b-like", { weightsBytes: 811 * GB, shards: 191 }),
    hubModel("sim-org/no-safetensors", { weightsBytes: 2 * GB, safetensors: false }),
    hubModel("sim-org/no-config", { weightsBytes: 2 * GB, config: false }),
    hubModel("sim-org/base-no-chat-template", { weightsBytes: 2 * GB, chatTemplate: false }),
    hubModel("sim-org/private-model", { weightsBytes: 2 * GB, private: true }),
    hubModel("sim-org/gated-model", { weightsBytes: 2 * GB, gated: "auto" }),
  ];
}
