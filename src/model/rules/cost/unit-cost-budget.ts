import type { Rule } from "../types";
import { formatWan, wanToFen, yuanToFen } from "../../money";
import { unitCostOf, type UnitCost } from "../../checks/cost";
import { facts, fmt, budgetTotal } from "../util";

/** A reading fits when it is within this share of 预算数 (other small items: 000 #33 37.44 of 40.44). */
export const UNIT_COST_TOLERANCE = 0.1;
const FAMILY: Record<string, string> = { 名: "人", 人次: "人" };
const fam = (u: string) => FAMILY[u] ?? u;
// 资金用途: "130人，每人每月240元" / "每人购买衣裤…需要42元" / "每台 0.5 万元".
const PURPOSE_QTY = /(\d+(?:\.\d+)?)\s*(人次|人|名|台|辆|路|个|套|户|处|所|家|条|部)/g;
const PURPOSE_COST = /每(人|名|台|辆|路|个|套|户|处|所|家|条|部)(?:每(月|天|日|年))?[^\d，。；,;]{0,24}?(\d+(?:\.\d+)?)\s*(万元|元)/g;
const DAYS = /(\d{1,3})\s*(?:天|日)/;

interface Reading {
  label: string;
  fen: number;
}

/** The totals a unit cost × quantity can mean: as written (yearly) and ×12 (monthly), ×days for /天. */
function readings(u: UnitCost, qty: number, qtyText: string, days: number | null): Reading[] {
  const base = u.fen * qty;
  const unitText = `${formatYuan(u.fen)}元/${u.per ?? ""}${u.period && u.per ? "/" : ""}${u.period ?? ""}`;
  const head = u.per ? `${qtyText} × ${unitText}` : unitText;
  const out: Reading[] = [];
  if (u.period === "天") {
    if (days !== null) out.push({ label: `${head} × ${days} 天`, fen: base * days });
    out.push({ label: head, fen: base });
  } else if (u.period === "月") {
    out.push({ label: `${head} × 12 个月`, fen: base * 12 });
    out.push({ label: head, fen: base });
  } else {
    out.push({ label: head, fen: base });
    out.push({ label: `${head} × 12 个月`, fen: base * 12 });
  }
  return out;
}

function formatYuan(fen: number): string {
  return fmt(fen / 100);
}

/**
 * A cost standard per unit times its quantity does not give 预算数, read yearly or monthly:
 *  - a per-unit cost row (元/人, 元/路, 元/人/天, 万元/台, "每人每月…标准") paired with a 数量 row of the same
 *    unit (人≈名, 路, 台 …);
 *  - or 资金用途 arithmetic: "月平均在押人数130人，每人购买…需要42元。年需1.5万元" (seed 000 #36: 130 × 42
 *    元 = 0.546 万元, ×12 = 6.552 万元, against 1.5 万元).
 * Readings: as written and × 12 (monthly), × the stated days for a per-day standard. Reported when
 * none is within ±10 % of 预算数, with the arithmetic in the message. Never summed as a total cost.
 */
export const rule: Rule = {
  meta: {
    id: "cost/unit-cost-budget",
    category: "cost",
    title: "单位成本×数量与预算不符",
    titleEn: "Unit cost × quantity differs from the budget",
    specificity: 85,
    severity: "warning",
    message: "{source}：{arithmetic}，与预算数 {total} 万元不符",
    messageEn: "{source}: {arithmetic}, which does not match the budget {total}",
    rationale: "预算数应按支出标准和数量测算（单价 × 数量 × 期间）；按月、按年都算不出预算数，说明标准、数量或预算有误。",
    source: "财预〔2015〕88号 相应匹配、适当性审核（绩效目标与预算数测算依据）；财预〔2021〕101号 成本指标“按支出标准测算”（rules-research §1.6、§6 F47）",
  },
  check(p, ctx) {
    const total = budgetTotal(p);
    if (total === null || total <= 0) return;
    const budgetFen = wanToFen(total);
    if (!Number.isFinite(budgetFen)) return;
    const f = facts(p, ctx.profile);
    const fits = (rs: Reading[]) => rs.some((r) => Math.abs(r.fen - budgetFen) <= budgetFen * UNIT_COST_TOLERANCE);
    const describe = (rs: Reading[]) => rs.map((r) => `${r.label} = ${formatWan(r.fen, 0)} 万元`).join("；");
    const describeEn = (rs: Reading[]) => rs.map((r) => `“${r.label} = ${formatWan(r.fen, 0)} 万元”`).join("; ");
    const totalText = formatWan(budgetFen, 0);
    const costRows = f.cost.unitCost;
    // 1. Indicator rows.
    let days: number | null = null;
    for (const ind of p.indicators) if (ind.target.unit === "天" && ind.target.value !== null) days = ind.target.value;
    // Each per-unit row with its quantity (the first 数量 row of that unit); several standards of one
    // project add up (corpus 21: 475元/亩 × 60亩 + 2875元/个 × 4个 + 3000元/平方米 × 20平方米 = 10 万元).
    const pairs: { row: number; rs: Reading[] }[] = [];
    for (const ci of costRows) {
      const u = unitCostOf(p.indicators[ci]);
      if (!u) continue;
      const candidates: Reading[][] = [];
      if (u.per === null) candidates.push(readings(u, 1, "", days));
      else
        for (let i = 0; i < p.indicators.length; i++) {
          if (f.l2[i] !== "quantity") continue;
          const t = p.indicators[i].target;
          if (t.kind !== "number" || t.value === null || !t.unit || fam(t.unit) !== u.per) continue;
          candidates.push(readings(u, t.value, `${fmt(t.value)}${t.unit}`, days));
        }
      if (candidates.length === 0) continue;
      if (candidates.some(fits)) return;
      pairs.push({ row: ci, rs: candidates[0] });
    }
    if (pairs.length > 0) {
      let best: Reading | null = null;
      if (pairs.length > 1)
        for (const k of [0, 1]) {
          let sum = 0;
          for (const pr of pairs) sum += (pr.rs[k] ?? pr.rs[0]).fen;
          const r = { label: pairs.map((pr) => (pr.rs[k] ?? pr.rs[0]).label).join(" ＋ "), fen: sum };
          if (fits([r])) return;
          best ??= r;
        }
      const rs = best ? [best] : pairs[0].rs;
      ctx.report({
        field: `indicators.${pairs[0].row}.target`,
        data: { source: "成本标准 × 数量", arithmetic: describe(rs), total: totalText },
        fix: `核对支出标准、数量和预算数，使“${rs[0].label}”与预算数 ${totalText} 万元相符，或在资金用途中写明其余支出`,
        dataEn: { source: "Cost standard × quantity", arithmetic: describeEn(rs), total: `“${totalText} 万元”` },
        fixEn: `Check the spending standard, the quantity and the budget so that “${rs[0].label}” matches the budget “${totalText} 万元”, or state the other spending in the use of funds`,
      });
      return;
    }
    // 2. 资金用途 arithmetic.
    const text = p.purpose ? p.purpose.replace(/\s+/g, "") : "";
    if (!text) return;
    PURPOSE_COST.lastIndex = 0;
    const cost = PURPOSE_COST.exec(text);
    if (!cost) return;
    const per = fam(cost[1]);
    const amount = Number(cost[3]);
    const fen = cost[4] === "万元" ? wanToFen(amount) : yuanToFen(amount);
    if (!Number.isFinite(fen)) return;
    // Only one standard in the text: several standards are several items that must not be mixed.
    if (PURPOSE_COST.exec(text) !== null) return;
    PURPOSE_COST.lastIndex = 0;
    let qty: { n: number; text: string } | null = null;
    PURPOSE_QTY.lastIndex = 0;
    for (let m = PURPOSE_QTY.exec(text); m !== null; m = PURPOSE_QTY.exec(text)) {
      if (fam(m[2]) !== per || m.index > cost.index) continue;
      qty = { n: Number(m[1]), text: `${m[1]}${m[2]}` };
    }
    if (!qty) return;
    const period = cost[2] ? (cost[2] === "日" ? "天" : (cost[2] as "月" | "天" | "年")) : null;
    const d = DAYS.exec(text.slice(cost.index + cost[0].length));
    const rs = readings({ fen, per, period }, qty.n, qty.text, d ? Number(d[1]) : days);
    if (fits(rs)) return;
    ctx.report({
      field: "purpose",
      data: { source: "资金用途测算", arithmetic: describe(rs), total: totalText },
      fix: `核对资金用途中的人数、标准和预算数，使“${rs[0].label}”与预算数 ${totalText} 万元相符，或写明其余支出`,
      dataEn: { source: "Estimate in the use of funds", arithmetic: describeEn(rs), total: `“${totalText} 万元”` },
      fixEn: `Check the head-counts, standards and budget in the use of funds so that “${rs[0].label}” matches the budget “${totalText} 万元”, or state the other spending`,
    });
  },
};
