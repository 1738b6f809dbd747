import type { Rule } from "../types";
import { facts, isBlank, isCostRow, squash } from "../util";

// "（%）" / "(个)" annotations do not make a different indicator (seed 001#7 采用率(%) vs 采用率).
const ANNOTATION = /[（(][^（()）]*[)）]?$/;

/**
 * Within one project: an exact duplicate row (seed 002 P1, P15, P7), the same 三级 under the same 二级
 * with different values (seed 004 P9 ≥98% / ≥96%), or the same 三级 under two different 二级 (seed
 * 001 #7, #24; 004 P8 社会效益 = 可持续影响).
 */
export const rule: Rule = {
  meta: {
    id: "indicator/duplicate",
    category: "copy",
    title: "指标重复",
    titleEn: "Duplicate indicator",
    specificity: 65,
    severity: "warning",
    message: "指标“{name}”重复",
    messageEn: "Duplicate indicator “{name}”",
    rationale: "同一指标重复填写或同时放在两个二级指标下，会重复计分，说明指标设置不清晰。",
    source: "常见问题 P12 指标重复/交叉（rules-research §4、§6 D29）",
  },
  check(p, ctx) {
    const inds = p.indicators;
    if (inds.length < 2) return;
    const f = facts(p, ctx.profile);
    // Keyed on the name first: the full-row key is only built for names that repeat (rare).
    const byName = new Map<string, number>();
    let exact: Map<string, number> | null = null;
    const fullKey = (i: number) => {
      const ind = inds[i];
      // Not the 一级: a row copied into the wrong group (seed 002 P1 数量 row again under 效果) is the same row.
      return `${f.l2[i] ?? ind.level2}\u0001${squash(ind.name)}\u0001${squash(ind.description)}\u0001${squash(ind.target.raw)}`;
    };
    for (let i = 0; i < inds.length; i++) {
      const ind = inds[i];
      const name = squash(ind.name);
      if (!name) continue;
      const core = name.charCodeAt(name.length - 1) === 0xff09 || name.charCodeAt(name.length - 1) === 41 ? name.replace(ANNOTATION, "") : name;
      const other = byName.get(core);
      if (other === undefined) {
        byName.set(core, i);
        // Once full keys are kept, every first row is kept too: a later exact copy of it is found.
        if (exact) exact.set(fullKey(i), i);
        continue;
      }
      if (!exact) {
        exact = new Map();
        for (const j of byName.values()) exact.set(fullKey(j), j);
      }
      const full = fullKey(i);
      const prev = exact.get(full);
      if (prev !== undefined) {
        ctx.report({ field: `indicators.${i}.name`, message: `第 ${i + 1} 条指标与第 ${prev + 1} 条完全相同（${ind.level2}“${ind.name.trim()}”）`, messageEn: `Indicator ${i + 1} is identical to indicator ${prev + 1} (“${ind.level2}” “${ind.name.trim()}”)`, fix: `删除第 ${i + 1} 条（与第 ${prev + 1} 条相同）`, fixEn: `Delete indicator ${i + 1} (the same as ${prev + 1})` });
        continue;
      }
      exact.set(full, i);
      const o = inds[other];
      const sameL2 = (f.l2[other] ?? o.level2) === (f.l2[i] ?? ind.level2);
      // Seed 004 P9: the same satisfaction 三级 twice, "≥98%" and "≥96%". Different 描述 make them two
      // indicators (seed 000 #1 项目数量: 租赁铁塔数量 / 光纤租赁点位数量).
      if (sameL2 && squash(o.target.raw) !== squash(ind.target.raw) && (isBlank(o.description) || isBlank(ind.description) || squash(o.description) === squash(ind.description))) {
        ctx.report({
          field: `indicators.${i}.target`,
          message: `三级指标“${ind.name.trim()}”在“${ind.level2}”下出现两次（第 ${other + 1}、${i + 1} 条），指标值不同（“${o.target.raw.trim()}”与“${ind.target.raw.trim()}”）`,
          messageEn: `The level-3 “${ind.name.trim()}” appears twice under “${ind.level2}” (indicators ${other + 1} and ${i + 1}) with different values (“${o.target.raw.trim()}” and “${ind.target.raw.trim()}”)`,
          fix: `合并为一条，只保留一个指标值（如“${o.target.raw.trim()}”）`,
          fixEn: `Merge them into one with a single value (e.g. “${o.target.raw.trim()}”)`,
        });
        continue;
      }
      // A 成本 row named after the output it pays for (seed 004 P4: 数量 "开展禁毒宣传活动…" and 成本
      // "开展禁毒宣传活动…" → 10万元/年) is the usual way to write a cost, not a duplicate.
      if (!sameL2 && (isCostRow(f.l1[other], f.l2[other]) || isCostRow(f.l1[i], f.l2[i]))) continue;
      if (!sameL2) {
        ctx.report({
          field: `indicators.${i}.name`,
          message: `三级指标“${ind.name.trim()}”同时出现在“${o.level2}”（第 ${other + 1} 条）和“${ind.level2}”（第 ${i + 1} 条）下`,
          messageEn: `The level-3 “${ind.name.trim()}” appears under both “${o.level2}” (indicator ${other + 1}) and “${ind.level2}” (indicator ${i + 1})`,
          fix: `“${ind.name.trim()}”只保留在“${o.level2}”或“${ind.level2}”中最贴切的一处，另一处改写为该二级指标自己的内容`,
          fixEn: `Keep “${ind.name.trim()}” only where it fits best, under “${o.level2}” or “${ind.level2}”; rewrite the other with that level-2's own content`,
        });
      }
    }
  },
};
