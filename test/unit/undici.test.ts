// src/undici.ts: undici by path must behave like undici's root for what the action uses.
import DispatcherBase from "undici/lib/dispatcher/dispatcher.js";
import { describe, expect, it } from "vitest";
import { EnvHttpProxyAgent, request } from "../../src/undici.ts";

describe("undici by path", () => {
  // First, before anything loads undici's root (which would install them itself).
  it("installs the API methods on every dispatcher, as the root does (ProxyAgent tunnels with connect())", () => {
    for (const method of ["request", "stream", "pipeline", "upgrade", "connect"]) {
      expect(typeof (DispatcherBase.prototype as unknown as Record<string, unknown>)[method]).toBe(
        "function",
      );
    }
  });

  it("exports the root's EnvHttpProxyAgent class", async () => {
    const root = await import("undici");
    expect(EnvHttpProxyAgent).toBe(root.EnvHttpProxyAgent);
  });

  it("request(url, opts) sends what the root's request sends", async () => {
    const { MockAgent, request: rootRequest } = await import("undici");
    const sent = async (send: typeof request) => {
      const agent = new MockAgent({ enableCallHistory: true });
      agent.disableNetConnect();
      agent
        .get("https://api.example.test")
        .intercept({ path: () => true, method: () => true })
        .reply(200, { ok: true })
        .times(3);
      const a = await send(new URL("https://api.example.test/a/b?c=1&d=%2F"), { dispatcher: agent });
      expect(await a.body.json()).toEqual({ ok: true });
      await (await send("https://api.example.test/x", { dispatcher: agent, method: "DELETE" })).body.text();
      await (await send("https://api.example.test/y", { dispatcher: agent, body: "{}" })).body.text();
      const calls = agent.getCallHistory()?.calls() ?? [];
      await agent.close();
      return calls.map((c) => ({ method: c.method, fullUrl: c.fullUrl, body: c.body }));
    };
    const ours = await sent(request);
    expect(ours).toEqual(await sent(rootRequest));
    expect(ours.map((c) => `${c.method} ${c.fullUrl}`)).toEqual([
      "GET https://api.example.test/a/b?c=1&d=%2F",
      "DELETE https://api.example.test/x",
      "PUT https://api.example.test/y",
    ]);
  });

  it("refuses what the root refuses", () => {
    expect(() => request("", {})).toThrow("invalid url");
    expect(() => request("https://a.test", { agent: {} } as never)).toThrow("unsupported opts.agent");
  });
});
