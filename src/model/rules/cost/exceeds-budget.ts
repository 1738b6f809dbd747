import type { Rule } from "../types";
import { formatWan, wanToFen } from "../../money";
import { facts, budgetTotalForCost } from "../util";

/**
 * The money in 成本 rows (checks/cost.ts: total rows if named so, else the sum of amounts; per-unit
 * amounts skipped) exceeds 预算数. Exact in 分.
 */
export const rule: Rule = {
  meta: {
    id: "cost/exceeds-budget",
    category: "cost",
    title: "成本超过预算数",
    titleEn: "Cost exceeds the budget",
    specificity: 85,
    severity: "error",
    message: "成本指标金额合计 {cost} 万元超过预算数 {total} 万元",
    messageEn: "Cost indicators total {cost} exceeds the budget {total}",
    rationale: "成本指标反映项目的成本控制要求，应与预算数相匹配，不能超过预算数。",
    source: "财预〔2015〕88号 相应匹配、适当性审核；财预〔2021〕101号 成本控制；上海 2025 指引“与预算金额相匹配”（rules-research §1.6、§6 F47）",
  },
  check(p, ctx) {
    const total = budgetTotalForCost(p);
    if (total === null) return;
    const c = facts(p, ctx.profile).cost;
    if (c.fen === null) return;
    const t = wanToFen(total);
    if (!Number.isFinite(t) || c.fen <= t) return;
    ctx.report({
      field: `indicators.${c.rows[0]}.target`,
      data: { cost: formatWan(c.fen, 0), total: formatWan(t, 0) },
      dataEn: { cost: `“${formatWan(c.fen, 0)} 万元”`, total: `“${formatWan(t, 0)} 万元”` },
      fix: `核对成本金额与单位（元/万元）：总成本不超过预算数，写作“≤${formatWan(t, 0)}万元”`,
      fixEn: `Check the cost amounts and units (“元” or “万元”): the total cost stays within the budget, written “≤${formatWan(t, 0)}万元”`,
    });
  },
};
