/**
 * OfficePort.writeSeal, in its own chunk (see port.ts for the contract).
 */
import type { CellValue, GridSheet } from "../../model/grid";
import { SEAL_SHEET } from "../../model/exceptions";
import type { SealSheetWrite } from "./port";
import type { ExcelLike } from "./officePort";

/**
 * The seal: sync 1 reads what is there (the old seal sheet, the status cells' contents and formats), sync 2
 * writes. The seal sheet is rewritten in place (a deleted sheet would turn the status formula into #REF!); rows
 * and columns past the new content are blanked.
 */
export async function writeSealOffice(excel: ExcelLike, write: SealSheetWrite): Promise<SealSheetWrite> {
  if (write.sheet && write.sheet.name !== SEAL_SHEET) throw new Error(`只能写入校验印记工作表“${SEAL_SHEET}”`);
  return excel.run(async (ctx) => {
    // Held in an object: the proxies are read only after the sync below.
    const prev = { ws: ctx.workbook.worksheets.getItemOrNullObject(SEAL_SHEET), used: null as unknown as Excel.Range };
    prev.ws.load("name");
    prev.used = prev.ws.getUsedRangeOrNullObject(false);
    prev.used.load("rowIndex,columnIndex,rowCount,columnCount,formulas,numberFormat");
    const targets = write.cells.map((w) => {
      const range = ctx.workbook.worksheets.getItem(w.sheet).getRange(w.ref);
      range.load("formulas,numberFormat");
      return { w, range };
    });
    await ctx.sync(); // 1

    let before: GridSheet | null = null;
    let oldRows = 0;
    let oldCols = 0;
    if (!prev.ws.isNullObject) {
      before = { name: SEAL_SHEET, values: [], formulas: [], formats: [], merges: [], hidden: true };
      if (!prev.used.isNullObject) {
        oldRows = prev.used.rowIndex + prev.used.rowCount;
        oldCols = prev.used.columnIndex + prev.used.columnCount;
        (prev.used.formulas as unknown[][]).forEach((row, i) =>
          row.forEach((f, j) => {
            const r = prev.used.rowIndex + i;
            const c = prev.used.columnIndex + j;
            const fmt = String((prev.used.numberFormat as unknown[][])[i]?.[j] ?? "General");
            while (before!.values.length <= r) before!.values.push([]);
            while (before!.formulas!.length <= r) before!.formulas!.push([]);
            while (before!.formats!.length <= r) before!.formats!.push([]);
            const isFormula = typeof f === "string" && f.startsWith("=") && fmt !== "@";
            before!.values[r][c] = isFormula ? null : f === "" ? null : (f as CellValue);
            before!.formulas![r][c] = isFormula ? (f as string).slice(1) : null;
            before!.formats![r][c] = fmt;
          }),
        );
      }
    }
    const undo: SealSheetWrite = {
      sheet: before,
      cells: targets.map(({ w, range }) => ({ sheet: w.sheet, ref: w.ref, raw: (range.formulas as unknown[][])[0][0] as string | number | boolean, format: String((range.numberFormat as unknown[][])[0][0] ?? "General") })),
    };

    if (write.sheet) {
      const sheet = write.sheet;
      let ws: Excel.Worksheet;
      if (prev.ws.isNullObject) {
        ws = ctx.workbook.worksheets.add(SEAL_SHEET);
        ws.visibility = "VeryHidden" as Excel.SheetVisibility;
      } else ws = prev.ws;
      const rows = Math.max(oldRows, sheet.values.length, 1);
      const cols = Math.max(oldCols, ...sheet.values.map((r) => r?.length ?? 0), 1);
      const data: (string | number | boolean)[][] = [];
      const fmts: string[][] = [];
      for (let r = 0; r < rows; r++) {
        const d: (string | number | boolean)[] = [];
        const f: string[] = [];
        for (let c = 0; c < cols; c++) {
          const formula = sheet.formulas?.[r]?.[c];
          const v = sheet.values[r]?.[c] ?? null;
          if (formula) {
            d.push(`=${formula}`);
            f.push("General");
          } else if (typeof v === "number" || typeof v === "boolean") {
            d.push(v);
            f.push(sheet.formats?.[r]?.[c] ?? "General");
          } else {
            d.push(v === null ? "" : typeof v === "object" ? ("error" in v ? v.error : v.date) : v);
            f.push("@"); // text stays text ("001", "=…", "+86…")
          }
        }
        data.push(d);
        fmts.push(f);
      }
      const block = ws.getRangeByIndexes(0, 0, rows, cols);
      block.numberFormat = fmts;
      block.formulas = data as unknown as string[][];
    } else if (!prev.ws.isNullObject) {
      // Hidden first: a very hidden sheet is not meant to be deleted, and we do not rely on Excel allowing it.
      prev.ws.visibility = "Hidden" as Excel.SheetVisibility;
      prev.ws.delete();
    }
    for (const { w, range } of targets) {
      if (w.formula !== undefined) {
        range.numberFormat = [["General"]];
        range.formulas = [[`=${w.formula}`]];
      } else if (w.text !== undefined) {
        range.numberFormat = [["@"]];
        range.formulas = [[w.text]];
      } else {
        range.numberFormat = [[w.format ?? "General"]];
        range.formulas = [[(w.raw ?? "") as string]];
      }
    }
    await ctx.sync(); // 2
    return undo;
  });
}
