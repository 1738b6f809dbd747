import { missingLevel1Rule } from "./presence";

export const rule = missingLevel1Rule(
  {
    id: "indicator/missing-benefit",
    category: "framework",
    title: "缺少效益指标",
    specificity: 75,
    severity: "error",
    message: "缺少效益指标",
    messageEn: "No benefit (效益) indicator",
    rationale: "原则上每个项目均应设置产出指标和效益指标。",
    source: "财预〔2021〕101号“原则上每一项目均应设置产出指标和效益指标”（rules-research §1.2、§6 D24）",
  },
  "benefit",
  "补充效益指标（社会效益、经济效益、生态效益或可持续影响指标）",
);
