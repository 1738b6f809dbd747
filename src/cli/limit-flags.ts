/**
 * One command-line flag per read limit (issue 13: every limit the guard has can be raised). Light on
 * purpose — args.ts, main.ts and help.ts import it at start-up; pipeline.ts builds its hints from it.
 */
import { DEFAULT_LIMITS, type LimitName } from "../xlsx/limits";

const MB = 1024 * 1024;

export interface LimitFlag {
  limit: LimitName;
  /** Option name without the dashes ("max-cells"). */
  option: string;
  /** The flag's value is in MB (the limit in bytes). */
  mb?: true;
  max: number;
  zh: string;
  en: string;
}

export const LIMIT_FLAG_LIST: readonly LimitFlag[] = [
  { limit: "maxFileBytes", option: "max-file-mb", mb: true, max: 100 * 1024, zh: "文件大小，单位 MB", en: "size of one file in MB" },
  { limit: "maxCells", option: "max-cells", max: 1_000_000_000, zh: "单个工作簿的单元格数", en: "cells in one workbook" },
  { limit: "maxSheets", option: "max-sheets", max: 1_000_000, zh: "工作表数", en: "sheets in one workbook" },
  { limit: "maxRows", option: "max-rows", max: 1_048_576, zh: "每表行数", en: "rows per sheet" },
  { limit: "maxMerges", option: "max-merges", max: 100_000_000, zh: "每表合并区域数，未指定时为单元格上限 ÷ 20", en: "merged ranges per sheet; unset: the cell limit ÷ 20" },
  { limit: "maxCellChars", option: "max-cell-chars", max: 100_000_000, zh: "单元格字符数", en: "characters in one cell" },
  { limit: "maxXmlElements", option: "max-xml-elements", max: 1_000_000_000, zh: "单元格以外的 XML 元素数", en: "XML elements other than cell content" },
  { limit: "maxGridSlots", option: "max-grid-slots", max: 4_000_000_000, zh: "表格区域（行 × 列）", en: "grid area (rows x columns)" },
  { limit: "maxUncompressedBytes", option: "max-unzipped-mb", mb: true, max: 100 * 1024, zh: "解压后总大小，单位 MB", en: "total uncompressed size in MB" },
  { limit: "maxPartBytes", option: "max-part-mb", mb: true, max: 100 * 1024, zh: "单个部件解压后大小，单位 MB", en: "uncompressed size of one part in MB" },
  { limit: "maxCompressionRatio", option: "max-ratio", max: 1_000_000, zh: "压缩比", en: "compression ratio" },
];

/** The default shown in --help, in the flag's unit. */
export function flagDefault(f: LimitFlag): number {
  const v = DEFAULT_LIMITS[f.limit];
  return f.mb ? Math.round(v / MB) : v;
}

/** A flag's value → the limit's value (MB → bytes). */
export function flagToLimit(f: LimitFlag, n: number): number {
  return f.mb ? n * MB : n;
}
