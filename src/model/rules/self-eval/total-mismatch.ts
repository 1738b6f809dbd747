import type { Rule } from "../types";
import { fmt } from "../util";

/** Sums of one-decimal scores: compared at 0.01. */
const EPS = 0.01;

/**
 * The 总分 row of a 绩效自评表 against the parts: its 分值 against the indicators' 分值 plus the 执行率
 * line's, its 得分 against their 得分. Only compared when every part carries the figure (a form left
 * unscored is not a sum error).
 */
const WHAT_EN = { weight: "points", score: "score" } as const;

export const rule: Rule = {
  meta: {
    id: "self-eval/total-mismatch",
    category: "consistency",
    title: "总分与各项之和不符",
    titleEn: "Total score differs from sum of items",
    specificity: 85,
    severity: "warning",
    message: "总分{what} {total} ≠ 各指标{what}与预算执行率{what}之和 {sum}",
    messageEn: "Total {what} {total} ≠ the sum of the indicators' and the execution rate's {sum}",
    rationale: "自评表总分由预算执行率得分和各绩效指标得分相加而得，分值合计应为 100 分。",
    source: "财预〔2020〕10号《项目支出绩效评价管理办法》附件 项目支出绩效自评表（总分 100 分）",
  },
  check(p, ctx) {
    const se = p.selfEvaluation;
    if (!se || p.indicators.length === 0) return;
    const fundsLine = se.funds.find((l) => l.role === "total" && (l.weight !== null || l.score !== null));
    for (const [key, what, total, field] of [
      ["weight", "分值", se.totalWeight, "selfEvaluation.totalWeight"],
      ["score", "得分", se.totalScore, "selfEvaluation.totalScore"],
    ] as const) {
      if (total === null) continue;
      const parts = p.indicators.map((i) => i[key]);
      if (parts.some((x) => x == null)) continue;
      const fundsPart = fundsLine ? fundsLine[key] : null;
      const sum = Math.round(((parts as number[]).reduce((a, b) => a + b, 0) + (fundsPart ?? 0)) * 100) / 100;
      if (Math.abs(sum - total) <= EPS) continue;
      ctx.report({ field, data: { what, total: fmt(total), sum: fmt(sum) }, fix: `核对各指标${what}，或把总分${what}改为 ${fmt(sum)}`, dataEn: { what: WHAT_EN[key] }, fixEn: `Check each indicator's ${WHAT_EN[key]}, or make the total ${WHAT_EN[key]} ${fmt(sum)}` });
    }
  },
};
