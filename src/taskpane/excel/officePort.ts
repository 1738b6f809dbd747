/**
 * WorkbookPort over Office.js. One Excel.run per user action; reads follow the split-loop pattern so the number of
 * context.sync() round trips does not grow with the number of sheets:
 *   sync 1  sheet list + workbook names
 *   sync 2  used range of every sheet (+ sheet-scoped names)
 *   sync 3… values / formulas / number formats / merged areas, in batches that stay under the 5 MB payload limit
 *           (one batch for ordinary workbooks; big sheets are cut by rows with getRangeByIndexes).
 * If Excel still refuses a batch as too large, that batch is split in two and retried.
 */
import type { CellValue, DefinedName, Grid, GridSheet, MergeRange } from "../../model/grid";
import type { SheetExtras, ValidationSpec } from "../../model/write/render";
import type { StyleRole } from "../../model/write/layout";
import { parseA1, quoteSheet } from "../../model/grid";
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

/** The slice of the `Excel` namespace the port uses (the real one, the recording fake, or office-addin-mock). */
export interface ExcelLike {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface OfficePortOptions {
  /** Max cells (× 3 properties) per read batch. ~25k cells stays well under 5 MB for these tables. */
  cellsPerBatch?: number;
  /** Requirement-set check, e.g. supports("1.13"). Defaults to Office.context.requirements. */
  supports?: (version: string) => boolean;
}

const DEFAULT_CELLS_PER_BATCH = 25_000;
/** Request or response bytes per round trip we aim for: under Excel's 5 MB payload limit with room to spare. */
const BATCH_BYTES = 4 * 1024 * 1024;

/** UTF-8 size of a JSON text (what a batch's payload costs). */
function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3;
  }
  return n;
}

/**
 * A long conversion on the pane's thread lets it paint: the returned check resolves after a turn of the event loop
 * once `budgetMs` have passed since the last turn, else it is null (no await, no cost).
 */
function timeSlicer(budgetMs: number): () => Promise<void> | null {
  let since = Date.now();
  return () => {
    if (Date.now() - since < budgetMs) return null;
    return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
      since = Date.now();
    });
  };
}

/** Excel's error values as they appear in `values`. */
const ERROR_RE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|TIMEOUT!)$/;

/** A number format that shows a date or time (ignoring quoted text, [colour]/[$-locale] blocks and escapes). */
const dateFormats = new Map<string, boolean>();
export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt || fmt === "General" || fmt === "@") return false;
  // A workbook has a handful of formats and a read looks at every number cell's: remember the answer.
  let known = dateFormats.get(fmt);
  if (known === undefined && dateFormats.size < 1000) dateFormats.set(fmt, (known = isDateFormatText(fmt)));
  return known ?? isDateFormatText(fmt);
}

function isDateFormatText(fmt: string): boolean {
  const bare = fmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "");
  return /[ymdhs]/i.test(bare) && !/^[#0.,%E+\- ]*$/i.test(bare);
}

/**
 * Excel serial day → ISO date (or date-time), UTC, 1900 date system; null outside Excel's dates (0 … 9999-12-31),
 * where Excel shows ##### and the number is kept as a number.
 */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  const ms = Math.round((serial - 25569) * 86400000);
  const iso = new Date(ms).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}

/** "Sheet1!A1:C3" / "'My sheet'!B2" → 0-based box; null for anything else. */
export function parseRangeAddress(address: string): MergeRange | null {
  const bang = address.lastIndexOf("!");
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const [a, b] = ref.split(":");
  const p = parseA1(a ?? "");
  const q = parseA1(b ?? a ?? "");
  if (!p || !q) return null;
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

/** Split a RangeAreas address ("S!A1:B2,S!C3:D4", sheet names may be quoted and contain commas) into areas. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      cur += ch;
    } else if (ch === "," && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** A defined name's formula ("=Sheet1!$C$5", "='表 1'!$C$5:$F$5", "=42") → DefinedName. */
export function toDefinedName(name: string, formula: string): DefinedName {
  const f = formula.replace(/^=/, "");
  const m = /^(?:'((?:[^']|'')+)'|([^!'"]+))!(.+)$/.exec(f);
  if (m) return { name, sheet: (m[1] ?? m[2]).replace(/''/g, "'"), ref: m[3].replace(/\$/g, "") };
  return { name, sheet: null, ref: f };
}

/** Excel parses text written through `values` ("001" → 1, "25%" → 0.25); such text gets the "@" format first. */
function looksParsedByExcel(s: string): boolean {
  return /^\s*[-+]?(\d[\d,]*\.?\d*|\.\d+)(E[-+]?\d+)?\s*%?\s*$/i.test(s) || /^\d{1,4}[-/年.]\d{1,2}([-/月.]\d{1,4}日?)?$/.test(s) || /^[=+@'-]/.test(s) || /^(TRUE|FALSE)$/i.test(s);
}


interface SheetPlan {
  index: number;
  name: string;
  hidden: boolean;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}
interface Chunk {
  sheet: SheetPlan;
  row0: number; // absolute row of the chunk's first row
  rows: number;
  withMerges: boolean;
}

/** Fingerprint of a sheet from its used range (loaded with "address,formulas" and synced); the sheet part of the address is dropped. */
function fingerprintOfUsed(used: Excel.Range): string {
  if (used.isNullObject) return fingerprintCells(null, null);
  const address = used.address;
  return fingerprintCells(address.slice(address.lastIndexOf("!") + 1), used.formulas);
}

function isPayloadError(e: unknown): boolean {
  const o = e as { code?: unknown; message?: unknown } | null;
  return !!o && /PayloadSizeLimitExceeded|payload/i.test(`${String(o.code ?? "")} ${String(o.message ?? "")}`);
}

export class OfficePort implements WorkbookPort {
  readonly kind = "office" as const;
  private readonly cellsPerBatch: number;
  private readonly supports: (version: string) => boolean;

  constructor(
    private readonly excel: ExcelLike,
    opts: OfficePortOptions = {},
  ) {
    this.cellsPerBatch = opts.cellsPerBatch ?? DEFAULT_CELLS_PER_BATCH;
    this.supports =
      opts.supports ??
      ((v: string) => {
        try {
          return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", v);
        } catch {
          return false;
        }
      });
  }

  async sheetNames(): Promise<string[]> {
    return this.excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  async readCellText(sheet: string, cell: string): Promise<string> {
    return this.excel.run(async (context) => {
      const cellRange = context.workbook.worksheets.getItem(sheet).getRange(cell.split(":")[0]);
      cellRange.load("text");
      await context.sync();
      const texts = cellRange.text;
      const t = texts?.[0]?.[0];
      return typeof t === "string" ? t : String(t ?? "");
    });
  }

  /** Sheet id → name as of the last read (change events carry ids). */
  private sheetIds = new Map<string, string>();
  private watchers: { names: Set<string>; onChange: (sheet: string) => void }[] = [];
  private listening = false;

  async watchSheets(names: string[], onChange: (sheet: string) => void): Promise<() => void> {
    const w = { names: new Set(names), onChange };
    this.watchers.push(w);
    return () => {
      this.watchers = this.watchers.filter((x) => x !== w);
    };
  }

  private onSheetChanged(e: { worksheetId?: string; triggerSource?: string }): void {
    // The pane's own writes (the seal's status cell) are not the user's edits: the pane knows what it wrote.
    if (e.triggerSource === "ThisLocalAddin") return;
    const name = e.worksheetId ? this.sheetIds.get(e.worksheetId) : undefined;
    if (!name) return;
    for (const w of this.watchers) if (w.names.has(name)) w.onChange(name);
  }

  async readWorkbook(onProgress?: (p: ReadProgress) => void, opts: { only?: string[] } = {}): Promise<Grid> {
    const withMerges = this.supports("1.13");
    const withFormula = this.supports("1.7");
    const only = opts.only ? new Set(opts.only) : null;
    return this.excel.run(async (ctx) => {
      onProgress?.({ fraction: 0.05, message: "正在读取工作表列表……", key: "progSheets" });
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility,items/id");
      // Edits to the sheets read make the pane's results stale: one collection-wide handler (ExcelApi 1.9),
      // registered in this same round trip, so watching costs no extra sync.
      if (!this.listening && this.supports("1.9")) {
        sheets.onChanged.add(async (e) => this.onSheetChanged(e));
        this.listening = true;
      }
      // NamedItem.formula is ExcelApi 1.7; older clients give the reference through `value` ("Sheet1!$A$1").
      const nameProps = this.supports("1.7") ? "items/name,items/type,items/formula,items/visible" : "items/name,items/type,items/value,items/visible";
      const wbNames = ctx.workbook.names;
      wbNames.load(nameProps);
      await ctx.sync(); // 1

      for (const ws of sheets.items) this.sheetIds.set(ws.id, ws.name);
      // A partial read (one project's sheet) keeps the workbook's order but only those sheets.
      const items = only ? sheets.items.filter((ws) => only.has(ws.name)) : sheets.items;
      const used = items.map((ws) => {
        const u = ws.getUsedRangeOrNullObject(true);
        u.load("rowIndex,columnIndex,rowCount,columnCount");
        return u;
      });
      const sheetNamesColl = items.map((ws) => {
        const n = ws.names;
        n.load(nameProps);
        return n;
      });
      onProgress?.({ fraction: 0.15, message: `正在确定 ${items.length} 个工作表的范围……`, key: "progRanges", params: { n: items.length } });
      await ctx.sync(); // 2

      const plans: SheetPlan[] = items.map((ws, i) => {
        const u = used[i];
        const empty = u.isNullObject;
        return {
          index: i,
          name: ws.name,
          hidden: ws.visibility !== "Visible",
          rowIndex: empty ? 0 : u.rowIndex,
          columnIndex: empty ? 0 : u.columnIndex,
          rowCount: empty ? 0 : u.rowCount,
          columnCount: empty ? 0 : u.columnCount,
        };
      });

      // Cut sheets into row chunks, then pack chunks into batches of at most cellsPerBatch cells.
      const chunks: Chunk[] = [];
      for (const p of plans) {
        if (p.rowCount === 0) continue;
        const rowsPerChunk = Math.max(1, Math.floor(this.cellsPerBatch / Math.max(1, p.columnCount)));
        for (let r = 0; r < p.rowCount; r += rowsPerChunk) {
          chunks.push({ sheet: p, row0: p.rowIndex + r, rows: Math.min(rowsPerChunk, p.rowCount - r), withMerges: r === 0 && withMerges });
        }
      }
      const batches: Chunk[][] = [];
      let cur: Chunk[] = [];
      let curCells = 0;
      for (const ch of chunks) {
        const cells = ch.rows * ch.sheet.columnCount;
        if (cur.length && curCells + cells > this.cellsPerBatch) {
          batches.push(cur);
          cur = [];
          curCells = 0;
        }
        cur.push(ch);
        curCells += cells;
      }
      if (cur.length) batches.push(cur);

      const out: GridSheet[] = plans.map((p) => {
        const s: GridSheet = { name: p.name, values: [], merges: [] };
        if (p.hidden) s.hidden = true;
        return s;
      });
      const hasFormula = new Set<number>();
      const hasFormat = new Set<number>();

      const runBatch = async (batch: Chunk[]): Promise<void> => {
        const queued = batch.map((ch) => {
          const ws = items[ch.sheet.index];
          const range = ws.getRangeByIndexes(ch.row0, ch.sheet.columnIndex, ch.rows, ch.sheet.columnCount);
          range.load("values,formulas,numberFormat");
          let merged: Excel.RangeAreas | null = null;
          if (ch.withMerges) {
            // The full used range (formats included) also covers merges that run past the last value.
            merged = ws.getUsedRange(false).getMergedAreasOrNullObject();
            merged.load("address");
          }
          return { ch, range, merged };
        });
        try {
          await ctx.sync();
        } catch (e) {
          // Excel refused the payload: split the batch (or the single chunk) and retry smaller pieces.
          if (!isPayloadError(e)) throw e;
          if (batch.length > 1) {
            const mid = Math.ceil(batch.length / 2);
            await runBatch(batch.slice(0, mid));
            await runBatch(batch.slice(mid));
            return;
          }
          const ch = batch[0];
          if (ch.rows <= 1) throw e;
          const half = Math.ceil(ch.rows / 2);
          await runBatch([{ ...ch, rows: half }]);
          await runBatch([{ ...ch, row0: ch.row0 + half, rows: ch.rows - half, withMerges: false }]);
          return;
        }
        // The answer is converted in slices of ~25 ms: the pane keeps painting during a long read.
        const slice = timeSlicer(25);
        for (const { ch, range, merged } of queued) {
          const si = ch.sheet.index;
          const sheet = out[si];
          const vals = range.values as unknown[][];
          const fmls = range.formulas as unknown[][];
          const fmts = range.numberFormat as unknown[][];
          for (let i = 0; i < ch.rows; i++) {
            const turn = slice();
            if (turn) await turn;
            const r = ch.row0 + i;
            for (let j = 0; j < ch.sheet.columnCount; j++) {
              const c = ch.sheet.columnIndex + j;
              const raw = vals?.[i]?.[j];
              const f = fmls?.[i]?.[j];
              const fmtRaw = fmts?.[i]?.[j];
              const fmt = typeof fmtRaw === "string" && fmtRaw !== "General" ? fmtRaw : null;
              const formula = typeof f === "string" && f.startsWith("=") && f !== raw ? f.slice(1) : null;
              let v: CellValue = null;
              if (typeof raw === "number") {
                const iso = isDateFormat(fmt) ? serialToIso(raw) : null;
                v = iso !== null ? { date: iso } : raw;
              }
              else if (typeof raw === "boolean") v = raw;
              else if (typeof raw === "string" && raw !== "") v = formula !== null && ERROR_RE.test(raw) ? { error: raw } : raw;
              if (v === null && formula === null && fmt === null) continue;
              while (sheet.values.length <= r) sheet.values.push([]);
              const vr = sheet.values[r];
              while (vr.length <= c) vr.push(null);
              vr[c] = v;
              if (formula !== null) {
                hasFormula.add(si);
                sheet.formulas ??= [];
                while (sheet.formulas.length <= r) sheet.formulas.push([]);
                const fr = sheet.formulas[r];
                while (fr.length <= c) fr.push(null);
                fr[c] = formula;
              }
              if (fmt !== null) {
                hasFormat.add(si);
                sheet.formats ??= [];
                while (sheet.formats.length <= r) sheet.formats.push([]);
                const xr = sheet.formats[r];
                while (xr.length <= c) xr.push(null);
                xr[c] = fmt;
              }
            }
          }
          if (merged && !merged.isNullObject && merged.address) {
            for (const area of splitAreas(merged.address)) {
              const m = parseRangeAddress(area);
              if (m && (m.r2 > m.r1 || m.c2 > m.c1)) sheet.merges.push(m);
            }
          }
        }
      };

      for (let b = 0; b < batches.length; b++) {
        onProgress?.({ fraction: 0.2 + (0.8 * b) / batches.length, message: `正在读取单元格（第 ${b + 1}/${batches.length} 批）……`, key: "progCells", params: { i: b + 1, n: batches.length } });
        await runBatch(batches[b]); // 3 (…)
      }

      for (const s of out) {
        s.merges.sort((x, y) => x.r1 - y.r1 || x.c1 - y.c1);
        // Grid contract: only the top-left of a merge holds a value (Excel already reports "" for the rest).
        for (const m of s.merges) {
          for (let r = m.r1; r <= m.r2; r++) {
            const row = s.values[r];
            if (!row) continue;
            for (let c = m.c1; c <= m.c2; c++) if ((r !== m.r1 || c !== m.c1) && c < row.length) row[c] = null;
          }
        }
      }

      const names: DefinedName[] = [];
      const addNames = (coll: Excel.NamedItemCollection) => {
        for (const n of coll.items) {
          if (n.visible === false) continue;
          const formula = withFormula ? n.formula : typeof n.value === "string" ? `=${n.value}` : null;
          if (typeof formula === "string") names.push(toDefinedName(n.name, formula));
        }
      };
      addNames(wbNames);
      sheetNamesColl.forEach(addNames);
      onProgress?.({ fraction: 1, message: `已读取 ${out.length} 个工作表`, key: "progRead", params: { n: out.length } });
      return { sheets: out, names };
    });
  }

  /** Create or overwrite the exceptions sheet: hidden, text cells; old rows past the new list are blanked. */
  async writeOwnSheet(sheet: GridSheet): Promise<void> {
    assertOwnSheet(sheet.name);
    await this.excel.run(async (ctx) => {
      const probe = { ws: ctx.workbook.worksheets.getItemOrNullObject(sheet.name) };
      probe.ws.load("name");
      await ctx.sync();
      const old = { rows: 0, cols: 0 };
      let ws: Excel.Worksheet;
      if (probe.ws.isNullObject) {
        ws = ctx.workbook.worksheets.add(sheet.name);
        ws.visibility = "Hidden" as Excel.SheetVisibility;
      } else {
        ws = probe.ws;
        const size = { used: ws.getUsedRangeOrNullObject(true) };
        size.used.load("rowCount,columnCount,rowIndex,columnIndex");
        await ctx.sync();
        if (!size.used.isNullObject) {
          old.rows = size.used.rowIndex + size.used.rowCount;
          old.cols = size.used.columnIndex + size.used.columnCount;
        }
      }
      const cols = Math.max(old.cols, ...sheet.values.map((r) => r?.length ?? 0), 1);
      const rows = Math.max(old.rows, sheet.values.length, 1);
      const text: string[][] = [];
      for (let r = 0; r < rows; r++) {
        const src = sheet.values[r] ?? [];
        text.push(Array.from({ length: cols }, (_, c) => (src[c] === null || src[c] === undefined ? "" : String(src[c]))));
      }
      const block = ws.getRangeByIndexes(0, 0, rows, cols);
      // Text format first, so a value such as "001" or "75%" stays the text it was accepted as.
      block.numberFormat = text.map((r) => r.map(() => "@"));
      block.values = text;
      await ctx.sync();
    });
  }

  /** The seal's write (loaded on first use: sealing is rare, the pane's first paint is not). */
  async writeSeal(write: SealSheetWrite): Promise<SealSheetWrite> {
    const { writeSealOffice } = await import(/* webpackChunkName: "office-seal" */ "./officeSeal");
    return writeSealOffice(this.excel, write);
  }

  async insertSheets(book: InsertBook): Promise<InsertResult> {
    return this.excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      const wbNames = ctx.workbook.names;
      wbNames.load("items/name");
      await ctx.sync();
      const names = freeSheetNames(
        book.grid.sheets.map((s) => s.name),
        sheets.items.map((s) => s.name),
      );
      const renamed = renameBook(book, names);
      const takenNames = new Set(wbNames.items.map((n) => n.name.toLowerCase()));

      // Batch sheets so each write request stays well under 5 MB; ordinary templates take a single batch.
      // Cut by cells and by the payload's size (long Chinese texts fill 5 MB with far fewer cells).
      const batches: GridSheet[][] = [];
      let cur: GridSheet[] = [];
      let cells = 0;
      let bytes = 0;
      for (const s of renamed.grid.sheets) {
        const n = s.values.reduce((a, r) => a + (r ? r.length : 0), 0);
        const b = jsonBytes(s.values) + jsonBytes(s.formulas ?? null) + jsonBytes(s.formats ?? null) + jsonBytes(renamed.extras?.[s.name] ?? null);
        if (cur.length && (cells + n > this.cellsPerBatch || bytes + b > BATCH_BYTES)) {
          batches.push(cur);
          cur = [];
          cells = 0;
          bytes = 0;
        }
        cur.push(s);
        cells += n;
        bytes += b;
      }
      if (cur.length) batches.push(cur);

      let first: Excel.Worksheet | null = null;
      const added: Excel.Worksheet[] = [];
      // New sheets go after `book.after` when asked (插入项目表: after the last project sheet), else at the end.
      const afterAt = book.after === undefined ? -1 : sheets.items.findIndex((x) => x.name.toLowerCase() === book.after!.toLowerCase());
      // Each sheet's fingerprint rides on its own batch's sync (its content is final then): no response grows
      // past the payload limit and no round trip is added.
      const probes: Excel.Range[] = [];
      for (const batch of batches) {
        // Only an optimisation; a missing API would fail the whole batch at sync, so ask first.
        if (this.supports("1.6")) ctx.application.suspendApiCalculationUntilNextSync();
        for (const s of batch) {
          const ws = sheets.add(s.name);
          if (afterAt >= 0) ws.position = afterAt + 1 + added.length;
          ws.load("id");
          added.push(ws);
          first ??= ws;
          this.queueSheetWrite(ws, s, renamed.extras?.[s.name]);
          if (s.hidden) ws.visibility = "Hidden" as Excel.SheetVisibility;
          const used = ws.getUsedRangeOrNullObject(true);
          used.load("address,formulas");
          probes.push(used);
        }
        await ctx.sync();
      }
      // Names last (they refer to the new sheets). Sheet-scoped, so a second template never collides.
      const definedNames: string[] = [];
      for (const d of renamed.grid.names) {
        if (d.sheet === null || !names.includes(d.sheet)) continue;
        const ws = sheets.getItem(d.sheet);
        const ref = `=${quoteSheet(d.sheet)}!${d.ref.split(":").map((p) => p.replace(/^([A-Z]+)(\d+)$/i, "$$$1$$$2")).join(":")}`;
        if (takenNames.has(d.name.toLowerCase())) ws.names.add(d.name, ref);
        else {
          ctx.workbook.names.add(d.name, ref);
          takenNames.add(d.name.toLowerCase());
          definedNames.push(d.name);
        }
      }
      first?.activate();
      await ctx.sync();
      const ids = added.map((ws) => ws.id);
      const fingerprints: Record<string, string> = {};
      ids.forEach((id, i) => {
        fingerprints[id] = fingerprintOfUsed(probes[i]);
        // What reading this sheet back costs, so inspectSheets can cut its reads under the payload limit.
        this.sizeHints.set(id, jsonBytes(probes[i].isNullObject ? null : probes[i].formulas));
      });
      return { names, ids, fingerprints, definedNames };
    });
  }

  /**
   * Two round trips: (1) the sheets, their used ranges and the names that may have to move; (2) clear them, write the
   * book's content, repoint the names and read the fingerprints back.
   */
  async rewriteSheets(book: InsertBook): Promise<RewriteResult> {
    const withFormula = this.supports("1.7");
    return this.excel.run(async (ctx) => {
      const wbNames = ctx.workbook.names;
      wbNames.load("items/name");
      const targets = book.grid.sheets.map((s) => {
        const ws = ctx.workbook.worksheets.getItem(s.name);
        ws.load("id");
        const old = ws.getUsedRangeOrNullObject(false);
        old.load("address");
        ws.names.load("items/name");
        return { s, ws, old };
      });
      await ctx.sync(); // 1 (a missing sheet fails here, before any write)
      if (this.supports("1.6")) ctx.application.suspendApiCalculationUntilNextSync();
      const probes: Excel.Range[] = [];
      for (const { s, ws, old } of targets) {
        if (!old.isNullObject) {
          // Unmerge first: a merge left behind would swallow the new cells under it.
          old.unmerge();
          old.clear("All" as Excel.ClearApplyTo);
          if (this.supports("1.6")) old.conditionalFormats.clearAll();
          if (this.supports("1.8")) old.dataValidation.clear();
        }
        this.queueSheetWrite(ws, s, book.extras?.[s.name]);
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("address,formulas");
        probes.push(used);
      }
      // The names on these sheets follow their cells (汇总's 合计 moves down a row per added project).
      const wbHave = new Set(wbNames.items.map((n) => n.name.toLowerCase()));
      for (const d of book.grid.names) {
        const t = targets.find((x) => x.s.name === d.sheet);
        if (!t || d.sheet === null) continue;
        const ref = `=${quoteSheet(d.sheet)}!${d.ref.split(":").map((p) => p.replace(/^([A-Z]+)(\d+)$/i, "$$$1$$$2")).join(":")}`;
        const onSheet = t.ws.names.items.some((n) => n.name.toLowerCase() === d.name.toLowerCase());
        if (onSheet && withFormula) t.ws.names.getItem(d.name).formula = ref;
        else if (wbHave.has(d.name.toLowerCase()) && withFormula) ctx.workbook.names.getItem(d.name).formula = ref;
        else if (!onSheet && !wbHave.has(d.name.toLowerCase())) ctx.workbook.names.add(d.name, ref);
      }
      await ctx.sync(); // 2
      const ids = targets.map((x) => x.ws.id);
      const fingerprints: Record<string, string> = {};
      ids.forEach((id, i) => {
        fingerprints[id] = fingerprintOfUsed(probes[i]);
        this.sizeHints.set(id, jsonBytes(probes[i].isNullObject ? null : probes[i].formulas));
      });
      return { ids, fingerprints };
    });
  }

  /** Read-back size of the sheets this port inserted (by id), to keep each inspection round trip small. */
  private readonly sizeHints = new Map<string, number>();

  async inspectSheets(ids: string[], definedNames: string[] = []): Promise<SheetInspection> {
    // One round trip for ordinary inserts; big ones (a whole department's import) are cut under the payload limit.
    const chunks: string[][] = [];
    let cur: string[] = [];
    let bytes = 0;
    for (const id of ids) {
      const b = this.sizeHints.get(id) ?? 0;
      if (cur.length && bytes + b > BATCH_BYTES) {
        chunks.push(cur);
        cur = [];
        bytes = 0;
      }
      cur.push(id);
      bytes += b;
    }
    chunks.push(cur);
    return this.excel.run(async (ctx) => {
      const wbNames = ctx.workbook.names;
      if (definedNames.length) wbNames.load("items/name");
      const all = ctx.workbook.worksheets;
      all.load("items/id,items/visibility");
      const fingerprints: Record<string, string | null> = {};
      const names: Record<string, string | null> = {};
      for (const chunk of chunks) {
        const probes = chunk.map((id) => {
          const ws = ctx.workbook.worksheets.getItemOrNullObject(id);
          ws.load("name");
          const used = ws.getUsedRangeOrNullObject(true);
          used.load("address,formulas");
          return { id, ws, used };
        });
        await ctx.sync(); // one per chunk (usually the only one)
        for (const { id, ws, used } of probes) {
          fingerprints[id] = ws.isNullObject ? null : fingerprintOfUsed(used);
          names[id] = ws.isNullObject ? null : ws.name;
        }
      }
      const asked = new Set(ids);
      const otherVisible = all.items.filter((ws) => !asked.has(ws.id) && ws.visibility === "Visible").length;
      const have = new Set(definedNames.length ? wbNames.items.map((x) => x.name.toLowerCase()) : []);
      return { fingerprints, names, otherVisible, definedNames: definedNames.filter((d) => have.has(d.toLowerCase())) };
    });
  }


  async deleteSheets(ids: string[], definedNames: string[] = []): Promise<void> {
    if (ids.length === 0 && definedNames.length === 0) return;
    await this.excel.run(async (ctx) => {
      // Names first: once their sheet is gone they would turn into #REF! names.
      for (const d of definedNames) ctx.workbook.names.getItem(d).delete();
      for (const id of ids) ctx.workbook.worksheets.getItem(id).delete();
      await ctx.sync(); // the only round trip
    });
  }

  private queueSheetWrite(ws: Excel.Worksheet, s: GridSheet, ex: SheetExtras | undefined): void {
    const rows = s.values.length;
    let cols = 0;
    for (const r of s.values) if (r && r.length > cols) cols = r.length;
    if (ex) {
      // Look first (fills, borders), so the values land in styled cells; widths in points (~6 pt per character).
      ex.columns.forEach((col, c) => {
        const colRange = ws.getRangeByIndexes(0, c, 1, 1);
        colRange.format.columnWidth = Math.round(col.width * 6);
        if (col.hidden) colRange.columnHidden = true;
      });
      for (const st of ex.styles) {
        const look = ROLE_LOOK[st.role];
        if (!look) continue;
        const fmt = ws.getRange(st.range).format;
        if (look.fill) fmt.fill.color = look.fill;
        if (look.bold) fmt.font.bold = true;
        if (look.color) fmt.font.color = look.color;
        if (look.wrap) fmt.wrapText = true;
      }
    }
    if (rows > 0 && cols > 0) {
      const fmts: string[][] = [];
      const data: (string | number | boolean)[][] = [];
      let anyFormat = false;
      for (let r = 0; r < rows; r++) {
        const fr: string[] = [];
        const dr: (string | number | boolean)[] = [];
        for (let c = 0; c < cols; c++) {
          const v = s.values[r]?.[c] ?? null;
          const f = s.formulas?.[r]?.[c] ?? null;
          let fmt = s.formats?.[r]?.[c] ?? "General";
          let out: string | number | boolean = "";
          if (f) out = `=${f}`;
          else if (v === null) out = "";
          else if (typeof v === "string") {
            out = v;
            if (fmt === "General" && looksParsedByExcel(v)) fmt = "@";
          } else if (typeof v === "number" || typeof v === "boolean") out = v;
          else if ("error" in v) out = v.error;
          else out = v.date;
          if (fmt !== "General") anyFormat = true;
          fr.push(fmt);
          dr.push(out);
        }
        fmts.push(fr);
        data.push(dr);
      }
      const target = ws.getRangeByIndexes(0, 0, rows, cols);
      // Formats first, so text stays text ("@") when the values land.
      if (anyFormat) target.numberFormat = fmts;
      target.formulas = data as unknown as string[][];
    }
    for (const m of s.merges) ws.getRangeByIndexes(m.r1, m.c1, m.r2 - m.r1 + 1, m.c2 - m.c1 + 1).merge(false);
    if (!ex) return;
    // Newer API sets are asked for first: an unknown call fails the whole batch at sync, not at the call.
    const dvOk = this.supports("1.8");
    const cfOk = this.supports("1.6");
    const paneOk = this.supports("1.7");
    for (const v of dvOk ? ex.validations : []) {
      const rule = validationRule(v);
      if (!rule) continue;
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = rule;
      dv.ignoreBlanks = v.allowBlank;
      if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
      if (v.error) {
        const style = v.errorStyle === "stop" ? "Stop" : v.errorStyle === "warning" ? "Warning" : "Information";
        dv.errorAlert = { showAlert: true, style: style as Excel.DataValidationAlertStyle, title: v.error.title, message: v.error.text };
      }
    }
    for (const cf of cfOk ? ex.conditionalFormats : []) {
      const look = CF_LOOK[cf.style];
      const added = ws.getRange(cf.range).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      added.custom.rule.formula = `=${cf.formula}`;
      added.custom.format.fill.color = look.fill;
      added.custom.format.font.color = look.color;
    }
    const fz = paneOk ? ex.freeze : undefined;
    if (fz && fz.rows > 0 && fz.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, fz.rows, fz.cols));
    else if (fz && fz.rows > 0) ws.freezePanes.freezeRows(fz.rows);
    else if (fz && fz.cols > 0) ws.freezePanes.freezeColumns(fz.cols);
    if (paneOk && ex.tabColor) ws.tabColor = `#${ex.tabColor.slice(-6)}`;
  }
}

/**
 * Minimal look per template role for sheets written through Office.js (the .xlsx writer has the full styles).
 * TODO(template owner): export the role → style table from src/model/write so both writers share it.
 */
const ROLE_LOOK: Partial<Record<StyleRole, { fill?: string; bold?: boolean; color?: string; wrap?: boolean }>> = {
  title: { bold: true, wrap: true },
  label: { fill: "#F2F2F2", wrap: true },
  header: { fill: "#DDEBF7", bold: true, wrap: true },
  input: { fill: "#FFFDE7", wrap: true },
  money: { fill: "#FFFDE7" },
  percent: { fill: "#FFFDE7" },
  number: { fill: "#FFFDE7" },
  check: { wrap: true },
  status: { bold: true, wrap: true },
  note: { color: "#595959", wrap: true },
  formula: { fill: "#F7F7F7", wrap: true },
  meta: { color: "#999999" },
};
const CF_LOOK: Record<"ok" | "bad" | "todo", { fill: string; color: string }> = {
  ok: { fill: "#C6EFCE", color: "#006100" },
  bad: { fill: "#FFC7CE", color: "#9C0006" },
  todo: { fill: "#FFEB9C", color: "#9C5700" },
};

const DV_OPERATOR: Record<string, string> = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
};

/** ValidationSpec (formulae without "=") → Office.js DataValidationRule. */
function validationRule(v: ValidationSpec): Excel.DataValidationRule | null {
  const f = (x: string | number | undefined) => (x === undefined ? undefined : typeof x === "number" ? x : `=${x}`);
  if (v.type === "list") {
    const src = v.formulae[0];
    if (src === undefined) return null;
    // A quoted literal ("a,b,c") is a plain list; anything else (a name, INDIRECT(...)) is a formula source.
    const source = typeof src === "string" && /^".*"$/.test(src) ? src.slice(1, -1) : `=${src}`;
    return { list: { inCellDropDown: true, source } };
  }
  const basic = {
    formula1: f(v.formulae[0]) as string | number,
    formula2: f(v.formulae[1]) as string | number | undefined,
    operator: (DV_OPERATOR[v.operator ?? "between"] ?? "Between") as Excel.DataValidationOperator,
  };
  if (basic.formula2 === undefined) delete basic.formula2;
  if (v.type === "decimal") return { decimal: basic };
  if (v.type === "whole") return { wholeNumber: basic };
  if (v.type === "textLength") return { textLength: basic };
  return null;
}
