import type { Project } from "../../schema";
import { missingLevel1Rule, type Fix } from "./presence";
import { servedBy } from "../fix";

/** The 建议 names the project's own service object and the evidence a satisfaction figure needs. */
function fix(p: Project): Fix {
  const who = servedBy(p);
  return who
    ? {
        zh: `补充服务对象满意度指标，如“${who.replace(/^受益/, "受益")}满意度 ≥90%”，以问卷调查结果为依据`,
        en: `Add a service-recipient satisfaction indicator, e.g. “${who.replace(/^受益/, "受益")}满意度 ≥90%”, based on a survey`,
      }
    : {
        zh: "补充服务对象满意度指标：写明服务对象（如“受益群众满意度 ≥90%”），以问卷调查结果为依据",
        en: "Add a service-recipient satisfaction indicator naming who is served (e.g. “受益群众满意度 ≥90%”), based on a survey",
      };
}

/** Seed 000: six projects end after 效益 (#8, #9, #10, #14, #15, #22). */
export const rule = missingLevel1Rule(
  {
    id: "indicator/missing-satisfaction",
    category: "framework",
    title: "缺少满意度指标",
    titleEn: "Satisfaction indicator missing",
    specificity: 65,
    severity: "warning",
    message: "缺少满意度指标",
    messageEn: "No satisfaction indicator (“满意度指标”)",
    rationale: "地方表样要求服务对象满意度指标；评价时满意度占 10% 权重。中央 101 号文件中为可选。",
    source: "财预〔2020〕10号 权重 10%；财预〔2021〕101号 满意度可选；宁夏表样“必填”（rules-research §2.2、§6 D25）",
  },
  "satisfaction",
  fix,
);
