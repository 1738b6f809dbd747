/**
 * Shared by the seed reader tests: load an example workbook once per test file, and compare canonical
 * JSON field by field with readable paths (“projects[3] (#4 网安电子实验室专项).budget.total: expected 60, got 6”).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read";
import type { Grid } from "../../src/model/grid";
import { parseCanonicalJson, toCanonicalJson } from "../../src/model/canonical";
import type { JxmbDocument, Project } from "../../src/model/schema";
import type { ReadProblem } from "../../src/model/read/types";

export const ROOT = path.resolve(__dirname, "..", "..");
export const EXPECTED_DIR = path.join(ROOT, "test", "fixtures", "seeds", "expected");

export interface Loaded {
  grid: Grid;
  doc: JxmbDocument;
  problems: ReadProblem[];
}

const cache = new Map<string, Promise<Loaded>>();

/** examples/<name>.xlsx through loadGrid + readWorkbook, cached per test file. */
export function loadExample(name: string): Promise<Loaded> {
  if (!cache.has(name)) {
    cache.set(
      name,
      (async () => {
        const grid = await loadGrid(fs.readFileSync(path.join(ROOT, "examples", `${name}.xlsx`)), { fileName: `${name}.xlsx` });
        const { document, problems } = readWorkbook(grid);
        return { grid, doc: document, problems };
      })(),
    );
  }
  return cache.get(name)!;
}

export function projectLabel(p: Project | undefined, i: number): string {
  return p ? `projects[${i}] (#${p.seq} ${p.name ?? p.title ?? "?"})` : `projects[${i}]`;
}

/** Paths where two JSON values differ (at most ~60), projects named by seq and name. */
export function diff(exp: unknown, act: unknown, at: string, out: string[]): void {
  if (out.length > 60) return;
  if (Array.isArray(exp) || Array.isArray(act)) {
    if (!Array.isArray(exp) || !Array.isArray(act)) {
      out.push(`${at}: expected ${JSON.stringify(exp)}, got ${JSON.stringify(act)}`);
      return;
    }
    if (exp.length !== act.length) out.push(`${at}: expected ${exp.length} items, got ${act.length}`);
    for (let i = 0; i < Math.min(exp.length, act.length); i++) diff(exp[i], act[i], at === "projects" ? projectLabel(exp[i] as Project, i) : `${at}[${i}]`, out);
    return;
  }
  if (exp && act && typeof exp === "object" && typeof act === "object") {
    for (const k of new Set([...Object.keys(exp as object), ...Object.keys(act as object)])) {
      diff((exp as Record<string, unknown>)[k], (act as Record<string, unknown>)[k], at ? `${at}.${k}` : k, out);
    }
    return;
  }
  if (!Object.is(exp, act)) out.push(`${at}: expected ${JSON.stringify(exp)}, got ${JSON.stringify(act)}`);
}

/**
 * The read document equals the reviewed expectation in test/fixtures/seeds/expected/<name>.json, field by
 * field (readable paths on failure) and byte for byte (key order, number format). UPDATE_EXPECTED=1
 * rewrites the file first — then review the diff.
 */
export function expectMatchesExpected(name: string, doc: JxmbDocument): void {
  const expectedFile = path.join(EXPECTED_DIR, `${name}.json`);
  const text = toCanonicalJson(doc);
  if (process.env.UPDATE_EXPECTED) {
    fs.mkdirSync(EXPECTED_DIR, { recursive: true });
    fs.writeFileSync(expectedFile, text);
  }
  const parsed = parseCanonicalJson(fs.readFileSync(expectedFile, "utf8"));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const diffs: string[] = [];
  diff(parsed.document, JSON.parse(text), "", diffs);
  expect(diffs).toEqual([]);
  expect(text).toBe(fs.readFileSync(expectedFile, "utf8"));
}
