import { describe, expect, it } from "vitest";
import { editDistance, GPU_OPTIONS, resolveGpu } from "../../src/friendli/gpus.ts";

describe("GPU_OPTIONS", () => {
  it("holds the 16 instance options of the spec, each id once", () => {
    expect(GPU_OPTIONS).toHaveLength(16);
    expect(new Set(GPU_OPTIONS.map((o) => o.instanceOptionId)).size).toBe(16);
    expect(GPU_OPTIONS.every((o) => /^[A-Za-z0-9]{12}$/.test(o.instanceOptionId))).toBe(true);
  });
});

describe("resolveGpu", () => {
  it.each([
    ["1x H100", "TwD5AqnBSVN0", "1x H100"],
    ["H100", "TwD5AqnBSVN0", "1x H100"],
    ["h100", "TwD5AqnBSVN0", "1x H100"],
    ["1 x h100", "TwD5AqnBSVN0", "1x H100"],
    ["  1X H100  ", "TwD5AqnBSVN0", "1x H100"],
    ["NVIDIA H100", "TwD5AqnBSVN0", "1x H100"],
    ["h100x2", "zfTutSiLn0Hq", "2x H100"],
    ["H100 x 4", "lfkRz5G48REc", "4x H100"],
    ["8xH100", "GUA4qYFmsYz8", "8x H100"],
    ["2x A100", "mrAHuYt7T40o", "2x A100 80GB"],
    ["A100 80GB", "ShbPuOs4tfGb", "1x A100 80GB"],
    ["a100-80gb", "ShbPuOs4tfGb", "1x A100 80GB"],
    ["4x A100 80GB", "JkNob0NMdoF3", "4x A100 80GB"],
    ["4xH200", "OhTzYtZuomzI", "4x H200"],
    ["H200", "LnK1wTaKc7WO", "1x H200"],
    ["8x B200", "drbc6G9FxJWZ", "8x B200"],
    ["b200x2", "brTZGIuYgVrs", "2x B200"],
  ])("friendly name %j -> %s", (input, instanceOptionId, label) => {
    expect(resolveGpu(input)).toEqual({ ok: true, gpu: { instanceOptionId, label } });
  });

  it.each(GPU_OPTIONS.map((o) => [o.instanceOptionId, o.label]))("raw id %s -> %s", (id, label) => {
    expect(resolveGpu(id)).toEqual({ ok: true, gpu: { instanceOptionId: id, label } });
  });

  it("passes an unknown id-shaped value through, labelled with the id (the table can lag)", () => {
    expect(resolveGpu("Zx9QwErTyUi0")).toEqual({
      ok: true,
      gpu: { instanceOptionId: "Zx9QwErTyUi0", label: "Zx9QwErTyUi0" },
    });
  });

  it.each([
    // Raw ids are case-sensitive, and an all-lowercase 12-character word is not id-shaped.
    ["twd5aqnbsvn0", undefined],
    ["H1000", 'Did you mean "1x H100"?'],
    ["2x H1000", 'Did you mean "2x H100"?'],
    ["B20", 'Did you mean "1x B200"?'],
    ["h2000x4", 'Did you mean "4x H200"?'],
    ["3x H100", "H100 comes in 1x, 2x, 4x, 8x."],
    ["16x B200", "B200 comes in 1x, 2x, 4x, 8x."],
    ["0x H100", "H100 comes in 1x, 2x, 4x, 8x."],
    ["2x H100 x2", 'Give the count once, e.g. "2x H100".'],
    ["T4", undefined],
    ["RTX 4090", undefined],
    ["", undefined],
  ])("%j is refused (%s)", (input, hint) => {
    const result = resolveGpu(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(`(got ${JSON.stringify(input)})`);
    expect(result.message).toContain("1x/2x/4x/8x H100");
    expect(result.message).toContain("1x/2x/4x/8x A100 80GB");
    if (hint) expect(result.message).toContain(hint);
    else expect(result.message).not.toContain("Did you mean");
  });
});

describe("resolveGpu: the echoed value", () => {
  it("is cut at 60 code points, never through an emoji's surrogate pair", () => {
    // The emoji's UTF-16 units are the 60th and 61st: a UTF-16 cut at 60 would keep half of it.
    const result = resolveGpu(`${"x".repeat(59)}😀 H100`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(`(got "${"x".repeat(59)}😀…")`);
    expect(result.message).not.toMatch(/\\ud[89a-f]/i);
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["h100", "h100", 0],
    ["h1000", "h100", 1],
    ["kitten", "sitting", 3],
    ["b20", "b200", 1],
  ])("%j vs %j = %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
