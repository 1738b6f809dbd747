/**
 * exceljs adapter: .xlsx bytes → neutral Grid. Runs in Node and in the browser (no fs here: the CLI
 * reads the file, the standalone page gets an ArrayBuffer from a drop).
 *
 * What this undoes or normalises on the way:
 * - exceljs reports the master's value in merged slave cells; the Grid contract says slaves are null.
 * - rich text → plain text; hyperlinks → their text; formulas → cached result (+ formula text);
 *   dates → GridDate (ISO, UTC); errors → GridError.
 * - data validations and conditional formats are not parsed at all (`ignoreNodes`): exceljs expands
 *   whole-column validations cell by cell and can take minutes on a real-world workbook.
 */
import ExcelJS from "exceljs";
import type { CellValue, DefinedName, Grid, GridSheet, MergeRange } from "../model/grid";
import { parseA1 } from "../model/grid";

export type WorkbookReadErrorKind = "empty" | "not-xlsx" | "legacy-xls" | "encrypted" | "corrupt";

/** Unreadable input. `message` is zh-CN (with a short English gloss); the CLI maps it to exit code 2. */
export class WorkbookReadError extends Error {
  readonly kind: WorkbookReadErrorKind;
  constructor(kind: WorkbookReadErrorKind, message: string) {
    super(message);
    this.name = "WorkbookReadError";
    this.kind = kind;
  }
}

export interface LoadGridOptions {
  /** Name used in messages ("预算.xlsx"); optional. */
  fileName?: string;
  /** Stop after this many rows per sheet (defence against runaway sheets); default 100 000. */
  maxRows?: number;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function label(opts?: LoadGridOptions): string {
  return opts?.fileName ? `“${opts.fileName}”` : "该文件";
}

/** Check the container before handing it to exceljs, so the common mistakes get a precise message. */
function sniff(bytes: Uint8Array, opts?: LoadGridOptions): void {
  if (bytes.length === 0) throw new WorkbookReadError("empty", `${label(opts)}是空文件，无法读取（empty file）`);
  if (startsWith(bytes, OLE_MAGIC)) {
    // OLE compound files are either legacy .xls or password-protected .xlsx; both need the user's action.
    throw new WorkbookReadError(
      "legacy-xls",
      `${label(opts)}是旧版 .xls 格式或设置了打开密码，请在 Excel/WPS 中另存为 .xlsx（无密码）后再试（legacy .xls or encrypted workbook）`,
    );
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new WorkbookReadError("not-xlsx", `${label(opts)}不是 .xlsx 工作簿（not an .xlsx file）`);
  }
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

function sheetToGrid(ws: ExcelJS.Worksheet, maxRows: number): GridSheet {
  const merges = mergesOf(ws);
  const slave = new Set<string>();
  for (const m of merges) {
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) slave.add(`${r},${c}`);
  }
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormula = false;
  let anyFormat = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (r >= maxRows) return;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (slave.has(`${r},${c}`)) return; // exceljs echoes the master's value here
      const converted = convertValue(cell.value);
      let value = converted.value;
      const formula = converted.formula;
      // exceljs drops falsy cached results (0, "", false) from cell.value; cell.result keeps them.
      if (formula !== null && value === null) {
        const cached = (cell as unknown as { result?: unknown }).result;
        if (cached !== undefined) value = convertValue(cached).value;
      }
      const fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      if (value === null && formula === null && fmt === null) return;
      while (values.length <= r) values.push([]);
      const vr = values[r];
      while (vr.length <= c) vr.push(null);
      vr[c] = value;
      if (formula !== null) {
        anyFormula = true;
        while (formulas.length <= r) formulas.push([]);
        const fr = formulas[r];
        while (fr.length <= c) fr.push(null);
        fr[c] = formula;
      }
      if (fmt !== null) {
        anyFormat = true;
        while (formats.length <= r) formats.push([]);
        const xr = formats[r];
        while (xr.length <= c) xr.push(null);
        xr[c] = fmt;
      }
    });
  });
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
 * library error.
 */
export async function loadGrid(data: ArrayBuffer | Uint8Array, opts?: LoadGridOptions): Promise<Grid> {
  const bytes = toBytes(data);
  sniff(bytes, opts);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' typings want a Buffer; JSZip underneath accepts any Uint8Array, in Node and browsers.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, {
      ignoreNodes: ["dataValidations", "conditionalFormatting", "extLst"],
    } as unknown as Partial<ExcelJS.XlsxReadOptions>);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new WorkbookReadError("corrupt", `${label(opts)}已损坏或不是有效的 .xlsx 工作簿，无法读取（corrupt workbook: ${detail.slice(0, 120)}）`);
  }
  const maxRows = opts?.maxRows ?? 100_000;
  try {
    const sheets = wb.worksheets.map((ws) => sheetToGrid(ws, maxRows));
    return { sheets, names: definedNames(wb) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new WorkbookReadError("corrupt", `${label(opts)}的内容无法解析（unreadable content: ${detail.slice(0, 120)}）`);
  }
}
