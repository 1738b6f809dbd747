import { formatWan, wanToFen } from "../../money";
import { documentLocation } from "../locate";
import type { InboxRule } from "../types";
import { fileLabel } from "./util";
import { inboxSums, isSummaryFile } from "./totals";

/**
 * The department's totals against all the projects received: the 部门申报合计数 of the department's
 * 汇总 (a file that declares totals for units in other files, or has no project of its own), and the
 * 项目支出 of a 部门整体支出绩效目标表 when the project tables are in other files.
 */
export const rule: InboxRule = {
  meta: {
    id: "inbox/department-total",
    category: "budget",
    title: "部门合计与收到的全部项目之和不符",
    titleEn: "Department total differs from all projects received",
    specificity: 90,
    severity: "error",
    message: "部门{what} {declared} 万元 ≠ 收到的全部项目预算数之和 {sum} 万元",
    messageEn: "Department {what} {declared} ≠ sum of all projects received {sum}",
    rationale: "部门项目支出合计应等于各单位报送的项目预算数之和；不等说明有单位未报送、项目漏列或重复，或金额填错。",
    source: "财预〔2015〕88号 相应匹配；部门整体支出绩效目标表“年度预算安排：项目支出”（rules-research §6 F）",
  },
  check(ctx) {
    const sums = inboxSums(ctx.files);
    const holders = ctx.files.map((_, fi) => fi).filter((fi) => ctx.files[fi].document.projects.length > 0);
    const perFile = holders.map((fi) => `${fileLabel(ctx.files[fi].file)} ${formatWan(sums.fileFen[fi], 0)} 万元`).join("；");
    const note = sums.redacted > 0 ? `，另有 ${sums.redacted} 个涉密项目未列金额` : "";
    ctx.files.forEach((f, fi) => {
      const dt = f.document.declaredTotals;
      if (dt && dt.department !== null && isSummaryFile(ctx.files, sums, fi)) {
        const d = wanToFen(dt.department);
        if (Number.isFinite(d) && d !== sums.allFen) {
          ctx.report(fi, null, {
            field: "declaredTotals.department",
            message: `部门申报合计数 ${formatWan(d, 0)} 万元 ≠ 收到的 ${holders.length} 个文件全部项目预算数之和 ${formatWan(sums.allFen, 0)} 万元（${perFile}${note}）`,
            fix: `相差 ${formatWan(Math.abs(d - sums.allFen), 0)} 万元：核对是否有单位未报送或重复报送，或合计、各项目预算数是否填错`,
          });
        }
      }
      // The 部门整体 table's 项目支出, when the projects are (also) in other files.
      const b = f.document.overview?.budget;
      if (b && b.project !== null && holders.some((h) => h !== fi)) {
        const d = wanToFen(b.project);
        if (Number.isFinite(d) && d !== sums.allFen) {
          ctx.report(fi, null, {
            severity: "warning",
            field: "overview.budget.project",
            message: `部门整体支出绩效目标表的项目支出 ${formatWan(d, 0)} 万元 ≠ 收到的 ${holders.length} 个文件全部项目预算数之和 ${formatWan(sums.allFen, 0)} 万元（${perFile}${note}）`,
            fix: "核对是否还有单位的项目表未收到，或项目支出、各项目预算数是否填错",
            related: holders.map((h) => documentLocation(ctx.files[h], "declaredTotals.department")).filter((l) => l.sheet !== null),
          });
        }
      }
    });
  },
};
