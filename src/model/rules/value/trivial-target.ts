import type { Rule } from "../types";
import { coreName, GROWTH, isBadEventRate } from "../direction";
import { facts, fmt, isCostRow, rowLabel, rowLabelEn } from "../util";
import { rowName } from "../fix";

// The 三级 names a reduction as its measure ("再犯罪减低率", "立案数下降", "事故降低率(%)"); not "预算控制率"
// nor a sentence that mentions a reduction ("…降低了群众办理业务成本").
const REDUCTION_CHAR = /[降减]|下降/;
const REDUCTION_MEASURE = /(?:降低|下降|减少|减低|压降)(?:率|幅度|比例|比率)?$|(?:降低|下降|减少|减低)(?:率|幅度)/;

/** A reduction of this much or more within one year is not a credible target (001 #5 降低率 ≥98%). */
export const REDUCTION_MAX = 50;
/** A ceiling on a bad-event rate at or above this is always met (001 #28 重新犯罪率 ≤95%). */
export const BAD_RATE_CEILING_MAX = 30;

/**
 * Targets that cannot be met or are met whatever happens:
 *  - a rate "> 100 %" (impossible) and "≥ 100 %" (only 100 % meets it: write "= 100 %"; 提示);
 *  - a 降低率/减少率 ≥ 50 % (seed 001 #5 有组织犯罪案件数降低率 ≥98%, #2/#3/#26 再犯罪减低率 ≥95%);
 *  - a bad-event rate (事故率, 差错率, 投诉率, 重新犯罪率 …) with a ceiling ≥ 30 %, always met (001 #28).
 * Growth rates may exceed 100 % and are left alone.
 */
export const rule: Rule = {
  meta: {
    id: "value/trivial-target",
    category: "value",
    title: "目标不可能或必然达成",
    titleEn: "Target impossible or certain to be met",
    specificity: 80,
    severity: "warning",
    message: "{row}的指标值“{value}”{reason}",
    messageEn: "Target “{value}” of {row} is impossible or always met: {reason}",
    rationale: "绩效指标值应科学合理、可实现又有挑战性：超过 100% 的比率无法实现，一年降低一半以上不切实际，过宽的反向指标上限不做任何努力也能达到。",
    source: "财预〔2015〕88号 绩效指标“科学合理、可实现”；财预〔2021〕101号 指标值“先进合理”（rules-research §1.4、§2.2、§4 P11、§6 E39）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const t = ind.target;
      if (t.kind !== "percent" || t.value === null || t.valueMax !== null) continue;
      const v = t.value;
      // Every branch needs a high value and its own operator: most rows stop here without building the name.
      const op = t.operator;
      const floor = op === "≥" || op === ">" || op === null;
      const ceiling = op === "≤" || op === "<";
      if (!(v === 100 && (op === ">" || op === "≥")) && !(floor && v >= REDUCTION_MAX && (REDUCTION_CHAR.test(ind.name) || (ind.description !== null && REDUCTION_CHAR.test(ind.description)))) && !(ceiling && v >= BAD_RATE_CEILING_MAX))
        continue;
      const name = coreName(ind.name);
      const row = rowLabel(ind);
      const rowEn = rowLabelEn(ind);
      const value = t.raw.trim();
      if (v === 100 && (t.operator === ">" || t.operator === "≥") && !GROWTH.test(name)) {
        if (t.operator === ">")
          ctx.report({ field: `indicators.${i}.target`, data: { row, value, reason: "超过 100%，无法实现" }, dataEn: { row: rowEn, reason: "above 100%, cannot be reached" }, fix: "改为“=100%”，或写明实际可达到的比率", fixEn: "Write “=100%”, or the rate that can actually be reached" });
        else
          ctx.report({
            field: `indicators.${i}.target`,
            severity: "info",
            data: { row, value, reason: "只有 100% 才能达到，应写作“=100%”" },
            dataEn: { row: rowEn, reason: "only 100% reaches it; write “=100%”" },
            fix: "改为“=100%”",
            fixEn: "Write “=100%”",
          });
      } else if ((REDUCTION_MEASURE.test(name) || (ind.description !== null && REDUCTION_MEASURE.test(coreName(ind.description)))) && !GROWTH.test(name) && !isCostRow(f.l1[i], f.l2[i]) && (t.operator === "≥" || t.operator === ">" || t.operator === null) && v >= REDUCTION_MAX) {
        ctx.report({
          field: `indicators.${i}.target`,
          data: { row, value, reason: `要求一年降低 ${fmt(v)}% 以上，不切实际` },
          dataEn: { row: rowEn, reason: `asks for a reduction of ${fmt(v)}% or more in one year, which is unrealistic` },
          fix: `按上年实际数测算${rowName(ind)}的降低幅度（通常在 5%–20% 之间，如“≥10%”），或改写为绝对数“≤ 上年实际数”`,
          fixEn: `Work out the reduction of ${rowName(ind)} from last year's actual figure (usually 5%–20%, e.g. “≥10%”), or write an absolute ceiling “≤ 上年实际数”`,
        });
      } else if (isBadEventRate(name) && (t.operator === "≤" || t.operator === "<") && v >= BAD_RATE_CEILING_MAX) {
        ctx.report({
          field: `indicators.${i}.target`,
          data: { row, value, reason: `上限 ${fmt(v)}% 过宽，不做任何努力也能达到` },
          dataEn: { row: rowEn, reason: `a ceiling of ${fmt(v)}% is so loose it is met without effort` },
          fix: "按上年实际水平设定更严的上限（如“≤上年实际数”）",
          fixEn: "Set a tighter ceiling from last year's actual level (e.g. “≤上年实际数”)",
        });
      }
    }
  },
};
