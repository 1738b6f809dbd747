/**
 * Web Worker entry for the standalone page: readWorkbook + validate of the opened workbook off the page's main
 * thread (on a 600-project workbook with ~4,000 findings they take ~2 s; the page keeps painting meanwhile).
 * One message in ({ grid, profile, labels }), one out: the run without its grid (the page has it already), or the
 * error's message. Started by readWorker.ts (analyseInWorker).
 */
import type { Grid } from "../model/grid";
import type { ProfileName } from "../model/schema";
import type { ExtraLabels } from "../model/read/synonyms";
import { analyse, type RunResult } from "./logic";

export interface AnalyseRequest {
  grid: Grid;
  profile?: ProfileName;
  labels?: ExtraLabels | null;
}
export type AnalyseReply = { ok: true; run: Omit<RunResult, "grid"> } | { ok: false; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<AnalyseRequest>) => void) | null; postMessage: (m: AnalyseReply) => void };

scope.onmessage = (e) => {
  const { grid, profile, labels } = e.data;
  analyse(grid, profile, 0, undefined, labels).then(
    ({ grid: _sent, ...run }) => scope.postMessage({ ok: true, run }),
    (err: unknown) => scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
