/**
 * Cost helpers: the money carried by 成本 rows, exact via integer 分.
 *
 * Which rows count towards the project's cost total:
 *  - money targets (kind "money") in cost rows, in 万元 / 万 / 元; a bare number without unit in a cost
 *    row is taken in 万元, the table's unit (seed 001 #15 "≤50"), and listed in `assumedUnit`;
 *  - per-unit amounts are unit costs, not totals, and are skipped: a per-unit unit ("1835元/人",
 *    "元/人/天"), a "/路" or "每台" written after the amount ("230元/路"), or a 三级/描述 that names a
 *    standard per unit ("人均成本", "每人每月伙食标准", "单价"); summing them made "成本合计 0.023 万元
 *    低于预算数 37 万元" noise. "万元/年" is an annual amount and counts (seed 004 P4: 10 + 10 + 240
 *    万元/年 = 260 = 预算数);
 *  - an exact repeat of a row (same 三级 and 值, seed 002 P1 "资金成本 ≤ 80 万" twice) counts once
 *    (indicator/duplicate reports the repeat);
 *  - when a money row is named as a total (总成本, 总投资, 总额, 合计 …), only such rows count, so a
 *    "单位成本" row next to a "项目总成本" row is not added twice.
 */
import type { Indicator } from "../schema";
import { fenToWan, wanToFen } from "../money";
import { targetFen as plainFen } from "../value";
import { normalizeLevel1, normalizeLevel2 } from "../taxonomy";

export interface CostTotal {
  /** Sum in 分 of the counted rows; null when no cost row carries money. */
  fen: number | null;
  /** Same in 万元 (exact decimal); null when fen is null. */
  wan: number | null;
  /** Indices of the rows counted. */
  rows: number[];
  /** Indices of cost rows whose value is not an amount (excluding empty and redacted values). */
  nonMoney: number[];
  /** Indices of per-unit cost rows (元/人 …), not counted. */
  unitCost: number[];
  /** Indices of counted rows whose amount had no unit (taken as 万元). */
  assumedUnit: number[];
  /** Number of cost rows in total. */
  costRows: number;
}

const TOTAL_NAME = /总成本|总投资|总额|总费用|总经费|资金总|合计|控制数|项目成本/;
/** A 三级/描述 naming a cost per unit: 人均, 单价, 每人每月, "(元/人)", "…标准" (警服配发标准). */
const PER_UNIT_NAME = /人均|生均|户均|车均|单价|单位成本|单位造价|单位价格|[每单](?:人|名|户|台|辆|套|个|次|路|件|张|块|平方米|㎡|公里|米|天|日|月|车|床|班|场)|元\s*[/／]\s*[^\s年)）]|标准$/;
/** Text left after the unit of a per-unit amount ("230元/路" → "/路", "元每人" → "每人"). */
const PER_UNIT_TAIL = /^\s*(?:[/／]|每)\s*[^\s年]/;

/** True when the 三级 or 描述 of a cost row says its amount is per unit (not a total). */
export function isPerUnitCostText(name: string | null | undefined, description?: string | null): boolean {
  const n = name ? name.replace(/\s+/g, "") : "";
  if (n && !TOTAL_NAME.test(n) && PER_UNIT_NAME.test(n)) return true;
  const d = description ? description.replace(/\s+/g, "") : "";
  return d.length > 0 && !TOTAL_NAME.test(d) && PER_UNIT_NAME.test(d);
}

/**
 * Amount of one cost-row target in 分 (null when it is not an amount). Plain 万元/元 via value.ts;
 * a bare number is taken in 万元 (`assumed`); "万元/年"/"元/年" count as annual amounts; other "X/Y"
 * units are per-unit costs (`perUnit`).
 */
export function costRowFen(t: Indicator["target"]): { fen: number; perUnit: boolean; assumed: boolean } | null {
  if (t.value === null || !Number.isFinite(t.value)) return null;
  if (t.kind === "number" && (t.unit === null || t.unit === "")) {
    const fen = wanToFen(t.value);
    return Number.isFinite(fen) ? { fen, perUnit: false, assumed: true } : null;
  }
  if (t.kind !== "money" || !t.unit) return null;
  const plain = plainFen(t);
  if (plain !== null) return { fen: plain, perUnit: t.text !== null && PER_UNIT_TAIL.test(t.text), assumed: false };
  const slash = t.unit.indexOf("/");
  if (slash < 0) return null; // 亿元/千元: not expected in these tables
  const annual = t.unit.slice(slash + 1) === "年";
  const base = t.unit.slice(0, slash);
  const fen = plainFen({ ...t, unit: base });
  if (fen === null) return null;
  return { fen, perUnit: !annual, assumed: false };
}

function defaultIsCost(ind: Indicator): boolean {
  const l1 = normalizeLevel1(ind.level1).key;
  const l2 = normalizeLevel2(ind.level2).key;
  return l1 === "cost" || l2 === "cost" || l2 === "economicCost" || l2 === "socialCost" || l2 === "ecologicalCost";
}

/**
 * Money carried by the 成本 rows. `isCost(i)` says whether row i is a cost row; by default the labels
 * are normalised through taxonomy (the rules pass their precomputed keys instead).
 */
export function costTotalWan(indicators: readonly Indicator[], isCost?: (i: number) => boolean): CostTotal {
  // Arrays are created only when needed: this runs once per project on the hot path.
  let rows: number[] | null = null;
  let rowFens: number[] | null = null;
  let totalRows: number[] | null = null;
  let totalFens: number[] | null = null;
  let nonMoney: number[] | null = null;
  let unitCost: number[] | null = null;
  let assumed: number[] | null = null;
  let costRows = 0;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i];
    if (!(isCost ? isCost(i) : defaultIsCost(ind))) continue;
    costRows++;
    const t = ind.target;
    if (t.kind === "empty" || t.kind === "redacted") continue;
    const a = costRowFen(t);
    if (!a) {
      (nonMoney ??= []).push(i);
      continue;
    }
    if (a.perUnit || isPerUnitCostText(ind.name, ind.description)) {
      (unitCost ??= []).push(i);
      continue;
    }
    if (rows && isRepeat(indicators, rows, ind)) continue;
    (rows ??= []).push(i);
    (rowFens ??= []).push(a.fen);
    if (a.assumed) (assumed ??= []).push(i);
    if (TOTAL_NAME.test(ind.name.indexOf(" ") >= 0 ? ind.name.replace(/\s+/g, "") : ind.name)) {
      (totalRows ??= []).push(i);
      (totalFens ??= []).push(a.fen);
    }
  }
  const counted = totalRows ?? rows ?? NONE;
  const fens = totalFens ?? rowFens;
  let fen: number | null = null;
  if (fens) {
    fen = 0;
    for (let k = 0; k < fens.length; k++) fen += fens[k];
  }
  return {
    fen,
    wan: fen === null ? null : fenToWan(fen),
    rows: counted,
    nonMoney: nonMoney ?? NONE,
    unitCost: unitCost ?? NONE,
    assumedUnit: assumed ? (totalRows ? assumed.filter((i) => totalRows!.includes(i)) : assumed) : NONE,
    costRows,
  };
}

const NONE: number[] = Object.freeze([]) as unknown as number[];

/** Same 三级 and 值 as a row already counted (rows are few: a linear scan allocates nothing). */
function isRepeat(indicators: readonly Indicator[], rows: number[], ind: Indicator): boolean {
  for (let k = 0; k < rows.length; k++) {
    const o = indicators[rows[k]];
    if (o.name === ind.name && o.target.raw === ind.target.raw) return true;
  }
  return false;
}

/** A cost standard per unit: amount in 分, what it is per (人, 路, 台 …; null for "元/月"), and its period. */
export interface UnitCost {
  fen: number;
  per: string | null;
  period: "月" | "天" | "年" | null;
}

const PER_NOUN = /[每/／](人次|人|名|户|台|辆|套|个|次|路|件|张|块|平方米|平米|㎡|立方米|公里|千米|米|吨|亩|车|床|班|场|处|部|条|所|家)/;
const PER_SAME: Record<string, string> = { 名: "人", 人次: "人", 平米: "平方米", "㎡": "平方米", 千米: "公里" };
const PERIOD = /[每/／](月|天|日|年)/;

/**
 * The unit cost of a per-unit cost row ("1835元/人", "240元/人/月", "230元/路", "≤42元" with 三级
 * "每人每月伙食标准"), or null when the row is not a per-unit amount.
 */
export function unitCostOf(ind: Indicator): UnitCost | null {
  const t = ind.target;
  const a = costRowFen(t);
  if (!a || a.assumed) return null;
  if (!a.perUnit && !isPerUnitCostText(ind.name, ind.description)) return null;
  const text = `${t.unit ?? ""}${t.text ?? ""}\u0001${ind.name.replace(/\s+/g, "")}\u0001${(ind.description ?? "").replace(/\s+/g, "")}`;
  const perM = PER_NOUN.exec(text);
  const periodM = PERIOD.exec(text);
  const period = periodM ? (periodM[1] === "日" ? "天" : (periodM[1] as "月" | "天" | "年")) : null;
  const per = perM ? (PER_SAME[perM[1]] ?? perM[1]) : null;
  if (per === null && period === null) return null;
  return { fen: a.fen, per, period };
}
