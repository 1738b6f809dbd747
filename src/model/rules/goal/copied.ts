import type { Project } from "../../schema";
import type { Rule } from "../types";
import { bySeq, squash, tableKey } from "../util";

const clip = (s: string) => {
  const t = squash(s);
  return t.length > 20 ? t.slice(0, 20) + "…" : t;
};
import { goalKey } from "./text";

const MIN_LEN = 6; // short goals ("保障运转") repeat legitimately

/**
 * The goals that count for copying (goal/text goalKey: long enough, not "**"), first occurrences only,
 * and the items that repeat an earlier item of the same project.
 */
function countedGoals(p: Project): { keys: string[]; repeats: { index: number; of: number }[] } {
  const keys: string[] = [];
  const repeats: { index: number; of: number }[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < p.goals.length; i++) {
    const k = goalKey(p.goals[i]);
    if (k.length < MIN_LEN || k === "**") continue;
    const prev = seen.get(k);
    if (prev !== undefined) repeats.push({ index: i, of: prev });
    else {
      seen.set(k, i);
      keys.push(k);
    }
  }
  return { keys, repeats };
}

/**
 * What makes two projects' goals "identical" for this rule (also the inbox's cross-file check): null
 * when the project has no goal that counts.
 */
export function copiedGoalKey(p: Project): string | null {
  const { keys } = countedGoals(p);
  return keys.length === 0 ? null : setKey(keys);
}
const setKey = (keys: string[]) => keys.join("\u0001");

/**
 * Identical goal text across projects (seed 001 #14–#23 share one sentence; seed 004 P13 copies P7),
 * and repeated items inside one goal (seed 001 #28: the same item three times). O(n) with a hash map.
 */
export const rule: Rule = {
  meta: {
    id: "goal/copied",
    category: "copy",
    title: "目标与其他项目相同",
    titleEn: "Goal same as another project's",
    specificity: 45,
    // A goal copied from another project (or one item written twice) is sent back: 警告.
    severity: "warning",
    message: "绩效目标与第 {other} 个项目完全相同",
    messageEn: "Goal identical to project #{other}",
    rationale: "不同项目的产出和效果不同，照搬其他项目的目标说明目标未针对本项目设定。",
    source: "常见问题 P10、P12 目标与指标不对应、重复（rules-research §4、§6 C20）",
  },
  checkDocument(doc, ctx) {
    const first = new Map<string, Project>();
    for (const p of bySeq(doc.projects)) {
      const { keys, repeats } = countedGoals(p);
      for (const { index: i, of } of repeats)
        ctx.reportFor(p, { field: `goals.${i}`, message: `第 ${i + 1} 条绩效目标与第 ${of + 1} 条重复`, fix: `删除第 ${i + 1} 条（与第 ${of + 1} 条相同），或改写为另一项产出或效果`, messageEn: `Goal ${i + 1} repeats goal ${of + 1}`, fixEn: `Delete goal ${i + 1} (the same as ${of + 1}), or rewrite it as another output or effect` });
      if (keys.length === 0) continue;
      const key = setKey(keys);
      const prev = first.get(key);
      // The county columns of one printed table share its goal (util.ts tableKey): not a copy.
      if (prev && tableKey(prev) !== null && tableKey(prev) === tableKey(p)) continue;
      if (prev) {
        ctx.reportFor(p, {
          field: "goals.0",
          message: `绩效目标与第 ${prev.seq} 个项目（${prev.name ?? "无名称"}）完全相同`,
          fix: `按本项目${p.purpose ? `资金用途“${clip(p.purpose)}”` : `“${p.name ?? "本项目"}”`}的预期产出和效果重写，不要沿用第 ${prev.seq} 个项目的目标`,
          messageEn: `Goal identical to project ${prev.seq}'s (“${prev.name ?? "no name"}”)`,
          fixEn: `Rewrite it from this project's expected outputs and effects (${p.purpose ? `use of funds “${clip(p.purpose)}”` : `“${p.name ?? "this project"}”`}) instead of reusing project ${prev.seq}'s goal`,
        });
      } else first.set(key, p);
    }
  },
};
