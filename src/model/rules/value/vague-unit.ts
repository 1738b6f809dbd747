import type { Target } from "../../schema";
import type { Rule } from "../types";
import { isQualityWord, unitCategory } from "../../value";
import { rowLabel, rowLabelEn } from "../util";

const NUMBER_THEN_WORDS = /^\s*(\d+(?:\.\d+)?)\s*(\S.*)$/;

/** The number and the quality word of "1 长期" / "≥1 明显" / "≥1 长期有效"; null otherwise. */
export function vagueUnit(t: Target): { value: string; word: string } | null {
  if ((t.kind === "number" || t.kind === "duration") && t.value !== null && t.unit && unitCategory(t.unit) === null && isQualityWord(t.unit))
    return { value: String(t.value), word: t.unit };
  if (t.kind === "text" && t.text) {
    const m = NUMBER_THEN_WORDS.exec(t.text);
    if (m && isQualityWord(m[2])) return { value: m[1], word: m[2].trim() };
  }
  return null;
}

/**
 * A number followed by a quality where the unit should be: "1 长期", "≥1 明显", "≥1 长期有效"
 * (seed-like 可持续影响 rows; reviewers send them back as not measurable). The number measures nothing.
 */
export const rule: Rule = {
  meta: {
    id: "value/vague-unit",
    category: "value",
    title: "数字后是模糊词而非单位",
    titleEn: "Vague word instead of a unit after the number",
    specificity: 75,
    severity: "warning",
    message: "{row}的指标值“{value}”中“{word}”不是计量单位，数值无法考核",
    messageEn: "In {row} “{value}”, “{word}” is not a unit: the number measures nothing",
    rationale: "指标值应由运算符、数值和计量单位组成；数字后接“长期”“明显”等词时，数字没有含义，既不是定量指标也不是可评判的定性指标。",
    source: "财预〔2021〕101号 量化易评；一体化数据标准 计量单位（rules-research §1.4、§3.3、§6 E36、E40）",
  },
  check(p, ctx) {
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const v = vagueUnit(ind.target);
      if (!v) continue;
      ctx.report({
        field: `indicators.${i}.target`,
        data: { row: rowLabel(ind), value: ind.target.raw.trim(), word: v.word },
        dataEn: { row: rowLabelEn(ind) },
        fix: `写明要达到的数量和计量单位（如“≥${v.value}项”），或改为可评判的定性目标（如“${v.word}发挥作用”并在评分标准中分档）`,
        fixEn: `State the quantity and unit to reach (e.g. “≥${v.value}项”), or a qualitative target that can be judged (e.g. “${v.word}发挥作用”, graded in the scoring standard)`,
      });
    }
  },
};
