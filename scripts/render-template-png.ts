/**
 * Regenerates the screenshots of each profile's project form, printed by LibreOffice to PDF (only the
 * project sheet is kept for the print), first page rasterised by pdftoppm at 80 dpi:
 *   docs/template-project.png               hebei: seed 000 #1 (安保指挥中心工作经费, examples/seed-000.xlsx)
 *   docs/template-project-ningxia.png       ningxia: seed 004 #2 (2024 年辅警业务经费, examples/seed-004.xlsx)
 *   docs/template-project-central-2021.png  central-2021: seed 000 #1 with its 成本 row as the 一级 成本指标/经济成本指标,
 *                                           and (for illustration, marked 示例) a 中期目标 and two 中期指标值
 *
 *   npx tsx scripts/render-template-png.ts [out.png]      (hebei only, to out.png)
 *   npx tsx scripts/render-template-png.ts --all          (all three into docs/)
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readWorkbook } from "../src/model/read";
import { emptyDocument, type JxmbDocument, type ProfileName } from "../src/model/schema";
import { SHEET_DEPARTMENT, SHEET_LISTS, renderTemplate } from "../src/model/write";
import { parseTarget } from "../src/model/value";
import { loadGrid } from "../src/xlsx/read";
import { writeTemplateBook } from "../src/xlsx/write";
import { convertWithLibreOffice } from "../test/template/libreoffice";

const root = path.join(__dirname, "..");

async function sampleDocument(profile: ProfileName): Promise<JxmbDocument> {
  const file = profile === "ningxia" ? "examples/seed-004.xlsx" : "examples/seed-000.xlsx";
  const seed = readWorkbook(await loadGrid(fs.readFileSync(path.join(root, file)))).document;
  const wanted = profile === "ningxia" ? "2024 年辅警业务经费" : "安保指挥中心工作经费";
  const project = seed.projects.find((p) => p.name === wanted);
  if (!project) throw new Error(`${wanted} not found in ${file}`);
  if (profile === "central-2021") {
    for (const ind of project.indicators) if (ind.level2 === "成本指标") Object.assign(ind, { level1: "成本指标", level2: "经济成本指标" });
    // The seed has no 中期 part: an illustrative one (marked 示例) shows where the form puts it.
    const mid = (name: string, raw: string) => ({ ...project.indicators.find((i) => i.name === name)!, target: parseTarget(raw) });
    project.midTerm = {
      goals: ["（示例）三年内安保指挥中心警卫工作保障到位"],
      indicators: [mid("设备发挥作用率", "≥98%"), mid("服务对象满意度", "≥98%")],
    };
  }
  const doc = emptyDocument(profile);
  doc.fiscalYear = seed.fiscalYear;
  doc.department = seed.department;
  doc.projects = [project];
  return doc;
}

/** Render the PNG to `out`; returns its bytes. Used by the script and by the LibreOffice test. */
export async function renderProjectPng(out: string, profile: ProfileName = "hebei"): Promise<Uint8Array> {
  const doc = await sampleDocument(profile);
  const book = renderTemplate(doc, { indicatorRows: 12 });
  // Print 部门 (the year the form shows comes from there) and the project sheet, keep the hidden _lists (the checks
  // use the named lists); the project is the last page.
  const keep = new Set([SHEET_DEPARTMENT, book.projectSheets[0], SHEET_LISTS]);
  book.grid.sheets = book.grid.sheets.filter((s) => keep.has(s.name));
  book.grid.names = book.grid.names.filter((n) => n.sheet === null || keep.has(n.sheet));
  const pdf = convertWithLibreOffice({ project: await writeTemplateBook(book) }, "pdf").project;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-png-"));
  try {
    fs.writeFileSync(path.join(dir, "p.pdf"), pdf);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(spawnSync("pdfinfo", [path.join(dir, "p.pdf")], { encoding: "utf8" }).stdout)?.[1] ?? 1);
    const last = String(pages);
    const r = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", last, "-l", last, "-singlefile", path.join(dir, "p.pdf"), path.join(dir, "p")], { encoding: "utf8", timeout: 60_000 });
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    fs.copyFileSync(path.join(dir, "p.png"), out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return new Uint8Array(fs.readFileSync(out));
}

if (require.main === module) {
  const all = process.argv[2] === "--all";
  const jobs: [string, ProfileName][] = all
    ? [
        [path.join(root, "docs/template-project.png"), "hebei"],
        [path.join(root, "docs/template-project-ningxia.png"), "ningxia"],
        [path.join(root, "docs/template-project-central-2021.png"), "central-2021"],
      ]
    : [[path.resolve(process.argv[2] ?? path.join(root, "docs/template-project.png")), "hebei"]];
  (async () => {
    for (const [out, profile] of jobs) {
      await renderProjectPng(out, profile);
      console.log(`wrote ${path.relative(process.cwd(), out)}`);
    }
  })().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
