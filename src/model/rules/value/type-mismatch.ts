import type { Rule } from "../types";
import { facts, fmt, isCostRow, isSatisfactionRow, nameUnit, rowLabel, rowLabelEn, squash } from "../util";
import { budgetYear, rowName, yearEnd } from "../fix";
import { foldTraditional } from "../../han-fold";

// Rates that legitimately measure timeliness (及时率, 按时完成率, 进度 …).
// A 时效 name that asks for a date ("项目完成时间", "截止日期"), not a rate ("按时完成率").
const DATE_NAME = /(?:时间|日期|时限|期限)$/;
// A period where a deadline belongs: "2021年全年", "常年", "长期".
const PERIOD = /^(?:全年|全年度|常年|长期|持续)$/;
const TIMELY = /及时|按时|准时|按期|如期|时效|进度|时限|时间|期限|工期|周期|年底|月底|年内|支出率|执行率/;
const PERCENT_UNITS = new Set(["%", "％", "百分比"]);
const TIME_UNITS = new Set(["小时", "天", "日", "分钟", "年", "月"]);
// A lifetime or time span, not a count of working days ("巡逻设卡执勤任务 110天" is a quantity of work).
const LIFETIME = /时长|年限|期限|寿命|使用时间|周期/;

/**
 * Value kind against the 二级 (heuristic, documented; 成本 rows are cost/not-money's business):
 *  - 数量: a percentage or a date is not a quantity (seed 001 #10 覆盖率 ≥95%; 002 P1 "= 100 %");
 *  - 时效: a plain count/amount, or a rate that is not a timeliness rate (seed 000 #8 破案率 ≥90%,
 *    001 #21 完成率); dates, durations and 及时率 are fine;
 *  - 满意度: must be a percentage; text, grades, dates, amounts are not (seed 004 P3 "满意");
 *  - any other row: a date as the value of a non-时效 indicator (seed 004 P3 质量 → "2024年底");
 *  - the 三级 names its unit and the value contradicts it: "（小时）" with a % (seed 001 #1, 002 P14),
 *    "（%）" with a count.
 */
export const rule: Rule = {
  meta: {
    id: "value/type-mismatch",
    category: "value",
    title: "指标值与二级指标不符",
    titleEn: "Target value does not fit its level-2 indicator",
    specificity: 70,
    severity: "warning",
    message: "{row}的指标值“{value}”与指标类别不符：{reason}",
    messageEn: "Target “{value}” does not fit {row}: {reason}",
    rationale: "数量指标应为数量，时效指标应为时间或及时率，满意度应为百分比；内容放错二级指标说明指标设置不当。",
    source: "财预〔2015〕88号、财预〔2021〕101号 二级指标含义（rules-research §4 P7、§6 E43）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const t = ind.target;
      const k = t.kind;
      if (k === "empty" || k === "redacted" || k === "vague") continue;
      if (isCostRow(f.l1[i], f.l2[i])) continue;
      let reason: string | null = null;
      let fix: string | undefined;
      let reasonEn = "";
      let fixEn: string | undefined;
      const yearEndFor = () => yearEnd(budgetYear(p, ctx.document));
      const l2 = f.l2[i];
      const name = squash(ind.name);
      const annot = nameUnit(name);
      if (annot !== null && PERCENT_UNITS.has(annot) && (k === "number" || k === "money" || k === "duration") && t.unit) {
        reason = `三级指标标明单位为 %，指标值却是“${t.unit}”`;
        fix = `统一单位：${rowName(ind)}写成百分比，或去掉三级中的“（%）”`;
        reasonEn = `the level-3 name gives the unit %, but the value is in “${t.unit}”`;
        fixEn = `Use one unit: write ${rowName(ind)} as a percentage, or drop “（%）” from the level-3 name`;
      } else if (annot !== null && TIME_UNITS.has(annot) && k === "percent") {
        reason = `三级指标标明单位为“${annot}”，指标值却是百分比`;
        fix = `统一单位：写成时长（如“≤2${annot}”），或把三级改为及时率并去掉“（${annot}）”`;
        reasonEn = `the level-3 name gives the unit “${annot}”, but the value is a percentage`;
        fixEn = `Use one unit: write a duration (e.g. “≤2${annot}”), or make the level-3 a timeliness rate and drop “（${annot}）”`;
      } else if (isSatisfactionRow(f.l1[i], l2)) {
        if (k !== "percent" && k !== "number") {
          reason = "满意度指标应为百分比，如“≥90%”";
          fix = `把${rowName(ind)}写成满意度百分比，如“≥90%”`;
          reasonEn = "a satisfaction indicator should be a percentage, e.g. “≥90%”";
          fixEn = `Write ${rowName(ind)} as a satisfaction percentage, e.g. “≥90%”`;
        }
      } else if (l2 === "quantity") {
        if (k === "percent") {
          reason = "数量指标应为数量（个、人、次…），比率应放在质量指标";
          fix = `把${rowName(ind)}移到质量指标；数量指标写本年度完成的数量，如“≥N个”`;
          reasonEn = "a quantity indicator should be a count (items, people, times…); a rate belongs under quality";
          fixEn = `Move ${rowName(ind)} to the quality indicators; a quantity indicator states this year's count, e.g. “≥N个”`;
        } else if (k === "date") {
          reason = "数量指标应为数量，日期应放在时效指标";
          fix = `把${rowName(ind)}移到时效指标；数量指标写完成的数量`;
          reasonEn = "a quantity indicator should be a count; a date belongs under timeliness";
          fixEn = `Move ${rowName(ind)} to the timeliness indicators; a quantity indicator states the count completed`;
        } else if (k === "duration" && LIFETIME.test(name)) {
          // Seed 000 #30 "购置装备满足使用时长 ≥3年": a lifetime is a quality, not a quantity.
          reason = "数量指标应为数量，时长应放在质量或时效指标";
          fix = `把${rowName(ind)}移到质量指标（使用年限）或时效指标；数量指标写完成的数量`;
          reasonEn = "a quantity indicator should be a count; a duration belongs under quality or timeliness";
          fixEn = `Move ${rowName(ind)} to the quality (service life) or timeliness indicators; a quantity indicator states the count completed`;
        }
      } else if (l2 === "timeliness") {
        // "任务完成时限(月) → 10" (corpus 26): the 三级 gives the unit of a duration.
        if ((k === "number" || k === "money") && !(annot !== null && TIME_UNITS.has(annot))) {
          reason = "时效指标应为完成时限、时长或及时率";
          fix = `把${rowName(ind)}移到数量指标；时效指标写完成时限，如“${yearEnd(budgetYear(p, ctx.document))}”`;
          reasonEn = "a timeliness indicator should be a deadline, a duration or a timeliness rate";
          fixEn = `Move ${rowName(ind)} to the quantity indicators; a timeliness indicator states a deadline, e.g. “${yearEndFor()}”`;
        } else if (k === "duration" && (t.operator === "≥" || t.operator === ">")) {
          // Corpus 03 "维持时效 ≥1年": a floor on how long something lasts is a lasting effect, not a deadline.
          reason = `“${t.raw.trim()}”是持续时间的下限，不是完成时限`;
          fix = `持续时间放到可持续影响指标；时效指标写完成时限，如“${yearEnd(budgetYear(p, ctx.document))}”或“≤${fmt(t.value ?? 1)}${t.unit ?? "年"}”`;
          reasonEn = `“${t.raw.trim()}” is a floor on how long something lasts, not a deadline`;
          fixEn = `Put the duration under the sustainability indicators; a timeliness indicator states a deadline, e.g. “${yearEndFor()}” or “≤${fmt(t.value ?? 1)}${t.unit ?? "年"}”`;
        } else if (k === "percent" && DATE_NAME.test(name)) {
          // Corpus 07 "项目完成时间 → 100%": the name asks for a date.
          reason = "完成时间应写日期或时限，不是百分比";
          fix = `${rowName(ind)}写作“${yearEnd(budgetYear(p, ctx.document))}”`;
          reasonEn = "a completion time should be a date or a deadline, not a percentage";
          fixEn = `Write ${rowName(ind)} as “${yearEndFor()}”`;
        } else if ((k === "date" || k === "text") && t.text && PERIOD.test(t.text)) {
          // Corpus 28 "2021年全年": a period, not a deadline.
          reason = `“${t.raw.trim()}”是期间，不是完成时限`;
          fix = `${rowName(ind)}写完成时限，如“${yearEnd(budgetYear(p, ctx.document))}”；持续性的服务写及时率，如“报修处理及时率 ≥95%”`;
          reasonEn = `“${t.raw.trim()}” is a period, not a deadline`;
          fixEn = `Give ${rowName(ind)} a deadline, e.g. “${yearEndFor()}”; for an ongoing service write a timeliness rate, e.g. “报修处理及时率 ≥95%”`;
        } else if (k === "percent" && !TIMELY.test(name) && !TIMELY.test(foldTraditional(name))) {
          reason = "时效指标中的比率应为及时率、按时完成率等时间类比率";
          fix = `把${rowName(ind)}移到质量或效益指标；时效指标写完成时限或及时率`;
          reasonEn = "a rate under timeliness should be a timeliness or on-time completion rate";
          fixEn = `Move ${rowName(ind)} to the quality or benefit indicators; a timeliness indicator states a deadline or a timeliness rate`;
        }
      } else if (k === "date") {
        reason = "日期只应作为时效指标的值";
        fix = `${rowName(ind)}写可衡量的目标值（比率、数量）；完成日期放到时效指标`;
        reasonEn = "a date belongs only under timeliness";
        fixEn = `Give ${rowName(ind)} a measurable target (a rate, a quantity); put the completion date under timeliness`;
      }
      if (reason) ctx.report({ field: `indicators.${i}.target`, data: { row: rowLabel(ind), value: t.raw.trim(), reason }, dataEn: { row: rowLabelEn(ind), reason: reasonEn }, fix, fixEn });
    }
  },
};
