import type { Project } from "../../schema";
import type { Rule } from "../types";
import { NearDuplicateIndex, normalizeForSimilarity } from "../similar";
import { fmt, squash } from "../util";
import { indicatorSets, SET_MIN_ROWS } from "../indicator-sets";

const MIN_ROWS = SET_MIN_ROWS;

/**
 * A project's indicator set as this rule compares it (三级 and 指标值 of every row, in order): `key`
 * for identical sets (left to indicator/copied), `text` normalised for similarity; null for a redacted
 * project or fewer than MIN_ROWS rows. Shared with the inbox's cross-file check.
 */
export function indicatorSimilarity(p: Project): { key: string; text: string } | null {
  const key = indicatorSetKey(p);
  return key === null ? null : { key, text: indicatorSetText(p) };
}

/** The exact identity of the set (indicatorSimilarity's `key`). */
function indicatorSetKey(p: Project): string | null {
  const inds = p.indicators;
  if (p.redacted || inds.length < MIN_ROWS) return null;
  let key = "";
  for (const ind of inds) key += squash(ind.name) + "\u0001" + squash(ind.target.raw) + "\u0002";
  return key;
}

/**
 * The set normalised for similarity (indicatorSimilarity's `text`): the key normalised, built row by
 * row (normalising is piecewise and the key's separators are noise), so no pass over the long key.
 */
function indicatorSetText(p: Project): string {
  let text = "";
  for (const ind of p.indicators) text += normalizeForSimilarity(squash(ind.name)) + normalizeForSimilarity(squash(ind.target.raw));
  return text;
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
    titleEn: "Indicators nearly the same as another project's",
    specificity: 40,
    source: "常见问题 P10 指标照搬（rules-research §4、§6 F56）",
  },
  checkDocument(doc, ctx) {
    // Rows and whole sets are keyed once per run for both copy rules (indicator-sets.ts).
    const { projects, rowIds, names, raws, sameAs, table } = indicatorSets(doc);
    const index = new NearDuplicateIndex<number>();
    // Per row id, its normalised text, made once: rows recur across a department's projects.
    const normalised: (string | undefined)[] = new Array(names.length);
    for (let pi = 0; pi < projects.length; pi++) {
      const p = projects[pi];
      const row = rowIds[pi];
      // Too few rows, or identical to an earlier set (indicator/copied's).
      if (row.length < MIN_ROWS || sameAs[pi] >= 0) continue;
      let text = "";
      for (let i = 0; i < row.length; i++) {
        const id = row[i];
        text += normalised[id] ??= normalizeForSimilarity(names[id]) + normalizeForSimilarity(raws[id]);
      }
      const hit = index.add(text, pi);
      // The county columns of one printed table (indicator-sets.ts) are one project's own targets.
      if (!hit || table[hit.id] === table[pi]) continue;
      const o = projects[hit.id];
      ctx.reportFor(p, {
        field: "indicators.0.name",
        message: `全部 ${row.length} 条绩效指标与第 ${o.seq} 个项目（${o.name ?? "无名称"}）几乎相同（仅标点、空格或个别字不同，相似度 ${fmt(Math.round(hit.similarity * 100))}%）`,
        fix: "按本项目的产出和效果设置指标",
        messageEn: `All ${row.length} indicators are nearly identical to project ${o.seq}'s (“${o.name ?? "no name"}”): only punctuation, spaces or a few characters differ (similarity ${fmt(Math.round(hit.similarity * 100))}%)`,
        fixEn: "Set indicators from this project's own outputs and effects",
      });
    }
  },
};
