import type { Rule } from "../types";
import { formatWan, wanToFen } from "../../money";
import { unitCostOf } from "../../checks/cost";
import { budgetTotal, facts, fmt, squash } from "../util";

// Counting words that belong to one family (a 名 is a 人; 平米 are 平方米).
const FAMILY: Record<string, string> = { 名: "人", 人次: "人", 平米: "平方米", 千米: "公里" };
const fam = (u: string) => FAMILY[u] ?? u;

/** What a quantity in that unit measures, for the 建议's example row. */
function measure(per: string): string {
  if (/亩|平方米|公顷/.test(per)) return "实施面积";
  if (/公里|米/.test(per)) return "建设长度";
  if (per === "人") return "覆盖人数";
  return "完成数量";
}

/**
 * A cost standard per unit ("财政资金补助 1600元/亩", corpus 31) with no quantity in that unit anywhere a
 * reviewer could multiply it by: no 数量 row counted in 亩, no "N亩" in 资金用途 or the goal. The
 * standard then cannot be tied to 预算数, and the output the money buys is not measured. The 建议
 * gives the quantity the budget implies (预算数 ÷ 标准).
 */
export const rule: Rule = {
  meta: {
    id: "cost/unit-without-quantity",
    category: "cost",
    title: "单位成本没有对应数量",
    specificity: 80,
    severity: "warning",
    message: "{row}是单位成本“{value}”，但数量指标中没有以“{per}”计的数量，无法与预算数 {total} 万元核对",
    messageEn: "{row} is a unit cost “{value}” but no quantity is counted in {per}; it cannot be tied to the budget {total}",
    rationale: "单位成本要与数量相乘才能与预算数对照（预算 = 标准 × 数量）；只写标准不写数量，成本与预算、产出都对不上。",
    source: "财预〔2015〕88号 相应匹配、适当性审核；财预〔2021〕101号 成本指标按支出标准测算、与产出数量对应（rules-research §1.6、§6 F47）",
  },
  check(p, ctx) {
    const total = budgetTotal(p);
    if (total === null || total <= 0) return;
    const f = facts(p, ctx.profile);
    const counted = new Set<string>();
    for (let i = 0; i < p.indicators.length; i++) {
      const t = p.indicators[i].target;
      if (f.l2[i] === "quantity" && t.unit) counted.add(fam(t.unit));
    }
    const text = squash(`${p.purpose ?? ""}${p.goals.join("")}`);
    for (const ci of f.cost.unitCost) {
      const ind = p.indicators[ci];
      const u = unitCostOf(ind);
      if (!u || !u.per || u.period) continue; // per-person-per-month standards come with counts of people elsewhere
      const per = fam(u.per);
      if (counted.has(per)) continue;
      if (new RegExp(`\\d\\s*(?:万)?${per}`).test(text)) continue;
      const implied = wanToFen(total) / u.fen;
      const perUnit = `${fmt(u.fen / 100)}元/${u.per}`;
      const name = ind.name.trim() || "成本";
      ctx.report({
        field: `indicators.${ci}.target`,
        data: { row: `成本指标「${name}」`, value: ind.target.raw.trim(), per: u.per, total: formatWan(wanToFen(total), 0) },
        fix: `在数量指标中写明按“${perUnit}”补助或建设的数量，如“${measure(per)} ≥${fmt(Math.round(implied))}${u.per}”（预算 ${formatWan(wanToFen(total), 0)} 万元 ÷ ${perUnit} ≈ ${fmt(Math.round(implied))}${u.per}），使成本、数量和预算相互对应`,
      });
    }
  },
};
