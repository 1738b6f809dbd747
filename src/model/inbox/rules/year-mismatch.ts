import { bySeq } from "../../rules/util";
import type { InboxRule } from "../types";

/**
 * A file whose budget year differs from the other files' (the year most files have): a unit that sent
 * last year's workbook, or this year's built from last year's and never updated. Files without a year
 * (neither printed nor inferable) are left out; a tie has no majority and reports nothing.
 */
export const rule: InboxRule = {
  meta: {
    id: "inbox/year-mismatch",
    category: "time",
    title: "预算年度与其他文件不同",
    titleEn: "Budget year differs from other files",
    specificity: 80,
    severity: "warning",
    message: "本文件的预算年度 {year} 年与其他文件（{majority} 年）不同",
    messageEn: "This file's budget year {year} differs from the other files' ({majority})",
    rationale: "部门汇总的是同一预算年度的项目；年度不同的文件多半是误报了往年的工作簿，或沿用往年文本未改年度。",
    source: "部门预算编制：部门汇总本年度项目支出绩效目标（财预〔2015〕88号）",
  },
  check(ctx) {
    const counts = new Map<number, number>();
    for (const f of ctx.files) if (f.document.fiscalYear !== null) counts.set(f.document.fiscalYear, (counts.get(f.document.fiscalYear) ?? 0) + 1);
    if (counts.size < 2) return;
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    if (ranked[0][1] === ranked[1][1]) return; // no majority: nothing to compare with
    const majority = ranked[0][0];
    ctx.files.forEach((f, fi) => {
      const y = f.document.fiscalYear;
      if (y === null || y === majority) return;
      const first = bySeq(f.document.projects)[0] ?? null;
      const how = f.document.fiscalYearSource && f.document.fiscalYearSource !== "printed" ? "（按项目编码等推断）" : "";
      ctx.report(fi, first, {
        ...(first ? { field: "title" } : {}),
        message: `本文件的预算年度 ${y} 年${how}与其他 ${ranked[0][1]} 个文件的 ${majority} 年不同，可能误报了往年的工作簿`,
        fix: `核对是否为 ${majority} 年的工作簿；是则改正年度及各处日期，不是则请该单位重新报送`,
      });
    });
  },
};
