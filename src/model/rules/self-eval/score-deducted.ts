import type { Rule } from "../types";
import { fmt, isBlank } from "../util";
import { shortfall } from "./missing-deviation";

/**
 * A 绩效自评表 indicator whose 实际完成值 meets its 年度指标值 (numbers compared by the target's operator)
 * but scores below its 分值, with no reason given: corpus 47 scores 9 of 10, 19 of 20, 27 of 30 on rows
 * that report the target reached. Either the score is wrong or the reason for the deduction is missing.
 */
export const rule: Rule = {
  meta: {
    id: "self-eval/score-deducted",
    category: "value",
    title: "完成目标却扣分",
    titleEn: "Target met but points deducted",
    specificity: 75,
    severity: "warning",
    message: "「{name}」实际完成值 {actual} 已达到年度指标值 {target}，得分 {score} 却低于分值 {weight}，未说明扣分原因",
    messageEn: "{name}: the actual {actual} meets the target {target}, yet it scores {score} of {weight} with no reason given",
    rationale: "自评得分应按指标完成情况计算：完成目标的指标得满分；扣分时须在偏差原因栏写明理由（如质量或时效不足），否则得分没有依据。",
    source: "财预〔2020〕10号《项目支出绩效评价管理办法》附件 项目支出绩效自评表填报说明（得分、偏差原因分析及改进措施）",
  },
  check(p, ctx) {
    if (!p.selfEvaluation) return;
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const { weight, score } = ind;
      if (weight === null || weight === undefined || score === null || score === undefined || !(score < weight)) continue;
      if (ind.deviation !== undefined && !isBlank(ind.deviation)) continue;
      if (shortfall(ind) !== false) continue;
      ctx.report({
        field: `indicators.${i}.score`,
        data: { name: ind.name.trim(), actual: ind.actual!.raw.trim() || fmt(ind.actual!.value!), target: ind.target.raw.trim(), score: fmt(score), weight: fmt(weight) },
        fix: `已完成目标的指标得满分 ${fmt(weight)} 分；确有不足时在偏差原因栏写明扣 ${fmt(Math.round((weight - score) * 100) / 100)} 分的理由`,
        dataEn: { name: `“${ind.name.trim()}”`, target: `“${ind.target.raw.trim()}”` },
        fixEn: `An indicator that met its target scores the full ${fmt(weight)} points; if something fell short, give the reason for deducting ${fmt(Math.round((weight - score) * 100) / 100)} points in the deviation column`,
      });
    }
  },
};
