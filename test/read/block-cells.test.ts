/**
 * Block cells: every reader records in project.source.cells the label cell of each block of a table
 * (indicators → the 一级指标 header, spendPlan → 资金支出计划…, goals → 绩效目标 / 年度总体目标,
 * budget → 预算规模及资金用途 / 资金用途 / 项目资金), so that findings about a whole block land there
 * (validate.resolveCell) and not on the table's first cell. Checked on every seed-shaped example
 * workbook, and on each of them rendered into our template and read back.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { writeTemplateBook } from "../../src/xlsx/write";
import { readWorkbook } from "../../src/model/read";
import { renderTemplate } from "../../src/model/write";
import { displayText } from "../../src/model/read/labels";
import { parseA1, type Grid } from "../../src/model/grid";
import type { JxmbDocument, LayoutName } from "../../src/model/schema";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = ["seed-000", "seed-001", "seed-002", "seed-002-stacked", "seed-004", "seed-004-merged"];

type Block = "indicators" | "spendPlan" | "goals" | "budget";
const BLOCKS: Block[] = ["indicators", "spendPlan", "goals", "budget"];

/** The label each layout prints for a block, whitespace removed; absent = the layout has no such block. */
const LABELS: Partial<Record<LayoutName, Partial<Record<Block, string>>>> = {
  hebei: { indicators: "一级指标", spendPlan: "资金支出计划（%）", goals: "绩效目标", budget: "预算规模及资金用途" },
  chengde: { indicators: "一级指标", spendPlan: "资金支出计划（累计进度%）", goals: "绩效目标", budget: "资金用途" },
  ningxia: { indicators: "一级指标", goals: "年度总体目标", budget: "项目资金(万元)" },
  template: { indicators: "一级指标", spendPlan: "资金支出计划（%）", goals: "绩效目标", budget: "预算规模及资金用途" },
};
/** Our template draws the Ningxia form for a ningxia document (no spend plan). */
const TEMPLATE_NINGXIA: Partial<Record<Block, string>> = { indicators: "一级指标", goals: "年度总体目标", budget: "项目资金（万元）" };

function textAt(grid: Grid, sheetName: string, ref: string): string {
  const sheet = grid.sheets.find((s) => s.name === sheetName);
  const p = parseA1(ref);
  if (!sheet || !p) return `(bad ref ${sheetName}!${ref})`;
  return displayText(sheet, p.r, p.c).replace(/\s+/g, "");
}

/** One line per project and block that does not hold its label (empty = all good). */
function blockErrors(grid: Grid, doc: JxmbDocument): string[] {
  const errs: string[] = [];
  for (const p of doc.projects) {
    const where = `#${p.seq} ${p.name ?? ""} (${p.layout})`;
    const want = (p.layout === "template" && doc.profile === "ningxia" ? TEMPLATE_NINGXIA : LABELS[p.layout]) ?? {};
    for (const b of BLOCKS) {
      const ref = p.source.cells[b];
      // A redacted Hebei table is only a heading and 此项目文件涉密: it has no blocks.
      const expected = p.redacted && p.layout !== "template" ? undefined : want[b];
      if (expected === undefined) {
        if (ref !== undefined) errs.push(`${where}: ${b} recorded at ${ref} but the table has no such block`);
        continue;
      }
      if (!ref) {
        errs.push(`${where}: no cell for the ${b} block`);
        continue;
      }
      const text = textAt(grid, p.source.sheet, ref);
      if (text !== expected) errs.push(`${where}: ${b} = ${p.source.sheet}!${ref} holds ${JSON.stringify(text)}, expected ${JSON.stringify(expected)}`);
      if (ref === p.source.range?.split(":")[0]) errs.push(`${where}: ${b} is the table's first cell ${ref}`);
    }
  }
  return errs;
}

async function load(name: string): Promise<{ grid: Grid; doc: JxmbDocument }> {
  const grid = await loadGrid(fs.readFileSync(path.join(ROOT, "examples", `${name}.xlsx`)), { fileName: `${name}.xlsx` });
  return { grid, doc: readWorkbook(grid).document };
}

describe.each(FIXTURES)("%s: block label cells", (name) => {
  test("as read from the seed-shaped workbook", async () => {
    const { grid, doc } = await load(name);
    expect(doc.projects.length).toBeGreaterThan(3);
    expect(blockErrors(grid, doc)).toEqual([]);
  });

  test("rendered into the template and read back", async () => {
    const { doc } = await load(name);
    const grid = await loadGrid(await writeTemplateBook(renderTemplate(doc)));
    const back = readWorkbook(grid, { profile: doc.profile }).document;
    expect(back.projects.length).toBe(doc.projects.length);
    expect(back.projects.every((p) => p.layout === "template")).toBe(true);
    expect(blockErrors(grid, back)).toEqual([]);
  });
});
