/**
 * A picked file → the document the readers see in it (workbooks in any supported layout, or canonical JSON), for
 * 比较版本 and the inbox. Reads only: nothing here touches the open workbook. Errors are Chinese sentences naming
 * the file.
 */
import { parseCanonicalJson } from "../../model/canonical";
import { withoutExceptionsSheet } from "../../model/exceptions";
import type { Grid } from "../../model/grid";
import { readWorkbook } from "../../model/read/index";
import type { ExtraLabels } from "../../model/read/synonyms";
import type { JxmbDocument } from "../../model/schema";
import { loadWorkbookFile } from "../browser";
import { stripEnglishAside } from "../i18n";

export interface PickedDocument {
  name: string;
  document: JxmbDocument;
  /** The workbook read (null for JSON). */
  grid: Grid | null;
}

export class PickError extends Error {}

/** JSON by name or first character; anything else is read as a workbook. */
export async function readPickedFile(file: File, labels?: ExtraLabels | null): Promise<PickedDocument> {
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && [0x20, 0x0a, 0x0d, 0x09].includes(head[i])) i++;
  if (/\.json$/i.test(file.name) || head[i] === 0x7b) {
    const parsed = parseCanonicalJson(await file.text());
    if (!parsed.ok) throw new PickError(`“${file.name}”不是可读的绩效目标 JSON：${parsed.errors.slice(0, 3).map(stripEnglishAside).join("；")}`);
    return { name: file.name, document: parsed.document, grid: null };
  }
  let grid: Grid;
  try {
    grid = await loadWorkbookFile(file);
  } catch (e) {
    throw new PickError(stripEnglishAside(e instanceof Error ? e.message : String(e)));
  }
  const res = readWorkbook(withoutExceptionsSheet(grid), labels ? { labels } : {});
  if (res.unrecognised && res.document.projects.length === 0 && !res.document.overview) {
    throw new PickError(`“${file.name}”中没有找到绩效目标表：${res.unrecognised}`);
  }
  return { name: file.name, document: res.document, grid };
}
