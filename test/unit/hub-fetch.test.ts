// The Hub fetch's redirect rules, over undici's MockAgent (https hosts cannot be served on loopback):
// hf-token stays on the Hub's origin, and https is never followed down to http.
import { MockAgent } from "undici";
import { describe, expect, it } from "vitest";
import { hubFetch } from "../../src/preflight/hub-fetch.ts";
import { virtualClock } from "../support/clock.ts";

function setup() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const { fetch } = hubFetch({
    dispatcher: agent,
    clock: virtualClock(),
    signal: new AbortController().signal,
    deadlineMs: Number.POSITIVE_INFINITY,
    attemptTimeoutMs: 1000,
    attempts: 1,
    attemptTimer: () => new Promise(() => {}),
  });
  return { agent, fetch };
}

const AUTH = { authorization: "Bearer hf_unit_secret_0123456789" };

describe("hubFetch redirects", () => {
  it("https to http is refused: nothing is sent to the http URL", async () => {
    const { agent, fetch } = setup();
    agent
      .get("https://hub.example")
      .intercept({ path: "/api/models/a/b" })
      .reply(302, "", { headers: { location: "http://cdn.example/a/b" } });
    const plain = agent.get("http://cdn.example");
    let reached = false;
    plain.intercept({ path: "/a/b" }).reply(() => {
      reached = true;
      return { statusCode: 200, data: "{}" };
    });
    await expect(fetch("https://hub.example/api/models/a/b", { headers: AUTH })).rejects.toThrow(
      /redirected to a URL the pre-flight does not follow \(http:\)/,
    );
    expect(reached).toBe(false);
  });

  it("another https origin gets the request without hf-token; the same origin keeps it", async () => {
    const { agent, fetch } = setup();
    const seen: Array<[string, string | undefined]> = [];
    const record = (where: string) => (opts: { headers?: unknown }) => {
      const h = new Headers(opts.headers as ConstructorParameters<typeof Headers>[0]);
      seen.push([where, h.get("authorization") ?? undefined]);
    };
    agent
      .get("https://hub.example")
      .intercept({ path: "/api/models/a/b" })
      .reply((o) => {
        record("hub")(o);
        return {
          statusCode: 307,
          data: "",
          responseOptions: { headers: { location: "/api/models/a/b/again" } },
        };
      });
    agent
      .get("https://hub.example")
      .intercept({ path: "/api/models/a/b/again" })
      .reply((o) => {
        record("hub again")(o);
        return {
          statusCode: 302,
          data: "",
          responseOptions: { headers: { location: "https://cdn.example/blob" } },
        };
      });
    agent
      .get("https://cdn.example")
      .intercept({ path: "/blob" })
      .reply((o) => {
        record("cdn")(o);
        return { statusCode: 200, data: '{"ok":true}' };
      });
    const res = await fetch("https://hub.example/api/models/a/b", { headers: AUTH });
    expect(res.status).toBe(200);
    expect(res.url).toBe("https://cdn.example/blob");
    expect(await res.json()).toEqual({ ok: true });
    expect(seen).toEqual([
      ["hub", AUTH.authorization],
      ["hub again", AUTH.authorization],
      ["cdn", undefined],
    ]);
  });
});
