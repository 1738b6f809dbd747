import type { Rule } from "../types";
import { planRule } from "./shared";

export const rule: Rule = planRule({
  id: "spend-plan/not-100",
  category: "budget",
  title: "支出计划年末不是 100%",
  titleEn: "Spending plan not 100% at year end",
  specificity: 90,
  severity: "error",
  message: "资金支出计划年末累计进度为 {value}，应为 100%",
  messageEn: "Spending plan does not end at 100%",
  rationale: "一年期项目年末应支出完毕（累计 100%）；种子 000 #10 止于 75%，002 P2 止于 10（疑为金额）。",
  source: "中发〔2018〕34号 预算执行监控；累计进度含义（rules-research §6 B14）",
});
