import type { Rule } from "../types";
import { formatWan, wanToFen } from "../../money";

/**
 * 年度预算安排 of a 部门整体支出绩效目标表: 资金总额 = 基本支出 + 项目支出, and 资金总额 = 财政拨款 +
 * 其他资金 (blank 其他 = 0), exact in 分. Only the figures the form gives are compared.
 */
export const rule: Rule = {
  meta: {
    id: "department/budget-sum",
    category: "budget",
    title: "部门资金总额与构成不符",
    titleEn: "Department funds differ from their breakdown",
    specificity: 90,
    severity: "error",
    message: "部门资金总额 {total} 万元 ≠ {parts}",
    messageEn: "Department budget total {total} ≠ {parts}",
    rationale: "部门整体支出的资金总额按支出性质由基本支出和项目支出组成、按来源由财政拨款和其他资金组成，各自之和应等于资金总额。",
    source: "财预〔2015〕88号 部门整体支出绩效目标申报表；部门整体支出绩效目标表表样“年度预算安排：资金总额、基本支出、项目支出”",
  },
  checkDocument(doc, ctx) {
    const b = doc.overview?.budget;
    if (!b || b.total === null) return;
    const total = wanToFen(b.total);
    if (b.basic !== null && b.project !== null) {
      const sum = wanToFen(b.basic) + wanToFen(b.project);
      if (sum !== total)
        ctx.reportFor(null, {
          field: "overview.budget.total",
          data: { total: formatWan(total, 0), parts: `基本支出 ${formatWan(wanToFen(b.basic), 0)} + 项目支出 ${formatWan(wanToFen(b.project), 0)}（合计 ${formatWan(sum, 0)}）` },
          fix: "核对资金总额、基本支出和项目支出",
          dataEn: { parts: `basic spending ${formatWan(wanToFen(b.basic), 0)} + project spending ${formatWan(wanToFen(b.project), 0)} (sum ${formatWan(sum, 0)})` },
          fixEn: "Check the total, basic spending and project spending",
        });
    }
    if (b.fiscal !== null) {
      const sum = wanToFen(b.fiscal) + wanToFen(b.other ?? 0);
      if (sum !== total)
        ctx.reportFor(null, {
          field: "overview.budget.total",
          data: { total: formatWan(total, 0), parts: `财政拨款 ${formatWan(wanToFen(b.fiscal), 0)} + 其他资金 ${formatWan(wanToFen(b.other ?? 0), 0)}（合计 ${formatWan(sum, 0)}）` },
          fix: "核对资金总额、财政拨款和其他资金",
          dataEn: { parts: `fiscal appropriation ${formatWan(wanToFen(b.fiscal), 0)} + other funds ${formatWan(wanToFen(b.other ?? 0), 0)} (sum ${formatWan(sum, 0)})` },
          fixEn: "Check the total, fiscal appropriation and other funds",
        });
    }
  },
};
