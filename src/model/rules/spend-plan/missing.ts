import type { Rule } from "../types";
import { planRule } from "./shared";

export const rule: Rule = planRule({
  id: "spend-plan/missing",
  category: "budget",
  title: "支出计划未填",
  titleEn: "Spending plan blank",
  specificity: 85,
  severity: "error",
  message: "资金支出计划{point}进度为空",
  messageEn: "Spending plan point {point} is blank",
  rationale: "资金支出计划是预算执行监控（双监控）的依据，各节点均应填写累计进度，没有支出时填 0%。",
  source: "中发〔2018〕34号 双监控；河北表样 资金支出计划 3月底/6月底/10月底/12月底（rules-research §6 B11）",
});
