import type { Rule } from "../types";
import type { Indicator } from "../../schema";
import { isBlank, fmt } from "../util";

/** Did a numeric actual fall short of its numeric target (per the target's operator)? Null when not comparable. */
export function shortfall(ind: Indicator): boolean | null {
  const t = ind.target;
  const a = ind.actual;
  if (!a || t.value === null || a.value === null) return null;
  if ((t.unit ?? null) !== (a.unit ?? null) && a.unit !== null && t.unit !== null) return null;
  switch (t.operator ?? "=") {
    case "≥":
      return a.value < t.value;
    case ">":
      return a.value <= t.value;
    case "≤":
      return a.value > t.value;
    case "<":
      return a.value >= t.value;
    default:
      return a.value !== t.value;
  }
}

/**
 * A 绩效自评表 indicator whose 实际完成值 misses its 年度指标值 (numbers compared by the target's
 * operator) with the 偏差原因分析及改进措施 cell left blank. Only on forms that have that column.
 */
export const rule: Rule = {
  meta: {
    id: "self-eval/missing-deviation",
    category: "value",
    title: "未完成目标但未说明原因",
    titleEn: "Target missed with no reason given",
    specificity: 80,
    severity: "warning",
    message: "「{name}」实际完成值 {actual} 未达到年度指标值 {target}，未填写偏差原因及改进措施",
    messageEn: "{name}: actual {actual} misses the target {target} and no reason is given",
    rationale: "自评表要求对未完成的指标说明偏离目标的原因及拟采取的改进措施。",
    source: "财预〔2020〕10号《项目支出绩效评价管理办法》附件 项目支出绩效自评表填报说明（偏差原因分析及改进措施）",
  },
  check(p, ctx) {
    p.indicators.forEach((ind, i) => {
      if (ind.deviation === undefined || !isBlank(ind.deviation)) return;
      if (shortfall(ind) !== true) return;
      ctx.report({
        field: `indicators.${i}.deviation`,
        data: { name: ind.name, actual: ind.actual!.raw || fmt(ind.actual!.value!), target: ind.target.raw },
        fix: "在“偏差原因分析及改进措施”栏说明未完成的原因和下一步措施",
        dataEn: { name: `“${ind.name}”`, actual: `“${ind.actual!.raw || fmt(ind.actual!.value!)}”`, target: `“${ind.target.raw}”` },
        fixEn: "Explain in the “偏差原因分析及改进措施” column why it was missed and what comes next",
      });
    });
  },
};
