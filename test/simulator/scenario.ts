export type Phase = "REQUESTING_VIRTUAL_MACHINE" | "DOWNLOADING_MODEL" | "ENGINE_INITIALIZING";

export const PHASES: readonly Phase[] = [
  "REQUESTING_VIRTUAL_MACHINE",
  "DOWNLOADING_MODEL",
  "ENGINE_INITIALIZING",
];

/** Every given field must equal the version's; `hfModelRepoRevision` singles out one revision of a repo. */
export interface VersionMatch {
  name?: string;
  hfModelRepo?: string;
  hfModelRepoRevision?: string;
}

export interface FailureRule {
  match: VersionMatch;
  phase: Phase;
  errorCode: string;
  /** Time into the phase at which it fails; default (and maximum): the phase's whole duration. */
  afterMs?: number;
}

/**
 * A rolling update to a matching version stays UPDATING for `updatingMs` instead of
 * `lifecycleMs.updating`, or, with null, until something else happens to the endpoint: a rollout that
 * outlasts the client's wait, while a rollout of any other version takes the usual time.
 */
interface SlowUpdateRule {
  match: VersionMatch;
  updatingMs: number | null;
}

export interface LifecycleMs {
  requestingVirtualMachine: number;
  downloadingModel: number;
  engineInitializing: number;
  updating: number;
  terminating: number;
  awaking: number;
}

export interface Scenario {
  tokens: Array<{ token: string; teams: string[] }> | "any-flp";
  teams: Array<{ id: string; projects: string[] }>;
  defaultTeam: string;
  lifecycleMs: LifecycleMs;
  failures: FailureRule[];
  slowUpdates: SlowUpdateRule[];
  listLagMs: number;
  getLagMs: number;
  warmupMs: number;
  noChatTemplate: string[];
  cooldownSleeps: boolean;
  /** Instance option ids with no GPU to be had: an endpoint on one stays in REQUESTING_VIRTUAL_MACHINE. */
  noCapacity: string[];
  /** Instance option ids the API refuses: a create or update with one answers 400 naming it. */
  refusedOptions: string[];
}

/** Every phase over at once: for runs whose subject is not the lifecycle's timing. */
export const INSTANT_LIFECYCLE: LifecycleMs = {
  requestingVirtualMachine: 0,
  downloadingModel: 0,
  engineInitializing: 0,
  updating: 0,
  terminating: 0,
  awaking: 0,
};

function defaultScenario(): Scenario {
  return {
    tokens: "any-flp",
    teams: [{ id: "demo-team", projects: ["demo-project"] }],
    defaultTeam: "demo-team",
    lifecycleMs: {
      requestingVirtualMachine: 2000,
      downloadingModel: 3000,
      engineInitializing: 2000,
      updating: 2000,
      terminating: 1000,
      awaking: 1000,
    },
    failures: [],
    slowUpdates: [],
    listLagMs: 0,
    getLagMs: 0,
    warmupMs: 0,
    noChatTemplate: [],
    cooldownSleeps: true,
    noCapacity: [],
    refusedOptions: [],
  };
}

/** What `startSimulator` and `--scenario FILE` accept: any subset, down to one phase duration. */
export type ScenarioInput = Partial<Omit<Scenario, "lifecycleMs">> & { lifecycleMs?: Partial<LifecycleMs> };

/** A shallow merge, except lifecycleMs, which is merged field by field so a scenario can change one phase. */
export function mergeScenario(partial: ScenarioInput | undefined): Scenario {
  const base = defaultScenario();
  if (!partial) return base;
  return { ...base, ...partial, lifecycleMs: { ...base.lifecycleMs, ...partial.lifecycleMs } };
}

/** Multiplies every simulated duration, so `--time-scale 0.1` plays a deploy ten times faster. */
export function scaleScenario(s: Scenario, factor: number): Scenario {
  if (factor === 1) return s;
  const lc = s.lifecycleMs;
  const m = (n: number) => Math.round(n * factor);
  return {
    ...s,
    lifecycleMs: {
      requestingVirtualMachine: m(lc.requestingVirtualMachine),
      downloadingModel: m(lc.downloadingModel),
      engineInitializing: m(lc.engineInitializing),
      updating: m(lc.updating),
      terminating: m(lc.terminating),
      awaking: m(lc.awaking),
    },
    failures: s.failures.map((f) => (f.afterMs === undefined ? f : { ...f, afterMs: m(f.afterMs) })),
    slowUpdates: s.slowUpdates.map((u) =>
      u.updatingMs === null ? u : { ...u, updatingMs: m(u.updatingMs) },
    ),
    listLagMs: m(s.listLagMs),
    getLagMs: m(s.getLagMs),
    warmupMs: m(s.warmupMs),
  };
}

export function phaseDurations(lc: LifecycleMs): Record<Phase, number> {
  return {
    REQUESTING_VIRTUAL_MACHINE: lc.requestingVirtualMachine,
    DOWNLOADING_MODEL: lc.downloadingModel,
    ENGINE_INITIALIZING: lc.engineInitializing,
  };
}

/** The fixed list from the `instanceOptionId` description in the spec (there is no API to list them). */
export const INSTANCE_OPTIONS: Readonly<Record<string, { gpuType: string; numGpu: number }>> = {
  ShbPuOs4tfGb: { gpuType: "NVIDIA A100 80GB", numGpu: 1 },
  mrAHuYt7T40o: { gpuType: "NVIDIA A100 80GB", numGpu: 2 },
  JkNob0NMdoF3: { gpuType: "NVIDIA A100 80GB", numGpu: 4 },
  sYH4kHmAcA5P: { gpuType: "NVIDIA A100 80GB", numGpu: 8 },
  TwD5AqnBSVN0: { gpuType: "NVIDIA H100", numGpu: 1 },
  zfTutSiLn0Hq: { gpuType: "NVIDIA H100", numGpu: 2 },
  lfkRz5G48REc: { gpuType: "NVIDIA H100", numGpu: 4 },
  GUA4qYFmsYz8: { gpuType: "NVIDIA H100", numGpu: 8 },
  LnK1wTaKc7WO: { gpuType: "NVIDIA H200", numGpu: 1 },
  Tu6GjBnfHPe4: { gpuType: "NVIDIA H200", numGpu: 2 },
  OhTzYtZuomzI: { gpuType: "NVIDIA H200", numGpu: 4 },
  ahBzWtOuomsI: { gpuType: "NVIDIA H200", numGpu: 8 },
  "8GiQTLKfJNOr": { gpuType: "NVIDIA B200", numGpu: 1 },
  brTZGIuYgVrs: { gpuType: "NVIDIA B200", numGpu: 2 },
  AFoZMFXZnAdD: { gpuType: "NVIDIA B200", numGpu: 4 },
  drbc6G9FxJWZ: { gpuType: "NVIDIA B200", numGpu: 8 },
};
