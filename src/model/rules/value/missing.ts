import type { Rule } from "../types";
import { rowLabel } from "../util";

export const rule: Rule = {
  meta: {
    id: "value/missing",
    category: "value",
    title: "未填写指标值",
    specificity: 90,
    severity: "error",
    message: "{row}未填写指标值",
    messageEn: "Indicator {row} has no target value",
    rationale: "没有指标值的指标无法考核。",
    source: "财预〔2015〕88号 完整性审核（rules-research §4 P4、§6 E31）",
  },
  check(p, ctx) {
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      if (ind.target.kind === "empty") ctx.report({ field: `indicators.${i}.target`, data: { row: rowLabel(ind) } });
    }
  },
};
