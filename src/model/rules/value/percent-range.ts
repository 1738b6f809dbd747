import type { Rule } from "../types";
import { facts, isSatisfactionRow, rowLabel, rowLabelEn, fmt, squash } from "../util";
import { GROWTH } from "../direction";

/** A satisfaction floor below this is not a target (seed 002 P16 "≥60" for 满意度-like rows). */
export const SATISFACTION_FLOOR = 60;

/**
 * Percentages outside 0–100% (except growth/increase rates, which may exceed 100), and satisfaction
 * floors below 60% (the usual 合格 band starts at 60, rules-research §1.4/§2.2).
 */
export const rule: Rule = {
  meta: {
    id: "value/percent-range",
    category: "value",
    title: "百分比超出范围或目标偏低",
    titleEn: "Percentage out of range or target too low",
    specificity: 80,
    severity: "warning",
    message: "{row}的指标值“{value}”超出 0%–100%",
    messageEn: "Percentage “{value}” of {row} is outside 0–100%",
    rationale: "比率类指标值应在 0% 到 100% 之间（增长率除外）；满意度目标低于 60% 不构成有效目标。",
    source: "rules-research §4 P11、§6 E39、E44",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const t = ind.target;
      if (t.kind !== "percent" || t.value === null) continue;
      const hi = t.valueMax ?? t.value;
      if (t.value < 0 || ((t.value > 100 || hi > 100) && !GROWTH.test(squash(ind.name)))) {
        ctx.report({ field: `indicators.${i}.target`, data: { row: rowLabel(ind), value: t.raw.trim() }, dataEn: { row: rowLabelEn(ind) }, fix: t.value > 100 ? `核对数值，比率最多为 100%（全部完成写“=100%”）` : `比率不能为负，核对${rowLabel(ind)}的数值`, fixEn: t.value > 100 ? "Check the number: a rate is at most 100% (all done: “=100%”)" : `A rate cannot be negative: check the value of ${rowLabelEn(ind)}` });
      } else if (isSatisfactionRow(f.l1[i], f.l2[i]) && (t.operator === "≥" || t.operator === ">" || t.operator === null) && t.value < SATISFACTION_FLOOR) {
        ctx.report({
          field: `indicators.${i}.target`,
          message: `${rowLabel(ind)}的满意度目标 ${fmt(t.value)}% 低于 ${SATISFACTION_FLOOR}%，目标偏低`,
          messageEn: `The satisfaction target ${fmt(t.value)}% of ${rowLabelEn(ind)} is below ${SATISFACTION_FLOOR}%: too low`,
          fix: "满意度目标通常不低于 80%–90%",
          fixEn: "A satisfaction target is usually at least 80%–90%",
        });
      }
    }
  },
};
