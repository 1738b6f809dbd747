import type { Rule } from "../types";
import { formatWan, wanToFen } from "../../money";

/**
 * Declared totals (汇总) against the sum of the projects' 预算数, per unit and for the department.
 * Redacted projects carry no amount, so a difference is then expected: the message says so.
 */
export const rule: Rule = {
  meta: {
    id: "budget/total-mismatch",
    category: "budget",
    title: "合计与项目之和不符",
    titleEn: "Total differs from sum of projects",
    specificity: 90,
    severity: "error",
    message: "{what}合计 {declared} 万元 ≠ 各项目预算数之和 {sum} 万元",
    messageEn: "Declared total {declared} ≠ sum of project budgets {sum}",
    rationale: "部门（单位）项目支出合计应等于所列各项目预算数之和，否则有项目漏列或金额填错。",
    source: "财预〔2015〕88号 相应匹配；部门预算绩效文本汇总表（rules-research §6 F）",
  },
  checkDocument(doc, ctx) {
    const dt = doc.declaredTotals;
    if (!dt) return;
    const redacted = ctx.document.projects.length - doc.projects.length;
    const note = redacted > 0 ? `（另有 ${redacted} 个涉密项目未列金额）` : "";
    const noteEn = redacted > 0 ? ` (${redacted} classified project(s) list no amount)` : "";
    const sheet = dt.source?.sheet;
    let all = 0;
    const byCode = new Map<string, number>();
    const byName = new Map<string, number>();
    for (const p of doc.projects) {
      const t = p.budget.total;
      if (t === null) continue;
      const f = wanToFen(t);
      if (!Number.isFinite(f)) continue;
      all += f;
      if (p.unit.code) byCode.set(p.unit.code, (byCode.get(p.unit.code) ?? 0) + f);
      if (p.unit.name) byName.set(p.unit.name, (byName.get(p.unit.name) ?? 0) + f);
    }
    if (dt.department !== null) {
      const d = wanToFen(dt.department);
      if (Number.isFinite(d) && d !== all)
        ctx.reportFor(null, {
          field: "declaredTotals.department",
          sheet,
          message: `部门合计 ${formatWan(d, 0)} 万元 ≠ 各项目预算数之和 ${formatWan(all, 0)} 万元${note}`,
          fix: `相差 ${formatWan(Math.abs(d - all), 0)} 万元：核对是否漏列项目表，或合计、各项目预算数是否填错`,
          messageEn: `Department total “${formatWan(d, 0)} 万元” ≠ the sum of project budgets “${formatWan(all, 0)} 万元”${noteEn}`,
          fixEn: `A difference of “${formatWan(Math.abs(d - all), 0)} 万元”: check for a missing project table, or a wrong total or project budget`,
        });
    }
    dt.units.forEach((u, i) => {
      if (u.total === null) return;
      const d = wanToFen(u.total);
      if (!Number.isFinite(d)) return;
      const s = (u.code ? byCode.get(u.code) : undefined) ?? (u.name ? byName.get(u.name) : undefined) ?? 0;
      if (d !== s)
        ctx.reportFor(null, {
          field: `declaredTotals.units.${i}.total`,
          sheet,
          message: `单位 ${[u.code, u.name].filter(Boolean).join(" ")} 合计 ${formatWan(d, 0)} 万元 ≠ 该单位各项目预算数之和 ${formatWan(s, 0)} 万元${note}`,
          fix: `相差 ${formatWan(Math.abs(d - s), 0)} 万元：核对该单位是否漏列项目表，或合计、各项目预算数是否填错`,
          messageEn: `Unit “${[u.code, u.name].filter(Boolean).join(" ")}” total “${formatWan(d, 0)} 万元” ≠ the sum of its project budgets “${formatWan(s, 0)} 万元”${noteEn}`,
          fixEn: `A difference of “${formatWan(Math.abs(d - s), 0)} 万元”: check the unit for a missing project table, or a wrong total or project budget`,
        });
    });
  },
};
