import type { Rule } from "../types";
import { budgetText, budgetYear, quantityExample, yearEnd } from "../fix";
import { goalBody, TEMPLATE_ARTEFACT } from "./text";

// A concrete element: an Arabic/full-width number, a Chinese numeral with a measure word, or a date.
// Not "一批" (seed 004 #3 "建设一批…设施": no count) nor "三年" (part of a metric name, 戒断三年巩固率).
const CONCRETE =
  /[0-9０-９]|[一二两三四五六七八九十百千万]+\s*(?:名|人|个|台|套|辆|处|次|项|件|条|座|家|所|户|部|只|块|平方米|米|公里|万元|元|天|日|小时)|年底|月底|年内|季度/;

// "2019年度任务", "2023年度工作": the budget year as an adjective says nothing measurable (corpus 07
// "确保完成2019年度任务"); "2019年底", "2019年12月" are deadlines and stay.
const YEAR_ADJECTIVE = /(?:19|20)\d{2}\s*年度/g;

/**
 * A goal without any measurable element (number, count, date) is a slogan (“维护辖区交通安全形势持续
 * 稳定发展”, seed 001 #14–23). Numbering ("1.") and the artefact "目标内容 1" do not count as numbers.
 */
export const rule: Rule = {
  meta: {
    id: "goal/vague",
    category: "goal",
    title: "目标没有可衡量内容",
    titleEn: "Goal has nothing measurable",
    specificity: 50,
    severity: "warning",
    message: "绩效目标没有可衡量的内容（无数量、时间或具体对象）：“{text}”",
    messageEn: "Goal has no measurable element: “{text}”",
    rationale: "绩效目标应指向明确、细化量化，写明预期产出的数量、时间和效果，口号式目标无法考核。",
    source: "财预〔2021〕101号 量化易评；财预〔2011〕285号 具体细化（rules-research §1.3、§2.3、§6 C18）",
  },
  check(p, ctx) {
    let text = "";
    let first = -1;
    for (let i = 0; i < p.goals.length; i++) {
      const b = goalBody(p.goals[i]).replace(TEMPLATE_ARTEFACT, "").trim();
      if (!b || b === "**") continue;
      if (first < 0) first = i;
      if (CONCRETE.test(b.replace(YEAR_ADJECTIVE, ""))) return;
      text += (text ? " " : "") + b;
    }
    if (first < 0) return;
    // The 建议 is built from this project's own table: its year, a quantity it already states, its budget.
    const year = budgetYear(p, ctx.document);
    const q = quantityExample(p);
    const money = budgetText(p);
    const fix = q
      ? `写明本年度的产出、时间和效果，可直接用本表的指标：如“${year ?? "本"}年内完成${q}${money ? `，使用资金 ${money}` : ""}，……”`
      : `写明本年度要完成的数量、完成时间（${yearEnd(year)}）和预期效果${money ? `，与预算 ${money} 对应` : ""}`;
    const fixEn = q
      ? `State this year's outputs, dates and effects; the table's own indicators can serve, e.g. “${year ?? "本"}年内完成${q}${money ? `，使用资金 ${money}` : ""}，……”`
      : `State the quantity to complete this year, the deadline (“${yearEnd(year)}”) and the expected effect${money ? `, matching the budget “${money}”` : ""}`;
    ctx.report({ field: `goals.${first}`, data: { text: text.length > 40 ? text.slice(0, 40) + "…" : text }, fix, fixEn });
  },
};
