import type { Rule } from "../types";
import { fmt } from "../util";

/**
 * A 得分 above its 分值 (权重) in a 绩效自评表: an indicator row, or a funds line (the 执行率 score).
 * The score of a row cannot exceed the points the row is worth.
 */
export const rule: Rule = {
  meta: {
    id: "self-eval/score-exceeds-points",
    category: "value",
    title: "得分超过分值",
    titleEn: "Score above the points available",
    specificity: 90,
    severity: "error",
    message: "{what}得分 {score} 超过分值 {points}",
    messageEn: "{what}: score {score} exceeds the points {points}",
    rationale: "自评表各指标的得分不得超过该指标的分值（权重）。",
    source: "财预〔2020〕10号《项目支出绩效评价管理办法》附件 项目支出绩效自评表填报说明（得分最高不超过该指标分值）",
  },
  check(p, ctx) {
    p.indicators.forEach((ind, i) => {
      if (ind.score == null || ind.weight == null || ind.score <= ind.weight) return;
      ctx.report({
        field: `indicators.${i}.score`,
        data: { what: `「${ind.name}」`, score: fmt(ind.score), points: fmt(ind.weight) },
        fix: `得分改为不超过 ${fmt(ind.weight)} 分`,
        fixEn: `Make the score at most ${fmt(ind.weight)} points`,
      });
    });
    (p.selfEvaluation?.funds ?? []).forEach((l, i) => {
      if (l.score === null || l.weight === null || l.score <= l.weight) return;
      ctx.report({
        field: `selfEvaluation.funds.${i}.score`,
        data: { what: `${l.label.replace(/[:：]$/, "")}：`, score: fmt(l.score), points: fmt(l.weight) },
        dataEn: { what: `“${l.label.replace(/[:：]$/, "")}”` },
        fix: `得分改为不超过 ${fmt(l.weight)} 分`,
        fixEn: `Make the score at most ${fmt(l.weight)} points`,
      });
    });
  },
};
