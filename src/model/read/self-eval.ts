/**
 * 项目支出绩效自评表 (the project self-evaluation form), one per project:
 *
 *   项目支出绩效自评表 / (2022年度)
 *   项目名称 | …
 *   主管部门 | 219-… | 实施单位 | 219001-…
 *   项目资金(万元) | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 *                  | 年度资金总额 | … (其中:本年财政拨款, 上年结转资金, 其他资金, 财政专户管理资金, 单位资金)
 *   年度总体目标 | 预期目标 | 实际完成情况
 *                | <text>   | <text>
 *   绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
 *   …
 *   总分 | 100 | … | <score>
 *
 * The targets go where a target table puts them (budget from 年初预算数, goals from 预期目标,
 * indicator targets), the actuals beside them (selfEvaluation.funds, goalsActual, indicator
 * actual/weight/score/deviation). Every label is looked up in synonyms.ts; columns are found by their
 * headings, in any order. Never throws; what is missing becomes a ReadProblem with its cell.
 */
import type { Grid, GridSheet } from "../grid";
import { a1, getValue, mergeAt } from "../grid";
import type { ExecutionLine, FundRole, Project, SelfEvaluation } from "../schema";
import { emptyProject } from "../schema-values";
import type { MoneyUnit } from "../money";
import type { LayoutReader, ReadOptions, ReadProblem, SheetReadResult } from "./types";
import { problem } from "./chengde";
import { splitGoals } from "./ningxia";
import { type CellHit, displayText, isEmptyCell, labelKey, lastUsedCol, rangeRef, rowCells, trimText, valueRightOf } from "./labels";
import { classifyColumn, DEFAULT_SYNONYMS, fieldOf, isField, type HeaderField, type SynonymTable } from "./synonyms";
import { amountAt, codeAndName, formSignals, isSelfEvalTitle, isTemplatePrompt, numberAt, rateAt, SIGNAL, yearOfHeading } from "./form-cells";
import { findFormIndicatorHeader, readFormIndicators } from "./indicator-columns";

/** How far down a form's header part may reach before its indicator header (rows). */
const HEAD_ROWS = 80;


/** A self-evaluation form: its title, or a 全年执行数-style column beside 年初/全年预算数, or an indicator header with 实际完成值. */
function detect(sheet: GridSheet, syn: SynonymTable = DEFAULT_SYNONYMS): boolean {
  // One pass over the text cells of the head of the sheet; the indicator header is looked for only when
  // a 实际完成值-like column word is there (detect runs on every sheet of every workbook).
  const last = Math.min(sheet.values.length - 1, HEAD_ROWS);
  let actualWord = false;
  for (let r = 0; r <= last; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    let rowBits = 0;
    for (const v of row) if (typeof v === "string") rowBits |= formSignals(v, syn);
    if (rowBits & SIGNAL.selfEvalTitle) return true;
    if (rowBits & SIGNAL.executed && rowBits & SIGNAL.budgetColumn) return true;
    if (rowBits & SIGNAL.actualColumn) actualWord = true;
  }
  if (!actualWord) return false;
  // A target table has no 实际完成值 column: an indicator header with one is a self-evaluation.
  const h = findFormIndicatorHeader(sheet, 0, last, syn);
  return !!h && h.cols.actual !== undefined;
}

type FundCol = "initial" | "annual" | "executed" | "rate" | "weight" | "score";

interface FundsHeader {
  row: number;
  cols: Partial<Record<FundCol, number>>;
}

const FUND_FIELDS: [FundCol, HeaderField][] = [
  ["initial", "initialBudget"],
  ["annual", "annualBudget"],
  ["executed", "executed"],
  ["rate", "executionRate"],
];

function findFundsHeader(sheet: GridSheet, r1: number, r2: number, syn: SynonymTable = DEFAULT_SYNONYMS): FundsHeader | null {
  for (let r = r1; r <= r2; r++) {
    const cols: FundsHeader["cols"] = {};
    for (const h of rowCells(sheet, r)) {
      for (const [k, f] of FUND_FIELDS) if (cols[k] === undefined && isField(h.text, f, syn)) cols[k] = h.c;
      // 分值 / 得分 (权重) of the funds block: the indicator-column words, on the funds header row.
      const k = labelKey(h.text);
      if (cols.weight === undefined && /^(分值|权重)(\(.*\))?$/.test(k)) cols.weight = h.c;
      if (cols.score === undefined && /^得分$/.test(k)) cols.score = h.c;
    }
    // One budget column named as a budget total (预算数(A) | 执行数(B) | 执行率(B/A), 年度总预算 | 执行数): it is the
    // year's budget. Not the row's first cell, which labels the block (项目资金 / 预算执行情况).
    if (cols.executed !== undefined && cols.initial === undefined && cols.annual === undefined) {
      const cells = rowCells(sheet, r).filter((h) => h.c < cols.executed!);
      const named = cells.slice(1).find((h) => isField(h.text, "total", syn));
      if (named) cols.annual = named.c;
    }
    if (cols.executed !== undefined && (cols.initial !== undefined || cols.annual !== undefined)) return { row: r, cols };
  }
  return null;
}

function roleOf(label: string, syn: SynonymTable = DEFAULT_SYNONYMS): FundRole {
  if (isField(label, "scoreTotal", syn)) return "total"; // 合计 / 总计 inside the funds block
  switch (fieldOf(label, syn)) {
    case "total":
      return "total";
    case "fiscal":
      return "fiscal";
    case "carriedOver":
      return "carriedOver";
    case "other":
      return "other";
    default:
      return "line";
  }
}

/** Money unit of the funds block: “项目资金（元）” / “金额单位：元” say 元; otherwise 万元. */
function moneyUnitOf(sheet: GridSheet, r1: number, r2: number, syn: SynonymTable = DEFAULT_SYNONYMS): MoneyUnit {
  for (let r = r1; r <= r2; r++) {
    for (const h of rowCells(sheet, r)) {
      const k = labelKey(h.text);
      if (/单位:元$/.test(k) || (/\(元\)$/.test(k) && (fieldOf(h.text, syn) === "budgetBlock" || /资金|预算/.test(k)))) return "元";
    }
  }
  return "万元";
}

function readFunds(sheet: GridSheet, fh: FundsHeader, stopRow: number, unit: MoneyUnit, cells: Record<string, string>, problems: ReadProblem[], syn: SynonymTable = DEFAULT_SYNONYMS): ExecutionLine[] {
  const firstCol = Math.min(...Object.values(fh.cols).filter((c): c is number => c !== undefined));
  const lines: ExecutionLine[] = [];
  for (let r = fh.row + 1; r < stopRow && lines.length < 12; r++) {
    // The line's label: the last text cell left of the first amount column.
    let label: CellHit | null = null;
    for (const h of rowCells(sheet, r)) if (h.c < firstCol && typeof h.value === "string" && trimText(h.value)) label = h;
    if (!label) {
      if (Object.values(fh.cols).some((c) => c !== undefined && !isEmptyCell(sheet, r, c))) continue;
      break;
    }
    const f = fieldOf(label.text, syn);
    // The next part of the form (年度总体目标, 绩效指标) ends the block.
    if (f && f !== "total" && f !== "fiscal" && f !== "other" && f !== "carriedOver") break;
    if (isField(label.text, "goalActual", syn)) break;
    const i = lines.length;
    const at = (k: FundCol) => fh.cols[k];
    const money = (k: "initial" | "annual" | "executed") => {
      const c = at(k);
      if (c === undefined) return null;
      const n = amountAt(sheet, r, c, unit);
      cells[`selfEvaluation.funds.${i}.${k}`] = n.ref;
      if (n.bad) problems.push(problem("warning", sheet, n.ref, `“${n.bad}”不是有效金额，未读取（not an amount）`));
      return n.value;
    };
    const initial = money("initial");
    const annual = money("annual");
    const executed = money("executed");
    const base = annual ?? initial;
    const expected = executed !== null && base ? (executed / base) * 100 : null;
    const num = (k: "rate" | "weight" | "score") => {
      const c = at(k);
      if (c === undefined) return null;
      const n = k === "rate" ? rateAt(sheet, r, c, expected) : numberAt(sheet, r, c);
      cells[`selfEvaluation.funds.${i}.${k}`] = n.ref;
      if (n.bad) problems.push(problem("warning", sheet, n.ref, `“${n.bad}”不是数字，未读取（not a number）`));
      return n.value;
    };
    cells[`selfEvaluation.funds.${i}`] = label.ref;
    lines.push({ role: roleOf(label.text, syn), label: trimText(label.text), initial, annual, executed, rate: num("rate"), weight: num("weight"), score: num("score") });
  }
  return lines;
}

/**
 * 预期目标 | 实际完成情况 (or 项目年度目标 | 年度目标完成情况): labels side by side with the texts under
 * them, or stacked (预期目标 | text on one row, 实际完成情况 | text on the next).
 */
function readGoals(sheet: GridSheet, r1: number, r2: number, cells: Record<string, string>, syn: SynonymTable = DEFAULT_SYNONYMS): { goals: string[]; actual: string[] } {
  const isLabelText = (t: string) => !!fieldOf(t, syn) || isField(t, "goalActual", syn) || !!classifyColumn(t, syn);
  const below = (h: CellHit): CellHit | null => {
    const m = mergeAt(sheet, h.r, h.c);
    for (let rr = (m ? m.r2 : h.r) + 1; rr <= Math.min(r2, h.r + 3); rr++) {
      if (isEmptyCell(sheet, rr, h.c)) continue;
      const t = displayText(sheet, rr, h.c);
      return isLabelText(t) ? null : { r: rr, c: h.c, ref: a1(rr, h.c), value: getValue(sheet, rr, h.c), text: t };
    }
    return null;
  };
  const right = (h: CellHit): CellHit | null => valueRightOf(sheet, h.r, h.c, { stopAt: (x) => isLabelText(x.text) });
  for (let r = r1; r <= r2; r++) {
    const row = rowCells(sheet, r);
    // A section caption may name the same thing (1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况):
    // the label with a goal label left of it is the column caption.
    const acts = row.filter((h) => isField(h.text, "goalActual", syn));
    const act = acts.find((a) => row.some((h) => h.c < a.c && fieldOf(h.text, syn) === "yearGoal")) ?? acts[0];
    if (!act) continue;
    const beside = [...row].reverse().find((h) => h.c < act.c && fieldOf(h.text, syn) === "yearGoal");
    let expHit: CellHit | null = null;
    let actHit: CellHit | null = null;
    let expLabel: CellHit | null = null;
    if (beside) {
      // Side by side: the texts stand under their labels.
      expLabel = beside;
      expHit = below(beside);
      actHit = below(act);
    } else {
      // Stacked: each text right of its label; 预期目标 is the nearest goal label above, closest to 实际完成情况's column.
      actHit = right(act);
      for (let rr = r - 1; rr >= Math.max(r1, r - 3) && !expLabel; rr--) {
        const labs = rowCells(sheet, rr).filter((h) => fieldOf(h.text, syn) === "yearGoal" && h.c <= act.c);
        expLabel = labs.length ? labs[labs.length - 1] : null;
      }
      expHit = expLabel ? right(expLabel) : null;
    }
    const goals = expHit ? splitGoals(expHit.text) : [];
    const actual = actHit ? splitGoals(actHit.text) : [];
    goals.forEach((_, i) => (cells[`goals.${i}`] = expHit!.ref));
    actual.forEach((_, i) => (cells[`selfEvaluation.goalsActual.${i}`] = actHit!.ref));
    if (expLabel) cells.goals ??= expLabel.ref;
    cells["selfEvaluation.goalsActual"] = act.ref;
    return { goals, actual };
  }
  return { goals: [], actual: [] };
}

/** The header fields above the funds block: 项目名称, 主管部门, 实施单位, 项目编码. */
function readHeaderFields(sheet: GridSheet, r1: number, r2: number, p: Project, cells: Record<string, string>, syn: SynonymTable = DEFAULT_SYNONYMS): void {
  const isLabel = (h: CellHit) => !!fieldOf(h.text, syn);
  for (let r = r1; r <= r2; r++) {
    for (const h of rowCells(sheet, r)) {
      const f = fieldOf(h.text, syn);
      if (!f) continue;
      const v = valueRightOf(sheet, r, h.c, { stopAt: isLabel });
      const text = v ? trimText(v.text) : null;
      const put = (key: string) => {
        if (v) cells[key] = v.ref;
        else cells[key] ??= a1(r, (mergeAt(sheet, r, h.c)?.c2 ?? h.c) + 1);
      };
      if (f === "name" && p.name === null) {
        put("name");
        // “51000021R000000019951-工资性支出”: the budget system's project code glued to the name.
        const cn = text ? codeAndName(text) : null;
        p.name = (cn?.code ? cn.name : text) || null;
        if (cn?.code && p.code === null) {
          p.code = cn.code;
          if (v) cells.code = v.ref;
        }
      } else if (f === "code" && p.code === null) {
        put("code");
        p.code = text ? text.replace(/\s+/g, "") : null;
      } else if (f === "competentDepartment" && p.competentDepartment === null) {
        put("competentDepartment");
        p.competentDepartment = codeAndName(text);
      } else if (f === "implementingUnit" && p.implementingUnit === null) {
        put("implementingUnit");
        const cn = codeAndName(text);
        p.implementingUnit = cn?.name ?? null;
        if (cn) p.unit = cn;
      } else if (f === "period" && p.period === null) {
        put("period");
        p.period = text || null;
      } else if (f === "attribute" && p.attribute === null) {
        put("attribute");
        p.attribute = codeAndName(text);
      }
    }
  }
}

interface Closing {
  weight: number | null;
  score: number | null;
  grade: string | null;
  conclusion: string | null;
  issues: string | null;
  measures: string | null;
  lastRow: number;
}

/** Under the indicators: 总分/合计 (points and score), 自评等级, 评价结论, 存在问题, 改进措施. */
function readClosing(sheet: GridSheet, from: number, to: number, scoreCol: number | undefined, weightCol: number | undefined, cells: Record<string, string>, problems: ReadProblem[], syn: SynonymTable = DEFAULT_SYNONYMS): Closing {
  const out: Closing = { weight: null, score: null, grade: null, conclusion: null, issues: null, measures: null, lastRow: from - 1 };
  let totalSeen = false;
  for (let r = from; r <= to; r++) {
    const row = rowCells(sheet, r);
    const lab = row.find((h) => isField(h.text, "scoreTotal", syn));
    if (lab && !totalSeen) {
      totalSeen = true;
      out.lastRow = r;
      cells["selfEvaluation.totalWeight"] = lab.ref;
      const nums = row.filter((h) => h.c > lab.c && numberAt(sheet, r, h.c).value !== null);
      const at = (c: number | undefined) => (c === undefined ? null : numberAt(sheet, r, c).value);
      out.weight = at(weightCol) ?? (nums[0] ? numberAt(sheet, r, nums[0].c).value : null);
      out.score = at(scoreCol) ?? (nums.length > 1 ? numberAt(sheet, r, nums[nums.length - 1].c).value : null);
      if (out.score !== null) cells["selfEvaluation.totalScore"] = a1(r, scoreCol ?? nums[nums.length - 1].c);
    }
    for (const key of ["grade", "conclusion", "issues", "measures"] as const) {
      const g = row.find((h) => isField(h.text, key, syn));
      if (!g || out[key] !== null) continue;
      const v = valueRightOf(sheet, r, g.c, { stopAt: (x) => !!fieldOf(x.text, syn) });
      if (!v) continue;
      const text = trimText(v.text);
      out.lastRow = r;
      cells[`selfEvaluation.${key}`] = v.ref;
      // The form's printed prompt (“结合自评情况，说明…（200字以内）”) is not the clerk's answer.
      if (isTemplatePrompt(text)) problems.push(problem("info", sheet, v.ref, `“${text}”是表格的填写提示，未作为内容读取（template prompt left in the cell）`));
      else out[key] = text || null;
    }
  }
  return out;
}

/** Rows where a form starts: its title, else the first 项目名称 label. */
function formStarts(sheet: GridSheet, syn: SynonymTable = DEFAULT_SYNONYMS): number[] {
  const titles: number[] = [];
  const names: number[] = [];
  for (let r = 0; r < sheet.values.length; r++) {
    const cells = rowCells(sheet, r);
    // A title stands alone on its row; a project name that happens to end in 自评表 (项目名称 | 2020年…支出绩效自评表)
    // sits right of its label and starts no form.
    const isName = cells.some((h) => fieldOf(h.text, syn) === "name");
    if (!isName && cells.some((h) => isSelfEvalTitle(h.text))) titles.push(r);
    else if (isName) names.push(r);
  }
  if (titles.length) return titles;
  // Forms without a title: each 项目名称 that has a funds header below it before the next one.
  return names;
}

function readForm(sheet: GridSheet, start: number, end: number, problems: ReadProblem[], syn: SynonymTable = DEFAULT_SYNONYMS): { project: Project | null; year: number | null; title: string | null } {
  const cells: Record<string, string> = {};
  const p = emptyProject("self-eval", sheet.name);
  let year: number | null = null;
  let title: string | null = null;
  const header = findFormIndicatorHeader(sheet, start, end, syn);
  const headEnd = header ? header.row - 1 : end;

  // Title and year: the title row and the “(2022年度)” line under it (or inside it).
  for (let r = Math.max(0, start - 3); r <= Math.min(headEnd, start + 4); r++) {
    for (const h of rowCells(sheet, r)) {
      if (isSelfEvalTitle(h.text) && title === null) {
        title = trimText(h.text);
        cells.title = h.ref;
      }
      const y = yearOfHeading(h.text);
      if (y !== null && year === null) {
        year = y;
        cells.fiscalYear = h.ref;
      }
    }
  }
  p.title = title;

  const fh = findFundsHeader(sheet, start, headEnd, syn);
  readHeaderFields(sheet, start, fh ? fh.row - 1 : headEnd, p, cells, syn);
  if (!p.name) problems.push(problem("warning", sheet, cells.name ?? a1(start, 0), "未找到或未填写项目名称（project name missing）"));

  let funds: ExecutionLine[] = [];
  if (fh) {
    const unit = moneyUnitOf(sheet, start, headEnd, syn);
    funds = readFunds(sheet, fh, headEnd + 1, unit, cells, problems, syn);
    cells.budget = a1(fh.row, Math.min(...Object.values(fh.cols).filter((c): c is number => c !== undefined)));
    // The target-table budget: the year's plan (年初预算数), or 全年预算数 when the form has no 年初 column.
    const plan = (l: ExecutionLine | undefined) => (l ? (fh.cols.initial !== undefined ? l.initial : l.annual) : null);
    const line = (role: FundRole) => funds.findIndex((l) => l.role === role);
    const src = fh.cols.initial !== undefined ? "initial" : "annual";
    for (const key of ["total", "fiscal", "other"] as const) {
      const i = line(key);
      p.budget[key] = plan(funds[i]);
      if (i >= 0) cells[`budget.${key}`] = cells[`selfEvaluation.funds.${i}.${src}`];
    }
    // The only money line is itself named 财政 money (年度财政资金总额): it is the fiscal part too.
    const ti = line("total");
    if (ti >= 0 && line("fiscal") < 0 && p.budget.total !== null && /财政/.test(labelKey(funds[ti].label))) {
      p.budget.fiscal = p.budget.total;
      cells["budget.fiscal"] = cells["budget.total"];
    }
    if (funds.length === 0) problems.push(problem("warning", sheet, a1(fh.row, 0), "项目资金表头下没有读到资金行（年度资金总额、财政拨款…）（no fund lines）"));
  } else problems.push(problem("warning", sheet, a1(start, 0), "未找到项目资金栏（年初预算数/全年预算数/全年执行数）（funds block missing）"));

  const g = readGoals(sheet, start, headEnd, cells, syn);
  for (const [key, list] of [["goals", g.goals], ["selfEvaluation.goalsActual", g.actual]] as const) {
    // A printed prompt (“对照年度目标，说明…（100字以内）”) left in the cell is not a goal.
    const prompts = list.filter((t) => isTemplatePrompt(t));
    if (prompts.length) problems.push(problem("info", sheet, cells[`${key}.0`] ?? null, `“${prompts[0]}”是表格的填写提示，未作为内容读取（template prompt left in the cell）`));
  }
  p.goals = g.goals.filter((t) => !isTemplatePrompt(t));

  let lastRow = headEnd;
  let weightCol: number | undefined;
  let scoreCol: number | undefined;
  if (header) {
    const ind = readFormIndicators(sheet, header, end, problems, syn);
    p.indicators = ind.indicators;
    if (ind.mid.length) p.midTerm = { goals: [], indicators: ind.mid };
    lastRow = Math.max(lastRow, ind.lastRow);
    weightCol = header.cols.weight;
    scoreCol = header.cols.score;
    if (header.cols.level1 !== undefined) cells.indicators = a1(header.row, header.cols.level1);
    if (header.cols.actual === undefined) problems.push(problem("warning", sheet, a1(header.row, header.cols.value ?? 0), "指标表头中没有“实际完成值”栏（actual column missing）"));
  } else problems.push(problem("error", sheet, a1(start, 0), "未找到指标表头（一级指标/二级指标/三级指标/指标值），该自评表没有读出指标（indicator header missing）"));

  const tot = readClosing(sheet, Math.max(lastRow + 1, start), end, scoreCol, weightCol, cells, problems, syn);
  lastRow = Math.max(lastRow, tot.lastRow);
  const se: SelfEvaluation = {
    funds,
    goalsActual: g.actual.filter((t) => !isTemplatePrompt(t)),
    totalWeight: tot.weight,
    totalScore: tot.score,
    grade: tot.grade,
    conclusion: tot.conclusion,
    issues: tot.issues,
    measures: tot.measures,
  };
  p.selfEvaluation = se;
  p.source = { sheet: sheet.name, range: rangeRef(start, 0, lastRow, lastUsedCol(sheet, start, lastRow)), cells };
  if (!p.name && funds.length === 0 && p.indicators.length === 0) return { project: null, year, title };
  return { project: p, year, title };
}

function read(sheet: GridSheet, _grid: Grid, syn: SynonymTable = DEFAULT_SYNONYMS): SheetReadResult {
  const problems: ReadProblem[] = [];
  const projects: Project[] = [];
  let fiscalYear: number | null = null;
  let title: string | null = null;
  const starts = formStarts(sheet, syn);
  const ends = starts.map((s, i) => (i + 1 < starts.length ? starts[i + 1] - 1 : sheet.values.length - 1));
  starts.forEach((s, i) => {
    const res = readForm(sheet, s, ends[i], problems, syn);
    if (res.project) projects.push(res.project);
    fiscalYear ??= res.year;
    title ??= res.title;
  });
  const unit = projects.find((p) => p.competentDepartment)?.competentDepartment ?? null;
  return { projects, fiscalYear, title, department: unit ?? undefined, problems };
}

export const selfEvalReader: LayoutReader = {
  layout: "self-eval",
  detect: (sheet, _grid, opts?: ReadOptions) => detect(sheet, opts?.synonyms),
  read: (sheet, grid, opts?: ReadOptions) => read(sheet, grid, opts?.synonyms),
};
