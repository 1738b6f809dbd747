import type { Rule } from "../types";
import { isBlank } from "../util";

export const rule: Rule = {
  meta: {
    id: "goal/missing",
    category: "goal",
    title: "缺少绩效目标",
    titleEn: "Performance goal missing",
    specificity: 90,
    severity: "error",
    message: "缺少绩效目标（年度总体目标）",
    messageEn: "Performance goal missing",
    rationale: "绩效目标是绩效指标的来源，未设定绩效目标的项目不得进入预算编制。",
    source: "财预〔2015〕88号 完整性审核；中发〔2018〕34号 绩效目标是预算安排的前置条件（rules-research §2.3、§6 C16）",
  },
  check(p, ctx) {
    for (const g of p.goals) if (!isBlank(g)) return;
    // The 80-point 自评表 (corpus 49, 51) prints no goal block at all: its 年度绩效目标 are the indicator
    // rows. Nothing was left unfilled there; a goal block read but left empty is still reported.
    if (p.layout === "self-eval" && p.goals.length === 0 && p.source?.cells?.goals === undefined) return;
    ctx.report({ field: p.goals.length > 0 ? "goals.0" : "goals", fix: "写明本年度预期产出、效果（含数量、时间）", fixEn: "State this year's expected outputs and effects (with quantities and dates)" });
  },
};
