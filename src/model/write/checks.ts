/**
 * In-sheet checks of the template: each check is a native formula (IF/AND/OR/ROUND/SUM/N/ISNUMBER/
 * COUNT/COUNTA/SUMPRODUCT/MID/LEFT/INDIRECT/MATCH/ROWS/INDEX only — functions Excel, WPS and LibreOffice
 * all have; never LET/LAMBDA/XLOOKUP/dynamic arrays, never JXMB custom functions) paired with a
 * TypeScript evaluator that computes the same text. The renderer stores the evaluator's result as the
 * formula's cached value, so a file shows correct checks even before recalculation; the LibreOffice
 * test proves formula and evaluator agree.
 *
 * Blank inputs never show an error: "待填写" or "".
 */
import { CHECK } from "./layout";

export type CheckInput = string | number | boolean | null;

const isBlank = (v: CheckInput) => v === null || v === "";
const isNum = (v: CheckInput): v is number => typeof v === "number" && Number.isFinite(v);
/** Excel N(): numbers as they are, everything else 0. */
const n = (v: CheckInput) => (isNum(v) ? v : 0);
/** Excel ROUND(x, 6) = 0, tolerant to float noise the same way. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

/* ---------------------------------------------------------------------------------------------- */

/** 预算数 = 财政资金 + 其他资金 (blank 其他资金 = 0), rounded to 分 (6 decimals of 万元). */
export function budgetCheckFormula(t: string, f: string, o: string): string {
  return (
    `IF(AND(${t}="",${f}="",${o}=""),${str(CHECK.todo)},` +
    `IF(OR(AND(${t}<>"",NOT(ISNUMBER(${t}))),AND(${f}<>"",NOT(ISNUMBER(${f}))),AND(${o}<>"",NOT(ISNUMBER(${o})))),${str(CHECK.budgetNotNumber)},` +
    `IF(OR(${t}="",${f}=""),${str(CHECK.todo)},` +
    `IF(OR(${t}<0,${f}<0,N(${o})<0),${str(CHECK.budgetNegative)},` +
    `IF(ROUND(${t}-${f}-N(${o}),6)=0,${str(CHECK.ok)},${str(CHECK.budgetSum)})))))`
  );
}

export function budgetCheck(t: CheckInput, f: CheckInput, o: CheckInput): string {
  if (isBlank(t) && isBlank(f) && isBlank(o)) return CHECK.todo;
  for (const v of [t, f, o]) if (!isBlank(v) && !isNum(v)) return CHECK.budgetNotNumber;
  if (isBlank(t) || isBlank(f)) return CHECK.todo;
  if ((t as number) < 0 || (f as number) < 0 || n(o) < 0) return CHECK.budgetNegative;
  return round6((t as number) - (f as number) - n(o)) === 0 ? CHECK.ok : CHECK.budgetSum;
}

/* ---------------------------------------------------------------------------------------------- */

/**
 * Spend plan: cells hold fractions (0.25 shown as 25%). Non-numbers → one message; otherwise every
 * failed rule is listed: out of 0–100%, decreasing (between any two filled points), 12月底 ≠ 100%.
 * A partly blank plan without failures is "待填写".
 */
export function planCheckFormula(cells: readonly string[], range: string): string {
  const pairs: string[] = [];
  for (let i = 0; i < cells.length; i++)
    for (let j = i + 1; j < cells.length; j++) pairs.push(`AND(ISNUMBER(${cells[i]}),ISNUMBER(${cells[j]}),ROUND(${cells[j]}-${cells[i]},6)<0)`);
  const last = cells[cells.length - 1];
  const msg =
    `IF(OR(ROUND(MIN(${range}),6)<0,ROUND(MAX(${range}),6)>1),${str("；" + CHECK.planRange)},"")` +
    `&IF(OR(${pairs.join(",")}),${str("；" + CHECK.planDecreasing)},"")` +
    `&IF(AND(ISNUMBER(${last}),ROUND(${last},6)<>1),${str("；" + CHECK.planNot100)},"")`;
  return (
    `IF(COUNTA(${range})=0,${str(CHECK.todo)},` +
    `IF(COUNT(${range})<COUNTA(${range}),${str(CHECK.planNotNumber)},` +
    `IF(${msg}="",IF(COUNT(${range})<${cells.length},${str(CHECK.todo)},${str(CHECK.ok)}),${str(CHECK.badPrefix)}&MID(${msg},2,200))))`
  );
}

export function planCheck(points: readonly CheckInput[]): string {
  const filled = points.filter((v) => !isBlank(v));
  if (filled.length === 0) return CHECK.todo;
  if (filled.some((v) => !isNum(v))) return CHECK.planNotNumber;
  const nums = filled as number[];
  const parts: string[] = [];
  if (round6(Math.min(...nums)) < 0 || round6(Math.max(...nums)) > 1) parts.push(CHECK.planRange);
  let dec = false;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i];
      const b = points[j];
      if (isNum(a) && isNum(b) && round6(b - a) < 0) dec = true;
    }
  if (dec) parts.push(CHECK.planDecreasing);
  const last = points[points.length - 1];
  if (isNum(last) && round6(last) !== 1) parts.push(CHECK.planNot100);
  if (parts.length) return CHECK.badPrefix + parts.join("；");
  return filled.length < points.length ? CHECK.todo : CHECK.ok;
}

/* ---------------------------------------------------------------------------------------------- */

/** A field that only has to be filled: "待填写" or "✓ 通过". */
export function presenceCheckFormula(cells: readonly string[]): string {
  const cond = cells.length === 1 ? `${cells[0]}=""` : `OR(${cells.map((c) => `${c}=""`).join(",")})`;
  return `IF(${cond},${str(CHECK.todo)},${str(CHECK.ok)})`;
}
export function presenceCheck(values: readonly CheckInput[]): string {
  return values.some(isBlank) ? CHECK.todo : CHECK.ok;
}

/* ---------------------------------------------------------------------------------------------- */

export interface IndicatorRefs {
  level1: string;
  level2: string;
  name: string;
  target: string;
  /** The whole row of inputs, for "row is empty". */
  row: string;
}

/**
 * One indicator row: empty row → ""; missing 一级/二级/三级/指标值 → "待填写：…"; 一级 not in the list or
 * 二级 not under the 一级 (pair table from taxonomy.ts) → ✗.
 */
export function indicatorCheckFormula(x: IndicatorRefs, names: { level1: string; pairsL1: string; pairsL2: string }): string {
  return (
    `IF(COUNTA(${x.row})=0,"",` +
    `IF(${x.level1}="",${str(CHECK.l1Missing)},` +
    `IF(SUMPRODUCT(--(${names.level1}=${x.level1}))=0,${str(CHECK.l1Unknown)},` +
    `IF(${x.level2}="",${str(CHECK.l2Missing)},` +
    `IF(SUMPRODUCT(--(${names.pairsL1}=${x.level1}),--(${names.pairsL2}=${x.level2}))=0,${str(CHECK.l2Mismatch)},` +
    `IF(${x.name}="",${str(CHECK.l3Missing)},` +
    `IF(${x.target}="",${str(CHECK.targetMissing)},${str(CHECK.ok)})))))))`
  );
}

export function indicatorCheck(
  row: readonly CheckInput[],
  v: { level1: CheckInput; level2: CheckInput; name: CheckInput; target: CheckInput },
  level1List: readonly string[],
  pairs: readonly (readonly [string, string])[],
): string {
  if (row.every(isBlank)) return "";
  if (isBlank(v.level1)) return CHECK.l1Missing;
  // Excel's "=" on text is case-insensitive; labels are Chinese, so plain equality is the same here.
  const l1 = String(v.level1);
  if (!level1List.includes(l1)) return CHECK.l1Unknown;
  if (isBlank(v.level2)) return CHECK.l2Missing;
  if (!pairs.some(([a, b]) => a === l1 && b === String(v.level2))) return CHECK.l2Mismatch;
  if (isBlank(v.name)) return CHECK.l3Missing;
  if (isBlank(v.target)) return CHECK.targetMissing;
  return CHECK.ok;
}

/* ---------------------------------------------------------------------------------------------- */

/** Sheet status: "✗ n 项未通过" / "待填写" / "✓ 通过" over the sheet's check column. */
export function statusFormula(checkRange: string, indicatorNameRange: string): string {
  const bad = `SUMPRODUCT(--(LEFT(${checkRange},1)="✗"))`;
  const todo = `SUMPRODUCT(--(LEFT(${checkRange},3)=${str(CHECK.todo)}))`;
  return `IF(${bad}>0,"✗ "&${bad}&" 项未通过",IF(OR(${todo}>0,COUNTA(${indicatorNameRange})=0),${str(CHECK.todo)},${str(CHECK.ok)}))`;
}

export function statusCheck(checks: readonly string[], indicatorCount: number): string {
  const bad = checks.filter((c) => c.startsWith("✗")).length;
  if (bad > 0) return `✗ ${bad} 项未通过`;
  if (checks.some((c) => c.startsWith(CHECK.todo)) || indicatorCount === 0) return CHECK.todo;
  return CHECK.ok;
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

export function declaredCheckFormula(declared: string, total: string): string {
  return (
    `IF(${declared}="",${str(CHECK.todo)},IF(NOT(ISNUMBER(${declared})),${str(CHECK.budgetNotNumber)},` +
    `IF(ROUND(${declared}-${total},6)=0,${str(CHECK.ok)},${str(CHECK.declaredMismatch)})))`
  );
}
export function declaredCheck(declared: CheckInput, total: number): string {
  if (isBlank(declared)) return CHECK.todo;
  if (!isNum(declared)) return CHECK.budgetNotNumber;
  return round6(declared - total) === 0 ? CHECK.ok : CHECK.declaredMismatch;
}

export function unitCheckFormula(code: string, name: string, declared: string, codes: string, totals: string): string {
  return (
    `IF(AND(${code}="",${name}="",${declared}=""),"",IF(${declared}="",${str(CHECK.todo)},` +
    `IF(NOT(ISNUMBER(${declared})),${str(CHECK.budgetNotNumber)},` +
    `IF(ROUND(${declared}-SUMPRODUCT(--(${codes}=${code}),${totals}),6)=0,${str(CHECK.ok)},${str(CHECK.unitMismatch)}))))`
  );
}
export function unitCheck(code: CheckInput, name: CheckInput, declared: CheckInput, unitSum: number): string {
  if (isBlank(code) && isBlank(name) && isBlank(declared)) return "";
  if (isBlank(declared)) return CHECK.todo;
  if (!isNum(declared)) return CHECK.budgetNotNumber;
  return round6(declared - unitSum) === 0 ? CHECK.ok : CHECK.unitMismatch;
}

/** _lists self-check: INDIRECT over the 二级 names (exactly as the drop-down uses it) gives each list. */
export function listsProbeFormula(level1Cell: string, level1Name: string, prefix: string, count: number, first: string): string {
  const x = `INDIRECT(${str(prefix)}&MATCH(${level1Cell},${level1Name},0))`;
  return `IF(ISERROR(ROWS(${x})),"✗",IF(AND(ROWS(${x})=${count},INDEX(${x},1)=${str(first)}),"✓","✗"))`;
}
export function listsSummaryFormula(range: string, count: number): string {
  return `IF(COUNTIF(${range},"✓")=${count},${str(CHECK.listsOk)},${str(CHECK.listsBad)})`;
}
