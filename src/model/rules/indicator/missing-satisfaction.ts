import { missingLevel1Rule } from "./presence";

/** Seed 000: six projects end after 效益 (#8, #9, #10, #14, #15, #22). */
export const rule = missingLevel1Rule(
  {
    id: "indicator/missing-satisfaction",
    category: "framework",
    title: "缺少满意度指标",
    specificity: 65,
    severity: "warning",
    message: "缺少满意度指标",
    messageEn: "No satisfaction (满意度) indicator",
    rationale: "地方表样要求服务对象满意度指标；评价时满意度占 10% 权重。中央 101 号文件中为可选。",
    source: "财预〔2020〕10号 权重 10%；财预〔2021〕101号 满意度可选；宁夏表样“必填”（rules-research §2.2、§6 D25）",
  },
  "satisfaction",
  "补充服务对象满意度指标，如“服务对象满意度 ≥90%”",
);
