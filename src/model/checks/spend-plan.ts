/**
 * Pure checks of a 资金支出计划 (cumulative spending progress in percent), shared by the rules and the
 * spreadsheet custom functions so that a cell and the task pane never disagree.
 *
 * Input: cumulative percent points in time order, null for a blank cell. Normally 4 points
 * (3月底/6月底/10月底/12月底); 3 points are accepted (seed 000 #10 and #34 have no 12月底 column); a
 * multi-year plan may pass any number of points with its own labels.
 */

import { parseTarget } from "../value";

/**
 * What a plan point written as text means — the one definition readers and custom functions share.
 * “25%”, “25 ％”, “100百分比” → percent points; “25”, “25.00” → a bare number (`bare`: the caller
 * decides whether a row of bare numbers 0…1 are fractions); blank or a dash → null; anything else
 * (an operator, words, an amount) → `bad`.
 */
export function planPointText(text: string): { value: number | null; bare: boolean; bad: boolean } {
  const t = parseTarget(text);
  if (t.kind === "empty") return { value: null, bare: false, bad: false };
  if (t.operator === null && t.value !== null && t.valueMax === null) {
    if (t.kind === "percent") return { value: t.value, bare: false, bad: false };
    if (t.kind === "number" && t.unit === null) return { value: t.value, bare: true, bad: false };
  }
  return { value: null, bare: false, bad: true };
}

export type SpendPlanRuleId =
  | "spend-plan/missing"
  | "spend-plan/out-of-range"
  | "spend-plan/decreasing"
  | "spend-plan/not-100"
  | "spend-plan/unusual";

export interface SpendPlanProblem {
  ruleId: SpendPlanRuleId;
  /** zh-CN, names the points and values. */
  message: string;
  /** Index of the point concerned (0-based), or null for the whole plan. */
  index: number | null;
  fix?: string;
  /** The same in English where the message is not the rule's template (the whole plan blank). */
  messageEn?: string;
  fixEn?: string;
}

export interface SpendPlanOptions {
  /** Point labels; default 3月底/6月底/10月底/12月底 (first n). */
  labels?: readonly string[];
  /** 预算数: a final point equal to it hints that an amount was typed instead of a percent. */
  budgetTotal?: number | null;
  /** Report the "unusual profile" heuristics (default true; only for 4-point annual plans). */
  unusual?: boolean;
}

export const QUARTER_LABELS = ["3月底", "6月底", "10月底", "12月底"] as const;
const QUARTER_EN = ["end of March", "end of June", "end of October", "end of December"] as const;

const EPS = 1e-9;

function pct(v: number): string {
  return (Number.isInteger(v) ? String(v) : String(Math.round(v * 1e4) / 1e4)) + "%";
}

/**
 * Problems of a plan, ordered by point, then by rule. Heuristic for spend-plan/unusual (informational,
 * only when the plan has no other problem and is a 4-point annual plan), from rules-research §6 B15
 * (中发〔2018〕34号 "双监控" of budget execution; Hebei ties 支出进度 to allocation):
 *   - 100% already at 3月底 (everything spent in the first quarter: is the plan real?);
 *   - 0% until 10月底 and 100% at 12月底 (all spending in the last two months);
 *   - otherwise ≥ 50 percentage points added after 10月底 (e.g. seed 000 #12: 10/20/30/100).
 */
export function spendPlanProblems(points: readonly (number | null | undefined)[], opts: SpendPlanOptions = {}): SpendPlanProblem[] {
  const n = points.length;
  const labels = opts.labels ?? QUARTER_LABELS;
  const label = (i: number) => labels[i] ?? `第${i + 1}个节点`;
  // The form's own labels are quoted as written; the usual quarters are said in English.
  const labelEn = (i: number) => (opts.labels ? (labels[i] !== undefined ? `“${labels[i]}”` : `point ${i + 1}`) : (QUARTER_EN[i] ?? `point ${i + 1}`));
  const out: SpendPlanProblem[] = [];
  let last = -1;
  for (let i = 0; i < n; i++) {
    const v = points[i];
    if (v !== null && v !== undefined) last = i;
  }
  if (last < 0) {
    out.push({
      ruleId: "spend-plan/missing",
      message: "资金支出计划（累计进度%）未填写",
      messageEn: "Spending plan (cumulative % spent) is blank",
      index: null,
      fix: `按${labels.slice(0, Math.max(n, 4)).join("、")}填写累计支出进度（%），最后一个节点为 100%`,
      fixEn: "Fill in the cumulative % spent at each point (end of March, June, October, December); the last one is 100%",
    });
    return out;
  }
  let max = -Infinity;
  let maxAt = -1;
  let hard = false;
  for (let i = 0; i <= last; i++) {
    const v = points[i];
    if (v === null || v === undefined) {
      hard = true;
      out.push({
        ruleId: "spend-plan/missing",
        message: `资金支出计划${label(i)}进度为空`,
        index: i,
        fix: `填写${label(i)}的累计支出进度（没有支出时填 0%）`,
        messageEn: `Spending plan at ${labelEn(i)} is blank`,
        fixEn: `Fill in the cumulative % spent at ${labelEn(i)} (0% if nothing is spent yet)`,
      });
      continue;
    }
    if (!Number.isFinite(v) || v < 0 || v > 100 + EPS) {
      hard = true;
      out.push({
        ruleId: "spend-plan/out-of-range",
        message: `资金支出计划${label(i)}为 ${Number.isFinite(v) ? pct(v) : String(v)}，累计进度应在 0%–100% 之间`,
        index: i,
        fix: v > 100 && v <= 10000 ? "若填写的是小数或金额，请换算为累计百分比" : undefined,
        messageEn: `Spending plan at ${labelEn(i)} is ${Number.isFinite(v) ? pct(v) : String(v)}; cumulative progress lies between 0% and 100%`,
        fixEn: v > 100 && v <= 10000 ? "If a fraction or an amount was written, convert it to a cumulative percentage" : undefined,
      });
      continue;
    }
    if (v < max - EPS) {
      hard = true;
      out.push({
        ruleId: "spend-plan/decreasing",
        message: `资金支出计划${label(i)} ${pct(v)} 低于${label(maxAt)} ${pct(max)}，累计进度不应下降`,
        index: i,
        fix: `${label(i)}的累计进度至少应为 ${pct(max)}`,
        messageEn: `Spending plan at ${labelEn(i)} ${pct(v)} is below ${labelEn(maxAt)} ${pct(max)}; cumulative progress cannot go down`,
        fixEn: `The cumulative progress at ${labelEn(i)} should be at least ${pct(max)}`,
      });
    }
    if (v > max) {
      max = v;
      maxAt = i;
    }
  }
  const lastV = points[last] as number;
  if (Number.isFinite(lastV) && lastV >= 0 && lastV <= 100 + EPS && Math.abs(lastV - 100) > EPS) {
    hard = true;
    const missingEnd = last < n - 1 ? `，${label(n - 1)}未填写` : n === 3 && !opts.labels ? "，缺少12月底节点" : "";
    const looksLikeAmount =
      opts.budgetTotal !== null && opts.budgetTotal !== undefined && Math.abs(opts.budgetTotal - lastV) < EPS
        ? `（${pct(lastV).slice(0, -1)} 与预算数相同，疑似填写了金额）`
        : "";
    out.push({
      ruleId: "spend-plan/not-100",
      message: `资金支出计划止于${label(last)} ${pct(lastV)}${missingEnd}，年末累计进度应为 100%${looksLikeAmount}`,
      // A missing 12月底 has no cell: point at the last written point, where the plan stops.
      index: last,
      fix: `${n === 3 && !opts.labels ? "12月底" : label(n - 1)}累计进度填 100%`,
      messageEn: `Spending plan stops at ${labelEn(last)} ${pct(lastV)}${last < n - 1 ? `, ${labelEn(n - 1)} not filled in` : n === 3 && !opts.labels ? ", no end-of-December point" : ""}; the year-end cumulative progress should be 100%${looksLikeAmount ? ` (${pct(lastV).slice(0, -1)} equals the budget: an amount?)` : ""}`,
      fixEn: `Fill in 100% at ${n === 3 && !opts.labels ? "the end of December" : labelEn(n - 1)}`,
    });
  }
  if (!hard && opts.unusual !== false && n === 4 && !opts.labels) {
    const [a, , c, d] = points as number[];
    if (a >= 100 - EPS) {
      out.push({
        ruleId: "spend-plan/unusual",
        message: `资金支出计划3月底即累计支出 ${pct(a)}，请确认支出安排是否属实`,
        index: 0,
        fix: "3月底前确已全部支付时保留；否则按合同付款或实际用款时间填写各季度累计进度",
        messageEn: `Spending plan reaches ${pct(a)} by the end of March; please confirm the plan is real`,
        fixEn: "Keep it if everything is really paid by the end of March; otherwise fill in each quarter's cumulative progress from the contract's payment dates or actual use",
      });
    } else if (c <= EPS && d >= 100 - EPS) {
      out.push({
        ruleId: "spend-plan/unusual",
        message: "资金支出计划10月底前累计支出为 0%，全部资金集中在11–12月支出，请确认",
        index: 2,
        fix: "核对资金是否确需在11–12月集中支付；有提前支付的款项计入10月底前的累计进度",
        messageEn: "Spending plan is 0% until the end of October: all money is spent in November–December; please confirm",
        fixEn: "Check that the money really must be paid in November–December; payments made earlier count in the progress by the end of October",
      });
    } else if (d - c >= 50 - EPS) {
      out.push({
        ruleId: "spend-plan/unusual",
        message: `资金支出计划10月底 ${pct(c)}、12月底 ${pct(d)}，最后两个月需支出 ${pct(d - c)}，进度偏后`,
        index: 3,
        fix: `核对付款节点：11–12月需支出 ${pct(d - c)}，有提前支付的款项计入10月底累计进度（目前 ${pct(c)}）`,
        messageEn: `Spending plan: ${pct(c)} at the end of October, ${pct(d)} at the end of December; ${pct(d - c)} is left for the last two months, late`,
        fixEn: `Check the payment dates: ${pct(d - c)} is due in November–December; payments made earlier count in the progress by the end of October (now ${pct(c)})`,
      });
    }
  }
  return out;
}
