import type { Rule } from "../types";
import { facts, fmt, rowLabel, rowLabelEn } from "../util";

/**
 * A 成本 row whose value is not an amount: percentages ("控制在预算内 100%", seed 001 ×6), text
 * ("控制成本", "按规定执行", seed 000 #31/#29), dates ("2024年", seed 004 P3). Per-unit amounts (元/人)
 * are amounts and pass.
 */
export const rule: Rule = {
  meta: {
    id: "cost/not-money",
    category: "cost",
    title: "成本指标不是金额",
    titleEn: "Cost indicator is not an amount",
    specificity: 75,
    severity: "warning",
    message: "{row}的指标值“{value}”不是金额",
    messageEn: "Cost indicator {row}: value “{value}” is not an amount",
    rationale: "成本指标应以金额（总成本、单位成本）表示，如“≤50万元”“≤1835元/人”；比率或文字无法反映成本控制。",
    source: "财预〔2015〕88号 填报说明 成本指标含单位成本、总成本；上海 2025 指引 总成本/单位成本/分项成本（rules-research §2.1、§1.6、§6 E43）",
  },
  check(p, ctx) {
    const c = facts(p, ctx.profile).cost;
    for (const i of c.nonMoney) {
      const ind = p.indicators[i];
      ctx.report({
        field: `indicators.${i}.target`,
        data: { row: rowLabel(ind), value: ind.target.raw.trim() },
        fix: p.budget.total !== null
          ? `写成金额：总成本“≤${fmt(p.budget.total)}万元”（本项目预算数），或单位成本“≤N元/人”`
          : "写成金额：总成本“≤预算数 万元”，或单位成本“≤N元/人”",
        dataEn: { row: rowLabelEn(ind) },
        fixEn:
          p.budget.total !== null
            ? `Write an amount: total cost “≤${fmt(p.budget.total)}万元” (this project's budget), or a unit cost “≤N元/人”`
            : "Write an amount: total cost “≤预算数 万元”, or a unit cost “≤N元/人”",
      });
    }
  },
};
