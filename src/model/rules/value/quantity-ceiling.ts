import type { Rule } from "../types";
import { coreName, isLowerBetterQuantity } from "../direction";
import { withOperator } from "../suggest";
import { facts, rowLabel, rowLabelEn } from "../util";

/**
 * A 数量指标 of an output written as a ceiling ("≤10台", "<5次"): zero output meets it. Bad-event
 * quantities (发案, 事故, 投诉, 差错, 死亡, 超标 …, the list is rules/direction.ts's) are exempt: fewer is
 * the target there.
 */
export const rule: Rule = {
  meta: {
    id: "value/quantity-ceiling",
    category: "value",
    title: "数量指标写成上限",
    titleEn: "Quantity indicator written as a ceiling",
    specificity: 80,
    severity: "warning",
    message: "{row}是产出数量，却写成上限“{value}”，不完成也算达标",
    messageEn: "{row} is an output quantity written as a ceiling “{value}”: zero output meets it",
    rationale: "数量指标反映计划完成的产出数量，应写下限（≥）或确定值（=）；写成上限（≤、<）时零产出也满足目标，指标失去考核意义。",
    source: "财预〔2021〕101号 数量指标“计划完成的产出数量”、正向指标用≥（rules-research §1.4、§4 P11、§6 E35）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      if (f.l2[i] !== "quantity") continue;
      const ind = p.indicators[i];
      const t = ind.target;
      if (t.operator !== "≤" && t.operator !== "<") continue;
      if (t.kind !== "number" && t.kind !== "money" && t.kind !== "duration") continue;
      if (isLowerBetterQuantity(coreName(ind.name)) || isLowerBetterQuantity(coreName(ind.description ?? ""))) continue;
      const v = withOperator(t, t.value === 1 ? "=" : "≥");
      ctx.report({
        field: `indicators.${i}.target`,
        data: { row: rowLabel(ind), value: t.raw.trim() },
        dataEn: { row: rowLabelEn(ind) },
        fix: v ? `产出数量写下限或确定值，如“${v}”` : "产出数量写下限（≥）或确定值（=）",
        fixEn: v ? `Write an output quantity as a floor or an exact number, e.g. “${v}”` : "Write an output quantity as a floor (≥) or an exact number (=)",
      });
    }
  },
};
