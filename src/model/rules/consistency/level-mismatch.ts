import type { Indicator, Operator } from "../../schema";
import type { Rule } from "../types";
import { coreName } from "../direction";
import { fmt, isSatisfactionRow, facts, rowLabel, rowLabelEn, squash } from "../util";
import { goalBody } from "../goal/text";

// "满意度达到 95% 以上", "合格率达到100%", "设备完好率不低于95%", "投诉率控制在 5% 以内": a rate or
// degree, an optional verb, a percentage and an optional 以上/以下.
const GOAL_PERCENT =
  /([\u4e00-\u9fa5]{1,8}?(?:率|度))(?:要|须|需|应|力争|确保)?(达到|达|不低于|不少于|不小于|保持在|保持|稳定在|维持在|提高到|提升到|提升至|提高至|在|为|超过|高于|大于|控制在|低于|不高于|不超过|小于|降至|降到|≥|≧|>=|＞=|＞|>|≤|≦|<=|＜=|＜|<|=|＝)?\s*(\d+(?:\.\d+)?)\s*[%％](以上|及以上|以下|以内|左右)?/g;
// "每月开展 2 次以上", "每周巡查3次": a frequency.
const GOAL_FREQ = /每(月|周|季度|季|年|天|日)[\u4e00-\u9fa5]{0,8}?(\d+)\s*次(以上|及以上|以下|以内)?/g;
const FLOOR_VERB = /达到|达|不低于|不少于|不小于|提高到|提升到|提升至|提高至|超过|高于|大于|≥|≧|>|＞/;
const CEILING_VERB = /控制在|低于|不高于|不超过|小于|降至|降到|≤|≦|<|＜/;
const PER_YEAR: Record<string, number> = { 月: 12, 周: 52, 季度: 4, 季: 4, 年: 1, 天: 365, 日: 365 };
const FREQ_UNIT: Record<string, string> = { 月: "次/月", 周: "次/周", 季度: "次/季度", 季: "次/季度", 年: "次/年", 天: "次/天", 日: "次/天" };

type Dir = "min" | "max" | null;

function dirOf(op: Operator | null): Dir {
  return op === "≥" || op === ">" ? "min" : op === "≤" || op === "<" ? "max" : null;
}

function goalDir(verb: string | undefined, tail: string | undefined): Dir {
  if (tail === "以上" || tail === "及以上" || (verb && FLOOR_VERB.test(verb))) return "min";
  if (tail === "以下" || tail === "以内" || (verb && CEILING_VERB.test(verb))) return "max";
  return null;
}

/** Rows about the same concept: the key (满意度, 合格率, 完好率 …) in the 三级, or any satisfaction row. */
function sameConcept(ind: Indicator, key: string, satisfactionRow: boolean): boolean {
  if (key === "满意度" || key === "满意率") return satisfactionRow || coreName(ind.name).includes("满意");
  return coreName(ind.name).includes(key) || squash(ind.description).includes(key);
}

/**
 * The goal text (or 资金用途) states a level and the indicator for the same concept says another:
 * "满意度达到 95% 以上" vs 满意度 "≥90%", "合格率达到100%" vs "≥95%", "每月 2 次以上" vs "≥1次/月",
 * or the opposite direction ("以上" vs "≤"). Concepts are matched on the rate/degree word (the last
 * three characters before the number: 满意度, 合格率, 完好率 …); a frequency on its period (次/月, or
 * 次 per year = N × 12). Counts of people and things are consistency/count-mismatch's.
 */
const WHERE_EN: Readonly<Record<string, string>> = { 绩效目标: "The goal", 资金用途: "The use of funds" };

export const rule: Rule = {
  meta: {
    id: "consistency/level-mismatch",
    category: "consistency",
    title: "目标与指标水平不一致",
    titleEn: "Goal and indicator levels disagree",
    specificity: 75,
    severity: "warning",
    message: "{where}写明“{goal}”，但指标{row}为“{value}”",
    messageEn: "{where} states “{goal}” but indicator {row} says “{value}”",
    rationale: "绩效指标是绩效目标的细化和量化，应与目标相对应；目标与指标对同一事项写了不同的水平或相反的方向，说明二者未衔接或照抄。",
    source: "财预〔2020〕10号 绩效指标明确性“与计划任务数相对应”；财预〔2015〕88号 相应匹配（rules-research §2.2、§4 P10）",
  },
  check(p, ctx) {
    if (p.goals.length === 0 && !p.purpose) return;
    let f: ReturnType<typeof facts> | null = null;
    const texts: [string, string, string][] = [];
    for (let gi = 0; gi < p.goals.length; gi++) if (p.goals[gi]) texts.push([`goals.${gi}`, "绩效目标", goalBody(p.goals[gi])]);
    if (p.purpose) texts.push(["purpose", "资金用途", p.purpose]);
    const reported = new Set<number>();
    for (const [field, where, raw] of texts) {
      const text = squash(raw);
      if (text.indexOf("%") < 0 && text.indexOf("％") < 0 && text.indexOf("次") < 0) continue;
      f ??= facts(p, ctx.profile);
      const ff = f;
      GOAL_PERCENT.lastIndex = 0;
      for (let m = GOAL_PERCENT.exec(text); m !== null; m = GOAL_PERCENT.exec(text)) {
        const key = m[1].slice(-3);
        const n = Number(m[3]);
        const gd = goalDir(m[2], m[4]);
        let carried = false;
        let bad: number | null = null;
        for (let i = 0; i < p.indicators.length && !carried; i++) {
          const t = p.indicators[i].target;
          if (t.kind !== "percent" || t.value === null) continue;
          if (!sameConcept(p.indicators[i], key, isSatisfactionRow(ff.l1[i], ff.l2[i]))) continue;
          const id = dirOf(t.operator);
          const opposite = gd !== null && id !== null && gd !== id;
          if ((t.value === n || t.valueMax === n) && !opposite) carried = true;
          else if (bad === null) bad = i;
        }
        if (carried || bad === null || reported.has(bad)) continue;
        reported.add(bad);
        const ind = p.indicators[bad];
        const goalText = clause(text, m.index, m.index + m[0].length);
        const want = `${gd === "max" ? "≤" : n === 100 && gd === null ? "=" : "≥"}${fmt(n)}%`;
        ctx.report({
          field,
          data: { where, goal: goalText, row: rowLabel(ind), value: ind.target.raw.trim() },
          dataEn: { where: WHERE_EN[where] ?? where, row: rowLabelEn(ind) },
          fix: `使目标与指标一致：指标值改为“${want}”，或把目标中的“${goalText}”改为指标的水平`,
          fixEn: `Make goal and indicator agree: change the value to “${want}”, or “${goalText}” in the goal to the indicator's level`,
        });
      }
      GOAL_FREQ.lastIndex = 0;
      for (let m = GOAL_FREQ.exec(text); m !== null; m = GOAL_FREQ.exec(text)) {
        const period = m[1];
        const n = Number(m[2]);
        const gd = goalDir(undefined, m[3]);
        const unit = FREQ_UNIT[period];
        let carried = false;
        let bad: number | null = null;
        for (let i = 0; i < p.indicators.length && !carried; i++) {
          const ind = p.indicators[i];
          const t = ind.target;
          if (t.kind !== "number" || t.value === null || !t.unit) continue;
          const name = coreName(ind.name);
          // The same frequency: 次/月 in the unit, or 次 with 每月 in the 三级; 次 per year compares N × 12.
          let expected: number | null = null;
          if (t.unit === unit || (t.unit === "次" && name.includes(`每${period}`))) expected = n;
          else if ((t.unit === "次/年" || (t.unit === "次" && (name.includes("全年") || name.includes("年度")))) && PER_YEAR[period]) expected = n * PER_YEAR[period];
          if (expected === null) continue;
          const opposite = gd !== null && dirOf(t.operator) !== null && gd !== dirOf(t.operator);
          if (t.value === expected && !opposite) carried = true;
          else if (bad === null) bad = i;
        }
        if (carried || bad === null || reported.has(bad)) continue;
        reported.add(bad);
        const ind = p.indicators[bad];
        ctx.report({
          field,
          data: { where, goal: clause(text, m.index, m.index + m[0].length), row: rowLabel(ind), value: ind.target.raw.trim() },
          dataEn: { where: WHERE_EN[where] ?? where, row: rowLabelEn(ind) },
          fix: `使目标与指标一致：指标值改为“${gd === "max" ? "≤" : "≥"}${n}${unit}”，或修改目标中的频次`,
          fixEn: `Make goal and indicator agree: change the value to “${gd === "max" ? "≤" : "≥"}${n}${unit}”, or the frequency in the goal`,
        });
      }
    }
  },
};

/** The clause around a match (from the previous punctuation), at most 30 characters. */
function clause(text: string, from: number, to: number): string {
  let a = from;
  while (a > 0 && from - a < 20 && !CLAUSE_BREAK.test(text[a - 1])) a--;
  return text.slice(a, to);
}
const CLAUSE_BREAK = /[，,。；;、：:（(）)]/;
