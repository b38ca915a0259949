import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  changelogEntries,
  checkRelease,
  movesMajorTag,
  parseVersion,
  type ReleaseFiles,
  type Version,
} from "../../scripts/release/check.ts";
import { readReleaseFiles } from "../../scripts/release/files.ts";
import { repoRoot } from "../support/run-action.ts";

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

## [1.1.0] - 2026-12-24

### Added

- sweep by age

## [1.0.0] - 2026-12-02

- first

[1.1.0]: https://github.com/friendli-deploy-action/deploy/releases/tag/v1.1.0
`;

const pkg = (version: string) => JSON.stringify({ name: "x", version });
const lock = (version: string, root = version) =>
  JSON.stringify({ name: "x", version, packages: { "": { name: "x", version: root } } });

// As scripts/build.ts writes it, beside strings that name the action but are no user agent.
const bundle = (version: string) =>
  `const PAYLOAD_SCHEMA = "friendli-deploy-action/deployment";\nconst USER_AGENT = "friendli-deploy-action/${version}";\n`;

const good: ReleaseFiles = {
  packageJson: pkg("1.1.0"),
  packageLock: lock("1.1.0"),
  changelog: CHANGELOG,
  bundle: bundle("1.1.0"),
  mentions: {
    "README.md":
      "uses: friendli-deploy-action/deploy@v1\nuses: friendli-deploy-action/deploy@0123 # v1.1.0\n",
    "examples/a.yml": "      - uses: friendli-deploy-action/deploy@v1 # the major tag\n",
  },
};

describe("checkRelease", () => {
  it("passes when everything agrees, with the entry as the notes", () => {
    const result = checkRelease("v1.1.0", good);
    expect(result.problems).toEqual([]);
    expect(result.notes).toBe("### Added\n\n- sweep by age");
    expect(result.date).toBe("2026-12-24");
    expect(result.version).toMatchObject({ version: "1.1.0", tag: "v1.1.0", major: "v1" });
    expect(checkRelease("1.1.0", good).problems).toEqual([]);
  });

  it.each<[string, string, Partial<ReleaseFiles>, string[]]>([
    [
      "a tag that is no version",
      "v1.1",
      {},
      ['version "v1.1" is not X.Y.Z or vX.Y.Z (three numbers, no leading zeros, no suffix)'],
    ],
    [
      "a pre-release suffix",
      "1.1.0-rc.1",
      {},
      ['version "1.1.0-rc.1" is not X.Y.Z or vX.Y.Z (three numbers, no leading zeros, no suffix)'],
    ],
    [
      "a leading zero",
      "01.1.0",
      {},
      ['version "01.1.0" is not X.Y.Z or vX.Y.Z (three numbers, no leading zeros, no suffix)'],
    ],
    [
      "package.json behind",
      "1.1.0",
      { packageJson: pkg("1.0.0") },
      [
        'package.json says version "1.0.0", the release is 1.1.0: run `npm version 1.1.0 --no-git-tag-version`',
      ],
    ],
    [
      "package.json without a version",
      "1.1.0",
      { packageJson: "{}" },
      ["package.json says version null, the release is 1.1.0: run `npm version 1.1.0 --no-git-tag-version`"],
    ],
    ["package.json broken", "1.1.0", { packageJson: "{" }, ["package.json is not valid JSON"]],
    [
      "the lock's root package behind",
      "1.1.0",
      { packageLock: lock("1.1.0", "1.0.0") },
      [
        'package-lock.json says version "1.1.0", "1.0.0", the release is 1.1.0: run `npm version 1.1.0 --no-git-tag-version`',
      ],
    ],
    [
      "dist/ built before the version changed",
      "1.1.0",
      { bundle: bundle("1.0.0") },
      ["dist/ says version 1.0.0, the release is 1.1.0: run `npm run build` and commit dist/"],
    ],
    [
      "dist/ built by hand, not by the build (the source's user agent)",
      "1.1.0",
      { bundle: bundle("dev") },
      ["dist/ says version dev, the release is 1.1.0: run `npm run build` and commit dist/"],
    ],
    [
      "dist/ holding two versions",
      "1.1.0",
      { bundle: bundle("1.1.0") + bundle("1.0.0") },
      ["dist/ says version 1.1.0, 1.0.0, the release is 1.1.0: run `npm run build` and commit dist/"],
    ],
    [
      "no dist/",
      "1.1.0",
      { bundle: "" },
      [
        "dist/ names no version in its user agent, the release is 1.1.0: run `npm run build` and commit dist/",
      ],
    ],
    [
      "a tag ahead of the CHANGELOG",
      "1.2.0",
      { packageJson: pkg("1.2.0"), packageLock: lock("1.2.0"), bundle: bundle("1.2.0") },
      [
        "README.md:2: the pin comment says v1.1.0, the release is v1.2.0",
        "CHANGELOG.md:7: the top entry is [1.1.0], the release is 1.2.0: add ## [1.2.0] - YYYY-MM-DD above it",
      ],
    ],
    [
      "a release whose entry is not the top one",
      "1.0.0",
      { packageJson: pkg("1.0.0"), packageLock: lock("1.0.0"), bundle: bundle("1.0.0"), mentions: {} },
      [
        "CHANGELOG.md:7: the top entry is [1.1.0], the release is 1.0.0 (the entry for 1.0.0 is not the top one): add ## [1.0.0] - YYYY-MM-DD above it",
      ],
    ],
    [
      "an entry without a date",
      "1.1.0",
      { changelog: CHANGELOG.replace("## [1.1.0] - 2026-12-24", "## [1.1.0]") },
      ['CHANGELOG.md:7: the heading must be "## [1.1.0] - YYYY-MM-DD" with a real date (got "## [1.1.0]")'],
    ],
    [
      "a date that does not exist",
      "1.1.0",
      { changelog: CHANGELOG.replace("2026-12-24", "2026-02-30") },
      [
        'CHANGELOG.md:7: the heading must be "## [1.1.0] - YYYY-MM-DD" with a real date (got "## [1.1.0] - 2026-02-30")',
      ],
    ],
    [
      "an empty entry",
      "1.1.0",
      { changelog: CHANGELOG.replace("### Added\n\n- sweep by age\n", "") },
      ["CHANGELOG.md:7: the entry for 1.1.0 is empty: it is the release notes"],
    ],
    [
      "changes left under [Unreleased]",
      "1.1.0",
      { changelog: CHANGELOG.replace("## [Unreleased]\n", "## [Unreleased]\n\n- a fix\n") },
      ["CHANGELOG.md:5: [Unreleased] still lists changes: move them under ## [1.1.0] - YYYY-MM-DD"],
    ],
    [
      "an entry not newer than the one below",
      "1.1.0",
      { changelog: CHANGELOG.replace("## [1.0.0]", "## [1.1.0]") },
      ["CHANGELOG.md:13: 1.1.0 must be newer than the entry below it, 1.1.0"],
    ],
    [
      "no entry at all",
      "1.1.0",
      { changelog: "# Changelog\n" },
      ["CHANGELOG.md has no entry: add ## [1.1.0] - YYYY-MM-DD"],
    ],
    [
      "docs naming another major",
      "1.1.0",
      { mentions: { "docs/x.md": "text\n  uses: friendli-deploy-action/deploy@v2\n" } },
      ["docs/x.md:2: friendli-deploy-action/deploy@v2 names another major version than v1"],
    ],
    [
      "docs naming another release",
      "1.1.0",
      { mentions: { "docs/x.md": "`friendli-deploy-action/deploy@v1.0.0`" } },
      ["docs/x.md:1: friendli-deploy-action/deploy@v1.0.0 names another release than v1.1.0"],
    ],
    [
      "a major release with examples still on the old major",
      "2.0.0",
      {
        packageJson: pkg("2.0.0"),
        packageLock: lock("2.0.0"),
        bundle: bundle("2.0.0"),
        changelog: CHANGELOG.replace(
          "## [Unreleased]\n",
          "## [Unreleased]\n\n## [2.0.0] - 2027-01-05\n\n- new\n",
        ),
        mentions: { "examples/a.yml": "      - uses: friendli-deploy-action/deploy@v1\n" },
      },
      ["examples/a.yml:1: friendli-deploy-action/deploy@v1 names another major version than v2"],
    ],
  ])("fails on %s", (_, arg, change, problems) => {
    expect(checkRelease(arg, { ...good, ...change }).problems).toEqual(problems);
  });
});

describe("changelogEntries", () => {
  it("splits the entries, leaving out the link definitions at the foot", () => {
    expect(changelogEntries(CHANGELOG).map(({ name, rest, line, body }) => [name, rest, line, body])).toEqual(
      [
        ["Unreleased", "", 5, ""],
        ["1.1.0", " - 2026-12-24", 7, "### Added\n\n- sweep by age"],
        ["1.0.0", " - 2026-12-02", 13, "- first"],
      ],
    );
  });
});

describe("movesMajorTag", () => {
  const v = (s: string) => parseVersion(s) as Version;
  it.each<[string, string[], boolean]>([
    ["1.0.0", [], true],
    ["1.0.0", ["v1.0.0", "v1"], true],
    ["1.1.0", ["v1.0.0", "v1", "v1.1.0"], true],
    ["1.0.1", ["v1.0.0", "v1.1.0", "v1"], false],
    ["1.2.0", ["v1.10.0"], false],
    ["1.10.0", ["v1.2.0", "v1.9.9"], true],
    ["1.3.0", ["v2.0.0", "v0.9.0", "latest", "v1.4.0-rc.1"], true],
  ])("%s among %j: %s", (version, tags, moves) => {
    expect(movesMajorTag(v(version), tags)).toBe(moves);
  });
});

describe("this repository", () => {
  // Between releases, [Unreleased] collects the changes: the release check refuses them only when a
  // version is cut (the "changes left under [Unreleased]" case above).
  it("is consistent for the version package.json names, but for what [Unreleased] collects", () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string })
      .version;
    const result = checkRelease(version, readReleaseFiles(pathToFileURL(repoRoot)));
    expect(result.problems.filter((p) => !p.includes("[Unreleased] still lists changes"))).toEqual([]);
  });
});
