/**
 * What the visible template cells mean, shared by the renderer and the template reader.
 *
 * The renderer writes every field into its visible cell(s). Whatever the visible cells cannot say
 * (raw text as written in the source, 涉密 flag, Ningxia-only fields, a null spend plan, level labels
 * before normalisation) goes into a hidden meta cell as an *override*: `{ v: <the visible cells>,
 * m: <the model part> }`. The reader derives the model part from the cells and uses the override only
 * while the cells still hold exactly `v` — so a clerk's later edit always wins over stale metadata.
 */
import { cellText, isGridDate, isGridError, type CellValue } from "../grid";
import { parseMoney } from "../money";
import type { Budget, DeclaredTotals, Indicator, Overview, SpendPlan } from "../schema";
import { normalizeLevel1, normalizeLevel2 } from "../taxonomy";
import { parseTarget } from "../value";
import { META_PREFIX } from "./layout";

export interface Override<T> {
  v: CellValue[];
  m: T;
}

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
export function encodeMeta(o: Record<string, unknown>): string {
  return META_PREFIX + JSON.stringify(o);
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

/** Use the override when the cells still hold what was written; else the derived value. */
export function applyOverride<T>(meta: Record<string, unknown>, key: string, cells: CellValue[], derived: T): T {
  const o = meta[key] as Override<T> | undefined;
  if (o && typeof o === "object" && Array.isArray(o.v) && sameData(asHostReturns(o.v), asHostReturns(cells))) return o.m;
  return derived;
}

/**
 * Put an override into `meta` when the cells alone would not give back `model` — including after a host trip
 * (a CR in a cell comes back as LF from a file, so the model is kept in the override too).
 */
export function addOverride<T>(meta: Record<string, unknown>, key: string, cells: CellValue[], derived: T, model: T): void {
  const hostChanges = cells.some((v) => typeof v === "string" && v.includes("\r"));
  if (hostChanges || !sameData(derived, model)) meta[key] = { v: cells, m: model } satisfies Override<T>;
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
