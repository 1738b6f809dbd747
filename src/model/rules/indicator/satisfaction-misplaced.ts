import type { Rule } from "../types";
import { L2_LABEL, facts, rowLabel, rowLabelEn, squash } from "../util";

// A 三级 that measures someone's satisfaction: 满意度, 满意率, 满意程度.
const SATISFACTION_NAME = /满意(?:度|率|程度|情况)/;

/**
 * A satisfaction rate filed as a 效益 (corpus 53: 社会效益 “服务周期内,市民对空气质量改善的满意程度
 * ≥85%” beside 满意度 “市民满意度 ≥90%”): satisfaction is its own 一级 (or, on the 88号 form, its own
 * 二级); as a social benefit it counts the same survey twice and leaves the real benefit unmeasured.
 */
export const rule: Rule = {
  meta: {
    id: "indicator/satisfaction-misplaced",
    category: "framework",
    title: "满意度写在效益指标下",
    titleEn: "Satisfaction under benefit indicators",
    specificity: 65,
    severity: "warning",
    message: "{row}是满意度，却写在{level2}下",
    messageEn: "{row} measures satisfaction but is filed under {level2}",
    rationale: "满意度指标单列，反映服务对象的满意程度；效益指标反映项目带来的社会、经济、生态效果。把满意度写成效益，效益没有被衡量，满意度又重复计分。",
    source: "财预〔2015〕88号、财预〔2021〕101号 一级/二级指标含义（rules-research §1.2、§2.2）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const l2 = f.l2[i];
      if (f.l1[i] !== "benefit" || (l2 !== "social" && l2 !== "economic" && l2 !== "ecological" && l2 !== "sustainable")) continue;
      const ind = p.indicators[i];
      // A survey rate (“≥85%”); a wish such as “不断提升…满意度” is a vague value, reported as such.
      if (ind.target.kind !== "percent") continue;
      if (ind.name.indexOf("满意") < 0 || !SATISFACTION_NAME.test(squash(ind.name))) continue;
      ctx.report({
        field: `indicators.${i}.name`,
        data: { row: rowLabel(ind), level2: L2_LABEL[l2] },
        fix: f.hasL1.satisfaction
          ? `满意度已有单列的满意度指标，${L2_LABEL[l2]}改写项目带来的效果（如“空气质量优良天数比例 ≥85%”这类可测的结果）`
          : `移到满意度指标（服务对象满意度），${L2_LABEL[l2]}改写项目带来的效果`,
        dataEn: { row: rowLabelEn(ind), level2: `“${L2_LABEL[l2]}”` },
        fixEn: f.hasL1.satisfaction
          ? `Satisfaction already has its own satisfaction indicator; rewrite “${L2_LABEL[l2]}” as an effect of the project (a measurable result such as “空气质量优良天数比例 ≥85%”)`
          : `Move it to the satisfaction indicators (“服务对象满意度指标”); rewrite “${L2_LABEL[l2]}” as an effect of the project`,
      });
    }
  },
};
