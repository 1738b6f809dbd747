import type { Rule } from "../types";

/** Share of non-quantitative values above which a project is flagged. */
export const QUALITATIVE_MAX_SHARE = 0.5;
const MIN_ROWS = 4;

/**
 * More than half of a project's values are not quantitative (text, vague phrases, grades): seed 004
 * has 59 of 175, some projects mostly text; seed 002 P13 five 文字描述 rows of eleven.
 */
export const rule: Rule = {
  meta: {
    id: "value/qualitative-ratio",
    category: "value",
    title: "定性指标过多",
    titleEn: "Too many qualitative indicators",
    specificity: 20,
    severity: "info",
    message: "{count} 条指标中有 {qualitative} 条为定性描述，定性指标过多",
    messageEn: "{qualitative} of {count} targets are qualitative",
    rationale: "绩效指标应尽量量化，确实难以量化的才用定性描述；定性指标过多说明目标难以考核。",
    source: "财预〔2011〕285号、财预〔2015〕88号 能量化的尽量量化；财预〔2021〕101号 量化易评（rules-research §6 E42）",
  },
  check(p, ctx) {
    const n = p.indicators.length;
    if (n < MIN_ROWS) return;
    let q = 0;
    let first = -1;
    for (let i = 0; i < n; i++) {
      const k = p.indicators[i].target.kind;
      if (k === "text" || k === "vague" || k === "grade") {
        q++;
        if (first < 0) first = i;
      }
    }
    if (q > n * QUALITATIVE_MAX_SHARE)
      ctx.report({ field: `indicators.${first}.target`, data: { count: n, qualitative: q }, fix: `至少把其中 ${q - Math.floor(n * QUALITATIVE_MAX_SHARE)} 条改为“运算符 + 数值 + 单位”（从第 ${first + 1} 条“${p.indicators[first].name.trim().slice(0, 20)}”起）`, fixEn: `Rewrite at least ${q - Math.floor(n * QUALITATIVE_MAX_SHARE)} of them as “operator + number + unit” (from indicator ${first + 1}, “${p.indicators[first].name.trim().slice(0, 20)}”, on)` });
  },
};
