/**
 * Whole-workbook throughput: a department in the template layout with 200 and 2,000 projects
 * (written by our own renderTemplate + writeTemplateBook, 10 indicator rows each, as in the seeds'
 * 5–10). Baseline in the same run and on the same bytes: a bare exceljs `workbook.xlsx.load(bytes)`,
 * the least any reader of an .xlsx file has to pay. Ours = loadGrid + readWorkbook + validate +
 * toCanonicalJson, i.e. what `jxmb export`/`validate` do after reading the file.
 * Goals: ours ≤ 1.3× bare; growth 2000/200 ≈ 10× (linear).
 */
import ExcelJS from "exceljs";
import { nodeInflate } from "../src/xlsx/node-inflate";
import { loadGrid } from "../src/xlsx/read";
import { writeTemplateBook } from "../src/xlsx/write";
import { renderTemplate } from "../src/model/write";
import { readWorkbook } from "../src/model/read";
import { validate } from "../src/model/validate";
import { toCanonicalJson } from "../src/model/canonical";
import { syntheticDocument } from "../test/helpers/synthetic";
import { type BenchRow, fmt } from "./table";

const INDICATORS_PER_PROJECT = 10;

async function bare(bytes: Uint8Array): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
}

/** Our full pipeline on the bytes; returns the number of projects found (checked by the caller). */
const BENCH_LIMITS = { maxSheets: 10_000, maxCells: 20_000_000, maxXmlElements: 50_000_000, maxGridSlots: 200_000_000, maxUncompressedBytes: 2_000 * 1024 * 1024 };

async function ours(bytes: Uint8Array): Promise<number> {
  // A generated, trusted file: the 2,000-project workbook (one sheet per project) is past the default
  // sheet and cell limits meant for mail-borne files, so they are raised here; the guard still runs.
  const grid = await loadGrid(bytes, { inflate: nodeInflate, limits: BENCH_LIMITS });
  const { document } = readWorkbook(grid, {});
  validate(document, { profile: document.profile });
  toCanonicalJson(document);
  return document.projects.length;
}

/**
 * Median ms of each function, run in turns (a, b, c, a, b, c, …) after one warm-up each, so that
 * all of them see the same machine state (GC pressure, CPU frequency) and the ratio is fair.
 */
async function interleavedMedians(fns: (() => Promise<unknown>)[], reps: number): Promise<number[]> {
  for (const fn of fns) await fn();
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < reps; i++) {
    for (let k = 0; k < fns.length; k++) {
      const t0 = performance.now();
      await fns[k]();
      times[k].push(performance.now() - t0);
    }
  }
  return times.map((t) => t.sort((x, y) => x - y)[Math.floor(t.length / 2)]);
}

export async function benchWorkbook(sizes: [number, number] = [200, 2000]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  for (const projects of sizes) {
    const doc = syntheticDocument(projects, INDICATORS_PER_PROJECT);
    const bytes = await writeTemplateBook(renderTemplate(doc, {}));
    const found = await ours(bytes);
    if (found !== projects) throw new Error(`bench/workbook: read ${found} of ${projects} projects back from the template`);
    const reps = projects >= 1000 ? 3 : 5;
    const [b, o, loadOnly] = await interleavedMedians([() => bare(bytes), () => ours(bytes), () => loadGrid(bytes, { inflate: nodeInflate, limits: BENCH_LIMITS })], reps);
    bareMs.push(b);
    oursMs.push(o);
    const ratio = o / b;
    rows.push({
      benchmark: "workbook (read+validate+JSON)",
      case: `${projects} projects × ${INDICATORS_PER_PROJECT} rows, ${(bytes.length / 1024).toFixed(0)} KB, loadGrid alone ${fmt(loadOnly, 0)} ms`,
      value: `${fmt(o, 0)} ms`,
      baseline: `bare exceljs load ${fmt(b, 0)} ms`,
      ratio: `${fmt(ratio)}×`,
      goal: "≤ 1.3× bare",
      verdict: ratio <= 1.3 ? "ok" : "over",
    });
  }
  const growth = oursMs[1] / oursMs[0];
  const expected = sizes[1] / sizes[0];
  rows.push({
    benchmark: "workbook (read+validate+JSON)",
    case: `growth ${sizes[1]} vs ${sizes[0]} projects`,
    value: `${fmt(growth, 1)}×`,
    baseline: `bare exceljs ${fmt(bareMs[1] / bareMs[0], 1)}×`,
    ratio: `${fmt(growth / expected)} of linear`,
    goal: `≈ ${expected}× (linear)`,
    verdict: growth <= expected * 1.3 ? "ok" : "over",
  });
  return rows;
}
