/**
 * Web Worker entry for the standalone page and the task pane: readWorkbook + validate off the main thread (on a
 * 600-project workbook with ~4,000 findings they take ~2 s; the page and the pane keep painting meanwhile; the
 * pane's read through Office.js stays on its thread). One message in ({ grid, profile, labels }); progress
 * messages ({ progress }) while it works; one reply: the run without its grid (the sender has it already), or
 * the error's message. Started by readWorker.ts (analyseInWorker).
 */
import type { Grid, GridSheet } from "../model/grid";
import type { JxmbDocument, ProfileName } from "../model/schema";
import type { ExtraLabels } from "../model/read/synonyms";
import type { ReadProgress } from "./excel/port";
import { analyse, type RunResult } from "./logic";

/**
 * The grid comes in parts so that no single copy holds the sender's thread long (a 600-project grid is ~12 MB):
 * `{ part }` messages carry sheets, the last message the rest and the settings.
 */
export type AnalyseRequest = { part: GridSheet[] } | { grid: Grid; profile?: ProfileName; labels?: ExtraLabels | null };
/**
 * The reply, likewise in parts (each copy is read on the receiver's thread): the document without its projects,
 * the projects a hundred at a time, every finding a thousand at a time, then the rest of the run (or the error),
 * where `open` gives the open findings (report.findings) as positions in that list.
 */
export type AnalyseReply = { ok: true; run: Omit<RunResult, "grid" | "document">; open?: number[] } | { ok: false; message: string };
export type AnalyseMessage =
  | AnalyseReply
  | { progress: ReadProgress }
  | { document: JxmbDocument }
  | { projects: JxmbDocument["projects"] }
  | { findings: RunResult["allFindings"] };

const PROJECTS_PER_PART = 100;
const FINDINGS_PER_PART = 1000;

const scope = self as unknown as { onmessage: ((e: MessageEvent<AnalyseRequest>) => void) | null; postMessage: (m: AnalyseMessage) => void };

let parts: GridSheet[] = [];
scope.onmessage = (e) => {
  const m = e.data;
  if ("part" in m) {
    parts.push(...m.part);
    return;
  }
  const grid: Grid = { ...m.grid, sheets: [...parts, ...m.grid.sheets] };
  parts = [];
  analyse(grid, m.profile, 0, (progress) => scope.postMessage({ progress }), m.labels).then(
    ({ grid: _sent, document, ...run }) => {
      scope.postMessage({ document: { ...document, projects: [] } });
      for (let i = 0; i < document.projects.length; i += PROJECTS_PER_PART) scope.postMessage({ projects: document.projects.slice(i, i + PROJECTS_PER_PART) });
      const at = new Map(run.allFindings.map((f, i) => [f, i]));
      const open = run.report.findings.map((f) => at.get(f) ?? -1);
      if (open.includes(-1)) {
        scope.postMessage({ ok: true, run }); // not a sub-list of allFindings: sent whole
        return;
      }
      for (let i = 0; i < run.allFindings.length; i += FINDINGS_PER_PART) scope.postMessage({ findings: run.allFindings.slice(i, i + FINDINGS_PER_PART) });
      scope.postMessage({ ok: true, run: { ...run, allFindings: [], report: { ...run.report, findings: [] } }, open });
    },
    (err: unknown) => scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
