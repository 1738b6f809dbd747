/**
 * eval:findings — validate's findings against reviewer labels (test/labels/*.labels.json): each
 * labelled workbook is read and validated exactly as `jxmb validate` does, then
 *  - recall per category: labels matched by a finding in the same project, same category (the
 *    finding's rule or a rule folded into it) and the labelled cell (or any cell when the label is
 *    about the whole project);
 *  - precision per severity: findings that match at least one label (a document-level summary when
 *    at least half of the places it lists do); a finding that matches no label counts against it;
 *  - findings per project (median, max), cells with more than one finding, distinct 建议.
 * Labels are a reviewer's judgement and are never edited to make a number.
 *
 * Label files marked `heldOut` were labelled from the documents before the rules were looked at or
 * changed for them; the table reports them apart from the documents the rules were developed on.
 * A file with `incomplete` (the stored page stops mid-table) does not score findings that say
 * something is absent (缺少…指标, 指标过少) unless a label confirms them: what the excerpt lost
 * cannot make such a finding right or wrong.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../src/xlsx/read";
import { readWorkbook } from "../src/model/read";
import { validate } from "../src/model/validate";
import { categoryOfRule } from "../src/model/rules";
import { CATEGORIES, CATEGORY_KEYS, type CategoryKey } from "../src/model/rules/categories";
import type { Finding, Severity } from "../src/model/rules/types";
import type { BenchRow } from "./table";

export const ROOT = path.resolve(__dirname, "..");
export const LABEL_DIR = path.join(ROOT, "test", "labels");

export interface Label {
  project: number | null;
  code?: string | null;
  name?: string | null;
  category: CategoryKey;
  /** The cell to fix; null = a problem of the whole project (or, with project null, of the document). */
  cell: string | null;
  /** Other cells where a finding about this problem is equally right (the row's other cells). */
  also?: string[];
  note: string;
  severity: Severity;
}

export interface LabelFile {
  seed: string;
  workbook: string;
  profile?: string;
  /** Labelled before the rules were looked at or tuned for this document (the held-out set). */
  heldOut?: boolean;
  /** Why the document is an incomplete excerpt (the stored page stops mid-table), when it is. */
  incomplete?: string;
  labels: Label[];
}

/** Rules whose findings say that something is absent from the table (see `incomplete`). */
export function isAbsenceRule(ruleId: string): boolean {
  return ruleId.startsWith("indicator/missing-") || ruleId === "indicator/too-few";
}

export interface EvalResult {
  name: string;
  labels: number;
  findings: number;
  recall: Record<string, { labels: number; found: number }>;
  precision: Record<Severity, { findings: number; onLabel: number }>;
  /** Matched findings whose severity equals the (highest) severity of the labels they match. */
  severityAgrees: { matched: number; same: number };
  perProject: number[];
  /** Projects with at least one 错误/警告 finding, and with at least one 错误/警告 label. */
  projectsFlagged: number;
  projectsLabelled: number;
  multiCells: number;
  fixes: { with: number; without: number; distinct: number };
  fixTexts: Set<string>;
  missed: Label[];
  unmatched: Finding[];
  /** Findings not scored (absence findings on an incomplete excerpt that match no label). */
  unscored: Finding[];
  allFindings: readonly Finding[];
}

const SEV_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function readLabelFiles(dir = LABEL_DIR): LabelFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".labels.json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as LabelFile);
}

function categories(f: Finding): Set<string> {
  const s = new Set<string>([categoryOfRule(f.ruleId)]);
  for (const id of f.folded ?? []) s.add(categoryOfRule(id));
  return s;
}

/** The places a finding stands for, each with the categories said there (its rule + rules folded there). */
function hits(f: Finding): { projectSeq: number | null; cell: string | null; cats: Set<string> }[] {
  if (!f.locations) return [{ projectSeq: f.projectSeq, cell: f.cell, cats: categories(f) }];
  return f.locations.map((l) => ({ projectSeq: l.projectSeq, cell: l.cell, cats: categories({ ...f, folded: l.folded }) }));
}

function matches(l: Label, h: { projectSeq: number | null; cell: string | null }, cats: Set<string>): boolean {
  if (l.project !== h.projectSeq) return false;
  if (!cats.has(l.category)) return false;
  if (l.cell === null) return true;
  return h.cell === l.cell || (l.also?.includes(h.cell ?? "") ?? false);
}

/** Score one document's findings against its labels (pure; the tests use it too). */
export function score(name: string, labels: readonly Label[], findings: readonly Finding[], projectSeqs: readonly number[], opts: { incomplete?: boolean } = {}): EvalResult {
  const recall: EvalResult["recall"] = {};
  for (const k of CATEGORY_KEYS) recall[k] = { labels: 0, found: 0 };
  const precision: EvalResult["precision"] = { error: { findings: 0, onLabel: 0 }, warning: { findings: 0, onLabel: 0 }, info: { findings: 0, onLabel: 0 } };
  const found = new Set<Label>();
  const unmatched: Finding[] = [];
  const unscored: Finding[] = [];
  let matched = 0;
  let same = 0;
  for (const f of findings) {
    const hs = hits(f);
    let hitCount = 0;
    let best: Severity | null = null;
    for (const h of hs) {
      let hit = false;
      for (const l of labels) {
        if (!matches(l, h, h.cats)) continue;
        found.add(l);
        hit = true;
        if (!best || SEV_RANK[l.severity] > SEV_RANK[best]) best = l.severity;
      }
      if (hit) hitCount++;
    }
    const ok = f.locations ? hitCount * 2 >= hs.length : hitCount > 0;
    if (!ok && opts.incomplete && [f.ruleId, ...(f.folded ?? [])].every(isAbsenceRule)) {
      unscored.push(f);
      continue;
    }
    precision[f.severity].findings++;
    if (ok) {
      precision[f.severity].onLabel++;
      matched++;
      if (best === f.severity) same++;
    } else unmatched.push(f);
  }
  for (const l of labels) {
    const r = (recall[l.category] ??= { labels: 0, found: 0 });
    r.labels++;
    if (found.has(l)) r.found++;
  }
  const per = new Map<number, number>(projectSeqs.map((s) => [s, 0]));
  const flagged = new Set<number>();
  const cells = new Map<string, number>();
  const fixes = new Set<string>();
  let withFix = 0;
  for (const f of findings) {
    if (f.projectSeq !== null) {
      per.set(f.projectSeq, (per.get(f.projectSeq) ?? 0) + 1);
      if (f.severity !== "info") flagged.add(f.projectSeq);
    } else if (f.locations && f.severity !== "info") for (const l of f.locations) if (l.projectSeq !== null) flagged.add(l.projectSeq);
    // Every cell a finding points at, grouped or summarised ones included.
    const own = new Set<string>();
    if (f.cell) own.add(`${f.projectSeq}|${f.sheet}|${f.cell}`);
    for (const l of f.locations ?? []) if (l.cell) own.add(`${l.projectSeq}|${l.sheet}|${l.cell}`);
    for (const k of own) cells.set(k, (cells.get(k) ?? 0) + 1);
    if (f.fix) {
      withFix++;
      fixes.add(f.fix);
    }
  }
  const labelled = new Set(labels.filter((l) => l.project !== null && l.severity !== "info").map((l) => l.project!));
  return {
    name,
    labels: labels.length,
    findings: findings.length,
    recall,
    precision,
    severityAgrees: { matched, same },
    perProject: [...per.values()],
    projectsFlagged: flagged.size,
    projectsLabelled: labelled.size,
    multiCells: [...cells.values()].filter((n) => n > 1).length,
    fixes: { with: withFix, without: findings.length - withFix, distinct: fixes.size },
    fixTexts: fixes,
    missed: labels.filter((l) => !found.has(l)),
    unmatched,
    unscored,
    allFindings: findings,
  };
}

/** Read, validate and score every labelled workbook. */
export async function evaluate(dir = LABEL_DIR, opts: { raw?: boolean } = {}): Promise<(EvalResult & { heldOut: boolean })[]> {
  const out: (EvalResult & { heldOut: boolean })[] = [];
  for (const lf of readLabelFiles(dir)) {
    const file = path.join(ROOT, lf.workbook);
    const grid = await loadGrid(fs.readFileSync(file), { fileName: path.basename(file) });
    const { document } = readWorkbook(grid);
    const report = validate(document, { raw: opts.raw });
    const live = document.projects.filter((p) => !p.redacted).map((p) => p.seq);
    const r = score(lf.seed, lf.labels, report.findings, live, { incomplete: !!lf.incomplete });
    out.push({ ...r, heldOut: !!lf.heldOut });
  }
  return out;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(0)}%`);

/** All documents together. */
export function total(results: readonly EvalResult[], name = "合计 all"): EvalResult {
  const t = score("all", [], [], []);
  t.name = name;
  for (const r of results) {
    t.labels += r.labels;
    t.findings += r.findings;
    for (const [k, v] of Object.entries(r.recall)) {
      const x = (t.recall[k] ??= { labels: 0, found: 0 });
      x.labels += v.labels;
      x.found += v.found;
    }
    for (const s of ["error", "warning", "info"] as Severity[]) {
      t.precision[s].findings += r.precision[s].findings;
      t.precision[s].onLabel += r.precision[s].onLabel;
    }
    t.severityAgrees.matched += r.severityAgrees.matched;
    t.severityAgrees.same += r.severityAgrees.same;
    t.perProject.push(...r.perProject);
    t.projectsFlagged += r.projectsFlagged;
    t.projectsLabelled += r.projectsLabelled;
    t.multiCells += r.multiCells;
    t.fixes.with += r.fixes.with;
    t.fixes.without += r.fixes.without;
    for (const x of r.fixTexts) t.fixTexts.add(x);
    t.fixes.distinct = t.fixTexts.size;
    t.missed.push(...r.missed);
    t.unmatched.push(...r.unmatched);
    t.unscored.push(...r.unscored);
  }
  return t;
}

/**
 * The documents the rules were developed on, the held-out ones, and all together: the table
 * `npm run eval:findings` prints (with `byFile`, one column per document as well).
 */
export function groupedResults(results: readonly (EvalResult & { heldOut?: boolean })[], byFile = false): EvalResult[] {
  const tuned = results.filter((r) => !r.heldOut);
  const held = results.filter((r) => r.heldOut);
  const groups = [total(tuned, "开发集 tuned"), ...(held.length ? [total(held, "留出集 held-out")] : [])];
  return [...(byFile ? results : []), ...groups, total(results)];
}

/** The plain-text table of the given columns (documents or groups). */
export function formatTable(columns: readonly EvalResult[]): string {
  const all = columns;
  const lines: string[] = [];
  const head = ["", ...all.map((r) => r.name)];
  const rows: string[][] = [];
  rows.push(["labels 标注问题", ...all.map((r) => String(r.labels))]);
  rows.push(["findings 发现", ...all.map((r) => String(r.findings))]);
  const recallAll = (r: EvalResult) => {
    let a = 0;
    let b = 0;
    for (const v of Object.values(r.recall)) {
      a += v.found;
      b += v.labels;
    }
    return `${pct(a, b)} (${a}/${b})`;
  };
  rows.push(["recall 召回 (all)", ...all.map(recallAll)]);
  for (const k of CATEGORY_KEYS) {
    if (all.every((r) => (r.recall[k]?.labels ?? 0) === 0)) continue;
    rows.push([`  recall ${CATEGORIES[k].zh}`, ...all.map((r) => (r.recall[k]?.labels ? `${pct(r.recall[k].found, r.recall[k].labels)} (${r.recall[k].found}/${r.recall[k].labels})` : "—"))]);
  }
  const sevZh: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
  for (const s of ["error", "warning", "info"] as Severity[])
    rows.push([`precision ${sevZh[s]}`, ...all.map((r) => `${pct(r.precision[s].onLabel, r.precision[s].findings)} (${r.precision[s].onLabel}/${r.precision[s].findings})`)]);
  rows.push(["severity = label 级别一致", ...all.map((r) => pct(r.severityAgrees.same, r.severityAgrees.matched))]);
  rows.push(["findings/project median", ...all.map((r) => String(median(r.perProject)))]);
  rows.push(["findings/project max", ...all.map((r) => String(r.perProject.length ? Math.max(...r.perProject) : 0))]);
  rows.push(["doc-level findings 全文级", ...all.map((r) => String(r.findings - r.perProject.reduce((a, b) => a + b, 0)))]);
  rows.push(["not scored (excerpt cut) 未计分", ...all.map((r) => String(r.unscored.length))]);
  rows.push(["projects 错误/警告 flagged", ...all.map((r) => `${r.projectsFlagged} (labelled ${r.projectsLabelled})`)]);
  rows.push(["cells with >1 finding 多发现单元格", ...all.map((r) => String(r.multiCells))]);
  rows.push(["建议 with/without", ...all.map((r) => `${r.fixes.with}/${r.fixes.without}`)]);
  rows.push(["distinct 建议 不同建议", ...all.map((r) => String(r.fixes.distinct))]);
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = head.map((_, i) => Math.max(width(head[i]), ...rows.map((r) => width(r[i]))));
  const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => pad(c, cols[i])).join(" | ") + " |";
  lines.push(line(head));
  lines.push("|" + cols.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const r of rows) lines.push(line(r));
  return lines.join("\n");
}

/** The headline figures as bench rows (issue 9 goals), for `npm run bench`. */
export async function findingsRows(): Promise<BenchRow[]> {
  const results = await evaluate();
  if (results.length === 0) return [];
  console.error(formatTable(groupedResults(results)));
  const t = total(results);
  let a = 0;
  let b = 0;
  for (const v of Object.values(t.recall)) {
    a += v.found;
    b += v.labels;
  }
  const row = (c: string, value: number, goal: number, unit: string, higher: boolean, baseline = "-"): BenchRow => ({
    benchmark: "findings (labelled tables)",
    case: c,
    value: `${value.toFixed(unit === "%" ? 0 : 1)}${unit}`,
    baseline,
    ratio: "-",
    goal: `${higher ? "≥" : "≤"} ${goal}${unit}`,
    verdict: (higher ? value >= goal : value <= goal) ? "ok" : "over",
  });
  const p = (s: Severity) => (t.precision[s].findings ? (100 * t.precision[s].onLabel) / t.precision[s].findings : 100);
  return [
    row("recall", b ? (100 * a) / b : 100, 90, "%", true, `${a}/${b} labels`),
    row("precision 错误", p("error"), 95, "%", true, `${t.precision.error.findings} findings`),
    row("precision 警告", p("warning"), 90, "%", true, `${t.precision.warning.findings} findings`),
    row("findings/project median", median(t.perProject), 3, "", false, `${t.perProject.length} projects`),
    row("cells with >1 finding", t.multiCells, 0, "", false),
  ];
}
