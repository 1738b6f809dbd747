import type { Rule } from "../types";
import type { Level2Key } from "../../taxonomy";
import { parseTarget, unitCategory } from "../../value";
import { facts, squash } from "../util";

// What a row of each 二级 usually names, for the 建议.
const NAME_HINT: Partial<Record<Level2Key, string>> = {
  quantity: "完成数量",
  quality: "验收合格率",
  timeliness: "项目完成时限",
  cost: "项目总成本",
};

/**
 * A 三级 name that is a value: corpus 51 writes “1年” both as the 时效 row's name and as its 指标值, so the
 * row says how much but not what is measured. A name parses as a number, percent, amount, duration or
 * date with no words left over.
 */
export const rule: Rule = {
  meta: {
    id: "indicator/name-is-value",
    category: "framework",
    title: "三级指标名称写成指标值",
    titleEn: "Indicator name written as a target value",
    specificity: 85,
    severity: "warning",
    message: "第 {row} 条指标的三级指标名称“{name}”是一个指标值，没有写考核的内容",
    messageEn: "The level-3 name “{name}” of row {row} is a value, not what is measured",
    rationale: "三级指标名称写考核什么（如“项目完成时限”），指标值写达到多少（如“≤2021年12月31日”）；名称写成数值时，指标无法理解也无法考核。",
    source: "项目绩效目标表表样 三级指标列、指标值列（rules-research §6 D28）；财预〔2021〕101号 指标名称与指标值",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const name = squash(p.indicators[i].name);
      // A value starts with a digit or an operator: most names are skipped before parsing.
      const c = name.charCodeAt(0);
      if (!((c >= 48 && c <= 57) || c === 0x2265 || c === 0x2264 || c === 61 || c === 62 || c === 60)) continue;
      const t = parseTarget(name);
      if (t.value === null || (t.text !== null && t.text.trim() !== "")) continue;
      if (t.kind !== "number" && t.kind !== "percent" && t.kind !== "money" && t.kind !== "duration" && t.kind !== "date") continue;
      // “400前端” (seed 002: 400 cameras) names a thing after its count; only a known unit makes a value.
      if (t.kind === "number" && t.unit !== null && unitCategory(t.unit) === null) continue;
      const l2 = f.l2[i];
      const hint = (l2 && NAME_HINT[l2]) ?? "考核的内容";
      ctx.report({
        field: `indicators.${i}.name`,
        data: { row: i + 1, name },
        fix: `三级指标写这一行考核什么（如“${hint}”），“${name}”只写在指标值栏`,
        fixEn: `Make the level-3 say what this row measures (e.g. “${hint}”); “${name}” goes only in the value column`,
      });
    }
  },
};
