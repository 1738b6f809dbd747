/**
 * "reading power": every public form of test/corpus read by readWorkbook and scored against its truth
 * (test/helpers/corpus-compare.ts, the same comparison the corpus test makes): tables found, indicator
 * rows read with the right 一级/二级/三级/指标值, and phantom rows (read rows that are no row of the form).
 * Goal (issue 8): ≥ 90 % of tables and of rows, phantom rows ≤ 5 %.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../src/xlsx/read";
import { readWorkbook } from "../src/model/read";
import { loadCorpusCase, scoreCase, truthFiles } from "../test/helpers/corpus-compare";
import type { BenchRow } from "./table";

export async function benchReading(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let tT = 0;
  let tF = 0;
  let rT = 0;
  let rR = 0;
  let ph = 0;
  for (const file of truthFiles()) {
    const { truth, workbook } = loadCorpusCase(file);
    let s: ReturnType<typeof scoreCase>;
    try {
      const grid = await loadGrid(fs.readFileSync(workbook));
      s = scoreCase(truth, readWorkbook(grid).document);
    } catch (e) {
      s = { tablesTruth: truth.projects.length, tablesFound: 0, rowsTruth: truth.projects.reduce((n, p) => n + p.indicators.length, 0), rowsRight: 0, phantom: 0, diffs: [String(e)] };
    }
    tT += s.tablesTruth;
    tF += Math.min(s.tablesFound, s.tablesTruth);
    rT += s.rowsTruth;
    rR += s.rowsRight;
    ph += s.phantom;
    const ok = s.tablesFound >= s.tablesTruth && s.rowsRight === s.rowsTruth && s.phantom === 0;
    rows.push({
      benchmark: "reading power",
      case: path.basename(file, ".json"),
      value: `tables ${s.tablesFound}/${s.tablesTruth}, rows ${s.rowsRight}/${s.rowsTruth}, phantom ${s.phantom}`,
      baseline: "truth",
      ratio: s.rowsTruth ? `${((100 * s.rowsRight) / s.rowsTruth).toFixed(0)}%` : "-",
      goal: "all, 0 phantom",
      verdict: ok ? "ok" : "over",
    });
  }
  // Forms typed after the reader was built (truth `round` 2, 3, …): how the reader does on forms it had not seen
  // when they were typed (their first reading is in test/corpus/README.md, "Reading power"), one subtotal per round.
  const rounds = [...new Set(truthFiles().map((f) => loadCorpusCase(f).truth.round).filter((n): n is number => n !== undefined))].sort();
  for (const round of rounds) {
    const unseen = truthFiles().filter((f) => loadCorpusCase(f).truth.round === round);
    const names = new Set(unseen.map((f) => path.basename(f, ".json")));
    const part = rows.filter((r) => names.has(r.case));
    const sum = (re: RegExp) => part.reduce((n, r) => n + Number(re.exec(r.value)?.[1] ?? 0), 0);
    const [tf, tt, rr, rt, pp] = [/tables (\d+)\//, /tables \d+\/(\d+)/, /rows (\d+)\//, /rows \d+\/(\d+)/, /phantom (\d+)/].map(sum);
    rows.push({
      benchmark: "reading power",
      case: `round ${round} (${unseen.length} forms typed after the reader)`,
      value: `tables ${tf}/${tt}, rows ${rr}/${rt}, phantom ${pp}`,
      baseline: "truth",
      ratio: `${((100 * rr) / Math.max(rt, 1)).toFixed(1)}% rows`,
      goal: "≥90% tables+rows, phantom ≤5%",
      verdict: tf / Math.max(tt, 1) >= 0.9 && rr / Math.max(rt, 1) >= 0.9 && pp / Math.max(rr + pp, 1) <= 0.05 ? "ok" : "over",
    });
  }
  const okAll = tF / Math.max(tT, 1) >= 0.9 && rR / Math.max(rT, 1) >= 0.9 && ph / Math.max(rR + ph, 1) <= 0.05;
  rows.push({
    benchmark: "reading power",
    case: `all ${truthFiles().length} forms`,
    value: `tables ${tF}/${tT}, rows ${rR}/${rT}, phantom ${ph}`,
    baseline: "truth",
    ratio: `${((100 * rR) / Math.max(rT, 1)).toFixed(1)}% rows`,
    goal: "≥90% tables+rows, phantom ≤5%",
    verdict: okAll ? "ok" : "over",
  });
  return rows;
}
