import type { Rule } from "../types";
import { rowLabel } from "../util";

// "2022年", "2022 年底": a 4-digit year followed by 年. Not preceded by a digit (part of a number) or
// by reference words ("参照2022年", "较2022年", "截至2022年"), nor inside a document number
// ("【2020】8号") or a range ("2021-2022年", "2019.2020.2021年").
const YEAR = /(参照|参考|较|比|对比|相比|同比|根据|依据|截至|截止|自|从|[\d\-—~至.、】\]])?\s*(20\d{2})\s*年/g;

/**
 * Years in 指标值 (parsed dates) and in the 三级/描述 text that differ from the document's budget year:
 * seed 000 #26 "2022年12月31日前完成" and #39 "争取 2020 年底…" in a 2023 document; seed 004 P1 "2023年
 * 内完成" in 2024. Only when doc.fiscalYear is known (seed 001 prints no year).
 */
export const rule: Rule = {
  meta: {
    id: "time/wrong-year",
    severity: "warning",
    message: "{row}写的是 {year} 年，与预算年度 {fiscalYear} 年不符",
    messageEn: "{row} names year {year}, not the budget year {fiscalYear}",
    rationale: "年度绩效目标对应预算年度，时效指标的日期应在本预算年度内；写成往年多为照抄上年表格。",
    source: "财预〔2015〕88号 年度绩效目标（rules-research §2.1、§4 P9、§6 F49）",
  },
  check(p, ctx) {
    const fy = ctx.document.fiscalYear;
    if (fy === null) return;
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const y = ind.target.date?.year ?? null;
      if (y !== null && y !== fy) {
        ctx.report({
          field: `indicators.${i}.target`,
          message: `${rowLabel(ind)}的指标值“${ind.target.raw.trim()}”${y < fy ? "早于" : "晚于"}预算年度 ${fy} 年`,
          fix: y < fy ? `改为 ${fy} 年内的日期` : undefined,
        });
        continue;
      }
      let field = "name";
      let bad = ind.name.indexOf("年") >= 0 ? wrongYearIn(ind.name, fy) : null;
      if (bad === null && ind.description && ind.description.indexOf("年") >= 0) {
        field = "description";
        bad = wrongYearIn(ind.description, fy);
      }
      if (bad !== null)
        ctx.report({ field: `indicators.${i}.${field}`, data: { row: rowLabel(ind), year: bad, fiscalYear: fy }, fix: `核对年份，年度目标应为 ${fy} 年` });
    }
  },
};

/** First year in the text ≠ fy that is not a reference, document number or range; null if none. */
export function wrongYearIn(text: string, fy: number): number | null {
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m !== null; m = YEAR.exec(text)) {
    if (m[1]) continue;
    const y = Number(m[2]);
    const after = text.charCodeAt(m.index + m[0].length);
    if (after === 0x53f7 /* 号 */) continue;
    if (y !== fy) return y;
  }
  return null;
}
