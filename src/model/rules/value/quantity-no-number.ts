import type { Rule } from "../types";
import type { Project } from "../../schema";
import { facts, rowLabel, rowLabelEn, squash } from "../util";
import { rowName, unitOfName } from "../fix";

// "130人", "326 名", "45 辆": a count in the 资金用途 or a goal, for a 建议 in the project's own numbers.
const COUNT = /(\d+)\s*(人次|人|名|台|套|辆|处|座|个|户|家|所|条|部|件|项|批)/g;
const PEOPLE = /人|名|警|员|户/;

/** The project's own count for a 数量 row: first in 资金用途, then in the goals, of the row's kind. */
function ownCount(p: Project, rowText: string): { where: string; whereEn: string; text: string; n: string; unit: string; fixed: boolean } | null {
  const people = PEOPLE.test(rowText);
  for (const [where, whereEn, text] of [["资金用途", "the use of funds", p.purpose ?? ""], ["绩效目标", "the goal", p.goals.join("；")]] as const) {
    const c = squash(text);
    COUNT.lastIndex = 0;
    for (let m = COUNT.exec(c); m !== null; m = COUNT.exec(c)) {
      const isPeople = m[2] === "人" || m[2] === "名" || m[2] === "人次" || m[2] === "户";
      if (isPeople !== people) continue;
      if (!isPeople && !rowText.includes(m[2])) continue;
      // Head-counts of staff on the books are exact (实有 326 名辅警, 在押人数 130 人).
      const before = c.slice(Math.max(0, m.index - 8), m.index);
      return { where, whereEn, text: m[0], n: m[1], unit: m[2] === "名" ? "人" : m[2], fixed: /实有|现有|在编|在押|编制|核定|共有/.test(before) };
    }
  }
  return null;
}

const DIGIT = /[0-9０-９]/;
// A Chinese numeral with a measure word still states a number ("三条", "一百人").
const CN_COUNT = /[一二两三四五六七八九十百千万]+\s*(?:名|人|个|台|套|辆|处|次|项|件|条|座|家|所|批|户|部|只|块|路|场|期)/;

/**
 * A 数量指标 whose value states no number: "平均在押人数", "根据实际核定", "按需采购" (seed 000 #32–#39,
 * #7). A quantity target must say how many. Vague change-phrases are value/vague's, questions too;
 * redacted and empty values are value/redacted's and value/missing's.
 */
export const rule: Rule = {
  meta: {
    id: "value/quantity-no-number",
    category: "value",
    title: "数量指标没有数字",
    titleEn: "Quantity indicator has no number",
    specificity: 85,
    severity: "warning",
    message: "{row}的指标值“{value}”没有数量",
    messageEn: "Quantity indicator {row} “{value}” states no number",
    rationale: "数量指标反映计划完成的产出数量，必须写明具体数值和计量单位，否则无法考核是否完成。",
    source: "财预〔2021〕101号 数量指标“计划完成的产出数量”；财预〔2015〕88号 能量化的尽量量化（rules-research §1.4、§6 E40、E42）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      if (f.l2[i] !== "quantity") continue;
      const ind = p.indicators[i];
      const t = ind.target;
      if (t.kind !== "text" && t.kind !== "grade") continue;
      const raw = (t.text ?? t.raw).trim();
      if (raw.startsWith("是否") || DIGIT.test(raw) || CN_COUNT.test(raw)) continue;
      const own = ownCount(p, ind.name + (ind.description ?? "") + raw);
      ctx.report({
        field: `indicators.${i}.target`,
        data: { row: rowLabel(ind), value: raw.length > 30 ? raw.slice(0, 30) + "…" : raw },
        dataEn: { row: rowLabelEn(ind) },
        fix: own
          ? `写明计划完成的数量：${own.where}写的是“${own.text}”，可写作“${own.fixed ? "=" : "≥"}${own.n}${own.unit}”`
          : `写明${rowName(ind)}计划完成的数量和单位，如“≥N${unitOfName(ind.name) === "%" ? "个" : unitOfName(ind.name)}”（按资金用途中的测算数填写）`,
        fixEn: own
          ? `State the planned quantity: ${own.whereEn} says “${own.text}”; write “${own.fixed ? "=" : "≥"}${own.n}${own.unit}”`
          : `State the planned quantity and unit of ${rowName(ind)}, e.g. “≥N${unitOfName(ind.name) === "%" ? "个" : unitOfName(ind.name)}” (from the estimate in the use of funds)`,
      });
    }
  },
};
