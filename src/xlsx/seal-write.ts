/**
 * Write a helper sheet (the validation seal) into a copy of a workbook with exceljs: the workbook is
 * loaded, our sheet (same name) replaced or added very hidden, the visible status cells set, and saved.
 * Runs in Node and the browser. Text is written as text ("@"), so nothing from a workbook can become a
 * formula; the only formulas are the ones the seal plan made (核对 comparisons and the status), each with
 * its value at sealing time as the cached result, so every reader sees a value before any recalculation.
 */
import ExcelJS from "exceljs";
import { checkExceljsLoad } from "./exceljs-budget";
import type { ReadLimits } from "./limits";
import type { CellValue, Grid, GridSheet } from "../model/grid";
import { toCanonicalJson } from "../model/canonical";
import type { JxmbDocument } from "../model/schema";
import { makeSeal, sha256Hex, type Seal } from "../model/seal";
import { planSealWrite, type CellWrite, type SealWrite } from "../model/seal-status";

function cellValue(v: CellValue, formula: string | null | undefined): ExcelJS.CellValue {
  const plain = v === null || v === undefined ? null : typeof v === "object" ? ("error" in v ? v.error : v.date) : v;
  if (formula) return { formula, result: plain ?? undefined } as ExcelJS.CellFormulaValue;
  return typeof plain === "number" || typeof plain === "boolean" ? plain : plain === null ? null : String(plain);
}

/** Byte arrays checkExceljsLoad has passed (seal writes the same workbook up to three times). */
const budgeted = new WeakSet<Uint8Array>();

export async function writeHelperSheet(
  bytes: Uint8Array,
  sheet: GridSheet,
  cells: readonly CellWrite[] = [],
  opts: { fileName?: string; limits?: Partial<ReadLimits> } = {},
): Promise<Uint8Array> {
  if (!budgeted.has(bytes)) {
    await checkExceljsLoad(bytes, opts);
    budgeted.add(bytes);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const old = wb.getWorksheet(sheet.name);
  if (old) wb.removeWorksheet(old.id);
  // veryHidden: not offered by Excel's Unhide dialog; LibreOffice and WPS show it as hidden.
  const ws = wb.addWorksheet(sheet.name, { state: sheet.hidden ? "veryHidden" : "visible" });
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const formula = sheet.formulas?.[r]?.[c];
      if ((v === null || v === undefined) && !formula) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = cellValue(v, formula);
      const fmt = sheet.formats?.[r]?.[c] ?? (typeof v === "string" && !formula ? "@" : null);
      if (fmt) cell.numFmt = fmt;
    }),
  );
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 80;
  for (const w of cells) {
    const target = wb.getWorksheet(w.sheet);
    if (!target) throw new Error(`工作表“${w.sheet}”不存在`);
    const cell = target.getCell(w.ref);
    if (w.formula) cell.value = { formula: w.formula, result: w.result } as ExcelJS.CellFormulaValue;
    else {
      cell.value = w.text ?? "";
      cell.numFmt = "@";
    }
    cell.font = { bold: w.formula !== undefined, color: { argb: "FF595959" } };
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export interface SealedCopy {
  bytes: Uint8Array;
  seal: Seal;
  write: SealWrite;
}

/**
 * Seal a workbook file: check what the readers see (`first`), write the seal and the status into a copy,
 * read the copy back (`readBack`) and, should the save have changed what the readers see, seal once more
 * from the copy. Throws when the copy still reads differently (nothing is handed out then).
 */
export async function sealWorkbookBytes(
  bytes: Uint8Array,
  first: { grid: Grid; document: JxmbDocument },
  opts: {
    time: Date;
    name: string | null;
    readBack: (out: Uint8Array) => Promise<{ grid: Grid; document: JxmbDocument }>;
    /** For the check of what exceljs would load (messages name the file; --max-cells raises it). */
    fileName?: string;
    limits?: Partial<ReadLimits>;
  },
): Promise<SealedCopy> {
  let seal = await makeSeal(first.document, { time: opts.time, name: opts.name });
  let write = planSealWrite(seal, first.grid, first.document);
  let out = await writeHelperSheet(bytes, write.sheet, write.cells, { fileName: opts.fileName, limits: opts.limits });
  for (let attempt = 0; ; attempt++) {
    const back = await opts.readBack(out);
    if ((await sha256Hex(toCanonicalJson(back.document))) === seal.hash) return { bytes: out, seal, write };
    if (attempt === 1) throw new SealReadBackError();
    seal = await makeSeal(back.document, { time: opts.time, name: opts.name });
    write = planSealWrite(seal, first.grid, back.document);
    out = await writeHelperSheet(bytes, write.sheet, write.cells, { fileName: opts.fileName, limits: opts.limits });
  }
}

export class SealReadBackError extends Error {
  constructor() {
    super("盖章后的副本读回时内容与原工作簿不一致");
  }
}
