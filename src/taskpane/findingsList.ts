/**
 * 问题清单 a clerk can send: one row per finding (the open ones in to-do order, then the accepted ones) with
 * project, a link to the cell, severity, category, problem, 建议 and exception status — as an .xlsx (written by the
 * lazily loaded exceljs, through the template writer) and as CSV. Cell text is always written as a value, never as
 * a formula; the CSV neutralises leading = + - @ so a spreadsheet does not run it.
 */
import type { Finding } from "../model/rules/types";
import type { TemplateBook } from "../model/write/index";
import { quoteSheet } from "../model/grid";
import { cellLabel, type RunResult } from "./logic";
import { buildGroups, cardOrder, projectTitle } from "./todo";
import { categoryName, categoryOf, ruleTitle } from "./ruleInfo";

export interface ListRow {
  project: string;
  sheet: string;
  cell: string;
  severity: string;
  category: string;
  title: string;
  message: string;
  fix: string;
  status: string;
  ruleId: string;
}

export const LIST_HEADERS = ["序号", "项目", "工作表", "单元格", "严重程度", "问题类别", "问题", "说明", "建议", "核实状态", "规则编号"];
const SEV: Record<string, string> = { error: "错误", warning: "警告", info: "提示" };

function row(f: Finding, status: string): ListRow {
  return {
    project: projectTitle(f),
    sheet: f.sheet ?? "",
    cell: f.cell ?? "",
    severity: SEV[f.severity] ?? f.severity,
    category: categoryName(categoryOf(f.ruleId)),
    title: ruleTitle(f.ruleId),
    message: f.message,
    fix: f.fix ?? "",
    status,
    ruleId: f.ruleId,
  };
}

/** Open findings in the to-do list's order (错误 first), then the accepted ones. */
export function findingRows(run: RunResult): ListRow[] {
  const lapsed = new Set(run.lapsed.map((l) => l.finding));
  const open = cardOrder(buildGroups(run.report.findings)).flatMap((c) => c.findings);
  return [
    ...open.map((f) => row(f, lapsed.has(f) ? "核实已失效（单元格内容已改）" : "待处理")),
    ...run.accepted.map(({ finding, exception }) =>
      row(finding, `已核实，保留：${exception.reason}（${exception.date}${exception.by ? `，${exception.by}` : ""}）`),
    ),
  ];
}

function csvField(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 CSV with a BOM (Excel and WPS then read the Chinese right), CRLF lines. */
export function findingsCsv(rows: ListRow[]): string {
  const lines = [LIST_HEADERS.map(csvField).join(",")];
  rows.forEach((r, i) =>
    lines.push([String(i + 1), r.project, r.sheet, r.cell, r.severity, r.category, r.title, r.message, r.fix, r.status, r.ruleId].map(csvField).join(",")),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The link target of a cell in the checked workbook: "file.xlsx#'表1'!C5" (beside the list), or "#…" inside it. */
export function cellLink(sourceFile: string | null, sheet: string, cell: string): string {
  const sub = `${quoteSheet(sheet)}!${cell.split(":")[0]}`;
  return `${sourceFile ?? ""}#${sub}`;
}

/** One sheet 问题清单: header row, one row per finding; the 单元格 column links to the cell in the checked file. */
export function findingsBook(rows: ListRow[], sourceFile: string | null): TemplateBook {
  const values: (string | number | null)[][] = [LIST_HEADERS];
  const formulas: (string | null)[][] = [LIST_HEADERS.map(() => null)];
  const formats: (string | null)[][] = [LIST_HEADERS.map(() => "@")];
  rows.forEach((r, i) => {
    const where = r.sheet && r.cell ? cellLabel(r.sheet, r.cell) : "";
    values.push([i + 1, r.project, r.sheet, where, r.severity, r.category, r.title, r.message, r.fix, r.status, r.ruleId]);
    const link = where ? `HYPERLINK("${cellLink(sourceFile, r.sheet, r.cell).replace(/"/g, '""')}","${where.replace(/"/g, '""')}")` : null;
    formulas.push([null, null, null, link, null, null, null, null, null, null, null]);
    formats.push([null, "@", "@", "@", "@", "@", "@", "@", "@", "@", "@"]);
  });
  const name = "问题清单";
  const widths = [6, 28, 18, 22, 8, 14, 18, 48, 36, 24, 26];
  return {
    grid: { sheets: [{ name, values, formulas, formats, merges: [] }], names: [] },
    extras: {
      [name]: {
        columns: widths.map((width) => ({ width })),
        rowHeights: {},
        styles: [{ range: `A1:K1`, role: "header" }],
        validations: [],
        conditionalFormats: [],
        freeze: { rows: 1, cols: 0 },
        landscape: true,
        unlocked: [],
        protect: false,
      },
    },
    version: "findings-list-1",
    framework: "2021",
    projectSheets: [],
  };
}
