/**
 * The inbox's consolidated report as a workbook (exceljs): the summary on top, one row per finding —
 * file, project, a hyperlink to the cell in that file (relative to the report's folder), severity,
 * category, message, 建议, the other files' places for a cross-file finding, and the rule. A second
 * sheet lists the files. Every value is text: nothing from a checked workbook can become a formula here.
 */
import ExcelJS from "exceljs";
import type { InboxFileSummary, InboxRow } from "../model/inbox";
import { categoryZh, SEVERITY_ZH } from "../model/inbox";
import { quoteSheet, sheetRef } from "../model/grid";

export interface InboxReportInput {
  title: string;
  summary: string;
  rows: readonly InboxRow[];
  files: readonly (InboxFileSummary & { error?: string })[];
  /** A file's link target relative to the report (null: no link, e.g. not a workbook). */
  link: (file: string) => string | null;
}

const FILL: Record<string, string> = { error: "FFFDE7E9", warning: "FFFFF4CE", info: "FFEFF6FC" };

export async function writeInboxReport(input: InboxReportInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("问题清单");
  ws.columns = [{ width: 30 }, { width: 36 }, { width: 24 }, { width: 8 }, { width: 16 }, { width: 60 }, { width: 50 }, { width: 40 }, { width: 26 }];
  ws.addRow([input.title]).font = { bold: true, size: 13 };
  const summary = ws.addRow([input.summary]);
  ws.mergeCells(summary.number, 1, summary.number, 9);
  summary.getCell(1).alignment = { wrapText: true, vertical: "top" };
  summary.height = Math.min(400, 18 * Math.ceil([...input.summary].length / 80));
  ws.addRow([]);
  const head = ws.addRow(["文件", "项目", "位置", "严重程度", "类别", "问题", "建议", "另见（其他文件）", "规则"]);
  head.font = { bold: true };
  for (const r of input.rows) {
    const row = ws.addRow([r.file, r.project, "", SEVERITY_ZH[r.severity], categoryZh(r.category), r.message, r.fix, r.related, r.crossFile ? `${r.ruleId}（跨文件）` : r.ruleId]);
    const where = sheetRef(r.sheet, r.cell);
    const target = input.link(r.file);
    const cell = row.getCell(3);
    if (where && target && r.sheet) cell.value = { text: where, hyperlink: `${target}#${quoteSheet(r.sheet)}!${r.cell ?? "A1"}` };
    else cell.value = where;
    for (const c of [1, 2, 4, 5, 6, 7, 8, 9]) {
      row.getCell(c).numFmt = "@";
      row.getCell(c).alignment = { wrapText: c >= 6 && c <= 8, vertical: "top" };
    }
    row.getCell(4).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[r.severity] } };
  }
  if (input.rows.length === 0) ws.addRow(["未发现问题"]);
  ws.views = [{ state: "frozen", ySplit: head.number }];
  // Printed (or saved as PDF) on landscape pages one table wide, the header row on every page.
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${head.number}:${head.number}` };
  ws.autoFilter = { from: { row: head.number, column: 1 }, to: { row: head.number, column: 9 } };

  const fs = wb.addWorksheet("文件");
  fs.columns = [{ width: 40 }, { width: 8 }, { width: 14 }, { width: 8 }, { width: 8 }, { width: 8 }, { width: 50 }];
  const fh = fs.addRow(["文件", "项目数", "预算数（万元）", "跨文件错误", "跨文件警告", "跨文件提示", "说明"]);
  fh.font = { bold: true };
  for (const f of input.files) {
    const row = fs.addRow(["", f.projects, f.total, f.findings.error, f.findings.warning, f.findings.info, f.error ? `无法读取：${f.error}` : ""]);
    const target = input.link(f.file);
    row.getCell(1).value = target ? { text: f.file, hyperlink: target } : f.file;
    row.getCell(3).numFmt = "0.00####";
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
