/**
 * Tables side by side on one sheet: a clerk copies a second project's table to the right of the first,
 * with a blank column between them. Each band of columns between blank columns that holds an indicator
 * header of its own is read as a sheet of its own — a copy of the sheet with the cells outside the band
 * blanked, so every cell keeps its address (source references stay true).
 *
 * API: `sideBySideParts(sheet, syn)` → the sheet itself when it holds fewer than two such bands, else one
 * masked copy per band (left to right).
 */
import type { GridSheet } from "../grid";
import { findIndicatorHeaders } from "./indicator-block";
import type { SynonymTable } from "./synonyms";

/** Column bands of non-blank columns (a column is blank when no row has a value there and no merge covers it). */
function columnBands(sheet: GridSheet): { c1: number; c2: number }[] {
  let width = 0;
  for (const row of sheet.values) if (row && row.length > width) width = row.length;
  if (width < 3) return [];
  const used = new Uint8Array(width);
  // A column once seen in use needs no further look (most columns of a form are used in the first rows).
  let unused = width;
  for (const row of sheet.values) {
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (used[c]) continue;
      const v = row[c];
      if (v !== null && v !== undefined && !(typeof v === "string" && !v.trim())) {
        used[c] = 1;
        unused--;
      }
    }
    if (unused === 0) break;
  }
  for (const m of sheet.merges) for (let c = m.c1; c <= Math.min(m.c2, width - 1); c++) used[c] = 1;
  const bands: { c1: number; c2: number }[] = [];
  for (let c = 0; c < width; c++) {
    if (!used[c]) continue;
    const c1 = c;
    while (c + 1 < width && used[c + 1]) c++;
    bands.push({ c1, c2: c });
  }
  return bands;
}

function masked(sheet: GridSheet, c1: number, c2: number): GridSheet {
  const cut = <T>(rows: T[][] | undefined, blank: T): T[][] | undefined => rows?.map((row) => (row ? row.map((v, c) => (c >= c1 && c <= c2 ? v : blank)) : row));
  return {
    ...sheet,
    values: cut(sheet.values, null)!,
    formats: cut(sheet.formats, null),
    formulas: cut(sheet.formulas, null),
    merges: sheet.merges.filter((m) => m.c1 >= c1 && m.c2 <= c2),
  };
}

const MAX_BANDS = 40;

export function sideBySideParts(sheet: GridSheet, syn: SynonymTable): GridSheet[] {
  const bands = columnBands(sheet);
  // Each band is read from a masked copy of the sheet: bounded, so a sheet of thousands of one-column
  // bands (a hostile or odd file) costs no more than reading it whole.
  if (bands.length < 2 || bands.length > MAX_BANDS) return [sheet];
  // Only bands that hold a table: an indicator header found with the other bands blanked.
  const parts: GridSheet[] = [];
  let withHeader = 0;
  for (const b of bands) {
    const part = masked(sheet, b.c1, b.c2);
    if (findIndicatorHeaders(part, { synonyms: syn }).length > 0) {
      withHeader++;
      parts.push(part);
    } else if (parts.length) {
      // Notes or a spacer-separated column that belongs to the table on its left.
      const prev = parts[parts.length - 1];
      parts[parts.length - 1] = merge(prev, part);
    } else parts.push(part);
  }
  if (withHeader < 2) return [sheet];
  // A leading band without a header (a caption column) joins the first table.
  while (parts.length > withHeader) parts.splice(0, 2, merge(parts[0], parts[1]));
  return parts;
}

/** Two masked copies of the same sheet combined (cells of either). */
function merge(a: GridSheet, b: GridSheet): GridSheet {
  const both = <T>(x: T[][] | undefined, y: T[][] | undefined): T[][] | undefined =>
    x && y ? x.map((row, r) => (row ? row.map((v, c) => (v !== null && v !== undefined ? v : (y[r]?.[c] ?? v))) : (y[r] ?? row))) : (x ?? y);
  return { ...a, values: both(a.values, b.values)!, formats: both(a.formats, b.formats), formulas: both(a.formulas, b.formulas), merges: [...a.merges, ...b.merges] };
}
