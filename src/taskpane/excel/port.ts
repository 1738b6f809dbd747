/**
 * The only door between the task pane and a workbook. OfficePort talks to Excel (Office.js); MemoryPort holds a
 * Grid in memory (tests, the standalone page, the browser e2e fake). The UI never touches Office.js directly.
 */
import type { Grid, GridSheet } from "../../model/grid";

/** A data-validation list to apply when inserting sheets (the template's dropdowns). */
export interface InsertValidation {
  sheet: string;
  /** A1 range without the sheet, e.g. "C10:C40". */
  ref: string;
  /** Allowed values (a literal list) … */
  list?: string[];
  /** … or a formula source such as "=$Z$1:$Z$9". */
  source?: string;
  prompt?: string;
}

/** What insertSheets writes: sheets (values, formulas, formats, merges), names, and optional validations. */
export interface InsertBook {
  grid: Grid;
  validations?: InsertValidation[];
  /** Column widths in characters, per sheet name (optional cosmetics). */
  columnWidths?: Record<string, number[]>;
}

export interface ReadProgress {
  /** 0..1 */
  fraction: number;
  /** zh-CN status text */
  message: string;
}

export interface InsertResult {
  /** The names the sheets actually got (free names; never an existing sheet). */
  names: string[];
}

export interface WorkbookPort {
  readonly kind: "office" | "memory";
  /** All sheets (values, formulas, number formats, merges) and defined names. */
  readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<Grid>;
  sheetNames(): Promise<string[]>;
  /** Select (and show) one cell. Rejects with a zh-CN message when the sheet or cell does not exist. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Add the book's sheets as NEW sheets; names that are taken get a free variant ("表 (2)"). */
  insertSheets(book: InsertBook): Promise<InsertResult>;
}

/** Excel's sheet-name rules: ≤ 31 chars, none of : \ / ? * [ ], not blank, not starting/ending with '. */
export function cleanSheetName(name: string): string {
  let s = name.replace(/[:\\/?*[\]]/g, "_").replace(/^'+|'+$/g, "").trim();
  if (!s) s = "Sheet";
  return s.slice(0, 31);
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
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** Copy of a book whose sheets (and names and validations pointing at them) are renamed per `rename`. */
export function renameBook(book: InsertBook, newNames: string[]): InsertBook {
  const map = new Map<string, string>();
  book.grid.sheets.forEach((s, i) => map.set(s.name, newNames[i]));
  const sheets: GridSheet[] = book.grid.sheets.map((s, i) => ({ ...s, name: newNames[i] }));
  const rn = (n: string) => map.get(n) ?? n;
  return {
    grid: {
      sheets,
      names: book.grid.names.map((d) => ({ ...d, sheet: d.sheet === null ? null : rn(d.sheet) })),
    },
    validations: book.validations?.map((v) => ({ ...v, sheet: rn(v.sheet) })),
    columnWidths: book.columnWidths
      ? Object.fromEntries(Object.entries(book.columnWidths).map(([k, v]) => [rn(k), v]))
      : undefined,
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
