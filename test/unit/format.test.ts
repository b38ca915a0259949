import { describe, expect, it } from "vitest";
import { clip, truncate } from "../../src/base/format.ts";

describe("truncate and clip cut by code point", () => {
  // 59 ASCII characters put the emoji's two UTF-16 units at the 60th and 61st: a UTF-16 cut at 60
  // would keep only the first, a lone surrogate that JSON.stringify prints as \ud83d.
  const cutAtEmoji = `${"x".repeat(59)}😀tail`;

  it("clip keeps 60 code points and never half a surrogate pair", () => {
    expect(clip(cutAtEmoji)).toBe(`${"x".repeat(59)}😀…`);
    expect(clip("😀".repeat(62))).toBe(`${"😀".repeat(60)}…`);
    // '…' in place of the last character would hide it and save nothing.
    expect(clip("😀".repeat(61))).toBe("😀".repeat(61));
  });

  it("truncate counts code points", () => {
    expect(truncate("😀😀😀😀", 3)).toBe("😀😀…");
    expect(truncate("😀😀😀", 3)).toBe("😀😀😀");
  });

  it("ellipsisAfter keeps max code points and adds the '…' beyond them", () => {
    expect(truncate("abcd", 3, { ellipsisAfter: true })).toBe("abc…");
    expect(truncate("abc", 3, { ellipsisAfter: true })).toBe("abc");
    // Where a UTF-16 cut at 60 would split the emoji.
    expect(truncate(`${"x".repeat(59)}😀😀`, 60, { ellipsisAfter: true })).toBe(`${"x".repeat(59)}😀…`);
  });

  it("trimCut drops the whitespace the cut leaves, and only when it cuts", () => {
    expect(truncate("ab  cd", 4, { ellipsisAfter: true, trimCut: true })).toBe("ab…");
    expect(truncate("ab  cd", 4, { ellipsisAfter: true })).toBe("ab  …");
    expect(truncate("ab  ", 4, { ellipsisAfter: true, trimCut: true })).toBe("ab  ");
  });
});
