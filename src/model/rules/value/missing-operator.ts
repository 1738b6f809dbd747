import type { Rule } from "../types";
import { facts, rowLabel, rowLabelEn } from "../util";
import { suggestedOperator, withOperator } from "../suggest";
import { vagueUnit } from "./vague-unit";

/**
 * A quantitative target (count, percent, amount) without ≥/≤/=: the direction of the target is then
 * unknown ("100%", "158 人", "5万元"). Dates and durations are left alone.
 */
export const rule: Rule = {
  meta: {
    id: "value/missing-operator",
    category: "value",
    title: "指标值缺少运算符",
    titleEn: "Target value missing an operator",
    specificity: 30,
    severity: "info",
    message: "{row}的指标值“{value}”没有运算符（≥、≤ 或 =）",
    messageEn: "Numeric target “{value}” of {row} has no operator",
    rationale: "定量指标应标明方向：≥ 为正向（越大越好），≤ 为反向（越小越好），= 为等于，否则无法判断是否完成。",
    source: "财预〔2021〕101号 指标值方向；一体化数据标准 计算符号（rules-research §1.4、§6 E34）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const t = p.indicators[i].target;
      if (t.operator !== null) continue;
      if (t.kind !== "number" && t.kind !== "percent" && t.kind !== "money") continue;
      // "1 长期": the number measures nothing; value/vague-unit reports it, an operator would not help.
      if (vagueUnit(t)) continue;
      // The 建议 is built from the row itself (suggest.ts): "=100%", "=1批", "≤50万元", "≥10台"; a
      // value with a word where the unit should be ("1 长期") gets no rewritten value.
      const op = suggestedOperator(p.indicators[i], f.l1[i], f.l2[i]);
      const v = op ? withOperator(t, op) : null;
      ctx.report({
        field: `indicators.${i}.target`,
        data: { row: rowLabel(p.indicators[i]), value: t.raw.trim() },
        dataEn: { row: rowLabelEn(p.indicators[i]) },
        fix: v ? `加上运算符，写作“${v}”` : "写成“运算符 + 数值 + 计量单位”",
        fixEn: v ? `Add an operator: “${v}”` : "Write “operator + number + unit” (e.g. “≥10台”)",
      });
    }
  },
};
