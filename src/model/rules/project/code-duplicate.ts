import type { Project } from "../../schema";
import type { Rule } from "../types";
import { bySeq } from "../util";

const STRIP = /[\s\u3000\u00a0【】\[\]()（）]/g;

/** The comparable form of a 项目编码 (no spaces or brackets, upper case); "" when nothing is left. Shared with the inbox. */
export function codeKey(code: string | null): string {
  return code ? code.replace(STRIP, "").toUpperCase() : "";
}

/** Codes must be unique in a document; names may repeat (劳务派遣经费 in two units, seed 000). */
export const rule: Rule = {
  meta: {
    id: "project/code-duplicate",
    category: "project",
    title: "项目编码重复",
    titleEn: "Duplicate project code",
    specificity: 85,
    severity: "error",
    message: "项目编码 {code} 与第 {other} 个项目重复",
    messageEn: "Project code {code} duplicates project #{other}",
    rationale: "项目编码是项目的唯一标识，同一文本中重复会导致绩效目标挂错项目。",
    source: "预算管理一体化规范 项目库（rules-research §6 A5）；种子文件中编码均唯一",
  },
  checkDocument(doc, ctx) {
    const first = new Map<string, Project>();
    for (const p of bySeq(doc.projects)) {
      const key = codeKey(p.code);
      if (!key) continue;
      const prev = first.get(key);
      if (prev) ctx.reportFor(p, { field: "code", data: { code: p.code ?? "", other: prev.seq }, fix: "核对编码，每个项目应有自己的编码", fixEn: "Check the code: each project has its own" });
      else first.set(key, p);
    }
  },
};
