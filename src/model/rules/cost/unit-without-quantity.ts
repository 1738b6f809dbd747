import type { Project } from "../../schema";
import type { Level2Key } from "../../taxonomy";
import type { Rule, RuleContext } from "../types";
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

const PER_IN_NAME = /[人生户车]均|[每单](?:人|名|户|台|辆|套|个|次|路|件|张|块|平方米|㎡|公里|千米|米|亩|天|日|月|年|车|床|班|场|村|所|处)/;

function bigramsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/**
 * A standard named per unit (“硬化水泥砼公路补助标准”, corpus 46) written as a bare amount (“≤120万元”):
 * per kilometre? per village? It cannot be multiplied by a quantity, nor compared with 预算数. The 建议
 * takes the unit of the project's own 数量 rows and the quantity the budget implies.
 */
function standardWithoutPer(p: Project, ci: number, total: number, l2: readonly (Level2Key | null)[], report: RuleContext["report"]): void {
  const ind = p.indicators[ci];
  const t = ind.target;
  if (t.kind !== "money" || t.value === null || t.value <= 0 || t.raw.indexOf("/") >= 0 || t.raw.indexOf("／") >= 0) return;
  // “人均成本 ≤19270元”, “每人每月伙食标准”: the name says per what.
  if (PER_IN_NAME.test(squash(ind.name) + squash(ind.description))) return;
  // The 数量 row the standard is about: the one whose name shares most words with it (“…水泥路…” for
  // “硬化水泥砼公路补助标准”), else the first with a unit.
  let per: string | null = null;
  let best = -1;
  const grams = bigramsOf(squash(ind.name));
  for (let i = 0; i < p.indicators.length; i++) {
    const q = p.indicators[i];
    if (l2[i] !== "quantity" || !q.target.unit) continue;
    let shared = 0;
    for (const g of bigramsOf(squash(q.name))) if (grams.has(g)) shared++;
    if (shared > best) {
      best = shared;
      per = q.target.unit;
    }
  }
  const raw = t.raw.trim();
  const perFen = t.unit === "元" ? Math.round(t.value * 100) : wanToFen(t.value);
  const implied = per && perFen > 0 ? Math.round((wanToFen(total) / perFen) * 10) / 10 : null;
  report({
    field: `indicators.${ci}.target`,
    message: `成本指标「${ind.name.trim()}」是单位标准，指标值“${raw}”却没写明按什么计（每公里、每户、每人…），无法与预算数 ${formatWan(wanToFen(total), 0)} 万元核对`,
    fix: per
      ? `写明计量单位，如“${raw}/${per}”（数量指标按“${per}”计；预算 ${formatWan(wanToFen(total), 0)} 万元 ÷ ${raw.replace(/^[≤≥<>=]+/, "")} ≈ ${fmt(implied!)}${per}）`
      : `写明计量单位，如“${raw}/公里”“${raw}/户”，并在数量指标中写明对应的数量`,
    messageEn: `Cost indicator 「${ind.name.trim()}」 is a unit standard, but its value “${raw}” does not say per what (per km, per household, per person…); it cannot be checked against the budget “${formatWan(wanToFen(total), 0)} 万元”`,
    fixEn: per
      ? `State the unit, e.g. “${raw}/${per}” (the quantity indicator counts in “${per}”; budget “${formatWan(wanToFen(total), 0)} 万元” ÷ “${raw.replace(/^[≤≥<>=]+/, "")}” ≈ “${fmt(implied!)}${per}”)`
      : `State the unit, e.g. “${raw}/公里”, “${raw}/户”, and the matching quantity in the quantity indicators`,
  });
}

/**
 * A cost standard per unit ("财政资金补助 1600元/亩", corpus 31) with no quantity in that unit anywhere a
 * reviewer could multiply it by: no 数量 row counted in 亩, no "N亩" in 资金用途 or the goal. The
 * standard then cannot be tied to 预算数, and the output the money buys is not measured. The 建议
 * gives the quantity the budget implies (预算数 ÷ 标准). A standard written as a bare amount, with no
 * unit it is per (corpus 46), is reported too (standardWithoutPer).
 */
export const rule: Rule = {
  meta: {
    id: "cost/unit-without-quantity",
    category: "cost",
    title: "单位成本没有对应数量",
    titleEn: "Unit cost without a matching quantity",
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
      if (!u) {
        standardWithoutPer(p, ci, total, f.l2, ctx.report);
        continue;
      }
      if (!u.per || u.period) continue; // per-person-per-month standards come with counts of people elsewhere
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
        dataEn: { row: `cost indicator 「${name}」`, per: `“${u.per}”`, total: `“${formatWan(wanToFen(total), 0)} 万元”` },
        fixEn: `State in the quantity indicators how much is subsidised or built per “${perUnit}”, e.g. “${measure(per)} ≥${fmt(Math.round(implied))}${u.per}” (budget “${formatWan(wanToFen(total), 0)} 万元” ÷ “${perUnit}” ≈ “${fmt(Math.round(implied))}${u.per}”), so that cost, quantity and budget agree`,
      });
    }
  },
};
