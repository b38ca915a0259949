import { afterEach, describe, expect, it } from "vitest";
import { type ManualClock, manualClock } from "./clock.ts";
import { call, createAndFind } from "./helpers.ts";
import { type Simulator, type SimulatorOptions, startSimulator } from "./server.ts";

const CHAT = "/dedicated/v1/chat/completions";
const COMPLETIONS = "/dedicated/v1/completions";

let sim: Simulator | undefined;
let clock: ManualClock;
async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  clock = manualClock();
  sim = await startSimulator({ clock, ...options });
  return sim;
}
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const chat = (model: string) => ({ model, messages: [{ role: "user", content: "Say hello in five words" }] });

describe("inference", () => {
  it("chat answers an OpenAI-shaped chat.completion with usage, model = endpoint id", async () => {
    const s = await start();
    const id = s.seed({ name: "chatty", projectId: "demo-project" });
    const res = await call(s, "POST", CHAT, { body: chat(id) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      object: "chat.completion",
      model: id,
      choices: [
        { index: 0, message: { role: "assistant", content: expect.any(String) }, finish_reason: "stop" },
      ],
      usage: { prompt_tokens: 5, completion_tokens: expect.any(Number), total_tokens: expect.any(Number) },
    });
    const again = await call(s, "POST", CHAT, { body: chat(id) });
    expect(again.json).toEqual(res.json);
    expect(s.endpoints()[0]?.lastInferenceAt).toBe(clock.now());
  });

  it("completions answers a text_completion", async () => {
    const s = await start();
    const id = s.seed({ name: "base", projectId: "demo-project" });
    const res = await call(s, "POST", COMPLETIONS, { body: { model: id, prompt: "This is" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      object: "text_completion",
      choices: [{ index: 0, text: expect.any(String), finish_reason: "stop" }],
      usage: { prompt_tokens: 2 },
    });
  });

  it("accepts an adapter route after the endpoint id", async () => {
    const s = await start();
    const id = s.seed({ name: "lora", projectId: "demo-project" });
    expect((await call(s, "POST", CHAT, { body: chat(`${id}:my-adapter`) })).status).toBe(200);
  });

  it("streams server-sent events when stream is true", async () => {
    const s = await start();
    const id = s.seed({ name: "streamy", projectId: "demo-project" });
    const res = await call(s, "POST", CHAT, { body: { ...chat(id), stream: true } });
    expect(res.headers["content-type"]).toBe("text/event-stream");
    const events = res.text.split("\n\n").filter(Boolean);
    expect(events.at(-1)).toBe("data: [DONE]");
    expect(JSON.parse(events[0]?.slice("data: ".length) ?? "")).toMatchObject({
      object: "chat.completion.chunk",
    });
  });

  it("streams one chunk per token, then finish_reason, usage only when stream_options asks, then [DONE]", async () => {
    const s = await start();
    const id = s.seed({ name: "streamy", projectId: "demo-project" });
    const data = (text: string) =>
      text
        .split("\n\n")
        .filter(Boolean)
        .map((e) => e.slice("data: ".length));
    const plain = data((await call(s, "POST", CHAT, { body: { ...chat(id), stream: true } })).text);
    expect(plain.at(-1)).toBe("[DONE]");
    const chunks = plain
      .slice(0, -1)
      .map((e) => JSON.parse(e) as { choices: Array<{ delta: { content?: string } }> });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text).toBe(`Hello from simulated endpoint ${id}.`);
    expect(chunks.length).toBe(2 + text.split(" ").length);
    expect(plain.some((e) => e.includes('"usage"'))).toBe(false);
    const withUsage = data(
      (
        await call(s, "POST", CHAT, {
          body: { ...chat(id), stream: true, stream_options: { include_usage: true } },
        })
      ).text,
    );
    expect(JSON.parse(withUsage.at(-2) ?? "")).toMatchObject({
      choices: [],
      usage: { completion_tokens: 5 },
    });
    const completion = data(
      (
        await call(s, "POST", COMPLETIONS, {
          body: { model: id, prompt: "Once", stream: true, stream_options: { include_usage: true } },
        })
      ).text,
    );
    expect(completion.at(-1)).toBe("[DONE]");
    expect(JSON.parse(completion[0] ?? "")).toMatchObject({
      object: "text_completion",
      choices: [{ text: " is" }],
    });
    expect(JSON.parse(completion.at(-2) ?? "")).toMatchObject({ usage: { completion_tokens: 4 } });
  });

  it("ttftMs: the first event of a stream comes that much clock time later (a manual clock is advanced)", async () => {
    const s = await start({ ttftMs: 750 });
    const id = s.seed({ name: "slow-first", projectId: "demo-project" });
    const before = clock.now();
    await call(s, "POST", CHAT, { body: { ...chat(id), stream: true } });
    expect(clock.now() - before).toBe(750);
    s.setTtftMs(0);
    await call(s, "POST", CHAT, { body: { ...chat(id), stream: true } });
    await call(s, "POST", CHAT, { body: chat(id) });
    expect(clock.now() - before).toBe(750);
  });

  it("503 while the endpoint is not RUNNING, 200 once it is", async () => {
    const s = await start({
      scenario: {
        lifecycleMs: { requestingVirtualMachine: 10, downloadingModel: 10, engineInitializing: 10 },
      },
    });
    const id = await createAndFind(s);
    const first = await call(s, "POST", CHAT, { body: chat(id) });
    expect(first.status).toBe(503);
    expect(first.text).toBe("Endpoint is unavailable");
    clock.advance(30);
    expect((await call(s, "POST", CHAT, { body: chat(id) })).status).toBe(200);
  });

  it("503 during warmupMs after RUNNING", async () => {
    const s = await start({
      scenario: {
        warmupMs: 1000,
        lifecycleMs: { requestingVirtualMachine: 10, downloadingModel: 10, engineInitializing: 10 },
      },
    });
    const id = await createAndFind(s);
    clock.advance(30);
    expect(s.endpoints()[0]?.status).toBe("RUNNING");
    expect((await call(s, "POST", COMPLETIONS, { body: { model: id, prompt: "x" } })).status).toBe(503);
    clock.advance(999);
    expect((await call(s, "POST", COMPLETIONS, { body: { model: id, prompt: "x" } })).status).toBe(503);
    clock.advance(1);
    expect((await call(s, "POST", COMPLETIONS, { body: { model: id, prompt: "x" } })).status).toBe(200);
  });

  it("a model without chat_template fails chat with 400 but serves completions", async () => {
    const s = await start({ scenario: { noChatTemplate: ["org/base-model"] } });
    const id = s.seed({ name: "base", projectId: "demo-project", hfModelRepo: "org/base-model" });
    const res = await call(s, "POST", CHAT, { body: chat(id) });
    expect(res.status).toBe(400);
    expect(String((res.json as { detail: string }).detail)).toMatch(/chat_template/);
    expect((await call(s, "POST", COMPLETIONS, { body: { model: id, prompt: "x" } })).status).toBe(200);
  });

  it("404 for an unknown model id or another team's endpoint; 401 without a key; 422 without messages", async () => {
    const s = await start({
      scenario: {
        teams: [
          { id: "demo-team", projects: ["demo-project"] },
          { id: "other", projects: ["other-project"] },
        ],
      },
    });
    const theirs = s.seed({ name: "theirs", projectId: "other-project" });
    expect((await call(s, "POST", CHAT, { body: chat("dep000000000000") })).status).toBe(404);
    expect((await call(s, "POST", CHAT, { body: chat(theirs) })).status).toBe(404);
    expect((await call(s, "POST", CHAT, { body: chat(theirs), team: "other" })).status).toBe(200);
    expect((await call(s, "POST", CHAT, { body: chat(theirs), token: null })).status).toBe(401);
    const noMessages = await call(s, "POST", CHAT, {
      body: { model: theirs },
      invalidBody: true,
      team: "other",
    });
    expect(noMessages.status).toBe(422);
    expect(noMessages.json).toMatchObject({ detail: [{ loc: ["body", "messages"], type: "missing" }] });
  });
});
