import type { Rule } from "../types";
import { fmt, squash } from "../util";
import { NAMES, NAMES_EN } from "../../checks/budget";

// The leading amount of a cell written as text: "854万(…)", "854万854万(…)", "10000万元".
const LEAD = /^(\d+(?:\.\d+)?)\s*(万元|万|元)?/u;
// Items of a breakdown written in the cell: "高标准农田建设400万元,示范建设295万元".
const ITEM = /(\d+(?:\.\d+)?)\s*(万元|万|元)/gu;

/**
 * An amount cell typed as text with more in it than the amount (corpus 31 "854万(高标准农田建设400万元,
 * 示范建设295万元,畅通工程159万元)", and "854万854万(…)" in the 财政拨款 cell):
 *  - the amount written twice: a typing slip the reader cannot know it resolved right (警告);
 *  - a breakdown whose items do not add up to the amount (sums of sub-items vs the total: 错误);
 *  - a breakdown that adds up: the cell still is not a number a sum or a system import can use (提示).
 */
export const rule: Rule = {
  meta: {
    id: "budget/cell-text",
    category: "budget",
    title: "金额单元格含文字",
    titleEn: "Amount cell contains text",
    specificity: 85,
    severity: "error",
    message: "金额单元格{label}“{raw}”{problem}",
    messageEn: "{label} “{raw}”: {problem}",
    rationale: "金额单元格应只填数字（万元），明细写在资金用途中；金额重复或明细之和不等于金额时，无法确定预算数。",
    source: "项目绩效目标表表样 单位：万元；财预〔2015〕88号 完整性审核（金额准确、无错项）（rules-research §6 B9、B10）",
  },
  check(p, ctx) {
    for (const k of ["total", "fiscal", "other"] as const) {
      const raw = p.budget.raw[k];
      const value = p.budget[k];
      if (!raw || value === null) continue;
      const s = squash(raw);
      if (/^\d+(?:\.\d+)?(?:万元|万)?$/u.test(s)) continue; // a plain amount
      const lead = LEAD.exec(s);
      if (!lead) continue;
      const shown = raw.trim().length > 30 ? raw.trim().slice(0, 30) + "…" : raw.trim();
      const amount = Number(lead[1]);
      const rest = s.slice(lead[0].length);
      const again = LEAD.exec(rest);
      if (again && Number(again[1]) === amount) {
        ctx.report({
          field: `budget.${k}`,
          severity: "warning",
          data: { label: NAMES[k], raw: shown, problem: `把金额 ${fmt(amount)} 写了两次` },
          fix: `只填数字 ${fmt(amount)}（单位万元），明细写在资金用途中`,
          dataEn: { label: NAMES_EN[k], problem: `the amount ${fmt(amount)} is written twice` },
          fixEn: `Fill in only the number ${fmt(amount)} (in “万元”); put the details in the use of funds`,
        });
        continue;
      }
      const inner = /[（(](.+)[)）]/u.exec(rest)?.[1];
      if (!inner) continue;
      // Everything in 万元: the amount as its cell writes it, each item as it writes itself.
      const wan = (n: number, unit: string | undefined) => (unit === "元" ? n / 10000 : n);
      const amountWan = wan(amount, lead[2]);
      let sum = 0;
      let items = 0;
      for (const m of inner.matchAll(ITEM)) {
        sum += wan(Number(m[1]), m[2]);
        items++;
      }
      if (items < 2) continue;
      if (Math.abs(sum - amountWan) > 0.005) {
        ctx.report({
          field: `budget.${k}`,
          data: { label: NAMES[k], raw: shown, problem: `中的明细合计 ${fmt(Math.round(sum * 1e4) / 1e4)} 万元不等于金额 ${fmt(amountWan)} 万元` },
          fix: `核对明细与金额，使明细之和等于 ${fmt(amount)}；单元格只填数字，明细写在资金用途中`,
          dataEn: { label: NAMES_EN[k], problem: `its details add up to ${fmt(Math.round(sum * 1e4) / 1e4)}, not the amount ${fmt(amountWan)} (in “万元”)` },
          fixEn: `Check the details against the amount so they add up to ${fmt(amount)}; the cell holds only the number, the details go in the use of funds`,
        });
      } else {
        ctx.report({
          field: `budget.${k}`,
          severity: "info",
          data: { label: NAMES[k], raw: shown, problem: "是文字，金额单元格应只填数字" },
          fix: `填数字 ${fmt(amount)}，把“${inner.length > 24 ? inner.slice(0, 24) + "…" : inner}”写到资金用途中`,
          dataEn: { label: NAMES_EN[k], problem: "is text; an amount cell holds only a number" },
          fixEn: `Fill in the number ${fmt(amount)} and move “${inner.length > 24 ? inner.slice(0, 24) + "…" : inner}” to the use of funds`,
        });
      }
    }
  },
};
