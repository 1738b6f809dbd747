/**
 * `npm run bench`: every benchmark, printed as one table. Each figure comes with a baseline measured
 * in the same run, so ratios stay meaningful on any machine.
 *   npm run bench                  all (the workbook part takes ~2 minutes)
 *   npm run bench -- model functions bundle findings reading workbook batch   a subset
 *   (reading: every test/corpus form read and scored against its truth — tables, rows, phantom rows)
 *   (batch: 500 workbooks through `jxmb validate`, --jobs 1 vs the pool; ~2 minutes on 2 cores)
 *   (template: jxmb import of 1,200 projects and jxmb export of the result under default limits; ~1 minute)
 *   (inbox: cross-file checks on seed 000 split by unit and on 500 files; merge; slim vs full memory)
 *   (page: the standalone page in headless Chromium, 600 projects plain and with ~4,000 findings; builds dist/ when stale)
 *   (pane: the task pane over the recording fake of Excel, 600 projects with ~4,000 findings: syncs, 校验 → first
 *    finding, longest frame; the check in its Web Worker vs the main-thread path in the same run)
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { benchBatch } from "./batch";
import { bundleRows } from "./bundle";
import { functionBenchRows } from "./functions";
import { benchModel } from "./model";
import { printTable, type BenchRow } from "./table";
import { benchWorkbook } from "./workbook";
import { benchTemplate } from "./template";
import { findingsRows } from "./findings";
import { benchReading } from "./reading";
import { benchPage } from "./page";
import { benchInbox } from "./inbox";
import { benchPane } from "./pane";

async function main(): Promise<void> {
  const wanted = new Set(process.argv.slice(2));
  const want = (k: string) => wanted.size === 0 || wanted.has(k);
  const rows: BenchRow[] = [];
  if (want("model")) {
    console.error("bench: rule engine (1k / 10k projects × 30 indicators) …");
    rows.push(...(await benchModel()));
  }
  if (want("functions")) {
    console.error("bench: custom functions …");
    rows.push(...functionBenchRows());
  }
  if (want("bundle")) {
    if (existsSync(join(__dirname, "..", "dist", "taskpane.html"))) {
      rows.push(...bundleRows());
    } else {
      console.error("bench: dist/ missing — run `npm run build` for the bundle-size rows");
    }
  }
  if (want("findings")) {
    console.error("bench: findings against reviewer labels (test/labels, see npm run eval:findings) …");
    rows.push(...(await findingsRows()));
  }
  if (want("reading")) {
    console.error("bench: reading power (test/corpus forms vs their truth) …");
    rows.push(...(await benchReading()));
  }
  if (want("workbook")) {
    console.error("bench: workbook — jxmb export vs bare exceljs readFile, whole processes (32 / 224 / 896 projects, 200 stacked; needs npm run build:cli) …");
    rows.push(...(await benchWorkbook()));
  }
  if (want("template")) {
    console.error("bench: template — jxmb import of 1,200 projects, read back by jxmb export under default limits (needs npm run build:cli) …");
    rows.push(...(await benchTemplate()));
  }
  if (want("batch")) {
    console.error("bench: batch validate, 500 workbooks through the CLI (--jobs 1 vs pool) …");
    rows.push(...(await benchBatch()));
  }
  if (want("inbox")) {
    console.error("bench: inbox — cross-file checks on seed 000 split by unit, and 500 files × 20 projects …");
    rows.push(...(await benchInbox()));
  }
  if (want("page")) {
    console.error("bench: standalone page in headless Chromium, 600 projects plain and with ~4,000 findings (first finding, longest frame, scroll p50/p95) …");
    rows.push(...(await benchPage()));
  }
  if (want("pane")) {
    console.error("bench: task pane over the fake Excel in headless Chromium, 600 projects with ~4,000 findings (worker vs main thread: syncs, first finding, longest frame) …");
    rows.push(...(await benchPane()));
  }
  printTable(rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
