import { codeKey } from "../../rules/project/code-duplicate";
import type { Project } from "../../schema";
import { projectLocation } from "../locate";
import type { InboxRule } from "../types";
import { bySeq } from "../../rules/util";
import { fileLabel, projectLabel, sameContent } from "./util";

/**
 * A 项目编码 used in two files. The per-file rule project/code-duplicate sees one file; here the first
 * file that uses a code keeps it and each later file's first project with it is reported (further
 * repeats inside that file are the per-file rule's). Same code and same content: the same project was
 * sent twice, and the message says so.
 */
export const rule: InboxRule = {
  meta: {
    id: "inbox/code-duplicate",
    category: "project",
    title: "项目编码与其他文件重复",
    titleEn: "Project code also used in another file",
    specificity: 90,
    severity: "error",
    message: "项目编码 {code} 与文件 {file} 中的项目重复",
    messageEn: "Project code {code} is also used in file {file}",
    rationale: "项目编码是项目在预算管理一体化系统中的唯一标识；部门汇总各单位报送的文本时，两个文件用同一编码会使绩效目标挂错项目或重复计入部门合计。",
    source: "预算管理一体化规范 项目库（rules-research §6 A5）；部门汇总审核",
  },
  check(ctx) {
    const first = new Map<string, { fi: number; project: Project }>();
    // Per file: its coded projects, and how many of their codes each earlier file already used.
    ctx.files.forEach((f, fi) => {
      const reported = new Set<string>();
      const coded = f.document.projects.filter((p) => codeKey(p.code)).length;
      const shared = new Map<number, number>();
      for (const p of f.document.projects) {
        const prev = first.get(codeKey(p.code));
        if (prev && prev.fi !== fi) shared.set(prev.fi, (shared.get(prev.fi) ?? 0) + 1);
      }
      for (const p of bySeq(f.document.projects)) {
        const key = codeKey(p.code);
        if (!key) continue;
        const prev = first.get(key);
        if (!prev) {
          first.set(key, { fi, project: p });
          continue;
        }
        if (prev.fi === fi || reported.has(key)) continue;
        reported.add(key);
        const other = ctx.files[prev.fi];
        const same = sameContent(p, prev.project);
        // Most of this file's codes are the other file's: two versions of one unit's workbook, not two units.
        const versions = coded >= 2 && (shared.get(prev.fi) ?? 0) >= 0.8 * coded;
        const hint = versions ? `；本文件 ${coded} 个编码中有 ${shared.get(prev.fi)} 个与 ${fileLabel(other.file)} 相同，两者疑为同一单位工作簿的两个版本，可用 jxmb diff 比较后只保留一份` : "";
        ctx.report(fi, p, {
          field: "code",
          message: `项目编码 ${p.code} 与文件 ${fileLabel(other.file)} 中的${projectLabel(prev.project)}重复${same ? "，且项目内容相同：同一项目重复报送" : ""}`,
          fix:
            (same
              ? `同一项目只报送一次：从本文件或 ${fileLabel(other.file)} 中删去此项目表`
              : `核对编码：每个项目应有自己的编码（${fileLabel(other.file)} 的“${prev.project.name ?? "无名称"}”已使用此编码）`) + hint,
          related: [projectLocation(other, prev.project, "code")],
        });
      }
    });
  },
};
