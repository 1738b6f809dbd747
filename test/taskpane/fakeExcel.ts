/**
 * A hand-written RECORDING FAKE of the slice of the Excel JavaScript API that src/taskpane/excel/officePort.ts uses.
 *
 * Unlike office-addin-mock it behaves like the real proxy model:
 *  - loads and writes are QUEUED and only applied on context.sync();
 *  - reading a property that was not loaded (and synced) THROWS PropertyNotLoaded;
 *  - every context.sync() is counted, every proxy object too, and answered in a later task (as over Excel's IPC);
 *  - each batch's request and response get a JSON-size estimate (UTF-8 bytes); a batch over the limit (5 MB, as on
 *    Excel on the web) fails with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded;
 *  - range writes must match the range's dimensions; getItem of a missing sheet fails at sync with ItemNotFound.
 *
 * SELF-CONTAINED ON PURPOSE (type-only imports): the browser e2e test transpiles this file and injects it into the
 * page as the `Office`/`Excel` globals, so the task pane runs its real OfficePort against it.
 */
import type { Grid } from "../../src/model/grid";

type OfficeValue = string | number | boolean;

interface SheetStore {
  /** Excel's worksheet id: stable across renames; getItem accepts it as well as the name. */
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  values: OfficeValue[][]; // "" for empty
  formulas: OfficeValue[][]; // "=…" for formulas, else the constant
  formats: string[][]; // "General" default
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  names: { name: string; formula: string }[];
  validations: { address: string; rule: unknown }[];
  /** Write-only settings (formats, validation details, conditional formats, panes) as { address, path, value }. */
  log: { address?: string; path: string; value: unknown }[];
  visibilitySet?: string;
  tabColor?: string;
}

export interface FakeStats {
  syncs: number;
  proxies: number;
  runs: number;
  batches: { requestBytes: number; responseBytes: number; ops: number; failed?: string }[];
  selections: { sheet: string; address: string }[];
  activated: string[];
  deleted: string[];
}

export interface FakeOptions {
  maxBatchBytes?: number;
  /** ExcelApi 1.x minor version the fake supports (default 17: everything the port uses). */
  apiMinor?: number;
}

export class FakeExcelError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

function colName(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
function parseCell(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/i.exec(ref.trim());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}
function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
/** UTF-8 bytes of a string's JSON text (quotes and escapes included). */
function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20) n += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
    else if (code === 0x22 || code === 0x5c) n += 2;
    else if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else if (code >= 0xd800 && code < 0xe000) n += 6; // a lone surrogate: JSON.stringify writes \udxxx
    else n += 3;
  }
  return n;
}
/**
 * UTF-8 size of JSON.stringify(x), computed without building the text (a 25,000-cell batch would otherwise cost a
 * multi-megabyte string per round trip, work Excel does in its own process, not on the page's thread).
 */
function jsonSize(x: unknown, inArray: boolean): number {
  if (x === null) return 4;
  switch (typeof x) {
    case "string":
      return stringBytes(x);
    case "number":
      return Number.isFinite(x) ? String(x).length : 4;
    case "boolean":
      return x ? 4 : 5;
    case "undefined":
    case "function":
    case "symbol":
      return inArray ? 4 : -1;
    case "bigint":
      throw new TypeError("Do not know how to serialize a BigInt");
  }
  const o = x as { toJSON?: () => unknown };
  if (typeof o.toJSON === "function") return jsonSize(o.toJSON(), inArray);
  if (Array.isArray(x)) {
    let n = 2 + Math.max(0, x.length - 1);
    for (let i = 0; i < x.length; i++) n += jsonSize(x[i], true);
    return n;
  }
  let n = 2;
  let first = true;
  for (const k of Object.keys(x as object)) {
    const v = jsonSize((x as Record<string, unknown>)[k], false);
    if (v < 0) continue;
    n += (first ? 0 : 1) + stringBytes(k) + 1 + v;
    first = false;
  }
  return n;
}
function bytes(x: unknown): number {
  const n = jsonSize(x, false);
  return n < 0 ? 0 : n;
}
const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());
function isoToSerial(iso: string): number {
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return t / 86400000 + 25569;
}

/** Grid (our neutral picture) → what Excel would hold. */
export function storeFromGrid(grid: Grid): SheetStore[] {
  return grid.sheets.map((s) => {
    const rows = s.values.length;
    let cols = 0;
    for (const r of s.values) if (r && r.length > cols) cols = r.length;
    const values: OfficeValue[][] = [];
    const formulas: OfficeValue[][] = [];
    const formats: string[][] = [];
    for (let r = 0; r < rows; r++) {
      const vr: OfficeValue[] = [];
      const fr: OfficeValue[] = [];
      const xr: string[] = [];
      for (let c = 0; c < cols; c++) {
        const v = s.values[r]?.[c] ?? null;
        const f = s.formulas?.[r]?.[c] ?? null;
        let fmt = s.formats?.[r]?.[c] ?? "General";
        let ov: OfficeValue = "";
        if (v === null) ov = "";
        else if (typeof v === "object" && "error" in v) ov = v.error;
        else if (typeof v === "object" && "date" in v) {
          ov = isoToSerial(v.date);
          if (fmt === "General") fmt = "yyyy-mm-dd";
        } else ov = v;
        vr.push(ov);
        fr.push(f ? `=${f}` : ov);
        xr.push(fmt);
      }
      values.push(vr);
      formulas.push(fr);
      formats.push(xr);
    }
    return {
      id: "",
      name: s.name,
      visibility: s.hidden ? "Hidden" : "Visible",
      values,
      formulas,
      formats,
      merges: s.merges.map((m) => ({ ...m })),
      names: [],
      validations: [],
      log: [],
    } as SheetStore;
  });
}

interface Op {
  request: unknown;
  run(): unknown; // returns the response part (for size), may throw FakeExcelError
}

class Ctx {
  queue: Op[] = [];
  /** Loaded data staged per batch; committed only when the batch succeeds. */
  staged: (() => void)[] = [];
  workbook: FakeWorkbook;
  application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
  constructor(public book: FakeBook) {
    this.workbook = new FakeWorkbook(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.queue.push({ request: { m: "suspendCalc" }, run: () => null }),
      suspendScreenUpdatingUntilNextSync: () => this.queue.push({ request: { m: "suspendScreen" }, run: () => null }),
    };
  }
  proxy(): void {
    this.book.stats.proxies++;
  }
  async sync(): Promise<void> {
    const stats = this.book.stats;
    stats.syncs++;
    const ops = this.queue;
    this.queue = [];
    // A round trip leaves the page's thread (Excel answers over IPC): the batch is answered in a later task, so
    // the page may paint between round trips as it does in Excel, instead of one task running the whole read.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const started = now();
    try {
      await this.answer(ops);
    } finally {
      this.book.work.push([started, now()]);
    }
  }
  /** Excel's side of a round trip (in Excel another process; here the page's thread, timed in book.work). */
  private async answer(ops: Op[]): Promise<void> {
    const stats = this.book.stats;
    this.staged = [];
    const requestBytes = ops.reduce((a, o) => a + bytes(o.request), 0);
    const batch: FakeStats["batches"][number] = { requestBytes, responseBytes: 0, ops: ops.length };
    stats.batches.push(batch);
    if (requestBytes > this.book.maxBatchBytes) {
      batch.failed = "RequestPayloadSizeLimitExceeded";
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `request ${requestBytes} bytes > ${this.book.maxBatchBytes}`);
    }
    let responseBytes = 0;
    for (const op of ops) {
      try {
        responseBytes += bytes(op.run());
      } catch (e) {
        batch.failed = (e as FakeExcelError).code ?? "Error";
        this.staged = [];
        throw e;
      }
    }
    batch.responseBytes = responseBytes;
    if (responseBytes > this.book.maxBatchBytes) {
      batch.failed = "ResponsePayloadSizeLimitExceeded";
      this.staged = [];
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `response ${responseBytes} bytes > ${this.book.maxBatchBytes}`);
    }
    for (const commit of this.staged) commit();
    this.staged = [];
  }
  trackedObjects = { add: () => undefined, remove: () => undefined };
}

/** Base of every proxy: loaded-property bookkeeping. */
class FakeObject {
  protected _loaded = new Set<string>();
  protected _data: Record<string, unknown> = {};
  protected _null: boolean | undefined = undefined;
  constructor(protected ctx: Ctx) {
    ctx.proxy();
  }
  protected _get<T>(p: string): T {
    if (!this._loaded.has(p)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this._data[p] as T;
  }
  get isNullObject(): boolean {
    if (this._null === undefined) throw new FakeExcelError("PropertyNotLoaded", "isNullObject is only known after context.sync()");
    return this._null;
  }
  /** Subclasses compute a property's current value (at sync time). */
  protected compute(_p: string): unknown {
    return undefined;
  }
  load(arg?: string | string[] | Record<string, unknown>): this {
    const props = parseLoad(arg);
    if (props.length === 0) throw new FakeExcelError("InvalidArgument", "load() without arguments loads everything; name the properties");
    this.ctx.queue.push({
      request: { m: "load", props },
      run: () => {
        const out: Record<string, unknown> = {};
        for (const p of props) out[p] = this.isNullSafe() ? null : this.compute(p);
        this.ctx.staged.push(() => {
          for (const p of props) {
            this._data[p] = out[p];
            this._loaded.add(p);
          }
        });
        return out;
      },
    });
    return this;
  }
  protected isNullSafe(): boolean {
    return this._null === true;
  }
  protected queueResolve(resolve: () => boolean): void {
    this.ctx.queue.push({
      request: { m: "resolve" },
      run: () => {
        const isNull = resolve();
        this.ctx.staged.push(() => (this._null = isNull));
        this._pendingNull = isNull;
        return null;
      },
    });
  }
  protected _pendingNull: boolean | undefined;
}

function parseLoad(arg?: string | string[] | Record<string, unknown>): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoad(a));
  const sel = (arg as { select?: string | string[] }).select;
  return sel ? parseLoad(sel) : Object.keys(arg);
}

class FakeWorkbook {
  worksheets: FakeWorksheets;
  names: FakeNames;
  constructor(private ctx: Ctx) {
    ctx.proxy();
    this.worksheets = new FakeWorksheets(ctx);
    this.names = new FakeNames(ctx, null);
  }
  insertWorksheetsFromBase64(): never {
    throw new FakeExcelError("NotImplemented", "insertWorksheetsFromBase64 is not part of the fake");
  }
}

class FakeWorksheets extends FakeObject {
  get items(): FakeWorksheet[] {
    return this._get("items");
  }
  protected override compute(p: string): unknown {
    if (p.startsWith("items/")) return undefined;
    return undefined;
  }
  override load(arg?: string | string[] | Record<string, unknown>): this {
    const props = parseLoad(arg);
    const itemProps = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    this.ctx.queue.push({
      request: { m: "load", on: "worksheets", props },
      run: () => {
        const sheets = this.ctx.book.sheets;
        const items = sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx, () => s);
          ws.preload(itemProps);
          return ws;
        });
        this.ctx.staged.push(() => {
          for (const ws of items) ws.commitPreload();
          this._data.items = items;
          this._loaded.add("items");
        });
        return sheets.map((s) => Object.fromEntries(itemProps.map((p) => [p, p === "name" ? s.name : p === "visibility" ? s.visibility : p === "id" ? s.id : null])));
      },
    });
    return this;
  }
  /** WorksheetCollection.onChanged (ExcelApi 1.9): the handler is registered when the batch syncs. */
  get onChanged(): { add(handler: (e: FakeChangedEvent) => unknown): { remove(): void } } {
    return {
      add: (handler) => {
        const book = this.ctx.book;
        if (book.apiMinor < 9) throw new FakeExcelError("ApiNotFound", "worksheets.onChanged needs ExcelApi 1.9");
        this.ctx.queue.push({ request: { m: "worksheets.onChanged.add" }, run: () => (book.handlers.push(handler), null) });
        return {
          remove: () => {
            book.handlers = book.handlers.filter((h) => h !== handler);
          },
        };
      },
    };
  }
  getItem(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.find(name);
      if (!s) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist. (sheet ${name})`);
      return s;
    });
    this.ctx.queue.push({ request: { m: "getItem", name }, run: () => (ws.resolveNow(), null) });
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.find(name);
      if (!s) throw new FakeExcelError("ItemNotFound", `sheet ${name}`);
      return s;
    });
    this.ctx.queue.push({
      request: { m: "getItemOrNullObject", name },
      run: () => {
        let isNull = false;
        try {
          ws.resolveNow();
        } catch {
          isNull = true;
        }
        ws.setPendingNull(isNull); // later ops of this batch (load, getUsedRange…) see a null object too
        this.ctx.staged.push(() => ws.setNull(isNull));
        return null;
      },
    });
    return ws;
  }
  add(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.sheets.find((x) => x.name === name);
      if (!s) throw new FakeExcelError("ItemNotFound", `sheet ${name}`);
      return s;
    });
    this.ctx.queue.push({
      request: { m: "add", name },
      run: () => {
        if (this.ctx.book.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase())) {
          throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} already exists`);
        }
        if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new FakeExcelError("InvalidArgument", `bad sheet name ${name}`);
        this.ctx.book.sheets.push({ id: this.ctx.book.newId(), name, visibility: "Visible", values: [], formulas: [], formats: [], merges: [], names: [], validations: [], log: [] });
        return null;
      },
    });
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.getItem(this.ctx.book.active ?? this.ctx.book.sheets[0]?.name ?? "");
  }
}

class FakeWorksheet extends FakeObject {
  private store: SheetStore | null = null;
  private pre: Record<string, unknown> | null = null;
  constructor(
    ctx: Ctx,
    private locate: () => SheetStore,
  ) {
    super(ctx);
  }
  resolveNow(): SheetStore {
    this.store ??= this.locate();
    return this.store;
  }
  setNull(v: boolean): void {
    this._null = v;
  }
  setPendingNull(v: boolean): void {
    this._pendingNull = v;
  }
  protected override isNullSafe(): boolean {
    return this._pendingNull === true || this._null === true;
  }
  preload(props: string[]): void {
    const s = this.resolveNow();
    this.pre = Object.fromEntries(props.map((p) => [p, p === "name" ? s.name : p === "visibility" ? s.visibility : p === "id" ? s.id : undefined]));
  }
  commitPreload(): void {
    if (!this.pre) return;
    for (const [k, v] of Object.entries(this.pre)) {
      this._data[k] = v;
      this._loaded.add(k);
    }
    this._null = false;
  }
  get name(): string {
    return this._get("name");
  }
  get id(): string {
    return this._get("id");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this.ctx.queue.push({ request: { m: "visibility", v }, run: () => ((this.resolveNow().visibility = v as SheetStore["visibility"]), null) });
  }
  /** Worksheet.position (ExcelApi 1.1): moves the sheet to this 0-based place among all sheets. */
  set position(v: number) {
    this.ctx.queue.push({
      request: { m: "position", v },
      run: () => {
        const s = this.resolveNow();
        const book = this.ctx.book;
        if (!Number.isInteger(v) || v < 0 || v >= book.sheets.length) throw new FakeExcelError("InvalidArgument", `bad position ${v}`);
        book.sheets = book.sheets.filter((x) => x !== s);
        book.sheets.splice(v, 0, s);
        return null;
      },
    });
  }
  set tabColor(v: string) {
    this.ctx.queue.push({ request: { m: "tabColor", v }, run: () => ((this.resolveNow().tabColor = v), null) });
  }
  get freezePanes(): any {
    return recorder(this.ctx, "freezePanes", () => ({ log: { push: (e: { path: string; value: unknown }) => this.resolveNow().log.push(e) } as unknown as SheetStore["log"] }));
  }
  private _names: FakeNames | null = null;
  get names(): FakeNames {
    this._names ??= new FakeNames(this.ctx, () => this.resolveNow());
    return this._names;
  }
  protected override compute(p: string): unknown {
    const s = this.resolveNow();
    if (p === "name") return s.name;
    if (p === "id") return s.id;
    if (p === "visibility") return s.visibility;
    throw new FakeExcelError("InvalidArgument", `worksheet property ${p} not in the fake`);
  }
  activate(): void {
    this.ctx.queue.push({
      request: { m: "activate" },
      run: () => {
        const s = this.resolveNow();
        this.ctx.book.active = s.name;
        this.ctx.book.stats.activated.push(s.name);
        return null;
      },
    });
  }
  delete(): void {
    this.ctx.queue.push({
      request: { m: "deleteSheet" },
      run: () => {
        const s = this.resolveNow();
        const book = this.ctx.book;
        if (!book.sheets.includes(s)) throw new FakeExcelError("ItemNotFound", `sheet ${s.name} was already deleted`);
        if (s.visibility === "Visible" && book.sheets.filter((x) => x.visibility === "Visible").length === 1) {
          throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        }
        book.sheets = book.sheets.filter((x) => x !== s);
        book.stats.deleted.push(s.name);
        if (book.active === s.name) book.active = book.sheets.find((x) => x.visibility === "Visible")?.name ?? null;
        return null;
      },
    });
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => this.resolveNow(), () => ({ r, c, rows, cols }), { m: "getRangeByIndexes", r, c, rows, cols });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.ctx,
      () => this.resolveNow(),
      () => {
        const [a, b] = (address ?? "").split(":");
        const p = parseCell(a ?? "");
        const q = parseCell(b ?? a ?? "");
        if (!p || !q) throw new FakeExcelError("InvalidArgument", `bad address ${address}`);
        return { r: Math.min(p.r, q.r), c: Math.min(p.c, q.c), rows: Math.abs(q.r - p.r) + 1, cols: Math.abs(q.c - p.c) + 1 };
      },
      { m: "getRange", address },
    );
  }
  private used(valuesOnly: boolean): { r: number; c: number; rows: number; cols: number } | null {
    const s = this.resolveNow();
    let r1 = Infinity,
      c1 = Infinity,
      r2 = -1,
      c2 = -1;
    const take = (r: number, c: number) => {
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    };
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = s.formulas[r]?.[c];
        if (v !== "" || (typeof f === "string" && f.startsWith("="))) take(r, c);
        else if (!valuesOnly && (s.formats[r]?.[c] ?? "General") !== "General") take(r, c);
      }),
    );
    if (!valuesOnly) {
      for (const m of s.merges) {
        take(m.r1, m.c1);
        take(m.r2, m.c2);
      }
    }
    if (r2 < 0) return null;
    return { r: r1, c: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => this.resolveNow(), () => this.used(valuesOnly), { m: "getUsedRangeOrNullObject", valuesOnly }, true);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => this.resolveNow(), () => this.used(valuesOnly) ?? { r: 0, c: 0, rows: 1, cols: 1 }, { m: "getUsedRange", valuesOnly });
  }
}

type Box = { r: number; c: number; rows: number; cols: number };

class FakeRange extends FakeObject {
  private box: Box | null = null;
  private sheet: SheetStore | null = null;
  constructor(
    ctx: Ctx,
    sheetOf: () => SheetStore,
    boxOf: () => Box | null,
    request: unknown,
    orNull = false,
  ) {
    super(ctx);
    ctx.queue.push({
      request,
      run: () => {
        try {
          this.sheet = sheetOf();
        } catch (e) {
          // A method of a null object (getItemOrNullObject of a missing sheet) gives a null object, as in Excel.
          if (!orNull) throw e;
          this.box = null;
          this.ctx.staged.push(() => (this._null = true));
          this._pendingNull = true;
          return null;
        }
        const b = boxOf();
        if (!b && !orNull) throw new FakeExcelError("ItemNotFound", "range not found");
        if (b && (b.rows <= 0 || b.cols <= 0 || b.r < 0 || b.c < 0)) throw new FakeExcelError("InvalidArgument", "bad range");
        this.box = b;
        const isNull = !b;
        this.ctx.staged.push(() => (this._null = isNull));
        this._pendingNull = isNull;
        return null;
      },
    });
  }
  protected override isNullSafe(): boolean {
    return this._pendingNull === true;
  }
  private need(): { s: SheetStore; b: Box } {
    if (!this.sheet || !this.box) throw new FakeExcelError("InvalidOperation", "range used before it was resolved or on a null object");
    return { s: this.sheet, b: this.box };
  }
  private slice<T>(m: T[][], fill: T): T[][] {
    const { b } = this.need();
    const out: T[][] = [];
    for (let i = 0; i < b.rows; i++) {
      const row: T[] = [];
      const src = m[b.r + i];
      for (let j = 0; j < b.cols; j++) {
        const v = src?.[b.c + j];
        row.push(v === undefined ? fill : v);
      }
      out.push(row);
    }
    return out;
  }
  protected override compute(p: string): unknown {
    const { s, b } = this.need();
    switch (p) {
      case "values":
        return this.slice(s.values, "");
      case "formulas":
        return this.slice(s.formulas, "");
      case "numberFormat":
        return this.slice(s.formats, "General");
      case "text": {
        // As Excel shows it: booleans in capitals, percentages formatted ("75%" for 0.75 under "0%").
        const fmts = this.slice(s.formats, "General");
        return this.slice(s.values, "" as OfficeValue).map((r, i) =>
          r.map((v, j) => {
            if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
            const f = fmts[i]?.[j] ?? "General";
            if (typeof v === "number" && /%/.test(f)) {
              const d = /\.(0+)%/.exec(f)?.[1].length ?? 0;
              return `${(v * 100).toFixed(d)}%`;
            }
            return String(v);
          }),
        );
      }
      case "rowIndex":
        return b.r;
      case "columnIndex":
        return b.c;
      case "rowCount":
        return b.rows;
      case "columnCount":
        return b.cols;
      case "address":
        return `${quote(s.name)}!${colName(b.c)}${b.r + 1}${b.rows > 1 || b.cols > 1 ? `:${colName(b.c + b.cols - 1)}${b.r + b.rows}` : ""}`;
      default:
        throw new FakeExcelError("InvalidArgument", `range property ${p} not in the fake`);
    }
  }
  get values(): OfficeValue[][] {
    return this._get("values");
  }
  get formulas(): OfficeValue[][] {
    return this._get("formulas");
  }
  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get address(): string {
    return this._get("address");
  }
  private write(prop: "values" | "formulas" | "numberFormat", data: unknown[][]): void {
    this.ctx.queue.push({
      request: { m: "set", prop, data },
      run: () => {
        const { s, b } = this.need();
        if (!Array.isArray(data) || data.length !== b.rows || data.some((r) => !Array.isArray(r) || r.length !== b.cols)) {
          throw new FakeExcelError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`);
        }
        const ensure = <T>(m: T[][], fill: T) => {
          while (m.length < b.r + b.rows) m.push([]);
          for (let i = 0; i < b.r + b.rows; i++) while (m[i].length < b.c + b.cols) m[i].push(fill);
        };
        ensure(s.values, "" as OfficeValue);
        ensure(s.formulas, "" as OfficeValue);
        ensure(s.formats, "General");
        for (let i = 0; i < b.rows; i++) {
          for (let j = 0; j < b.cols; j++) {
            const v = data[i][j] as OfficeValue;
            const r = b.r + i;
            const c = b.c + j;
            if (prop === "numberFormat") s.formats[r][c] = String(v);
            else if (typeof v === "string" && v.startsWith("=") && s.formats[r][c] !== "@") {
              s.formulas[r][c] = v;
              s.values[r][c] = 0; // the fake does not calculate
            } else {
              s.formulas[r][c] = v;
              s.values[r][c] = v;
            }
          }
        }
        return null;
      },
    });
  }
  set values(v: unknown[][]) {
    this.write("values", v);
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v);
  }
  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", v);
  }
  select(): void {
    this.ctx.queue.push({
      request: { m: "select" },
      run: () => {
        const { s, b } = this.need();
        const addr = `${colName(b.c)}${b.r + 1}${b.rows > 1 || b.cols > 1 ? `:${colName(b.c + b.cols - 1)}${b.r + b.rows}` : ""}`;
        this.ctx.book.stats.selections.push({ sheet: s.name, address: addr });
        return null;
      },
    });
  }
  merge(_across = false): void {
    this.ctx.queue.push({
      request: { m: "merge" },
      run: () => {
        const { s, b } = this.need();
        s.merges.push({ r1: b.r, c1: b.c, r2: b.r + b.rows - 1, c2: b.c + b.cols - 1 });
        return null;
      },
    });
  }
  /** Range.unmerge (ExcelApi 1.2): every merge that overlaps the range is undone. */
  unmerge(): void {
    this.ctx.queue.push({
      request: { m: "unmerge" },
      run: () => {
        const { s, b } = this.need();
        s.merges = s.merges.filter((m) => m.r2 < b.r || m.r1 >= b.r + b.rows || m.c2 < b.c || m.c1 >= b.c + b.cols);
        return null;
      },
    });
  }
  /** Range.clear (ExcelApi 1.1): "All"/"Contents" empty the cells, "All"/"Formats" reset number formats. */
  clear(applyTo: string = "All"): void {
    this.ctx.queue.push({
      request: { m: "clear", applyTo },
      run: () => {
        const { s, b } = this.need();
        for (let r = b.r; r < b.r + b.rows; r++) {
          for (let c = b.c; c < b.c + b.cols; c++) {
            if (applyTo === "All" || applyTo === "Contents") {
              if (s.values[r]?.[c] !== undefined) s.values[r][c] = "";
              if (s.formulas[r]?.[c] !== undefined) s.formulas[r][c] = "";
            }
            if ((applyTo === "All" || applyTo === "Formats") && s.formats[r]?.[c] !== undefined) s.formats[r][c] = "General";
          }
        }
        this.where().log.push({ path: "clear()", value: applyTo });
        return null;
      },
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (this.ctx.book.apiMinor < 13) throw new FakeExcelError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13");
    return new FakeRangeAreas(this.ctx, () => {
      const { s, b } = this.need();
      const inside = s.merges.filter((m) => m.r1 >= b.r && m.c1 >= b.c && m.r2 < b.r + b.rows && m.c2 < b.c + b.cols);
      if (!inside.length) return null;
      return inside.map((m) => `${quote(s.name)}!${colName(m.c1)}${m.r1 + 1}:${colName(m.c2)}${m.r2 + 1}`).join(",");
    });
  }
  /** Everything the port only writes (formats, validation, conditional formats) is recorded generically. */
  get dataValidation(): any {
    return recorder(this.ctx, "dataValidation", () => this.where());
  }
  get format(): any {
    return recorder(this.ctx, "format", () => this.where());
  }
  get conditionalFormats(): any {
    return recorder(this.ctx, "conditionalFormats", () => this.where());
  }
  set columnHidden(v: boolean) {
    this.ctx.queue.push({ request: { m: "columnHidden", v }, run: () => (this.where().log.push({ path: "columnHidden", value: v }), null) });
  }
  /** The sheet and address this range resolved to (for recorded writes). */
  where(): { sheet: SheetStore; address: string; log: SheetStore["log"] } {
    const { s, b } = this.need();
    const address = `${colName(b.c)}${b.r + 1}:${colName(b.c + b.cols - 1)}${b.r + b.rows}`;
    return {
      sheet: s,
      address,
      log: {
        push: (e: { path: string; value: unknown }) => s.log.push({ ...e, address }),
      } as unknown as SheetStore["log"],
    };
  }
}

/**
 * A write-only proxy: property sets and method calls anywhere below it are queued and, on sync, appended to the
 * sheet's log as { address, path, value }. Reading a leaf throws (the port never reads these back).
 */
function recorder(ctx: Ctx, path: string, where: () => { log: SheetStore["log"] }): any {
  ctx.proxy();
  const target = function () {
    /* callable target */
  };
  return new Proxy(target, {
    get(_t, prop) {
      if (typeof prop === "symbol") return undefined;
      if (prop === "then") return undefined;
      return recorder(ctx, `${path}.${prop}`, where);
    },
    set(_t, prop, value) {
      ctx.queue.push({
        request: { m: "set", path: `${path}.${String(prop)}`, value },
        run: () => {
          const rec = where();
          if (path.startsWith("dataValidation") && prop === "rule") {
            const w = rec as unknown as { sheet?: SheetStore; address?: string };
            w.sheet?.validations.push({ address: (w.address ?? "").replace(/^([A-Z]+\d+):\1$/, "$1"), rule: value });
          }
          rec.log.push({ path: `${path}.${String(prop)}`, value });
          return null;
        },
      });
      return true;
    },
    apply(_t, _this, args) {
      ctx.queue.push({
        request: { m: "call", path, args: args.map((a) => (typeof a === "object" ? "(object)" : a)) },
        run: () => {
          const rec = where();
          // DataValidation.clear (ExcelApi 1.8): the rules whose first cell lies in the range go.
          const w = rec as unknown as { sheet?: SheetStore; address?: string };
          if (path === "dataValidation.clear" && w.sheet && w.address) {
            const [a, b] = w.address.split(":").map((x) => parseCell(x));
            if (a && b) {
              w.sheet.validations = w.sheet.validations.filter((v) => {
                const p = parseCell(v.address.split(":")[0]);
                return !p || p.r < a.r || p.r > b.r || p.c < a.c || p.c > b.c;
              });
            }
          }
          rec.log.push({ path: `${path}()`, value: args.map((a) => (typeof a === "object" ? "(object)" : a)) });
          return null;
        },
      });
      return recorder(ctx, `${path}()`, where);
    },
  });
}

class FakeRangeAreas extends FakeObject {
  private addr: string | null = null;
  constructor(ctx: Ctx, compute: () => string | null) {
    super(ctx);
    ctx.queue.push({
      request: { m: "getMergedAreasOrNullObject" },
      run: () => {
        this.addr = compute();
        const isNull = this.addr === null;
        this._pendingNull = isNull;
        this.ctx.staged.push(() => (this._null = isNull));
        return null;
      },
    });
  }
  protected override isNullSafe(): boolean {
    return this._pendingNull === true;
  }
  protected override compute(p: string): unknown {
    if (p === "address") return this.addr;
    if (p === "areaCount") return this.addr ? this.addr.split(",").length : 0;
    throw new FakeExcelError("InvalidArgument", `RangeAreas property ${p} not in the fake`);
  }
  get address(): string {
    return this._get("address");
  }
}

class FakeNames extends FakeObject {
  constructor(
    ctx: Ctx,
    private sheetOf: (() => SheetStore) | null,
  ) {
    super(ctx);
  }
  private list(): { name: string; formula: string }[] {
    return this.sheetOf ? this.sheetOf().names : this.ctx.book.names;
  }
  get items(): { name: string; type: string; formula: string; value: string; visible: boolean }[] {
    return this._get("items");
  }
  override load(arg?: string | string[] | Record<string, unknown>): this {
    const props = parseLoad(arg);
    this.ctx.queue.push({
      request: { m: "load", on: "names", props },
      run: () => {
        if (props.includes("items/formula") && this.ctx.book.apiMinor < 7) throw new FakeExcelError("ApiNotFound", "NamedItem.formula needs ExcelApi 1.7");
        const items = this.list().map((n) => ({
          name: n.name,
          type: /!/.test(n.formula) ? "Range" : "String",
          formula: n.formula,
          value: n.formula.replace(/^=/, ""),
          visible: true,
        }));
        this.ctx.staged.push(() => {
          this._data.items = items;
          this._loaded.add("items");
        });
        return items;
      },
    });
    return this;
  }
  getItem(name: string): { delete(): void; formula: string } {
    this.ctx.proxy();
    const ctx = this.ctx;
    const find = () => {
      const list = this.list();
      const i = list.findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
      if (i < 0) throw new FakeExcelError("ItemNotFound", `name ${name} not found`);
      return { list, i };
    };
    return {
      get formula(): string {
        throw new FakeExcelError("PropertyNotLoaded", "NamedItem.formula: load the collection instead");
      },
      /** NamedItem.formula is writable (ExcelApi 1.7): the name now points elsewhere. */
      set formula(f: string) {
        ctx.queue.push({
          request: { m: "names.formula", name, f },
          run: () => {
            if (ctx.book.apiMinor < 7) throw new FakeExcelError("ApiNotFound", "NamedItem.formula needs ExcelApi 1.7");
            const { list, i } = find();
            list[i] = { ...list[i], formula: f };
            return null;
          },
        });
      },
      delete: () =>
        this.ctx.queue.push({
          request: { m: "names.delete", name },
          run: () => {
            const list = this.list();
            const i = list.findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
            if (i < 0) throw new FakeExcelError("ItemNotFound", `name ${name} not found`);
            list.splice(i, 1);
            return null;
          },
        }),
    };
  }
  add(name: string, reference: string | FakeRange): void {
    this.ctx.queue.push({
      request: { m: "names.add", name, reference: typeof reference === "string" ? reference : "(range)" },
      run: () => {
        const list = this.list();
        if (list.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeExcelError("ItemAlreadyExists", `name ${name} exists`);
        list.push({ name, formula: typeof reference === "string" ? reference : "=#REF!" });
        return null;
      },
    });
  }
}

/** What Excel passes to a WorksheetChanged handler (the fields the port reads). */
export interface FakeChangedEvent {
  worksheetId: string;
  address: string;
  changeType: string;
  source: "Local" | "Remote";
  type: "WorksheetChanged";
}

class FakeBook {
  private ids = 0;
  /** Registered worksheets.onChanged handlers. */
  handlers: ((e: FakeChangedEvent) => unknown)[] = [];
  /** A user's edit: set one cell's value (as typed) and fire onChanged like Excel does. */
  edit(sheet: string, address: string, value: string | number): void {
    const s = this.find(sheet);
    const p = parseCell(address);
    if (!s || !p) throw new FakeExcelError("ItemNotFound", `${sheet}!${address}`);
    while (s.values.length <= p.r) s.values.push([]);
    for (const grid of [s.values, s.formulas, s.formats]) {
      while (grid.length <= p.r) grid.push([]);
      const row = grid[p.r] as unknown[];
      while (row.length <= p.c) row.push(grid === s.formats ? "General" : "");
    }
    s.values[p.r][p.c] = value;
    s.formulas[p.r][p.c] = value;
    const e: FakeChangedEvent = { worksheetId: s.id, address, changeType: "RangeEdited", source: "Local", type: "WorksheetChanged" };
    for (const h of [...this.handlers]) void h(e);
  }
  /** A worksheet id in Excel's style ("{…}"), unique in this workbook. */
  newId(): string {
    this.ids++;
    return `{00000000-0000-0000-0000-${String(this.ids).padStart(12, "0")}}`;
  }
  /** getItem's lookup: by id, or by name (case-insensitive). */
  find(key: string): SheetStore | undefined {
    return this.sheets.find((x) => x.id === key) ?? this.sheets.find((x) => x.name.toLowerCase() === key.toLowerCase());
  }
  sheets: SheetStore[];
  names: { name: string; formula: string }[];
  active: string | null = null;
  /** [start, end] (performance.now) of every round trip's answer: the time Excel's side took on the page's thread. */
  work: [number, number][] = [];
  stats: FakeStats = { syncs: 0, proxies: 0, runs: 0, batches: [], selections: [], activated: [], deleted: [] };
  maxBatchBytes: number;
  apiMinor: number;
  constructor(grid: Grid, opts: FakeOptions) {
    this.sheets = storeFromGrid(grid);
    this.names = [];
    for (const n of grid.names) {
      const formula = n.sheet === null ? `=${n.ref}` : `=${quote(n.sheet)}!${n.ref.split(":").map((p) => p.replace(/^([A-Z]+)(\d+)$/i, "$$$1$$$2")).join(":")}`;
      this.names.push({ name: n.name, formula });
    }
    for (const s of this.sheets) s.id = this.newId();
    this.maxBatchBytes = opts.maxBatchBytes ?? 5 * 1024 * 1024;
    this.apiMinor = opts.apiMinor ?? 17;
    this.active = this.sheets[0]?.name ?? null;
  }
}

export interface FakeExcel {
  /** Drop-in for the `Excel` namespace slice the port uses. */
  Excel: { run<T>(cb: (ctx: any) => Promise<T>): Promise<T>; RequestContext: unknown };
  stats: FakeStats;
  /** The fake workbook's state (sheets as Excel holds them). */
  book: FakeBook;
  supports(version: string): boolean;
  resetStats(): void;
}

export function createFakeExcel(grid: Grid, opts: FakeOptions = {}): FakeExcel {
  const book = new FakeBook(grid, opts);
  const Excel = {
    async run<T>(cb: (ctx: any) => Promise<T>): Promise<T> {
      book.stats.runs++;
      const ctx = new Ctx(book);
      const result = await cb(ctx);
      if (ctx.queue.length) await ctx.sync(); // Excel.run's implicit final sync
      return result;
    },
    RequestContext: Ctx,
  };
  return {
    Excel,
    get stats() {
      return book.stats;
    },
    book,
    supports: (v: string) => {
      const [major, minor] = v.split(".").map(Number);
      return major === 1 && minor <= book.apiMinor;
    },
    resetStats() {
      book.stats = { syncs: 0, proxies: 0, runs: 0, batches: [], selections: [], activated: [], deleted: [] };
    },
  };
}

/** Browser e2e: install `Office` and `Excel` globals backed by the fake (before the page's scripts run). */
export function installFakeOffice(win: any, grid: Grid, opts: FakeOptions = {}): FakeExcel {
  const fake = createFakeExcel(grid, opts);
  win.Excel = fake.Excel;
  win.OfficeExtension = { Error: FakeExcelError };
  win.CustomFunctions = { associate: () => undefined };
  const info = { host: "Excel", platform: "OfficeOnline" };
  win.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    onReady: (cb?: (i: typeof info) => void) => {
      if (cb) setTimeout(() => cb(info), 0);
      return Promise.resolve(info);
    },
    context: { requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && fake.supports(v) } },
    actions: { associate: () => undefined },
  };
  win.__fakeExcel = fake;
  return fake;
}
