import type { Rule } from "../types";
import { facts, fmt, isCostRow, isSatisfactionRow, nameUnit, rowLabel, rowLabelEn, squash } from "../util";
import { coreName, isLowerBetter } from "../direction";
import { unitOfName } from "../fix";

const BARE_WAN = /万\s*$/;

const guessUnit = unitOfName;

/**
 * The 建议 for a rate typed as a bare number: the 描述 / 指标解释 may give the level ("90%(计划标准)",
 * corpus 07); a fraction is a percent typed as Excel keeps it (1 → 100%, 0.95 → 95%).
 */
function rateFix(value: number | null, description: string | null, name: string, en = false): string {
  // 100 % and 0 % are exact; a rate of bad events (“变质比例”, corpus 48) is a ceiling; others a floor.
  const lower = isLowerBetter(coreName(name));
  const op = (pct: string) => (pct === "100" || pct === "0" ? "=" : lower ? "≤" : "≥");
  const d = /(\d+(?:\.\d+)?)\s*[%％]/.exec(description ?? "");
  if (d) return en ? `The description says ${d[1]}%: write the target “${op(d[1])}${d[1]}%”` : `指标解释写 ${d[1]}%，指标值写“${op(d[1])}${d[1]}%”`;
  if (value !== null && value > 0 && value <= 1) {
    const pct = fmt(Math.round(value * 10000) / 100);
    return en ? `Write the rate as a percentage: if “${value}” means ${pct}%, write “${op(pct)}${pct}%”` : `比率写成百分数：“${value}”若指 ${pct}%，写“${op(pct)}${pct}%”`;
  }
  const v = value === null ? "N" : fmt(value);
  return en ? `Write the rate as a percentage, e.g. “${op(v)}${v}%”` : `比率写成百分数，如“${op(v)}${v}%”`;
}

/**
 * A number without a unit (seed 001: "17", "≥1000", "≤50" in a cost row), unless the 三级 carries it
 * ("治安案件发案数（个）" → "≤40" is fine); and "7万" outside cost rows, where the value parser reads
 * 万 as 万元 but a counting noun is missing (seed 001 #2 "进行采集核实用户 7万").
 */
export const rule: Rule = {
  meta: {
    id: "value/missing-unit",
    category: "value",
    title: "指标值缺少单位",
    titleEn: "Target value missing a unit",
    specificity: 55,
    severity: "warning",
    message: "{row}的指标值“{value}”缺少计量单位",
    messageEn: "Target value “{value}” of {row} has no unit",
    rationale: "指标值应由运算符、数值和计量单位组成（如“≥95%”“≥200人次”），没有单位无法判断数值含义。",
    source: "一体化数据标准 计量单位 meterunit；参考模板“≥**人次”“≥**%”写法（rules-research §3.3、§6 E36、E37）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const t = ind.target;
      const cost = isCostRow(f.l1[i], f.l2[i]);
      if (t.kind === "number" && !t.unit) {
        if (nameUnit(squash(ind.name)) !== null) continue;
        // The 三级 states the count with its unit ("配套电力设施1250KVA变压器3台" → "3"; corpus 26).
        if (t.value !== null && new RegExp(`(?:^|[^\\d.])${fmt(t.value).replace(".", "\\.")}\\s*[\\u4e00-\\u9fa5]`).test(squash(ind.name))) continue;
        const fix = cost
          ? `成本金额应写明单位，如“${t.raw.trim()}万元”`
          : isSatisfactionRow(f.l1[i], f.l2[i]) || guessUnit(ind.name) === "%"
            ? rateFix(t.value, ind.description, ind.name)
            : `写明计量单位，如“${t.raw.trim()}${guessUnit(ind.name)}”`;
        const fixEn = cost
          ? `Give the cost its unit, e.g. “${t.raw.trim()}万元”`
          : isSatisfactionRow(f.l1[i], f.l2[i]) || guessUnit(ind.name) === "%"
            ? rateFix(t.value, ind.description, ind.name, true)
            : `State the unit, e.g. “${t.raw.trim()}${guessUnit(ind.name)}”`;
        ctx.report({ field: `indicators.${i}.target`, data: { row: rowLabel(ind), value: t.raw.trim() }, dataEn: { row: rowLabelEn(ind) }, fix, fixEn });
      } else if (t.kind === "money" && !cost && BARE_WAN.test(t.raw)) {
        ctx.report({
          field: `indicators.${i}.target`,
          message: `${rowLabel(ind)}的指标值“${t.raw.trim()}”只有数量级“万”，缺少计量单位（万人？万条？万元？）`,
          messageEn: `Target value “${t.raw.trim()}” of ${rowLabelEn(ind)} has only the magnitude “万”, no unit (“万人”, “万条” or “万元”?)`,
          fix: `写明单位，如“${t.raw.trim()}${guessUnit(ind.name) === "个" ? "户" : guessUnit(ind.name)}”或“${t.raw.trim()}元”`,
          fixEn: `State the unit, e.g. “${t.raw.trim()}${guessUnit(ind.name) === "个" ? "户" : guessUnit(ind.name)}” or “${t.raw.trim()}元”`,
        });
      } else if (t.kind === "money" && cost && BARE_WAN.test(t.raw)) {
        // Seed 002: "≤ 80 万" in 10 cost rows. Clearly 万元 in a cost row, so only a hint to write it out.
        ctx.report({
          field: `indicators.${i}.target`,
          severity: "info",
          message: `${rowLabel(ind)}的金额“${t.raw.trim()}”单位写作“万”，应写“万元”`,
          messageEn: `The amount “${t.raw.trim()}” of ${rowLabelEn(ind)} has the unit “万”; write “万元”`,
          fix: `改为“${squash(t.raw)}元”`,
          fixEn: `Write “${squash(t.raw)}元”`,
        });
      }
    }
  },
};
