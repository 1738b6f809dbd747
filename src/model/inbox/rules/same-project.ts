import { codeKey } from "../../rules/project/code-duplicate";
import type { Project } from "../../schema";
import { projectLocation } from "../locate";
import type { InboxRule } from "../types";
import { bySeq } from "../../rules/util";
import { contentKey, fileLabel, projectLabel } from "./util";

/**
 * The same project (same name, 预算数, goals and indicators) in two files under different codes or
 * without one: sent twice, by two units or in two versions of one unit's file. Same code and content
 * is inbox/code-duplicate's (its message says so); same name alone is not a duplicate (劳务派遣经费
 * of two units in seed 000 are two projects).
 */
export const rule: InboxRule = {
  meta: {
    id: "inbox/same-project",
    category: "copy",
    title: "同一项目在多个文件中报送",
    titleEn: "Same project sent in several files",
    specificity: 85,
    severity: "warning",
    message: "与文件 {file} 中的项目名称和内容完全相同，疑为同一项目重复报送",
    messageEn: "Same name and content as a project in file {file}: sent twice?",
    rationale: "同一项目在两个文件（两个单位或同一单位的两个版本）中重复报送，汇总后部门合计会重复计算，绩效目标也会重复审核。",
    source: "部门汇总审核：项目不得重复申报（预算管理一体化规范 项目库，rules-research §6 A5）",
  },
  check(ctx) {
    const first = new Map<string, { fi: number; project: Project }>();
    ctx.files.forEach((f, fi) => {
      const reported = new Set<string>();
      for (const p of bySeq(f.document.projects)) {
        const key = contentKey(p);
        if (key === null) continue;
        const prev = first.get(key);
        if (!prev) {
          first.set(key, { fi, project: p });
          continue;
        }
        if (prev.fi === fi || reported.has(key)) continue;
        const a = codeKey(p.code);
        if (a && a === codeKey(prev.project.code)) continue; // inbox/code-duplicate
        reported.add(key);
        const other = ctx.files[prev.fi];
        const codes = p.code || prev.project.code ? `（编码 ${p.code ?? "无"} 与 ${prev.project.code ?? "无"}）` : "";
        ctx.report(fi, p, {
          field: "name",
          message: `与文件 ${fileLabel(other.file)} 中的${projectLabel(prev.project)}名称、预算数、目标和指标完全相同${codes}，疑为同一项目重复报送`,
          fix: `确认是否同一项目：是则只保留一份；不是则按本单位的实际产出和效果修改目标和指标`,
          related: [projectLocation(other, prev.project, "name")],
        });
      }
    });
  },
};
