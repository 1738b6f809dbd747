import type { Rule } from "../types";
import { fmt, rowLabel, rowLabelEn, squash } from "../util";

// Rates that must be whole: compliance, accuracy and completeness in handling money (not a device's
// or a register's accuracy, not a case procedure: those are quality levels).
const MUST_BE_FULL = /合规|专款专用|准确(?:率|性|度)|足额(?:率|发放|拨付|支付)?/;
const MONEY = /资金|经费|工资|薪酬|补助|补贴|奖励金|发放|拨付|支付|报销|财务|预算/;
const NOT_FULL = /不合规|违规|差错|错误|误差/;

/**
 * A compliance or accuracy rate of handling money set below 100 % (corpus 43 “工资发放准确性 ≥95%”, corpus 50 “项目资金使用
 * 合规性 ≥95%”): the target allows one payment in twenty to be wrong, or one yuan in twenty to be spent
 * against the rules. Such rates are 100 % by law; a lower floor is met without effort.
 */
export const rule: Rule = {
  meta: {
    id: "value/compliance-below-full",
    category: "value",
    title: "合规、准确类指标低于 100%",
    titleEn: "Compliance or accuracy rate below 100%",
    specificity: 45,
    severity: "info",
    message: "{row}的指标值“{value}”低于 100%：合规、准确、足额类指标应为 100%",
    messageEn: "{row} “{value}” is below 100 %: compliance, accuracy and full-payment rates must be 100 %",
    rationale: "资金使用合规、专款专用、工资与补助发放准确足额是财经纪律的要求，目标只能是 100%；设为 95% 等于允许违规或差错，指标失去约束作用。",
    source: "《预算法》《财政违法行为处罚处分条例》专款专用；财预〔2021〕101号 指标值“先进合理”（rules-research §1.4、§4 P11）",
  },
  check(p, ctx) {
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const t = ind.target;
      if (t.kind !== "percent" || t.value === null || t.value >= 100 || t.valueMax !== null) continue;
      if (t.operator === "≤" || t.operator === "<") continue;
      const n = ind.name;
      // Most names carry none of the words: no regex for them.
      if (n.indexOf("合规") < 0 && n.indexOf("准确") < 0 && n.indexOf("专款") < 0 && n.indexOf("足额") < 0) continue;
      const name = squash(n);
      if (!MUST_BE_FULL.test(name) || !MONEY.test(name) || NOT_FULL.test(name)) continue;
      ctx.report({
        field: `indicators.${i}.target`,
        data: { row: rowLabel(ind), value: t.raw.trim() },
        dataEn: { row: rowLabelEn(ind) },
        fix: `改为“=100%”（${fmt(t.value)}% 意味着允许 ${fmt(100 - t.value)}% 的违规或差错）`,
        fixEn: `Write “=100%” (${fmt(t.value)}% allows ${fmt(100 - t.value)}% of payments to break the rules or be wrong)`,
      });
    }
  },
};
