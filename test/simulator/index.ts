export { type ManualClock, manualClock, type SimClock, systemClock } from "./clock.ts";
export type { CostQuirk } from "./cost.ts";
export {
  defaultScenario,
  type FailureRule,
  INSTANCE_OPTIONS,
  INSTANT_LIFECYCLE,
  type LifecycleMs,
  type Phase,
  type Scenario,
  type ScenarioInput,
  type SlowUpdateRule,
} from "./scenario.ts";
export {
  type CostReportMode,
  type Fault,
  type FaultRule,
  type LoggedRequest,
  ROUTES,
  type RouteName,
  type SeedEndpoint,
  type SimEndpointView,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from "./server.ts";
export { loadSpec, SPEC_PATH, type SpecValidator } from "./spec.ts";
