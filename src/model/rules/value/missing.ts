import type { Rule } from "../types";
import type { Indicator, Project } from "../../schema";
import { nameUnit, rowLabel, rowLabelEn, squash } from "../util";
import { budgetYear, yearEnd } from "../fix";
import type { JxmbDocument } from "../../schema";

/**
 * The 建议 for an empty 指标值, from the row and the project: the quantity its goal or 资金用途 states in
 * the unit the 三级 names (corpus 30 letters give them; "(万亩)" → "≥N万亩"); a 三级 that is a whole
 * sentence (corpus 27 "增加就业机会,提高农民收入。") needs a measurable name first; else the form the
 * 二级 asks for.
 */
function fixFor(ind: Indicator, p: Project, doc: JxmbDocument): { zh: string; en: string } {
  const name = squash(ind.name);
  const unit = nameUnit(name);
  const text = squash([...p.goals, p.purpose ?? ""].join("；"));
  if (unit && unit !== "%") {
    const m = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*${unit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).exec(text);
    if (m) return { zh: `填写“≥${m[1]}${unit}”（目标或资金用途中写的是“${m[0]}”）`, en: `Fill in “≥${m[1]}${unit}” (the goal or use of funds says “${m[0]}”)` };
  }
  if (/[，,。；;！]/.test(name) || name.length > 24)
    return {
      zh: "三级写的是一句描述：改为可衡量的指标名称，并填写运算符、数值和单位（如“带动农民增收 ≥N万元”“森林覆盖率提高 ≥N个百分点”）",
      en: "The level-3 is a sentence: make it a measurable indicator name and fill in operator, number and unit (e.g. “带动农民增收 ≥N万元”, “森林覆盖率提高 ≥N个百分点”)",
    };
  if (/时间|时限|期限|日期/.test(name)) return { zh: `填写完成时限，如“${yearEnd(budgetYear(p, doc))}”`, en: `Fill in a deadline, e.g. “${yearEnd(budgetYear(p, doc))}”` };
  if (unit === "%" || /率|比例|满意度/.test(name)) return { zh: "填写比率目标，如“≥95%”（100% 写“=100%”）", en: "Fill in a rate, e.g. “≥95%” (100% as “=100%”)" };
  return { zh: `填写运算符、数值和单位，如“≥N${unit ?? "个"}”（按本年度计划数填写）`, en: `Fill in operator, number and unit, e.g. “≥N${unit ?? "个"}” (this year's planned figure)` };
}

export const rule: Rule = {
  meta: {
    id: "value/missing",
    category: "value",
    title: "未填写指标值",
    titleEn: "Target value missing",
    specificity: 90,
    severity: "error",
    message: "{row}未填写指标值",
    messageEn: "Indicator {row} has no target value",
    rationale: "没有指标值的指标无法考核。",
    source: "财预〔2015〕88号 完整性审核（rules-research §4 P4、§6 E31）",
  },
  check(p, ctx) {
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      if (ind.target.kind !== "empty") continue;
      const fix = fixFor(ind, p, ctx.document);
      ctx.report({ field: `indicators.${i}.target`, data: { row: rowLabel(ind) }, dataEn: { row: rowLabelEn(ind) }, fix: fix.zh, fixEn: fix.en });
    }
  },
};
