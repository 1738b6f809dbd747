import type { Project } from "../../schema";
import type { Rule } from "../types";
import { facts } from "../util";

// A count in the goal: number + counting word. 名/人/人次 are one family (people).
const GOAL_COUNT = /(\d+(?:\.\d+)?)\s*(名|人次|人|个|辆|台|套|处|座|条|部|件|家|只|所|户|项)/g;
const FAMILY: Record<string, string> = { 名: "人", 人: "人", 人次: "人次" };
const NUM = /\d+(?:\.\d+)?/g;
const HEADCOUNT_CUE = /实有|现有|在编|编制|共有|聘用|配备/;
const HEADCOUNT_BEFORE = /(?:实有|现有|在编|编制|共有|聘用|配备)[^\d，。；,;]{0,3}$/;

/** Every number written in the 三级 or 描述 of the project's rows (read once per project, not per count). */
function numbersInRows(p: Project): Set<number> {
  const out = new Set<number>();
  for (const ind of p.indicators) {
    for (const text of [ind.name, ind.description]) {
      if (!text) continue;
      NUM.lastIndex = 0;
      for (let k = NUM.exec(text); k !== null; k = NUM.exec(text)) out.add(Number(k[0]));
    }
  }
  return out;
}

function family(unit: string | null): string | null {
  if (!unit) return null;
  return FAMILY[unit] ?? unit;
}

/**
 * A head-count or quantity in the goal text contradicts the 数量 indicators: seed 004 P2 goal "实有
 * 326 名辅警" while 数量 says "253人". Heuristic: for each "N <counting word>" in the goals, look at
 * the 数量 rows whose unit is of the same family (名≈人); if there are such rows and none carries N
 * (as its value, or written in its 三级/描述), report. No 数量 row of that unit → nothing to compare.
 */
export const rule: Rule = {
  meta: {
    id: "consistency/count-mismatch",
    category: "consistency",
    title: "目标数量与指标不一致",
    titleEn: "Quantity in goal differs from indicator",
    specificity: 75,
    severity: "warning",
    message: "绩效目标写明 {goalValue}，但数量指标为 {indicatorValues}",
    messageEn: "Goal states {goalValue} but the quantity indicators say {indicatorValues}",
    rationale: "绩效目标与绩效指标应相互对应，目标中的数量应在数量指标中体现，数字不一致说明照抄或填错。",
    source: "财预〔2020〕10号 绩效指标明确性“与计划任务数相对应”；财预〔2015〕88号 相应匹配（rules-research §2.2、§4 P10）",
  },
  check(p, ctx) {
    // The goals, and a head-count stated in the 资金用途 ("实有326名辅警"): a 资金用途 lists many numbers
    // (standards, months, items), so only counts introduced as the staff or people on the books count.
    const texts: [string, string, boolean][] = p.goals.map((g, gi) => [`goals.${gi}`, g, false]);
    if (p.purpose && HEADCOUNT_CUE.test(p.purpose)) texts.push(["purpose", p.purpose, true]);
    if (texts.length === 0) return;
    let f: ReturnType<typeof facts> | null = null;
    let rowNumbers: Set<number> | null = null;
    for (const [field, g, headcountOnly] of texts) {
      if (!g) continue;
      GOAL_COUNT.lastIndex = 0;
      for (let m = GOAL_COUNT.exec(g); m !== null; m = GOAL_COUNT.exec(g)) {
        // Head-counts of people only: "现有囚车 1 辆，生活用车 1 辆" add up to the 数量 "2 辆" (seed 000 #34).
        if (headcountOnly && (family(m[2]) !== "人" || !HEADCOUNT_BEFORE.test(g.slice(Math.max(0, m.index - 6), m.index)))) continue;
        // "1.目标…" numbering is followed by a dot, never by a counting word, so it does not match.
        const n = Number(m[1]);
        const fam = family(m[2]);
        f ??= facts(p, ctx.profile);
        const values: string[] = [];
        let carried = false;
        for (let i = 0; i < p.indicators.length && !carried; i++) {
          if (f.l2[i] !== "quantity") continue;
          const t = p.indicators[i].target;
          if (family(t.unit) !== fam) continue;
          if (t.value === n || t.valueMax === n) carried = true;
          else values.push(t.raw.trim());
        }
        if (carried || values.length === 0) continue;
        // Any indicator that writes the number in its 三级/描述 carries it ("保障 49 名执勤民警").
        rowNumbers ??= numbersInRows(p);
        if (rowNumbers.has(n)) continue;
        ctx.report({
          field,
          message: headcountOnly ? `资金用途写明 ${m[1]}${m[2]}，但数量指标为 ${values.map((v) => `“${v}”`).join("、")}` : undefined,
          data: { goalValue: `${m[1]}${m[2]}`, indicatorValues: values.map((v) => `“${v}”`).join("、") },
          fix: `核对实际数量，使两者一致：数量指标写作“${values.length === 1 ? values[0].replace(/[\d.]+/, m[1]) : `${m[1]}${m[2]}`}”，或把${headcountOnly ? "资金用途" : "目标"}中的“${m[1]}${m[2]}”改为指标的数量`,
          messageEn: headcountOnly ? `The use of funds states “${m[1]}${m[2]}” but the quantity indicators say ${values.map((v) => `“${v}”`).join(", ")}` : undefined,
          dataEn: { goalValue: `“${m[1]}${m[2]}”`, indicatorValues: values.map((v) => `“${v}”`).join(", ") },
          fixEn: `Check the real number and make them agree: write the quantity indicator “${values.length === 1 ? values[0].replace(/[\d.]+/, m[1]) : `${m[1]}${m[2]}`}”, or change “${m[1]}${m[2]}” in the ${headcountOnly ? "use of funds" : "goal"} to the indicator's number`,
        });
      }
    }
  },
};
