/**
 * .xlsx bytes → neutral Grid. Runs in Node, in the browser and in a Web Worker (no fs here: the CLI
 * reads the file, the standalone page gets an ArrayBuffer from a drop).
 *
 * Two steps, one set of bytes: the guard (guard.ts) checks the container and every limit, inflating
 * each part under a hard cap; the reader (parse.ts) builds the Grid from exactly those inflated parts,
 * found by their normalised names, in one streaming pass. Nothing else inflates or parses the file.
 * (exceljs is used for writing templates only, src/xlsx/write.ts.)
 */
import type { Grid } from "../model/grid";
import { guardWorkbook, type Inflater, type ReadNotice } from "./guard";
import { limitsFrom, type ReadLimits } from "./limits";
import { gridFromParts } from "./parse";

// Re-exported so existing `import { WorkbookReadError } from "../xlsx/read"` keeps working (same class).
export { WorkbookReadError, checkFileSize } from "./guard";
export type { WorkbookReadErrorKind, ReadNotice, Inflater } from "./guard";
export type { ReadLimits } from "./limits";

export interface LoadGridOptions {
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
  /** Progress of the sheet pass (worksheet bytes parsed / in all), after each sheet. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Read an .xlsx workbook into a Grid. Throws only WorkbookReadError (zh-CN message), never a raw
 * library error.
 */
export async function loadGrid(data: ArrayBuffer | Uint8Array, opts?: LoadGridOptions): Promise<Grid> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
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
  return gridFromParts(report.xml, { limits, fileName: opts?.fileName, notice, sheetChecked: report.sheetChecked, entryNames: report.entryNames, onProgress: opts?.onProgress });
}
