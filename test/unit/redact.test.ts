import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/friendli/errors.ts";
import { formatError, redact } from "../../src/friendli/redact.ts";

const TOKEN = "flp_S3cr3tT0ken.with+odd/chars";

describe("redact", () => {
  const rows: Array<[string, string, string]> = [
    ["the token itself", `token ${TOKEN} leaked`, "token *** leaked"],
    ["every occurrence", `${TOKEN}|${TOKEN}`, "***|***"],
    ["URL-encoded token", `?key=${encodeURIComponent(TOKEN)}`, "?key=***"],
    ["Bearer header value", "sent Bearer abc.def-123 to", "sent Bearer *** to"],
    ["Authorization header line", "Authorization: Bearer xyz\nnext", "Authorization: ***\nnext"],
    ["JSON authorization field", '{"authorization":"Bearer xyz","a":1}', '{"authorization":"***","a":1}'],
    ["lower-case header", "authorization=Basic dXNlcjpwYXNz; x", "authorization=***; x"],
    ["another flp_ token", "key flp_otherKey123 here", "key *** here"],
    ["nothing to hide", "endpoint dep123 is RUNNING", "endpoint dep123 is RUNNING"],
  ];
  it.each(rows)("%s", (_label, input, expected) => {
    expect(redact(input, [TOKEN])).toBe(expected);
  });

  it("replaces the longer of two overlapping secrets whole", () => {
    expect(redact("abcd-efgh and abcd", ["abcd", "abcd-efgh"])).toBe("*** and ***");
  });

  it("ignores empty and very short secrets that would shred ordinary text", () => {
    expect(redact("a b c", ["", "a"])).toBe("a b c");
  });

  it("redacts regex metacharacters literally", () => {
    expect(redact("x (a+b)*c y", ["(a+b)*c"])).toBe("x *** y");
  });
});

describe("formatError", () => {
  it("redacts an Error message", () => {
    expect(formatError(new Error(`401 for ${TOKEN}`), [TOKEN])).toBe("401 for ***");
  });

  it("keeps the name of a non-plain Error", () => {
    expect(formatError(new TypeError("bad header"), [])).toBe("TypeError: bad header");
  });

  it("includes and redacts the cause chain", () => {
    const err = new Error("request failed", { cause: new Error(`echo ${TOKEN}`) });
    expect(formatError(err, [TOKEN])).toBe("request failed (cause: echo ***)");
  });

  it("does not repeat an ApiError's cause (its message already says it)", () => {
    const err = new ApiError({
      kind: "ambiguous",
      operation: "get",
      message: "get failed: x",
      cause: new Error("x"),
    });
    expect(formatError(err, [])).toBe("get failed: x");
  });

  it("lists the members of an AggregateError", () => {
    const err = new AggregateError([new Error("a"), new Error("b")], "both failed");
    expect(formatError(err, [])).toBe("both failed: a; b");
  });

  it.each([
    ["a string", `plain ${TOKEN}`, "plain ***"],
    ["undefined", undefined, "unknown error"],
    ["null", null, "unknown error"],
    ["a number", 42, "42"],
    ["an object", { error: `Bearer ${TOKEN}` }, '{"error":"Bearer ***"}'],
  ])("normalises %s", (_label, thrown, expected) => {
    expect(formatError(thrown, [TOKEN])).toBe(expected);
  });

  it("survives an object that cannot be serialised", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatError(cyclic, [])).toBe("[object Object]");
  });
});
