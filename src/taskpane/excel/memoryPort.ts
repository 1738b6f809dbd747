/**
 * In-memory WorkbookPort over a Grid: serves jest, the standalone page (a dropped .xlsx read with loadGrid)
 * and the browser e2e fake.
 */
import { getValue, parseA1, type Grid } from "../../model/grid";
import { displayText } from "./display";
import type { GridSheet } from "../../model/grid";
import {
  assertOwnSheet,
  fingerprintCells,
  freeSheetNames,
  renameBook,
  type InsertBook,
  type InsertResult,
  type ReadProgress,
  type RewriteResult,
  type SealSheetWrite,
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

  async readWorkbook(onProgress?: (p: ReadProgress) => void, opts: { only?: string[] } = {}): Promise<Grid> {
    const only = opts.only ? new Set(opts.only) : null;
    const grid = only ? { sheets: this.grid.sheets.filter((s) => only.has(s.name)), names: this.grid.names } : this.grid;
    onProgress?.({ fraction: 1, message: `已读取 ${grid.sheets.length} 个工作表`, key: "progRead", params: { n: grid.sheets.length } });
    // A structured copy, so callers can never mutate the workbook through the result.
    return JSON.parse(JSON.stringify(grid)) as Grid;
  }

  async sheetNames(): Promise<string[]> {
    return this.grid.sheets.map((s) => s.name);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    if (!this.grid.sheets.some((s) => s.name === sheet)) throw new Error(`找不到工作表“${sheet}”`);
    const first = cell.split(":")[0];
    if (!parseA1(first)) throw new Error(`单元格地址“${cell}”无效`);
    const sel = { sheet, cell };
    this.selections.push(sel);
    for (const l of this.listeners) l(sel);
  }

  async readCellText(sheet: string, cell: string): Promise<string> {
    const s = this.grid.sheets.find((x) => x.name === sheet);
    const p = parseA1(cell.split(":")[0]);
    if (!s || !p) return "";
    return displayText(getValue(s, p.r, p.c), s.formats?.[p.r]?.[p.c]);
  }

  async insertSheets(book: InsertBook): Promise<InsertResult> {
    const names = freeSheetNames(
      book.grid.sheets.map((s) => s.name),
      this.grid.sheets.map((s) => s.name),
    );
    const renamed = renameBook(book, names);
    const at = book.after === undefined ? -1 : this.grid.sheets.findIndex((s) => s.name.toLowerCase() === book.after!.toLowerCase());
    const sheets = [...this.grid.sheets];
    sheets.splice(at >= 0 ? at + 1 : sheets.length, 0, ...renamed.grid.sheets);
    this.grid = { sheets, names: [...this.grid.names, ...renamed.grid.names] };
    Object.assign(this.extras, renamed.extras ?? {});
    const ids = renamed.grid.sheets.map((sh) => this.idOf(sh));
    const fingerprints: Record<string, string> = {};
    renamed.grid.sheets.forEach((sh, i) => (fingerprints[ids[i]] = sheetFingerprint(sh)));
    return { names, ids, fingerprints, definedNames: renamed.grid.names.map((n) => n.name) };
  }

  /** Sheet ids, like Excel's: stable while the sheet object lives, whatever its name. */
  private readonly ids = new WeakMap<GridSheet, string>();
  private nextId = 0;
  private idOf(s: GridSheet): string {
    let id = this.ids.get(s);
    if (!id) this.ids.set(s, (id = `mem-${++this.nextId}`));
    return id;
  }

  /** By id, or by name case-insensitively (as Excel's getItem). */
  private find(key: string): GridSheet | undefined {
    return this.grid.sheets.find((s) => this.ids.get(s) === key) ?? this.grid.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase());
  }

  async inspectSheets(ids: string[], definedNames: string[] = []): Promise<SheetInspection> {
    const fingerprints: Record<string, string | null> = {};
    const names: Record<string, string | null> = {};
    for (const id of ids) {
      const s = this.find(id);
      fingerprints[id] = s ? sheetFingerprint(s) : null;
      names[id] = s ? s.name : null;
    }
    const asked = new Set(ids.map((id) => this.find(id)).filter((x): x is GridSheet => !!x));
    const otherVisible = this.grid.sheets.filter((s) => !asked.has(s) && !s.hidden).length;
    const have = new Set(this.grid.names.map((d) => d.name.toLowerCase()));
    return { fingerprints, names, otherVisible, definedNames: definedNames.filter((d) => have.has(d.toLowerCase())) };
  }

  async rewriteSheets(book: InsertBook): Promise<RewriteResult> {
    const targets = book.grid.sheets.map((s) => {
      const old = this.find(s.name);
      if (!old) throw Object.assign(new Error(`找不到工作表“${s.name}”`), { code: "ItemNotFound" });
      return { s, old };
    });
    const ids: string[] = [];
    const fingerprints: Record<string, string> = {};
    let names = this.grid.names;
    for (const { s, old } of targets) {
      // The same sheet object keeps its id; only its content is replaced.
      const copy = JSON.parse(JSON.stringify(s)) as GridSheet;
      const name = old.name;
      for (const k of Object.keys(old)) delete (old as unknown as Record<string, unknown>)[k];
      Object.assign(old, copy, { name });
      if (book.extras?.[s.name]) this.extras[s.name] = book.extras[s.name];
      const moved = book.grid.names.filter((d) => d.sheet === s.name);
      // A name keeps its place in the list and only points elsewhere; a new one is added at the end.
      const byName = new Map(moved.map((d) => [d.name.toLowerCase(), d]));
      const kept = names.map((d) => byName.get(d.name.toLowerCase()) ?? d);
      const seen = new Set(kept.map((d) => d.name.toLowerCase()));
      names = [...kept, ...moved.filter((d) => !seen.has(d.name.toLowerCase()))];
      const id = this.idOf(old);
      ids.push(id);
      fingerprints[id] = sheetFingerprint(old);
    }
    this.grid = { sheets: [...this.grid.sheets], names };
    return { ids, fingerprints };
  }

  async writeOwnSheet(sheet: GridSheet): Promise<void> {
    assertOwnSheet(sheet.name);
    const copy = JSON.parse(JSON.stringify(sheet)) as GridSheet;
    const i = this.grid.sheets.findIndex((s) => s.name === sheet.name);
    this.grid = { ...this.grid, sheets: i >= 0 ? this.grid.sheets.map((s, j) => (j === i ? copy : s)) : [...this.grid.sheets, copy] };
  }

  /** Every writeSeal, in order (tests: the inbox and the diff never write). */
  readonly sealWrites: SealSheetWrite[] = [];

  async writeSeal(write: SealSheetWrite): Promise<SealSheetWrite> {
    this.sealWrites.push(write);
    const { applySealWrite } = await import(/* webpackChunkName: "memory-seal" */ "./memorySeal");
    const { grid, undo } = applySealWrite(this.grid, write);
    this.grid = grid;
    return undo;
  }

  async deleteSheets(ids: string[], definedNames: string[] = []): Promise<void> {
    const doomed = ids.map((id) => this.find(id));
    const i = doomed.indexOf(undefined);
    if (i >= 0) throw Object.assign(new Error(`找不到工作表“${ids[i]}”`), { code: "ItemNotFound" });
    const gone = new Set(doomed as GridSheet[]);
    const goneNames = new Set((doomed as GridSheet[]).map((s) => s.name.toLowerCase()));
    const dn = new Set(definedNames.map((n) => n.toLowerCase()));
    this.grid = {
      sheets: this.grid.sheets.filter((s) => !gone.has(s)),
      // Names of the deleted sheets go with them, and the workbook-scoped ones asked for.
      names: this.grid.names.filter((d) => !dn.has(d.name.toLowerCase()) && !(d.sheet !== null && goneNames.has(d.sheet.toLowerCase()))),
    };
    for (const k of Object.keys(this.extras)) if (goneNames.has(k.toLowerCase())) delete this.extras[k];
  }
}
