import type { Project } from "../../schema";
import type { Rule } from "../types";
import { NearDuplicateIndex, normalizeForSimilarity } from "../similar";
import { bySeq, fmt, squash } from "../util";

const MIN_ROWS = 3;

/**
 * A project's indicator set as this rule compares it (三级 and 指标值 of every row, in order): `key`
 * for identical sets (left to indicator/copied), `text` normalised for similarity; null for a redacted
 * project or fewer than MIN_ROWS rows. Shared with the inbox's cross-file check.
 */
export function indicatorSimilarity(p: Project): { key: string; text: string } | null {
  const inds = p.indicators;
  if (p.redacted || inds.length < MIN_ROWS) return null;
  let key = "";
  // The text is the key normalised; normalising piece by piece (the separators are noise) spares a
  // pass over the long key.
  let text = "";
  for (const ind of inds) {
    const name = squash(ind.name);
    const raw = squash(ind.target.raw);
    key += name + "\u0001" + raw + "\u0002";
    text += normalizeForSimilarity(name) + normalizeForSimilarity(raw);
  }
  return { key, text };
}

/**
 * Indicator sets of two projects that differ only by punctuation, spaces or a few characters (the 三级
 * and 指标值 of every row, in order): a template copied with small edits (seed 002 P15 ← P1). Identical
 * sets are indicator/copied's; sets whose numbers differ carry each project's own targets. Bucketed
 * MinHash + bigram Jaccard, about O(n).
 */
export const rule: Rule = {
  meta: {
    id: "indicator/near-duplicate",
    severity: "info",
    message: "绩效指标与第 {other} 个项目几乎相同",
    messageEn: "Indicator set nearly identical to project #{other}",
    rationale: "不同项目的产出和效果不同；整套指标只改了个别字或数值，说明照搬其他项目，指标未针对本项目设定。",
    category: "copy",
    title: "指标与其他项目几乎相同",
    specificity: 40,
    source: "常见问题 P10 指标照搬（rules-research §4、§6 F56）",
  },
  checkDocument(doc, ctx) {
    const index = new NearDuplicateIndex<Project>();
    const exact = new Set<string>();
    for (const p of bySeq(doc.projects)) {
      const inds = p.indicators;
      const t = indicatorSimilarity(p);
      if (!t) continue;
      if (exact.has(t.key)) continue; // identical: indicator/copied
      exact.add(t.key);
      const hit = index.add(t.text, p);
      if (!hit) continue;
      const o = hit.id;
      ctx.reportFor(p, {
        field: "indicators.0.name",
        message: `全部 ${inds.length} 条绩效指标与第 ${o.seq} 个项目（${o.name ?? "无名称"}）几乎相同（仅标点、空格或个别字不同，相似度 ${fmt(Math.round(hit.similarity * 100))}%）`,
        fix: "按本项目的产出和效果设置指标",
      });
    }
  },
};
