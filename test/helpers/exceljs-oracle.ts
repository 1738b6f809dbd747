/**
 * TEST ORACLE — the exceljs-based reader JXMB used before src/xlsx/parse.ts (issue 13), kept only for
 * the differential test (test/xlsx/differential.test.ts): .xlsx bytes → Grid through exceljs, after
 * the same guard. Not used by the product.
 *
 * What this undoes or normalises on the way:
 * - exceljs reports the master's value in merged slave cells; the Grid contract says slaves are null.
 * - rich text → plain text; hyperlinks → their text; formulas → cached result (+ formula text);
 *   dates → GridDate (ISO, UTC); errors → GridError.
 * - data validations and conditional formats are not parsed at all (`ignoreNodes`): exceljs expands
 *   whole-column validations cell by cell and can take minutes on a real-world workbook.
 */
import ExcelJS from "exceljs";
import type { CellValue, DefinedName, Grid, GridSheet, MergeRange } from "../../src/model/grid";
import { colName, parseA1 } from "../../src/model/grid";
import { guardWorkbook, workbookLimitError, WorkbookReadError, type Inflater, type ReadNotice } from "../../src/xlsx/guard";
import { limitsFrom, type ReadLimits } from "../../src/xlsx/limits";

interface LoadGridOptions {
  /** Name used in messages ("预算.xlsx"); optional. */
  fileName?: string;
  /** Rows per sheet (kept for compatibility; same as limits.maxRows). */
  maxRows?: number;
  /** Read limits (missing entries: DEFAULT_LIMITS). A hit throws WorkbookReadError kind "limit". */
  limits?: Partial<ReadLimits>;
  /** Raw-deflate inflater for the guard; defaults to DecompressionStream. Node callers may pass nodeInflate. */
  inflate?: Inflater;
  /** Receives notices (macros present, external links, rows not read) as they are found. */
  onNotice?: (notice: ReadNotice) => void;
}

/** Excel's grid: 16 384 columns (XFD). A cell beyond is not from Excel and would blow up the dense Grid. */
const MAX_EXCEL_COLUMNS = 16_384;

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function label(opts?: LoadGridOptions): string {
  return opts?.fileName ? `“${opts.fileName}”` : "该文件";
}

function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}

function richToText(rt: { richText?: { text?: string }[] }): string {
  return (rt.richText ?? []).map((p) => p.text ?? "").join("");
}

/** One exceljs cell value → Grid CellValue (+ formula text). */
export function convertValue(v: unknown): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { value: v, formula: null };
  if (v instanceof Date) return { value: { date: isoDate(v) }, formula: null };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const formula = typeof o.formula === "string" ? o.formula : typeof o.sharedFormula === "string" ? o.sharedFormula : null;
      const res = convertValue(o.result).value;
      return { value: res, formula };
    }
    if ("richText" in o) return { value: richToText(o as { richText?: { text?: string }[] }), formula: null };
    if ("error" in o) return { value: { error: String(o.error) }, formula: null };
    if ("hyperlink" in o || "text" in o) {
      const t = o.text;
      if (typeof t === "string") return { value: t, formula: null };
      if (t && typeof t === "object" && "richText" in (t as object)) return { value: richToText(t as { richText?: { text?: string }[] }), formula: null };
      return { value: t === undefined || t === null ? null : String(t), formula: null };
    }
  }
  return { value: String(v), formula: null };
}

function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  const out: MergeRange[] = [];
  // exceljs keeps merges in a private map keyed by master address; the public `model.merges` getter
  // serialises the whole sheet model, which is wasteful on big sheets.
  const priv = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges;
  if (priv) {
    for (const m of Object.values(priv)) {
      const mm = m.model;
      if (mm) out.push({ r1: mm.top - 1, c1: mm.left - 1, r2: mm.bottom - 1, c2: mm.right - 1 });
    }
  } else {
    for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = ref.split(":");
      const p = parseA1(a);
      const q = parseA1(b ?? a);
      if (p && q) out.push({ r1: p.r, c1: p.c, r2: q.r, c2: q.c });
    }
  }
  out.sort((x, y) => x.r1 - y.r1 || x.c1 - y.c1);
  return out;
}

interface SheetBudget {
  limits: ReadLimits;
  fileName?: string;
  /** Dense Grid slots used so far, over all sheets. */
  slots: number;
  notice: (n: ReadNotice) => void;
}

function sheetLabel(name: string): string {
  return `工作表“${name}”`;
}

function sheetToGrid(ws: ExcelJS.Worksheet, budget: SheetBudget): GridSheet {
  const { limits } = budget;
  const maxRows = limits.maxRows;
  const merges = mergesOf(ws).filter((m) => m.r1 < maxRows && m.c1 < MAX_EXCEL_COLUMNS);
  const slave = new Set<string>();
  for (const m of merges) {
    // A merge can claim A1:XFD1048576; only its part inside the read area can hold cells we keep.
    const r2 = Math.min(m.r2, maxRows - 1);
    const c2 = Math.min(m.c2, MAX_EXCEL_COLUMNS - 1);
    if ((r2 - m.r1 + 1) * (c2 - m.c1 + 1) > 1_000_000) continue; // slaves are found by range test below
    for (let r = m.r1; r <= r2; r++) for (let c = m.c1; c <= c2; c++) if (r !== m.r1 || c !== m.c1) slave.add(`${r},${c}`);
  }
  const bigMerges = merges.filter((m) => (Math.min(m.r2, maxRows - 1) - m.r1 + 1) * (Math.min(m.c2, MAX_EXCEL_COLUMNS - 1) - m.c1 + 1) > 1_000_000);
  const isSlave = (r: number, c: number): boolean =>
    slave.has(`${r},${c}`) || bigMerges.some((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 && (r !== m.r1 || c !== m.c1));
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormula = false;
  let anyFormat = false;
  let rowsDropped = 0;
  let firstDroppedRow = 0;
  let colsDropped = 0;
  const grow = (target: unknown[], len: number) => {
    const add = len - target.length;
    if (add <= 0) return;
    budget.slots += add;
    if (budget.slots > limits.maxGridSlots) {
      throw workbookLimitError(budget.fileName, "maxGridSlots", budget.slots, limits.maxGridSlots, `的${sheetLabel(ws.name)}`);
    }
  };
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (r >= maxRows) {
      if (rowsDropped++ === 0) firstDroppedRow = rowNumber;
      return;
    }
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (c >= MAX_EXCEL_COLUMNS) {
        colsDropped++;
        return;
      }
      if (isSlave(r, c)) return; // exceljs echoes the master's value here
      const converted = convertValue(cell.value);
      let value = converted.value;
      const formula = converted.formula;
      // exceljs drops falsy cached results (0, "", false) from cell.value; cell.result keeps them.
      if (formula !== null && value === null) {
        const cached = (cell as unknown as { result?: unknown }).result;
        if (cached !== undefined) value = convertValue(cached).value;
      }
      const longest = Math.max(typeof value === "string" ? value.length : 0, formula?.length ?? 0);
      if (longest > limits.maxCellChars) {
        throw workbookLimitError(budget.fileName, "maxCellChars", longest, limits.maxCellChars, `的${sheetLabel(ws.name)}单元格 ${colName(c)}${r + 1} `);
      }
      const fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      if (value === null && formula === null && fmt === null) return;
      grow(values, r + 1);
      while (values.length <= r) values.push([]);
      const vr = values[r];
      grow(vr, c + 1);
      while (vr.length <= c) vr.push(null);
      vr[c] = value;
      if (formula !== null) {
        anyFormula = true;
        grow(formulas, r + 1);
        while (formulas.length <= r) formulas.push([]);
        const fr = formulas[r];
        grow(fr, c + 1);
        while (fr.length <= c) fr.push(null);
        fr[c] = formula;
      }
      if (fmt !== null) {
        anyFormat = true;
        grow(formats, r + 1);
        while (formats.length <= r) formats.push([]);
        const xr = formats[r];
        grow(xr, c + 1);
        while (xr.length <= c) xr.push(null);
        xr[c] = fmt;
      }
    });
  });
  if (rowsDropped > 0) {
    budget.notice({
      severity: "warning",
      code: "rows-truncated",
      sheet: ws.name,
      message: `${sheetLabel(ws.name)}第 ${maxRows} 行以下还有 ${rowsDropped} 行内容（从第 ${firstDroppedRow} 行起），超出读取上限 maxRows，未读取（${rowsDropped} row(s) below row ${maxRows} not read: limit maxRows）`,
    });
  }
  if (colsDropped > 0) {
    budget.notice({
      severity: "warning",
      code: "columns-truncated",
      sheet: ws.name,
      message: `${sheetLabel(ws.name)}有 ${colsDropped} 个单元格位于 Excel 最大列 XFD 之外，未读取（${colsDropped} cell(s) beyond column XFD not read）`,
    });
  }
  const sheet: GridSheet = { name: ws.name, values, merges };
  if (anyFormula) sheet.formulas = formulas;
  if (anyFormat) sheet.formats = formats;
  if (ws.state === "hidden" || ws.state === "veryHidden") sheet.hidden = true;
  return sheet;
}

function definedNames(wb: ExcelJS.Workbook): DefinedName[] {
  const out: DefinedName[] = [];
  const model = (wb.definedNames as unknown as { model?: { name: string; ranges: string[] }[] }).model ?? [];
  for (const dn of model) {
    for (const range of dn.ranges ?? []) {
      const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(range);
      if (m) out.push({ name: dn.name, sheet: (m[1] ?? m[2]).replace(/''/g, "'"), ref: m[3].replace(/\$/g, "") });
      else out.push({ name: dn.name, sheet: null, ref: range });
    }
  }
  return out;
}

/**
 * Read an .xlsx workbook into a Grid. Throws only WorkbookReadError (zh-CN message), never a raw
 * library error. The guard (guard.ts) checks the container and every limit before exceljs starts.
 */
export async function loadGridExceljs(data: ArrayBuffer | Uint8Array, opts?: LoadGridOptions): Promise<Grid> {
  const bytes = toBytes(data);
  const limits = limitsFrom({ ...(opts?.maxRows !== undefined ? { maxRows: opts.maxRows } : {}), ...opts?.limits });
  const notice = (n: ReadNotice) => {
    try {
      opts?.onNotice?.(n);
    } catch {
      /* a caller's display problem must not fail the read */
    }
  };
  const report = await guardWorkbook(bytes, { limits, fileName: opts?.fileName, inflate: opts?.inflate });
  for (const n of report.notices) notice(n);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' typings want a Buffer; JSZip underneath accepts any Uint8Array, in Node and browsers.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, {
      ignoreNodes: ["dataValidations", "conditionalFormatting", "extLst"],
    } as unknown as Partial<ExcelJS.XlsxReadOptions>);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new WorkbookReadError("corrupt", `${label(opts)}已损坏或不是有效的 .xlsx 工作簿，无法读取（corrupt workbook: ${clean(detail)}）`);
  }
  try {
    const budget: SheetBudget = { limits, fileName: opts?.fileName, slots: 0, notice };
    const sheets = wb.worksheets.map((ws) => sheetToGrid(ws, budget));
    return { sheets, names: definedNames(wb) };
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new WorkbookReadError("corrupt", `${label(opts)}的内容无法解析（unreadable content: ${clean(detail)}）`);
  }
}

/** A library message inside our gloss: short, one line, no parentheses (they would break the zh/en split). */
function clean(detail: string): string {
  return detail.replace(/[\s]+/g, " ").replace(/[()（）]/g, " ").trim().slice(0, 120);
}
