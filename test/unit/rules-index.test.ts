// docs/rules.md is the index of the spec's rules: where each is decided, its database constraint,
// the tests that prove it. An index that drifts from the code is worse than none, so this test
// reads it against the sources, the repository and the spec's list of rule ids.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const INDEX = "docs/rules.md";

/**
 * The rule ids of SPEC.md §4 (shared/SPEC.md beside the repository, "## 4. Rules"). Copied here
 * because CI runs on a clean checkout that need not have the shared folder: when the spec gains or
 * drops a rule, change this list and docs/rules.md together. One line per group, as the spec numbers
 * them (prettier-ignore keeps it so).
 */
// prettier-ignore
const SPEC_RULE_IDS = [
  "R1", "R2", "R3", "R4", "R5",
  "R10", "R11", "R12", "R13", "R14", "R15", "R16", "R17", "R18",
  "R20", "R21", "R22", "R23",
  "R30", "R31", "R32", "R33", "R34",
  "R40", "R41",
];

const RULE_ID = /\bR\d{1,2}\b/g;

/** The folders whose comments and code cite rules, and the kinds of file that do. */
const SOURCE_ROOTS = ["app", "machines", "kiosk", "prisma"];
const SOURCE_FILE = /\.(ts|tsx|prisma|sql)$/;
const SKIP = new Set(["node_modules", "generated", ".next"]);

/** Anything in the index that looks like a repository path (a file: it has an extension). */
const REPO_PATH = /(?<![\w./-])(?:app|machines|kiosk|prisma|test|docs)\/[\w.\-[\]/]*\.[A-Za-z]+/g;
const WHOLE_PATH = new RegExp(`^${REPO_PATH.source}$`);
/** A backticked directory (`kiosk/card/`) also starts with one of the roots. */
const UNDER_A_ROOT = /^(?:app|machines|kiosk|prisma|test|docs)\//;

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return SOURCE_FILE.test(entry.name) ? [rel] : [];
  });
}

const read = (rel: string) => fs.readFileSync(path.join(root, rel), "utf8");
const index = read(INDEX);
const lines = index.split("\n");

/** The index proper: one section per rule, headed "### R1". */
const sections = lines.flatMap((line) => /^### (R\d{1,2})\s*$/.exec(line)?.[1] ?? []);
/** The overview table at the top: one row per rule, "| [R1](#r1) | …". */
const tableRows = lines.flatMap((line) => /^\| \[(R\d{1,2})\]\(#r\d{1,2}\) \|/.exec(line)?.[1] ?? []);

/** What is wrong with the index's list of ids against the spec's: missing, doubled, or no rule. */
function mismatches(what: string, ids: string[]): string[] {
  return [
    ...SPEC_RULE_IDS.filter((id) => !ids.includes(id)).map(
      (id) => `${id}, a rule of the spec, has no ${what} in ${INDEX}`,
    ),
    ...ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${id} has a second ${what} in ${INDEX}`),
    ...ids
      .filter((id) => !SPEC_RULE_IDS.includes(id))
      .map((id) => `${id} has a ${what} in ${INDEX}, but the spec has no ${id}`),
  ];
}

describe("docs/rules.md, the rule index", () => {
  it("reads the index and the sources (the checks below are not vacuous)", () => {
    expect(sections.length).toBeGreaterThan(20);
    expect(sourceFiles("app").length).toBeGreaterThan(50);
  });

  it("(a) indexes every rule id cited in the sources", () => {
    const unindexed = SOURCE_ROOTS.flatMap(sourceFiles).flatMap((file) =>
      read(file)
        .split("\n")
        .flatMap((line, i) =>
          [...line.matchAll(RULE_ID)]
            .map((m) => m[0])
            .filter((id) => !sections.includes(id))
            .map((id) => `${file}:${i + 1} cites ${id}, which ${INDEX} has no section for`),
        ),
    );
    expect(unindexed).toEqual([]);
  });

  it("(b) names only files that exist", () => {
    const missing = lines.flatMap((line, i) =>
      [...line.matchAll(REPO_PATH)]
        .map((m) => m[0])
        .filter((p) => !fs.existsSync(path.join(root, p)))
        .map((p) => `${INDEX}:${i + 1} names ${p}, which does not exist`),
    );
    expect(missing).toEqual([]);
  });

  it("(c) has one section and one table row per rule of the spec, and none for another id", () => {
    expect([...mismatches("section", sections), ...mismatches("table row", tableRows)]).toEqual([]);
  });

  it("(d) quotes only names that stand in the file named before them: test names, functions, constraints", () => {
    // On one line, every "test name" or `name` after a file path is quoted from that file: renaming
    // a test or a function without updating the index fails here. A directory ends the run.
    const stale = lines.flatMap((line, i) => {
      let file: string | null = null;
      const found: string[] = [];
      for (const m of line.matchAll(/`([^`]+)`|"([^"]+)"/g)) {
        const code = m[1];
        if (code !== undefined && WHOLE_PATH.test(code)) {
          file = fs.existsSync(path.join(root, code)) ? code : null; // (b) reports a missing one
        } else if (code !== undefined && UNDER_A_ROOT.test(code)) {
          file = null;
        } else if (file && !read(file).includes(code ?? m[2]!)) {
          found.push(`${INDEX}:${i + 1} quotes ${m[0]} after ${file}, which does not contain it`);
        }
      }
      return found;
    });
    expect(stale).toEqual([]);
  });
});
