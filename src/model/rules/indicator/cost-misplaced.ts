import type { Rule } from "../types";
import { L2_LABEL, budgetTotal, facts, fmt, isCostRow, squash } from "../util";

// A 三级 that names the cost itself: “成本控制”, “项目成本”, “总成本”, “成本控制率”.
const COST_NAME = /成本控制|费用控制|^(?:项目|总|项目总)?成本(?:率|数|额)?$/;

/**
 * A cost indicator filed under another 产出 二级: corpus 51 puts “成本控制 → 不超过预算” under 数量指标.
 * The cost rules only look at 成本 rows, so such a row escapes them, and the 数量 group counts an amount.
 */
export const rule: Rule = {
  meta: {
    id: "indicator/cost-misplaced",
    category: "framework",
    title: "成本指标放错二级",
    titleEn: "Cost indicator under the wrong level 2",
    specificity: 70,
    severity: "warning",
    message: "「{name}」是成本指标，却放在{level2}下",
    messageEn: "“{name}” is a cost indicator filed under {level2}",
    rationale: "成本指标反映项目的成本控制（金额上限），应单列为成本指标；放在数量、质量或时效指标下，既不能按成本审核，也使该二级指标失去原意。",
    source: "财预〔2015〕88号（产出指标含成本指标）、财预〔2021〕101号（成本指标单列）二级指标含义（rules-research §2.2、§4 P7）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const l2 = f.l2[i];
      if (l2 !== "quantity" && l2 !== "quality" && l2 !== "timeliness") continue;
      if (isCostRow(f.l1[i], l2)) continue;
      const raw = p.indicators[i].name;
      if (raw.indexOf("成本") < 0 && raw.indexOf("费用") < 0) continue; // most rows: no regex
      const name = squash(raw);
      if (!COST_NAME.test(name)) continue;
      const budget = budgetTotal(p);
      ctx.report({
        field: `indicators.${i}.name`,
        data: { name, level2: L2_LABEL[l2] },
        dataEn: { level2: `“${L2_LABEL[l2]}”` },
        fix: `移到成本指标，写成金额上限，如“项目总成本 ≤${budget !== null ? `${fmt(budget)}万元` : "预算数"}”`,
        fixEn: `Move it to the cost indicators as an amount ceiling, e.g. “项目总成本 ≤${budget !== null ? `${fmt(budget)}万元` : "预算数"}”`,
      });
    }
  },
};
