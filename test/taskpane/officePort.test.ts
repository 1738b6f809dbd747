/**
 * OfficePort against the recording fake of the Excel API: what it reads equals what the file adapter reads, in a
 * constant number of round trips, with every batch under Excel on the web's 5 MB limit.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Grid, GridSheet } from "../../src/model/grid";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { toCanonicalJson } from "../../src/model/canonical";
import { OfficePort, isDateFormat, parseRangeAddress, serialToIso, splitAreas, toDefinedName } from "../../src/taskpane/excel/officePort";
import { freeSheetNames, portErrorMessage } from "../../src/taskpane/excel/port";
import { createFakeExcel, FakeExcelError } from "./fakeExcel";
import { renderTemplate } from "../../src/model/write/index";
import { importJsonText, templateBook } from "../../src/taskpane/books";

const EXAMPLES = join(__dirname, "../../examples");
const LIMIT = 5 * 1024 * 1024;

async function example(name: string): Promise<Grid> {
  return loadGrid(readFileSync(join(EXAMPLES, name)), { fileName: name });
}

/** Drop trailing empty cells/rows so grids built by different adapters compare by content. */
function normalise(g: Grid): Grid {
  const trim = <T>(m: T[][] | undefined): T[][] | undefined => {
    if (!m) return undefined;
    const rows = m.map((r) => {
      const row = (r ?? []).map((v) => (v === undefined ? null : v)) as T[];
      while (row.length && row[row.length - 1] === null) row.pop();
      return row;
    });
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    return rows.length ? rows : undefined;
  };
  return {
    sheets: g.sheets.map((s) => ({
      name: s.name,
      values: trim(s.values) ?? [],
      formulas: trim(s.formulas),
      formats: trim(s.formats),
      merges: [...s.merges].sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1),
      hidden: s.hidden ?? false,
    })) as GridSheet[],
    names: [...g.names].sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/** n sheets cut from a real seed workbook (cycled, renamed to stay unique). */
function manySheets(base: Grid, n: number): Grid {
  const sheets: GridSheet[] = [];
  for (let i = 0; i < n; i++) {
    const s = base.sheets[i % base.sheets.length];
    sheets.push({ ...JSON.parse(JSON.stringify(s)), name: `${i + 1}.${s.name}`.slice(0, 31) });
  }
  return { sheets, names: [] };
}

function bigSheet(rows: number, text: (r: number, c: number) => string): Grid {
  // Row 0 is a title merged across A:H, so only its top-left holds a value (Grid contract).
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: 8 }, (_, c) => (r === 0 ? (c === 0 ? "大表标题" : null) : c === 7 ? r * 1.5 : text(r, c))),
  );
  return { sheets: [{ name: "大表", values, merges: [{ r1: 0, c1: 0, r2: 0, c2: 7 }] }], names: [] };
}

describe("OfficePort.readWorkbook over the recording fake", () => {
  const files = ["seed-000.xlsx", "seed-001.xlsx", "seed-002.xlsx", "seed-002-stacked.xlsx", "seed-004.xlsx", "seed-004-merged.xlsx"];

  test.each(files)("%s: same grid and same canonical JSON as the file adapter, in 3 syncs", async (file) => {
    const grid = await example(file);
    const fake = createFakeExcel(grid);
    const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
    const read = await port.readWorkbook();
    expect(normalise(read)).toEqual(normalise(grid));
    expect(toCanonicalJson(readWorkbook(read).document)).toBe(toCanonicalJson(readWorkbook(grid).document));
    expect(fake.stats.syncs).toBe(3);
    expect(fake.stats.runs).toBe(1);
    for (const b of fake.stats.batches) expect(b.requestBytes + b.responseBytes).toBeLessThan(LIMIT);
    // No value ever leaks an office-addin-mock style sentinel or an unloaded marker.
    expect(JSON.stringify(read)).not.toMatch(/Error, (property was not loaded|context\.sync\(\) was not called)/);
  });

  test.each([1, 10, 60])("%i sheets → ≤ 3 syncs, proxies grow linearly, every batch < 5 MB", async (n) => {
    const grid = manySheets(await example("seed-000.xlsx"), n);
    const fake = createFakeExcel(grid);
    const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
    const read = await port.readWorkbook();
    expect(read.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    // per sheet: item proxy, used range, names, a data range, the full used range, merged areas (+ fixed overhead)
    expect(fake.stats.proxies).toBeLessThanOrEqual(8 * n + 10);
    for (const b of fake.stats.batches) expect(b.requestBytes + b.responseBytes).toBeLessThan(LIMIT);
    expect(normalise(read)).toEqual(normalise(grid));
    console.log(`[port] ${n} sheets: syncs=${fake.stats.syncs} proxies=${fake.stats.proxies} maxBatch=${Math.max(...fake.stats.batches.map((b) => b.requestBytes + b.responseBytes))} B`);
  });

  test("a 20,000-row sheet is read in row chunks, each batch under 5 MB, content intact", async () => {
    const grid = bigSheet(20_000, (r, c) => `第${r}行第${c}列的指标说明文字`);
    const fake = createFakeExcel(grid);
    const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
    const progress: number[] = [];
    const read = await port.readWorkbook((p) => progress.push(p.fraction));
    expect(normalise(read)).toEqual(normalise(grid));
    const dataBatches = fake.stats.batches.slice(2);
    expect(dataBatches.length).toBeGreaterThan(1); // chunked
    expect(fake.stats.batches.every((b) => !b.failed)).toBe(true);
    for (const b of fake.stats.batches) expect(b.requestBytes + b.responseBytes).toBeLessThan(LIMIT);
    expect(progress[progress.length - 1]).toBe(1);
    console.log(
      `[port] 20000x8 sheet: syncs=${fake.stats.syncs} batches(KB)=${dataBatches.map((b) => Math.round((b.requestBytes + b.responseBytes) / 1024)).join(",")}`,
    );
  });

  test("a batch Excel refuses as too large is split and retried; nothing is lost", async () => {
    const long = "这是一段很长的绩效目标说明".repeat(12); // ~150 CJK characters per cell
    const grid = bigSheet(6_000, (r, c) => `${r}-${c}${long}`);
    const fake = createFakeExcel(grid);
    const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
    const read = await port.readWorkbook();
    expect(normalise(read)).toEqual(normalise(grid));
    const failed = fake.stats.batches.filter((b) => b.failed);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((b) => /PayloadSizeLimitExceeded/.test(b.failed ?? ""))).toBe(true);
    for (const b of fake.stats.batches.filter((x) => !x.failed)) expect(b.requestBytes + b.responseBytes).toBeLessThan(LIMIT);
  });

  test("merges are skipped (not guessed) when ExcelApi 1.13 is missing", async () => {
    const grid = await example("seed-004-merged.xlsx");
    const fake = createFakeExcel(grid, { apiMinor: 12 });
    const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
    const read = await port.readWorkbook();
    expect(read.sheets.every((s) => s.merges.length === 0)).toBe(true);
    expect(fake.stats.syncs).toBe(3);
  });

  test("an old client (ExcelApi 1.5): names through `value`, no merges, still 3 syncs; inserts skip newer APIs", async () => {
    const grid: Grid = {
      sheets: [{ name: "表", values: [["预算数", 5]], merges: [] }],
      names: [{ name: "JXMB_TOTAL", sheet: "表", ref: "B1" }],
    };
    const fake = createFakeExcel(grid, { apiMinor: 5 });
    const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
    const read = await port.readWorkbook();
    expect(read.names).toEqual([{ name: "JXMB_TOTAL", sheet: "表", ref: "B1" }]);
    expect(fake.stats.syncs).toBe(3);
    const res = await port.insertSheets(renderTemplate(null, { projects: 1 }));
    expect(res.names.length).toBeGreaterThan(1);
    const proj = fake.book.sheets.find((s) => s.name === "项目1")!;
    expect(proj.validations).toEqual([]);
    expect(proj.log.some((e) => e.path.startsWith("conditionalFormats"))).toBe(false);
  });

  test("dates, errors, formulas, formats, hidden sheets and names survive the trip", async () => {
    const grid: Grid = {
      sheets: [
        {
          name: "表 1",
          values: [
            ["日期", { date: "2024-12-31" }, { error: "#REF!" }, 0.25, true, "001"],
            ["合计", 3, null, null, null, null],
          ],
          formulas: [[null, null, "A1+#REF!", null, null, null], [null, "1+2"]],
          formats: [[null, "yyyy-mm-dd", null, "0%", null, null]],
          merges: [{ r1: 1, c1: 1, r2: 1, c2: 3 }],
        },
        { name: "_lists", values: [["产出指标"]], merges: [], hidden: true },
      ],
      names: [
        { name: "JXMB_TOTAL", sheet: "表 1", ref: "B2" },
        { name: "JXMB_VERSION", sheet: null, ref: '"JXMB-TEMPLATE-1.0"' },
      ],
    };
    const fake = createFakeExcel(grid);
    const read = await new OfficePort(fake.Excel as never, { supports: fake.supports }).readWorkbook();
    expect(normalise(read)).toEqual(normalise(grid));
  });
});

/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests break the Office.js rules on purpose, to prove the fake catches it */
describe("the recording fake is strict like Office.js", () => {
  test("reading a property that was not loaded throws; loads apply only on sync", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [["a"]], merges: [] }], names: [] });
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      expect(() => r.values).toThrow(FakeExcelError);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([["a"]]);
      r.values = [["b"]];
      expect(fake.book.sheets[0].values[0][0]).toBe("a"); // queued, not applied
      await ctx.sync();
      expect(fake.book.sheets[0].values[0][0]).toBe("b");
    });
  });

  test("writes must match the range size", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [], merges: [] }], names: [] });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:B1").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

/* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */

describe("OfficePort.selectCell / sheetNames / insertSheets", () => {
  test("selectCell activates the sheet and selects the cell in one sync", async () => {
    const grid = await example("seed-002.xlsx");
    const fake = createFakeExcel(grid);
    const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
    await port.selectCell("项目2", "C7");
    expect(fake.stats.selections).toEqual([{ sheet: "项目2", address: "C7" }]);
    expect(fake.stats.activated).toEqual(["项目2"]);
    expect(fake.stats.syncs).toBe(1);
  });

  test("selectCell on a missing sheet rejects with a Chinese message", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [], merges: [] }], names: [] });
    const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
    const err = await port.selectCell("不存在", "A1").catch((e) => e);
    expect(err).toBeInstanceOf(FakeExcelError);
    expect(portErrorMessage(err)).toMatch(/^找不到指定的工作表或单元格/);
    expect(fake.stats.selections).toEqual([]);
  });

  test("insertSheets never touches existing sheets: taken names get a free variant", async () => {
    const grid = await example("seed-004-merged.xlsx");
    const fake = createFakeExcel(grid);
    const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
    const before = JSON.stringify(fake.book.sheets);
    const insert: Grid = {
      sheets: [
        {
          name: "表1",
          values: [["项目名称", "001", "=不是公式"], ["预算数", 12.5, null]],
          formulas: [[], [null, null, "B2*2"]],
          formats: [[], [null, "0.00####"]],
          merges: [{ r1: 0, c1: 1, r2: 0, c2: 2 }],
        },
        { name: "部门", values: [["部门名称"]], merges: [] },
      ],
      names: [{ name: "JXMB_BUDGET", sheet: "表1", ref: "B2" }],
    };
    const extras = {
      表1: {
        columns: [{ width: 10 }, { width: 20, hidden: true }],
        rowHeights: {},
        styles: [{ range: "A1:A2", role: "label" as const }],
        validations: [
          { range: "A5:A9", type: "list" as const, formulae: ['"产出指标,效益指标"'], allowBlank: true, errorStyle: "stop" as const },
          { range: "B5:B9", type: "decimal" as const, operator: "between" as const, formulae: [0, 1], allowBlank: true, errorStyle: "warning" as const },
        ],
        conditionalFormats: [{ range: "C1:C2", formula: "LEFT('表1'!C1,1)=\"✗\"", style: "bad" as const }],
        freeze: { rows: 1, cols: 0 },
        landscape: true,
        unlocked: [],
        protect: false,
      },
    };
    const res = await port.insertSheets({ grid: insert, extras });
    expect(res.names).toEqual(["表1 (2)", "部门"]);
    expect(JSON.stringify(fake.book.sheets.slice(0, grid.sheets.length))).toBe(before);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    const added = fake.book.sheets.find((s) => s.name === "表1 (2)")!;
    expect(added.values[0]).toEqual(["项目名称", "001", "=不是公式"]); // text stays text ("@")
    expect(added.formats[0][1]).toBe("@");
    expect(added.formulas[1][2]).toBe("=B2*2");
    expect(added.merges).toEqual([{ r1: 0, c1: 1, r2: 0, c2: 2 }]);
    expect(added.validations).toEqual([
      { address: "A5:A9", rule: { list: { inCellDropDown: true, source: "产出指标,效益指标" } } },
      { address: "B5:B9", rule: { decimal: { formula1: 0, formula2: 1, operator: "Between" } } },
    ]);
    // the conditional format's formula follows the renamed sheet
    expect(added.log).toContainEqual({ address: "C1:C2", path: "conditionalFormats.add().custom.rule.formula", value: "=LEFT('表1 (2)'!C1,1)=\"✗\"" });
    expect(added.log).toContainEqual({ address: "B1:B1", path: "columnHidden", value: true });
    expect(added.log).toContainEqual({ path: "freezePanes.freezeRows()", value: [1] });
    expect(fake.book.names.some((n) => n.name === "JXMB_BUDGET" && n.formula === "='表1 (2)'!$B$2")).toBe(true);

    // A second insert of the same book: names again free, the defined name goes sheet-scoped instead of clashing.
    const res2 = await port.insertSheets({ grid: insert });
    expect(res2.names).toEqual(["表1 (3)", "部门 (2)"]);
    expect(fake.book.sheets.find((s) => s.name === "表1 (3)")!.names).toEqual([{ name: "JXMB_BUDGET", formula: "='表1 (3)'!$B$2" }]);
    expect(await port.sheetNames()).toEqual([...grid.sheets.map((s) => s.name), "表1 (2)", "部门", "表1 (3)", "部门 (2)"]);
  });
});

describe("template insertion round trip", () => {
  test("a template rendered from a seed document, inserted via Office.js and read back, gives the same document", async () => {
    const doc = readWorkbook(await example("seed-004-merged.xlsx")).document;
    const book = renderTemplate(doc);
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1", values: [], merges: [] }], names: [] });
    const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
    const res = await port.insertSheets(book);
    expect(res.names).toEqual(book.grid.sheets.map((s) => s.name));
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    for (const b of fake.stats.batches) expect(b.requestBytes + b.responseBytes).toBeLessThan(LIMIT);
    expect(fake.book.sheets.find((s) => s.name === "_lists")?.visibility).toBe("Hidden");
    const insertKB = fake.stats.batches.map((b) => Math.round(b.requestBytes / 1024)).join(",");
    fake.resetStats();
    const back = await port.readWorkbook();
    expect(fake.stats.syncs).toBe(3);
    expect(toCanonicalJson(readWorkbook(back).document)).toBe(toCanonicalJson(readWorkbook(book.grid).document));
    console.log(`[port] insert ${book.grid.sheets.length}-sheet template: syncs/batches(KB)=${insertKB}`);
  });

  test("one project sheet: only the project sheet and its lists, with the names they need", () => {
    const { book } = templateBook("project", "hebei");
    expect(book.grid.sheets.map((s) => s.name)).toEqual([book.projectSheets[0], "_lists"]);
    expect(book.grid.names.every((n) => n.sheet === book.projectSheets[0] || n.sheet === "_lists")).toBe(true);
    expect(Object.keys(book.extras).sort()).toEqual([book.projectSheets[0], "_lists"].sort());
  });

  test("bad JSON gives zh-CN errors naming the problem", () => {
    const bad = importJsonText("{ not json", "x.json");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/不是有效的 JSON/);
    const wrongField = importJsonText(JSON.stringify({ schemaVersion: 1, projects: "x" }), "y.json");
    expect(wrongField.ok).toBe(false);
    if (!wrongField.ok) expect(wrongField.errors.join("\n")).toMatch(/字段 /);
  });
});

describe("address helpers", () => {
  test("splitAreas keeps quoted sheet names with commas together", () => {
    expect(splitAreas("'a,b'!A1:B2,'a,b'!C3:D4")).toEqual(["'a,b'!A1:B2", "'a,b'!C3:D4"]);
    expect(parseRangeAddress("'It''s'!$B$2:$C$9")).toEqual({ r1: 1, c1: 1, r2: 8, c2: 2 });
  });
  test("toDefinedName", () => {
    expect(toDefinedName("X", "='表 1'!$C$5:$F$5")).toEqual({ name: "X", sheet: "表 1", ref: "C5:F5" });
    expect(toDefinedName("V", '="1.0"')).toEqual({ name: "V", sheet: null, ref: '"1.0"' });
  });
  test("date formats and serials", () => {
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat("[$-804]yyyy年m月")).toBe(true);
    expect(isDateFormat("0%")).toBe(false);
    expect(isDateFormat("0.00####")).toBe(false);
    expect(isDateFormat('#,##0.00"元"')).toBe(false);
    expect(isDateFormat("[Red]0.00")).toBe(false);
    expect(serialToIso(45657)).toBe("2024-12-31");
    // Outside Excel's dates (Excel shows #####): no date, and no RangeError that would fail the whole read.
    expect(serialToIso(1e21)).toBeNull();
    expect(serialToIso(-1)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
  });
  test("a date-formatted cell holding a number past 9999-12-31 is read as that number, not a failed read", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [["日期", 1e21, 45657]], formats: [[null, "yyyy-mm-dd", "yyyy-mm-dd"]], merges: [] }], names: [] });
    const read = await new OfficePort(fake.Excel as never, { supports: fake.supports }).readWorkbook();
    expect(read.sheets[0].values[0]).toEqual(["日期", 1e21, { date: "2024-12-31" }]);
  });
  test("freeSheetNames is case-insensitive and keeps ≤ 31 characters", () => {
    expect(freeSheetNames(["Sheet1", "sheet1"], ["SHEET1"])).toEqual(["Sheet1 (2)", "sheet1 (3)"]);
    const long = "很".repeat(31);
    const [n] = freeSheetNames([long], [long]);
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n.endsWith(" (2)")).toBe(true);
  });
});
