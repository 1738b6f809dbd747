/**
 * 插入项目表 in a template workbook, through the real OfficePort over the recording fake of Excel (and the
 * MemoryPort): the next 项目N is added after the last project sheet, titled and numbered, with a row in 汇总 and
 * 合计 over it, sharing the one hidden _lists sheet; the other sheets stay as they were; undo deletes the new sheet
 * and writes 汇总 back. Sync budget: the insert in 5 round trips (insert 3 + rewrite 2), the undo in 4.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Grid, GridSheet } from "../../src/model/grid";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { NAMES, renderEmptyTemplate, renderTemplate, SHEET_LISTS, SHEET_SUMMARY, SUMMARY } from "../../src/model/write/index";
import { OfficePort } from "../../src/taskpane/excel/officePort";
import { MemoryPort } from "../../src/taskpane/excel/memoryPort";
import type { WorkbookPort } from "../../src/taskpane/excel/port";
import { checkUndo, insertProject, isTemplateWorkbook, planProjectAddition, previewInsert, previewLines, undoInsert } from "../../src/taskpane/books";
import { runValidation } from "../../src/taskpane/logic";
import { createFakeExcel, type FakeExcel } from "./fakeExcel";

const INSERT_SYNCS = 5;
const UNDO_SYNCS = 4;

function officeOver(grid: Grid): { fake: FakeExcel; port: OfficePort } {
  const fake = createFakeExcel(grid);
  return { fake, port: new OfficePort(fake.Excel as never, { supports: fake.supports }) };
}

/** What the pane reads back (values, formulas, formats, merges) of one sheet. */
async function sheetOf(port: WorkbookPort, name: string): Promise<GridSheet> {
  const g = await port.readWorkbook();
  const s = g.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function cell(s: GridSheet, r: number, c: number): unknown {
  return s.formulas?.[r]?.[c] ?? s.values[r]?.[c] ?? null;
}

/** A sheet's content as written (formula, else value), formats and merges; the fake does not calculate. */
function content(s: GridSheet): unknown {
  return { cells: s.values.map((row, r) => row.map((_, c) => cell(s, r, c))), formats: s.formats ?? null, merges: s.merges };
}

describe("插入项目表 in a template workbook (recording fake of Excel)", () => {
  test("adds 项目3 after 项目2: numbered, in 汇总 and 合计, one _lists; the rest untouched; undo restores 汇总", async () => {
    const { fake, port } = officeOver(renderEmptyTemplate(2).grid);
    const run = await runValidation(port, undefined);
    expect(isTemplateWorkbook(run.document, run.grid)).toBe(true);
    const sheetsBefore = JSON.stringify(fake.book.sheets.filter((s) => s.name !== SHEET_SUMMARY));
    const summaryBefore = await sheetOf(port, SHEET_SUMMARY);
    const namesBefore = JSON.stringify(fake.book.names);

    const plan = planProjectAddition(run.document, run.grid, await port.sheetNames());
    expect(plan.sheetName).toBe("项目3");
    const preview = { ...(await previewInsert(port, plan.insert)), updates: [SHEET_SUMMARY] };
    expect(preview.sheets.map((s) => s.name)).toEqual(["项目3"]); // no second _lists
    expect(previewLines(preview)[0]).toMatch(/更新“汇总”.*撤销时恢复原样/);

    fake.resetStats();
    const { record, message, summaryFailed } = await insertProject(port, plan);
    expect(fake.stats.syncs).toBeLessThanOrEqual(INSERT_SYNCS);
    expect(summaryFailed).toBeUndefined();
    expect(message).toMatch(/项目3.*汇总/);

    // Order: after the last project sheet, before the hidden lists; still one _lists.
    expect(fake.book.sheets.map((s) => s.name)).toEqual(["部门", "汇总", "项目1", "项目2", "项目3", SHEET_LISTS]);
    expect(JSON.stringify(fake.book.sheets.filter((s) => s.name !== SHEET_SUMMARY && s.name !== "项目3"))).toBe(sheetsBefore);

    const title = await sheetOf(port, "项目3");
    expect(String(cell(title, 0, 0))).toContain('"3."');
    const sum = await sheetOf(port, SHEET_SUMMARY);
    const r3 = SUMMARY.firstRow + 2;
    expect(sum.values[r3][SUMMARY.cols.sheet]).toBe("项目3");
    expect(String(cell(sum, r3, SUMMARY.cols.total))).toMatch(/'项目3'!/);
    const colL = String.fromCharCode(65 + SUMMARY.cols.total);
    expect(cell(sum, r3 + 1, SUMMARY.cols.total)).toBe(`SUM(${colL}${SUMMARY.firstRow + 1}:${colL}${r3 + 1})`);
    // The names of 汇总 follow their cells; the new project's names came with its sheet.
    const total = fake.book.names.find((n) => n.name === NAMES.total);
    expect(total?.formula).toBe(`='汇总'!$${colL}$${r3 + 2}`);
    expect(fake.book.names.length).toBeGreaterThan(JSON.parse(namesBefore).length);

    // Read back: three numbered projects, the 汇总 check agrees (no read problem about 汇总).
    const again = readWorkbook(await port.readWorkbook()).document;
    expect(again.projects.map((p) => p.seq)).toEqual([1, 2, 3]);

    fake.resetStats();
    const check = await checkUndo(port, record);
    expect(check.changed).toEqual([]);
    const done = await undoInsert(port, record, check);
    expect(fake.stats.syncs).toBeLessThanOrEqual(UNDO_SYNCS);
    expect(done).toMatch(/删除了 项目3，“汇总”已恢复原样/);
    expect(fake.book.sheets.map((s) => s.name)).toEqual(["部门", "汇总", "项目1", "项目2", SHEET_LISTS]);
    expect(JSON.stringify(fake.book.sheets.filter((s) => s.name !== SHEET_SUMMARY))).toBe(sheetsBefore);
    expect(content(await sheetOf(port, SHEET_SUMMARY))).toEqual(content(summaryBefore));
    expect(JSON.stringify(fake.book.names)).toBe(namesBefore);
  });

  test("a filled department (seed 000 as a template): renamed project sheets are kept, the new one goes last", async () => {
    const seed = readWorkbook(await loadGrid(readFileSync(join(__dirname, "../../examples/seed-000.xlsx")), { fileName: "seed-000.xlsx" })).document;
    const grid = renderTemplate(seed).grid;
    // The clerk renamed the first project sheet.
    const first = renderTemplate(seed).projectSheets[0];
    const renamed: Grid = JSON.parse(JSON.stringify(grid).split(`"${first}"`).join('"教育经费"'));
    const { fake, port } = officeOver(renamed);
    const run = await runValidation(port, undefined);
    expect(isTemplateWorkbook(run.document, run.grid)).toBe(true);
    const n = run.document.projects.length;
    const plan = planProjectAddition(run.document, run.grid, await port.sheetNames());
    expect(plan.sheetName).toBe(`项目${n + 1}`);
    fake.resetStats();
    await insertProject(port, plan);
    expect(fake.stats.syncs).toBeLessThanOrEqual(INSERT_SYNCS);
    const sum = await sheetOf(port, SHEET_SUMMARY);
    // 汇总 still points at the clerk's name, not at the drawn one.
    expect(sum.values[SUMMARY.firstRow][SUMMARY.cols.sheet]).toBe("教育经费");
    expect(String(cell(sum, SUMMARY.firstRow, SUMMARY.cols.total))).toContain("教育经费");
    expect(sum.values[SUMMARY.firstRow + n][SUMMARY.cols.sheet]).toBe(`项目${n + 1}`);
    const names = fake.book.sheets.map((s) => s.name);
    expect(names.indexOf(`项目${n + 1}`)).toBe(names.indexOf(SHEET_LISTS) - 1);
    expect(names.filter((x) => x.startsWith(SHEET_LISTS))).toHaveLength(1);
    const again = readWorkbook(await port.readWorkbook()).document;
    expect(again.projects).toHaveLength(n + 1);
    expect(again.projects.slice(0, n).map((p) => p.name)).toEqual(run.document.projects.map((p) => p.name));
  });

  test("汇总 edited after the insert: undo asks first (汇总 named as changed)", async () => {
    const { fake, port } = officeOver(renderEmptyTemplate(1).grid);
    const run = await runValidation(port, undefined);
    const { record } = await insertProject(port, planProjectAddition(run.document, run.grid, await port.sheetNames()));
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET_SUMMARY).getRange("A30").values = [["备注"]];
      await ctx.sync();
    });
    const check = await checkUndo(port, record);
    expect(check.changed).toEqual([SHEET_SUMMARY]);
    expect(check.restore).toBe(true);
  });
});

describe("插入项目表 over the MemoryPort (the same books.ts path)", () => {
  test("adds 项目2 after 项目1 and takes it back", async () => {
    const port = new MemoryPort(renderEmptyTemplate(1).grid);
    const before = JSON.stringify(port.current);
    const run = await runValidation(port, undefined);
    const { record } = await insertProject(port, planProjectAddition(run.document, run.grid, await port.sheetNames()));
    expect(port.current.sheets.map((s) => s.name)).toEqual(["部门", "汇总", "项目1", "项目2", SHEET_LISTS]);
    expect(readWorkbook(port.current).document.projects.map((p) => p.seq)).toEqual([1, 2]);
    await undoInsert(port, record, await checkUndo(port, record));
    expect(port.current.sheets.map((s) => s.name)).toEqual(["部门", "汇总", "项目1", SHEET_LISTS]);
    expect(JSON.parse(JSON.stringify(port.current))).toEqual(JSON.parse(before));
  });
});
