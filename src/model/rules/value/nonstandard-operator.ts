import type { Target } from "../../schema";
import type { Rule } from "../types";
import { rowLabel, rowLabelEn } from "../util";

const STANDARD = new Set(["≥", "≤", "=", ">", "<"]);
const PLUS_MINUS = /^[±＋]\s*(\d+(?:\.\d+)?)\s*(%|％)\s*(?:以内|之内|内)?$/;

/**
 * “±3%以内” (corpus 42 补助款结算误差率): a tolerance, i.e. a ceiling on the absolute error, written
 * with ± instead of ≤. The number and unit, or null when the value is not such a tolerance.
 */
export function plusMinusTolerance(t: Target): string | null {
  if (t.kind !== "text" || !t.raw) return null;
  const m = PLUS_MINUS.exec(t.raw.trim());
  return m ? `${m[1]}%` : null;
}

/**
 * Operators written as ≧ ≦ >= <= ＞ ＜ 以上 不低于 … (seed 002: ＞ ×3, ＜ ×1; seed 004: ≧ ×2). The value
 * parser already normalised them (operator); operatorRaw keeps the spelling.
 */
export const rule: Rule = {
  meta: {
    id: "value/nonstandard-operator",
    category: "value",
    title: "运算符写法不规范",
    titleEn: "Operator written non-standardly",
    specificity: 40,
    severity: "info",
    message: "{row}的运算符“{raw}”不规范，应写作“{op}”",
    messageEn: "Non-standard operator “{raw}” in {row}; write “{op}”",
    rationale: "预算管理一体化系统的计算符号只有 ≥、≤、=、>、<；其他写法（≧、>=、以上、不低于）导入系统或汇总时需要人工转换。",
    source: "预算管理一体化 数据标准 计算符号 computesign（rules-research §5、§6 E33）",
  },
  check(p, ctx) {
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const t = ind.target;
      const field = `indicators.${i}.target`;
      const tolerance = plusMinusTolerance(t);
      if (tolerance) {
        ctx.report({
          field,
          message: `${rowLabel(ind)}的指标值“${t.raw.trim()}”用“±”表示允许的误差，应写作“≤${tolerance}”`,
          messageEn: `Target value “${t.raw.trim()}” of ${rowLabelEn(ind)} uses “±” for a tolerance; write “≤${tolerance}”`,
          fix: `改为“≤${tolerance}”（绝对误差不超过 ${tolerance}）`,
          fixEn: `Write “≤${tolerance}” (absolute error at most ${tolerance})`,
        });
        continue;
      }
      if (t.operatorRaw === null || t.operator === null || STANDARD.has(t.operatorRaw)) continue;
      const approx = t.operatorRaw === "余" || t.operatorRaw === "多";
      ctx.report({
        field,
        message: approx
          ? `${rowLabel(p.indicators[i])}的指标值“${t.raw.trim()}”是约数，应写明界限，如“≥${t.value ?? ""}${t.unit ?? ""}”`
          : undefined,
        messageEn: approx
          ? `Target value “${t.raw.trim()}” of ${rowLabelEn(p.indicators[i])} is approximate; state the bound, e.g. “≥${t.value ?? ""}${t.unit ?? ""}”`
          : undefined,
        data: { row: rowLabel(p.indicators[i]), raw: t.operatorRaw, op: t.operator },
        dataEn: { row: rowLabelEn(p.indicators[i]) },
        fix: approx
          ? `写明界限：计划至少完成时写“≥${t.value ?? "N"}${t.unit ?? ""}”，确定数写“=${t.value ?? "N"}${t.unit ?? ""}”`
          : `把“${t.operatorRaw}”改为“${t.operator}”`,
        fixEn: approx
          ? `State the bound: “≥${t.value ?? "N"}${t.unit ?? ""}” for a planned minimum, “=${t.value ?? "N"}${t.unit ?? ""}” for an exact number`
          : `Replace “${t.operatorRaw}” with “${t.operator}”`,
      });
    }
  },
};
