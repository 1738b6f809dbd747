import type { Rule } from "../types";

// An operator in a measured value: "≥266米", "≤20万元", "95%以上", "不低于90%".
const OPERATOR_IN_ACTUAL = /^[≥≤＞＜><≧≦]|>=|<=|以上$|以下$|^不(?:低|少|高|多|超)于|^不超过|^至少/u;

/**
 * A 绩效自评表 whose 实际完成值 still carries the target's operator ("≥266米" as the actual, corpus 25):
 * the target was copied into the actual column, nothing was measured. Rows with a real number next to
 * the target pass, however close to it.
 */
export const rule: Rule = {
  meta: {
    id: "self-eval/actual-is-target",
    category: "value",
    title: "实际完成值照抄指标值",
    titleEn: "Actual value copies the target value",
    specificity: 70,
    severity: "warning",
    message: "「{name}」的实际完成值“{actual}”带有“{op}”，是照抄的指标值，不是实际完成的数值",
    messageEn: "{name}: the actual “{actual}” keeps the target's operator; it is the target copied, not a measured value",
    rationale: "实际完成值是全年实际达到的数值，用来与年度指标值对照评分；照抄指标值（带 ≥、≤）等于没有自评，得分没有依据。",
    source: "财预〔2020〕10号《项目支出绩效评价管理办法》附件 项目支出绩效自评表填报说明（全年实际值）",
  },
  check(p, ctx) {
    if (!p.selfEvaluation) return;
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const a = ind.actual;
      if (!a || a.kind === "empty") continue;
      // A qualitative target said again as the outcome (“不超过预算” → “不超过预算”, corpus 51) measures
      // nothing either way; only a number kept with the target's operator is a copied target.
      if (a.value === null) continue;
      const raw = a.raw.trim();
      const m = OPERATOR_IN_ACTUAL.exec(raw);
      if (!m) continue;
      const bare = raw.replace(OPERATOR_IN_ACTUAL, "").trim();
      ctx.report({
        field: `indicators.${i}.actual`,
        data: { name: ind.name.trim(), actual: raw, op: m[0] },
        fix: `填写全年实际达到的数值（如“${bare}”或实测的数），不带“${m[0]}”；未达到“${ind.target.raw.trim()}”时在偏差原因栏说明`,
        dataEn: { name: `“${ind.name.trim()}”` },
        fixEn: `Fill in the value actually reached this year (e.g. “${bare}” or the measured figure) without “${m[0]}”; if “${ind.target.raw.trim()}” was missed, say why in the deviation column`,
      });
    }
  },
};
