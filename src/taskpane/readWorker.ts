/**
 * The standalone page's read in a Web Worker (src/xlsx/worker.ts): the page stays responsive on a big workbook.
 * Kept apart from browser.ts because `import.meta` cannot be parsed by the CommonJS test runner; browser.ts loads
 * this module only when a file is really read.
 */
import type { Grid } from "../model/grid";
import { WorkbookReadError, type ReadNotice } from "../xlsx/guard";
import type { ReadReply, ReadRequest } from "../xlsx/worker";

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
