import type { Rule } from "../types";
import { squash } from "../util";
import { goalBody, goalKey, TEMPLATE_ARTEFACT } from "./text";

const PLACEHOLDER = /^(?:请填写|请输入|填写说明|[Xx×]{2,}|…+|\.{3,}|待定|暂无|无|略|同上)/;

/**
 * Template leftovers in a goal: only the form label "目标内容 1" (seed 000 prints it before every goal:
 * that alone is not a problem), "请填写", "XX"; a goal that only repeats
 * the project name (seed 001 #30/#31 "1.海防委员会办公经费") or the 资金用途 text.
 */
export const rule: Rule = {
  meta: {
    id: "goal/placeholder",
    category: "goal",
    title: "目标为模板占位内容",
    titleEn: "Goal is template placeholder text",
    specificity: 70,
    severity: "warning",
    message: "绩效目标{detail}",
    messageEn: "Goal is a template placeholder: {detail}",
    rationale: "模板残留或只重复项目名称的目标没有内容，审核时按目标缺失处理。",
    source: "财预〔2015〕88号 完整性审核；事前评估“无缺项错项”（rules-research §4 P1、§6 C17）",
  },
  check(p, ctx) {
    const name = squash(p.name);
    let purpose = squash(p.purpose).replace(/[。.]+$/, "");
    for (let i = 0; i < p.goals.length; i++) {
      const g = p.goals[i];
      const field = `goals.${i}`;
      // "目标内容 1" is the county form's own label printed before the goal (seed 000 #1–#24), not the
      // clerk's text: only a goal that is nothing but the label is empty.
      const hadLabel = TEMPLATE_ARTEFACT.test(g);
      const body = goalBody(g).replace(TEMPLATE_ARTEFACT, "").trim();
      if (!body) {
        if (hadLabel) ctx.report({ field, message: `绩效目标只有表样标签“${g.trim()}”，未填写内容`, fix: "在标签后填写本年度要达到的产出和效果", messageEn: `The goal holds only the form's label “${g.trim()}”; nothing is filled in`, fixEn: "After the label, fill in this year's expected outputs and effects" });
        continue;
      }
      if (PLACEHOLDER.test(body)) {
        ctx.report({ field, message: `绩效目标“${body}”是模板占位内容`, fix: `删除“${body}”，填写本项目${p.name ? `“${p.name}”` : ""}本年度要达到的产出和效果`, messageEn: `Goal “${body}” is template placeholder text`, fixEn: `Delete “${body}” and fill in this year's expected outputs and effects of ${p.name ? `“${p.name}”` : "this project"}` });
        continue;
      }
      const key = goalKey(body);
      if (name && key === name) ctx.report({ field, message: `绩效目标“${body}”只重复了项目名称`, fix: `写明“${body}”本年度要完成什么、做到什么程度${p.purpose && squash(p.purpose) !== name ? `（资金用途：${squash(p.purpose).slice(0, 30)}）` : ""}`, messageEn: `Goal “${body}” only repeats the project name`, fixEn: `State what “${body}” is to achieve this year and to what degree${p.purpose && squash(p.purpose) !== name ? ` (use of funds: “${squash(p.purpose).slice(0, 30)}”)` : ""}` });
      else if (purpose && key === purpose) {
        ctx.report({
          field,
          message: "绩效目标与资金用途相同，未写明预期产出和效果",
          fix: `资金用途说明钱用在哪里；把“${body.length > 20 ? body.slice(0, 20) + "…" : body}”改写为用完这笔钱后达到的产出和效果（数量、时间、质量）`,
          messageEn: "The goal is the same as the use of funds; it states no expected outputs or effects",
          fixEn: `The use of funds says where the money goes; rewrite “${body.length > 20 ? body.slice(0, 20) + "…" : body}” as the outputs and effects reached once it is spent (quantity, time, quality)`,
        });
        purpose = ""; // once per project
      }
    }
  },
};
