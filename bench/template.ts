/**
 * `jxmb import` of a large department and reading its output back, as whole processes (issue 12/13: a
 * workbook JXMB writes must read back under the DEFAULT limits). 1,200 synthetic projects × 12 indicators
 * (30 indicator rows per sheet, as every template sheet has) → JSON → `jxmb import` → `jxmb export`
 * without any --max-… flag. Shows CPU, wall and peak memory of both, the bytes of one project sheet's
 * XML and of the whole package, and checks the export gives back every project (against a bare exceljs
 * readFile of the same file). Before the row checks were slimmed (framework test in every row), 1,000 projects
 * made 252 KB per project sheet, and the export took ~9 s CPU and 2.2 GB.
 * Needs `npm run build:cli` (it runs bin/jxmb.js).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readZipDirectory } from "../src/xlsx/guard";
import { syntheticDocument } from "../test/helpers/synthetic";
import { type BenchRow, fmt } from "./table";
import { bare, REPORT, runNode } from "./workbook";

const ROOT = path.resolve(__dirname, "..");
const BIN = process.env.JXMB_BENCH_BIN ?? path.join(ROOT, "bin", "jxmb.js");
const PROJECTS = 1_200;

const cli = (args: string[]) => runNode(["-e", `${REPORT}process.argv.splice(1,0,"jxmb");require(${JSON.stringify(BIN)})`, ...args]);

export async function benchTemplate(): Promise<BenchRow[]> {
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) throw new Error("bench/template: run `npm run build:cli` first");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-bench-tpl-"));
  try {
    const json = path.join(dir, "doc.json");
    const xlsx = path.join(dir, "doc.xlsx");
    const back = path.join(dir, "back.json");
    fs.writeFileSync(json, JSON.stringify(syntheticDocument(PROJECTS, 12)));
    const imp = cli(["import", json, "-o", xlsx, "--force"]);
    const bytes = new Uint8Array(fs.readFileSync(xlsx));
    const zip = readZipDirectory(bytes, 100_000);
    const sheetXml = zip.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).map((e) => e.uncompressedSize);
    // Sheets 1 and 2 are 部门 and 汇总; the rest are project sheets (and the hidden lists at the end).
    const project = [...sheetXml.slice(2)].sort((a, b) => a - b)[Math.floor((sheetXml.length - 2) / 2)];
    const total = zip.reduce((s, e) => s + e.uncompressedSize, 0);
    const exp = cli(["export", xlsx, "-o", back, "--force"]);
    const ref = bare(xlsx);
    const found = (JSON.parse(fs.readFileSync(back, "utf8")) as { projects: unknown[] }).projects.length;
    if (found !== PROJECTS) throw new Error(`bench/template: export gave ${found} of ${PROJECTS} projects`);
    return [
      {
        benchmark: "template: jxmb import (whole process)",
        case: `${PROJECTS} projects × 12 indicators → ${(bytes.length / 1e6).toFixed(1)} MB xlsx, ${(total / 1e6).toFixed(0)} MB XML, ${(project / 1024).toFixed(0)} KB per project sheet`,
        value: `CPU ${fmt(imp.cpu / 1000, 1)} s, wall ${fmt(imp.wall / 1000, 1)} s, peak ${fmt(imp.rssMb, 0)} MB`,
        baseline: "-",
        ratio: "-",
        goal: "reads back under the default limits",
        verdict: "-",
      },
      {
        benchmark: "template: jxmb export of that file, default limits",
        case: `${PROJECTS} projects read back (all of them)`,
        value: `CPU ${fmt(exp.cpu / 1000, 1)} s, wall ${fmt(exp.wall / 1000, 1)} s, peak ${fmt(exp.rssMb, 0)} MB`,
        baseline: `bare exceljs readFile: CPU ${fmt(ref.cpu / 1000, 1)} s, peak ${fmt(ref.rssMb, 0)} MB`,
        ratio: `${fmt(exp.cpu / ref.cpu)}× CPU`,
        goal: "exit 0 under default limits",
        verdict: "ok",
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
