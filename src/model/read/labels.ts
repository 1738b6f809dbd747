/**
 * Label-finding utilities shared by every layout reader. Readers locate fields by the text of their
 * labels, never by fixed offsets, and must tolerate what clerks and PDF→Excel conversions produce:
 * wrap spaces inside labels (“预算规模及 资金用途”, “资金支出计 划（%）”, “3 月底”), full/half-width
 * punctuation (“（%）” vs “(%)”, “：” vs “:”), merged cells, empty spacer cells, and several tables
 * stacked on one sheet.
 *
 * All coordinates are 0-based (row, col), as in grid.ts.
 */
import { foldTraditional } from "../han-fold";
import type { CellValue, GridSheet, MergeRange } from "../grid";
import { a1, cellText, colCount, getValue, isGridDate, isGridError, rowCount } from "../grid";
import { isPercentFormat } from "../value";

/* ------------------------------------------------------------------------------------------------
 * Merge lookup: readers ask “which merge holds (r, c)?” for many cells; grid.mergeAt is a linear scan,
 * which turns quadratic on a sheet with thousands of stacked tables. Index the merges by row once
 * per merges array (grids are not mutated while they are read).
 * ---------------------------------------------------------------------------------------------- */

const MERGE_INDEX = new WeakMap<MergeRange[], { count: number; byRow: Map<number, MergeRange[]> }>();

export function mergeAt(sheet: GridSheet, r: number, c: number): MergeRange | undefined {
  let idx = MERGE_INDEX.get(sheet.merges);
  if (!idx || idx.count !== sheet.merges.length) {
    const byRow = new Map<number, MergeRange[]>();
    for (const m of sheet.merges) {
      for (let rr = m.r1; rr <= m.r2; rr++) {
        const list = byRow.get(rr);
        if (list) list.push(m);
        else byRow.set(rr, [m]);
      }
    }
    idx = { count: sheet.merges.length, byRow };
    MERGE_INDEX.set(sheet.merges, idx);
  }
  const list = idx.byRow.get(r);
  if (!list) return undefined;
  for (const m of list) if (c >= m.c1 && c <= m.c2) return m;
  return undefined;
}

const COLS = new WeakMap<CellValue[][], { rows: number; cols: number }>();

/** Widest row of the sheet, cached per values array. */
function widthOf(sheet: GridSheet): number {
  const hit = COLS.get(sheet.values);
  if (hit && hit.rows === sheet.values.length) return hit.cols;
  const cols = colCount(sheet);
  COLS.set(sheet.values, { rows: sheet.values.length, cols });
  return cols;
}

/* ------------------------------------------------------------------------------------------------
 * Text normalisation
 * ---------------------------------------------------------------------------------------------- */

const FULLWIDTH_PUNCT: Record<string, string> = {
  "（": "(",
  "）": ")",
  "：": ":",
  "，": ",",
  "；": ";",
  "％": "%",
  "［": "[",
  "］": "]",
  "【": "[",
  "】": "]",
  "．": ".",
  "、": ",",
};

/**
 * Key used to compare labels: no whitespace of any kind, full-width ASCII folded to half-width,
 * common CJK punctuation folded (（）→(), ：→:), Latin letters lower-cased, traditional characters
 * folded to simplified (項目名稱 → 项目名称: one synonym table serves both scripts). Not for display.
 */
export function labelKey(text: string | null | undefined): string {
  if (!text) return "";
  const t = String(text);
  // Readers ask for the same few hundred label texts over and over (every stop test, every header
  // probe); a bounded memo keeps that off the regex engine on big workbooks.
  const hit = KEY_CACHE.get(t);
  if (hit !== undefined) return hit;
  let s = t.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "");
  s = s.replace(/[\uff01-\uff5e]/g, (ch) => FULLWIDTH_PUNCT[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  s = s.replace(/[【】、]/g, (ch) => FULLWIDTH_PUNCT[ch] ?? ch);
  s = foldTraditional(s.toLowerCase());
  if (t.length <= 64) {
    if (KEY_CACHE.size >= KEY_CACHE_MAX) KEY_CACHE.clear();
    KEY_CACHE.set(t, s);
  }
  return s;
}
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_MAX = 20_000;

/**
 * Trim a value as written: outer whitespace (incl. U+3000, U+00A0, U+FEFF) removed, inner text
 * untouched. String.prototype.trim strips exactly what regex \s matches, and these three are in it;
 * the native trim costs less than an anchored regex run over every cell the readers look at.
 */
export function trimText(text: string): string {
  return text.trim();
}

/** A label pattern: an exact label (compared by labelKey), a list of alternatives, or a RegExp tested on labelKey(text). */
export type LabelPattern = string | RegExp | readonly (string | RegExp)[];

const PATTERN_KEYS = new Map<string, string>();

/** Test an already computed labelKey against a pattern (saves recomputing the key per pattern). */
export function matchesKey(key: string, pattern: LabelPattern): boolean {
  if (!key) return false;
  if (typeof pattern === "string") {
    let pk = PATTERN_KEYS.get(pattern);
    if (pk === undefined) {
      pk = labelKey(pattern);
      PATTERN_KEYS.set(pattern, pk);
    }
    return key === pk;
  }
  if (pattern instanceof RegExp) {
    pattern.lastIndex = 0;
    return pattern.test(key);
  }
  return pattern.some((p) => matchesKey(key, p));
}

export function matchesLabel(text: string | null | undefined, pattern: LabelPattern): boolean {
  return matchesKey(labelKey(text), pattern);
}

/* ------------------------------------------------------------------------------------------------
 * Cells
 * ---------------------------------------------------------------------------------------------- */

export interface CellHit {
  r: number;
  c: number;
  /** A1 reference of the cell. */
  ref: string;
  value: CellValue;
  /** Text as a clerk would see it (trimmed; a %-formatted number shows as “25%”). */
  text: string;
}

export function formatAt(sheet: GridSheet, r: number, c: number): string | null {
  const row = sheet.formats?.[r];
  if (!row) return null;
  return row[c] ?? null;
}

/** True when the cell's number format displays a percentage (“0%”, “0.0%”); value.ts owns this knowledge. */
export { isPercentFormat };

/** Shortest decimal text of x rounded to at most 10 significant decimals (0.043*100 → "4.3"). */
export function cleanNumber(x: number): number {
  return Number.parseFloat(x.toFixed(10));
}

/** Display text of a cell: strings trimmed, %-formatted numbers as “25%”, other numbers in plain form. */
export function displayText(sheet: GridSheet, r: number, c: number): string {
  const v = getValue(sheet, r, c);
  if (typeof v === "number" && isPercentFormat(formatAt(sheet, r, c))) return `${cleanNumber(v * 100)}%`;
  if (typeof v === "string") return trimText(v);
  if (isGridDate(v) || isGridError(v)) return cellText(v);
  return cellText(v);
}

/**
 * Text of a cell with its number format's decimals applied, as Excel shows it: 25 formatted “0.00”
 * → “25.00”, 20 formatted “0.000000” → “20.000000”, 0.5 formatted “0%” → “50%”. Readers keep it as
 * the `raw` of plan points and of 承德's 值 cell, where “25.00” vs “25” is what the clerk typed.
 * Falls back to displayText for other formats and for non-numbers.
 */
export function formattedText(sheet: GridSheet, r: number, c: number): string {
  const v = getValue(sheet, r, c);
  const fmt = formatAt(sheet, r, c);
  if (typeof v !== "number" || !Number.isFinite(v) || !fmt) return displayText(sheet, r, c);
  const section = fmt.split(";")[0].replace(/"[^"]*"|\\./g, "");
  const m = /0(?:\.(0+))?(%?)/.exec(section);
  if (!m || /[#?]/.test(section.replace(/#,##/g, "")) || /[yMdhms@]/i.test(section.replace(/\[[^\]]*\]/g, ""))) return displayText(sheet, r, c);
  const decimals = m[1]?.length ?? 0;
  const x = m[2] ? v * 100 : v;
  return `${cleanNumber(x).toFixed(decimals)}${m[2]}`;
}

export function hitAt(sheet: GridSheet, r: number, c: number): CellHit {
  return { r, c, ref: a1(r, c), value: getValue(sheet, r, c), text: displayText(sheet, r, c) };
}

export function isEmptyValue(v: CellValue): boolean {
  return v === null || (typeof v === "string" && trimText(v) === "");
}

export function isEmptyCell(sheet: GridSheet, r: number, c: number): boolean {
  return isEmptyValue(getValue(sheet, r, c));
}

/** True when (r, c) lies in a merge but is not its top-left cell. */
export function isMergeSlave(sheet: GridSheet, r: number, c: number): boolean {
  const m = mergeAt(sheet, r, c);
  return !!m && (m.r1 !== r || m.c1 !== c);
}

/** The top-left cell of the merge containing (r, c), or (r, c) itself. */
export function masterOf(sheet: GridSheet, r: number, c: number): { r: number; c: number; merge: MergeRange | undefined } {
  const m = mergeAt(sheet, r, c);
  return m ? { r: m.r1, c: m.c1, merge: m } : { r, c, merge: undefined };
}

/** Non-empty cells of a row, left to right. */
export function rowCells(sheet: GridSheet, r: number): CellHit[] {
  const out: CellHit[] = [];
  const row = sheet.values[r];
  if (!row) return out;
  for (let c = 0; c < row.length; c++) if (!isEmptyValue(row[c] ?? null)) out.push(hitAt(sheet, r, c));
  return out;
}

/** How many cells of a row rowCells would return, counting no further than 2 (none, one, several). */
export function filledCells(sheet: GridSheet, r: number): 0 | 1 | 2 {
  const row = sheet.values[r];
  if (!row) return 0;
  let n: 0 | 1 | 2 = 0;
  for (let c = 0; c < row.length; c++) {
    if (isEmptyValue(row[c] ?? null)) continue;
    if (n === 1) return 2;
    n = 1;
  }
  return n;
}

export function isRowEmpty(sheet: GridSheet, r: number): boolean {
  const row = sheet.values[r];
  if (!row) return true;
  return row.every((v) => isEmptyValue(v ?? null));
}

/** "A1:H40" for a rectangle. */
export function rangeRef(r1: number, c1: number, r2: number, c2: number): string {
  return `${a1(r1, c1)}:${a1(r2, c2)}`;
}

/* ------------------------------------------------------------------------------------------------
 * Finding labels
 * ---------------------------------------------------------------------------------------------- */

export interface Area {
  r1?: number;
  r2?: number; // inclusive
  c1?: number;
  c2?: number; // inclusive
}

function bounds(sheet: GridSheet, area?: Area) {
  return {
    r1: Math.max(0, area?.r1 ?? 0),
    r2: Math.min(rowCount(sheet) - 1, area?.r2 ?? Number.MAX_SAFE_INTEGER),
    c1: Math.max(0, area?.c1 ?? 0),
    c2: Math.min(widthOf(sheet) - 1, area?.c2 ?? Number.MAX_SAFE_INTEGER),
  };
}

/** Every text cell matching the pattern inside the area, row by row. */
export function findLabels(sheet: GridSheet, pattern: LabelPattern, area?: Area): CellHit[] {
  const b = bounds(sheet, area);
  const out: CellHit[] = [];
  for (let r = b.r1; r <= b.r2; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    const last = Math.min(b.c2, row.length - 1);
    for (let c = b.c1; c <= last; c++) {
      const v = row[c];
      if (typeof v === "string" && matchesLabel(v, pattern)) out.push(hitAt(sheet, r, c));
    }
  }
  return out;
}

export function findLabel(sheet: GridSheet, pattern: LabelPattern, area?: Area): CellHit | null {
  return findLabels(sheet, pattern, area)[0] ?? null;
}

/** True when some cell of the sheet (or area) matches; cheap enough for `detect`. */
export function hasLabel(sheet: GridSheet, pattern: LabelPattern, area?: Area): boolean {
  return findLabel(sheet, pattern, area) !== null;
}

/** Cells whose text contains the fragment (compared by labelKey), e.g. “此项目文件涉密”. */
export function findContaining(sheet: GridSheet, fragment: string, area?: Area): CellHit[] {
  const key = labelKey(fragment);
  const b = bounds(sheet, area);
  const out: CellHit[] = [];
  for (let r = b.r1; r <= b.r2; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    for (let c = b.c1; c <= Math.min(b.c2, row.length - 1); c++) {
      const v = row[c];
      if (typeof v === "string" && labelKey(v).includes(key)) out.push(hitAt(sheet, r, c));
    }
  }
  return out;
}

export interface ValueSearch {
  /** Stop (return null) when a cell satisfying this is met first: usually “is another label”. */
  stopAt?: (hit: CellHit) => boolean;
  /** Look at most this many columns to the right (default: to the end of the row). */
  maxCols?: number;
  /** Last column to look at (inclusive). */
  lastCol?: number;
}

/**
 * The text right of a label found in `area` (stopping at the next label). Records the value's cell
 * under `key` in `cells` — or, when the value is blank, the cell right of the label, so a finding
 * about the missing value points where it should be typed. Null when the label or the value is absent.
 */
export function labeledText(
  sheet: GridSheet,
  area: Area,
  label: LabelPattern,
  key: string,
  cells: Record<string, string>,
  isLabel: (h: CellHit) => boolean,
): string | null {
  const lab = findLabel(sheet, label, area);
  if (!lab) return null;
  const v = valueRightOf(sheet, lab.r, lab.c, { stopAt: isLabel });
  if (!v) {
    cells[key] = a1(lab.r, (mergeAt(sheet, lab.r, lab.c)?.c2 ?? lab.c) + 1);
    return null;
  }
  cells[key] = v.ref;
  return v.text || null;
}

/**
 * The first non-empty cell right of a label, skipping the label's own merge area and empty spacer
 * cells (PDF conversions leave an empty cell after most labels). Returns null when the next
 * non-empty cell is another label (per `stopAt`) or the row ends.
 */
export function valueRightOf(sheet: GridSheet, r: number, c: number, opts?: ValueSearch): CellHit | null {
  const m = mergeAt(sheet, r, c);
  const start = (m ? m.c2 : c) + 1;
  const rowLen = sheet.values[r]?.length ?? 0;
  let last = rowLen - 1;
  if (opts?.lastCol !== undefined) last = Math.min(last, opts.lastCol);
  if (opts?.maxCols !== undefined) last = Math.min(last, start + opts.maxCols - 1);
  for (let cc = start; cc <= last; cc++) {
    if (isEmptyCell(sheet, r, cc)) continue;
    const hit = hitAt(sheet, r, cc);
    if (opts?.stopAt?.(hit)) return null;
    return hit;
  }
  return null;
}

/** The first non-empty cell below a label (skipping its merge area), within `maxRows` rows. */
export function valueBelow(sheet: GridSheet, r: number, c: number, opts?: { maxRows?: number; stopAt?: (hit: CellHit) => boolean }): CellHit | null {
  const m = mergeAt(sheet, r, c);
  const start = (m ? m.r2 : r) + 1;
  const last = Math.min(rowCount(sheet) - 1, start + (opts?.maxRows ?? 1) - 1);
  for (let rr = start; rr <= last; rr++) {
    if (isEmptyCell(sheet, rr, c)) continue;
    const hit = hitAt(sheet, rr, c);
    if (opts?.stopAt?.(hit)) return null;
    return hit;
  }
  return null;
}

/* ------------------------------------------------------------------------------------------------
 * Header rows (column maps)
 * ---------------------------------------------------------------------------------------------- */

export interface ColumnSpec<K extends string> {
  key: K;
  pattern: LabelPattern;
  required?: boolean;
}

export interface ColumnMap<K extends string> {
  row: number;
  cols: Partial<Record<K, number>>;
  /** Header cells by key, for messages and source maps. */
  cells: Partial<Record<K, CellHit>>;
}

/**
 * Map the header labels of one row to columns (“一级指标 | 二级指标 | … | 指标值确定依据”, or the plan's
 * “3月底 | 6月底 | …”). Null when a required column is missing.
 */
export function columnMap<K extends string>(sheet: GridSheet, r: number, specs: readonly ColumnSpec<K>[], area?: Area): ColumnMap<K> | null {
  const cols: Partial<Record<K, number>> = {};
  const cells: Partial<Record<K, CellHit>> = {};
  const b = bounds(sheet, { ...area, r1: r, r2: r });
  for (let c = b.c1; c <= b.c2; c++) {
    const v = getValue(sheet, r, c);
    if (typeof v !== "string") continue;
    const key = labelKey(v);
    if (!key) continue;
    for (const s of specs) {
      if (cols[s.key] !== undefined) continue;
      if (matchesKey(key, s.pattern)) {
        cols[s.key] = c;
        cells[s.key] = hitAt(sheet, r, c);
        break;
      }
    }
  }
  for (const s of specs) if (s.required && cols[s.key] === undefined) return null;
  return { row: r, cols, cells };
}

/** Rows (inside the area) that carry a header with all required columns. */
export function findHeaderRows<K extends string>(sheet: GridSheet, specs: readonly ColumnSpec<K>[], area?: Area): ColumnMap<K>[] {
  const b = bounds(sheet, area);
  const out: ColumnMap<K>[] = [];
  for (let r = b.r1; r <= b.r2; r++) {
    const m = columnMap(sheet, r, specs, area);
    if (m) out.push(m);
  }
  return out;
}

/* ------------------------------------------------------------------------------------------------
 * Tables on a sheet
 * ---------------------------------------------------------------------------------------------- */

export interface TableBlock {
  /** First row of the table including its preamble (title, unit line, 单位：万元). */
  start: number;
  /** The anchor row (e.g. the 项目编码 row, or the 此项目文件涉密 line). */
  anchor: number;
  /** Last row (inclusive), trailing blank rows excluded. */
  end: number;
}

export interface SplitOptions {
  /** A row above the anchor that belongs to the table's preamble (title, unit line, …). */
  isPreamble: (sheet: GridSheet, r: number) => boolean;
  /** How many rows above the anchor may belong to the preamble (blank rows included). Default 8. */
  maxPreamble?: number;
  /** Last row of the area to split (default: the sheet's last row). */
  lastRow?: number;
}

/**
 * Split a sheet into tables given their anchor rows (sorted ascending). A table starts at its
 * preamble (walking up from the anchor over blank and preamble rows, never into the previous table's
 * anchor) and ends where the next table's preamble begins; blank rows at the end are dropped.
 */
export function splitTables(sheet: GridSheet, anchors: number[], opts: SplitOptions): TableBlock[] {
  const sorted = [...new Set(anchors)].sort((a, b) => a - b);
  const maxPre = opts.maxPreamble ?? 8;
  const starts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const anchor = sorted[i];
    const floor = i > 0 ? sorted[i - 1] + 1 : 0;
    let start = anchor;
    for (let r = anchor - 1; r >= Math.max(floor, anchor - maxPre); r--) {
      if (isRowEmpty(sheet, r)) continue;
      if (opts.isPreamble(sheet, r)) start = r;
      else break;
    }
    starts.push(start);
  }
  const lastRow = Math.min(opts.lastRow ?? rowCount(sheet) - 1, rowCount(sheet) - 1);
  const out: TableBlock[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let end = i + 1 < sorted.length ? starts[i + 1] - 1 : lastRow;
    while (end > sorted[i] && isRowEmpty(sheet, end)) end--;
    out.push({ start: starts[i], anchor: sorted[i], end });
  }
  return out;
}

/** Rightmost non-empty column within rows r1..r2. */
export function lastUsedCol(sheet: GridSheet, r1: number, r2: number): number {
  let last = 0;
  for (let r = r1; r <= r2; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    for (let c = row.length - 1; c > last; c--) if (!isEmptyValue(row[c] ?? null)) { last = c; break; }
  }
  return last;
}

/* ------------------------------------------------------------------------------------------------
 * Common recognisers (headings, unit lines, fiscal year)
 * ---------------------------------------------------------------------------------------------- */

export interface TitleParts {
  /** The number printed before the title (“14.” → 14), or null. */
  number: number | null;
  /** The project name inside the title, without numbering and the “绩效目标表/绩效信息表” suffix. */
  name: string;
}

const TITLE_SUFFIX = /(?:项目)?(?:预算项目)?(?:支出)?绩效(?:目标|信息)(?:申报)?表$/;

/** “1.安保指挥中心工作经费绩效目标表” → {number: 1, name: "安保指挥中心工作经费"}; null when not a table title. */
export function parseTableTitle(text: string | null | undefined): TitleParts | null {
  if (!text) return null;
  const t = trimText(String(text));
  if (!TITLE_SUFFIX.test(t.replace(/\s+/g, ""))) return null;
  const m = /^(\d{1,3})\s*[.．、]\s*([\s\S]*)$/.exec(t);
  const number = m ? Number(m[1]) : null;
  let body = m ? m[2] : t;
  body = trimText(body.replace(/\s*(?:项目)?(?:预算项目)?(?:支出)?绩效\s*(?:目标|信息)\s*(?:申报)?\s*表\s*$/, ""));
  return { number, name: body };
}

/** “312001 卢龙县公安局本级” / “312002乐亭县公安局” → {code, name}; null when not a unit line. */
export function parseUnitLine(text: string | null | undefined): { code: string; name: string } | null {
  if (!text) return null;
  const t = trimText(String(text));
  const m = /^(\d{5,9})\s*([^\d\s：:年][\s\S]*)$/.exec(t);
  if (!m) return null;
  const name = trimText(m[2]);
  // A unit name is short prose, not a table title or a money-unit line.
  if (name.length > 40 || /单位[:：]/.test(name) || TITLE_SUFFIX.test(name.replace(/\s+/g, ""))) return null;
  return { code: m[1], name };
}

/** “单位：万元” (also split/wrapped “单位：万 元”) → "万元"; “单位：元” → "元"; null otherwise. */
export function parseMoneyUnitLine(text: string | null | undefined): string | null {
  const k = labelKey(text);
  const m = /^(?:金额)?单位:(.+)$/.exec(k);
  return m ? m[1] : null;
}

/** A budget year printed in a heading/cover: “2023 年部门预算绩效文本”, “2024年度…”. */
export function findYearInText(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /(20\d{2})\s*年\s*度?\s*(?:部门|单位)?\s*(?:预算|项目|绩效)/.exec(String(text));
  return m ? Number(m[1]) : null;
}

/* ------------------------------------------------------------------------------------------------
 * Wrapped labels
 * ---------------------------------------------------------------------------------------------- */

/** What a label normaliser (taxonomy's normalizeLevel1/normalizeLevel2) says about a text. */
export interface KnownLabel {
  known: boolean;
}

/**
 * A label wrapped over two rows by a PDF conversion: “产出指” + “标”, “数量指标（必填硬性指” + “标)”.
 * When the cell's text is not a known label (or ends inside an open bracket) but text + the next
 * non-empty cell of the same column (within two rows, blank rows skipped) is, they are one label;
 * `contRef` is the tail's cell. Only a short fragment (≤ 4 characters, itself not a label) is taken
 * as a tail, so the next group's label is never swallowed.
 */
export function joinWrappedLabel(sheet: GridSheet, r: number, c: number, lastRow: number, normalize: (raw: string) => KnownLabel): { text: string; contRef: string | null } {
  const text = displayText(sheet, r, c);
  // “数量指标（必填硬性指” is known once its annotation is dropped, but the open bracket says the
  // label goes on in the cell below.
  const unclosed = /[（(][^（()）]*$/.test(text);
  if (normalize(text).known && !unclosed) return { text, contRef: null };
  const m = mergeAt(sheet, r, c);
  for (let rr = (m ? m.r2 : r) + 1; rr <= Math.min(lastRow, r + 2); rr++) {
    if (isEmptyCell(sheet, rr, c)) continue;
    const tail = displayText(sheet, rr, c);
    if (tail.length > 4 || normalize(tail).known) break;
    const joined = text + tail;
    if (normalize(joined).known) return { text: joined, contRef: a1(rr, c) };
    break;
  }
  return { text, contRef: null };
}
