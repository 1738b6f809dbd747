/**
 * Web Worker entry for the standalone page: the guarded read (guard + parse) off the page's main
 * thread, so the page never freezes on a big workbook. Started by src/taskpane/browser.ts with
 * `new Worker(new URL("../xlsx/worker.ts", import.meta.url))` (webpack 5 bundles it as its own chunk).
 * One message in ({ bytes, fileName }), one message out: the Grid with the notices, or the error.
 */
import { loadGrid, WorkbookReadError, type ReadNotice } from "./read";
import type { Grid } from "../model/grid";

export interface ReadRequest {
  bytes: Uint8Array;
  fileName?: string;
}

export type ReadReply =
  /** Sent while parsing (each whole percent at most once), before the one final reply. */
  | { progress: number }
  | { ok: true; grid: Grid; notices: ReadNotice[] }
  | { ok: false; notices: ReadNotice[]; error: { kind: WorkbookReadError["kind"] | null; message: string; limit?: WorkbookReadError["limit"]; measured?: number; allowed?: number } };

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReadRequest>) => void) | null; postMessage: (m: ReadReply) => void };

scope.onmessage = (e) => {
  const { bytes, fileName } = e.data;
  const notices: ReadNotice[] = [];
  let last = -1;
  const onProgress = (done: number, total: number) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (pct > last) scope.postMessage({ progress: (last = pct) / 100 });
  };
  loadGrid(bytes, { fileName, onNotice: (n) => notices.push(n), onProgress }).then(
    (grid) => scope.postMessage({ ok: true, grid, notices }),
    (err: unknown) => {
      const re = err instanceof WorkbookReadError ? err : null;
      scope.postMessage({
        ok: false,
        notices,
        error: { kind: re?.kind ?? null, message: err instanceof Error ? err.message : String(err), limit: re?.limit, measured: re?.measured, allowed: re?.allowed },
      });
    },
  );
};
