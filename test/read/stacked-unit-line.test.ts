/**
 * Issue 9: with tables stacked on one sheet, the next table's unit line written on one row with its
 * money unit (“312002乐亭县公安局 | … | 单位：万元”, as many clerks lay it out) was read as an extra,
 * empty indicator row of the table above. Seed 001 (乐亭县, stacked Hebei tables) re-laid that way must
 * read exactly as the original: same projects, same indicators, the unit line still giving each unit.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read";
import { getValue, setValue, type Grid } from "../../src/model/grid";

const SEED = path.join(__dirname, "..", "..", "examples", "seed-001.xlsx");

/** Move each “单位：万元” line up beside the unit line above it (column F), leaving its own row blank. */
function unitAndMoneyOnOneRow(grid: Grid): number {
  let moved = 0;
  for (const s of grid.sheets) {
    for (let r = 1; r < s.values.length; r++) {
      const v = getValue(s, r, 0);
      const above = getValue(s, r - 1, 0);
      if (typeof v === "string" && /^单位[：:]\s*万元$/.test(v.trim()) && typeof above === "string" && /^\d{6}/.test(above)) {
        setValue(s, r - 1, 5, v);
        setValue(s, r, 0, null);
        moved++;
      }
    }
  }
  return moved;
}

test("a unit line sharing its row with 单位：万元 starts the next table, not an indicator row", async () => {
  const bytes = fs.readFileSync(SEED);
  const original = readWorkbook(await loadGrid(bytes)).document;
  const grid = await loadGrid(bytes);
  expect(unitAndMoneyOnOneRow(grid)).toBeGreaterThan(20);
  const { document, problems } = readWorkbook(grid);
  const shape = (d: typeof document) => d.projects.map((p) => [p.name, p.unit.code, p.budget.total, p.indicators.map((i) => [i.level1, i.name, i.target.raw])]);
  expect(shape(document)).toEqual(shape(original));
  expect(document.projects.flatMap((p) => p.indicators).filter((i) => !i.name)).toEqual([]);
  expect(problems.filter((p) => /没有二级指标|不是指标行/.test(p.message))).toEqual([]);
});
