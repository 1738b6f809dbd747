import type { Rule } from "../types";
import { fmt } from "../util";
import { shortfall } from "./missing-deviation";

/** Below this 执行率 (percent), outputs reported all met need an explanation. */
export const LOW_EXECUTION_RATE = 60;
/** Rows with a comparable actual needed before "all met" means anything. */
const MIN_MET = 3;

/**
 * A 绩效自评表 that spent little of its budget (执行率 below LOW_EXECUTION_RATE) while every indicator
 * with a comparable actual is reported met: corpus 49 spent 10 of 50 万元 (20 %) and reports all 19
 * 数量 targets reached. The outputs or the spending are misreported, or the reason is missing.
 */
export const rule: Rule = {
  meta: {
    id: "self-eval/low-execution",
    category: "consistency",
    title: "执行率低而指标全部完成",
    titleEn: "Low execution rate but every target met",
    specificity: 70,
    severity: "warning",
    message: "预算执行率仅 {rate}%（执行 {executed} 万元 / 预算 {annual} 万元），{met} 项指标却全部按目标完成",
    messageEn: "Only {rate}% of the budget spent ({executed} of {annual}), yet all {met} indicators are reported met",
    rationale: "产出依靠资金投入：预算只执行了一小部分而产出全部完成，说明完成值或执行数填报不实，或资金另有来源、支付滞后，应在自评中说明。",
    source: "财预〔2020〕10号《项目支出绩效评价管理办法》第十一条、附件 项目支出绩效自评表（预算执行率与产出完成情况对照）",
  },
  check(p, ctx) {
    const lines = p.selfEvaluation?.funds ?? [];
    const i = lines.findIndex((l) => l.role === "total");
    const line = i >= 0 ? lines[i] : null;
    if (!line || line.annual === null || line.annual <= 0 || line.executed === null) return;
    const rate = line.rate ?? Math.round((line.executed / line.annual) * 10000) / 100;
    if (!(rate < LOW_EXECUTION_RATE)) return;
    let met = 0;
    for (const ind of p.indicators) {
      const s = shortfall(ind);
      if (s === true) return; // a shortfall is reported (and explained) row by row
      if (s === false) met++;
    }
    if (met < MIN_MET) return;
    ctx.report({
      field: line.rate !== null ? `selfEvaluation.funds.${i}.rate` : `selfEvaluation.funds.${i}.executed`,
      data: { rate: fmt(rate), executed: fmt(line.executed), annual: fmt(line.annual), met },
      fix: `核对全年执行数 ${fmt(line.executed)} 万元与各项实际完成值；属实时写明只用 ${fmt(rate)}% 的资金完成全部产出的原因（其他资金来源、支付滞后等）`,
      fixEn: `Check the year's spending “${fmt(line.executed)} 万元” against each actual value; if true, say why ${fmt(rate)}% of the money achieved every output (other funding, late payment…)`,
    });
  },
};
