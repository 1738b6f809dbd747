import type { Project } from "../../schema";
import type { Rule } from "../types";
import { NearDuplicateIndex, normalizeForSimilarity } from "../similar";
import { bySeq, fmt, tableKey } from "../util";
import { goalBody, goalKey, TEMPLATE_ARTEFACT } from "./text";

/** Goals shorter than this (after normalisation) repeat legitimately ("保障单位正常运转"). */
const MIN_LEN = 12;

/**
 * A project's goals as this rule compares them: `text`, all items' bodies normalised for similarity
 * (null when shorter than MIN_LEN, redacted or without goals), and `key`, the exact-identity key under
 * which identical goals are left to goal/copied. Shared with the inbox's cross-file check.
 */
export function goalSimilarity(p: Project): { key: string; text: string } | null {
  if (p.redacted || p.goals.length === 0) return null;
  const keys: string[] = [];
  let body = "";
  for (const g of p.goals) {
    const k = goalKey(g);
    if (k.length >= 6 && k !== "**") keys.push(k);
    body += goalBody(g).replace(TEMPLATE_ARTEFACT, "");
  }
  const text = normalizeForSimilarity(body);
  return text.length < MIN_LEN ? null : { key: keys.join("\u0001"), text };
}

/**
 * Goals of two projects that differ only by punctuation, spaces or a few characters (seed 004 P13
 * copies P7's goal with small edits). Identical goals are goal/copied's; goals whose numbers differ
 * state each project's own targets and are not copies. Bucketed MinHash + bigram Jaccard
 * (rules/similar.ts), about O(n).
 */
export const rule: Rule = {
  meta: {
    id: "goal/near-duplicate",
    severity: "info",
    message: "绩效目标与第 {other} 个项目几乎相同",
    messageEn: "Goal nearly identical to project #{other}",
    rationale: "不同项目的产出和效果不同；只改了标点、数字或个别字的目标多为套用其他项目，未针对本项目设定。",
    category: "copy",
    title: "目标与其他项目几乎相同",
    titleEn: "Goal nearly the same as another project's",
    specificity: 40,
    source: "常见问题 P10、P12 目标与指标不对应、重复（rules-research §4、§6 C20）",
  },
  checkDocument(doc, ctx) {
    const index = new NearDuplicateIndex<Project>();
    const exact = new Set<string>();
    for (const p of bySeq(doc.projects)) {
      const t = goalSimilarity(p);
      if (!t) continue;
      // Identical goals (goal/copied's key) are reported there.
      if (exact.has(t.key)) continue;
      exact.add(t.key);
      const text = t.text;
      const hit = index.add(text, p);
      if (!hit) continue;
      const o = hit.id;
      if (tableKey(o) !== null && tableKey(o) === tableKey(p)) continue; // one table's county columns
      ctx.reportFor(p, {
        field: "goals.0",
        message: `绩效目标与第 ${o.seq} 个项目（${o.name ?? "无名称"}）几乎相同（仅标点、空格或个别字不同，相似度 ${fmt(Math.round(hit.similarity * 100))}%）`,
        fix: "按本项目的资金用途和预期产出重写绩效目标",
        messageEn: `Goal nearly identical to project ${o.seq}'s (“${o.name ?? "no name"}”): only punctuation, spaces or a few characters differ (similarity ${fmt(Math.round(hit.similarity * 100))}%)`,
        fixEn: "Rewrite the goal from this project's use of funds and expected outputs",
      });
    }
  },
};
