import type { Rule } from "../types";
import { fmt } from "../util";

/** Tolerance in percent points: the form prints the rate with two decimals at most. */
const TOLERANCE = 0.5;

/**
 * A 绩效自评表's 执行率 differs from 全年执行数 ÷ 全年预算数 on the same funds line (e.g. 执行率 0 where
 * 89.974 of 89.974 was spent). Lines without a positive 全年预算数 or without both figures are skipped.
 */
export const rule: Rule = {
  meta: {
    id: "self-eval/rate-mismatch",
    category: "budget",
    title: "执行率与执行数不符",
    titleEn: "Execution rate differs from amounts spent",
    specificity: 85,
    severity: "warning",
    message: "{line}执行率 {rate}% 与 全年执行数 {executed} ÷ 全年预算数 {annual} = {expected}% 不符",
    messageEn: "{line}: execution rate {rate}% ≠ spent {executed} ÷ yearly budget {annual} = {expected}%",
    rationale: "自评表的预算执行率 = 全年执行数 ÷ 全年预算数（调整后预算数）；填写的执行率与金额不符时，执行率得分也随之出错。",
    source: "财预〔2020〕10号《项目支出绩效评价管理办法》附件 项目支出绩效自评表及填报说明（执行率 = 全年执行数/全年预算数）",
  },
  check(p, ctx) {
    const lines = p.selfEvaluation?.funds ?? [];
    lines.forEach((l, i) => {
      if (l.rate === null || l.executed === null || l.annual === null || l.annual <= 0) return;
      const expected = Math.round((l.executed / l.annual) * 10000) / 100;
      if (Math.abs(expected - l.rate) <= TOLERANCE) return;
      ctx.report({
        field: `selfEvaluation.funds.${i}.rate`,
        data: { line: `${l.label.replace(/[:：]$/, "")}：`, rate: fmt(l.rate), executed: fmt(l.executed), annual: fmt(l.annual), expected: fmt(expected) },
        fix: `执行率应为 ${fmt(expected)}%，或核对全年执行数与全年预算数`,
        dataEn: { line: `“${l.label.replace(/[:：]$/, "")}”` },
        fixEn: `The execution rate should be ${fmt(expected)}%, or check the year's spending and the year's budget`,
      });
    });
  },
};
