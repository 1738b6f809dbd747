/**
 * What a template workbook costs to store and to read back. An indicator row's check used to repeat the
 * framework test over the whole block (7.4 KB of XML per row, 250 KB per project sheet), so `jxmb import`
 * of ~2,000 projects wrote a workbook over the 500 MB read limit. Now the per-sheet parts live in helper
 * cells and the row check is written once per block as a shared formula.
 * (Timings of `jxmb import` / `jxmb export` of 1,200 projects: `npm run bench -- template`.)
 */
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";
import { guardWorkbook, readZipDirectory } from "../../src/xlsx/guard";
import { nodeInflate } from "../../src/xlsx/node-inflate";
import { loadGrid } from "../../src/xlsx/read";
import { shiftRows, writeTemplateBook } from "../../src/xlsx/write";
import { readWorkbook } from "../../src/model/read";
import { PROJECT, renderTemplate } from "../../src/model/write";
import { fixedSheetCount } from "../../src/cli/write";
import { a1 } from "../../src/model/grid";
import { syntheticDocument } from "../helpers/synthetic";

describe("shiftRows: a formula as Excel reads it further down (the shared-formula test)", () => {
  test("relative rows move, absolute rows, literals, names and functions stay", () => {
    expect(shiftRows('IF(COUNTA(A10:G10)=0,"",C10)', 2)).toBe('IF(COUNTA(A12:G12)=0,"",C12)');
    expect(shiftRows("SUM($A$10:$A$39)+A$3+$B4", 1)).toBe("SUM($A$10:$A$39)+A$3+$B5");
    expect(shiftRows('"年A10""B2"&A10', 1)).toBe('"年A10""B2"&A11');
    expect(shiftRows("JXMB_L2_1&LOG10(A1)&JXMB_PAIRS_ALL_FW", 3)).toBe("JXMB_L2_1&LOG10(A4)&JXMB_PAIRS_ALL_FW");
  });
  test("what it does not follow is not shared: sheet names, external links, whole-row ranges, rows above 1", () => {
    expect(shiftRows("'1.项目'!E4", 1)).toBeNull();
    expect(shiftRows("汇总!B3", 1)).toBeNull();
    expect(shiftRows("[1]Sheet1!A1", 1)).toBeNull();
    expect(shiftRows("SUM(10:10)", 1)).toBeNull();
    expect(shiftRows("A1", -1)).toBeNull();
    expect(shiftRows('"unterminated', 1)).toBeNull();
  });
});

describe("a template workbook stays small and reads back under the default limits", () => {
  test("the indicator rows' check is one shared formula; every cell reads back with its value", async () => {
    const book = renderTemplate(syntheticDocument(2, 12));
    const bytes = await writeTemplateBook(book);
    const guard = await guardWorkbook(bytes, { inflate: nodeInflate });
    const name = book.projectSheets[0];
    const idx = book.grid.sheets.findIndex((s) => s.name === name);
    const xml = new TextDecoder().decode(guard.xml.get(`xl/worksheets/sheet${idx + 1}.xml`));
    const first = PROJECT.indicatorFirstRow;
    const last = first + PROJECT.indicatorMinRows - 1;
    const master = `<f t="shared" ref="${a1(first, PROJECT.checkCol)}:${a1(last, PROJECT.checkCol)}" si="`;
    expect(xml).toContain(master);
    // The check's text (its first message) is stored once, not once per row.
    expect(xml.split("indicator/unknown-level1").length - 1).toBe(1);
    const grid = await loadGrid(bytes);
    const s = grid.sheets[idx];
    const want = book.grid.sheets[idx];
    for (let r = first; r <= last; r++) expect(s.values[r]?.[PROJECT.checkCol] ?? "").toBe(want.values[r][PROJECT.checkCol] ?? "");
  });

  test("the most projects `jxmb import` accepts (up to the sheet and cell limits) stay within the file, XML and part limits", async () => {
    // Two workbooks 10 projects apart give the cost of one more project sheet (30 indicator rows, 12 filled).
    const measure = async (n: number) => {
      const bytes = await writeTemplateBook(renderTemplate(syntheticDocument(n, 12)));
      const g = await guardWorkbook(bytes, { inflate: nodeInflate });
      const zip = readZipDirectory(bytes, 10_000);
      return { file: bytes.length, xml: g.uncompressedBytes, cells: g.cells, largest: Math.max(...zip.map((e) => e.uncompressedSize)) };
    };
    const a = await measure(10);
    const b = await measure(20);
    const perProject = (k: "file" | "xml" | "cells" | "largest") => (b[k] - a[k]) / 10;
    const at = (k: "file" | "xml" | "cells" | "largest", n: number) => a[k] + perProject(k) * (n - 10);
    // import refuses more projects than the sheet limit allows, or more cells than the cell limit (checkBook).
    const bySheets = DEFAULT_LIMITS.maxSheets - fixedSheetCount(syntheticDocument(1, 12));
    const byCells = 10 + Math.floor((DEFAULT_LIMITS.maxCells - a.cells) / perProject("cells"));
    const most = Math.min(bySheets, byCells);
    expect(most).toBeGreaterThan(2_000);
    expect(perProject("xml")).toBeLessThan(40_000); // was 256 KB with the framework test in every row
    expect({ file: at("file", most) <= DEFAULT_LIMITS.maxFileBytes, xml: at("xml", most) <= DEFAULT_LIMITS.maxUncompressedBytes, part: at("largest", most) <= DEFAULT_LIMITS.maxPartBytes }).toEqual({
      file: true,
      xml: true,
      part: true,
    });
    // And such a workbook reads back as the document it came from (here the smaller one, end to end).
    const back = readWorkbook(await loadGrid(await writeTemplateBook(renderTemplate(syntheticDocument(20, 12))))).document;
    expect(back.projects.map((p) => p.name)).toEqual(syntheticDocument(20, 12).projects.map((p) => p.name));
  }, 120_000);
});
