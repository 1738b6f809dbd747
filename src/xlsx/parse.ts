/**
 * The xlsx reader: the XML parts the guard has already inflated and scanned → Grid, one streaming
 * pass per part of the strict XML tokenizer in xml.ts, no object per cell beyond what the Grid keeps. Browser-safe (no Node, no DOM):
 * the standalone page runs it in a Web Worker.
 *
 * What a reader of the Grid sees is what the exceljs-based reader before it produced (the differential
 * test in test/xlsx/differential.test.ts holds the two together on every workbook we have):
 * - merged slave cells are null; rich text → plain text (phonetic runs left out); hyperlinked cells →
 *   their text; formulas → cached result + formula text (a shared-formula child carries the master's
 *   address, as before); numbers in a date format → GridDate (1900 and 1904 systems); errors → GridError.
 * Where the old reader lost data silently, this one reads or says so (ReadNotice "sheet-not-read"):
 * every sheet the workbook lists is read or named — two sheets with one sheetId, a sheetId of 0, a
 * sheet whose part is missing.
 */
import type { CellValue, DefinedName, Grid, GridSheet, MergeRange } from "../model/grid";
import { colName } from "../model/grid";
import { resolveTarget, workbookLimitError, WorkbookReadError, type ReadNotice } from "./guard";
import type { ReadLimits } from "./limits";
import { areaSize, EXCEL_MAX_COLS, parseArea, parseCell } from "./refs";
import { parseXml, XmlError, type XmlAttributes } from "./xml";

export interface ParseOptions {
  limits: ReadLimits;
  fileName?: string;
  notice: (n: ReadNotice) => void;
  /** Parts the guard ran its per-worksheet checks on (lower-case names). */
  sheetChecked: Set<string>;
  /** Every entry of the package (lower-case names), scanned or not. */
  entryNames?: Set<string>;
  /** Progress of the sheet pass: inflated worksheet bytes parsed so far / in all (after each sheet). */
  onProgress?: (done: number, total: number) => void;
}


function who(fileName?: string): string {
  return fileName ? `“${fileName}”` : "该文件";
}

function corrupt(fileName: string | undefined, zh: string, en: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", `${who(fileName)}${zh}（${en}）`);
}

function sheetLabel(name: string): string {
  return `工作表“${name}”`;
}

/** A relationship id: `r:id`, or any other prefix's `:id` (the first one written). */
function relId(a: XmlAttributes): string | undefined {
  const v = a.get("r:id");
  if (v !== undefined) return v;
  for (let i = 0; i < a.length; i++) if (a.name(i).endsWith(":id")) return a.value(i);
  return undefined;
}

/** Run one part through the XML tokenizer (xml.ts). A malformed part is refused as corrupt, naming the part. */
function sax(part: Uint8Array, partName: string, fileName: string | undefined, on: { open: (name: string, a: XmlAttributes, local: string) => void; text: (s: string) => void; close: (name: string) => void }): void {
  try {
    parseXml(part, on);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    throw corrupt(fileName, `已损坏：部件 ${partName.slice(0, 60)} 不是有效的 XML`, `corrupt workbook: ${clean(e.message)}`);
  }
}

/** A library message inside our gloss: short, one line, no parentheses (they would break the zh/en split). */
function clean(detail: string): string {
  return detail.replace(/[\s]+/g, " ").replace(/[()（）]/g, " ").trim().slice(0, 120);
}

// ---------------------------------------------------------------------------------------------
// Shared pieces: relationships, shared strings, styles

interface Rel {
  type: string;
  target: string;
  external: boolean;
}

function readRels(parts: Map<string, Uint8Array>, relsName: string, baseDir: string, fileName?: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  const data = parts.get(relsName.toLowerCase());
  if (!data) return out;
  sax(data, relsName, fileName, {
    open(_tn, a, n) {
      if (n !== "Relationship") return;
      const id = a.get("Id");
      if (id === undefined) return;
      const external = a.get("TargetMode") === "External";
      const written = a.get("Target") ?? "";
      const target = external ? written : (resolveTarget(baseDir, written) ?? "");
      out.set(id, { type: a.get("Type") ?? "", target, external });
    },
    text() {},
    close() {},
  });
  return out;
}

/** `_x000D_`-style escapes in shared and run text, as Excel writes control characters. */
function unescapeX(s: string): string {
  return s.indexOf("_x") === -1 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function readSharedStrings(data: Uint8Array | undefined, fileName?: string): string[] {
  const out: string[] = [];
  if (!data) return out;
  let inSi = false;
  let depthRPh = 0;
  let inT = false;
  let buf: string[] = [];
  let siText = "";
  sax(data, "xl/sharedStrings.xml", fileName, {
    open(_tn, _a, n) {
      if (n === "si") {
        inSi = true;
        siText = "";
      } else if (inSi && n === "rPh") depthRPh++;
      else if (inSi && n === "t" && depthRPh === 0) {
        inT = true;
        buf = [];
      }
    },
    text(s) {
      if (inT) buf.push(s);
    },
    close(n) {
      if (n === "t" && inT) {
        inT = false;
        siText += unescapeX(buf.join(""));
      } else if (n === "rPh") depthRPh--;
      else if (n === "si") {
        inSi = false;
        out.push(siText);
      }
    },
  });
  return out;
}

/** Excel's built-in number formats that carry a format code independent of the locale (ECMA-376 §18.8.30). */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A format shows a date when, outside quotes and [..] sections, it has a date or time letter. */
export function isDateFormat(fmt: string): boolean {
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

interface Style {
  fmt: string | null;
  date: boolean;
}

/** cellXfs index → number format (null for General / none). */
function readStyles(data: Uint8Array | undefined, fileName?: string): Style[] {
  const out: Style[] = [];
  if (!data) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  sax(data, "xl/styles.xml", fileName, {
    open(_tn, a, n) {
      if (n === "numFmt") {
        const id = parseInt(a.get("numFmtId") ?? "", 10);
        if (Number.isFinite(id)) custom.set(id, a.get("formatCode") ?? "");
      } else if (n === "cellXfs") inCellXfs = true;
      else if (n === "xf" && inCellXfs) {
        const id = parseInt(a.get("numFmtId") ?? "", 10);
        let fmt: string | null = null;
        if (id) fmt = custom.get(id) || BUILTIN_FORMATS[id] || null;
        if (fmt === "General") fmt = null;
        out.push({ fmt, date: fmt !== null && isDateFormat(fmt) });
      }
    },
    text() {},
    close(n) {
      if (n === "cellXfs") inCellXfs = false;
    },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values

function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}

/** An Excel serial (1900 or 1904 system) as a GridDate; a non-number gives an invalid date (""), as before. */
function serialDate(v: unknown, date1904: boolean): CellValue {
  const ms = Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return { date: isoDate(new Date(ms)) };
}

/** The five entities, once more: `t="str"` values were always decoded twice. */
function xmlDecodeAgain(s: string): string {
  return s.indexOf("&") === -1
    ? s
    : s.replace(/&([a-z]*);/g, (c) => (c === "&lt;" ? "<" : c === "&gt;" ? ">" : c === "&amp;" ? "&" : c === "&apos;" ? "'" : c === "&quot;" ? '"' : c));
}

/** A hyperlinked cell shows its text: the value as a string (rich text already joined). */
function hyperlinkText(v: CellValue): CellValue {
  if (v === null || typeof v === "string") return v;
  if (typeof v === "object" && "date" in v) return String(v.date === "" ? new Date(NaN) : new Date(v.date));
  if (typeof v === "object") return "[object Object]";
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// Worksheets

/**
 * The cells of one sheet in document order, as parallel arrays (no object per cell). Merges and
 * hyperlinks come after the cells in the XML, so cells wait here until the sheet is parsed.
 */
class Cells {
  readonly row: number[] = []; // 1-based, from the <row> element
  readonly col: number[] = []; // 0-based
  readonly seq: number[] = []; // which <row> element the cell came in
  readonly value: CellValue[] = [];
  readonly formula: (string | null)[] = [];
  readonly fmt: (string | null)[] = [];
  /** The address as written (`r`), for hyperlinks; null when it is the column's name and the row. */
  readonly address: (string | null)[] = [];
  /** Last <row> element seen for each row number: a row written twice keeps its last version. */
  readonly rowSeq = new Map<number, number>();
  /** Rows ascending, columns ascending within a row, nothing written twice: the order Excel writes. */
  ordered = true;
  private lastRow = 0;
  private lastCol = -1;

  openRow(row: number, seq: number): void {
    if (row <= this.lastRow && this.rowSeq.size > 0) this.ordered = false;
    this.rowSeq.set(row, seq);
  }

  push(row: number, col: number, seq: number, value: CellValue, formula: string | null, fmt: string | null, address: string | null): void {
    if (row < this.lastRow || (row === this.lastRow && col <= this.lastCol)) this.ordered = false;
    this.lastRow = row;
    this.lastCol = col;
    this.row.push(row);
    this.col.push(col);
    this.seq.push(seq);
    this.value.push(value);
    this.formula.push(formula);
    this.fmt.push(fmt);
    this.address.push(address);
  }

  /** Indexes of the cells that count, rows then columns ascending; the last of duplicates wins. */
  order(): number[] {
    const n = this.row.length;
    const idx: number[] = [];
    if (this.ordered) {
      for (let i = 0; i < n; i++) idx.push(i);
      return idx;
    }
    for (let i = 0; i < n; i++) if (this.rowSeq.get(this.row[i]) === this.seq[i]) idx.push(i);
    idx.sort((a, b) => this.row[a] - this.row[b] || this.col[a] - this.col[b] || a - b);
    const out: number[] = [];
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k];
      const j = idx[k + 1];
      if (j !== undefined && this.row[j] === this.row[i] && this.col[j] === this.col[i]) continue;
      out.push(i);
    }
    return out;
  }
}

interface SheetBudget {
  limits: ReadLimits;
  fileName?: string;
  /** Dense Grid slots used so far, over all sheets. */
  slots: number;
  /** Cells covered by merged ranges so far, over all sheets (bounded by maxCells, as in the guard). */
  mergedCells: number;
  notice: (n: ReadNotice) => void;
}

interface SheetContext {
  shared: string[];
  styles: Style[];
  date1904: boolean;
  budget: SheetBudget;
}

function readSheet(name: string, partName: string, data: Uint8Array, rels: Map<string, Rel>, ctx: SheetContext, hidden: boolean): GridSheet {
  const { budget, shared, styles } = ctx;
  const fileName = budget.fileName;
  // Rows by number, cells by column: a row or cell written twice keeps its last version.
  const cells = new Cells();
  let rowSeq = 0;
  const mergeRefs: string[] = [];
  const links = new Map<string, true>();
  const sharedMasters = new Map<string, string>();

  let rowNum = 0;
  let prevCol = -1;
  // The open cell.
  let inCell = false;
  /** The open cell's address as written, or null when it is `colName(cCol) + rowNum` (made only when needed). */
  let cAddr: string | null = null;
  let cCol = 0;
  let cT: string | undefined;
  let cStyle: Style | null = null;
  let vText: string | undefined;
  let fText: string | undefined;
  let fT: string | undefined;
  let fSi: string | undefined;
  let fRef: string | undefined;
  let tText: string | undefined;
  let runs: string[] | null = null;
  let runText: string | null = null;
  let target: "v" | "f" | "t" | "run" | null = null;
  let rPh = 0;
  let inSheetData = false;

  /** The open cell's address: as written, or made from its column and row. */
  const addr = (): string => cAddr ?? (cAddr = `${colName(cCol)}${rowNum}`);

  const openCell = (a: XmlAttributes) => {
    inCell = true;
    let ri = -1;
    let si = -1;
    cT = undefined;
    for (let i = 0; i < a.length; i++) {
      const k = a.name(i);
      if (k === "r") ri = i;
      else if (k === "s") si = i;
      else if (k === "t") cT = a.value(i);
    }
    // Excel's own spelling (r="B7" in row 7) is read from the bytes; anything else as before, from the string.
    const col = ri >= 0 ? a.cellRef(ri) : 0;
    if (col > 0 && a.refRow === rowNum) {
      cCol = col - 1;
      cAddr = null;
    } else {
      const written = ri >= 0 ? a.value(ri) : "";
      const ref = written ? parseCell(written) : null;
      if (written && !ref) {
        // Excel's grid ends at XFD: a cell beyond cannot come from Excel.
        const letters = /^\$?([A-Za-z]+)/.exec(written)?.[1] ?? "";
        cCol = letters.length > 3 ? EXCEL_MAX_COLS : [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        if (letters === "") throw corrupt(fileName, `的${sheetLabel(name)}中单元格地址“${written.slice(0, 20)}”无效，已损坏`, "invalid cell address");
      } else {
        cCol = ref ? ref.col - 1 : prevCol + 1;
      }
      // No address written: the Grid's own, as made from the column and the row.
      cAddr = written || null;
    }
    prevCol = cCol;
    let s = si >= 0 ? a.digits(si) : 0;
    if (s < 0) {
      const sAttr = a.value(si);
      s = sAttr ? parseInt(sAttr, 10) : 0;
    }
    cStyle = s ? (styles[s] ?? null) : null;
    vText = fText = fT = fSi = fRef = tText = undefined;
    runs = null;
    rPh = 0;
  };

  const closeCell = () => {
    inCell = false;
    const fmt = cStyle?.fmt ?? null;
    const date = cStyle?.date ?? false;
    let value: CellValue = null;
    let formula: string | null = null;
    const isFormula = (fText !== undefined && fText !== "") || fT !== undefined;
    const raw = vText ?? (runs ? runs.join("") : tText);
    if (isFormula) {
      if (fT === "shared" && fSi !== undefined && fRef) sharedMasters.set(fSi, addr());
      if (fText !== undefined && fText !== "") formula = fText;
      else if (fT === "shared" && !fRef && fSi !== undefined) formula = sharedMasters.get(fSi) ?? null;
      let result: unknown;
      if (raw) {
        if (cT === "str") result = xmlDecodeAgain(raw);
        else if (cT === "b") result = parseInt(raw, 10) !== 0;
        else if (cT === "e") result = { error: raw };
        else result = parseFloat(raw);
      }
      if (result !== undefined && date) value = serialDate(result, ctx.date1904);
      else if (result !== undefined) value = result as CellValue;
    } else if (raw !== undefined) {
      switch (cT) {
        case "s": {
          const i = parseInt(raw, 10);
          const s = shared[i];
          if (s === undefined) {
            throw corrupt(fileName, `的${sheetLabel(name)}单元格 ${addr().slice(0, 20)} 引用了不存在的共享字符串（第 ${raw.slice(0, 12)} 个），已损坏`, "shared string index out of range");
          }
          value = s;
          break;
        }
        case "str":
          value = xmlDecodeAgain(raw);
          break;
        case "inlineStr":
          value = raw;
          break;
        case "b":
          value = parseInt(raw, 10) !== 0;
          break;
        case "e":
          value = { error: raw };
          break;
        default: {
          const n = parseFloat(raw);
          value = date ? serialDate(n, ctx.date1904) : n;
        }
      }
    } else {
      return; // an empty (perhaps styled) cell holds nothing the Grid keeps
    }
    cells.push(rowNum, cCol, rowSeq, value, formula, fmt, cAddr);
  };

  sax(data, partName, fileName, {
    open(_tn, a, n) {
      if (inCell) {
        if (n === "rPh") rPh++;
        else if (rPh > 0) return;
        else if (n === "v") {
          target = "v";
        } else if (n === "f") {
          target = "f";
          fT = a.get("t");
          fSi = a.get("si");
          fRef = a.get("ref");
        } else if (n === "r") {
          runs ??= [];
          runText = "";
        } else if (n === "t") {
          if (runText !== null) target = "run";
          else target = "t";
        }
        return;
      }
      if (n === "c" && inSheetData) openCell(a);
      else if (n === "row" && inSheetData) {
        const r = parseInt(a.get("r") ?? "", 10);
        rowNum = Number.isFinite(r) && r >= 1 ? r : rowNum + 1;
        cells.openRow(rowNum, ++rowSeq);
        prevCol = -1;
      } else if (n === "sheetData") inSheetData = true;
      else if (n === "mergeCell") {
        const ref = a.get("ref");
        if (ref !== undefined) mergeRefs.push(ref);
      } else if (n === "col") {
        // As the guard's scan means to (it can be shown another max): exceljs, which seal and the page's
        // exceptions export load the same bytes into, makes one object per column.
        const max = Number(a.get("max") ?? "0");
        if (!(max <= EXCEL_MAX_COLS)) {
          throw corrupt(fileName, `（部件 ${partName.slice(0, 60)}）定义了 ${String(a.get("max")).slice(0, 20)} 列，超过 Excel 的最大列数 16384，已损坏或被恶意构造`, "column definition beyond XFD");
        }
      } else if (n === "hyperlink") {
        const rid = relId(a);
        const ref = a.get("ref");
        if (rid && ref && rels.has(rid)) links.set(ref, true);
      }
    },
    text(s) {
      if (!inCell || rPh > 0 || target === null) return;
      // Only text makes a value: `<v></v>` is no value at all, as in Excel.
      if (target === "v") vText = (vText ?? "") + s;
      else if (target === "f") fText = (fText ?? "") + s;
      else if (target === "t") tText = (tText ?? "") + s;
      else if (runText !== null) runText += s;
    },
    close(n) {
      if (inCell) {
        if (n === "rPh") {
          rPh--;
          return;
        }
        if (rPh > 0) return;
        if (n === "c") closeCell();
        else if (n === "r" && runs && runText !== null) {
          runs.push(unescapeX(runText));
          runText = null;
        } else if (n === "v" || n === "f" || n === "t") target = null;
        return;
      }
      if (n === "sheetData") inSheetData = false;
    },
  });

  return toGridSheet(name, cells, mergeRefs, links, budget, hidden);
}

/** Merged ranges, refused when two overlap (Excel never saves that; which value would be shown?). */
function readMerges(name: string, refs: string[], budget: SheetBudget): MergeRange[] {
  const out: MergeRange[] = [];
  const covered = new Set<number>();
  for (const ref of refs) {
    const a = parseArea(ref);
    if (!a) throw corrupt(budget.fileName, `的${sheetLabel(name)}中合并区域“${ref.slice(0, 40)}”无效，已损坏`, "invalid merged range");
    // Counted again here, on the refs as the tokenizer decoded them: the guard's byte scan can be told
    // another ref (one hidden in another attribute's value, or past its 4 KB look-ahead), and every
    // merged row costs the Grid below.
    budget.mergedCells += areaSize(a);
    if (budget.mergedCells > budget.limits.maxCells) {
      throw workbookLimitError(budget.fileName, "maxCells", budget.mergedCells, budget.limits.maxCells, `的${sheetLabel(name)}（合并区域“${ref.slice(0, 40)}”）`);
    }
    // The guard has counted every merged cell against maxCells, so marking them is bounded.
    if (areaSize(a) <= budget.limits.maxCells) {
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const k = r * 16_385 + c;
          if (covered.has(k)) throw corrupt(budget.fileName, `的${sheetLabel(name)}中合并区域“${ref.slice(0, 40)}”与另一合并区域重叠，已损坏`, "overlapping merged ranges");
          covered.add(k);
        }
      }
    }
    out.push({ r1: a.top - 1, c1: a.left - 1, r2: a.bottom - 1, c2: a.right - 1 });
  }
  out.sort((x, y) => x.r1 - y.r1 || x.c1 - y.c1);
  return out;
}

function toGridSheet(name: string, cells: Cells, mergeRefs: string[], links: Map<string, true>, budget: SheetBudget, hidden: boolean): GridSheet {
  const { limits } = budget;
  const maxRows = limits.maxRows;
  const merges = readMerges(name, mergeRefs, budget).filter((m) => m.r1 < maxRows && m.c1 < EXCEL_MAX_COLS);
  // Slaves of the merges inside the read area, by row: the Grid keeps only the master's value.
  const slaveRows = new Map<number, MergeRange[]>();
  for (const m of merges) {
    const r2 = Math.min(m.r2, maxRows - 1);
    for (let r = m.r1; r <= r2; r++) {
      const list = slaveRows.get(r);
      if (list) list.push(m);
      else slaveRows.set(r, [m]);
    }
  }
  const isSlave = (r: number, c: number): boolean => {
    const list = slaveRows.get(r);
    return !!list && list.some((m) => c >= m.c1 && c <= m.c2 && (r !== m.r1 || c !== m.c1));
  };
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
    if (budget.slots > limits.maxGridSlots) throw workbookLimitError(budget.fileName, "maxGridSlots", budget.slots, limits.maxGridSlots, `的${sheetLabel(name)}`);
  };
  const put = <T>(grid: T[][], r: number, c: number, v: T, empty: T) => {
    grow(grid, r + 1);
    while (grid.length <= r) grid.push([]);
    const gr = grid[r];
    grow(gr, c + 1);
    while (gr.length <= c) gr.push(empty);
    gr[c] = v;
  };
  let lastDropped = -1;
  for (const i of cells.order()) {
    const rowNumber = cells.row[i];
    const r = rowNumber - 1;
    if (r >= maxRows) {
      if (rowNumber !== lastDropped) {
        if (rowsDropped++ === 0) firstDroppedRow = rowNumber;
        lastDropped = rowNumber;
      }
      continue;
    }
    const c = cells.col[i];
    if (c >= EXCEL_MAX_COLS) {
      colsDropped++;
      continue;
    }
    if (slaveRows.size > 0 && isSlave(r, c)) continue;
    let value = cells.value[i];
    let formula = cells.formula[i];
    if (links.size > 0 && links.has(cells.address[i] ?? `${colName(c)}${rowNumber}`)) {
      value = hyperlinkText(value);
      formula = null;
    }
    const longest = Math.max(typeof value === "string" ? value.length : 0, formula?.length ?? 0);
    if (longest > limits.maxCellChars) {
      throw workbookLimitError(budget.fileName, "maxCellChars", longest, limits.maxCellChars, `的${sheetLabel(name)}单元格 ${colName(c)}${r + 1} `);
    }
    const fmt = cells.fmt[i];
    if (value === null && formula === null && fmt === null) continue;
    put(values, r, c, value, null);
    if (formula !== null) {
      anyFormula = true;
      put(formulas, r, c, formula, null);
    }
    if (fmt !== null) {
      anyFormat = true;
      put(formats, r, c, fmt, null);
    }
  }
  if (rowsDropped > 0) {
    budget.notice({
      severity: "warning",
      code: "rows-truncated",
      sheet: name,
      message: `${sheetLabel(name)}第 ${maxRows} 行以下还有 ${rowsDropped} 行内容（从第 ${firstDroppedRow} 行起），超出读取上限 maxRows，未读取（${rowsDropped} row(s) below row ${maxRows} not read: limit maxRows）`,
    });
  }
  if (colsDropped > 0) {
    budget.notice({
      severity: "warning",
      code: "columns-truncated",
      sheet: name,
      message: `${sheetLabel(name)}有 ${colsDropped} 个单元格位于 Excel 最大列 XFD 之外，未读取（${colsDropped} cell(s) beyond column XFD not read）`,
    });
  }
  const sheet: GridSheet = { name, values, merges };
  if (anyFormula) sheet.formulas = formulas;
  if (anyFormat) sheet.formats = formats;
  if (hidden) sheet.hidden = true;
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// Workbook

interface SheetEntry {
  name: string;
  sheetId: number;
  state: string | undefined;
  rid: string | undefined;
}

interface NameEntry {
  name: string;
  text: string;
}

function readWorkbookXml(data: Uint8Array, fileName?: string): { sheets: SheetEntry[]; names: NameEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  const names: NameEntry[] = [];
  let date1904 = false;
  let inName: string | null = null;
  let nameText = "";
  sax(data, "xl/workbook.xml", fileName, {
    open(_tn, a, n) {
      if (n === "sheet") {
        sheets.push({ name: a.get("name") ?? "", sheetId: parseInt(a.get("sheetId") ?? "", 10), state: a.get("state"), rid: relId(a) });
      } else if (n === "workbookPr") {
        const d = a.get("date1904");
        date1904 = d === "1" || d === "true";
      } else if (n === "definedName") {
        inName = a.get("name") ?? "";
        nameText = "";
      }
    },
    text(s) {
      if (inName !== null) nameText += s;
    },
    close(n) {
      if (n === "definedName" && inName !== null) {
        names.push({ name: inName, text: nameText });
        inName = null;
      }
    },
  });
  return { sheets, names, date1904 };
}

/** "'表 1'!$B$2,'表 1'!$C$2" → its references (sheet, area); constants and formulas give none. */
function nameRanges(text: string): { sheet: string | null; area: ReturnType<typeof parseArea> & object }[] {
  const out: { sheet: string | null; area: ReturnType<typeof parseArea> & object }[] = [];
  // Split on commas outside quotes.
  const items: string[] = [];
  if (text.indexOf(",") === -1) items.push(text);
  else {
    let from = 0;
    let q = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 39) q = !q;
      else if (ch === 44 && !q) {
        items.push(text.slice(from, i));
        from = i + 1;
      }
    }
    items.push(text.slice(from));
  }
  for (const item of items) {
    const m = /^(?:'((?:[^']|'')*)'|([^'!]*))!(.+)$/.exec(item.trim());
    const sheet = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : null;
    const ref = m ? m[3] : item.trim();
    const area = parseArea(ref);
    // Only absolute references ($B$2) name cells for good; a relative one moves with the active cell.
    if (area && area.abs) out.push({ sheet, area });
  }
  return out;
}

/**
 * Defined names → DefinedName[]: print areas and titles left out; a name defined twice (workbook and
 * sheet scope) keeps its last definition; the cells of a name's ranges are regrouped into rectangles
 * in reading order (sheet, row, column), as the exceljs-based reader reported them.
 */
function definedNames(entries: NameEntry[], limits: ReadLimits, fileName?: string): DefinedName[] {
  const byName = new Map<string, { sheet: string | null; area: NonNullable<ReturnType<typeof parseArea>> }[]>();
  for (const e of entries) {
    if (e.name === "_xlnm.Print_Area" || e.name === "_xlnm.Print_Titles") continue;
    byName.set(e.name, nameRanges(e.text));
  }
  // Bounded here, on the text as the tokenizer decoded it, as the guard means to: its regex pass never
  // sees a range written in CDATA, split by a comment or spelt with character references. Below, the
  // cells of a name with several ranges are marked one by one (a 2 KB file marked 17 billion cells);
  // exceljs, which seal and the page's exceptions export load the same bytes into, indexes every cell
  // of any name.
  let area = 0;
  for (const ranges of byName.values()) {
    for (const r of ranges) area += areaSize(r.area);
    if (area > limits.maxCells) throw workbookLimitError(fileName, "maxCells", area, limits.maxCells, "（定义名称引用的区域）");
  }
  const out: DefinedName[] = [];
  for (const [name, ranges] of byName) {
    if (ranges.length === 0) continue;
    // A name without a sheet keeps its `$` markers, as the exceljs-based reader reported it.
    const ref = (t: number, l: number, b: number, r: number, sheet: string | null) => {
      const d = sheet === null ? "$" : "";
      const cell = (row: number, col: number) => `${d}${colName(col - 1)}${d}${row}`;
      return t === b && l === r ? cell(t, l) : `${cell(t, l)}:${cell(b, r)}`;
    };
    if (ranges.length === 1) {
      const { sheet, area: a } = ranges[0];
      out.push({ name, sheet: sheet ?? null, ref: ref(a.top, a.left, a.bottom, a.right, sheet ?? null) });
      continue;
    }
    // Several ranges: mark their cells (the guard bounds the total area by maxCells) and grow rectangles.
    const sheets = new Map<string, Map<number, Set<number>>>();
    for (const { sheet, area } of ranges) {
      const key = sheet ?? "";
      let rowsOf = sheets.get(key);
      if (!rowsOf) sheets.set(key, (rowsOf = new Map()));
      for (let r = area.top; r <= area.bottom; r++) {
        let cols = rowsOf.get(r);
        if (!cols) rowsOf.set(r, (cols = new Set()));
        for (let c = area.left; c <= area.right; c++) cols.add(c);
      }
    }
    for (const [sheet, rowsOf] of sheets) {
      const has = (r: number, c: number) => rowsOf.get(r)?.has(c) ?? false;
      const take = (r: number, c: number) => rowsOf.get(r)?.delete(c);
      const order = [...rowsOf.keys()].sort((a, b) => a - b);
      for (const r0 of order) {
        for (const c0 of [...(rowsOf.get(r0) ?? [])].sort((a, b) => a - b)) {
          if (!has(r0, c0)) continue;
          take(r0, c0);
          let top = r0;
          let bottom = r0;
          while (has(top - 1, c0)) take(--top, c0);
          while (has(bottom + 1, c0)) take(++bottom, c0);
          const column = (c: number) => {
            for (let r = top; r <= bottom; r++) if (!has(r, c)) return false;
            for (let r = top; r <= bottom; r++) take(r, c);
            return true;
          };
          let left = c0;
          let right = c0;
          while (column(left - 1)) left--;
          while (column(right + 1)) right++;
          out.push({ name, sheet: sheet === "" ? null : sheet, ref: ref(top, left, bottom, right, sheet === "" ? null : sheet) });
        }
      }
    }
  }
  return out;
}

const WORKSHEET_REL = /\/worksheet$/;

/**
 * The guard's parts → Grid. Every sheet the workbook lists is read, or named in a notice
 * (code "sheet-not-read") saying why not. Throws WorkbookReadError only.
 */
export function gridFromParts(parts: Map<string, Uint8Array>, opts: ParseOptions): Grid {
  const { fileName, limits, notice } = opts;
  const wbXml = parts.get("xl/workbook.xml");
  if (!wbXml) throw corrupt(fileName, "已损坏：缺少工作簿部件 xl/workbook.xml", "missing xl/workbook.xml");
  const wb = readWorkbookXml(wbXml, fileName);
  const rels = readRels(parts, "xl/_rels/workbook.xml.rels", "xl/", fileName);
  const shared = readSharedStrings(parts.get("xl/sharedstrings.xml"), fileName);
  if (shared.length > limits.maxCells) throw workbookLimitError(fileName, "maxCells", shared.length, limits.maxCells, "的共享字符串");
  const styles = readStyles(parts.get("xl/styles.xml"), fileName);
  const budget: SheetBudget = { limits, fileName, slots: 0, mergedCells: 0, notice };
  const ctx: SheetContext = { shared, styles, date1904: wb.date1904, budget };
  const sheets: GridSheet[] = [];
  const used = new Map<string, string>();
  const seenIds = new Map<number, string>();
  // Worksheet bytes the pass will go through, so a caller can show a percentage.
  let total = 0;
  let done = 0;
  if (opts.onProgress) for (const r of rels.values()) if (!r.external && WORKSHEET_REL.test(r.type)) total += parts.get(r.target.toLowerCase())?.length ?? 0;
  const skip = (name: string, zh: string, en: string) =>
    notice({ severity: "warning", code: "sheet-not-read", sheet: name, message: `${sheetLabel(name)}${zh}，未读取（sheet not read: ${en}）` });
  for (const s of wb.sheets) {
    const prior = Number.isFinite(s.sheetId) ? seenIds.get(s.sheetId) : undefined;
    if (prior !== undefined) {
      // Excel numbers sheets uniquely; the sheet is still read (the old reader silently lost one of the two).
      notice({
        severity: "info",
        code: "duplicate-sheet-id",
        sheet: s.name,
        message: `${sheetLabel(s.name)}与${sheetLabel(prior)}的编号（sheetId ${s.sheetId}）相同，文件可能不是由 Excel/WPS 保存的；两张表都已读取（duplicate sheetId ${s.sheetId}: both sheets read）`,
      });
    } else if (Number.isFinite(s.sheetId)) seenIds.set(s.sheetId, s.name);
    const rel = s.rid !== undefined ? rels.get(s.rid) : undefined;
    if (!rel || rel.external) {
      skip(s.name, "在工作簿关系中找不到对应的数据部件", "no relationship for its r:id");
      continue;
    }
    if (!WORKSHEET_REL.test(rel.type)) {
      notice({
        severity: "info",
        code: "sheet-not-read",
        sheet: s.name,
        message: `${sheetLabel(s.name)}不是普通工作表（图表或对话框工作表），未读取（not a worksheet: ${clean(rel.type.split("/").pop() ?? "")}）`,
      });
      continue;
    }
    const key = rel.target.toLowerCase();
    const data = parts.get(key);
    if (!data && opts.entryNames?.has(key)) {
      // In the package but not among the XML parts the guard scanned (e.g. named .bin): never parsed unchecked.
      throw corrupt(fileName, `的${sheetLabel(s.name)}指向未经检查的部件 ${rel.target.slice(0, 60)}，疑为恶意构造，已拒绝读取`, "a worksheet part the guard did not check");
    }
    if (!data) {
      skip(s.name, `的数据部件 ${rel.target.slice(0, 60)} 在文件中不存在`, `part ${clean(rel.target.slice(0, 60))} missing`);
      continue;
    }
    if (!opts.sheetChecked.has(key)) {
      throw corrupt(fileName, `的${sheetLabel(s.name)}指向未经检查的部件 ${rel.target.slice(0, 60)}，疑为恶意构造，已拒绝读取`, "a worksheet part the guard did not check");
    }
    const twin = used.get(key);
    if (twin !== undefined) {
      skip(s.name, `与${sheetLabel(twin)}指向同一个数据部件 ${rel.target.slice(0, 60)}`, "shares its part with another sheet");
      continue;
    }
    used.set(key, s.name);
    const dir = rel.target.slice(0, rel.target.lastIndexOf("/") + 1);
    const base = rel.target.slice(dir.length);
    const sheetRels = readRels(parts, `${dir}_rels/${base}.rels`, dir, fileName);
    sheets.push(readSheet(s.name, rel.target, data, sheetRels, ctx, s.state === "hidden" || s.state === "veryHidden"));
    done += data.length;
    opts.onProgress?.(Math.min(done, total), total);
  }
  return { sheets, names: definedNames(wb.names, limits, fileName) };
}
