/**
 * The template in a real LibreOffice: fill it from a seed-shaped project (seed 000 #1 安保指挥中心工作经费,
 * read from examples/seed-000.xlsx), a broken variant and a blank project; write it with exceljs;
 * let LibreOffice recalculate and save; read the recalculated values back.
 *
 * Every formula's cached value is replaced by "STALE" before the file goes to LibreOffice, so each
 * value read back was computed by LibreOffice itself — and must equal what our TypeScript evaluator
 * computed (the value a freshly written file carries).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { a1, isGridError, type CellValue, type Grid, type GridSheet } from "../../src/model/grid";
import { readWorkbook } from "../../src/model/read";
import { emptyDocument, type JxmbDocument, type Project } from "../../src/model/schema";
import { CHECK, DEPARTMENT, NAMES, PROJECT, SUMMARY, blankProject, renderTemplate, type TemplateBook } from "../../src/model/write";
import { loadGrid } from "../../src/xlsx/read";
import { writeTemplateBook } from "../../src/xlsx/write";
import { fenToWan, wanToFen } from "../../src/model/money";
import { convertWithLibreOffice } from "./libreoffice";
import { renderProjectPng } from "../../scripts/render-template-png";
import * as os from "node:os";

const EXAMPLE = path.join(__dirname, "../../examples/seed-000.xlsx");

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

async function seedProject(): Promise<Project> {
  const grid = await loadGrid(fs.readFileSync(EXAMPLE));
  const doc = readWorkbook(grid).document;
  const p = doc.projects.find((x) => x.name === "安保指挥中心工作经费");
  if (!p) throw new Error("seed 000 #1 not found in examples/seed-000.xlsx");
  return p;
}

function valueAt(grid: Grid, sheet: string, ref: string): CellValue {
  const s = grid.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`sheet ${sheet} missing`);
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return s.values[Number(m[2]) - 1]?.[c - 1] ?? null;
}

function named(grid: Grid, name: string): CellValue {
  const n = grid.names.find((x) => x.name === name);
  if (!n || !n.sheet) throw new Error(`name ${name} missing`);
  return valueAt(grid, n.sheet, n.ref.split(":")[0]);
}

const at = (g: Grid, sheet: string, s: { r: number; c: number }) => valueAt(g, sheet, a1(s.r, s.c));
const norm = (v: CellValue) => (v === "" ? null : v);

function staleCopy(book: TemplateBook): TemplateBook {
  const copy: TemplateBook = { ...book, grid: clone(book.grid) };
  for (const s of copy.grid.sheets) s.formulas?.forEach((row, r) => row?.forEach((f, c) => f && (s.values[r][c] = "STALE")));
  return copy;
}

function errorCells(grid: Grid): string[] {
  const out: string[] = [];
  const bad = /^(#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!)|Err:\d+)/;
  for (const s of grid.sheets)
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if ((v !== null && isGridError(v)) || (typeof v === "string" && bad.test(v))) out.push(`${s.name}!${a1(r, c)}=${JSON.stringify(v)}`);
      }),
    );
  return out;
}

describe("template recalculated by LibreOffice", () => {
  let book: TemplateBook;
  let lo: Grid;
  let loBytes: Uint8Array;
  let good: Project;
  let sheets: { good: string; broken: string; blank: string };

  beforeAll(async () => {
    good = await seedProject();
    const broken = clone(good);
    broken.seq = 2;
    broken.title = null;
    broken.name = "安保指挥中心工作经费（错误示例）";
    broken.budget.fiscal = 4.5; // 5.00 ≠ 4.50 + 0
    broken.spendPlan = { mar: 50, jun: 30, oct: 80, dec: 90, raw: { mar: null, jun: null, oct: null, dec: null } };
    broken.indicators[0].level2 = "社会效益指标"; // not under 产出指标
    const doc: JxmbDocument = emptyDocument("hebei");
    doc.fiscalYear = 2023;
    doc.department = { code: "312001", name: "卢龙县公安局" };
    doc.projects = [good, broken, blankProject(3)];
    doc.declaredTotals = {
      department: fenToWan(wanToFen(good.budget.total!) + wanToFen(broken.budget.total!)),
      units: [
        { code: "312001", name: "卢龙县公安局本级", total: 10 },
        { code: "312003", name: "卢龙县公安交通警察大队", total: 1 },
      ],
      source: null,
    };
    book = renderTemplate(doc);
    const [g, b, e] = book.projectSheets;
    sheets = { good: g, broken: b, blank: e };
    const out = convertWithLibreOffice({ stale: await writeTemplateBook(staleCopy(book)) }, "xlsx");
    loBytes = out.stale;
    lo = await loadGrid(loBytes);
  }, 240_000);

  test("the seed project is what seed 000 prints (5.00 / 5.00 / blank, 0% 0% 100% 100%)", () => {
    expect([good.budget.total, good.budget.fiscal, good.budget.other]).toEqual([5, 5, 0]);
    expect(good.spendPlan && [good.spendPlan.mar, good.spendPlan.jun, good.spendPlan.oct, good.spendPlan.dec]).toEqual([0, 0, 100, 100]);
    expect(good.indicators.length).toBeGreaterThanOrEqual(7);
  });

  test("LibreOffice recalculated every formula and agrees with our evaluator", () => {
    let n = 0;
    const diffs: string[] = [];
    for (const s of book.grid.sheets) {
      const los = lo.sheets.find((x) => x.name === s.name) as GridSheet;
      expect(los).toBeDefined();
      s.formulas?.forEach((row, r) =>
        row?.forEach((f, c) => {
          if (!f) return;
          n++;
          const want = norm(s.values[r][c]);
          const got = norm(los.values[r]?.[c] ?? null);
          if (JSON.stringify(want) !== JSON.stringify(got)) diffs.push(`${s.name}!${a1(r, c)} ours=${JSON.stringify(want)} LibreOffice=${JSON.stringify(got)}`);
        }),
      );
    }
    expect(n).toBeGreaterThan(100);
    expect(diffs).toEqual([]);
  });

  test("no cell holds an error value (#NAME?, #VALUE!, Err:…)", () => {
    expect(errorCells(lo)).toEqual([]);
  });

  test("check cells: good project passes, broken project shows each failure in Chinese", () => {
    const C = PROJECT.checks;
    expect(at(lo, sheets.good, C.budget)).toBe(CHECK.ok);
    expect(at(lo, sheets.good, C.plan!)).toBe(CHECK.ok);
    expect(at(lo, sheets.good, PROJECT.status)).toBe(CHECK.statusOk);
    for (let i = 0; i < good.indicators.length; i++) expect(at(lo, sheets.good, { r: PROJECT.indicatorFirstRow + i, c: PROJECT.checkCol })).toBe(CHECK.ok);

    expect(at(lo, sheets.broken, C.budget)).toBe("✗ 预算数≠财政资金+其他资金〔budget/sum-mismatch〕");
    expect(at(lo, sheets.broken, C.plan!)).toBe("✗ 6月底累计进度下降〔spend-plan/decreasing〕；年末累计进度应为100%〔spend-plan/not-100〕");
    expect(at(lo, sheets.broken, { r: PROJECT.indicatorFirstRow, c: PROJECT.checkCol })).toBe("✗ 二级指标缺失或不属于该一级指标〔indicator/level2-mismatch〕");
    expect(at(lo, sheets.broken, PROJECT.status)).toBe("✗ 3 项未通过");
    // The broken project has no heading of its own: the title formula follows its name.
    expect(at(lo, sheets.broken, PROJECT.title)).toBe("2.安保指挥中心工作经费（错误示例）绩效目标表");
  });

  test("blank inputs show 待填写 or nothing, never an error", () => {
    const C = PROJECT.checks;
    expect(at(lo, sheets.blank, C.budget)).toBe(CHECK.todo);
    expect(at(lo, sheets.blank, C.plan!)).toBe(CHECK.todo);
    expect(at(lo, sheets.blank, C.code)).toBe(CHECK.todo);
    expect(at(lo, sheets.blank, PROJECT.status)).toBe(CHECK.todo);
    expect(norm(at(lo, sheets.blank, { r: PROJECT.indicatorFirstRow, c: PROJECT.checkCol }))).toBeNull();
  });

  test("汇总: department total is the sum of the projects; declared totals are checked", () => {
    const want = fenToWan(wanToFen(5) + wanToFen(5));
    expect(named(lo, NAMES.total)).toBe(want);
    const rows = book.projectSheets.map((_s, i) => SUMMARY.firstRow + i);
    const pulled = rows.map((r) => at(lo, SUMMARY.sheet, { r, c: SUMMARY.cols.total }));
    expect(pulled.map(norm)).toEqual([5, 5, null]);
    expect(rows.map((r) => at(lo, SUMMARY.sheet, { r, c: SUMMARY.cols.status }))).toEqual([CHECK.statusOk, "✗ 3 项未通过", CHECK.todo]);
    const totalRow = SUMMARY.firstRow + rows.length;
    expect(at(lo, SUMMARY.sheet, { r: totalRow, c: SUMMARY.cols.status })).toBe(CHECK.ok); // 合计 = the sheets' 预算数
    expect(at(lo, SUMMARY.sheet, { r: totalRow + 1, c: SUMMARY.cols.status })).toBe(CHECK.ok); // declared 10 = 5 + 5
    const u0 = totalRow + 4;
    expect(at(lo, SUMMARY.sheet, { r: u0, c: SUMMARY.unitCols.check })).toBe(CHECK.ok);
    // No project has 312003: the pane would match the unit by name, which 汇总 cannot; the sheet says it did not check.
    expect(at(lo, SUMMARY.sheet, { r: u0 + 1, c: SUMMARY.unitCols.check })).toBe(CHECK.unitUnmatched);
    expect(at(lo, DEPARTMENT.sheet, DEPARTMENT.checks.fiscalYear)).toBe(CHECK.ok);
  });

  test("dependent 二级 drop-down: INDIRECT over the named lists evaluates in LibreOffice and the validation survives", async () => {
    expect(named(lo, NAMES.listsCheck)).toBe(CHECK.listsOk);
    // LibreOffice re-saves the validation; it must still be the INDIRECT list on the 二级 column.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(loBytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(sheets.good)!;
    const r = PROJECT.indicatorFirstRow + 1;
    const dv2 = ws.getCell(r, PROJECT.indicatorCols.level2 + 1).dataValidation;
    expect(dv2.type).toBe("list");
    expect(String(dv2.formulae?.[0])).toMatch(/INDIRECT\("JXMB_L2_"&MATCH\(\$A\d+,JXMB_L1,0\)\)/);
    const dv1 = ws.getCell(r, PROJECT.indicatorCols.level1 + 1).dataValidation;
    expect(String(dv1.formulae?.[0])).toBe(NAMES.level1List);
  });

  test("a filled project sheet prints to one landscape A4 page (PDF → PNG, as docs/template-project.png)", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-png-test-")), "p.png");
    const png = Buffer.from(await renderProjectPng(out));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    // A4 landscape (297 × 210 mm) at 80 dpi, rounded up by pdftoppm; a page with real content, not blank.
    expect([width, height]).toEqual([936, 662]);
    expect(png.length).toBeGreaterThan(10_000);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }, 120_000);
});
