import type { Rule } from "../types";
import { squash } from "../util";
import { goalBody, goalKey, TEMPLATE_ARTEFACT } from "./text";

const PLACEHOLDER = /^(?:请填写|请输入|填写说明|[Xx×]{2,}|…+|\.{3,}|待定|暂无|无|略|同上)/;

/**
 * Template leftovers in a goal: "目标内容 1" (seed 000 #1–24), "请填写", "XX"; a goal that only repeats
 * the project name (seed 001 #30/#31 "1.海防委员会办公经费") or the 资金用途 text.
 */
export const rule: Rule = {
  meta: {
    id: "goal/placeholder",
    category: "goal",
    title: "目标为模板占位内容",
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
      const m = TEMPLATE_ARTEFACT.exec(g);
      const field = `goals.${i}`;
      if (m) {
        const rest = goalBody(g).replace(TEMPLATE_ARTEFACT, "").trim();
        ctx.report({
          field,
          message: `绩效目标含模板残留“${m[0].trim()}”`,
          fix: rest ? `删除“${m[0].trim()}”，只保留“${rest.length > 30 ? rest.slice(0, 30) + "…" : rest}”` : "填写实际目标内容",
        });
        continue;
      }
      const body = goalBody(g);
      if (!body) continue;
      if (PLACEHOLDER.test(body)) {
        ctx.report({ field, message: `绩效目标“${body}”是模板占位内容`, fix: "填写实际目标内容" });
        continue;
      }
      const key = goalKey(g);
      if (name && key === name) ctx.report({ field, message: `绩效目标“${body}”只重复了项目名称`, fix: "写明本年度预期产出和效果" });
      else if (purpose && key === purpose) {
        ctx.report({ field, message: "绩效目标与资金用途相同，未写明预期产出和效果", fix: "资金用途说明钱用在哪里，绩效目标写明用完后达到的产出和效果" });
        purpose = ""; // once per project
      }
    }
  },
};
