/**
 * Regenerates docs/template-project.png: seed 000 #1 (安保指挥中心工作经费, read from
 * examples/seed-000.xlsx) filled into the template, printed by LibreOffice to PDF (only the project
 * sheet is kept for the print), first page rasterised by pdftoppm at 80 dpi.
 *
 *   npx tsx scripts/render-template-png.ts [out.png]
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readWorkbook } from "../src/model/read";
import { emptyDocument } from "../src/model/schema";
import { SHEET_LISTS, renderTemplate } from "../src/model/write";
import { loadGrid } from "../src/xlsx/read";
import { writeTemplateBook } from "../src/xlsx/write";
import { convertWithLibreOffice } from "../test/template/libreoffice";

const root = path.join(__dirname, "..");

/** Render the PNG to `out`; returns its bytes. Used by the script and by the LibreOffice test. */
export async function renderProjectPng(out: string): Promise<Uint8Array> {
  const seed = readWorkbook(await loadGrid(fs.readFileSync(path.join(root, "examples/seed-000.xlsx")))).document;
  const project = seed.projects.find((p) => p.name === "安保指挥中心工作经费");
  if (!project) throw new Error("seed 000 #1 not found");
  const doc = emptyDocument("hebei");
  doc.fiscalYear = seed.fiscalYear;
  doc.department = seed.department;
  doc.projects = [project];
  const book = renderTemplate(doc, { indicatorRows: 12 });
  // Print only the project sheet: keep it and the hidden _lists (its checks use the named lists).
  const keep = new Set([book.projectSheets[0], SHEET_LISTS]);
  book.grid.sheets = book.grid.sheets.filter((s) => keep.has(s.name));
  book.grid.names = book.grid.names.filter((n) => n.sheet === null || keep.has(n.sheet));
  const pdf = convertWithLibreOffice({ project: await writeTemplateBook(book) }, "pdf").project;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-png-"));
  try {
    fs.writeFileSync(path.join(dir, "p.pdf"), pdf);
    const r = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", path.join(dir, "p.pdf"), path.join(dir, "p")], { encoding: "utf8", timeout: 60_000 });
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    fs.copyFileSync(path.join(dir, "p.png"), out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return new Uint8Array(fs.readFileSync(out));
}

if (require.main === module) {
  const out = path.resolve(process.argv[2] ?? path.join(root, "docs/template-project.png"));
  renderProjectPng(out).then(
    () => console.log(`wrote ${path.relative(process.cwd(), out)}`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
