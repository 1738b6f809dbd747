import type { Rule } from "../types";
import { squash } from "../util";

const PUNCT = /[，,。.;；、：:\s]/gu;

const clip = (s: string, n: number) => (s.trim().length > n ? s.trim().slice(0, n) + "…" : s.trim());

/**
 * The written part of a 绩效自评表 not done: the 实际完成情况 repeats the 预期目标 word for word, or only
 * a piece of it (corpus 26, 25); 评价结论 / 存在问题 / 改进措施 rows printed and left blank or holding
 * the template's prompt (corpus 22; the reader drops the prompt).
 */
export const rule: Rule = {
  meta: {
    id: "self-eval/narrative",
    category: "goal",
    title: "自评完成情况与结论未如实填写",
    titleEn: "Self-evaluation results and conclusion not filled in truthfully",
    specificity: 65,
    severity: "warning",
    message: "自评未如实填写：{what}",
    messageEn: "Self-evaluation narrative not written: {what}",
    rationale: "年度总体目标完成情况要对照预期目标写明实际完成了什么；评价结论、存在问题和改进措施是自评的结论部分，照抄目标或空着都等于没有自评。",
    source: "财预〔2020〕10号《项目支出绩效评价管理办法》附件 项目支出绩效自评表填报说明",
  },
  check(p, ctx) {
    const se = p.selfEvaluation;
    if (!se) return;
    // A printed prompt left in the 实际完成情况 cell counts as blank: the reader does not take it as an answer.
    if (p.goals.length > 0 && se.goalsActual.length === 0 && p.source.cells["selfEvaluation.goalsActual"]) {
      ctx.report({
        field: "selfEvaluation.goalsActual",
        data: { what: "未填写年度总体目标的实际完成情况（或仍是模板提示）" },
        fix: `对照预期目标“${clip(p.goals.join("；"), 24)}”写明实际完成的数量、时间和效果`,
        dataEn: { what: "the actual completion of the year's overall goal is not filled in (or still the template prompt)" },
        fixEn: `Against the expected goal “${clip(p.goals.join("；"), 24)}”, state the quantities, dates and effects actually achieved`,
      });
    }
    const goal = squash(p.goals.join("")).replace(PUNCT, "");
    const actual = squash(se.goalsActual.join("")).replace(PUNCT, "");
    if (goal.length >= 8 && actual.length > 0 && goal.includes(actual)) {
      const same = actual === goal;
      const shown = clip(se.goalsActual.join(""), 24);
      ctx.report({
        field: se.goalsActual.length > 0 && p.source.cells["selfEvaluation.goalsActual.0"] ? "selfEvaluation.goalsActual.0" : "selfEvaluation.goalsActual",
        data: { what: same ? "年度总体目标的实际完成情况与预期目标逐字相同，没有写实际完成了什么" : `年度总体目标的实际完成情况“${shown}”只是照抄了预期目标的一部分` },
        fix: `对照预期目标“${clip(p.goals.join("；"), 24)}”逐项写实际完成的数量、时间和效果，未完成的写明原因`,
        dataEn: { what: same ? "the actual completion of the year's overall goal repeats the expected goal word for word; it says nothing of what was done" : `the actual completion of the year's overall goal “${shown}” only copies part of the expected goal` },
        fixEn: `Against the expected goal “${clip(p.goals.join("；"), 24)}”, state item by item the quantities, dates and effects achieved, and why anything was not`,
      });
    }
    const blank: string[] = [];
    let first: string | null = null;
    for (const [key, zh] of [
      ["conclusion", "评价结论"],
      ["issues", "存在问题"],
      ["measures", "改进措施"],
    ] as const) {
      if (!p.source.cells[`selfEvaluation.${key}`] || (se[key] ?? "").trim()) continue;
      blank.push(zh);
      first ??= `selfEvaluation.${key}`;
    }
    if (first) {
      ctx.report({
        field: first,
        data: { what: `${blank.join("、")}未填写（或仍是模板提示）` },
        fix: `写明${blank.map((b) => (b === "评价结论" ? "自评总分和取得的成效" : b === "存在问题" ? "存在的问题及原因" : "下一步改进措施")).join("、")}`,
        dataEn: { what: `${blank.map((b) => `“${b}”`).join(", ")} not filled in (or still the template prompt)` },
        fixEn: `State ${blank.map((b) => (b === "评价结论" ? "the self-evaluation score and what was achieved" : b === "存在问题" ? "the problems and their causes" : "the next improvements")).join(", ")}`,
      });
    }
  },
};
