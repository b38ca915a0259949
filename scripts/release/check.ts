// What must agree before a release: the version asked for (a tag `vX.Y.Z` or `X.Y.Z`), package.json
// and package-lock.json, the user agent the build wrote into dist/, the CHANGELOG's top entry, and
// every place that names the action by a tag (the README, docs/ and examples/: `@vN` must be this
// major, a `# vX.Y.Z` pin comment this version).
// Pure: the caller reads the files (scripts/release-check.ts); each problem names the file and what
// to change.

/** How workflows name this action; the README, docs and examples use it. */
export const ACTION_REPOSITORY = "friendli-deploy-action/deploy";

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const ENTRY_HEADING = /^## \[([^\]]+)\](.*)$/;
const DATE = /^ - (\d{4})-(\d{2})-(\d{2})$/;

export interface Version {
  /** `1.2.3` */
  version: string;
  /** `v1.2.3`, the release's tag. */
  tag: string;
  /** `v1`, the moving major tag. */
  major: string;
  parts: [number, number, number];
}

/** `1.2.3` or `v1.2.3`; a problem for anything else (a pre-release or build suffix included). */
export function parseVersion(arg: string): Version | { problem: string } {
  const bare = arg.startsWith("v") ? arg.slice(1) : arg;
  const m = SEMVER.exec(bare);
  if (!m)
    return {
      problem: `version ${JSON.stringify(arg)} is not X.Y.Z or vX.Y.Z (three numbers, no leading zeros, no suffix)`,
    };
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number];
  return { version: bare, tag: `v${bare}`, major: `v${parts[0]}`, parts };
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export interface ChangelogEntry {
  /** As written between the brackets: `1.0.0`, `Unreleased`. */
  name: string;
  /** What follows `]` on the heading line, e.g. ` - 2026-12-02`. */
  rest: string;
  /** 1-based line of the heading. */
  line: number;
  /** The text under the heading up to the next entry or link definitions, trimmed. */
  body: string;
}

/** The `## [...]` entries of a Keep a Changelog file, top first. */
export function changelogEntries(text: string): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  let current: { entry: ChangelogEntry; body: string[] } | undefined;
  const close = () => {
    if (current) current.entry.body = current.body.join("\n").trim();
    current = undefined;
  };
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    const m = ENTRY_HEADING.exec(line);
    if (m) {
      close();
      current = { entry: { name: m[1] ?? "", rest: m[2] ?? "", line: i + 1, body: "" }, body: [] };
      entries.push(current.entry);
    } else if (/^\[[^\]]+\]:\s/.test(line) || /^# /.test(line)) {
      // Link definitions at the foot, or a new top-level heading, belong to no entry.
      close();
    } else {
      current?.body.push(line);
    }
  }
  close();
  return entries;
}

function validDate(rest: string): string | undefined {
  const m = DATE.exec(rest);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const ok = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return ok ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

export interface ReleaseFiles {
  packageJson: string;
  packageLock: string;
  changelog: string;
  /** The text of dist/bundle/*.js, where the build wrote the version into the user agent. */
  bundle: string;
  /** Files that may name the action by a tag, by path: README.md, docs/*.md, examples/*.yml. */
  mentions: Record<string, string>;
}

export interface ReleaseCheck {
  problems: string[];
  /** The parsed version, when the argument was one. */
  version?: Version;
  /** The CHANGELOG entry's body: the release notes. */
  notes?: string;
  /** The entry's date. */
  date?: string;
}

export function checkRelease(arg: string, files: ReleaseFiles): ReleaseCheck {
  const parsed = parseVersion(arg);
  if ("problem" in parsed) return { problems: [parsed.problem] };
  const v = parsed;
  const problems = [
    ...packageProblems(v, files.packageJson, "package.json", (p) => [p.version]),
    ...packageProblems(v, files.packageLock, "package-lock.json", (p) => [
      p.version,
      p.packages?.[""]?.version,
    ]),
    ...bundleProblems(v, files.bundle),
    ...mentionProblems(v, files.mentions),
  ];
  const log = changelogCheck(v, files.changelog);
  problems.push(...log.problems);
  return { problems, version: v, ...(log.notes !== undefined ? { notes: log.notes, date: log.date } : {}) };
}

interface PackageFields {
  version?: unknown;
  packages?: Record<string, { version?: unknown }>;
}

function packageProblems(
  v: Version,
  text: string,
  file: string,
  versions: (p: PackageFields) => unknown[],
): string[] {
  let pkg: PackageFields;
  try {
    pkg = JSON.parse(text) as PackageFields;
  } catch {
    return [`${file} is not valid JSON`];
  }
  const found = versions(pkg);
  const wrong = found.filter((x) => x !== v.version);
  if (wrong.length === 0) return [];
  const got = [...new Set(found.map((x) => JSON.stringify(x ?? null)))].join(", ");
  return [
    `${file} says version ${got}, the release is ${v.version}: run \`npm version ${v.version} --no-git-tag-version\``,
  ];
}

/** The user agent as scripts/build.ts writes it: "dev" is the source's, before a build. */
const BUNDLE_USER_AGENT = /"friendli-deploy-action\/(dev|\d[^"]*)"/g;

function bundleProblems(v: Version, bundle: string): string[] {
  const found = [...new Set(Array.from(bundle.matchAll(BUNDLE_USER_AGENT), (m) => m[1]))];
  if (found.length === 1 && found[0] === v.version) return [];
  const got = found.length > 0 ? `says version ${found.join(", ")}` : "names no version in its user agent";
  return [`dist/ ${got}, the release is ${v.version}: run \`npm run build\` and commit dist/`];
}

function changelogCheck(v: Version, text: string): { problems: string[]; notes?: string; date?: string } {
  const entries = changelogEntries(text);
  const releases = entries.filter((e) => e.name.toLowerCase() !== "unreleased");
  const unreleased = entries.find((e) => e.name.toLowerCase() === "unreleased");
  const problems: string[] = [];
  if (unreleased && unreleased.body !== "")
    problems.push(
      `CHANGELOG.md:${unreleased.line}: [Unreleased] still lists changes: move them under ## [${v.version}] - YYYY-MM-DD`,
    );
  const top = releases[0];
  if (!top)
    return { problems: [...problems, `CHANGELOG.md has no entry: add ## [${v.version}] - YYYY-MM-DD`] };
  if (top.name !== v.version) {
    const also = releases.some((e) => e.name === v.version)
      ? ` (the entry for ${v.version} is not the top one)`
      : "";
    return {
      problems: [
        ...problems,
        `CHANGELOG.md:${top.line}: the top entry is [${top.name}], the release is ${v.version}${also}: add ## [${v.version}] - YYYY-MM-DD above it`,
      ],
    };
  }
  const date = validDate(top.rest);
  if (!date)
    problems.push(
      `CHANGELOG.md:${top.line}: the heading must be "## [${v.version}] - YYYY-MM-DD" with a real date (got ${JSON.stringify(`## [${top.name}]${top.rest}`)})`,
    );
  if (top.body === "")
    problems.push(`CHANGELOG.md:${top.line}: the entry for ${v.version} is empty: it is the release notes`);
  const previous = releases[1];
  if (previous) {
    const prev = parseVersion(previous.name);
    if ("problem" in prev)
      problems.push(`CHANGELOG.md:${previous.line}: [${previous.name}] is not a version X.Y.Z`);
    else if (compare(v.parts, prev.parts) <= 0)
      problems.push(
        `CHANGELOG.md:${previous.line}: ${v.version} must be newer than the entry below it, ${previous.name}`,
      );
  }
  return { problems, notes: top.body, ...(date ? { date } : {}) };
}

/** `friendli-deploy-action/deploy@<ref>` and the `# vX.Y.Z` comment after it, if any. */
const MENTION = new RegExp(
  `${ACTION_REPOSITORY.replace("/", "\\/")}@([^\\s\`'"]+)(?:\\s+#\\s*(v\\S+))?`,
  "g",
);

function mentionProblems(v: Version, mentions: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, text] of Object.entries(mentions)) {
    for (const [i, line] of text.split(/\r?\n/).entries()) {
      for (const m of line.matchAll(MENTION)) {
        const ref = m[1] ?? "";
        const comment = m[2];
        const where = `${file}:${i + 1}`;
        if (/^v\d+$/.test(ref) && ref !== v.major)
          problems.push(`${where}: ${ACTION_REPOSITORY}@${ref} names another major version than ${v.major}`);
        else if (/^v\d+\.\d+\.\d+$/.test(ref) && ref !== v.tag)
          problems.push(`${where}: ${ACTION_REPOSITORY}@${ref} names another release than ${v.tag}`);
        if (comment !== undefined && comment !== v.tag)
          problems.push(`${where}: the pin comment says ${comment}, the release is ${v.tag}`);
      }
    }
  }
  return problems;
}

/**
 * Whether this release moves the major tag: only when no release of the same major is newer, so a
 * patch to an older minor (1.0.1 after 1.1.0) leaves `v1` where it is.
 */
export function movesMajorTag(v: Version, tags: readonly string[]): boolean {
  return tags.every((tag) => {
    const other = parseVersion(tag);
    if ("problem" in other || !tag.startsWith("v") || other.parts[0] !== v.parts[0]) return true;
    return compare(other.parts, v.parts) <= 0;
  });
}
