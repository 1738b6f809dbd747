import type { Rule } from "../types";
import { rowLabel, rowLabelEn } from "../util";

export const rule: Rule = {
  meta: {
    id: "value/redacted",
    category: "value",
    title: "指标值涉密",
    titleEn: "Target value classified",
    specificity: 10,
    severity: "info",
    message: "{row}的指标值涉密（“{value}”），未做检查",
    messageEn: "Target of {row} is redacted (“{value}”)",
    rationale: "涉密内容以“**”代替，无法检查；提醒核对公开版本是否应保留该指标。",
    source: "种子文件 002（“**” 41 处）（seeds-catalog-002-004 §1.4 第 24 条）",
  },
  check(p, ctx) {
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      if (ind.target.kind === "redacted")
        ctx.report({
          field: `indicators.${i}.target`,
          data: { row: rowLabel(ind), value: ind.target.raw.trim() },
          dataEn: { row: rowLabelEn(ind) },
          fix: `核对${rowLabel(ind)}是否确需涉密；可公开时填写指标值`,
          fixEn: `Check whether ${rowLabelEn(ind)} really must be withheld; if it can be published, fill in the target`,
        });
    }
  },
};
