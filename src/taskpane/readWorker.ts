/**
 * The standalone page's read in a Web Worker (src/xlsx/worker.ts): the page stays responsive on a big workbook.
 * Kept apart from browser.ts because `import.meta` cannot be parsed by the CommonJS test runner; browser.ts loads
 * this module only when a file is really read.
 */
import type { Grid, GridSheet } from "../model/grid";
import { WorkbookReadError, type ReadNotice } from "../xlsx/guard";
import type { ReadReply, ReadRequest } from "../xlsx/worker";
import type { JxmbDocument, ProfileName } from "../model/schema";
import type { ExtraLabels } from "../model/read/synonyms";
import type { RunResult } from "./logic";
import { learnRules } from "./ruleInfo";
import type { AnalyseMessage, AnalyseReply, AnalyseRequest } from "./analysisWorker";
import type { ReadProgress } from "./excel/port";

interface Started {
  worker: Worker;
  /** It failed before anyone listened (its script did not load). */
  failed: boolean;
}

/** A new analysis worker, or null where the host has none or refuses to start one (CSP, sandbox). */
function startWorker(): Started | null {
  if (typeof Worker === "undefined") return null;
  try {
    const started: Started = { worker: new Worker(new URL("./analysisWorker.ts", import.meta.url), { name: "analysis-worker" }), failed: false };
    started.worker.onerror = (e) => {
      e.preventDefault();
      started.failed = true;
    };
    return started;
  } catch {
    return null;
  }
}

/** A worker started ahead of the next check (warmAnalysisWorker). */
let warm: Started | null = null;

/**
 * Start the analysis worker ahead of a check: it fetches and compiles its code while the workbook is still being
 * read (the pane's read through Office.js, the page's parse), so the check starts as soon as the grid is there.
 */
export function warmAnalysisWorker(): void {
  warm ??= startWorker();
}

/**
 * The check (readWorkbook + validate) in a Web Worker, for the page and the pane: the grid is copied there, the
 * run comes back without it and gets `grid` (the caller's own) attached; the worker's progress is passed on.
 * In-thread where workers are unavailable (or cannot start: some Office hosts).
 */
export async function analyseInWorker(
  grid: Grid,
  profile: ProfileName | undefined,
  labels?: ExtraLabels | null,
  onProgress?: (p: ReadProgress) => void,
): Promise<RunResult> {
  const t0 = Date.now();
  const inThread = async () => (await import("./logic")).analyse(grid, profile, 0, onProgress, labels);
  const started = warm ?? startWorker();
  warm = null;
  if (!started || started.failed) {
    started?.worker.terminate();
    return inThread();
  }
  const w = started.worker;
  try {
    // null: the worker failed as such (its script did not load, it crashed): the check runs in this thread instead.
    let document: JxmbDocument | null = null;
    const findings: RunResult["allFindings"] = [];
    const reply = await new Promise<AnalyseReply | null>((resolve) => {
      w.onmessage = (e: MessageEvent<AnalyseMessage>) => {
        const m = e.data;
        if ("progress" in m) onProgress?.(m.progress);
        else if ("document" in m) document = m.document;
        else if ("projects" in m) document?.projects.push(...m.projects);
        else if ("findings" in m) findings.push(...m.findings);
        else resolve(m);
      };
      w.onerror = (e) => {
        e.preventDefault();
        resolve(null);
      };
      void postGrid(w, grid, profile, labels);
    });
    if (reply === null) return inThread();
    if (!reply.ok) throw new Error(reply.message);
    if (!document) throw new Error("校验失败：没有收到识别结果");
    const run = reply.open ? { ...reply.run, allFindings: findings, report: { ...reply.run.report, findings: reply.open.map((i) => findings[i]) } } : reply.run;
    // The worker learnt the rules' titles for itself; this thread's to-do list needs them too.
    learnRules(run.rules);
    return { ...run, document, grid, readMs: 0, checkMs: Date.now() - t0 };
  } finally {
    w.terminate();
  }
}

/** Cells per message to the worker: each copy then takes a few ms of the sender's thread. */
const CELLS_PER_PART = 20_000;

/** The grid to the worker in parts, a turn of the event loop between them (the page paints in between). */
async function postGrid(w: Worker, grid: Grid, profile: ProfileName | undefined, labels: ExtraLabels | null | undefined): Promise<void> {
  let part: GridSheet[] = [];
  let cells = 0;
  for (const s of grid.sheets) {
    part.push(s);
    for (const row of s.values) cells += row ? row.length : 0;
    if (cells >= CELLS_PER_PART) {
      w.postMessage({ part } satisfies AnalyseRequest);
      part = [];
      cells = 0;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  w.postMessage({ grid: { ...grid, sheets: part }, profile, labels: labels ?? null } satisfies AnalyseRequest);
}

export async function readInWorker(bytes: Uint8Array, fileName: string, onNotice?: (notice: ReadNotice) => void, onProgress?: (fraction: number) => void): Promise<Grid> {
  // The name becomes the chunk name (xlsx-read-worker.*.js), as webpackChunkName does for import().
  let worker: Worker;
  try {
    worker = new Worker(new URL("../xlsx/worker.ts", import.meta.url), { name: "xlsx-read-worker" });
  } catch {
    // A page opened from a folder (file://, index.html double-clicked) may not start workers: read in this thread.
    const { loadGrid } = await import(/* webpackChunkName: "xlsx-read" */ "../xlsx/read");
    return loadGrid(bytes, { fileName, onNotice, onProgress: (d, t) => onProgress?.(t > 0 ? d / t : 1) });
  }
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
