// Runs the action's run() in this process with a recording stand-in for @actions/core, a virtual
// clock shared with the simulator (so minutes of waiting take milliseconds, exactly), and real HTTP
// to the simulator on loopback. For integration tests of the operations and the fault suite.
import type { Clock } from "../../src/base/clock.ts";
import type { Core } from "../../src/base/core.ts";
import { run } from "../../src/main.ts";
import type { RunReport } from "../../src/report/run-report.ts";
import { type Simulator, type SimulatorOptions, startSimulator } from "../simulator/index.ts";
import { virtualClock } from "./clock.ts";
import { withDefaults } from "./run-action.ts";

export interface RecordedRun {
  report: RunReport;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  failed: string | undefined;
  /** Every line the action logged, prefixed with its level: "info: ...", "warning: ...". */
  logs: string[];
  secrets: string[];
}

export function recordingCore(inputs: Record<string, string>) {
  const rec = {
    outputs: {} as Record<string, string>,
    state: {} as Record<string, string>,
    summary: "",
    failed: undefined as string | undefined,
    logs: [] as string[],
    secrets: [] as string[],
  };
  const summary = {
    addRaw(text: string) {
      rec.summary += text;
      return summary;
    },
    async write() {
      return summary;
    },
  };
  const core = {
    // Same semantics as @actions/core: a missing input is '', values are trimmed.
    getInput: (name: string) => (inputs[name] ?? "").trim(),
    setSecret: (s: string) => rec.secrets.push(s),
    setOutput: (name: string, value: unknown) => {
      rec.outputs[name] = String(value);
    },
    setFailed: (message: string | Error) => {
      rec.failed = String(message);
    },
    info: (m: string) => rec.logs.push(`info: ${m}`),
    warning: (m: string | Error) => rec.logs.push(`warning: ${String(m)}`),
    debug: (m: string) => rec.logs.push(`debug: ${m}`),
    saveState: (name: string, value: unknown) => {
      rec.state[name] = String(value);
    },
    summary,
  } as unknown as Core;
  return { core, rec };
}

export interface InProcessOptions {
  inputs: Record<string, string>;
  clock: Clock;
  eventName?: string;
  eventPath?: string;
  env?: Record<string, string>;
  signal?: AbortSignal;
}

export async function runInProcess(options: InProcessOptions): Promise<RecordedRun> {
  const { core, rec } = recordingCore(withDefaults(options.inputs));
  const env: NodeJS.ProcessEnv = {
    GITHUB_EVENT_NAME: options.eventName ?? "workflow_dispatch",
    GITHUB_REPOSITORY: "octo-org/llm-service",
    GITHUB_SHA: "4f1c2a7d9e0b3c5a6f8e1d2c3b4a5968778695a4",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "1234567890",
    GITHUB_WORKFLOW: "deploy",
    ...(options.eventPath ? { GITHUB_EVENT_PATH: options.eventPath } : {}),
    ...options.env,
  };
  const report = await run({
    core,
    env,
    clock: options.clock,
    signal: options.signal ?? new AbortController().signal,
  });
  return { report, ...rec };
}

/** A simulator and a virtual clock that share time: the action's sleeps move the endpoint's lifecycle. */
export async function simulatorWithVirtualClock(options: Omit<SimulatorOptions, "clock"> = {}) {
  const clock = virtualClock(Date.UTC(2026, 10, 25, 12, 0, 0));
  const sim: Simulator = await startSimulator({ ...options, clock });
  return { sim, clock };
}

export const TOKEN = "flp_integration_test_token_42";
export const REVISION = "0e9e39f249a16976918f6564b8830bc894c89659";

export function deployInputs(sim: Simulator, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    "friendli-token": TOKEN,
    "project-id": "demo-project",
    name: "it-endpoint",
    "hf-model-repo": "meta-llama/Llama-3.1-8B-Instruct",
    "hf-model-revision": REVISION,
    gpu: "1x H100",
    "pr-comment": "false",
    "api-url": sim.url,
    ...overrides,
  };
}
