/**
 * The gate in front of the reader (parse.ts). Workbooks arrive by e-mail from many hands, so before
 * anything parses a byte, this module:
 *  1. sniffs the container (legacy .xls / password-protected .xlsx, CSV or HTML renamed .xlsx,
 *     truncated download, a zip that is not a workbook, .xlsm with macros);
 *  2. parses the zip's central directory itself, normalises entry names (so `a/../xl/workbook.xml`
 *     and `XL\\Workbook.xml` are the part they resolve to) and refuses ambiguous packages and
 *     declared sizes and ratios over the limits;
 *  3. inflates EVERY part with a hard output cap equal to its declared size (declared sizes can lie:
 *     a part that inflates to more than it claims is refused at the first byte over), and hands the
 *     reader exactly these bytes, by normalised name — the reader inflates nothing itself;
 *  4. scans the XML it inflated — cells, rows, shared strings, elements, sheets, DTDs — so a
 *     "3 million tiny cells" sheet is refused in a linear byte scan before the reader allocates.
 * Pure TypeScript: no Node, no DOM beyond `DecompressionStream` (the default inflater, present in
 * browsers and in Node ≥ 20). Node callers may inject a faster inflater (see node-inflate.ts).
 */
import { DEFAULT_LIMITS, formatAmount, LIMIT_INFO, limitsFrom, RATIO_CHECK_MIN_BYTES, type LimitName, type ReadLimits } from "./limits";
import { areaSize, parseArea } from "./refs";

export type WorkbookReadErrorKind = "empty" | "not-xlsx" | "legacy-xls" | "encrypted" | "corrupt" | "limit";

/** Unreadable input. `message` is zh-CN first with a short English gloss in （…）; the CLI maps it to exit code 2. */
export class WorkbookReadError extends Error {
  readonly kind: WorkbookReadErrorKind;
  /** For kind "limit": which limit, what was measured, what is allowed. */
  readonly limit?: LimitName;
  readonly measured?: number;
  readonly allowed?: number;
  constructor(kind: WorkbookReadErrorKind, message: string, detail?: { limit: LimitName; measured: number; allowed: number }) {
    super(message);
    this.name = "WorkbookReadError";
    this.kind = kind;
    if (detail) {
      this.limit = detail.limit;
      this.measured = detail.measured;
      this.allowed = detail.allowed;
    }
  }
}

/** Something the caller may show next to the results (macros present, rows not read…). Never an error. */
export interface ReadNotice {
  severity: "info" | "warning";
  code: "macros" | "external-links" | "rows-truncated" | "columns-truncated" | "sheet-not-read" | "duplicate-sheet-id";
  /** zh-CN, then the English gloss in （…）. */
  message: string;
  sheet?: string;
}

/**
 * Raw-deflate inflater with a hard cap: resolves with the inflated bytes, or rejects with
 * InflateOverflow as soon as the output would exceed `maxOutputBytes` (any other rejection = corrupt data).
 */
export type Inflater = (raw: Uint8Array, maxOutputBytes: number) => Promise<Uint8Array>;

export class InflateOverflow extends Error {
  constructor() {
    super("inflated output exceeds the cap");
    this.name = "InflateOverflow";
  }
}

/** DecompressionStream("deflate-raw") with a running byte count that cancels the stream at the cap. */
export const webInflate: Inflater = async (raw, maxOutputBytes) => {
  const ds = new DecompressionStream("deflate-raw");
  const writer = ds.writable.getWriter();
  // Errors surface on the reader; keep the writer's promises from becoming unhandled rejections.
  writer.write(raw as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = ds.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxOutputBytes) {
      await reader.cancel().catch(() => undefined);
      throw new InflateOverflow();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// Messages

function who(fileName?: string): string {
  return fileName ? `“${fileName}”` : "该文件";
}

function limitError(fileName: string | undefined, limit: LimitName, measured: number, allowed: number, where = ""): WorkbookReadError {
  const info = LIMIT_INFO[limit];
  const zh =
    `${who(fileName)}${where}超出读取上限：${info.zh}为 ${formatAmount(limit, measured, "zh")}，上限为 ${formatAmount(limit, allowed, "zh")}` +
    `（读取上限 ${limit}）。为防止异常文件耗尽内存，已停止读取；如确认文件可信，可提高上限 ${limit} 后重试`;
  const en = `exceeds read limit ${limit}: ${info.en} ${formatAmount(limit, measured, "en")} > ${formatAmount(limit, allowed, "en")}; raise ${limit} if the file is trusted`;
  return new WorkbookReadError("limit", `${zh}（${en}）`, { limit, measured, allowed });
}

function corrupt(fileName: string | undefined, zh: string, en: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", `${who(fileName)}${zh}（${en}）`);
}

export { limitError as workbookLimitError };

/**
 * Refuse a file by its size alone, before its bytes are read into memory (the standalone page knows
 * `File.size` up front). Throws WorkbookReadError kind "limit".
 */
export function checkFileSize(size: number, opts?: { fileName?: string; limits?: Partial<ReadLimits> }): void {
  const limits = limitsFrom(opts?.limits);
  if (size > limits.maxFileBytes) throw limitError(opts?.fileName, "maxFileBytes", size, limits.maxFileBytes);
}

// ---------------------------------------------------------------------------------------------
// Container sniffing

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: ArrayLike<number>, at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  let i = hay.indexOf(first, from);
  while (i !== -1 && i + needle.length <= hay.length) {
    let ok = true;
    for (let k = 1; k < needle.length; k++) {
      if (hay[i + k] !== needle[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
    i = hay.indexOf(first, i + 1);
  }
  return -1;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** An OLE compound file: an encrypted OOXML package names its streams EncryptedPackage/EncryptionInfo. */
function oleError(bytes: Uint8Array, fileName?: string): WorkbookReadError {
  if (indexOfBytes(bytes, utf16le("EncryptedPackage")) !== -1 || indexOfBytes(bytes, utf16le("EncryptionInfo")) !== -1) {
    return new WorkbookReadError(
      "encrypted",
      `${who(fileName)}设置了打开密码（已加密），无法读取。请在 Excel/WPS 中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再试（password-protected workbook: remove the password and save as .xlsx）`,
    );
  }
  return new WorkbookReadError(
    "legacy-xls",
    `${who(fileName)}是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，不是 .xlsx 工作簿。请在 Excel/WPS 中打开，另存为 .xlsx（Excel 工作簿）后再试（legacy .xls or .et workbook: save it as .xlsx）`,
  );
}

/** Printable text in the first few KB (UTF-8, GBK, UTF-16 with BOM): CSV, TSV, HTML, XML. */
function textKind(bytes: Uint8Array): "html" | "xml-2003" | "json" | "csv" | "text" | null {
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  let sample = "";
  if (utf16) {
    for (let i = 2; i + 1 < head.length; i += 2) sample += String.fromCharCode(head[0] === 0xff ? head[i] | (head[i + 1] << 8) : (head[i] << 8) | head[i + 1]);
  } else {
    for (const b of head) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return null; // binary
      sample += b < 0x80 ? String.fromCharCode(b) : " ";
    }
  }
  const low = sample.toLowerCase();
  if (/<html|<table|<!doctype html|<meta\s/.test(low)) return "html";
  if (low.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml-2003";
  if (/^\s*[{[]\s*"/.test(sample)) return "json"; // jxmb export's canonical JSON, picked where a workbook belongs
  if (/[,\t;]/.test(sample)) return "csv";
  return "text";
}

function notZipError(bytes: Uint8Array, fileName?: string): WorkbookReadError {
  const kind = textKind(bytes);
  const f = who(fileName);
  switch (kind) {
    case "html":
      return new WorkbookReadError(
        "not-xlsx",
        `${f}实际上是网页（HTML）格式的表格（常见于从业务系统导出的“.xls/.xlsx”），不是真正的 .xlsx 工作簿。请用 Excel/WPS 打开后“另存为” Excel 工作簿（*.xlsx）再试（an HTML table renamed to .xlsx: open it in Excel or WPS and save as .xlsx）`,
      );
    case "xml-2003":
      return new WorkbookReadError(
        "not-xlsx",
        `${f}是 Excel 2003 XML 表格格式，不是 .xlsx 工作簿。请用 Excel/WPS 打开后“另存为” Excel 工作簿（*.xlsx）再试（an Excel 2003 XML spreadsheet: save it as .xlsx）`,
      );
    case "json":
      return new WorkbookReadError(
        "not-xlsx",
        `${f}是 JSON 文件（如导出的规范 JSON），不是 .xlsx 工作簿。要把它写回工作簿，请用“导入 JSON”或命令 jxmb import；比较两个版本可直接用“比较版本”或 jxmb diff（a JSON file, not an .xlsx workbook: import it with jxmb import, or compare versions with jxmb diff）`,
      );
    case "csv":
    case "text":
      return new WorkbookReadError(
        "not-xlsx",
        `${f}看起来是文本文件（如 CSV），不是 .xlsx 工作簿（可能只是改了扩展名）。请用 Excel/WPS 打开后“另存为” Excel 工作簿（*.xlsx）再试（looks like text or CSV, not an .xlsx workbook: open it in Excel or WPS and save as .xlsx）`,
      );
    default:
      if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
        return new WorkbookReadError("not-xlsx", `${f}是 PDF 文件，不是 .xlsx 工作簿，无法读取其中的表格（a PDF file, not an .xlsx workbook）`);
      }
      return new WorkbookReadError("not-xlsx", `${f}不是 .xlsx 工作簿（未识别的文件格式），请确认文件是否正确（not an .xlsx workbook）`);
  }
}

// ---------------------------------------------------------------------------------------------
// Zip central directory

export interface ZipEntry {
  /** As JSZip names it: the local header's name, without a leading "/". */
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the compressed data. */
  dataOffset: number;
}

class ZipFormatError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly truncated = false,
  ) {
    super(en);
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  const hi = u32(b, at + 4);
  if (hi > 0x1fffff) throw new ZipFormatError("ZIP64 数值超出范围", "ZIP64 value out of range");
  return hi * 0x100000000 + u32(b, at);
}

function lastSignature(b: Uint8Array, sig: number, before: number): number {
  const s0 = sig & 0xff;
  for (let i = b.lastIndexOf(s0, before); i >= 0; i = i === 0 ? -1 : b.lastIndexOf(s0, i - 1)) {
    if (i + 4 <= b.length && u32(b, i) === sig) return i;
  }
  return -1;
}

const utf8 = new TextDecoder("utf-8");

/** Unicode-path extra fields let JSZip rename an entry behind our back: not written by Excel/WPS, refused. */
const FORBIDDEN_EXTRA = new Set([0x7075, 0x6375]);

export function readZipDirectory(b: Uint8Array, maxEntries: number): ZipEntry[] {
  const eocd = lastSignature(b, SIG_EOCD, b.length - 22);
  if (eocd < 0) throw new ZipFormatError("找不到 ZIP 目录（文件结尾缺失）", "truncated: no end of central directory", true);
  if (eocd + 22 > b.length) throw new ZipFormatError("ZIP 目录被截断", "truncated end of central directory", true);
  let disk = u16(b, eocd + 4);
  let cdDisk = u16(b, eocd + 6);
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  let expectedEocd: number;
  const zip64 = disk === 0xffff || cdDisk === 0xffff || count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || u16(b, eocd + 8) === 0xffff;
  if (zip64) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== SIG_EOCD64_LOCATOR) throw new ZipFormatError("ZIP64 目录不完整", "missing ZIP64 locator", true);
    if (u32(b, loc + 16) > 1) throw new ZipFormatError("这是分卷压缩文件", "multi-volume zip");
    const at = u64(b, loc + 8);
    if (at + 56 > b.length || u32(b, at) !== SIG_EOCD64) throw new ZipFormatError("ZIP64 目录不完整", "bad ZIP64 end of central directory", true);
    disk = u32(b, at + 16);
    cdDisk = u32(b, at + 20);
    count = u64(b, at + 32);
    cdSize = u64(b, at + 40);
    cdOffset = u64(b, at + 48);
    expectedEocd = at;
    if (cdOffset + cdSize !== expectedEocd) throw new ZipFormatError("ZIP 目录位置不一致", "central directory offset mismatch");
  } else {
    expectedEocd = eocd;
  }
  if (disk !== 0 || cdDisk !== 0) throw new ZipFormatError("这是分卷压缩文件", "multi-volume zip");
  // JSZip shifts every offset when data was prepended; we refuse instead, so both read the same bytes.
  if (cdOffset + cdSize !== expectedEocd) {
    if (cdOffset + cdSize > expectedEocd) throw new ZipFormatError("ZIP 目录指向文件末尾之外", "central directory beyond end of file", true);
    throw new ZipFormatError("ZIP 目录前有多余数据", "unexpected data before the central directory");
  }
  if (count > maxEntries) {
    throw new ZipFormatError(`包含 ${count} 个部件，超过上限 ${maxEntries}（按读取上限 maxSheets × 10 + 1000 计）`, `${count} parts > ${maxEntries}, that is maxSheets x 10 + 1000`);
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  // Read while the signature matches, as JSZip does, then insist on the declared count.
  while (p + 46 <= b.length && u32(b, p) === SIG_CENTRAL) {
    if (entries.length >= maxEntries) throw new ZipFormatError(`包含的部件超过上限 ${maxEntries}`, `more than ${maxEntries} parts`);
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let csize = u32(b, p + 20);
    let usize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const extraStart = p + 46 + nameLen;
    const next = extraStart + extraLen + commentLen;
    if (next > b.length) throw new ZipFormatError("ZIP 目录被截断", "truncated central directory", true);
    for (let e = extraStart; e + 4 <= extraStart + extraLen; ) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (FORBIDDEN_EXTRA.has(id)) throw new ZipFormatError("ZIP 条目带有改名扩展字段（Excel/WPS 不会这样写）", "zip entry with a unicode-path extra field");
      if (id === 0x0001 && zip64) {
        let q = e + 4;
        if (usize === 0xffffffff) {
          usize = u64(b, q);
          q += 8;
        }
        if (csize === 0xffffffff) {
          csize = u64(b, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, q);
      }
      e += 4 + len;
    }
    if (usize === 0xffffffff || csize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipFormatError("ZIP 条目缺少大小信息", "zip entry without sizes");
    }
    if (localOffset + 30 > b.length || u32(b, localOffset) !== SIG_LOCAL) {
      throw new ZipFormatError("部件数据缺失", "local header missing", true);
    }
    const lNameLen = u16(b, localOffset + 26);
    const lExtraLen = u16(b, localOffset + 28);
    const dataOffset = localOffset + 30 + lNameLen + lExtraLen;
    if (dataOffset + csize > b.length) throw new ZipFormatError("部件数据被截断", "part data truncated", true);
    // JSZip names the entry from the LOCAL header; the central name must agree or the two readers differ.
    const cdName = b.subarray(p + 46, p + 46 + nameLen);
    const lName = b.subarray(localOffset + 30, localOffset + 30 + lNameLen);
    if (nameLen !== lNameLen || cdName.some((x, i) => x !== lName[i])) {
      throw new ZipFormatError("ZIP 目录与部件名称不一致", "central and local names differ");
    }
    let name = utf8.decode(lName);
    if (name.startsWith("/")) name = name.slice(1);
    entries.push({ name, flags, method, compressedSize: csize, uncompressedSize: usize, dataOffset });
    p = next;
  }
  if (entries.length !== count) throw new ZipFormatError(`ZIP 目录条目数不符（声明 ${count}，实际 ${entries.length}）`, "central directory count mismatch");
  return entries;
}

// ---------------------------------------------------------------------------------------------
// XML pre-scan: a linear byte scan, no parsing, no strings

interface XmlCounts {
  /** Elements other than cell content (c, v, f, t, row, si, is): styles, runs, hyperlinks, comments… */
  elements: number;
  cells: number;
  rows: number;
  si: number;
  sheets: number;
  externalRefs: number;
  merges: number;
  /** Cells covered by merged ranges (counted as cells: a merge over the whole sheet is not free). */
  mergedArea: number;
  /** Largest `<col max>`: past XFD the file is not from Excel. */
  maxCol: number;
  dtd: boolean;
}

const C_c = 0x63;
const C_v = 0x76;
const C_f = 0x66;
const C_t = 0x74;
const NAME_END = new Uint8Array(256);
for (const ch of [0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]) NAME_END[ch] = 1; // space, tab, LF, CR, '>', '/'
const DOCTYPE = ascii("DOCTYPE");
const ENTITY = ascii("ENTITY");

function localNameIs(b: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (b[start + k] !== name.charCodeAt(k)) return false;
  return true;
}

const ATTR_PATTERNS = new Map<string, RegExp>();

/** Bytes [from, to) as a string, one character per byte (Latin-1). */
function byteString(b: Uint8Array, from: number, to: number): string {
  let s = "";
  for (let k = from; k < to; k += 8192) s += String.fromCharCode.apply(null, b.subarray(k, Math.min(to, k + 8192)) as unknown as number[]);
  return s;
}

/** The value of attribute `name` in the tag starting at `from` (up to its '>'), or null. ASCII only. */
function attr(b: Uint8Array, from: number, name: string): string | null {
  const end = b.indexOf(0x3e, from);
  const stop = end === -1 ? Math.min(b.length, from + 4096) : Math.min(end, from + 4096);
  // Fast path for what Excel writes (`<mergeCell ref="A1:B2"/>`): the attribute right after the element
  // name, with one space before it and no spaces around "=". The pattern below would match here first too.
  const q = from + 1 + name.length + 1;
  if (b[from] === 0x20 && q < stop && b[q - 1] === 0x3d && (b[q] === 0x22 || b[q] === 0x27) && localNameIs(b, from + 1, q - 1, name)) {
    for (let k = q + 1; k < stop; k++) {
      if (b[k] === 0x22 || b[k] === 0x27) return byteString(b, q + 1, k);
    }
  }
  let re = ATTR_PATTERNS.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`);
    ATTR_PATTERNS.set(name, re);
  }
  const m = re.exec(byteString(b, from, stop));
  return m ? m[1] : null;
}

/** Cells in an A1 range ("B2:D9" → 24); an unreadable ref counts as huge so it cannot sneak past the limit. */
function refArea(ref: string | null): number {
  if (!ref) return 0;
  const a = parseArea(ref);
  return a ? areaSize(a) : Number.MAX_SAFE_INTEGER / 4;
}

/**
 * The next `<` at or after `from`, or -1: a few bytes by a plain loop (tags are mostly close together,
 * and a call to the typed array's indexOf costs a few hundred instructions before it reads a byte),
 * then indexOf (long text is slow to walk while this code is still interpreted).
 */
function nextLt(b: Uint8Array, from: number): number {
  const n = b.length;
  const near = Math.min(n, from + 16);
  let i = from;
  while (i < near && b[i] !== 0x3c) i++;
  if (i < near) return i;
  return near === n ? -1 : b.indexOf(0x3c, near);
}

export function scanXml(b: Uint8Array): XmlCounts {
  const out: XmlCounts = { elements: 0, cells: 0, rows: 0, si: 0, sheets: 0, externalRefs: 0, merges: 0, mergedArea: 0, maxCol: 0, dtd: false };
  const n = b.length;
  let i = b.indexOf(0x3c);
  while (i !== -1 && i + 1 < n) {
    const c1 = b[i + 1];
    if (c1 === 0x21) {
      // <!DOCTYPE …> / <!ENTITY …>: OOXML forbids DTDs; entity expansion is the classic XML bomb.
      if (startsWith(b, DOCTYPE, i + 2) || startsWith(b, ENTITY, i + 2)) out.dtd = true;
      i = b.indexOf(0x3c, i + 2);
      continue;
    }
    if (c1 === 0x2f || c1 === 0x3f) {
      i = nextLt(b, i + 2);
      continue;
    }
    let j = i + 1;
    let local = j;
    const stop = Math.min(n, j + 128);
    while (j < stop && !NAME_END[b[j]]) {
      if (b[j] === 0x3a) local = j + 1; // namespace prefix "x:"
      j++;
    }
    const len = j - local;
    // Cell content (c, v, f, t, row, si, is) is bounded by maxCells; everything else counts as an element.
    let content = false;
    if (len === 1) {
      const ch = b[local];
      if (ch === C_c) out.cells++;
      content = ch === C_c || ch === C_v || ch === C_f || ch === C_t;
    } else if (len === 3) {
      if (localNameIs(b, local, j, "row")) {
        out.rows++;
        content = true;
      }
    } else if (len === 2) {
      if (localNameIs(b, local, j, "si")) {
        out.si++;
        content = true;
      } else content = localNameIs(b, local, j, "is");
    } else if (len === 5) {
      if (localNameIs(b, local, j, "sheet")) out.sheets++;
    } else if (len === 17) {
      if (localNameIs(b, local, j, "externalReference")) out.externalRefs++;
    } else if (len === 9) {
      if (localNameIs(b, local, j, "mergeCell")) {
        out.merges++;
        out.mergedArea += refArea(attr(b, j, "ref"));
      }
    }
    if (!content) out.elements++;
    if (len === 3 && localNameIs(b, local, j, "col")) {
      const max = Number(attr(b, j, "max") ?? "0");
      out.maxCol = Math.max(out.maxCol, Number.isFinite(max) ? max : Number.MAX_SAFE_INTEGER);
    }
    i = nextLt(b, j);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The guard

export interface GuardOptions {
  limits?: ReadLimits;
  fileName?: string;
  /** Defaults to webInflate (DecompressionStream), available in browsers and Node ≥ 20. */
  inflate?: Inflater;
}

export interface GuardReport {
  parts: number;
  /**
   * The XML parts the guard inflated and scanned, keyed by normalised name in lower case (OPC part
   * names are case-insensitive). The reader reads these bytes and nothing else.
   */
  xml: Map<string, Uint8Array>;
  /** Parts (same keys) that went through the per-worksheet checks (rows, merges, columns). */
  sheetChecked: Set<string>;
  /** Every entry of the package (same keys), scanned or not. */
  entryNames: Set<string>;
  /** Verified: the sum of the real inflated sizes. */
  uncompressedBytes: number;
  cells: number;
  sheets: number;
  macros: boolean;
  externalLinks: number;
  notices: ReadNotice[];
}

/** Where worksheets live by convention; a worksheet elsewhere is found through the workbook's relationships. */
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const MAX_COLUMNS = 16_384;
const XML_PART = /\.(xml|rels|vml)$/i;

function entriesCap(limits: ReadLimits): number {
  // A workbook has a handful of parts per sheet (sheet, rels, drawing, comments, printer settings).
  return limits.maxSheets * 10 + 1000;
}

/**
 * Check `bytes` against `limits` before anything parses them. Throws WorkbookReadError (zh-CN, naming the file and,
 * for limits, the limit, the measured and the allowed value); returns what it learnt.
 */
export async function guardWorkbook(bytes: Uint8Array, opts: GuardOptions = {}): Promise<GuardReport> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const fileName = opts.fileName;
  const inflate = opts.inflate ?? webInflate;
  // A Node Buffer becomes a plain view (stored parts are subarrays of it; Buffer's subarray and indexOf are slow wrappers).
  if (bytes.constructor !== Uint8Array) bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length === 0) throw new WorkbookReadError("empty", `${who(fileName)}是空文件（0 字节），无法读取（empty file）`);
  if (bytes.length > limits.maxFileBytes) throw limitError(fileName, "maxFileBytes", bytes.length, limits.maxFileBytes);
  if (startsWith(bytes, OLE_MAGIC)) throw oleError(bytes, fileName);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw notZipError(bytes, fileName);

  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, entriesCap(limits));
  } catch (e) {
    if (e instanceof ZipFormatError) {
      if (e.truncated) {
        throw new WorkbookReadError(
          "corrupt",
          `${who(fileName)}已损坏（文件不完整）：${e.zh}。可能是下载或传输中断，请重新下载或让对方重新发送（incomplete file, ${e.en}）`,
        );
      }
      throw corrupt(fileName, `已损坏或不是有效的 .xlsx 工作簿：${e.zh}`, `corrupt workbook, ${e.en}`);
    }
    throw e;
  }

  entries = normaliseNames(entries, fileName);
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (!names.has("xl/workbook.xml")) {
    const f = who(fileName);
    if (names.has("word/document.xml")) throw new WorkbookReadError("not-xlsx", `${f}是 Word 文档，不是 Excel 工作簿（a Word document, not an .xlsx workbook）`);
    if ([...names].some((n) => n.startsWith("ppt/"))) throw new WorkbookReadError("not-xlsx", `${f}是 PowerPoint 演示文稿，不是 Excel 工作簿（a PowerPoint file, not an .xlsx workbook）`);
    if (names.has("content.xml") && names.has("mimetype")) {
      throw new WorkbookReadError("not-xlsx", `${f}是 OpenDocument（.ods）格式，请用 WPS/LibreOffice 另存为 Excel 工作簿（*.xlsx）再试（an OpenDocument file: save it as .xlsx）`);
    }
    throw new WorkbookReadError("not-xlsx", `${f}是压缩包（zip），但其中没有 Excel 工作簿内容（xl/workbook.xml）（a zip archive that is not an .xlsx workbook）`);
  }

  const notices: ReadNotice[] = [];
  const macros = names.has("xl/vbaproject.bin");
  if (macros) {
    notices.push({
      severity: "info",
      code: "macros",
      message: `${who(fileName)}包含宏（VBA）。本工具只读取单元格数据，不会运行宏（contains VBA macros; only cell data is read, macros are never run）`,
    });
  }

  // 1. Declared sizes, before inflating anything.
  let declaredTotal = 0;
  let sheetParts = 0;
  for (const e of entries) {
    if (e.flags & 0x1) {
      throw new WorkbookReadError("encrypted", `${who(fileName)}的压缩包部件已加密，无法读取（encrypted zip entry: ${e.name.slice(0, 60)}）`);
    }
    if (e.method !== 0 && e.method !== 8) throw corrupt(fileName, `使用了不支持的压缩方式（${e.method}），无法读取`, `unsupported compression method ${e.method}`);
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize) throw corrupt(fileName, "的 ZIP 条目大小不一致，已损坏", "stored entry size mismatch");
    if (e.uncompressedSize > limits.maxPartBytes) throw limitError(fileName, "maxPartBytes", e.uncompressedSize, limits.maxPartBytes, `（部件 ${e.name.slice(0, 60)}）`);
    if (e.uncompressedSize >= RATIO_CHECK_MIN_BYTES) {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (ratio > limits.maxCompressionRatio) {
        throw limitError(fileName, "maxCompressionRatio", Math.round(ratio * 10) / 10, limits.maxCompressionRatio, `（部件 ${e.name.slice(0, 60)}）`);
      }
    }
    declaredTotal += e.uncompressedSize;
    if (SHEET_PART.test(e.name)) sheetParts++;
  }
  if (declaredTotal > limits.maxUncompressedBytes) throw limitError(fileName, "maxUncompressedBytes", declaredTotal, limits.maxUncompressedBytes);
  if (sheetParts > limits.maxSheets) throw limitError(fileName, "maxSheets", sheetParts, limits.maxSheets);

  // 2. Inflate every part with the declared size as a hard cap, and scan the XML.
  // The workbook and sheets first: the cheapest way to a refusal is the part most likely to trip a limit.
  const order = [...entries].sort((a, b) => rank(a.name) - rank(b.name));
  let total = 0;
  let cells = 0;
  let elements = 0;
  let sheets = 0;
  let externalRefs = 0;
  const xml = new Map<string, Uint8Array>();
  const sheetChecked = new Set<string>();
  const sheetTargets = new Set<string>();
  for (const e of order) {
    if (e.name.endsWith("/") && e.uncompressedSize === 0) continue; // directory
    const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let data: Uint8Array;
    if (e.method === 0) {
      data = raw;
    } else {
      try {
        data = await inflate(raw, e.uncompressedSize);
      } catch (err) {
        if (err instanceof InflateOverflow) {
          throw corrupt(
            fileName,
            `的部件 ${e.name.slice(0, 60)} 解压后超过其声明的大小（${formatAmount("maxPartBytes", e.uncompressedSize, "zh")}），疑为恶意构造的“压缩炸弹”，已停止读取`,
            `part inflates beyond its declared size: possible zip bomb`,
          );
        }
        throw corrupt(fileName, `已损坏：部件 ${e.name.slice(0, 60)} 无法解压`, `corrupt workbook: cannot inflate a part`);
      }
    }
    if (data.byteLength > e.uncompressedSize) {
      throw corrupt(fileName, `的部件 ${e.name.slice(0, 60)} 解压后超过其声明的大小，疑为恶意构造的“压缩炸弹”，已停止读取`, "part inflates beyond its declared size: possible zip bomb");
    }
    total += data.byteLength;
    if (!XML_PART.test(e.name)) continue;
    const key = e.name.toLowerCase();
    xml.set(key, data);
    const counts = scanXml(data);
    if (counts.dtd) {
      throw corrupt(fileName, `的部件 ${e.name.slice(0, 60)} 含有 DTD/实体声明（.xlsx 不允许，常见于 XML 炸弹），已拒绝读取`, "XML part with a DTD: refused");
    }
    elements += counts.elements;
    if (elements > limits.maxXmlElements) throw limitError(fileName, "maxXmlElements", elements, limits.maxXmlElements);
    if (SHEET_PART.test(e.name) || sheetTargets.has(key)) {
      sheetChecked.add(key);
      const where = `（部件 ${e.name.slice(0, 60)}）`;
      if (counts.maxCol > MAX_COLUMNS) {
        throw corrupt(fileName, `${where}定义了 ${counts.maxCol} 列，超过 Excel 的最大列数 16384，已损坏或被恶意构造`, "column definition beyond XFD");
      }
      // A styled "million-row used range" costs parse time even when empty: refuse past maxRows.
      if (counts.rows > limits.maxRows) throw limitError(fileName, "maxRows", counts.rows, limits.maxRows, where);
      if (counts.merges > limits.maxMerges) throw limitError(fileName, "maxMerges", counts.merges, limits.maxMerges, where);
      cells += counts.cells + counts.mergedArea;
      if (cells > limits.maxCells) throw limitError(fileName, "maxCells", cells, limits.maxCells);
    } else if (key === "xl/_rels/workbook.xml.rels") {
      for (const t of worksheetTargets(data)) sheetTargets.add(t);
    } else if (key === "xl/sharedstrings.xml") {
      if (counts.si > limits.maxCells) throw limitError(fileName, "maxCells", counts.si, limits.maxCells, "的共享字符串");
    } else if (key === "xl/workbook.xml") {
      sheets = counts.sheets;
      externalRefs = counts.externalRefs;
      if (sheets > limits.maxSheets) throw limitError(fileName, "maxSheets", sheets, limits.maxSheets);
      checkSheetNames(data, fileName);
      // The cells of defined-name rectangles count like cells: the reader regroups a name's ranges cell by cell.
      const named = definedNameArea(data);
      if (named > limits.maxCells) throw limitError(fileName, "maxCells", named, limits.maxCells, "（定义名称引用的区域）");
      cells += named;
    }
  }
  const externalLinks = Math.max(externalRefs, entries.filter((e) => /^xl\/externalLinks\/externalLink\d+\.xml$/i.test(e.name)).length);
  if (externalLinks > 0) {
    notices.push({
      severity: "info",
      code: "external-links",
      message: `${who(fileName)}链接了 ${externalLinks} 个外部工作簿。本工具只读取保存在文件中的数值，不会打开或更新链接（links to ${externalLinks} external workbook(s); only the saved values are read, links are never followed）`,
    });
  }
  return { parts: entries.length, xml, sheetChecked, entryNames: names, uncompressedBytes: total, cells, sheets: Math.max(sheets, sheetParts), macros, externalLinks, notices };
}

function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    const code = k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/**
 * Sheet names Excel itself would never save (exceljs throws on them, or silently truncates past 31
 * characters and then trips over the duplicate): refuse with the name, in Chinese.
 */
function checkSheetNames(workbookXml: Uint8Array, fileName?: string): void {
  const text = utf8.decode(workbookXml.subarray(0, Math.min(workbookXml.length, 4 * 1024 * 1024)));
  const seen = new Set<string>();
  for (const m of text.matchAll(/<(?:[A-Za-z0-9_]+:)?sheet\s[^>]*?\bname\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = decodeXmlText(m[2] ?? m[3] ?? "");
    let why: string | null = null;
    if (name === "") why = "名称为空";
    else if (/[*?:/\\[\]]/.test(name)) why = "含有 Excel 不允许的字符 * ? : / \\ [ ]";
    else if (/^'|'$/.test(name)) why = "以单引号开头或结尾";
    else if (name.length > 31) why = `超过 31 个字符（${name.length} 个）`;
    else if (name === "History") why = "与 Excel 保留名 History 相同";
    else if (seen.has(name.toLowerCase())) why = "与另一张工作表重名";
    seen.add(name.toLowerCase());
    if (why) {
      const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
      throw new WorkbookReadError(
        "corrupt",
        `${who(fileName)}的工作表名称“${shown}”${why}，不符合 Excel 的规则，文件可能不是由 Excel/WPS 保存的。请在 Excel/WPS 中打开、修改表名并另存为 .xlsx 后再试（invalid sheet name: not a workbook saved by Excel or WPS）`,
      );
    }
  }
}

/** Cells covered by the rectangles of all defined names (whole rows/columns like $A:$B name no rectangle and count nothing). */
function definedNameArea(workbookXml: Uint8Array): number {
  const text = utf8.decode(workbookXml.subarray(0, Math.min(workbookXml.length, 16 * 1024 * 1024)));
  let total = 0;
  for (const m of text.matchAll(/<(?:[A-Za-z0-9_]+:)?definedName\b[^>]*>([^<]*)</g)) {
    // Row digits unbounded: `$XFD$00000001048576` is Excel's last row (a bounded pattern read it as row 0).
    for (const r of m[1].matchAll(/\$?[A-Za-z]{1,3}\$?[0-9]+:\$?[A-Za-z]{1,3}\$?[0-9]+/g)) total += refArea(r[0]);
  }
  return total;
}

function rank(name: string): number {
  const low = name.toLowerCase();
  if (low === "xl/workbook.xml" || low === "xl/_rels/workbook.xml.rels") return 0;
  if (SHEET_PART.test(name)) return 1;
  if (low === "xl/sharedstrings.xml") return 2;
  return 3;
}

/**
 * A zip entry name as a part name: backslashes as slashes, "." and ".." segments resolved, no leading
 * slash. null when the name leaves the package ("../x") or is empty. Zip libraries resolve names this
 * way too, so checking the literal name would check something other than what a parser reads.
 */
export function normalisePartName(raw: string): string | null {
  const out: string[] = [];
  const segs = raw.replace(/\\/g, "/").split("/");
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg === "" || seg === ".") {
      if (i === segs.length - 1 && out.length > 0) out.push(""); // keep a trailing slash: a directory
      continue;
    }
    if (seg === "..") {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    out.push(seg);
  }
  const name = out.join("/");
  return name === "" ? null : name;
}

/**
 * Entries under their normalised names. Refused: a name that leaves the package, and two entries that
 * resolve to the same part (case-insensitively, as OPC compares part names): which one a reader would
 * take is up to the reader, so the package is ambiguous.
 */
function normaliseNames(entries: ZipEntry[], fileName?: string): ZipEntry[] {
  const seen = new Map<string, string>();
  const out: ZipEntry[] = [];
  for (const e of entries) {
    const name = normalisePartName(e.name);
    if (name === null) {
      throw corrupt(fileName, `的压缩包条目名称“${e.name.slice(0, 60)}”指向压缩包之外，疑为恶意构造，已拒绝读取`, "zip entry name escapes the package");
    }
    const key = name.toLowerCase();
    const before = seen.get(key);
    if (before !== undefined && !(name.endsWith("/") && e.uncompressedSize === 0)) {
      throw corrupt(
        fileName,
        `的压缩包中“${before.slice(0, 60)}”与“${e.name.slice(0, 60)}”是同一个部件（${name.slice(0, 60)}），不知道该读哪一个，疑为恶意构造，已拒绝读取`,
        "two zip entries resolve to the same part: ambiguous package",
      );
    }
    seen.set(key, e.name);
    out.push(name === e.name ? e : { ...e, name });
  }
  return out;
}

/** Worksheet targets named in xl/_rels/workbook.xml.rels, as lower-case part names (a cheap regex pass; the reader re-reads it). */
function worksheetTargets(rels: Uint8Array): string[] {
  const text = utf8.decode(rels.subarray(0, Math.min(rels.length, 4 * 1024 * 1024)));
  const out: string[] = [];
  for (const m of text.matchAll(/<(?:[A-Za-z0-9_]+:)?Relationship\b[^>]*>/g)) {
    const tag = m[0];
    const type = /\bType\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? "";
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
    if (!target || !/\/worksheet$/.test(type)) continue;
    const t = resolveTarget("xl/", decodeXmlText(target));
    if (t) out.push(t.toLowerCase());
  }
  return out;
}

/** A relationship target resolved against the folder of its source part ("xl/"); absolute targets start at the root. */
export function resolveTarget(baseDir: string, target: string): string | null {
  const t = target.trim();
  return normalisePartName(t.startsWith("/") ? t : baseDir + t);
}
