export {
  INSTANCE_OPTIONS,
  INSTANT_LIFECYCLE,
  type Phase,
  type ScenarioInput,
} from "./scenario.ts";
export {
  type LoggedRequest,
  type RouteName,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from "./server.ts";
