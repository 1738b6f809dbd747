/**
 * What the seal puts where a person can see it, for workbooks opened without the add-in (Excel, WPS,
 * LibreOffice): a visible status cell whose native formula says 已校验且未修改 or 校验后已修改.
 *
 * The formula cannot hash; it compares. The seal sheet gets one 核对 row per cell the readers took content
 * from (every project's and the department part's source cells): the value at sealing time as a constant, the
 * address as text, and a formula that compares the constant with the live cell. The status cell is
 * AND() over those comparisons. Excel and LibreOffice move the references when rows or sheets move, so a
 * watched cell keeps being watched; what the formula cannot see (a new indicator row, a new sheet) only the
 * pane, the page and `jxmb verify` report — the label says so.
 *
 * Where: the template's 部门 sheet at G4:H4 (the settings area, outside the print area); in other layouts,
 * the first visible sheet, row 1, one column right of its used range. A seal remembers its spot, so sealing
 * again reuses it. A spot is used only if the readers see exactly the same content with the cell filled in.
 */
import { toCanonicalJson } from "./canonical";
import { a1, colCount, getValue, parseA1, quoteSheet, type CellValue, type Grid, type GridSheet } from "./grid";
import { withoutExceptionsSheet } from "./exceptions";
import { readWorkbook, type ReadWorkbookOptions } from "./read/index";
import type { JxmbDocument } from "./schema";
import { SEAL_SHEET, sealSheet, type Seal } from "./seal";
import { SHEET_DEPARTMENT } from "./write/layout";

export const STATUS_OK = "已校验且未修改";
export const STATUS_CHANGED = "校验后已修改";
export const STATUS_LABEL = "校验印记（公式只核对校验时的单元格）";
/** Seal-sheet row labels of this module (readSeal ignores labels it does not know). */
export const SPOT_LABEL = "状态单元格";
export const WATCH_LABEL = "核对";
const WATCH_HEADER = ["核对", "校验时的值", "单元格", "一致"];
/** More 核对 rows than this and the rest is left to the pane and `jxmb verify` (an Excel sheet stays light). */
export const MAX_WATCH = 20_000;
/** The template's 部门 settings area: G4 the label, H4 the status (rows 2–3 hold 模板版本 and 适用规范). */
const TEMPLATE_SPOT = { label: { r: 3, c: 6 }, status: { r: 3, c: 7 } };

export interface StatusSpot {
  sheet: string;
  /** A1 of the label and of the status formula (the label sits left of the status). */
  label: string;
  status: string;
}

/** One cell write outside our own sheet: text (as text) or a formula (without "="), with the value it shows now. */
export interface CellWrite {
  sheet: string;
  ref: string;
  text?: string;
  formula?: string;
  result?: string | boolean | number;
}

export interface SealWrite {
  /** The whole helper sheet (seal record + 核对 rows with formulas), very hidden. */
  sheet: GridSheet;
  /** The visible status: label and formula; empty when no spot keeps the content unchanged. */
  cells: CellWrite[];
  spot: StatusSpot | null;
  watched: number;
}

interface Watch {
  sheet: string;
  ref: string;
  value: string | number;
}

/** Every cell the readers took content from, with its value now (text or number; dates, booleans, errors skipped). */
export function watchedCells(grid: Grid, doc: JxmbDocument): Watch[] {
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const out: Watch[] = [];
  const add = (sheet: string | null | undefined, cells: Record<string, string> | undefined) => {
    const s = sheet ? sheets.get(sheet) : undefined;
    if (!s || !cells) return;
    for (const ref of Object.values(cells)) {
      const p = parseA1(ref.split(":")[0]);
      if (!p) continue;
      const key = `${s.name}!${a1(p.r, p.c)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const v = getValue(s, p.r, p.c);
      if (typeof v === "number" || (typeof v === "string" && v !== "")) out.push({ sheet: s.name, ref: a1(p.r, p.c), value: v });
    }
  };
  for (const p of doc.projects) {
    add(p.source.sheet, p.source.cells);
    for (const i of p.indicators) add(p.source.sheet, i.source);
  }
  if (doc.overview?.source) {
    add(doc.overview.source.sheet, doc.overview.source.cells);
    for (const i of doc.overview.indicators ?? []) add(doc.overview.source.sheet, i.source);
  }
  if (doc.declaredTotals?.source) add(doc.declaredTotals.source.sheet, doc.declaredTotals.source.cells);
  return out.slice(0, MAX_WATCH);
}

function compareFormula(w: Watch, row1: number): string {
  const live = `${quoteSheet(w.sheet)}!${w.ref}`;
  const b = `B${row1}`;
  // Numbers within rounding; text exactly (a number typed over text, or text over a number, is a change).
  return typeof w.value === "number" ? `IF(ISNUMBER(${live}),ABS(${live}-${b})<=0.000000001*MAX(1,ABS(${b})),FALSE)` : `EXACT(${live},${b})`;
}

/** The status formula over the 核对 rows `first`..`last` (1-based) of the seal sheet. */
export function statusFormula(first: number, last: number): string {
  if (last < first) return `"${STATUS_OK}"`;
  const range = `${quoteSheet(SEAL_SHEET)}!D${first}:D${last}`;
  // A watched cell deleted with its sheet turns the comparison into #REF!: that is a change too.
  return `IFERROR(IF(AND(${range}),"${STATUS_OK}","${STATUS_CHANGED}"),"${STATUS_CHANGED}")`;
}

/** The seal's spot recorded in a previous seal sheet, if any ("部门!H4"). */
export function previousSpot(grid: Grid): StatusSpot | null {
  const sheet = grid.sheets.find((s) => s.name === SEAL_SHEET);
  const row = sheet?.values.find((r) => r?.[0] === SPOT_LABEL);
  const text = typeof row?.[1] === "string" ? row[1] : "";
  const m = /^(.*)!([A-Z]{1,3}\d+)$/.exec(text);
  if (!m) return null;
  const p = parseA1(m[2]);
  if (!p || p.c < 1 || !grid.sheets.some((s) => s.name === m[1])) return null;
  return { sheet: m[1], label: a1(p.r, p.c - 1), status: m[2] };
}

function candidateSpot(grid: Grid): StatusSpot | null {
  const prev = previousSpot(grid);
  if (prev) return prev;
  const dept = grid.sheets.find((s) => s.name === SHEET_DEPARTMENT && !s.hidden);
  if (dept) {
    const free = [TEMPLATE_SPOT.label, TEMPLATE_SPOT.status].every((p) => {
      const v = getValue(dept, p.r, p.c);
      return v === null || v === "";
    });
    if (free) return { sheet: dept.name, label: a1(TEMPLATE_SPOT.label.r, TEMPLATE_SPOT.label.c), status: a1(TEMPLATE_SPOT.status.r, TEMPLATE_SPOT.status.c) };
  }
  const first = grid.sheets.find((s) => !s.hidden && !s.name.startsWith("_jxmb_"));
  if (!first) return null;
  const c = colCount(first) + 1;
  return { sheet: first.name, label: a1(0, c), status: a1(0, c + 1) };
}

function withCells(grid: Grid, cells: CellWrite[]): Grid {
  const sheets = grid.sheets.map((s) => {
    const mine = cells.filter((w) => w.sheet === s.name);
    if (!mine.length) return s;
    const copy: GridSheet = { ...s, values: s.values.map((r) => (r ? [...r] : r)) };
    for (const w of mine) {
      const p = parseA1(w.ref)!;
      while (copy.values.length <= p.r) copy.values.push([]);
      const row = copy.values[p.r] ?? (copy.values[p.r] = []);
      while (row.length <= p.c) row.push(null);
      row[p.c] = (w.text ?? w.result ?? null) as CellValue;
    }
    return copy;
  });
  return { ...grid, sheets };
}

/**
 * Everything a seal writes into a workbook: the helper sheet (record + 核对 rows) and the visible status.
 * `grid` is the workbook as read, `doc` what the readers saw in it (sealed as `seal`).
 */
export function planSealWrite(seal: Seal, grid: Grid, doc: JxmbDocument, readOpts: ReadWorkbookOptions = {}): SealWrite {
  const base = sealSheet(seal);
  let spot = candidateSpot(grid);
  if (spot) {
    // The status must be invisible to the readers: the same content with the cells filled in, or no status.
    const probe: CellWrite[] = [
      { sheet: spot.sheet, ref: spot.label, text: STATUS_LABEL },
      { sheet: spot.sheet, ref: spot.status, result: STATUS_OK },
    ];
    const after = toCanonicalJson(readWorkbook(withoutExceptionsSheet(withCells(grid, probe)), readOpts).document);
    if (after !== toCanonicalJson(doc)) spot = null;
  }
  const watches = watchedCells(grid, doc);
  const values = base.values.map((r) => [...r]);
  const formats = (base.formats ?? []).map((r) => [...r]);
  const formulas: (string | null)[][] = values.map(() => []);
  const push = (vals: CellValue[], fmts: (string | null)[], fmls: (string | null)[]) => {
    values.push(vals);
    formats.push(fmts);
    formulas.push(fmls);
  };
  if (spot) push([SPOT_LABEL, `${spot.sheet}!${spot.status}`], ["@", "@"], []);
  push(WATCH_HEADER, WATCH_HEADER.map(() => "@"), []);
  const first = values.length + 1;
  for (const w of watches) {
    const row1 = values.length + 1;
    push([WATCH_LABEL, w.value, `${w.sheet}!${w.ref}`, true], ["@", typeof w.value === "number" ? null : "@", "@", null], [null, null, null, compareFormula(w, row1)]);
  }
  const cells: CellWrite[] = spot
    ? [
        { sheet: spot.sheet, ref: spot.label, text: STATUS_LABEL },
        { sheet: spot.sheet, ref: spot.status, formula: statusFormula(first, values.length), result: STATUS_OK },
      ]
    : [];
  return { sheet: { ...base, values, formats, formulas }, cells, spot, watched: watches.length };
}
