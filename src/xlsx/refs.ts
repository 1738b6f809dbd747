/**
 * A1 references read the way Excel reads them: one to three column letters up to XFD, a row number with
 * any number of leading zeros up to 1 048 576, optional `$` markers. Used by the guard (areas of merges
 * and defined names) and by the reader, so both agree on what a reference covers. No regexes with
 * bounded digit counts: `$XFD$00000001048576` is row 1 048 576, not row 0.
 * Pure data: no Node, no DOM.
 */

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

/** 1-based cell (row, col); `abs` tells whether both parts carried a `$` (Excel's absolute form). */
export interface RefCell {
  row: number;
  col: number;
  abs: boolean;
}

/** 1-based, inclusive, normalised (top ≤ bottom, left ≤ right). */
export interface RefArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
  abs: boolean;
}

/** "$B$3" / "b3" → { row: 3, col: 2 }; null unless the whole text is one cell inside Excel's grid. */
export function parseCell(text: string): RefCell | null {
  const n = text.length;
  let i = 0;
  let absCol = false;
  let absRow = false;
  if (text.charCodeAt(i) === 36) {
    absCol = true;
    i++;
  }
  let col = 0;
  let letters = 0;
  while (i < n) {
    let ch = text.charCodeAt(i);
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    if (++letters > 3) return null;
    i++;
  }
  if (letters === 0 || col > EXCEL_MAX_COLS) return null;
  if (text.charCodeAt(i) === 36) {
    absRow = true;
    i++;
  }
  let row = 0;
  let digits = 0;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + (ch - 48);
    // Leading zeros never grow `row`; any real overflow is past Excel's last row already.
    if (row > EXCEL_MAX_ROWS) return null;
    digits++;
    i++;
  }
  if (digits === 0 || row < 1) return null;
  return { row, col, abs: absCol && absRow };
}

/** "A1:C3", "$A$1", "C3:A1" → the area; null unless every part is a cell inside Excel's grid. */
export function parseArea(text: string): RefArea | null {
  const t = text.trim();
  const colon = t.indexOf(":");
  if (colon === -1) {
    const c = parseCell(t);
    return c ? { top: c.row, left: c.col, bottom: c.row, right: c.col, abs: c.abs } : null;
  }
  const a = parseCell(t.slice(0, colon));
  const b = parseCell(t.slice(colon + 1));
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
    abs: a.abs && b.abs,
  };
}

export function areaSize(a: RefArea): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}
