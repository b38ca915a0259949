import { describe, expect, it } from "vitest";
import {
  derivePreviewName,
  MAX_PREVIEW_NAME_LENGTH,
  parsePreviewName,
  previewPrefix,
} from "../../src/inputs/preview-names.ts";

const HASHED = /^[a-z0-9-]*-[0-9a-f]{8}-pr-$/;

describe("previewPrefix / derivePreviewName", () => {
  it.each([
    ["acme/models", 17, "acme--models-pr-17"],
    ["Acme/Models", 17, "acme--models-pr-17"],
    ["acme/a-b", 9, "acme--a-b-pr-9"],
    ["octo-org/llm-service", 1, "octo-org--llm-service-pr-1"],
  ])("%j #%d -> %s (readable: nothing was lost)", (repository, n, expected) => {
    expect(derivePreviewName(repository, n)).toBe(expected);
  });

  it.each([
    ["acme/My.Cool_Model", "acme--my-cool-model-"],
    ["acme/--weird--", "acme--weird-"],
    ["acme/a..b__c", "acme--a-b-c-"],
    ["acme/ÜberModel", "acme--bermodel-"],
    ["acme/...", "acme-"],
    ["acme/", "acme-"],
    ["", "repo-"],
    ["noslash", "noslash-"],
    ["a--b/c", "a--b--c-"],
  ])("%j loses information when sanitised: a hash keeps it apart", (repository, start) => {
    const prefix = previewPrefix(repository);
    expect(prefix.startsWith(start)).toBe(true);
    expect(prefix).toMatch(HASHED);
  });

  it("is stable: the same repository gives the same prefix, case aside", () => {
    expect(previewPrefix("acme/My.Model")).toBe(previewPrefix("ACME/my.model"));
    // sha256("acme/my.model") starts b00af74c (sha256sum agrees): a pinned value, so a change is seen.
    expect(previewPrefix("acme/My.Model")).toBe("acme--my-model-b00af74c-pr-");
  });

  const distinct: Array<[string, string]> = [
    ["alice/models", "bob/models"],
    ["acme-ml/models", "acme/ml-models"],
    ["acme/my.model", "acme/my_model"],
    ["acme/my.model", "acme/my-model"],
    ["acme/models", "acme/models-pr-1"],
    ["acme/a", "acme/a-pr"],
    [`acme/${"x".repeat(80)}1`, `acme/${"x".repeat(80)}2`],
  ];
  it.each(distinct)("%s and %s never share a prefix or a name", (a, b) => {
    expect(previewPrefix(a)).not.toBe(previewPrefix(b));
    for (const n of [1, 17, 123]) {
      expect(parsePreviewName(derivePreviewName(a, n), { repository: b })).toBeUndefined();
      expect(parsePreviewName(derivePreviewName(b, n), { repository: a })).toBeUndefined();
    }
  });

  it.each([1, 12345, 9_999_999_999])("a long repository name fits 63 characters for PR %d", (n) => {
    const repository = `some-organisation/${"very-long-repository-name".repeat(5)}`;
    const name = derivePreviewName(repository, n);
    expect(name.length).toBeLessThanOrEqual(MAX_PREVIEW_NAME_LENGTH);
    expect(name).toMatch(
      new RegExp(`^some-organisation--very-long-repository-[a-z0-9-]*[0-9a-f]{8}-pr-${n}$`),
    );
    // One prefix for every PR of the repository, whatever the number's width.
    expect(name.startsWith(previewPrefix(repository))).toBe(true);
  });

  it("keeps the longest name that fits without a hash readable, and hashes one character more", () => {
    const fits = `acme/${"r".repeat(49 - "acme--".length)}`;
    expect(previewPrefix(fits)).toBe(`acme--${"r".repeat(43)}-pr-`);
    expect(previewPrefix(`${fits}r`)).toMatch(HASHED);
  });

  it("never leaves a dash where the cut falls", () => {
    const prefix = previewPrefix(`acme/${"a".repeat(34)}-bbbbbbbbbbbbbbbb`);
    expect(prefix).toMatch(/^acme--a{34}-[0-9a-f]{8}-pr-$/);
  });

  it("makes names of [a-z0-9-] only, whatever the input", () => {
    for (const repository of ["ÄÖÜ/☃", "a b/c\td", "x/y\u0000z", "🙂/🙃"]) {
      expect(derivePreviewName(repository, 5)).toMatch(/^[a-z0-9][a-z0-9-]*-pr-5$/);
    }
  });
});

describe("parsePreviewName", () => {
  const repo = { repository: "acme/models" };
  it.each<[string, number | undefined]>([
    ["acme--models-pr-17", 17],
    ["acme--models-pr-1", 1],
    ["acme--models-pr-9999999999", 9_999_999_999],
    // Not names this naming makes.
    ["acme--models-pr-017", undefined],
    ["acme--models-pr-0", undefined],
    ["acme--models-pr-", undefined],
    ["acme--models-pr-17-embed", undefined],
    ["acme--models-pr-17a", undefined],
    ["ACME--models-pr-17", undefined],
    ["acme--models-production", undefined],
    // The naming before owners were part of it, and other repositories.
    ["models-pr-17", undefined],
    ["bob--models-pr-17", undefined],
    ["acme--ml-models-pr-17", undefined],
    ["acme--models-pr-5-pr-17", undefined],
    ["x-acme--models-pr-17", undefined],
    ["", undefined],
  ])("%j -> %s", (name, expected) => {
    expect(parsePreviewName(name, repo)).toBe(expected);
  });

  it("recognises every name the naming makes, long and unicode ones included", () => {
    for (const repository of [
      "acme/models",
      `acme/${"long-".repeat(30)}`,
      "acme/ÜberModel",
      "acme/My.Cool_Model",
    ]) {
      for (const n of [1, 42, 100000]) {
        expect(parsePreviewName(derivePreviewName(repository, n), { repository })).toBe(n);
      }
    }
  });

  it.each<[string, string, number | undefined]>([
    ["preview-", "preview-7", 7],
    ["preview-", "preview-07", undefined],
    ["preview-", "preview-7-old", undefined],
    ["preview-", "other-7", undefined],
    ["models-pr-", "models-pr-17", 17],
    ["", "17", undefined],
  ])("with name-prefix %j: %j -> %s", (prefix, name, expected) => {
    expect(parsePreviewName(name, { prefix })).toBe(expected);
  });
});
