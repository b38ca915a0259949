// One hostile Friendli API per describe block: started before it, closed after, and its faults and
// endpoints cleared before each test, so no test inherits another's forgeries.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { HostileServer, startHostile } from "../hostile/server.ts";
import { standIn } from "./stand-in.ts";

export function useHostile(): HostileServer {
  let current: HostileServer | undefined;
  beforeAll(async () => {
    current = await startHostile();
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => {
    running().override = {};
    running().endpoints.clear();
  });
  function running(): HostileServer {
    if (!current) throw new Error("the hostile server is used outside a test (it starts in beforeAll)");
    return current;
  }
  return standIn(HostileServer.prototype, running);
}
