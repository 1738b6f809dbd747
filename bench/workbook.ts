/**
 * Whole-workbook cost as a user pays it, measured as whole processes (issue 13): the built
 * `jxmb export <file> -o <json>` (start-up, guard, read, the schema check of the document, canonical
 * JSON, write) against a bare `node` process doing only exceljs `workbook.xlsx.readFile(<file>)` — the least any exceljs-based
 * reader of the same file has to pay. Files: template workbooks of 32, 224 and 896 projects (our own
 * renderTemplate + writeTemplateBook, 10 indicator rows each, one sheet per project) and a stacked
 * sheet of 200 projects (the 承德 layout of seed-002-stacked, its 22 blocks repeated).
 *
 * Runs alternate (bare, ours, bare, ours, …) so both see the same machine. The ratio is taken on CPU
 * time (user + sys of the whole process, GC threads included), which a loaded machine disturbs far
 * less than wall time; wall medians are shown too. Peak memory is the process's own peak RSS (VmHWM; see REPORT).
 * Goals: ours ≤ 0.6× bare at every size; linear growth (the CPU per extra project from 224 to 896
 * within 1.3× of that from 32 to 224); peak memory per extra project no more than bare exceljs's.
 * The page's time from file chosen to first finding is the `page` section (bench/page.ts).
 * Needs `npm run build:cli` (it runs lib/cli/main.js).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { nodeInflate } from "../src/xlsx/node-inflate";
import { loadGrid } from "../src/xlsx/read";
import { writeTemplateBook } from "../src/xlsx/write";
import { renderTemplate } from "../src/model/write";
import type { Grid, GridSheet } from "../src/model/grid";
import { syntheticDocument } from "../test/helpers/synthetic";
import { type BenchRow, fmt } from "./table";

const ROOT = path.resolve(__dirname, "..");
/** JXMB_BENCH_BIN=/other/checkout/bin/jxmb.js measures another build (e.g. the exceljs-based reader before issue 13). */
const BIN = process.env.JXMB_BENCH_BIN ?? path.join(ROOT, "bin", "jxmb.js");
const INDICATORS_PER_PROJECT = 10;

/**
 * Prints the child's own CPU and peak RSS on exit; works for any script run after it. Peak RSS is the kernel's
 * VmHWM of the child's own address space (/proc/self/status): getrusage's maxRSS starts at the RSS the parent had
 * when it forked, so a bench parent bigger than the child made both sides read the parent's size (e.g. 186 vs 186 MB).
 * Elsewhere (no /proc) it falls back to maxRSS.
 */
export const REPORT = `process.on("exit",()=>{const u=process.resourceUsage();let rss=u.maxRSS;try{const m=/VmHWM:\\s*(\\d+)\\s*kB/.exec(require("fs").readFileSync("/proc/self/status","utf8"));if(m)rss=Number(m[1])}catch{}process.stderr.write("\\n@@bench "+JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1000,rss})+"\\n")});`;

export interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
}

export function runNode(args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - t0;
  const m = /@@bench (\{.*\})/.exec(r.stderr ?? "");
  if (r.status !== 0 || !m) throw new Error(`bench/workbook: ${args.slice(-3).join(" ")} failed (exit ${r.status}): ${(r.stderr ?? "").slice(0, 400)}`);
  const { cpu, rss } = JSON.parse(m[1]) as { cpu: number; rss: number };
  return { wall, cpu, rssMb: rss / 1024 };
}

export function bare(file: string): Run {
  return runNode(["-e", `${REPORT}new (require("exceljs").Workbook)().xlsx.readFile(process.argv[1]).catch((e)=>{console.error(e);process.exit(1)})`, file]);
}

function ours(file: string, out: string): Run {
  fs.rmSync(out, { force: true });
  const r = runNode(["-e", `${REPORT}process.argv.splice(1,0,"jxmb");require(${JSON.stringify(BIN)})`, "export", file, "-o", out]);
  const doc = JSON.parse(fs.readFileSync(out, "utf8")) as { projects?: unknown[] };
  if (!Array.isArray(doc.projects)) throw new Error(`bench/workbook: no projects in ${out}`);
  return r;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The 承德 stacked sheet of seed-002-stacked with its project blocks repeated to `projects`. */
async function stackedWorkbook(projects: number): Promise<Uint8Array> {
  const grid: Grid = await loadGrid(fs.readFileSync(path.join(ROOT, "examples", "seed-002-stacked.xlsx")), { inflate: nodeInflate });
  const src = grid.sheets[0];
  // Blocks start at each title row ("…绩效信息表"); the last one runs to the end of the sheet.
  const starts = src.values.map((row, r) => (typeof row?.[0] === "string" && /绩效信息表$/.test(row[0]) ? r : -1)).filter((r) => r >= 0);
  const blocks = starts.map((s, i) => [s, (starts[i + 1] ?? src.values.length) - 1] as const);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(src.name);
  let at = 0;
  for (let k = 0; k < projects; k++) {
    const [b0, b1] = blocks[k % blocks.length];
    copyRows(src, ws, b0, b1, at);
    at += b1 - b0 + 1;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function copyRows(src: GridSheet, ws: ExcelJS.Worksheet, r0: number, r1: number, to: number): void {
  for (let r = r0; r <= r1; r++) {
    (src.values[r] ?? []).forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(to + r - r0 + 1, c + 1);
      cell.value = typeof v === "object" ? ("error" in v ? ({ error: v.error } as ExcelJS.CellErrorValue) : v.date) : v;
      const f = src.formats?.[r]?.[c];
      if (f) cell.numFmt = f;
    });
  }
  for (const m of src.merges) {
    if (m.r1 >= r0 && m.r2 <= r1) ws.mergeCells(to + m.r1 - r0 + 1, m.c1 + 1, to + m.r2 - r0 + 1, m.c2 + 1);
  }
}

export async function benchWorkbook(): Promise<BenchRow[]> {
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) throw new Error("bench/workbook: run `npm run build:cli` first");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-bench-wb-"));
  const out = path.join(dir, "out.json");
  const rows: BenchRow[] = [];
  const cases: { label: string; projects: number; bytes: Uint8Array }[] = [];
  for (const n of [32, 224, 896]) {
    cases.push({ label: `${n} projects, one sheet each`, projects: n, bytes: await writeTemplateBook(renderTemplate(syntheticDocument(n, INDICATORS_PER_PROJECT), {})) });
  }
  cases.push({ label: "200 projects stacked on one sheet", projects: 200, bytes: await stackedWorkbook(200) });
  const cpuOf: Record<number, number> = {};
  const rssOf: Record<number, { ours: number; bare: number }> = {};
  try {
    for (const c of cases) {
      const file = path.join(dir, `${c.projects}-${c.label.includes("stacked") ? "stacked" : "sheets"}.xlsx`);
      fs.writeFileSync(file, c.bytes);
      const reps = c.projects >= 800 ? 3 : 5;
      bare(file);
      ours(file, out); // warm the disk cache for both
      const b: Run[] = [];
      const o: Run[] = [];
      for (let i = 0; i < reps; i++) {
        b.push(bare(file));
        o.push(ours(file, out));
      }
      const found = (JSON.parse(fs.readFileSync(out, "utf8")) as { projects: unknown[] }).projects.length;
      if (found !== c.projects) throw new Error(`bench/workbook: ${c.label}: exported ${found} projects`);
      const oc = median(o.map((x) => x.cpu));
      const bc = median(b.map((x) => x.cpu));
      if (!c.label.includes("stacked")) {
        cpuOf[c.projects] = oc;
        rssOf[c.projects] = { ours: median(o.map((x) => x.rssMb)), bare: median(b.map((x) => x.rssMb)) };
      }
      const ratio = oc / bc;
      rows.push({
        benchmark: "workbook: jxmb export vs bare exceljs readFile (processes)",
        case: `${c.label}, ${(c.bytes.length / 1024).toFixed(0)} KB; wall ${fmt(median(o.map((x) => x.wall)), 0)} vs ${fmt(median(b.map((x) => x.wall)), 0)} ms`,
        value: `CPU ${fmt(oc, 0)} ms, peak ${fmt(median(o.map((x) => x.rssMb)), 0)} MB`,
        baseline: `CPU ${fmt(bc, 0)} ms, peak ${fmt(median(b.map((x) => x.rssMb)), 0)} MB`,
        ratio: `${fmt(ratio)}× CPU, ${fmt(median(o.map((x) => x.rssMb)) / median(b.map((x) => x.rssMb)))}× memory`,
        goal: "≤ 0.6× bare",
        verdict: ratio <= 0.6 ? "ok" : "over",
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Linear growth: the CPU each extra project costs is the same between 224 and 896 as between 32 and 224.
  const perLow = (cpuOf[224] - cpuOf[32]) / (224 - 32);
  const perHigh = (cpuOf[896] - cpuOf[224]) / (896 - 224);
  rows.push({
    benchmark: "workbook: jxmb export vs bare exceljs readFile (processes)",
    case: "growth: CPU per extra project, 224→896 vs 32→224",
    value: `${fmt(perHigh, 2)} ms/project`,
    baseline: `${fmt(perLow, 2)} ms/project`,
    ratio: `${fmt(perHigh / perLow)}×`,
    goal: "≤ 1.3× (linear)",
    verdict: perHigh / perLow <= 1.3 ? "ok" : "over",
  });
  // Memory: what each extra project adds to the peak, ours against bare exceljs's (32→896).
  const memPer = (k: "ours" | "bare") => ((rssOf[896][k] - rssOf[32][k]) * 1024) / (896 - 32);
  rows.push({
    benchmark: "workbook: jxmb export vs bare exceljs readFile (processes)",
    case: "growth: peak memory per extra project, 32→896",
    value: `${fmt(memPer("ours"), 0)} KB/project`,
    baseline: `${fmt(memPer("bare"), 0)} KB/project (bare exceljs)`,
    ratio: `${fmt(memPer("ours") / memPer("bare"))}×`,
    goal: "≤ 1× bare",
    verdict: memPer("ours") <= memPer("bare") ? "ok" : "over",
  });
  return rows;
}
