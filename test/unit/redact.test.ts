import { describe, expect, it } from "vitest";
import { formatError, redact, redactTokenShapes } from "../../src/base/redact.ts";
import { ApiError } from "../../src/friendli/errors.ts";

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

describe("redact: a secret in pieces and in decoded forms", () => {
  const T = "flp_Xq7Rk2xWv9LmZ4bNdT3s";
  const P = T.slice(4); // the private part: what follows the public prefix
  const HF = "hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456";
  const GH = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";
  const each = (s: string, f: (c: string) => string) => [...s].map(f).join("");
  const hex2 = (c: string) => (c.codePointAt(0) ?? 0).toString(16).padStart(2, "0");
  it.each<[string, string, string]>([
    ["split by a line break", `key ${T.slice(0, 12)}\n${T.slice(12)} end`, "key *** end"],
    ["split by CR LF", `key ${T.slice(0, 12)}\r\n${T.slice(12)} end`, "key *** end"],
    ["split by a space", `key ${T.slice(0, 12)} ${T.slice(12)} end`, "key *** end"],
    ["split by a soft hyphen", `key ${T.slice(0, 12)}\u00ad${T.slice(12)} end`, "key *** end"],
    ["split right after the public prefix", `key flp_\n${P} end`, "key *** end"],
    [
      "head and tail printed apart",
      `head ${T.slice(0, 14)} then tail ${T.slice(14)} end`,
      "head *** then tail *** end",
    ],
    ["only its tail, 8 characters", `tail ${P.slice(-8)} end`, "tail *** end"],
    ["7 characters are not the secret", `tail ${P.slice(-7)} end`, `tail ${P.slice(-7)} end`],
    ["zero-width characters between its characters", `key ${[...T].join("\u200b")} end`, "key *** end"],
    ["word joiners and BOMs", `key ${[...T].join("\u2060\ufeff")} end`, "key *** end"],
    ["JSON \\u escapes", `{"k":"${each(T, (c) => `\\u00${hex2(c)}`)}"}`, '{"k":"***"}'],
    ["HTML decimal entities", `<b>${each(T, (c) => `&#${c.codePointAt(0)};`)}</b>`, "<b>***</b>"],
    ["HTML hex entities", `<b>${each(T, (c) => `&#x${hex2(c).toUpperCase()};`)}</b>`, "<b>***</b>"],
    ["upper-case percent encoding", `?k=${each(T, (c) => `%${hex2(c).toUpperCase()}`)}&x=1`, "?k=***&x=1"],
    ["double percent encoding", `?k=${each(T, (c) => `%25${hex2(c)}`)}&x=1`, "?k=***&x=1"],
    [
      "an hf-token echoed in a Hub file name",
      `404: ${HF.slice(0, 20)}.safetensors not found`,
      "404: ***.safetensors not found",
    ],
    [
      "an hf-token in an X-Error-Message header",
      `X-Error-Message: Invalid token ${HF.slice(3)}`,
      "X-Error-Message: Invalid token ***",
    ],
    [
      "a github-token echoed by GitHub",
      `Bad credentials for ${GH.slice(0, 20)}…${GH.slice(24)}`,
      "Bad credentials for ***…***",
    ],
    ["prose keeps its words", "check the friendli-token secret", "check the friendli-token secret"],
  ])("%s", (_what, text, expected) => {
    expect(redact(text, [T, HF, GH])).toBe(expected);
  });

  it("MIME base64 broken inside the token", () => {
    const b64 = Buffer.from(`Authorization: Bearer ${T}`).toString("base64");
    // Broken in the middle of the token's own characters (the header takes the first 29).
    const broken = `${b64.slice(0, 46)}\r\n${b64.slice(46)}`;
    const out = redact(`body: ${broken}`, [T]);
    expect(out).toContain("***");
    expect(out.replace(/\s/g, "")).not.toContain(Buffer.from(T).toString("base64").slice(4, -4));
  });

  it("does not redact twice: a masked text is masked again unchanged", () => {
    const once = redact(`a ${T.slice(0, 12)}\n${T.slice(12)} b &#64;x %2F`, [T]);
    expect(redact(once, [T])).toBe(once);
    expect(once).toBe("a *** b &#64;x %2F");
  });
});

describe("redact: base64 and hex runs that decode to a fragment", () => {
  const T = "flp_Xq7Rk2xWv9LmZ4bNdT3s";
  const HF = "hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456";
  const HP = HF.slice(3);
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  const url = (s: string) => Buffer.from(s).toString("base64url");
  const hex = (s: string) => Buffer.from(s).toString("hex");
  // Left beside a mask: the characters that encode the text around the private part (the one next
  // to it may share a few bits with it), and base64 padding, which encodes nothing.
  it.each<[string, string, string]>([
    ["base64 of 15 characters of the private part", `echo ${b64(HP.slice(0, 15))} end`, "echo *** end"],
    ["base64 of 8 of them, padded", `echo ${b64(HP.slice(5, 13))} end`, "echo ***= end"],
    [
      "7 of them in base64 are not the secret",
      `echo ${b64(HP.slice(5, 12))} end`,
      `echo ${b64(HP.slice(5, 12))} end`,
    ],
    // "Bearer hf_…" cut short: the text before the token shifts it by 0, 1 and 2 bytes.
    ["a Bearer header cut short", `x: ${b64(`Bearer ${HF}`).slice(0, 36)}`, "x: QmVhcmVyIGhmX***"],
    ["the same shifted by a byte", `x: ${b64(`Bearer: ${HF}`).slice(0, 36)}`, "x: QmVhcmVyOiBoZl***"],
    ["the same shifted by two bytes", `x: ${b64(`Bearer:: ${HF}`).slice(0, 36)}`, "x: QmVhcmVyOjogaGZf***"],
    ["a run that starts inside a group", `x: ${b64(`Bearer ${HF}`).slice(17, 41)}`, "x: 0Rl***d"],
    ["base64url of a JSON body, cut short", `x: ${url(`{"t":"${T}"}`).slice(0, 30)}`, "x: eyJ0IjoiZmxwX***"],
    ["MIME line breaks inside the run", `x: ${b64(HP).slice(0, 12)}\r\n${b64(HP).slice(12, 24)}`, "x: ***"],
    ["hex of 8 characters", `h=${hex(HP.slice(9, 17))};`, "h=***;"],
    ["7 characters in hex are not the secret", `h=${hex(HP.slice(9, 16))};`, `h=${hex(HP.slice(9, 16))};`],
    ["upper-case hex at an odd offset", `h=a${hex(HP.slice(9, 20)).toUpperCase()};`, "h=a***;"],
    [
      "hex, base64 and URLs that hold no secret",
      "rev 0e9e39f249a16976918f6564b8830bc894c89659 aGVsbG8gd29ybGQgaGVsbG8= https://huggingface.co/org/Model-8B/resolve/main/x.json",
      "rev 0e9e39f249a16976918f6564b8830bc894c89659 aGVsbG8gd29ybGQgaGVsbG8= https://huggingface.co/org/Model-8B/resolve/main/x.json",
    ],
  ])("%s", (_what, text, expected) => {
    expect(redact(text, [T, HF])).toBe(expected);
  });
});
