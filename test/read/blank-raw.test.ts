/**
 * A blank-looking raw (empty, spaces, 全角空格 U+3000, NBSP) is no raw, on every read path: the source reader
 * that sees the cell's text, and the template reader that keeps it in the meta override until the clerk edits
 * the block. A seal made on one path and checked on the other must not list a change nobody made.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { loadGrid } from "../../src/xlsx/read";
import { rawOrNull, readWorkbook } from "../../src/model/read";
import { documentToWorkbook } from "../../src/cli/write";
import { parseA1, type Grid } from "../../src/model/grid";
import { diffDocuments, hasBusinessChanges } from "../../src/model/diff";

test("rawOrNull: only text that shows nothing becomes null", () => {
  for (const blank of ["", " ", "\u3000", " \u3000\u00a0\t\n", "\ufeff"]) expect(rawOrNull(blank)).toBeNull();
  expect(rawOrNull(null)).toBeNull();
  expect(rawOrNull("20.000000\u3000")).toBe("20.000000\u3000");
  expect(rawOrNull("315万元")).toBe("315万元");
  expect(rawOrNull("／")).toBe("／");
});

function edit(grid: Grid, sheetName: string, ref: string, value: number): void {
  const s = grid.sheets.find((x) => x.name === sheetName)!;
  const p = parseA1(ref)!;
  s.values[p.r][p.c] = value;
}

test("template reader: a 全角空格 raw written by an older document reads null, before and after the clerk edits 预算数", async () => {
  const seed = await loadGrid(readFileSync(join(__dirname, "../../examples/seed-002.xlsx")), { fileName: "seed-002.xlsx" });
  const doc = readWorkbook(seed).document;
  // The source cells hold “　”; the reader says there is no raw.
  expect(doc.projects[0].budget).toMatchObject({ other: 0, raw: { other: null } });
  // A document from before this rule (JSON input) still carries the text; the template keeps it in its meta cell.
  const old = JSON.parse(JSON.stringify(doc)) as typeof doc;
  old.projects[0].budget.raw.other = "\u3000";
  const tpl = await loadGrid(await documentToWorkbook(old), { fileName: "模板.xlsx" });
  const before = readWorkbook(tpl).document;
  expect(before.projects[0].budget.raw.other).toBeNull();

  const src = before.projects[0].source;
  edit(tpl, src.sheet, src.cells["budget.total"], 95);
  const after = readWorkbook(tpl).document;
  expect(after.projects[0].budget).toEqual({ ...before.projects[0].budget, total: 95 });
  const d = diffDocuments(before, after);
  expect(hasBusinessChanges(d)).toBe(true);
  expect(JSON.stringify(d)).not.toContain("raw");
});
