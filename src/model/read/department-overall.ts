/**
 * 部门整体支出绩效目标表 (also 部门整体绩效目标申报表): a department's whole-budget target table.
 *
 *   部门整体支出绩效目标表 / （2019年度）
 *   部门(单位)名称 | …            | 部门预算编码 | 901001033
 *   年度预算安排(万元) | 资金总额 | 171.41        (also 财政拨款 / 其他资金)
 *                      | 项目支出 | 60.8
 *                      | 基本支出 | 110.61
 *   年度总体目标 | 目标1:…;目标2:…
 *   年度履职目标 | 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额(万元)
 *                | …        | …            | …            | 49.8
 *   一级指标 | 二级指标 | 三级指标 | 指标解释 | 目标值
 *
 * Read into the document's department overview: summary and goals (年度总体目标), budget, duties
 * (年度履职目标 / 年度主要任务), indicators; the department's name and code into `department`.
 * Labels from synonyms.ts; never throws; what is missing becomes a ReadProblem with its cell.
 */
import type { Grid, GridSheet } from "../grid";
import { a1, mergeAt } from "../grid";
import type { DepartmentBudget, Duty, Overview } from "../schema";
import type { MoneyUnit } from "../money";
import type { LayoutReader, ReadOptions, ReadProblem, SheetReadResult } from "./types";
import { problem } from "./chengde";
import { splitGoals } from "./ningxia";
import { type CellHit, labelKey, lastUsedCol, rangeRef, rowCells, trimText, valueRightOf, valueBelow, displayText } from "./labels";
import { DEFAULT_SYNONYMS, fieldOf, isField, type HeaderField, type SynonymTable } from "./synonyms";
import { amountAt, codeAndName, formSignals, isDepartmentTitle, SIGNAL, yearOfHeading } from "./form-cells";
import { findFormIndicatorHeader, readFormIndicators } from "./indicator-columns";

const HEAD_ROWS = 80;


/** Its title, or the department-only blocks (年度履职目标 table, 基本支出 + 项目支出 lines) above an indicator header. */
function detect(sheet: GridSheet, syn: SynonymTable = DEFAULT_SYNONYMS): boolean {
  // One pass over the text cells of the head of the sheet (detect runs on every sheet of every
  // workbook); the duty and indicator headers are looked for only when the words are there.
  const last = Math.min(sheet.values.length - 1, HEAD_ROWS);
  // The sheet tab may carry the title the sheet itself leaves out (部门整体支出绩效目标表 over “基本信息”).
  let bits = formSignals(sheet.name, syn);
  if (bits & SIGNAL.departmentTitle) return true;
  for (let r = 0; r <= last; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    for (const v of row) if (typeof v === "string") bits |= formSignals(v, syn);
    if (bits & SIGNAL.departmentTitle) return true;
  }
  const both = SIGNAL.basicSpend | SIGNAL.projectSpend;
  if (!(bits & SIGNAL.dutyBlock) && (bits & both) !== both && !(bits & SIGNAL.dutyWord && findDutyHeader(sheet, 0, last, syn))) return false;
  return findFormIndicatorHeader(sheet, 0, last, syn) !== null;
}

const BUDGET_FIELDS: [keyof DepartmentBudget, HeaderField][] = [
  ["total", "total"],
  ["fiscal", "fiscal"],
  ["other", "other"],
  ["basic", "basicSpend"],
  ["project", "projectSpend"],
];

function moneyUnitOf(sheet: GridSheet, r1: number, r2: number): MoneyUnit {
  for (let r = r1; r <= r2; r++) for (const h of rowCells(sheet, r)) if (/单位:元$|\(元\)$/.test(labelKey(h.text))) return "元";
  return "万元";
}

type DutyCol = "duty" | "task" | "content" | "project" | "amount" | "fiscal" | "other";
const DUTY_FIELDS: [DutyCol, HeaderField][] = [
  ["duty", "dutyFunction"],
  ["task", "dutyTask"],
  ["content", "dutyContent"],
  ["project", "dutyProject"],
  ["amount", "dutyAmount"],
];

interface DutyHeader {
  row: number;
  /** First row of data (under a sub-row 总额 | 财政拨款 | 其他资金 when the amount is split). */
  dataStart: number;
  cols: Partial<Record<DutyCol, number>>;
}

/**
 * The 年度履职目标 / 年度主要任务 header: at least two of 部门职能, 年度目标任务 (任务名称), 主要内容,
 * 支出项目名称, 预算金额 on one row; 预算金额 may head a sub-row 总额 | 财政拨款 | 其他资金.
 */
function findDutyHeader(sheet: GridSheet, r1: number, r2: number, syn: SynonymTable = DEFAULT_SYNONYMS): DutyHeader | null {
  for (let r = r1; r <= r2; r++) {
    const cols: Partial<Record<DutyCol, number>> = {};
    for (const h of rowCells(sheet, r)) for (const [k, f] of DUTY_FIELDS) if (cols[k] === undefined && isField(h.text, f, syn)) cols[k] = h.c;
    const n = Object.keys(cols).length;
    if (n < 2 || (cols.duty === undefined && cols.task === undefined)) continue;
    let dataStart = r + 1;
    for (const c of Object.values(cols)) {
      const m = mergeAt(sheet, r, c as number);
      if (m && m.r2 >= dataStart) dataStart = m.r2 + 1;
    }
    const amountMerge = cols.amount !== undefined ? mergeAt(sheet, r, cols.amount) : undefined;
    if (amountMerge && amountMerge.c2 > amountMerge.c1) {
      // 预算金额 over 总额 | 财政拨款 | 其他资金 on the row under it.
      const sub = amountMerge.r2 + 1;
      for (let c = amountMerge.c1; c <= amountMerge.c2; c++) {
        const t = displayText(sheet, sub, c);
        const f = fieldOf(t, syn);
        if (f === "total" || isField(t, "scoreTotal", syn) || /^总(额|计)$/.test(labelKey(t))) cols.amount = c;
        else if (f === "fiscal") cols.fiscal = c;
        else if (f === "other") cols.other = c;
      }
      if (cols.fiscal !== undefined || cols.other !== undefined) dataStart = Math.max(dataStart, sub + 1);
    }
    return { row: r, dataStart, cols };
  }
  return null;
}

/** 合计 / 金额合计 / 总计 rows close the duty table. */
function isTotalRow(text: string, syn: SynonymTable = DEFAULT_SYNONYMS): boolean {
  return isField(text, "scoreTotal", syn) || /^(金额|资金|预算)?(合计|总计)$/.test(labelKey(text));
}

function read(sheet: GridSheet, _grid: Grid, syn: SynonymTable = DEFAULT_SYNONYMS): SheetReadResult {
  const problems: ReadProblem[] = [];
  const cells: Record<string, string> = {};
  const end = sheet.values.length - 1;
  const header = findFormIndicatorHeader(sheet, 0, end, syn);
  const headEnd = header ? header.row - 1 : end;
  let title: string | null = null;
  let fiscalYear: number | null = null;
  let firstRow = -1;
  const isLabel = (h: CellHit) => !!fieldOf(h.text, syn) || isField(h.text, "dutyBlock", syn);

  let deptName: string | null = null;
  let deptCode: string | null = null;
  const budget: DepartmentBudget = { total: null, fiscal: null, other: null, basic: null, project: null };
  const unit = moneyUnitOf(sheet, 0, headEnd);
  let goalText: string | null = null;
  const dutyHeader = findDutyHeader(sheet, 0, headEnd, syn);
  const duties: Duty[] = [];
  const dutyTotals: Partial<Record<"total" | "fiscal" | "other", { value: number; ref: string }>> = {};
  let dutyEnd = -1;
  if (dutyHeader) {
    const c = dutyHeader.cols;
    const dataCols = Object.values(c).filter((x): x is number => x !== undefined);
    const firstCol = Math.min(...dataCols);
    dutyEnd = dutyHeader.dataStart - 1;
    for (let r = dutyHeader.dataStart; r <= headEnd; r++) {
      const row = rowCells(sheet, r);
      if (row.length === 0) break;
      // Text left of the table's columns starts the next block (the caption's merge leaves those cells empty).
      if (row.some((h) => h.c < firstCol && !isTotalRow(h.text, syn))) break;
      const total = row.find((h) => isTotalRow(h.text, syn));
      if (total) {
        dutyEnd = r;
        // The central 申报表 has no 年度预算安排 block: its 金额合计 row is the department's budget.
        const sum = (k: "amount" | "fiscal" | "other") => (c[k] === undefined ? null : amountAt(sheet, r, c[k]!, unit));
        for (const [k, key] of [["amount", "total"], ["fiscal", "fiscal"], ["other", "other"]] as const) {
          const n = sum(k);
          if (n && n.value !== null) dutyTotals[key] = { value: n.value, ref: n.ref };
        }
        break;
      }
      if (dataCols.every((col) => !row.some((h) => h.c === col))) break;
      const i = duties.length;
      const text = (k: DutyCol) => {
        const col = c[k];
        if (col === undefined) return null;
        cells[`duties.${i}.${k}`] = a1(r, col);
        return displayText(sheet, r, col) || null;
      };
      const money = (k: "amount" | "fiscal" | "other") => {
        const col = c[k];
        if (col === undefined) return null;
        const n = amountAt(sheet, r, col, unit);
        cells[`duties.${i}.${k}`] = n.ref;
        if (n.bad) problems.push(problem("warning", sheet, n.ref, `预算金额“${n.bad}”不是有效金额，未读取（not an amount）`));
        return n.value;
      };
      duties.push({ duty: text("duty"), task: text("task"), content: text("content"), project: text("project"), amount: money("amount"), fiscal: money("fiscal"), other: money("other") });
      dutyEnd = r;
    }
  }

  for (let r = 0; r <= headEnd; r++) {
    if (dutyHeader && r >= dutyHeader.row && r <= dutyEnd) continue;
    for (const h of rowCells(sheet, r)) {
      if (isDepartmentTitle(h.text) && title === null) {
        title = trimText(h.text);
        cells.title = h.ref;
        if (firstRow < 0) firstRow = r;
      }
      const y = yearOfHeading(h.text);
      if (y !== null && fiscalYear === null) {
        fiscalYear = y;
        cells.fiscalYear = h.ref;
      }
      const f = fieldOf(h.text, syn);
      if (!f && !isField(h.text, "basicSpend", syn) && !isField(h.text, "projectSpend", syn)) continue;
      if (firstRow < 0) firstRow = r;
      if ((f === "competentDepartment" || f === "implementingUnit") && deptName === null) {
        const v = valueRightOf(sheet, r, h.c, { stopAt: isLabel });
        const cn = codeAndName(v?.text ?? null);
        if (v && cn) {
          deptName = cn.name;
          deptCode ??= cn.code;
          cells["department.name"] = v.ref;
        }
      } else if (f === "departmentCode" && deptCode === null) {
        const v = valueRightOf(sheet, r, h.c, { stopAt: isLabel });
        if (v) {
          deptCode = trimText(v.text).replace(/\s+/g, "") || null;
          cells["department.code"] = v.ref;
        }
      } else if (f === "yearGoal" && goalText === null) {
        const v = valueRightOf(sheet, r, h.c, { stopAt: isLabel }) ?? valueBelow(sheet, r, h.c, { maxRows: 2, stopAt: isLabel });
        cells.summary = v?.ref ?? h.ref;
        goalText = v ? trimText(v.text) || null : null;
      } else {
        for (const [k, field] of BUDGET_FIELDS) {
          if (budget[k] !== null || !isField(h.text, field, syn)) continue;
          // The first amount right of the label (a 占比 column may follow it), or under it when the
          // labels head columns (资金总额 | 财政拨款 | 其他资金 over a row of amounts).
          const v = valueRightOf(sheet, r, h.c, { stopAt: isLabel }) ?? valueBelow(sheet, r, h.c, { maxRows: 2, stopAt: isLabel });
          if (!v) break;
          const n = amountAt(sheet, v.r, v.c, unit);
          cells[`budget.${k}`] = n.ref;
          if (n.bad) problems.push(problem("warning", sheet, n.ref, `“${n.bad}”不是有效金额，未读取（not an amount）`));
          budget[k] = n.value;
          break;
        }
      }
    }
  }
  let lastRow = Math.max(firstRow, dutyEnd);
  if (budget.total === null && budget.fiscal === null && budget.other === null) {
    for (const [k, t] of Object.entries(dutyTotals)) {
      budget[k as "total" | "fiscal" | "other"] = t.value;
      cells[`budget.${k}`] = t.ref;
    }
  }

  let indicators: Overview["indicators"] = [];
  if (header) {
    const res = readFormIndicators(sheet, header, end, problems, syn);
    indicators = res.indicators;
    lastRow = Math.max(lastRow, res.lastRow);
    if (header.cols.level1 !== undefined) cells.indicators = a1(header.row, header.cols.level1);
  } else problems.push(problem("error", sheet, null, "部门整体支出绩效目标表中未找到指标表头（一级指标/二级指标/三级指标/指标值）（indicator header missing）"));
  if (!deptName) problems.push(problem("warning", sheet, cells["department.name"] ?? null, "未找到部门（单位）名称（department name missing）"));
  if (budget.total === null) problems.push(problem("warning", sheet, cells["budget.total"] ?? null, "未读到年度预算安排的资金总额（department budget total missing）"));

  const goals = splitNumbered(goalText);
  goals.forEach((_, i) => (cells[`goals.${i}`] = cells.summary));
  const start = Math.max(0, firstRow);
  const overview: Overview = {
    summary: goalText,
    items: [],
    safeguards: null,
    goals,
    budget,
    duties,
    indicators,
    source: { sheet: sheet.name, range: rangeRef(start, 0, Math.max(start, lastRow), lastUsedCol(sheet, start, Math.max(start, lastRow))), cells },
  };
  return {
    projects: [],
    overview,
    fiscalYear,
    title,
    department: deptName || deptCode ? { code: deptCode, name: deptName } : undefined,
    problems,
  };
}

/** “目标1:…;目标2:…” or numbered lines (“1.…⏎2.…”, “（一）…”) → one item each; other text → one item. */
export function splitNumbered(text: string | null): string[] {
  if (!text) return [];
  const byMarker = splitGoals(text);
  if (byMarker.length > 1) return byMarker.map((g) => g.replace(/[;；,，]+$/, ""));
  const lines = text.split(/\r?\n/).map((l) => trimText(l)).filter(Boolean);
  const numbered = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.．、,，)）]|^[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]/;
  if (lines.length > 1 && lines.filter((l) => numbered.test(l)).length >= 2) {
    const out: string[] = [];
    for (const l of lines) {
      if (numbered.test(l) || out.length === 0) out.push(l.replace(numbered, "").trim());
      else out[out.length - 1] += l;
    }
    return out.filter(Boolean);
  }
  return byMarker;
}

export const departmentOverallReader: LayoutReader = {
  layout: "department-overall",
  detect: (sheet, _grid, opts?: ReadOptions) => detect(sheet, opts?.synonyms),
  read: (sheet, grid, opts?: ReadOptions) => read(sheet, grid, opts?.synonyms),
};
