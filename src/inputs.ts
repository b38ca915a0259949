// CONTRACT (types) — the parser is implemented below this block.
import type { AdvancedConfig } from "./friendli/schemas.ts";
import type { InputName } from "./names.ts";

export type Operation = "deploy" | "delete" | "status";
export type IfExists = "update" | "reuse" | "fail";

export interface Gpu {
  /** The API's instanceOptionId. */
  instanceOptionId: string;
  /** What a person reads: "1x H100" (or the raw id when given one that is not in the table). */
  label: string;
}

/** Every input of the action, parsed and validated once, at the boundary. '' inputs are absent. */
export interface Inputs {
  operation: Operation;
  friendliToken: string;
  teamId?: string;
  projectId: string;
  /** Endpoint name: the input, or on pull request events `<repo>-pr-<number>` made safe. */
  name: string;
  endpointId?: string;
  /** Present when operation is deploy. */
  hfModelRepo?: string;
  hfModelRevision?: string;
  /** Present when operation is deploy. */
  gpu?: Gpu;
  minReplicas: number;
  maxReplicas: number;
  cooldownSeconds: number;
  advanced: AdvancedConfig;
  /** The input, or provenance: repository, commit and workflow run URL. */
  versionComment: string;
  ifExists: IfExists;
  wait: boolean;
  waitTimeoutMs: number;
  deleteOnFailure: boolean;
  prComment: boolean;
  githubToken: string;
  smokeTest: boolean;
  smokeTestPrompt: string;
  /** Normalised base URL without trailing slash, https or loopback http. */
  apiUrl: string;
  dryRun: boolean;
}

export type ParseResult =
  | { kind: "ok"; inputs: Inputs }
  /** A pull request from a fork gets no secrets: warn, `result: skipped`, succeed. */
  | { kind: "skip"; reason: string }
  /** Every problem at once, each naming its input. */
  | { kind: "invalid"; problems: Array<{ input: InputName; message: string }> };
