/**
 * JSON import and template insertion: canonical JSON → document → TemplateBook (src/model/write) → NEW sheets in
 * the live workbook (Office) or a downloaded .xlsx (standalone page; exceljs is loaded lazily, only here).
 *
 * The guarantee for the live workbook: the pane only ever ADDS sheets (free names, never over an existing sheet);
 * the user sees what will be added before anything is written (previewInsert), and can take the insert back
 * (checkUndo + undoInsert), which deletes exactly the sheets that insert added — asking first when they were edited.
 */
import { parseCanonicalJson } from "../model/canonical";
import type { ProfileName } from "../model/schema";
import { renderEmptyTemplate, renderTemplate, SHEET_LISTS, type TemplateBook } from "../model/write/index";
import { freeSheetNames, type WorkbookPort } from "./excel/port";
import { downloadFile, XLSX_MIME } from "./browser";

export type TemplateKind = "project" | "full";

export type BookResult = { ok: true; book: TemplateBook; suggestedName: string } | { ok: false; errors: string[] };

/** Canonical JSON text → TemplateBook, or zh-CN errors naming the problem (bad JSON, wrong version, bad field). */
export function importJsonText(text: string, fileName: string): BookResult {
  const parsed = parseCanonicalJson(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const doc = parsed.document;
  if (doc.projects.length === 0 && !doc.overview) {
    return { ok: false, errors: [`“${fileName}”中没有项目，也没有部门整体绩效目标，无需导入`] };
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

/** Standalone page: the book as a downloaded .xlsx (exceljs loaded now, not before). Returns zh-CN status. */
export async function downloadBook(book: TemplateBook, suggestedName: string): Promise<string> {
  const { writeTemplateBook } = await import(/* webpackChunkName: "xlsx-write" */ "../xlsx/write");
  const bytes = await writeTemplateBook(book);
  const ok = downloadFile(suggestedName, bytes, XLSX_MIME);
  return ok ? `已下载 ${suggestedName}，请在 Excel 或 WPS 中打开` : "此环境不允许下载文件";
}

/* ------------------------------------------------------------------------------------------------
 * Writes into the live workbook: previewed, only ever NEW sheets, and revertable.
 * ---------------------------------------------------------------------------------------------- */

/** Non-empty cells of a sheet (values or formulas): what the preview counts. */
function cellCount(s: TemplateBook["grid"]["sheets"][number]): number {
  let n = 0;
  s.values.forEach((row, r) => row?.forEach((v, c) => (v !== null || s.formulas?.[r]?.[c] ? n++ : 0)));
  return n;
}

export interface InsertPreview {
  /** The sheets as they will be added: their final names (free ones), hidden or not, and their cell counts. */
  sheets: { name: string; wanted: string; hidden: boolean; cells: number }[];
  cells: number;
}

/** What an insert would add, without writing anything (one read: the sheet names). */
export async function previewInsert(port: WorkbookPort, book: TemplateBook): Promise<InsertPreview> {
  const existing = await port.sheetNames();
  const names = freeSheetNames(
    book.grid.sheets.map((s) => s.name),
    existing,
  );
  const sheets = book.grid.sheets.map((s, i) => ({ name: names[i], wanted: s.name, hidden: !!s.hidden, cells: cellCount(s) }));
  return { sheets, cells: sheets.reduce((a, s) => a + s.cells, 0) };
}

/** zh-CN lines describing a preview, for the confirmation panel. */
export function previewLines(p: InsertPreview): string[] {
  const visible = p.sheets.filter((s) => !s.hidden);
  const hidden = p.sheets.filter((s) => s.hidden);
  const lines = [`将新增 ${p.sheets.length} 个工作表，共 ${p.cells} 个单元格；原有工作表不会改动。`];
  lines.push(`新工作表：${visible.map((s) => (s.name === s.wanted ? s.name : `${s.name}（“${s.wanted}”已存在）`)).join("、")}`);
  if (hidden.length) lines.push(`隐藏工作表：${hidden.map((s) => s.name).join("、")}（下拉列表用）`);
  return lines;
}

/** What one insert added: enough to take exactly it back. */
export interface InsertRecord {
  /** Names the sheets got, and their ids (stable across renames), in the same order. */
  names: string[];
  ids: string[];
  /** Fingerprint of each sheet right after the insert, by id. */
  fingerprints: Record<string, string>;
  definedNames: string[];
  /** The visible ones, for messages. */
  visible: string[];
}

export async function insertBook(port: WorkbookPort, book: TemplateBook): Promise<{ record: InsertRecord; message: string }> {
  const res = await port.insertSheets(book);
  const visible = res.names.filter((_, i) => !book.grid.sheets[i]?.hidden);
  return {
    record: { names: res.names, ids: res.ids, fingerprints: res.fingerprints, definedNames: res.definedNames, visible },
    message: `已插入新工作表：${visible.join("、")}（原有工作表未改动）`,
  };
}

export interface UndoCheck {
  /** Ids of the inserted sheets that still exist (the ones an undo deletes), and their current names. */
  present: string[];
  presentNames: string[];
  /** Names (as inserted) of the sheets the user already deleted. */
  missing: string[];
  /** Current names of present sheets whose content changed since the insert: deleting them loses the user's edits. */
  changed: string[];
  /** Workbook-scoped names of the insert that still exist. */
  definedNames: string[];
  /** True when the inserted sheets are the only visible ones left: Excel would refuse, so nothing is tried. */
  blocked: boolean;
}

/** Which inserted sheets still exist and which were edited since (one read). */
export async function checkUndo(port: WorkbookPort, rec: InsertRecord): Promise<UndoCheck> {
  const now = await port.inspectSheets(rec.ids, rec.definedNames);
  const present = rec.ids.filter((id) => now.fingerprints[id] !== null);
  const nameOf = (id: string) => now.names[id] ?? rec.names[rec.ids.indexOf(id)];
  return {
    present,
    presentNames: present.map(nameOf),
    missing: rec.ids.filter((id) => now.fingerprints[id] === null).map((id) => rec.names[rec.ids.indexOf(id)]),
    changed: present.filter((id) => now.fingerprints[id] !== rec.fingerprints[id]).map(nameOf),
    definedNames: now.definedNames,
    blocked: present.length > 0 && now.otherVisible === 0,
  };
}

/** Delete exactly the inserted sheets that still exist (one write). Returns zh-CN status. */
export async function undoInsert(port: WorkbookPort, rec: InsertRecord, check: UndoCheck): Promise<string> {
  if (check.blocked) {
    // Refused up front: a failed batch would have deleted part of the sheets before Excel stopped it.
    throw new Error("撤销会删除工作簿中剩下的全部可见工作表，Excel 不允许。请先新建或取消隐藏一个其他工作表，再撤销");
  }
  await port.deleteSheets(check.present, check.definedNames);
  const shown = check.present.filter((id) => rec.visible.includes(rec.names[rec.ids.indexOf(id)])).map((id) => check.presentNames[check.present.indexOf(id)]);
  const lines = [`已撤销插入：删除了 ${shown.length ? shown.join("、") : `${check.present.length} 个工作表`}（其他工作表未改动）`];
  if (check.missing.length) lines.push(`以下工作表已不存在，未作处理：${check.missing.join("、")}`);
  return lines.join("；");
}
