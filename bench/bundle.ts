/**
 * Bundle sizes of the production build (`npm run build` → dist/), gzip level 9, for the bench table.
 * "Initial" = the scripts a page loads before first paint (read from the built HTML, so it is exactly what the
 * browser fetches); exceljs and the xlsx adapters are async chunks fetched only when the user opens/exports a file.
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import type { BenchRow } from "./table";

export interface PageSize {
  page: string;
  scripts: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

export interface BundleReport {
  pages: PageSize[];
  /** Chunks no page loads up front (code-split), e.g. exceljs. */
  lazy: { file: string; bytes: number; gzip: number }[];
  /** True when an initial script contains exceljs (must never happen). */
  exceljsInitial: boolean;
}

const GOAL_KB = 300;

function size(file: string): { bytes: number; gzip: number } {
  const buf = readFileSync(file);
  return { bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/** Local script srcs of an HTML page, in order (the CDN office.js is not ours and not counted). */
export function scriptsOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)["']?[^>]*>/gi)) {
    if (!/^https?:/i.test(m[1])) out.push(m[1].replace(/^\.?\//, ""));
  }
  return out;
}

export function measureBundle(dist = join(__dirname, "../dist")): BundleReport {
  if (!existsSync(join(dist, "taskpane.html"))) throw new Error(`${dist}/taskpane.html missing: run \`npm run build\` first`);
  const pages: PageSize[] = [];
  const initial = new Set<string>();
  let exceljsInitial = false;
  for (const page of ["taskpane.html", "standalone.html"]) {
    const p = join(dist, page);
    if (!existsSync(p)) continue;
    const scripts = scriptsOf(readFileSync(p, "utf8")).map((file) => {
      initial.add(file);
      const text = readFileSync(join(dist, file), "utf8");
      // exceljs' prebuilt bundle announces itself in its banner / module ids.
      if (/exceljs/i.test(file) || /ExcelJS|exceljs\.min/.test(text)) exceljsInitial = true;
      return { file, ...size(join(dist, file)) };
    });
    pages.push({
      page,
      scripts,
      bytes: scripts.reduce((a, s) => a + s.bytes, 0),
      gzip: scripts.reduce((a, s) => a + s.gzip, 0),
    });
  }
  const lazy = readdirSync(dist)
    .filter((f) => f.endsWith(".js") && !initial.has(f))
    .map((file) => ({ file, ...size(join(dist, file)) }))
    .sort((a, b) => b.gzip - a.gzip);
  return { pages, lazy, exceljsInitial };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Rows for `npm run bench`'s table. */
export function bundleRows(dist?: string): BenchRow[] {
  const r = measureBundle(dist);
  const rows: BenchRow[] = [];
  const exceljs = r.lazy.find((c) => /exceljs/.test(c.file));
  for (const p of r.pages) {
    rows.push({
      benchmark: "bundle (gzip)",
      case: `${p.page} initial JS, without exceljs`,
      value: kb(p.gzip),
      baseline: exceljs ? `exceljs chunk ${kb(exceljs.gzip)}` : "-",
      ratio: exceljs ? (p.gzip / exceljs.gzip).toFixed(2) : "-",
      goal: `≤ ${GOAL_KB} KB, no exceljs`,
      verdict: p.gzip <= GOAL_KB * 1024 && !r.exceljsInitial ? "ok" : "over",
    });
  }
  for (const c of r.lazy) {
    rows.push({ benchmark: "bundle (gzip)", case: `lazy ${c.file.replace(/\.[0-9a-f]{8}(\.chunk)?\.js$/, "")}`, value: kb(c.gzip), baseline: "-", ratio: "-", goal: "async only", verdict: "-" });
  }
  return rows;
}

if (require.main === module) {
  const r = measureBundle(process.argv[2]);
  for (const p of r.pages) {
    console.log(`${p.page}: ${kb(p.gzip)} gzip (${kb(p.bytes)} raw) in ${p.scripts.length} scripts`);
    for (const s of p.scripts) console.log(`  ${s.file.padEnd(34)} ${kb(s.gzip).padStart(10)}`);
  }
  console.log("lazy chunks:");
  for (const c of r.lazy) console.log(`  ${c.file.padEnd(34)} ${kb(c.gzip).padStart(10)}`);
  console.log(`exceljs in an initial chunk: ${r.exceljsInitial ? "YES (bad)" : "no"}`);
}
