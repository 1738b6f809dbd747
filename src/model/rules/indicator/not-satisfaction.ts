import type { Rule } from "../types";
import { facts, isSatisfactionRow, rowLabel, rowLabelEn, squash } from "../util";
import { foldTraditional } from "../../han-fold";

// A satisfaction measure names satisfaction (满意度/满意率/满意情况/满意程度 …) or a rating of the service.
const SATISFACTION = /满意|认可度|好评|评价|评议|认同/;

/**
 * A row under 满意度 that does not measure anyone's satisfaction: "办案部门投诉 ≤1 起" (seed 002 P4),
 * "民警综合执法能力显著提升" ×3 (P16), "提升辖区群众安全感 ≥92%" (seed 004 P1), "群众对禁毒知识知晓率
 * 提升" (P4), "人民群众的幸福感和安全感" (P8): an outcome written in the satisfaction slot. Neither its
 * 三级 nor its 描述 speaks of satisfaction.
 */
export const rule: Rule = {
  meta: {
    id: "indicator/not-satisfaction",
    category: "framework",
    title: "满意度指标下不是满意度",
    titleEn: "Not a satisfaction measure under satisfaction",
    specificity: 65,
    severity: "warning",
    message: "{row}不是满意度指标",
    messageEn: "{row} under satisfaction (“满意度指标”) does not measure satisfaction",
    rationale: "满意度指标反映服务对象对项目实施效果的满意程度（问卷调查的满意率）；安全感、知晓率、投诉数、能力提升是效益或产出，放在满意度下会使满意度无从考核。",
    source: "财预〔2015〕88号、财预〔2021〕101号 满意度指标含义（rules-research §1.2、§2.2；seeds-catalog-002-004 §1.4 #23、§3.4 #21）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      if (!isSatisfactionRow(f.l1[i], f.l2[i])) continue;
      const ind = p.indicators[i];
      if (ind.target.kind === "empty" || ind.target.kind === "redacted") continue;
      const text = squash(ind.name) + "\u0001" + squash(ind.description);
      // Traditional script (滿意度, corpus 52) is matched as simplified; only rows that fail pay the fold.
      if (text.length <= 1 || SATISFACTION.test(text) || SATISFACTION.test(foldTraditional(text))) continue;
      const name = squash(ind.name);
      ctx.report({
        field: `indicators.${i}.name`,
        data: { row: rowLabel(ind) },
        dataEn: { row: rowLabelEn(ind) },
        fix: `“${name.length > 20 ? name.slice(0, 20) + "…" : name}”移到效益指标；满意度写服务对象的满意率，如“服务对象满意度 ≥90%”`,
        fixEn: `Move “${name.length > 20 ? name.slice(0, 20) + "…" : name}” to the benefit indicators; a satisfaction indicator states the recipients' satisfaction rate, e.g. “服务对象满意度 ≥90%”`,
      });
    }
  },
};
