import type { Rule } from "../types";

/**
 * A 绩效自评表 left unfilled: indicators whose 实际完成值 is blank (on a form that has the column). The
 * written part (实际完成情况, 评价结论) is self-eval/narrative's.
 */
export const rule: Rule = {
  meta: {
    id: "self-eval/missing-actual",
    category: "value",
    title: "自评未填写完成情况",
    titleEn: "Self-evaluation: actual result missing",
    specificity: 75,
    severity: "warning",
    message: "自评未填写完成情况：{what}",
    messageEn: "Self-evaluation not filled in: {what}",
    rationale: "自评表须逐项填写实际完成值和年度目标完成情况，才能与年初设定的目标对照评分。",
    source: "财预〔2020〕10号《项目支出绩效评价管理办法》附件 项目支出绩效自评表填报说明",
  },
  check(p, ctx) {
    const se = p.selfEvaluation;
    if (!se) return;
    const blank = p.indicators.map((ind, i) => ({ ind, i })).filter(({ ind }) => ind.actual !== undefined && ind.actual.kind === "empty");
    if (blank.length > 0) {
      const names = blank.slice(0, 3).map(({ ind }) => `「${ind.name}」`).join("、");
      ctx.report({
        field: `indicators.${blank[0].i}.actual`,
        data: { what: `${blank.length} 条指标未填写实际完成值：${names}${blank.length > 3 ? "等" : ""}` },
        fix: "逐条填写全年实际完成值",
        dataEn: { what: `${blank.length} indicator(s) have no actual value: ${blank.slice(0, 3).map(({ ind }) => `「${ind.name}」`).join(", ")}${blank.length > 3 ? "…" : ""}` },
        fixEn: "Fill in each indicator's actual value for the year",
      });
    }
  },
};
