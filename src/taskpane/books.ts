/**
 * JSON import and template insertion: canonical JSON → document → TemplateBook (src/model/write) → new sheets in
 * the live workbook (Office) or a downloaded .xlsx (standalone page; exceljs loaded lazily).
 */
import { parseCanonicalJson } from "../model/canonical";
import type { ProfileName } from "../model/schema";
import type { InsertBook, WorkbookPort } from "./excel/port";

export type TemplateKind = "project" | "full";

// Provisional until src/model/write's renderTemplate lands.
export type BookLike = InsertBook;

export function importJsonText(text: string, fileName: string): { ok: true; book: BookLike; suggestedName: string } | { ok: false; errors: string[] } {
  const parsed = parseCanonicalJson(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  void fileName;
  return { ok: false, errors: ["模板生成功能尚未就绪（template renderer not available yet）"] };
}

export function templateBook(kind: TemplateKind, profile: ProfileName): { book: BookLike; suggestedName: string } {
  void kind;
  void profile;
  throw new Error("模板生成功能尚未就绪（template renderer not available yet）");
}

export async function deliverBook(port: WorkbookPort, mode: "office" | "standalone", book: BookLike, suggestedName: string): Promise<string> {
  void mode;
  void suggestedName;
  const res = await port.insertSheets(book);
  return `已插入工作表：${res.names.join("、")}`;
}
