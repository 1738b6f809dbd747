import type { Rule } from "../types";
import { facts, isCostRow, rowLabel, rowLabelEn, squash } from "../util";
import { budgetYear, measurableHint, measurableHintEn, rowName } from "../fix";
import { vagueUnit } from "./vague-unit";
import { plusMinusTolerance } from "./nonstandard-operator";

// A value column that holds a basis phrase ("项目实施计划") is basis/swapped's; "**" is redacted.
const BASIS_PHRASE = /^(?:历史经验|历史标准|历史数据|经验标准|计划标准|行业标准|实施计划|项目实施计划|工作计划|年初工作计划|实际工作需要|实际工作需求|工作需求|合同规定|有关合同文件|预算测算|预算支出标准|有关文件要求|项目实施要求|成本定额)(?:标准|安排)?$/;

// Grades (value.ts) that are adjectives, not a step of an evaluation scale: “及时” for a 时效 (corpus 42),
// “高” for a 可持续影响 (corpus 48). 优/良好/合格/达标/满意/完成 stay: a scale an evaluator grades against.
const ADJECTIVE_GRADES = new Set(["及时", "按时", "准时", "显著", "明显", "稳定", "安全", "正常", "高", "较高", "低", "较低"]);

/**
 * A value without anything measurable: kind "vague" from the value parser (进一步提高, 有所提升,
 * 有效改善 …; its lexicon lives in value.ts), yes/no questions ("是否通过验收", seed 000 #17) and
 * plain text with no number ("及时支付", "在规定期限内完成", "网络正常运转": seed 000 lists 71 such
 * values as not measurable). Cost rows are left to cost/not-money so "控制成本" is reported once.
 */
export const rule: Rule = {
  meta: {
    id: "value/vague",
    category: "value",
    title: "指标值未量化",
    titleEn: "Target value not quantified",
    specificity: 60,
    severity: "warning",
    message: "{row}的指标值“{value}”未量化，无法考核",
    messageEn: "Target value “{value}” of {row} is vague (not measurable)",
    rationale: "指标值应尽量量化；确实无法量化的定性指标也应可分级评判（如“达成/部分达成/未达成”），“进一步提高”“有效提升”无法考核。",
    source: "财预〔2021〕101号 量化易评；财预〔2011〕285号 具体细化、分级分档（rules-research §1.4、§4 P5、§6 E40）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    let year: number | null | undefined;
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const t = ind.target;
      const raw = t.raw.trim();
      const question = t.kind === "text" && raw.startsWith("是否");
      const text = t.kind === "text" && !question && !BASIS_PHRASE.test(squash(raw));
      const adjective = t.kind === "grade" && ADJECTIVE_GRADES.has(squash(raw));
      if (t.kind !== "vague" && !question && !text && !adjective) continue;
      if (text && plusMinusTolerance(t)) continue; // “±3%以内” is measurable: value/nonstandard-operator
      if (isCostRow(f.l1[i], f.l2[i])) continue;
      // 数量 rows without a number are value/quantity-no-number's; "1 长期有效" is value/vague-unit's.
      if (text && (f.l2[i] === "quantity" || vagueUnit(t))) continue;
      if (year === undefined) year = budgetYear(p, ctx.document);
      ctx.report({
        field: `indicators.${i}.target`,
        data: { row: rowLabel(ind), value: raw },
        dataEn: { row: rowLabelEn(ind) },
        fix: question ? `把问句改为目标值，如${rowName(ind)}“通过验收”或“验收合格率 =100%”` : measurableHint(ind, f.l2[i], year),
        fixEn: question ? `Turn the question into a target, e.g. ${rowName(ind)} “通过验收” or “验收合格率 =100%”` : measurableHintEn(ind, f.l2[i], year),
      });
    }
  },
};
