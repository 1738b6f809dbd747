import type { Rule, RuleMeta } from "../types";
import { facts } from "../util";

const FIELDS = ["spendPlan.mar", "spendPlan.jun", "spendPlan.oct", "spendPlan.dec"];

/**
 * The five spend-plan rules share one analysis (checks/spend-plan.ts, computed once per project) and
 * each reports its own problems, so the custom function SPENDPLAN() and the task pane agree.
 */
export function planRule(meta: RuleMeta): Rule {
  return {
    meta,
    check(p, ctx) {
      if (p.layout === "ningxia" || p.layout === "self-eval") return; // the Ningxia form and the 自评表 have no plan
      if (p.spendPlan === null) {
        // The generic reader finds a plan wherever the form has one: none means the form has no plan
        // (Wuhan, Sichuan tables), which is not the clerk's omission.
        if (p.layout === "generic") return;
        if (meta.id === "spend-plan/missing")
          ctx.report({ field: "spendPlan", message: "缺少资金支出计划（3月底/6月底/10月底/12月底累计进度%）", fix: "补充资金支出计划", messageEn: "No spending plan (cumulative % spent at the end of March, June, October, December)", fixEn: "Add the spending plan" });
        return;
      }
      const problems = facts(p, ctx.profile).plan!;
      for (const pr of problems) {
        if (pr.ruleId !== meta.id) continue;
        ctx.report({ field: pr.index === null ? "spendPlan" : FIELDS[pr.index] ?? "spendPlan", message: pr.message, messageEn: pr.messageEn, fix: pr.fix, fixEn: pr.fixEn });
      }
    },
  };
}
