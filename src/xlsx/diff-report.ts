/**
 * The business diff as an .xlsx report (exceljs): the summary paragraph on top, then one row per change
 * with a hyperlink to the cell in the version it is in (file#'sheet'!cell, relative to the report's folder).
 * Every value is text: nothing from a compared workbook can become a formula here.
 */
import ExcelJS from "exceljs";
import type { DiffRow } from "../model/diff";
import { quoteSheet } from "../model/grid";

export interface DiffReportInput {
  title: string;
  summary: string;
  rows: readonly DiffRow[];
  /** Link targets for the two versions (a path relative to the report), null when not a workbook. */
  links: { a: string | null; b: string | null };
}

export async function writeDiffReport(input: DiffReportInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("比较结果");
  ws.columns = [{ width: 36 }, { width: 10 }, { width: 40 }, { width: 30 }, { width: 30 }, { width: 22 }];
  ws.addRow([input.title]).font = { bold: true, size: 13 };
  const summary = ws.addRow([input.summary]);
  ws.mergeCells(summary.number, 1, summary.number, 6);
  summary.getCell(1).alignment = { wrapText: true, vertical: "top" };
  summary.height = Math.min(400, 18 * Math.ceil([...input.summary].length / 60));
  ws.addRow([]);
  const head = ws.addRow(["项目", "变化", "内容", "原值", "新值", "位置"]);
  head.font = { bold: true };
  for (const r of input.rows) {
    const row = ws.addRow([r.project, r.change, r.field, r.before, r.after, ""]);
    const where = r.sheet && r.cell ? `${r.side === "a" ? "原版本" : "新版本"} ${r.sheet}!${r.cell}` : "";
    const file = r.side === "a" ? input.links.a : input.links.b;
    const cell = row.getCell(6);
    if (where && file) cell.value = { text: where, hyperlink: `${file}#${quoteSheet(r.sheet!)}!${r.cell}` };
    else cell.value = where;
    for (let c = 1; c <= 5; c++) row.getCell(c).numFmt = "@";
  }
  if (input.rows.length === 0) ws.addRow(["无差异"]);
  ws.views = [{ state: "frozen", ySplit: head.number }];
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
