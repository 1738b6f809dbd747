import type { Rule } from "../types";
import { fmt, squash } from "../util";

// A level written into the 三级 name: "…质量达标率100%", "…不低于95%", "完成3台…" (not a prompt "**%",
// not a unit annotation "(%)", not a year).
const NAME_UNITS = ["%", "％", "百分比", "个", "人次", "人", "名", "次", "件", "台", "套", "辆", "处", "条", "项", "户", "家", "所", "座", "株", "棵", "吨", "亩", "万亩", "公顷", "平方米", "米", "公里", "千米"];
const NAME_LEVEL = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${NAME_UNITS.join("|")})(?![\\u4e00-\\u9fa5]*[)）])`, "gu");
const PERCENT = new Set(["%", "％", "百分比"]);
// A value whose unit is none of these can never conflict with the name: skip its regex scan.
const COMPARABLE = new Set(NAME_UNITS);
// What any NAME_LEVEL match starts with (a digit, then a unit's first character): a cheap test that
// spares most names the costly lookahead scan.
const MAY_HAVE_LEVEL = new RegExp(`\\d\\s*[${[...new Set(NAME_UNITS.map((u) => u[0]))].join("")}]`);

function sameUnit(a: string, b: string | null): boolean {
  if (!b) return false;
  return a === b || (PERCENT.has(a) && PERCENT.has(b));
}

/**
 * The 三级 name states a level and the 指标值 states another for the same unit: "*贫困地区旅游基础设施建设
 * 质量达标率100%" with the value "≥98%" (corpus 21). A reviewer cannot tell which target is meant.
 */
export const rule: Rule = {
  meta: {
    id: "value/name-conflict",
    category: "value",
    title: "三级名称中的数值与指标值矛盾",
    titleEn: "Number in indicator name contradicts target value",
    specificity: 75,
    severity: "warning",
    message: "三级指标“{name}”写的是 {inName}，指标值却是“{value}”",
    messageEn: "The level-3 name says {inName} but the target is “{value}”",
    rationale: "同一指标的名称和指标值给出两个不同的目标水平，考核时无法确定以哪个为准；目标水平只应写在指标值中。",
    source: "财预〔2021〕101号 指标值“量化易评”、指标名称及解释；财预〔2015〕88号 指向明确（rules-research §1.3、§1.4）",
  },
  check(p, ctx) {
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const t = ind.target;
      if (t.value === null || t.valueMax !== null || !t.unit || !COMPARABLE.has(t.unit)) continue;
      const name = squash(ind.name);
      if (!name || /\*{2}|＊{2}/u.test(name)) continue; // a prompt: indicator/template-prompt
      if (!MAY_HAVE_LEVEL.test(name)) continue;
      let conflict: { n: number; unit: string; written: string } | null = null;
      for (const m of name.matchAll(NAME_LEVEL)) {
        const n = Number(m[1]);
        if (!sameUnit(m[2], t.unit)) continue;
        if (Math.abs(n - t.value) < 1e-9) {
          conflict = null;
          break; // the name repeats the target: redundant, not contradictory
        }
        conflict ??= { n, unit: m[2], written: m[0] };
      }
      if (!conflict) continue;
      const inName = `${fmt(conflict.n)}${PERCENT.has(conflict.unit) ? "%" : conflict.unit}`;
      const written = conflict.written;
      const clean = name.replace(written, "").replace(/^[*＊]+/u, "");
      const op = conflict.n === 100 && PERCENT.has(conflict.unit) ? "=" : (t.operator ?? "≥");
      ctx.report({
        field: `indicators.${i}.target`,
        data: { name: ind.name.trim(), inName, value: t.raw.trim() },
        dataEn: { inName: `“${inName}”` },
        fix: `三级指标写“${clean}”，目标只写在指标值栏：目标是 ${inName} 时写“${op}${inName}”，是“${t.raw.trim()}”时删去名称中的“${written}”`,
        fixEn: `Name the level-3 “${clean}” and put the target only in the value column: if the target is “${inName}”, write “${op}${inName}”; if it is “${t.raw.trim()}”, drop “${written}” from the name`,
      });
    }
  },
};
