// A logger for tests and benchmarks whose log nobody reads.
import type { Logger } from "../../src/base/log.ts";

export const silentLogger: Logger = { info() {}, warning() {}, debug() {} };
