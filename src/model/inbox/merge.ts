/**
 * One canonical document for the department from its units' files: every project in file order,
 * renumbered 1…N, each keeping where it came from in `source.file` / `source.seq` (optional keys of
 * schema v2: a document without them is unchanged). The department's 汇总 and 部门整体 parts come from
 * the file that carries them. Schema-valid: the result goes through canonical JSON like any document.
 */
import { JxmbDocument, SCHEMA_ID, SCHEMA_VERSION, type CodeName, type DeclaredTotals, type Project } from "../schema";
import { squash } from "../rules/util";
import { inboxSums, isSummaryFile } from "./rules/totals";
import type { InboxFile } from "./types";

/** The most frequent non-null value (first seen wins a tie). */
function mostCommon<T>(values: readonly (T | null | undefined)[], key: (v: T) => string = (v) => String(v)): T | null {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1 });
  }
  let best: { v: T; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best ? best.v : null;
}

const withFile = <T extends { source: Record<string, unknown> | null }>(x: T, file: string): T => (x.source ? { ...x, source: { ...x.source, file } } : x);

export interface MergeResult {
  document: JxmbDocument;
  /** What the merge had to choose (zh-CN), e.g. two files with a 部门整体 table: the first one's is kept. */
  notes: string[];
  /** The same notes in English, one for one (the CLI's en-US locale). */
  notesEn: string[];
}

export function mergeInbox(files: readonly InboxFile[]): MergeResult {
  const notes: string[] = [];
  const notesEn: string[] = [];
  const docs = files.map((f) => f.document);
  const sums = inboxSums(files);
  const summaries = files.map((_, i) => i).filter((i) => isSummaryFile(files, sums, i));
  // The department's own file (its 汇总 or its 部门整体 table) names the department, else the majority does.
  const deptFile = summaries[0] ?? docs.findIndex((d) => d.overview !== null && d.projects.length === 0);
  const department: CodeName =
    deptFile >= 0 && (docs[deptFile].department.code || docs[deptFile].department.name)
      ? docs[deptFile].department
      : (mostCommon(
          docs.map((d) => (d.department.code || d.department.name ? d.department : null)),
          (d) => `${squash(d.code)}\u0001${squash(d.name)}`,
        ) ?? { code: null, name: null });
  const fiscalYear = mostCommon(docs.map((d) => d.fiscalYear));
  const years = new Set(docs.map((d) => d.fiscalYear).filter((y) => y !== null));
  if (years.size > 1) {
    notes.push(`各文件的预算年度不一致（${[...years].join("、")}），合并文件取 ${fiscalYear}`);
    notesEn.push(`the files' budget years differ (${[...years].join(", ")}); the merged file takes ${fiscalYear}`);
  }
  const yearDoc = docs.find((d) => d.fiscalYear === fiscalYear && d.fiscalYearSource);
  const profile = mostCommon(docs.map((d) => d.profile)) ?? "hebei";

  const withOverview = docs.map((d, i) => (d.overview ? i : -1)).filter((i) => i >= 0);
  const ovIndex = deptFile >= 0 && docs[deptFile].overview ? deptFile : (withOverview[0] ?? -1);
  if (withOverview.length > 1) {
    notes.push(`${withOverview.length} 个文件含部门整体绩效目标，合并文件取 ${files[ovIndex].file} 的`);
    notesEn.push(`${withOverview.length} files hold a department-overall table; the merged file takes the one of ${files[ovIndex].file}`);
  }
  const overview = ovIndex >= 0 ? withFile(docs[ovIndex].overview!, files[ovIndex].file) : null;

  let declaredTotals: DeclaredTotals | null = null;
  if (summaries.length > 0) {
    declaredTotals = withFile(docs[summaries[0]].declaredTotals!, files[summaries[0]].file);
    if (summaries.length > 1) {
      notes.push(`${summaries.length} 个文件含部门汇总的申报合计，合并文件取 ${files[summaries[0]].file} 的`);
      notesEn.push(`${summaries.length} files declare the department's totals; the merged file takes those of ${files[summaries[0]].file}`);
    }
  } else {
    // No department 汇总: each unit's declared rows, first file first; no department figure is invented.
    const units: DeclaredTotals["units"] = [];
    const seen = new Set<string>();
    for (const d of docs)
      for (const u of d.declaredTotals?.units ?? []) {
        const k = `${squash(u.code)}\u0001${squash(u.name)}`;
        if (seen.has(k)) continue;
        seen.add(k);
        units.push(u);
      }
    if (units.length > 0) declaredTotals = { department: null, units, source: null };
  }

  const projects: Project[] = [];
  files.forEach((f, fi) => {
    for (const p of docs[fi].projects) {
      projects.push({ ...p, seq: projects.length + 1, source: { ...p.source, file: f.file, seq: p.seq } });
    }
  });

  const title = (deptFile >= 0 ? docs[deptFile].title : null) ?? mostCommon(docs.map((d) => d.title));
  const merged: JxmbDocument = {
    $schema: SCHEMA_ID,
    schemaVersion: SCHEMA_VERSION,
    fiscalYear,
    ...(yearDoc?.fiscalYearSource ? { fiscalYearSource: yearDoc.fiscalYearSource } : {}),
    moneyUnit: "万元",
    profile,
    department,
    title,
    overview,
    declaredTotals,
    projects,
  };
  // Whatever went wrong above, a document that is not schema-valid never leaves here.
  return { document: JxmbDocument.parse(merged), notes, notesEn };
}
