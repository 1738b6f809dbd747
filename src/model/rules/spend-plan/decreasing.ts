import type { Rule } from "../types";
import { planRule } from "./shared";

export const rule: Rule = planRule({
  id: "spend-plan/decreasing",
  category: "budget",
  title: "累计支出进度下降",
  titleEn: "Cumulative spending decreases",
  specificity: 90,
  severity: "error",
  message: "资金支出计划{point}低于前一节点，累计进度不应下降",
  messageEn: "Cumulative spending plan decreases at {point}",
  rationale: "累计进度只能持平或增加，下降说明填成了当期进度或填错。种子 002 P8：0/100/0/100。",
  source: "累计进度的含义（rules-research §6 B13）",
});
