import type { Rule } from "../types";

/** Fewer indicators than this is reported (local practice; rules-research §1.4 "≥3 三级"). */
export const MIN_INDICATORS = 3;

export const rule: Rule = {
  meta: {
    id: "indicator/too-few",
    category: "framework",
    title: "指标过少",
    titleEn: "Too few indicators",
    specificity: 30,
    severity: "info",
    message: "只有 {count} 条绩效指标，少于 {min} 条",
    messageEn: "Only {count} indicators (fewer than {min})",
    rationale: "绩效指标应覆盖产出、效益和满意度各方面，指标过少难以反映项目绩效。",
    source: "地方表样惯例（三级指标不少于 3 条，rules-research §1.4、§6 D30）",
  },
  check(p, ctx) {
    const n = p.indicators.length;
    if (n > 0 && n < MIN_INDICATORS) ctx.report({ field: "indicators", data: { count: n, min: MIN_INDICATORS } });
  },
};
