import type { Project } from "../../schema";
import { missingLevel1Rule, type Fix } from "./presence";
import { goalClip, servedBy } from "../fix";

/** The 建议 starts from the project's own beneficiaries or goal, not a list of 二级 names. */
function fix(p: Project): Fix {
  const who = servedBy(p);
  if (who)
    return {
      zh: `补充效益指标，写明项目给${who}带来的效果，如社会效益“受益${who.replace(/^受益/, "")} ≥N人”或经济效益“${who}增收 ≥N万元”；有长期作用的补充可持续影响指标`,
      en: `Add benefit indicators stating what the project brings to “${who}”, e.g. a social benefit “受益${who.replace(/^受益/, "")} ≥N人” or an economic benefit “${who}增收 ≥N万元”; add a sustainability indicator for lasting effects`,
    };
  const goal = goalClip(p);
  return goal
    ? {
        zh: `补充效益指标，写明“${goal}”带来的社会效益或经济效益（如受益人数、节约的资金），有长期作用的补充可持续影响指标`,
        en: `Add benefit indicators stating the social or economic benefit of “${goal}” (people served, money saved); add a sustainability indicator for lasting effects`,
      }
    : { zh: "补充效益指标（社会效益、经济效益、生态效益或可持续影响指标）", en: "Add benefit indicators (social, economic, ecological or sustainability)" };
}

export const rule = missingLevel1Rule(
  {
    id: "indicator/missing-benefit",
    category: "framework",
    title: "缺少效益指标",
    titleEn: "Benefit indicators missing",
    specificity: 75,
    severity: "error",
    message: "缺少效益指标",
    messageEn: "No benefit indicator (“效益指标”)",
    rationale: "原则上每个项目均应设置产出指标和效益指标。",
    source: "财预〔2021〕101号“原则上每一项目均应设置产出指标和效益指标”（rules-research §1.2、§6 D24）",
  },
  "benefit",
  fix,
);
