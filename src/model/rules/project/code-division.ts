import type { Rule } from "../types";

const STRIP = /[\s\u3000\u00a0【】\[\]()（）]/g;
const DIVISION = /^\d{6}/;

/**
 * The first 6 digits of 项目编码 are the 财政区划 code; within one department's document they agree
 * (130324 卢龙县 in seed 000, 130225 乐亭县 in 001, 130811 in 002). A code from another division is a
 * copy-paste from another county's table. Majority vote over the document, O(n).
 */
export const rule: Rule = {
  meta: {
    id: "project/code-division",
    category: "project",
    title: "项目编码区划不一致",
    titleEn: "Region code in project code inconsistent",
    specificity: 60,
    severity: "warning",
    message: "项目编码 {code} 的区划代码 {division} 与本文本其他项目（{majority}）不一致",
    messageEn: "Project code {code}: division {division} differs from the document's ({majority})",
    rationale: "项目编码前 6 位为财政区划代码，同一部门文本中应一致；不一致多为从其他地区表格复制。",
    source: "预算管理一体化 mof_div_code；种子文件编码前 6 位一致（rules-research §6 A4）",
  },
  checkDocument(doc, ctx) {
    const count = new Map<string, number>();
    const divs: (string | null)[] = new Array(doc.projects.length);
    doc.projects.forEach((p, i) => {
      const m = p.code ? DIVISION.exec(p.code.replace(STRIP, "")) : null;
      divs[i] = m ? m[0] : null;
      if (m) count.set(m[0], (count.get(m[0]) ?? 0) + 1);
    });
    if (count.size < 2) return;
    let majority = "";
    let best = 0;
    for (const [d, n] of count) if (n > best || (n === best && d < majority)) [majority, best] = [d, n];
    if (best * 2 <= divs.filter(Boolean).length) return; // no clear majority: nothing to say
    doc.projects.forEach((p, i) => {
      const d = divs[i];
      if (d && d !== majority) ctx.reportFor(p, { field: "code", data: { code: p.code!, division: d, majority } });
    });
  },
};
