/**
 * Workbook generation for `jxmb template` and `jxmb import`: the model's template renderer plus the
 * exceljs writer. Kept apart so the CLI entry does not care how the template is described.
 */
import { renderTemplate } from "../model/write";
import { writeTemplateBook } from "../xlsx/write";
import type { JxmbDocument } from "../model/schema";


/** Canonical document → .xlsx bytes in the template layout. */
export async function documentToWorkbook(doc: JxmbDocument): Promise<Uint8Array> {
  return writeTemplateBook(renderTemplate(doc, {}));
}

/** A blank template with `n` empty project tables. */
export async function templateWorkbook(n: number): Promise<Uint8Array> {
  return writeTemplateBook(renderTemplate(null, { projects: n }));
}
