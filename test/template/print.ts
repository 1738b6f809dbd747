/**
 * Print a workbook as a clerk would: LibreOffice → PDF (every sheet's print area and page setup), then
 * pdftoppm → one PNG per page. Shared by the print test and scripts/render-template-png.ts.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { convertWithLibreOffice } from "./libreoffice";

export interface Printout {
  /** Page count as pdfinfo reports it. */
  pages: number;
  /** One PNG per page, in page order, under `dir` (the caller removes it). */
  pngs: string[];
  /** Text of each page (pdftotext), to tell which sheet a page shows. */
  texts: string[];
  dir: string;
}

export function printWorkbook(bytes: Uint8Array, dpi = 60): Printout {
  const pdf = convertWithLibreOffice({ book: bytes }, "pdf", 540_000).book;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-print-"));
  const file = path.join(dir, "book.pdf");
  fs.writeFileSync(file, pdf);
  const info = spawnSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? NaN);
  const r = spawnSync("pdftoppm", ["-png", "-r", String(dpi), file, path.join(dir, "page")], { encoding: "utf8", timeout: 300_000 });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  const pngs = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".png"))
    .sort()
    .map((n) => path.join(dir, n));
  const texts: string[] = [];
  for (let i = 1; i <= pages; i++) {
    const t = spawnSync("pdftotext", ["-f", String(i), "-l", String(i), "-layout", file, "-"], { encoding: "utf8" });
    texts.push(t.stdout ?? "");
  }
  return { pages, pngs, texts, dir };
}
