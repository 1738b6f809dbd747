import type { Rule } from "../types";
import { planRule } from "./shared";

export const rule: Rule = planRule({
  id: "spend-plan/unusual",
  category: "budget",
  title: "支出进度异常",
  titleEn: "Unusual spending schedule",
  specificity: 30,
  severity: "info",
  message: "资金支出计划进度异常：{detail}",
  messageEn: "Unusual spending profile: {detail}",
  rationale: "3月底即支出 100%、10月底前为 0 或最后两个月集中支出 50 个百分点以上，通常说明计划未认真编制。",
  source: "中发〔2018〕34号 双监控；河北将支出进度与预算安排挂钩（rules-research §3.1、§6 B15）",
});
