import type { Rule } from "../types";
import { squash } from "../util";
import { goalBody } from "./text";

/** Shorter goals repeat legitimately (“保障单位正常运转” for both). */
const MIN_LEN = 10;

/**
 * The 本年度绩效目标 word for word the same as the 实施期/中期目标 on a form that asks for both (corpus 53:
 * 实施期 2023.07–2024.01, both goals “通过采购雾炮车降尘抑尘服务…”): the year's share of the work is not
 * stated, so the year cannot be evaluated on its own.
 */
export const rule: Rule = {
  meta: {
    id: "goal/not-annual",
    category: "goal",
    title: "年度目标照抄实施期目标",
    titleEn: "Annual goal copies the implementation-period goal",
    specificity: 60,
    severity: "warning",
    message: "本年度绩效目标与实施期（中期）目标相同，没有写本年度要完成的部分",
    messageEn: "The year's goal repeats the whole-period (mid-term) goal: the year's share is not stated",
    rationale: "年度绩效目标是实施期目标在本预算年度的分解；两者照抄相同，无法判断本年度要完成多少，年度自评也无从对照。",
    source: "财预〔2015〕88号 中期目标与年度目标；财预〔2021〕101号 年度绩效目标（rules-research §2.1、§4 P9）",
  },
  check(p, ctx) {
    const mid = p.midTerm?.goals ?? [];
    if (mid.length === 0 || p.goals.length === 0) return;
    const year = squash(p.goals.map(goalBody).join(""));
    if (year.length < MIN_LEN || year !== squash(mid.map(goalBody).join(""))) return;
    const fy = ctx.document.fiscalYear;
    ctx.report({
      field: "goals.0",
      fix: `写明${fy !== null ? ` ${fy} 年` : "本年度"}要完成的部分（实施期目标中本年完成的数量、进度和效果），与本年度预算对应`,
      fixEn: `State the part due in ${fy !== null ? fy : "this year"} (the quantities, progress and effects of the whole-period goal done this year), matching this year's budget`,
    });
  },
};
