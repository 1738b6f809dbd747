/**
 * JXMB custom functions (namespace JXMB). Thin wrappers over the model, so a cell and the task pane
 * never disagree: the spend-plan and budget checks call the same functions the rules call, and the
 * cost check runs the cost rules themselves through validate(). Those two load the rule engine on their first call
 * (they return a Promise): functions.js is an initial script of the shared-runtime task pane, and every rule module
 * with its messages would otherwise load with the pane.
 *
 * Metadata comes from the JSDoc below (custom-functions-metadata-plugin); ids after @customfunction
 * are stable forever (workbooks store them), names may change. English here is the default locale;
 * zh-CN names and descriptions are in locale-zh-CN.json (turned into functions.zh-CN.json at build).
 * Each function must stay a top-level `function` declaration: the generator ignores anything else.
 * Errors are returned as CustomFunctions.Error (#VALUE!/#N/A with a zh-CN message), never as text.
 */
import { QUARTER_LABELS, spendPlanProblems } from "../model/checks/spend-plan";
import { costTotalWan } from "../model/checks/cost";
import { fenToWan, type MoneyUnit } from "../model/money";
import { parseTarget, parseTargetParts } from "../model/value";
import {
  cellError,
  cellText,
  indicatorsOf,
  isBlank,
  moneyOf,
  oneProjectDocument,
  percentOfFen,
  planRow,
  planRows,
  type PlanRow,
} from "./cells";

/** Verdict of a check with no problem. */
export const PASS = "通过";

const BUDGET_RULES = ["budget/not-number", "budget/sum-mismatch"];
/** The cost rules COST.CHECK applies (those that need only the indicator rows and 预算数). */
export const COST_RULES = ["cost/exceeds-budget", "cost/mismatch-budget", "cost/not-money"];
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** validate() and the rules, in the same lazy chunk the pane's check loads (logic.ts loadModel). */
function loadValidate(): Promise<typeof import("../model/validate")> {
  return import(/* webpackChunkName: "model" */ "../model/validate");
}

function planVerdict(row: PlanRow, budgetWan: number | null): string {
  if (row.bad) return `资金支出计划${QUARTER_LABELS[row.bad.index]}“${row.bad.raw}”不是百分数`;
  // Always four points, as the rules pass them: a 3-column plan (seed 000 #10) has a blank 12月底.
  const points =
    row.points.length < 4
      ? [...row.points, ...new Array<null>(4 - row.points.length).fill(null)]
      : row.points;
  const problems = spendPlanProblems(points, { budgetTotal: budgetWan });
  return problems.length === 0 ? PASS : problems[0].message;
}

/** 预算数 as a number in 万元 for hints, or null when blank or not an amount. */
function optionalWan(v: unknown): number | null {
  const m = moneyOf(v);
  return m.ok ? m.wan : null;
}

/**
 * Checks a cumulative spending plan (3月底/6月底/10月底/12月底, percent): returns "通过" or the first problem, worded as in the task pane. Several rows give one result per row.
 * @customfunction SPENDPLANCHECK SPENDPLAN.CHECK
 * @param plan Plan points: a 1×4 range (one row per year), or the 3月底 value when the others follow as separate arguments.
 * @param jun 6月底 point, when the points are given one by one.
 * @param oct 10月底 point, when the points are given one by one.
 * @param dec 12月底 point, when the points are given one by one.
 * @param budget 预算数 in 万元, to spot an amount typed instead of a percentage.
 * @returns "通过" or the first problem, one row per plan row.
 */
function spendPlanCheck(plan: any[][], jun?: any, oct?: any, dec?: any, budget?: any): any[][] {
  const rows = planRows(plan, [jun, oct, dec]);
  if (typeof rows === "string") return [[cellError("#VALUE!", rows)]];
  const budgetWan = optionalWan(budget);
  return rows.map((r) => [planVerdict(planRow(r), budgetWan)]);
}

/**
 * Amounts in 万元 of a spending plan: budget × cumulative percentage at 3月底/6月底/10月底/12月底, or the amount spent in each period. Spills one row per plan row.
 * @customfunction SPENDPLANAMOUNTS SPENDPLAN.AMOUNTS
 * @param plan Cumulative plan points: a 1×4 range, one row per year.
 * @param budget 预算数 in 万元: a number or text such as "50 万元".
 * @param perPeriod TRUE for the amount of each period instead of cumulative amounts.
 * @returns Amounts in 万元 (blank where a point is blank).
 */
function spendPlanAmounts(plan: any[][], budget: any, perPeriod?: boolean): any[][] {
  const rows = planRows(plan, []);
  if (typeof rows === "string") return [[cellError("#VALUE!", rows)]];
  const m = moneyOf(budget);
  if (m.empty) return [[cellError("#N/A", "预算数未填写")]];
  if (!m.ok || m.fen === null)
    return [[cellError("#VALUE!", `预算数“${cellText(budget)}”不是有效的金额`)]];
  const fen = m.fen;
  return rows.map((cells) => {
    const row = planRow(cells);
    const cum = row.points.map((p) => (p === null ? null : percentOfFen(fen, p)));
    let prev = 0;
    return cum.map((c, i) => {
      if (row.bad && row.bad.index === i)
        return cellError("#VALUE!", `资金支出计划${QUARTER_LABELS[i]}“${row.bad.raw}”不是百分数`);
      if (c === null || !Number.isFinite(c)) return "";
      const out = perPeriod ? c - prev : c;
      prev = c;
      return fenToWan(out);
    });
  });
}

/**
 * Checks 预算数 = 财政资金 + 其他资金 (blank 其他资金 counts as 0), exactly in 分; amounts may be text such as "50 万元". Returns "通过" or the first problem.
 * @customfunction BUDGETCHECK BUDGET.CHECK
 * @param total 预算数 (annual total) in 万元.
 * @param fiscal 财政资金 (fiscal funds) in 万元.
 * @param other 其他资金 (other funds) in 万元; blank counts as 0.
 * @returns "通过" or the first problem.
 */
async function budgetCheck(total: any, fiscal: any, other?: any): Promise<string | CustomFunctions.Error> {
  const cells = { total, fiscal, other } as const;
  const budget = {
    total: null as number | null,
    fiscal: null as number | null,
    other: null as number | null,
    raw: {
      total: null as string | null,
      fiscal: null as string | null,
      other: null as string | null,
    },
  };
  for (const k of ["total", "fiscal", "other"] as const) {
    const v = cells[k];
    const m = moneyOf(v);
    budget[k] = m.ok ? m.wan : m.empty && k === "other" ? 0 : null;
    budget.raw[k] = m.ok && typeof v !== "string" ? null : isBlank(v) ? null : cellText(v);
  }
  if (budget.total === null && budget.raw.total === null) return cellError("#N/A", "预算数未填写");
  const { validate } = await loadValidate();
  const findings = validate(oneProjectDocument(budget), { rules: BUDGET_RULES }).findings;
  return findings.length === 0 ? PASS : findings[0].message;
}

/**
 * Amount in 万元 from a number or text: "19270元" → 1.927, "587.92 万 元" → 587.92, "≧200万" → 200. Exact (computed in 分).
 * @customfunction AMOUNT AMOUNT
 * @param text The amount: a number, or text with an optional unit 元/万元/万 and comparison sign.
 * @param unit Unit of a bare number: "万元" (default) or "元".
 * @returns The amount in 万元.
 */
function amount(text: any, unit?: string): number | string | CustomFunctions.Error {
  let defaultUnit: MoneyUnit = "万元";
  if (unit !== null && unit !== undefined && String(unit).trim() !== "") {
    const u = String(unit).replace(/\s+/g, "");
    if (u === "元") defaultUnit = "元";
    else if (u !== "万元" && u !== "万")
      return cellError("#VALUE!", `单位“${unit}”应为“万元”或“元”`);
  }
  const m = moneyOf(text, defaultUnit);
  if (m.empty) return "";
  if (!m.ok || m.wan === null) return cellError("#VALUE!", m.reason ?? "不是金额");
  return m.wan;
}

/**
 * Money in the 成本 (cost) rows of an indicator range, in 万元, counted as the cost rules count it: rows named as totals (总成本…) if any, else every amount; per-unit amounts (元/人) are skipped.
 * @customfunction COSTTOTAL COST.TOTAL
 * @param indicators Indicator rows with columns 一级/二级/三级/…/指标值, optionally with the header row.
 * @param valueColumn Position (1-based) of the 指标值 column in the range, when it cannot be found from the header.
 * @returns Total cost in 万元.
 */
function costTotal(indicators: any[][], valueColumn?: number): number | CustomFunctions.Error {
  const inds = indicatorsOf(indicators, valueColumn || null); // 0 = an empty cell
  if (typeof inds === "string") return cellError("#VALUE!", inds);
  const c = costTotalWan(inds);
  if (c.costRows === 0) return cellError("#N/A", "区域中没有成本指标行");
  if (c.wan === null) return cellError("#N/A", "成本指标中没有金额");
  return c.wan;
}

/**
 * Checks the money in the 成本 (cost) rows against 预算数 with the cost rules of the task pane (exceeds, does not match, not an amount). Returns "通过" or the first problem.
 * @customfunction COSTCHECK COST.CHECK
 * @param indicators Indicator rows with columns 一级/二级/三级/…/指标值, optionally with the header row.
 * @param budget 预算数 in 万元: a number or text such as "50 万元".
 * @param valueColumn Position (1-based) of the 指标值 column in the range, when it cannot be found from the header.
 * @returns "通过" or the first problem.
 */
async function costCheck(
  indicators: any[][],
  budget: any,
  valueColumn?: number
): Promise<string | CustomFunctions.Error> {
  const inds = indicatorsOf(indicators, valueColumn || null); // 0 = an empty cell
  if (typeof inds === "string") return cellError("#VALUE!", inds);
  const m = moneyOf(budget);
  if (m.empty) return cellError("#N/A", "预算数未填写");
  if (!m.ok || m.wan === null)
    return cellError("#VALUE!", `预算数“${cellText(budget)}”不是有效的金额`);
  const doc = oneProjectDocument(
    { total: m.wan, fiscal: null, other: null, raw: { total: null, fiscal: null, other: null } },
    inds
  );
  const { validate } = await loadValidate();
  const findings = validate(doc, { rules: COST_RULES }).findings;
  if (findings.length === 0) return PASS;
  let first = findings[0];
  for (const f of findings)
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[first.severity]) first = f;
  return first.message;
}

/**
 * Parses a 指标值 (target value) into operator, number, unit and kind, spilled as one row. Also takes the 符号/值/单位 cells of the 承德 layout.
 * @customfunction TARGETPARSE TARGET.PARSE
 * @param value The 指标值 as written, e.g. "≥95%", "≤50万元", "2024年底"; or the 值 cell when symbol/unit are given.
 * @param symbol The 符号 cell (≥, ≤, =…) of a split 指标值.
 * @param unit The 单位 cell of a split 指标值.
 * @returns One row: operator, number, unit, kind (number, percent, money, date, duration, grade, text, vague, redacted, empty).
 */
function targetParse(value: any, symbol?: any, unit?: any): any[][] {
  const text = (v: unknown): string | number | null =>
    typeof v === "number" || typeof v === "string" ? v : isBlank(v) ? null : cellText(v);
  const split = (symbol !== null && symbol !== undefined) || (unit !== null && unit !== undefined);
  const t = split
    ? parseTargetParts(
        isBlank(symbol) ? null : cellText(symbol),
        text(value),
        isBlank(unit) ? null : cellText(unit)
      )
    : parseTarget(text(value));
  return [[t.operator ?? "", t.value ?? "", t.unit ?? "", t.kind]];
}

/** Implementations by id, for tests and the bench (the bundle registers them by id through the plugin). */
export const FUNCTIONS = {
  SPENDPLANCHECK: spendPlanCheck,
  SPENDPLANAMOUNTS: spendPlanAmounts,
  BUDGETCHECK: budgetCheck,
  AMOUNT: amount,
  COSTTOTAL: costTotal,
  COSTCHECK: costCheck,
  TARGETPARSE: targetParse,
} as const;
