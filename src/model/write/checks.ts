/**
 * In-sheet checks of the template: each check is a native formula (IF/AND/OR/ROUND/SUM/N/ISNUMBER/
 * COUNT/COUNTA/SUMPRODUCT/MID/LEFT/RIGHT/LEN/FIND/SUBSTITUTE/VALUE/CHAR/ISTEXT/IFERROR/INDIRECT/MATCH/ROWS/INDEX only — functions Excel, WPS and LibreOffice
 * all have; never LET/LAMBDA/XLOOKUP/dynamic arrays, never JXMB custom functions) paired with a
 * TypeScript evaluator that computes the same text. The renderer stores the evaluator's result as the
 * formula's cached value, so a file shows correct checks even before recalculation; the LibreOffice
 * test proves formula and evaluator agree.
 *
 * Blank inputs never show an error: "待填写" or "".
 */
import { CHECK } from "./layout";
import { GROWTH } from "../rules/direction";
import { VAGUE_ADVERBS, VAGUE_VERBS } from "../value";

export type CheckInput = string | number | boolean | null;

const isBlank = (v: CheckInput) => v === null || v === "";
const isNum = (v: CheckInput): v is number => typeof v === "number" && Number.isFinite(v);
/** Excel N(): numbers as they are, everything else 0. */
const n = (v: CheckInput) => (isNum(v) ? v : 0);
/** Excel ROUND(x, 6) = 0, tolerant to float noise the same way. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

/* ---------------------------------------------------------------------------------------------- */

/**
 * Content checks name their rule: "✗ <what>〔rule-id〕", several joined by "；". A cell with a ✗ for a rule
 * is a finding the task pane reports for the same rule on the same row (test/template/agreement.test.ts
 * recalculates in LibreOffice and compares); a rule the profile turns off has no in-sheet part.
 */
export const tagged = (text: string, ruleId: string) => `${text}〔${ruleId}〕`;
/** Rule ids named in a check text (for tests and readers of a recalculated sheet). */
export function ruleIdsIn(text: unknown): string[] {
  if (typeof text !== "string" || !text.startsWith("✗")) return [];
  return [...text.matchAll(/〔([a-z0-9-]+\/[a-z0-9-]+)〕/g)].map((m) => m[1]);
}

/** Which rules have an in-sheet part in this workbook (the profile may turn some off). */
export type RuleGate = (ruleId: string) => boolean;
export const ALL_RULES: RuleGate = () => true;

interface FormulaPart {
  cond: string;
  /** Shown when `cond` holds (none: the branch only guards `then`/`orElse`). */
  msg?: string;
  /** Parts checked only when `cond` holds (a shared precondition written once). */
  then?: readonly FormulaPart[];
  /** Parts checked only when `cond` does not hold (mutually exclusive findings share one test). */
  orElse?: readonly FormulaPart[];
}
/** The "；msg…" text of the parts that hold, each condition written once. */
function partsFormula(parts: readonly FormulaPart[]): string {
  return parts
    .map((p) => {
      const yes = [p.msg ? str("；" + p.msg) : "", p.then?.length ? partsFormula(p.then) : ""].filter(Boolean).join("&") || '""';
      const no = p.orElse?.length ? partsFormula(p.orElse) : '""';
      return `IF(${p.cond},${yes},${no})`;
    })
    .join("&");
}
/**
 * "✗ msg1；msg2…" when parts hold, else `clean`; the parts are written ONCE (no LET in every host):
 * "¦"&parts is "¦" alone when nothing holds, else "¦；msg1；msg2"; the first SUBSTITUTE turns a leading
 * "¦；" into "✗ ", the second turns a lone "¦" into the clean text. No message contains "¦".
 */
function combineFormula(parts: readonly FormulaPart[], clean: string): string {
  if (parts.length === 0) return clean;
  return `SUBSTITUTE(SUBSTITUTE("¦"&${partsFormula(parts)},"¦；",${str(CHECK.badPrefix)}),"¦",${clean})`;
}
function combine(parts: readonly [boolean, string][], clean: string): string {
  const bad = parts.filter(([b]) => b).map(([, m]) => m);
  return bad.length ? CHECK.badPrefix + bad.join("；") : clean;
}

/* ---------------------------------------------------------------------------------------------- */

const BUDGET_LABELS = ["预算数", "财政资金", "其他资金"] as const;

/**
 * budget/not-number: an amount cell holding text or a negative number. budget/sum-mismatch: 预算数 ≠
 * 财政资金 + 其他资金 (other blank, text or negative counts 0, as checks/budget.ts does), compared in 分.
 * Blank 预算数 or 财政资金 (with nothing wrong) → 待填写.
 */
export function budgetCheckFormula(t: string, f: string, o: string, gate: RuleGate = ALL_RULES): string {
  const cells = [t, f, o];
  const parts: FormulaPart[] = [];
  if (gate("budget/not-number"))
    cells.forEach((c, i) =>
      parts.push({ cond: `OR(AND(${c}<>"",NOT(ISNUMBER(${c}))),AND(ISNUMBER(${c}),N(${c})<0))`, msg: tagged(`${BUDGET_LABELS[i]}不是有效金额`, "budget/not-number") }),
    );
  if (gate("budget/sum-mismatch"))
    parts.push({
      cond: `AND(ISNUMBER(${t}),ISNUMBER(${f}),N(${t})>=0,N(${f})>=0,ROUND(N(${t})-N(${f})-IF(N(${o})>0,N(${o}),0),6)<>0)`,
      msg: tagged(CHECK.budgetSum, "budget/sum-mismatch"),
    });
  return combineFormula(parts, `IF(OR(${t}="",${f}=""),${str(CHECK.todo)},${str(CHECK.ok)})`);
}

export function budgetCheck(t: CheckInput, f: CheckInput, o: CheckInput, gate: RuleGate = ALL_RULES): string {
  const vals = [t, f, o];
  const parts: [boolean, string][] = [];
  if (gate("budget/not-number"))
    vals.forEach((v, i) => parts.push([(!isBlank(v) && !isNum(v)) || (isNum(v) && v < 0), tagged(`${BUDGET_LABELS[i]}不是有效金额`, "budget/not-number")]));
  if (gate("budget/sum-mismatch"))
    parts.push([isNum(t) && isNum(f) && t >= 0 && f >= 0 && round6(t - f - (n(o) > 0 ? n(o) : 0)) !== 0, tagged(CHECK.budgetSum, "budget/sum-mismatch")]);
  return combine(parts, isBlank(t) || isBlank(f) ? CHECK.todo : CHECK.ok);
}

/* ---------------------------------------------------------------------------------------------- */

/**
 * Spend plan, as checks/spend-plan.ts sees it: cells hold fractions (0.25 shown as 25%); a cell without a
 * number counts as blank. spend-plan/missing: a blank point before the last filled one, or no point at
 * all once the project has content (`hasContent`; an untouched sheet says 待填写); out-of-range: outside
 * 0–100%; decreasing: below an earlier in-range point; not-100: the last filled point (in range) ≠ 100%.
 */
export function planCheckFormula(cells: readonly string[], hasContent: string, gate: RuleGate = ALL_RULES, labels: readonly string[] = PLAN_LABELS): string {
  const num = (c: string) => `ISNUMBER(${c})`;
  const inRange = (c: string) => `AND(ISNUMBER(${c}),ROUND(N(${c})*100,6)>=0,ROUND(N(${c})*100,6)<=100)`;
  const parts: FormulaPart[] = [];
  const all = cells.map(num);
  const none = `NOT(OR(${all.join(",")}))`;
  if (gate("spend-plan/missing")) parts.push({ cond: `AND(${none},${hasContent})`, msg: tagged(CHECK.planMissingAll, "spend-plan/missing") });
  cells.forEach((c, i) => {
    const later = cells.slice(i + 1).map(num);
    if (gate("spend-plan/missing") && later.length) parts.push({ cond: `AND(NOT(${num(c)}),OR(${later.join(",")}))`, msg: tagged(`${labels[i]}为空`, "spend-plan/missing") });
    if (gate("spend-plan/out-of-range"))
      parts.push({ cond: `AND(${num(c)},OR(ROUND(N(${c})*100,6)<0,ROUND(N(${c})*100,6)>100))`, msg: tagged(`${labels[i]}${CHECK.planRange}`, "spend-plan/out-of-range") });
    const earlier = cells.slice(0, i).map((e) => `AND(${inRange(e)},ROUND((N(${e})-N(${c}))*100,6)>0)`);
    if (gate("spend-plan/decreasing") && earlier.length)
      parts.push({ cond: `AND(${inRange(c)},OR(${earlier.join(",")}))`, msg: tagged(`${labels[i]}${CHECK.planDecreasing}`, "spend-plan/decreasing") });
  });
  if (gate("spend-plan/not-100")) {
    // The last point holding a number.
    let lastExpr = cells[0];
    for (let i = 1; i < cells.length; i++) lastExpr = `IF(${num(cells[i])},${cells[i]},${lastExpr})`;
    parts.push({ cond: `AND(OR(${all.join(",")}),${inRange(lastExpr)},ROUND(N(${lastExpr})*100,6)<>100)`, msg: tagged(CHECK.planNot100, "spend-plan/not-100") });
  }
  return combineFormula(parts, `IF(AND(${all.join(",")}),${str(CHECK.ok)},${str(CHECK.todo)})`);
}

export const PLAN_LABELS = ["3月底", "6月底", "10月底", "12月底"] as const;

export function planCheck(points: readonly CheckInput[], hasContent: boolean, gate: RuleGate = ALL_RULES, labels: readonly string[] = PLAN_LABELS): string {
  const pct = points.map((v) => (isNum(v) ? round6(v * 100) : null));
  const inRange = (x: number | null) => x !== null && x >= 0 && x <= 100;
  const parts: [boolean, string][] = [];
  const anyNum = pct.some((x) => x !== null);
  if (gate("spend-plan/missing")) parts.push([!anyNum && hasContent, tagged(CHECK.planMissingAll, "spend-plan/missing")]);
  pct.forEach((x, i) => {
    const later = pct.slice(i + 1);
    if (gate("spend-plan/missing") && later.length) parts.push([x === null && later.some((y) => y !== null), tagged(`${labels[i]}为空`, "spend-plan/missing")]);
    if (gate("spend-plan/out-of-range")) parts.push([x !== null && (x < 0 || x > 100), tagged(`${labels[i]}${CHECK.planRange}`, "spend-plan/out-of-range")]);
    if (gate("spend-plan/decreasing") && i > 0)
      parts.push([
        inRange(x) && pct.slice(0, i).some((e, j) => inRange(e) && round6((n(points[j]) - n(points[i])) * 100) > 0),
        tagged(`${labels[i]}${CHECK.planDecreasing}`, "spend-plan/decreasing"),
      ]);
  });
  if (gate("spend-plan/not-100")) {
    let last: number | null = null;
    for (const x of pct) if (x !== null) last = x;
    parts.push([last !== null && inRange(last) && last !== 100, tagged(CHECK.planNot100, "spend-plan/not-100")]);
  }
  return combine(parts, pct.every((x) => x !== null) ? CHECK.ok : CHECK.todo);
}

/* ---------------------------------------------------------------------------------------------- */

/** A field that only has to be filled: "待填写" or "✓ 已填写". */
export function presenceCheckFormula(cells: readonly string[]): string {
  const cond = cells.length === 1 ? `${cells[0]}=""` : `OR(${cells.map((c) => `${c}=""`).join(",")})`;
  return `IF(${cond},${str(CHECK.todo)},${str(CHECK.filled)})`;
}
export function presenceCheck(values: readonly CheckInput[]): string {
  return values.some(isBlank) ? CHECK.todo : CHECK.filled;
}

/* ---------------------------------------------------------------------------------------------- */

/** What the indicator checks need to know of the framework; built from taxonomy.ts by the renderer. */
export interface IndicatorTaxonomy {
  /** Every 一级 label (both frameworks): a label outside it is indicator/unknown-level1. */
  level1All: readonly string[];
  /** Label of 一级 成本 and of 二级 成本 (under 产出 in 2015), for the framework evidence. */
  costL1: string;
  outputL1: string;
  costL2: string;
  /** Labels of 一级 满意度 and its 二级 服务对象满意度 (a satisfaction row, as rules/util.ts isSatisfactionRow sees it). */
  satisfactionL1: string;
  satisfactionL2: string;
  /** Label of 二级 数量 (value/quantity-no-number). */
  quantityL2: string;
  /** Allowed (一级, 二级) pairs per framework. */
  pairs: Record<"2015" | "2021", readonly (readonly [string, string])[]>;
  /** The profile's framework (used when the rows give no evidence). */
  framework: "2015" | "2021";
}

export interface IndicatorRefs {
  level1: string;
  level2: string;
  name: string;
  target: string;
  /** The whole row of inputs, for "row is empty". */
  row: string;
}

/** Block columns (absolute ranges) for the framework evidence, and the names of the pair table. */
export interface BlockRefs {
  level1Col: string;
  level2Col: string;
  pairsFw: string;
  pairsL1: string;
  pairsL2: string;
}

/**
 * Per-sheet helpers: cells outside the print area (the hidden meta column) that hold what every indicator
 * row would otherwise recompute (and repeat in its formula): the framework the rows follow, and the years
 * that are not the budget year. Each row check refers to them by absolute address.
 */
export interface SheetHelpers {
  /** "2015" / "2021": the framework the rows follow; "*": both (any framework's pair counts). */
  framework: string;
  /** "|2000|2001|…|2099|" without the budget year (the whole list while the year is no number). */
  otherYears: string;
}

/** Framework mark of the rows (rules/util.ts facts()): 2021 when 成本 is a 一级 only, 2015 when only a 二级 under 产出, "*" when both. */
export function frameworkHelperFormula(b: BlockRefs, t: IndicatorTaxonomy): string {
  const asL1 = `SUMPRODUCT(--(${b.level1Col}=${str(t.costL1)}))>0`;
  const asL2 = `SUMPRODUCT((${b.level1Col}=${str(t.outputL1)})*(${b.level2Col}=${str(t.costL2)}))>0`;
  return `IF(${asL1},IF(${asL2},"*","2021"),IF(${asL2},"2015",${str(t.framework)}))`;
}
export function frameworkHelper(l1: readonly string[], l2: readonly string[], t: IndicatorTaxonomy): "2015" | "2021" | "*" {
  const asL1 = l1.some((x) => x === t.costL1);
  const asL2 = l1.some((x, i) => x === t.outputL1 && l2[i] === t.costL2);
  return asL1 ? (asL2 ? "*" : "2021") : asL2 ? "2015" : t.framework;
}

/** Every year a target may name (the /^20\d\d$/ of yearOfTarget), as "|2000|2001|…|2099|". */
const YEARS = `|${Array.from({ length: 100 }, (_, i) => 2000 + i).join("|")}|`;
export function otherYearsFormula(fiscalYear: string): string {
  return `SUBSTITUTE(${str(YEARS)},"|"&${fiscalYear}&"|","|")`;
}
export function otherYears(fiscalYear: CheckInput): string {
  // ""&x in a formula: a blank cell is "", a boolean TRUE/FALSE; only a whole 20xx year matches an entry.
  const text = fiscalYear === null ? "" : typeof fiscalYear === "boolean" ? (fiscalYear ? "TRUE" : "FALSE") : String(fiscalYear);
  return YEARS.replace(`|${text}|`, "|");
}

/**
 * A target names another year than the budget year: the four characters before its first "年" (spaces
 * removed) are one of the other years. MID from ≤ 0 (年 within the first four characters) or no 年 → error → no.
 */
function wrongYearFormula(target: string, fiscalYear: string, otherYearsCell: string): string {
  const s = `SUBSTITUTE(SUBSTITUTE(${target}," ",""),"　","")`;
  return `IFERROR(AND(ISNUMBER(${fiscalYear}),ISNUMBER(FIND("|"&MID(${s},FIND("年",${s})-4,4)&"|",${otherYearsCell}))),FALSE)`;
}
export function yearOfTarget(v: CheckInput): number | null {
  if (typeof v !== "string") return null;
  const s = v.replace(/[ \u3000]/g, "");
  const k = s.indexOf("年");
  if (k < 4) return null;
  const y = s.slice(k - 4, k);
  return /^20\d\d$/.test(y) ? Number(y) : null;
}

/**
 * A 指标值 the sheet reads as a percentage: no space, an optional operator ≥ ≤ = > <, a plain decimal number of
 * at most 6 characters as Excel writes it back (no leading or trailing zeros), then % or ％ — "≥95%", "100%",
 * "<90.5%". parseTarget reads each of these as kind percent with that operator and value; anything else
 * ("≥ 95 %", "1e2%", "≥95.0%", "95%以上") the sheet leaves to the pane. (Spaces are not removed: the check is
 * in every row's formula, and each use of the value would repeat the removal.)
 */
export function canonicalPercent(v: CheckInput): { op: string | null; value: number } | null {
  if (typeof v !== "string") return null;
  const s = v;
  if (!(s.endsWith("%") || s.endsWith("％"))) return null;
  const h = OPERATORS.includes(s[0]) ? 1 : 0;
  const num = s.slice(h, s.length - 1);
  // Excel's ""&VALUE(num)=num accepts exactly these (a negative too, but not "-0").
  if (num.length > 6 || num === "-0" || !/^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/.test(num)) return null;
  return { op: h ? s[0] : null, value: Number(num) };
}
const OPERATORS = "≥≤=><";

function percentFormula(target: string): { canonical: string; op: string; hasOp: string; value: string } {
  const s = target;
  const hasOp = `ISNUMBER(FIND(LEFT(${s},1),${str(OPERATORS)}))`;
  const num = `MID(${s},1+${hasOp},LEN(${s})-1-${hasOp})`;
  const value = `VALUE(${num})`;
  // ""&VALUE(num)=num: the number as Excel writes it back, so "1e2", "095", "1,000" or a date are not read as one.
  const canonical = `IFERROR(AND(ISTEXT(${s}),ISNUMBER(FIND(RIGHT(${s},1),"%％")),LEN(${num})<=6,""&${value}=${num}),FALSE)`;
  return { canonical, op: `LEFT(${s},1)`, hasOp, value };
}

/** Growth words of rules/direction.ts (a growth rate may exceed 100%), as a list for FIND. */
const GROWTH_WORDS = GROWTH.source.split("|");
if (GROWTH_WORDS.some((w) => /[\\^$.*+?()[\]{}]/.test(w))) throw new Error("checks.ts: GROWTH is no longer a plain list of words");
/** Whitespace the formula removes from a 三级 name before looking for growth words (squash removes all). */
const NAME_SPACES = [" ", "\u3000", "\n", "\r", "\t", "\u00a0"];
function nameHasGrowthFormula(name: string): string {
  let n = name;
  for (const c of NAME_SPACES) n = `SUBSTITUTE(${n},${c === "\n" ? "CHAR(10)" : c === "\r" ? "CHAR(13)" : c === "\t" ? "CHAR(9)" : c === "\u00a0" ? "CHAR(160)" : str(c)},"")`;
  return `SUMPRODUCT(--ISNUMBER(FIND({${GROWTH_WORDS.map(str).join(",")}},${n})))>0`;
}
function nameHasGrowth(name: CheckInput): boolean {
  if (typeof name !== "string") return false;
  let n = name;
  for (const c of NAME_SPACES) n = n.split(c).join("");
  return GROWTH_WORDS.some((w) => n.includes(w));
}

/**
 * A 数量 row's 指标值 that states no number (value/quantity-no-number), in the part a formula can tell: no digit
 * (0–9, ０–９), no Chinese numeral character, and none of what the pane reads as something other than plain text
 * — a blank mark (only / - — _ … 、 and the like), a hidden value (* × ※ 涉密), a change-phrase (its adverbs
 * and verbs: value/vague's), a date or period word (年 月 日 季 周 期 天 旬 时 半), a 是否 question.
 */
const NO_NUMBER_CHARS = ["0123456789０１２３４５６７８９", "一二两三四五六七八九十百千万", "*×※", "年月日季周期天旬时半"].join("");
const NO_NUMBER_WORDS = ["是否", "涉密", ...VAGUE_ADVERBS, ...VAGUE_VERBS];
const BLANK_MARKS = ["/", "\\", "-", "—", "–", "_", "…", "、", ";", "；", "。", ",", "，", " ", "　"];
export function quantityWithoutNumber(level2: CheckInput, target: CheckInput, quantityL2: string): boolean {
  if (level2 !== quantityL2 || typeof target !== "string") return false;
  let rest = target;
  for (const m of BLANK_MARKS) rest = rest.split(m).join("");
  if (rest === "") return false;
  if ([...target].some((ch) => NO_NUMBER_CHARS.includes(ch))) return false;
  return !NO_NUMBER_WORDS.some((w) => target.includes(w));
}
function quantityWithoutNumberFormula(level2: string, target: string, t: IndicatorTaxonomy): string {
  const list = (xs: readonly string[]) => `{${xs.map(str).join(",")}}`;
  const none = (xs: readonly string[]) => `SUMPRODUCT(--ISNUMBER(FIND(${list(xs)},${target})))=0`;
  // Some character is no blank mark: fewer mark characters than characters.
  const marks = `SUMPRODUCT(LEN(${target})-LEN(SUBSTITUTE(${target},${list(BLANK_MARKS)},"")))`;
  return `AND(${level2}=${str(t.quantityL2)},ISTEXT(${target}),${marks}<LEN(${target}),${none([...NO_NUMBER_CHARS])},${none(NO_NUMBER_WORDS)})`;
}

/**
 * One indicator row: empty row → ""; otherwise ✗ parts for indicator/unknown-level1 (blank or unknown 一级),
 * indicator/level2-mismatch (二级 blank, unknown or not under the 一级 in the rows' framework), value/missing
 * (blank 指标值) and time/wrong-year (a year in the 指标值 ≠ 预算年度); no ✗ but a blank 三级 → 待填写.
 * `helpers` are the absolute addresses of the sheet's helper cells.
 */
export function indicatorCheckFormula(x: IndicatorRefs, helpers: SheetHelpers, b: BlockRefs, t: IndicatorTaxonomy, fiscalYear: string, gate: RuleGate = ALL_RULES): string {
  const known1 = `OR(${t.level1All.map((l) => `${x.level1}=${str(l)}`).join(",")})`;
  const fw = helpers.framework;
  const pairMissing = `SUMPRODUCT(((${b.pairsFw}=${fw})+(${fw}="*"))*(${b.pairsL1}=${x.level1})*(${b.pairsL2}=${x.level2}))=0`;
  const parts: FormulaPart[] = [];
  // Unknown 一级 and a 二级 mismatch exclude each other: the 一级 test is written once.
  const l2: FormulaPart[] = gate("indicator/level2-mismatch") ? [{ cond: pairMissing, msg: tagged(CHECK.l2Mismatch, "indicator/level2-mismatch") }] : [];
  if (gate("indicator/unknown-level1") || l2.length)
    parts.push({ cond: `NOT(${known1})`, msg: gate("indicator/unknown-level1") ? tagged(CHECK.l1Unknown, "indicator/unknown-level1") : undefined, orElse: l2 });
  // A blank 指标值 has nothing else to check.
  const onTarget: FormulaPart[] = [];
  if (gate("time/wrong-year")) onTarget.push({ cond: wrongYearFormula(x.target, fiscalYear, helpers.otherYears), msg: tagged(CHECK.yearWrong, "time/wrong-year") });
  // A percentage (canonicalPercent): over 100% (value/percent-range, not a growth rate), a 满意度 written as a
  // ceiling (value/operator-direction), no operator (value/missing-operator).
  const pct = percentFormula(x.target);
  const onPercent: FormulaPart[] = [];
  if (gate("value/percent-range")) onPercent.push({ cond: `AND(${pct.value}>100,NOT(${nameHasGrowthFormula(x.name)}))`, msg: tagged(CHECK.percentOver, "value/percent-range") });
  if (gate("value/operator-direction"))
    onPercent.push({
      cond: `AND(${x.level1}=${str(t.satisfactionL1)},OR(${x.level2}=${str(t.satisfactionL2)},${x.level2}=""),${pct.hasOp},OR(${pct.op}="≤",${pct.op}="<"))`,
      msg: tagged(CHECK.satisfactionCeiling, "value/operator-direction"),
    });
  if (gate("value/missing-operator")) onPercent.push({ cond: `NOT(${pct.hasOp})`, msg: tagged(CHECK.operatorMissing, "value/missing-operator") });
  if (onPercent.length) onTarget.push({ cond: pct.canonical, then: onPercent });
  if (gate("value/quantity-no-number")) onTarget.push({ cond: quantityWithoutNumberFormula(x.level2, x.target, t), msg: tagged(CHECK.quantityNoNumber, "value/quantity-no-number") });
  if (gate("value/missing") || onTarget.length)
    parts.push({ cond: `${x.target}=""`, msg: gate("value/missing") ? tagged(CHECK.targetMissing, "value/missing") : undefined, orElse: onTarget });
  return `IF(COUNTA(${x.row})=0,"",${combineFormula(parts, `IF(${x.name}="",${str(CHECK.l3Missing)},${str(CHECK.ok)})`)})`;
}

export function indicatorCheck(
  row: readonly CheckInput[],
  v: { level1: CheckInput; level2: CheckInput; name: CheckInput; target: CheckInput },
  framework: "2015" | "2021" | "*",
  t: IndicatorTaxonomy,
  fiscalYear: CheckInput,
  gate: RuleGate = ALL_RULES,
): string {
  if (row.every(isBlank)) return "";
  const l1 = isBlank(v.level1) ? "" : String(v.level1);
  const l2 = isBlank(v.level2) ? "" : String(v.level2);
  const known1 = t.level1All.includes(l1);
  const inPairs = (ps: readonly (readonly [string, string])[]) => ps.some(([a, b]) => a === l1 && b === l2);
  const parts: [boolean, string][] = [];
  if (gate("indicator/unknown-level1")) parts.push([!known1, tagged(CHECK.l1Unknown, "indicator/unknown-level1")]);
  if (gate("indicator/level2-mismatch"))
    parts.push([known1 && !(framework === "*" ? inPairs(t.pairs["2015"]) || inPairs(t.pairs["2021"]) : inPairs(t.pairs[framework])), tagged(CHECK.l2Mismatch, "indicator/level2-mismatch")]);
  if (gate("value/missing")) parts.push([isBlank(v.target), tagged(CHECK.targetMissing, "value/missing")]);
  if (gate("time/wrong-year")) {
    const y = yearOfTarget(v.target);
    parts.push([isNum(fiscalYear) && y !== null && y !== fiscalYear, tagged(CHECK.yearWrong, "time/wrong-year")]);
  }
  const pct = canonicalPercent(v.target);
  if (gate("value/percent-range")) parts.push([pct !== null && pct.value > 100 && !nameHasGrowth(v.name), tagged(CHECK.percentOver, "value/percent-range")]);
  if (gate("value/operator-direction"))
    parts.push([pct !== null && l1 === t.satisfactionL1 && (l2 === t.satisfactionL2 || l2 === "") && (pct.op === "≤" || pct.op === "<"), tagged(CHECK.satisfactionCeiling, "value/operator-direction")]);
  if (gate("value/missing-operator")) parts.push([pct !== null && pct.op === null, tagged(CHECK.operatorMissing, "value/missing-operator")]);
  if (gate("value/quantity-no-number")) parts.push([quantityWithoutNumber(v.level2, v.target, t.quantityL2), tagged(CHECK.quantityNoNumber, "value/quantity-no-number")]);
  return combine(parts, isBlank(v.name) ? CHECK.l3Missing : CHECK.ok);
}

/* ---------------------------------------------------------------------------------------------- */

/** The required 一级 and 二级 (from taxonomy.ts via the renderer), each with its rule. */
export interface BlockRequirement {
  ruleId: string;
  msg: string;
  /** Present when any row has one of these 一级 … */
  level1?: readonly string[];
  /** … or one of these 二级. */
  level2?: readonly string[];
  /** Only checked when a row has this 一级 (产出 dimensions need 产出 rows). */
  onlyIfLevel1?: string;
}

/**
 * The block as a whole (on the indicator header row): with at least one filled row, every requirement
 * whose 一级/二级 no row has → ✗. No rows at all → 待填写.
 */
export function blockCheckFormula(rowsRange: string, b: BlockRefs, reqs: readonly BlockRequirement[]): string {
  const has = (col: string, labels: readonly string[] = []) => labels.map((l) => `SUMPRODUCT(--(${col}=${str(l)}))`);
  const parts: FormulaPart[] = reqs.map((r) => {
    const any = [...has(b.level1Col, r.level1), ...has(b.level2Col, r.level2)].join("+");
    const cond = r.onlyIfLevel1 ? `AND(SUMPRODUCT(--(${b.level1Col}=${str(r.onlyIfLevel1)}))>0,${any}=0)` : `${any}=0`;
    return { cond, msg: tagged(r.msg, r.ruleId) };
  });
  return `IF(COUNTA(${rowsRange})=0,${str(CHECK.todo)},${combineFormula(parts, str(CHECK.ok))})`;
}

export function blockCheck(l1: readonly string[], l2: readonly string[], anyFilled: boolean, reqs: readonly BlockRequirement[]): string {
  if (!anyFilled) return CHECK.todo;
  const parts: [boolean, string][] = reqs.map((r) => {
    const any = (r.level1 ?? []).some((x) => l1.includes(x)) || (r.level2 ?? []).some((x) => l2.includes(x));
    return [(!r.onlyIfLevel1 || l1.includes(r.onlyIfLevel1)) && !any, tagged(r.msg, r.ruleId)];
  });
  return combine(parts, CHECK.ok);
}

/* ---------------------------------------------------------------------------------------------- */

/** Sheet status: "✗ n 项未通过" / "待填写" / CHECK.statusOk over the sheet's check column. */
export function statusFormula(checkRange: string, indicatorNameRange: string): string {
  const bad = `SUMPRODUCT(--(LEFT(${checkRange},1)="✗"))`;
  const todo = `SUMPRODUCT(--(LEFT(${checkRange},3)=${str(CHECK.todo)}))`;
  return `IF(${bad}>0,"✗ "&${bad}&" 项未通过",IF(OR(${todo}>0,COUNTA(${indicatorNameRange})=0),${str(CHECK.todo)},${str(CHECK.statusOk)}))`;
}

export function statusCheck(checks: readonly string[], indicatorCount: number): string {
  const bad = checks.filter((c) => c.startsWith("✗")).length;
  if (bad > 0) return `✗ ${bad} 项未通过`;
  if (checks.some((c) => c.startsWith(CHECK.todo)) || indicatorCount === 0) return CHECK.todo;
  return CHECK.statusOk;
}

/* ---------------------------------------------------------------------------------------------- */

export function fiscalYearCheckFormula(y: string): string {
  return `IF(${y}="",${str(CHECK.todo)},IF(AND(ISNUMBER(${y}),${y}>=2000,${y}<=2100,${y}=INT(${y})),${str(CHECK.ok)},${str(CHECK.yearBad)}))`;
}
export function fiscalYearCheck(y: CheckInput): string {
  if (isBlank(y)) return CHECK.todo;
  return isNum(y) && y >= 2000 && y <= 2100 && Number.isInteger(y) ? CHECK.ok : CHECK.yearBad;
}

/** 合计 against the project sheets' 预算数 read directly (guards against an overwritten pull formula). */
export function totalCheckFormula(total: string, directRefs: readonly string[]): string {
  const direct = directRefs.length ? `SUM(${directRefs.join(",")})` : "0";
  return `IF(ROUND(${total}-${direct},6)=0,${str(CHECK.ok)},${str(CHECK.totalMismatch)})`;
}

/**
 * 部门申报合计数 against 合计: budget/total-mismatch for the department, as the pane compares them (in 分;
 * a blank declared total is not compared). Text → "金额须填数字" (a format check, no pane rule).
 */
export function declaredCheckFormula(declared: string, total: string, gate: RuleGate = ALL_RULES): string {
  return (
    `IF(${declared}="",${str(CHECK.todo)},IF(NOT(ISNUMBER(${declared})),${str(CHECK.budgetNotNumber)},` +
    `IF(ROUND(${declared}-${total},6)=0,${str(CHECK.ok)},${str(totalMismatch(CHECK.declaredMismatch, gate))})))`
  );
}
export function declaredCheck(declared: CheckInput, total: number, gate: RuleGate = ALL_RULES): string {
  if (isBlank(declared)) return CHECK.todo;
  if (!isNum(declared)) return CHECK.budgetNotNumber;
  return round6(declared - total) === 0 ? CHECK.ok : totalMismatch(CHECK.declaredMismatch, gate);
}
const totalMismatch = (text: string, gate: RuleGate) => (gate("budget/total-mismatch") ? tagged(text, "budget/total-mismatch") : text);

/**
 * A unit's declared total against the sum of its projects' 预算数 by 单位编码 (budget/total-mismatch). The pane
 * falls back to the unit's name where no project with an amount has the code; 汇总 has no unit names, so the
 * sheet then says it did not check (CHECK.unitUnmatched) instead of guessing.
 */
export function unitCheckFormula(code: string, name: string, declared: string, codes: string, totals: string, gate: RuleGate = ALL_RULES): string {
  return (
    `IF(AND(${code}="",${name}="",${declared}=""),"",IF(${declared}="",${str(CHECK.todo)},` +
    `IF(NOT(ISNUMBER(${declared})),${str(CHECK.budgetNotNumber)},` +
    `IF(OR(${code}="",SUMPRODUCT((${codes}=${code})*ISNUMBER(${totals}))=0),${str(CHECK.unitUnmatched)},` +
    `IF(ROUND(${declared}-SUMPRODUCT(--(${codes}=${code}),${totals}),6)=0,${str(CHECK.ok)},${str(totalMismatch(CHECK.unitMismatch, gate))})))))`
  );
}
/** `unitSum`: the sum of the amounts of the projects with this code; null when none of them has an amount. */
export function unitCheck(code: CheckInput, name: CheckInput, declared: CheckInput, unitSum: number | null, gate: RuleGate = ALL_RULES): string {
  if (isBlank(code) && isBlank(name) && isBlank(declared)) return "";
  if (isBlank(declared)) return CHECK.todo;
  if (!isNum(declared)) return CHECK.budgetNotNumber;
  if (isBlank(code) || unitSum === null) return CHECK.unitUnmatched;
  return round6(declared - unitSum) === 0 ? CHECK.ok : totalMismatch(CHECK.unitMismatch, gate);
}

/** _lists self-check: INDIRECT over the 二级 names (exactly as the drop-down uses it) gives each list. */
export function listsProbeFormula(level1Cell: string, level1Name: string, prefix: string, count: number, first: string): string {
  const x = `INDIRECT(${str(prefix)}&MATCH(${level1Cell},${level1Name},0))`;
  return `IF(ISERROR(ROWS(${x})),"✗",IF(AND(ROWS(${x})=${count},INDEX(${x},1)=${str(first)}),"✓","✗"))`;
}
export function listsSummaryFormula(range: string, count: number): string {
  return `IF(COUNTIF(${range},"✓")=${count},${str(CHECK.listsOk)},${str(CHECK.listsBad)})`;
}

/* ---------------------------------------------------------------------------------------------- */

/**
 * The rules with an in-sheet version, and where their ✗ shows: "row" on the indicator row the finding
 * points at (`targetOnly`: only findings on the 指标值), "project" somewhere in the project sheet's
 * 校验 column (plan, budget, block), "summary" on the 汇总 row of the declared total. `part`: the formula does only part of the rule — a 指标值 it reads as
 * a percentage (canonicalPercent) over 100% ("percentOver"), a 满意度 row written with ≤/<
 * ("satisfactionCeiling"), one without an operator ("percent"), a 数量 value the sheet can tell states no number
 * (quantityWithoutNumber: "quantity"), a year written as "20xx年" (yearOfTarget: "yearWord"; a period in dotted months
 * such as "2023.07-2024.01" is the pane's); the pane's other findings of the rule stay
 * in the pane. The agreement test and the docs read this list.
 */
export const IN_SHEET_RULES: readonly { id: string; scope: "row" | "project" | "summary"; targetOnly?: boolean; part?: "percentOver" | "satisfactionCeiling" | "percent" | "quantity" | "yearWord" }[] = [
  { id: "budget/not-number", scope: "project" },
  { id: "budget/sum-mismatch", scope: "project" },
  { id: "spend-plan/missing", scope: "project" },
  { id: "spend-plan/out-of-range", scope: "project" },
  { id: "spend-plan/decreasing", scope: "project" },
  { id: "spend-plan/not-100", scope: "project" },
  { id: "indicator/missing-output", scope: "project" },
  { id: "indicator/missing-benefit", scope: "project" },
  { id: "indicator/missing-satisfaction", scope: "project" },
  { id: "indicator/missing-cost", scope: "project" },
  { id: "indicator/missing-output-dimension", scope: "project" },
  { id: "indicator/unknown-level1", scope: "row" },
  { id: "indicator/level2-mismatch", scope: "row" },
  { id: "value/missing", scope: "row" },
  { id: "time/wrong-year", scope: "row", targetOnly: true, part: "yearWord" },
  { id: "value/percent-range", scope: "row", targetOnly: true, part: "percentOver" },
  { id: "value/operator-direction", scope: "row", targetOnly: true, part: "satisfactionCeiling" },
  { id: "value/missing-operator", scope: "row", targetOnly: true, part: "percent" },
  { id: "value/quantity-no-number", scope: "row", targetOnly: true, part: "quantity" },
  { id: "budget/total-mismatch", scope: "summary" },
];
