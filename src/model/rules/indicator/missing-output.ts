import { missingLevel1Rule } from "./presence";

export const rule = missingLevel1Rule(
  {
    id: "indicator/missing-output",
    category: "framework",
    title: "缺少产出指标",
    titleEn: "Output indicators missing",
    specificity: 80,
    severity: "error",
    message: "缺少产出指标",
    messageEn: "No output indicator (“产出指标”)",
    rationale: "原则上每个项目均应设置产出指标和效益指标。",
    source: "财预〔2021〕101号“原则上每一项目均应设置产出指标和效益指标”（rules-research §1.2、§6 D24）",
  },
  "output",
  { zh: "补充产出指标（数量、质量、时效指标）", en: "Add output indicators (“数量指标”, “质量指标”, “时效指标”)" },
);
