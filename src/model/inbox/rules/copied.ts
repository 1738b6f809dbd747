/**
 * Copied goals and indicators across units' files, in the per-file copy rules' own terms (goal/copied,
 * goal/near-duplicate, indicator/copied, indicator/near-duplicate export what "identical" and "nearly
 * identical" mean; similar.ts the index). A pair inside one file is that file's own finding; here only
 * a project whose earlier match is in another file is reported, once per file and key.
 */
import type { Project } from "../../schema";
import { NearDuplicateIndex } from "../../rules/similar";
import { copiedGoalKey } from "../../rules/goal/copied";
import { goalSimilarity } from "../../rules/goal/near-duplicate";
import { copiedIndicatorSetKey } from "../../rules/indicator/copied";
import { indicatorSimilarity } from "../../rules/indicator/near-duplicate";
import { bySeq, fmt } from "../../rules/util";
import { projectLocation } from "../locate";
import type { InboxContext, InboxRule } from "../types";
import { contentKey, fileLabel, projectLabel } from "./util";

interface Copy {
  /** Exact identity (null: nothing that counts). */
  exact(p: Project): string | null;
  /** Text for the near-duplicate index, with its exact key (null: not compared). */
  near(p: Project): { key: string; text: string } | null;
  field: string;
  what: string;
}

type At = { fi: number; project: Project };

function checkCopies(ctx: InboxContext, c: Copy): void {
  const first = new Map<string, At>();
  const index = new NearDuplicateIndex<At>();
  const seenExact = new Set<string>();
  const contents = new Map<string, number>();
  ctx.files.forEach((f, fi) => {
    const reported = new Set<string>();
    for (const p of bySeq(f.document.projects)) {
      if (p.redacted) continue;
      // The whole project sent again (inbox/same-project, inbox/code-duplicate): not also a copied goal.
      const content = contentKey(p);
      if (content !== null) {
        const at = contents.get(content);
        if (at === undefined) contents.set(content, fi);
        else if (at !== fi) continue;
      }
      const key = c.exact(p);
      if (key !== null) {
        const prev = first.get(key);
        if (!prev) first.set(key, { fi, project: p });
        else {
          if (prev.fi !== fi && !reported.has(key)) {
            reported.add(key);
            const other = ctx.files[prev.fi];
            ctx.report(fi, p, {
              field: c.field,
              message: `${c.what}与文件 ${fileLabel(other.file)} 中的${projectLabel(prev.project)}完全相同`,
              fix: `按本项目的资金用途和预期产出、效果重写${c.what}，不要沿用其他单位项目的${c.what}`,
              related: [projectLocation(other, prev.project, c.field)],
            });
          }
          continue; // identical: not also reported as nearly identical
        }
      }
      const t = c.near(p);
      if (!t || seenExact.has(t.key)) continue;
      seenExact.add(t.key);
      const hit = index.add(t.text, { fi, project: p });
      if (!hit || hit.id.fi === fi) continue;
      const other = ctx.files[hit.id.fi];
      ctx.report(fi, p, {
        severity: "info",
        field: c.field,
        message: `${c.what}与文件 ${fileLabel(other.file)} 中的${projectLabel(hit.id.project)}几乎相同（仅标点、空格或个别字不同，相似度 ${fmt(Math.round(hit.similarity * 100))}%）`,
        fix: `按本项目的资金用途和预期产出、效果重写${c.what}`,
        related: [projectLocation(other, hit.id.project, c.field)],
      });
    }
  });
}

export const goalRule: InboxRule = {
  meta: {
    id: "inbox/goal-copied",
    category: "copy",
    title: "目标与其他单位的项目相同",
    titleEn: "Goal same as another unit's project",
    specificity: 45,
    severity: "warning",
    message: "绩效目标与文件 {file} 中的项目相同",
    messageEn: "Goal identical (or nearly) to a project in file {file}",
    rationale: "不同单位、不同项目的产出和效果不同；照搬其他单位项目的目标说明目标未针对本项目设定。",
    source: "常见问题 P10、P12 目标与指标不对应、重复（rules-research §4、§6 C20）",
  },
  check: (ctx) => checkCopies(ctx, { exact: copiedGoalKey, near: goalSimilarity, field: "goals.0", what: "绩效目标" }),
};

export const indicatorRule: InboxRule = {
  meta: {
    id: "inbox/indicator-copied",
    category: "copy",
    title: "指标与其他单位的项目相同",
    titleEn: "Indicators same as another unit's project",
    specificity: 40,
    severity: "warning",
    message: "全部绩效指标与文件 {file} 中的项目相同",
    messageEn: "Whole indicator set identical (or nearly) to a project in file {file}",
    rationale: "不同单位、不同项目的产出和效果不同；整套照搬其他单位项目的指标说明指标未针对本项目设定。",
    source: "常见问题 P10 指标照搬（rules-research §4、§6 F56）",
  },
  check: (ctx) => checkCopies(ctx, { exact: (p) => copiedIndicatorSetKey(p), near: indicatorSimilarity, field: "indicators.0.name", what: "全部绩效指标" }),
};
