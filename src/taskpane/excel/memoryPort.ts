/**
 * In-memory WorkbookPort over a Grid: serves jest, the standalone page (a dropped .xlsx read with loadGrid)
 * and the browser e2e fake.
 */
import { cellText, getValue, parseA1, type Grid } from "../../model/grid";
import { freeSheetNames, renameBook, type InsertBook, type InsertResult, type ReadProgress, type WorkbookPort } from "./port";

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
    return { names };
  }
}
