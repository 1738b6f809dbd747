import type { Rule } from "../types";
import { facts, rowLabel } from "../util";

const DIGIT = /[0-9０-９]/;
// A Chinese numeral with a measure word still states a number ("三条", "一百人").
const CN_COUNT = /[一二两三四五六七八九十百千万]+\s*(?:名|人|个|台|套|辆|处|次|项|件|条|座|家|所|批|户|部|只|块|路|场|期)/;

/**
 * A 数量指标 whose value states no number: "平均在押人数", "根据实际核定", "按需采购" (seed 000 #32–#39,
 * #7). A quantity target must say how many. Vague change-phrases are value/vague's, questions too;
 * redacted and empty values are value/redacted's and value/missing's.
 */
export const rule: Rule = {
  meta: {
    id: "value/quantity-no-number",
    category: "value",
    title: "数量指标没有数字",
    specificity: 85,
    severity: "warning",
    message: "{row}的指标值“{value}”没有数量",
    messageEn: "Quantity indicator {row} “{value}” states no number",
    rationale: "数量指标反映计划完成的产出数量，必须写明具体数值和计量单位，否则无法考核是否完成。",
    source: "财预〔2021〕101号 数量指标“计划完成的产出数量”；财预〔2015〕88号 能量化的尽量量化（rules-research §1.4、§6 E40、E42）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      if (f.l2[i] !== "quantity") continue;
      const ind = p.indicators[i];
      const t = ind.target;
      if (t.kind !== "text" && t.kind !== "grade") continue;
      const raw = (t.text ?? t.raw).trim();
      if (raw.startsWith("是否") || DIGIT.test(raw) || CN_COUNT.test(raw)) continue;
      ctx.report({
        field: `indicators.${i}.target`,
        data: { row: rowLabel(ind), value: raw.length > 30 ? raw.slice(0, 30) + "…" : raw },
        fix: "写明计划完成的数量和单位，如“≥130人”“=2台”（可按资金用途中的测算数填写）",
      });
    }
  },
};
