/**
 * JSON import and template insertion: canonical JSON → document → TemplateBook (src/model/write) → NEW sheets in
 * the live workbook (Office) or a downloaded .xlsx (standalone page; exceljs is loaded lazily, only here).
 *
 * The guarantee for the live workbook: the pane only ever ADDS sheets (free names, never over an existing sheet);
 * the user sees what will be added before anything is written (previewInsert), and can take the insert back
 * (checkUndo + undoInsert), which deletes exactly the sheets that insert added — asking first when they were edited.
 */
import { parseCanonicalJson } from "../model/canonical";
import type { Grid } from "../model/grid";
import type { JxmbDocument, ProfileName } from "../model/schema";
import { renderEmptyTemplate, renderTemplate, SHEET_LISTS, SHEET_SUMMARY, withAddedProjects, type TemplateBook } from "../model/write/index";
import { freeSheetNames, renameBook, rewriteSheetRefs, type InsertBook, type WorkbookPort } from "./excel/port";
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
 * 插入项目表 in a template workbook: the next 项目N, in 汇总 and its 合计, sharing the one _lists sheet.
 * ---------------------------------------------------------------------------------------------- */

/** One sheet of a book, with its names and extras. */
function pick(from: InsertBook, name: string): InsertBook {
  return {
    grid: { sheets: from.grid.sheets.filter((sh) => sh.name === name), names: from.grid.names.filter((d) => d.sheet === name) },
    extras: from.extras?.[name] ? { [name]: from.extras[name] } : {},
  };
}

/** A workbook made from our template (every project read by the template reader, and its 汇总 there). */
export function isTemplateWorkbook(doc: JxmbDocument, grid: Grid): boolean {
  return doc.projects.length > 0 && doc.projects.every((p) => p.layout === "template") && grid.sheets.some((s) => s.name === SHEET_SUMMARY);
}

/** What 插入项目表 writes into a template workbook, and what its undo writes back. */
export interface ProjectAddition {
  /** The new project sheet alone (its names go with it), placed after the last project sheet. */
  insert: TemplateBook & InsertBook;
  /** The name it gets (free among `existing`). */
  sheetName: string;
  /** 汇总 as it becomes: the new project's row, 合计 over it, the cross-checks and names moved along. */
  summary: InsertBook;
  /** 汇总 as it is now (its cells as read, its look and names as the template draws them), for undo. */
  restore: InsertBook;
}

/**
 * Plan 插入项目表 from a fresh read of a template workbook: the model draws the whole book with one more project
 * (withAddedProjects), so numbering, 汇总 and 合计 come from the one layout description; the drawn sheet names are
 * mapped onto the workbook's own (a clerk may have renamed a project sheet). Nothing is written here.
 */
export function planProjectAddition(doc: JxmbDocument, grid: Grid, existing: string[]): ProjectAddition {
  const n = doc.projects.length;
  const actual = doc.projects.map((p) => p.source.sheet);
  const onto = (book: TemplateBook, extraName: string | null): InsertBook => {
    const map = new Map<string, string>(book.projectSheets.slice(0, n).map((name, i) => [name, actual[i]]));
    if (extraName !== null) map.set(book.projectSheets[n], extraName);
    const renamedBook = renameBook(book, book.grid.sheets.map((sh) => map.get(sh.name) ?? sh.name));
    // 汇总 also names each project's sheet as text (its 工作表 column).
    const sum = retarget(pick(renamedBook, SHEET_SUMMARY), map);
    return { ...renamedBook, grid: { ...renamedBook.grid, sheets: renamedBook.grid.sheets.map((sh) => (sh.name === SHEET_SUMMARY ? sum.grid.sheets[0] : sh)) } };
  };
  const book = renderTemplate(withAddedProjects(doc, 1));
  const sheetName = freeSheetNames([book.projectSheets[n]], existing)[0];
  const renamed = onto(book, sheetName);
  const newSheet = pick(renamed, sheetName);
  const insert: ProjectAddition["insert"] = {
    ...book,
    grid: newSheet.grid,
    extras: newSheet.extras ?? {},
    projectSheets: [sheetName],
    after: actual[n - 1],
  };
  const old = onto(renderTemplate(doc), null);
  const current = grid.sheets.find((sh) => sh.name === SHEET_SUMMARY)!;
  const restore: InsertBook = { ...pick(old, SHEET_SUMMARY), grid: { sheets: [JSON.parse(JSON.stringify(current)) as typeof current], names: pick(old, SHEET_SUMMARY).grid.names } };
  return { insert, sheetName, summary: pick(renamed, SHEET_SUMMARY), restore };
}

/** A 汇总 drawn with some sheet names pointing at others instead (formulas, and the 工作表 column's text). */
function retarget(summary: InsertBook, map: Map<string, string>): InsertBook {
  if ([...map].every(([a, b]) => a === b)) return summary;
  return {
    ...summary,
    grid: {
      ...summary.grid,
      sheets: summary.grid.sheets.map((sh) => ({
        ...sh,
        values: sh.values.map((row) => row?.map((v) => (typeof v === "string" ? (map.get(v) ?? v) : v))),
        formulas: sh.formulas?.map((row) => row?.map((f) => (f ? rewriteSheetRefs(f, map) : f))),
      })),
    },
  };
}

/**
 * Add the planned project: insert its sheet, then rewrite 汇总 (5 round trips). The record takes back both: undo
 * deletes the new sheet and writes 汇总 back as it was. If 汇总 cannot be written, the new sheet stays (undoable)
 * and the message says so.
 */
export async function insertProject(port: WorkbookPort, add: ProjectAddition): Promise<{ record: InsertRecord; message: string; summaryFailed?: string }> {
  const res = await port.insertSheets(add.insert);
  const name = res.names[0];
  const record: InsertRecord = { names: res.names, ids: res.ids, fingerprints: res.fingerprints, definedNames: res.definedNames, visible: res.names };
  try {
    const rw = await port.rewriteSheets(retarget(add.summary, new Map([[add.sheetName, name]])));
    record.rewritten = { id: rw.ids[0], name: SHEET_SUMMARY, fingerprint: rw.fingerprints[rw.ids[0]], restore: add.restore };
    return { record, message: `已插入新项目表：${name}，并在“${SHEET_SUMMARY}”中加入一行，合计已包括它` };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { record, message: `已插入新项目表：${name}，但“${SHEET_SUMMARY}”未能更新（${why}）；可撤销此次插入`, summaryFailed: why };
  }
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
  /** Existing sheets this insert also rewrites (插入项目表: 汇总), each taken back by undo. */
  updates?: string[];
}

/** What an insert would add, without writing anything (one read: the sheet names). */
export async function previewInsert(port: WorkbookPort, book: TemplateBook): Promise<InsertPreview> {
  return previewAgainst(book, await port.sheetNames());
}

/** The preview against a known list of the workbook's sheet names (no read). */
export function previewAgainst(book: TemplateBook, existing: string[]): InsertPreview {
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
  const lines = p.updates?.length
    ? [`将新增 ${p.sheets.length} 个工作表，共 ${p.cells} 个单元格；并更新“${p.updates.join("”“")}”：加入新项目一行，合计计入新项目（撤销时恢复原样）；其他工作表不会改动。`]
    : [`将新增 ${p.sheets.length} 个工作表，共 ${p.cells} 个单元格；原有工作表不会改动。`];
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
  /** An existing sheet this insert rewrote (插入项目表: 汇总): its id, fingerprint after the write, and the old content. */
  rewritten?: { id: string; name: string; fingerprint: string; restore: InsertBook };
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
  /** The rewritten sheet (汇总) still exists and gets its old content back. */
  restore?: boolean;
}

/** Which inserted sheets still exist and which were edited since (one read). */
export async function checkUndo(port: WorkbookPort, rec: InsertRecord): Promise<UndoCheck> {
  const rw = rec.rewritten;
  const now = await port.inspectSheets(rw ? [...rec.ids, rw.id] : rec.ids, rec.definedNames);
  const present = rec.ids.filter((id) => now.fingerprints[id] !== null);
  const nameOf = (id: string) => now.names[id] ?? rec.names[rec.ids.indexOf(id)];
  const rwPresent = !!rw && now.fingerprints[rw.id] !== null;
  const rwChanged = rwPresent && now.fingerprints[rw!.id] !== rw!.fingerprint;
  return {
    present,
    presentNames: present.map(nameOf),
    missing: rec.ids.filter((id) => now.fingerprints[id] === null).map((id) => rec.names[rec.ids.indexOf(id)]),
    changed: [...present.filter((id) => now.fingerprints[id] !== rec.fingerprints[id]).map(nameOf), ...(rwChanged ? [now.names[rw!.id] ?? rw!.name] : [])],
    definedNames: now.definedNames,
    // 汇总, when it is still there, stays visible after the undo.
    blocked: present.length > 0 && now.otherVisible + (rwPresent ? 1 : 0) === 0,
    ...(rw ? { restore: rwPresent } : {}),
  };
}

/** Delete exactly the inserted sheets that still exist (one write). Returns zh-CN status. */
export async function undoInsert(port: WorkbookPort, rec: InsertRecord, check: UndoCheck): Promise<string> {
  if (check.blocked) {
    // Refused up front: a failed batch would have deleted part of the sheets before Excel stopped it.
    throw new Error("撤销会删除工作簿中剩下的全部可见工作表，Excel 不允许。请先新建或取消隐藏一个其他工作表，再撤销");
  }
  // 汇总 first: once it no longer points at the new sheet, deleting that sheet leaves no #REF! behind.
  if (rec.rewritten && check.restore) await port.rewriteSheets(rec.rewritten.restore);
  await port.deleteSheets(check.present, check.definedNames);
  const shown = check.present.filter((id) => rec.visible.includes(rec.names[rec.ids.indexOf(id)])).map((id) => check.presentNames[check.present.indexOf(id)]);
  const lines = [
    rec.rewritten && check.restore
      ? `已撤销插入：删除了 ${shown.length ? shown.join("、") : `${check.present.length} 个工作表`}，“${rec.rewritten.name}”已恢复原样（其他工作表未改动）`
      : `已撤销插入：删除了 ${shown.length ? shown.join("、") : `${check.present.length} 个工作表`}（其他工作表未改动）`,
  ];
  if (check.missing.length) lines.push(`以下工作表已不存在，未作处理：${check.missing.join("、")}`);
  return lines.join("；");
}
