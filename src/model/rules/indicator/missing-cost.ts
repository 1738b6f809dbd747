import type { Rule } from "../types";
import { facts, fmt } from "../util";
import { budgetYear } from "../fix";

/** The first budget year prepared under 财预〔2021〕101号. */
export const FIRST_101_YEAR = 2022;
/** Layouts whose printed form has a 成本指标 row to fill in. */
const FORMS_WITH_COST_ROW = new Set(["hebei", "chengde", "ningxia", "template"]);

/** No 成本 row at all (neither 一级 成本 nor 二级 成本). Seed 001: 15 of 31; seed 002: 6 of 22. */
export const rule: Rule = {
  meta: {
    id: "indicator/missing-cost",
    category: "framework",
    title: "缺少成本指标",
    titleEn: "Cost indicator missing",
    specificity: 70,
    severity: "warning",
    message: "缺少成本指标",
    messageEn: "No cost indicator (“成本指标”)",
    rationale: "绩效目标包括成本控制要求；河北、宁夏表样的成本指标为必填，中央 101 号文件要求基建、修缮、购置类项目设置。",
    source: "财预〔2021〕101号 绩效目标含成本控制；上海 2025 指引原则上均设成本指标；宁夏表样“必填硬性指标”（rules-research §1.1、§1.6、§6 D26）",
  },
  check(p, ctx) {
    if (p.indicators.length === 0) return;
    const f = facts(p, ctx.profile);
    if (f.hasL1.cost || f.l2.includes("cost")) return;
    // 101号 (April 2021) made 成本 a 一级 from the 2022 budgets on, and even then only required for
    // 基建/修缮/购置: a 2021-framework table for an earlier year is not in breach, only worth a hint.
    const year = budgetYear(p, ctx.document);
    const before101 = f.framework === "2021" && year !== null && year < FIRST_101_YEAR;
    // Only the Hebei and Ningxia forms print a mandatory 成本 row; on other provinces' forms the written
    // rule is 101号's (成本 required for 基建/修缮/购置 projects): a reviewer asks, it is not a breach.
    const formRow = FORMS_WITH_COST_ROW.has(p.layout);
    ctx.report({
      field: "indicators",
      severity: before101 ? "info" : formRow ? undefined : "warning",
      message: before101 ? `缺少成本指标（${year} 年预算早于财预〔2021〕101号，成本指标非必填）` : undefined,
      fix:
        (f.framework === "2021" ? "补充成本指标（一级“成本指标”下的经济成本指标）" : "在产出指标下补充成本指标") +
        `，如“项目总成本 ≤${p.budget.total !== null ? fmt(p.budget.total) : "预算数 "}万元”`,
      messageEn: before101 ? `No cost indicator (“成本指标”); the ${year} budget predates “财预〔2021〕101号”, so it is optional` : undefined,
      fixEn:
        (f.framework === "2021" ? "Add a cost indicator (an economic cost under the level-1 “成本指标”)" : "Add a cost indicator under the output indicators") +
        `, e.g. “项目总成本 ≤${p.budget.total !== null ? fmt(p.budget.total) : "预算数 "}万元”`,
    });
  },
};
