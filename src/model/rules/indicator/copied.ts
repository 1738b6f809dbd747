import type { Project } from "../../schema";
import type { Rule } from "../types";
import { level1KeyOf, squash } from "../util";
import { indicatorSets, SET_MIN_ROWS } from "../indicator-sets";

/** An identical 三级 + 指标值 in at least this many projects is flagged as copied. */
export const COPIED_MIN_PROJECTS = 3;

/**
 * Indicators copied across projects, in one pass with hash maps (O(rows)):
 *  - the whole indicator set identical to another project's (seed 001 #30/#31; 002 P15 ← P1);
 *  - otherwise rows whose 三级 + 指标值 recur in ≥ COPIED_MIN_PROJECTS projects (seed 004 P9 ← P3,
 *    P10/P11 ← P1), one finding per project. 满意度 rows are skipped: "服务对象满意度 ≥90%" is
 *    legitimately the same everywhere.
 */
export const rule: Rule = {
  meta: {
    id: "indicator/copied",
    category: "copy",
    title: "指标与其他项目相同",
    titleEn: "Indicators same as another project's",
    specificity: 40,
    // A whole indicator set copied from another project is sent back (警告); rows shared with several
    // projects are only a hint (提示): 满意度-like boilerplate is common and sometimes right.
    severity: "warning",
    message: "有 {count} 条指标与其他项目完全相同，请确认是否照搬",
    messageEn: "{count} indicators are identical to other projects' (copied?)",
    rationale: "不同项目的产出和效果不同，大量照搬其他项目的指标说明指标未针对本项目设定（目标与指标不对应）。",
    source: "常见问题 P10 指标照搬（rules-research §4、§6 F56）",
  },
  checkDocument(doc, ctx) {
    // Rows and whole sets are keyed once per run for both copy rules (indicator-sets.ts).
    const { projects, rowIds, names, raws, sameAs, table } = indicatorSets(doc);
    // Per row id: in how many printed tables it appears and the first of them (seq order). The
    // county columns of one table (indicator-sets.ts) count once: their rows are the same by design.
    const count = new Int32Array(names.length);
    const last = new Int32Array(names.length).fill(-1);
    const first = new Int32Array(names.length);
    // Tables in order of their first project (table[pi] is that project's index), each with all its projects.
    const members = new Map<number, number[]>();
    for (let pi = 0; pi < projects.length; pi++) {
      const m = members.get(table[pi]);
      if (m) m.push(pi);
      else members.set(table[pi], [pi]);
    }
    for (const [t, ps] of members)
      for (const pi of ps) {
        const row = rowIds[pi];
        for (let i = 0; i < row.length; i++) {
          const id = row[i];
          if (last[id] === t) continue;
          if (last[id] < 0) first[id] = t;
          last[id] = t;
          count[id]++;
        }
      }
    for (let pi = 0; pi < projects.length; pi++) {
      const p = projects[pi];
      const inds = p.indicators;
      if (sameAs[pi] >= 0) {
        const prev = projects[sameAs[pi]];
        ctx.reportFor(p, {
          field: "indicators.0.name",
          message: `全部 ${inds.length} 条绩效指标与第 ${prev.seq} 个项目（${prev.name ?? "无名称"}）完全相同`,
          fix: `按本项目${p.purpose ? `资金用途“${squashed(p.purpose)}”` : "的资金用途"}的产出和效果重设指标，不要照搬第 ${prev.seq} 个项目`,
          messageEn: `All ${inds.length} indicators are identical to project ${prev.seq}'s (“${prev.name ?? "no name"}”)`,
          fixEn: `Set indicators from this project's own outputs and effects (${p.purpose ? `use of funds “${squashed(p.purpose)}”` : "its use of funds"}) instead of copying project ${prev.seq}`,
        });
        continue;
      }
      const row = rowIds[pi];
      let firstRow = -1;
      let n = 0;
      let seenIn = 0;
      for (let i = 0; i < row.length; i++) {
        const id = row[i];
        if (count[id] < COPIED_MIN_PROJECTS || first[id] === table[pi]) continue;
        // Satisfaction rows and rows without a name or value do not count as copied rows.
        if (names[id].length === 0 || raws[id].length === 0 || level1KeyOf(inds[i].level1) === "satisfaction") continue;
        if (firstRow < 0) {
          firstRow = i;
          seenIn = count[id];
        }
        n++;
      }
      if (firstRow >= 0) {
        const ind = inds[firstRow];
        ctx.reportFor(p, {
          severity: "info",
          field: `indicators.${firstRow}.name`,
          message: `有 ${n} 条指标与其他项目完全相同（如“${ind.name.trim()}：${ind.target.raw.trim()}”，共见于 ${seenIn} 个项目），请确认是否照搬`,
          fix: `核对“${ind.name.trim()}：${ind.target.raw.trim()}”${n > 1 ? `等 ${n} 条指标` : ""}是否反映本项目的产出和效果，不适用的按本项目改写`,
          messageEn: `${n} indicator(s) are identical to other projects' (e.g. “${ind.name.trim()}：${ind.target.raw.trim()}”, found in ${seenIn} projects): copied?`,
          fixEn: `Check whether “${ind.name.trim()}：${ind.target.raw.trim()}”${n > 1 ? ` and the other ${n - 1}` : ""} reflect this project's outputs and effects; rewrite those that do not fit`,
        });
      }
    }
  },
};

/**
 * The identity of a whole indicator set as this rule compares sets (the rule encodes the same rows as
 * integer ids for speed): 三级 and 指标值, whitespace-free, every row in order; null below SET_MIN_ROWS
 * rows (or `minRows`). For the inbox's cross-file check.
 */
export function copiedIndicatorSetKey(p: Project, minRows = SET_MIN_ROWS): string | null {
  if (p.indicators.length < Math.max(1, minRows)) return null;
  let key = "";
  for (const ind of p.indicators) key += squash(ind.name) + "\u0001" + squash(ind.target.raw) + "\u0002";
  return key;
}

function squashed(s: string): string {
  const t = squash(s);
  return t.length > 20 ? t.slice(0, 20) + "…" : t;
}

