/**
 * In-memory WorkbookPort over a Grid: serves jest, the standalone page (a dropped .xlsx read with loadGrid)
 * and the browser e2e fake.
 */
import { cellText, getValue, parseA1, type Grid } from "../../model/grid";
import type { GridSheet } from "../../model/grid";
import {
  fingerprintCells,
  freeSheetNames,
  renameBook,
  type InsertBook,
  type InsertResult,
  type ReadProgress,
  type SheetInspection,
  type WorkbookPort,
} from "./port";

function sheetFingerprint(s: GridSheet): string {
  return fingerprintCells(null, { values: s.values, formulas: s.formulas ?? null });
}

export class MemoryPort implements WorkbookPort {
  readonly kind = "memory" as const;
  /** Every successful selectCell, in order (tests and the standalone page's “selected cell” line). */
  readonly selections: { sheet: string; cell: string }[] = [];
  /** Extras (validations, widths, styles) of inserted sheets, by sheet name. */
  readonly extras: NonNullable<InsertBook["extras"]> = {};
  private listeners: ((sel: { sheet: string; cell: string }) => void)[] = [];

  constructor(private grid: Grid = { sheets: [], names: [] }) {}

  onSelect(fn: (sel: { sheet: string; cell: string }) => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }

  /** The live grid (not a copy): the standalone page exports it. */
  get current(): Grid {
    return this.grid;
  }

  async readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<Grid> {
    onProgress?.({ fraction: 1, message: `已读取 ${this.grid.sheets.length} 个工作表` });
    // A structured copy, so callers can never mutate the workbook through the result.
    return JSON.parse(JSON.stringify(this.grid)) as Grid;
  }

  async sheetNames(): Promise<string[]> {
    return this.grid.sheets.map((s) => s.name);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    if (!this.grid.sheets.some((s) => s.name === sheet)) throw new Error(`找不到工作表“${sheet}”（sheet not found）`);
    const first = cell.split(":")[0];
    if (!parseA1(first)) throw new Error(`单元格地址“${cell}”无效（invalid cell address）`);
    const sel = { sheet, cell };
    this.selections.push(sel);
    for (const l of this.listeners) l(sel);
  }

  async readCellText(sheet: string, cell: string): Promise<string> {
    const s = this.grid.sheets.find((x) => x.name === sheet);
    const p = parseA1(cell.split(":")[0]);
    if (!s || !p) return "";
    return cellText(getValue(s, p.r, p.c));
  }

  async insertSheets(book: InsertBook): Promise<InsertResult> {
    const names = freeSheetNames(
      book.grid.sheets.map((s) => s.name),
      this.grid.sheets.map((s) => s.name),
    );
    const renamed = renameBook(book, names);
    this.grid = {
      sheets: [...this.grid.sheets, ...renamed.grid.sheets],
      names: [...this.grid.names, ...renamed.grid.names],
    };
    Object.assign(this.extras, renamed.extras ?? {});
    const fingerprints: Record<string, string> = {};
    for (const sh of renamed.grid.sheets) fingerprints[sh.name] = sheetFingerprint(sh);
    return { names, fingerprints, definedNames: renamed.grid.names.map((n) => n.name) };
  }

  /** Sheets are found case-insensitively, as Excel does. */
  private find(name: string): GridSheet | undefined {
    return this.grid.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  async inspectSheets(names: string[], definedNames: string[] = []): Promise<SheetInspection> {
    const fingerprints: Record<string, string | null> = {};
    for (const n of names) {
      const s = this.find(n);
      fingerprints[n] = s ? sheetFingerprint(s) : null;
    }
    const have = new Set(this.grid.names.map((d) => d.name.toLowerCase()));
    return { fingerprints, definedNames: definedNames.filter((d) => have.has(d.toLowerCase())) };
  }

  async deleteSheets(names: string[], definedNames: string[] = []): Promise<void> {
    const gone = new Set(names.map((n) => n.toLowerCase()));
    for (const n of names) if (!this.find(n)) throw Object.assign(new Error(`找不到工作表“${n}”（sheet not found）`), { code: "ItemNotFound" });
    const dn = new Set(definedNames.map((n) => n.toLowerCase()));
    this.grid = {
      sheets: this.grid.sheets.filter((s) => !gone.has(s.name.toLowerCase())),
      // Names of the deleted sheets go with them, and the workbook-scoped ones asked for.
      names: this.grid.names.filter((d) => !dn.has(d.name.toLowerCase()) && !(d.sheet !== null && gone.has(d.sheet.toLowerCase()))),
    };
    for (const k of Object.keys(this.extras)) if (gone.has(k.toLowerCase())) delete this.extras[k];
  }
}
