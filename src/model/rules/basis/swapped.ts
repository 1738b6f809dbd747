import type { Rule } from "../types";
import { parseTarget } from "../../value";
import { rowLabel, rowLabelEn, squash } from "../util";

// Texts that are a basis, not a target (seed 000 §5.4 inventory).
const BASIS_LIKE =
  /^(?:历史经验|历史标准|历史数据|经验标准|计划标准|行业标准|实施计划|项目实施计划|工作计划|年初工作计划|机关年度工作(?:计划|方案)|实际工作需要|实际工作需求|工作需求|合同规定|有关合同文件|预算测算|预算支出标准|有关文件要求|项目实施要求|成本定额)(?:标准|安排)?$/;
// Quick pre-filter for the basis column before running the value parser on it.
const TARGET_HINT = /[≥≤≧≦><＞＜%％]|提高|提升|改善|增强|下降|降低/;

// Bases repeat a lot ("年初工作计划安排" on every row of seed 001): memoise the verdict per text.
const MEMO = new Map<string, boolean>();
function basisLooksLikeTarget(b: string): boolean {
  let v = MEMO.get(b);
  if (v !== undefined) return v;
  v = false;
  if (TARGET_HINT.test(b)) {
    const bt = parseTarget(b);
    v = bt.kind === "vague" || ((bt.kind === "percent" || bt.kind === "number") && bt.operator !== null);
  }
  if (MEMO.size < 5000) MEMO.set(b, v);
  return v;
}

/**
 * The 依据 column holds a target and/or the 指标值 holds a basis (seed 000 #17/#23/#24: 依据 "进一步提高"
 * next to "≥92%"): the columns were swapped or mis-filled. The basis text is checked with the same
 * value parser as the target column (only when a cheap hint matches, and only here: rare path).
 */
export const rule: Rule = {
  meta: {
    id: "basis/swapped",
    category: "value",
    title: "指标值与依据填反",
    titleEn: "Target value and basis swapped",
    specificity: 75,
    severity: "warning",
    message: "{row}的指标值与指标值确定依据疑似填反：{detail}",
    messageEn: "{row}: target and basis look swapped: {detail}",
    rationale: "指标值确定依据应写明计划、行业、历史标准或文件，指标值应写目标；两列填反会使目标无法考核。",
    source: "财预〔2021〕101号 指标值设定依据；种子 000 第 41 条（rules-research §3.1、§6 F54）",
  },
  check(p, ctx) {
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      // A basis phrase in the value column parses as kind "text".
      if (ind.target.kind === "text" && BASIS_LIKE.test(squash(ind.target.raw))) {
        ctx.report({
          field: `indicators.${i}.target`,
          data: { row: rowLabel(ind), detail: `指标值“${ind.target.raw.trim()}”是依据而不是目标` },
          fix: `把“${ind.target.raw.trim()}”移到“指标值确定依据”列，指标值填写${rowLabel(ind)}的目标值`,
          dataEn: { row: rowLabelEn(ind), detail: `the target “${ind.target.raw.trim()}” is a basis, not a target` },
          fixEn: `Move “${ind.target.raw.trim()}” to the “指标值确定依据” column and fill in the target of ${rowLabelEn(ind)}`,
        });
        continue;
      }
      const b = ind.basis;
      if (!b || !basisLooksLikeTarget(b)) continue;
      {
        ctx.report({
          field: `indicators.${i}.basis`,
          data: { row: rowLabel(ind), detail: `依据“${b.trim()}”像是指标值` },
          fix: `依据“${b.trim().slice(0, 20)}”是目标的写法：依据列写该指标值的来源（计划标准、行业标准、历史数据或文件）`,
          dataEn: { row: rowLabelEn(ind), detail: `the basis “${b.trim()}” reads like a target` },
          fixEn: `The basis “${b.trim().slice(0, 20)}” is written like a target: the basis column says where the target comes from (a plan, an industry standard, past data or a document)`,
        });
      }
    }
  },
};
