import type { Rule } from "../types";
import { facts } from "../util";

/** 成本 both as a 一级 (2021 framework) and as a 二级 under 产出 (2015) in one project. */
export const rule: Rule = {
  meta: {
    id: "indicator/framework-mixed",
    category: "framework",
    title: "混用两套指标体系",
    titleEn: "Two indicator frameworks mixed",
    specificity: 70,
    severity: "warning",
    message: "同一项目中成本指标既作为一级指标又作为产出指标下的二级指标，混用了两套指标体系",
    messageEn: "Project mixes the 2015 and 2021 frameworks (“成本指标” both as level 1 and under “产出指标”)",
    rationale: "2015 年框架成本在产出之下，2021 年框架成本为一级指标；一个项目只能采用一种，否则成本会重复计算。",
    source: "财预〔2015〕88号 与 财预〔2021〕101号 指标体系对照（rules-research §2.4、§6 D23）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    if (!f.mixed) return;
    const i = f.l1.indexOf("cost");
    ctx.report({
      field: `indicators.${i}.level1`,
      fix: ctx.profile === "central-2021" ? "统一按 2021 年框架将成本指标作为一级指标" : "统一按本地表样将成本指标放在产出指标下",
      fixEn: ctx.profile === "central-2021" ? "Follow the 2021 framework throughout: cost indicators are level 1" : "Follow the local form throughout: cost indicators go under the output indicators",
    });
  },
};
