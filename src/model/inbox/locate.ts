/** Where things are in an inbox's files: cells of document-level fields, and places for `related` lists. */
import type { JxmbDocument, Project } from "../schema";
import { resolveCell } from "../validate";
import type { InboxFile, InboxLocation } from "./types";

/** Top-left cell of an area ("A1:H40" → "A1"). */
export function firstCell(range: string | null | undefined): string | null {
  if (!range) return null;
  const c = range.split(":")[0].replace(/\$/g, "");
  return /^[A-Z]+[0-9]+$/i.test(c) ? c : null;
}

/** The sheet and cell of a document-level field ("declaredTotals.units.2.total", "overview.budget.project"). */
export function documentCell(doc: JxmbDocument, field: string): { sheet: string | null; cell: string | null } {
  const src = field.startsWith("declaredTotals.") ? doc.declaredTotals?.source : field.startsWith("overview.") ? doc.overview?.source : null;
  if (!src) return { sheet: null, cell: null };
  let key = field.slice(field.indexOf(".") + 1);
  // "budget.project" → "budget" (the block's label) when the figure has no cell of its own.
  for (;;) {
    if (src.cells[key]) return { sheet: src.sheet, cell: src.cells[key] };
    const cut = key.lastIndexOf(".");
    if (cut <= 0) break;
    key = key.slice(0, cut);
  }
  return { sheet: src.sheet, cell: firstCell(src.range) };
}

/** Where a project (or one of its fields) is, for a finding's `related` list. */
export function projectLocation(f: InboxFile, project: Project, field?: string): InboxLocation {
  return {
    file: f.file,
    sheet: project.source?.sheet ?? null,
    cell: field ? resolveCell(project, field) : firstCell(project.source?.range),
    projectSeq: project.seq,
    projectCode: project.code,
    projectName: project.name,
  };
}

/** A document-level place (汇总 declared totals, 部门整体 budget) for a `related` list. */
export function documentLocation(f: InboxFile, field: string): InboxLocation {
  const { sheet, cell } = documentCell(f.document, field);
  return { file: f.file, sheet, cell, projectSeq: null, projectCode: null, projectName: null };
}

