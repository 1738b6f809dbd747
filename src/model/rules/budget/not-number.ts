import type { Rule } from "../types";
import { budgetProblems, NAMES, NAMES_EN } from "../../checks/budget";
import { isBlank } from "../util";


/** An amount cell that holds text which is not an amount, or a negative amount. */
export const rule: Rule = {
  meta: {
    id: "budget/not-number",
    category: "budget",
    title: "金额无效",
    titleEn: "Invalid amount",
    specificity: 90,
    severity: "error",
    message: "{label}“{raw}”不是有效的金额",
    messageEn: "{label} “{raw}” is not an amount",
    rationale: "金额须为非负数字（万元），否则无法核对预算数与资金来源。",
    source: "项目绩效目标表表样 单位：万元（rules-research §6 B9）",
  },
  check(p, ctx) {
    const b = p.budget;
    for (const k of ["total", "fiscal", "other"] as const) {
      if (b[k] === null && !isBlank(b.raw[k])) {
        ctx.report({ field: `budget.${k}`, data: { label: NAMES[k], raw: b.raw[k]!.trim() }, dataEn: { label: NAMES_EN[k] }, fix: "填写数字金额（单位万元），如 50 或 587.92", fixEn: "Fill in a number (in “万元”), e.g. 50 or 587.92" });
      }
    }
    for (const pr of budgetProblems(b.total, b.fiscal, b.other)) {
      if (pr.ruleId === "budget/not-number") ctx.report({ field: `budget.${pr.field}`, message: pr.message, fix: pr.fix, messageEn: pr.messageEn, fixEn: pr.fixEn });
    }
  },
};
