/**
 * exceljs writer: TemplateBook → .xlsx bytes. Runs in Node and in the browser (no fs).
 *
 * - Formulas are written as {formula, result} with the renderer's computed result, and the workbook
 *   asks for a full recalculation on load, so Excel/WPS/LibreOffice show fresh values either way.
 * - Every Grid value without a formula is a literal: a text "=1+1" is written as a string cell.
 * - Deterministic bytes: fixed document dates, no random ids (only expression conditional formats,
 *   which need no x14 GUIDs), and the zip entries' timestamps are pinned to 1980-01-01.
 */
import ExcelJS from "exceljs";
import type { CellValue, GridSheet } from "../model/grid";
import { a1, isGridDate, isGridError, parseA1, quoteSheet } from "../model/grid";
import type { SheetExtras, TemplateBook } from "../model/write/render";
import type { StyleRole } from "../model/write/layout";

export const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

const FONT_NAME = "宋体";

const thin = { style: "thin" as const, color: { argb: "FF8C8C8C" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

/** Role → exceljs style. Inputs are light yellow, labels grey, checks white with coloured CF. */
function styleFor(role: StyleRole): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 11 };
  switch (role) {
    case "title":
      return { font: { ...font, size: 14, bold: true }, alignment: { horizontal: "center", vertical: "middle", wrapText: true } };
    case "label":
      return { font, fill: fill("FFF2F2F2"), border: BORDER, alignment: { horizontal: "center", vertical: "middle", wrapText: true } };
    case "header":
      return { font: { ...font, bold: true }, fill: fill("FFDDEBF7"), border: BORDER, alignment: { horizontal: "center", vertical: "middle", wrapText: true } };
    case "input":
      return { font, fill: fill("FFFFFDE7"), border: BORDER, alignment: { vertical: "middle", wrapText: true } };
    case "inputGroup":
      return { font, fill: fill("FFFFFDE7"), border: { left: thin, right: thin }, alignment: { vertical: "middle", wrapText: true } };
    case "inputGroupLast":
      return { font, fill: fill("FFFFFDE7"), border: { left: thin, right: thin, bottom: thin }, alignment: { vertical: "middle", wrapText: true } };
    case "money":
      return { font, fill: fill("FFFFFDE7"), border: BORDER, alignment: { horizontal: "right", vertical: "middle" } };
    case "percent":
    case "number":
      return { font, fill: fill("FFFFFDE7"), border: BORDER, alignment: { horizontal: "center", vertical: "middle" } };
    case "check":
      return { font: { ...font, size: 10 }, border: BORDER, alignment: { vertical: "middle", wrapText: true } };
    case "status":
      return { font: { ...font, bold: true }, border: BORDER, alignment: { vertical: "middle", wrapText: true } };
    case "note":
      return { font: { ...font, size: 9, italic: true, color: { argb: "FF595959" } }, alignment: { vertical: "middle", wrapText: true } };
    case "formula":
      return { font, fill: fill("FFF7F7F7"), border: BORDER, alignment: { vertical: "middle", wrapText: true } };
    case "meta":
      return { font: { ...font, size: 8, color: { argb: "FF999999" } } };
  }
}

const CF_STYLE: Record<"ok" | "bad" | "todo", Partial<ExcelJS.Style>> = {
  ok: { font: { color: { argb: "FF006100" } }, fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } } },
  bad: { font: { color: { argb: "FF9C0006" }, bold: true }, fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
  todo: { font: { color: { argb: "FF9C5700" } }, fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFEB9C" } } },
};

/** 一级/二级 printed merged: a repeated value hidden (format ;;;), a group's first row with a top border. */
const GROUP_STYLE: Record<"repeat" | "groupStart" | "groupStartLast", Partial<ExcelJS.Style>> = {
  repeat: { numFmt: ";;;" },
  groupStart: { border: { top: thin, left: thin, right: thin } },
  groupStartLast: { border: { top: thin, left: thin, right: thin, bottom: thin } },
};

function cellsOf(range: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const [a, b] = range.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) return null;
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

/**
 * Text as the file format stores it: characters XML cannot hold (control characters, and CR, which
 * XML turns into LF) are written as _xHHHH_ escapes, and a literal “_xHHHH_” in the text gets its
 * underscore escaped (_x005F_) — what Excel does, and what every reader (exceljs included) decodes.
 * Without this exceljs silently drops U+000B (Word's line break) and friends.
 */
export function encodeCellText(s: string): string {
  if (!/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\u007F]|_x[0-9A-Fa-f]{4}_/.test(s)) return s;
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
    .replace(/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\u007F]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

function literal(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "string") return encodeCellText(v);
  if (isGridError(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  if (isGridDate(v)) return new Date(v.date.length === 10 ? `${v.date}T00:00:00Z` : v.date);
  return v;
}

function writeSheet(wb: ExcelJS.Workbook, sheet: GridSheet, ex: SheetExtras | undefined): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name, {
    properties: ex?.tabColor ? { tabColor: { argb: ex.tabColor } } : {},
    views: ex?.freeze ? [{ state: "frozen", xSplit: ex.freeze.cols, ySplit: ex.freeze.rows }] : [{}],
  });
  if (sheet.hidden) ws.state = "hidden";
  if (ex) {
    ex.columns.forEach((col, i) => {
      const c = ws.getColumn(i + 1);
      c.width = col.width;
      if (col.hidden) c.hidden = true;
    });
    for (const [r, h] of Object.entries(ex.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  }
  // Styles first (so merged areas get borders on every cell), then values, formats, merges.
  if (ex) {
    for (const s of ex.styles) {
      const box = cellsOf(s.range);
      if (!box) continue;
      const st = styleFor(s.role);
      for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) Object.assign(ws.getCell(r + 1, c + 1), { style: { ...st } });
    }
  }
  // Per column, the master of the current run of shared formulas: its row and text.
  const masters: ({ r: number; last: number; f: string; addr: string } | undefined)[] = [];
  sheet.values.forEach((row, r) => {
    row?.forEach((v, c) => {
      const f = sheet.formulas?.[r]?.[c] ?? null;
      if (v === null && f === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (f !== null) {
        const result = v === null ? undefined : literal(v);
        // The same formula as the cell above it, moved down a row (an indicator row's check): written once
        // as a shared formula, the children only point at it — the sheet's XML shrinks by the formula's size.
        const m = masters[c];
        if (m && m.last === r - 1 && shiftRows(m.f, r - m.r) === f) {
          cell.value = { sharedFormula: m.addr, result } as ExcelJS.CellSharedFormulaValue;
          m.last = r;
          return;
        }
        masters[c] = { r, last: r, f, addr: a1(r, c) };
        cell.value = { formula: f, result } as ExcelJS.CellFormulaValue;
      } else {
        // A string is always a string cell here, even "=…", "+…", "-…", "@…" (data, not formulas).
        cell.value = literal(v);
      }
    });
  });
  sheet.formats?.forEach((row, r) =>
    row?.forEach((fmt, c) => {
      if (fmt) ws.getCell(r + 1, c + 1).numFmt = fmt;
    }),
  );
  for (const m of sheet.merges) ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
  if (!ex) return ws;

  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of ex.validations) {
    dv.add(v.range, {
      type: v.type,
      operator: v.operator,
      formulae: v.formulae,
      allowBlank: v.allowBlank,
      showInputMessage: !!v.prompt,
      promptTitle: v.prompt?.title,
      prompt: v.prompt?.text,
      showErrorMessage: true,
      errorStyle: v.errorStyle,
      errorTitle: v.error?.title,
      error: v.error?.text,
    });
  }
  let priority = 1;
  for (const cf of ex.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: "expression", formulae: [cf.formula], style: CF_STYLE[cf.style], priority: priority++ } as ExcelJS.ConditionalFormattingRule],
    });
  }
  for (const g of ex.groupFormats ?? []) {
    ws.addConditionalFormatting({
      ref: g.range,
      rules: [{ type: "expression", formulae: [g.formula], style: GROUP_STYLE[g.kind], priority: priority++ } as ExcelJS.ConditionalFormattingRule],
    });
  }
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: ex.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: ex.fitOnePage ? 1 : (ex.fitPagesTall ?? 0),
    horizontalCentered: true,
    // exceljs prefixes "$" to each corner's column only; LibreOffice ignores "$A1:$G39", so the rows get theirs here.
    printArea: ex.printArea?.replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  if (ex.headerFooter) ws.headerFooter = { oddHeader: ex.headerFooter.header, oddFooter: ex.headerFooter.footer };
  return ws;
}

async function protectSheets(wb: ExcelJS.Workbook, book: TemplateBook): Promise<void> {
  for (const ws of wb.worksheets) {
    const ex = book.extras[ws.name];
    if (!ex?.protect) continue;
    for (const range of ex.unlocked) {
      const box = cellsOf(range);
      if (!box) continue;
      for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) ws.getCell(r + 1, c + 1).protection = { locked: false };
    }
    // No password: protection only keeps labels and formulas from being typed over by accident.
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      insertRows: true,
      deleteRows: true,
      formatCells: true,
      formatColumns: true,
      formatRows: true,
      spinCount: 1,
    } as Partial<ExcelJS.WorksheetProtection>);
  }
}

/** Build the exceljs workbook (exposed for tests that inspect it without a round trip). */
export async function buildWorkbook(book: TemplateBook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "JXMB";
  wb.lastModifiedBy = "JXMB";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of book.grid.sheets) writeSheet(wb, sheet, book.extras[sheet.name]);
  for (const n of book.grid.names) {
    if (n.sheet === null) continue; // constants are not supported by exceljs; the template has none
    const q = quoteSheet(n.sheet);
    const ref = n.ref
      .split(":")
      .map((p) => (p.startsWith("$") ? p : p.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")))
      .join(":");
    wb.definedNames.add(`${q}!${ref}`, n.name);
  }
  await protectSheets(wb, book);
  return wb;
}

/** TemplateBook → .xlsx bytes (deterministic for the same book). */
export async function writeTemplateBook(book: TemplateBook): Promise<Uint8Array> {
  const wb = await buildWorkbook(book);
  const buf = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(buf as ArrayBuffer);
  pinZipTimes(bytes);
  return bytes;
}

/**
 * Set every zip entry's DOS modification time to 1980-01-01 00:00 (JSZip stamps "now"), walking the
 * central directory from the end record so compressed data is never touched. In place; a buffer that
 * is not a plain zip is left alone.
 */
export function pinZipTimes(b: Uint8Array): void {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) return;
    dv.setUint16(p + 12, 0, true);
    dv.setUint16(p + 14, DOS_DATE, true);
    const local = dv.getUint32(p + 42, true);
    if (local + 30 <= b.length && dv.getUint32(local, true) === 0x04034b50) {
      dv.setUint16(local + 10, 0, true);
      dv.setUint16(local + 12, DOS_DATE, true);
    }
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
}

/**
 * `formula` as Excel reads it in a cell `dr` rows lower: every relative row of an A1 reference moves by
 * `dr`; string literals, names and functions stay. Null when the formula holds something this does not
 * follow (a sheet name, an external link, a whole-row range such as 10:10): such a formula is not shared.
 */
export function shiftRows(formula: string, dr: number): string | null {
  // Runs on every formula cell below another one (a 4 KB check × 30 rows × 2,000 sheets): char codes and
  // slices, no per-character regex or concatenation.
  const n = formula.length;
  let out = "";
  let from = 0;
  let i = 0;
  while (i < n) {
    const ch = formula.charCodeAt(i);
    if (ch === 34 /* " */) {
      // A literal runs to the next lone quote ("" inside it is an escaped quote).
      let j = i + 1;
      for (;;) {
        j = formula.indexOf('"', j);
        if (j < 0) return null;
        if (formula.charCodeAt(j + 1) !== 34) break;
        j += 2;
      }
      i = j + 1;
      continue;
    }
    if (ch === 33 /* ! */ || ch === 39 /* ' */ || ch === 91 /* [ */) return null;
    if (!isWordChar(ch)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && isWordChar(formula.charCodeAt(j))) j++;
    const next = j < n ? formula.charCodeAt(j) : 0;
    // [$]letters(1–3)[$]digits: an A1 reference unless a function name follows ("LOG10(").
    let k = i;
    if (formula.charCodeAt(k) === 36) k++;
    const l0 = k;
    while (k < j && isLetter(formula.charCodeAt(k))) k++;
    const letters = k - l0;
    const rowAbs = formula.charCodeAt(k) === 36 && k < j;
    if (rowAbs) k++;
    const d0 = k;
    while (k < j && isDigit(formula.charCodeAt(k))) k++;
    if (k === j && d0 < j) {
      if (letters === 0) {
        // A number, or a whole-row range (10:10) this does not follow.
        if (next === 58 /* : */ || (i > 0 && formula.charCodeAt(i - 1) === 58)) return null;
      } else if (letters <= 3 && next !== 40 /* ( */ && !rowAbs) {
        const row = Number(formula.slice(d0, j)) + dr;
        if (row < 1) return null;
        out += formula.slice(from, d0) + row;
        from = j;
      }
    }
    i = j;
  }
  return from === 0 ? formula : out + formula.slice(from);
}
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWordChar = (c: number) => isDigit(c) || isLetter(c) || c === 95 /* _ */ || c === 46 /* . */ || c === 36; /* $ */
