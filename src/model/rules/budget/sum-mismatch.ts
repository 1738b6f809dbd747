import type { Rule } from "../types";
import { budgetProblems } from "../../checks/budget";

/** 预算数 = 财政资金 + 其他资金 (blank 其他 = 0), compared exactly in 分. Seed 002 P21: 20 ≠ 20 + 20. */
export const rule: Rule = {
  meta: {
    id: "budget/sum-mismatch",
    category: "budget",
    title: "预算数与资金来源不符",
    titleEn: "Budget differs from sum of funding sources",
    specificity: 90,
    severity: "error",
    message: "预算数 {total} ≠ 财政资金 {fiscal} + 其他资金 {other}",
    messageEn: "Budget {total} ≠ fiscal {fiscal} + other {other}",
    rationale: "预算数（年度资金总额）由财政资金（财政拨款）和其他资金组成，两者之和应等于预算数。",
    source: "项目绩效目标表表样“预算数 其中：财政资金 其他资金”（rules-research §6 B10）",
  },
  check(p, ctx) {
    const b = p.budget;
    if (b.total === null || b.fiscal === null) return;
    for (const pr of budgetProblems(b.total, b.fiscal, b.other)) {
      if (pr.ruleId === "budget/sum-mismatch") ctx.report({ field: "budget.total", message: pr.message, fix: pr.fix, messageEn: pr.messageEn, fixEn: pr.fixEn });
    }
  },
};
