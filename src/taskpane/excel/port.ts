/**
 * The only door between the task pane and a workbook. OfficePort talks to Excel (Office.js); MemoryPort holds a
 * Grid in memory (tests, the standalone page, the browser e2e fake). The UI never touches Office.js directly.
 */
import type { Grid, GridSheet } from "../../model/grid";
import type { SheetExtras } from "../../model/write/render";
import { clipSheetName } from "../../model/write/layout";
import { EXCEPTIONS_SHEET } from "../../model/exceptions";
import type { CellWrite } from "../../model/seal-status";

/**
 * What writeSeal writes: the seal sheet whole (null: no seal sheet) and a few cells of the user's sheets (the
 * visible status: a label and a formula). `raw`/`format` put a cell back exactly as it was (撤销).
 */
export interface SealSheetWrite {
  sheet: GridSheet | null;
  cells: (CellWrite & { raw?: string | number | boolean; format?: string })[];
}

/**
 * What insertSheets writes: a TemplateBook from src/model/write (sheets with values, formulas, formats, merges;
 * defined names; per-sheet extras: column widths, styles, validations, conditional formats, freeze panes).
 * `extras` is optional so plain grids can be inserted too.
 */
export interface InsertBook {
  grid: Grid;
  extras?: Record<string, SheetExtras>;
  /** Place the new sheets right after this existing sheet (default: at the end). */
  after?: string;
}

export interface RewriteResult {
  /** Each rewritten sheet's id, in the order of the book's sheets. */
  ids: string[];
  /** Fingerprint of each rewritten sheet right after the write, by id (as InsertResult's). */
  fingerprints: Record<string, string>;
}

export interface ReadProgress {
  /** 0..1 */
  fraction: number;
  /** zh-CN status text */
  message: string;
  /** The same text as an i18n.ts key and its parameters, for the pane's locale (the port and the worker have none). */
  key?: "progSheets" | "progRanges" | "progCells" | "progRead" | "progRecognise" | "progValidate";
  params?: Record<string, number>;
}

export interface InsertResult {
  /** The names the sheets actually got (free names; never an existing sheet). */
  names: string[];
  /** Each new sheet's id (Excel's worksheet id; stable across renames), in the order of `names`. */
  ids: string[];
  /** Fingerprint of each new sheet right after the insert, by id (see fingerprintCells), to notice later edits. */
  fingerprints: Record<string, string>;
  /** Workbook-scoped defined names this insert added (sheet-scoped ones go with their sheet). */
  definedNames: string[];
}

export interface SheetInspection {
  /** Current fingerprint of each asked sheet (by the id asked with); null when the sheet no longer exists. */
  fingerprints: Record<string, string | null>;
  /** Current name of each asked sheet (it may have been renamed); null when it no longer exists. */
  names: Record<string, string | null>;
  /** Visible sheets other than the asked ones: Excel refuses to delete the last visible sheet. */
  otherVisible: number;
  /** Those of the asked workbook-scoped defined names that still exist. */
  definedNames: string[];
}

export interface WorkbookPort {
  readonly kind: "office" | "memory";
  /**
   * All sheets (values, formulas, number formats, merges) and defined names; with `only`, just those sheets (and
   * all names) in the same number of round trips: re-checking one project reads only its sheet.
   */
  readWorkbook(onProgress?: (p: ReadProgress) => void, opts?: { only?: string[] }): Promise<Grid>;
  sheetNames(): Promise<string[]>;
  /** Select (and show) one cell. Rejects with a zh-CN message when the sheet or cell does not exist. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** The cell's text as displayed (for the pane's “当前内容” line after a jump). */
  readCellText(sheet: string, cell: string): Promise<string>;
  /** Add the book's sheets as NEW sheets; names that are taken get a free variant ("表 (2)"). */
  insertSheets(book: InsertBook): Promise<InsertResult>;
  /**
   * Fingerprints and current names of these sheets (by id, as insertSheets returned them) and which of these
   * workbook-scoped names exist; one round trip, reads only.
   */
  inspectSheets(ids: string[], definedNames?: string[]): Promise<SheetInspection>;
  /**
   * Delete exactly these sheets (by id, so a renamed sheet is still itself and a user's new sheet that took an old
   * name is never it) and these workbook-scoped names, nothing else; one round trip. They must exist (ask
   * inspectSheets first): a missing one rejects with ItemNotFound.
   */
  deleteSheets(ids: string[], definedNames?: string[]): Promise<void>;
  /**
   * Call `onChange(sheetName)` when one of these sheets is edited (Office.js worksheet onChanged); resolves to a
   * function that stops watching. Ports without live edits (the page) leave it out.
   */
  watchSheets?(names: string[], onChange: (sheet: string) => void): Promise<() => void>;
  /**
   * Replace the whole content of these EXISTING sheets (by name; values, formulas, formats, merges, validations,
   * conditional formats) with the book's, and point the book's names that live on them at their new cells. Only
   * 插入项目表 uses it, for 汇总 (and its undo, which writes the old content back); callers keep what was there to
   * take it back. A missing sheet rejects with ItemNotFound before anything is written.
   */
  rewriteSheets(book: InsertBook): Promise<RewriteResult>;
  /**
   * Create or overwrite the pane's own hidden sheet (only EXCEPTIONS_SHEET: the one sheet the pane ever rewrites),
   * as text cells; every other sheet stays untouched.
   */
  writeOwnSheet(sheet: GridSheet): Promise<void>;
  /**
   * Write the validation seal: SEAL_SHEET replaced whole (very hidden; text stays text, numbers and the seal's own
   * formulas as given) and the status cells — the only cells of the user's sheets the pane ever writes. Two round
   * trips (what is there now, then the write). Resolves to the write that puts everything back (撤销).
   */
  writeSeal(write: SealSheetWrite): Promise<SealSheetWrite>;
}

/** The pane may rewrite this sheet and no other (see writeOwnSheet). */
export function assertOwnSheet(name: string): void {
  if (name !== EXCEPTIONS_SHEET) throw new Error(`只能改写助手自己的工作表“${EXCEPTIONS_SHEET}”，不会改写“${name}”`);
}

/**
 * A cheap fingerprint of a sheet's content: FNV-1a over the used range's address and its formulas (which hold the
 * constants too). Equal content → equal fingerprint within one port; any typed change alters it (collisions aside).
 */
export function fingerprintCells(address: string | null, formulas: unknown): string {
  const text = JSON.stringify([address ?? "", formulas ?? null]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, "0")}:${text.length}`;
}

/**
 * Excel's sheet-name rules: ≤ 31 UTF-16 code units (never cutting an emoji in half), none of : \ / ? * [ ], no
 * control characters, not blank, not starting/ending with '.
 */
export function cleanSheetName(name: string): string {
  let s = name
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  if (!s) s = "Sheet";
  return clipSheetName(s, 31);
}

/**
 * Pick names that collide neither with existing sheets nor with each other (Excel compares case-insensitively).
 * "项目1" → "项目1 (2)" → "项目1 (3)" …, truncated so the result stays ≤ 31 characters.
 */
export function freeSheetNames(wanted: string[], existing: string[]): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const out: string[] = [];
  for (const w of wanted) {
    const base = cleanSheetName(w);
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      name = clipSheetName(base, 31 - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** Replace sheet references ('old'!A1 or old!A1) in a formula, for sheets renamed on insert. */
export function rewriteSheetRefs(formula: string, map: Map<string, string>): string {
  if (map.size === 0) return formula;
  return formula.replace(/'((?:[^']|'')+)'!|([A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!/g, (all, quoted: string | undefined, bare: string | undefined) => {
    const name = quoted !== undefined ? quoted.replace(/''/g, "'") : (bare as string);
    const to = map.get(name);
    return to === undefined ? all : `'${to.replace(/'/g, "''")}'!`;
  });
}

/** Copy of a book whose sheets are renamed to `newNames`, with every formula, name and extra following along. */
export function renameBook(book: InsertBook, newNames: string[]): InsertBook {
  const map = new Map<string, string>();
  book.grid.sheets.forEach((s, i) => {
    if (s.name !== newNames[i]) map.set(s.name, newNames[i]);
  });
  const rn = (n: string) => map.get(n) ?? n;
  const rf = (f: string) => rewriteSheetRefs(f, map);
  const sheets: GridSheet[] = book.grid.sheets.map((s, i) => ({
    ...s,
    name: newNames[i],
    formulas: s.formulas?.map((row) => (row ? row.map((f) => (f ? rf(f) : f)) : row)),
  }));
  let extras: Record<string, SheetExtras> | undefined;
  if (book.extras) {
    extras = {};
    for (const [k, ex] of Object.entries(book.extras)) {
      extras[rn(k)] = {
        ...ex,
        validations: ex.validations.map((v) => ({ ...v, formulae: v.formulae.map((f) => (typeof f === "string" ? rf(f) : f)) })),
        conditionalFormats: ex.conditionalFormats.map((c) => ({ ...c, formula: rf(c.formula) })),
      };
    }
  }
  return {
    grid: { sheets, names: book.grid.names.map((d) => ({ ...d, sheet: d.sheet === null ? null : rn(d.sheet) })) },
    extras,
  };
}

/** A zh-CN message for an error from a port, without a stack trace. */
export function portErrorMessage(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { message?: unknown; code?: unknown };
    const code = typeof o.code === "string" ? o.code : "";
    const msg = typeof o.message === "string" ? o.message : "";
    if (code === "ItemNotFound") return `找不到指定的工作表或单元格（${msg || code}）`;
    if (/PayloadSizeLimitExceeded/i.test(code + msg)) return "工作簿数据太大，Excel 拒绝了这次读取。请关闭不需要的工作表后重试。";
    if (msg) return msg;
    if (code) return code;
  }
  return String(e);
}
