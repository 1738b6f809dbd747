import type { Rule } from "../types";
import { formatWan, wanToFen, yuanToFen } from "../../money";
import { targetFen } from "../../value";
import { facts, fmt, rowLabel, rowLabelEn, squash } from "../util";

// "项目总投资不超过679.63万元", "成本控制在 50 万元以内": an amount written in the 三级 or 描述.
const STATED = /(不超过|不高于|控制在|低于|不多于|约|为|共计|合计|总投资|总额)?\s*(\d+(?:\.\d+)?)\s*(万元|元)/;

/**
 * A cost row whose 三级 or 描述 states an amount that its 指标值 contradicts: seed 004 P1 "项目总投资不超过
 * 679.63万元" → 50万元, P10 "…不超过2761.24万元" → 150万元 (the whole investment in the name, the year's
 * budget in the value). Which one is the cost target cannot be told from the row.
 */
export const rule: Rule = {
  meta: {
    id: "cost/name-amount",
    severity: "warning",
    message: "{row}写的是“{stated}”，指标值却是“{value}”，两者不一致",
    messageEn: "{row} states {stated} but its target is “{value}”",
    rationale: "成本指标的名称、描述与指标值应是同一个金额；名称写项目总投资、指标值写年度预算时，成本目标不明确。",
    category: "cost",
    title: "成本名称中的金额与指标值不符",
    titleEn: "Amount in cost name differs from target value",
    specificity: 75,
    source: "财预〔2015〕88号 相应匹配；财预〔2021〕101号 成本指标（rules-research §1.6、§6 F47）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (const i of f.cost.rows) {
      const ind = p.indicators[i];
      const valueFen = targetFen(ind.target);
      if (valueFen === null) continue;
      for (const text of [ind.name, ind.description]) {
        const m = text ? STATED.exec(squash(text)) : null;
        if (!m) continue;
        const n = Number(m[2]);
        const statedFen = m[3] === "万元" ? wanToFen(n) : yuanToFen(n);
        if (!Number.isFinite(statedFen) || statedFen === valueFen) break;
        const budget = p.budget.total;
        ctx.report({
          field: `indicators.${i}.target`,
          data: { row: rowLabel(ind), stated: `${m[1] ?? ""}${fmt(n)}${m[3]}`, value: ind.target.raw.trim() },
          fix:
            budget !== null
              ? `成本指标写本年度成本“≤${formatWan(wanToFen(budget), 0)}万元”；项目总投资 ${fmt(n)}${m[3]} 写入资金用途或项目概况`
              : "使名称、描述与指标值写同一金额",
          dataEn: { row: rowLabelEn(ind), stated: `“${m[1] ?? ""}${fmt(n)}${m[3]}”` },
          fixEn:
            budget !== null
              ? `A cost indicator states this year's cost “≤${formatWan(wanToFen(budget), 0)}万元”; put the total investment “${fmt(n)}${m[3]}” in the use of funds or the project overview`
              : "Make the name, description and value state the same amount",
        });
        break;
      }
    }
  },
};
