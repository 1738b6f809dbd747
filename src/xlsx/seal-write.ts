/**
 * Write a helper sheet (the validation seal) into a copy of a workbook with exceljs: the workbook is
 * loaded, our sheet (same name) replaced or added very hidden, and saved. Runs in Node and the browser.
 * Every value is written as text, so nothing in the seal can become a formula.
 */
import ExcelJS from "exceljs";
import type { GridSheet } from "../model/grid";

export async function writeHelperSheet(bytes: Uint8Array, sheet: GridSheet): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const old = wb.getWorksheet(sheet.name);
  if (old) wb.removeWorksheet(old.id);
  // veryHidden: not offered by Excel's Unhide dialog; LibreOffice and WPS show it as hidden.
  const ws = wb.addWorksheet(sheet.name, { state: sheet.hidden ? "veryHidden" : "visible" });
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = typeof v === "object" ? JSON.stringify(v) : String(v);
      cell.numFmt = "@";
    }),
  );
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 80;
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
