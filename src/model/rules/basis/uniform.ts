import type { Rule } from "../types";
import { squash } from "../util";

const MIN_ROWS = 20;
const SHARE = 0.9;

/**
 * One 依据 phrase on (nearly) every row of the document: seed 001 writes "年初工作计划安排" in all 175
 * rows. Reported once for the document (at the first cell that uses it): the fix is document-wide.
 */
export const rule: Rule = {
  meta: {
    id: "basis/uniform",
    category: "copy",
    title: "全文依据相同",
    titleEn: "Same basis throughout",
    specificity: 20,
    severity: "info",
    message: "全文 {rows} 条指标中有 {same} 条的指标值确定依据都是“{basis}”",
    messageEn: "{same} of {rows} rows share the same basis “{basis}”",
    rationale: "指标值确定依据应逐条说明该指标值的来源（计划、行业、历史标准或文件）；全文同一句话等于没有依据。",
    source: "财预〔2015〕88号、财政部 10号 绩效标准（rules-research §6 F53）",
  },
  checkDocument(doc, ctx) {
    const count = new Map<string, number>();
    let rows = 0;
    for (const p of doc.projects)
      for (const ind of p.indicators) {
        if (!ind.basis) continue;
        const k = squash(ind.basis);
        if (!k) continue;
        rows++;
        count.set(k, (count.get(k) ?? 0) + 1);
      }
    if (rows < MIN_ROWS) return;
    for (const [basis, same] of count) {
      if (same < rows * SHARE) continue;
      for (const p of doc.projects) {
        const i = p.indicators.findIndex((ind) => ind.basis !== null && squash(ind.basis) === basis);
        if (i >= 0) {
          // A document-wide habit: one finding for the document, pointing at the first such cell.
          ctx.reportFor(null, {
            sheet: p.source?.sheet,
            cell: p.indicators[i].source?.basis ?? undefined,
            data: { rows, same, basis },
            fix: `把“${basis}”换成每条指标自己的依据（计划标准、行业标准、历史数据或文件），如第 ${p.seq} 个项目“${p.indicators[i].name.trim().slice(0, 20)}”的指标值从何而来`,
            fixEn: `Replace “${basis}” with each row's own basis (a plan, an industry standard, past data or a document), e.g. where the target of “${p.indicators[i].name.trim().slice(0, 20)}” in project ${p.seq} comes from`,
          });
          return;
        }
      }
    }
  },
};
