import type { Rule } from "../types";
import { facts, rowLabel, rowLabelEn, squash } from "../util";

// Anything about the environment, resources or energy.
const ECOLOGICAL =
  /生态|环境|环保|污染|节能|节约|减排|排放|排污|绿化|绿色|低碳|碳|能耗|能源|用电|电耗|油耗|水|大气|空气|扬尘|土壤|噪声|噪音|森林|林|植被|草|湿地|河|湖|海|资源|垃圾|废|回收|循环|无纸化|纸张|野生|动物|物种|保护区|秸秆|农药|化肥|沙|耕地|农田|灌溉|节水|水土|防洪|防汛|气候|雾霾|烟尘|尾气|辐射|放射/;

// Words that contain an ecological character but are about people, not nature: 生活/居住/营商/治安环境
// (corpus 28 "优化安置小区生活环境…营造安全舒适的居住环境"), 生活水平, 人力资源, 信息资源.
const NOT_ECOLOGICAL = /(?:生活|居住|营商|治安|社会|发展|学习|办公|就医|法治|网络|政务|交通|服务|工作|舒适的?)环境|水平|(?:人力|信息|数据|教育|医疗|旅游|人才)资源|林立/g;

/**
 * A 生态效益 row with nothing ecological in its 三级, 描述 or 指标值 (seed 002 P14 "辖区电诈类案件小于总
 * 案发率50%", P16 "降低民警辅警伤亡率", P20 "保护民警执勤安全，为全区经济发展保驾护航"): the form's
 * 生态效益 slot filled to have it filled. 101号 makes 生态效益 optional: leave it out when there is none.
 */
export const rule: Rule = {
  meta: {
    id: "indicator/not-ecological",
    severity: "info",
    message: "{row}与生态环境无关",
    messageEn: "Ecological-benefit {row} has nothing ecological in it",
    rationale: "生态效益指标反映项目对生态环境的影响（节能减排、污染治理、资源节约等）；与生态无关的内容放在生态效益下，说明为凑齐指标而填写。",
    // The row is in the wrong slot of the indicator system (reviewers file it with the framework
    // problems, seed 001/002 and corpus 05 labels), though the finding points at the value cell.
    category: "framework",
    title: "生态效益指标与生态无关",
    titleEn: "Ecological-benefit indicator not about ecology",
    specificity: 40,
    source: "财预〔2021〕101号 效益指标“生态效益”含义、效益指标按需设置（rules-research §1.2、§4 P7）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      if (f.l2[i] !== "ecological") continue;
      const ind = p.indicators[i];
      const t = ind.target;
      if (t.kind === "empty" || t.kind === "redacted") continue;
      const text = squash(ind.name) + squash(ind.description) + squash(t.raw) + squash(ind.targetParts?.unit);
      if (text.length === 0 || ECOLOGICAL.test(text.replace(NOT_ECOLOGICAL, ""))) continue;
      ctx.report({
        field: `indicators.${i}.target`,
        data: { row: rowLabel(ind) },
        dataEn: { row: rowLabelEn(ind) },
        fix: "写明项目对生态环境的具体影响（如“节约用电 ≥5%”）；项目没有生态效益时删除该行",
        fixEn: "State the project's concrete effect on the environment (e.g. “节约用电 ≥5%”); delete the row if the project has no ecological benefit",
      });
    }
  },
};
