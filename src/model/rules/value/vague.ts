import type { Rule } from "../types";
import { facts, isCostRow, rowLabel } from "../util";

/**
 * A value without anything measurable: kind "vague" from the value parser (进一步提高, 有所提升,
 * 有效改善 …; its lexicon lives in value.ts), and yes/no questions ("是否通过验收", seed 000 #17).
 * Cost rows are left to cost/not-money so "控制成本" is reported once.
 */
export const rule: Rule = {
  meta: {
    id: "value/vague",
    category: "value",
    title: "指标值未量化",
    specificity: 60,
    severity: "warning",
    message: "{row}的指标值“{value}”未量化，无法考核",
    messageEn: "Target value “{value}” of {row} is vague (not measurable)",
    rationale: "指标值应尽量量化；确实无法量化的定性指标也应可分级评判（如“达成/部分达成/未达成”），“进一步提高”“有效提升”无法考核。",
    source: "财预〔2021〕101号 量化易评；财预〔2011〕285号 具体细化、分级分档（rules-research §1.4、§4 P5、§6 E40）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const t = p.indicators[i].target;
      const question = t.kind === "text" && t.raw.trimStart().startsWith("是否");
      if (t.kind !== "vague" && !question) continue;
      if (isCostRow(f.l1[i], f.l2[i])) continue;
      ctx.report({
        field: `indicators.${i}.target`,
        data: { row: rowLabel(p.indicators[i]), value: t.raw.trim() },
        fix: question ? "把问句改为目标值，如“通过验收”或“验收合格率 =100%”" : "写成“运算符 + 数值 + 单位”，如“≥95%”“≥200人次”，或可分级评判的定性目标",
      });
    }
  },
};
