/**
 * The template as designed: written with exceljs and read back (validations, names, version,
 * formats, hidden lists), deterministic bytes, text that looks like a formula stays text, in-sheet
 * check evaluators, and document → template → document on every seed-shaped example workbook.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import { a1, type Grid } from "../../src/model/grid";
import { DEFAULT_READERS, readWorkbook } from "../../src/model/read";
import { templateReader } from "../../src/model/read/template";
import { emptyDocument, type JxmbDocument } from "../../src/model/schema";
import { level1Options, level2Options, LEVEL1, type Level1Key } from "../../src/model/taxonomy";
import {
  CHECK,
  DEPARTMENT,
  FMT_MONEY,
  FMT_PERCENT,
  FMT_TEXT,
  NAMES,
  PROJECT,
  PROJECT_NINGXIA,
  SHEET_LISTS,
  TEMPLATE_VERSION,
  renderTemplate,
  type TemplateBook,
} from "../../src/model/write";
import { budgetCheck, planCheck, ruleIdsIn } from "../../src/model/write/checks";
import { loadGrid } from "../../src/xlsx/read";
import { writeTemplateBook } from "../../src/xlsx/write";
import { syntheticDocument } from "../helpers/synthetic";

/** One entry of a zip (stored or deflated), found through the central directory. */
function zipEntry(b: Uint8Array, name: string): string {
  const buf = Buffer.from(b);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < buf.readUInt16LE(eocd + 10); k++) {
    const n = buf.readUInt16LE(p + 28);
    const entry = buf.toString("utf8", p + 46, p + 46 + n);
    if (entry === name) {
      const local = buf.readUInt32LE(p + 42);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + buf.readUInt32LE(p + 20));
      return (buf.readUInt16LE(p + 10) === 8 ? zlib.inflateRawSync(data) : data).toString("utf8");
    }
    p += 46 + n + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  throw new Error(`${name} not in zip`);
}

const EXAMPLES = path.join(__dirname, "../../examples");
const readers = [templateReader, ...DEFAULT_READERS.filter((r) => r.layout !== "template")];

/** The model without what a layout cannot keep: where things were read from. */
function strip(d: JxmbDocument): unknown {
  const c = JSON.parse(JSON.stringify(d));
  for (const p of c.projects) {
    delete p.source;
    delete p.layout;
    for (const i of p.indicators) delete i.source;
  }
  if (c.overview) delete c.overview.source;
  if (c.declaredTotals) delete c.declaredTotals.source;
  return c;
}

async function roundTrip(doc: JxmbDocument): Promise<{ doc: JxmbDocument; grid: Grid; problems: unknown[] }> {
  const grid = await loadGrid(await writeTemplateBook(renderTemplate(doc)));
  const res = readWorkbook(grid, { readers, profile: doc.profile });
  return { doc: res.document, grid, problems: res.problems.filter((p) => p.severity !== "info") };
}

function edgeDocument(): JxmbDocument {
  const doc = syntheticDocument(6, 5);
  const [a, b, c, d, e, f] = doc.projects;
  a.goals = ['=HYPERLINK("http://x","点我")', "+86 电话", "-3", "@提醒"]; // data, never formulas
  a.name = "=1+1";
  b.budget = { total: 587.92, fiscal: 587.92, other: null, raw: { total: "587.92 万 元", fiscal: null, other: null } };
  c.spendPlan = null; // the source layout had no plan
  d.redacted = true;
  d.indicators = [];
  d.goals = [];
  e.indicators[0].level1Raw = "产 出 指 标";
  e.indicators[1].targetParts = { symbol: "≥", value: "95", unit: "%" };
  e.spendPlan = { mar: null, jun: 25, oct: 50, dec: 100, raw: { mar: null, jun: "25%", oct: "50%", dec: "100%" } };
  f.budget = { total: 0.000001, fiscal: 0.000001, other: 0, raw: { total: null, fiscal: null, other: null } };
  f.attribute = { code: "0101", name: "一年期项目" };
  f.period = "1 年";
  doc.overview = { summary: "总体目标", items: [{ title: "一、维护国家安全", goal: "涉密", indicators: null }], safeguards: "一是…\n二是…", source: null };
  doc.declaredTotals = { department: 12.5, units: [{ code: "312001", name: "本级", total: null }], source: null };
  return doc;
}

describe("written template, read back with exceljs", () => {
  let book: TemplateBook;
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;

  beforeAll(async () => {
    book = renderTemplate(edgeDocument());
    bytes = await writeTemplateBook(book);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  });

  test("sheets: 部门, 汇总, one per project, hidden _lists", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["部门", "汇总", ...book.projectSheets, SHEET_LISTS]);
    expect(book.projectSheets).toHaveLength(6);
    expect(wb.getWorksheet(SHEET_LISTS)!.state).toBe("hidden");
  });

  test("version stored as a defined name and a cell on 部门; full recalculation on load; fixed dates", () => {
    const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    const v = model.find((n) => n.name === NAMES.version)!;
    expect(v.ranges).toEqual(["'部门'!$H$2"]);
    expect(wb.getWorksheet("部门")!.getCell("H2").value).toBe(TEMPLATE_VERSION);
    expect(zipEntry(bytes, "xl/workbook.xml")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    expect(wb.created.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    for (const n of Object.values(NAMES).filter((x) => x !== NAMES.level2ListPrefix)) expect(model.map((m) => m.name)).toContain(n);
    expect(model.find((n) => n.name === "JXMB_P001_BUDGET_TOTAL")!.ranges).toEqual([`'${book.projectSheets[0]}'!$C$4`]);
    expect(model.find((n) => n.name === "JXMB_P001_INDICATORS")!.ranges).toEqual([`'${book.projectSheets[0]}'!$A$10:$G$39`]);
  });

  test("_lists holds the taxonomy's 一级/二级 lists (hebei → 2015 framework)", () => {
    const ws = wb.getWorksheet(SHEET_LISTS)!;
    const l1 = level1Options("2015");
    expect(l1.map((_l, i) => ws.getCell(i + 2, 1).value)).toEqual(l1);
    l1.forEach((l, i) => {
      const key = (Object.keys(LEVEL1) as Level1Key[]).find((k) => LEVEL1[k] === l)!;
      const l2 = level2Options("2015", key);
      expect(l2.map((_x, j) => ws.getCell(j + 2, i + 2).value)).toEqual(l2);
    });
  });

  test("central-2021 profile gets 成本指标 as a 一级 in the drop-down lists", () => {
    const doc = syntheticDocument(1, 2);
    doc.profile = "central-2021";
    const b = renderTemplate(doc);
    const lists = b.grid.sheets.find((s) => s.name === SHEET_LISTS)!;
    expect(lists.values.slice(1, 5).map((r) => r[0])).toEqual(level1Options("2021"));
    expect(b.framework).toBe("2021");
  });

  test("data validations: 一级 list, dependent 二级 via INDIRECT, 指标值 prompt, amounts, percentages, year, profile", () => {
    const ws = wb.getWorksheet(book.projectSheets[0])!;
    const first = PROJECT.indicatorFirstRow + 1;
    const last = first + PROJECT.indicatorMinRows - 1;
    for (const r of [first, last]) {
      expect(ws.getCell(r, 1).dataValidation).toMatchObject({ type: "list", formulae: [NAMES.level1List] });
      // One rule over the whole column range; its relative reference is anchored at the top-left cell.
      expect(ws.getCell(r, 2).dataValidation).toMatchObject({ type: "list", formulae: [`INDIRECT("JXMB_L2_"&MATCH($A${first},JXMB_L1,0))`] });
      expect(ws.getCell(r, 5).dataValidation.prompt).toMatch(/≥ ≤ = > </);
    }
    expect(ws.getCell(last + 1, 1).dataValidation).toBeUndefined();
    for (const a of ["C4", "E4", "G4"]) expect(ws.getCell(a).dataValidation).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });
    for (const a of ["B7", "E7"]) expect(ws.getCell(a).dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1] });
    const dep = wb.getWorksheet("部门")!;
    expect(dep.getCell("B4").dataValidation).toMatchObject({ type: "whole", formulae: [2000, 2100] });
    expect(dep.getCell("H3").dataValidation).toMatchObject({ type: "list", formulae: ['"hebei,ningxia,central-2021"'] });
  });

  test("number formats: money 0.00####, plan 0%, text inputs @; spend plan stored as fractions", () => {
    const ws = wb.getWorksheet(book.projectSheets[0])!;
    expect(["C4", "E4", "G4"].map((a) => ws.getCell(a).numFmt)).toEqual([FMT_MONEY, FMT_MONEY, FMT_MONEY]);
    expect(["B7", "C7", "D7", "E7"].map((a) => ws.getCell(a).numFmt)).toEqual(Array(4).fill(FMT_PERCENT));
    expect(["B7", "C7", "D7", "E7"].map((a) => ws.getCell(a).value)).toEqual([0.25, 0.5, 0.75, 1]);
    for (const a of ["B3", "E3", "B8", "A10", "E10"]) expect(ws.getCell(a).numFmt).toBe(FMT_TEXT);
  });

  test("check cells carry native formulas with cached results, and conditional formats colour them", () => {
    const ws = wb.getWorksheet(book.projectSheets[0])!;
    const h4 = ws.getCell("H4").value as ExcelJS.CellFormulaValue;
    expect(h4.formula).toMatch(/〔budget\/sum-mismatch〕/);
    expect(h4.result).toBe(CHECK.ok);
    const all = book.grid.sheets.flatMap((s) => (s.formulas ?? []).flat().filter((f): f is string => !!f));
    expect(all.length).toBeGreaterThan(100);
    for (const f of all) expect(f).not.toMatch(/\b(LET|LAMBDA|XLOOKUP|FILTER|UNIQUE|SEQUENCE|JXMB\.)\(/);
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => c.rules[0].formulae[0])).toEqual([
      'LEFT(H1,1)="✗"',
      'LEFT(H1,1)="✓"',
      'LEFT(H1,3)="待填写"',
      // 一级/二级 printed merged: a repeated value hidden, a group's first row bordered.
      'AND(A11<>"",A11=A10)',
      'AND(B11<>"",B11=B10,A11=A10)',
      'NOT(AND(A11<>"",A11=A10))',
      'NOT(AND(B11<>"",B11=B10,A11=A10))',
      'NOT(AND(A39<>"",A39=A38))',
      'NOT(AND(B39<>"",B39=B38,A39=A38))',
    ]);
  });

  test("text starting with = + - @ is written as text, never as a formula", () => {
    const ws = wb.getWorksheet(book.projectSheets[0])!;
    expect(ws.getCell("E3").value).toBe("=1+1");
    expect(ws.getCell("E3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B8").value).toBe('=HYPERLINK("http://x","点我")\n+86 电话\n-3\n@提醒');
    expect(ws.getCell("B8").type).toBe(ExcelJS.ValueType.String);
  });

  test("bytes are deterministic", async () => {
    const again = await writeTemplateBook(renderTemplate(edgeDocument()));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  test("protection (optional) locks labels and formulas, leaves inputs editable and allows inserting rows", async () => {
    const b = renderTemplate(syntheticDocument(1, 2), { protect: true });
    const out = await writeTemplateBook(b);
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(out as unknown as ArrayBuffer);
    const ws = w.getWorksheet(b.projectSheets[0])!;
    // In the file format a "0" flag means the action is NOT blocked.
    expect(zipEntry(out, "xl/worksheets/sheet3.xml")).toMatch(/<sheetProtection sheet="1"[^>]* insertRows="0"/);
    expect(ws.getCell("C4").protection?.locked).toBe(false);
    expect(ws.getCell("A10").protection?.locked).toBe(false);
    expect(ws.getCell("B4").protection?.locked).not.toBe(false);
  });
});

describe("in-sheet check evaluators (the formulas' twins; the LibreOffice tests prove they agree)", () => {
  test("budget: budget/not-number and budget/sum-mismatch, named in the text", () => {
    expect(budgetCheck(5, 5, null)).toBe(CHECK.ok);
    expect(budgetCheck(0.3, 0.1, 0.2)).toBe(CHECK.ok); // float noise rounded to 分
    expect(budgetCheck(5, 4.5, null)).toBe("✗ 预算数≠财政资金+其他资金〔budget/sum-mismatch〕");
    expect(budgetCheck(null, null, null)).toBe(CHECK.todo);
    expect(budgetCheck(5, null, null)).toBe(CHECK.todo);
    expect(budgetCheck("5万元", 5, null)).toBe("✗ 预算数不是有效金额〔budget/not-number〕");
    expect(budgetCheck(-1, -1, 0)).toBe("✗ 预算数不是有效金额〔budget/not-number〕；财政资金不是有效金额〔budget/not-number〕");
    // Other funds as text count 0, as the pane's arithmetic does: 5 = 5 + 0.
    expect(budgetCheck(5, 5, "见附件")).toBe("✗ 其他资金不是有效金额〔budget/not-number〕");
    // A rule the profile turns off has no part.
    expect(budgetCheck(5, 4.5, null, (id) => id !== "budget/sum-mismatch")).toBe(CHECK.ok);
  });
  test("spend plan (fractions): missing, out-of-range, decreasing, not-100", () => {
    expect(planCheck([0, 0, 1, 1], true)).toBe(CHECK.ok);
    expect(planCheck([null, null, null, null], false)).toBe(CHECK.todo);
    expect(planCheck([null, null, null, null], true)).toBe("✗ 资金支出计划未填写〔spend-plan/missing〕");
    expect(planCheck([null, 0.25, 0.5, 1], true)).toBe("✗ 3月底为空〔spend-plan/missing〕");
    expect(planCheck([0.1, 0.2, 0.3, null], true)).toBe("✗ 年末累计进度应为100%〔spend-plan/not-100〕");
    expect(planCheck([0.5, 0.3, 0.8, 0.9], true)).toBe("✗ 6月底累计进度下降〔spend-plan/decreasing〕；年末累计进度应为100%〔spend-plan/not-100〕");
    expect(planCheck([0.25, 0.5, 0.75, 25], true)).toBe("✗ 12月底超出0–100%〔spend-plan/out-of-range〕");
    expect(planCheck([0.2, 0.47, 0.73, 1.0000000001], true)).toBe(CHECK.ok);
    expect(planCheck(["25%", 0.5, 0.75, 1], true)).toBe("✗ 3月底为空〔spend-plan/missing〕");
  });
  test("rule ids are read back from a check text", () => {
    expect(ruleIdsIn("✗ 缺少满意度指标〔indicator/missing-satisfaction〕；产出指标缺少时效指标〔indicator/missing-output-dimension〕")).toEqual([
      "indicator/missing-satisfaction",
      "indicator/missing-output-dimension",
    ]);
    expect(ruleIdsIn(CHECK.ok)).toEqual([]);
  });
});

describe("document → template → document on the corpus (public tables of other provinces)", () => {
  const dir = path.join(__dirname, "..", "corpus", "workbooks");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort();

  // Every corpus document, whatever its form: 中期 targets and self-evaluation actuals have no cells yet and ride in the meta cell.
  test.each(files)("%s: lossless", async (file) => {
    const original = readWorkbook(await loadGrid(fs.readFileSync(path.join(dir, file)), { fileName: file })).document;
    const back = await roundTrip(original);
    expect(strip(back.doc)).toEqual(strip(original));
  });
});

describe("one project form per profile: Ningxia (seed 004)", () => {
  test("主管部门及代码, 实施单位, 项目属性, 项目期 and the year are visible cells; no spend plan; read back the same", async () => {
    const original = readWorkbook(await loadGrid(fs.readFileSync(path.join(EXAMPLES, "seed-004.xlsx")))).document;
    expect(original.profile).toBe("ningxia");
    const b = renderTemplate(original);
    const s = b.grid.sheets.find((x) => x.name === b.projectSheets[0])!;
    const F = PROJECT_NINGXIA.fields;
    const cell = (spot: { r: number; c: number } | undefined) => s.values[spot!.r]?.[spot!.c] ?? null;
    const p = original.projects[0];
    expect([cell(F.competentName), cell(F.competentCode), cell(F.implementing), cell(F.period)]).toEqual([
      p.competentDepartment!.name,
      p.competentDepartment!.code,
      p.implementingUnit,
      p.period,
    ]);
    expect([cell(F.attributeCode), cell(F.attributeName)]).toEqual([p.attribute!.code, p.attribute!.name]);
    expect(cell(PROJECT_NINGXIA.yearLine)).toBe("（2024年度）");
    expect(cell(PROJECT_NINGXIA.title)).toBe("部门项目支出预算绩效目标表");
    expect(PROJECT_NINGXIA.labels.map((l) => l.text)).toEqual(expect.arrayContaining(["主管部门及代码", "实施单位", "项目属性", "项目期", "项目资金（万元）", "年度资金总额", "年度总体目标"]));
    // The form has no 资金支出计划: no plan label, no plan check.
    expect(PROJECT_NINGXIA.planKeys).toEqual([]);
    expect(s.values.flat().some((v) => typeof v === "string" && v.includes("资金支出计划"))).toBe(false);
    const back = await roundTrip(original);
    expect(strip(back.doc)).toEqual(strip(original));
    expect(back.doc.projects[0].source.cells["budget.total"]).toBe(a1(F.total.r, F.total.c));
  });

  test("a Hebei document keeps its Ningxia-only fields in the meta cell, and a Ningxia one its plan", async () => {
    const doc = syntheticDocument(1, 3);
    doc.projects[0].competentDepartment = { code: "019001", name: "平罗县公安局" };
    doc.projects[0].period = "1 年";
    const back = await roundTrip(doc);
    expect(back.doc.projects[0]).toMatchObject({ competentDepartment: { code: "019001", name: "平罗县公安局" }, period: "1 年" });
    const nx = { ...syntheticDocument(1, 3), profile: "ningxia" as const };
    const plan = nx.projects[0].spendPlan;
    const backNx = await roundTrip(nx);
    expect(backNx.doc.projects[0].spendPlan).toEqual(plan);
  });
});

describe("document → template → document", () => {
  const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")).sort();

  test("the examples exist", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  test.each(examples)("%s: same model except source and layout", async (file) => {
    const original = readWorkbook(await loadGrid(fs.readFileSync(path.join(EXAMPLES, file)))).document;
    expect(original.projects.length).toBeGreaterThan(0);
    const back = await roundTrip(original);
    expect(strip(back.doc)).toEqual(strip(original));
    expect(back.doc.projects.every((p) => p.layout === "template")).toBe(true);
    expect(back.problems).toEqual([]);
  });

  test("edge cases: raw texts, null plan, 涉密, blank points, formula-like text, tiny amounts, overview, declared totals", async () => {
    const doc = edgeDocument();
    const back = await roundTrip(doc);
    // A year of unknown provenance is printed on 部门 once in the template; a year inferred from the codes
    // keeps its source (seed-001 above).
    expect(back.doc.fiscalYearSource).toBe("printed");
    expect(strip(back.doc)).toEqual(strip({ ...doc, fiscalYearSource: "printed" }));
    const p = back.doc.projects[0];
    expect(p.source.cells["budget.total"]).toBe("C4");
    expect(p.indicators[0].source).toMatchObject({ level1: "A10", target: "E10" });
  });

  test("a document without projects still renders a consistent 部门/汇总 (合计 = SUM over an empty row)", async () => {
    const book = renderTemplate(emptyDocument("ningxia"));
    expect(book.projectSheets).toEqual([]);
    const sum = book.grid.sheets.find((s) => s.name === "汇总")!;
    expect(sum.formulas?.[3]?.[5]).toBe("SUM(F3:F3)");
    const res = readWorkbook(await loadGrid(await writeTemplateBook(book)), { readers });
    expect(res.document.projects).toEqual([]);
  });

  test("an empty template reads back as blank projects", async () => {
    const grid = await loadGrid(await writeTemplateBook(renderTemplate(null, { projects: 2 })));
    const res = readWorkbook(grid, { readers });
    expect(res.document.projects).toHaveLength(2);
    expect(res.document.projects.map((p) => [p.seq, p.name, p.budget.total, p.indicators.length])).toEqual([
      [1, null, null, 0],
      [2, null, null, 0],
    ]);
  });
});

describe("templateReader on edited workbooks", () => {
  let grid: Grid;
  beforeEach(async () => {
    grid = await loadGrid(await writeTemplateBook(renderTemplate(edgeDocument())));
  });
  const sheetOf = (g: Grid, i: number) => g.sheets[2 + i];

  test("a clerk's edit wins over the hidden metadata", () => {
    const s = sheetOf(grid, 1); // budget written with raw "587.92 万 元"
    s.values[3][2] = 600;
    s.values[3][4] = 600;
    const p = templateReader.read(s, grid).projects[0];
    expect(p.budget).toEqual({ total: 600, fiscal: 600, other: 0, raw: { total: null, fiscal: null, other: null } });
  });

  test("rows inserted inside the indicator block are read (with or without the defined names)", () => {
    const s = sheetOf(grid, 0);
    const at = PROJECT.indicatorFirstRow + 2;
    s.values.splice(at, 0, ["产出指标", "数量指标", "新增指标", null, "≥3个", null, null]);
    s.formulas?.splice(at, 0, []);
    const withNames = templateReader.read(s, grid).projects[0];
    expect(withNames.indicators).toHaveLength(6);
    expect(withNames.indicators[2]).toMatchObject({ name: "新增指标", target: { operator: "≥", value: 3 }, source: { name: `C${at + 1}` } });
    const noNames = templateReader.read(s, { ...grid, names: [] }).projects[0];
    expect(noNames.indicators.map((i) => i.name)).toEqual(withNames.indicators.map((i) => i.name));
  });

  test("detected by its labels even without the hidden meta column; Hebei sheets are not ours", async () => {
    const s = sheetOf(grid, 2);
    for (const row of s.values) if (row) row.splice(PROJECT.metaCol, 1);
    expect(templateReader.detect(s, grid)).toBe(true);
    const hebei = await loadGrid(fs.readFileSync(path.join(EXAMPLES, "seed-000.xlsx")));
    expect(hebei.sheets.filter((x) => templateReader.detect(x, hebei))).toEqual([]);
  });

  test("bad version and unknown profile are reported with sheet and cell, not thrown", () => {
    const dep = grid.sheets[0];
    dep.values[DEPARTMENT.fields.version.r][DEPARTMENT.fields.version.c] = "JXMB-TEMPLATE-9.0";
    dep.values[DEPARTMENT.fields.profile.r][DEPARTMENT.fields.profile.c] = "shanghai";
    const res = templateReader.read(dep, grid);
    expect(res.problems.map((p) => p.cell)).toEqual(["H2", "H3"]);
    expect(res.problems[0].message).toMatch(/^工作表“部门”H2单元格：模板版本/);
  });
});

describe("text written to .xlsx comes back exactly", () => {
  // Found by the round-trip property: exceljs dropped control characters, turned CR into LF, decoded
  // literal _xHHHH_ text, and (Node only) split surrogate pairs at 16,384-unit block edges.
  test.each([
    ["Word line break U+000B", "第一行\u000B第二行"],
    ["CR LF", "a\r\nb"],
    ["lone CR", "a\rb"],
    ["other control characters", "\u0001\u0007\u001F\u007F"],
    ["literal escape-looking text", "_x0041_ and _x005F_"],
    ["emoji at a 16,384-unit block edge", "x".repeat(16223) + "😀"],
    ["CJK Extension B", "𠮷野家".repeat(6000)],
  ])("%s", async (_what, text) => {
    const { emptySheet, setValue, getValue } = await import("../../src/model/grid");
    const { writeTemplateBook } = await import("../../src/xlsx/write");
    const { loadGrid } = await import("../../src/xlsx/read");
    const s = emptySheet("表");
    setValue(s, 0, 0, text);
    const book = { grid: { sheets: [s], names: [] }, extras: {}, version: "t", framework: "2015", projectSheets: [] };
    const g = await loadGrid(await writeTemplateBook(book as never));
    expect(getValue(g.sheets[0], 0, 0)).toBe(text);
  });
});
