/**
 * What the visible template cells mean, shared by the renderer and the template reader.
 *
 * The renderer writes every field into its visible cell(s). Whatever the visible cells cannot say
 * (raw text as written in the source, 涉密 flag, Ningxia-only fields, a null spend plan, level labels
 * before normalisation) goes into a hidden meta cell as an *override* (see Override): a fingerprint of
 * the visible cells and the model keys they cannot give back. The reader derives the model part from
 * the cells and uses the override only while the cells still match the fingerprint — so a clerk's
 * later edit always wins over stale metadata.
 */
import { cellText, isGridDate, isGridError, type CellValue } from "../grid";
import { parseMoney } from "../money";
import type { Budget, DeclaredTotals, Indicator, Overview, Project, SpendPlan } from "../schema";
import { normalizeLevel1, normalizeLevel2 } from "../taxonomy";
import { parseTarget } from "../value";
import { META_PREFIX } from "./layout";

/**
 * An override in a meta cell. Current form: `h` fingerprints the visible cells as written, `d` holds only the keys
 * of the model part the cells do not give back (or `m` the whole part when it is not a plain object, e.g. goals).
 * Keeping the cells' text out of the meta cell keeps it under Excel's 32,767-character cell limit, which a copy of
 * a long 指标 text would break. Templates written before carry `v` (the cells) and `m`; both forms are read.
 */
export interface Override<T> {
  h?: string;
  d?: Partial<T>;
  m?: T;
  /** Legacy form: the visible cells as written. */
  v?: CellValue[];
}

/** Excel's maximum number of characters in a cell. */
export const CELL_TEXT_LIMIT = 32_767;

/** Stable JSON (sorted keys) for equality of plain data. */
export function stableJson(x: unknown): string {
  return JSON.stringify(x, (_k, val) => {
    if (val && typeof val === "object" && !Array.isArray(val)) {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(val).sort()) o[k] = (val as Record<string, unknown>)[k];
      return o;
    }
    return val;
  });
}
export const sameData = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/** Meta cell text ↔ object. Never throws; junk → {}. */
/**
 * Meta object → cell text, never longer than Excel can hold: when it would be, the largest overrides are dropped
 * (their fields then come from the visible cells, which is what Excel shows anyway).
 */
export function encodeMeta(o: Record<string, unknown>): string {
  let text = META_PREFIX + JSON.stringify(o);
  if (text.length <= CELL_TEXT_LIMIT) return text;
  const copy = { ...o };
  const big = Object.keys(copy)
    .filter((k) => isOverride(copy[k]))
    .sort((x, y) => JSON.stringify(copy[y]).length - JSON.stringify(copy[x]).length);
  for (const k of big) {
    delete copy[k];
    text = META_PREFIX + JSON.stringify(copy);
    if (text.length <= CELL_TEXT_LIMIT) break;
  }
  return text;
}
function isOverride(x: unknown): boolean {
  return !!x && typeof x === "object" && ("h" in x || "v" in x);
}
export function decodeMeta(v: CellValue): Record<string, unknown> {
  if (typeof v !== "string" || !v.startsWith(META_PREFIX)) return {};
  try {
    const o = JSON.parse(v.slice(META_PREFIX.length));
    return o && typeof o === "object" && !Array.isArray(o) ? (o as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Cells as a host gives them back: Excel cannot hold an empty string (writing "" clears the cell), and the .xlsx
 * XML turns CR and CRLF into LF. Overrides compare cells in this form, so such a trip is not taken for an edit.
 */
function asHostReturns(cells: readonly CellValue[]): CellValue[] {
  return cells.map((v) => (typeof v === "string" ? (v === "" ? null : v.replace(/\r\n?/g, "\n")) : v));
}

/** 64-bit FNV-1a (two 32-bit lanes) of the cells as a host returns them, with their length. */
function cellsHash(cells: readonly CellValue[]): string {
  const text = stableJson(asHostReturns(cells));
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}:${text.length}`;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === "object" && !Array.isArray(x);
const hasCR = (x: unknown) => stableJson(x).includes("\\r");

/** Use the override when the cells still hold what was written; else the derived value. */
export function applyOverride<T>(meta: Record<string, unknown>, key: string, cells: CellValue[], derived: T): T {
  const o = meta[key] as Override<T> | undefined;
  if (!o || typeof o !== "object") return derived;
  if (typeof o.h === "string") {
    if (o.h !== cellsHash(cells)) return derived;
    if (isPlainObject(o.d) && isPlainObject(derived)) return { ...derived, ...o.d } as T;
    return "m" in o ? (o.m as T) : derived;
  }
  if (Array.isArray(o.v) && sameData(asHostReturns(o.v), asHostReturns(cells))) return o.m as T;
  return derived;
}

/**
 * Put an override into `meta` when the cells alone would not give back `model` — including after a host trip
 * (a CR in a cell comes back as LF from a file, so the fields holding one are kept in the override too).
 */
export function addOverride<T>(meta: Record<string, unknown>, key: string, cells: CellValue[], derived: T, model: T): void {
  const hostChanges = cells.some((v) => typeof v === "string" && v.includes("\r"));
  if (!hostChanges && sameData(derived, model)) return;
  const h = cellsHash(cells);
  if (isPlainObject(model) && isPlainObject(derived)) {
    const d: Record<string, unknown> = {};
    for (const k of Object.keys(model)) if (!sameData(derived[k], model[k]) || hasCR(model[k])) d[k] = model[k];
    meta[key] = { h, d } satisfies Override<Record<string, unknown>>;
  } else meta[key] = { h, m: model } satisfies Override<T>;
}

/* ------------------------------------------------------------------------------------------------
 * Cell → text
 * ---------------------------------------------------------------------------------------------- */

/** Text of an input cell; null when blank. Errors and dates come through as their text. */
export function textOf(v: CellValue): string | null {
  if (v === null) return null;
  if (isGridError(v)) return v.error;
  if (isGridDate(v)) return v.date;
  const t = cellText(v);
  return t.trim() === "" ? null : t;
}

/* ------------------------------------------------------------------------------------------------
 * Derivations
 * ---------------------------------------------------------------------------------------------- */

function money(v: CellValue): { value: number | null; raw: string | null } {
  if (typeof v === "number") return Number.isFinite(v) ? { value: parseMoney(v).wan, raw: null } : { value: null, raw: String(v) };
  const t = textOf(v);
  if (t === null) return { value: null, raw: null };
  const p = parseMoney(t);
  return { value: p.ok ? p.wan : null, raw: t };
}

/** 预算数 / 财政资金 / 其他资金 cells → Budget. Blank 其他资金 counts as 0 (schema: blank → 0). */
export function deriveBudget(total: CellValue, fiscal: CellValue, other: CellValue): Budget {
  const t = money(total);
  const f = money(fiscal);
  const o = money(other);
  return {
    total: t.value,
    fiscal: f.value,
    other: o.value === null && o.raw === null ? 0 : o.value,
    raw: { total: t.raw, fiscal: f.raw, other: o.raw },
  };
}

/** Percent points from a plan cell: numbers are fractions (the template formats them 0%). */
function planPoint(v: CellValue): { value: number | null; raw: string | null } {
  if (typeof v === "number") return Number.isFinite(v) ? { value: Math.round(v * 100 * 1e6) / 1e6, raw: null } : { value: null, raw: String(v) };
  const t = textOf(v);
  if (t === null) return { value: null, raw: null };
  const s = t.replace(/[\s\u3000]/g, "").replace(/％/g, "%");
  const m = /^([+-]?\d+(?:\.\d+)?)(%?)$/.exec(s);
  if (!m) return { value: null, raw: t };
  const x = Number(m[1]);
  const value = m[2] ? x : x <= 1 ? x * 100 : x;
  return { value: Math.round(value * 1e6) / 1e6, raw: t };
}

export function deriveSpendPlan(cells: readonly CellValue[]): SpendPlan {
  const [mar, jun, oct, dec] = cells.map(planPoint);
  return {
    mar: mar.value,
    jun: jun.value,
    oct: oct.value,
    dec: dec.value,
    raw: { mar: mar.raw, jun: jun.raw, oct: oct.raw, dec: dec.raw },
  };
}

/** 绩效目标: one cell, one goal per line. */
export function deriveGoals(v: CellValue): string[] {
  const t = textOf(v);
  if (t === null) return [];
  return t
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
export function goalsText(goals: readonly string[]): string | null {
  return goals.length ? goals.join("\n") : null;
}

export type IndicatorCore = Omit<Indicator, "source">;

/** One indicator row (一级, 二级, 三级, 描述, 指标值, 依据, 评分标准) → indicator without source. */
export function deriveIndicator(cells: readonly CellValue[]): IndicatorCore {
  const [a, b, c, d, e, f, g] = cells;
  const l1t = textOf(a);
  const l2t = textOf(b);
  const m1 = normalizeLevel1(l1t);
  const m2 = normalizeLevel2(l2t);
  const targetInput = typeof e === "number" ? e : textOf(e);
  return {
    level1: l1t === null ? "" : m1.label,
    level2: l2t === null ? "" : m2.label,
    name: textOf(c) ?? "",
    description: textOf(d),
    target: parseTarget(targetInput),
    targetParts: null,
    basis: textOf(f),
    scoring: textOf(g),
    level1Raw: l1t !== null && l1t !== m1.label ? l1t : null,
    level2Raw: l2t !== null && l2t !== m2.label ? l2t : null,
  };
}

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every((v) => textOf(v) === null);
}

/** 项目编码: written without the PDF wrap spaces (schema: spaces removed). */
export function deriveCode(v: CellValue): string | null {
  const t = textOf(v);
  return t === null ? null : t.replace(/[\s\u3000]+/g, "") || null;
}

export function deriveYear(v: CellValue): number | null {
  if (typeof v === "number") return Number.isInteger(v) ? v : null;
  const t = textOf(v);
  if (t === null) return null;
  const m = /^\s*(\d{4})\s*年?\s*$/.exec(t);
  return m ? Number(m[1]) : null;
}

export function deriveAmount(v: CellValue): number | null {
  return money(v).value;
}

/** The Ningxia fields' cells (主管部门 name, code, 实施单位, 项目属性 code, name, 项目期) → model part. */
export function deriveNingxia(cells: readonly CellValue[]): Pick<Project, "competentDepartment" | "implementingUnit" | "attribute" | "period"> {
  const [cn, cc, impl, ac, an, per] = cells.map(textOf);
  return {
    competentDepartment: cn === null && cc === null ? null : { code: cc, name: cn },
    implementingUnit: impl,
    attribute: ac === null && an === null ? null : { code: ac, name: an },
    period: per,
  };
}

export function deriveOverview(summary: CellValue, items: CellValue[][], safeguards: CellValue): Omit<Overview, "source"> | null {
  const s = textOf(summary);
  const g = textOf(safeguards);
  const list = items
    .filter((row) => !isBlankRow(row))
    .map(([title, goal, ind]) => ({ title: textOf(title) ?? "", goal: textOf(goal), indicators: textOf(ind) }));
  if (s === null && g === null && list.length === 0) return null;
  return { summary: s, items: list, safeguards: g };
}

export function deriveDeclared(department: CellValue, units: CellValue[][]): Omit<DeclaredTotals, "source"> | null {
  const dep = deriveAmount(department);
  const list = units
    .filter((row) => !isBlankRow(row))
    .map(([code, name, total]) => ({ code: textOf(code), name: textOf(name), total: deriveAmount(total) }));
  if (dep === null && textOf(department) === null && list.length === 0) return null;
  return { department: dep, units: list };
}

/* ------------------------------------------------------------------------------------------------
 * 中期 | 年度 rows (the central-2021 form)
 * ---------------------------------------------------------------------------------------------- */

/** One row of a form with 中期指标值 | 年度指标值: the 年度 indicator, the 中期 one, or both (same 一级/二级/三级). */
export interface PairedRow<T> {
  annual: T | null;
  mid: T | null;
}

const pairKey = (i: { level1: string; level2: string; name: string }) => `${i.level1}\u0000${i.level2}\u0000${i.name}`;

/**
 * The rows of a 中期 | 年度 table: a 中期 indicator shares the row of the next 年度 indicator with the same 一级,
 * 二级 and 三级 and a 年度 value; the others get a row of their own. Both lists keep their order when read back
 * row by row (a 中期 indicator without a partner is placed before the 年度 partner of the next 中期 one). A 年度
 * indicator without a value is never paired: its row would then look like a 中期 indicator's, and the sheet's row
 * check would pass over what the pane reports.
 */
export function pairRows<T extends { level1: string; level2: string; name: string; target: { raw: string } }>(annual: readonly T[], mid: readonly T[]): PairedRow<T>[] {
  const partner = new Map<number, number>(); // annual index → mid index
  let from = 0;
  mid.forEach((m, j) => {
    const k = pairKey(m);
    for (let i = from; i < annual.length; i++)
      if (annual[i].target.raw.trim() !== "" && pairKey(annual[i]) === k) {
        partner.set(i, j);
        from = i + 1;
        return;
      }
  });
  const rows: PairedRow<T>[] = [];
  let nextMid = 0;
  annual.forEach((a, i) => {
    const j = partner.get(i);
    if (j !== undefined) {
      while (nextMid < j) rows.push({ annual: null, mid: mid[nextMid++] });
      rows.push({ annual: a, mid: mid[nextMid++] });
    } else rows.push({ annual: a, mid: null });
  });
  while (nextMid < mid.length) rows.push({ annual: null, mid: mid[nextMid++] });
  return rows;
}

/**
 * A 中期 | 年度 row's cells (一级, 二级, 三级, 描述, 中期指标值, 年度指标值, 依据, 评分标准) → its indicators. A row with
 * a 中期 value and no 年度 value holds a 中期 indicator only; any other filled row holds a 年度 indicator.
 */
export function derivePairedRow(cells: readonly CellValue[]): PairedRow<IndicatorCore> {
  const [l1, l2, name, desc, mid, annual, basis, scoring] = cells;
  const hasMid = textOf(mid) !== null;
  const hasAnnual = textOf(annual) !== null;
  return {
    annual: hasMid && !hasAnnual ? null : deriveIndicator([l1, l2, name, desc, annual, basis, scoring]),
    mid: hasMid ? deriveIndicator([l1, l2, name, desc, mid, basis, scoring]) : null,
  };
}
