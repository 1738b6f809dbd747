import type { Rule } from "../types";
import { isBlank, rowLabel, rowLabelEn } from "../util";

/** Layouts whose form always has the 指标值确定依据 column. */
const FORMS_WITH_BASIS = new Set(["hebei", "chengde", "template"]);

/**
 * 指标值确定依据 empty. Only for layouts that have the column (the Ningxia form has none; the profile
 * also turns this rule off). When every row of a project lacks it, one finding for the project.
 */
export const rule: Rule = {
  meta: {
    id: "basis/missing",
    category: "value",
    title: "缺少指标值确定依据",
    titleEn: "Basis for target value missing",
    specificity: 30,
    severity: "warning",
    message: "{row}未填写指标值确定依据",
    messageEn: "No basis for the target (“指标值确定依据”) of {row}",
    rationale: "指标值应有设定依据（计划标准、行业标准、历史标准、预算支出标准等），否则无法判断指标值是否合理。",
    source: "财预〔2021〕101号 指标值设定依据；财预〔2015〕88号 绩效标准（rules-research §1.3、§1.4、§6 F52）",
  },
  check(p, ctx) {
    if (p.layout === "ningxia") return;
    const inds = p.indicators;
    // Forms read by the generic and self-evaluation readers say whether they have a 依据 column: a
    // basis cell on some row. None → the form has no such column (Wuhan, Sichuan, the 自评表).
    if (!FORMS_WITH_BASIS.has(p.layout) && !inds.some((ind) => ind.source?.basis)) return;
    let missing = 0;
    for (const ind of inds) if (isBlank(ind.basis)) missing++;
    if (missing === 0) return;
    if (missing === inds.length && inds.length > 1) {
      ctx.report({ field: "indicators.0.basis", message: `全部 ${inds.length} 条指标均未填写指标值确定依据`, fix: "逐条填写依据，如计划标准、行业标准、历史标准、预算支出标准", messageEn: `None of the ${inds.length} indicators has a basis for its target (“指标值确定依据”)`, fixEn: "Fill in each row's basis, e.g. “计划标准”, “行业标准”, “历史标准”, “预算支出标准”" });
      return;
    }
    for (let i = 0; i < inds.length; i++)
      if (isBlank(inds[i].basis)) ctx.report({ field: `indicators.${i}.basis`, data: { row: rowLabel(inds[i]) }, dataEn: { row: rowLabelEn(inds[i]) }, fix: `填写${rowLabel(inds[i])}的指标值“${inds[i].target.raw.trim().slice(0, 20)}”从何而来（计划标准、行业标准、历史数据或文件）`, fixEn: `State where the target “${inds[i].target.raw.trim().slice(0, 20)}” of ${rowLabelEn(inds[i])} comes from (a plan, an industry standard, past data or a document)` });
  },
};
