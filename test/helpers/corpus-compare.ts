/**
 * Compare what readWorkbook extracts from a corpus workbook with its truth file (test/corpus/truth):
 * the field-by-field diffs a test prints, and the counts the bench's "reading power" section reports
 * (tables and indicator rows found vs truth, phantom rows). One place, used by both.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { JxmbDocument, Indicator, Project } from "../../src/model/schema";
import { foldTraditional } from "../../src/model/han-fold";
import { loadTruth, type Truth, type TruthIndicator, type TruthProject } from "../corpus/truth-schema";

export const CORPUS_DIR = path.join(__dirname, "..", "corpus");

export function truthFiles(): string[] {
  const dir = path.join(CORPUS_DIR, "truth");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(dir, f));
}

export function loadCorpusCase(file: string): { truth: Truth; workbook: string } {
  const truth = loadTruth(file);
  return { truth, workbook: path.join(CORPUS_DIR, truth.workbook) };
}

/** Compare texts as a reader of the form would: no whitespace, full-width ASCII and small-form glyphs (﹦) folded (NFKC). */
export function norm(s: string | null | undefined): string {
  return String(s ?? "")
    .normalize("NFKC")
    .replace(/[\s\u3000\u00a0]+/g, "")
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function sameIndicator(t: TruthIndicator, i: Indicator): string[] {
  const d: string[] = [];
  const l1 = t.level1Canonical ?? t.level1;
  const l2 = t.level2Canonical ?? t.level2;
  // A label matches as written (level1Raw/level2Raw) or as normalised by the taxonomy, in either script
  // (labels are matched folded to simplified characters; names and values are compared as written).
  const lab = (s: string | null | undefined) => foldTraditional(norm(s));
  const same = (want: string, label: string, raw: string | null) => lab(want) === lab(label) || (raw !== null && lab(want) === lab(raw));
  if (l1 !== null && !same(l1, i.level1, i.level1Raw)) d.push(`level1 ${JSON.stringify(i.level1)} ≠ ${JSON.stringify(l1)}`);
  if (l2 !== null && !same(l2, i.level2, i.level2Raw)) d.push(`level2 ${JSON.stringify(i.level2)} ≠ ${JSON.stringify(l2)}`);
  if (norm(t.name) !== norm(i.name)) d.push(`name ${JSON.stringify(i.name)} ≠ ${JSON.stringify(t.name)}`);
  if (norm(t.value) !== norm(i.target.raw)) d.push(`value ${JSON.stringify(i.target.raw)} ≠ ${JSON.stringify(t.value)}`);
  return d;
}

export interface CaseScore {
  tablesTruth: number;
  tablesFound: number;
  rowsTruth: number;
  /** Truth rows read with the right level1, level2, name and value. */
  rowsRight: number;
  /** Indicator rows read that are no row of the truth. */
  phantom: number;
  diffs: string[];
}

function compareIndicators(where: string, truth: TruthIndicator[], read: Indicator[], diffs: string[]): { right: number; phantom: number } {
  let right = 0;
  const used = new Set<number>();
  truth.forEach((t, k) => {
    // Same position first, else the same name anywhere (rows in another order are still read).
    let j = read[k] && norm(read[k].name) === norm(t.name) && !used.has(k) ? k : read.findIndex((i, n) => !used.has(n) && norm(i.name) === norm(t.name));
    if (j < 0 && read[k] && !used.has(k)) j = k;
    if (j < 0) {
      diffs.push(`${where} indicator ${k + 1} “${t.name}”: not read`);
      return;
    }
    used.add(j);
    const d = sameIndicator(t, read[j]);
    if (d.length === 0) right++;
    else diffs.push(`${where} indicator ${k + 1} “${t.name}”: ${d.join("; ")}`);
  });
  const phantom = read.length - used.size;
  read.forEach((i, n) => {
    if (!used.has(n)) diffs.push(`${where} extra indicator row “${i.name}” = ${JSON.stringify(i.target.raw)} (${i.source.name ?? "?"})`);
  });
  return { right, phantom };
}

function compareProject(where: string, t: TruthProject, p: Project, docYear: number | null, diffs: string[]): void {
  if (norm(t.name) !== norm(p.name)) diffs.push(`${where} name ${JSON.stringify(p.name)} ≠ ${JSON.stringify(t.name)}`);
  if ((t.code ?? null) !== (p.code ?? null)) diffs.push(`${where} code ${JSON.stringify(p.code)} ≠ ${JSON.stringify(t.code)}`);
  const alt = t.budgetAlt ?? [];
  for (const k of ["total", "fiscal", "other"] as const) {
    const want = t.budget[k];
    const got = p.budget[k];
    if (want === got) continue;
    if (got !== null && alt.includes(got) && k !== "other") continue;
    diffs.push(`${where} budget.${k} ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  if (t.fiscalYear !== null && docYear !== t.fiscalYear) diffs.push(`${where} fiscalYear ${docYear} ≠ ${t.fiscalYear}`);
}

/** Score one document against its truth; `diffs` say field by field what differs. */
export function scoreCase(truth: Truth, doc: JxmbDocument): CaseScore {
  const diffs: string[] = [];
  let rowsTruth = 0;
  let rowsRight = 0;
  let phantom = 0;
  const projects = doc.projects;
  // The read table for a truth project: same name (and same unit, where the truth gives one: one 专项 read
  // as a table per county has the same name in every table), else the one at the same position.
  const find = (t: TruthProject, k: number): Project | undefined =>
    projects.find((x) => norm(x.name) === norm(t.name) && (!t.unit || norm(x.unit.name) === norm(t.unit.name))) ??
    (t.unit ? undefined : projects.find((x) => norm(x.name) === norm(t.name))) ??
    projects[k];
  truth.projects.forEach((t, k) => {
    rowsTruth += t.indicators.length;
    const p = find(t, k);
    const where = `project ${k + 1} “${t.name}”`;
    if (!p) {
      diffs.push(`${where}: not read`);
      return;
    }
    compareProject(where, t, p, doc.fiscalYear, diffs);
    const c = compareIndicators(where, t.indicators, p.indicators, diffs);
    rowsRight += c.right;
    phantom += c.phantom;
  });
  // Tables read that are in no truth project.
  const matched = new Set(truth.projects.map((t, k) => find(t, k)).filter(Boolean));
  let tablesFound = matched.size;
  if (truth.departmentIndicators) {
    rowsTruth += truth.departmentIndicators.length;
    const read = doc.overview?.indicators ?? projects.filter((p) => !matched.has(p)).flatMap((p) => p.indicators);
    if (read.length) tablesFound++;
    const c = compareIndicators("department", truth.departmentIndicators, read, diffs);
    rowsRight += c.right;
    phantom += c.phantom;
  } else {
    for (const p of projects) {
      if (matched.has(p)) continue;
      diffs.push(`extra table “${p.name}” (${p.source.sheet}!${p.source.range}) with ${p.indicators.length} indicator rows`);
      phantom += p.indicators.length;
    }
  }
  const tablesTruth = truth.projects.length + (truth.departmentIndicators ? 1 : 0);
  // The truth's unit is the body the table is filed for: the document's department, or the unit a
  // table names (a 自评表 keeps 主管部门 as the department and 实施单位 as the table's unit).
  const unitOk = (u: { code: string | null; name: string | null }) => norm(u.name) === norm(truth.unit.name) && (truth.unit.code === null || u.code === truth.unit.code);
  if (!unitOk(doc.department) && !projects.some((p) => unitOk(p.unit))) {
    diffs.push(`unit ${JSON.stringify(doc.department)} (tables: ${JSON.stringify(projects.map((p) => p.unit))}) ≠ ${JSON.stringify(truth.unit)}`);
  }
  return { tablesTruth, tablesFound, rowsTruth, rowsRight, phantom, diffs };
}
