import type { Project } from "../../schema";
import type { Rule } from "../types";
import { isBlank } from "../util";

/**
 * Required header fields. 项目编码 is required where the form has one (Hebei, central 一体化), not on
 * the Ningxia form (seed 004 has none) nor on a 绩效自评表. Goals and spend plan have their own rules.
 */
/**
 * The 资金总额 cell is one figure for several tables (a 专项 read once per county from one sheet,
 * corpus 50): the form gives no per-table amount, so no table has left its own amount blank.
 */
function sharedBudgetCell(p: Project, all: readonly Project[]): boolean {
  const cell = p.source?.cells?.["budget.total"];
  if (!cell) return false;
  for (const q of all) if (q !== p && q.source?.sheet === p.source?.sheet && q.source?.cells?.["budget.total"] === cell) return true;
  return false;
}

export const rule: Rule = {
  meta: {
    id: "project/missing-field",
    category: "project",
    title: "缺少必填项",
    titleEn: "Required field missing",
    specificity: 90,
    severity: "error",
    message: "缺少{field}",
    messageEn: "Required field missing: {field}",
    rationale: "项目表须填写项目名称、预算数、项目编码（河北/中央表样）并至少有一条绩效指标，否则无法审核。",
    source: "财预〔2015〕88号 完整性审核；河北、宁夏项目绩效目标表表样（rules-research §6 A1）",
  },
  check(p, ctx) {
    if (isBlank(p.name)) ctx.report({ field: "name", data: { field: "项目名称" }, dataEn: { field: "project name" }, fix: "填写项目名称", fixEn: "Fill in the project name" });
    // A 自评表 reports on a project already filed; most forms print no code.
    // A generic form without any 项目编码 field (no code cell read) has nothing to fill in.
    const formHasCode = p.layout !== "generic" || p.source?.cells?.code !== undefined;
    if (ctx.profile !== "ningxia" && p.layout !== "ningxia" && p.layout !== "self-eval" && formHasCode && isBlank(p.code))
      ctx.report({ field: "code", data: { field: "项目编码" }, dataEn: { field: "project code" }, fix: "填写预算管理一体化系统中的项目编码", fixEn: "Fill in the project code from the budget management system" });
    if (p.budget.total === null && isBlank(p.budget.raw.total) && !sharedBudgetCell(p, ctx.document.projects))
      ctx.report({ field: "budget.total", data: { field: "预算数（年度资金总额）" }, dataEn: { field: "budget (the year's total)" }, fix: "填写预算数（万元）", fixEn: "Fill in the budget (10,000 yuan)" });
    if (p.indicators.length === 0)
      ctx.report({
        field: "indicators",
        data: { field: "绩效指标（至少应有产出、效益指标）" },
        dataEn: { field: "performance indicators (at least output and benefit)" },
        fix: `在指标表中逐行填写一级、二级、三级指标和指标值：产出指标（数量、质量、时效）${ctx.profile === "central-2021" ? "、成本指标" : ""}、效益指标和满意度指标`,
        fixEn: `Fill in the indicator table row by row (level 1, 2, 3 and target value): output indicators (quantity, quality, timeliness)${ctx.profile === "central-2021" ? ", cost indicators" : ""}, benefit and satisfaction indicators`,
      });
  },
};
