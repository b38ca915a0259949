// The layout is a contract with the next person who changes the code: imports run one way, from
// the steps (main, post) through the operations and the features down to the clients and the
// plain helpers of base/, and nothing climbs back up. Read from the source, type imports included,
// so a shortcut through a type is caught too.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const SRC = "src";

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((entry) => {
    const path = posix.join(dir, entry);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative module a file names, static or dynamic, as a path from the repository's root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  const specs = [...text.matchAll(/(?:\bfrom|\bimport\s*\()\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1] ?? "");
  return specs.map((spec) => posix.normalize(posix.join(posix.dirname(file), spec)));
}

/** The room a file lives in: its folder under src/, or "(top)" for the entries beside them. */
function roomOf(file: string): string {
  const parts = relative(SRC, file).split("/");
  return parts.length > 1 ? (parts[0] ?? "") : "(top)";
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

function cycles(edges: Map<string, Iterable<string>>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return found;
}

const rooms = new Map<string, Set<string>>();
for (const [file, deps] of graph) {
  for (const dep of deps) {
    if (roomOf(dep) === roomOf(file)) continue;
    const set = rooms.get(roomOf(file)) ?? new Set<string>();
    set.add(roomOf(dep));
    rooms.set(roomOf(file), set);
  }
}

/** The imports of the files in `room` that lead out of the rooms it may use. */
function leaving(room: string, allowed: readonly string[]): string[] {
  return [...graph]
    .filter(([file]) => roomOf(file) === room)
    .flatMap(([file, deps]) =>
      deps.filter((d) => !allowed.includes(roomOf(d))).map((d) => `${file} -> ${d}`),
    );
}

const STEPS = ["(top)", "post"];
const FEATURES = [
  "cost",
  "endpoint",
  "inputs",
  "ledger",
  "plan",
  "preflight",
  "report",
  "smoke",
  "sweep",
  "wait",
];

describe("the source's layout", () => {
  it("every import names a file that exists", () => {
    const missing = [...graph].flatMap(([file, deps]) =>
      deps.filter((d) => !graph.has(d)).map((d) => `${file} -> ${d}`),
    );
    expect(missing).toEqual([]);
  });

  it("has no import cycle between files", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("has no import cycle between rooms", () => {
    expect(cycles(rooms)).toEqual([]);
  });

  it("base/ holds plain helpers that import nothing of the features", () => {
    expect(leaving("base", ["base"])).toEqual([]);
  });

  it("the API clients (friendli/, github/) stand on base/ alone", () => {
    expect(leaving("friendli", ["friendli", "base"])).toEqual([]);
    expect(leaving("github", ["github", "base"])).toEqual([]);
  });

  it("no feature reaches up into the operations or the steps", () => {
    for (const feature of FEATURES) {
      expect(leaving(feature, [...FEATURES, "friendli", "github", "base"]), feature).toEqual([]);
    }
  });

  it("the operations never reach up into the steps", () => {
    expect(leaving("operations", ["operations", ...FEATURES, "friendli", "github", "base"])).toEqual([]);
  });

  it("only the steps' entries sit at the top of src/", () => {
    const top = files.filter((f) => roomOf(f) === "(top)").map((f) => posix.basename(f));
    expect(top.sort()).toEqual(["index.ts", "main.ts", "steps.ts"]);
    expect(STEPS).toContain("(top)");
  });

  it("knows every room (a new folder is placed in a layer above)", () => {
    const known = new Set([...STEPS, "operations", ...FEATURES, "friendli", "github", "base"]);
    expect([...new Set(files.map(roomOf))].filter((r) => !known.has(r))).toEqual([]);
  });

  it("keeps every file of src/ to 300 lines (a function to 60: biome's noExcessiveLinesPerFunction)", () => {
    const lines = (f: string) => readFileSync(join(root, f), "utf8").trimEnd().split("\n").length;
    expect(files.filter((f) => lines(f) > 300).map((f) => `${f}: ${lines(f)}`)).toEqual([]);
  });

  it("reads the tree it claims to (sanity: the walk found the rooms and their imports)", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get("src/main.ts")?.length).toBeGreaterThan(5);
    expect(dirname("src/base/clock.ts")).toBe("src/base");
  });
});
