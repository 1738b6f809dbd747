import type { Rule } from "../types";
import { isBlank } from "../util";

export const rule: Rule = {
  meta: {
    id: "indicator/missing-name",
    category: "framework",
    title: "缺少三级指标名称",
    titleEn: "Indicator name missing",
    specificity: 90,
    severity: "error",
    message: "第 {row} 条指标缺少三级指标名称",
    messageEn: "Indicator row {row} has no level-3 name",
    rationale: "三级指标是具体考核的内容，没有名称的指标无法考核。",
    source: "项目绩效目标表表样 三级指标列（rules-research §6 D28）",
  },
  check(p, ctx) {
    for (let i = 0; i < p.indicators.length; i++)
      if (isBlank(p.indicators[i].name)) ctx.report({ field: `indicators.${i}.name`, data: { row: i + 1 } });
  },
};
