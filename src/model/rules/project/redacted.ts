import type { Rule } from "../types";

/** 涉密 tables ("此项目文件涉密") are reported and skipped by every other rule. */
export const rule: Rule = {
  meta: {
    id: "project/redacted",
    category: "project",
    title: "项目涉密",
    titleEn: "Project classified",
    specificity: 10,
    severity: "info",
    message: "第 {seq} 个项目表涉密（{title}），内容未公开，未做其他检查",
    messageEn: "Project table #{seq} is classified; no other check was run",
    rationale: "涉密项目只公开“此项目文件涉密”，没有可检查的内容。",
    source: "种子文件 000（7 个涉密项目表）；rules-research §6 A2",
  },
  check(p, ctx) {
    if (p.redacted)
      ctx.report({ field: "name", data: { seq: p.seq, title: p.title ?? p.name ?? "无标题" }, fix: "无需修改公开文本；该项目的绩效目标按保密规定另行审核", fixEn: "Nothing to change in the published text; this project's targets are reviewed separately under the secrecy rules" });
  },
};
