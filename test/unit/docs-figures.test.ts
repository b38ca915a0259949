// The docs state figures that the code decides (poll intervals, budgets, prices, request counts):
// scripts/gen-readme.ts writes them between `<!-- fig:NAME -->` markers, and `npm run docs:check`
// must fail when a page says anything else. The CLI case runs the real checker, as CI does, on a
// copy of the pages with one figure edited by hand.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { figure, fillFigures } from "../../scripts/gen-readme.ts";

const root = new URL("../../", import.meta.url).pathname;
const values: Record<string, string> = { "quiet-poll": "14.8 s", "list-prices": "| a |\n| b |" };
const stub = (name: string) => values[name] ?? `(${name})`;

describe("fillFigures", () => {
  it.each([
    {
      what: "a figure that matches is left alone",
      page: "every <!-- fig:quiet-poll -->14.8 s<!-- /fig --> at most",
      text: "every <!-- fig:quiet-poll -->14.8 s<!-- /fig --> at most",
      drift: [],
    },
    {
      what: "a drifted figure is rewritten and named",
      page: "every <!-- fig:quiet-poll -->14 s<!-- /fig --> at most",
      text: "every <!-- fig:quiet-poll -->14.8 s<!-- /fig --> at most",
      drift: ['fig:quiet-poll: the page says "14 s", the code "14.8 s"'],
    },
    {
      what: "a block figure stands on lines of its own",
      page: "<!-- fig:list-prices -->\n| a |\n<!-- /fig -->",
      text: "<!-- fig:list-prices -->\n| a |\n| b |\n<!-- /fig -->",
      drift: ['fig:list-prices: the page says "| a |", the code "| a |\\n| b |"'],
    },
    {
      what: "text without markers is not touched",
      page: "every 14 s, fig:quiet-poll",
      text: "every 14 s, fig:quiet-poll",
      drift: [],
    },
  ])("$what", ({ page, text, drift }) => {
    expect(fillFigures(page, stub)).toEqual({ text, drift });
  });

  it("refuses a figure it does not know, and a marker left open", () => {
    expect(() => fillFigures("<!-- fig:no-such-figure -->1<!-- /fig -->")).toThrow(
      /no figure the generator knows/,
    );
    expect(() => fillFigures("<!-- fig:quiet-poll -->1 <!-- fig:heartbeat -->2<!-- /fig -->", stub)).toThrow(
      /fig:quiet-poll is not closed/,
    );
  });
});

describe("npm run docs:check on a copy of the pages", () => {
  let copy = "";
  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  it("fails on a figure edited by hand, naming it and nothing else", () => {
    copy = mkdtempSync(join(tmpdir(), "docs-check-"));
    for (const path of ["README.md", "action.yml", "docs"])
      cpSync(join(root, path), join(copy, path), { recursive: true });
    const readme = readFileSync(join(copy, "README.md"), "utf8");
    const right = `<!-- fig:quiet-poll -->${figure("quiet-poll")}<!-- /fig -->`;
    expect(readme).toContain(right);
    const drifted = readme.replace(right, "<!-- fig:quiet-poll -->14 s<!-- /fig -->");
    writeFileSync(join(copy, "README.md"), drifted);

    const check = spawnSync(
      process.execPath,
      [join(root, "scripts/gen-readme.ts"), "--check", "--root", copy],
      {
        encoding: "utf8",
      },
    );
    expect(check.status).toBe(1);
    expect(check.stderr.trim().split("\n")).toEqual([
      `README.md: fig:quiet-poll: the page says "14 s", the code ${JSON.stringify(figure("quiet-poll"))}`,
      "the docs differ from the code: run `npm run docs`",
    ]);
    // A check writes nothing; fillFigures above is what `npm run docs` writes with.
    expect(readFileSync(join(copy, "README.md"), "utf8")).toBe(drifted);
  }, 120_000);
});
