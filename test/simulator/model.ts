import {
  type FailureRule,
  INSTANCE_OPTIONS,
  PHASES,
  type Phase,
  phaseDurations,
  type Scenario,
  type VersionMatch,
} from "./scenario.ts";

/** What a version of an endpoint was configured with (the request fields, normalised). */
export interface EndpointConfig {
  name: string;
  instanceOptionId: string;
  hfModelRepo: string;
  hfModelRepoRevision: string | null;
  advanced: Record<string, unknown>;
  autoscaling: { minReplica: number; maxReplica: number; cooldownPeriod: number };
  simplescale: { replicas: number } | null;
  comment: string | null;
  createdAt: number;
}

/**
 * The last thing that happened to an endpoint. Everything after it (phase changes, RUNNING,
 * SLEEPING after the cooldown) is derived from the clock when asked, so no timer ever runs.
 */
export type Anchor =
  | { kind: "init"; at: number }
  | { kind: "update"; at: number }
  | { kind: "running"; at: number }
  | { kind: "wake"; at: number }
  | { kind: "sleep"; at: number }
  | { kind: "terminate"; at: number }
  | { kind: "forced"; at: number; status: string; phase: string | null; errorCode: string | null };

export interface Endpoint {
  id: string;
  seq: number;
  teamId: string;
  projectId: string;
  creatorId: string;
  instanceId: string;
  createdAt: number;
  deletedAt: number | null;
  versions: EndpointConfig[];
  anchor: Anchor;
  lastInferenceAt: number | null;
  /** RUNNING stretches already closed, for the cost report (./cost.ts). */
  billed?: Array<{ from: number; to: number; gpuType: string; gpus: number }>;
}

export interface DerivedState {
  status: string;
  phase: string | null;
  errorCode: string | null;
  /** When status or phase last changed: the `updatedAt` the API reports. */
  since: number;
  /** When the endpoint last became RUNNING, if it is now. */
  runningSince: number | null;
  /** Whether inference is held back after RUNNING for warmupMs (fresh engines only). */
  warms: boolean;
}

export function currentConfig(e: Endpoint): EndpointConfig {
  const v = e.versions.at(-1);
  if (!v) throw new Error(`endpoint ${e.id} has no version`);
  return v;
}

export function deriveState(e: Endpoint, scenario: Scenario, now: number): DerivedState {
  const a = e.anchor;
  const cfg = currentConfig(e);
  const lc = scenario.lifecycleMs;
  switch (a.kind) {
    case "forced":
      return {
        status: a.status,
        phase: a.phase,
        errorCode: a.errorCode,
        since: a.at,
        runningSince: null,
        warms: false,
      };
    case "sleep":
      return asleep(a.at);
    case "terminate":
      return now < a.at + lc.terminating
        ? {
            status: "TERMINATING",
            phase: null,
            errorCode: null,
            since: a.at,
            runningSince: null,
            warms: false,
          }
        : terminated(a.at + lc.terminating);
    case "running":
      return afterRunning(e, scenario, now, a.at, false);
    case "update": {
      // A slowUpdates rule may stretch this version's rollout, forever with null.
      const updating = updatingMsOf(scenario, cfg);
      // A rolling update whose new version cannot start fails the endpoint, as a create would.
      const failure = findFailure(scenario, cfg);
      const failAt = a.at + Math.min(failure?.afterMs ?? updating, updating);
      if (failure && now >= failAt) {
        const phase = failure.phase;
        return {
          status: "FAILED",
          phase,
          errorCode: failure.errorCode,
          since: failAt,
          runningSince: null,
          warms: false,
        };
      }
      return now < a.at + updating
        ? { status: "UPDATING", phase: null, errorCode: null, since: a.at, runningSince: null, warms: false }
        : afterRunning(e, scenario, now, a.at + updating, false);
    }
    case "wake":
      return now < a.at + lc.awaking
        ? {
            status: "AWAKING",
            phase: "ENGINE_INITIALIZING",
            errorCode: null,
            since: a.at,
            runningSince: null,
            warms: false,
          }
        : afterRunning(e, scenario, now, a.at + lc.awaking, true);
    case "init": {
      // No GPU of this option to be had: the request for a VM never ends.
      if (scenario.noCapacity.includes(cfg.instanceOptionId)) {
        const phase = "REQUESTING_VIRTUAL_MACHINE";
        return {
          status: "INITIALIZING",
          phase,
          errorCode: null,
          since: a.at,
          runningSince: null,
          warms: false,
        };
      }
      const durations = phaseDurations(lc);
      const failure = findFailure(scenario, cfg);
      let start = a.at;
      for (const phase of PHASES) {
        const duration = durations[phase];
        if (failure && failure.phase === phase) {
          const failAt = start + Math.min(failure.afterMs ?? duration, duration);
          if (now >= failAt) {
            // The phase it failed in is kept: it tells the user where it broke.
            return {
              status: "FAILED",
              phase,
              errorCode: failure.errorCode,
              since: failAt,
              runningSince: null,
              warms: false,
            };
          }
        }
        if (now < start + duration) {
          return {
            status: "INITIALIZING",
            phase,
            errorCode: null,
            since: start,
            runningSince: null,
            warms: false,
          };
        }
        start += duration;
      }
      return afterRunning(e, scenario, now, start, true);
    }
  }
}

/** Whether every field the rule gives equals the version's. */
function matches(match: VersionMatch, cfg: EndpointConfig): boolean {
  return (
    (match.name === undefined || match.name === cfg.name) &&
    (match.hfModelRepo === undefined || match.hfModelRepo === cfg.hfModelRepo) &&
    (match.hfModelRepoRevision === undefined || match.hfModelRepoRevision === cfg.hfModelRepoRevision)
  );
}

/** The first failure rule that matches the version. */
function findFailure(scenario: Scenario, cfg: EndpointConfig): FailureRule | undefined {
  return scenario.failures.find((f) => matches(f.match, cfg));
}

/** How long a rolling update to this version stays UPDATING: the first matching slowUpdates rule's time. */
function updatingMsOf(scenario: Scenario, cfg: EndpointConfig): number {
  const rule = scenario.slowUpdates.find((u) => matches(u.match, cfg));
  if (!rule) return scenario.lifecycleMs.updating;
  return rule.updatingMs ?? Number.POSITIVE_INFINITY;
}

function asleep(at: number): DerivedState {
  return { status: "SLEEPING", phase: null, errorCode: null, since: at, runningSince: null, warms: false };
}

function terminated(at: number): DerivedState {
  return { status: "TERMINATED", phase: null, errorCode: null, since: at, runningSince: null, warms: false };
}

function afterRunning(
  e: Endpoint,
  scenario: Scenario,
  now: number,
  runningAt: number,
  warms: boolean,
): DerivedState {
  const cfg = currentConfig(e);
  if (scenario.cooldownSleeps && cfg.simplescale === null && cfg.autoscaling.minReplica === 0) {
    const lastActivity = Math.max(runningAt, e.lastInferenceAt ?? Number.NEGATIVE_INFINITY);
    const sleepAt = lastActivity + cfg.autoscaling.cooldownPeriod * 1000;
    if (now >= sleepAt) return asleep(sleepAt);
  }
  return {
    status: "RUNNING",
    phase: null,
    errorCode: null,
    since: runningAt,
    runningSince: runningAt,
    warms,
  };
}

/** An anchor that makes a seeded endpoint report the given state now and carry on naturally from it. */
export function anchorForSeed(
  scenario: Scenario,
  now: number,
  status: string,
  phase: string | null,
  errorCode: string | null,
): Anchor {
  if (status === "RUNNING") return { kind: "running", at: now };
  if (status === "SLEEPING") return { kind: "sleep", at: now };
  if (status === "INITIALIZING" && errorCode === null) {
    const durations = phaseDurations(scenario.lifecycleMs);
    const index = PHASES.indexOf((phase ?? "REQUESTING_VIRTUAL_MACHINE") as Phase);
    if (index >= 0) {
      const offset = PHASES.slice(0, index).reduce((sum, p) => sum + durations[p], 0);
      return { kind: "init", at: now - offset };
    }
  }
  return { kind: "forced", at: now, status, phase, errorCode };
}

export function toStatusBody(s: DerivedState, e: Endpoint): Record<string, unknown> {
  return {
    status: s.status,
    errorCode: s.errorCode,
    createdAt: iso(e.createdAt),
    updatedAt: iso(Math.max(s.since, e.createdAt)),
    phase: s.phase,
  };
}

export function replicaCounts(status: string, cfg: EndpointConfig): { curr: number; desired: number } {
  const serving = cfg.simplescale ? cfg.simplescale.replicas : Math.max(cfg.autoscaling.minReplica, 1);
  switch (status) {
    case "RUNNING":
    case "UPDATING":
      return { curr: serving, desired: serving };
    case "INITIALIZING":
    case "AWAKING":
      return { curr: 0, desired: serving };
    default:
      return { curr: 0, desired: 0 };
  }
}

export function toSpecBody(e: Endpoint, cfg: EndpointConfig, status: string | null): Record<string, unknown> {
  const option = INSTANCE_OPTIONS[cfg.instanceOptionId] ?? { gpuType: "UNKNOWN", numGpu: 1 };
  const adv = cfg.advanced;
  const replicas = status === null ? null : replicaCounts(status, cfg);
  const min = cfg.simplescale ? cfg.simplescale.replicas : cfg.autoscaling.minReplica;
  const max = cfg.simplescale ? cfg.simplescale.replicas : cfg.autoscaling.maxReplica;
  return {
    name: cfg.name,
    gpuType: option.gpuType,
    numGpu: option.numGpu,
    instanceId: e.instanceId,
    projectId: e.projectId,
    creatorId: e.creatorId,
    teamId: e.teamId,
    autoscalingMin: min,
    autoscalingMax: max,
    autoscalingCooldown: cfg.autoscaling.cooldownPeriod,
    maxBatchSize: typeof adv.max_batch_size === "number" ? adv.max_batch_size : 256,
    maxInputLength: typeof adv.max_input_length === "number" ? adv.max_input_length : null,
    maxContextLength: typeof adv.max_context_length === "number" ? adv.max_context_length : null,
    tokenizerSkipSpecialTokens: adv.tokenizer_skip_special_tokens === true,
    tokenizerAddSpecialTokens: adv.tokenizer_add_special_tokens === true,
    currReplicaCnt: replicas?.curr ?? null,
    desiredReplicaCnt: replicas?.desired ?? null,
    updatedReplicaCnt: replicas?.curr ?? null,
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
