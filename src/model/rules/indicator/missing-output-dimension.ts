import type { Rule } from "../types";
import { LEVEL2, REQUIRED_OUTPUT_DIMENSIONS } from "../../taxonomy";
import { facts, squash } from "../util";
import { budgetYear, yearEnd } from "../fix";

// A count stated in the 资金用途 ("130人", "217 个点位"): the natural 数量 target.
const PURPOSE_COUNT = /\d+(?:\.\d+)?\s*(?:名|人次|人|个|台|套|辆|处|次|项|件|条|座|家|户|部|只|块|路|平方米|米|公里)/;

/**
 * 产出 should cover 数量/质量/时效 (taxonomy.REQUIRED_OUTPUT_DIMENSIONS of the project's framework; 成本
 * is left to indicator/missing-cost so a missing cost row is reported once). A dimension written under
 * the wrong 一级 counts as present (level2-mismatch reports the misplacement). Only when the project
 * has 产出 rows at all (else indicator/missing-output).
 */
export const rule: Rule = {
  meta: {
    id: "indicator/missing-output-dimension",
    category: "framework",
    title: "产出指标缺少数量、质量或时效",
    titleEn: "Output lacks quantity, quality or timeliness",
    specificity: 60,
    severity: "warning",
    message: "产出指标缺少{dimension}",
    messageEn: "Output indicators lack {dimension}",
    rationale: "产出指标应从数量、质量、时效（及成本）几个方面反映预期产出。",
    source: "财预〔2015〕88号 产出指标体系；财预〔2021〕101号（rules-research §2.1、§6 D27）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    if (!f.hasL1.output || f.shifted) return;
    // Point at the 产出 group's 一级 cell: that is where the dimension is missing.
    const field = `indicators.${f.l1.indexOf("output")}.level1`;
    // One finding for the group (one cell, one problem): "产出指标缺少数量指标、时效指标", with an example
    // per dimension taken from the project (a count its 资金用途 states, its budget year).
    const missing = REQUIRED_OUTPUT_DIMENSIONS[f.framework].filter((d) => d !== "cost" && !f.l2.includes(d));
    if (missing.length === 0) return;
    const examples = missing.map((d) => {
      if (d === "quantity") {
        const n = p.purpose ? PURPOSE_COUNT.exec(squash(p.purpose)) : null;
        return `数量指标（本年度完成的数量${n ? `，如资金用途中的“${n[0]}”` : "，如“≥N台”“=N人”"}）`;
      }
      if (d === "timeliness") return `时效指标（如“完成时间 ${yearEnd(budgetYear(p, ctx.document))}”）`;
      if (d === "quality") return "质量指标（如“验收合格率 =100%”）";
      return LEVEL2[d];
    });
    const examplesEn = missing.map((d) => {
      if (d === "quantity") {
        const n = p.purpose ? PURPOSE_COUNT.exec(squash(p.purpose)) : null;
        return `“${LEVEL2[d]}” (this year's quantity${n ? `, e.g. “${n[0]}” from the use of funds` : ", e.g. “≥N台”, “=N人”"})`;
      }
      if (d === "timeliness") return `“${LEVEL2[d]}” (e.g. “完成时间 ${yearEnd(budgetYear(p, ctx.document))}”)`;
      if (d === "quality") return `“${LEVEL2[d]}” (e.g. “验收合格率 =100%”)`;
      return `“${LEVEL2[d]}”`;
    });
    ctx.report({
      field,
      data: { dimension: missing.map((d) => LEVEL2[d]).join("、") },
      dataEn: { dimension: missing.map((d) => `“${LEVEL2[d]}”`).join(", ") },
      fix: `补充${examples.join("；")}`,
      fixEn: `Add ${examplesEn.join("; ")}`,
    });
  },
};
