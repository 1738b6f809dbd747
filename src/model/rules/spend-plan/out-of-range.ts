import type { Rule } from "../types";
import { planRule } from "./shared";

export const rule: Rule = planRule({
  id: "spend-plan/out-of-range",
  category: "budget",
  title: "支出进度超出 0–100%",
  titleEn: "Spending progress outside 0–100%",
  specificity: 90,
  severity: "error",
  message: "资金支出计划{point}为 {value}，累计进度应在 0%–100% 之间",
  messageEn: "Spending plan point {point} = {value} is outside 0–100%",
  rationale: "累计支出进度是百分比，不能小于 0 或大于 100%。",
  source: "河北表样“资金支出计划（累计进度%）”（rules-research §6 B12）",
});
