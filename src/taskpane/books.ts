/**
 * JSON import and template insertion: canonical JSON → document → TemplateBook (src/model/write) → NEW sheets in
 * the live workbook (Office; never over existing sheets) or a downloaded .xlsx (standalone page; exceljs is loaded
 * lazily, only here).
 */
import { parseCanonicalJson } from "../model/canonical";
import type { ProfileName } from "../model/schema";
import { renderEmptyTemplate, renderTemplate, SHEET_LISTS, type TemplateBook } from "../model/write/index";
import type { WorkbookPort } from "./excel/port";
import { downloadFile, XLSX_MIME } from "./browser";

export type TemplateKind = "project" | "full";

export type BookResult = { ok: true; book: TemplateBook; suggestedName: string } | { ok: false; errors: string[] };

/** Canonical JSON text → TemplateBook, or zh-CN errors naming the problem (bad JSON, wrong version, bad field). */
export function importJsonText(text: string, fileName: string): BookResult {
  const parsed = parseCanonicalJson(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const doc = parsed.document;
  if (doc.projects.length === 0 && !doc.overview) {
    return { ok: false, errors: [`“${fileName}”中没有项目，也没有部门整体绩效目标，无需导入（no projects in the JSON）`] };
  }
  const base = fileName.replace(/\.json$/i, "");
  return { ok: true, book: renderTemplate(doc), suggestedName: `${base}.xlsx` };
}

/** Only some sheets of a book (names and extras follow); used for “one project sheet”. */
export function subsetBook(book: TemplateBook, keep: string[]): TemplateBook {
  const set = new Set(keep);
  return {
    ...book,
    grid: {
      sheets: book.grid.sheets.filter((s) => set.has(s.name)),
      names: book.grid.names.filter((n) => n.sheet !== null && set.has(n.sheet)),
    },
    extras: Object.fromEntries(Object.entries(book.extras).filter(([k]) => set.has(k))),
    projectSheets: book.projectSheets.filter((n) => set.has(n)),
  };
}

/** The empty template: all of it (部门, 汇总, 3 project sheets, lists) or one project sheet (+ its lists). */
export function templateBook(kind: TemplateKind, profile: ProfileName): { book: TemplateBook; suggestedName: string } {
  if (kind === "full") return { book: renderEmptyTemplate(3, profile), suggestedName: "绩效目标表模板.xlsx" };
  const full = renderEmptyTemplate(1, profile);
  return { book: subsetBook(full, [full.projectSheets[0], SHEET_LISTS]), suggestedName: "绩效目标表模板（单个项目）.xlsx" };
}

/** Office: insert as new sheets. Standalone: download an .xlsx (exceljs loaded now, not before). Returns zh-CN status. */
export async function deliverBook(port: WorkbookPort, mode: "office" | "standalone", book: TemplateBook, suggestedName: string): Promise<string> {
  if (mode === "office") {
    const res = await port.insertSheets(book);
    const visible = res.names.filter((_, i) => !book.grid.sheets[i]?.hidden);
    return `已插入新工作表：${visible.join("、")}（原有工作表未改动）`;
  }
  const { writeTemplateBook } = await import(/* webpackChunkName: "xlsx-write" */ "../xlsx/write");
  const bytes = await writeTemplateBook(book);
  const ok = downloadFile(suggestedName, bytes, XLSX_MIME);
  return ok ? `已下载 ${suggestedName}，请在 Excel 或 WPS 中打开` : "此环境不允许下载文件";
}
