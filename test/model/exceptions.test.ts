/**
 * Accepted exceptions on a real seed workbook: stored as a hidden sheet, read back (also through an .xlsx written
 * by exceljs, as a file would travel), applied to the findings, lapsing when the cell's value changes.
 */
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { validate } from "../../src/model/validate";
import {
  acceptFinding,
  addException,
  applyExceptions,
  EXCEPTIONS_SHEET,
  exceptionsSheet,
  readExceptions,
  withdrawException,
  withoutExceptionsSheet,
} from "../../src/model/exceptions";
import type { Grid } from "../../src/model/grid";

async function seed(): Promise<Grid> {
  return loadGrid(readFileSync(join(__dirname, "../../examples/seed-002.xlsx")), { fileName: "seed-002.xlsx" });
}

describe("accepted exceptions", () => {
  test("accept, store, read back, apply; a changed value lapses; withdraw", async () => {
    const grid = await seed();
    const findings = validate(readWorkbook(grid).document).findings;
    const targets = findings.filter((f) => f.cell && f.sheet && f.severity === "warning").slice(0, 3);
    expect(targets.length).toBe(3);
    let list = targets.reduce((l, f) => addException(l, acceptFinding(f, grid, "经核实，与批复一致", "张三", new Date("2026-12-05T10:00:00Z"))), [] as ReturnType<typeof readExceptions>["exceptions"]);
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ ruleId: targets[0].ruleId, sheet: targets[0].sheet, cell: targets[0].cell, reason: "经核实，与批复一致", date: "2026-12-05", by: "张三" });
    // Accepting the same finding again replaces, never duplicates.
    list = addException(list, acceptFinding(targets[0], grid, "再次核实", null));
    expect(list).toHaveLength(3);

    const stored: Grid = { ...grid, sheets: [...grid.sheets, exceptionsSheet(list)] };
    expect(stored.sheets[stored.sheets.length - 1]).toMatchObject({ name: EXCEPTIONS_SHEET, hidden: true });
    // The readers never see our sheet: same document with or without it.
    expect(readWorkbook(withoutExceptionsSheet(stored)).document).toEqual(readWorkbook(grid).document);
    const back = readExceptions(stored);
    expect(back.problems).toEqual([]);
    expect(back.exceptions).toEqual(list);

    const applied = applyExceptions(findings, back.exceptions, stored);
    expect(applied.accepted.map((a) => a.finding)).toEqual(expect.arrayContaining(targets));
    expect(applied.open).toHaveLength(findings.length - 3);
    expect(applied.lapsed).toEqual([]);

    // The clerk edits one accepted cell: that exception lapses, its finding is open again.
    const t = targets[1];
    const changed: Grid = JSON.parse(JSON.stringify(stored));
    const sheet = changed.sheets.find((s) => s.name === t.sheet)!;
    const m = /^([A-Z]+)(\d+)/.exec(t.cell!)!;
    const col = m[1].split("").reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    while (sheet.values.length <= row) sheet.values.push([]);
    sheet.values[row][col] = "改过的内容";
    const after = applyExceptions(findings, back.exceptions, changed);
    expect(after.accepted).toHaveLength(2);
    expect(after.lapsed).toHaveLength(1);
    expect(after.lapsed[0]).toMatchObject({ finding: t, now: "改过的内容" });
    expect(after.open).toContain(t);

    // Withdraw one: its finding is open again.
    const fewer = withdrawException(list, list[2]);
    expect(fewer).toHaveLength(2);
    expect(applyExceptions(findings, fewer, stored).open).toHaveLength(findings.length - 2);
  });

  test("travels in an .xlsx file: written hidden by exceljs, read back by loadGrid", async () => {
    const grid = await seed();
    const f = validate(readWorkbook(grid).document).findings.find((x) => x.cell && x.sheet)!;
    const list = [acceptFinding(f, grid, "理由：001 号文件", null)];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(__dirname, "../../examples/seed-002.xlsx")) as unknown as ArrayBuffer);
    const ws = wb.addWorksheet(EXCEPTIONS_SHEET, { state: "hidden" });
    for (const r of exceptionsSheet(list).values) ws.addRow(r);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const reread = await loadGrid(bytes, { fileName: "with-exceptions.xlsx" });
    expect(reread.sheets.find((s) => s.name === EXCEPTIONS_SHEET)?.hidden).toBe(true);
    expect(readExceptions(reread).exceptions).toEqual(list);
    expect(applyExceptions(validate(readWorkbook(withoutExceptionsSheet(reread)).document).findings, list, reread).accepted).toHaveLength(1);
  });

  test("unusable rows are named, not guessed", () => {
    const grid: Grid = {
      sheets: [{ name: EXCEPTIONS_SHEET, merges: [], values: [["规则编号"], ["value/missing", "", "表1", ""], [null], ["value/missing", "", "表1", "C5", "x", "r", "2026-01-01"]] }],
      names: [],
    };
    const r = readExceptions(grid);
    expect(r.exceptions).toHaveLength(1);
    expect(r.problems).toEqual([`工作表“${EXCEPTIONS_SHEET}”第 2 行缺少规则编号、工作表或单元格，这条核实记录未使用`]);
  });
});
