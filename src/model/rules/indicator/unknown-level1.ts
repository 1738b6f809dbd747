import type { Rule } from "../types";
import { level1Options } from "../../taxonomy";
import { facts, isBlank } from "../util";

/** 一级 must be one of 产出/效益/满意度 (+ 成本 in 2021); 效果指标 etc. are normalised by taxonomy. */
export const rule: Rule = {
  meta: {
    id: "indicator/unknown-level1",
    category: "framework",
    title: "一级指标名称不规范",
    titleEn: "Non-standard level-1 indicator name",
    specificity: 85,
    severity: "error",
    message: "一级指标“{label}”不是规范名称",
    messageEn: "Unknown level-1 indicator “{label}”",
    rationale: "一级指标只能是产出、效益、满意度（2021 年框架另有成本）指标，其他名称无法对应指标体系。",
    source: "财预〔2015〕88号；财预〔2021〕101号（rules-research §2.4、§6 D21）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      if (f.l1[i] !== null) continue;
      const label = p.indicators[i].level1Raw ?? p.indicators[i].level1;
      ctx.report({
        field: `indicators.${i}.level1`,
        message: isBlank(label) ? `第 ${i + 1} 条指标缺少一级指标` : undefined,
        data: { label: label.trim() },
        messageEn: isBlank(label) ? `Indicator ${i + 1} has no level-1 indicator` : undefined,
        fix: `一级指标应为：${level1Options(f.framework).join("、")}`,
        fixEn: `The level-1 indicator should be one of ${level1Options(f.framework).map((l) => `“${l}”`).join(", ")}`,
      });
    }
  },
};
