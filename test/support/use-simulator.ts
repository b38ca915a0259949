// One loopback simulator per test file (or describe block): started before it, closed after. The
// answer stands for the running simulator, so suites name it once at the top.
import { afterAll, beforeAll } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../simulator/index.ts";
import { standIn } from "./stand-in.ts";

export function useSimulator(options: SimulatorOptions = {}): Simulator {
  let current: Simulator | undefined;
  beforeAll(async () => {
    current = await startSimulator(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  return standIn<Simulator>(Object.prototype, () => {
    if (!current) throw new Error("the simulator is used outside a test (it starts in beforeAll)");
    return current;
  });
}
