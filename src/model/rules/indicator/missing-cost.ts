import type { Rule } from "../types";
import { facts, fmt } from "../util";

/** No 成本 row at all (neither 一级 成本 nor 二级 成本). Seed 001: 15 of 31; seed 002: 6 of 22. */
export const rule: Rule = {
  meta: {
    id: "indicator/missing-cost",
    category: "framework",
    title: "缺少成本指标",
    specificity: 70,
    severity: "warning",
    message: "缺少成本指标",
    messageEn: "No cost (成本) indicator",
    rationale: "绩效目标包括成本控制要求；河北、宁夏表样的成本指标为必填，中央 101 号文件要求基建、修缮、购置类项目设置。",
    source: "财预〔2021〕101号 绩效目标含成本控制；上海 2025 指引原则上均设成本指标；宁夏表样“必填硬性指标”（rules-research §1.1、§1.6、§6 D26）",
  },
  check(p, ctx) {
    if (p.indicators.length === 0) return;
    const f = facts(p, ctx.profile);
    if (f.hasL1.cost || f.l2.includes("cost")) return;
    ctx.report({
      field: "indicators",
      fix:
        (f.framework === "2021" ? "补充成本指标（一级“成本指标”下的经济成本指标）" : "在产出指标下补充成本指标") +
        `，如“项目总成本 ≤${p.budget.total !== null ? fmt(p.budget.total) : "预算数 "}万元”`,
    });
  },
};
