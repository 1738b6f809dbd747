/**
 * The neutral picture of a workbook. Both adapters (exceljs for files, Office.js for the live
 * workbook) fill it; nothing above this module knows where a grid came from.
 *
 * Coordinates are 0-based (row, col). Merged ranges are listed once; only the top-left cell of a
 * merge holds a value (slave cells are null), as in Office.js and in the file format.
 */

export interface GridError {
  error: string; // e.g. "#REF!", "#NAME?"
}
export interface GridDate {
  date: string; // ISO 8601 date (YYYY-MM-DD) or date-time, UTC
}
export type CellValue = string | number | boolean | null | GridError | GridDate;

export interface MergeRange {
  r1: number;
  c1: number;
  r2: number; // inclusive
  c2: number; // inclusive
}

export interface GridSheet {
  name: string;
  /** Row-major values; rows may be ragged or missing (treated as empty). */
  values: CellValue[][];
  /** Formulas (without the leading "="), where the source knows them; sparse like values. */
  formulas?: (string | null)[][];
  /** Number formats ("0%", "0.00"), where the source knows them; lets a reader see that 0.25 is “25%”. */
  formats?: (string | null)[][];
  merges: MergeRange[];
  hidden?: boolean;
}

export interface DefinedName {
  name: string;
  /** Sheet name, or null for a workbook-scoped name pointing at a constant. */
  sheet: string | null;
  /** A1 reference without the sheet, e.g. "C5" or "C5:F5". */
  ref: string;
}

export interface Grid {
  sheets: GridSheet[];
  names: DefinedName[];
}

export function isGridError(v: CellValue): v is GridError {
  return typeof v === "object" && v !== null && "error" in v;
}
export function isGridDate(v: CellValue): v is GridDate {
  return typeof v === "object" && v !== null && "date" in v;
}

/** Column index (0-based) → letters: 0 → "A", 26 → "AA". */
export function colName(c: number): string {
  // Readers name the same few columns tens of thousands of times (every source reference of every row).
  if (c >= 0 && c < COL_NAMES_CACHED && Number.isInteger(c)) return (COL_NAMES[c] ??= columnLetters(c));
  return columnLetters(c);
}
const COL_NAMES_CACHED = 1024;
const COL_NAMES: string[] = [];

function columnLetters(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (row, col) 0-based → "B3". */
export function a1(r: number, c: number): string {
  return `${colName(c)}${r + 1}`;
}

/** "B3" → { r: 2, c: 1 }; null when the text is not a single-cell A1 reference. */
export function parseA1(ref: string): { r: number; c: number } | null {
  // A scan, not a regex: ^$?[A-Z]{1,3}$?[0-9]{1,7}$ (letters in either case) on the trimmed text.
  const s = ref.trim();
  let i = 0;
  if (s.charCodeAt(i) === 36) i++;
  const lettersFrom = i;
  let c = 0;
  for (; i < s.length && i - lettersFrom < 4; i++) {
    const ch = s.charCodeAt(i) & ~32; // a-z → A-Z; no other code unit lands in A-Z
    if (ch < 65 || ch > 90 || s.charCodeAt(i) > 122) break;
    c = c * 26 + (ch - 64);
  }
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3) return null;
  if (s.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  let r = 0;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    r = r * 10 + d;
  }
  const digits = i - digitsFrom;
  if (digits < 1 || digits > 7 || i !== s.length) return null;
  return { r: r - 1, c: c - 1 };
}

export function getValue(sheet: GridSheet, r: number, c: number): CellValue {
  const row = sheet.values[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

/** Text of a cell as a clerk would see it (numbers in plain JS form, errors as their code). */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isGridError(v)) return v.error;
  return v.date;
}

export function rowCount(sheet: GridSheet): number {
  return sheet.values.length;
}

export function colCount(sheet: GridSheet): number {
  let n = 0;
  for (const row of sheet.values) if (row && row.length > n) n = row.length;
  return n;
}

/** The merge range whose area contains (r, c), if any. */
export function mergeAt(sheet: GridSheet, r: number, c: number): MergeRange | undefined {
  return sheet.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
}

/** Build an empty sheet; convenient for writers and tests. */
export function emptySheet(name: string): GridSheet {
  return { name, values: [], merges: [] };
}

export function setValue(sheet: GridSheet, r: number, c: number, v: CellValue, formula?: string): void {
  while (sheet.values.length <= r) sheet.values.push([]);
  const row = sheet.values[r];
  while (row.length <= c) row.push(null);
  row[c] = v;
  if (formula !== undefined) {
    sheet.formulas ??= [];
    while (sheet.formulas.length <= r) sheet.formulas.push([]);
    const frow = sheet.formulas[r];
    while (frow.length <= c) frow.push(null);
    frow[c] = formula;
  }
}

/** A sheet name quoted for use in a formula or defined name: always quoted, which every host accepts. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A reference as Excel displays it ("项目1!B3", "'1.安保经费'!B3"): the sheet is quoted when it
 * starts with a digit, holds anything but letters/digits/underscores, or could be read as a cell.
 */
export function sheetRef(sheet: string | null, cell: string | null): string {
  if (!sheet) return cell ?? "";
  const plain = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) && !/^[A-Z]{1,3}\d+$/i.test(sheet) && !/^R\d*C\d*$/i.test(sheet);
  const q = plain ? sheet : quoteSheet(sheet);
  return cell ? `${q}!${cell}` : q;
}
