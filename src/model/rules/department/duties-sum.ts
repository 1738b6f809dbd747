import type { Rule } from "../types";
import { formatWan, wanToFen } from "../../money";

/**
 * The 预算金额 of the 年度履职目标 / 年度主要任务 rows add up to neither the department's 资金总额 nor its
 * 项目支出 (a duty table may cover all spending or only the projects). Compared when every row has an
 * amount; a 金额合计 row the reader took as the budget is the same figure and never differs.
 */
export const rule: Rule = {
  meta: {
    id: "department/duties-sum",
    category: "budget",
    title: "履职目标金额与预算不符",
    titleEn: "Duty-goal amounts differ from the budget",
    specificity: 80,
    severity: "warning",
    message: "年度履职目标（主要任务）预算金额合计 {sum} 万元 ≠ 资金总额 {total} 万元{project}",
    messageEn: "Duties add up to {sum}, not the department total {total}{project}",
    rationale: "部门整体绩效目标的履职目标（年度主要任务）应覆盖部门预算：各任务的预算金额之和应等于资金总额（或项目支出）。",
    source: "财预〔2015〕88号 部门整体支出绩效目标申报表“年度主要任务 … 预算金额 … 金额合计”",
  },
  checkDocument(doc, ctx) {
    const o = doc.overview;
    const b = o?.budget;
    const duties = o?.duties ?? [];
    if (!b || b.total === null || duties.length === 0 || duties.some((d) => d.amount === null)) return;
    const sum = duties.reduce((a, d) => a + wanToFen(d.amount!), 0);
    const total = wanToFen(b.total);
    if (sum === total || (b.project !== null && sum === wanToFen(b.project))) return;
    ctx.reportFor(null, {
      field: "overview.duties.0.amount",
      data: { sum: formatWan(sum, 0), total: formatWan(total, 0), project: b.project !== null ? `，也不等于项目支出 ${formatWan(wanToFen(b.project), 0)} 万元` : "" },
      fix: "核对各项履职目标的预算金额，或是否有任务重复计列",
      dataEn: { project: b.project !== null ? `, nor project spending ${formatWan(wanToFen(b.project), 0)}` : "" },
      fixEn: "Check the budget of each duty target, or whether a task is counted twice",
    });
  },
};
