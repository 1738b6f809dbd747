import type { Rule } from "../types";
import { formatWan, wanToFen } from "../../money";
import { facts, budgetTotalForCost } from "../util";

/** Relative tolerance: 19270 元 against a budget of 1.93 万元 (seed 004 P6) is a rounding, not a gap. */
export const COST_TOLERANCE = 0.005;
/** Absolute tolerance in 分 (100 元). */
const ABS_TOLERANCE_FEN = 10_000;

/**
 * 成本 total below 预算数 by more than max(0.5%, 100 元): the cost target does not cover the budget
 * (seed 002 P10 说明 58 of 100). Above 预算数 is cost/exceeds-budget. Projects whose cost rows are only
 * per-unit amounts are not compared.
 */
export const rule: Rule = {
  meta: {
    id: "cost/mismatch-budget",
    category: "cost",
    title: "成本与预算数不一致",
    titleEn: "Cost differs from the budget",
    specificity: 80,
    severity: "warning",
    message: "成本指标金额合计 {cost} 万元与预算数 {total} 万元不一致",
    messageEn: "Cost indicators total {cost} differs from the budget {total}",
    rationale: "成本指标应与预算数相匹配；成本明显低于预算说明预算与目标不对应或漏列成本。",
    source: "财预〔2015〕88号 相应匹配；财预〔2021〕101号 成本控制（rules-research §1.6、§6 F47）",
  },
  check(p, ctx) {
    const total = budgetTotalForCost(p);
    if (total === null) return;
    const c = facts(p, ctx.profile).cost;
    if (c.fen === null) return;
    const t = wanToFen(total);
    if (!Number.isFinite(t) || c.fen >= t) return;
    const tol = Math.max(ABS_TOLERANCE_FEN, Math.round(t * COST_TOLERANCE));
    if (t - c.fen <= tol) return;
    ctx.report({
      field: `indicators.${c.rows[0]}.target`,
      message: `成本指标金额合计 ${formatWan(c.fen, 0)} 万元低于预算数 ${formatWan(t, 0)} 万元（相差 ${formatWan(t - c.fen, 0)} 万元）`,
      fix: "核对成本指标是否漏列，或预算数是否与目标相匹配",
      messageEn: `Cost indicators total “${formatWan(c.fen, 0)} 万元”, below the budget “${formatWan(t, 0)} 万元” (short by “${formatWan(t - c.fen, 0)} 万元”)`,
      fixEn: "Check whether cost indicators are missing, or whether the budget matches the goals",
    });
  },
};
