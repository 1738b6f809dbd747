/**
 * Read limits for workbooks that arrive from many hands (e-mail attachments, USB sticks). Every
 * limit is checked before the expensive step it protects, and a hit is reported with the limit's
 * name, the measured value and the allowed value (WorkbookReadError kind "limit").
 *
 * Defaults are sized for real 绩效目标表 workbooks (< 5 MB, well under 100 000 cells) with a wide
 * margin, and so that every workbook JXMB itself writes reads back: `jxmb import` of 2,000 projects
 * writes 2,003 sheets and ~1.8 million cells (styled cells included). The reader (parse.ts) costs
 * a few hundred bytes per cell with a value, so 2 000 000 cells stay well inside a 2 GB worker;
 * the cell limit is what keeps a "valid but absurd" file bounded. Every limit can be raised
 * (the CLI has a --max-… flag for each).
 * Pure data: no Node, no DOM (the standalone page bundles this file).
 */

export interface ReadLimits {
  /** Size of the .xlsx file itself. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes of all parts (declared, then verified while inflating). */
  maxUncompressedBytes: number;
  /** Uncompressed size of any one part. */
  maxPartBytes: number;
  /** Uncompressed ÷ compressed size of one part (checked on parts larger than 1 MiB uncompressed). */
  maxCompressionRatio: number;
  /** Non-empty cells (`<c>` elements) in all sheets, counted before exceljs parses anything; also caps shared strings. */
  maxCells: number;
  /** Rows per sheet. More `<row>` elements than this (even empty, styled ones) → refused before exceljs;
   * fewer, but some below this row number → those are not read (a notice, not an error). */
  maxRows: number;
  /** Characters in one cell. Excel itself stops at 32 767; a longer cell can only come from another tool. */
  maxCellChars: number;
  /** Worksheets in the workbook. */
  maxSheets: number;
  /** XML elements in all parts other than cell content (c, v, f, t, row, si, is — maxCells bounds those):
   * styles, rich-text runs, hyperlinks, comments, drawings… each becomes an exceljs object. Measured:
   * 2 000 000 style records load in 4.8 s / 760 MB RSS; 2 600 000 stall a 512 MB heap. */
  maxXmlElements: number;
  /** Merged ranges per sheet. Reading them is linear (every merged cell already counts against
   * maxCells), so by default this follows the cell limit: maxCells ÷ 20. */
  maxMerges: number;
  /** Slots of the dense Grid (per sheet: rows × last used column), i.e. the memory the Grid itself needs. */
  maxGridSlots: number;
}

export type LimitName = keyof ReadLimits;

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 50 * MB,
  maxUncompressedBytes: 500 * MB,
  maxPartBytes: 200 * MB,
  maxCompressionRatio: 200,
  maxCells: 2_000_000,
  maxRows: 200_000,
  maxCellChars: 32_767,
  maxSheets: 2_500,
  maxXmlElements: 1_500_000,
  maxMerges: 100_000,
  maxGridSlots: 20_000_000,
});

/** Parts smaller than this (uncompressed) are not ratio-checked: a tiny, very regular part is harmless. */
export const RATIO_CHECK_MIN_BYTES = MB;

/** How each limit is named to the user, and its unit. */
export const LIMIT_INFO: Readonly<Record<LimitName, { zh: string; en: string; unitZh: string; unitEn: string; bytes?: true }>> = {
  maxFileBytes: { zh: "文件大小", en: "file size", unitZh: "", unitEn: "", bytes: true },
  maxUncompressedBytes: { zh: "解压后总大小", en: "total uncompressed size", unitZh: "", unitEn: "", bytes: true },
  maxPartBytes: { zh: "单个部件解压后大小", en: "uncompressed size of one part", unitZh: "", unitEn: "", bytes: true },
  maxCompressionRatio: { zh: "压缩比", en: "compression ratio", unitZh: " 倍", unitEn: "x" },
  maxCells: { zh: "单元格数", en: "cell count", unitZh: " 个", unitEn: " cells" },
  maxRows: { zh: "每表行数", en: "rows per sheet", unitZh: " 行", unitEn: " rows" },
  maxCellChars: { zh: "单元格字符数", en: "characters in one cell", unitZh: " 字符", unitEn: " characters" },
  maxSheets: { zh: "工作表数", en: "sheet count", unitZh: " 个", unitEn: " sheets" },
  maxXmlElements: { zh: "XML 元素数", en: "XML element count", unitZh: " 个", unitEn: " elements" },
  maxMerges: { zh: "每表合并区域数", en: "merged ranges per sheet", unitZh: " 个", unitEn: " merges" },
  maxGridSlots: { zh: "表格区域（行 × 列）", en: "grid area (rows x columns)", unitZh: " 格", unitEn: " slots" },
};

/** 1234567 → "1,234,567"; bytes → "12.3 MB". Locale-independent so messages are the same everywhere. */
export function formatAmount(name: LimitName, n: number, lang: "zh" | "en"): string {
  const info = LIMIT_INFO[name];
  if (info.bytes) {
    if (n >= MB) return `${(n / MB).toFixed(1).replace(/\.0$/, "")} MB`;
    if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
    return `${n} B`;
  }
  const digits = Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",") : n.toFixed(1);
  return `${digits}${lang === "zh" ? info.unitZh : info.unitEn}`;
}

/** Merges per sheet that follow a cell limit when maxMerges is not given. */
export const CELLS_PER_MERGE = 20;

/**
 * DEFAULT_LIMITS overridden by the defined, positive entries of `partial`. A non-positive or
 * non-numeric value is a caller bug (the CLI validates its flags), so it throws a plain Error.
 * Without an explicit maxMerges, the merge limit follows a raised maxCells (maxCells ÷ 20).
 */
export function limitsFrom(partial?: Partial<ReadLimits> | null): ReadLimits {
  const out: ReadLimits = { ...DEFAULT_LIMITS };
  if (!partial) return out;
  for (const key of Object.keys(DEFAULT_LIMITS) as LimitName[]) {
    const v = partial[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || !(v > 0) || Number.isNaN(v)) throw new Error(`invalid read limit ${key}: ${String(v)}`);
    out[key] = v;
  }
  // Raising the cell limit raises the merge limit with it; lowering it leaves merges to the cell count.
  if (partial.maxMerges === undefined) out.maxMerges = Math.max(DEFAULT_LIMITS.maxMerges, Math.floor(out.maxCells / CELLS_PER_MERGE));
  return out;
}
