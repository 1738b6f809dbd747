/**
 * The standalone page's read in a Web Worker (src/xlsx/worker.ts): the page stays responsive on a big workbook.
 * Kept apart from browser.ts because `import.meta` cannot be parsed by the CommonJS test runner; browser.ts loads
 * this module only when a file is really read.
 */
import type { Grid } from "../model/grid";
import { WorkbookReadError, type ReadNotice } from "../xlsx/guard";
import type { ReadReply, ReadRequest } from "../xlsx/worker";
import type { ProfileName } from "../model/schema";
import type { ExtraLabels } from "../model/read/synonyms";
import type { RunResult } from "./logic";
import type { AnalyseReply, AnalyseRequest } from "./analysisWorker";

/**
 * The page's check (readWorkbook + validate) in a Web Worker: the grid is copied there, the run comes back without
 * it and gets `grid` (the page's own) attached. In-thread where workers are unavailable.
 */
export async function analyseInWorker(grid: Grid, profile: ProfileName | undefined, labels?: ExtraLabels | null): Promise<RunResult> {
  const t0 = Date.now();
  if (typeof Worker === "undefined") {
    const { analyse } = await import("./logic");
    return analyse(grid, profile, 0, undefined, labels);
  }
  const worker = new Worker(new URL("./analysisWorker.ts", import.meta.url), { name: "analysis-worker" });
  try {
    const reply = await new Promise<AnalyseReply>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<AnalyseReply>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message || "校验失败"));
      const request: AnalyseRequest = { grid, profile, labels: labels ?? null };
      worker.postMessage(request);
    });
    if (!reply.ok) throw new Error(reply.message);
    return { ...reply.run, grid, readMs: 0, checkMs: Date.now() - t0 };
  } finally {
    worker.terminate();
  }
}

export async function readInWorker(bytes: Uint8Array, fileName: string, onNotice?: (notice: ReadNotice) => void, onProgress?: (fraction: number) => void): Promise<Grid> {
  // The name becomes the chunk name (xlsx-read-worker.*.js), as webpackChunkName does for import().
  const worker = new Worker(new URL("../xlsx/worker.ts", import.meta.url), { name: "xlsx-read-worker" });
  try {
    const reply = await new Promise<Exclude<ReadReply, { progress: number }>>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<ReadReply>) => {
        const m = e.data;
        if ("progress" in m) onProgress?.(m.progress);
        else resolve(m);
      };
      worker.onerror = (e) => reject(new WorkbookReadError("corrupt", `“${fileName}”读取失败（the read failed: ${e.message || "worker error"}）`));
      const request: ReadRequest = { bytes, fileName };
      worker.postMessage(request, [bytes.buffer]);
    });
    for (const n of reply.notices) onNotice?.(n);
    if (reply.ok) return reply.grid;
    const { kind, message, limit, measured, allowed } = reply.error;
    throw new WorkbookReadError(kind ?? "corrupt", message, limit !== undefined && measured !== undefined && allowed !== undefined ? { limit, measured, allowed } : undefined);
  } finally {
    worker.terminate();
  }
}
