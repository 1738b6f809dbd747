/**
 * Workbook generation for `jxmb template` and `jxmb import`: the model's template renderer plus the
 * exceljs writer. Kept apart so the CLI entry does not care how the template is described.
 */
import { renderTemplate, type TemplateBook } from "../model/write";
import "../xlsx/node-zip"; // UTF-8 parts in Node (emoji / CJK Ext. B stay intact)
import { writeTemplateBook } from "../xlsx/write";
import type { JxmbDocument, ProfileName } from "../model/schema";


/** Canonical document → .xlsx bytes in the template layout. */
export async function documentToWorkbook(doc: JxmbDocument): Promise<Uint8Array> {
  return writeTemplateBook(renderTemplate(doc, {}));
}

/** The template rendering of `doc` (sheets, extras), before it becomes bytes. */
export function renderDocument(doc: JxmbDocument): TemplateBook {
  return renderTemplate(doc, {});
}

/** Sheets every rendered document has besides one per project (department, summary, lists). */
export function fixedSheetCount(doc: JxmbDocument): number {
  return renderTemplate({ ...doc, projects: [] }, {}).grid.sheets.length;
}

export { writeTemplateBook };

/** A blank template with `n` empty project tables; the profile picks the 一级/二级 lists (default hebei). */
export async function templateWorkbook(n: number, profile?: ProfileName): Promise<Uint8Array> {
  return writeTemplateBook(renderTemplate(null, { projects: n, ...(profile ? { profile } : {}) }));
}
