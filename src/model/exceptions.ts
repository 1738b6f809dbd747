/**
 * Accepted exceptions (已核实，保留): a clerk looked at a finding and keeps the cell as it is, with a reason. They
 * live in the workbook itself, in a hidden sheet of plain text cells, so they travel by e-mail and survive Excel,
 * WPS and LibreOffice (custom XML parts do not survive all three). One row per exception:
 *   规则编号 | 项目编码 | 工作表 | 单元格 | 核实时的值 | 理由 | 日期 | 核实人
 * An exception covers a finding with the same rule, project code, sheet and cell while the cell still holds the
 * value it was accepted for; once the value changes it lapses and the finding is open again.
 * Pure: the task pane, the page and the CLI all use it.
 */
import { cellText, getValue, parseA1, type Grid, type GridSheet } from "./grid";
import type { Finding } from "./rules/types";

/** Our own sheets (accepted exceptions, the validation seal) start with this; they are never forms. */
export const HELPER_SHEET_PREFIX = "_jxmb_";
/** The validation seal's sheet (src/model/seal.ts); named here so the ports need not load the seal code. */
export const SEAL_SHEET = `${HELPER_SHEET_PREFIX}seal`;
export const EXCEPTIONS_SHEET = "_jxmb_exceptions";
export const EXCEPTION_HEADERS = ["规则编号", "项目编码", "工作表", "单元格", "核实时的值", "理由", "日期", "核实人"] as const;

export interface AcceptedException {
  ruleId: string;
  projectCode: string | null;
  sheet: string;
  cell: string;
  /** The cell's value (as text) when it was accepted. */
  value: string;
  reason: string;
  /** YYYY-MM-DD */
  date: string;
  by: string | null;
}

export interface ExceptionRead {
  exceptions: AcceptedException[];
  /** zh-CN notes on rows that could not be used (naming sheet and row). */
  problems: string[];
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : cellText(v as never).trim());

/** The exceptions stored in a workbook (none when it has no exceptions sheet). */
export function readExceptions(grid: Grid): ExceptionRead {
  const sheet = grid.sheets.find((s) => s.name === EXCEPTIONS_SHEET);
  if (!sheet) return { exceptions: [], problems: [] };
  const problems: string[] = [];
  const exceptions: AcceptedException[] = [];
  sheet.values.forEach((row, r) => {
    if (r === 0 || !row) return; // header
    const [ruleId, code, sh, cell, value, reason, date, by] = Array.from({ length: 8 }, (_, c) => text(row[c]));
    if (!ruleId && !sh && !cell) return;
    if (!ruleId || !sh || !cell || !parseA1(cell.split(":")[0])) {
      problems.push(`工作表“${EXCEPTIONS_SHEET}”第 ${r + 1} 行缺少规则编号、工作表或单元格，这条核实记录未使用`);
      return;
    }
    exceptions.push({ ruleId, projectCode: code || null, sheet: sh, cell, value, reason, date, by: by || null });
  });
  return { exceptions, problems };
}

/** The hidden sheet holding these exceptions (header + one text row each). */
export function exceptionsSheet(list: readonly AcceptedException[]): GridSheet {
  const values = [
    [...EXCEPTION_HEADERS],
    ...list.map((e) => [e.ruleId, e.projectCode ?? "", e.sheet, e.cell, e.value, e.reason, e.date, e.by ?? ""]),
  ];
  return { name: EXCEPTIONS_SHEET, values, merges: [], hidden: true, formats: values.map((r) => r.map(() => "@")) };
}

/** A cell's current value as text (the first cell of a range); "" when the sheet or cell is missing. */
export function cellValueText(grid: Grid, sheet: string | null, cell: string | null): string {
  if (!sheet || !cell) return "";
  const s = grid.sheets.find((x) => x.name === sheet);
  const p = parseA1(cell.split(":")[0]);
  if (!s || !p) return "";
  return cellText(getValue(s, p.r, p.c));
}

function sameTarget(e: AcceptedException, f: Finding): boolean {
  return e.ruleId === f.ruleId && e.sheet === f.sheet && e.cell === f.cell && (e.projectCode ?? null) === (f.projectCode ?? null);
}

export interface AppliedExceptions {
  /** Findings still to work on. */
  open: Finding[];
  /** Findings covered by an exception whose value still matches. */
  accepted: { finding: Finding; exception: AcceptedException }[];
  /** Exceptions whose finding came back with a different value: no longer valid. */
  lapsed: { finding: Finding; exception: AcceptedException; now: string }[];
}

/** Split findings into open and accepted; an exception lapses when the cell's value changed. */
export function applyExceptions(findings: readonly Finding[], exceptions: readonly AcceptedException[], grid: Grid): AppliedExceptions {
  const out: AppliedExceptions = { open: [], accepted: [], lapsed: [] };
  if (exceptions.length === 0) return { ...out, open: [...findings] };
  for (const f of findings) {
    const matches = exceptions.filter((e) => sameTarget(e, f));
    if (matches.length === 0) {
      out.open.push(f);
      continue;
    }
    const now = cellValueText(grid, f.sheet, f.cell);
    const hit = matches.find((e) => e.value === now);
    if (hit) out.accepted.push({ finding: f, exception: hit });
    else {
      out.open.push(f);
      out.lapsed.push({ finding: f, exception: matches[0], now });
    }
  }
  return out;
}

/** A new exception for a finding, for the value its cell holds now. */
export function acceptFinding(f: Finding, grid: Grid, reason: string, by: string | null, date = new Date()): AcceptedException {
  if (!f.sheet || !f.cell) throw new Error("这条结果没有对应的单元格，不能标记为已核实");
  return {
    ruleId: f.ruleId,
    projectCode: f.projectCode,
    sheet: f.sheet,
    cell: f.cell,
    value: cellValueText(grid, f.sheet, f.cell),
    reason: reason.trim(),
    date: date.toISOString().slice(0, 10),
    by: by && by.trim() ? by.trim() : null,
  };
}

/** The list without exceptions for this finding (withdrawing it). */
export function withdrawException(list: readonly AcceptedException[], e: AcceptedException): AcceptedException[] {
  return list.filter((x) => !(x.ruleId === e.ruleId && x.sheet === e.sheet && x.cell === e.cell && (x.projectCode ?? null) === (e.projectCode ?? null)));
}

/** Add (or replace the one for the same finding). */
export function addException(list: readonly AcceptedException[], e: AcceptedException): AcceptedException[] {
  return [...withdrawException(list, e), e];
}

/** The grid the readers see: without the exceptions sheet, nor any other sheet of ours (_jxmb_…, e.g. the seal): they are not forms. */
export function withoutExceptionsSheet(grid: Grid): Grid {
  const ours = (name: string) => name === EXCEPTIONS_SHEET || name.startsWith(HELPER_SHEET_PREFIX);
  return grid.sheets.some((s) => ours(s.name)) ? { ...grid, sheets: grid.sheets.filter((s) => !ours(s.name)) } : grid;
}
