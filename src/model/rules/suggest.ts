/**
 * Building a 建议 value for a row: which operator fits, and the value rewritten with it. Never glues
 * an operator onto something that is not "number + known unit" ("1 长期" has no unit to keep, so no
 * "≥1 长期"); "=" for 100 % and for one-off counts; the 绩效指标描述 decides when it says so
 * ("不低于 1835 元" is a floor, "控制在 … 以内" a ceiling).
 */
import type { Indicator, Operator, Target } from "../schema";
import type { Level1Key, Level2Key } from "../taxonomy";
import { unitCategory } from "../units";
import { coreName, isLowerBetter, isLowerBetterQuantity, TIME_SPENT } from "./direction";
import { fmt, isCostRow, isSatisfactionRow, squash } from "./util";

const FLOOR_WORDS = /不低于|不少于|不小于|至少|以上|及以上|达到|≥|>=|＞=|大于等于/;
const CEILING_WORDS = /不超过|不高于|不多于|不大于|以内|以下|控制在|≤|<=|小于等于|上限/;
const YES_NO = /^(?:反映)?是否/;
const FIXED_WORDS = /实有|现有|在编|编制|核定|固定|共计|全部|全体/;

/** The direction the 三级/描述 text states ("不低于 1835 元" → ≥), or null when it says none or both. */
export function statedDirection(ind: Pick<Indicator, "name" | "description">): "≥" | "≤" | null {
  const text = squash(ind.description) + "\u0001" + squash(ind.name);
  const floor = FLOOR_WORDS.test(text);
  const ceiling = CEILING_WORDS.test(text);
  if (floor === ceiling) return null;
  return floor ? "≥" : "≤";
}

/** True when the 三级/描述 says the count is a fixed number (实有人数, 核定编制). */
export function isFixedCount(ind: Pick<Indicator, "name" | "description">): boolean {
  return FIXED_WORDS.test(squash(ind.name)) || FIXED_WORDS.test(squash(ind.description));
}

/** The operator a row's value should carry; null when the value is not a number with a known unit. */
export function suggestedOperator(ind: Indicator, l1: Level1Key | null, l2: Level2Key | null): Operator | null {
  const t = ind.target;
  if (!measurable(t)) return null;
  const name = coreName(ind.name);
  if (isCostRow(l1, l2)) return "≤";
  // A target of zero (“争议率 0%”, “安全事件 0起”) is exact: “≥0” is met by anything.
  if (t.value === 0) return "=";
  if (t.kind === "percent" && t.value === 100 && !isLowerBetter(name)) return "=";
  // A yes/no 描述 ("是否按时完成") measures one outcome: the value is exact.
  if (YES_NO.test(squash(ind.description))) return "=";
  const stated = statedDirection(ind);
  if (stated) return stated;
  if (isSatisfactionRow(l1, l2)) return "≥";
  if (t.kind === "percent") return isLowerBetter(name) ? "≤" : "≥";
  if (t.kind === "duration") return l2 === "timeliness" && TIME_SPENT.test(name) ? "≤" : "≥";
  if (t.kind === "number" || t.kind === "money") {
    if (isLowerBetterQuantity(name)) return "≤";
    // One-off purchases ("1 批", "1 座") and fixed head-counts are exact.
    if (t.value === 1 || isFixedCount(ind)) return "=";
    return "≥";
  }
  return null;
}

/** "number + known unit" (or a bare number / percent): something an operator can stand in front of. */
export function measurable(t: Target): boolean {
  if (t.value === null || t.valueMax !== null) return false;
  if (t.kind !== "number" && t.kind !== "percent" && t.kind !== "money" && t.kind !== "duration") return false;
  if (t.text !== null && t.text.trim() !== "") return false; // words left over ("1 长期有效", "230元/路" keeps "/路" in unit text)
  // A bare number has no unit to keep ("≥17" would still be incomplete); "7万" read as 万元 outside a
  // cost row may be 万人 (seed 001 #2): neither is rewritten.
  if (t.unit === null) return t.kind === "percent";
  if (t.kind === "money" && t.unit === "万元" && t.raw.indexOf("元") < 0) return false;
  return unitCategory(t.unit) !== null;
}

/** The value written with an operator ("≥10台", "=100%"); null when it cannot be rewritten safely. */
export function withOperator(t: Target, op: Operator): string | null {
  if (!measurable(t)) return null;
  return `${op}${fmt(t.value!)}${t.unit ?? ""}`;
}
