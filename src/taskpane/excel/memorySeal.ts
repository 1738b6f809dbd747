/**
 * A seal write applied to a grid, and the write that undoes it: MemoryPort.writeSeal (in its own chunk), and the
 * pane, which knows what the workbook holds after its own seal write without reading it back. The grid given is
 * never changed: the touched sheets are copied, the seal sheet replaced.
 */
import { getValue, parseA1, type CellValue, type Grid, type GridSheet } from "../../model/grid";
import { SEAL_SHEET } from "../../model/exceptions";
import type { SealSheetWrite } from "./port";

export function applySealWrite(grid: Grid, write: SealSheetWrite): { grid: Grid; undo: SealSheetWrite } {
  const old = grid.sheets.find((s) => s.name === SEAL_SHEET) ?? null;
  const undo: SealSheetWrite = { sheet: old ? (JSON.parse(JSON.stringify(old)) as GridSheet) : null, cells: [] };
  const copies = new Map<string, GridSheet>();
  const touched = (name: string): GridSheet | undefined => {
    let s = copies.get(name);
    if (s) return s;
    const orig = grid.sheets.find((x) => x.name === name);
    if (!orig) return undefined;
    s = { ...orig, values: orig.values.map((r) => (r ? [...r] : r)), ...(orig.formulas ? { formulas: orig.formulas.map((r) => (r ? [...r] : r)) } : {}) };
    copies.set(name, s);
    return s;
  };
  for (const w of write.cells) {
    const s = touched(w.sheet);
    const p = parseA1(w.ref);
    if (!s || !p) throw Object.assign(new Error(`找不到单元格“${w.sheet}!${w.ref}”`), { code: "ItemNotFound" });
    const f = s.formulas?.[p.r]?.[p.c] ?? null;
    const v = getValue(s, p.r, p.c);
    const raw = f ? `=${f}` : v === null ? "" : typeof v === "object" ? ("error" in v ? v.error : v.date) : v;
    undo.cells.push({ sheet: w.sheet, ref: w.ref, raw, format: s.formats?.[p.r]?.[p.c] ?? "General" });
    while (s.values.length <= p.r) s.values.push([]);
    const row = s.values[p.r] ?? (s.values[p.r] = []);
    while (row.length <= p.c) row.push(null);
    let value: CellValue;
    let formula: string | null = null;
    if (w.formula !== undefined) {
      formula = w.formula;
      value = w.result ?? null;
    } else if (w.text !== undefined) value = w.text;
    else if (typeof w.raw === "string" && w.raw.startsWith("=") && w.format !== "@") {
      formula = w.raw.slice(1);
      value = null;
    } else value = w.raw === "" || w.raw === undefined ? null : w.raw;
    row[p.c] = value;
    if (formula !== null || s.formulas?.[p.r]?.[p.c]) {
      s.formulas ??= [];
      while (s.formulas.length <= p.r) s.formulas.push([]);
      const fr = s.formulas[p.r] ?? (s.formulas[p.r] = []);
      while (fr.length <= p.c) fr.push(null);
      fr[p.c] = formula;
    }
  }
  const rest = grid.sheets.filter((s) => s.name !== SEAL_SHEET).map((s) => copies.get(s.name) ?? s);
  return { grid: { ...grid, sheets: write.sheet ? [...rest, { ...(JSON.parse(JSON.stringify(write.sheet)) as GridSheet), hidden: true }] : rest }, undo };
}
