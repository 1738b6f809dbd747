/**
 * The readers' fast paths (cheap tests that skip work on rows and sheets that cannot matter) agree
 * with the slow paths they stand in for, on real forms: every example, every public corpus workbook
 * and template workbooks of our own (rendered from the examples' documents).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { writeTemplateBook } from "../../src/xlsx/write";
import { readWorkbook } from "../../src/model/read";
import { renderTemplate } from "../../src/model/write";
import { filledCells, rowCells } from "../../src/model/read/labels";
import type { Grid } from "../../src/model/grid";
import { CORPUS_WORKBOOKS } from "../corpus/build-corpus";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");

const grids: { name: string; grid: Grid }[] = [];

beforeAll(async () => {
  const files = [
    ...fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(EXAMPLES, f)),
    ...fs.readdirSync(CORPUS_WORKBOOKS).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(CORPUS_WORKBOOKS, f)),
  ].sort();
  for (const f of files) {
    const grid = await loadGrid(fs.readFileSync(f), { fileName: path.basename(f) });
    grids.push({ name: path.basename(f), grid });
    if (f.startsWith(EXAMPLES)) {
      // The same document as our own template workbook (the template reader's sheets).
      const bytes = await writeTemplateBook(renderTemplate(readWorkbook(grid).document, {}));
      grids.push({ name: `${path.basename(f)} as template`, grid: await loadGrid(bytes) });
    }
  }
}, 120_000);

it("reads the examples, the corpus and their templates", () => {
  expect(grids.length).toBeGreaterThanOrEqual(20);
  expect(grids.filter((g) => g.name.endsWith("as template")).length).toBeGreaterThanOrEqual(6);
});

it("filledCells counts what rowCells returns (none, one, several) on every row", () => {
  let rows = 0;
  const seen = new Set<number>();
  for (const { name, grid } of grids) {
    for (const sheet of grid.sheets) {
      for (let r = 0; r < sheet.values.length; r++) {
        const n = filledCells(sheet, r);
        seen.add(n);
        rows++;
        if (n !== Math.min(rowCells(sheet, r).length, 2)) throw new Error(`${name} ${sheet.name} row ${r + 1}: ${n} vs ${rowCells(sheet, r).length}`);
      }
    }
  }
  expect(rows).toBeGreaterThan(1000);
  expect([...seen].sort()).toEqual([0, 1, 2]);
});
