/**
 * The ONE unit table and the ONE operator table for 指标值 parsing (value.ts) and for rules/custom
 * functions that need to compare units or operators.
 */
import type { Operator } from "./schema";

/** What a unit measures; decides the TargetKind of "number + unit". */
export type UnitCategory = "percent" | "money" | "duration" | "count" | "measure";

export interface UnitInfo {
  /** Normalised spelling. */
  unit: string;
  category: UnitCategory;
}

/**
 * Alias (after full-width → ASCII and space removal) → normalised unit. Order is irrelevant: lookups
 * take the longest alias that prefixes the text.
 */
const UNIT_ENTRIES: ReadonlyArray<readonly [string, string, UnitCategory]> = [
  // percent
  ["%", "%", "percent"],
  ["百分比", "%", "percent"],
  ["百分率", "%", "percent"],
  // money (万 alone is handled by the caller: money by default, see value.ts)
  ["万元", "万元", "money"],
  ["元", "元", "money"],
  ["亿元", "亿元", "money"],
  ["千元", "千元", "money"],
  ["万元/年", "万元/年", "money"],
  ["万元/人", "万元/人", "money"],
  ["元/人", "元/人", "money"],
  ["元/年", "元/年", "money"],
  ["元/月", "元/月", "money"],
  ["元/人/年", "元/人/年", "money"],
  ["元/人/月", "元/人/月", "money"],
  ["元/人·年", "元/人/年", "money"],
  ["元/人·月", "元/人/月", "money"],
  ["元/人年", "元/人/年", "money"],
  ["元/人月", "元/人/月", "money"],
  ["元/人/天", "元/人/天", "money"],
  ["元/天", "元/天", "money"],
  ["元/次", "元/次", "money"],
  ["元/平方米", "元/平方米", "money"],
  ["元/㎡", "元/平方米", "money"],
  // durations
  ["年", "年", "duration"],
  ["个月", "月", "duration"],
  ["月", "月", "duration"],
  ["周", "周", "duration"],
  ["个星期", "周", "duration"],
  ["星期", "周", "duration"],
  ["天", "天", "duration"],
  ["日", "天", "duration"],
  ["个工作日", "工作日", "duration"],
  ["工作日", "工作日", "duration"],
  ["个小时", "小时", "duration"],
  ["小时", "小时", "duration"],
  ["h", "小时", "duration"],
  ["分钟", "分钟", "duration"],
  ["秒", "秒", "duration"],
  ["个季度", "季度", "duration"],
  ["季度", "季度", "duration"],
  // measures
  ["平方米", "平方米", "measure"],
  ["平米", "平方米", "measure"],
  ["㎡", "平方米", "measure"],
  ["m2", "平方米", "measure"],
  ["m²", "平方米", "measure"],
  ["平方公里", "平方公里", "measure"],
  ["平方千米", "平方公里", "measure"],
  ["k㎡", "平方公里", "measure"],
  ["立方米", "立方米", "measure"],
  ["m³", "立方米", "measure"],
  ["公里", "公里", "measure"],
  ["千米", "公里", "measure"],
  ["km", "公里", "measure"],
  ["米", "米", "measure"],
  ["m", "米", "measure"],
  ["延米", "米", "measure"],
  ["吨", "吨", "measure"],
  ["千克", "千克", "measure"],
  ["公斤", "千克", "measure"],
  ["kg", "千克", "measure"],
  ["亩", "亩", "measure"],
  ["千瓦", "千瓦", "measure"],
  ["kw", "千瓦", "measure"],
  ["kW", "千瓦", "measure"],
  ["度", "度", "measure"],
  ["GB", "GB", "measure"],
  ["TB", "TB", "measure"],
  ["M", "M", "measure"],
  ["兆", "M", "measure"],
  ["‰", "‰", "measure"],
  ["个百分点", "百分点", "measure"],
  ["百分点", "百分点", "measure"],
  ["分", "分", "measure"], // score points ("≥90分")
  // counts
  ["人次", "人次", "count"],
  ["人", "人", "count"],
  ["名", "名", "count"],
  ["户", "户", "count"],
  ["家", "家", "count"],
  ["个", "个", "count"],
  ["处", "处", "count"],
  ["台", "台", "count"],
  ["套", "套", "count"],
  ["次", "次", "count"],
  ["辆", "辆", "count"],
  ["份", "份", "count"],
  ["件", "件", "count"],
  ["部", "部", "count"],
  ["条", "条", "count"],
  ["张", "张", "count"],
  ["座", "座", "count"],
  ["只", "只", "count"],
  ["批", "批", "count"],
  ["项", "项", "count"],
  ["块", "块", "count"],
  ["起", "起", "count"],
  ["点位", "点位", "count"],
  ["个点位", "点位", "count"],
  ["所", "所", "count"],
  ["间", "间", "count"],
  ["栋", "栋", "count"],
  ["幢", "幢", "count"],
  ["期", "期", "count"],
  ["场", "场", "count"],
  ["场次", "场次", "count"],
  ["册", "册", "count"],
  ["本", "本", "count"],
  ["篇", "篇", "count"],
  ["类", "类", "count"],
  ["种", "种", "count"],
  ["支", "支", "count"],
  ["把", "把", "count"],
  ["架", "架", "count"],
  ["匹", "匹", "count"],
  ["头", "头", "count"],
  ["株", "株", "count"],
  ["棵", "棵", "count"],
  ["盏", "盏", "count"],
  ["路", "路", "count"],
  ["根", "根", "count"],
  ["组", "组", "count"],
  ["队", "队", "count"],
  ["单位", "单位", "count"],
  ["户次", "户次", "count"],
  ["车次", "车次", "count"],
  ["架次", "架次", "count"],
  ["课时", "课时", "count"],
  ["学时", "学时", "count"],
  ["万人", "万人", "count"],
  ["万人次", "万人次", "count"],
  ["万户", "万户", "count"],
  ["万条", "万条", "count"],
  ["万件", "万件", "count"],
  ["万张", "万张", "count"],
  ["万份", "万份", "count"],
  ["万次", "万次", "count"],
  ["万个", "万个", "count"],
  ["千人", "千人", "count"],
  ["个/年", "个/年", "count"],
  ["次/年", "次/年", "count"],
  ["次/月", "次/月", "count"],
  ["次/周", "次/周", "count"],
  ["次/天", "次/天", "count"],
  ["次/日", "次/天", "count"],
  ["人/年", "人/年", "count"],
  ["人次/年", "人次/年", "count"],
];

const UNIT_MAP: ReadonlyMap<string, UnitInfo> = new Map(
  UNIT_ENTRIES.map(([alias, unit, category]) => [alias, { unit, category }])
);
const NORMALISED_CATEGORY: ReadonlyMap<string, UnitCategory> = new Map(
  UNIT_ENTRIES.map(([, unit, category]) => [unit, category])
);
/** Aliases grouped by first character, longest first, so a prefix lookup scans a handful of entries. */
const UNITS_BY_FIRST: ReadonlyMap<
  string,
  ReadonlyArray<readonly [string, UnitInfo]>
> = groupByFirst(UNIT_ENTRIES.map(([a, unit, category]) => [a, { unit, category }] as const));

function groupByFirst<T>(
  entries: ReadonlyArray<readonly [string, T]>
): Map<string, Array<readonly [string, T]>> {
  const m = new Map<string, Array<readonly [string, T]>>();
  for (const e of entries) {
    const k = e[0][0];
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(e);
  }
  for (const l of m.values()) l.sort((a, b) => b[0].length - a[0].length);
  return m;
}

/** The bare 万 (ten thousand): money (万元) unless the caller says it counts something. */
export const WAN = "万";

/**
 * Longest unit alias at the start of `s` (already compact: ASCII, no spaces). Returns the info and the
 * alias length, or null.
 */
export function matchUnitPrefix(s: string, from = 0): { info: UnitInfo; length: number } | null {
  const list = UNITS_BY_FIRST.get(s[from]);
  if (!list) return null;
  for (const [alias, info] of list)
    if (s.startsWith(alias, from)) return { info, length: alias.length };
  return null;
}

/** Unit info of a whole alias ("平米" → 平方米/measure), or null when unknown. */
export function lookupUnit(alias: string): UnitInfo | null {
  return UNIT_MAP.get(alias) ?? null;
}

/**
 * Normalised spelling of a unit as written: full-width and spaces removed, bracketed notes dropped
 * ("起（案件）" → "起"), aliases mapped ("百分比" → "%", "平米" → "平方米", "万" → "万元").
 * Unknown units come back compacted but otherwise unchanged; blank → null.
 */
export function normalizeUnit(unit: string | null | undefined): string | null {
  if (unit === null || unit === undefined) return null;
  let s = compact(unit);
  const br = s.search(/[(（[【]/);
  if (br > 0) s = s.slice(0, br);
  if (s.length === 0) return null;
  if (s === WAN) return "万元";
  return UNIT_MAP.get(s)?.unit ?? s;
}

/** Category of a normalised unit (or alias); null when unknown. */
export function unitCategory(unit: string | null | undefined): UnitCategory | null {
  if (!unit) return null;
  return NORMALISED_CATEGORY.get(unit) ?? UNIT_MAP.get(unit)?.category ?? null;
}

/** True for "%" and its aliases ("百分比", "％"). */
export function isPercentUnit(unit: string | null | undefined): boolean {
  return unitCategory(normalizeUnit(unit)) === "percent";
}

/** True for plain amounts 元 / 万元 / 亿元 / 千元 (not rates like 元/人). */
export function isMoneyUnit(unit: string | null | undefined): boolean {
  const u = normalizeUnit(unit);
  return u === "万元" || u === "元" || u === "亿元" || u === "千元";
}

/** True for a time span unit (年, 月, 天, 工作日, 小时…). */
export function isDurationUnit(unit: string | null | undefined): boolean {
  return unitCategory(normalizeUnit(unit)) === "duration";
}

/** Full-width ASCII → ASCII, all spaces (incl. U+3000) removed. Shared by units, operators and value parsing. */
export function compact(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      c <= 0x20 ||
      c === 0x3000 ||
      c === 0xa0 ||
      (c >= 0xff01 && c <= 0xff5e) ||
      c === 0xfeff ||
      (c >= 0x2000 && c <= 0x200b)
    ) {
      needs = true;
      break;
    }
  }
  if (!needs) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b))
      continue;
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Operators

/** Where the operator stands relative to the number. */
type OperatorPlace = "prefix" | "suffix";

/**
 * Operator spellings → normalised operator. Prefix spellings are matched on compact text (full-width
 * already mapped, so "＞" arrives as ">" — operatorRaw keeps the original glyph, see value.ts).
 * "以上/以下" include the bound (Chinese legal usage), so they map to ≥ / ≤.
 */
const OPERATOR_ENTRIES: ReadonlyArray<readonly [string, Operator, OperatorPlace]> = [
  [">=", "≥", "prefix"],
  ["≥=", "≥", "prefix"],
  ["≧=", "≥", "prefix"],
  ["≤=", "≤", "prefix"],
  ["≦=", "≤", "prefix"],
  ["=>", "≥", "prefix"],
  ["<=", "≤", "prefix"],
  ["=<", "≤", "prefix"],
  ["≥", "≥", "prefix"],
  ["≧", "≥", "prefix"],
  ["⩾", "≥", "prefix"],
  ["≤", "≤", "prefix"],
  ["≦", "≤", "prefix"],
  ["⩽", "≤", "prefix"],
  [">", ">", "prefix"],
  ["<", "<", "prefix"],
  ["=", "=", "prefix"],
  // Small-form variants some input methods and converters produce (丽江 自评表: “﹦”).
  ["﹦", "=", "prefix"],
  ["﹥", ">", "prefix"],
  ["﹤", "<", "prefix"],
  ["≈", "=", "prefix"],
  ["大于等于", "≥", "prefix"],
  ["大于或等于", "≥", "prefix"],
  ["小于等于", "≤", "prefix"],
  ["小于或等于", "≤", "prefix"],
  ["不低于", "≥", "prefix"],
  ["不少于", "≥", "prefix"],
  ["不小于", "≥", "prefix"],
  ["不下于", "≥", "prefix"],
  ["至少", "≥", "prefix"],
  ["最少", "≥", "prefix"],
  ["达到", "≥", "prefix"],
  ["达", "≥", "prefix"],
  ["高于", ">", "prefix"],
  ["大于", ">", "prefix"],
  ["多于", ">", "prefix"],
  ["超过", ">", "prefix"],
  ["不高于", "≤", "prefix"],
  ["不超过", "≤", "prefix"],
  ["不超出", "≤", "prefix"],
  ["不大于", "≤", "prefix"],
  ["不多于", "≤", "prefix"],
  ["至多", "≤", "prefix"],
  ["最多", "≤", "prefix"],
  ["控制在", "≤", "prefix"],
  ["低于", "<", "prefix"],
  ["小于", "<", "prefix"],
  ["少于", "<", "prefix"],
  ["等于", "=", "prefix"],
  ["为", "=", "prefix"],
  ["及以上", "≥", "suffix"],
  ["或以上", "≥", "suffix"],
  ["以上", "≥", "suffix"],
  ["之上", "≥", "suffix"],
  ["及以下", "≤", "suffix"],
  ["或以下", "≤", "suffix"],
  ["以下", "≤", "suffix"],
  ["以内", "≤", "suffix"],
  ["之内", "≤", "suffix"],
  ["内", "≤", "suffix"],
];

const PREFIX_OPS = groupByFirst(
  OPERATOR_ENTRIES.filter((e) => e[2] === "prefix").map((e) => [e[0], e[1]] as const)
);
const SUFFIX_OPS = OPERATOR_ENTRIES.filter((e) => e[2] === "suffix").sort(
  (a, b) => b[0].length - a[0].length
);
const OP_MAP: ReadonlyMap<string, Operator> = new Map(OPERATOR_ENTRIES.map(([t, op]) => [t, op]));

/** Prefix operator at the start of compact text: [spelling, operator], longest first; null when none. */
export function matchOperatorPrefix(s: string): readonly [string, Operator] | null {
  const list = PREFIX_OPS.get(s[0]);
  if (!list) return null;
  for (const e of list) if (s.startsWith(e[0])) return e;
  return null;
}

/** Suffix operator at the end of compact text ("以上", "以内"); null when none. */
export function matchOperatorSuffix(s: string): readonly [string, Operator] | null {
  for (const e of SUFFIX_OPS) if (s.endsWith(e[0])) return [e[0], e[1]];
  return null;
}

/**
 * Normalised operator of a spelling as written ("≧", "＞＝", ">=", "不低于", "以上" …); null when the
 * text is not an operator (e.g. 承德's 符号 "文字描述").
 */
export function normalizeOperator(raw: string | null | undefined): Operator | null {
  if (!raw) return null;
  const s = compact(raw);
  if (s.length === 0) return null;
  return OP_MAP.get(s) ?? null;
}

/** "min" when the value is a floor (≥ >), "max" for a ceiling (≤ <), "exact" for =, null for none. */
export function operatorDirection(op: Operator | null | undefined): "min" | "max" | "exact" | null {
  switch (op) {
    case "≥":
    case ">":
      return "min";
    case "≤":
    case "<":
      return "max";
    case "=":
      return "exact";
    default:
      return null;
  }
}
