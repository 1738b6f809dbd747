/**
 * What exceljs would make of a workbook before it loads one. Only the copies we write (seal, the page's
 * exceptions export) load a user's workbook into exceljs, after the reader has accepted it; exceljs then
 * expands every data validation into one entry per cell it covers — a whole-column dropdown is a
 * million, a whole-sheet one 17 billion — where the reader keeps no validations at all. A seal of a
 * real workbook with whole-column dropdowns on every sheet ran for minutes towards gigabytes.
 * The cells the validations cover are counted here (on the parts as the guard inflated them, through
 * the reader's tokenizer) and held to maxCells, so such a file is refused in Chinese, naming the sheet.
 * Pure TypeScript: no Node, no DOM (the page runs it).
 */
import { guardWorkbook, resolveTarget, workbookLimitError, type Inflater } from "./guard";
import { limitsFrom, type ReadLimits } from "./limits";
import { areaSize, parseArea } from "./refs";
import { parseXml, type XmlAttributes } from "./xml";

function each(part: Uint8Array | undefined, open: (local: string, a: XmlAttributes) => void): void {
  // The reader has parsed these very parts already: a malformed one cannot get here.
  if (part) parseXml(part, { open: (_n, a, local) => open(local, a), text: () => undefined, close: () => undefined });
}

/** Throws WorkbookReadError (limit maxCells) when exceljs would expand more data-validation cells than maxCells. */
export async function checkExceljsLoad(bytes: Uint8Array, opts: { fileName?: string; limits?: Partial<ReadLimits>; inflate?: Inflater } = {}): Promise<void> {
  const limits = limitsFrom(opts.limits);
  const { xml } = await guardWorkbook(bytes, { limits, fileName: opts.fileName, inflate: opts.inflate });
  const targets = new Map<string, string>();
  each(xml.get("xl/_rels/workbook.xml.rels"), (local, a) => {
    const id = a.get("Id");
    const target = a.get("Target");
    if (local === "Relationship" && id && target && a.get("TargetMode") !== "External") targets.set(id, resolveTarget("xl/", target)?.toLowerCase() ?? "");
  });
  const sheets: { name: string; part: string }[] = [];
  each(xml.get("xl/workbook.xml"), (local, a) => {
    if (local !== "sheet") return;
    let rid = a.get("r:id");
    for (let i = 0; rid === undefined && i < a.length; i++) if (a.name(i).endsWith(":id")) rid = a.value(i);
    const part = rid === undefined ? undefined : targets.get(rid);
    if (part) sheets.push({ name: a.get("name") ?? "", part });
  });
  let total = 0;
  for (const { name, part } of sheets) {
    each(xml.get(part), (local, a) => {
      if (local !== "dataValidation") return;
      const sqref = a.get("sqref") ?? "";
      for (const ref of sqref.split(/\s+/)) {
        const area = ref === "" ? null : parseArea(ref);
        if (area) total += areaSize(area);
      }
      if (total > limits.maxCells) {
        throw workbookLimitError(opts.fileName, "maxCells", total, limits.maxCells, `的工作表“${name}”（数据验证“${sqref.slice(0, 40)}”覆盖的单元格：写副本时逐格处理；可把数据验证缩小到实际填写的行）`);
      }
    });
  }
}
