import type { Rule } from "../types";
import { LEVEL2, REQUIRED_OUTPUT_DIMENSIONS } from "../../taxonomy";
import { facts } from "../util";

/**
 * 产出 should cover 数量/质量/时效 (taxonomy.REQUIRED_OUTPUT_DIMENSIONS of the project's framework; 成本
 * is left to indicator/missing-cost so a missing cost row is reported once). A dimension written under
 * the wrong 一级 counts as present (level2-mismatch reports the misplacement). Only when the project
 * has 产出 rows at all (else indicator/missing-output).
 */
export const rule: Rule = {
  meta: {
    id: "indicator/missing-output-dimension",
    category: "framework",
    title: "产出指标缺少数量、质量或时效",
    specificity: 60,
    severity: "warning",
    message: "产出指标缺少{dimension}",
    messageEn: "Output indicators lack {dimension}",
    rationale: "产出指标应从数量、质量、时效（及成本）几个方面反映预期产出。",
    source: "财预〔2015〕88号 产出指标体系；财预〔2021〕101号（rules-research §2.1、§6 D27）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    if (!f.hasL1.output) return;
    // Point at the 产出 group's 一级 cell: that is where the dimension is missing.
    const field = `indicators.${f.l1.indexOf("output")}.level1`;
    for (const d of REQUIRED_OUTPUT_DIMENSIONS[f.framework]) {
      if (d === "cost") continue;
      if (f.l2.includes(d)) continue;
      ctx.report({ field, data: { dimension: LEVEL2[d] }, fix: `补充${LEVEL2[d]}` });
    }
  },
};
