/**
 * Cell-value plumbing for the custom functions: what Excel passes (numbers, "", null, 0 for empty
 * cells in ranges, booleans, text with units) → the model's inputs. No Office calls at import time:
 * `CustomFunctions` is only touched when an error value is built, so jest can import this module.
 *
 * Decisions (documented in docs/custom-functions.md):
 * - Excel passes an empty cell inside a range as 0 (office-js #5262) and an empty single-cell argument
 *   as 0 or null depending on the client, so 0 cannot mean "blank" in general. A spend-plan row whose
 *   points are ALL blank or 0 is treated as not filled in (a plan of 0/0/0/0 is never valid anyway);
 *   otherwise "" / null / "-" / "/" are blank points and 0 is 0%.
 * - Spend-plan numbers: the template formats plan cells "0%", so Excel hands over 0.25 for “25%”.
 *   Without the cell format, a row whose plain numbers all lie in [0, 1] (at least one > 0) is read
 *   as fractions and scaled ×100; otherwise numbers are percent points (25 = 25%). Text with “%” is
 *   always percent points.
 */
import {
  numberToDecimalString,
  parseMoney,
  scaleDecimal,
  type MoneyParse,
  type MoneyUnit,
} from "../model/money";
import { labelKey } from "../model/read/labels";
import { emptyDocument, emptyProject, type Indicator, type JxmbDocument, type Project } from "../model/schema";
import { normalizeLevel1, normalizeLevel2 } from "../model/taxonomy";
import { parseTarget } from "../model/value";
import { planPointText } from "../model/checks/spend-plan";
import { PROJECT, PROJECT_LAYOUTS } from "../model/write/layout";

/** Build an error value. Messages only show for #VALUE! and #N/A, so other codes get none. */
export function cellError(code: "#VALUE!" | "#N/A", message: string): CustomFunctions.Error {
  const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (!cf) throw new Error(message); // outside Excel: surfaces as #VALUE! there, as an exception in Node
  const ec = code === "#VALUE!" ? cf.ErrorCode.invalidValue : cf.ErrorCode.notAvailable;
  return new cf.Error(ec, message);
}

/** True for what a clerk sees as an empty cell (not for 0: see the module note). */
export function isBlank(v: unknown): boolean {
  return (
    v === null ||
    v === undefined ||
    (typeof v === "string" && v.replace(/[\s\u3000\u00a0\ufeff]+/g, "") === "")
  );
}

/** A matrix argument as rows; a scalar (tests, or a single value) becomes [[v]]. */
export function asRows(v: unknown): unknown[][] {
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  return [[v]];
}

/** Text of a cell for messages (trimmed). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/* ------------------------------------------------------------------------------------------------
 * Spend plan
 * ---------------------------------------------------------------------------------------------- */

export interface PlanRow {
  /** Cumulative percent points, null for blank. */
  points: (number | null)[];
  /** Index and text of the first point that is not a percentage. */
  bad: { index: number; raw: string } | null;
}

/**
 * One plan row (3 or 4 cells) → percent points, with the blank and fraction rules above. Text goes
 * through planPointText (shared with the readers): “25%”, “25 ％”, “100百分比”, “25”; a dash is blank.
 */
export function planRow(cells: readonly unknown[]): PlanRow {
  const points: (number | null)[] = new Array(cells.length).fill(null);
  const plain: number[] = []; // indices of unit-less numbers, subject to the fraction rule
  let bad: PlanRow["bad"] = null;
  let allBlankOrZero = true;
  cells.forEach((v, i) => {
    if (isBlank(v)) return;
    if (typeof v === "number") {
      if (v !== 0) allBlankOrZero = false;
      points[i] = v;
      plain.push(i);
      return;
    }
    allBlankOrZero = false;
    if (typeof v !== "string") {
      bad ??= { index: i, raw: cellText(v) };
      return;
    }
    const pt = planPointText(v);
    if (pt.bad) bad ??= { index: i, raw: cellText(v) };
    else if (pt.value !== null) {
      points[i] = pt.value;
      if (pt.bare) plain.push(i);
    }
  });
  if (allBlankOrZero) return { points: points.map(() => null), bad: null };
  const vals = plain.map((i) => points[i] as number);
  if (vals.length > 0 && vals.every((x) => x >= 0 && x <= 1) && vals.some((x) => x > 0)) {
    for (const i of plain) points[i] = Number(((points[i] as number) * 100).toFixed(10));
  }
  return { points, bad };
}

/**
 * The plan argument(s) → rows of 3 or 4 cells. Accepts a 1×n row range (n = 3 or 4), several such
 * rows, a single n×1 column, or four separate values (plan = the 3月底 cell, then jun/oct/dec).
 * Returns a zh-CN message when the shape is wrong.
 */
export function planRows(plan: unknown, rest: readonly unknown[]): unknown[][] | string {
  let rows = asRows(plan);
  const extra = rest.filter((v) => v !== null && v !== undefined);
  if (extra.length > 0) {
    if (rows.length !== 1 || rows[0].length !== 1)
      return "分别给出各节点时，第一个参数应为单个单元格（3月底）";
    rows = [[rows[0][0], ...rest.map((v) => (v === undefined ? null : v))]];
    while (rows[0].length > 3 && rows[0][rows[0].length - 1] === null) rows[0].pop();
  } else if (rows.length >= 3 && rows.length <= 4 && rows.every((r) => r.length === 1)) {
    rows = [rows.map((r) => r[0])]; // a vertical plan
  }
  const width = rows[0]?.length ?? 0;
  if (width < 3 || width > 4 || rows.some((r) => r.length !== width)) {
    return `资金支出计划应为 3月底/6月底/10月底/12月底 四个节点（可为一行或多行），收到 ${rows.length}×${width} 个单元格`;
  }
  return rows;
}

/* ------------------------------------------------------------------------------------------------
 * Money
 * ---------------------------------------------------------------------------------------------- */

/** parseMoney over a cell value: numbers and text; booleans and other types are not amounts. */
export function moneyOf(v: unknown, defaultUnit: MoneyUnit = "万元"): MoneyParse {
  if (isBlank(v)) return parseMoney(null, defaultUnit);
  if (typeof v === "number" || typeof v === "string") return parseMoney(v, defaultUnit);
  return { ...parseMoney("?", defaultUnit), reason: `“${cellText(v)}”不是金额` };
}

/**
 * `pct` percent of `fen`, in 分, rounded half-up (away from zero), exact: the percentage is scaled to
 * an integer (6 decimals) and multiplied as BigInt, so 587.92 万元 × 33.3% has no float drift.
 */
export function percentOfFen(fen: number, pct: number): number {
  const scaled = scaleDecimal(numberToDecimalString(pct), 6);
  if (!scaled || !Number.isSafeInteger(fen)) return NaN;
  const num = BigInt(fen) * BigInt(scaled.value);
  const den = 100_000_000n; // 100 (percent) × 10^6 (scale)
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (abs * 2n + den) / (2n * den);
  return Number(neg ? -q : q);
}

/* ------------------------------------------------------------------------------------------------
 * Indicator ranges and one-project documents for the rule engine
 * ---------------------------------------------------------------------------------------------- */

type IndicatorField = Exclude<keyof typeof PROJECT.indicatorCols, "midTarget">;

/**
 * Header text of each template indicator column (“一级指标” → level1), from every profile's form: the central-2021
 * form's 年度指标值 is the value checked (its 中期指标值 is not a field here).
 */
const HEADER_FIELDS: ReadonlyArray<readonly [string, IndicatorField]> = (() => {
  const out: [string, IndicatorField][] = [];
  for (const L of PROJECT_LAYOUTS) {
    const byCol = new Map<number, IndicatorField>();
    for (const [k, c] of Object.entries(L.indicatorCols)) if (k !== "midTarget" && c !== undefined) byCol.set(c, k as IndicatorField);
    for (const l of L.labels) {
      const f = l.r === L.indicatorHeaderRow ? byCol.get(l.c) : undefined;
      if (f && !out.some(([t]) => t === labelKey(l.text))) out.push([labelKey(l.text), f]);
    }
  }
  return out;
})();

function headerColumns(row: readonly unknown[]): Partial<Record<IndicatorField, number>> | null {
  const cols: Partial<Record<IndicatorField, number>> = {};
  row.forEach((v, c) => {
    if (typeof v !== "string") return;
    const key = labelKey(v);
    const hit = HEADER_FIELDS.find(([text]) => text === key);
    if (hit && cols[hit[1]] === undefined) cols[hit[1]] = c;
  });
  return cols.level1 !== undefined && cols.target !== undefined ? cols : null;
}

/** Label cell → text; numbers (0 for an empty cell) are blank in label columns. */
function labelCell(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

/**
 * Indicator rows of a range whose columns are 一级/二级/三级/…/指标值, as Excel passes it. Columns come
 * from a header row (the template's header texts) when the first row is one; otherwise the template's
 * positions (指标值 is the 5th column) for ranges of 5+ columns, or the last column for 4 columns.
 * `valueColumn` (1-based) overrides the 指标值 column. Blank 一级/二级 cells (merged in the sheet)
 * repeat the label above; rows without 三级 and 指标值 are skipped; 0 in the 指标值 column is blank.
 */
export function indicatorsOf(range: unknown, valueColumn: number | null): Indicator[] | string {
  const rows = asRows(range);
  const width = rows[0]?.length ?? 0;
  let cols: Partial<Record<IndicatorField, number>> | null = headerColumns(rows[0] ?? []);
  let first = 0;
  if (cols) first = 1;
  else if (width >= 5) cols = { ...PROJECT.indicatorCols };
  else if (width === 4) cols = { level1: 0, level2: 1, name: 2, target: 3 };
  else return `指标区域应包含 一级指标/二级指标/三级指标/指标值 各列，收到 ${width} 列`;
  if (valueColumn !== null) {
    if (!Number.isInteger(valueColumn) || valueColumn < 1 || valueColumn > width)
      return `指标值列号 ${valueColumn} 不在区域的 1–${width} 列之内`;
    cols.target = valueColumn - 1;
  }
  const at = (row: readonly unknown[], f: IndicatorField): unknown =>
    cols![f] === undefined ? null : row[cols![f]!];
  const out: Indicator[] = [];
  let l1 = "";
  let l2 = "";
  for (let r = first; r < rows.length; r++) {
    const row = rows[r];
    if (headerColumns(row)) continue; // a repeated header (several tables in one range)
    const a = labelCell(at(row, "level1"));
    const b = labelCell(at(row, "level2"));
    if (a) {
      l1 = a;
      l2 = "";
    }
    if (b) l2 = b;
    const name = labelCell(at(row, "name"));
    let value = at(row, "target");
    if (value === 0 || isBlank(value)) value = null;
    if (!name && value === null) continue;
    const n1 = normalizeLevel1(l1);
    const n2 = normalizeLevel2(l2);
    out.push({
      level1: n1.label,
      level2: n2.label,
      name,
      description: null,
      target: parseTarget(
        typeof value === "number" || typeof value === "string"
          ? value
          : value === null
            ? null
            : cellText(value)
      ),
      targetParts: null,
      basis: null,
      scoring: null,
      level1Raw: n1.label !== l1 ? l1 : null,
      level2Raw: n2.label !== l2 ? l2 : null,
      source: {},
    });
  }
  return out;
}

/** A document holding one project with just a budget and indicators, for validate() with a rule filter. */
export function oneProjectDocument(
  budget: Project["budget"],
  indicators: Indicator[] = []
): JxmbDocument {
  const doc = emptyDocument("hebei");
  doc.projects.push({ ...emptyProject("template", "", 1), budget, indicators });
  return doc;
}
