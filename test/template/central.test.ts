/**
 * The central-2021 project form (财预〔2021〕101号): heading and year, 主管部门及代码 | 实施单位, 项目属性 | 项目期,
 * 总体目标 as 中期目标 | 年度目标, and 指标值 as 中期指标值 | 年度指标值, 成本指标 a 一级 from the taxonomy's lists.
 * Drawn from the layout description and read back through it: every seed and corpus document round-trips
 * losslessly under the profile, 中期 targets included, and a clerk's edits are read as the form says.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { a1, type Grid, type GridSheet } from "../../src/model/grid";
import { DEFAULT_READERS, readWorkbook } from "../../src/model/read";
import { templateReader } from "../../src/model/read/template";
import type { Indicator, JxmbDocument } from "../../src/model/schema";
import { HIERARCHY, LEVEL1, LEVEL2, level1Options } from "../../src/model/taxonomy";
import { parseTarget } from "../../src/model/value";
import { CHECK, PROJECT_CENTRAL, projectLayoutOf, renderTemplate, SHEET_LISTS } from "../../src/model/write";
import { loadGrid } from "../../src/xlsx/read";
import { writeTemplateBook } from "../../src/xlsx/write";
import { syntheticDocument } from "../helpers/synthetic";
import { stripPositional } from "../roundtrip/positional";

const ROOT = path.join(__dirname, "..", "..");
const readers = [templateReader, ...DEFAULT_READERS.filter((r) => r.layout !== "template")];
const L = PROJECT_CENTRAL;
const IC = L.indicatorCols;

/** The model without where things were read from (source cells, layout, the year's provenance), 中期 indicators included. */
const strip = stripPositional;

async function roundTrip(doc: JxmbDocument): Promise<{ doc: JxmbDocument; grid: Grid }> {
  const grid = await loadGrid(await writeTemplateBook(renderTemplate(doc)));
  return { doc: readWorkbook(grid, { readers, profile: doc.profile }).document, grid };
}

const sheetOf = (grid: Grid, name: string) => grid.sheets.find((s) => s.name === name) as GridSheet;
const cell = (s: GridSheet, r: number, c: number) => s.values[r]?.[c] ?? null;

function ind(level1: string, level2: string, name: string, target: string, extra: Partial<Indicator> = {}): Indicator {
  return { level1, level2, name, description: null, target: parseTarget(target), targetParts: null, basis: null, scoring: null, level1Raw: null, level2Raw: null, source: {}, ...extra };
}

/** A central-2021 document with 中期 targets: paired rows, 中期-only rows, and the awkward cases. */
function midTermDocument(): JxmbDocument {
  const doc = { ...syntheticDocument(3, 4), profile: "central-2021" as const };
  const [a, b, c] = doc.projects;
  a.indicators = [
    ind("成本指标", "经济成本指标", "项目总成本", "≤50万元"),
    ind("产出指标", "数量指标", "保障人数", "≥253人", { description: "年度保障", basis: "计划标准" }),
    ind("产出指标", "质量指标", "设备完好率", "≥95%"),
    ind("效益指标", "社会效益指标", "群众安全感", ""), // 年度 value blank, 中期 value present
    ind("满意度指标", "服务对象满意度指标", "群众满意度", "≥95%"),
  ];
  a.midTerm = {
    goals: ["三年内建成覆盖全县的安保指挥体系", "", "  群众安全感稳步提升  "],
    indicators: [
      ind("产出指标", "数量指标", "新建指挥点", "≥12个"), // 中期 only, before the next pair
      ind("产出指标", "数量指标", "保障人数", "≥800人", { description: "三年累计" }), // beside its 年度 partner, own description
      ind("效益指标", "社会效益指标", "群众安全感", "≥95%"),
      ind("效益指标", "可持续影响指标", "长效机制", ""), // 中期 indicator without a value
      ind("成本指标", "经济成本指标", "项目总成本", "≤150万元"), // its 年度 partner comes earlier: a row of its own
    ],
  };
  b.midTerm = { goals: [], indicators: [] }; // present but empty
  c.midTerm = { goals: ["只有中期目标"], indicators: [] };
  return doc;
}

describe("central-2021: the 财预〔2021〕101号 project form, drawn from the one description", () => {
  test("heading, year, 中期目标 | 年度目标 and 中期指标值 | 年度指标值 are cells of the form; 成本指标 a 一级 in the lists", async () => {
    const doc = midTermDocument();
    doc.projects[0].title = null;
    const book = renderTemplate(doc);
    expect(projectLayoutOf("central-2021")).toBe(PROJECT_CENTRAL);
    const s = book.grid.sheets.find((x) => x.name === book.projectSheets[0])!;
    expect(cell(s, L.title.r, L.title.c)).toBe("项目支出绩效目标表");
    expect(cell(s, L.yearLine!.r, L.yearLine!.c)).toBe(`（${doc.fiscalYear}年度）`);
    const header = (c: number) => cell(s, L.indicatorHeaderRow, c);
    expect([header(IC.level1), header(IC.level2), header(IC.name), header(IC.midTarget!), header(IC.target)]).toEqual(["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"]);
    expect(L.labels.map((l) => l.text)).toEqual(expect.arrayContaining(["主管部门及代码", "实施单位", "项目属性", "项目期", "项目资金（万元）", "总体目标", "中期目标", "年度目标"]));
    // The goals as written (one per line); the reader splits them, the meta cell keeps blank and padded ones.
    expect(cell(s, L.fields.midGoals!.r, L.fields.midGoals!.c)).toBe("三年内建成覆盖全县的安保指挥体系\n\n  群众安全感稳步提升  ");
    expect(cell(s, L.fields.goals.r, L.fields.goals.c)).toBe(doc.projects[0].goals.join("\n"));
    // One row per indicator, a 中期 indicator beside its 年度 partner (same 一级/二级/三级), both lists in order.
    // A 年度 indicator without a value keeps a row of its own (群众安全感), so that no row looks 中期-only by mistake.
    const rows = Array.from({ length: 10 }, (_, i) => [IC.name, IC.midTarget!, IC.target].map((c) => cell(s, L.indicatorFirstRow + i, c)));
    expect(rows).toEqual([
      ["项目总成本", null, "≤50万元"],
      ["新建指挥点", "≥12个", null],
      ["保障人数", "≥800人", "≥253人"],
      ["设备完好率", null, "≥95%"],
      ["群众安全感", null, null],
      ["群众满意度", null, "≥95%"],
      ["群众安全感", "≥95%", null],
      ["长效机制", null, null],
      ["项目总成本", "≤150万元", null],
      [null, null, null],
    ]);
    // The lists are the 2021 framework's, from taxonomy.ts: 成本指标 a 一级 with 经济/社会/生态环境成本.
    const lists = book.grid.sheets.find((x) => x.name === SHEET_LISTS)!;
    const l1 = lists.values.slice(1).map((r) => r[0]).filter((v) => v !== null && v !== undefined);
    expect(l1).toEqual(level1Options("2021"));
    expect(l1).toContain(LEVEL1.cost);
    const costCol = 1 + l1.indexOf(LEVEL1.cost);
    const costL2 = lists.values.slice(1).map((r) => r[costCol]).filter((v) => v !== null && v !== undefined);
    expect(costL2).toEqual((HIERARCHY["2021"].cost ?? []).map((k) => LEVEL2[k]));
    expect(costL2).toEqual(expect.arrayContaining([LEVEL2.economicCost, LEVEL2.socialCost, LEVEL2.ecologicalCost]));
  });
});

describe("central-2021: document → template → document", () => {
  const files = [
    ...fs
      .readdirSync(path.join(ROOT, "examples"))
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(ROOT, "examples", f)),
    ...fs
      .readdirSync(path.join(ROOT, "test", "corpus", "workbooks"))
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(ROOT, "test", "corpus", "workbooks", f)),
  ].sort();

  test("covers every seed example and every corpus workbook", () => {
    expect(files.filter((f) => f.includes("examples")).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => f.includes("corpus")).length).toBeGreaterThanOrEqual(15);
  });

  // Every document fits the form: what it has no cells for (a self-evaluation's actuals, Ningxia fields it lacks) rides in
  // the meta cell; 中期 targets (corpus 01 has a 中期目标) are now in their cells.
  test.each(files.map((f) => [path.basename(f), f]))("%s under central-2021: lossless", async (_name, file) => {
    const read = readWorkbook(await loadGrid(fs.readFileSync(file), { fileName: path.basename(file) })).document;
    const original = { ...read, profile: "central-2021" as const };
    const back = await roundTrip(original);
    expect(strip(back.doc)).toEqual(strip(original));
    expect(back.doc.projects.every((p) => p.layout === "template")).toBe(true);
  });

  test("corpus 01's 中期目标 is in the 中期目标 cell, not hidden", async () => {
    const file = path.join(ROOT, "test", "corpus", "workbooks", "01-武汉青山-教育局-2020.xlsx");
    const original = { ...readWorkbook(await loadGrid(fs.readFileSync(file), { fileName: "01.xlsx" })).document, profile: "central-2021" as const };
    expect(original.projects[0].midTerm?.goals.length).toBeGreaterThan(0);
    const { doc, grid } = await roundTrip(original);
    const s = sheetOf(grid, doc.projects[0].source.sheet);
    expect(cell(s, L.fields.midGoals!.r, L.fields.midGoals!.c)).toBe(original.projects[0].midTerm!.goals.join("\n"));
    expect(doc.projects[0].source.cells["midTerm.goals"]).toBe(a1(L.fields.midGoals!.r, L.fields.midGoals!.c));
  });

  test("中期 targets: paired, 中期-only, blank values on either side, an empty 中期 part — lossless", async () => {
    const original = midTermDocument();
    const back = await roundTrip(original);
    expect(strip(back.doc)).toEqual(strip(original));
    const p = back.doc.projects[0];
    // Each indicator points at its own value cell.
    expect(p.midTerm!.indicators[1].source).toMatchObject({ name: a1(L.indicatorFirstRow + 2, IC.name), target: a1(L.indicatorFirstRow + 2, IC.midTarget!) });
    expect(p.indicators[1].source).toMatchObject({ target: a1(L.indicatorFirstRow + 2, IC.target) });
  });

  test("the form's own heading is not taken for the project's title; a title of its own is kept", async () => {
    const doc = midTermDocument();
    doc.projects[0].title = null;
    doc.projects[1].title = "2.某专项绩效目标表";
    const back = await roundTrip(doc);
    expect(back.doc.projects.slice(0, 2).map((p) => p.title)).toEqual([null, "2.某专项绩效目标表"]);
  });
});

describe("central-2021: a clerk's edits are read as the form says", () => {
  let grid: Grid;
  let sheetName: string;
  beforeEach(async () => {
    const doc = midTermDocument();
    const bytes = await writeTemplateBook(renderTemplate(doc));
    grid = await loadGrid(bytes);
    sheetName = renderTemplate(doc).projectSheets[0];
  });
  const read = () => readWorkbook(grid, { readers, profile: "central-2021" }).document.projects[0];

  test("a 中期 value typed into a blank row is a 中期 indicator; typed beside a 年度 value, both", () => {
    const s = sheetOf(grid, sheetName);
    const r = L.indicatorFirstRow + 9; // the first blank row
    s.values[r] ??= [];
    s.values[r][IC.level1] = "产出指标";
    s.values[r][IC.level2] = "时效指标";
    s.values[r][IC.name] = "完成时限";
    s.values[r][IC.midTarget!] = "2025年底前";
    const r2 = L.indicatorFirstRow + 3; // 设备完好率: 年度 only
    s.values[r2][IC.midTarget!] = "≥98%";
    const p = read();
    expect(p.midTerm!.indicators.map((i) => [i.name, i.target.raw])).toEqual([
      ["新建指挥点", "≥12个"],
      ["保障人数", "≥800人"],
      ["设备完好率", "≥98%"],
      ["群众安全感", "≥95%"],
      ["长效机制", ""],
      ["项目总成本", "≤150万元"],
      ["完成时限", "2025年底前"],
    ]);
    expect(p.indicators.map((i) => i.name)).toEqual(["项目总成本", "保障人数", "设备完好率", "群众安全感", "群众满意度"]);
  });

  test("clearing the 中期 value of a pair leaves the 年度 indicator alone; the 中期目标 cell edited wins over the meta cell", () => {
    const s = sheetOf(grid, sheetName);
    s.values[L.indicatorFirstRow + 2][IC.midTarget!] = null; // 保障人数
    s.values[L.fields.midGoals!.r][L.fields.midGoals!.c] = "改写的中期目标";
    const p = read();
    expect(p.midTerm!.goals).toEqual(["改写的中期目标"]);
    expect(p.midTerm!.indicators.map((i) => i.name)).not.toContain("保障人数");
    expect(p.indicators.find((i) => i.name === "保障人数")!.target.raw).toBe("≥253人");
  });
});

describe("central-2021: in-sheet checks on the form", () => {
  test("a 中期-only row is not checked as a 年度 indicator (the pane reviews 年度 indicators); a paired row is", () => {
    const doc = midTermDocument();
    const book = renderTemplate(doc);
    const s = book.grid.sheets.find((x) => x.name === book.projectSheets[0])!;
    const check = (i: number) => cell(s, L.indicatorFirstRow + i, L.checkCol);
    expect(check(1)).toBe(CHECK.midOnly); // 新建指挥点
    expect(check(6)).toBe(CHECK.midOnly); // 群众安全感 (中期)
    expect(check(8)).toBe(CHECK.midOnly); // 项目总成本 (中期)
    expect(check(2)).toBe(CHECK.ok); // 保障人数, both values
    expect(String(check(4))).toMatch(/value\/missing/); // 群众安全感 (年度) without a value, as the pane says
    // 长效机制: a 中期 indicator with no value and no 年度 partner looks like a 年度 one without a value; the sheet flags it.
    expect(String(check(7))).toMatch(/value\/missing/);
    expect(s.formulas?.[L.indicatorFirstRow + 1]?.[L.checkCol]).toMatch(/^IF\(AND\(E17<>"",F17=""\),"中期指标（不作年度检查）",/);
    // The status line and the block check are where the Hebei form has them, one column right.
    expect(cell(s, L.status.r, L.status.c)).toMatch(/^✗ \d+ 项未通过$/);
    expect(cell(s, 1, L.checkCol)).toBe("校验");
  });
});
