/**
 * exceljs adapter (loadGrid) on workbooks built in memory, on broken input, and the freshness of the
 * seed 000/001 example workbooks against their transcriptions.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadGrid, WorkbookReadError } from "../../src/xlsx/read";
import { getValue, type Grid, type GridSheet } from "../../src/model/grid";
import { buildAll, EXAMPLES_DIR, buildXlsx, loadTranscription, listTranscriptions, slaveValueErrors } from "../fixtures/build-fixtures";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function sample(): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  ws.getCell("A1").value = "项目名称";
  ws.getCell("B1").value = "安保经费";
  ws.mergeCells("B1:D1");
  ws.getCell("A2").value = { richText: [{ text: "预算规模及" }, { font: { bold: true }, text: "资金用途" }] };
  ws.mergeCells("A2:A3");
  ws.getCell("B2").value = 5;
  ws.getCell("B2").numFmt = "0.00";
  ws.getCell("C2").value = 0.25;
  ws.getCell("C2").numFmt = "0%";
  ws.getCell("D2").value = { formula: "B2*2", result: 10 } as ExcelJS.CellFormulaValue;
  ws.getCell("A4").value = new Date(Date.UTC(2023, 11, 31));
  ws.getCell("B4").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  ws.getCell("C4").value = true;
  ws.getCell("D4").value = { text: "链接", hyperlink: "https://example.org" };
  ws.getCell("A6").value = "  有空格  ";
  const hidden = wb.addWorksheet("隐藏", { state: "hidden" });
  hidden.getCell("A1").value = "x";
  wb.definedNames.add("'表1'!$B$2", "预算数");
  return loadGrid(await bytesOf(wb));
}

describe("loadGrid", () => {
  let grid: Grid;
  let s: GridSheet;
  beforeAll(async () => {
    grid = await sample();
    s = grid.sheets[0];
  });

  test("sheets in order, hidden flagged", () => {
    expect(grid.sheets.map((x) => x.name)).toEqual(["表1", "隐藏"]);
    expect(grid.sheets[0].hidden).toBeUndefined();
    expect(grid.sheets[1].hidden).toBe(true);
  });

  test("merged slaves are null (exceljs echoes the master there); merges are 0-based", () => {
    expect(getValue(s, 0, 1)).toBe("安保经费");
    expect(getValue(s, 0, 2)).toBeNull();
    expect(getValue(s, 0, 3)).toBeNull();
    expect(getValue(s, 2, 0)).toBeNull();
    expect(s.merges).toEqual([
      { r1: 0, c1: 1, r2: 0, c2: 3 },
      { r1: 1, c1: 0, r2: 2, c2: 0 },
    ]);
  });

  test("rich text → plain text, hyperlink → its text, strings untouched", () => {
    expect(getValue(s, 1, 0)).toBe("预算规模及资金用途");
    expect(getValue(s, 3, 3)).toBe("链接");
    expect(getValue(s, 5, 0)).toBe("  有空格  ");
  });

  test("numbers with their formats; formula → cached result + formula text", () => {
    expect(getValue(s, 1, 1)).toBe(5);
    expect(s.formats?.[1]?.[1]).toBe("0.00");
    expect(getValue(s, 1, 2)).toBe(0.25);
    expect(s.formats?.[1]?.[2]).toBe("0%");
    expect(getValue(s, 1, 3)).toBe(10);
    expect(s.formulas?.[1]?.[3]).toBe("B2*2");
  });

  test("dates, errors, booleans", () => {
    expect(getValue(s, 3, 0)).toEqual({ date: "2023-12-31" });
    expect(getValue(s, 3, 1)).toEqual({ error: "#REF!" });
    expect(getValue(s, 3, 2)).toBe(true);
  });

  test("defined names", () => {
    expect(grid.names).toContainEqual({ name: "预算数", sheet: "表1", ref: "B2" });
  });

  test("accepts ArrayBuffer as well as Uint8Array", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = 1;
    const u8 = await bytesOf(wb);
    const ab = u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;
    expect(getValue((await loadGrid(ab)).sheets[0], 0, 0)).toBe(1);
  });
});

describe("loadGrid on unreadable input throws WorkbookReadError with a zh-CN message", () => {
  const cases: [string, Uint8Array, string, RegExp][] = [
    ["empty", new Uint8Array(0), "empty", /空文件/],
    ["text", new TextEncoder().encode("项目名称,预算数\n"), "not-xlsx", /不是 \.xlsx/],
    // Canonical JSON picked where a workbook belongs: said so, with where JSON goes (not “looks like CSV”).
    ["JSON", new TextEncoder().encode('{\n  "$schema": "jxmb-v2",\n  "projects": []\n}'), "not-xlsx", /是 JSON 文件[\s\S]*jxmb import/],
    ["legacy .xls / encrypted", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), "legacy-xls", /另存为 \.xlsx/],
    ["truncated zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), "corrupt", /已损坏/],
  ];
  test.each(cases)("%s", async (_label, bytes, kind, msg) => {
    const err = await loadGrid(bytes, { fileName: "预算.xlsx" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).kind).toBe(kind);
    expect((err as WorkbookReadError).message).toMatch(msg);
    expect((err as WorkbookReadError).message).toContain("预算.xlsx");
  });

  test("a zip that is not a workbook", async () => {
    // A real .xlsx with its workbook part removed is still a zip, but exceljs cannot make sense of it.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = 1;
    const good = await bytesOf(wb);
    const broken = good.slice(0, Math.floor(good.length / 2));
    const err = await loadGrid(broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
  });
});

/* ---------------------------------------------------------------------------------------------- */

function cellDump(g: Grid): unknown {
  return g.sheets.map((s) => ({
    name: s.name,
    hidden: !!s.hidden,
    values: s.values.map((r) => (r ?? []).map((v) => (v === undefined ? null : v))),
    formats: s.formats ?? null,
    formulas: s.formulas ?? null,
    merges: s.merges,
  }));
}

describe("examples/seed-000.xlsx and seed-001.xlsx are current with their transcriptions", () => {
  const names = ["seed-000", "seed-001"];
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-fixtures-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test.each(names)("%s", async (name) => {
    const [built] = await buildAll(tmp, name + ".");
    // buildAll matches by prefix: make sure we rebuilt exactly this one.
    expect(path.basename(built)).toBe(`${name}.xlsx`);
    const fresh = await loadGrid(fs.readFileSync(built));
    const committed = await loadGrid(fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.xlsx`)));
    expect(cellDump(committed)).toEqual(cellDump(fresh));
  });

  test.each(names)("%s: no transcribed value hides under a merge", (name) => {
    const file = listTranscriptions(name + ".")[0];
    expect(slaveValueErrors(loadTranscription(file))).toEqual([]);
  });

  test("the builder refuses a value in a merge slave", async () => {
    await expect(buildXlsx({ name: "bad", sheets: [{ name: "S", rows: [["a", "b"]], merges: ["A1:B1"] }] })).rejects.toThrow(/slave B1/);
  });
});

describe("loadGrid keeps falsy cached formula results", () => {
  test("a formula whose result is 0 or FALSE reads as that value, not as blank", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("汇总");
    ws.getCell("A1").value = { formula: "B1-B1", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("A2").value = { formula: "IF(1,\"\",\"x\")", result: "" } as ExcelJS.CellFormulaValue;
    ws.getCell("A3").value = { formula: "1>2", result: false } as ExcelJS.CellFormulaValue;
    ws.getCell("A4").value = { formula: "2-1", result: 1 } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const g = await loadGrid(bytes);
    const sh = g.sheets[0];
    expect(getValue(sh, 0, 0)).toBe(0);
    // An empty-text result is blank to a reader either way (exceljs does not keep it in the file).
    expect(["", null]).toContain(getValue(sh, 1, 0));
    expect(getValue(sh, 2, 0)).toBe(false);
    expect(getValue(sh, 3, 0)).toBe(1);
    expect(sh.formulas?.[0]?.[0]).toBe("B1-B1");
  });
});

describe("cell addresses Excel does not write (the old reader refused these; ours reads them)", () => {
  test("a cell without r takes the next column, a lower-case address is its column; hyperlinks match the address as written or made", async () => {
    const { minimalBook } = await import("../hostile/corpus");
    const { nodeInflate } = await import("../../src/xlsx/node-inflate");
    const bytes = minimalBook(
      [
        {
          name: "地址",
          rows: `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c><f>2+2</f><v>4</v></c><c r="c1"><f>3+3</f><v>6</v></c><c r="d1" t="s"><v>5</v></c></row>`,
          after: '<hyperlinks><hyperlink ref="B1" r:id="rIdL1"/><hyperlink ref="C1" r:id="rIdL1"/></hyperlinks>',
        },
      ],
      {
        extra: [
          {
            name: "xl/worksheets/_rels/sheet1.xml.rels",
            data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdL1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>',
          },
        ],
      },
    );
    // d1 points past the (empty) shared-string table: the message names the address as written.
    await expect(loadGrid(bytes, { inflate: nodeInflate, fileName: "地址.xlsx" })).rejects.toThrow(/单元格 d1 引用了不存在的共享字符串/);
    const ok = minimalBook(
      [
        {
          name: "地址",
          rows: `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c><f>2+2</f><v>4</v></c><c r="c1"><f>3+3</f><v>6</v></c><c><v>8</v></c></row>`,
          after: '<hyperlinks><hyperlink ref="B1" r:id="rIdL1"/><hyperlink ref="C1" r:id="rIdL1"/><hyperlink ref="D1" r:id="rIdL1"/></hyperlinks>',
        },
      ],
      {
        extra: [
          {
            name: "xl/worksheets/_rels/sheet1.xml.rels",
            data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdL1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>',
          },
        ],
      },
    );
    const sheet = (await loadGrid(ok, { inflate: nodeInflate })).sheets[0];
    // B1 (no r: address made as B1) and D1 are linked: their text, no formula; c1 is written "c1", so the link to C1 is not its.
    expect(sheet.values[0]).toEqual([2, "4", 6, "8"]);
    expect(sheet.formulas?.[0]).toEqual(["1+1", null, "3+3"]);
  });
});
