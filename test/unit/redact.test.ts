import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/friendli/errors.ts";
import { formatError, redact, redactTokenShapes } from "../../src/friendli/redact.ts";

const TOKEN = "flp_S3cr3tT0ken.with+odd/chars";

describe("redact", () => {
  const rows: Array<[string, string, string]> = [
    ["the token itself", `token ${TOKEN} leaked`, "token *** leaked"],
    ["every occurrence", `${TOKEN}|${TOKEN}`, "***|***"],
    ["URL-encoded token", `?key=${encodeURIComponent(TOKEN)}`, "?key=***"],
    ["Bearer header value", "sent Bearer abc.def-123 to", "sent Bearer *** to"],
    ["prose after bearer", "401: invalid bearer token.", "401: invalid bearer token."],
    ["Authorization header line", "Authorization: Bearer xyz\nnext", "Authorization: ***\nnext"],
    ["JSON authorization field", '{"authorization":"Bearer xyz","a":1}', '{"authorization":"***","a":1}'],
    ["lower-case header", "authorization=Basic dXNlcjpwYXNz; x", "authorization=***; x"],
    ["another flp_ token", "key flp_otherKey123 here", "key *** here"],
    ["an flp_ token glued after `_`", "CODE_flp_otherKey123 here", "CODE_*** here"],
    ["an flp_ token glued after `-` or `:`", "ep-flp_otherKey123 k:flp_otherKey123", "ep-*** k:***"],
    ["nothing to hide", "endpoint dep123 is RUNNING", "endpoint dep123 is RUNNING"],
  ];
  it.each(rows)("%s", (_label, input, expected) => {
    expect(redact(input, [TOKEN])).toBe(expected);
  });

  it("keeps a shell variable that stands for the reader's token (the copy-paste curl)", () => {
    for (const text of [
      '  -H "Authorization: Bearer $FRIENDLI_TOKEN" \\',
      "  -H 'Authorization: Bearer ${FRIENDLI_TOKEN}' \\",
      '{"authorization":"Bearer $TOKEN","a":1}',
      "Authorization: $FRIENDLI_TOKEN",
      "authorization=${TOKEN}; next",
      "Bearer $_TOKEN_2 and Bearer $T",
    ]) {
      expect(redact(text, [TOKEN]), text).toBe(text);
    }
  });

  it("still masks a real value that only starts like a shell variable", () => {
    const rows: Array<[string, string]> = [
      ["Authorization: Bearer $FRIENDLI_TOKEN abc123def456", "Authorization: ***"],
      ["Authorization: Bearer ${FRIENDLI_TOKEN}abc123def456", "Authorization: ***"],
      ["sent Bearer ${X}abc123def456 to", "sent Bearer *** to"],
      ["sent Bearer $X.abc123def456 to", "sent Bearer *** to"],
      ["sent Bearer $2a$10$abcdefghijkl to", "sent Bearer *** to"],
      ["sent Bearer abc123def456ghi to", "sent Bearer *** to"],
    ];
    for (const [input, expected] of rows) expect(redact(input, []), input).toBe(expected);
  });

  it("a secret that looks like a shell variable is still masked by value", () => {
    expect(redact('-H "Authorization: Bearer $S3CRET"', ["$S3CRET"])).toBe('-H "Authorization: Bearer ***"');
  });

  it("redactTokenShapes masks shapes without any secret, and is what redact applies last", () => {
    const text = 'echo {"authorization":"Bearer abcdefgh"} then flp_abcdefgh and Bearer $FRIENDLI_TOKEN';
    expect(redactTokenShapes(text)).toBe('echo {"authorization":"***"} then *** and Bearer $FRIENDLI_TOKEN');
    expect(redact(text, [])).toBe(redactTokenShapes(text));
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

describe("redact: encoded secrets", () => {
  const enc = (s: string) => Buffer.from(s, "utf8");
  // Text around the secret shifts its base64 by 0, 1 or 2 bytes; every shift must be caught.
  const wrappers = ["", "B", "Be", "Bearer ", "Authorization: Bearer ", '{"token":"'];
  const forms: Array<[string, (s: string) => string]> = [
    ["raw", (s) => s],
    ["URL-encoded", (s) => encodeURIComponent(s)],
    ["base64", (s) => enc(s).toString("base64")],
    ["base64url", (s) => enc(s).toString("base64url")],
    ["hex", (s) => enc(s).toString("hex")],
    ["HEX", (s) => enc(s).toString("hex").toUpperCase()],
  ];
  it.each(forms)("hides the %s form, whatever wraps the secret", (_, encode) => {
    for (const before of wrappers) {
      for (const after of ["", "x", "xy", '"}']) {
        const echoed = encode(`${before}${TOKEN}${after}`);
        const out = redact(`the server said: ${echoed}.`, [TOKEN]);
        expect(out, `${before}|${after}`).toContain("***");
        // At most two bytes of the secret's edges may survive (a base64 group shared with its neighbours).
        expect(out).not.toContain(encode(TOKEN).slice(4, -4));
      }
    }
  });

  it("leaves text that holds no secret alone", () => {
    const text = "aGVsbG8gd29ybGQ= 68656c6c6f hello%20world";
    expect(redact(text, [TOKEN])).toBe(text);
  });
});
