import type { Rule } from "../types";
import { facts, rowLabel, rowLabelEn } from "../util";
import { goalBody } from "../goal/text";

// "2022年", "2022 年底": a 4-digit year followed by 年. Not preceded by a digit (part of a number) or
// by reference words ("参照2022年", "较2022年", "截至2022年"), nor inside a document number
// ("【2020】8号") or a range ("2021-2022年", "2023—2025年" of a 中期 plan, "2019.2020.2021年").
const YEAR = /(参照|参考|较|比|对比|相比|同比|根据|依据|截至|截止|自|从|[\d\-—–~～至.、】\]〕）)])?\s*(20\d{2})\s*年/g;
// What follows a past year that makes it a reference, not a target: "2022年同期", "2022年实际",
// "2020 年 2 月 1 日启用", "2021年度决算", "2022年以来". Checked on the text right after the year.
const REFERENCE_AFTER = /^(?:度)?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:同期|实际|基数|基础|水平|决算|以来|起|开始|因|已|曾|启用|建成|投入使用|投用|批复|立项|下达|结转|末的|底的|数据|标准|价格|相比|相较|的基础)/;

/**
 * Years that differ from the document's budget year (only when doc.fiscalYear is known; seed 001
 * prints no year):
 *  - in the 指标值 (parsed dates) and in the 三级/描述 text of a row: seed 000 #26 "2022年12月31日前完成"
 *    and #39 "争取 2020 年底…" in a 2023 document; seed 004 P1 "2023年内完成" in 2024;
 *  - an earlier year in the 项目名称, 资金用途 or 绩效目标: seed 004 P1 "2022 年执法办案管理中心项目" and
 *    P9 "2021 年智慧交通…" in 2024, seed 002 P17 "（2021年已完成项目）", seed 000 #31 资金用途 "2022 年需
 *    电费 50 万元" in 2023 (a later year there may be a 中期 horizon, "到2025年").
 * Ranges ("2023-2025年"), references ("较2022年", "2022年同期", "2020 年 2 月 1 日启用") and document
 * numbers are not targets. One finding per field.
 */
export const rule: Rule = {
  meta: {
    id: "time/wrong-year",
    category: "time",
    title: "年份与预算年度不符",
    titleEn: "Year differs from the budget year",
    specificity: 85,
    severity: "warning",
    message: "{row}写的是 {year} 年，与预算年度 {fiscalYear} 年不符",
    messageEn: "{row} names year {year}, not the budget year {fiscalYear}",
    rationale: "年度绩效目标对应预算年度：项目名称、资金用途、目标和时效指标中的年份应为本预算年度；写成往年多为照抄上年表格。",
    source: "财预〔2015〕88号 年度绩效目标（rules-research §2.1、§4 P9、§6 F49）",
  },
  check(p, ctx) {
    const fy = ctx.document.fiscalYear;
    if (fy === null) return;
    const f = facts(p, ctx.profile);
    const past = (text: string | null, references = true): number | null => {
      if (!text || text.indexOf("年") < 0) return null;
      const y = wrongYearIn(text, fy, references);
      return y !== null && y < fy ? y : null;
    };
    // A name is a label, not prose: "（2021年已完成项目）" is not a reference to a past fact.
    let y = past(p.name, false);
    if (y !== null)
      ctx.report({ field: "name", message: `项目名称“${clip(p.name!)}”写的是 ${y} 年，与预算年度 ${fy} 年不符`, fix: `核对是否为 ${fy} 年项目；跨年续建项目写明本年度的任务`, messageEn: `The project name “${clip(p.name!)}” names the year ${y}, not the budget year ${fy}`, fixEn: `Check that this is a ${fy} project; a multi-year project states this year's tasks` });
    y = past(p.purpose);
    if (y !== null)
      ctx.report({ field: "purpose", message: `资金用途写的是 ${y} 年（“${around(p.purpose!, y)}”），与预算年度 ${fy} 年不符`, fix: `按 ${fy} 年的测算数重写资金用途`, messageEn: `The use of funds names the year ${y} (“${around(p.purpose!, y)}”), not the budget year ${fy}`, fixEn: `Rewrite the use of funds from the ${fy} estimates` });
    for (let gi = 0; gi < p.goals.length; gi++) {
      y = past(goalBody(p.goals[gi])); // "1.2022年…": the numbering is not part of a number
      if (y !== null)
        ctx.report({ field: `goals.${gi}`, message: `绩效目标写的是 ${y} 年（“${around(p.goals[gi], y)}”），与预算年度 ${fy} 年不符`, fix: `改为 ${fy} 年度要完成的目标`, messageEn: `The goal names the year ${y} (“${around(p.goals[gi], y)}”), not the budget year ${fy}`, fixEn: `State what is to be done in ${fy}` });
    }
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const dy = ind.target.date?.year ?? null;
      if (dy !== null && dy !== fy) {
        ctx.report({
          field: `indicators.${i}.target`,
          message: `${rowLabel(ind)}的指标值“${ind.target.raw.trim()}”${dy < fy ? "早于" : "晚于"}预算年度 ${fy} 年`,
          fix: dy < fy ? dateFix(ind.target.raw, dy, fy) : `年度目标应在 ${fy} 年内完成；跨年任务只写 ${fy} 年要完成的部分，如“≤${fy}年12月31日”`,
          messageEn: `Target value “${ind.target.raw.trim()}” of ${rowLabelEn(ind)} is ${dy < fy ? "before" : "after"} the budget year ${fy}`,
          fixEn: dy < fy ? dateFix(ind.target.raw, dy, fy, true) : `A yearly target is met within ${fy}; for a multi-year task write only the part due in ${fy}, e.g. “≤${fy}年12月31日”`,
        });
        continue;
      }
      // A 时效 written as a period in dotted months (“2023.07-2024.01”, corpus 53) that runs past the year.
      const late = dy === null && f.l2[i] === "timeliness" ? lateMonthYear(ind.target.raw, fy) : null;
      if (late !== null) {
        ctx.report({
          field: `indicators.${i}.target`,
          message: `${rowLabel(ind)}的指标值“${ind.target.raw.trim()}”延续到 ${late} 年，超出预算年度 ${fy} 年`,
          fix: `时效写本年度的完成时限，如“≤${fy}年12月31日”；跨年的服务只写 ${fy} 年内要完成的部分`,
          messageEn: `Target value “${ind.target.raw.trim()}” of ${rowLabelEn(ind)} runs into ${late}, beyond the budget year ${fy}`,
          fixEn: `Give this year's deadline, e.g. “≤${fy}年12月31日”; for a multi-year service write only the part due in ${fy}`,
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
        ctx.report({ field: `indicators.${i}.${field}`, data: { row: rowLabel(ind), year: bad, fiscalYear: fy }, dataEn: { row: rowLabelEn(ind) }, fix: `核对年份，年度目标应为 ${fy} 年`, fixEn: `Check the year: a yearly target belongs to ${fy}` });
    }
  },
};

/** "2022年12 月31日前 完成" → "改为“2023年12月31日前完成”" when the year can simply be replaced. */
function dateFix(raw: string, y: number, fy: number, en = false): string {
  const compact = raw.replace(/\s+/g, "");
  const replaced = compact.replace(String(y), String(fy));
  if (en) return replaced !== compact ? `Write “${replaced}”` : `Write a date within ${fy}`;
  return replaced !== compact ? `改为“${replaced}”` : `改为 ${fy} 年内的日期`;
}

function clip(s: string): string {
  const t = s.trim();
  return t.length > 30 ? t.slice(0, 30) + "…" : t;
}

/** A few characters around the year in a long text, for the message. */
function around(text: string, y: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  const k = t.indexOf(String(y));
  if (k < 0 || t.length <= 30) return clip(t);
  const from = Math.max(0, k - 8);
  return (from > 0 ? "…" : "") + t.slice(from, k + 22) + (k + 22 < t.length ? "…" : "");
}

/** First year in the text ≠ fy that is not a reference, document number or range; null if none. */
export function wrongYearIn(text: string, fy: number, references = true): number | null {
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m !== null; m = YEAR.exec(text)) {
    if (m[1]) continue;
    const y = Number(m[2]);
    const end = m.index + m[0].length;
    const after = text.charCodeAt(end);
    if (after === 0x53f7 /* 号 */) continue;
    // "2023-2025年": a range written with the year first ("2023年-2025年") is a range too.
    if (RANGE_NEXT.test(text.slice(end, end + 8))) continue;
    if (references && y < fy && REFERENCE_AFTER.test(text.slice(end, end + 16))) continue;
    if (y !== fy) return y;
  }
  return null;
}
const RANGE_NEXT = /^\s*(?:度)?\s*[-—–~～至到]\s*20\d{2}/;

// Year and month written with a dot or a slash: “2023.07”, “2024/01”.
const MONTH_YEAR = /(?:^|[^\d])(20\d{2})\s*[./．]\s*(\d{1,2})(?!\d)/g;

/** The latest year after fy among “YYYY.MM” dates of a value; null when none is later. */
function lateMonthYear(raw: string, fy: number): number | null {
  let late: number | null = null;
  MONTH_YEAR.lastIndex = 0;
  for (let m = MONTH_YEAR.exec(raw); m !== null; m = MONTH_YEAR.exec(raw)) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12 && y > fy && (late === null || y > late)) late = y;
  }
  return late;
}
