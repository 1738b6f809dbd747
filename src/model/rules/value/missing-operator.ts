import type { Rule } from "../types";
import { facts, isCostRow, isSatisfactionRow, rowLabel } from "../util";

/**
 * A quantitative target (count, percent, amount) without ≥/≤/=: the direction of the target is then
 * unknown ("100%", "158 人", "5万元"). Dates and durations are left alone.
 */
export const rule: Rule = {
  meta: {
    id: "value/missing-operator",
    severity: "info",
    message: "{row}的指标值“{value}”没有运算符（≥、≤ 或 =）",
    messageEn: "Numeric target “{value}” of {row} has no operator",
    rationale: "定量指标应标明方向：≥ 为正向（越大越好），≤ 为反向（越小越好），= 为等于，否则无法判断是否完成。",
    source: "财预〔2021〕101号 指标值方向；一体化数据标准 计算符号（rules-research §1.4、§6 E34）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const t = p.indicators[i].target;
      if (t.operator !== null) continue;
      if (t.kind !== "number" && t.kind !== "percent" && t.kind !== "money") continue;
      const cost = isCostRow(f.l1[i], f.l2[i]);
      const suggestion = cost ? "≤" : isSatisfactionRow(f.l1[i], f.l2[i]) || t.kind === "percent" ? "≥" : "≥ 或 =";
      ctx.report({
        field: `indicators.${i}.target`,
        data: { row: rowLabel(p.indicators[i]), value: t.raw.trim() },
        fix: `加上运算符，如“${suggestion.split(" ")[0]}${t.raw.trim()}”`,
      });
    }
  },
};
