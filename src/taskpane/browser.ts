/**
 * Browser-side helpers: file download, clipboard, reading a picked file, and the lazy loaders that keep exceljs
 * out of the initial chunks (it is only fetched when the user opens or writes an .xlsx).
 */
import type { Grid } from "../model/grid";
import type { ReadNotice } from "../xlsx/guard";
import type { ProfileName } from "../model/schema";
import type { ExtraLabels } from "../model/read/synonyms";
import type { ReadProgress } from "./excel/port";
import type { RunResult } from "./logic";

/** Offer `data` as a download. Returns false where the host blocks downloads (some Office webviews). */
export function downloadFile(name: string, data: string | Uint8Array, mime: string): boolean {
  try {
    const part: BlobPart = typeof data === "string" ? data : (data as Uint8Array<ArrayBuffer>);
    const blob = new Blob([part], { type: mime });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.rel = "noopener";
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}

/** Copy text; falls back to a hidden textarea + execCommand where the Clipboard API is not allowed. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path (Office webviews often deny clipboard-write)
  }
  try {
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand("copy");
    ta.remove();
    return ok;
  } catch {
    return false;
  }
}

export function readFileText(file: File): Promise<string> {
  return file.text();
}

export async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** .xlsx bytes → Grid, loading the reader on first use. Reading goes through the guard (src/xlsx/guard.ts). */
export async function loadGridLazy(bytes: Uint8Array, fileName?: string, onNotice?: (notice: ReadNotice) => void): Promise<Grid> {
  const { loadGrid } = await import(/* webpackChunkName: "xlsx-read" */ "../xlsx/read");
  return loadGrid(bytes, { fileName, onNotice });
}

/**
 * A picked or dropped file → Grid: refused by size before its bytes are read, then the guarded read
 * in a Web Worker (src/xlsx/worker.ts), so the page stays responsive on a big workbook; in-thread
 * where workers are unavailable. Errors are WorkbookReadError with a zh-CN message naming the file.
 */
export async function loadWorkbookFile(file: File, onNotice?: (notice: ReadNotice) => void, onProgress?: (fraction: number) => void): Promise<Grid> {
  const { checkFileSize } = await import(/* webpackChunkName: "xlsx-guard" */ "../xlsx/guard");
  checkFileSize(file.size, { fileName: file.name });
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (typeof Worker === "undefined") {
    const { loadGrid } = await import(/* webpackChunkName: "xlsx-read" */ "../xlsx/read");
    return loadGrid(bytes, { fileName: file.name, onNotice, onProgress: (d, t) => onProgress?.(t > 0 ? d / t : 1) });
  }
  // In its own module: `import.meta` there is only parsed when a file is really read (jest runs CommonJS).
  const { readInWorker } = await import(/* webpackChunkName: "xlsx-read-worker-host" */ "./readWorker");
  return readInWorker(bytes, file.name, onNotice, onProgress);
}

/**
 * The pane's check of a grid it has read (logic.ts Analyser): readWorkbook + validate in the same Web Worker the
 * page uses (readWorker.ts analyseInWorker), so the pane keeps painting; in this thread where there is no Worker.
 */
export async function analyseOffThread(
  grid: Grid,
  profile: ProfileName | undefined,
  readMs: number,
  onProgress?: (p: ReadProgress) => void,
  labels?: ExtraLabels | null,
): Promise<RunResult> {
  if (typeof Worker === "undefined") {
    const { analyse } = await import("./logic");
    return analyse(grid, profile, readMs, onProgress, labels);
  }
  const { analyseInWorker } = await import(/* webpackChunkName: "xlsx-read-worker-host" */ "./readWorker");
  return { ...(await analyseInWorker(grid, profile, labels, onProgress)), readMs };
}

/** Before a read that a check will follow: start the analysis worker now, so its code loads meanwhile. */
export function prepareAnalysis(): void {
  if (typeof Worker === "undefined") return;
  void import(/* webpackChunkName: "xlsx-read-worker-host" */ "./readWorker").then((m) => m.warmAnalysisWorker()).catch(() => undefined);
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
